"""Full collections of the cyclic garbage collector run while the console is idle, not
automatically in whatever thread happens to allocate (where one paused the UI thread
for over 100 ms), and the collector's settings come back when the window goes."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QObject, QRunnable, QThreadPool
from pytestqt.qtbot import QtBot

from ui.common import collector
from ui.common.collector import IdleCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def _make_work_for_a_full_pass() -> None:
    for _ in range(collector.PENDING + 2):
        gc.collect(1)  # each young pass counts toward the next full one


class _Blocked(QRunnable):
    def __init__(self, gate: threading.Event) -> None:
        super().__init__()
        self.gate = gate

    def run(self) -> None:
        self.gate.wait(10)


def test_full_passes_wait_for_the_console_to_be_idle(qtbot: QtBot) -> None:
    before = gc.get_threshold()
    owner = QObject()
    idle = IdleCollector(owner)
    try:
        assert gc.get_threshold()[2] == collector.NEVER  # none starts by itself
        assert gc.get_threshold()[:2] == before[:2]  # the young ones as before

        gate = threading.Event()
        QThreadPool.globalInstance().start(_Blocked(gate))
        qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() > 0)
        _make_work_for_a_full_pass()
        idle.poll()
        assert idle.passes == 0  # a worker runs: not now
        gate.set()
        qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)

        garbage = _Cycle()
        gc.collect(1)  # into the old generation, where only a full pass finds it
        alive = weakref.ref(garbage)
        del garbage
        _make_work_for_a_full_pass()
        assert alive() is not None  # the young passes leave it
        idle.poll()
        assert idle.passes == 1 and alive() is None and gc.get_count()[2] == 0

        idle.poll()
        assert idle.passes == 1  # nothing pending: no pass
    finally:
        owner.deleteLater()
        qtbot.waitUntil(lambda: gc.get_threshold() == before)


def test_a_console_never_idle_still_collects(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    owner = QObject()
    idle = IdleCollector(owner)
    try:
        gate = threading.Event()
        QThreadPool.globalInstance().start(_Blocked(gate))
        qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() > 0)
        _make_work_for_a_full_pass()
        monkeypatch.setattr(
            collector.time, "monotonic", lambda: idle.last + 1 + collector.LONGEST_WAIT_S
        )
        idle.poll()
        assert idle.passes == 1
        gate.set()
    finally:
        owner.deleteLater()
