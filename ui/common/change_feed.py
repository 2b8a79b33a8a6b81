"""Tells open pages that data changed, here or on another workstation.

One ``ChangeFeed`` per window. ``changed`` carries the names of the tables that
changed (``models.changes.ANY`` when only "something" is known). Sources:
commits in this process (at once), PostgreSQL notifications from other
workstations (as they arrive, through a socket notifier), and on a SQLite
file ``PRAGMA data_version`` polled once a second for other processes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QWidget

from models import changes
from models.database import Database, sqlite_path

log = logging.getLogger(__name__)

POLL_MS = 1000


class ChangeFeed(QObject):
    changed = Signal(object)  # frozenset[str] of table names

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._probe: changes.SqliteVersionProbe | None = None
        self._listener: changes.PostgresListener | None = None
        self._notifier: QSocketNotifier | None = None
        changes.add_listener(self._local)
        path = sqlite_path(db.url)
        try:
            if path is not None:
                self._probe = changes.SqliteVersionProbe(path)
                self._timer = QTimer(self)
                self._timer.timeout.connect(self._poll)
                self._timer.start(POLL_MS)
            elif db.url.startswith("postgresql"):
                self._listener = changes.PostgresListener(db.url)
                self._notifier = QSocketNotifier(
                    self._listener.fileno(), QSocketNotifier.Type.Read, self
                )
                self._notifier.activated.connect(self._notified)
        except Exception:  # pages still reload when shown and on F5
            log.exception("the change feed from other workstations could not start")

    def _local(self, tables: frozenset[str]) -> None:
        try:
            self.changed.emit(tables)  # from the committing thread; queued to the UI thread
        except RuntimeError:  # the window is gone; close() was not called
            changes.remove_listener(self._local)

    def _poll(self) -> None:
        if self._probe is not None and self._probe.changed():
            self.changed.emit(frozenset({changes.ANY}))

    def _notified(self) -> None:
        if self._listener is None:
            return
        try:
            tables = self._listener.drain()
        except Exception:
            log.exception("the change feed lost its connection")
            if self._notifier is not None:
                self._notifier.setEnabled(False)
            return
        if tables:
            self.changed.emit(tables)

    def close(self) -> None:
        changes.remove_listener(self._local)
        if self._probe is not None:
            self._probe.close()
            self._probe = None
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        if self._listener is not None:
            self._listener.close()
            self._listener = None


def touches(tables: frozenset[str], watched: frozenset[str]) -> bool:
    """Whether a change to ``tables`` concerns a page that shows ``watched``."""
    return changes.ANY in tables or not tables.isdisjoint(watched)


class ReloadWhenShown(QObject):
    """Reloads a page ``delay_ms`` after a change while it is shown (changes arriving
    meanwhile load together), else as soon as it is shown again."""

    def __init__(self, page: QWidget, reload: Callable[[], None], delay_ms: int) -> None:
        super().__init__(page)
        self.page = page
        self.stale = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(reload)
        page.installEventFilter(self)

    def changed(self) -> None:
        if self.page.isVisible():
            self.timer.start()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self.timer.start()
        return False
