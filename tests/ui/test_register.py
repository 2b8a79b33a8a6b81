"""The geography register page and its forms, as a duty officer or a viewer uses them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer, QTranslator
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from models.areas import (
    DangerZone,
    GridInput,
    get_grid,
    list_grids,
    save_grid,
)
from models.audit import AuditRecord
from models.database import Database
from models.users import Actor, PermissionDenied
from tests.conftest import ADMIN
from tests.models.test_areas import build_sample_county
from ui.register.forms import DangerZoneForm, GridForm, ShelterForm, WorkingGroupMemberForm
from ui.register.page import RegisterPage

DUTY = Actor(name="duty-officer", role="duty")
VIEWER = Actor(name="a-viewer", role="viewer")
BAD_PHONE = "Not a mobile number (11 digits starting with 13 to 19) or a landline number (such as 0576-86123456)."
BAD_PHONE_ZH = "不是手机号码（以13至19开头的11位数字）或固定电话号码（如0576-86123456）。"


@pytest.fixture
def county(sqlite_db: Database) -> dict[str, int]:
    return build_sample_county(sqlite_db)


def open_page(qtbot: QtBot, db: Database, actor: Actor) -> RegisterPage:
    page = RegisterPage(db, actor)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    with qtbot.waitSignal(page.ready, timeout=15_000):
        page.show()
    return page


def shown(page: RegisterPage, key: str, column: str) -> list[str]:
    tab = page.tab_pages[key]
    return [str(getattr(tab.model.row_at(row), column)) for row in range(tab.model.rowCount())]


def search(qtbot: QtBot, page: RegisterPage, key: str, text: str) -> None:
    tab = page.tab_pages[key]
    page.tabs.setCurrentWidget(tab)
    qtbot.keyClicks(tab.search_edit, text)
    qtbot.waitUntil(lambda: tab.model.query == text, timeout=3000)


def answer_dialog(qtbot: QtBot, fill) -> list[QDialog]:
    """Arrange for ``fill(dialog)`` to run on the next modal dialog; returns what it saw."""
    seen: list[QDialog] = []
    deadline = time.monotonic() + 5

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            seen.append(dialog)
            fill(dialog)
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


# -- the page -----------------------------------------------------------------------------


def switch_tab(qtbot: QtBot, page: RegisterPage, index: int) -> None:
    """Switch tabs as a click does; the tab applies what waited for it in the next turn."""
    page.tabs.setCurrentIndex(index)
    qtbot.waitUntil(lambda: page.current_tab().settled, timeout=3000)


def test_page_shows_counts_and_rows(
    qtbot: QtBot, sqlite_db: Database, county: dict[str, int]
) -> None:
    page = open_page(qtbot, sqlite_db, DUTY)
    assert not page.is_empty()
    counts = {key: tab.count_label.text() for key, tab in page.tab_pages.items()}
    assert counts["grids"] == "3 grids"
    assert shown(page, "grids", "person_name") == ["张三", "李四", "王五"]
    assert page.tab_pages["grids"].view.model().index(0, 6).data() == "13912345678"
    switch_tab(qtbot, page, 2)
    assert page.tab_pages["shelters"].count_label.text() == "2 shelters"
    assert [page.tabs.tabText(i) for i in range(4)] == [
        "Responsibility grids",
        "Danger zones and hazard points",
        "Shelters",
        "Village working groups",
    ]
    assert "pinyin initials" in page.tab_pages["grids"].search_edit.placeholderText()


def test_typing_initials_finds_the_grid_of_zhang_san(
    qtbot: QtBot, sqlite_db: Database, county: dict[str, int]
) -> None:
    page = open_page(qtbot, sqlite_db, DUTY)
    search(qtbot, page, "grids", "zs")
    assert shown(page, "grids", "name") == ["东辉第一网格"]
    assert page.tab_pages["grids"].count_label.text() == "1 of 3 grids"
    page.tab_pages["grids"].search_edit.clear()
    qtbot.waitUntil(lambda: page.tab_pages["grids"].model.rowCount() == 3, timeout=3000)
    search(qtbot, page, "members", "6000")  # the last digits of 钱七's mobile 13600003333
    assert shown(page, "members", "name") == ["钱七"]


def test_selecting_a_town_filters_every_tab(
    qtbot: QtBot, sqlite_db: Database, county: dict[str, int]
) -> None:
    page = open_page(qtbot, sqlite_db, DUTY)
    tree = page.tree_panel.view
    town = page.tree_panel.proxy.mapFromSource(
        page.tree_panel.model.match(
            page.tree_panel.model.index(0, 0),
            Qt.ItemDataRole.DisplayRole,
            "石塘镇",
            1,
            Qt.MatchFlag.MatchRecursive,
        )[0]
    )
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(town).center())
    assert page.tree_panel.current_node().name == "石塘镇"
    assert shown(page, "grids", "village_name") == ["里箬村"]
    assert page.tab_pages["grids"].count_label.text() == "1 of 3 grids"
    switch_tab(qtbot, page, 1)
    assert sorted(shown(page, "danger_zones", "village_name")) == ["东海村", "里箬村"]
    switch_tab(qtbot, page, 3)
    assert shown(page, "members", "name") == ["钱七"]
    page.tree_panel.select_division(county["donghui"])
    assert shown(page, "members", "name") == ["赵六"]
    page.tree_panel.select_division(county["county"])
    assert page.tab_pages["members"].count_label.text() == "2 members"


def test_tree_search_by_pinyin(qtbot: QtBot, sqlite_db: Database, county: dict[str, int]) -> None:
    page = open_page(qtbot, sqlite_db, DUTY)
    page.tree_panel.search_edit.setText("lrc")  # 里箬村
    proxy = page.tree_panel.proxy
    county_index = proxy.index(0, 0)
    towns = [
        proxy.index(row, 0, county_index).data() for row in range(proxy.rowCount(county_index))
    ]
    assert towns == ["石塘镇"]
    town_index = proxy.index(0, 0, county_index)
    assert proxy.index(0, 0, town_index).data() == "里箬村"


def test_kind_filter_on_danger_zones(
    qtbot: QtBot, sqlite_db: Database, county: dict[str, int]
) -> None:
    page = open_page(qtbot, sqlite_db, DUTY)
    switch_tab(qtbot, page, 1)
    tab = page.tab_pages["danger_zones"]
    assert tab.filter_combo is not None
    tab.filter_combo.setCurrentIndex(tab.filter_combo.findData("geological"))
    assert shown(page, "danger_zones", "name") == ["东海滑坡危险区"]
    assert tab.count_label.text() == "1 of 2 danger zones and points"
    assert tab.view.model().index(0, 2).data() == "Geological hazard"
    assert tab.view.model().index(0, 3).data() == "Area"


def test_empty_database_explains_how_to_start(qtbot: QtBot, sqlite_db: Database) -> None:
    page = open_page(qtbot, sqlite_db, DUTY)
    assert page.is_empty()
    assert "python main.py demo" in page.empty_label.text()
    assert "python main.py import divisions FILE" in page.empty_label.text()


def test_load_failure_is_shown_not_raised(
    qtbot: QtBot, sqlite_db: Database, county: dict[str, int]
) -> None:
    page = open_page(qtbot, sqlite_db, Actor(name="nobody", role="no-such-role"))
    assert page.error_label.isVisible()
    assert "not allowed" in page.error_label.text()


# -- the viewer ------------------------------------------------------------------------------


def test_viewer_sees_masked_phones_and_cannot_edit(
    qtbot: QtBot, sqlite_db: Database, county: dict[str, int]
) -> None:
    page = open_page(qtbot, sqlite_db, VIEWER)
    tab = page.tab_pages["grids"]
    assert not tab.add_button.isVisible() and not tab.edit_button.isVisible()
    assert shown(page, "grids", "person_phone") == ["139****5678", "0576-****3456", "138****1111"]
    search(qtbot, page, "grids", "1391")  # hidden digits cannot be found by searching
    assert tab.model.rowCount() == 0
    tab.search_edit.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=3000)
    tab.view.selectRow(0)
    opened = answer_dialog(qtbot, lambda dialog: dialog.reject())
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    qtbot.wait(100)
    assert opened == []
    with pytest.raises(PermissionDenied), sqlite_db.session(VIEWER) as session:
        save_grid(
            session=session,
            data=GridInput(code="V-1", name="查看", village_id=county["liruo"], person_name="某人"),
        )


# -- forms -----------------------------------------------------------------------------------


def test_invalid_mobile_is_refused_in_place(
    qtbot: QtBot, sqlite_db: Database, county: dict[str, int]
) -> None:
    form = GridForm(sqlite_db, DUTY, county["g_zhangsan"])
    qtbot.addWidget(form)
    assert form.fields["person_name"].text() == "张三"
    assert form.village_box.village_id() == county["donghui"]
    form.fields["person_phone"].setText("1391234567")
    form.save_button.click()
    assert form.errors() == {"person_phone": BAD_PHONE}
    assert form.result() != QDialog.DialogCode.Accepted and form.saved_id is None
    with sqlite_db.session(ADMIN) as session:
        assert get_grid(session=session, grid_id=county["g_zhangsan"]).person_phone == "13912345678"
        assert (
            session.scalars(select(AuditRecord).where(AuditRecord.action == "update")).all() == []
        )


@pytest.fixture
def chinese(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """A catalogue with the phone message in Chinese, compiled with pyside6-lrelease."""
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).parent / "pyside6-lrelease"
    )
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease not found")
    ts = tmp_path / "zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
        f"<context><name>Register</name><message><source>{BAD_PHONE}</source>"
        f"<translation>{BAD_PHONE_ZH}</translation></message></context></TS>",
        encoding="utf-8",
    )
    subprocess.run(
        [lrelease, str(ts), "-qm", str(tmp_path / "zh_CN.qm")], check=True, capture_output=True
    )
    translator = QTranslator()
    assert translator.load(str(tmp_path / "zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_refusal_reads_in_chinese(
    qtbot: QtBot, sqlite_db: Database, county: dict[str, int], chinese: None
) -> None:
    form = WorkingGroupMemberForm(sqlite_db, DUTY, county["m_head"])
    qtbot.addWidget(form)
    form.fields["phone"].setText("12345")
    form.save_button.click()
    assert form.errors() == {"phone": BAD_PHONE_ZH}
    assert form.error_labels["phone"].isVisibleTo(form)


def test_edit_through_the_page_changes_the_row_and_audits(
    qtbot: QtBot, sqlite_db: Database, county: dict[str, int]
) -> None:
    page = open_page(qtbot, sqlite_db, DUTY)
    tab = page.tab_pages["grids"]
    tab.view.selectRow(0)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, GridForm)
        dialog.fields["person_name"].setText("张三丰")
        dialog.fields["person_phone"].setText("139-0000-1111")
        dialog.save_button.click()

    seen = answer_dialog(qtbot, fill)
    with qtbot.waitSignal(page.ready, timeout=15_000):
        qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert len(seen) == 1
    assert shown(page, "grids", "person_name") == ["张三丰", "李四", "王五"]
    assert tab.selected_row().person_phone == "13900001111"
    with sqlite_db.session(ADMIN) as session:
        record = session.scalars(
            select(AuditRecord).where(
                AuditRecord.table_name == "grids", AuditRecord.action == "update"
            )
        ).one()
    assert record.actor == "duty-officer"
    assert json.loads(record.changes) == {
        "person_name": ["张三", "张三丰"],
        "person_phone": ["139****5678", "139****1111"],
    }
    assert "13900001111" not in record.changes  # the audit keeps that it changed, not the number


def test_add_from_a_chosen_village(
    qtbot: QtBot, sqlite_db: Database, county: dict[str, int]
) -> None:
    page = open_page(qtbot, sqlite_db, DUTY)
    page.tree_panel.select_division(county["donghai"])
    switch_tab(qtbot, page, 2)
    tab = page.tab_pages["shelters"]
    assert tab.count_label.text() == "0 of 2 shelters"

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ShelterForm)
        assert dialog.village_box.village_id() == county["donghai"]
        dialog.fields["name"].setText("东海村文化礼堂")
        dialog.capacity_spin.setValue(150)
        dialog.fields["manager_phone"].setText("0576-8622 1111")
        dialog.save_button.click()

    answer_dialog(qtbot, fill)
    with qtbot.waitSignal(page.ready, timeout=15_000):
        tab.add_button.click()
    assert shown(page, "shelters", "name") == ["东海村文化礼堂"]
    assert tab.selected_row().manager_phone == "0576-86221111"
    assert tab.count_label.text() == "1 of 3 shelters"


def test_cancelled_form_changes_nothing(
    qtbot: QtBot, sqlite_db: Database, county: dict[str, int]
) -> None:
    page = open_page(qtbot, sqlite_db, DUTY)
    answer_dialog(qtbot, lambda dialog: dialog.reject())
    assert page.add_record("grids") is None
    with sqlite_db.session(ADMIN) as session:
        assert len(list_grids(session=session)) == 3


def test_village_chooser_finds_villages_by_initials(
    qtbot: QtBot, sqlite_db: Database, county: dict[str, int]
) -> None:
    form = GridForm(sqlite_db, DUTY)
    qtbot.addWidget(form)
    form.show()
    combo = form.village_box
    combo.lineEdit().setFocus()
    qtbot.keyClicks(combo.lineEdit(), "lrc")
    completer = combo.completer()
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "里箬村 (石塘镇)"
    combo.setEditText(completer.currentCompletion())
    assert combo.village_id() == county["liruo"]
    combo.setEditText("不存在的村")
    assert combo.village_id() is None


def test_new_grid_form_reports_every_problem(
    qtbot: QtBot, sqlite_db: Database, county: dict[str, int]
) -> None:
    form = GridForm(sqlite_db, DUTY)
    qtbot.addWidget(form)
    form.fields["code"].setText("331081001001-01")  # taken by 张三's grid
    form.save_button.click()
    assert set(form.errors()) == {"code", "name", "village_id", "person_name"}
    form.fields["code"].setText("331081101002-01")
    form.fields["name"].setText("东海网格")
    form.village_box.set_village_id(county["donghai"])
    form.fields["person_name"].setText("孙十")
    form.save_button.click()
    assert form.errors() == {}
    assert form.result() == QDialog.DialogCode.Accepted and form.saved_id is not None


def test_danger_zone_form_lists_the_grids_of_the_village(
    qtbot: QtBot, sqlite_db: Database, county: dict[str, int]
) -> None:
    form = DangerZoneForm(sqlite_db, DUTY, county["z_point"])
    qtbot.addWidget(form)
    assert form.grid_combo.currentData() == county["g_wangwu"]
    assert form.fields["lon"].text() == "121.55"
    form.village_box.set_village_id(county["sanxing"])
    assert [form.grid_combo.itemData(i) for i in range(form.grid_combo.count())] == [
        None,
        county["g_lisi"],
    ]
    form.fields["lat"].setText("")
    form.save_button.click()
    assert form.errors() == {"lat": "Give both longitude and latitude, or neither."}


def test_danger_zone_area_keeps_coordinates_read_only(
    qtbot: QtBot, sqlite_db: Database, county: dict[str, int]
) -> None:
    form = DangerZoneForm(sqlite_db, DUTY, county["z_area"])
    qtbot.addWidget(form)
    form.show()
    assert not form.point_check.isChecked()
    assert not form.fields["lon"].isEnabled()
    assert form.area_note.isVisible()
    form.fields["name"].setText("东海村滑坡危险区")
    form.save_button.click()
    assert form.errors() == {}
    assert form.saved_id == county["z_area"]
    with sqlite_db.session(ADMIN) as session:
        zone = session.get(DangerZone, county["z_area"])
        assert zone is not None and zone.name == "东海村滑坡危险区"
        assert zone.geometry.geom_type == "Polygon"  # the outline was not replaced by its centre


def test_record_deleted_meanwhile(
    qtbot: QtBot, sqlite_db: Database, county: dict[str, int]
) -> None:
    form = ShelterForm(sqlite_db, DUTY, 999_999)
    qtbot.addWidget(form)
    assert "no longer exists" in form.errors()[""]
    assert not form.save_button.isEnabled()


def test_every_register_model_passes_the_qt_model_tester(
    qtbot: QtBot, demo_db: Database, no_tester_failures: None
) -> None:
    page = RegisterPage(demo_db, DUTY)
    qtbot.addWidget(page)
    fail = QAbstractItemModelTester.FailureReportingMode.Warning
    testers = [QAbstractItemModelTester(page.tree_panel.proxy, fail)]
    for tab in page.tab_pages.values():
        testers.append(QAbstractItemModelTester(tab.model, fail))
    with qtbot.waitSignal(page.ready, timeout=20_000):
        page.show()
    town = next(n for n in page.tree_panel._children[page.tree_panel._children[None][0].id])
    page.tree_panel.select_division(town.id)
    for index in range(page.tabs.count()):
        switch_tab(qtbot, page, index)
        page.current_tab().search_edit.setText("chen")
        qtbot.waitUntil(lambda: page.current_tab().model.query == "chen", timeout=3000)
        page.current_tab().view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    page.tree_panel.search_edit.setText("sm")
    with qtbot.waitSignal(page.ready, timeout=20_000):
        page.refresh()
    assert len(testers) == 5  # the tree, and one model per tab
