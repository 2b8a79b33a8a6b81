"""The duty log as read: plain frozen rows (callers' phones masked by role), searched and
filtered by text, kind, place, time and event; the open and the due follow-ups."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from models.areas import Division
from models.base import utcnow
from models.command.dutylog import (
    CORRECTION,
    DUTY_LOG_TEXTS,
    FOLLOW_UP_CLOSED,
    DutyLogEntry,
    open_follow_up_filter,
)
from models.privacy import phone_masker
from models.text_index import containing, unindexed
from models.users import Permission, require

# Reminders are for follow-ups that fell due within this window; older ones still open
# stay in the log's "open follow-ups" filter (without it, every reload would look through
# the years of follow-ups long closed).
REMINDER_WINDOW = timedelta(days=30)
DEFAULT_LIMIT = 1000  # rows a page shows at most (the latest); the filters narrow the rest


@dataclass(frozen=True, slots=True)
class DutyLogRow:
    id: int
    at: datetime
    recorded_at: datetime
    kind: str
    event_id: int | None
    caller_unit: str | None
    caller_name: str | None
    caller_phone: str | None  # masked unless the role may see personal numbers
    content: str
    instruction: str | None
    recorded_by: str
    division_code: str | None
    division_name: str | None
    resource: str | None  # the team's or warehouse's name as logged, or older free text
    team_id: int | None
    warehouse_id: int | None
    follow_up_due: datetime | None
    refers_to: int | None
    backdate_reason: str | None
    reason: str | None
    corrected_by: int | None  # the correction of this entry, if any
    closed_by: int | None  # the entry closing this follow-up, if any

    @property
    def is_follow_up(self) -> bool:
        return self.follow_up_due is not None

    @property
    def follow_up_open(self) -> bool:
        return self.follow_up_due is not None and self.corrected_by is None and not self.closed_by

    def due(self, now: datetime) -> bool:
        """An open follow-up whose time has come."""
        return self.follow_up_open and self.follow_up_due is not None and self.follow_up_due <= now


@dataclass(frozen=True, slots=True)
class LogFilter:
    """What the log is narrowed to; every part optional."""

    event_id: int | None = None
    text: str | None = None
    kinds: tuple[str, ...] = ()
    division_code: str | None = None  # a town's code takes in its villages
    since: datetime | None = None
    until: datetime | None = None
    open_follow_ups: bool = False
    team_id: int | None = None
    warehouse_id: int | None = None
    resource_text: str | None = None  # the team or warehouse's name holds it (or free text)


def _later_entries(
    session: Session, ids: Sequence[int], event_id: int | None = None
) -> dict[tuple[int, str], int]:
    """(entry id, kind) -> the first correction or closing entry pointing to it. With
    ``event_id``, every row is the event's, and so are their corrections and closings."""
    found: dict[tuple[int, str], int] = {}
    if event_id is not None and ids:
        rows = session.execute(
            select(DutyLogEntry.refers_to, DutyLogEntry.kind, DutyLogEntry.id)
            .where(
                DutyLogEntry.event_id == event_id,
                DutyLogEntry.kind.in_((CORRECTION, FOLLOW_UP_CLOSED)),
            )
            .order_by(DutyLogEntry.id)
        )
        for refers_to, kind, entry_id in rows:
            if refers_to is not None:
                found.setdefault((refers_to, kind), entry_id)
        return found
    for start in range(0, len(ids), 2000):
        chunk = ids[start : start + 2000]
        rows = session.execute(
            select(DutyLogEntry.refers_to, DutyLogEntry.kind, DutyLogEntry.id)
            .where(
                DutyLogEntry.refers_to.in_(chunk),
                DutyLogEntry.kind.in_((CORRECTION, FOLLOW_UP_CLOSED)),
            )
            .order_by(DutyLogEntry.id)
        )
        for refers_to, kind, entry_id in rows:
            if refers_to is not None:
                found.setdefault((refers_to, kind), entry_id)
    return found


def _rows(
    session: Session, entries: Iterable[Any], event_id: int | None = None
) -> list[DutyLogRow]:
    entries = list(entries)
    later = _later_entries(session, [e.id for e in entries], event_id)
    codes = {e.division_code for e in entries if e.division_code}
    names: dict[str, str] = {}
    if codes:
        found = session.execute(
            select(Division.code, Division.name).where(Division.code.in_(codes))
        )
        names = {code: name for code, name in found}
    mask = phone_masker(session)
    return [
        DutyLogRow(
            e.id,
            e.at,
            e.recorded_at,
            e.kind,
            e.event_id,
            e.caller_unit,
            e.caller_name,
            mask(e.caller_phone),
            e.content,
            e.instruction,
            e.recorded_by,
            e.division_code,
            names.get(e.division_code) if e.division_code else None,
            e.resource,
            e.team_id,
            e.warehouse_id,
            e.follow_up_due,
            e.refers_to,
            e.backdate_reason,
            e.reason,
            later.get((e.id, CORRECTION)),
            later.get((e.id, FOLLOW_UP_CLOSED)),
        )
        for e in entries
    ]


