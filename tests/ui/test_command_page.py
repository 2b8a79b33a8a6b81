"""The command page (指挥调度): the event mid-typhoon with its level history, a level change
signed by the roster's leader, incidents, grade, roster, member units masked by role, the
event's end lifting the response with a history row, and helpful empty states."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from models.command import grade_history, level_history, list_incidents
from models.database import Database
from models.events import active_event, list_events
from models.users import Actor
from ui.command.page import CommandPage

DUTY = Actor(name="duty", role="duty")
VIEWER = Actor(name="viewer", role="viewer")


def with_history(db: Database) -> None:
    """The demo's level history (sea stage to Ⅱ) and a landslide under the scenario's event,
    as ``demo --scenario typhoon`` writes them."""
    from models.command import EventIncident
    from models.demo.command import add_level_history
    from models.events import Event

    with db.session(Actor(name="demo", role="admin"), write=True) as session:
        found = active_event(session=session)
        assert found is not None
        event = session.get(Event, found.id)
        assert event is not None
        event.area = "全县"
        add_level_history(session=session, event=event)
        session.add(
            EventIncident(
                event_id=event.id,
                kind="landslide",
                place="山后村",
                at=event.started_at + timedelta(hours=7),
                description="边坡滑塌",
                recorded_by="demo",
            )
        )


def open_page(qtbot: QtBot, db: Database, actor: Actor = DUTY) -> CommandPage:
    page = CommandPage(db, actor)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    with qtbot.waitSignal(page.ready, timeout=15_000):
        page.show()
    return page


def in_dialog(fill: Callable[[Any], None]) -> None:
    """Once the page's modal form is open, ``fill`` it (and save)."""

    def act() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        )
        fill(dialog)

    QTimer.singleShot(0, act)


