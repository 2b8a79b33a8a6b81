"""Reports upward (向上级报告) of an event: the initial report (首报), numbered follow-ups
(续报一, 续报二 …), daily reports (日报) once the event has lasted long enough, and the
final report (终报).

Each is drafted from the event's facts (``reports_draft``), edited by the officer, signed
by the leader (a name: the leader need not be a console user) and numbered from the
numbering register at that moment, then sent to member units with the time. A signed
report is never changed; a report is sent once, and only signed. Signing and sending
announce ``ReportSigned`` and ``ReportSent``. Deadlines are in ``reports_due``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.command.levels import find_event
from models.command.numbering import take_number
from models.command.reports_draft import make_draft
from models.command.reports_tables import (
    REPORT_KINDS,
    SIGNER_LIMIT,
    TEXT_LIMIT,
    TITLE_LIMIT,
    EventReport,
    ReportRecipient,
    ReportRow,
    report_name,
    report_row,
)
from models.command.units import MemberUnit
from models.domain_events import ReportSent, ReportSigned, emit
from models.events import MANAGE_EVENTS, Event
from models.fields import FieldChecker
from models.messages import fill
from models.meta import get_meta, set_meta
from models.refusals import NotFound, Refused
from models.users import Permission, require

DAILY_AFTER_KEY = "reports_daily_after_hours"
DAILY_HOUR_KEY = "reports_daily_hour"
DEFAULT_DAILY_AFTER_HOURS = 24
DEFAULT_DAILY_HOUR = 16  # 16:00 in the display zone


class ReportRefused(Refused):
    """The report cannot be drafted, changed, signed or sent as asked."""


def _recipients(session: Session, report_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {}
    if report_ids:
        rows = session.execute(
            select(ReportRecipient.report_id, ReportRecipient.name)
            .where(ReportRecipient.report_id.in_(report_ids))
            .order_by(ReportRecipient.id)
        )
        for report_id, name in rows:
            found.setdefault(report_id, []).append(name)
    return {key: tuple(names) for key, names in found.items()}


def _row(session: Session, report: EventReport) -> ReportRow:
    return report_row(report, _recipients(session, [report.id]).get(report.id, ()))


def daily_rule(*, session: Session) -> tuple[int, int]:
    """(hours an event lasts before daily reports are due, the hour of day they are due)."""
    after = get_meta(session=session, key=DAILY_AFTER_KEY)
    hour = get_meta(session=session, key=DAILY_HOUR_KEY)
    return (
        int(after) if after is not None else DEFAULT_DAILY_AFTER_HOURS,
        int(hour) if hour is not None else DEFAULT_DAILY_HOUR,
    )


def set_daily_rule(*, session: Session, after_hours: int, hour: int) -> None:
    require(session, MANAGE_EVENTS)
    if not 1 <= after_hours <= 24 * 30:
        raise ReportRefused(
            QCoreApplication.translate(
                "Reports", "Daily reports start after 1 to 720 hours of an event."
            )
        )
    if not 0 <= hour <= 23:
        raise ReportRefused(
            QCoreApplication.translate("Reports", "The hour of the daily report is from 0 to 23.")
        )
    set_meta(session=session, key=DAILY_AFTER_KEY, value=str(after_hours))
    set_meta(session=session, key=DAILY_HOUR_KEY, value=str(hour))


def list_reports(*, session: Session, event_id: int) -> list[ReportRow]:
    """The event's reports in the order they were drafted."""
    require(session, Permission.READ_REGISTER)
    reports = session.scalars(
        select(EventReport)
        .where(EventReport.event_id == event_id)
        .order_by(EventReport.drafted_at, EventReport.id)
    ).all()
    names = _recipients(session, [r.id for r in reports])
    return [report_row(r, names.get(r.id, ())) for r in reports]


def get_report(*, session: Session, report_id: int) -> ReportRow:
    require(session, Permission.READ_REGISTER)
    return _row(session, _report(session, report_id))


