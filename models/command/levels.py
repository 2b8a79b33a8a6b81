"""An event's response level and grade changes, kept as history.

A level change (the sea-typhoon stage, Ⅳ, Ⅲ, Ⅱ, Ⅰ, or lifted) records when, the leader on
shift who signed it (a name, not necessarily a console user), who recorded it, why, and the
document number; the event carries the level now in force. Every change is announced as
``ResponseLevelChanged``. A grade change (一般 … 特别重大) records who, when and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from sqlalchemy import ForeignKey, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, utcnow
from models.command.roster import leader_on_shift
from models.domain_events import ResponseLevelChanged, emit
from models.events import (
    MANAGE_EVENTS,
    Event,
    EventRefused,
    EventRow,
    acting_name,
    end_event,
    event_row,
    get_active_for_change,
)
from models.fields import FieldChecker
from models.labels import EVENT_GRADES, RESPONSE_LEVELS, label
from models.messages import fill
from models.refusals import NotFound
from models.users import Permission, require

LIFTED = "lifted"  # the command line's word for "no response in force" (None when stored)


class EventLevelChange(Base):
    """One change of an event's response level; ``new`` None: the response lifted."""

    __tablename__ = "event_level_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="RESTRICT"), index=True)
    at: Mapped[datetime]
    old: Mapped[str | None] = mapped_column(String(4))
    new: Mapped[str | None] = mapped_column(String(4))
    signer: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    doc_number: Mapped[str | None] = mapped_column(String(60))
    recorded_by: Mapped[str] = mapped_column(String(60))


class EventGradeChange(Base):
    """One change of an event's grade (the first one: the grade given at the start)."""

    __tablename__ = "event_grade_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="RESTRICT"), index=True)
    at: Mapped[datetime]
    old: Mapped[str | None] = mapped_column(String(10))
    new: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(60))


@dataclass(frozen=True, slots=True)
class LevelChangeRow:
    at: datetime
    old: str | None
    new: str | None
    signer: str
    reason: str
    doc_number: str | None
    recorded_by: str


@dataclass(frozen=True, slots=True)
class GradeChangeRow:
    at: datetime
    old: str | None
    new: str
    reason: str
    recorded_by: str


def level_label(code: str | None) -> str:
    """The level's translated name; None: the response lifted."""
    if code is None:
        return QCoreApplication.translate("Label", "No response")
    return label(RESPONSE_LEVELS, code)


def change_response_level(
    *,
    session: Session,
    event_id: int,
    level: str | None,
    signer: str,
    reason: str,
    doc_number: str | None = None,
    at: datetime | None = None,
) -> EventRow:
    """Raise, lower or lift (``level`` None) the response of the event in progress.

    Refused: an event ended or gone, an unknown level, the level already in force, the
    sea-typhoon stage on an event that is no typhoon, no signer or no reason, a time
    before the event started, before its latest change, or in the future."""
    actor = require(session, MANAGE_EVENTS)
    event = get_active_for_change(session, event_id)
    if level is not None and level not in RESPONSE_LEVELS:
        raise EventRefused(
            fill(QCoreApplication.translate("Events", "Unknown response level: %1"), level)
        )
    if level == event.response_level:
        raise EventRefused(
            fill(
                QCoreApplication.translate("Events", "The response is already at %1."),
                level_label(level),
            )
        )
    if level == "sea" and event.kind != "typhoon":
        raise EventRefused(
            QCoreApplication.translate(
                "Events", "The sea-typhoon response is for typhoon events only."
            )
        )
    checker = FieldChecker()
    signed = checker.text(
        "signer",
        signer,
        40,
        QCoreApplication.translate("Events", "Name the leader on shift who signed the change."),
    )
    why = checker.text(
        "reason",
        reason,
        1000,
        QCoreApplication.translate("Events", "Give the reason for the change."),
    )
    number = checker.text("doc_number", doc_number, 60)
    checker.done()
    now = utcnow()
    when = at or now
    _check_time(session, event, when, now)
    old = event.response_level
    session.add(
        EventLevelChange(
            event_id=event.id,
            at=when,
            old=old,
            new=level,
            signer=signed or "",
            reason=why or "",
            doc_number=number,
            recorded_by=actor.name,
        )
    )
    event.response_level = level
    session.flush()
    emit(
        ResponseLevelChanged(
            event.id, old, level, at=when, signer=signed, reason=why, doc_number=number
        ),
        session=session,
    )
    return event_row(event)


