"""The risk map page: the map in a web view, a search box and the details of a feature.

The layers are read and the page written in a process of its own (ui.map.preparer,
maps.prepared), which also writes what the details panel and the search box read later;
the web view then loads the page from its folder. ``ready`` follows once the page
has drawn (or could not be shown), so a screenshot waits for it.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.messages import fill
from models.refusals import Refused
from models.search import query_terms
from models.settings import Settings
from models.users import Actor
from ui.common.change_feed import ReloadWhenShown, touches
from ui.common.worker import run_in_background
from ui.map.area import AreaPanel
from ui.map.preparer import MapPreparer
from ui.map.typhoon import TyphoonPanel
from ui.map.view import MapView, schemes_registered

if TYPE_CHECKING:  # maps.* loads numpy and shapely: in the worker, not when the window opens
    from maps.prepared import Found, PreparedMap
    from models.teams import TeamReach
    from ui.supplies.from_point import StockFromPointPanel

log = logging.getLogger(__name__)

MAX_RESULTS = 50
SEARCH_DELAY_MS = 200
CHANGE_DELAY_MS = 2000
# What the map draws: a commit touching these redraws it (check-ins do not: a reload
# would take the map from under the officer's hands every few seconds).
MAP_TABLES = frozenset(
    {"divisions", "grids", "danger_zones", "shelters", "typhoons", "typhoon_points", "events"}
)
# The map's layers that hold each kind of feature a typhoon's reach names.
REACH_LAYERS = {"town": "towns", "village": "villages", "grid": "grids", "shelter": "shelters"}

PANEL_STYLE = """
QLabel#detailsTitle { font-size: 17px; font-weight: bold; color: #17324d; }
QLabel#detailsLayer { color: #5a6a7a; }
QLabel#placeholder { color: #6a7a8a; padding: 12px 2px; }
QLabel#statusLabel { color: #6a7a8a; font-size: 12px; }
QLabel#errorLabel { background: #fdecea; color: #8a1c1c; border-left: 4px solid #c62828;
    padding: 6px; }
