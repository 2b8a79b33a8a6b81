"""The duty log (值班日志): every call, report, warning, instruction and action of the duty
room, and the entries the console writes itself (level changes, reports, plan activations,
handovers).

Entries are never changed: a correction is a new entry pointing to the one it corrects,
closing a follow-up a new entry pointing to the one that opened it, so whether a
follow-up is open is read from the log. The database refuses UPDATE and DELETE on the
table (migration 0010's triggers, and PostgreSQL's login role may only add to it).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from sqlalchemy import ColumnElement, ForeignKey, Index, String, Text, exists, select, text
from sqlalchemy.orm import Mapped, Session, aliased, mapped_column

from models.areas import Division
from models.base import Base, utcnow
from models.command.dutylog_refs import AmbiguousResource, find_exact, resource_name
from models.command.units import MemberUnit
from models.domain_events import (
    PlanActivated,
    ReportSent,
    ReportSigned,
    ResponseLevelChanged,
    subscribe,
)
from models.events import Event, acting_name
from models.fields import FieldChecker
from models.labels import RESPONSE_LEVELS, label
from models.messages import QT_TRANSLATE_NOOP, fill
from models.pg_roles import CONSOLE_RIGHTS
from models.plans.tables import Plan, PlanActivation
from models.refusals import Conflict, NotFound, Refused
from models.text_index import register_text
from models.users import Permission, require

WRITE_DUTY_LOG = Permission.WRITE_DUTY_LOG

# What an officer logs, in the order the entry form offers them (its shortcut is the
# position: Alt+1 …).
ENTRY_KINDS = {
    "call_in": QT_TRANSLATE_NOOP("Label", "Call received"),
    "call_out": QT_TRANSLATE_NOOP("Label", "Call made"),
    "report_in": QT_TRANSLATE_NOOP("Label", "Report received"),
    "warning_in": QT_TRANSLATE_NOOP("Label", "Warning received"),
    "instruction": QT_TRANSLATE_NOOP("Label", "Instruction relayed"),
    "action": QT_TRANSLATE_NOOP("Label", "Action taken"),
    "follow_up": QT_TRANSLATE_NOOP("Label", "Follow-up"),
}
CORRECTION = "correction"
FOLLOW_UP_CLOSED = "follow_up_closed"
# What the console writes itself.
CONSOLE_KINDS = {
    "level_change": QT_TRANSLATE_NOOP("Label", "Level change"),
    "report": QT_TRANSLATE_NOOP("Label", "Report"),
    "plan_activation": QT_TRANSLATE_NOOP("Label", "Plan activation"),
    "handover": QT_TRANSLATE_NOOP("Label", "Shift handover"),
}
LOG_KINDS = {
    **ENTRY_KINDS,
    FOLLOW_UP_CLOSED: QT_TRANSLATE_NOOP("Label", "Follow-up closed"),
    CORRECTION: QT_TRANSLATE_NOOP("Label", "Correction"),
    **CONSOLE_KINDS,
}
CALL_KINDS = frozenset({"call_in", "call_out"})

CONTENT_LIMIT, INSTRUCTION_LIMIT, REASON_LIMIT = 4000, 2000, 500
UNIT_LIMIT, NAME_LIMIT, PHONE_LIMIT, RESOURCE_LIMIT = 80, 40, 40, 120
# An entry's time may lie this far before now without a reason (the time the officer
# takes to type it), and this far after it (clocks of workstations differ a little).
BACKDATE_GRACE = timedelta(minutes=10)
AHEAD_GRACE = timedelta(minutes=2)


class DutyLogEntry(Base):
    """One entry of the duty log. ``refers_to``: the entry a correction corrects, or the
    follow-up a "follow-up closed" entry closes."""

    __tablename__ = "duty_log"
    __table_args__ = (
        Index("ix_duty_log_event_id_at", "event_id", "at"),
        {"info": {CONSOLE_RIGHTS: "append"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    backdate_reason: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="RESTRICT"))
    caller_unit: Mapped[str | None] = mapped_column(String(UNIT_LIMIT))
    caller_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("member_units.id", ondelete="RESTRICT")
    )
    caller_name: Mapped[str | None] = mapped_column(String(NAME_LIMIT))
    caller_phone: Mapped[str | None] = mapped_column(String(PHONE_LIMIT))
    content: Mapped[str] = mapped_column(Text)
    instruction: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(60))
    division_code: Mapped[str | None] = mapped_column(String(12), index=True)
    # The team or warehouse concerned: its name as logged, and the reference (entries from
    # before references were kept hold the name as free text alone).
    resource: Mapped[str | None] = mapped_column(String(RESOURCE_LIMIT))
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("teams.id", ondelete="RESTRICT"), index=True
    )
    warehouse_id: Mapped[int | None] = mapped_column(
        ForeignKey("supply_warehouses.id", ondelete="RESTRICT"), index=True
    )
    follow_up_due: Mapped[datetime | None] = mapped_column(index=True)
    refers_to: Mapped[int | None] = mapped_column(ForeignKey("duty_log.id"), index=True)
    reason: Mapped[str | None] = mapped_column(Text)  # why a correction was made


DUTY_LOG_TEXTS = register_text("duty_log_content", DutyLogEntry.content)


class DutyLogRefused(Refused):
    """A duty-log entry the log cannot take (the message says why)."""


@dataclass(frozen=True, slots=True)
class EntryFields:
    """What an officer types for an entry; every field but the content may be empty."""

    kind: str
    content: str
    at: datetime | None = None
    backdate_reason: str | None = None
    event_id: int | None = None
    caller_unit: str | None = None
    caller_unit_id: int | None = None
    caller_name: str | None = None
    caller_phone: str | None = None
    instruction: str | None = None
    division_code: str | None = None
    resource: str | None = None  # a team's or warehouse's exact name, found by the log
    team_id: int | None = None
    warehouse_id: int | None = None
    follow_up_due: datetime | None = None


def _checked(
    session: Session,
    fields: EntryFields,
    kinds: dict[str, str],
    now: datetime,
    *,
    time_kept: bool = False,
    kept_text: str | None = None,
) -> DutyLogEntry:
    """The entry ``fields`` describe, every problem refused at once under its field.
    ``time_kept``: a correction keeping the time of the entry it corrects, which needs no
    new reason; ``kept_text``: the free text naming a team or warehouse in the entry it
    corrects, kept as it was."""
    checker = FieldChecker()
    kind = checker.code(
        "kind",
        fields.kind,
        kinds,
        fill(QCoreApplication.translate("DutyLog", "Unknown kind of entry: %1"), fields.kind),
    )
    content = checker.text(
        "content",
        fields.content,
        CONTENT_LIMIT,
        QCoreApplication.translate("DutyLog", "Write what was said or done."),
    )
    instruction = checker.text("instruction", fields.instruction, INSTRUCTION_LIMIT)
    caller_unit = checker.text("caller_unit", fields.caller_unit, UNIT_LIMIT)
    caller_name = checker.text("caller_name", fields.caller_name, NAME_LIMIT)
    caller_phone = checker.phone("caller_phone", fields.caller_phone)
    resource = checker.text("resource", fields.resource, RESOURCE_LIMIT)
    team_id, warehouse_id, resource = _reference(session, checker, fields, resource, kept_text)
    reason = checker.text("backdate_reason", fields.backdate_reason, REASON_LIMIT)
    at = fields.at or now
    if at > now + AHEAD_GRACE:
        checker.add(
            "at", QCoreApplication.translate("DutyLog", "An entry cannot lie in the future.")
        )
    elif at < now - BACKDATE_GRACE and reason is None and not time_kept:
        checker.add(
            "backdate_reason",
            QCoreApplication.translate(
                "DutyLog", "Say why the entry is logged for an earlier time."
            ),
        )
    if fields.follow_up_due is not None and fields.follow_up_due < at:
        checker.add(
            "follow_up_due",
            QCoreApplication.translate("DutyLog", "A follow-up cannot fall due before its entry."),
        )
    if fields.caller_unit_id is not None:
        unit = session.get(MemberUnit, fields.caller_unit_id)
        if unit is None:
            checker.add(
                "caller_unit",
                fill(
                    QCoreApplication.translate("DutyLog", "No member unit with id %1."),
                    str(fields.caller_unit_id),
                ),
            )
        elif caller_unit is None:
            caller_unit = unit.name
    division_code = (fields.division_code or "").strip() or None
    if division_code is not None and (
        session.scalar(select(Division.id).where(Division.code == division_code)) is None
    ):
        checker.add(
            "division",
            fill(
                QCoreApplication.translate("DutyLog", "No town or village with code %1."),
                division_code,
            ),
        )
    if fields.event_id is not None and session.get(Event, fields.event_id) is None:
        checker.add(
            "event",
            fill(
                QCoreApplication.translate("DutyLog", "No event with id %1."), str(fields.event_id)
            ),
        )
    checker.done()
    return DutyLogEntry(
        at=at,
        recorded_at=now,
        backdate_reason=reason if at < now - BACKDATE_GRACE else None,
        kind=kind or "",
        event_id=fields.event_id,
        caller_unit=caller_unit,
        caller_unit_id=fields.caller_unit_id,
        caller_name=caller_name,
        caller_phone=caller_phone,
        content=content or "",
        instruction=instruction,
        recorded_by=acting_name(session),
        division_code=division_code,
        resource=resource,
        team_id=team_id,
        warehouse_id=warehouse_id,
        follow_up_due=fields.follow_up_due,
    )


def _reference(
    session: Session,
    checker: FieldChecker,
    fields: EntryFields,
    text: str | None,
    kept_text: str | None,
) -> tuple[int | None, int | None, str | None]:
    """(team id, warehouse id, name) of the team or warehouse an entry concerns: given by
    id, or by its exact name (a team's or a warehouse's). Free text naming neither is
    refused, but for the text of an older entry kept by its correction."""
    if fields.team_id is not None and fields.warehouse_id is not None:
        checker.add(
            "resource",
            QCoreApplication.translate(
                "DutyLog", "An entry names one team or one warehouse, not both."
            ),
        )
        return None, None, None
    for kind, given in (("team", fields.team_id), ("warehouse", fields.warehouse_id)):
        if given is not None:
            name = resource_name(session, kind, given)
            if name is None:
                message = {
                    "team": QCoreApplication.translate("DutyLog", "No team with id %1."),
                    "warehouse": QCoreApplication.translate("DutyLog", "No warehouse with id %1."),
                }[kind]
                checker.add("resource", fill(message, str(given)))
                return None, None, None
            return (given, None, name) if kind == "team" else (None, given, name)
    if text is None or (kept_text is not None and text == kept_text):
        return None, None, text
    try:
        found = find_exact(session, text)
    except (AmbiguousResource, NotFound) as refused:
        checker.add("resource", str(refused))
        return None, None, None
    return (found.id, None, found.name) if found.kind == "team" else (None, found.id, found.name)


def _written(session: Session, entry: DutyLogEntry) -> int:
    session.add(entry)
    session.flush()
    return entry.id


def add_entry(*, session: Session, fields: EntryFields, now: datetime | None = None) -> int:
    """Log an entry typed by an officer; its id."""
    require(session, WRITE_DUTY_LOG)
    return _written(session, _checked(session, fields, ENTRY_KINDS, now or utcnow()))


def _entry(session: Session, entry_id: int) -> DutyLogEntry:
    entry = session.get(DutyLogEntry, entry_id)
    if entry is None:
        raise NotFound(
            fill(
                QCoreApplication.translate("DutyLog", "No duty log entry with id %1."),
                str(entry_id),
            )
        )
    return entry


def _later(session: Session, entry_id: int, kind: str) -> int | None:
    """The entry of ``kind`` pointing to ``entry_id``, if any (the first)."""
    return session.scalar(
        select(DutyLogEntry.id)
        .where(DutyLogEntry.refers_to == entry_id, DutyLogEntry.kind == kind)
        .order_by(DutyLogEntry.id)
        .limit(1)
    )


def latest_version(session: Session, entry_id: int) -> int:
    """The newest correction of an entry (the entry itself when never corrected)."""
    current = entry_id
    while (newer := _later(session, current, CORRECTION)) is not None:
        current = newer
    return current


def correct_entry(
    *,
    session: Session,
    entry_id: int,
    fields: EntryFields,
    reason: str | None = None,
    now: datetime | None = None,
) -> int:
    """A correction of an entry: a new entry holding the corrected facts, pointing to it.
    ``fields.kind`` is the corrected entry's kind (the new entry's kind is "correction";
    ``original_kind`` of the rows tells what it corrects). The entry corrected must be the
    latest version: correcting one already corrected is refused, naming its correction."""
    require(session, WRITE_DUTY_LOG)
    old = _entry(session, entry_id)
    if old.kind in CONSOLE_KINDS or old.kind == FOLLOW_UP_CLOSED:
        raise DutyLogRefused(
            QCoreApplication.translate(
                "DutyLog", "Entries the console wrote itself are not corrected."
            )
        )
    newer = _later(session, entry_id, CORRECTION)
    if newer is not None:
        raise Conflict(
            fill(
                QCoreApplication.translate(
                    "DutyLog", "Entry %1 has already been corrected by entry %2: correct that one."
                ),
                str(entry_id),
                str(newer),
            )
        )
    kinds = {**ENTRY_KINDS}
    if not fields.kind:
        fields = replace(fields, kind=original_kind(session, old.id))
    moment = now or utcnow()
    at = fields.at or old.at
    legacy = old.resource if old.team_id is None and old.warehouse_id is None else None
    entry = _checked(
        session,
        replace(fields, at=at),
        kinds,
        moment,
        time_kept=at == old.at,
        kept_text=legacy,
    )
    if entry.backdate_reason is None and at < moment - BACKDATE_GRACE:
        entry.backdate_reason = old.backdate_reason
    checker = FieldChecker()
    why = checker.text("reason", reason, REASON_LIMIT)
    checker.done()
    entry.reason = why
    entry.refers_to = old.id
    entry.kind = CORRECTION
    return _written(session, entry)


def fields_of(*, session: Session, entry_id: int) -> EntryFields:
    """An entry's facts as stored, to start a correction from (its kind the original's)."""
    require(session, WRITE_DUTY_LOG)
    entry = _entry(session, entry_id)
    return EntryFields(
        kind=original_kind(session, entry.id),
        content=entry.content,
        at=entry.at,
        backdate_reason=entry.backdate_reason,
        event_id=entry.event_id,
        caller_unit=entry.caller_unit,
        caller_unit_id=entry.caller_unit_id,
        caller_name=entry.caller_name,
        caller_phone=entry.caller_phone,
        instruction=entry.instruction,
        division_code=entry.division_code,
        resource=entry.resource,
        team_id=entry.team_id,
        warehouse_id=entry.warehouse_id,
        follow_up_due=entry.follow_up_due,
    )


def original_kind(session: Session, entry_id: int) -> str:
    """What a correction corrects (following its chain back); an entry's own kind otherwise."""
    entry = _entry(session, entry_id)
    while entry.kind == CORRECTION and entry.refers_to is not None:
        entry = _entry(session, entry.refers_to)
    return entry.kind


