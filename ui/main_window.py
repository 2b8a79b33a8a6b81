"""The main window: a navigation rail to every page, the pages, and the status bar."""

from __future__ import annotations

import gc
import logging
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime

from PySide6.QtCore import (
    QPoint,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
)
from PySide6.QtGui import QCloseEvent, QKeySequence, QPixmap, QRegion, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from models.clock import display_time, zone
from models.database import Database, display_url
from models.events import EventRow, active_event
from models.labels import RESPONSE_COLOURS, RESPONSE_LEVELS, ROLES, label
from models.messages import fill
from models.settings import Settings, config_dir
from models.users import Actor
from ui.common.change_feed import ChangeFeed, touches
from ui.common.collector import IdleCollector
from ui.common.level_banner import LevelBanner
from ui.common.pages import PAGE_KEYS, PAGES, page_factory
from ui.common.worker import run_in_background

log = logging.getLogger(__name__)

RAIL_STYLE = """
QListWidget#navRail { background: #17324d; color: #dfe8f1; border: none; font-size: 15px; }
QListWidget#navRail::item { padding: 11px 14px; border-left: 4px solid transparent; }
QListWidget#navRail::item:selected { background: #23496f; color: white;
    border-left: 4px solid #f0a020; }
QListWidget#navRail::item:hover:!selected { background: #1e3f60; }
"""


def _active_event(db: Database, actor: Actor) -> EventRow | None:
    with db.session(actor) as session:
        return active_event(session=session)


def render_parts(widget: QWidget) -> Iterator[tuple[QWidget, bool]]:
    """The parts of ``widget`` to render one at a time: (widget, with its children); a
    widget with more than WARM_PART_WIDGETS descendants, or with a view among them, is
    rendered alone, then its children in turn. A view (a table, a chart) is rendered
    without its cells: painting them is Qt's own work, the same at every showing, and
    took 35-40 ms for one register table."""
    if isinstance(widget, CELL_VIEWS):
        yield widget, False
        return
    descendants = widget.findChildren(QWidget)
    if len(descendants) <= WARM_PART_WIDGETS and not any(
        isinstance(descendant, CELL_VIEWS) for descendant in descendants
    ):
        yield widget, True
        return
    yield widget, False
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if not child.isHidden():
            yield from render_parts(child)


def render_offscreen(widget: QWidget, *, with_children: bool) -> None:
    """Polish, lay out and paint ``widget`` into a pixmap that is thrown away."""
    if widget.width() <= 0 or widget.height() <= 0:
        return
    pixmap = QPixmap(widget.size())
    flags = QWidget.RenderFlag.DrawWindowBackground
    if with_children:
        flags |= QWidget.RenderFlag.DrawChildren
    widget.render(pixmap, QPoint(), QRegion(), flags)


# Pages that start the web engine's renderer: built once the window is idle, or at once
# when opened first, so that they never hold the window while it starts.
DEFERRED = frozenset(spec.key for spec in PAGES if spec.deferred)
IDLE_POLL_MS = 100
# Idle: no background load and no page opened for this many polls. The pages not shown
# yet are warmed first (``MainWindow._warm``), then the deferred pages are built: built
# as soon as loads stopped (300 ms), the map page and its loads landed in the first
# showing of the next pages an officer went through (ticks 75-140 ms late).
WARM_IDLE_POLLS = 3
IDLE_POLLS = 10
# A deferred page opened before the window was idle: built once no load has run for
# OPENED_IDLE_POLLS, after OPENED_WAIT_POLLS at the latest.
OPENED_IDLE_POLLS = 3
OPENED_WAIT_POLLS = 15
# Warming the pages not shown yet (``MainWindow._warm``): rendering done per idle poll,
# and the most widgets rendered in one piece.
WARM_BUDGET_S = 0.010
WARM_PART_WIDGETS = 25
CELL_VIEWS = (QAbstractItemView, QGraphicsView)


