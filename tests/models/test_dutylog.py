"""The duty log: entries, corrections beside their originals, follow-ups opened and closed,
the console's own entries, masking, and a log the database will not let anyone change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import DBAPIError

from models.areas import Division
from models.command import (
    CORRECTION,
    DutyLogEntry,
    DutyLogRefused,
    EntryFields,
    LogFilter,
    add_entry,
    change_response_level,
    close_follow_up,
    correct_entry,
    due_follow_ups,
    get_entry,
    list_entries,
    open_follow_ups,
    original_kind,
)
from models.database import Database
from models.events import start_event
from models.refusals import Conflict, PermissionDenied, ValidationError
from models.users import Actor

DUTY = Actor(name="zhang.san", role="duty")
CLERK = Actor(name="clerk", role="clerk")
PLANNER = Actor(name="planner", role="planner")
VIEWER = Actor(name="viewer", role="viewer")
NOW = datetime.now(UTC).replace(microsecond=0)


def _place(db: Database) -> None:
    with db.session(DUTY, write=True) as session:
        county = Division(code="331081", name="温岭市", level="county")
        session.add(county)
        session.flush()
        town = Division(code="331081100", name="石塘镇", level="town", parent_id=county.id)
        session.add(town)
        session.flush()
        session.add(
            Division(code="331081100201", name="东海村", level="village", parent_id=town.id)
        )


def _event(db: Database) -> int:
    with db.session(DUTY, write=True) as session:
        return start_event(
            session=session, name="2606号台风防御", started_at=NOW - timedelta(hours=20)
        ).id


def _call(db: Database, event_id: int | None = None, **changes: object) -> int:
    fields = {
        "kind": "call_in",
        "content": "石塘镇报告东海村海塘有渗水",
        "caller_unit": "石塘镇防指",
        "caller_name": "陈海",
        "caller_phone": "13905761234",
        "instruction": "请镇里立即组织巡查，人员先撤离",
        "event_id": event_id,
    }
    fields.update(changes)
    with db.session(DUTY, write=True) as session:
        return add_entry(session=session, fields=EntryFields(**fields))  # type: ignore[arg-type]


def test_a_call_is_logged_with_its_five_facts_and_phones_masked_by_role(db: Database) -> None:
    _place(db)
    event_id = _event(db)
    entry_id = _call(db, event_id, division_code="331081100201")
    with db.session(DUTY) as session:
        row = get_entry(session=session, entry_id=entry_id)
    assert row is not None
    assert (row.kind, row.caller_unit, row.caller_name) == ("call_in", "石塘镇防指", "陈海")
    assert row.caller_phone == "13905761234"
    assert row.instruction == "请镇里立即组织巡查，人员先撤离"
    assert (row.recorded_by, row.division_name, row.event_id) == ("zhang.san", "东海村", event_id)
    assert abs((row.at - datetime.now(UTC)).total_seconds()) < 60
    with db.session(VIEWER) as session:
        masked = get_entry(session=session, entry_id=entry_id)
        found = list_entries(session=session, where=LogFilter(text="渗水"))
    assert masked is not None and masked.caller_phone != "13905761234"
    assert "1234" not in (masked.caller_phone or "") or "*" in (masked.caller_phone or "")
    assert [r.caller_phone for r in found] == [masked.caller_phone]


def test_who_may_write_the_log(db: Database) -> None:
    _call(db)
    with db.session(CLERK, write=True) as session:
        add_entry(session=session, fields=EntryFields(kind="action", content="打印转移清单"))
    for actor in (PLANNER, VIEWER):
        with pytest.raises(PermissionDenied), db.session(actor, write=True) as session:
            add_entry(session=session, fields=EntryFields(kind="action", content="x"))


def test_backdating_needs_a_reason_and_keeps_it(db: Database) -> None:
    earlier = datetime.now(UTC) - timedelta(hours=2)
    with pytest.raises(ValidationError) as refused, db.session(DUTY, write=True) as session:
        add_entry(session=session, fields=EntryFields(kind="call_in", content="x", at=earlier))
    assert [field for field, _ in refused.value.problems] == ["backdate_reason"]
    with pytest.raises(ValidationError), db.session(DUTY, write=True) as session:
        later = datetime.now(UTC) + timedelta(hours=1)
        add_entry(session=session, fields=EntryFields(kind="call_in", content="x", at=later))
    entry_id = _call(db, at=earlier, backdate_reason="电话线路忙，事后补记")
    with db.session(DUTY) as session:
        row = get_entry(session=session, entry_id=entry_id)
    assert row is not None
    assert (row.at, row.backdate_reason) == (earlier, "电话线路忙，事后补记")
    with db.session(DUTY, write=True) as session:  # a correction keeping the time needs none
        fixed = correct_entry(
            session=session,
            entry_id=entry_id,
            fields=EntryFields(kind="", content="更正后的内容"),
            reason="补充",
        )
    with db.session(DUTY) as session:
        corrected = get_entry(session=session, entry_id=fixed)
    assert corrected is not None
    assert (corrected.at, corrected.backdate_reason) == (earlier, "电话线路忙，事后补记")


def test_every_problem_of_an_entry_is_refused_at_once(db: Database) -> None:
    with pytest.raises(ValidationError) as refused, db.session(DUTY, write=True) as session:
        add_entry(
            session=session,
            fields=EntryFields(
                kind="gossip", content=" ", caller_phone="12345", division_code="999"
            ),
        )
    fields = {field for field, _ in refused.value.problems}
    assert fields == {"kind", "content", "caller_phone", "division"}


def test_a_correction_is_a_new_entry_shown_beside_the_old_one(db: Database) -> None:
    _place(db)
    entry_id = _call(db)
    with db.session(DUTY, write=True) as session:
        fixed = correct_entry(
            session=session,
            entry_id=entry_id,
            fields=EntryFields(
                kind="call_in",
                content="石塘镇报告东海村海塘有管涌",
                caller_name="陈海",
                caller_phone="13905761234",
            ),
            reason="听错了，是管涌不是渗水",
        )
    with db.session(DUTY) as session:
        rows = {r.id: r for r in list_entries(session=session)}
        assert original_kind(session, fixed) == "call_in"
    assert rows[entry_id].corrected_by == fixed
    assert rows[entry_id].content == "石塘镇报告东海村海塘有渗水"  # kept as it was
    assert (rows[fixed].kind, rows[fixed].refers_to) == (CORRECTION, entry_id)
    assert rows[fixed].reason == "听错了，是管涌不是渗水"
    with pytest.raises(Conflict), db.session(DUTY, write=True) as session:
        correct_entry(
            session=session, entry_id=entry_id, fields=EntryFields(kind="call_in", content="y")
        )


def test_follow_ups_are_open_until_closed_and_due_ones_are_found(db: Database) -> None:
    due = datetime.now(UTC) + timedelta(minutes=1)
    opened = _call(db, follow_up_due=due)
    later = _call(db, follow_up_due=due + timedelta(hours=3))
    with db.session(DUTY) as session:
        assert [r.id for r in open_follow_ups(session=session)] == [opened, later]
        assert due_follow_ups(session=session) == []
        soon = due_follow_ups(session=session, now=due + timedelta(minutes=1))
    assert [r.id for r in soon] == [opened]
    with db.session(DUTY, write=True) as session:
        closing = close_follow_up(session=session, entry_id=opened, content="镇里回复：已排除险情")
    with db.session(DUTY) as session:
        assert [r.id for r in open_follow_ups(session=session)] == [later]
        closed = get_entry(session=session, entry_id=opened)
        only_open = list_entries(session=session, where=LogFilter(open_follow_ups=True))
    assert closed is not None and closed.closed_by == closing and not closed.follow_up_open
    assert [r.id for r in only_open] == [later]
    with pytest.raises(Conflict), db.session(DUTY, write=True) as session:
        close_follow_up(session=session, entry_id=opened, content="again")
    plain = _call(db)
    with pytest.raises(DutyLogRefused), db.session(DUTY, write=True) as session:
        close_follow_up(session=session, entry_id=plain, content="nothing to close")


def test_closing_a_corrected_follow_up_closes_its_latest_version(db: Database) -> None:
    opened = _call(db, follow_up_due=datetime.now(UTC) + timedelta(hours=1))
    with db.session(DUTY, write=True) as session:
        fixed = correct_entry(
            session=session,
            entry_id=opened,
            fields=EntryFields(
                kind="call_in",
                content="改正后的内容",
                follow_up_due=datetime.now(UTC) + timedelta(hours=2),
            ),
        )
    with db.session(DUTY) as session:
        assert [r.id for r in open_follow_ups(session=session)] == [fixed]
    with db.session(DUTY, write=True) as session:
        closing = close_follow_up(session=session, entry_id=opened, content="已处理")
    with db.session(DUTY) as session:
        assert open_follow_ups(session=session) == []
        row = get_entry(session=session, entry_id=closing)
    assert row is not None and row.refers_to == fixed


def test_search_and_filters_by_kind_place_time_and_event(db: Database) -> None:
    _place(db)
    event_id = _event(db)
    first = _call(db, event_id, division_code="331081100201")
    _call(db, None, kind="warning_in", content="气象台发布台风红色预警")
    with db.session(DUTY) as session:

        def ids(**where: object) -> list[int]:
            rows = list_entries(session=session, where=LogFilter(**where))  # type: ignore[arg-type]
            return [r.id for r in rows]

        assert ids(text="渗水") == [first]
        assert ids(text="红色预警", event_id=event_id) == []
        assert ids(kinds=("call_in",)) == [first]
        assert ids(division_code="331081100") == [first]  # the town takes in its villages
        assert ids(event_id=event_id) == [first]
        assert ids(since=datetime.now(UTC) + timedelta(minutes=5)) == []
        assert len(ids()) == 2


def test_a_level_change_writes_its_own_entry(db: Database) -> None:
    event_id = _event(db)
    with db.session(DUTY, write=True) as session:
        change_response_level(
            session=session,
            event_id=event_id,
            level="IV",
            signer="李副县长",
            reason="24小时内可能影响",
            doc_number="温防指〔2026〕1号",
        )
    with db.session(DUTY) as session:
        rows = list_entries(session=session, where=LogFilter(kinds=("level_change",)))
    assert len(rows) == 1
    assert rows[0].event_id == event_id
    assert "李副县长" in rows[0].content and "温防指〔2026〕1号" in rows[0].content


def test_a_plan_activation_writes_its_own_entry(db: Database) -> None:
    from models.plans import activate_plan
    from tests.models.plan_helpers import add_typhoon_plan, add_units

    with db.session(PLANNER, write=True) as session:
        add_units(session)
        add_typhoon_plan(session)
    event_id = _event(db)
    with db.session(DUTY, write=True) as session:
        activate_plan(session=session, code="ZX-01", stage="IV", at=NOW - timedelta(hours=2))
    with db.session(DUTY) as session:
        rows = list_entries(session=session, where=LogFilter(kinds=("plan_activation",)))
    assert len(rows) == 1
    (row,) = rows
    assert row.event_id == event_id and row.at == NOW - timedelta(hours=2)
    assert "ZX-01" in row.content and "温岭市防台风应急预案" in row.content
    assert "Level IV" in row.content or "Ⅳ" in row.content
    assert "zhang.san" in row.content


def test_the_database_refuses_to_change_or_remove_an_entry(db: Database) -> None:
    entry_id = _call(db)
    for statement in (
        update(DutyLogEntry).values(content="改过的"),
        delete(DutyLogEntry).where(DutyLogEntry.id == entry_id),
    ):
        with pytest.raises(DBAPIError), db.engine.begin() as conn:
            conn.execute(statement)
    with db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(DutyLogEntry)).scalar() == 1
        assert (
            conn.execute(text("SELECT content FROM duty_log")).scalar()
            == "石塘镇报告东海村海塘有渗水"
        )


def test_a_report_signed_and_sent_writes_its_entries(db: Database) -> None:
    from models.command import UnitFields, draft_report, save_unit, send_report, sign_report
    from models.command.numbering import set_issuer

    event_id = _event(db)
    with db.session(DUTY, write=True) as session:
        set_issuer(session=session, name="某某县防汛防台抗旱指挥部", abbreviation="某防指")
        save_unit(session=session, fields=UnitFields(name="县应急管理局", abbreviation="县应急局"))
        draft = draft_report(session=session, event_id=event_id, kind="initial")
        sign_report(session=session, report_id=draft.id, signer="李书记")
        send_report(session=session, report_id=draft.id, to=["县应急局"])
    with db.session(DUTY) as session:
        rows = list_entries(session=session, where=LogFilter(kinds=("report",)))
    texts = [row.content for row in reversed(rows)]
    assert len(texts) == 2 and all(row.event_id == event_id for row in rows)
    assert "首报" in texts[0] and "李书记" in texts[0] and "某防指" in texts[0]
    assert "县应急管理局" in texts[1]
