"""The change feed: commits name the tables they changed, here and to other workstations."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update

from models import changes
from models.areas import Division
from models.database import Database, sqlite_path
from tests.conftest import ADMIN


@pytest.fixture
def heard() -> Iterator[list[frozenset[str]]]:
    got: list[frozenset[str]] = []
    changes.add_listener(got.append)
    yield got
    changes.remove_listener(got.append)


def test_a_commit_names_its_tables_and_a_rollback_nothing(
    db: Database, heard: list[frozenset[str]]
) -> None:
    with db.session(ADMIN) as session:
        session.add(Division(code="331081", name="温岭市", level="county"))
    assert heard == [frozenset({"divisions"})]

    with db.session(ADMIN) as session:  # a Core statement counts too
        session.execute(update(Division).values(name="温岭"))
    assert heard[-1] == frozenset({"divisions"})

    with pytest.raises(RuntimeError), db.session(ADMIN) as session:
        session.add(Division(code="331081001", name="太平街道", level="town"))
        session.flush()
        raise RuntimeError("the user cancelled")
    with db.session(ADMIN) as session:  # reading commits nothing to announce
        session.get(Division, 1)
    assert len(heard) == 2


def wait_for(listener: changes.PostgresListener) -> frozenset[str]:
    deadline = time.monotonic() + 5
    heard: frozenset[str] = frozenset()
    while not heard and time.monotonic() < deadline:
        heard = listener.drain()
        time.sleep(0.02)
    return heard


def test_other_workstations_hear_of_a_commit_only_when_it_commits(pg_url: str) -> None:
    db = Database(pg_url)
    db.upgrade()
    listener = changes.PostgresListener(pg_url)
    try:
        assert listener.drain() == frozenset()
        with db.session(ADMIN) as session:
            session.add(Division(code="331081", name="温岭市", level="county"))
            session.flush()
            assert listener.drain() == frozenset()  # not committed yet: nothing heard
        assert wait_for(listener) == frozenset({"divisions"})
        with db.session(ADMIN) as session:  # committed without a flush of its own
            session.add(Division(code="331082", name="玉环市", level="county"))
        assert wait_for(listener) == frozenset({"divisions"})
    finally:
        listener.close()
        db.dispose()


def test_a_sqlite_probe_sees_commits_of_other_connections(sqlite_db: Database) -> None:
    path = sqlite_path(sqlite_db.url)
    assert isinstance(path, Path)
    probe = changes.SqliteVersionProbe(path)
    try:
        assert not probe.changed()
        with sqlite_db.session(ADMIN) as session:
            session.add(Division(code="331081", name="温岭市", level="county"))
        assert probe.changed()
        assert not probe.changed()  # once per change
    finally:
        probe.close()


def test_payloads_are_table_names_or_anything() -> None:
    assert changes.parse_payload("divisions,events") == frozenset({"divisions", "events"})
    assert changes.parse_payload("") == frozenset({changes.ANY})