_COLUMNS = tuple(
    getattr(DutyLogEntry, name)
    for name in (
        "id",
        "at",
        "recorded_at",
        "kind",
        "event_id",
        "caller_unit",
        "caller_name",
        "caller_phone",
        "content",
        "instruction",
        "recorded_by",
        "division_code",
        "resource",
        "team_id",
        "warehouse_id",
        "follow_up_due",
        "refers_to",
        "backdate_reason",
        "reason",
    )
)


def list_entries(
    *, session: Session, where: LogFilter | None = None, limit: int | None = DEFAULT_LIMIT
) -> list[DutyLogRow]:
    """The log's entries matching ``where``, latest first (at most ``limit``)."""
    require(session, Permission.READ_REGISTER)
    where = where or LogFilter()
    query = select(*_COLUMNS)
    text = (where.text or "").strip()
    indexed = bool(text) and where.event_id is None
    if indexed:  # across every event: the text index's candidates first
        query = query.where(containing(DUTY_LOG_TEXTS, text))
    elif text:  # one event's few thousand entries: scanned through the event's index
        query = query.where(DutyLogEntry.content.contains(text, autoescape=True))
    at = unindexed(DutyLogEntry.at) if indexed else DutyLogEntry.at
    if where.event_id is not None:
        query = query.where(DutyLogEntry.event_id == where.event_id)
    if where.kinds:
        query = query.where(DutyLogEntry.kind.in_(where.kinds))
    if where.division_code:
        code = where.division_code.strip()
        query = query.where(
            or_(DutyLogEntry.division_code == code, DutyLogEntry.division_code.startswith(code))
        )
    if where.since is not None:
        query = query.where(at >= where.since)
    if where.until is not None:
        query = query.where(at < where.until)
    if where.open_follow_ups:
        query = query.where(open_follow_up_filter())
    if where.team_id is not None:
        query = query.where(DutyLogEntry.team_id == where.team_id)
    if where.warehouse_id is not None:
        query = query.where(DutyLogEntry.warehouse_id == where.warehouse_id)
    if where.resource_text and where.resource_text.strip():
        query = query.where(
            DutyLogEntry.resource.contains(where.resource_text.strip(), autoescape=True)
        )
    query = query.order_by(DutyLogEntry.at.desc(), DutyLogEntry.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return _rows(session, session.execute(query), where.event_id)


def get_entry(*, session: Session, entry_id: int) -> DutyLogRow | None:
    require(session, Permission.READ_REGISTER)
    rows = _rows(session, session.execute(select(*_COLUMNS).where(DutyLogEntry.id == entry_id)))
    return rows[0] if rows else None


def open_follow_ups(*, session: Session, event_id: int | None = None) -> list[DutyLogRow]:
    """The follow-ups still open, the soonest due first."""
    require(session, Permission.READ_REGISTER)
    query = select(*_COLUMNS).where(open_follow_up_filter())
    if event_id is not None:
        query = query.where(DutyLogEntry.event_id == event_id)
    query = query.order_by(DutyLogEntry.follow_up_due, DutyLogEntry.id)
    return _rows(session, session.execute(query))


def due_follow_ups(
    *, session: Session, now: datetime | None = None, limit: int | None = 20
) -> list[DutyLogRow]:
    """The open follow-ups whose time has come within ``REMINDER_WINDOW`` (every event's),
    the longest overdue first (at most ``limit``; ``count_due_follow_ups`` says how many)."""
    require(session, Permission.READ_REGISTER)
    query = (
        select(*_COLUMNS)
        .where(open_follow_up_filter(), *_due_window(now))
        .order_by(DutyLogEntry.follow_up_due, DutyLogEntry.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return _rows(session, session.execute(query))


def _due_window(now: datetime | None) -> tuple[ColumnElement[bool], ...]:
    moment = now or utcnow()
    return (
        DutyLogEntry.follow_up_due <= moment,
        DutyLogEntry.follow_up_due > moment - REMINDER_WINDOW,
    )


def count_due_follow_ups(*, session: Session, now: datetime | None = None) -> int:
    """How many open follow-ups have fallen due."""
    require(session, Permission.READ_REGISTER)
    return int(
        session.scalar(select(func.count()).where(open_follow_up_filter(), *_due_window(now))) or 0
    )
