"""The geography register page (地理信息登记).

Left, the county > town > village tree; right, one tab each for responsibility
grids, danger zones and hazard points, shelters and village flood working
groups. Rows and their search keys are loaded off the UI thread; results are
applied one step per event-loop turn so no single step holds the UI long.
"""

from __future__ import annotations

import html
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QTabWidget, QWidget

from models.areas import (
    DangerZoneRow,
    DivisionNode,
    GridRow,
    ShelterRow,
    WorkingGroupMemberRow,
    division_tree,
    list_danger_zones,
    list_grids,
    list_shelters,
    list_working_group_members,
)
from models.database import Database
from models.labels import DANGER_KINDS, SHELTER_LEVELS, WORKING_GROUP_POSTS, label
from models.messages import QT_TRANSLATE_NOOP, fill
from models.search import pinyin_sort_key, search_key
from models.users import Actor, Permission
from ui.common.import_dialog import ImportDialog
from ui.common.operations import problem_text
from ui.common.page import Page
from ui.common.table import CENTRE, RIGHT, Column, column_sort_keys, compute_search_keys
from ui.common.worker import run_in_background
from ui.register.forms import form_for
from ui.register.tabs import RegisterTab, TabSpec
from ui.register.tree import DivisionPanel

log = logging.getLogger(__name__)

STEP_BUDGET_S = 0.012  # apply queued results for at most this long per event-loop turn

C = "RegisterColumns"


def _yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("RegisterPage", "Yes")
        if value
        else QCoreApplication.translate("RegisterPage", "No")
    )


def _point_or_area(is_point: bool) -> str:
    return (
        QCoreApplication.translate("RegisterPage", "Point")
        if is_point
        else QCoreApplication.translate("RegisterPage", "Area")
    )


def _tick(value: bool) -> str:
    return "✓" if value else ""


def _degrees(value: float) -> str:
    return f"{value:.5f}"


def _post_order(code: str) -> int:
    codes = list(WORKING_GROUP_POSTS)
    return codes.index(code) if code in codes else len(codes)


TOWN = Column(
    "town_name", QT_TRANSLATE_NOOP("RegisterColumns", "Town / street"), C, sort_key=pinyin_sort_key
)
VILLAGE = Column(
    "village_name",
    QT_TRANSLATE_NOOP("RegisterColumns", "Village / community"),
    C,
    sort_key=pinyin_sort_key,
)

GRID_COLUMNS = (
    Column("code", QT_TRANSLATE_NOOP("RegisterColumns", "Code"), C),
    Column("name", QT_TRANSLATE_NOOP("RegisterColumns", "Grid"), C, sort_key=pinyin_sort_key),
    TOWN,
    VILLAGE,
    Column(
        "person_name",
        QT_TRANSLATE_NOOP("RegisterColumns", "Responsible person"),
        C,
        sort_key=pinyin_sort_key,
    ),
    Column(
        "person_post", QT_TRANSLATE_NOOP("RegisterColumns", "Post"), C, sort_key=pinyin_sort_key
    ),
    Column("person_phone", QT_TRANSLATE_NOOP("RegisterColumns", "Phone"), C),
    Column("has_area", QT_TRANSLATE_NOOP("RegisterColumns", "Outline on map"), C, _tick, CENTRE),
)

ZONE_COLUMNS = (
    Column("code", QT_TRANSLATE_NOOP("RegisterColumns", "Code"), C),
    Column("name", QT_TRANSLATE_NOOP("RegisterColumns", "Name"), C, sort_key=pinyin_sort_key),
    Column(
        "kind", QT_TRANSLATE_NOOP("RegisterColumns", "Type"), C, lambda v: label(DANGER_KINDS, v)
    ),
    Column(
        "is_point", QT_TRANSLATE_NOOP("RegisterColumns", "Point or area"), C, _point_or_area, CENTRE
    ),
    TOWN,
    VILLAGE,
    Column("grid_name", QT_TRANSLATE_NOOP("RegisterColumns", "Grid"), C, sort_key=pinyin_sort_key),
    Column(
        "location", QT_TRANSLATE_NOOP("RegisterColumns", "Location"), C, sort_key=pinyin_sort_key
    ),
    Column("lon", QT_TRANSLATE_NOOP("RegisterColumns", "Longitude"), C, _degrees, RIGHT),
    Column("lat", QT_TRANSLATE_NOOP("RegisterColumns", "Latitude"), C, _degrees, RIGHT),
    Column("note", QT_TRANSLATE_NOOP("RegisterColumns", "Note"), C),
)

