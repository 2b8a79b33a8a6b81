"""An event's response levels, grade and incidents as history; the member units' register."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from models.command import (
    UnitFields,
    change_grade,
    change_response_level,
    grade_history,
    level_history,
    level_since,
    list_incidents,
    list_units,
    log_incident,
    save_unit,
)
from models.database import Database
from models.domain_events import ResponseLevelChanged, _handlers, subscribe
from models.events import EventRefused, active_event, end_event, start_event
from models.refusals import PermissionDenied, ValidationError
from models.users import Actor

DUTY = Actor(name="duty", role="duty")
CLERK = Actor(name="clerk", role="clerk")
VIEWER = Actor(name="viewer", role="viewer")
T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=12)


def _start(db: Database, kind: str = "typhoon") -> int:
    with db.session(DUTY, write=True) as session:
        event = start_event(
            session=session,
            name="2606号台风防御",
            kind=kind,
            started_at=T0,
            number="2026-06",
            grade="large",
            area="全县",
        )
    return event.id


def test_levels_rise_from_the_sea_stage_to_ii_with_signers_and_reasons(db: Database) -> None:
    event_id = _start(db)
    heard: list[ResponseLevelChanged] = []

    def hear(change: ResponseLevelChanged, *, session: object) -> None:
        heard.append(change)

    subscribe(ResponseLevelChanged)(hear)
    try:
        _raise_to_ii(db, event_id)
    finally:
        _handlers[ResponseLevelChanged].remove(hear)
    _the_rest(db, event_id, heard)


def _raise_to_ii(db: Database, event_id: int) -> None:
    steps = [("sea", "李副县长", "台风进入东海"), ("IV", "李副县长", "24小时内可能影响")]
    steps += [("III", "王县长", "风圈逼近"), ("II", "王县长", "预计登陆")]
    for hours, (level, signer, reason) in enumerate(steps, start=1):
        with db.session(DUTY, write=True) as session:
            row = change_response_level(
                session=session,
                event_id=event_id,
                level=level,
                signer=signer,
                reason=reason,
                doc_number=f"温防指〔2026〕{hours}号",
                at=T0 + timedelta(hours=hours),
            )
        assert row.response_level == level


def _the_rest(db: Database, event_id: int, heard: list[ResponseLevelChanged]) -> None:
    with db.session(VIEWER) as session:
        history = level_history(session=session, event_id=event_id)
        since = level_since(session=session, event_id=event_id)
        current = active_event(session=session)
    assert [(h.old, h.new, h.signer, h.reason) for h in history] == [
        (None, "sea", "李副县长", "台风进入东海"),
        ("sea", "IV", "李副县长", "24小时内可能影响"),
        ("IV", "III", "王县长", "风圈逼近"),
        ("III", "II", "王县长", "预计登陆"),
    ]
    assert {h.recorded_by for h in history} == {"duty"}
    assert history[-1].doc_number == "温防指〔2026〕4号"
    assert since == T0 + timedelta(hours=4)
    assert current is not None and current.response_level == "II"
    assert (current.number, current.grade, current.area) == ("2026-06", "large", "全县")
    assert [(c.old, c.new, c.signer, c.doc_number) for c in heard[-2:]] == [
        ("IV", "III", "王县长", "温防指〔2026〕3号"),
        ("III", "II", "王县长", "温防指〔2026〕4号"),
    ]
    with db.session(DUTY, write=True) as session:
        lifted = change_response_level(
            session=session, event_id=event_id, level=None, signer="王县长", reason="台风减弱"
        )
    assert lifted.response_lifted and lifted.active


def test_a_level_change_is_refused_without_signer_reason_or_open_event(db: Database) -> None:
    event_id = _start(db, kind="rainstorm")
    with db.session(DUTY, write=True) as session:
        with pytest.raises(ValidationError) as refused:
            change_response_level(
                session=session, event_id=event_id, level="IV", signer=" ", reason=""
            )
        assert {field for field, _ in refused.value.problems} == {"signer", "reason"}
        with pytest.raises(EventRefused, match="typhoon"):
            change_response_level(
                session=session, event_id=event_id, level="sea", signer="李", reason="x"
            )
        with pytest.raises(EventRefused):
            change_response_level(
                session=session,
                event_id=event_id,
                level="IV",
                signer="李",
                reason="x",
                at=T0 - timedelta(hours=1),
            )
    with db.session(CLERK, write=True) as session, pytest.raises(PermissionDenied):
        change_response_level(
            session=session, event_id=event_id, level="IV", signer="李", reason="x"
        )
    with db.session(DUTY, write=True) as session:
        change_response_level(
            session=session, event_id=event_id, level="IV", signer="李", reason="x"
        )
        with pytest.raises(EventRefused):
            change_response_level(
                session=session, event_id=event_id, level="IV", signer="李", reason="x"
            )
        end_event(session=session, event_id=event_id)
    with db.session(DUTY, write=True) as session, pytest.raises(EventRefused):
        change_response_level(
            session=session, event_id=event_id, level="III", signer="李", reason="x"
        )
    with db.session(VIEWER) as session:
        assert [h.new for h in level_history(session=session, event_id=event_id)] == ["IV"]


def test_grade_changes_and_incidents_are_kept_under_the_event(db: Database) -> None:
    event_id = _start(db)
    with db.session(DUTY, write=True) as session:
        change_grade(session=session, event_id=event_id, grade="major", reason="死亡3人")
        with pytest.raises(ValidationError):
            change_grade(session=session, event_id=event_id, grade="extra", reason="")
        log_incident(
            session=session,
            event_id=event_id,
            kind="landslide",
            place="石塘镇后山村",
            description="山体滑坡，2户房屋受损，无人员伤亡",
        )
        with pytest.raises(ValidationError):
            log_incident(
                session=session, event_id=event_id, kind="meteor", place="", description=""
            )
    with db.session(VIEWER) as session:
        grades = grade_history(session=session, event_id=event_id)
        incidents = list_incidents(session=session, event_id=event_id)
    assert [(g.old, g.new, g.reason) for g in grades] == [("large", "major", "死亡3人")]
    assert [(i.kind, i.place) for i in incidents] == [("landslide", "石塘镇后山村")]


def test_member_units_mask_contact_phones_for_readers_without_the_right(db: Database) -> None:
    with db.session(DUTY, write=True) as session:
        save_unit(
            session=session,
            fields=UnitFields(
                name="县水利局",
                abbreviation="水利局",
                duty_phone="0576-86123456",
                contact="陈工",
                contact_phone="13812345678",
            ),
        )
        with pytest.raises(ValidationError) as refused:
            save_unit(
                session=session,
                fields=UnitFields(name="县水利局", contact_phone="12345", kind="club"),
            )
    assert {field for field, _ in refused.value.problems} == {"name", "contact_phone", "kind"}
    with db.session(DUTY) as session:
        (full,) = list_units(session=session)
    with db.session(VIEWER) as session:
        (masked,) = list_units(session=session)
    assert full.contact_phone == "13812345678"
    assert masked.contact_phone != "13812345678" and masked.contact_phone.endswith("5678")
    assert masked.duty_phone == "0576-86123456"


def test_the_demo_typhoon_event_rose_from_the_sea_stage_to_ii(scenario_db: Database) -> None:
    with scenario_db.session(VIEWER) as session:
        event = active_event(session=session)
        assert event is not None
        history = level_history(session=session, event_id=event.id)
        units = list_units(session=session)
    assert [h.new for h in history] == ["sea", "IV", "III", "II"]
    assert all(h.signer and h.reason and h.doc_number for h in history)
    assert event.response_level == "II" and event.typhoon_code == "2606"
    assert len(units) >= 5
    assert any(u.name == "县水利局" for u in units)
    assert all(u.contact_phone is None or "*" in u.contact_phone for u in units)
