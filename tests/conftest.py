"""Test configuration: offscreen Qt, isolated settings and data directories, and a
fresh database per test on SQLite and, when ECC_TEST_DATABASE_URL is set, PostgreSQL.

Tests marked ``serial`` measure time or run processes side by side: ``.ci/run`` runs the
others in parallel processes (pytest-xdist, ``--part parallel``), then these alone
(``--part serial``). A plain ``pytest`` runs them all in one process."""

from __future__ import annotations

import functools
import gc
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --no-zygote")  # as ui.app
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

from ui.binding import keep_singletons_alive, skip_feature_scan

keep_singletons_alive()  # as main.py does, before anything calls into Qt
skip_feature_scan()

from sqlalchemy import create_engine, make_url  # noqa: E402

from models.database import Database  # noqa: E402
from models.users import Actor  # noqa: E402
from tests import write_lock_guard  # noqa: E402

write_lock_guard.install()

PG_URL = os.environ.get("ECC_TEST_DATABASE_URL")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql", marks=pytest.mark.skipif(not PG_URL, reason="ECC_TEST_DATABASE_URL not set")
    ),
]
ADMIN = Actor(name="test-admin", role="admin")
# The demo county's build time in tests: its typhoon then has its latest observation at
# 20:00 Beijing time on 9 August 2026, the track as listed in models/typhoons/demo.py.
# The typhoon scenario (typhoon_template, scenario_template) is built at the present, as a
# user builds it.
DEMO_BUILT_AT = datetime(2026, 8, 9, 12, 30, tzinfo=UTC)
# A folder the test processes of one run share their built templates in (``.ci/run`` makes
# one for its passes); pytest-xdist's workers share their run's base folder without it.
SHARED_DIR = os.environ.get("ECC_TEST_SHARED_DIR")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--part",
        choices=("all", "parallel", "serial"),
        default="all",
        help="all tests; those not marked serial (to run in parallel processes); "
        "or only those marked serial (to run alone)",
    )


# Test files whose tests share one process under ``--dist loadfile``, as they share an
# expensive session fixture (tests/models/conftest.py ``demo``, built per backend: about
# 40 s of processor time where another process builds it again).
SAME_PROCESS = {
    "tests/models/test_checks.py": "tests/models/test_demo.py",
    "tests/models/test_demo_plans.py": "tests/models/test_demo.py",
    "tests/models/teams/test_demo_teams.py": "tests/models/test_demo.py",
}


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """``--dist loadfile`` with the files of ``SAME_PROCESS`` sent to one process."""
    if config.getoption("dist", None) != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class Scheduling(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return SAME_PROCESS.get(path, path)

    return Scheduling(config, log)


# The longest test files (their tests start the console's command line again and again,
# or build and kill demo counties), about in order of their time: sent to the parallel
# processes first, so a pass does not end with one process working through one of them
# while the other waits.
LONGEST_FIRST = (
    "tests/models/imports/test_damaged_files.py",
    "tests/ui/test_cli_readme.py",
    "tests/ui/test_cli.py",
    "tests/test_interrupted_work.py",
    "tests/ui/test_cli_db.py",
    "tests/models/test_pg_roles.py",
    "tests/ui/test_cli_users.py",
    "tests/models/test_demo.py",  # with the files SAME_PROCESS sends to its process
    "tests/ui/test_cli_import_limits.py",
    "tests/ui/test_cli_mistakes.py",
)


def _longest_first(item: pytest.Item) -> int:
    path = item.nodeid.split("::", 1)[0]
    path = SAME_PROCESS.get(path, path)
    return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)


@functools.cache
def _says_serial(path: Path) -> bool:
    return "serial" in path.read_text(encoding="utf-8")


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """``--part serial`` imports only the test files that say "serial" (importing the others
    costs the serial pass, which runs alone, seconds of its time); the other passes check
    that every test marked serial is in a file that says so."""
    if (
        config.getoption("--part") == "serial"
        and collection_path.name.startswith("test_")
        and collection_path.suffix == ".py"
        and not _says_serial(collection_path)
    ):
        return True
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    items.sort(key=_longest_first)  # stable: each file's tests keep their order
    serial = {item.nodeid for item in items if item.get_closest_marker("serial") is not None}
    unsaid = sorted(
        item.nodeid for item in items if item.nodeid in serial and not _says_serial(item.path)
    )
    if unsaid:
        raise pytest.UsageError(f"marked serial in a file without the word serial: {unsaid}")
    part = config.getoption("--part")
    if part == "all":
        return
    keep = part == "serial"
    selected = [item for item in items if (item.nodeid in serial) == keep]
    if len(selected) < len(items):
        config.hook.pytest_deselected(
            items=[item for item in items if (item.nodeid in serial) != keep]
        )
        items[:] = selected


