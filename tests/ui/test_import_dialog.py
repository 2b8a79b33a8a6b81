"""The import dialog as a duty officer uses it: choose a file, start, watch, read the report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from models.areas import Division
from models.database import Database
from models.users import Actor
from tests.conftest import ADMIN
from tests.ui.test_register import VIEWER, answer_dialog, open_page
from ui.common import import_dialog
from ui.common.import_dialog import ImportDialog, throttled

GOOD_ROWS: list[list[Any]] = [
    [331081000000, "温岭市"],
    [331081001000, "太平街道"],
    [331081001001, "东门社区"],
    [331081001002, "西门社区"],
    [331081101000, "石塘镇"],
    [331081101201, "东海村"],
    [331081101202, "里箬村"],
]


def write_xlsx(path: Path, rows: list[list[Any]]) -> Path:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("区划")
    sheet.append(["统计用区划代码", "名称"])
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def count(db: Database) -> int:
    with db.session(ADMIN) as session:
        return session.scalar(select(func.count()).select_from(Division)) or 0


def make_dialog(
    qtbot: QtBot, db: Database, actor: Actor = ADMIN, kind: str | None = "divisions"
) -> ImportDialog:
    dialog = ImportDialog(db, actor, kind)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def start(qtbot: QtBot, dialog: ImportDialog, path: Path, timeout: int = 30_000) -> None:
    dialog.path_edit.setText(str(path))
    with qtbot.waitSignal(dialog.import_finished, timeout=timeout):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)


def test_good_divisions_file_is_imported(qtbot: QtBot, sqlite_db: Database, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, sqlite_db)
    start(qtbot, dialog, write_xlsx(tmp_path / "区划.xlsx", GOOD_ROWS))

    assert dialog.summary_label.text() == "Imported: 7 new, 0 updated, 0 unchanged."
    assert "#2e7d32" in dialog.summary_label.styleSheet()  # green
    assert "Written: 7 new, 0 updated, 0 unchanged." in dialog.report_edit.toPlainText()
    assert dialog.report_edit.isReadOnly()
    assert count(sqlite_db) == 7
    assert dialog.progress_bar.maximum() > 1
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum()
    assert dialog.start_button.isEnabled() and not dialog.cancel_button.isEnabled()
    dialog.close_dialog()
    assert dialog.result() == ImportDialog.DialogCode.Accepted


def test_bad_file_is_refused_with_row_and_column(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    rows = [*GOOD_ROWS[:3], [33108100100, "缺一位村"], *GOOD_ROWS[3:]]  # 11 digits: sheet row 5
    dialog = make_dialog(qtbot, sqlite_db)
    start(qtbot, dialog, write_xlsx(tmp_path / "bad.xlsx", rows))

    assert dialog.summary_label.text() == "Refused: 1 problems. Nothing was written."
    assert "#c62828" in dialog.summary_label.styleSheet()  # red
    text = dialog.report_edit.toPlainText()
    assert "Sheet 区划, row 5, column A" in text
    assert "33108100100" in text
    assert count(sqlite_db) == 0
    dialog.close_dialog()
    assert dialog.result() == ImportDialog.DialogCode.Rejected


def test_valid_only_imports_the_good_rows(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    rows = [*GOOD_ROWS, [33108100100, "缺一位村"]]
    dialog = make_dialog(qtbot, sqlite_db)
    dialog.valid_only_check.setChecked(True)
    start(qtbot, dialog, write_xlsx(tmp_path / "mixed.xlsx", rows))
    assert dialog.summary_label.text().startswith("Valid rows imported: 7 new")
    assert count(sqlite_db) == 7


def test_dry_run_writes_nothing(qtbot: QtBot, sqlite_db: Database, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, sqlite_db)
    dialog.dry_run_check.setChecked(True)
    start(qtbot, dialog, write_xlsx(tmp_path / "区划.xlsx", GOOD_ROWS))
    assert dialog.summary_label.text() == (
        "Check passed: importing would write 7 new, 0 updated, 0 unchanged."
    )
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum()
    assert count(sqlite_db) == 0
    dialog.close_dialog()
    assert dialog.result() == ImportDialog.DialogCode.Rejected


def test_cancel_during_a_large_import_writes_nothing(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    rows: list[list[Any]] = [[331081000000, "温岭市"]]
    rows += [[331081000000 + t * 1000, f"镇{t}"] for t in range(1, 21)]
    # Village 1000 of a town would be the next town's code: 999 villages per town.
    rows += [
        [331081000000 + t * 1000 + v, f"村{t}-{v}"] for t in range(1, 21) for v in range(1, 1000)
    ]
    path = write_xlsx(tmp_path / "big.xlsx", rows)  # 19,980 villages, a file with no refusal
    dialog = make_dialog(qtbot, sqlite_db)
    dialog.path_edit.setText(str(path))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.is_running() and not dialog.start_button.isEnabled()
    assert not dialog.close_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.progress_bar.maximum() > 1, timeout=30_000)
    with qtbot.waitSignal(dialog.import_finished, timeout=30_000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    assert dialog.report is not None and dialog.report.cancelled
    assert dialog.summary_label.text() == "Cancelled: nothing was written."
    assert "Cancelled: nothing was written." in dialog.report_edit.toPlainText()
    assert count(sqlite_db) == 0
    assert dialog.start_button.isEnabled()


def test_escape_while_running_cancels_then_closes(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    rows: list[list[Any]] = [[331081000000, "温岭市"], [331081001000, "镇"]]
    rows += [[331081001000 + v, f"村{v}"] for v in range(1, 999)]
    dialog = make_dialog(qtbot, sqlite_db)
    dialog.path_edit.setText(str(write_xlsx(tmp_path / "mid.xlsx", rows)))
    with qtbot.waitSignal(dialog.finished, timeout=30_000):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        dialog.reject()
        assert dialog.isVisible()  # not before the worker has answered
    assert dialog.report is not None and dialog.report.cancelled
    assert count(sqlite_db) == 0


def test_a_failure_is_one_line_without_traceback(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(**_arguments: Any) -> Any:
        raise RuntimeError("disk on fire\nTraceback (most recent call last): ...")

    monkeypatch.setattr(import_dialog, "run_kind", broken)
    dialog = make_dialog(qtbot, sqlite_db)
    start(qtbot, dialog, write_xlsx(tmp_path / "区划.xlsx", GOOD_ROWS))
    assert dialog.summary_label.text() == "The import failed: disk on fire"
    assert "Traceback" not in dialog.report_edit.toPlainText()
    assert dialog.report is None and dialog.error == "disk on fire"


def test_options_follow_the_kind(qtbot: QtBot, sqlite_db: Database) -> None:
    dialog = make_dialog(qtbot, sqlite_db)
    # Divisions: the county of a list without its row (the statistics bureau's).
    assert dialog.option_widget("crs") is None
    assert dialog.options() == {"county": None, "county_name": None}
    county, county_name = dialog.option_widget("county"), dialog.option_widget("county_name")
    assert isinstance(county, QLineEdit) and isinstance(county_name, QLineEdit)
    county.setText(" 331081 ")
    county_name.setText("温岭市")
    assert dialog.options() == {"county": "331081", "county_name": "温岭市"}
    dialog.set_kind("grids")
    crs = dialog.option_widget("crs")
    assert isinstance(crs, QComboBox) and not crs.isHidden()
    unset = {"code_field": None, "name_field": None, "reassign": False}
    assert dialog.options() == {"crs": None, **unset}  # as the file declares
    crs.setCurrentIndex(crs.findData("gcj02"))
    assert dialog.options() == {"crs": "gcj02", **unset}
    crs.setEditText("EPSG:4549")
    assert dialog.options() == {"crs": "EPSG:4549", **unset}
    reassign, code_field = dialog.option_widget("reassign"), dialog.option_widget("code_field")
    assert isinstance(reassign, QCheckBox) and isinstance(code_field, QLineEdit)
    reassign.setChecked(True)
    code_field.setText("WGBM")
    assert dialog.options() == {"crs": "EPSG:4549", **unset, "code_field": "WGBM", "reassign": True}
    dialog.set_kind("households")
    assert dialog.options() == {"village_code": None, "year": None, "crs": "wgs84"}
    village, year = dialog.option_widget("village_code"), dialog.option_widget("year")
    assert isinstance(village, QLineEdit) and isinstance(year, QSpinBox)
    village.setText("331081101201")
    year.setValue(2026)
    assert dialog.options()["village_code"] == "331081101201"
    assert dialog.options()["year"] == 2026
    dialog.set_kind("typhoon")
    name = dialog.option_widget("name")
    assert dialog.option_widget("crs") is None and name is not None and not name.isHidden()


def test_missing_file_is_said_not_started(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, sqlite_db)
    dialog.path_edit.setText(str(tmp_path / "nowhere.xlsx"))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert not dialog.is_running()
    assert "does not exist" in dialog.summary_label.text()


def test_throttled_progress_keeps_first_and_last() -> None:
    seen: list[tuple[int, int]] = []
    report = throttled(lambda d, t: seen.append((d, t)), steps=10)
    for done in range(0, 20_001):
        report(done, 20_000)
    assert len(seen) == 11  # one call per tenth, the last at done == total
    assert seen[0] == (0, 20_000) and seen[-1] == (20_000, 20_000)


def test_run_returns_the_report_and_acceptance(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "区划.xlsx", GOOD_ROWS)

    def fill(dialog: Any) -> None:
        assert isinstance(dialog, ImportDialog)
        assert dialog.kind().key == "divisions"
        dialog.path_edit.setText(str(path))
        dialog.import_finished.connect(lambda _report: dialog.close_button.click())
        dialog.start_button.click()

    seen = answer_dialog(qtbot, fill)
    report, accepted = ImportDialog.run(None, sqlite_db, ADMIN, kind="divisions")
    assert seen and accepted
    assert report is not None and report.inserted == 7


def test_viewer_cannot_import(qtbot: QtBot, sqlite_db: Database) -> None:
    assert ImportDialog.run(None, sqlite_db, VIEWER) == (None, False)
    dialog = make_dialog(qtbot, sqlite_db, VIEWER)
    assert not dialog.start_button.isEnabled() and not dialog.path_edit.isEnabled()
    assert dialog.summary_label.text() == "You are not allowed to import data."


def test_register_page_import_button(qtbot: QtBot, sqlite_db: Database, tmp_path: Path) -> None:
    viewer_page = open_page(qtbot, sqlite_db, VIEWER)
    assert viewer_page.import_button.isHidden()

    page = open_page(qtbot, sqlite_db, ADMIN)
    assert page.is_empty() and page.import_button.isVisible()
    path = write_xlsx(tmp_path / "区划.xlsx", GOOD_ROWS)

    def fill(dialog: Any) -> None:
        dialog.set_kind("divisions")
        dialog.path_edit.setText(str(path))
        dialog.import_finished.connect(lambda _report: dialog.close_button.click())
        dialog.start_button.click()

    answer_dialog(qtbot, fill)
    with qtbot.waitSignal(page.ready, timeout=15_000):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert not page.is_empty()
    assert not page.tree_panel.is_empty()
