"""Reports upward: drafted from the event's facts, edited, signed and numbered, sent to
member units, with the refusals; deadlines and the reports due (both backends)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from models.command import (
    UnitFields,
    change_response_level,
    deadline_table,
    draft_report,
    due_reports,
    edit_report,
    find_report,
    list_reports,
    log_incident,
    save_unit,
    send_report,
    set_daily_rule,
    set_deadline,
    set_issuer,
    sign_report,
)
from models.command.reports import ReportRefused
from models.database import Database
from models.domain_events import ReportSent, ReportSigned, _handlers, subscribe
from models.events import end_event, start_event
from models.refusals import NotFound, PermissionDenied
from models.users import Actor

DUTY = Actor(name="duty", role="duty")
CLERK = Actor(name="clerk", role="clerk")
NOW = datetime.now(UTC).replace(microsecond=0)
T0 = NOW - timedelta(hours=30)


def _event(db: Database, grade: str = "major") -> int:
    with db.session(DUTY, write=True) as session:
        set_issuer(session=session, name="某某县防汛防台抗旱指挥部", abbreviation="某防指")
        event = start_event(
            session=session, name="台风“海葵”", started_at=T0, number="2026-06", grade=grade
        )
        change_response_level(
            session=session,
            event_id=event.id,
            level="sea",
            signer="王县长",
            reason="台风进入东海",
            doc_number="某防指〔2026〕3号",
            at=T0 + timedelta(minutes=5),
        )
        for name, short in (
            ("市防汛防台抗旱指挥部办公室", "市防指办"),
            ("县应急管理局", "县应急局"),
        ):
            save_unit(session=session, fields=UnitFields(name=name, abbreviation=short))
    return event.id


def test_the_initial_report_is_drafted_edited_signed_numbered_and_sent(db: Database) -> None:
    event_id = _event(db)
    heard: list[object] = []

    def hear(event: object, *, session: object) -> None:
        heard.append(event)

    subscribe(ReportSigned)(hear)
    subscribe(ReportSent)(hear)
    try:
        with db.session(DUTY, write=True) as session:
            draft = draft_report(session=session, event_id=event_id, kind="initial")
            assert draft.name == "首报" and draft.state == "draft"
            assert "首报" in draft.title and "台风“海葵”" in draft.title
            assert "海上防台风应急响应" in draft.text and "王县长" in draft.text
            assert "重大" in draft.text
            edited = edit_report(session=session, report_id=draft.id, text=draft.text + "\n补充。")
            assert edited.text.endswith("补充。")
            signed = sign_report(session=session, report_id=draft.id, signer="李书记")
            sent = send_report(session=session, report_id=draft.id, to=["市防指办", "县应急管理局"])
    finally:
        _handlers[ReportSigned].remove(hear)
        _handlers[ReportSent].remove(hear)
    year = signed.signed_at.year if signed.signed_at else 0
    assert signed.doc_number == f"某防指〔{year}〕1号" and signed.signer == "李书记"
    assert sent.state == "sent" and sent.recipients == (
        "市防汛防台抗旱指挥部办公室",
        "县应急管理局",
    )
    assert [type(e).__name__ for e in heard] == ["ReportSigned", "ReportSent"]
    assert isinstance(heard[1], ReportSent) and heard[1].doc_number == signed.doc_number


def test_follow_ups_are_numbered_and_say_what_changed(db: Database) -> None:
    event_id = _event(db)
    with db.session(DUTY, write=True) as session:
        first = draft_report(session=session, event_id=event_id, kind="initial")
        sign_report(session=session, report_id=first.id, signer="李书记")
        change_response_level(
            session=session, event_id=event_id, level="IV", signer="王县长", reason="台风逼近"
        )
        log_incident(
            session=session,
            event_id=event_id,
            kind="landslide",
            place="东山村",
            description="无人员伤亡。",
        )
        one = draft_report(session=session, event_id=event_id, kind="followup")
        sign_report(session=session, report_id=one.id, signer="李书记")
        two = draft_report(session=session, event_id=event_id, kind="followup")
    assert (one.name, two.name) == ("续报一", "续报二")
    assert "防台风Ⅳ级应急响应" in one.text and "东山村" in one.text
    assert "海上防台风应急响应调整为" in one.text
    assert "东山村" not in two.text and "维持不变" in two.text  # new facts only
    with db.session(DUTY) as session:
        assert find_report(session=session, event_id=event_id, which=2).id == two.id
        assert find_report(session=session, event_id=event_id, which=0).id == first.id
        assert find_report(session=session, event_id=event_id).id == two.id
        numbers = [r.doc_number for r in list_reports(session=session, event_id=event_id)]
    assert [n[-3:] if n else None for n in numbers] == ["〕1号", "〕2号", None]
    with db.session(DUTY) as session, pytest.raises(NotFound):
        find_report(session=session, event_id=event_id, which="final")


def test_refusals_of_the_lifecycle(db: Database) -> None:
    event_id = _event(db)
    with db.session(DUTY, write=True) as session:
        with pytest.raises(ReportRefused, match="initial"):
            draft_report(session=session, event_id=event_id, kind="followup")
        draft = draft_report(session=session, event_id=event_id, kind="initial")
        with pytest.raises(ReportRefused, match="draft"):
            draft_report(session=session, event_id=event_id, kind="followup")
        with pytest.raises(ReportRefused, match="not signed"):
            send_report(session=session, report_id=draft.id, to=["县应急局"])
        sign_report(session=session, report_id=draft.id, signer="李书记")
        with pytest.raises(ReportRefused, match="signed"):
            edit_report(session=session, report_id=draft.id, text="改")
        with pytest.raises(ReportRefused, match="signed already"):
            sign_report(session=session, report_id=draft.id, signer="张")
        with pytest.raises(ReportRefused, match="units"):
            send_report(session=session, report_id=draft.id, to=[])
        with pytest.raises(NotFound, match="不存在单位"):
            send_report(session=session, report_id=draft.id, to=["不存在单位"])
        send_report(session=session, report_id=draft.id, to=["县应急局"])
        with pytest.raises(ReportRefused, match="sent already"):
            send_report(session=session, report_id=draft.id, to=["县应急局"])
        with pytest.raises(ReportRefused, match="initial report"):
            draft_report(session=session, event_id=event_id, kind="initial")
        with pytest.raises(ReportRefused, match="final"):
            draft_report(session=session, event_id=event_id, kind="final")
    with db.session(CLERK, write=True) as session, pytest.raises(PermissionDenied):
        draft_report(session=session, event_id=event_id, kind="followup")


def test_daily_and_final_reports(db: Database) -> None:
    event_id = _event(db)
    with db.session(DUTY, write=True) as session:
        set_daily_rule(session=session, after_hours=48, hour=16)
        first = draft_report(session=session, event_id=event_id, kind="initial")
        sign_report(session=session, report_id=first.id, signer="李书记")
        with pytest.raises(ReportRefused, match="48"):
            draft_report(session=session, event_id=event_id, kind="daily")
        set_daily_rule(session=session, after_hours=24, hour=16)
        daily = draft_report(session=session, event_id=event_id, kind="daily")
        assert daily.name == "日报一"
        sign_report(session=session, report_id=daily.id, signer="李书记")
        end_event(session=session, event_id=event_id)
        with pytest.raises(ReportRefused, match="ended"):
            draft_report(session=session, event_id=event_id, kind="followup")
        final = draft_report(session=session, event_id=event_id, kind="final")
        assert final.name == "终报" and "防御工作结束" in final.text


def test_deadlines_by_kind_and_grade_and_the_reports_due(db: Database) -> None:
    event_id = _event(db, grade="major")
    with db.session(DUTY) as session:
        due = due_reports(session=session, now=T0 + timedelta(minutes=10))
        assert [(d.name, d.event_id) for d in due] == [("首报", event_id)]
        assert due[0].phone_due == T0 + timedelta(minutes=15)
        assert due[0].written_due == T0 + timedelta(minutes=35)
        assert due[0].seconds_left == 25 * 60 and not due[0].overdue
        table = {(r.kind, r.grade): r for r in deadline_table(session=session)}
        assert (
            table[("initial", "major")].phone_minutes,
            table[("initial", "major")].written_minutes,
        ) == (15, 35)
    with db.session(DUTY, write=True) as session:
        set_deadline(
            session=session, kind="initial", grade="major", phone_minutes=10, written_minutes=30
        )
        with pytest.raises(ReportRefused):
            set_deadline(
                session=session, kind="initial", grade="major", phone_minutes=40, written_minutes=30
            )
    with db.session(DUTY) as session:
        due = due_reports(session=session, now=T0 + timedelta(minutes=40))
        assert due[0].written_due == T0 + timedelta(minutes=30) and due[0].overdue
    with db.session(DUTY, write=True) as session:
        report = draft_report(session=session, event_id=event_id, kind="initial")
        sign_report(session=session, report_id=report.id, signer="李书记")
        send_report(session=session, report_id=report.id, to=["县应急局"])
        assert [d.kind for d in due_reports(session=session)] == ["daily"]  # 30 h in
        change_response_level(
            session=session, event_id=event_id, level="IV", signer="王县长", reason="台风逼近"
        )
        kinds = [d.name for d in due_reports(session=session)]
    assert "续报一" in kinds


def test_a_draft_states_the_active_plans_checklist_progress(db: Database) -> None:
    from models.plans import activate_plan, checklist, tick_action
    from tests.models.plan_helpers import PLANNER, UNITS, add_typhoon_plan

    event_id = _event(db)
    with db.session(PLANNER, write=True) as session:
        for name in UNITS:
            if name != "县应急管理局":  # in the register already
                save_unit(session=session, fields=UnitFields(name=name))
        add_typhoon_plan(session)
    with db.session(DUTY, write=True) as session:
        before = draft_report(session=session, event_id=event_id, kind="initial")
        sign_report(session=session, report_id=before.id, signer="李书记")
        activation = activate_plan(
            session=session, code="ZX-01", stage="sea", at=T0 + timedelta(minutes=10)
        )
        first = checklist(session=session, activation_id=activation.id)[0]
        tick_action(session=session, item_id=first.id, done_at=T0 + timedelta(hours=1))
        after = draft_report(session=session, event_id=event_id, kind="followup")
    assert "预案" not in before.text
    assert "《温岭市防台风应急预案》海上防台风响应" in after.text
    assert "2项响应措施已完成1项" in after.text


def test_daily_reports_are_found_by_name(db: Database) -> None:
    event_id = _event(db)
    with db.session(DUTY, write=True) as session:
        first = draft_report(session=session, event_id=event_id, kind="initial")
        sign_report(session=session, report_id=first.id, signer="王县长")
        with pytest.raises(NotFound, match="daily report"):
            find_report(session=session, event_id=event_id, which="daily")
        set_daily_rule(session=session, after_hours=24, hour=20)  # the event is 30 hours old
        one = draft_report(session=session, event_id=event_id, kind="daily")
        sign_report(session=session, report_id=one.id, signer="王县长")
        two = draft_report(session=session, event_id=event_id, kind="daily")
        assert find_report(session=session, event_id=event_id, which="daily").id == two.id
        assert find_report(session=session, event_id=event_id, which="daily1").id == one.id
        with pytest.raises(NotFound, match="日报三"):
            find_report(session=session, event_id=event_id, which="daily3")
