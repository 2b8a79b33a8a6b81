"""Fixtures for model tests: the demo county, built once per backend per test run."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from models.database import Database
from models.demo import DemoSummary, build_demo
from models.users import Actor
from tests.conftest import ADMIN, BACKENDS, new_pg_database


@dataclass(frozen=True)
class BuiltDemo:
    database: Database
    summary: DemoSummary
    seconds: float


@contextmanager
def _fresh_url(backend: str, folder: Path) -> Iterator[str]:
    """An empty database of ``backend``, dropped afterwards (PostgreSQL)."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'demo.sqlite'}"
        return
    with new_pg_database("t_demo") as url:
        yield url


def build_demo_database(url: str, scale: int = 1) -> BuiltDemo:
    database = Database(url)
    database.upgrade()
    started = time.perf_counter()
    with database.session(ADMIN) as session:
        summary = build_demo(session=session, scale=scale)
    return BuiltDemo(database, summary, time.perf_counter() - started)


@pytest.fixture(scope="session", params=BACKENDS)
def demo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BuiltDemo]:
    """The scale-1 demo county, committed; tests must not change it (see ``scratch``)."""
    folder = tmp_path_factory.mktemp(f"demo-{request.param}")
    with _fresh_url(request.param, folder) as url:
        built = build_demo_database(url)
        yield built
        built.database.dispose()


@pytest.fixture(scope="session")
def reference_demo(
    demo_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """A second scale-1 build to compare builds with: the run's demo template, built in a
    fresh SQLite database of its own at another time (``DEMO_BUILT_AT``)."""
    path = tmp_path_factory.mktemp("reference") / "demo.sqlite"
    shutil.copy(demo_template, path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()


@contextmanager
def scratch(database: Database, actor: Actor = ADMIN) -> Iterator[Session]:
    """A session whose changes are always rolled back: for breaking a shared database."""
    session = Session(database.engine)
    session.info["actor"] = actor
    try:
        yield session
    finally:
        session.rollback()
        session.close()
