"""Every unit of work the console's own code opens and then writes in must have been
opened as a writing one (``Database.session(actor, write=True)``), so that on SQLite it
takes the write lock when it starts: one that reads first and writes later is refused
with "database is locked" when another workstation wrote meanwhile, whatever the busy
timeout (``tests/test_several_writers.py`` shows it with real processes).

The test configuration installs this for every test: a write on SQLite in a unit of work
that code under ``models/``, ``maps/`` or ``ui/`` opened without ``write=True`` fails the
test, naming where it was opened. Units of work a test opens itself are not watched.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from models.database import WRITE_OPTION, Database

ROOT = Path(__file__).resolve().parents[1]
APP_FOLDERS = tuple(str(ROOT / name) + "/" for name in ("models", "maps", "ui"))
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")

_opened_by: ContextVar[str | None] = ContextVar("opened_by", default=None)
_lock = threading.Lock()
found: list[str] = []
"""Writes seen since the last ``take_found``: where each unit of work was opened, and the SQL."""


def _watched(original: Any) -> Any:
    def session(self: Database, actor: Any, *, write: bool = False) -> AbstractContextManager[Any]:
        caller = sys._getframe(1)
        where = f"{caller.f_code.co_filename}:{caller.f_lineno}"
        app = caller.f_code.co_filename.startswith(APP_FOLDERS)
        return _tracked(original(self, actor, write=write), where if app and not write else None)

    return session


@contextmanager
def _tracked(unit: AbstractContextManager[Any], where: str | None) -> Iterator[Any]:
    token = _opened_by.set(where)
    try:
        with unit as session:
            yield session
    finally:
        _opened_by.reset(token)


def _check(conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
    where = _opened_by.get()
    if where is None or conn.dialect.name != "sqlite":
        return
    if not statement.lstrip()[:7].upper().startswith(WRITES):
        return
    if conn.get_execution_options().get(WRITE_OPTION):
        return
    with _lock:
        found.append(f"{where} opened a unit of work without write=True that ran: {statement[:60]}")


def install() -> None:
    """Watch ``Database.session`` and every SQLite statement, once per process."""
    if getattr(Database.session, "_watched", False):
        return
    session = _watched(Database.session)
    session._watched = True
    Database.session = session  # type: ignore[method-assign]
    event.listen(Engine, "before_cursor_execute", _check)


def take_found() -> list[str]:
    with _lock:
        taken = list(found)
        found.clear()
    return taken
