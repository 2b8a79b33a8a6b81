"""The duty roster of the day: set by the duty officer, leaders offered as signers, the
leader's phone masked by role, and ending an event writes the "lifted" row."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from models.command import (
    day_roster,
    duty_day,
    end_event_lifting,
    leader_on_shift,
    level_history,
    roster_leaders,
    set_roster,
)
from models.command.levels import change_response_level
from models.database import Database
from models.events import active_event, start_event
from models.refusals import NotFound, PermissionDenied, ValidationError
from models.users import Actor

DUTY = Actor(name="duty", role="duty")
PLANNER = Actor(name="planner", role="planner")
VIEWER = Actor(name="viewer", role="viewer")


def test_a_duty_day_runs_from_eight_to_eight_beijing_time() -> None:
    # 2026-12-07 07:59 in Beijing is 2026-12-06 23:59 UTC: still the 6th's duty day.
    assert duty_day(datetime(2026, 12, 6, 23, 59, tzinfo=UTC)) == date(2026, 12, 6)
    assert duty_day(datetime(2026, 12, 7, 0, 0, tzinfo=UTC)) == date(2026, 12, 7)


def test_the_duty_officer_sets_the_roster_and_its_leaders_sign(db: Database) -> None:
    today = duty_day()
    with db.session(DUTY, write=True) as session:
        set_roster(
            session=session,
            day=today,
            shift="day",
            officers="张明, 陈洁",
            leader="李副县长",
            leader_phone="13905761234",
        )
        set_roster(session=session, day=today, shift="night", officers="王强", leader="王县长")
        # set again: the shift's row is replaced, not doubled
        set_roster(session=session, day=today, shift="night", officers="王强", leader="周局长")
    with db.session(DUTY) as session:
        rows = day_roster(session=session)
        leaders = roster_leaders(session=session)
        assert leader_on_shift(session=session) in ("李副县长", "周局长")
    assert [(r.shift, r.officers, r.leader) for r in rows] == [
        ("day", "张明、陈洁", "李副县长"),
        ("night", "王强", "周局长"),
    ]
    assert rows[0].leader_phone == "13905761234"
    assert set(leaders) == {"李副县长", "周局长"}
    with db.session(VIEWER) as session:  # a viewer sees the roster, not the mobile
        masked = day_roster(session=session)[0].leader_phone
    assert masked is not None and "1234" in masked and "0576" not in masked
    with db.session(DUTY) as session:
        assert day_roster(session=session, day=today - timedelta(days=1)) == []


def test_the_roster_refuses_planners_and_missing_names_at_once(db: Database) -> None:
    with pytest.raises(PermissionDenied), db.session(PLANNER, write=True) as session:
        set_roster(session=session, day=duty_day(), shift="full", officers="张明", leader="李")
    with pytest.raises(ValidationError) as refused, db.session(DUTY, write=True) as session:
        set_roster(
            session=session,
            day=duty_day(),
            shift="dawn",
            officers=" ",
            leader="",
            leader_phone="12",
        )
    fields = {field for field, _ in refused.value.problems}
    assert fields == {"shift", "officers", "leader", "leader_phone"}
    with pytest.raises(NotFound), db.session(DUTY) as session:
        leader_on_shift(session=session)


def test_ending_an_event_lifts_its_response_with_a_history_row(db: Database) -> None:
    with db.session(DUTY, write=True) as session:
        set_roster(session=session, day=duty_day(), shift="full", officers="张明", leader="王县长")
        event = start_event(
            session=session, name="台风", started_at=datetime.now(UTC) - timedelta(hours=3)
        )
        change_response_level(
            session=session, event_id=event.id, level="IV", signer="王县长", reason="影响"
        )
    with db.session(DUTY, write=True) as session:
        end_event_lifting(session=session, event_id=event.id)
    with db.session(DUTY) as session:
        history = level_history(session=session, event_id=event.id)
        assert active_event(session=session) is None
    assert [(h.old, h.new, h.signer) for h in history] == [
        (None, "IV", "王县长"),
        ("IV", None, "王县长"),
    ]
    assert history[-1].reason  # the event's end, said
