"""`import divisions`: the county's towns and villages from the user's spreadsheet.

Runs on SQLite and, with ECC_TEST_DATABASE_URL, on PostgreSQL (the `db` fixture).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from models.areas import Division
from models.audit import AuditRecord
from models.database import Database
from models.imports import format_report
from models.imports.divisions import import_divisions
from models.imports.report import ImportReport
from models.users import Actor, PermissionDenied
from tests.conftest import ADMIN

STATISTICS_ROWS: list[list[Any]] = [
    # The statistics bureau's form: 12 digits for every level, numbers stored as numbers.
    [331081000000, "温岭市"],
    [331081001000, "太平街道"],
    [331081001001, "东门社区"],
    [331081001002, "西门社区"],
    [331081101000, "石塘镇"],
    [331081101201, "东海村"],
    [331081101202, "里箬村"],
]


def write_xlsx(
    path: Path,
    rows: list[list[Any]],
    *,
    header: list[str] | None = None,
    title: str | None = "温岭市行政区划代码",
    sheet: str = "区划",
) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header or [1, 2]))
    ws.append(header or ["统计用区划代码", "名称"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def run(db: Database, path: Path, actor: Actor = ADMIN, **options: Any) -> ImportReport:
    with db.session(actor) as session:
        return import_divisions(session=session, path=path, **options)


def divisions(db: Database) -> dict[str, tuple[str, str, str | None]]:
    """code -> (name, level, parent code)."""
    with db.session(ADMIN) as session:
        codes = {id_: code for id_, code in session.execute(select(Division.id, Division.code))}
        rows = session.execute(
            select(Division.code, Division.name, Division.level, Division.parent_id)
        ).all()
    return {code: (name, level, codes.get(parent)) for code, name, level, parent in rows}


def count(db: Database) -> int:
    with db.session(ADMIN) as session:
        return session.scalar(select(func.count()).select_from(Division)) or 0


def audit(db: Database) -> list[tuple[str, str, int | None, str | None]]:
    with db.session(ADMIN) as session:
        return [
            tuple(row)  # type: ignore[misc]
            for row in session.execute(
                select(
                    AuditRecord.action,
                    AuditRecord.table_name,
                    AuditRecord.rows,
                    AuditRecord.changes,
                )
                .where(AuditRecord.table_name == "divisions")
                .order_by(AuditRecord.id)
            )
        ]


def problems(report: ImportReport) -> list[tuple[int | None, str | None, str, str]]:
    return [(p.row, p.column, p.value, p.reason) for p in report.problems]


def test_imports_statistics_codes(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "区划.xlsx", STATISTICS_ROWS)
    report = run(db, path)

    assert report.ok, format_report(report)
    assert report.exit_code == 0
    assert report.sheet == "区划"
    assert (report.rows_read, report.rows_written, report.inserted) == (7, 7, 7)
    assert report.checksum == hashlib.sha256(path.read_bytes()).hexdigest()
    assert divisions(db) == {
        "331081": ("温岭市", "county", None),
        "331081001": ("太平街道", "town", "331081"),
        "331081001001": ("东门社区", "village", "331081001"),
        "331081001002": ("西门社区", "village", "331081001"),
        "331081101": ("石塘镇", "town", "331081"),
        "331081101201": ("东海村", "village", "331081101"),
        "331081101202": ("里箬村", "village", "331081101"),
    }
    # One bulk record for the whole import, naming the file and its checksum; no per-row records.
    records = audit(db)
    assert [(action, rows) for action, _, rows, _ in records] == [("bulk", 7)]
    assert json.loads(records[0][3] or "{}") == {"source": "区划.xlsx", "checksum": report.checksum}


def test_short_codes_csv_gbk_with_level_and_parent(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "divisions.csv"
    path.write_bytes(
        (
            "区划代码,区划名称,级别,上级代码\r\n"
            "331081,温岭市,县,\r\n"
            "３３１０８１００１,太平街道,街道,331081\r\n"
            "331081001001,东门社区,社区,331081001000\r\n"
            "合计,3,,\r\n"
        ).encode("gbk")
    )
    report = run(db, path)
    assert report.ok, format_report(report)
    assert report.rows_skipped == 1
    assert divisions(db)["331081001001"] == ("东门社区", "village", "331081001")


def test_english_headers(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "en.csv"
    path.write_text("code,name\n331081,Wenling\n331081001,Taiping\n", encoding="utf-8")
    assert run(db, path).ok
    assert count(db) == 2


def test_refused_rows_write_nothing(db: Database, tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        [331081000000, "温岭市"],  # row 3
        [331081001000, "太平街道"],  # row 4
        ["33108100100X", "坏码村"],  # row 5: not digits
        ["3310810010", "短码村"],  # row 6: wrong length
        [331081001003, ""],  # row 7: empty name
        [331081002001, "无镇村"],  # row 8: town unknown
        [331081001004, "重复村"],  # row 9: duplicate (with row 10)
        ["331081001004", "又一村"],  # row 10
        [331000000000, "台州市"],  # row 11: a city
        [331081001005, "好村"],  # row 12: fine
        [None, None],  # row 13: blank, skipped
    ]
    path = write_xlsx(tmp_path / "bad.xlsx", rows)
    before = count(db)
    report = run(db, path)

    assert not report.ok
    assert report.exit_code == 1
    assert report.rows_written == 0
    assert count(db) == before == 0
    assert audit(db) == []
    assert all(p.file == "bad.xlsx" and p.sheet == "区划" for p in report.problems)
    found = problems(report)
    assert found == [
        (5, "A", "33108100100X", "The code must contain digits only."),
        (
            6,
            "A",
            "3310810010",
            "The code must have 6 digits (county), 9 (town or street) or 12 (village or community), not 10.",
        ),
        (7, "B", "", "The name is empty."),
        (8, "A", "331081002001", "Its town 331081002 is neither in the file nor in the database."),
        (9, "A", "331081001004", "The code 331081001004 appears 2 times in the file."),
        (11, "A", "331000000000", "This is the code of a province or city, not of a county."),
    ]
    text = format_report(report)
    assert (
        'Sheet 区划, row 5, column A, value "33108100100X": The code must contain digits only.'
        in text
    )
    assert "Sheet 区划, row 7, column B (empty): The name is empty." in text
    assert (
        'Sheet 区划, rows 9, 10, column A, value "331081001004": '
        "The code 331081001004 appears 2 times in the file." in text
    )
    assert report.refused_rows == 7  # rows 5 to 11, row 10 under row 9's problem
    assert "Nothing was written" in text


def test_valid_only_writes_good_rows_and_reports_bad(db: Database, tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        [331081000000, "温岭市"],
        [331081001000, ""],  # row 4: town refused
        [331081001001, "东门社区"],  # row 5: its town was refused
        [331081101000, "石塘镇"],
        [331081101201, "东海村"],
    ]
    report = run(db, write_xlsx(tmp_path / "some.xlsx", rows), valid_only=True)
    assert not report.ok
    assert report.rows_written == 3
    assert set(divisions(db)) == {"331081", "331081101", "331081101201"}
    assert problems(report) == [
        (4, "B", "", "The name is empty."),
        (5, "A", "331081001001", "Its parent 331081001 was refused (row 4)."),
    ]
    assert report.refused_rows == 2
    assert [(a, rows) for a, _, rows, _ in audit(db)] == [("bulk", 3)]
    assert "Only the valid rows were imported; 2 rows were refused." in format_report(report)


def test_reimport_updates_names_without_duplicates(db: Database, tmp_path: Path) -> None:
    assert run(db, write_xlsx(tmp_path / "one.xlsx", STATISTICS_ROWS)).ok
    renamed = [list(r) for r in STATISTICS_ROWS]
    renamed[2][1] = "东门社区居委会"
    renamed.append([331081101203, "松门村"])
    report = run(db, write_xlsx(tmp_path / "two.xlsx", renamed))

    assert report.ok, format_report(report)
    assert (report.inserted, report.updated, report.unchanged, report.rows_written) == (1, 1, 6, 2)
    assert count(db) == 8
    assert divisions(db)["331081001001"] == ("东门社区居委会", "village", "331081001")
    assert divisions(db)["331081101203"] == ("松门村", "village", "331081101")
    assert [(a, rows) for a, _, rows, _ in audit(db)] == [("bulk", 7), ("bulk", 2)]

    # The same file again changes nothing, and is still one audit record of the import.
    again = run(db, tmp_path / "two.xlsx")
    assert (again.inserted, again.updated, again.unchanged, again.rows_written) == (0, 0, 8, 0)
    assert count(db) == 8
    assert [(a, rows) for a, _, rows, _ in audit(db)] == [("bulk", 7), ("bulk", 2), ("bulk", 0)]


def test_villages_under_towns_already_in_the_database(db: Database, tmp_path: Path) -> None:
    assert run(db, write_xlsx(tmp_path / "towns.xlsx", STATISTICS_ROWS[:2])).ok
    report = run(db, write_xlsx(tmp_path / "villages.xlsx", [[331081001009, "新村"]]))
    assert report.ok, format_report(report)
    assert divisions(db)["331081001009"] == ("新村", "village", "331081001")


def test_second_county_is_refused(db: Database, tmp_path: Path) -> None:
    assert run(db, write_xlsx(tmp_path / "wenling.xlsx", STATISTICS_ROWS[:2])).ok
    report = run(
        db,
        write_xlsx(
            tmp_path / "yuhuan.xlsx", [[331083000000, "玉环市"], [331083001000, "玉城街道"]]
        ),
    )
    assert problems(report) == [
        (
            3,
            "A",
            "331083000000",
            "The database already holds the county 331081 温岭市; a second county cannot be imported.",
        ),
        (4, "A", "331083001000", "Its parent 331083 was refused (row 3)."),
    ]
    assert count(db) == 2


def test_two_counties_in_one_file(db: Database, tmp_path: Path) -> None:
    report = run(
        db,
        write_xlsx(
            tmp_path / "two.xlsx",
            [[331081, "温岭市"], [331083, "玉环市"], [331082001, "别县街道"]],
            header=["代码", "名称"],
        ),
    )
    assert problems(report) == [
        (4, "A", "331083", "The file holds more than one county; the first is 331081 in row 3."),
        (
            5,
            "A",
            "331082001",
            "The code belongs to the county 331082, not to the county 331081 being imported.",
        ),
    ]
    assert count(db) == 0


def test_towns_without_their_county(db: Database, tmp_path: Path) -> None:
    report = run(
        db, write_xlsx(tmp_path / "towns.xlsx", [[331081001, "太平街道"]], header=["代码", "名称"])
    )
    assert problems(report) == [
        (
            3,
            "A",
            "331081001",
            "Its county 331081 is neither in the file nor in the database: add the county's "
            "row, or name the county (--county 331081 --county-name NAME; in the import "
            "dialog, County code and County name).",
        ),
    ]


def test_level_and_parent_columns_are_checked(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "lv.csv"
    path.write_text(
        "代码,名称,级别,上级代码\n"
        "331081,温岭市,县,\n"
        "331081001,太平街道,村,331081\n"
        "331081001001,东门社区,社区,331081002\n"
        "331081001002,西门社区,某级,\n",
        encoding="utf-8",
    )
    report = run(db, path)
    assert [(p.row, p.column, p.value) for p in report.problems] == [
        (3, "C", "村"),
        (4, "D", "331081002"),
        (5, "C", "某级"),
    ]
    assert "which is the code of a town or street" in report.problems[0].reason
    assert "it should be 331081001" in report.problems[1].reason
    assert count(db) == 0


def test_dry_run_writes_nothing(db: Database, tmp_path: Path) -> None:
    report = run(db, write_xlsx(tmp_path / "dry.xlsx", STATISTICS_ROWS), dry_run=True)
    assert report.ok
    assert (report.inserted, report.rows_written) == (7, 0)
    assert count(db) == 0
    assert audit(db) == []
    assert "Dry run: nothing was written." in format_report(report)


def test_dry_run_with_refusals(db: Database, tmp_path: Path) -> None:
    report = run(db, write_xlsx(tmp_path / "dry.xlsx", [[331081, ""]]), dry_run=True)
    assert report.exit_code == 1
    assert count(db) == 0


def test_viewer_may_not_import(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "v.xlsx", STATISTICS_ROWS)
    with pytest.raises(PermissionDenied):
        run(db, path, actor=Actor(name="viewer", role="viewer"))
    assert count(db) == 0


def test_duty_officer_may_import(db: Database, tmp_path: Path) -> None:
    report = run(
        db, write_xlsx(tmp_path / "d.xlsx", STATISTICS_ROWS), actor=Actor(name="duty", role="duty")
    )
    assert report.ok


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.xlsx", None, "does not exist"),
        ("photo.xlsx", bytes(range(256)) * 8, "not a spreadsheet"),
        ("empty.csv", b"", "The file is empty."),
        ("page.xls", b"<html><table><tr><td>1</td></tr></table></html>", "web page"),
    ],
)
def test_bad_files_are_reported_not_raised(
    db: Database, tmp_path: Path, name: str, content: bytes | None, reason: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    report = run(db, path)
    assert report.file_failed
    assert report.exit_code == 1
    assert len(report.problems) == 1
    assert reason in report.problems[0].reason
    assert "Nothing was imported from this file." in format_report(report)
    assert count(db) == 0


def test_missing_required_column_is_reported(db: Database, tmp_path: Path) -> None:
    report = run(db, write_xlsx(tmp_path / "cols.xlsx", [[331081]], header=["区划代码", "备注"]))
    assert report.file_failed
    problem = report.problems[0]
    assert (problem.sheet, problem.row, problem.column) == ("区划", 2, None)
    assert "名称" in problem.reason


class Cancel:
    def __init__(self, after_calls: int = 0) -> None:
        self.calls = 0
        self.after_calls = after_calls

    @property
    def cancelled(self) -> bool:
        self.calls += 1
        return self.calls > self.after_calls


def test_cancel_before_anything(db: Database, tmp_path: Path) -> None:
    report = run(db, write_xlsx(tmp_path / "c.xlsx", STATISTICS_ROWS), cancel=Cancel())
    assert report.cancelled and not report.ok
    assert report.rows_written == 0
    assert "Cancelled: nothing was written." in format_report(report)
    assert count(db) == 0


def test_cancel_while_writing_leaves_nothing(db: Database, tmp_path: Path) -> None:
    """Cancelled after the county was inserted: the savepoint drops it."""
    rows: list[list[Any]] = [[331081000000, "温岭市"]]
    rows += [[331081001000 + t * 1000, f"镇{t}"] for t in range(1, 4)]
    rows += [[331081001000 + t * 1000 + v, f"村{t}-{v}"] for t in range(1, 4) for v in range(1, 5)]
    path = write_xlsx(tmp_path / "c.xlsx", rows)
    # Checks: 1 before reading, 1 while validating, 1 before writing, then one per batch
    # (county, towns, villages).
    cancel = Cancel(after_calls=4)
    report = run(db, path, cancel=cancel)
    assert cancel.calls == 5  # stopped at the towns, after the county went in
    assert report.cancelled
    assert count(db) == 0
    assert audit(db) == []


def test_progress_reaches_the_end(db: Database, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    report = run(
        db,
        write_xlsx(tmp_path / "p.xlsx", STATISTICS_ROWS),
        progress=lambda d, t: seen.append((d, t)),
    )
    assert report.ok
    assert seen[0][0] == 0
    assert seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    seen.clear()
    run(
        db,
        write_xlsx(tmp_path / "q.xlsx", STATISTICS_ROWS),
        dry_run=True,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen[-1][0] == seen[-1][1] > 0
