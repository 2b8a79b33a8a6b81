"""`import divisions` of the statistics bureau's list (统计用区划代码和城乡划分代码).

The list as published for a county: 12-digit codes, the urban-rural class code of the
villages (111 main urban area … 220 village), the names, and no row for the county
itself; a development zone (town code 400) among the towns. Built here as CSV and .xlsx;
runs on SQLite and, with ECC_TEST_DATABASE_URL, on PostgreSQL (the `db` fixture).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import select

from models.areas import Division
from models.checks import check_database
from models.database import Database
from models.imports import format_report
from models.imports.divisions import import_divisions
from models.imports.report import ImportReport
from tests.cli_helpers import run_main
from tests.conftest import ADMIN

TOWNS = {
    "001": "太平街道",
    "101": "石塘镇",
    "102": "松门镇",
    "400": "温岭经济开发区",  # a development zone: not a town, holds communities
}
VILLAGES_PER_TOWN = 30


def statistics_rows() -> list[list[Any]]:
    """Code, urban-rural class, name: as the bureau's pages list a county's towns and
    villages, the county's own row absent."""
    rows: list[list[Any]] = []
    for town, name in TOWNS.items():
        rows.append([f"331081{town}000", "", name])
        for n in range(1, VILLAGES_PER_TOWN + 1):
            klass = "111" if town in ("001", "400") else "220"
            kind = "社区居委会" if klass == "111" else "村委会"
            rows.append([f"331081{town}{n:03d}", klass, f"{name[:2]}{n}{kind}"])
    return rows


HEADER = ["统计用区划代码", "城乡分类代码", "名称"]


def write_csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(statistics_rows())
    return path


def write_xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2023年统计用区划代码"
    sheet.append(HEADER)
    for code, klass, name in statistics_rows():
        sheet.append([int(code), int(klass) if klass else None, name])
    book.save(path)
    return path


def run(db: Database, path: Path, **options: Any) -> ImportReport:
    with db.session(ADMIN) as session:
        return import_divisions(session=session, path=path, **options)


def stored(db: Database) -> dict[str, tuple[str, str]]:
    with db.session(ADMIN) as session:
        return {
            code: (name, level)
            for code, name, level in session.execute(
                select(Division.code, Division.name, Division.level)
            )
        }


def test_a_list_without_its_county_is_refused_once_with_the_count(
    db: Database, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "统计用区划代码.csv")
    total = len(statistics_rows())

    report = run(db, path)

    assert report.rows_written == 0 and stored(db) == {}
    assert len(report.problems) == 1, format_report(report)
    [problem] = report.problems
    assert problem.row == 2 and problem.reason.startswith(
        "Its county 331081 is neither in the file nor in the database"
    )
    assert "--county 331081 --county-name" in problem.reason
    assert len(problem.rows) == total == report.refused_rows
    text = format_report(report)
    assert text.count("Its county 331081") == 1
    assert f"({total} rows in all)" in text
    assert len(text.splitlines()) < 12  # one line for the cause, not one per row


def test_naming_the_county_imports_the_list(db: Database, tmp_path: Path) -> None:
    report = run(
        db, write_xlsx(tmp_path / "统计用区划代码.xlsx"), county="331081", county_name="温岭市"
    )

    assert report.ok, format_report(report)
    held = stored(db)
    assert held["331081"] == ("温岭市", "county")
    assert held["331081001"] == ("太平街道", "town")
    assert held["331081101030"] == ("石塘30村委会", "village")
    assert len(held) == 1 + len(TOWNS) * (1 + VILLAGES_PER_TOWN)
    assert report.inserted == len(held)
    # The development zone is a town-level division holding its communities, and the
    # report says so.
    assert held["331081400"] == ("温岭经济开发区", "town")
    assert held["331081400001"] == ("温岭1社区居委会", "village")
    text = format_report(report)
    assert (
        "1 development zones or similar units (town codes 400 to 599: 331081400 温岭经济开发区)"
        in text
    )
    assert "城乡分类代码" in text  # the class column is listed as not read
    with db.session(ADMIN) as session:
        assert check_database(session=session) == []

    # Importing it again changes nothing; the county is named by the database now.
    again = run(db, tmp_path / "统计用区划代码.xlsx", county="331081")
    assert again.ok and again.unchanged == len(held) and again.rows_written == 0


def test_a_name_alone_takes_the_code_the_list_shares(db: Database, tmp_path: Path) -> None:
    report = run(db, write_csv(tmp_path / "list.csv"), county_name="温岭市")
    assert report.ok, format_report(report)
    assert stored(db)["331081"] == ("温岭市", "county")


def test_a_county_named_wrongly_is_refused_as_a_whole(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv")
    new_without_name = run(db, path, county="331081")
    assert new_without_name.file_failed
    assert "--county-name" in new_without_name.problems[0].reason

    other = run(db, path, county="331083", county_name="玉环市")
    assert other.rows_written == 0 and stored(db) == {}
    # Every row belongs to another county: one cause, one line.
    assert len(other.problems) == 1
    assert "not to the county 331083 being imported" in other.problems[0].reason

    assert run(db, path, county="331081", county_name="温岭市").ok
    second = run(db, path, county="331083", county_name="玉环市")
    assert second.file_failed
    assert "already holds the county 331081 温岭市" in second.problems[0].reason


def test_the_command_line_as_typed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    path = str(write_csv(tmp_path / "统计用区划代码.csv"))
    refused = run_main("--lang", "en", "--db", url, "import", "divisions", path)
    assert refused.returncode == 1, refused.stderr
    assert refused.stdout.count("Its county 331081") == 1
    assert "Traceback" not in refused.stderr

    done = run_main(
        "--db", url, "import", "divisions", path, "--county", "331081", "--county-name", "温岭市"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "开发区" in done.stdout
    checked = run_main("--db", url, "db", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
