"""The page base: what every page of the window has in common.

A title row with room for the page's buttons, a message banner under it, the page's body
(with an empty state in its place when there is nothing to show), ``ready`` after each
load is applied, loads in the background where the latest wins, and the tables the page
watches on the change feed: the window connects its ``data_changed``; a change to a
watched table reloads the page soon while it is shown, else when it is shown next.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from models.database import Database
from models.users import Actor
from ui.common.change_feed import ReloadWhenShown, touches
from ui.common.operations import problem_text
from ui.common.styles import PAGE_TITLE
from ui.common.widgets import Banner, EmptyState
from ui.common.worker import run_in_background

Loaded = Callable[[Any], None]
Failed = Callable[[BaseException | None], None]


class Page(QWidget):
    """Base of the window's pages.

    A subclass sets ``watched_tables`` (and ``change_delay_ms``), builds its parts under
    ``header`` and ``layout_``, implements ``refresh`` with ``load`` and emits ``ready``
    once a load is shown (``load_failed`` emits it for a failed one).
    """

    ready = Signal()  # after each load has been applied (or its failure shown)

    watched_tables: ClassVar[frozenset[str]] = frozenset()
    change_delay_ms: ClassVar[int] = 1000  # changes arriving within this time load together
    margins: ClassVar[tuple[int, int, int, int]] = (24, 18, 24, 18)
    title_style: ClassVar[str] = PAGE_TITLE

    def __init__(
        self, db: Database, actor: Actor, title: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self._running = False
        self._next: tuple[Callable[..., Any], Loaded, Failed | None, dict[str, Any]] | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(*self.margins)
        self.header = QHBoxLayout()
        self.title_label = QLabel(title)
        self.title_label.setStyleSheet(self.title_style)
        self.header.addWidget(self.title_label)
        self.layout_.addLayout(self.header)
        self.banner = Banner()
        self.layout_.addWidget(self.banner)
        self.empty_state: EmptyState | None = None
        # Only a page that watches tables filters its events (a call into Python for each).
        self.reloader = (
            ReloadWhenShown(self, self.refresh, self.change_delay_ms)
            if self.watched_tables
            else None
        )

    # -- the body ------------------------------------------------------------------------

    def add_body(self, content: QWidget, empty_text: str | None = None) -> QWidget:
        """Put the page's main content under the banner, taking the room left; with
        ``empty_text``, in an empty state that shows that text instead while
        ``show_empty(True)``."""
        if empty_text is not None:
            self.empty_state = EmptyState(content, empty_text)
            self.layout_.addWidget(self.empty_state, 1)
            return self.empty_state
        self.layout_.addWidget(content, 1)
        return content

    def show_empty(self, empty: bool, text: str | None = None) -> None:
        if self.empty_state is not None:
            self.empty_state.show_empty(empty, text)

    def is_empty(self) -> bool:
        return self.empty_state is not None and self.empty_state.is_empty()

    # -- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load what the page shows (F5, the Refresh button, a watched change)."""
        raise NotImplementedError

    @property
    def loading(self) -> bool:
        return self._running

    def load(
        self,
        fn: Callable[..., Any],
        on_loaded: Loaded,
        *,
        on_failed: Failed | None = None,
        **arguments: Any,
    ) -> None:
        """Run ``fn(**arguments)`` in a worker and give its result to ``on_loaded`` on the UI
        thread. The latest wins: a load asked for while one runs replaces any waiting one
        and starts when the running one ends, whose result is then dropped (one worker
        per page, so a burst of changes never queues a load per change)."""
        if self._running:
            self._next = (fn, on_loaded, on_failed, arguments)
            return
        self._running = True

        def arrived(result: Any, error: BaseException | None) -> None:
            self._running = False
            if self._next is not None:
                fn_, loaded_, failed_, arguments_ = self._next
                self._next = None
                self.load(fn_, loaded_, on_failed=failed_, **arguments_)
                return
            if error is not None:
                (on_failed or self.load_failed)(error)
                return
            on_loaded(result)

        run_in_background(fn, arrived, owner=self, **arguments)

    def load_failed(self, error: BaseException | None) -> None:
        """A load that failed: its refusal, or one line for a bug (the worker logged it)."""
        self.banner.show_error(problem_text(error))
        self.ready.emit()

    # -- the change feed -------------------------------------------------------------------

    def data_changed(self, tables: frozenset[str]) -> None:
        """From the change feed: reload soon if shown, else when next shown."""
        if self.reloader is not None and touches(tables, self.watched_tables):
            self.tables_changed(tables)
            self.reloader.changed()

    def tables_changed(self, tables: frozenset[str]) -> None:
        """A watched change arrived (before the reload is scheduled); for pages whose parts
        reload on their own."""