SHELTER_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("RegisterColumns", "Name"), C, sort_key=pinyin_sort_key),
    Column(
        "level",
        QT_TRANSLATE_NOOP("RegisterColumns", "Level"),
        C,
        lambda v: label(SHELTER_LEVELS, v),
        sort_key=lambda v: list(SHELTER_LEVELS).index(v) if v in SHELTER_LEVELS else 9,
    ),
    Column(
        "capacity", QT_TRANSLATE_NOOP("RegisterColumns", "Capacity"), C, lambda v: f"{v:,}", RIGHT
    ),
    Column(
        "safety_certified",
        QT_TRANSLATE_NOOP("RegisterColumns", "Safety certified"),
        C,
        _yes_no,
        CENTRE,
    ),
    TOWN,
    VILLAGE,
    Column(
        "manager_name", QT_TRANSLATE_NOOP("RegisterColumns", "Manager"), C, sort_key=pinyin_sort_key
    ),
    Column("manager_phone", QT_TRANSLATE_NOOP("RegisterColumns", "Phone"), C),
    Column("address", QT_TRANSLATE_NOOP("RegisterColumns", "Address"), C),
    Column("lon", QT_TRANSLATE_NOOP("RegisterColumns", "Longitude"), C, _degrees, RIGHT),
    Column("lat", QT_TRANSLATE_NOOP("RegisterColumns", "Latitude"), C, _degrees, RIGHT),
)

MEMBER_COLUMNS = (
    TOWN,
    VILLAGE,
    Column(
        "post",
        QT_TRANSLATE_NOOP("RegisterColumns", "Post"),
        C,
        lambda v: label(WORKING_GROUP_POSTS, v),
        sort_key=_post_order,
    ),
    Column("name", QT_TRANSLATE_NOOP("RegisterColumns", "Name"), C, sort_key=pinyin_sort_key),
    Column("phone", QT_TRANSLATE_NOOP("RegisterColumns", "Phone"), C),
)


def _grid_texts(row: GridRow) -> tuple[str | None, ...]:
    return (
        row.code,
        row.name,
        row.village_name,
        row.town_name,
        row.person_name,
        row.person_post,
        row.person_phone,
    )


def _zone_texts(row: DangerZoneRow) -> tuple[str | None, ...]:
    return (
        row.code,
        row.name,
        label(DANGER_KINDS, row.kind),
        row.village_name,
        row.town_name,
        row.grid_name,
        row.location,
        row.note,
    )


def _shelter_texts(row: ShelterRow) -> tuple[str | None, ...]:
    return (
        row.name,
        label(SHELTER_LEVELS, row.level),
        row.village_name,
        row.town_name,
        row.manager_name,
        row.manager_phone,
        row.address,
    )


def _member_texts(row: WorkingGroupMemberRow) -> tuple[str | None, ...]:
    return (
        row.name,
        label(WORKING_GROUP_POSTS, row.post),
        row.village_name,
        row.town_name,
        row.phone,
    )


TABS: tuple[TabSpec, ...] = (
    TabSpec(
        "grids",
        QT_TRANSLATE_NOOP("RegisterPage", "Responsibility grids"),
        GRID_COLUMNS,
        list_grids,
        _grid_texts,
        QT_TRANSLATE_NOOP("RegisterPage", "%1 grids"),
        QT_TRANSLATE_NOOP("RegisterPage", "%1 of %2 grids"),
    ),
    TabSpec(
        "danger_zones",
        QT_TRANSLATE_NOOP("RegisterPage", "Danger zones and hazard points"),
        ZONE_COLUMNS,
        list_danger_zones,
        _zone_texts,
        QT_TRANSLATE_NOOP("RegisterPage", "%1 danger zones and points"),
        QT_TRANSLATE_NOOP("RegisterPage", "%1 of %2 danger zones and points"),
        "kind",
        DANGER_KINDS,
        QT_TRANSLATE_NOOP("RegisterPage", "All types"),
    ),
    TabSpec(
        "shelters",
        QT_TRANSLATE_NOOP("RegisterPage", "Shelters"),
        SHELTER_COLUMNS,
        list_shelters,
        _shelter_texts,
        QT_TRANSLATE_NOOP("RegisterPage", "%1 shelters"),
        QT_TRANSLATE_NOOP("RegisterPage", "%1 of %2 shelters"),
        "level",
        SHELTER_LEVELS,
        QT_TRANSLATE_NOOP("RegisterPage", "All levels"),
    ),
    TabSpec(
        "members",
        QT_TRANSLATE_NOOP("RegisterPage", "Village working groups"),
        MEMBER_COLUMNS,
        list_working_group_members,
        _member_texts,
        QT_TRANSLATE_NOOP("RegisterPage", "%1 members"),
        QT_TRANSLATE_NOOP("RegisterPage", "%1 of %2 members"),
        "post",
        WORKING_GROUP_POSTS,
        QT_TRANSLATE_NOOP("RegisterPage", "All posts"),
    ),
)
SPECS = {spec.key: spec for spec in TABS}


