"""Deadlines of the plan system: filing (备案) within 20 working days of issue, counted on
the official calendar (``chinesecalendar``: holidays and adjusted working days); evaluation
three years (configurable) after publication or the last evaluation; a drill of every
special and departmental plan within three years; the revision timetable; drills'
follow-ups. Past the calendar's last year the working days are counted Monday to Friday
and the date is marked as estimated, since the State Council publishes each year's
holidays only late in the year before."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar
from PySide6.QtCore import QCoreApplication
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.messages import fill
from models.plans.codes import DRILLED_CLASSES, FINAL_STATUSES, IN_FORCE
from models.plans.tables import DrillFollowUp, Plan, PlanDrill
from models.users import Permission, require

FILING_WORKING_DAYS = 20
EVALUATION_YEARS = 3
DRILL_YEARS = 3
SOON_DAYS = 30

_HOLIDAYS = frozenset(chinese_calendar.holidays)  # official days off on weekdays
_WORKDAYS = frozenset(chinese_calendar.workdays)  # weekends worked in exchange
CALENDAR_LAST_YEAR: int = max(day.year for day in _HOLIDAYS)
CALENDAR_FIRST_YEAR: int = min(day.year for day in _HOLIDAYS)


def calendar_note() -> str:
    """What a date marked estimated means, naming the calendar's last year and version:
    shown beside deadlines whenever one of them is estimated."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = version("chinesecalendar")
    except PackageNotFoundError:  # pragma: no cover - the package is a dependency
        installed = "?"
    return fill(
        QCoreApplication.translate(
            "Plans",
            "Dates marked estimated fall after %1, the last year of the official holidays this "
            "console knows (chinesecalendar %2): working days after it are counted Monday to "
            "Friday until a newer chinesecalendar is installed.",
        ),
        str(CALENDAR_LAST_YEAR),
        installed,
    )


def is_working_day(day: date) -> bool | None:
    """Whether ``day`` is an official working day; None when the calendar does not know the
    year (then only weekdays can be assumed). The package's own ``is_workday`` checks its
    range over every holiday at each call (about 0.3 ms): the sets here answer at once."""
    if not CALENDAR_FIRST_YEAR <= day.year <= CALENDAR_LAST_YEAR:
        return None
    if day in _WORKDAYS:
        return True
    return day not in _HOLIDAYS and day.weekday() < 5


@dataclass(frozen=True, slots=True)
class CountedDate:
    day: date
    estimated: bool  # counted Monday to Friday past the official calendar's last year


@lru_cache(maxsize=8192)
def add_working_days(start: date, days: int) -> CountedDate:
    """The ``days``-th working day after ``start`` (start itself not counted)."""
    day, counted, estimated = start, 0, False
    while counted < days:
        day += timedelta(days=1)
        working = is_working_day(day)
        if working is None:
            estimated = True
            working = day.weekday() < 5
        if working:
            counted += 1
    return CountedDate(day, estimated)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


DEADLINE_KINDS = ("filing", "evaluation", "drill", "revision", "follow_up")


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    plan_code: str
    title: str
    kind: str  # one of DEADLINE_KINDS
    due: date
    days_left: int  # negative: overdue by that many days
    estimated: bool
    detail: str  # the follow-up action; the date a count starts from otherwise

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def deadlines(
    *,
    session: Session,
    today: date | None = None,
    soon_days: int = SOON_DAYS,
    evaluation_years: int = EVALUATION_YEARS,
    everything: bool = False,
) -> list[DeadlineRow]:
    """The overdue and soon-due items (within ``soon_days``), the most overdue first;
    ``everything``: every deadline known."""
    require(session, Permission.READ_REGISTER)
    today = today or utcnow().date()
    # A deadline is kept when due by ``last``; dates compared as day numbers, and the texts
    # of a row made only for the rows kept: a county's thousands of plans in a few ms.
    last = date.max.toordinal() if everything else today.toordinal() + soon_days
    start = today.toordinal()
    found: list[tuple[int, str, str, str, date, bool, str]] = []
    # Core rows through the session's connection: no ORM row processing.
    connection = session.connection()
    last_drills: dict[int, date] = {
        plan_id: held_on
        for plan_id, held_on in connection.execute(
            select(PlanDrill.plan_id, func.max(PlanDrill.held_on)).group_by(PlanDrill.plan_id)
        )
    }
    plans = connection.execute(
        select(
            Plan.id,
            Plan.code,
            Plan.title,
            Plan.plan_class,
            Plan.status,
            Plan.issued_on,
            Plan.evaluated_on,
            Plan.evaluation_years,
            Plan.revision_due,
        ).where(Plan.status.not_in(FINAL_STATUSES))
    ).all()
    titles: dict[int, tuple[str, str]] = {}
    for plan_id, code, title, plan_class, status, issued, evaluated, years, revision in plans:
        titles[plan_id] = (code, title)
        in_force = status in IN_FORCE
        if status == "published" and issued is not None:
            counted = add_working_days(issued, FILING_WORKING_DAYS)
            if counted.day.toordinal() <= last:
                found.append(
                    (0, code, title, "filing", counted.day, counted.estimated, issued.isoformat())
                )
        if in_force and issued is not None:
            base = evaluated if evaluated is not None and evaluated > issued else issued
            due = add_years(base, years or evaluation_years)
            if due.toordinal() <= last:
                found.append((1, code, title, "evaluation", due, False, base.isoformat()))
        if in_force and plan_class in DRILLED_CLASSES:
            drilled: date | None = last_drills.get(plan_id)
            base = drilled or issued or today
            due = add_years(base, DRILL_YEARS)
            if due.toordinal() <= last:
                detail = base.isoformat() if drilled else ""
                found.append((2, code, title, "drill", due, False, detail))
        if revision is not None and not in_force and revision.toordinal() <= last:
            found.append((3, code, title, "revision", revision, False, ""))
    follow_ups = connection.execute(
        select(DrillFollowUp.action, DrillFollowUp.due_on, PlanDrill.plan_id)
        .join(PlanDrill, PlanDrill.id == DrillFollowUp.drill_id)
        .where(DrillFollowUp.closed_on.is_(None))
    )
    for action, due_on, plan_id in follow_ups:
        owner = titles.get(plan_id)
        if owner is not None and due_on.toordinal() <= last:
            found.append((4, owner[0], owner[1], "follow_up", due_on, False, action))
    found.sort(key=lambda r: (r[4], r[1], r[0]))
    return [
        DeadlineRow(code, title, kind, due, due.toordinal() - start, estimated, detail)
        for _, code, title, kind, due, estimated, detail in found
    ]


@dataclass(frozen=True, slots=True)
class DeadlineCounts:
    overdue: int
    soon: int


def deadline_counts(*, session: Session, today: date | None = None) -> DeadlineCounts:
    """How many items are overdue and how many fall due soon (for the dashboard)."""
    rows = deadlines(session=session, today=today)
    overdue = sum(1 for r in rows if r.overdue)
    return DeadlineCounts(overdue, len(rows) - overdue)
