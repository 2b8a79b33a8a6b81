"""Each person's accident insurance cover, kept on the person beside the policies.

Readiness asks of every member whether some policy covers today (``starts <= today <=
ends``, no start meaning since always) and when the latest ends. Grouping every person's
policies for that is the costly part of the county's summary, so each rescuer keeps:

- ``insured_until``: the latest end of any policy (None: no policy at all);
- ``insured_from``: the first day of the unbroken cover that runs up to ``insured_until``
  (None: since always; the day after ``insured_until`` when no policy covers that day);
- ``insurance_gap``: some cover lies before ``insured_from``, after a gap.

A day from ``insured_from`` to ``insured_until`` is covered, a day after it is not, and
a day before it is not unless there was a gap: only then are that person's policies
read (``insured_on``). Every write of a policy calls ``store_insurance_cover`` for its people in
the same transaction; ``db check`` compares the kept cover with the policies."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import ColumnElement, and_, bindparam, case, exists, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from models.teams.tables import Insurance, Rescuer

_CHUNK = 5000
_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class InsuranceCover:
    """A person's cover as kept on the person (see the module's docstring)."""

    insured_from: date | None = None
    insured_until: date | None = None
    insurance_gap: bool = False

    def covers(self, day: date) -> bool | None:
        """Whether ``day`` is covered; None when only the policies can tell."""
        if self.insured_until is None or day > self.insured_until:
            return False
        if self.insured_from is None or self.insured_from <= day:
            return True
        return None if self.insurance_gap else False

    def values(self) -> dict[str, Any]:
        return {
            "insured_from": self.insured_from,
            "insured_until": self.insured_until,
            "insurance_gap": self.insurance_gap,
        }


NO_COVER = InsuranceCover()


def insurance_cover(policies: Iterable[tuple[date | None, date]]) -> InsuranceCover:
    """The cover kept for a person holding ``policies`` ((starts, ends) each): policies
    that meet or overlap (one starting the day after another ends) are one unbroken
    cover."""
    listed = list(policies)
    if not listed:
        return NO_COVER
    latest = max(ends for _starts, ends in listed)
    stretches: list[list[date | None]] = []  # [first day (None: always), last day]
    for starts, ends in sorted(
        (p for p in listed if p[0] is None or p[0] <= p[1]), key=lambda p: p[0] or date.min
    ):
        if stretches:
            last = stretches[-1]
            last_day = last[1]
            assert last_day is not None
            if starts is None or starts <= last_day + _DAY:
                last[1] = max(last_day, ends)
                continue
        stretches.append([starts, ends])
    if stretches and stretches[-1][1] == latest:
        return InsuranceCover(stretches[-1][0], latest, len(stretches) > 1)
    # The latest end belongs to a policy covering no day (it ends before it starts).
    return InsuranceCover(latest + _DAY, latest, bool(stretches))


def _policies_of(session: Session, ids: list[int] | None) -> dict[int, list[tuple[Any, Any]]]:
    query = select(Insurance.rescuer_id, Insurance.starts, Insurance.ends)
    found: dict[int, list[tuple[Any, Any]]] = {}
    queries = (
        [query]
        if ids is None
        else [
            query.where(Insurance.rescuer_id.in_(ids[at : at + _CHUNK]))
            for at in range(0, len(ids), _CHUNK)
        ]
    )
    for statement in queries:
        for rescuer_id, starts, ends in session.connection().execute(statement):
            found.setdefault(rescuer_id, []).append((starts, ends))
    return found


def store_insurance_cover(session: Session, rescuer_ids: Iterable[int] | None) -> None:
    """Keep on each of these people (everyone: None) the cover their policies give;
    called, in the same transaction, by every write of a policy."""
    ids = None if rescuer_ids is None else sorted(set(rescuer_ids))
    if ids is not None and not ids:
        return
    policies = _policies_of(session, ids)
    people = ids if ids is not None else sorted(policies)
    write_insurance_cover(session, {r: insurance_cover(policies.get(r, ())) for r in people})


def write_insurance_cover(session: Session, covers: dict[int, InsuranceCover]) -> None:
    """Write the covers worked out already (an import's new people)."""
    if not covers:
        return
    table = Rescuer.__table__
    statement = (
        update(table)  # type: ignore[arg-type]
        .where(table.c.id == bindparam("b_id"))
        .values({key: bindparam(key) for key in NO_COVER.values()})
    )
    rows = [{"b_id": r, **c.values()} for r, c in covers.items()]
    for at in range(0, len(rows), _CHUNK):
        session.connection().execute(statement, rows[at : at + _CHUNK])
    if session.identity_map:  # people loaded in the session read their new cover
        kept = list(NO_COVER.values())
        for rescuer_id in covers:
            loaded = session.identity_map.get(identity_key(Rescuer, rescuer_id))
            if loaded is not None:
                session.expire(loaded, kept)


def insured_on(today: date) -> ColumnElement[int]:
    """1 when some policy of the person (a ``Rescuer`` row in the query) covers
    ``today``, else 0: decided by the kept cover, the policies read only for a person
    whose cover starts after ``today`` and who had cover before, after a gap."""
    policy_today = exists().where(
        Insurance.rescuer_id == Rescuer.id,
        or_(Insurance.starts.is_(None), Insurance.starts <= today),
        Insurance.ends >= today,
    )
    return case(
        (
            and_(
                Rescuer.insured_until >= today,
                or_(Rescuer.insured_from.is_(None), Rescuer.insured_from <= today),
            ),
            1,
        ),
        (
            and_(Rescuer.insurance_gap, Rescuer.insured_until >= today, policy_today),
            1,
        ),
        else_=0,
    )


def insurance_cover_problems(session: Session, add: Callable[..., None]) -> None:
    """``db check``'s part: every person's kept cover is the one their policies give (a
    cover that disagrees would count a member deployable, or not, wrongly)."""
    policies = _policies_of(session, None)
    template = QCoreApplication.translate(
        "Checks",
        "Rescuer %1 (%2): the insurance cover kept on the person (%3) differs from what "
        "their policies give (%4), so readiness counts them wrongly.",
    )
    query = select(
        Rescuer.id,
        Rescuer.name,
        Rescuer.insured_from,
        Rescuer.insured_until,
        Rescuer.insurance_gap,
    ).order_by(Rescuer.id)
    for rescuer_id, name, starts, ends, gap in session.connection().execute(query):
        kept = InsuranceCover(starts, ends, bool(gap))
        wanted = insurance_cover(policies.get(rescuer_id, ()))
        if kept != wanted:
            add(template, rescuer_id, name, _shown(kept), _shown(wanted))


def _shown(cover: InsuranceCover) -> str:
    if cover.insured_until is None:
        return QCoreApplication.translate("Checks", "none")
    start = cover.insured_from.isoformat() if cover.insured_from else "…"
    text = f"{start} – {cover.insured_until.isoformat()}"
    if cover.insurance_gap:
        text += QCoreApplication.translate("Checks", ", earlier cover after a gap")
    return text