def pytest_collection_finish(session: pytest.Session) -> None:
    """The test modules and all they import live as long as the process: their objects are
    kept out of the cyclic garbage collector's later rounds, as main.py keeps the console's
    (a few per cent of the processor time of tests run in this process)."""
    gc.freeze()


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ECC_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("ECC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ECC_DATABASE_URL", raising=False)
    monkeypatch.delenv("ECC_PASSWORD", raising=False)
    monkeypatch.delenv("ECC_NEW_PASSWORD", raising=False)


@pytest.fixture(autouse=True)
def writes_take_the_lock() -> Iterator[None]:
    """Fails a test in which the console's code wrote in a unit of work it did not open
    as a writing one (see tests/write_lock_guard.py)."""
    write_lock_guard.take_found()
    yield
    assert write_lock_guard.take_found() == []


@contextmanager
def new_pg_database(prefix: str = "t", *, template: str | None = None) -> Iterator[str]:
    """The URL of a new PostgreSQL database, dropped afterwards: empty, or a copy of the
    database ``template`` (which nobody may be connected to meanwhile).

    CREATE/DROP DATABASE take no bound parameters: the names are quoted by the dialect
    and made here from a random hex string, never from input.
    """
    assert PG_URL
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    quote = admin.dialect.identifier_preparer.quote_identifier
    quoted = quote(name)
    with admin.connect() as conn:
        conn.exec_driver_sql(
            "CREATE DATABASE " + quoted + (" TEMPLATE " + quote(template) if template else "")
        )
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)")
        admin.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A new, empty PostgreSQL database for one test, dropped afterwards."""
    if not PG_URL:
        pytest.skip("ECC_TEST_DATABASE_URL not set")
    with new_pg_database() as url:
        yield url


@pytest.fixture(scope="session")
def migrated_pg_template() -> Iterator[str]:
    """The name of a PostgreSQL database migrated to the head once per test process, for
    ``db`` to copy (CREATE DATABASE ... TEMPLATE: a tenth of migrating an empty one)."""
    if not PG_URL:
        pytest.skip("ECC_TEST_DATABASE_URL not set")
    with new_pg_database("t_migrated") as url:
        database = Database(url)
        database.upgrade()
        database.dispose()  # a template takes no copy while a connection is open
        name = make_url(url).database
        assert name
        yield name


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database URL, once per backend. For a test that takes ``db`` too, the
    database ``db`` opens there: a copy of one migrated once per test run (SQLite) or per
    test process (PostgreSQL), as migrating an empty one per test would write it."""
    migrated = "db" in request.fixturenames
    if request.param == "sqlite":
        path = tmp_path / "test.sqlite"
        if migrated:
            shutil.copy(request.getfixturevalue("migrated_template"), path)
        yield f"sqlite:///{path}"
    elif migrated:
        with new_pg_database(template=request.getfixturevalue("migrated_pg_template")) as url:
            yield url
    else:
        yield request.getfixturevalue("pg_url")


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A migrated, empty database on each backend."""
    database = Database(db_url)
    database.upgrade()  # a copy of a migrated database: nothing left to do
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(migrated_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty SQLite database (for tests that are about the UI, not the backend)."""
    shutil.copy(migrated_template, tmp_path / "ui.sqlite")
    database = Database(f"sqlite:///{tmp_path / 'ui.sqlite'}")
    database.upgrade()
    yield database
    database.dispose()


