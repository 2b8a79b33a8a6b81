"""The import registry drives both the command line and the dialog: every option of every
kind is on ``import KIND --help`` and in the dialog, and a new kind (the toy kind of
``tests/models/imports/toy.py``) runs through both with no other change."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from models.areas import Division
from models.database import Database
from models.imports import registry
from models.imports.registry import GATE_OPTIONS, ImportKind, import_kinds
from tests.cli_helpers import ROOT
from tests.conftest import ADMIN
from tests.models.imports.toy import TOY
from tests.ui.test_import_dialog import GOOD_ROWS, make_dialog, start, write_xlsx
from ui.cli import cmd_import
from ui.cli.core import build_parser

TOYS = "代码,名称,人口,备注\n331081,温岭市,1200000,县级市\n331082,临海市,1100000,\n"


def kind_help(kind: str) -> str:
    parser = build_parser([cmd_import.register])
    commands = next(
        a for a in parser._actions if isinstance(a, argparse._SubParsersAction)
    ).choices["import"]
    kinds = next(a for a in commands._actions if isinstance(a, argparse._SubParsersAction))
    return str(kinds.choices[kind].format_help())


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command line with the toy kind registered, in a subprocess as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "tests.models.imports.toy", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "ECC_NO_BOOTSTRAP": "1", **(env or {})},
        cwd=ROOT,
        timeout=180,
    )


def divisions(db: Database) -> list[str]:
    with db.session(ADMIN) as session:
        return list(session.scalars(select(Division.name).order_by(Division.code)))


def test_every_option_of_every_kind_is_on_its_help(qapp: Any) -> None:
    for kind in import_kinds():
        text = " ".join(kind_help(kind.key).split())
        assert QCoreApplication.translate("ImportDialog", kind.title) in text, kind.key
        for option in (*kind.options, *GATE_OPTIONS):
            assert option.flag in text, (kind.key, option.flag)
            assert QCoreApplication.translate("CommandLine", option.help) in text, option.help
            if option.metavar:
                assert f"{option.flag} {option.metavar}" in text


def test_every_option_of_every_kind_is_in_the_dialog(qtbot: QtBot, sqlite_db: Database) -> None:
    dialog = make_dialog(qtbot, sqlite_db)
    keys = [dialog.kind_combo.itemData(i) for i in range(dialog.kind_combo.count())]
    assert keys == [kind.key for kind in import_kinds()]
    widget_types = {"text": QLineEdit, "year": QSpinBox, "crs": QComboBox, "flag": QCheckBox}
    for kind in import_kinds():
        dialog.set_kind(kind.key)
        assert set(dialog.options()) == {option.name for option in kind.options}
        for option in kind.options:
            widget = dialog.option_widget(option.name)
            assert isinstance(widget, widget_types[option.type]), (kind.key, option.name)
            assert widget.isVisible()
            label = dialog.form.labelForField(widget)
            assert label is not None
            assert label.text() == QCoreApplication.translate("ImportDialog", option.label)
        for option in GATE_OPTIONS:
            assert dialog.gate_checks[option.name].isVisible()


def test_a_new_kind_runs_in_the_dialog(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(registry.KINDS, TOY.key, TOY)
    path = tmp_path / "toys.csv"
    path.write_text(TOYS, encoding="utf-8")
    dialog = make_dialog(qtbot, sqlite_db, kind="toys")
    prefix = dialog.option_widget("prefix")
    assert isinstance(prefix, QLineEdit)
    prefix.setText("新")
    start(qtbot, dialog, path)
    assert dialog.summary_label.text() == "Imported: 2 new, 0 updated, 0 unchanged."
    assert "Columns not used: D 备注" in dialog.report_edit.toPlainText()
    assert divisions(sqlite_db) == ["新温岭市", "新临海市"]


def test_the_dialog_lists_the_columns_not_used(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["统计用区划代码", "名称", "联系人"])
    for row in GOOD_ROWS:
        sheet.append([*row, "王"])
    book.save(tmp_path / "区划.xlsx")
    dialog = make_dialog(qtbot, sqlite_db)
    start(qtbot, dialog, tmp_path / "区划.xlsx")
    assert "Columns not used: C 联系人" in dialog.report_edit.toPlainText()


def test_a_new_kind_runs_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "toys.csv"
    path.write_text(TOYS, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    helped = run_cli("--lang", "en", "import", "toys", "--help")
    assert helped.returncode == 0 and "--prefix TEXT" in helped.stdout
    done = run_cli("--lang", "en", "--db", url, "import", "toys", str(path), "--prefix", "新")
    assert done.returncode == 0, done.stderr
    assert "Written: 2 new, 0 updated, 0 unchanged." in done.stdout
    assert "Columns not used: D 备注" in done.stdout
    database = Database(url)
    try:
        assert divisions(database) == ["新温岭市", "新临海市"]
    finally:
        database.dispose()


def test_a_file_above_the_size_limit_is_refused_in_chinese(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "区划.xlsx", GOOD_ROWS)
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    limit = {"TOY_DIVISIONS_MAX_BYTES": "1000"}
    refused = run_cli("--db", url, "import", "divisions", str(path), env=limit)
    assert refused.returncode == 1, refused.stderr
    assert "超过此类文件允许的 0.000954 MB" in refused.stdout
    assert "未从此文件导入任何数据。" in refused.stdout
    assert "Traceback" not in refused.stderr
    database = Database(url)
    try:
        assert divisions(database) == []
    finally:
        database.dispose()
    assert run_cli("--db", url, "import", "divisions", str(path)).returncode == 0


def test_kinds_are_declared_once() -> None:
    """No module but the registry names a kind's options."""
    sources = [
        ROOT / "ui" / "cli" / "cmd_import.py",
        ROOT / "ui" / "common" / "import_dialog.py",
    ]
    for source in sources:
        text = source.read_text(encoding="utf-8")
        for kind in import_kinds():
            assert f'"{kind.key}"' not in text, (source.name, kind.key)
            for option in kind.options:
                assert option.flag not in text, (source.name, option.flag)
    assert isinstance(registry.KINDS["divisions"], ImportKind)
