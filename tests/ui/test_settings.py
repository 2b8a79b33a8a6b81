from __future__ import annotations

import json
import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QTimer
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from models.database import Database
from models.settings import Settings
from models.users import Actor, authenticate, create_user, list_users
from tests.conftest import ADMIN
from ui.settings.audit import AuditTab, summarise_changes
from ui.settings.page import SettingsPage
from ui.settings.users import AddUserDialog, PasswordDialog, RoleDialog, UsersTab

DUTY = Actor("wang", "duty")


def make_page(
    qtbot: QtBot, db: Database, actor: Actor = ADMIN, settings: Settings | None = None
) -> SettingsPage:
    page = SettingsPage(db, actor, settings or Settings())
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def tab_titles(page: SettingsPage) -> list[str]:
    return [page.tabs.tabText(i) for i in range(page.tabs.count())]


def users_tab(page: SettingsPage) -> UsersTab:
    assert page.users_tab is not None
    page.tabs.setCurrentWidget(page.users_tab)
    return page.users_tab


def open_audit(qtbot: QtBot, page: SettingsPage) -> AuditTab:
    tab = page.audit_tab
    assert tab is not None
    with qtbot.waitSignal(tab.ready, timeout=5000):
        page.tabs.setCurrentWidget(tab)
    return tab


