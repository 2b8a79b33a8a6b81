"""The page base: the latest load wins, watched tables reload the page and others do not,
an empty result shows the empty state, a failed load is shown in the banner."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from models.changes import ANY
from models.database import Database
from models.refusals import PermissionDenied
from tests.conftest import ADMIN
from ui.common.operations import failure_text
from ui.common.page import Page


class RowsPage(Page):
    """A page showing the rows its loader returns, in a label, or an empty state."""

    watched_tables = frozenset({"shelters"})
    change_delay_ms = 10

    def __init__(self, db: Database, source: Callable[[], list[str]]) -> None:
        super().__init__(db, ADMIN, "Rows")
        self.source = source
        self.applied: list[list[str]] = []
        self.loads = 0
        self.rows_label = QLabel()
        self.add_body(self.rows_label, "Nothing yet: import a list first.")

    def refresh(self) -> None:
        self.loads += 1
        self.load(self.source, self._show)

    def _show(self, rows: list[str]) -> None:
        self.applied.append(rows)
        self.rows_label.setText(", ".join(rows))
        self.show_empty(not rows)
        self.ready.emit()


def test_the_latest_load_wins(qtbot: QtBot, sqlite_db: Database) -> None:
    gate = threading.Event()
    ran: list[str] = []

    def slow(value: str) -> list[str]:
        ran.append(value)
        if value == "first":
            gate.wait(10)
        return [value]

    page = RowsPage(sqlite_db, lambda: [])
    qtbot.addWidget(page)
    page.load(slow, page._show, value="first")
    page.load(slow, page._show, value="second")
    page.load(slow, page._show, value="third")  # replaces the second, which never runs
    assert page.loading
    with qtbot.waitSignal(page.ready, timeout=10_000):
        gate.set()
    assert page.applied == [["third"]]
    assert ran == ["first", "third"]
    assert page.rows_label.text() == "third" and not page.loading


def test_watched_tables_reload_the_page_and_others_do_not(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    page = RowsPage(sqlite_db, lambda: ["东山避灾安置点"])
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=10_000):
        page.show()
        page.refresh()
    assert page.loads == 1

    page.data_changed(frozenset({"households", "audit_log"}))
    qtbot.wait(150)
    assert page.loads == 1

    with qtbot.waitSignal(page.ready, timeout=10_000):
        page.data_changed(frozenset({"shelters", "audit_log"}))
    assert page.loads == 2
    with qtbot.waitSignal(page.ready, timeout=10_000):
        page.data_changed(frozenset({ANY}))  # another process changed something
    assert page.loads == 3

    # A hidden page reloads when it is shown again, not before.
    page.hide()
    page.data_changed(frozenset({"shelters"}))
    qtbot.wait(150)
    assert page.loads == 3
    with qtbot.waitSignal(page.ready, timeout=10_000):
        page.show()
    assert page.loads == 4


def test_no_rows_shows_the_empty_state(qtbot: QtBot, sqlite_db: Database) -> None:
    rows: list[str] = []
    page = RowsPage(sqlite_db, lambda: list(rows))
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.ready, timeout=10_000):
        page.refresh()
    assert page.is_empty()
    assert page.empty_state is not None
    message = page.empty_state.message_label
    assert message.isVisible() and "import a list" in message.text()
    assert not page.rows_label.isVisible()

    rows.append("石塘镇")
    with qtbot.waitSignal(page.ready, timeout=10_000):
        page.refresh()
    assert not page.is_empty() and page.rows_label.isVisible() and not message.isVisible()


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (PermissionDenied("You are not allowed to read the register."), None),
        (RuntimeError("张三 13812345678"), failure_text(write=False)),
    ],
)
def test_a_failed_load_is_shown_in_the_banner(
    qtbot: QtBot, sqlite_db: Database, error: Exception, shown: str | None
) -> None:
    def fails() -> list[str]:
        raise error

    page = RowsPage(sqlite_db, fails)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.ready, timeout=10_000):
        page.refresh()
    assert page.applied == []
    assert page.banner.kind == "error" and page.banner.isVisible()
    assert page.banner.text() == (shown or str(error))
    assert "13812345678" not in page.banner.text()
