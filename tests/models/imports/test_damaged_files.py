"""The damaged-file contract, for every import kind: a damaged, absurd or hostile file ends
the import with exit 0 or 1 (4 when only the valid rows were written), never a crash; a
refusal writes nothing; what is written leaves ``db check`` passing; and a file under
10 MB costs under 1 GB of memory.

The corpus (``tests/models/imports/damaged_files.py``) is made from the demo county. Each
file is imported in-process through the framework into the demo county, in a unit of work
rolled back afterwards, so every file meets the same database; a few go through the
command line as typed.
"""

from __future__ import annotations

import resource
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import models.all_tables  # noqa: F401  (every table in Base.metadata)
from models.areas import Grid
from models.base import Base
from models.checks import check_database
from models.database import Database
from models.imports.framework import import_file
from models.imports.registry import import_kinds
from tests.cli_helpers import run_main
from tests.conftest import ADMIN
from tests.models.imports.damaged_files import Case, corpus
from tests.models.imports.test_gis import (  # noqa: F401  (county: a fixture)
    EAST_VILLAGE,
    GRID_TRUTH,
    county,
    run,
    write_geojson,
)

pytestmark = pytest.mark.timeout(
    300
)  # the corpus is made in the first test's setup, each kind imported in its own test

MIN_FILES_PER_KIND = 20
MIN_FILES = 300
MEMORY_LIMIT = 1024 * 1024 * 1024
SMALL_FILE = 10 * 1024 * 1024


KEEP_VILLAGES = 4
"""The county is cut down to its first town's first villages, so that ``db check`` after
each accepted file costs a tenth of a second rather than a second."""


