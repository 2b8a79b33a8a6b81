"""Hostile and absurd files: a value in Excel's last cell, sheets beyond a kind's limits,
a device under a spreadsheet's name, a reader that dies, thousands of repeated rows, cells
Excel could not compute. Each is refused or reported with where and why; the process
reading it survives and its memory stays bounded."""

from __future__ import annotations

import os
import re
import time
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from models.database import Database
from models.imports import format_report
from models.imports.framework import import_file
from models.imports.registry import KINDS, import_kinds
from models.imports.report import ImportReport
from models.imports.spreadsheet import read_workbook
from tests.conftest import ADMIN
from tests.models.imports.test_households import (
    FLAT_HEADER,
    TITLE,
    households,
    row,
    write_list,
)
from tests.models.test_transfers import Register, make_register

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
    'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)


def raw_xlsx(
    path: Path, cells: list[tuple[str, str]], extra: str = "", dimension: str | None = None
) -> Path:
    """An .xlsx written as XML (openpyxl would take minutes to reach the last cell)."""
    rows: dict[int, list[tuple[str, str]]] = {}
    for ref, value in cells:
        rows.setdefault(int(re.sub("[A-Z]", "", ref)), []).append((ref, value))
    body = "".join(
        f'<row r="{number}">'
        + "".join(f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>' for ref, value in row)
        + "</row>"
        for number, row in sorted(rows.items())
    )
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
        '.org/spreadsheetml/2006/main">'
        + (f'<dimension ref="{dimension}"/>' if dimension else "")
        + f"<sheetData>{body}{extra}</sheetData></worksheet>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


HEADER = [("A1", TITLE), ("A2", "户主姓名"), ("B2", "居住人数"), ("C2", "危险区名称")]


@pytest.fixture
def register(db: Database) -> Register:
    with db.session(ADMIN) as session:
        return make_register(session)


def run(db: Database, kind: str, path: Path, **options: Any) -> ImportReport:
    with db.session(ADMIN) as session:
        return import_file(kind, session=session, path=path, **options)


def refusal(report: ImportReport) -> str:
    assert report.file_failed and report.exit_code == 1, format_report(report)
    (problem,) = report.problems
    return problem.describe()


# -- extent and limits -----------------------------------------------------------------------


@pytest.mark.serial  # measures time: run alone
def test_a_value_in_excels_last_cell_is_refused_naming_the_limit(
    db: Database, tmp_path: Path
) -> None:
    path = raw_xlsx(tmp_path / "last.xlsx", [*HEADER, ("XFD1048576", "x")])
    start = time.perf_counter()
    report = run(db, "households", path, dry_run=True)
    assert time.perf_counter() - start < 10
    assert refusal(report) == (
        "Sheet 名单: The sheet reaches column XFD, beyond the 200 columns a file of this kind "
        "may have. Delete the columns right of the list and import it again."
    )


def test_a_value_in_the_last_row_is_refused_before_the_sheet_is_built(
    db: Database, tmp_path: Path
) -> None:
    path = raw_xlsx(tmp_path / "row.xlsx", [*HEADER, ("A1048576", "x")])
    text = refusal(run(db, "households", path))
    assert "reaches row 1,048,576, beyond the 200,000 rows" in text


def test_formatted_empty_cells_far_below_are_not_the_sheets_extent(tmp_path: Path) -> None:
    """Excel keeps formatted empty cells; they hold nothing and the reader skips them."""
    path = raw_xlsx(
        tmp_path / "styled.xlsx",
        HEADER,
        extra='<row r="900000"><c r="AZ900000" s="1"/></row>',
    )
    (sheet,) = read_workbook(path, KINDS["households"].limits).sheets
    assert len(sheet.rows) == 2


def test_a_reader_that_dies_on_a_file_is_a_file_that_could_not_be_read(
    db: Database, tmp_path: Path
) -> None:
    """Within the limits, yet a grid of 40 million cells: the reader's process runs out of
    the memory it may use and dies; this process reports it and goes on."""
    path = raw_xlsx(tmp_path / "dense.xlsx", [*HEADER, ("GR200000", "x")])
    text = refusal(run(db, "households", path))
    assert text.startswith("This file could not be read: the spreadsheet reader stopped on it")
    assert run(db, "divisions", tmp_path / "dense.xlsx", dry_run=True).file_failed  # still alive


def test_a_sheet_lying_about_its_extent_is_refused_as_unreadable(
    db: Database, tmp_path: Path
) -> None:
    """It declares three columns and three rows, and holds a value in the last cell."""
    path = raw_xlsx(tmp_path / "liar.xlsx", [*HEADER, ("XFD1048576", "x")], dimension="A1:C3")
    assert "could not be read" in refusal(run(db, "households", path, dry_run=True))
    honest = raw_xlsx(tmp_path / "far.xlsx", [*HEADER, ("A300000", "x")], dimension="A1:C300000")
    assert "reaches row 300,000" in refusal(run(db, "households", honest))


def test_every_kind_names_its_limits_of_rows_and_columns() -> None:
    for kind in import_kinds():
        assert 10_000 <= kind.max_rows <= 1_000_000 and 100 <= kind.max_columns <= 1_000, kind.key
    households = KINDS["households"]
    assert (households.max_rows, households.max_columns) == (200_000, 200)


@pytest.mark.serial  # measures time: run alone
def test_a_csv_beyond_the_rows_or_columns_is_refused_while_read(
    db: Database, tmp_path: Path
) -> None:
    long = tmp_path / "long.csv"
    long.write_text("户主姓名,居住人数,危险区名称\n" + "张三,3,后山\n" * 200_000, encoding="utf-8")
    start = time.perf_counter()
    text = refusal(run(db, "households", long))
    assert time.perf_counter() - start < 10
    assert "reaches row 200,001, beyond the 200,000 rows" in text
    wide = tmp_path / "wide.csv"
    wide.write_text("户主姓名,居住人数,危险区名称" + ",x" * 300 + "\n", encoding="utf-8")
    assert "reaches column KQ, beyond the 200 columns" in refusal(run(db, "households", wide))


@pytest.mark.serial  # measures time: run alone
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_link_to_dev_zero_is_refused_at_once(db: Database, tmp_path: Path) -> None:
    for kind in ("households", "grids", "typhoon"):
        link = tmp_path / f"{kind}.xlsx"
        link.symlink_to("/dev/zero")
        start = time.perf_counter()
        text = refusal(run(db, kind, link))
        assert time.perf_counter() - start < 2
        assert text.startswith("This is not an ordinary file (it is a device, a pipe or a socket)")


# -- repeated rows ---------------------------------------------------------------------------


@pytest.mark.serial  # measures time: run alone
def test_thousands_of_repeated_rows_are_one_short_problem(
    db: Database, register: Register, tmp_path: Path
) -> None:
    path = tmp_path / "filled-down.csv"
    line = ",".join(str(v) if v is not None else "" for v in row(1)[:20])
    path.write_text(
        f"{TITLE}\n" + ",".join(FLAT_HEADER) + "\n" + (line + "\n") * 8_000, encoding="utf-8"
    )
    start = time.perf_counter()
    report = run(db, "households", path, valid_only=True)
    assert time.perf_counter() - start < 30
    (problem,) = report.problems
    assert problem.reason == "The household of 张三 (mobile 13912345678) is listed 8,000 times."
    assert report.refused_rows == 8_000 and report.rows_written == 0
    text = format_report(report)
    assert len(text.encode()) < 2_000
    assert 'rows 3, 4, 5, 6, 7 … (8,000 rows in all), column G, value "张三"' in text
    assert households(db) == {}


def test_a_wrong_value_filled_down_is_reported_once_with_its_rows(
    db: Database, register: Register, tmp_path: Path
) -> None:
    rows = [row(n, name=f"户{n}", phone="12345") for n in range(1, 3_001)]
    report = run(db, "households", write_list(tmp_path / "phones.xlsx", rows))
    (problem,) = report.problems
    assert (problem.row, problem.column, problem.value) == (4, "I", "12345")
    assert len(problem.rows) == 3_000 and report.refused_rows == 3_000
    assert len(format_report(report).encode()) < 2_000


# -- cells Excel could not compute -----------------------------------------------------------


def test_unreadable_coordinates_on_a_reimport_are_reported_not_erased(
    db: Database, register: Register, tmp_path: Path
) -> None:
    first = write_list(tmp_path / "first.xlsx", [row(1), row(2, name="李四", phone="13812340001")])
    assert run(db, "households", first).inserted == 2
    again = tmp_path / "again.xlsx"
    write_list(again, [row(1, lon="#N/A", lat="#N/A"), row(2, name="李四", phone="13812340001")])
    workbook = openpyxl.load_workbook(again)
    sheet = workbook.active
    assert sheet is not None
    sheet["E4"].data_type = sheet["F4"].data_type = "e"  # as Excel stores a #N/A
    sheet["E5"] = "=VLOOKUP(G5,坐标!A:C,2,FALSE)"  # a formula never calculated
    workbook.save(again)

    report = run(db, "households", again, valid_only=True)
    assert [(p.row, p.column, p.value) for p in report.problems] == [
        (4, "E", "#N/A"),
        (4, "F", "#N/A"),
        (5, "E", "=VLOOKUP(G5,坐标!A:C,2,FALSE)"),
    ]
    assert "no value that could be read" in report.problems[0].reason
    stored = households(db)
    assert (stored["张三"]["lon"], stored["张三"]["lat"]) == (121.38, 28.37)
    assert (stored["李四"]["lon"], stored["李四"]["lat"]) == (121.38, 28.37)
