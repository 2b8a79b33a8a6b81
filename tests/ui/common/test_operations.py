"""The operation helper: a refusal shown in place with nothing written, a bug logged and
shown as one line without its text, and a writing unit of work holding SQLite's write lock
from its start."""

from __future__ import annotations

import logging
import sqlite3
import threading

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.orm import Session

from models.database import Database, sqlite_path
from models.refusals import Conflict
from models.users import create_user, list_users
from tests.conftest import ADMIN
from ui.common.operations import Outcome, failure_text, run_operation, run_operation_now
from ui.common.widgets import Banner

PERSONAL = "张三 13812345678"


def add_then_refuse(*, session: Session) -> None:
    create_user(session=session, name="zhao.duty", role="duty", password="long-enough-1")
    session.flush()
    raise Conflict("Someone else changed it meanwhile.")


def add_then_fail(*, session: Session) -> None:
    create_user(session=session, name="zhao.duty", role="duty", password="long-enough-1")
    session.flush()
    raise RuntimeError(PERSONAL)


def read_then_fail(*, session: Session) -> None:
    list_users(session=session)
    raise RuntimeError(PERSONAL)


def user_names(db: Database) -> list[str]:
    with db.session(ADMIN) as session:
        return [user.name for user in list_users(session=session)]


def test_a_refusal_is_shown_in_place_and_nothing_is_written(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    outcome = run_operation_now(sqlite_db, ADMIN, add_then_refuse, show=label)
    assert not outcome.ok and outcome.refusal is not None and not outcome.failed
    assert label.text() == "Someone else changed it meanwhile."
    assert user_names(sqlite_db) == []

    # In the background: the banner of a page says it, on the UI thread.
    owner = QWidget()
    banner = Banner(owner)
    qtbot.addWidget(owner)
    done: list[Outcome[None]] = []
    run_operation(sqlite_db, ADMIN, add_then_refuse, owner=owner, on_done=done.append, show=banner)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert banner.kind == "error" and banner.text() == "Someone else changed it meanwhile."
    assert not banner.isHidden()
    assert user_names(sqlite_db) == []


def test_a_bug_is_logged_and_shown_as_one_line_without_its_text(
    qtbot: QtBot, sqlite_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    with caplog.at_level(logging.ERROR, logger="ui.common.operations"):
        outcome = run_operation_now(sqlite_db, ADMIN, add_then_fail, show=label)
    assert outcome.failed and outcome.refusal is None
    assert label.text() == failure_text(write=True)
    assert PERSONAL not in label.text() and "RuntimeError" not in label.text()
    logged = [r for r in caplog.records if r.name == "ui.common.operations"]
    assert logged and logged[0].levelno == logging.ERROR and logged[0].exc_info is not None
    assert user_names(sqlite_db) == []

    # A read that fails says so as a read.
    owner = QWidget()
    qtbot.addWidget(owner)
    done: list[Outcome[None]] = []
    run_operation(sqlite_db, ADMIN, read_then_fail, owner=owner, on_done=done.append, write=False)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert done[0].problem == failure_text(write=False) != failure_text(write=True)


def test_a_writing_unit_of_work_holds_the_write_lock_from_its_start(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    path = sqlite_path(sqlite_db.url)
    assert path is not None
    started, release = threading.Event(), threading.Event()

    def only_reads(*, session: Session) -> int:
        value = int(session.execute(text("SELECT 1")).scalar_one())
        started.set()
        release.wait(10)
        return value

    def other_writer_waits() -> bool:
        """Whether another connection is kept from starting a write right now."""
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError as error:
            assert "locked" in str(error)
            return True
        finally:
            other.close()

    owner = QWidget()
    qtbot.addWidget(owner)
    for write, locked in ((True, True), (False, False)):
        started.clear()
        release.clear()
        done: list[Outcome[int]] = []
        run_operation(sqlite_db, ADMIN, only_reads, owner=owner, on_done=done.append, write=write)
        assert started.wait(10)
        try:
            assert other_writer_waits() is locked, write
        finally:
            release.set()
        qtbot.waitUntil(lambda: bool(done), timeout=10_000)  # noqa: B023
        assert done[0].ok and done[0].value == 1
    assert other_writer_waits() is False  # released when the unit of work ended