def _cut_down(path: Path) -> None:
    """The demo county with one town of ``KEEP_VILLAGES`` villages and what lies in them."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        town = conn.execute(
            "SELECT id FROM divisions WHERE level = 'town' ORDER BY code LIMIT 1"
        ).fetchone()[0]
        villages = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM divisions WHERE parent_id = ? ORDER BY code LIMIT ?",
                (town, KEEP_VILLAGES),
            )
        ]
        keep = ",".join(str(i) for i in [town, *villages])
        conn.execute(f"DELETE FROM divisions WHERE level != 'county' AND id NOT IN ({keep})")
        for table in (
            "grids",
            "shelters",
            "working_group_members",
            "danger_zones",
            "households",
            "transfer_objects",
        ):
            conn.execute(f"DELETE FROM {table} WHERE village_id NOT IN ({keep})")
        for table in ("households", "transfer_objects"):
            conn.execute(
                f"UPDATE {table} SET shelter_id = NULL "
                "WHERE shelter_id NOT IN (SELECT id FROM shelters)"
            )
        conn.execute(
            "DELETE FROM text_index WHERE kind = 'household_name'"
            " AND row_id NOT IN (SELECT id FROM households)"
        )
        conn.execute(
            "UPDATE supply_warehouses SET division_id = NULL "
            "WHERE division_id NOT IN (SELECT id FROM divisions)"
        )
        conn.execute(
            "UPDATE teams SET division_id = NULL WHERE division_id NOT IN (SELECT id FROM divisions)"
        )
    with sqlite3.connect(path) as conn:
        conn.execute("VACUUM")


@pytest.fixture(scope="module")
def damaged(
    demo_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, list[Case]]]:
    """The demo county (a copy for this module) and the corpus made from it."""
    directory = tmp_path_factory.mktemp("damaged")
    shutil.copy(demo_template, directory / "county.sqlite")
    _cut_down(directory / "county.sqlite")
    db = Database(f"sqlite:///{directory / 'county.sqlite'}")
    with db.session(ADMIN) as session:
        assert check_database(session=session) == []
        cases = corpus(session, directory)
    yield db, cases
    db.dispose()


def _counts(session: Session) -> dict[str, int]:
    """Rows of every table: a refused import leaves them all as they were (an update is
    counted too, through its audit record). One statement counts them all."""
    tables = Base.metadata.sorted_tables
    counts = session.execute(
        select(*(select(func.count()).select_from(t).scalar_subquery() for t in tables))
    ).one()
    return {table.name: count or 0 for table, count in zip(tables, counts, strict=True)}


def _rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


def _peak_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _check(db: Database, case: Case, *, valid_only: bool = False) -> str | None:
    """What breaks the contract for this file, or None."""
    rss, peak = _rss_bytes(), _peak_bytes()
    with db.session(ADMIN, write=True) as session:
        before = _counts(session)
        try:
            report = import_file(
                case.kind, session=session, path=case.path, valid_only=valid_only, **case.options
            )
        except Exception as error:  # the contract: never a crash
            session.rollback()
            return f"raised {type(error).__name__}: {str(error)[:300]}"
        try:
            after = _counts(session)
            exit_code = int(report.exit_code)
            allowed = {0, 1, 4} if valid_only else {0, 1}
            if exit_code not in allowed:
                return f"exit {exit_code}"
            if exit_code == 1 and not valid_only and before != after:
                changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
                return f"refused, yet wrote {changed}"
            if report.rows_written and (problems := check_database(session=session)):
                return f"written, then db check: {problems[:3]}"
        finally:
            session.rollback()
    grown = _peak_bytes() - rss if _peak_bytes() > peak else 0
    if case.path.is_file() and case.path.stat().st_size < SMALL_FILE and grown > MEMORY_LIMIT:
        return f"used {grown / 2**20:.0f} MB"
    return None


@pytest.fixture(scope="module")
def outcomes(damaged: tuple[Database, list[Case]]) -> Callable[[str], dict[str, str | None]]:
    """One kind's files imported when its test first asks (each test's time is its own
    kind's, not the whole corpus's), every seventh again with "only the valid rows"."""
    db, cases = damaged
    done: dict[str, dict[str, str | None]] = {}

    def of_kind(kind: str) -> dict[str, str | None]:
        if kind not in done:
            started = time.perf_counter()
            mine = [case for case in cases if case.kind == kind]
            results = {case.id: _check(db, case) for case in mine}
            for case in mine[::7]:
                results[case.id + "+valid-only"] = _check(db, case, valid_only=True)
            print(
                f"\n{len(mine)} damaged {kind} files imported in {time.perf_counter() - started:.1f} s"
            )
            done[kind] = results
        return done[kind]

    return of_kind


@pytest.mark.parametrize("kind", [kind.key for kind in import_kinds()])
def test_every_damaged_file_ends_in_a_report(
    kind: str, outcomes: Callable[[str], dict[str, str | None]]
) -> None:
    failures = {case: why for case, why in outcomes(kind).items() if why}
    assert failures == {}


def test_every_import_kind_has_its_damaged_files(damaged: tuple[Database, list[Case]]) -> None:
    """A new import kind joins the corpus: ``damaged_files.sound_tables`` makes its sound file."""
    _db, cases = damaged
    per_kind: dict[str, int] = {kind.key: 0 for kind in import_kinds()}
    for case in cases:
        per_kind[case.kind] = per_kind.get(case.kind, 0) + 1
    assert {k: n for k, n in per_kind.items() if n < MIN_FILES_PER_KIND} == {}
    assert len(cases) >= MIN_FILES


CLI_CASES = (
    ("households", "formula-dde"),
    ("divisions", "garbage"),
    ("shelters", "nested-100000"),
    ("typhoon", "utf16-bom"),
)


@pytest.mark.parametrize(("kind", "name"), CLI_CASES)
def test_damaged_files_through_the_command_line(
    kind: str, name: str, damaged: tuple[Database, list[Case]], tmp_path: Path
) -> None:
    db, cases = damaged
    case = next(c for c in cases if c.kind == kind and c.name == name)
    copy = tmp_path / "county.sqlite"
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(Path(db.engine.url.database or ""), copy)
    options: list[Any] = []
    flags = {"village_code": "--village", "code": "--code", "name": "--name"}
    for key, value in case.options.items():
        options += [flags[key], str(value)]
    result = run_main("--db", str(copy), "import", kind, str(case.path), *options)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    assert "文件" in result.stdout


def test_a_nul_in_map_data_imports_the_same_on_both_backends(
    county: Database,  # noqa: F811  (the fixture of test_gis)
    tmp_path: Path,
) -> None:
    """PostgreSQL refuses NUL in text: an attribute holding one is read without it, on
    both backends alike."""
    path = write_geojson(
        tmp_path / "grids.geojson",
        [
            (
                {
                    "网格编码": "G\x0001",
                    "网格名称": "第一\x00网格",
                    "村代码": EAST_VILLAGE,
                    "责任人": "张\x07三",
                },
                GRID_TRUTH["G01"],
            )
        ],
    )
    report = run(county, "grids", path)
    assert report.ok and report.rows_written == 1
    with county.session(ADMIN) as session:
        grid = session.scalars(select(Grid)).one()
        assert (grid.code, grid.name, grid.person_name) == ("G01", "第一网格", "张三")
