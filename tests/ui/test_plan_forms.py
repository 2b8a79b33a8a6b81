"""The planner's forms on the plans page: a plan registered and changed, a step of its
life, a version with its document files, the stages and actions of a version, a drill
with follow-ups closed later; refusals shown in the form; who sees the buttons."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from models.base import utcnow
from models.database import Database
from models.plans import (
    documents,
    file_content,
    get_plan,
    list_drills,
    list_versions,
    plan_steps,
    version_content,
)
from tests.models.plan_helpers import PLANNER, VIEWER, add_typhoon_plan, add_units, docx_bytes
from ui.plans.content_forms import CloseFollowUpForm, ContentForm, DrillForm
from ui.plans.forms import EvaluationForm, PlanForm, StatusForm, VersionForm
from ui.plans.page import PlansPage


def _set_date(edit: QDateEdit, day: date) -> None:
    from PySide6.QtCore import QDate

    edit.setDate(QDate(day.year, day.month, day.day))


def _pick(combo: QComboBox, text: str) -> None:
    found = combo.findText(text)
    assert found >= 0, text
    combo.setCurrentIndex(found)


def test_a_planner_registers_a_plan_and_changes_it(qtbot: QtBot, sqlite_db: Database) -> None:
    with sqlite_db.session(PLANNER, write=True) as session:
        add_units(session)
        add_typhoon_plan(session)
    form = PlanForm(sqlite_db, PLANNER)
    qtbot.addWidget(form)
    form.set_text("code", "ZX-02")
    form.set_text("title", "温岭市防汛应急预案")
    form.class_combo.set_code("special")
    form.category_combo.set_code("natural")
    form.type_combo.set_code("flood")
    _pick(form.owner_combo, "县水利局")
    form.approver_combo.setEditText("县政府办")  # not in the register
    form.set_text("issued_on", "2024-13-01")
    _pick(form.parent_combo, "ZX-01  温岭市防台风应急预案")
    form.save_button.click()
    errors = form.errors()
    assert "No member unit named 县政府办" in errors["approver"]
    assert "Not a date: 2024-13-01" in errors["issued_on"]
    assert form.isVisible() or form.saved_id is None
    _pick(form.approver_combo, "县应急管理局")
    form.set_text("issued_on", "2024-05-10")
    form.set_text("doc_number", "温政办发〔2024〕20号")
    form.save_button.click()
    assert form.errors() == {} and form.saved_id is not None
    with sqlite_db.session(PLANNER) as session:
        plan = get_plan(session=session, code="ZX-02")
        assert (plan.owner, plan.approver, plan.parent_code) == (
            "县水利局",
            "县应急管理局",
            "ZX-01",
        )
        assert (plan.event_type, plan.issued_on, plan.status) == (
            "flood",
            date(2024, 5, 10),
            "drafting",
        )
    edit = PlanForm(sqlite_db, PLANNER, form.saved_id)
    qtbot.addWidget(edit)
    assert edit.text_of("title") == "温岭市防汛应急预案"
    assert edit.parent_combo.currentData() == "ZX-01"
    edit.set_text("code", "ZX-01")  # taken
    edit.save_button.click()
    assert "A plan with the code ZX-01 is registered." in edit.errors()["code"]
    edit.set_text("code", "ZX-03")
    edit.years_spin.setValue(2)
    edit.save_button.click()
    assert edit.errors() == {}
    with sqlite_db.session(PLANNER) as session:
        assert get_plan(session=session, code="ZX-03").evaluation_years == 2


def test_a_plan_goes_through_the_steps_of_its_life(qtbot: QtBot, sqlite_db: Database) -> None:
    with sqlite_db.session(PLANNER, write=True) as session:
        add_units(session)
        add_typhoon_plan(session)
    form = StatusForm(sqlite_db, PLANNER, "ZX-01")
    qtbot.addWidget(form)
    assert form.status_combo.code() == "filed"  # the next step offered
    form.status_combo.set_code("review")
    form.save_button.click()
    assert "cannot go from Published to Expert review" in form.errors()[""]
    form.status_combo.set_code("filed")
    today = utcnow().date()
    _set_date(form.on_edit, today)
    form.set_text("person", "李明")
    form.set_text("note", "报市政府备案")
    form.save_button.click()
    assert form.errors() == {}
    with sqlite_db.session(PLANNER) as session:
        steps = plan_steps(session=session, code="ZX-01")
        assert (steps[-1].status, steps[-1].on, steps[-1].person, steps[-1].note) == (
            "filed",
            today,
            "李明",
            "报市政府备案",
        )
        assert get_plan(session=session, code="ZX-01").filed_on == today


def test_a_new_version_keeps_its_files_and_starts_from_the_previous_content(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    with sqlite_db.session(PLANNER, write=True) as session:
        add_units(session)
        add_typhoon_plan(session)
    document = tmp_path / "防台风预案2025.docx"
    document.write_bytes(docx_bytes("第一章 总则", "渔船回港避风"))
    huge = tmp_path / "扫描件.pdf"
    with huge.open("wb") as out:  # sparse: 51 MB on paper, nothing on the disk
        out.truncate(51 * 1024 * 1024)
    form = VersionForm(sqlite_db, PLANNER, "ZX-01")
    qtbot.addWidget(form)
    assert form.copy_check.isChecked()
    form.set_text("name", "2025年修订版")
    form.add_files([document, huge])
    form.save_button.click()
    qtbot.waitUntil(lambda: "files" in form.errors(), timeout=15_000)
    assert "at most 50 MB" in form.errors()["files"]
    form.files_view.setCurrentIndex(form.files_model.index(1, 0))
    form.remove_file_button.click()
    form.save_button.click()
    qtbot.waitUntil(lambda: form.saved_id is not None, timeout=15_000)
    assert form.errors() == {}
    with sqlite_db.session(PLANNER) as session:
        versions = list_versions(session=session, code="ZX-01")
        assert [v.name for v in versions] == ["2024年版", "2025年修订版"]
        kept = versions[-1].files
        assert [(f.name, f.has_text) for f in kept] == [("防台风预案2025.docx", True)]
        assert file_content(session=session, file_id=kept[0].id)[1] == document.read_bytes()
        content = version_content(session=session, version_id=versions[-1].id)
        assert [s.level for s in content] == ["sea", "IV", "III", "II", "I"]


def _slow_extractor(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """Reading a file's text waits until released, as a large PDF's takes seconds: (started,
    release)."""
    started, release = threading.Event(), threading.Event()
    real = documents.extract_text

    def slow(name: str, content: bytes, **options: Any) -> str | None:
        started.set()
        release.wait(30)
        return real(name, content, **options)

    monkeypatch.setattr(documents, "extract_text", slow)
    return started, release


def _version_names(db: Database) -> list[str]:
    with db.session(PLANNER) as session:
        return [v.name for v in list_versions(session=session, code="ZX-01")]


def test_save_reads_the_files_in_a_worker_while_the_form_answers(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sqlite_db.session(PLANNER, write=True) as session:
        add_units(session)
        add_typhoon_plan(session)
    document = tmp_path / "防台风预案2025.docx"
    document.write_bytes(docx_bytes("第一章 总则", "渔船回港避风"))
    started, release = _slow_extractor(monkeypatch)
    form = VersionForm(sqlite_db, PLANNER, "ZX-01")
    qtbot.addWidget(form)
    form.show()
    form.set_text("name", "2025年修订版")
    form.add_files([document])
    try:
        form.save_button.click()  # returns while the file's text is still being read
        assert started.wait(10)
        ticked: list[bool] = []
        QTimer.singleShot(0, lambda: ticked.append(True))
        qtbot.waitUntil(lambda: bool(ticked), timeout=2_000)  # the event loop runs meanwhile
        assert form.isVisible() and form.progress_row.isVisible()
        qtbot.waitUntil(lambda: form.progress_bar.value() >= 300, timeout=2_000)  # bytes read
        assert form.progress_bar.value() < form.progress_bar.maximum()
        assert form.stop_button.isEnabled() and not form.save_button.isEnabled()
        assert _version_names(sqlite_db) == ["2024年版"]  # nothing kept before it is read
    finally:
        release.set()
    qtbot.waitUntil(lambda: form.result() == QDialog.DialogCode.Accepted, timeout=15_000)
    assert form.saved_id is not None and form.errors() == {}
    with sqlite_db.session(PLANNER) as session:
        versions = list_versions(session=session, code="ZX-01")
    assert [v.name for v in versions] == ["2024年版", "2025年修订版"]
    assert [(f.name, f.has_text) for f in versions[-1].files] == [("防台风预案2025.docx", True)]


def test_reading_stopped_or_refused_keeps_the_form_open_and_nothing(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sqlite_db.session(PLANNER, write=True) as session:
        add_units(session)
        add_typhoon_plan(session)
    document = tmp_path / "防台风预案2025.docx"
    document.write_bytes(docx_bytes("第一章 总则"))
    started, release = _slow_extractor(monkeypatch)
    form = VersionForm(sqlite_db, PLANNER, "ZX-01")
    qtbot.addWidget(form)
    form.show()
    form.set_text("name", "2025年修订版")
    form.add_files([document])
    try:
        form.save_button.click()
        assert started.wait(10)
        form.stop_button.click()
    finally:
        release.set()
    qtbot.waitUntil(lambda: "" in form.errors(), timeout=15_000)
    assert "stopped" in form.errors()[""] and form.isVisible()
    assert form.save_button.isEnabled() and not form.progress_row.isVisible()
    assert _version_names(sqlite_db) == ["2024年版"]

    # A file gone since it was chosen is named under the files; nothing is kept.
    monkeypatch.undo()
    gone = tmp_path / "旧版.pdf"
    gone.write_bytes(b"%PDF-1.4")
    form.add_files([gone])
    gone.unlink()
    form.save_button.click()
    qtbot.waitUntil(lambda: "files" in form.errors(), timeout=15_000)
    assert "The file 旧版.pdf cannot be read: No such file or directory" in form.errors()["files"]
    assert _version_names(sqlite_db) == ["2024年版"]
    form.files_view.setCurrentIndex(form.files_model.index(1, 0))
    form.remove_file_button.click()
    form.save_button.click()
    qtbot.waitUntil(lambda: form.result() == QDialog.DialogCode.Accepted, timeout=15_000)
    assert _version_names(sqlite_db) == ["2024年版", "2025年修订版"]

    # Cancel while the files are read stops the reading and closes the form, keeping nothing.
    started, release = _slow_extractor(monkeypatch)
    again = VersionForm(sqlite_db, PLANNER, "ZX-01")
    qtbot.addWidget(again)
    again.show()
    again.set_text("name", "2026年修订版")
    again.add_files([document])
    try:
        again.save_button.click()
        assert started.wait(10)
        again.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
        assert again.result() == QDialog.DialogCode.Rejected and not again.isVisible()
    finally:
        release.set()
    qtbot.wait(300)
    assert _version_names(sqlite_db) == ["2024年版", "2025年修订版"]


def test_the_stages_and_actions_of_a_version_are_edited(qtbot: QtBot, sqlite_db: Database) -> None:
    with sqlite_db.session(PLANNER, write=True) as session:
        add_units(session)
        version_id = add_typhoon_plan(session)
    form = ContentForm(sqlite_db, PLANNER, version_id)
    qtbot.addWidget(form)
    four = form.stage_tabs["IV"]
    assert four.trigger_edit.toPlainText() == "预计48小时内影响本县"
    assert four.action_rows.model.index(0, 3).data() == "1 h"
    four.trigger_edit.setPlainText("预计48小时内影响本县或海上风力达到8级")
    row = four.action_rows.add_row()
    four.action_rows.set_cell(row, 0, "information")
    four.action_rows.set_cell(row, 1, "通过广播电视发布防台提示")
    four.action_rows.set_cell(row, 2, "县气象局")
    four.action_rows.set_cell(row, 3, "两小时")
    form.save_button.click()
    assert "Level IV (blue), action 3: Not a time limit: 两小时" in form.errors()["stages"]
    four.action_rows.set_cell(row, 3, "2小时")
    four.action_rows.set_cell(row, 2, "县广电中心")  # no such member unit
    form.save_button.click()
    assert "Level IV (blue), action 3: No member unit named 县广电中心" in form.errors()["stages"]
    four.action_rows.set_cell(row, 2, "县气象局")
    one = form.stage_tabs["I"]
    one.action_rows.view.selectRow(1)
    one.action_rows.remove_button.click()
    form.save_button.click()
    assert form.errors() == {}
    with sqlite_db.session(PLANNER) as session:
        stages = {s.level: s for s in version_content(session=session, version_id=version_id)}
    assert stages["IV"].trigger == "预计48小时内影响本县或海上风力达到8级"
    added = stages["IV"].actions[-1]
    assert (added.group, added.text, added.unit, added.time_limit_minutes) == (
        "information",
        "通过广播电视发布防台提示",
        "县气象局",
        120,
    )
    assert [a.text for a in stages["I"].actions] == ["宣布进入紧急防汛期"]


def test_a_drill_with_follow_ups_is_recorded_and_a_follow_up_closed(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    with sqlite_db.session(PLANNER, write=True) as session:
        add_units(session)
        version_id = add_typhoon_plan(session)
        first_action = version_content(session=session, version_id=version_id)[0].actions[0].id
    held = utcnow().date() - timedelta(days=3)
    form = DrillForm(sqlite_db, PLANNER, "ZX-01")
    qtbot.addWidget(form)
    assert form.exercised_model.rowCount() == 10
    _set_date(form.held_edit, held)
    form.kind_combo.set_code("tabletop")
    form.set_text("organisers", "县防指办")
    form.scenario_edit.setPlainText("台风正面登陆，海塘漫顶")
    form.check_action(first_action)
    row = form.follow_ups.add_row()
    form.follow_ups.set_cell(row, 0, "修订渔船回港通知流程")
    form.follow_ups.set_cell(row, 1, "")
    form.follow_ups.set_cell(row, 2, (held + timedelta(days=30)).isoformat())
    form.save_button.click()
    assert "Follow-up 1: Name who owns it." in form.errors()["follow_ups"]
    form.follow_ups.set_cell(row, 1, "县农业农村局")
    form.save_button.click()
    assert form.errors() == {}
    with sqlite_db.session(PLANNER) as session:
        drill = list_drills(session=session, code="ZX-01")[0]
    assert (drill.held_on, drill.kind, drill.exercised) == (held, "tabletop", (first_action,))
    follow_up = drill.follow_ups[0]
    close = CloseFollowUpForm(sqlite_db, PLANNER, follow_up.id, follow_up.action)
    qtbot.addWidget(close)
    _set_date(close.closed_edit, held - timedelta(days=1))
    close.save_button.click()
    assert "cannot be closed before its drill" in close.errors()[""]
    _set_date(close.closed_edit, utcnow().date())
    close.set_text("note", "通知已印发")
    close.save_button.click()
    assert close.errors() == {}
    with sqlite_db.session(PLANNER) as session:
        closed = list_drills(session=session, code="ZX-01")[0].follow_ups[0]
    assert (closed.closed_on, closed.note) == (utcnow().date(), "通知已印发")


def _answer_dialog(qtbot: QtBot, fill: object) -> None:
    """Fill and save the modal dialog the next click opens."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, act)
            return
        fill(dialog)  # type: ignore[operator]
        dialog.save_button.click()  # type: ignore[attr-defined]

    QTimer.singleShot(0, act)


