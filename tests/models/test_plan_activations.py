"""A plan during an event: activated at Ⅳ, its checklist (that stage and every lower one,
time limits from activation), ticked, raised to Ⅱ by the event's level change keeping what
is done, lowered and lifted keeping the record."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from models.command import change_response_level
from models.database import Database
from models.domain_events import PlanActivated, _handlers, subscribe
from models.events import start_event
from models.plans import activate_plan, activations, change_stage, checklist, tick_action
from models.refusals import Conflict, PermissionDenied
from tests.models.plan_helpers import DUTY, PLANNER, add_typhoon_plan, add_units

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=10)


def _event(db: Database, kind: str = "typhoon") -> int:
    with db.session(PLANNER, write=True) as session:
        add_units(session)
        add_typhoon_plan(session)
    with db.session(DUTY, write=True) as session:
        return start_event(session=session, name="2606号台风防御", kind=kind, started_at=T0).id


def test_activating_at_iv_then_raising_to_ii_keeps_what_is_done(db: Database) -> None:
    event_id = _event(db)
    heard: list[PlanActivated] = []

    def hear(event: PlanActivated, *, session: object) -> None:
        heard.append(event)

    subscribe(PlanActivated)(hear)
    try:
        with db.session(DUTY, write=True) as session:
            change_response_level(
                session=session,
                event_id=event_id,
                level="IV",
                signer="张副县长",
                reason="台风蓝色预警",
                at=T0 + timedelta(hours=1),
            )
            activation = activate_plan(
                session=session, code="ZX-01", stage="IV", at=T0 + timedelta(hours=1)
            )
    finally:
        _handlers[PlanActivated].remove(hear)
    assert [(e.event_id, e.stage) for e in heard] == [(event_id, "IV")]
    with db.session(DUTY, write=True) as session:
        items = checklist(session=session, activation_id=activation.id)
        assert [(i.level, i.group, i.text) for i in items] == [
            ("sea", "command", "渔船回港避风"),
            ("sea", "transfer", "海上养殖人员上岸"),
            ("IV", "command", "启动防台风Ⅳ级应急响应"),
            ("IV", "warning", "发布台风蓝色预警"),
        ]
        boats = items[0]
        assert boats.unit == "县农业农村局"
        assert boats.due_at == T0 + timedelta(hours=7)  # six hours from activation
        assert items[3].overdue(T0 + timedelta(hours=3))
        done = tick_action(
            session=session, item_id=boats.id, done_at=T0 + timedelta(hours=2), note="全部回港"
        )
        assert (done.done_at, done.done_by, done.note) == (
            T0 + timedelta(hours=2),
            "duty",
            "全部回港",
        )
        with pytest.raises(Conflict):
            tick_action(session=session, item_id=boats.id)
        # The command page raises the level: the plan's checklist follows at once.
        change_response_level(
            session=session,
            event_id=event_id,
            level="II",
            signer="张副县长",
            reason="台风橙色预警",
            at=T0 + timedelta(hours=4),
        )
        raised = checklist(session=session, activation_id=activation.id)
        (now_active,) = activations(session=session, event_id=event_id)
    assert now_active.stage == "II"
    assert [i.level for i in raised] == ["sea", "sea", "IV", "IV", "III", "III", "II", "II"]
    assert raised[0].done_at == T0 + timedelta(hours=2) and raised[0].note == "全部回港"
    transfer = next(i for i in raised if i.text == "危险区人员全部转移")
    assert transfer.due_at == T0 + timedelta(hours=10)  # six hours from the raise

    with db.session(DUTY, write=True) as session:
        change_stage(session=session, activation_id=activation.id, stage="IV")
        lowered = checklist(session=session, activation_id=activation.id)
        assert len(lowered) == 8
        assert [i.above_stage for i in lowered] == [False] * 4 + [True] * 4
        change_response_level(
            session=session, event_id=event_id, level=None, signer="张副县长", reason="台风远离"
        )
        (ended,) = activations(session=session, event_id=event_id)
        assert ended.ended_at is not None
        with pytest.raises(Conflict, match="ended"):
            tick_action(session=session, item_id=lowered[1].id)
    with db.session(DUTY) as session:
        assert len(checklist(session=session, activation_id=activation.id)) == 8


def test_activation_is_refused_when_it_does_not_fit(db: Database) -> None:
    event_id = _event(db, kind="rainstorm")
    with db.session(PLANNER, write=True) as session, pytest.raises(PermissionDenied):
        activate_plan(session=session, code="ZX-01", stage="IV")
    with db.session(DUTY, write=True) as session:
        with pytest.raises(Conflict, match="typhoon"):
            activate_plan(session=session, code="ZX-01", stage="sea")
        with pytest.raises(Conflict):
            activate_plan(session=session, code="ZX-01", stage="V")
        activate_plan(session=session, code="ZX-01", stage="III", event_id=event_id)
        with pytest.raises(Conflict, match="already"):
            activate_plan(session=session, code="ZX-01", stage="II")


def test_an_activated_versions_content_stays_as_it_was(db: Database) -> None:
    from models.plans import list_versions, set_content
    from tests.models.plan_helpers import typhoon_stages

    _event(db)
    with db.session(DUTY, write=True) as session:
        activate_plan(session=session, code="ZX-01", stage="IV")
    with db.session(PLANNER, write=True) as session:
        version = list_versions(session=session, code="ZX-01")[-1]
        with pytest.raises(Conflict, match="new version"):
            set_content(session=session, version_id=version.id, stages=typhoon_stages(True))


def test_ending_the_event_ends_its_plans_keeping_the_checklist(db: Database) -> None:
    from models.events import end_event

    event_id = _event(db)
    with db.session(DUTY, write=True) as session:
        activation = activate_plan(session=session, code="ZX-01", stage="IV")
        end_event(session=session, event_id=event_id)
        (ended,) = activations(session=session, event_id=event_id)
        assert ended.ended_at is not None
        assert len(checklist(session=session, activation_id=activation.id)) == 4


def test_the_matching_plan_is_offered_only_while_none_is_active(db: Database) -> None:
    from models.plans import plan_to_offer

    event_id = _event(db)
    with db.session(DUTY) as session:
        offered = plan_to_offer(session=session, event_id=event_id)
    assert offered is not None and offered.code == "ZX-01"
    with db.session(DUTY, write=True) as session:
        activate_plan(session=session, code="ZX-01", stage="IV", at=T0 + timedelta(hours=1))
    with db.session(DUTY) as session:
        assert plan_to_offer(session=session, event_id=event_id) is None


def test_no_plan_is_offered_for_an_event_no_plan_answers(db: Database) -> None:
    from models.plans import plan_to_offer

    event_id = _event(db, kind="rainstorm")  # the county has no flood plan here
    with db.session(DUTY) as session:
        assert plan_to_offer(session=session, event_id=event_id) is None
