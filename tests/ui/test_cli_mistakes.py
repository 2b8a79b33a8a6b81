"""The user's mistakes on the command line, typed as a user would: each a refusal (exit 1)
or a usage error (exit 2) with a message in Chinese naming what was wrong, never
"unexpected error" (exit 3)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from models.database import Database
from models.fields import FieldChecker, as_record_number, record_number, year_number
from models.refusals import InvalidValue
from models.transfers import find_subjects
from tests.cli_helpers import run_main
from tests.conftest import ADMIN
from tests.models.test_transfers import DUTY_A, make_scenario


def _told(result: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    """Exit ``code``, no traceback, no "unexpected error", the words in the message."""
    out = result.stdout + result.stderr
    assert result.returncode == code, out
    assert "Traceback" not in out and "意外错误" not in out, out
    for word in words:
        assert word in out, out


@pytest.fixture(scope="module")
def county(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo county, a copy shared by this module's commands (which write nothing)."""
    import shutil

    folder = tmp_path_factory.mktemp("mistakes")
    shutil.copy(demo_template, folder / "county.sqlite")
    return folder / "county.sqlite"


@pytest.fixture(scope="module")
def village_list(county: Path) -> Path:
    """An empty village list, as the console exports it."""
    path = county.parent / "list.xlsx"
    result = run_main("--db", str(county), "export", "households", "--template", "-o", str(path))
    assert result.returncode == 0, result.stderr
    return path


@pytest.mark.parametrize("year", ["1999", "0", "99999", "20x6"])
def test_a_year_no_register_has_is_a_usage_error(
    year: str, county: Path, village_list: Path, tmp_path: Path
) -> None:
    imported = run_main(
        "--db", str(county), "import", "households", str(village_list), "--year", year
    )
    _told(imported, 2, "--year", "2000", "2100", year)
    exported = run_main(
        "--db",
        str(county),
        "export",
        "households",
        "--village",
        "331081001001",
        "--year",
        year,
        "-o",
        str(tmp_path / "out.xlsx"),
    )
    _told(exported, 2, "--year", year)
    assert not (tmp_path / "out.xlsx").exists()


@pytest.mark.parametrize(
    ("kind", "crs"),
    [
        ("households", "EPSG:4549"),
        ("households", "FOO"),
        ("shelters", "FOO"),
        ("grids", "EPSG:999999"),
    ],
)
def test_an_unknown_coordinate_system_is_a_usage_error(
    kind: str, crs: str, county: Path, tmp_path: Path
) -> None:
    path = tmp_path / "data.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    result = run_main("--db", str(county), "import", kind, str(path), "--crs", crs)
    _told(result, 2, "未知的坐标系", crs, "wgs84")


def test_numbers_no_record_can_have(county: Path, tmp_path: Path) -> None:
    huge = "9" * 25
    reach = run_main(
        "--db", str(county), "map", "reach", "--typhoon", huge, "-o", str(tmp_path / "r.xlsx")
    )
    _told(reach, 1, huge, "台风")
    rollup = run_main(
        "--db",
        str(county),
        "print",
        "transfer-rollup",
        "--event",
        huge,
        "-o",
        str(tmp_path / "r.pdf"),
    )
    _told(rollup, 2, "--event", "2147483647")
    arrivals = run_main(
        "--db",
        str(county),
        "print",
        "shelter-arrivals",
        "--event",
        "1",
        "--shelter",
        "-3",
        "-o",
        str(tmp_path / "a.pdf"),
    )
    assert arrivals.returncode == 2 and "Traceback" not in arrivals.stderr
    screenshot = run_main(
        "--db",
        str(county),
        "screenshot",
        "register",
        "--size",
        "99999999x99999999",
        "-o",
        str(tmp_path / "s.png"),
    )
    _told(screenshot, 2, "--size", "8000")