@dataclass
class Loaded:
    """What one background load brought back: plain rows and search keys only."""

    nodes: list[DivisionNode] | None = None
    node_keys: list[str] = field(default_factory=list)
    # kind -> (rows, search keys, sort keys of the column the table is sorted by)
    tables: dict[str, tuple[list[Any], list[str], dict[int, list[Any]]]] = field(
        default_factory=dict
    )


def load_register(
    db: Database,
    actor: Actor,
    kinds: tuple[str, ...],
    with_tree: bool,
    sorted_by: dict[str, int] | None = None,
) -> Loaded:
    """Runs in a worker thread with its own session; computes keys after it closes."""
    loaded = Loaded()
    with db.session(actor) as session:
        if with_tree:
            loaded.nodes = division_tree(session=session)
        rows = {kind: SPECS[kind].load(session=session) for kind in kinds}
    if loaded.nodes is not None:
        loaded.node_keys = [search_key(node.name, node.code) for node in loaded.nodes]
    for kind, kind_rows in rows.items():
        spec = SPECS[kind]
        column = (sorted_by or {}).get(kind, -1)
        sort_keys = (
            {column: column_sort_keys(spec.columns[column], kind_rows)}
            if 0 <= column < len(spec.columns)
            else {}
        )
        loaded.tables[kind] = (
            kind_rows,
            compute_search_keys(kind_rows, spec.search_texts),
            sort_keys,
        )
    return loaded


