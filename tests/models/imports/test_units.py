"""``import units FILE``: the member units' list as a county types it in WPS."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from models.command import list_units
from models.database import Database
from models.imports.framework import run_import
from models.users import Actor
from tests.cli_helpers import run_main

ADMIN = Actor(name="admin", role="admin")
VIEWER = Actor(name="viewer", role="viewer")
HEADER = ["序号", "单位名称", "简称", "值班电话", "联系人", "职务", "手机"]
GOOD = [
    [1, "县水利局", "水利局", "0576-86100220", "陈建国", "科长", "13905761002"],
    [2, "县气象局", "气象局", "0576 8610 0440", "王雨晴", "副局长", "139 0576 1004"],
    [3, "县消防救援大队", "", "0576-86100119", "", "", ""],
]


def write_units(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "成员单位"
    sheet.append(["县防汛防台抗旱指挥部成员单位通讯录"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    sheet.append(["注：手机仅供防汛联络使用"])
    book.save(path)
    return path


def test_a_list_is_imported_its_unread_column_named_and_phones_masked(
    db: Database, tmp_path: Path
) -> None:
    path = write_units(tmp_path / "成员单位.xlsx", GOOD)
    report = run_import(db=db, actor=ADMIN, kind="units", path=path)
    assert report.ok and report.inserted == 3 and report.rows_written == 3
    assert any("职务" in column for column in report.unused_columns)
    with db.session(ADMIN) as session:
        units = {u.name: u for u in list_units(session=session)}
    assert units["县气象局"].contact_phone == "13905761004"
    assert units["县水利局"].abbreviation == "水利局"
    with db.session(VIEWER) as session:
        masked = {u.name: u for u in list_units(session=session)}
    assert masked["县水利局"].contact_phone == "139****1002"
    again = run_import(db=db, actor=ADMIN, kind="units", path=path)
    assert (again.inserted, again.unchanged) == (0, 3)


def test_one_bad_row_writes_nothing_and_names_row_and_column(db: Database, tmp_path: Path) -> None:
    rows = [*GOOD, [4, "县水利局", "", "", "", "", ""], [5, "县交通运输局", "", "", "", "", "1234"]]
    report = run_import(
        db=db, actor=ADMIN, kind="units", path=write_units(tmp_path / "u.xlsx", rows)
    )
    assert not report.ok and report.rows_written == 0
    described = [p.describe() for p in report.problems]
    assert any("县水利局" in text and "3" in text and "6" in text for text in described)
    assert any("row 7" in text and "column G" in text for text in described), described
    with db.session(ADMIN) as session:
        assert list_units(session=session) == []


def test_import_units_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    path = write_units(tmp_path / "成员单位.xlsx", GOOD)
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    done = run_main("--lang", "zh_CN", "--db", url, "import", "units", str(path), env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3" in done.stdout and "职务" in done.stdout
    bad = write_units(tmp_path / "坏.xlsx", [[1, "县水利局", "", "", "", "", "12"]])
    refused = run_main("--lang", "zh_CN", "--db", url, "import", "units", str(bad), env=env)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "G" in refused.stdout + refused.stderr
