"""Events (a typhoon, a rainstorm): what transfers, the duty log and reports hang on.

One event is active at a time: the latest started and not yet ended. An event has a
kind, a name and a document-style number, a grade (models.labels.EVENT_GRADES), the
typhoon it follows where there is one, the area it concerns, and its current response
level code (models.labels.RESPONSE_LEVELS) or None when no response is in force.
Level changes and grade changes are kept as history in ``models.command.levels``;
sub-incidents (a landslide during a typhoon) in ``models.command.incidents``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from sqlalchemy import CheckConstraint, ForeignKey, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from models.base import Base, utcnow
from models.domain_events import EventEnded, EventStarted, ResponseLevelChanged, emit
from models.drawn_areas import DrawnArea, find_drawn_area
from models.labels import EVENT_GRADES, RESPONSE_LEVELS
from models.messages import QT_TRANSLATE_NOOP, fill
from models.refusals import Refused
from models.users import Permission, actor_of, require

EVENT_KINDS = {
    "typhoon": QT_TRANSLATE_NOOP("Label", "Typhoon"),
    "rainstorm": QT_TRANSLATE_NOOP("Label", "Rainstorm"),
    "flood": QT_TRANSLATE_NOOP("Label", "Flood"),
    "geological": QT_TRANSLATE_NOOP("Label", "Geological hazard"),
    "forest_fire": QT_TRANSLATE_NOOP("Label", "Forest fire"),
    "accident": QT_TRANSLATE_NOOP("Label", "Accident"),
    "other": QT_TRANSLATE_NOOP("Label", "Other"),
}

MANAGE_EVENTS = Permission.MANAGE_EVENTS


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint("ended_at IS NULL OR ended_at >= started_at", name="ended_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(20))
    response_level: Mapped[str | None] = mapped_column(String(4))
    started_at: Mapped[datetime] = mapped_column(index=True)
    ended_at: Mapped[datetime | None] = mapped_column(index=True)
    created_by: Mapped[str] = mapped_column(String(60))
    number: Mapped[str | None] = mapped_column(String(40))  # e.g. 2026-06, the event's own
    grade: Mapped[str | None] = mapped_column(String(10))  # models.labels.EVENT_GRADES
    typhoon_code: Mapped[str | None] = mapped_column(String(12))  # the typhoon it follows
    area: Mapped[str | None] = mapped_column(String(200))  # the county, or the towns named
    # An area drawn on the map and saved (models.drawn_areas), kept while the event names it.
    drawn_area_id: Mapped[int | None] = mapped_column(
        ForeignKey("drawn_areas.id", ondelete="RESTRICT"), index=True
    )
    drawn_area: Mapped[DrawnArea | None] = relationship(lazy="joined")


class EventRefused(Refused):
    """The event cannot be started or ended as asked; the message is for the user."""


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    name: str
    kind: str
    response_level: str | None
    started_at: datetime
    ended_at: datetime | None
    created_by: str
    number: str | None = None
    grade: str | None = None
    typhoon_code: str | None = None
    area: str | None = None
    drawn_area: str | None = None  # the saved drawn area's name

    @property
    def active(self) -> bool:
        return self.ended_at is None

    @property
    def response_lifted(self) -> bool:
        """No response in force: the event ended or its level was lowered to none."""
        return self.ended_at is not None or self.response_level is None


def event_row(event: Event) -> EventRow:
    return _row(event)


def _row(event: Event) -> EventRow:
    return EventRow(
        event.id,
        event.name,
        event.kind,
        event.response_level,
        event.started_at,
        event.ended_at,
        event.created_by,
        event.number,
        event.grade,
        event.typhoon_code,
        event.area,
        event.drawn_area.name if event.drawn_area is not None else None,
    )


def _active(session: Session) -> Event | None:
    return session.scalar(
        select(Event)
        .where(Event.ended_at.is_(None))
        .order_by(Event.started_at.desc(), Event.id.desc())
        .limit(1)
    )


def active_event(*, session: Session) -> EventRow | None:
    """The event in progress, or None."""
    require(session, Permission.READ_REGISTER)
    event = _active(session)
    return _row(event) if event is not None else None


def get_event(*, session: Session, event_id: int) -> EventRow | None:
    require(session, Permission.READ_REGISTER)
    event = session.get(Event, event_id)
    return _row(event) if event is not None else None


def list_events(*, session: Session) -> list[EventRow]:
    """Every event, latest first."""
    require(session, Permission.READ_REGISTER)
    events = session.scalars(select(Event).order_by(Event.started_at.desc(), Event.id.desc()))
    return [_row(event) for event in events]


def start_event(
    *,
    session: Session,
    name: str,
    kind: str = "typhoon",
    response_level: str | None = None,
    started_at: datetime | None = None,
    open_records: bool = True,
    number: str | None = None,
    grade: str | None = None,
    typhoon_code: str | None = None,
    area: str | None = None,
    drawn_area: str | None = None,
) -> EventRow:
    """Start an event; refused while another one is active. ``typhoon_code`` names a
    typhoon of the database; ``grade`` is a code of EVENT_GRADES; ``drawn_area`` the name
    of an area saved on the map, the event's area beside the text of ``area``.

    Announces ``EventStarted``: with ``open_records`` the modules that keep records per
    event make them at once (transfers: a record for every household and object of the
    register); without, the caller makes them later.
    """
    actor = require(session, MANAGE_EVENTS)
    name = name.strip()
    if not name:
        raise EventRefused(QCoreApplication.translate("Events", "Give the event a name."))
    if len(name) > 80:
        raise EventRefused(
            QCoreApplication.translate("Events", "The name is too long: at most 80 characters.")
        )
    if kind not in EVENT_KINDS:
        raise EventRefused(
            fill(QCoreApplication.translate("Events", "Unknown kind of event: %1"), kind)
        )
    if response_level is not None and response_level not in RESPONSE_LEVELS:
        raise EventRefused(
            fill(QCoreApplication.translate("Events", "Unknown response level: %1"), response_level)
        )
    number = _optional_text(number, 40)
    area = _optional_text(area, 200)
    if grade is not None and grade not in EVENT_GRADES:
        raise EventRefused(
            fill(QCoreApplication.translate("Events", "Unknown event grade: %1"), grade)
        )
    typhoon_code = _optional_text(typhoon_code, 12)
    if typhoon_code is not None:
        from models.typhoons.tables import Typhoon

        if session.scalar(select(Typhoon.id).where(Typhoon.code == typhoon_code)) is None:
            raise EventRefused(
                fill(
                    QCoreApplication.translate(
                        "Events", "No typhoon %1 in the database: import its track first."
                    ),
                    typhoon_code,
                )
            )
    drawn_area_id = None
    if drawn_area is not None and drawn_area.strip():
        drawn_area_id = find_drawn_area(session=session, name=drawn_area).id
    current = _active(session)
    if current is not None:
        raise EventRefused(
            fill(
                QCoreApplication.translate(
                    "Events", "The event %1 is still in progress; end it before starting another."
                ),
                current.name,
            )
        )
    event = Event(
        name=name,
        kind=kind,
        response_level=response_level,
        started_at=started_at or utcnow(),
        ended_at=None,
        created_by=actor.name,
        number=number,
        grade=grade,
        typhoon_code=typhoon_code,
        area=area,
        drawn_area_id=drawn_area_id,
    )
    session.add(event)
    session.flush()
    emit(EventStarted(event.id, open_records=open_records), session=session)
    return _row(event)


def set_response_level(*, session: Session, event_id: int, response_level: str | None) -> EventRow:
    """Raise, lower or lift (None) the response of an active event, without a signer and
    without history: a building block below ``models.command``. Every change a user
    makes (pages, command line) goes through ``models.command.levels.change_response_level``,
    which keeps it as history with signer, reason and document number."""
    require(session, MANAGE_EVENTS)
    event = get_active_for_change(session, event_id)
    if response_level is not None and response_level not in RESPONSE_LEVELS:
        raise EventRefused(
            fill(QCoreApplication.translate("Events", "Unknown response level: %1"), response_level)
        )
    if event.response_level != response_level:
        old = event.response_level
        event.response_level = response_level
        session.flush()
        emit(ResponseLevelChanged(event.id, old, response_level), session=session)
    return _row(event)


def _optional_text(value: str | None, limit: int) -> str | None:
    text = (value or "").strip()
    if len(text) > limit:
        raise EventRefused(
            fill(
                QCoreApplication.translate("Events", "Too long: at most %1 characters: %2"),
                str(limit),
                text[:20] + "…",
            )
        )
    return text or None


def end_event(*, session: Session, event_id: int, ended_at: datetime | None = None) -> EventRow:
    """End an event (the response is lifted with it, without a history row: the pages and
    the command line end an event through ``models.command.levels.end_event_lifting``,
    which records the lifting first)."""
    require(session, MANAGE_EVENTS)
    event = get_active_for_change(session, event_id)
    at = ended_at or utcnow()
    if at < event.started_at:
        raise EventRefused(
            QCoreApplication.translate("Events", "An event cannot end before it started.")
        )
    event.ended_at = at
    event.response_level = None
    session.flush()
    emit(EventEnded(event.id), session=session)
    return _row(event)


def get_active_for_change(session: Session, event_id: int) -> Event:
    """The event to change: refused when it no longer exists or has ended."""
    event = session.get(Event, event_id)
    if event is None:
        raise EventRefused(QCoreApplication.translate("Events", "This event no longer exists."))
    if event.ended_at is not None:
        raise EventRefused(
            fill(
                QCoreApplication.translate("Events", "The event %1 has already ended."), event.name
            )
        )
    return event


def acting_name(session: Session) -> str:
    """The acting user's name for history rows ("anonymous" when nobody is acting)."""
    actor = actor_of(session)
    return actor.name if actor is not None else "anonymous"
