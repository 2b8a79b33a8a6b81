"""The UI thread stays responsive: a 20 ms timer on it never fires more than 100 ms late
while a duty officer goes through the main flows on the demo county, and while, during
the demo typhoon, the map's layers and the typhoon's reach load as the transfers and
register pages are opened.

Lateness is counted net of the time the virtual machine's host took from the machine
(steal time in /proc/stat, shared over its processors): these machines lose up to the
whole CPU to their host at times, and a tick measured 141 ms late on a page that opens
in 40-50 ms had 110 ms of processor time stolen around it. What the console itself
holds the UI thread for is what the test is about; both figures are printed, with the time
the UI thread waited for a processor during the worst tick (other processes' load).

The measurement runs in a process of its own (``test_in_a_process_of_its_own``): after
a thousand other tests, their windows' timers and threads left in the test process
would be measured with the console's."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from pytestqt.qtbot import QtBot

from models.areas import Division
from models.database import Database
from models.settings import Settings
from models.users import Actor
from tests.conftest import ADMIN
from ui.common.pages import PAGE_KEYS
from ui.main_window import MainWindow
from ui.map.page import MapPage
from ui.register.page import RegisterPage

CHILD = os.environ.get("ECC_TEST_OWN_PROCESS") == "1"
TICK_S = 0.020
ALLOWED_LATE_S = 0.100


def stolen_s() -> float:
    """Processor time the host took from this machine so far, in seconds of wall time
    (steal jiffies shared over the processors); 0 where the system does not tell."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = stat.readline().split()
    except OSError:
        return 0.0
    steal = int(fields[8]) if len(fields) > 8 and fields[0] == "cpu" else 0
    return steal / os.sysconf("SC_CLK_TCK") / (os.cpu_count() or 1)