def _built(path: Path, build: Callable[[Any], object], *, upgrade: bool = False) -> Path:
    """``path`` with ``build(session)`` applied, its WAL folded into the file for copying."""
    database = Database(f"sqlite:///{path}")
    if upgrade:
        database.upgrade()
    with database.session(ADMIN) as session:
        build(session)
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """``path`` held by this process alone, across processes (POSIX; elsewhere no lock:
    parallel test processes are for ``.ci/run``)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _template(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]
) -> Path:
    """The file ``make(path)`` writes, made once per test run: in a folder shared by the
    run's test processes (``ECC_TEST_SHARED_DIR``, or the base folder of pytest-xdist's
    workers), else in this process's own."""
    shared = SHARED_DIR or (
        os.environ.get("PYTEST_XDIST_WORKER") and str(tmp_path_factory.getbasetemp().parent)
    )
    if not shared:
        path = tmp_path_factory.mktemp(name.split(".")[0]) / name
        make(path)
        return path
    path = Path(shared) / name
    with _locked(Path(shared) / f"{name}.lock"):
        if not path.exists():
            partial = path.with_name(f"{name}.partial")
            with suppress(FileNotFoundError):
                partial.unlink()
            make(partial)
            partial.rename(path)
    return path


def _copy_of(template: Path, path: Path) -> Iterator[Database]:
    shutil.copy(template, path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to the head and otherwise empty, made once per test run."""
    return _template(
        tmp_path_factory, "migrated.sqlite", lambda path: _built(path, _nothing, upgrade=True)
    )


def _nothing(_session: Any) -> None:
    pass


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the demo county, built once per test run."""
    from models.demo import build_demo

    return _template(
        tmp_path_factory,
        "demo.sqlite",
        lambda path: _built(
            path, lambda session: build_demo(session=session, now=DEMO_BUILT_AT), upgrade=True
        ),
    )


@pytest.fixture(scope="session")
def typhoon_template(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo county with the demo typhoon's event in progress, transfers part done, built
    once per test run; tests add the other parts of the scenario they need (level history,
    teams, supplies). ``scenario_template`` is the whole of ``demo --scenario typhoon``."""
    from models.demo import build_typhoon_scenario

    def make(path: Path) -> None:
        shutil.copy(demo_template, path)
        _built(path, lambda session: build_typhoon_scenario(session=session))

    return _template(tmp_path_factory, "typhoon.sqlite", make)


@pytest.fixture(scope="session")
def scenario_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo county built at the present as ``demo --scenario typhoon`` builds it: besides
    ``typhoon_template``'s event, its level history, reports upward, duty log, teams out and
    supplies issued. Built once per test run."""
    from models.demo import build_demo

    return _template(
        tmp_path_factory,
        "scenario.sqlite",
        lambda path: _built(
            path, lambda session: build_demo(session=session, scenario="typhoon"), upgrade=True
        ),
    )


@pytest.fixture
def scenario_db(scenario_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of ``demo --scenario typhoon``'s database, on SQLite, for one test."""
    yield from _copy_of(scenario_template, tmp_path / "scenario.sqlite")


@pytest.fixture
def typhoon_db(typhoon_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the demo county during the demo typhoon, on SQLite, for one test."""
    yield from _copy_of(typhoon_template, tmp_path / "typhoon.sqlite")


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the demo county on SQLite for one test."""
    yield from _copy_of(demo_template, tmp_path / "demo.sqlite")


@pytest.fixture
def console_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The console's log file, opened as the console opens it (``ui.logs.setup_logging``),
    in the test's own data folder; the console's child processes write into it too."""
    import logging
    from logging.handlers import RotatingFileHandler

    from ui.common.child import _end_spares
    from ui.logs import setup_logging

    _end_spares()  # a spare child writes to the log file it was started with
    monkeypatch.setenv("ECC_DATA_DIR", str(tmp_path / "data"))
    yield setup_logging()
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        root.removeHandler(handler)
        handler.close()


@pytest.fixture
def no_tester_failures(qapp: Any) -> Iterator[None]:
    """Fails the test when QAbstractItemModelTester reported a problem.

    In Warning mode the tester logs "FAIL! ..." in the category qt.modeltest.
    """
    failures: list[str] = []

    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(_mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if context.category == "qt.modeltest":
            failures.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
    assert not failures


@pytest.fixture(scope="session", autouse=True)
def delete_web_pages_at_the_end() -> Iterator[None]:
    """Web pages deleted before their profile, or QtWebEngine complains at exit."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
