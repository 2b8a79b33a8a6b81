"""Reading spreadsheets and cleaning cells: what every import builds on."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from models.imports.problems import ImportFileError
from models.imports.spreadsheet import (
    Column,
    clean_text,
    clean_texts,
    column_letter,
    half_width,
    is_blank_row,
    is_note_row,
    is_total_row,
    number_text,
    number_texts,
    parse_cell_date,
    parse_count,
    read_table,
    read_workbook,
)

HOUSEHOLD_COLUMNS = (
    Column("seq", ("序号",)),
    Column("zone", ("危险区(点)名称", "危险区名称"), required=True),
    Column("head", ("户主姓名",), required=True),
    Column("people", ("居住人数",)),
    Column("mobile", ("户主手机",)),
    Column("person_name", ("责任人姓名",)),
    Column("person_post", ("责任人职务",)),
    Column("person_phone", ("责任人手机",)),
    Column("warn_name", ("预警责任人姓名",)),
    Column("warn_phone", ("预警责任人手机",)),
)
SIMPLE_COLUMNS = (
    Column("code", ("代码", "code"), required=True),
    Column("name", ("名称",), required=True),
)


def write_xlsx(path: Path, rows: list[list[Any]], *, title: str = "Sheet1") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


# -- cell helpers ---------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "letters"),
    [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ"), (702, "AAA")],
)
def test_column_letter(index: int, letters: str) -> None:
    assert column_letter(index) == letters


def test_half_width_digits_letters_and_spaces() -> None:
    assert half_width("１３９ＡＢｃ\u3000") == "139ABc "
    # Full-width punctuation is data as entered.
    assert half_width("城东街道（开发区）") == "城东街道（开发区）"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("\u3000张  三\xa0", "张三"),
        ("  Li   Ming ", "Li Ming"),
        ("东门\u200b社区", "东门社区"),
        ("１２号", "12号"),
        (3.0, "3"),
        (120.123456, "120.123456"),
        (1e-07, "0.0000001"),
        (None, ""),
        ("", ""),
        ("   ", ""),
    ],
)
def test_clean_text(value: Any, text: str) -> None:
    assert clean_text(value) == text


def test_clean_text_dates() -> None:
    from datetime import date, datetime

    assert clean_text(date(2026, 7, 1)) == "2026-07-01"
    assert clean_text(datetime(2026, 7, 1)) == "2026-07-01"
    assert clean_text(datetime(2026, 7, 1, 8, 30)) == "2026-07-01 08:30"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (13912345678.0, "13912345678"),
        (1.3912345678e10, "13912345678"),
        ("1.3912345678E10", "13912345678"),
        ("1.3912345678E+10", "13912345678"),
        ("13912345678.0", "13912345678"),
        (331081001001.0, "331081001001"),
        (" 139 1234 5678 ", "13912345678"),
        ("１３９１２３４５６７８", "13912345678"),
        ("0576-86123456", "0576-86123456"),
        ("003", "003"),
        (7, "7"),
        # Excel's narrow-column display lost digits: kept as it is, so validation refuses it.
        ("1.39123E+10", "1.39123E+10"),
    ],
)
def test_number_text(value: Any, text: str) -> None:
    assert number_text(value) == text


# Cells of every kind a column may mix, for the column helpers.
MIXED_CELLS: list[Any] = [
    "张三",
    "\u3000张  三\xa0",
    "  Li   Ming ",
    "东门\u200b社区",
    "１２号",
    "a\tb",
    "x\x1fy",
    "网格长",
    "网格长",
    "",
    "   ",
    None,
    3.0,
    7,
    True,
    120.123456,
    float("nan"),
    "13912345678",
    " 139 1234 5678 ",
    "1.3912345678E10",
    "1.39123E+10",
    "0576-86123456",
    "１３９１２３４５６７８",
]


@pytest.mark.parametrize(
    "cells",
    [
        MIXED_CELLS,
        ["张三", "李四", "", "网格长", "网格长", "东门社区1号"],  # a clean column, as most are
        ["13912345678", "", "13812340001"],
        [3.0, 4.0, None],
    ],
)
def test_column_helpers_clean_each_cell_as_alone(cells: list[Any]) -> None:
    cache: dict[str, str] = {}
    assert clean_texts(cells, cache) == [clean_text(cell) for cell in cells]
    assert clean_texts(cells, cache) == [clean_text(cell) for cell in cells]  # from the cache
    numbers: dict[str, str] = {}
    assert number_texts(cells, numbers) == [number_text(cell) for cell in cells]
    assert number_texts(cells, numbers) == [number_text(cell) for cell in cells]


@pytest.mark.parametrize(
    ("value", "count"),
    [
        (3, 3),
        (3.0, 3),
        ("3", 3),
        ("3人", 3),
        ("３ 户", 3),
        ("12 人", 12),
        ("0", 0),
        ("", None),
        (None, None),
        ("  ", None),
    ],
)
def test_parse_count(value: Any, count: int | None) -> None:
    assert parse_count(value) == count


@pytest.mark.parametrize("value", ["3.5", 3.5, -1, "-1", "若干", "3人4户", True])
def test_parse_count_refuses(value: Any) -> None:
    with pytest.raises(ValueError):
        parse_count(value)


@pytest.mark.parametrize(
    "value",
    [
        "2025-06-30",
        "2025/6/30",
        "2025.6.30",
        "2025年6月30日",
        "2025 年 6 月 30 日",
        "20250630",
        "２０２５－０６－３０",
        "\u30002025/06/30\u00a0",
        "2025-06-30 00:00:00",
        20250630,
        20250630.0,
        45838,
        45838.0,
        "45838",
        date(2025, 6, 30),
        datetime(2025, 6, 30, 14, 30),
    ],
)
def test_parse_cell_date(value: Any) -> None:
    assert parse_cell_date(value) == date(2025, 6, 30)


@pytest.mark.parametrize(
    "value", ["2025.2.30", "2025-13-01", "明年", "30/06/2025", 45838.5, -3, True, 10**9, "2025-06"]
)
def test_parse_cell_date_refuses(value: Any) -> None:
    with pytest.raises(ValueError):
        parse_cell_date(value)


def test_parse_cell_date_blank_and_serials() -> None:
    assert parse_cell_date(None) is None and parse_cell_date(" \u3000") is None
    with pytest.raises(ValueError):
        parse_cell_date(45838, serials=None)
    with pytest.raises(ValueError):
        parse_cell_date("45838", serials=(20_000, 40_000))
    assert parse_cell_date("20250630", serials=None) == date(2025, 6, 30)


def test_row_kinds() -> None:
    assert is_blank_row(["", None, "  ", "\u3000"])
    assert not is_blank_row(["", 0.0])
    assert is_total_row(["合计", "", 641])
    assert is_total_row(["", "总 计：", 12])
    assert is_total_row([None, "小计", 3])
    assert not is_total_row(["1", "合计村", "x"])
    assert is_note_row(["注：本表由村委会填写", ""])
    assert is_note_row(["填表人:张三", "", "联系电话：139"])
    assert not is_note_row(["1", "注意事项"])


# -- tables ---------------------------------------------------------------


def test_title_rows_and_merged_two_row_header(tmp_path: Path) -> None:
    """The village transfer list: a title row, then 责任人 merged over 姓名/职务/手机."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "转移清单"
    ws["A1"] = "东门村2026年危险区人员转移清单"
    ws.merge_cells("A1:L1")
    top = [
        "序号",
        "危险区（点）\n名称",
        "户主姓名",
        "居住人数",
        "户主手机",
        "责任人",
        None,
        None,
        "预警责任人",
        None,
        None,
        "备注",
    ]
    sub = [None, None, None, None, None, "姓名", "职务", "手机", "姓名", "职务", "手机", None]
    for c, value in enumerate(top, start=1):
        ws.cell(row=2, column=c, value=value)
    for c, value in enumerate(sub, start=1):
        ws.cell(row=3, column=c, value=value)
    for col in "ABCDEL":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("F2:H2")
    ws.merge_cells("I2:K2")
    ws.append(
        [
            1,
            "后山塘",
            "张 三",
            "3人",
            13912345678,
            "李四",
            "村委委员",
            13800000001,
            "王五",
            "监测员",
            13800000002,
            "",
        ]
    )
    ws.append([])
    ws.append(
        [
            2,
            "后山塘",
            "赵六",
            2,
            "1.3912345679E10",
            "李四",
            "村委委员",
            13800000001,
            "王五",
            "监测员",
            13800000002,
            "",
        ]
    )
    ws.append(["合计", None, None, 5])
    ws.append(["填表人：张三"])
    wb.save(tmp_path / "list.xlsx")

    table = read_table(tmp_path / "list.xlsx", HOUSEHOLD_COLUMNS)
    assert table.sheet == "转移清单"
    assert table.header_rows == (2, 3)
    assert table.letter("zone") == "B"
    assert table.letter("person_name") == "F"
    assert table.letter("person_post") == "G"
    assert table.letter("person_phone") == "H"
    assert table.letter("warn_name") == "I"
    assert table.letter("warn_phone") == "K"
    assert [row.number for row in table.rows] == [4, 6]
    assert table.skipped == 2
    first, second = table.rows
    assert table.text(first, "head") == "张三"
    assert parse_count(table.cell(first, "people")) == 3
    assert number_text(table.cell(first, "mobile")) == "13912345678"
    assert number_text(table.cell(second, "mobile")) == "13912345679"
    assert number_text(table.cell(first, "warn_phone")) == "13800000002"
    assert len(table.checksum) == 64