def find_report(*, session: Session, event_id: int, which: int | str | None = None) -> ReportRow:
    """The event's report named as the command line names it: 0 the initial report, N the
    Nth follow-up, "daily" the latest daily report and "dailyN" the Nth, "final" the final
    report, None the latest drafted."""
    require(session, Permission.READ_REGISTER)
    find_event(session, event_id)
    query = select(EventReport).where(EventReport.event_id == event_id)
    daily = isinstance(which, str) and which.startswith("daily")
    nth = int(which[5:]) if daily and isinstance(which, str) and which[5:] else None
    if which is None:
        query = query.order_by(EventReport.drafted_at.desc(), EventReport.id.desc())
    elif which == "final":
        query = query.where(EventReport.kind == "final")
    elif daily:
        query = query.where(EventReport.kind == "daily")
        query = (
            query.where(EventReport.sequence == nth)
            if nth is not None
            else query.order_by(EventReport.sequence.desc())
        )
    elif which == 0:
        query = query.where(EventReport.kind == "initial")
    else:
        query = query.where(EventReport.kind == "followup", EventReport.sequence == which)
    report = session.scalars(query.limit(1)).first()
    if report is None:
        if which is None:
            raise NotFound(QCoreApplication.translate("Reports", "The event has no report yet."))
        if daily and nth is None:
            raise NotFound(
                QCoreApplication.translate("Reports", "The event has no daily report yet.")
            )
        if daily:
            name = report_name("daily", nth or 0)
        else:
            name = report_name(
                "final" if which == "final" else "initial" if which == 0 else "followup",
                which if isinstance(which, int) else 0,
            )
        raise NotFound(
            fill(QCoreApplication.translate("Reports", "The event has no report %1."), name)
        )
    return _row(session, report)


def _report(session: Session, report_id: int) -> EventReport:
    report = session.get(EventReport, report_id)
    if report is None:
        raise NotFound(
            fill(
                QCoreApplication.translate("Reports", "No report with the id %1."),
                str(report_id),
            )
        )
    return report


def draft_report(
    *, session: Session, event_id: int | None, kind: str, at: datetime | None = None
) -> ReportRow:
    """A new report of ``kind`` for the event (None: the one in progress), drafted from its
    facts. Refused: an unknown kind; an initial report when there is one; anything before
    the initial report; after the final report; while another report of the event is
    still unsigned; a daily report before the event has lasted long enough; a final report
    while the response is in force; anything but the final report once the event ended."""
    actor = require(session, MANAGE_EVENTS)
    if kind not in REPORT_KINDS:
        raise ReportRefused(
            fill(QCoreApplication.translate("Reports", "Unknown report kind: %1"), kind)
        )
    event = find_event(session, event_id)
    when = at or utcnow()
    reports = session.scalars(
        select(EventReport)
        .where(EventReport.event_id == event.id)
        .order_by(EventReport.drafted_at, EventReport.id)
    ).all()
    _check_draft(session, event, kind, reports, when)
    sequence = 0
    if kind in ("followup", "daily"):
        sequence = 1 + max((r.sequence for r in reports if r.kind == kind), default=0)
    previous = reports[-1] if reports else None
    draft = make_draft(
        session,
        event,
        kind,
        sequence,
        when,
        json.loads(previous.facts) if previous is not None else None,
        report_name(previous.kind, previous.sequence) if previous is not None else None,
    )
    report = EventReport(
        event_id=event.id,
        kind=kind,
        sequence=sequence,
        title=draft.title[:TITLE_LIMIT],
        text=draft.text,
        facts=draft.facts,
        drafted_at=when,
        drafted_by=actor.name,
    )
    session.add(report)
    session.flush()
    return _row(session, report)


def _check_draft(
    session: Session, event: Event, kind: str, reports: Sequence[EventReport], when: datetime
) -> None:
    kinds = {r.kind for r in reports}
    unsigned = [r for r in reports if r.signed_at is None]
    if unsigned:
        raise ReportRefused(
            fill(
                QCoreApplication.translate(
                    "Reports", "The %1 of this event is still a draft: have it signed first."
                ),
                report_name(unsigned[0].kind, unsigned[0].sequence),
            )
        )
    if "final" in kinds:
        raise ReportRefused(
            QCoreApplication.translate(
                "Reports", "The event's final report has been made: no report follows it."
            )
        )
    if kind == "initial":
        if "initial" in kinds:
            raise ReportRefused(
                QCoreApplication.translate(
                    "Reports", "The event has its initial report: draft a follow-up."
                )
            )
        if event.ended_at is not None:
            raise ReportRefused(
                QCoreApplication.translate(
                    "Reports", "The event has ended: only its final report remains."
                )
            )
        return
    if "initial" not in kinds:
        raise ReportRefused(
            QCoreApplication.translate("Reports", "Draft the event's initial report first.")
        )
    if kind == "final":
        if event.ended_at is None and event.response_level is not None:
            raise ReportRefused(
                QCoreApplication.translate(
                    "Reports",
                    "The final report comes once the response is lifted or the event has ended.",
                )
            )
        return
    if event.ended_at is not None:
        raise ReportRefused(
            QCoreApplication.translate(
                "Reports", "The event has ended: only its final report remains."
            )
        )
    if kind == "daily":
        after, _hour = daily_rule(session=session)
        if when - event.started_at < timedelta(hours=after):
            raise ReportRefused(
                fill(
                    QCoreApplication.translate(
                        "Reports", "Daily reports start once the event has lasted %1 hours."
                    ),
                    str(after),
                )
            )


