"""The change feed: after a commit, which tables changed (ARCHITECTURE rule 9).

Every session collects the tables its flushes and its Core INSERT/UPDATE/DELETE
statements touched. On commit:

- in this process, every listener added with ``add_listener`` is called with
  the set of table names (from the committing thread: a listener that touches
  the UI must hand over to the UI thread itself);
- on PostgreSQL, ``pg_notify(CHANNEL, 'table,table')`` is sent inside the
  transaction, so other workstations hear of it exactly when it commits.

Other processes on a SQLite file cannot be told; they poll ``PRAGMA
data_version`` (``SqliteVersionProbe``), which changes whenever another
connection commits, and learn only that something changed (``ANY``).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import ORMExecuteState, Session

CHANNEL = "ecc_changes"
ANY = "*"  # "something changed, which tables is not known"
_KEY = "changed_tables"

Listener = Callable[[frozenset[str]], None]
_listeners: list[Listener] = []
_lock = threading.Lock()


def add_listener(listener: Listener) -> None:
    with _lock:
        _listeners.append(listener)


def remove_listener(listener: Listener) -> None:
    with _lock:
        if listener in _listeners:
            _listeners.remove(listener)


def parse_payload(payload: str) -> frozenset[str]:
    return frozenset(name for name in payload.split(",") if name) or frozenset({ANY})


def _changed(session: Session) -> set[str]:
    tables: set[str] = session.info.setdefault(_KEY, set())
    return tables


def note_changed(session: Session, *tables: str) -> None:
    """Tell the feed of tables a session changed by statements it does not see (sent
    through the driver, as ``models.database.insert_many`` does)."""
    _changed(session).update(tables)


@event.listens_for(Session, "after_flush")
def _collect_flush(session: Session, _context: Any) -> None:
    tables = _changed(session)
    for objects in (session.new, session.dirty, session.deleted):
        for obj in objects:
            table = getattr(obj, "__tablename__", None)
            if table:
                tables.add(table)


@event.listens_for(Session, "do_orm_execute")
def _collect_statement(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        name = getattr(table, "name", None)
        _changed(state.session).add(name or ANY)


@event.listens_for(Session, "before_commit")
def _notify_postgresql(session: Session) -> None:
    if session.get_bind().dialect.name != "postgresql":
        return
    session.flush()  # before_commit comes before commit's own flush: learn its tables now
    tables = session.info.get(_KEY)
    if not tables:
        return
    payload = ",".join(sorted(tables))[:7000]  # NOTIFY payloads stop at 8000 bytes
    session.execute(
        text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload}
    )


@event.listens_for(Session, "after_commit")
def _announce(session: Session) -> None:
    tables = session.info.pop(_KEY, None)
    if not tables:
        return
    with _lock:
        listeners = list(_listeners)
    changed = frozenset(tables)
    for listener in listeners:
        listener(changed)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_KEY, None)


class SqliteVersionProbe:
    """``PRAGMA data_version`` on a connection of its own: ``changed()`` is True when
    another connection (this process's included) committed since the last call."""

    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._version = self._read()

    def _read(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        version = self._read()
        if version == self._version:
            return False
        self._version = version
        return True

    def close(self) -> None:
        self._conn.close()


class PostgresListener:
    """``LISTEN`` on its own autocommit connection; ``fileno()`` becomes readable when
    a notification arrives, ``drain()`` returns the tables named since the last call."""

    def __init__(self, url: str) -> None:
        import psycopg
        from sqlalchemy import make_url

        conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        self._conn = psycopg.connect(conninfo, autocommit=True)
        self._conn.execute(f"LISTEN {CHANNEL}")  # a fixed identifier: LISTEN takes no parameters

    def fileno(self) -> int:
        return self._conn.fileno()

    def drain(self) -> frozenset[str]:
        tables: set[str] = set()
        for note in self._conn.notifies(timeout=0):
            tables |= parse_payload(note.payload)
        return frozenset(tables)

    def close(self) -> None:
        self._conn.close()