def test_an_output_file_that_cannot_be_written_is_refused_naming_it(
    county: Path, tmp_path: Path
) -> None:
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("not a folder")
    through_a_file = str(a_file / "list.xlsx")
    result = run_main(
        "--db", str(county), "export", "households", "--template", "-o", through_a_file
    )
    _told(result, 1, through_a_file, "无法写入")
    folder = run_main("--db", str(county), "map", "export", "-o", str(tmp_path))
    _told(folder, 1, str(tmp_path), "文件夹")
    proc = run_main(
        "--db",
        str(county),
        "print",
        "transfer-list",
        "--village",
        "331081001001",
        "-o",
        "/proc/list.pdf",
    )
    _told(proc, 1, "/proc/list.pdf")
    full = run_main(
        "--db",
        str(county),
        "print",
        "transfer-list",
        "--village",
        "331081001001",
        "-o",
        "/dev/full",
    )
    _told(full, 1, "/dev/full", "磁盘已满")
    full_sheet = run_main(
        "--db", str(county), "export", "households", "--template", "-o", "/dev/full"
    )
    _told(full_sheet, 1, "/dev/full", "磁盘已满")


def test_a_malformed_database_url_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    for url in ("postgresql://wang:secret@host:notaport/ecc", "mysql+nodriver://x/y", "://"):
        result = run_main("--db", url, "db", "check")
        _told(result, 2, "--db" if url == "://" else url.split("@")[-1])
        assert "secret" not in result.stdout + result.stderr
    nobody_listens = run_main(
        "--db",
        "postgresql://wang:secret@127.0.0.1:1/ecc",
        "--user",
        "wang",
        "db",
        "check",
        env={"ECC_PASSWORD": "long-secret"},
    )
    _told(nobody_listens, 1, "127.0.0.1:1/ecc")
    assert "secret" not in nobody_listens.stdout + nobody_listens.stderr


def test_a_user_name_too_long_is_refused_on_both_backends(db_url: str) -> None:
    name = "张" * 41
    assert run_main("--db", db_url, "db", "upgrade").returncode == 0  # PostgreSQL: the owner's
    result = run_main("--db", db_url, "user", "add", name, "--role", "admin", stdin="long-secret\n")
    _told(result, 1, "40")
    ok = run_main(
        "--db", db_url, "user", "add", "张" * 40, "--role", "admin", stdin="long-secret\n"
    )
    _told(ok, 0)


def test_a_nul_in_a_search_finds_what_the_search_without_it_finds(db: Database) -> None:
    make_scenario(db)
    with db.session(DUTY_A) as session:
        for query in ("张\x00", "\x00zs", "56\x0078", "\x00"):
            clean = query.replace("\x00", "")
            assert [r.name for r in find_subjects(session=session, query=query)] == [
                r.name for r in find_subjects(session=session, query=clean)
            ]
        assert [r.name for r in find_subjects(session=session, query="张\x00三")] == ["张三"]


def test_values_checked_the_one_way() -> None:
    assert year_number(" 2026 ") == 2026
    for bad in ("1999", "0", "99999", "２０２６", "", "2026.0"):
        with pytest.raises(InvalidValue):
            year_number(bad)
    assert record_number("12") == 12
    for bad in ("0", "-1", "9" * 30, "2147483648", "1e3", "١٢"):
        assert as_record_number(bad) is None
        with pytest.raises(InvalidValue):
            record_number(bad)
    checker = FieldChecker()
    checker.text("name", "张\x00三", 40)
    assert checker.problems and "NUL" in checker.problems[0][1]


def test_the_same_mistakes_in_process_are_refusals(db: Database, tmp_path: Path) -> None:
    """The import dialog gives options without the command line's checks: the framework
    refuses the same values."""
    from models.imports.framework import import_file

    path = tmp_path / "list.csv"
    path.write_text("序号,户主姓名\n1,张三\n", encoding="utf-8")
    with db.session(ADMIN) as session:
        for options in ({"year": 1999}, {"year": 99999}, {"crs": "EPSG:4549"}):
            with pytest.raises(InvalidValue):
                import_file("households", session=session, path=path, **options)


def test_a_nul_in_a_login_name_is_a_wrong_name_on_both_backends(db: Database) -> None:
    from models.users import LoginRefused, authenticate, create_user

    with db.session(None, write=True) as session:
        create_user(session=session, name="chief", role="admin", password="long-secret")
    with db.session(None, write=True) as session, pytest.raises(LoginRefused):
        authenticate(session=session, name="chi\x00ef", password="long-secret")
    with db.session(None, write=True) as session:
        assert authenticate(session=session, name="chief", password="long-secret").name == "chief"