def close_follow_up(
    *, session: Session, entry_id: int, content: str, now: datetime | None = None
) -> int:
    """Close a follow-up: a new entry saying how it was settled, pointing to the entry
    that opened it (its latest version when it was corrected)."""
    require(session, WRITE_DUTY_LOG)
    target = _entry(session, latest_version(session, entry_id))
    if target.follow_up_due is None:
        raise DutyLogRefused(
            fill(
                QCoreApplication.translate("DutyLog", "Entry %1 opens no follow-up."),
                str(target.id),
            )
        )
    closed = _later(session, target.id, FOLLOW_UP_CLOSED)
    if closed is not None:
        raise Conflict(
            fill(
                QCoreApplication.translate(
                    "DutyLog", "The follow-up of entry %1 was already closed by entry %2."
                ),
                str(target.id),
                str(closed),
            )
        )
    moment = now or utcnow()
    entry = _checked(
        session,
        EntryFields(
            kind=FOLLOW_UP_CLOSED,
            content=content,
            event_id=target.event_id,
            division_code=target.division_code,
        ),
        {FOLLOW_UP_CLOSED: ""},
        moment,
    )
    entry.refers_to = target.id
    return _written(session, entry)


def write_console_entry(
    *,
    session: Session,
    kind: str,
    content: str,
    event_id: int | None = None,
    at: datetime | None = None,
) -> int:
    """An entry the console writes itself (a level change, a report signed and sent, a
    plan activated, a shift handed over), in the unit of work that did it. Needs no
    permission of its own: the action it records was allowed."""
    if kind not in CONSOLE_KINDS:
        raise ValueError(kind)
    moment = utcnow()
    entry = DutyLogEntry(
        at=at or moment,
        recorded_at=moment,
        kind=kind,
        event_id=event_id,
        content=content[:CONTENT_LIMIT],
        recorded_by=acting_name(session),
    )
    return _written(session, entry)


