"""Work in a process of its own (``ui.common.child``): requests answered by lines, a
failure answered and logged without personal numbers, an idle child kept for the next
page, a child that ends heard."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QProcess
from pytestqt.qtbot import QtBot

from models.database import Database
from tests.conftest import ADMIN
from ui.common.child import Child
from ui.common.operations import failure_text

MODULE = "tests.ui.common.child_probe"


class Heard:
    def __init__(self) -> None:
        self.answers: list[dict[str, Any]] = []
        self.lost: list[str] = []


def make_child(sqlite_db: Database, heard: Heard) -> Child:
    return Child(MODULE, "the probe", sqlite_db.url, ADMIN, heard.answers.append, heard.lost.append)


def test_requests_are_answered_in_a_process_of_their_own_and_failures_logged_redacted(
    qtbot: QtBot, sqlite_db: Database, console_log: Path
) -> None:
    heard = Heard()
    child = make_child(sqlite_db, heard)
    first = child.ask({"text": "东山村"})
    second = child.ask({"fail": "13812345678"})
    qtbot.waitUntil(lambda: len(heard.answers) == 3, timeout=30_000)
    process = child.process
    assert process is not None and process.processId() not in (0, os.getpid())
    assert heard.answers[:2] == [
        {"id": first, "ok": True, "text": "东山村", "actor": ADMIN.name, "url": sqlite_db.url},
        {"id": first, "ok": True, "second": True},
    ]
    # A failure is answered with the console's one line, never the error's own text.
    assert heard.answers[2] == {
        "id": second,
        "ok": False,
        "error": failure_text(write=False),
    }
    # The child's own record of the failure is in the console's log file, with the
    # traceback, and the mobile number blanked.
    qtbot.waitUntil(lambda: "ValueError" in console_log.read_text(encoding="utf-8"))
    logged = console_log.read_text(encoding="utf-8")
    assert "request not answered" in logged and "[redacted]" in logged
    assert "13812345678" not in logged
    # A database that cannot be opened fails that request alone: the child answers on.
    bad = child.ask({"url": "nosuchdriver://nowhere/db", "text": "x"})
    after = child.ask({"text": "y"})
    qtbot.waitUntil(lambda: len(heard.answers) == 6, timeout=30_000)
    assert heard.answers[3] == {"id": bad, "ok": False, "error": failure_text(write=False)}
    assert heard.answers[4]["id"] == after and heard.answers[4]["text"] == "y"
    child.end(keep=False)
    assert heard.lost == []


def test_an_idle_child_is_kept_for_the_next_and_a_child_that_ends_is_heard(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    heard = Heard()
    child = make_child(sqlite_db, heard)
    child.ask({"text": "a"})
    qtbot.waitUntil(lambda: len(heard.answers) == 2, timeout=30_000)
    assert child.process is not None
    pid = child.process.processId()
    child.end(keep=True)  # idle: kept

    later = Heard()
    other = make_child(sqlite_db, later)
    other.ask({"text": "b"})
    qtbot.waitUntil(lambda: len(later.answers) == 2, timeout=30_000)
    process = other.process
    assert process is not None and process.processId() == pid
    assert later.answers[0]["text"] == "b"

    process.kill()  # it ends: heard with its exit code, the next request starts another
    qtbot.waitUntil(lambda: later.lost != [], timeout=30_000)
    assert later.lost[0].startswith("the probe ended (exit code ") and other.process is None
    other.ask({"text": "c"})
    qtbot.waitUntil(lambda: len(later.answers) == 4, timeout=30_000)
    assert other.process is not None and other.process.state() == QProcess.ProcessState.Running
    assert other.process.processId() != pid
    other.end(keep=False)
    assert heard.lost == []


def test_a_child_that_cannot_start_is_heard(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-python-here"))
    heard = Heard()
    child = make_child(sqlite_db, heard)
    child.ask({"text": "a"})
    qtbot.waitUntil(lambda: heard.lost != [], timeout=30_000)
    assert heard.lost == ["the probe could not be started"] and heard.answers == []
    assert child.process is None