def column_texts(model: QAbstractItemModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def user_names(db: Database) -> list[str]:
    with db.session(ADMIN) as session:
        return [row.name for row in list_users(session=session)]


def add_users(db: Database) -> None:
    with db.session(None) as session:
        create_user(session=session, name="chief", role="admin", password="chief-pass")
    with db.session(ADMIN) as session:
        create_user(session=session, name="李四", role="clerk", password="clerk-pass")


def test_a_duty_officer_sees_only_the_workstation_tab(qtbot: QtBot, sqlite_db: Database) -> None:
    page = make_page(qtbot, sqlite_db, DUTY)
    assert tab_titles(page) == ["Workstation"]
    assert page.users_tab is None and page.audit_tab is None
    page.refresh()  # F5 on the workstation tab reads nothing and does not fail


def test_an_administrator_sees_users_and_the_audit_log(qtbot: QtBot, sqlite_db: Database) -> None:
    add_users(sqlite_db)
    page = make_page(qtbot, sqlite_db)
    assert tab_titles(page) == ["Workstation", "Users", "Audit log"]
    tab = users_tab(page)
    assert column_texts(tab.model, 0) == ["chief", "李四"]
    assert column_texts(tab.model, 1) == ["Administrator", "Clerk"]
    assert tab.count_label.text() == "2 users, 2 active"
    assert not tab.role_button.isEnabled()  # nothing selected yet


def test_adding_a_user_through_the_dialog_creates_it(qtbot: QtBot, sqlite_db: Database) -> None:
    add_users(sqlite_db)
    page = make_page(qtbot, sqlite_db)
    tab = users_tab(page)
    seen: list[str] = []

    def fill_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AddUserDialog)
        dialog.name_edit.setText("zhao.duty")
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findText("Duty officer"))
        dialog.password_edit.setText("duty-pass-1")
        dialog.repeat_edit.setText("duty-pass-2")
        dialog.save_button.click()
        seen.append(dialog.message_label.text())  # refused: the dialog stays open
        dialog.repeat_edit.setText("duty-pass-1")
        dialog.name_edit.setText("chief")
        dialog.save_button.click()
        seen.append(dialog.message_label.text())
        dialog.name_edit.setText("zhao.duty")
        dialog.save_button.click()

    QTimer.singleShot(0, fill_dialog)
    tab.add_button.click()
    assert seen == ["The two passwords differ.", "The user chief already exists."]
    assert user_names(sqlite_db) == ["chief", "zhao.duty", "李四"]
    assert tab.selected_user().name == "zhao.duty"
    assert tab.selected_user().role == "duty"
    assert tab.message_label.text() == "User zhao.duty added."
    with sqlite_db.session(None) as session:
        assert (
            authenticate(session=session, name="zhao.duty", password="duty-pass-1").role == "duty"
        )

    # The audit tab lists that insert, by the acting administrator, in Beijing time.
    audit = open_audit(qtbot, page)
    model = audit.model
    lines = [model.row_at(row) for row in range(model.rowCount())]
    assert [line.id for line in lines] == sorted((line.id for line in lines), reverse=True)
    newest = lines[0]
    assert (newest.action, newest.table_name, newest.actor) == ("insert", "users", "test-admin")
    assert model.index(0, 2).data() == "Added"
    assert "name=zhao.duty" in model.index(0, 5).data()
    assert "password" not in (newest.changes or "")
    shown = model.index(0, 0).data()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", shown)
    assert shown == (newest.at + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M:%S")
    audit.view.selectRow(0)
    assert '"name": "zhao.duty"' in audit.detail_edit.toPlainText()
    assert audit.detail_edit.isReadOnly()
    assert audit.status_label.text() == "3 records, newest first."


def test_role_changes_deactivation_and_password_resets(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_users(sqlite_db)
    page = make_page(qtbot, sqlite_db)
    tab = users_tab(page)
    chief, clerk = (tab.model.row_at(0), tab.model.row_at(1))

    # Demoting the last active administrator is refused inside the dialog.
    dialog = RoleDialog(tab, sqlite_db, ADMIN, chief)
    qtbot.addWidget(dialog)
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("viewer"))
    dialog.save_button.click()
    assert "last active administrator" in dialog.message_label.text()
    assert dialog.result() == 0

    dialog = RoleDialog(tab, sqlite_db, ADMIN, clerk)
    qtbot.addWidget(dialog)
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("planner"))
    dialog.save_button.click()
    assert dialog.message_label.text() == ""
    tab.reload()
    assert column_texts(tab.model, 1) == ["Administrator", "Planner"]

    # Deactivation asks first; "No" changes nothing, "Yes" deactivates.
    tab.select_user(clerk.id)
    assert tab.active_button.text() == "Deactivate…"
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: next(answers))
    tab.active_button.click()
    assert tab.selected_user().active is True
    tab.active_button.click()
    assert tab.selected_user().active is False
    assert column_texts(tab.model, 2) == ["Active", "Deactivated"]
    assert tab.active_button.text() == "Activate…"
    assert tab.message_label.text() == "李四 is deactivated."

    # The last administrator cannot be deactivated: the page says why.
    tab.select_user(chief.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    tab.active_button.click()
    assert "last active administrator" in tab.message_label.text()
    assert tab.selected_user().active is True

    # Reset password: the new one works.
    dialog = PasswordDialog(tab, sqlite_db, ADMIN, clerk)
    qtbot.addWidget(dialog)
    dialog.password_edit.setText("short")
    dialog.repeat_edit.setText("short")
    dialog.save_button.click()
    assert "at least 8 characters" in dialog.message_label.text()
    dialog.password_edit.setText("a-new-password")
    dialog.repeat_edit.setText("a-new-password")
    dialog.save_button.click()
    assert dialog.result() == 1

    audit = open_audit(qtbot, page)
    summaries = column_texts(audit.model, 5)[:3]
    assert summaries == ["password changed", "active: true → false", "role: clerk → planner"]


def test_an_administrator_cannot_deactivate_their_own_account(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    add_users(sqlite_db)
    page = make_page(qtbot, sqlite_db, Actor("chief", "admin"))
    tab = users_tab(page)
    tab.select_user(tab.model.row_at(0).id)
    assert not tab.active_button.isEnabled()
    assert tab.role_button.isEnabled()


def test_audit_filters_and_the_limit_note(qtbot: QtBot, sqlite_db: Database) -> None:
    add_users(sqlite_db)
    page = make_page(qtbot, sqlite_db)
    audit = open_audit(qtbot, page)
    assert audit.model.rowCount() == 2
    assert [audit.table_combo.itemText(i) for i in range(audit.table_combo.count())] == [
        "All tables",
        "users",
    ]
    with qtbot.waitSignal(audit.ready, timeout=5000):
        audit.actor_edit.setText("CHI")  # part of the name, any case, after a short pause
    assert column_texts(audit.model, 1) == []  # chief created nobody; "anonymous" created chief
    with qtbot.waitSignal(audit.ready, timeout=5000):
        audit.actor_edit.setText("anon")
    assert column_texts(audit.model, 1) == ["anonymous"]
    assert audit.status_label.text() == "1 records, newest first."
    with qtbot.waitSignal(audit.ready, timeout=5000):
        audit.actor_edit.clear()
    with qtbot.waitSignal(audit.ready, timeout=5000):
        audit.text_edit.setText("李四")
    assert audit.model.rowCount() == 1
    with qtbot.waitSignal(audit.ready, timeout=5000):
        audit.text_edit.clear()
    with qtbot.waitSignal(audit.ready, timeout=5000):
        audit.action_combo.setCurrentIndex(audit.action_combo.findData("delete"))
    assert audit.status_label.text() == "No records match these filters."
    with qtbot.waitSignal(audit.ready, timeout=5000):
        audit.action_combo.setCurrentIndex(0)
    audit.limit = 1
    with qtbot.waitSignal(audit.ready, timeout=5000):
        audit.period_combo.setCurrentIndex(audit.period_combo.findData("all"))
    assert audit.model.rowCount() == 1
    assert audit.status_label.text().startswith("Showing the latest 1 records")


def test_saving_the_workstation_tab_writes_settings_json(qtbot: QtBot, sqlite_db: Database) -> None:
    page = make_page(qtbot, sqlite_db, DUTY)
    page.language_combo.setCurrentIndex(page.language_combo.findData("en"))
    page.timezone_combo.setCurrentIndex(page.timezone_combo.findData("Asia/Urumqi"))
    page.tiles_combo.setCurrentIndex(page.tiles_combo.findData("xyz"))
    page.url_edit.setText(" http://tiles.intranet/{z}/{x}/{y}.png ")
    page.attribution_edit.setText(" © 温岭市测绘院 ")
    page.workstation_edit.setText(" 县防指值班室 ")
    page.lag_spin.setValue(75)
    page.stale_spin.setValue(3)
    with qtbot.waitSignal(page.saved):
        page.save_button.click()
    path = Path(os.environ["ECC_CONFIG_DIR"]) / "settings.json"
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["language"] == "en"
    assert written["timezone"] == "Asia/Urumqi"
    assert written["tile_source"] == {
        "kind": "xyz",
        "mbtiles_path": "",
        "url_template": "http://tiles.intranet/{z}/{x}/{y}.png",
        "key": "",
        "attribution": "© 温岭市测绘院",  # shown on the map beside the basemap
    }
    assert Settings.load().timezone == "Asia/Urumqi"
    assert written["workstation_name"] == "县防指值班室"  # what check-ins here record
    assert (written["lag_percent"], written["stale_hours"]) == (75, 3)  # what needs attention
    assert page.status_label.text().startswith("Saved.")


def test_users_and_audit_models_pass_the_model_tester(qtbot: QtBot, sqlite_db: Database) -> None:
    add_users(sqlite_db)
    page = make_page(qtbot, sqlite_db)
    tab = users_tab(page)
    audit = open_audit(qtbot, page)
    assert tab.model.rowCount() == 2 and audit.model.rowCount() == 2
    testers = [
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
        for model in (tab.model, audit.model)
    ]
    tab.view.sortByColumn(1, tab.view.horizontalHeader().sortIndicatorOrder())
    tab.search_edit.setText("li")  # 李四 by pinyin
    assert column_texts(tab.model, 0) == ["李四"]
    tab.reload()
    audit.view.sortByColumn(1, audit.view.horizontalHeader().sortIndicatorOrder())
    with qtbot.waitSignal(audit.ready, timeout=5000):
        audit.reload()
    assert len(testers) == 2


def test_summaries_are_one_line() -> None:
    assert summarise_changes("update", '{"name": ["温岭市", "温岭"]}', 1) == "name: 温岭市 → 温岭"
    assert (
        summarise_changes("insert", '{"name": "东山\\n小学", "note": null}', 1) == "name=东山 小学"
    )
    assert (
        summarise_changes("bulk", '{"source": "towns.xlsx"}', 1200)
        == "1,200 rows; source=towns.xlsx"
    )
    assert (
        summarise_changes("update", '{"password": "changed", "failed_logins": [3, 0]}', 1)
        == "password changed; failed_logins: 3 → 0"
    )
    assert summarise_changes("login", "not json", None) == "not json"
    assert len(summarise_changes("insert", json.dumps({"a": "x" * 2000}), 1)) == 400
