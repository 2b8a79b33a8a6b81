"""Full garbage collections when the console is idle, never in the middle of its work.

Python's cyclic collector runs a full pass (every object alive, tens of thousands once
the pages hold their rows) whenever enough objects were created, in whichever thread
created them, holding the interpreter for its whole length: with the demo county's
pages loaded a full pass took 30-124 ms, and one run by a worker building the map
stalled the UI thread 103-147 ms. The window turns the automatic full passes off and
runs them itself when no background work runs (or, on a console never idle, after
``LONGEST_WAIT_S`` at the latest). The young generations are collected as usual.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QThreadPool, QTimer

POLL_MS = 5_000
PENDING = 10  # young collections since the last full pass before one is due
LONGEST_WAIT_S = 120.0
NEVER = 1_000_000_000  # a full-pass threshold never reached


class IdleCollector(QObject):
    """Owned by the main window; while it lives, full passes happen only here."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.previous = gc.get_threshold()
        young, middle, _ = self.previous
        gc.set_threshold(young, middle, NEVER)
        self.last = time.monotonic()
        self.passes = 0
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        previous = self.previous
        self.destroyed.connect(lambda *_: gc.set_threshold(*previous))

    def poll(self) -> None:
        """A full pass when one is due and nothing runs in the background."""
        if gc.get_count()[2] < PENDING:
            return
        overdue = time.monotonic() - self.last > LONGEST_WAIT_S
        if QThreadPool.globalInstance().activeThreadCount() > 0 and not overdue:
            return
        gc.collect()
        self.last = time.monotonic()
        self.passes += 1