def test_mid_typhoon_the_page_shows_the_event_and_a_level_change_is_signed_from_the_roster(
    qtbot: QtBot, typhoon_db: Database, no_tester_failures: None
) -> None:
    with_history(typhoon_db)
    page = open_page(qtbot, typhoon_db)
    testers = [
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
        for model in (
            page.level_model,
            page.grade_model,
            page.incident_model,
            page.roster_model,
            page.unit_model,
        )
    ]
    details = page.details_label.text()
    assert "2606" in details and "全县" in details and "Level II" in details
    assert [page.level_model.display_text(r, 2) for r in range(4)] == [
        "Sea-typhoon response",
        "Level IV (blue)",
        "Level III (yellow)",
        "Level II (orange)",
    ]
    assert page.incident_model.rowCount() == 1 and not page.incidents_state.is_empty()
    assert page.roster_model.rowCount() == 2
    assert page.unit_model.rowCount() == 9
    assert not page.event_bar.level_button.isHidden()

    changed: list[tuple[int, object]] = []
    page.level_changed.connect(lambda event_id, level: changed.append((event_id, level)))
    offered: list[str] = []

    def raise_to_i(form: Any) -> None:
        offered.extend(form.signer_combo.itemText(i) for i in range(form.signer_combo.count()))
        form.level_combo.setCurrentIndex(form.level_combo.findData("I"))
        form.set_text("reason", "台风登陆，全县停工停课")
        form.set_text("doc_number", "县防指〔2026〕25号")
        form.time_edit.setDateTime(form.time_edit.dateTime().addSecs(-600))  # ten minutes ago
        form.save_button.click()

    in_dialog(raise_to_i)
    with qtbot.waitSignals([page.action_done, page.ready], order="simple", timeout=15_000):
        page.ask_level()
    assert set(offered) == {"李明华（副县长）", "王建军（县长）"}
    with typhoon_db.session(DUTY) as session:
        event = active_event(session=session)
        assert event is not None
        history = level_history(session=session, event_id=event.id)
    assert changed == [(event.id, "I")]
    assert (history[-1].new, history[-1].doc_number) == ("I", "县防指〔2026〕25号")
    assert history[-1].signer == offered[0]  # the leader on shift now comes first
    ago = datetime.now(UTC) - history[-1].at  # the time typed, read in Beijing time
    assert timedelta(minutes=9) < ago < timedelta(minutes=12)
    assert page.level_model.rowCount() == 5 and "Level I (red)" in page.details_label.text()

    # A refusal stays in the form: no reason given.
    def without_reason(form: Any) -> None:
        form.level_combo.setCurrentIndex(form.level_combo.findData("II"))
        form.save_button.click()
        assert "reason" in form.errors()
        form.reject()

    in_dialog(without_reason)
    with qtbot.waitSignal(page.action_done, timeout=15_000):
        page.ask_level()

    def grade(form: Any) -> None:
        form.grade_combo.set_code("major")
        form.set_text("reason", "灾情扩大")
        form.save_button.click()

    in_dialog(grade)
    with qtbot.waitSignals([page.action_done, page.ready], order="simple", timeout=15_000):
        page.grade_button.click()

    def incident(form: Any) -> None:
        form.kind_combo.set_code("accident")
        form.set_text("place", "沿海大道")
        form.set_text("description", "广告牌倒塌砸中车辆")
        form.save_button.click()

    in_dialog(incident)
    with qtbot.waitSignals([page.action_done, page.ready], order="simple", timeout=15_000):
        page.incident_button.click()
    assert page.incident_model.rowCount() == 2 and page.grade_model.rowCount() == 1
    with typhoon_db.session(DUTY) as session:
        assert grade_history(session=session, event_id=event.id)[-1].new == "major"
        assert {i.place for i in list_incidents(session=session, event_id=event.id)} >= {"沿海大道"}

    # Ending the event lifts the response: the history's last row, signed.
    def end(form: Any) -> None:
        form.signer_combo.setEditText("王建军（县长）")
        form.save_button.click()

    in_dialog(end)
    with qtbot.waitSignals([page.action_done, page.ready], order="simple", timeout=15_000):
        page.event_bar.end_button.click()
    with typhoon_db.session(DUTY) as session:
        assert active_event(session=session) is None
        last = level_history(session=session, event_id=event.id)[-1]
    assert (last.old, last.new, last.signer) == ("I", None, "王建军（县长）")
    assert page.levels_state.is_empty() and not page.event_bar.start_button.isHidden()
    assert len(testers) == 5


def test_a_viewer_sees_masked_mobiles_and_no_buttons(qtbot: QtBot, typhoon_db: Database) -> None:
    page = open_page(qtbot, typhoon_db, VIEWER)
    mobiles = [page.unit_model.row_at(r).contact_phone for r in range(page.unit_model.rowCount())]
    assert all(m is None or "*" in m for m in mobiles) and any(mobiles)
    assert "*" in (page.roster_model.row_at(0).leader_phone or "*")
    assert page.event_bar.level_button.isHidden() and page.grade_button.isHidden()
    assert page.roster_button.isHidden() and page.import_button.isHidden()