def edit_report(
    *, session: Session, report_id: int, text: str, title: str | None = None
) -> ReportRow:
    """The officer's text (and title) of a draft; refused once signed."""
    actor = require(session, MANAGE_EVENTS)
    report = _report(session, report_id)
    if report.signed_at is not None:
        raise ReportRefused(
            QCoreApplication.translate(
                "Reports", "A signed report cannot be changed: draft a follow-up report instead."
            )
        )
    checker = FieldChecker()
    body = checker.text(
        "text", text, TEXT_LIMIT, QCoreApplication.translate("Reports", "The report has no text.")
    )
    heading = checker.text("title", title, TITLE_LIMIT) if title is not None else None
    checker.done()
    report.text = body or ""
    if heading:
        report.title = heading
    report.edited_at, report.edited_by = utcnow(), actor.name
    session.flush()
    return _row(session, report)


def sign_report(
    *, session: Session, report_id: int, signer: str, at: datetime | None = None
) -> ReportRow:
    """Signed by the leader named (签发人), numbered from the register at once."""
    actor = require(session, MANAGE_EVENTS)
    report = _report(session, report_id)
    if report.signed_at is not None:
        raise ReportRefused(
            fill(
                QCoreApplication.translate("Reports", "The report was signed already, by %1."),
                report.signer or "",
            )
        )
    checker = FieldChecker()
    name = checker.text(
        "signer",
        signer,
        SIGNER_LIMIT,
        QCoreApplication.translate("Reports", "Name the leader who signs the report."),
    )
    checker.done()
    when = at or utcnow()
    if when < report.drafted_at:
        raise ReportRefused(
            QCoreApplication.translate(
                "Reports", "A report cannot be signed before it was drafted."
            )
        )
    label = report_name(report.kind, report.sequence)
    number = take_number(
        session=session, kind="report", subject=f"{label} event {report.event_id}", at=when
    )
    report.signer, report.signed_at, report.signed_by = name, when, actor.name
    report.doc_number = number.text
    session.flush()
    emit(
        ReportSigned(report.id, report.event_id, label, number.text, name or "", when),
        session=session,
    )
    return _row(session, report)


def _units(session: Session, names: Sequence[str]) -> list[MemberUnit]:
    units: list[MemberUnit] = []
    unknown: list[str] = []
    for raw in names:
        name = raw.strip()
        unit = session.scalar(
            select(MemberUnit).where((MemberUnit.name == name) | (MemberUnit.abbreviation == name))
        )
        if unit is None and name.isdigit():
            unit = session.get(MemberUnit, int(name))
        if unit is None:
            unknown.append(name)
        elif unit not in units:
            units.append(unit)
    if unknown:
        raise NotFound(
            fill(
                QCoreApplication.translate("Reports", "No member unit named %1."),
                "、".join(unknown),
            )
        )
    return units


def send_report(
    *, session: Session, report_id: int, to: Sequence[str], at: datetime | None = None
) -> ReportRow:
    """Sent, at ``at`` (default now), to the member units named (name, abbreviation or id)."""
    actor = require(session, MANAGE_EVENTS)
    report = _report(session, report_id)
    if report.signed_at is None:
        raise ReportRefused(
            QCoreApplication.translate(
                "Reports", "The report is not signed: a leader signs it before it is sent."
            )
        )
    if report.sent_at is not None:
        raise ReportRefused(QCoreApplication.translate("Reports", "The report was sent already."))
    if not [name for name in to if name.strip()]:
        raise ReportRefused(
            QCoreApplication.translate("Reports", "Name the units the report is sent to.")
        )
    units = _units(session, [name for name in to if name.strip()])
    when = at or utcnow()
    if when < report.signed_at:
        raise ReportRefused(
            QCoreApplication.translate("Reports", "A report cannot be sent before it was signed.")
        )
    for unit in units:
        session.add(ReportRecipient(report_id=report.id, unit_id=unit.id, name=unit.name))
    report.sent_at, report.sent_by = when, actor.name
    session.flush()
    names = tuple(unit.name for unit in units)
    emit(
        ReportSent(
            report.id,
            report.event_id,
            report_name(report.kind, report.sequence),
            report.doc_number or "",
            names,
            when,
        ),
        session=session,
    )
    return _row(session, report)


def report_counts(*, session: Session, event_id: int) -> dict[str, Any]:
    """How many reports of each state the event has (for summaries)."""
    require(session, Permission.READ_REGISTER)
    rows = session.execute(
        select(EventReport.kind, func.count())
        .where(EventReport.event_id == event_id)
        .group_by(EventReport.kind)
    )
    return {kind: count for kind, count in rows}
