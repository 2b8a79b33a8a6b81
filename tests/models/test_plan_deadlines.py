"""Deadlines of the plan system: filing in working days on the official calendar (and what
happens past its last year), evaluations, drills, the revision timetable and drills'
follow-ups tracked until closed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.database import Database
from models.plans import (
    CALENDAR_LAST_YEAR,
    FollowUpFields,
    PlanFields,
    add_working_days,
    close_follow_up,
    deadline_counts,
    deadlines,
    is_working_day,
    list_drills,
    record_drill,
    save_plan,
    version_content,
)
from models.refusals import Conflict, PermissionDenied, ValidationError
from tests.models.plan_helpers import DUTY, PLANNER, VIEWER, add_typhoon_plan, add_units


def test_filing_counts_working_days_over_national_day_and_adjusted_saturdays() -> None:
    # 2026: 1-7 October off, Saturday 10 October worked. From Friday 25 September the
    # 20th working day is 29 October; counting Monday to Friday would give 23 October.
    counted = add_working_days(date(2026, 9, 25), 20)
    assert counted.day == date(2026, 10, 29)
    assert not counted.estimated
    assert is_working_day(date(2026, 10, 10)) is True
    assert is_working_day(date(2026, 10, 5)) is False


def test_past_the_calendars_last_year_weekdays_are_counted_and_marked_estimated() -> None:
    last = date(CALENDAR_LAST_YEAR, 12, 31)
    assert is_working_day(last + timedelta(days=10)) is None
    counted = add_working_days(date(CALENDAR_LAST_YEAR + 3, 3, 2), 20)  # a Monday in 2029
    assert counted.estimated
    assert counted.day == date(CALENDAR_LAST_YEAR + 3, 3, 30)
    crossing = add_working_days(date(CALENDAR_LAST_YEAR, 12, 20), 20)
    assert crossing.estimated


def _plans(db: Database) -> None:
    with db.session(PLANNER, write=True) as session:
        add_units(session)
        add_typhoon_plan(session, issued_on=date(2022, 5, 10))  # special, published, not filed
        for code, plan_class, status, issued, extra in (
            ("BM-01", "departmental", "filed", date(2025, 3, 3), {}),
            ("BM-02", "departmental", "filed", date(2020, 1, 6), {"evaluation_years": 5}),
            ("XZ-01", "town", "drafting", None, {"revision_due": date(2026, 6, 30)}),
            ("ZX-09", "special", "abolished", date(2015, 1, 5), {}),
        ):
            save_plan(
                session=session,
                fields=PlanFields(
                    code=code,
                    title=f"{code}预案",
                    plan_class=plan_class,
                    status=status,
                    doc_number="〔2025〕1号" if issued else None,
                    issued_on=issued,
                    since=issued,
                    **extra,
                ),
            )


def test_overdue_and_soon_due_items_are_listed_most_overdue_first(db: Database) -> None:
    _plans(db)
    today = date(2026, 7, 1)
    with db.session(PLANNER, write=True) as session:
        record_drill(
            session=session,
            code="BM-01",
            held_on=date(2025, 9, 1),
            kind="tabletop",
            follow_ups=[
                FollowUpFields("修订通讯录", "县应急管理局", date(2026, 7, 20)),
                FollowUpFields("补充物资", "县水利局", date(2025, 12, 1)),
            ],
        )
    with db.session(VIEWER) as session:
        rows = deadlines(session=session, today=today)
        counts = deadline_counts(session=session, today=today)
        every = deadlines(session=session, today=today, everything=True)
    found = [(r.plan_code, r.kind, r.due, r.overdue) for r in rows]
    assert found == [
        ("ZX-01", "filing", date(2022, 6, 8), True),  # 20 working days, Dragon Boat Day off
        ("BM-02", "drill", date(2023, 1, 6), True),  # never drilled since its issue
        ("BM-02", "evaluation", date(2025, 1, 6), True),  # its own five years
        ("ZX-01", "evaluation", date(2025, 5, 10), True),
        ("ZX-01", "drill", date(2025, 5, 10), True),
        ("BM-01", "follow_up", date(2025, 12, 1), True),
        ("XZ-01", "revision", date(2026, 6, 30), True),
        ("BM-01", "follow_up", date(2026, 7, 20), False),  # due within 30 days
    ]
    assert rows[5].detail == "补充物资"
    assert counts.overdue == sum(1 for r in rows if r.overdue)
    assert counts.soon == sum(1 for r in rows if not r.overdue)
    assert ("BM-01", "drill", date(2028, 9, 1)) in {(r.plan_code, r.kind, r.due) for r in every}
    assert not any(r.plan_code == "ZX-09" for r in every)  # abolished


def test_drills_record_exercised_actions_and_follow_ups_until_closed(db: Database) -> None:
    with db.session(PLANNER, write=True) as session:
        add_units(session)
        version = add_typhoon_plan(session)
        actions = [
            a.id for s in version_content(session=session, version_id=version) for a in s.actions
        ]
        drill = record_drill(
            session=session,
            code="ZX-01",
            held_on=date(2026, 5, 20),
            kind="unscripted",
            organisers="县防指办",
            participants="县水利局、县气象局",
            scenario="超强台风正面登陆",
            findings="转移通知到户率不足",
            exercised=actions[:3],
            follow_ups=[FollowUpFields("完善预警叫应名单", "县应急管理局", date(2026, 6, 30))],
        )
        with pytest.raises(ValidationError):
            record_drill(
                session=session,
                code="ZX-01",
                held_on=date(2026, 5, 21),
                kind="party",
                exercised=[999999],
            )
        follow_up = drill.follow_ups[0]
        with pytest.raises(Conflict):
            close_follow_up(session=session, follow_up_id=follow_up.id, closed_on=date(2026, 5, 1))
        closed = close_follow_up(
            session=session, follow_up_id=follow_up.id, closed_on=date(2026, 6, 20), note="已印发"
        )
        with pytest.raises(Conflict):
            close_follow_up(session=session, follow_up_id=follow_up.id, closed_on=date(2026, 6, 21))
    assert closed.closed_on == date(2026, 6, 20)
    with db.session(VIEWER) as session:
        (kept,) = list_drills(session=session, code="ZX-01")
        assert kept.exercised == tuple(sorted(actions[:3]))
        assert kept.follow_ups[0].note == "已印发"
        assert not [
            r for r in deadlines(session=session, today=date(2026, 7, 1)) if r.kind == "follow_up"
        ]
    with db.session(DUTY, write=True) as session, pytest.raises(PermissionDenied):
        record_drill(session=session, code="ZX-01", held_on=date(2026, 5, 20), kind="tabletop")