def test_between_events_the_page_says_what_to_do_and_starts_one(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    admin = Actor(name="chief", role="admin")
    page = open_page(qtbot, sqlite_db, admin)
    assert page.facts.isHidden()
    assert page.levels_state.is_empty() and page.incidents_state.is_empty()
    assert "roster set" in page.roster_state.message_label.text()
    assert "import units" in page.units_state.message_label.text()

    def roster(form: Any) -> None:
        form.set_text("officers", "张明")
        form.set_text("leader", "李副县长")
        form.save_button.click()

    in_dialog(roster)
    with qtbot.waitSignals([page.action_done, page.ready], order="simple", timeout=15_000):
        page.roster_button.click()
    assert page.roster_model.rowCount() == 1 and not page.roster_state.is_empty()
    shown: list[str] = []

    def again(form: Any) -> None:  # the shift set shows as it is, to be corrected
        shown.extend((form.text_of("officers"), form.text_of("leader")))
        form.reject()

    in_dialog(again)
    with qtbot.waitSignal(page.action_done, timeout=15_000):
        page.roster_button.click()
    assert shown == ["张明", "李副县长"]

    def start(form: Any) -> None:
        form.set_text("name", "强降雨防御")
        form.kind_combo.set_code("rainstorm")
        form.set_text("area", "大溪镇、松门镇")
        form.save_button.click()

    in_dialog(start)
    with qtbot.waitSignals([page.action_done, page.ready], order="simple", timeout=15_000):
        page.event_bar.start_button.click()
    with sqlite_db.session(admin) as session:
        (event,) = list_events(session=session)
    assert (event.name, event.area) == ("强降雨防御", "大溪镇、松门镇")
    assert not page.facts.isHidden() and "强降雨防御" in page.details_label.text()
    assert "No level change recorded" in page.levels_state.message_label.text()


def test_with_no_plan_active_a_level_change_offers_the_matching_plan(
    qtbot: QtBot, typhoon_db: Database
) -> None:
    from models.command import LogFilter, list_entries
    from models.plans import activations

    with typhoon_db.session(DUTY) as session:
        event = active_event(session=session)
        assert event is not None
        assert activations(session=session, event_id=event.id) == []
    page = open_page(qtbot, typhoon_db)

    def change_to(level: str) -> Callable[[Any], None]:
        def change(form: Any) -> None:
            form.level_combo.setCurrentIndex(form.level_combo.findData(level))
            form.set_text("reason", "台风登陆" if level == "I" else "台风减弱")
            form.save_button.click()

        return change

    def activated() -> list[Any]:
        with typhoon_db.session(DUTY) as session:
            return [a for a in activations(session=session, event_id=event.id) if not a.ended_at]

    in_dialog(change_to("I"))
    with qtbot.waitSignals([page.action_done, page.ready], order="simple", timeout=15_000):
        page.ask_level()
    qtbot.waitUntil(lambda: page.plan_offer.isVisible(), timeout=15_000)
    offer = page.plan_offer_label.text()
    assert "ZX-01" in offer and "防台风应急预案" in offer and "Level I (red)" in offer
    assert activated() == []  # nothing happens until the officer says so
    page.activate_plan_button.click()
    qtbot.waitUntil(lambda: len(activated()) == 1, timeout=15_000)
    (running,) = activated()
    assert running.plan_code == "ZX-01" and running.stage == "I"
    assert not page.plan_offer.isVisible()
    qtbot.waitUntil(lambda: "ZX-01" in page.banner.text(), timeout=15_000)
    with typhoon_db.session(DUTY) as session:
        logged = list_entries(session=session, where=LogFilter(kinds=("plan_activation",)))
    assert [row.event_id for row in logged] == [event.id]

    # With the plan active, a level change offers nothing: the plan follows the level.
    in_dialog(change_to("II"))
    with qtbot.waitSignals([page.action_done, page.ready], order="simple", timeout=15_000):
        page.ask_level()
    qtbot.waitUntil(lambda: activated()[0].stage == "II", timeout=15_000)
    qtbot.wait(300)
    assert not page.plan_offer.isVisible()


def test_the_plan_offer_can_wait_and_a_viewer_gets_none(qtbot: QtBot, typhoon_db: Database) -> None:
    from models.plans import activations

    page = open_page(qtbot, typhoon_db)
    event = page.data.event if page.data else None
    assert event is not None
    page.level_changed.emit(event.id, "III")
    qtbot.waitUntil(lambda: page.plan_offer.isVisible(), timeout=15_000)
    page.dismiss_offer_button.click()
    assert not page.plan_offer.isVisible()
    with typhoon_db.session(DUTY) as session:
        assert activations(session=session, event_id=event.id) == []

    viewer = open_page(qtbot, typhoon_db, VIEWER)
    viewer.level_changed.emit(event.id, "III")
    qtbot.wait(500)
    assert not viewer.plan_offer.isVisible()
