"""Incidents logged under an event: a landslide or an accident during a typhoon, with its
place (free text, and the town or village where known), time and description."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from sqlalchemy import ForeignKey, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.areas import Division
from models.base import Base, utcnow
from models.events import MANAGE_EVENTS, EventRefused, get_active_for_change
from models.fields import FieldChecker
from models.messages import QT_TRANSLATE_NOOP, fill
from models.users import Permission, require

INCIDENT_KINDS = {
    "landslide": QT_TRANSLATE_NOOP("Label", "Landslide"),
    "flooding": QT_TRANSLATE_NOOP("Label", "Flooding"),
    "collapse": QT_TRANSLATE_NOOP("Label", "Building collapse"),
    "accident": QT_TRANSLATE_NOOP("Label", "Accident"),
    "trapped": QT_TRANSLATE_NOOP("Label", "People trapped"),
    "other": QT_TRANSLATE_NOOP("Label", "Other"),
}


class EventIncident(Base):
    __tablename__ = "event_incidents"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    place: Mapped[str] = mapped_column(String(200))
    division_id: Mapped[int | None] = mapped_column(ForeignKey("divisions.id", ondelete="SET NULL"))
    at: Mapped[datetime]
    description: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(60))


@dataclass(frozen=True, slots=True)
class IncidentRow:
    id: int
    kind: str
    place: str
    division: str | None
    at: datetime
    description: str
    recorded_by: str


def log_incident(
    *,
    session: Session,
    event_id: int,
    kind: str,
    place: str,
    description: str,
    division_code: str | None = None,
    at: datetime | None = None,
) -> IncidentRow:
    """Log an incident under the event in progress."""
    actor = require(session, MANAGE_EVENTS)
    event = get_active_for_change(session, event_id)
    checker = FieldChecker()
    kind_code = checker.code(
        "kind",
        kind,
        INCIDENT_KINDS,
        fill(QCoreApplication.translate("Events", "Unknown kind of incident: %1"), kind),
    )
    where = checker.text(
        "place", place, 200, QCoreApplication.translate("Events", "Say where it happened.")
    )
    what = checker.text(
        "description",
        description,
        2000,
        QCoreApplication.translate("Events", "Describe what happened."),
    )
    division = None
    if division_code:
        division = session.scalar(select(Division).where(Division.code == division_code.strip()))
        if division is None:
            checker.add(
                "division",
                fill(
                    QCoreApplication.translate("Events", "No town or village with code %1."),
                    division_code,
                ),
            )
    checker.done()
    when = at or utcnow()
    if when < event.started_at:
        raise EventRefused(
            QCoreApplication.translate(
                "Events", "An incident cannot come before the event started."
            )
        )
    incident = EventIncident(
        event_id=event.id,
        kind=kind_code or "other",
        place=where or "",
        division_id=division.id if division is not None else None,
        at=when,
        description=what or "",
        recorded_by=actor.name,
    )
    session.add(incident)
    session.flush()
    return IncidentRow(
        incident.id,
        incident.kind,
        incident.place,
        division.name if division is not None else None,
        incident.at,
        incident.description,
        incident.recorded_by,
    )


def list_incidents(*, session: Session, event_id: int) -> list[IncidentRow]:
    """The event's incidents, oldest first."""
    require(session, Permission.READ_REGISTER)
    rows = session.execute(
        select(EventIncident, Division.name)
        .outerjoin(Division, Division.id == EventIncident.division_id)
        .where(EventIncident.event_id == event_id)
        .order_by(EventIncident.at, EventIncident.id)
    )
    return [
        IncidentRow(i.id, i.kind, i.place, name, i.at, i.description, i.recorded_by)
        for i, name in rows
    ]
