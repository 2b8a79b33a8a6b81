"""The duty log page mid-typhoon: the event's log with corrections under their originals,
due follow-ups highlighted and reminded, an entry typed and saved with Ctrl+Enter, a
correction, a follow-up closed, search."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from models.command import LogFilter, list_entries
from models.database import Database
from models.demo.dutylog import add_demo_dutylog
from models.users import Actor
from tests.conftest import ADMIN
from ui.dutylog.dialogs import CloseFollowUpDialog
from ui.dutylog.page import DutyLogPage
from ui.dutylog.rows import DUE_BACKGROUND

DUTY = Actor(name="duty", role="duty")
VIEWER = Actor(name="viewer", role="viewer")


@pytest.fixture
def typhoon_db(typhoon_db: Database) -> Database:
    """The typhoon scenario with its day and night of duty log."""
    with typhoon_db.session(ADMIN, write=True) as session:
        add_demo_dutylog(session=session, now=datetime.now(UTC))
    return typhoon_db


def open_page(qtbot: QtBot, db: Database, actor: Actor = DUTY) -> DutyLogPage:
    page = DutyLogPage(db, actor)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    with qtbot.waitSignal(page.ready, timeout=15_000):
        page.show()
    return page


def _reload(qtbot: QtBot, page: DutyLogPage) -> None:
    with qtbot.waitSignal(page.ready, timeout=15_000):
        page.refresh()


def test_the_log_mid_typhoon(qtbot: QtBot, typhoon_db: Database, no_tester_failures: None) -> None:
    page = open_page(qtbot, typhoon_db)
    QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Warning)
    lines = page.model.rows()
    assert lines and all(line.entry.event_id == page.event_id for line in lines)
    # a correction right under the entry it corrects, which is greyed
    for n, line in enumerate(lines):
        if line.correction:
            assert lines[n - 1].id == line.entry.refers_to and lines[n - 1].superseded
    due = [n for n, line in enumerate(lines) if line.due]
    assert due
    background = page.model.index(due[0], 0).data(Qt.ItemDataRole.BackgroundRole)
    assert background.color().name() == DUE_BACKGROUND
    assert not page.due_label.isHidden() and page.due_label.text()  # the reminder in place


def test_an_entry_typed_and_saved_with_ctrl_enter(qtbot: QtBot, typhoon_db: Database) -> None:
    page = open_page(qtbot, typhoon_db)
    before = page.model.rowCount()
    page.form.content_edit.setFocus()
    qtbot.keyClick(page.form.content_edit, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert page.form.kind_combo.code() == "warning_in"
    page.form.content_edit.insertPlainText("气象台发布台风红色预警")  # as an input method does
    page.form.unit_edit.setText("县气象局")
    page.form.phone_edit.setText("0576-86100440")
    page.form.follow_check.setChecked(True)
    page.form.due_edit.setDateTime(page.form.due_edit.dateTime().addSecs(3600))
    with qtbot.waitSignal(page.ready, timeout=15_000):
        qtbot.keyClick(
            page.form.content_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    assert page.model.rowCount() == before + 1
    top = page.model.rows()[0]
    assert top.entry.content == "气象台发布台风红色预警" and top.entry.follow_up_due is not None
    assert page.form.content_edit.toPlainText() == ""  # ready for the next one

    # correct it
    page.table.selectRow(0)
    page.correct_button.click()
    qtbot.waitUntil(lambda: page.form.correcting is not None, timeout=10_000)
    assert page.form.kind_combo.code() == "warning_in"
    page.form.content_edit.setPlainText("气象台发布台风橙色预警")
    page.form.reason_edit.setText("预警级别记错")
    with qtbot.waitSignal(page.ready, timeout=15_000):
        page.save()
    fixed = [
        line for line in page.model.rows() if line.correction and line.entry.refers_to == top.id
    ]
    assert fixed and fixed[0].entry.content == "气象台发布台风橙色预警"

    # close the corrected follow-up
    row = page.model.row_for_id(fixed[0].id)
    assert row is not None
    page.table.selectRow(row)
    assert page.close_button.isEnabled()
    original = CloseFollowUpDialog.ask
    CloseFollowUpDialog.ask = classmethod(lambda cls, text, parent=None: ("已转发各乡镇", True))  # type: ignore[method-assign,assignment]
    try:
        with qtbot.waitSignal(page.ready, timeout=15_000):
            page.close_selected()
    finally:
        CloseFollowUpDialog.ask = original  # type: ignore[method-assign]
    with typhoon_db.session(DUTY) as session:
        still_open = list_entries(session=session, where=LogFilter(open_follow_ups=True))
    assert fixed[0].id not in {r.id for r in still_open}


def test_search_and_a_viewer_reads_without_writing(qtbot: QtBot, typhoon_db: Database) -> None:
    page = open_page(qtbot, typhoon_db, VIEWER)
    assert page.form.isHidden() and page.handover_button.isHidden()
    assert any("*" in (line.caller or "") for line in page.model.rows())  # phones masked
    with qtbot.waitSignal(page.ready, timeout=15_000):
        page.search_edit.setText("裂缝")
    assert page.model.rows() and all("裂缝" in line.content for line in page.model.rows())


def test_a_follow_up_falling_due_is_reminded(qtbot: QtBot, typhoon_db: Database) -> None:
    page = open_page(qtbot, typhoon_db)
    assert page.data is not None
    soon = [line.entry for line in page.model.rows() if line.entry.follow_up_open and not line.due]
    page._reminded.clear()
    if not soon:  # every follow-up already due: a new one, due in a moment
        page.form.content_edit.setPlainText("核实道路积水")
        page.form.follow_check.setChecked(True)
        with qtbot.waitSignal(page.ready, timeout=15_000):
            page.save()
    page.data = replace(page.data, due=[], due_count=0)
    fake_now = datetime.now(UTC) + timedelta(days=2)
    import ui.dutylog.page as module

    class Later(datetime):
        @classmethod
        def now(cls, tz: object = None) -> datetime:  # type: ignore[override]
            return fake_now

    original = module.datetime
    module.datetime = Later  # type: ignore[misc]
    try:
        with qtbot.waitSignal(page.reminder, timeout=5_000) as heard:
            page.check_due()
    finally:
        module.datetime = original  # type: ignore[misc]
    assert "到期" in heard.args[0] or "due" in heard.args[0]


def test_the_team_or_warehouse_is_chosen_as_typed_shown_and_searched(
    qtbot: QtBot, typhoon_db: Database
) -> None:
    page = open_page(qtbot, typhoon_db)
    form = page.form
    completer = form.resource_completer
    form.content_edit.setPlainText("调派救援队前往石塘镇")
    form.resource_edit.setFocus()
    typed = QInputMethodEvent()  # as an input method commits what was typed
    typed.setCommitString("救援队")
    QApplication.sendEvent(form.resource_edit, typed)
    offered = [
        completer.completionModel().index(n, 0).data()
        for n in range(completer.completionModel().rowCount())
    ]
    assert offered and all("救援队" in name for name in offered)
    # Down and Enter choose from the list, as an officer does without the mouse.
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    team = form.resource_edit.text()
    assert team in offered
    with qtbot.waitSignal(page.ready, timeout=15_000):
        page.save()
    top = page.model.rows()[0]
    assert top.entry.team_id is not None and top.resource == f"Team: {team}"
    column = next(n for n, c in enumerate(page.model.columns) if c.key == "resource")
    assert page.model.index(0, column).data() == f"Team: {team}"

    # A name that is neither a team's nor a warehouse's is refused in place, nothing saved.
    form.content_edit.setPlainText("某物资点发放雨衣")
    form.resource_edit.setText("某某物资点")
    before = page.model.rowCount()
    page.save()
    qtbot.waitUntil(lambda: "某某物资点" in page.banner.text(), timeout=15_000)
    assert page.model.rowCount() == before and form.content_edit.toPlainText()
    form.clear()

    with qtbot.waitSignal(page.ready, timeout=15_000):
        page.resource_filter_edit.setText(team)
    assert [line.id for line in page.model.rows()] == [top.id]


def test_an_empty_log_tells_each_role_what_it_can_do(qtbot: QtBot, sqlite_db: Database) -> None:
    """Writers are pointed at the form; a role without one is told who writes the log and
    what it can do instead, never to type above."""
    said: dict[str, str] = {}
    for actor in (
        DUTY,
        Actor(name="clerk", role="clerk"),
        Actor(name="planner", role="planner"),
        VIEWER,
        Actor.local_operator(),
    ):
        page = open_page(qtbot, sqlite_db, actor)
        assert page.is_empty()
        assert page.empty_state is not None
        said[actor.role] = page.empty_state.message_label.text()
        assert page.form.isVisible() == ("above" in said[actor.role])
    assert said["duty"] == said["clerk"] == "Nothing logged yet. Type the first entry above."
    for role in ("planner", "viewer", "local"):
        assert "Administrator, Duty officer, Clerk" in said[role]  # who may write it
    assert said["planner"] == said["viewer"] and "exported to Excel" in said["viewer"]
    assert "python main.py --user NAME dutylog add --kind KIND --content TEXT" in said["local"]

    # A filter matching nothing says so; cleared, the role's own text is back.
    with qtbot.waitSignal(page.ready, timeout=15_000):
        page.search_edit.setText("裂缝")
    assert page.empty_state.message_label.text() == "No entry matches these filters."
    with qtbot.waitSignal(page.ready, timeout=15_000):
        page.search_edit.clear()
    assert page.empty_state.message_label.text() == said["local"]