def end_event_lifting(
    *,
    session: Session,
    event_id: int,
    signer: str | None = None,
    reason: str | None = None,
    doc_number: str | None = None,
    at: datetime | None = None,
) -> EventRow:
    """End the event in progress. A response still in force is lifted first through
    ``change_response_level``, so the history ends with its "lifted" row: signed by
    ``signer``, else by the leader on shift by the roster, else by whoever records it."""
    require(session, MANAGE_EVENTS)
    event = get_active_for_change(session, event_id)
    when = at or utcnow()
    if event.response_level is not None:
        change_response_level(
            session=session,
            event_id=event_id,
            level=None,
            signer=(signer or "").strip() or _signer_by_default(session, when),
            reason=(reason or "").strip()
            or QCoreApplication.translate("Events", "The event ended."),
            doc_number=doc_number,
            at=when,
        )
    return end_event(session=session, event_id=event_id, ended_at=when)


def _signer_by_default(session: Session, at: datetime) -> str:
    try:
        return leader_on_shift(session=session, at=at)
    except NotFound:
        return acting_name(session)


def _check_time(session: Session, event: Event, when: datetime, now: datetime) -> None:
    if when < event.started_at:
        raise EventRefused(
            QCoreApplication.translate("Events", "A change cannot come before the event started.")
        )
    if when > now:
        raise EventRefused(
            QCoreApplication.translate("Events", "A change cannot be recorded in the future.")
        )
    latest = session.scalar(
        select(EventLevelChange.at)
        .where(EventLevelChange.event_id == event.id)
        .order_by(EventLevelChange.at.desc())
        .limit(1)
    )
    if latest is not None and when < latest:
        raise EventRefused(
            QCoreApplication.translate(
                "Events", "A change cannot come before the latest change recorded."
            )
        )


def change_grade(
    *,
    session: Session,
    event_id: int,
    grade: str,
    reason: str,
    at: datetime | None = None,
) -> EventRow:
    """Set the grade of the event in progress, with the reason (kept as history)."""
    actor = require(session, MANAGE_EVENTS)
    event = get_active_for_change(session, event_id)
    if grade not in EVENT_GRADES:
        raise EventRefused(
            fill(QCoreApplication.translate("Events", "Unknown event grade: %1"), grade)
        )
    if grade == event.grade:
        raise EventRefused(
            fill(
                QCoreApplication.translate("Events", "The event is already graded %1."),
                label(EVENT_GRADES, grade),
            )
        )
    checker = FieldChecker()
    why = checker.text(
        "reason",
        reason,
        1000,
        QCoreApplication.translate("Events", "Give the reason for the change."),
    )
    checker.done()
    when = at or utcnow()
    if when < event.started_at:
        raise EventRefused(
            QCoreApplication.translate("Events", "A change cannot come before the event started.")
        )
    session.add(
        EventGradeChange(
            event_id=event.id,
            at=when,
            old=event.grade,
            new=grade,
            reason=why or "",
            recorded_by=actor.name,
        )
    )
    event.grade = grade
    session.flush()
    return event_row(event)


def level_history(*, session: Session, event_id: int) -> list[LevelChangeRow]:
    """The event's level changes, oldest first."""
    require(session, Permission.READ_REGISTER)
    rows = session.scalars(
        select(EventLevelChange)
        .where(EventLevelChange.event_id == event_id)
        .order_by(EventLevelChange.at, EventLevelChange.id)
    )
    return [
        LevelChangeRow(r.at, r.old, r.new, r.signer, r.reason, r.doc_number, r.recorded_by)
        for r in rows
    ]


def grade_history(*, session: Session, event_id: int) -> list[GradeChangeRow]:
    """The event's grade changes, oldest first."""
    require(session, Permission.READ_REGISTER)
    rows = session.scalars(
        select(EventGradeChange)
        .where(EventGradeChange.event_id == event_id)
        .order_by(EventGradeChange.at, EventGradeChange.id)
    )
    return [GradeChangeRow(r.at, r.old, r.new, r.reason, r.recorded_by) for r in rows]


def level_since(*, session: Session, event_id: int) -> datetime | None:
    """When the level in force was set (None: no change recorded)."""
    require(session, Permission.READ_REGISTER)
    return session.scalar(
        select(EventLevelChange.at)
        .where(EventLevelChange.event_id == event_id)
        .order_by(EventLevelChange.at.desc(), EventLevelChange.id.desc())
        .limit(1)
    )


def find_event(session: Session, event_id: int | None) -> Event:
    """The event named, or the one in progress; refused when there is none."""
    from models.events import _active

    event = session.get(Event, event_id) if event_id is not None else _active(session)
    if event is None:
        raise EventRefused(
            QCoreApplication.translate("Events", "No event in progress.")
            if event_id is None
            else QCoreApplication.translate("Events", "This event no longer exists.")
        )
    return event
