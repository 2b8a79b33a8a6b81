"""Deadlines of reports upward and the reports due now.

A deadline is a row of ``report_deadlines`` by report kind and event grade (``any``: the
grades without a row of their own), minutes after the report's occasion by phone (none
when no phone report is asked) and in writing; until the table holds a row the defaults
below apply. The occasions: the event's start for the initial report; the first level
change, grade change or incident after the facts of the latest report sent, for a
follow-up; the event's end (or the response lifted) for the final report. A daily report
is due at the configured hour of each day once the event has lasted the configured hours
(``reports.daily_rule``). A written report counts as made when it is sent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.clock import display_zone
from models.command.incidents import EventIncident
from models.command.levels import EventGradeChange, EventLevelChange
from models.command.reports import ReportRefused, daily_rule
from models.command.reports_tables import (
    ANY_GRADE,
    REPORT_KINDS,
    EventReport,
    ReportDeadline,
    report_name,
)
from models.events import MANAGE_EVENTS, Event
from models.labels import EVENT_GRADES
from models.users import Permission, require

# (kind, grade): (by phone, in writing), minutes after the occasion. Major and especially
# major events: 15 min by phone, 35 in writing (as one province asks); larger ones 1 h.
DEFAULT_DEADLINES: dict[tuple[str, str], tuple[int | None, int]] = {
    ("initial", "extra"): (15, 35),
    ("initial", "major"): (15, 35),
    ("initial", "large"): (30, 60),
    ("initial", ANY_GRADE): (None, 120),
    ("followup", "extra"): (None, 60),
    ("followup", "major"): (None, 60),
    ("followup", ANY_GRADE): (None, 120),
    ("final", ANY_GRADE): (None, 24 * 60),
}
DEADLINE_KINDS = ("initial", "followup", "final")  # daily reports have their hour instead
MAX_MINUTES = 7 * 24 * 60


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    kind: str
    grade: str
    phone_minutes: int | None
    written_minutes: int
    configured: bool  # False: the default


@dataclass(frozen=True, slots=True)
class DueReport:
    event_id: int
    event_name: str
    kind: str
    sequence: int
    occasion: datetime
    phone_due: datetime | None
    written_due: datetime
    seconds_left: float  # until written_due; negative: overdue

    @property
    def name(self) -> str:
        return report_name(self.kind, self.sequence)

    @property
    def overdue(self) -> bool:
        return self.seconds_left < 0


def deadline(*, session: Session, kind: str, grade: str | None) -> tuple[int | None, int]:
    """(by phone, in writing) minutes for a report kind and an event grade."""
    rows = {
        r.grade: (r.phone_minutes, r.written_minutes)
        for r in session.scalars(select(ReportDeadline).where(ReportDeadline.kind == kind))
    }
    for key in (grade or ANY_GRADE, ANY_GRADE):
        if key in rows:
            return rows[key]
        if (kind, key) in DEFAULT_DEADLINES:
            return DEFAULT_DEADLINES[(kind, key)]
    return (None, 120)


def deadline_table(*, session: Session) -> list[DeadlineRow]:
    """Every kind and grade with its deadline, the configured rows marked."""
    require(session, Permission.READ_REGISTER)
    stored = {(r.kind, r.grade): r for r in session.scalars(select(ReportDeadline))}
    rows = []
    for kind in DEADLINE_KINDS:
        for grade in (*EVENT_GRADES, ANY_GRADE):
            phone, written = deadline(session=session, kind=kind, grade=grade)
            rows.append(DeadlineRow(kind, grade, phone, written, (kind, grade) in stored))
    return rows


def set_deadline(
    *,
    session: Session,
    kind: str,
    grade: str,
    written_minutes: int,
    phone_minutes: int | None = None,
) -> DeadlineRow:
    """Sets how long after its occasion a report kind is due for events of a grade."""
    require(session, MANAGE_EVENTS)
    if kind not in DEADLINE_KINDS:
        raise ReportRefused(
            QCoreApplication.translate(
                "Reports", "Deadlines are set for initial, follow-up and final reports."
            )
        )
    if grade not in EVENT_GRADES and grade != ANY_GRADE:
        raise ReportRefused(QCoreApplication.translate("Reports", "Unknown event grade."))
    for minutes in (written_minutes, phone_minutes):
        if minutes is not None and not 1 <= minutes <= MAX_MINUTES:
            raise ReportRefused(
                QCoreApplication.translate("Reports", "A deadline is from 1 minute to 7 days.")
            )
    if phone_minutes is not None and phone_minutes > written_minutes:
        raise ReportRefused(
            QCoreApplication.translate(
                "Reports", "The phone report cannot be due after the written one."
            )
        )
    row = session.scalar(
        select(ReportDeadline).where(ReportDeadline.kind == kind, ReportDeadline.grade == grade)
    )
    if row is None:
        row = ReportDeadline(kind=kind, grade=grade)
        session.add(row)
    row.phone_minutes, row.written_minutes = phone_minutes, written_minutes
    session.flush()
    return DeadlineRow(kind, grade, phone_minutes, written_minutes, True)


def _latest_change(session: Session, event_id: int, facts: dict[str, int]) -> datetime | None:
    """The first level change, grade change or incident newer than the facts."""
    found = []
    for at, event, key, last in (
        (EventLevelChange.at, EventLevelChange.event_id, EventLevelChange.id, "last_level_change"),
        (EventGradeChange.at, EventGradeChange.event_id, EventGradeChange.id, "last_grade_change"),
        (EventIncident.at, EventIncident.event_id, EventIncident.id, "last_incident"),
    ):
        first = session.scalar(
            select(at).where(event == event_id, key > facts.get(last, 0)).order_by(at).limit(1)
        )
        if first is not None:
            found.append(first)
    return min(found) if found else None


def _daily_due(session: Session, event: Event, sent: int) -> datetime:
    after, hour = daily_rule(session=session)
    start = (event.started_at + timedelta(hours=after)).astimezone(display_zone())
    first = start.replace(hour=hour, minute=0, second=0, microsecond=0)
    if first < start:
        first += timedelta(days=1)
    return first + timedelta(days=sent)


def _due(
    event: Event,
    kind: str,
    sequence: int,
    occasion: datetime,
    session: Session,
    now: datetime,
    written: datetime | None = None,
) -> DueReport:
    phone, minutes = deadline(session=session, kind=kind, grade=event.grade)
    due = written or occasion + timedelta(minutes=minutes)
    return DueReport(
        event.id,
        event.name,
        kind,
        sequence,
        occasion,
        occasion + timedelta(minutes=phone) if phone is not None and written is None else None,
        due,
        (due - now).total_seconds(),
    )


def due_reports(*, session: Session, now: datetime | None = None) -> list[DueReport]:
    """The reports due of the event in progress, and of ended events without a final
    report sent, soonest first: the command page and the dashboard count them down."""
    require(session, Permission.READ_REGISTER)
    now = now or utcnow()
    events = session.scalars(
        select(Event).where(
            (Event.ended_at.is_(None))
            | ~select(EventReport.id)
            .where(
                EventReport.event_id == Event.id,
                EventReport.kind == "final",
                EventReport.sent_at.is_not(None),
            )
            .exists()
        )
    ).all()
    found: list[DueReport] = []
    for event in events:
        found += _event_due(session, event, now)
    return sorted(found, key=lambda d: d.written_due)


def _event_due(session: Session, event: Event, now: datetime) -> list[DueReport]:
    reports = session.scalars(
        select(EventReport)
        .where(EventReport.event_id == event.id)
        .order_by(EventReport.drafted_at, EventReport.id)
    ).all()
    sent = [r for r in reports if r.sent_at is not None]
    kinds_sent = {r.kind for r in sent}
    if "initial" not in kinds_sent:
        if event.ended_at is not None and not reports:
            return []  # an event ended before the console was asked for anything
        return [_due(event, "initial", 0, event.started_at, session, now)]
    if event.ended_at is not None or event.response_level is None:
        occasion = event.ended_at or _lifted_at(session, event) or now
        return [_due(event, "final", 0, occasion, session, now)]
    due: list[DueReport] = []
    latest = sent[-1]
    change = _latest_change(session, event.id, json.loads(latest.facts))
    if change is not None:
        sequence = 1 + max((r.sequence for r in reports if r.kind == "followup"), default=0)
        pending = [r for r in reports if r.kind == "followup" and r.sent_at is None]
        due.append(
            _due(
                event,
                "followup",
                pending[0].sequence if pending else sequence,
                change,
                session,
                now,
            )
        )
    after, _hour = daily_rule(session=session)
    if now - event.started_at >= timedelta(hours=after) - timedelta(hours=24):
        daily_sent = sum(1 for r in sent if r.kind == "daily")
        at = _daily_due(session, event, daily_sent)
        if at - now <= timedelta(hours=24):
            due.append(
                _due(event, "daily", daily_sent + 1, at - timedelta(hours=24), session, now, at)
            )
    return due


def _lifted_at(session: Session, event: Event) -> datetime | None:
    return session.scalar(
        select(EventLevelChange.at)
        .where(EventLevelChange.event_id == event.id, EventLevelChange.new.is_(None))
        .order_by(EventLevelChange.at.desc())
        .limit(1)
    )


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("Label", REPORT_KINDS[kind])