class MainWindow(QMainWindow):
    def __init__(self, db: Database, actor: Actor, settings: Settings) -> None:
        super().__init__()
        self.db = db
        self.actor = actor
        self.settings = settings
        self.setWindowTitle(self.tr("Emergency Command Console"))
        self.pages: dict[str, QWidget] = {}
        self._placeholders: set[str] = set()  # deferred pages not built yet

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav_rail = QListWidget()
        self.nav_rail.setObjectName("navRail")
        self.nav_rail.setStyleSheet(RAIL_STYLE)
        self.nav_rail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav_rail.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for index, spec in enumerate(PAGES):
            item = QListWidgetItem(spec.translated_title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            shortcut = f"Ctrl+{(index + 1) % 10}"
            item.setToolTip(shortcut)
            self.nav_rail.addItem(item)
            QShortcut(QKeySequence(shortcut), self).activated.connect(
                lambda r=index: self.nav_rail.setCurrentRow(r)
            )
        # As wide as the longest title in the language in use, and no narrower than 150 px.
        widest = max(self.nav_rail.sizeHintForColumn(0), 0)
        self.nav_rail.setFixedWidth(max(150, widest + 40))
        self.stack = QStackedWidget()
        self.level_banner = LevelBanner()  # the response level in force, above every page
        pages = QVBoxLayout()
        pages.setContentsMargins(0, 0, 0, 0)
        pages.setSpacing(0)
        pages.addWidget(self.level_banner)
        pages.addWidget(self.stack, 1)
        layout.addWidget(self.nav_rail)
        layout.addLayout(pages, 1)
        self.setCentralWidget(central)
        self.nav_rail.currentRowChanged.connect(lambda row: self.open_from_rail(PAGES[row].key))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self).activated.connect(
            self.refresh_page
        )

        self._build_status_bar()
        self._restore_layout()
        for key in PAGE_KEYS:  # import every page's code now, not when a user opens it
            page_factory(key)
        self.show_page("dashboard")
        # Every page is built now, before the window shows (about 0.3 s in all), so that
        # opening one later only paints it; their data loads in the background.
        for key in PAGE_KEYS:
            if key in DEFERRED:
                self._add_placeholder(key)
            elif key not in self.pages:
                self._create_page(key)
        # Pages that show live figures follow the change feed (commits here and elsewhere).
        self.feed = ChangeFeed(db, self)
        self.feed.changed.connect(self._data_changed)
        for page in self.pages.values():
            self._follow_feed(page)
        self._start_web_engine()
        self._idle_polls = 0
        self._waited = 0  # polls since a deferred page was opened (0: none is waiting)
        self._warming = self._warm_parts()  # lazy: nothing is rendered before _warm
        self._warming_done = False
        self._idle_timer = QTimer(self)
        self._idle_timer.setInterval(IDLE_POLL_MS)
        self._idle_timer.timeout.connect(self._build_deferred_when_idle)
        self._idle_timer.start()
        # Objects alive now (modules, classes, widgets) live as long as the window: keep
        # them out of the cyclic collector, whose full passes would otherwise pause the
        # UI thread for tens of milliseconds.
        gc.freeze()
        self.collector = IdleCollector(self)  # full passes of the collector when idle
        # Table views call into Python for every cell they paint and must win the GIL back
        # from loading workers each time, waiting up to the switch interval for each call:
        # 0.2 ms keeps a page's first paint beside a loading worker under 70 ms (1 ms let
        # it reach 75-130 ms in the responsiveness test). Workers alone lose nothing.
        sys.setswitchinterval(0.0002)

    # -- pages ---------------------------------------------------------------

    def open_from_rail(self, key: str) -> None:
        """What the rail and its shortcuts open. A page not built yet shows its placeholder
        at once and is built as soon as no background load competes with it for the UI
        thread (1.5 s at the latest while its placeholder is shown): built beside the
        window's first loads, the map page held the window for 0.1-0.3 s. A page opened
        meanwhile paints first: built as the officer moved on to the transfers page, the
        map page made that page's first showing 50-100 ms slower."""
        self._idle_polls = 0  # the page opened now paints before a deferred one is built
        if key in self._placeholders:
            self.stack.setCurrentWidget(self.pages[key])
            self._waited = max(self._waited, 1)
        else:
            self._waited = 0  # nobody looks at a placeholder now: build it when idle
            self.show_page(key)

    def show_page(self, key: str) -> QWidget:
        """Show a page, built now if it was not (for links between pages and screenshots)."""
        if key in self._placeholders:
            self._swap(*self._build_behind(key, swap=False))
        page = self.pages.get(key) or self._create_page(key)
        if self.stack.currentWidget() is not page and hasattr(self, "event_label"):
            self.load_event()
        if self.stack.indexOf(page) < 0:  # built behind its placeholder a moment ago
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        row = PAGE_KEYS.index(key)
        if self.nav_rail.currentRow() != row:
            self.nav_rail.blockSignals(True)
            self.nav_rail.setCurrentRow(row)
            self.nav_rail.blockSignals(False)
        return page

    def _create_page(self, key: str, *, add: bool = True) -> QWidget:
        """The page of ``key`` made; with ``add``, put in the stack now (a page built
        behind its placeholder is put there in the next turn of the event loop: adding
        the map page, with its web view, takes 13-21 ms beside the 40 ms of making it)."""
        try:
            page = page_factory(key)(self.db, self.actor, self.settings)
        except Exception:
            log.exception("page %s could not be opened", key)
            page = QLabel(self.tr("This page could not be opened. Details are in the log file."))
            page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages[key] = page
        if add:
            self.stack.addWidget(page)
        opener = getattr(page, "open_page", None)  # a page linking to others by their key
        if opener is not None:
            opener.connect(self.show_page)
        reach = getattr(page, "show_reach", None)  # a team's reach drawn on the map
        if reach is not None:
            reach.connect(self._show_team_reach)
        return page

    def _follow_feed(self, page: QWidget) -> None:
        listener = getattr(page, "data_changed", None)
        if callable(listener):
            self.feed.changed.connect(listener)

    def _add_placeholder(self, key: str) -> None:
        placeholder = QLabel(self.tr("Opening the page …"))
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder.setStyleSheet("color: #6a7a8a; font-size: 15px;")
        self._placeholders.add(key)
        self.pages[key] = placeholder
        self.stack.addWidget(placeholder)

    def _build_behind(self, key: str, *, swap: bool = True) -> tuple[QWidget, QWidget]:
        """Build a deferred page behind its placeholder; with ``swap``, put it in the
        placeholder's place in the next turn of the event loop."""
        placeholder = self.pages[key]
        if key not in self._placeholders:  # built meanwhile
            return placeholder, placeholder
        self._placeholders.discard(key)
        page = self._create_page(key, add=not swap)
        self._follow_feed(page)
        self._link_page(key, page)
        if swap:
            QTimer.singleShot(0, self, lambda: self._swap(placeholder, page))
        return placeholder, page

    def _swap(self, placeholder: QWidget, page: QWidget) -> None:
        if placeholder is page:
            return
        if self.stack.indexOf(page) < 0:
            self.stack.addWidget(page)
        if self.stack.currentWidget() is placeholder:
            self.stack.setCurrentWidget(page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()

    def _link_page(self, key: str, page: QWidget) -> None:
        """What a page asks of the others (the map: open a feature in the register)."""
        if key == "map":
            page.open_in_register.connect(self._open_in_register)  # type: ignore[attr-defined]
            page.open_transfer_list.connect(  # type: ignore[attr-defined]
                self._open_transfer_list
            )

    def _open_in_register(self, kind: str, row_id: int) -> None:
        page = self.show_page("register")
        show_record = getattr(page, "show_record", None)
        if callable(show_record):
            show_record(kind, row_id)

    def _show_team_reach(self, team_id: int) -> None:
        page = self.show_page("map")
        show_reach = getattr(page, "show_team_reach", None)
        if callable(show_reach):
            show_reach(team_id)

    def _open_transfer_list(self, village_id: int) -> None:
        page = self.show_page("transfers")
        show_village = getattr(page, "show_village", None)
        if callable(show_village):
            show_village(village_id)

    @staticmethod
    def _start_web_engine() -> None:
        """Start the web engine before the window shows (10-60 ms on a quiet machine without
        the sandbox's zygote): started when the map is first opened, it held the shown
        window for 0.3-0.5 s."""
        from PySide6.QtWebEngineCore import QWebEngineProfile

        from ui.map.view import tile_handler

        QWebEngineProfile.defaultProfile()  # starts the engine
        tile_handler()

    def _build_deferred_when_idle(self) -> None:
        """While the window is idle (no background load, no page opened): after
        WARM_IDLE_POLLS, render the pages not shown yet offscreen, a little per poll
        (``_warm``); once that is done and after IDLE_POLLS, build the deferred pages. A
        deferred page opened meanwhile is built once no load has run for
        OPENED_IDLE_POLLS, or after OPENED_WAIT_POLLS at the latest."""
        if self._waited:
            self._waited += 1
        if QThreadPool.globalInstance().activeThreadCount() > 0:
            self._idle_polls = 0
        else:
            self._idle_polls += 1
        opened = self._waited and (
            self._idle_polls >= OPENED_IDLE_POLLS or self._waited > OPENED_WAIT_POLLS
        )
        settled = self._idle_polls >= IDLE_POLLS and self._warming_done
        if self._placeholders and (opened or settled):
            for key in sorted(self._placeholders):
                self._build_behind(key)
            self._idle_polls = 0  # its loads run now
            return
        if self._idle_polls < WARM_IDLE_POLLS:
            return
        if not self._warming_done:
            self._warming_done = not self._warm()
        elif not self._placeholders:
            self._idle_timer.stop()

    @property
    def warmed(self) -> bool:
        """Every page not shown yet has been rendered once offscreen (``_warm``)."""
        return self._warming_done

    def _warm(self) -> bool:
        """Render the next parts of the pages not shown yet offscreen, for WARM_BUDGET_S;
        False once every part has been.

        PySide asks Python, once per widget and per virtual method, whether Python
        overrides it, and must win the GIL for each question: a page's first showing asks
        thousands, and beside a loading worker took 2-4 times as long as later showings.
        Rendered once while nothing else runs, the transfers page's first showing beside
        a busy thread took 131-143 ms instead of 192-214 (what is left: its tables' cells
        and its own C++ layout and painting)."""
        start = time.perf_counter()
        for widget, with_children in self._warming:
            if not isValid(widget) or widget.isVisible():
                continue  # gone, or shown meanwhile: nothing left to warm there
            render_offscreen(widget, with_children=with_children)
            if time.perf_counter() - start > WARM_BUDGET_S:
                return True
        return False

    def _warm_parts(self) -> Iterator[tuple[QWidget, bool]]:
        for key in PAGE_KEYS:
            page = self.pages.get(key)
            if page is None or key in DEFERRED or page.isVisible():
                continue  # the web engine's pages render themselves
            page.resize(self.stack.size())
            yield from render_parts(page)

    def _data_changed(self, tables: frozenset[str]) -> None:
        if touches(tables, frozenset({"events"})):
            self.load_event()

    def refresh_page(self) -> None:
        self.load_event()
        page = self.stack.currentWidget()
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    # -- status bar ------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.event_label = QLabel(self.tr("No active event"))
        self.event_label.setStyleSheet(
            "padding: 2px 10px; border-radius: 3px; background: #e4e8ec; color: #333;"
        )
        self.db_label = QLabel(display_url(self.db.url))
        self.db_label.setStyleSheet("color: #666;")
        self.user_label = QLabel(
            fill(self.tr("User: %1 (%2)"), self.actor.name, label(ROLES, self.actor.role))
        )
        self.clock_label = QLabel()
        self.clock_label.setMinimumWidth(230)
        bar.addWidget(self.event_label)
        bar.addWidget(self.db_label, 1)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.clock_label)
        self._zone = zone(self.settings.timezone)
        self._tick()
        self.clock = QTimer(self)
        self.clock.timeout.connect(self._tick)
        self.clock.start(1000)
        # The active event can change on any workstation: look again now and then.
        self.event_timer = QTimer(self)
        self.event_timer.timeout.connect(self.load_event)
        self.event_timer.start(30_000)
        self.load_event()

    def load_event(self) -> None:
        run_in_background(_active_event, self._show_event, owner=self, db=self.db, actor=self.actor)

    def _show_event(self, event: EventRow | None, error: BaseException | None) -> None:
        self.level_banner.show_event(event)
        if event is None:
            self.event_label.setText(self.tr("No active event"))
            self.event_label.setStyleSheet(
                "padding: 2px 10px; border-radius: 3px; background: #e4e8ec; color: #333;"
            )
            return
        level = event.response_level
        text = fill(self.tr("Event: %1"), event.name)
        if level:
            text += " · " + label(RESPONSE_LEVELS, level)
        self.event_label.setText(text)
        colour = RESPONSE_COLOURS.get(level or "", "#4a5a6a")
        self.event_label.setStyleSheet(
            f"padding: 2px 10px; border-radius: 3px; background: {colour}; color: white;"
            " font-weight: bold;"
        )

    def _tick(self) -> None:
        zone_name = self.tr("Beijing time") if self._zone.key == "Asia/Shanghai" else self._zone.key
        now = display_time(datetime.now(UTC), seconds=True, tz=self._zone)
        self.clock_label.setText(f"{zone_name} {now}")

    # -- remembered layout -------------------------------------------------------

    def _layout_store(self) -> QSettings:
        return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)

    def _restore_layout(self) -> None:
        geometry = self._layout_store().value("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 900)

    def closeEvent(self, event: QCloseEvent) -> None:
        store = self._layout_store()
        store.setValue("main/geometry", self.saveGeometry())
        store.sync()
        self.feed.close()
        super().closeEvent(event)
