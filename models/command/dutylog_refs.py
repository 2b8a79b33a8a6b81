"""The team or warehouse a duty-log entry concerns: a rescue team (``models.teams``) or a
warehouse (``models.supplies``), found by name. Entries keep the name as it was when
logged beside the reference, so the log reads the same after a rename; entries from
before references were kept hold free text, which stays readable as it is."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.messages import QT_TRANSLATE_NOOP, fill
from models.refusals import NotFound, Refused
from models.supplies.tables import Warehouse
from models.teams.tables import Team
from models.users import Permission, require

RESOURCE_KINDS = {
    "team": QT_TRANSLATE_NOOP("Label", "Team"),
    "warehouse": QT_TRANSLATE_NOOP("Label", "Warehouse"),
}
NAMES_LISTED = 5  # an ambiguous name lists this many of the names it matches


class AmbiguousResource(Refused):
    """A name matching several teams or warehouses."""


@dataclass(frozen=True, slots=True)
class ResourceChoice:
    kind: str  # "team" or "warehouse"
    id: int
    name: str


def resource_choices(*, session: Session) -> list[ResourceChoice]:
    """Every team and warehouse by name, for the entry form's completer."""
    require(session, Permission.READ_REGISTER)
    teams = [
        ResourceChoice("team", team_id, name)
        for team_id, name in session.execute(select(Team.id, Team.name).order_by(Team.name))
    ]
    warehouses = [
        ResourceChoice("warehouse", warehouse_id, name)
        for warehouse_id, name in session.execute(
            select(Warehouse.id, Warehouse.name).order_by(Warehouse.name)
        )
    ]
    return teams + warehouses


def _named(session: Session, kind: str, name: str, *, exact: bool) -> list[ResourceChoice]:
    table = Team if kind == "team" else Warehouse
    column = table.name
    condition = column == name if exact else column.contains(name, autoescape=True)
    return [
        ResourceChoice(kind, found_id, found_name)
        for found_id, found_name in session.execute(
            select(table.id, column).where(condition).order_by(column).limit(NAMES_LISTED + 1)
        )
    ]


def _one(found: list[ResourceChoice], text: str) -> ResourceChoice | None:
    if len(found) > 1:
        listed = "、".join(choice.name for choice in found[:NAMES_LISTED])
        raise AmbiguousResource(
            fill(
                QCoreApplication.translate(
                    "DutyLog", "Several teams or warehouses match “%1”: %2. Give the full name."
                ),
                text,
                listed + ("…" if len(found) > NAMES_LISTED else ""),
            )
        )
    return found[0] if found else None


def _not_found(kind: str | None, text: str) -> NotFound:
    message = {
        "team": QCoreApplication.translate("DutyLog", "No team is named “%1”."),
        "warehouse": QCoreApplication.translate("DutyLog", "No warehouse is named “%1”."),
    }.get(kind or "", QCoreApplication.translate("DutyLog", "No team or warehouse is named “%1”."))
    return NotFound(fill(message, text))


def find_exact(session: Session, name: str) -> ResourceChoice:
    """The team or warehouse of exactly that name (as the entry form's completer gives
    it). Refused: none, or both a team and a warehouse of that name."""
    text = name.strip()
    found = [
        choice for kind in RESOURCE_KINDS for choice in _named(session, kind, text, exact=True)
    ]
    choice = _one(found, text)
    if choice is None:
        raise _not_found(None, text)
    return choice


def find_resource(*, session: Session, name: str, kind: str | None = None) -> ResourceChoice:
    """The team (``kind`` "team"), warehouse ("warehouse") or either (None) named ``name``:
    the one of exactly that name, else the only one whose name holds it. Refused: none
    found (``NotFound``), or several (``AmbiguousResource``, naming some of them)."""
    require(session, Permission.READ_REGISTER)
    text = name.strip()
    kinds = (kind,) if kind else tuple(RESOURCE_KINDS)
    for exact in (True, False):
        if not text:
            break
        found = [choice for k in kinds for choice in _named(session, k, text, exact=exact)]
        choice = _one(found, text)
        if choice is not None:
            return choice
    raise _not_found(kind, text)


def resource_name(session: Session, kind: str, resource_id: int) -> str | None:
    """The name of a team or warehouse by id; None when there is none."""
    table = Team if kind == "team" else Warehouse
    return session.scalar(select(table.name).where(table.id == resource_id))