@subscribe(ResponseLevelChanged)
def _log_level_change(change: ResponseLevelChanged, *, session: Session) -> None:
    """Every change of the response level is logged, with signer, reason and document."""
    new = (
        label(RESPONSE_LEVELS, change.new)
        if change.new
        else QCoreApplication.translate("DutyLog", "response lifted")
    )
    old = (
        label(RESPONSE_LEVELS, change.old)
        if change.old
        else QCoreApplication.translate("DutyLog", "none")
    )
    text = fill(
        QCoreApplication.translate("DutyLog", "Response level changed from %1 to %2."), old, new
    )
    if change.signer:
        text += " " + fill(QCoreApplication.translate("DutyLog", "Signed by %1."), change.signer)
    if change.reason:
        text += " " + fill(QCoreApplication.translate("DutyLog", "Reason: %1"), change.reason)
    if change.doc_number:
        text += " " + fill(QCoreApplication.translate("DutyLog", "Document %1."), change.doc_number)
    write_console_entry(
        session=session,
        kind="level_change",
        content=text,
        event_id=change.event_id,
        at=change.at,
    )


@subscribe(ReportSigned)
def _log_report_signed(signed: ReportSigned, *, session: Session) -> None:
    write_console_entry(
        session=session,
        kind="report",
        content=fill(
            QCoreApplication.translate("DutyLog", "Report %1 signed by %2, numbered %3."),
            signed.name,
            signed.signer,
            signed.doc_number,
        ),
        event_id=signed.event_id,
        at=signed.at,
    )