def test_table_not_starting_at_a1(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["C3"] = "代码"
    ws["D3"] = "名称"
    ws["C4"] = "331081"
    ws["D4"] = "温岭市"
    wb.save(tmp_path / "offset.xlsx")
    table = read_table(tmp_path / "offset.xlsx", SIMPLE_COLUMNS)
    assert table.header_rows == (3,)
    assert table.letter("code") == "C"
    assert [row.number for row in table.rows] == [4]
    assert table.text(table.rows[0], "name") == "温岭市"


def test_picks_the_sheet_with_the_columns(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "填表说明"
    wb.active["A1"] = "请按模板填写"
    data = wb.create_sheet("数据")
    data.append(["代码", "名称"])
    data.append(["331081", "温岭市"])
    wb.save(tmp_path / "two.xlsx")
    table = read_table(tmp_path / "two.xlsx", SIMPLE_COLUMNS)
    assert table.sheet == "数据"
    assert len(table.rows) == 1


def test_sheet_chosen_by_name(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["代码", "名称"])
    wb.active.append(["1", "甲"])
    other = wb.create_sheet("乙表")
    other.append(["代码", "名称"])
    other.append(["2", "乙"])
    wb.save(tmp_path / "named.xlsx")
    table = read_table(tmp_path / "named.xlsx", SIMPLE_COLUMNS, sheet="乙表")
    assert table.text(table.rows[0], "name") == "乙"
    with pytest.raises(ImportFileError) as caught:
        read_table(tmp_path / "named.xlsx", SIMPLE_COLUMNS, sheet="丙表")
    assert caught.value.problem.reason == "The file has no sheet named 丙表."


def test_hidden_sheet_only_when_no_visible_one_fits(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    hidden = wb.active
    hidden.title = "隐藏"
    hidden.append(["代码", "名称"])
    hidden.append(["1", "隐藏行"])
    hidden.sheet_state = "hidden"
    shown = wb.create_sheet("数据")
    shown.append(["代码", "名称"])
    shown.append(["2", "可见行"])
    wb.save(tmp_path / "hidden.xlsx")
    assert read_table(tmp_path / "hidden.xlsx", SIMPLE_COLUMNS).sheet == "数据"


def test_header_names_with_marks_and_spaces(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "marks.xlsx", [["*代 码", "名称（必填）"], ["331081", "温岭市"]])
    table = read_table(tmp_path / "marks.xlsx", SIMPLE_COLUMNS)
    assert table.columns == {"code": 0, "name": 1}


def test_repeated_header_rows_are_skipped(tmp_path: Path) -> None:
    write_xlsx(
        tmp_path / "rep.xlsx",
        [["代码", "名称"], ["331081", "温岭市"], ["代码", "名称"], ["331081001", "太平街道"]],
    )
    table = read_table(tmp_path / "rep.xlsx", SIMPLE_COLUMNS)
    assert [row.number for row in table.rows] == [2, 4]
    assert table.skipped == 1


def test_csv_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes("代码,名称\n331081,温岭市\n\n331081001,太平街道\n".encode("utf-8-sig"))
    table = read_table(path, SIMPLE_COLUMNS)
    assert table.sheet == "d"
    assert [(r.number, table.text(r, "name")) for r in table.rows] == [
        (2, "温岭市"),
        (4, "太平街道"),
    ]


def test_csv_gbk(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("代码,名称\r\n331081,温岭市\r\n".encode("gbk"))
    table = read_table(path, SIMPLE_COLUMNS)
    assert table.text(table.rows[0], "name") == "温岭市"


def test_utf16_tab_text(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("代码\t名称\r\n331081\t温岭市\r\n".encode("utf-16"))
    table = read_table(path, SIMPLE_COLUMNS)
    assert table.text(table.rows[0], "code") == "331081"


def test_csv_two_row_header_without_merges(tmp_path: Path) -> None:
    path = tmp_path / "two.csv"
    path.write_text(
        "序号,危险区名称,户主姓名,责任人,,\n,,,姓名,职务,手机\n1,后山塘,张三,李四,委员,13800000001\n",
        encoding="utf-8",
    )
    table = read_table(path, HOUSEHOLD_COLUMNS)
    assert table.header_rows == (1, 2)
    assert table.letter("person_post") == "E"
    assert table.text(table.rows[0], "person_phone") == "13800000001"


# -- file-level problems: each one a clear reason, never a traceback ---------


def file_error(path: Path, columns: tuple[Column, ...] = SIMPLE_COLUMNS) -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        read_table(path, columns)
    problem = caught.value.problem
    assert problem.file == path.name
    assert problem.column is None
    return caught.value


def test_missing_file(tmp_path: Path) -> None:
    error = file_error(tmp_path / "nope.xlsx")
    assert "does not exist" in error.problem.reason


def test_folder_instead_of_file(tmp_path: Path) -> None:
    (tmp_path / "dir.xlsx").mkdir()
    assert "folder" in file_error(tmp_path / "dir.xlsx").problem.reason


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.xlsx").write_bytes(b"")
    assert file_error(tmp_path / "empty.xlsx").problem.reason == "The file is empty."


def test_not_a_spreadsheet(tmp_path: Path) -> None:
    (tmp_path / "photo.xlsx").write_bytes(bytes(range(256)) * 20)
    assert "not a spreadsheet" in file_error(tmp_path / "photo.xlsx").problem.reason
    (tmp_path / "notes.docx").write_text("hello", encoding="utf-8")
    assert "not a spreadsheet" in file_error(tmp_path / "notes.docx").problem.reason


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "archive.xlsx", "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    reason = file_error(tmp_path / "archive.xlsx").problem.reason
    assert "not a spreadsheet" in reason or "damaged" in reason


def test_truncated_xlsx(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "cut.xlsx", [["代码", "名称"], ["331081", "温岭市"]])
    path.write_bytes(path.read_bytes()[:1500])
    error = file_error(path)
    assert "damaged" in error.problem.reason
    assert len(error.checksum) == 64


def test_web_page_saved_as_xls(tmp_path: Path) -> None:
    (tmp_path / "export.xls").write_text(
        "<html><body><table><tr><td>代码</td></tr></table></body></html>", encoding="utf-8"
    )
    assert "web page" in file_error(tmp_path / "export.xls").problem.reason


def test_password_protected_xlsx(tmp_path: Path) -> None:
    """An encrypted OOXML file is an OLE container with an EncryptionInfo stream.

    No library here writes encrypted workbooks, so this is a stand-in with the same
    signature: the OLE magic and the stream's directory name.
    """
    fake = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504) + "EncryptionInfo".encode("utf-16-le")
    (tmp_path / "locked.xlsx").write_bytes(fake + bytes(2048))
    assert "password" in file_error(tmp_path / "locked.xlsx").problem.reason


def test_empty_sheet(tmp_path: Path) -> None:
    openpyxl.Workbook().save(tmp_path / "blank.xlsx")
    error = file_error(tmp_path / "blank.xlsx")
    assert error.problem.reason == "The sheet is empty."
    assert error.problem.sheet == "Sheet"


def test_missing_required_columns(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "cols.xlsx", [["标题"], ["代码", "备注"], ["331081", "x"]], title="区划")
    problem = file_error(tmp_path / "cols.xlsx").problem
    assert problem.sheet == "区划"
    assert problem.row == 2
    assert "名称" in problem.reason
    assert "required" in problem.reason


def test_no_header_at_all(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "none.xlsx", [["甲", "乙"], [1, 2]])
    problem = file_error(tmp_path / "none.xlsx").problem
    assert "代码" in problem.reason and "名称" in problem.reason


def test_header_without_rows(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "head.xlsx", [["代码", "名称"], ["合计", ""]])
    problem = file_error(tmp_path / "head.xlsx").problem
    assert problem.reason == "There are no data rows under the header."
    assert problem.row == 1


def test_unknown_encoding(tmp_path: Path) -> None:
    (tmp_path / "bad.csv").write_bytes(b"\x81\x30\xff\xfe\x80" * 10 + b"\n")
    reason = file_error(tmp_path / "bad.csv").problem.reason
    assert "UTF-8" in reason or "not a spreadsheet" in reason


def test_read_workbook_checksum_is_sha256(tmp_path: Path) -> None:
    import hashlib

    path = write_xlsx(tmp_path / "a.xlsx", [["代码", "名称"], ["331081", "温岭市"]])
    assert read_workbook(path).checksum == hashlib.sha256(path.read_bytes()).hexdigest()