def test_on_the_page_a_planner_edits_and_compares_versions_side_by_side(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    with sqlite_db.session(PLANNER, write=True) as session:
        add_units(session)
        add_typhoon_plan(session)
    page = PlansPage(sqlite_db, PLANNER)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=5000):
        page.show()
    assert page.new_plan_button.isVisible() and not page.version_button.isEnabled()
    with qtbot.waitSignal(page.details_shown, timeout=5000):
        page.tree_view.clicked.emit(page.tree_model.index(0, 0))
    assert page.version_button.isEnabled()

    def name_version(dialog: VersionForm) -> None:
        dialog.set_text("name", "2025年修订版")

    _answer_dialog(qtbot, name_version)
    with qtbot.waitSignal(page.details_shown, timeout=5000):
        page.version_button.click()

    def change_content(dialog: ContentForm) -> None:
        tab = dialog.stage_tabs["IV"]
        tab.trigger_edit.setPlainText("预计36小时内影响本县")
        tab.action_rows.set_cell(0, 3, "30 min")

    _answer_dialog(qtbot, change_content)
    with qtbot.waitSignal(page.details_shown, timeout=5000):
        page.content_button.click()
    text = page.details_tab.toPlainText()
    assert "2025年修订版 beside 2024年版" in text
    assert "预计48小时内影响本县" in text and "预计36小时内影响本县" in text
    assert "within 60 min" in text and "within 30 min" in text
    html = page.details_tab.toHtml()
    assert html.index("预计48小时内影响本县") < html.index("预计36小时内影响本县")  # left, right

    # The evaluation (评估), from the link beside "No evaluation recorded."
    assert "No evaluation recorded." in text
    evaluated_on = utcnow().date() - timedelta(days=10)

    def evaluated(dialog: EvaluationForm) -> None:
        _set_date(dialog.on_edit, evaluated_on)

    _answer_dialog(qtbot, evaluated)
    with qtbot.waitSignal(page.details_shown, timeout=5000):
        page.details_tab.anchorClicked.emit(QUrl(f"evaluate:{page.chosen_id}"))
    assert f"Last evaluated {evaluated_on.isoformat()}." in page.details_tab.toPlainText()
    with sqlite_db.session(PLANNER) as session:
        assert get_plan(session=session, code="ZX-01").evaluated_on == evaluated_on

    def add_plan(dialog: PlanForm) -> None:
        dialog.set_text("code", "BM-01")
        dialog.set_text("title", "县水利局水旱灾害防御部门预案")
        dialog.class_combo.set_code("departmental")
        dialog.note_edit.setPlainText("")

    _answer_dialog(qtbot, add_plan)
    with qtbot.waitSignal(page.details_shown, timeout=5000):
        page.new_plan_button.click()
    assert page.chosen_code == "BM-01"
    assert "BM-01 县水利局水旱灾害防御部门预案" in page.details_tab.toPlainText()


def test_the_editing_buttons_are_offered_to_planners_and_administrators_only(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    from tests.conftest import ADMIN
    from tests.models.plan_helpers import DUTY

    for actor, offered in ((VIEWER, False), (DUTY, False), (ADMIN, True), (PLANNER, True)):
        page = PlansPage(sqlite_db, actor)
        qtbot.addWidget(page)
        page.show()
        shown = [b.isVisible() for b in (page.new_plan_button, *page.plan_buttons)]
        assert shown == [offered] * 6, actor.role