def waited_s() -> float:
    """Time the UI thread spent runnable but waiting for a processor so far (run-queue
    delay in /proc/thread-self/schedstat; 0 where the system does not tell): printed
    beside the worst tick, to tell a machine busy with other work from the console."""
    try:
        with open("/proc/thread-self/schedstat", encoding="ascii") as stat:
            return int(stat.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


class TickMonitor(QObject):
    """Records how late each tick of a 20 ms timer on the UI thread arrives."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(int(TICK_S * 1000))
        self.timer.timeout.connect(self._tick)
        self.last: float | None = None
        self.stolen = 0.0
        self.worst = 0.0  # net of stolen time
        self.worst_raw = 0.0
        self.where = ""
        self.step = "start"
        self.ticks = 0
        self.waited = 0.0  # for a processor, by the UI thread so far
        self.worst_waited = 0.0  # during the worst tick

    def _tick(self) -> None:
        now, stolen, waited = time.perf_counter(), stolen_s(), waited_s()
        if self.last is not None:
            raw = now - self.last - TICK_S
            late = raw - (stolen - self.stolen)
            self.worst_raw = max(self.worst_raw, raw)
            if late > self.worst:
                self.worst, self.where = late, self.step
                self.worst_waited = waited - self.waited
        self.last, self.stolen, self.waited = now, stolen, waited
        self.ticks += 1

    def start(self) -> None:
        self.timer.start()


pytestmark = pytest.mark.serial  # measures the UI thread's lateness: run alone


@pytest.mark.parametrize(
    "flow",
    [
        "test_main_flows_keep_the_ui_thread_responsive",
        "test_pages_opened_while_the_typhoon_map_loads_keep_the_ui_thread_responsive",
    ],
)
def test_in_a_process_of_its_own(tmp_path: Path, flow: str) -> None:
    if CHILD:
        pytest.skip("this is the process of its own")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-s",
            "-p",
            "no:cacheprovider",
            "--basetemp",
            str(tmp_path / "run"),
            f"{__file__}::{flow}",
        ],
        env={**os.environ, "ECC_TEST_OWN_PROCESS": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    said = [line for line in done.stdout.splitlines() if "worst tick" in line or "passed" in line]
    print(*said, sep="\n")
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
    assert any("1 passed" in line for line in said), done.stdout[-3000:]


@pytest.mark.skipif(not CHILD, reason="measured in a process of its own")
def test_main_flows_keep_the_ui_thread_responsive(qtbot: QtBot, demo_db: Database) -> None:
    window = MainWindow(demo_db, Actor("duty", "duty"), Settings())
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    with qtbot.waitSignal(window.pages["dashboard"].ready, timeout=20_000):
        window.show()
    monitor = TickMonitor()
    monitor.start()
    qtbot.wait(100)

    for row, key in enumerate(PAGE_KEYS):  # every page of the rail, in turn
        monitor.step = f"open page {key}"
        window.nav_rail.setCurrentRow(row)
        assert window.stack.currentWidget() is window.pages[key]
        qtbot.wait(250)

    monitor.step = "open the map again"
    window.nav_rail.setCurrentRow(PAGE_KEYS.index("map"))
    qtbot.waitUntil(lambda: isinstance(window.stack.currentWidget(), MapPage), timeout=30_000)
    map_page = window.stack.currentWidget()
    assert isinstance(map_page, MapPage) and map_page.typhoon is not None
    # bool(): a callback returning None counts as met at once for waitUntil
    qtbot.waitUntil(
        lambda: bool(map_page.summary.get("drawn")) and map_page.typhoon.shown is not None,
        timeout=30_000,
    )
    panel = map_page.typhoon
    for offset in (3, 6, 12):  # the officer drags the typhoon's time slider forward
        monitor.step = f"typhoon slider +{offset} h"
        panel.slider.setValue(panel.loaded.start + offset)
        qtbot.waitUntil(
            lambda o=offset: panel.shown.at == panel.loaded.times[panel.loaded.start + o],
            timeout=20_000,
        )
        qtbot.wait(300)
    monitor.step = "list a typhoon count"
    panel.count_view.clicked.emit(panel.count_model.index(1, 2))
    qtbot.wait(500)

    register = window.show_page("register")
    assert isinstance(register, RegisterPage)
    qtbot.waitUntil(lambda: register.current_tab().loaded, timeout=20_000)
    with demo_db.session(ADMIN) as session:
        town_id = session.query(Division.id).filter_by(name="松门镇").scalar()

    monitor.step = "choose a town in the tree"
    register.tree_panel.select_division(town_id)
    qtbot.wait(300)
    for index in range(register.tabs.count()):
        monitor.step = f"switch to tab {index}"
        register.tabs.setCurrentIndex(index)
        tab = register.current_tab()
        qtbot.waitUntil(lambda t=tab: t.loaded, timeout=20_000)
        qtbot.wait(200)
        monitor.step = f"search in tab {index}"
        qtbot.keyClicks(tab.search_edit, "chen")
        qtbot.wait(400)
        monitor.step = f"sort tab {index}"
        tab.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        qtbot.wait(200)
        tab.search_edit.clear()
        qtbot.wait(300)
    monitor.step = "back to the whole county"
    register.tree_panel.select_division(register.tree_panel._children[None][0].id)
    qtbot.wait(300)
    monitor.step = "refresh the register"
    register.refresh()
    qtbot.waitSignal(register.ready, timeout=20_000).wait()
    qtbot.wait(300)
    monitor.step = "back to the dashboard"
    window.show_page("dashboard").refresh()  # type: ignore[attr-defined]
    qtbot.wait(500)

    report(monitor)


def report(monitor: TickMonitor) -> None:
    monitor.timer.stop()
    print(
        f"worst tick {monitor.worst * 1000:.0f} ms late net of stolen time ({monitor.where}),"
        f" {monitor.worst_raw * 1000:.0f} ms before; {monitor.ticks} ticks; during it the UI"
        f" thread waited {monitor.worst_waited * 1000:.0f} ms for a processor"
    )
    assert monitor.ticks > 100
    assert monitor.worst < ALLOWED_LATE_S, (
        f"a tick came {monitor.worst * 1000:.0f} ms late during: {monitor.where}"
    )


@pytest.mark.skipif(not CHILD, reason="measured in a process of its own")
def test_pages_opened_while_the_typhoon_map_loads_keep_the_ui_thread_responsive(
    qtbot: QtBot, typhoon_db: Database
) -> None:
    """During a typhoon the officer opens the map and, while its layers and the typhoon's
    reach load, the transfers and register pages; then the map is drawn again (the register
    changed) while the same pages are opened."""
    window = MainWindow(typhoon_db, Actor("duty", "duty"), Settings())
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    with qtbot.waitSignal(window.pages["dashboard"].ready, timeout=20_000):
        window.show()
    # Settled as a console is when a typhoon's map is opened: the pages rendered once
    # offscreen while it was idle (MainWindow._warm).
    qtbot.waitUntil(lambda: window.warmed, timeout=30_000)
    monitor = TickMonitor()
    monitor.start()
    qtbot.wait(100)
    map_row = PAGE_KEYS.index("map")
    monitor.step = "open the map"
    window.nav_rail.setCurrentRow(map_row)
    qtbot.waitUntil(lambda: isinstance(window.stack.currentWidget(), MapPage), timeout=30_000)
    map_page = window.stack.currentWidget()
    assert isinstance(map_page, MapPage) and map_page.typhoon is not None
    typhoon = map_page.typhoon

    def drawn() -> bool:
        return bool(map_page.summary.get("drawn")) and typhoon.shown is not None

    for round_ in range(3):
        if round_:
            monitor.step = f"the map drawn again ({round_})"
            window.nav_rail.setCurrentRow(map_row)
            map_page.summary = {}
            map_page.refresh()
        qtbot.wait(150)
        for key in ("transfers", "register"):
            monitor.step = f"open {key} while the map loads ({round_})"
            window.nav_rail.setCurrentRow(PAGE_KEYS.index(key))
            qtbot.wait(350)
        monitor.step = f"back to the map while it loads ({round_})"
        window.nav_rail.setCurrentRow(map_row)
        qtbot.waitUntil(drawn, timeout=60_000)
        monitor.step = f"the map drawn ({round_})"
        qtbot.wait(600)
    report(monitor)