QFrame#details { background: white; border: 1px solid #d5dde5; border-radius: 6px; }
"""


def _team_reach(*, db: Database, actor: Actor, team_id: int) -> tuple[TeamReach, dict[str, Any]]:
    """A team's reach and the circle the map draws (maps.layers: imported here, in the
    worker, so the UI thread never imports numpy and shapely for it)."""
    from maps.layers.teams import circle_geometry, reach_circle

    with db.session(actor) as session:
        reach = reach_circle(session=session, team_id=team_id)
    return reach, circle_geometry(reach)


def register_kind(layer: str) -> str | None:
    """Which part of the register holds a feature of ``layer`` (the register's tab keys)."""
    if layer in ("county", "towns", "villages"):
        return "division"
    if layer.startswith("danger."):
        return "danger_zones"
    if layer in ("grids", "shelters"):
        return layer
    return None


class MapPage(QWidget):
    """The county on a map; a click or a search shows a feature's details beside it."""

    ready = Signal()
    # (register kind: division, grids, danger_zones or shelters; row id)
    open_in_register = Signal(str, int)
    open_transfer_list = Signal(int)  # village id

    def __init__(
        self,
        db: Database,
        actor: Actor,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.settings = settings
        self.build: PreparedMap | None = None
        self.current: tuple[str, int] | None = None
        self.summary: dict[str, Any] = {}  # the page's own account of what it drew
        self._loads = 0
        self._keep_view: tuple[list[float], float] | None = None
        self._circles: dict[str, Any] | None = None  # the typhoon at the slider's time
        self._marked: dict[str, list[int]] = {}
        self._ready_waits = False
        self._features_wait = False  # ready once the features file is written
        self._searches = 0  # the latest search asked (the one whose results are listed)
        self._partial = False  # the details shown are the page's few, not the file's
        self._typhoon_due = False  # the typhoon is read again once the layers are
        # a team's reach (and its circle) asked before the page drew
        self._reach_due: tuple[TeamReach, dict[str, Any]] | None = None
        self._folder = Path(tempfile.mkdtemp(prefix="ecc-map-"))
        weakref.finalize(self, shutil.rmtree, self._folder, True)
        self.preparer = MapPreparer(db.url, actor, self)

        self.setStyleSheet(PANEL_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(self.splitter)
        self.view = MapView()
        self.view.drawn.connect(self._drawn)
        self.view.failed.connect(self._failed)
        self.view.feature_clicked.connect(self._clicked)
        self.view.tool_used.connect(self._tool_used)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self._build_panel())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([1100, 400])
        self.reloader = ReloadWhenShown(self, self.refresh, CHANGE_DELAY_MS)
        self.refresh()

    def _build_panel(self) -> QWidget:
        panel = QWidget()
        panel.setMinimumWidth(280)
        panel.setMaximumWidth(560)
        box = QVBoxLayout(panel)
        box.setContentsMargins(10, 10, 10, 10)
        title = QLabel(self.tr("Risk map"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        box.addWidget(title)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Preparing the search ..."))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setEnabled(False)
        box.addWidget(self.search_edit)
        self.results_list = QListWidget()
        self.results_list.hide()
        box.addWidget(self.results_list)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._search_now)
        self.results_list.itemActivated.connect(self._result_chosen)
        self.results_list.itemClicked.connect(self._result_chosen)

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        box.addWidget(self.error_label)
        self.side_tabs = QTabWidget()
        self.side_tabs.setDocumentMode(True)
        box.addWidget(self.side_tabs, 1)
        details_tab = QWidget()
        details_box = QVBoxLayout(details_tab)
        details_box.setContentsMargins(0, 6, 0, 0)
        self.side_tabs.addTab(details_tab, self.tr("Details"))
        self.placeholder_label = QLabel(
            self.tr("Click a feature on the map, or search for one, to see its details here.")
        )
        self.placeholder_label.setObjectName("placeholder")
        self.placeholder_label.setWordWrap(True)
        details_box.addWidget(self.placeholder_label)

        self.details = QFrame()
        self.details.setObjectName("details")
        details = QVBoxLayout(self.details)
        self.details_title = QLabel()
        self.details_title.setObjectName("detailsTitle")
        self.details_title.setWordWrap(True)
        self.details_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_layer = QLabel()
        self.details_layer.setObjectName("detailsLayer")
        self.details_form = QFormLayout()
        self.details_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        details.addWidget(self.details_title)
        details.addWidget(self.details_layer)
        details.addLayout(self.details_form)
        self.reach_label = QLabel()  # a team's reach, when a team is shown
        self.reach_label.setWordWrap(True)
        self.reach_label.hide()
        details.addWidget(self.reach_label)
        self.locate_button = QPushButton(self.tr("Show on the map"))
        self.register_button = QPushButton(self.tr("Open in the register"))
        self.transfers_button = QPushButton(self.tr("Open this village's transfer list"))
        for button in (self.locate_button, self.register_button, self.transfers_button):
            details.addWidget(button)
        self.locate_button.clicked.connect(self._locate_current)
        self.register_button.clicked.connect(self._open_register)
        self.transfers_button.clicked.connect(self._open_transfers)
        self.details.hide()
        details_box.addWidget(self.details)
        details_box.addStretch(1)
        self.typhoon = TyphoonPanel(self.db, self.actor)
        self.side_tabs.addTab(self.typhoon, self.tr("Typhoon"))
        self.side_tabs.setCurrentWidget(self.typhoon)
        self.typhoon.circles.connect(self._typhoon_circles)
        self.typhoon.marked.connect(self._typhoon_marked)
        self.typhoon.feature_chosen.connect(self._reached_feature_chosen)
        self.typhoon.settled.connect(self._typhoon_settled)
        self.area = AreaPanel(self.db, self.actor)
        self.side_tabs.addTab(self.area, self.tr("Area"))
        self.area.feature_chosen.connect(self._reached_feature_chosen)
        self.area.show_area.connect(self._show_area)
        self._add_stock_tab()
        self.status_label = QLabel(self.tr("Drawing the map ..."))
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        box.addWidget(self.status_label)
        return panel

    # -- loading ----------------------------------------------------------------------------

    def data_changed(self, tables: frozenset[str]) -> None:
        """From the change feed: redraw soon if shown, else when next shown."""
        if touches(tables, MAP_TABLES):
            self.reloader.changed()

    def refresh(self) -> None:
        """Read the layers and the typhoon again and reload the page; ``ready`` follows.
        The typhoon is read once the layers are: both at once held the UI thread longer."""
        self._typhoon_due = True
        self.area.reset()
        self.rebuild()

    def rebuild(self) -> None:
        """Read the layers again and reload the page; ``ready`` follows. A build still
        running is abandoned (the register changed meanwhile): this one replaces it."""
        self._loads += 1
        self.preparer.prepare(
            self._folder / f"page-{self._loads}",
            self._built,
            self._features,
            tile_source=self.settings.tile_source,
            tiles_available=schemes_registered(),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.preparer.stop()
        self.typhoon.close_reach()
        super().closeEvent(event)

    def _built(self, build: PreparedMap | None, error: str | None) -> None:
        if self._typhoon_due:
            self._typhoon_due = False
            self.typhoon.load()
        if build is None:
            self._show_error(fill(self.tr("The map could not be built: %1"), error or "?"))
            self.ready.emit()
            return
        previous = self.build
        self.build = build
        self.error_label.hide()
        self.view.set_mbtiles(build.mbtiles_path or None)
        self.view.allow_remote_tiles(build.basemap_kind == "xyz")
        if previous is None:
            self.view.show_page(build.page)
        else:  # keep where the officer has moved the map
            self.view.run_json(
                "window.ECC ? ECC.summary() : null",
                lambda summary: self._reload(build.page, summary),
            )
        if previous is not None:
            previous.close()
            shutil.rmtree(previous.folder, ignore_errors=True)

    def _features(self, build: PreparedMap | None, error: str | None) -> None:
        """The features file is written: the details and the search read it from now on."""
        if build is None:
            self._show_error(fill(self.tr("The map could not be built: %1"), error or "?"))
        elif build is self.build:
            self.search_edit.setPlaceholderText(
                self.tr("Find a village, grid, danger zone or shelter (pinyin initials work)")
            )
            self.search_edit.setEnabled(True)
            if self.search_edit.text().strip():
                self.search()
            if self._partial and self.current is not None:  # clicked before: all of it now
                reach_shown = not self.reach_label.isHidden()
                self.show_feature(*self.current, show_details=False)
                self.reach_label.setVisible(reach_shown)
        else:
            return
        if self._features_wait:
            self._features_wait = False
            self.ready.emit()

    def _reload(self, page: Path, summary: Any) -> None:
        if isinstance(summary, dict) and summary.get("moved"):
            self._keep_view = (summary["center"], summary["zoom"])
        self.view.show_page(page)

    def _drawn(self, summary: dict[str, Any]) -> None:
        build = self.build
        if build is not None:
            drawn = sum(layer.count for layer in build.layers)
            missing = sum(layer.missing for layer in build.layers)
            text = fill(self.tr("%1 features on the map."), f"{drawn:,}")
            if missing:
                text += " " + fill(self.tr("%1 without a location are not drawn."), f"{missing:,}")
            self.status_label.setText(text)
        self.summary = summary
        if self._keep_view is not None:
            self.view.set_view(*self._keep_view)
            self._keep_view = None
        if self.current is not None:  # reloaded: keep showing what the officer looked at
            self.view.fly_to(*self.current)
        if self._reach_due is not None:
            reach, self._reach_due = self._reach_due, None
            self._draw_reach(*reach)
        self._show_typhoon(self._tell_ready)

    def _failed(self) -> None:
        self._show_error(self.tr("The map page could not be shown. Details are in the log file."))
        self._tell_ready()

    def _tell_ready(self) -> None:
        """``ready`` once the page is drawn, the typhoon's figures are in and the features
        file is written (or could not be)."""
        if self.typhoon.busy:
            self._ready_waits = True
        else:
            self._ready_once_features()

    def _ready_once_features(self) -> None:
        build = self.build
        if build is not None and not build.features_ready and self.preparer.busy:
            self._features_wait = True
        else:
            self.ready.emit()

    # -- the typhoon -----------------------------------------------------------------------------

    def _typhoon_circles(self, collection: dict[str, Any]) -> None:
        self._circles = collection
        if self.build is not None and "typhoon" not in self._layer_keys():
            self.rebuild()  # the first typhoon: the page needs its layer and legend
        elif self.summary:
            self.view.replace_layer("typhoon", collection)

    def _typhoon_marked(self, layer: str, ids: list[int]) -> None:
        keys = (
            [key for key in self._layer_keys() if key.startswith("danger.")]
            if layer == "danger_zone"
            else [REACH_LAYERS.get(layer, layer)]
        )
        self._marked = {key: ids for key in keys}
        if self.summary:
            self.view.mark(self._marked)

    def _layer_keys(self) -> list[str]:
        return [layer.key for layer in self.build.layers] if self.build is not None else []

    def _show_typhoon(self, then: Callable[[], None]) -> None:
        """Draw the slider's circles and marks on a page just loaded, then ``then()``."""
        circles, marked = self._circles, self._marked
        if circles is None:
            then()
            return
        self.view.replace_layer(
            "typhoon", circles, lambda _count: self.view.mark(marked, lambda _ok: then())
        )

    def _typhoon_settled(self) -> None:
        if self._ready_waits:
            self._ready_waits = False
            self._show_typhoon(self._ready_once_features)

    def _reached_feature_chosen(self, layer: str, feature_id: int) -> None:
        keys = [REACH_LAYERS.get(layer, layer)]
        if layer == "danger_zone" and self.build is not None:
            keys = [
                key
                for key in self._layer_keys()
                if key.startswith("danger.") and self.build.properties(key, feature_id)
            ]
        if keys:
            self.go_to(keys[0], feature_id, show_details=False)

    def _tool_used(self, name: str, value: dict[str, Any]) -> None:
        """An area drawn or a point chosen on the map: the Area tab lists what it holds."""
        if self._point_for_stock(name, value):
            return
        self.side_tabs.setCurrentWidget(self.area)
        self.area.ask(name, value)

    # -- the nearest stock of an item (the Stock tab) ------------------------------------------

    def _add_stock_tab(self) -> None:
        """The console's map (its warehouses layer drawn) gets the Stock tab (Alt+S)."""
        self.stock: StockFromPointPanel | None = None
        from ui.supplies.from_point import StockFromPointPanel

        self.stock = StockFromPointPanel(self.db, self.actor)
        self.side_tabs.addTab(self.stock, self.tr("&Stock"))
        self.stock.found.connect(self._stock_found)
        self.stock.warehouse_chosen.connect(lambda wid: self.go_to("supply_warehouses", wid))
        self.side_tabs.currentChanged.connect(self._stock_tab_shown)

    def _stock_tab_shown(self, _index: int) -> None:
        if self.stock is not None and self.side_tabs.currentWidget() is self.stock:
            self.stock.focus_first_empty()

    def _point_for_stock(self, name: str, value: dict[str, Any]) -> bool:
        """A crosshair point is the Stock tab's place too; while that tab is shown it stays
        shown and searches from the point (the Area tab lists the shelters all the same)."""
        if name != "nearest" or self.stock is None:
            return False
        shown = self.side_tabs.currentWidget() is self.stock
        self.stock.set_point(float(value["lng"]), float(value["lat"]), search=shown)
        if shown:
            self.area.ask(name, value)
        return shown

    def _stock_found(self, warehouse_ids: list[int]) -> None:
        """The warehouses the Stock tab lists, outlined on the map."""
        self._marked = {"supply_warehouses": list(warehouse_ids)}
        if self.summary:
            self.view.mark(self._marked)

    def _show_area(self, geometry: dict[str, Any]) -> None:
        """A saved area drawn on the map again."""
        self.view.run_json(f"ECC.tools.show({json.dumps(geometry)}), true")

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.status_label.setText("")

    # -- details --------------------------------------------------------------------------------

    def _clicked(self, props: dict[str, Any]) -> None:
        try:
            layer, feature_id = str(props["layer"]), int(props["id"])
        except (KeyError, TypeError, ValueError):
            return
        self.show_feature(layer, feature_id, props)
        if layer == "teams":
            self.show_team_reach(feature_id)

    # -- a team's reach -------------------------------------------------------------------------

    def show_team_reach(self, team_id: int) -> None:
        """Draw how far a team gets in 15 minutes from its base (a circle: straight line,
        road distance over the road factor at its class's speed) and show the team."""
        run_in_background(
            _team_reach, self._reach_read, owner=self, db=self.db, actor=self.actor, team_id=team_id
        )

    def _reach_read(
        self, reach: tuple[TeamReach, dict[str, Any]] | None, error: BaseException | None
    ) -> None:
        if reach is None:
            self._show_error(  # a refusal says why; anything else is in the log file
                error.message
                if isinstance(error, Refused)
                else self.tr("The team could not be read.")
            )
            return
        if not self.summary:  # the page has not drawn yet: once it has
            self._reach_due = reach
            return
        self._draw_reach(*reach)

    def _draw_reach(self, reach: TeamReach, circle: dict[str, Any]) -> None:
        self._show_area(circle)
        if self.current != ("teams", reach.team_id):
            self.show_feature("teams", reach.team_id, {"name": reach.name})
        self.reach_label.setText(
            fill(
                self.tr(
                    "Reach in %1 minutes: about %2 km in a straight line (%3 km/h, road factor "
                    "%4), drawn as a circle."
                ),
                f"{reach.minutes:g}",
                f"{reach.radius_km:.1f}",
                f"{reach.speed_kmh:g}",
                f"{reach.road_factor:g}",
            )
        )
        self.reach_label.show()

    def show_feature(
        self,
        layer: str,
        feature_id: int,
        fallback: dict[str, Any] | None = None,
        *,
        show_details: bool = True,
    ) -> bool:
        """Show a feature's details in the panel; False when the map does not know it."""
        props = self.build.properties(layer, feature_id) if self.build is not None else None
        self._partial = props is None
        props = props or fallback
        if props is None:
            return False
        self.current = (layer, feature_id)
        if show_details:
            self.side_tabs.setCurrentIndex(0)
        layer_data = self.build.layer(layer) if self.build is not None else None
        self.placeholder_label.hide()
        self.details.show()
        self.details_title.setText(str(props.get("name") or ""))
        self.details_layer.setText(layer_data.title if layer_data is not None else layer)
        while self.details_form.rowCount():
            self.details_form.removeRow(0)
        labels = layer_data.labels if layer_data is not None else self._field_labels()
        for key, text in labels.items():
            value = props.get(key)
            if key == "name" or value is None or value == "":
                continue
            number = isinstance(value, int) and not isinstance(value, bool)
            shown = f"{value:,}" if number else str(value)
            value_label = QLabel(shown)
            value_label.setWordWrap(True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details_form.addRow(text, value_label)
        self.reach_label.hide()
        self.register_button.setVisible(register_kind(layer) is not None)
        self.transfers_button.setVisible(props.get("village_id") is not None)
        return True

    def _field_labels(self) -> dict[str, str]:
        """The labels of the fields every layer may show (a feature of no layer drawn)."""
        return self.build.labels if self.build is not None else {}

    def _locate_current(self) -> None:
        if self.current is not None:
            self.view.fly_to(*self.current)

    def _open_register(self) -> None:
        if self.current is not None:
            kind = register_kind(self.current[0])
            if kind is not None:
                self.open_in_register.emit(kind, self.current[1])

    def _open_transfers(self) -> None:
        if self.current is None or self.build is None:
            return
        props = self.build.properties(*self.current) or {}
        village_id = props.get("village_id")
        if village_id is not None:
            self.open_transfer_list.emit(int(village_id))

    # -- search ---------------------------------------------------------------------------------

    def matching(self, text: str, limit: int = MAX_RESULTS) -> list[Found]:
        """Features whose name, code, village, person or place matches every word of ``text``."""
        terms = query_terms(text)
        if not terms or self.build is None:
            return []
        return self.build.search(terms, limit)

    def search(self, *, choose_first: bool = False) -> None:
        """Search the features file in a worker (a rare word scans every entry: tens of
        milliseconds at scale 10); the latest search's results are listed."""
        self._search_timer.stop()
        self._searches += 1
        text = self.search_edit.text()
        terms = query_terms(text)
        if not terms or self.build is None:
            self.results_list.clear()
            self.results_list.hide()
            return
        asked = self._searches
        run_in_background(
            self.build.search,
            lambda found, error: self._found(asked, found, error, choose_first),
            owner=self,
            terms=terms,
            limit=MAX_RESULTS,
        )

    def _found(
        self,
        asked: int,
        found: list[Found] | None,
        error: BaseException | None,
        choose_first: bool,
    ) -> None:
        if asked != self._searches:  # typed on meanwhile
            return
        if found is None:
            log.error("map search failed: %r", error)
            found = []
        self.results_list.clear()
        for entry in found:
            item = QListWidgetItem(entry.text)
            item.setData(Qt.ItemDataRole.UserRole, (entry.layer, entry.id))
            self.results_list.addItem(item)
        if not found:
            item = QListWidgetItem(self.tr("Nothing found."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results_list.addItem(item)
        rows = min(self.results_list.count(), 10)
        self.results_list.setFixedHeight(
            rows * max(self.results_list.sizeHintForRow(0), 18)
            + 2 * self.results_list.frameWidth()
            + 4
        )
        self.results_list.show()
        first = self.results_list.item(0)
        if choose_first and first is not None and first.data(Qt.ItemDataRole.UserRole):
            self._result_chosen(first)

    def _search_now(self) -> None:
        self.search(choose_first=True)

    def _result_chosen(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target:
            self.go_to(*target)

    def go_to(self, layer: str, feature_id: int, *, show_details: bool = True) -> None:
        """Show a feature's details and fly the map to it, highlighted."""
        if self.show_feature(layer, feature_id, show_details=show_details):
            self.view.fly_to(layer, feature_id)