class RegisterPage(Page):
    """The register: ``ready`` is emitted whenever a (re)load has been applied.

    Its loads are its own (the tree and each tab by themselves, the latest per tab wins,
    results applied in small steps); the page base gives it the title row, the banner
    (``error_label``) and the empty state (``empty_label``)."""

    margins = (16, 12, 16, 12)
    title_style = "font-size: 20px; font-weight: bold;"

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, parent=parent)
        self.can_edit = actor.can(Permission.EDIT_REGISTER)
        self._generation = 0
        self._pending: set[int] = set()
        self._latest: dict[str, int] = {}
        self._select_after: dict[str, int] = {}
        self._steps: deque[Callable[[], None]] = deque()
        self._draining = False

        header = self.header
        self.title_label.setText(self.tr("Geography register"))
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: #666; padding-left: 12px;")
        header.addWidget(self.status_label, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        header.addWidget(self.refresh_button)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(
            self.tr("Import divisions, transfer lists, map data or a typhoon track")
        )
        self.import_button.clicked.connect(self.import_data)
        self.import_button.setVisible(actor.can(Permission.IMPORT_DATA))
        header.addWidget(self.import_button)
        self.error_label = self.banner

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tree_panel = DivisionPanel()
        self.tree_panel.setMinimumWidth(170)
        self.splitter.addWidget(self.tree_panel)
        self.tabs = QTabWidget()
        self.tab_pages: dict[str, RegisterTab] = {}
        for spec in TABS:
            tab = RegisterTab(spec, can_edit=self.can_edit)
            tab.add_requested.connect(lambda key=spec.key: self.add_record(key))
            tab.edit_requested.connect(lambda row_id, key=spec.key: self.edit_record(key, row_id))
            self.tab_pages[spec.key] = tab
            self.tabs.addTab(tab, QCoreApplication.translate("RegisterPage", spec.title))
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 1300])
        self.add_body(self.splitter, self._empty_text())
        assert self.empty_state is not None
        self.empty_label: QLabel = self.empty_state.message_label
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)

        self.tabs.currentChanged.connect(self._tab_changed)
        self.tree_panel.division_changed.connect(self._division_changed)
        self._tab_changed(self.tabs.currentIndex())
        self.refresh()

    # -- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the tree and every tab in the background; ``ready`` follows."""
        self._start_load(tuple(SPECS), with_tree=True)

    def reload_tab(self, key: str, select_id: int | None = None) -> None:
        if select_id is not None:
            self._select_after[key] = select_id
        self._start_load((key,), with_tree=False)

    def _start_load(self, kinds: tuple[str, ...], *, with_tree: bool) -> None:
        self._generation += 1
        generation = self._generation
        self._pending.add(generation)
        for kind in kinds:
            self._latest[kind] = generation
        if with_tree:
            self._latest["__tree__"] = generation
        self.status_label.setText(self.tr("Loading…"))
        self.refresh_button.setEnabled(False)
        sorted_by = {kind: self.tab_pages[kind].model.sort_state[0] for kind in kinds}
        run_in_background(
            load_register,
            lambda result, error: self._loaded(generation, result, error),
            db=self.db,
            actor=self.actor,
            kinds=kinds,
            with_tree=with_tree,
            sorted_by=sorted_by,
        )

    def _loaded(self, generation: int, result: Loaded | None, error: BaseException | None) -> None:
        if not shiboken6.isValid(self):
            return  # the page was closed while loading
        self._pending.discard(generation)
        if error is not None or result is None:
            self._steps.append(lambda: self._show_error(error))
        else:
            self._steps.append(self.banner.clear_message)
            if result.nodes is not None and self._latest.get("__tree__") == generation:
                nodes, node_keys = result.nodes, result.node_keys
                self._steps.append(lambda: self._apply_tree(nodes, node_keys))
            for kind, (rows, keys, sort_keys) in result.tables.items():
                if self._latest.get(kind) == generation:
                    self._steps.append(self._tab_step(kind, rows, keys, sort_keys))
        self._drain_soon()

    def _tab_step(
        self, kind: str, rows: list[Any], keys: list[str], sort_keys: dict[int, list[Any]]
    ) -> Callable[[], None]:
        def step() -> None:
            self.tab_pages[kind].show_rows(
                rows, keys, self._select_after.pop(kind, None), sort_keys
            )

        return step

    def _drain_soon(self) -> None:
        if not self._draining:
            self._draining = True
            QTimer.singleShot(0, self._drain)

    def _drain(self) -> None:
        if not shiboken6.isValid(self):
            return
        deadline = time.perf_counter() + STEP_BUDGET_S
        while self._steps:
            step = self._steps.popleft()
            try:
                step()
            except Exception:  # a bug: logged, one line shown, and ready must still come
                log.exception("applying register data failed")
                self._show_error(None)
            if time.perf_counter() >= deadline:
                break
        if self._steps:
            QTimer.singleShot(0, self._drain)
            return
        self._draining = False
        if not self._pending:
            self.status_label.setText("")
            self.refresh_button.setEnabled(True)
            self.ready.emit()

    def _apply_tree(self, nodes: list[DivisionNode], keys: list[str]) -> None:
        self.tree_panel.set_nodes(nodes, keys)
        self.show_empty(not nodes)

    def _show_error(self, error: BaseException | None) -> None:
        self.banner.show_error(
            fill(self.tr("The register could not be loaded: %1"), problem_text(error))
        )

    # -- selection ------------------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        current = self.tabs.widget(index)
        for tab in self.tab_pages.values():
            tab.set_active(tab is current)

    def _division_changed(self, node: DivisionNode | None) -> None:
        villages = self.tree_panel.villages_under(node)
        for tab in self.tab_pages.values():
            tab.set_villages(villages)

    def show_record(self, kind: str, row_id: int) -> None:
        """Show one record (asked by the map): a division in the tree, any other selected
        in its tab, with the whole county shown so that no filter hides it."""
        if kind == "division":
            self.tree_panel.select_division(row_id)
            return
        tab = self.tab_pages.get(kind)
        if tab is None:
            return
        self.tree_panel.select_top()
        self.tabs.setCurrentWidget(tab)
        self.reload_tab(kind, select_id=row_id)

    def current_tab(self) -> RegisterTab:
        tab = self.tabs.currentWidget()
        assert isinstance(tab, RegisterTab)
        return tab

    # -- editing --------------------------------------------------------------------------

    def add_record(self, kind: str) -> int | None:
        node = self.tree_panel.current_node()
        village_id = node.id if node is not None and node.level == "village" else None
        saved_id, accepted = form_for(kind).edit(
            self, self.db, self.actor, None, village_id=village_id
        )
        if accepted and saved_id is not None:
            self.reload_tab(kind, select_id=saved_id)
        return saved_id

    def edit_record(self, kind: str, row_id: int) -> int | None:
        saved_id, accepted = form_for(kind).edit(self, self.db, self.actor, row_id)
        if accepted and saved_id is not None:
            self.reload_tab(kind, select_id=saved_id)
        return saved_id

    def import_data(self) -> None:
        """Open the import dialog; reload everything when it wrote something."""
        _report, accepted = ImportDialog.run(self, self.db, self.actor)
        if accepted:
            self.refresh()

    # -- texts ------------------------------------------------------------------------------

    def _empty_text(self) -> str:
        title = html.escape(self.tr("The register is empty"))
        intro = html.escape(
            self.tr(
                "No county, towns or villages have been entered yet. Grids, danger zones, shelters and working groups all belong to a village, so the divisions come first."
            )
        )
        demo = html.escape(self.tr("To try the console with a demo county, run:"))
        divisions = html.escape(
            self.tr("To load your county's towns and villages from a spreadsheet, run:")
        )
        after = html.escape(self.tr("Then press Refresh."))
        code = "font-family: monospace; background: #e8eef4; padding: 2px 6px;"
        return (
            f"<h2>{title}</h2><p>{intro}</p>"
            f"<p>{demo}<br><span style='{code}'>python main.py demo</span></p>"
            f"<p>{divisions}<br><span style='{code}'>python main.py import divisions FILE</span></p>"
            f"<p>{after}</p>"
        )