@subscribe(ReportSent)
def _log_report_sent(sent: ReportSent, *, session: Session) -> None:
    write_console_entry(
        session=session,
        kind="report",
        content=fill(
            QCoreApplication.translate("DutyLog", "Report %1 (%2) sent to %3."),
            sent.name,
            sent.doc_number,
            "、".join(sent.recipients),
        ),
        event_id=sent.event_id,
        at=sent.at,
    )


@subscribe(PlanActivated)
def _log_plan_activation(activated: PlanActivated, *, session: Session) -> None:
    """A plan activated for the event is logged with its code, title and stage."""
    code, title = session.execute(
        select(Plan.code, Plan.title).where(Plan.id == activated.plan_id)
    ).one()
    at, by = session.execute(
        select(PlanActivation.activated_at, PlanActivation.activated_by).where(
            PlanActivation.id == activated.activation_id
        )
    ).one()
    write_console_entry(
        session=session,
        kind="plan_activation",
        content=fill(
            QCoreApplication.translate("DutyLog", "Plan %1 %2 activated at %3 by %4."),
            code,
            title,
            label(RESPONSE_LEVELS, activated.stage),
            by,
        ),
        event_id=activated.event_id,
        at=at,
    )


APPEND_ONLY_TABLES = ("duty_handovers", "duty_log")  # children first


@contextmanager
def append_only_set_aside(session: Session, table: str) -> Iterator[None]:
    """Within the caller's transaction, the database's refusal to delete from ``table`` (one
    of ``APPEND_ONLY_TABLES``) set aside: only for a forced demo rebuild, which replaces
    everything and the events the log refers to. On PostgreSQL it needs the table's owner."""
    if table not in APPEND_ONLY_TABLES:
        raise ValueError(table)
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text(f"DROP TRIGGER {table}_no_delete"))
        yield
        session.execute(
            text(
                f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
        )
        return
    session.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER {table}_append_only"))
    yield
    session.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER {table}_append_only"))


def open_follow_up_filter() -> ColumnElement[bool]:
    """The condition of an entry whose follow-up is open: it has a due time, was neither
    corrected nor closed."""
    later = aliased(DutyLogEntry)
    return DutyLogEntry.follow_up_due.is_not(None) & ~exists(
        select(later.id).where(
            later.refers_to == DutyLogEntry.id, later.kind.in_((CORRECTION, FOLLOW_UP_CLOSED))
        )
    )
