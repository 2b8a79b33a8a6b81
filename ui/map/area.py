"""The map's Area tab: what a drawn area holds, and the nearest shelters with room.

The register is loaded and indexed once (maps.area.AreaIndex) in a worker and asked
again for every area drawn; the lists are made in the worker too, so the UI thread only
shows them. A list longer than SHOWN rows shows its first rows; the counts are whole.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.messages import fill
from ui.common.operations import Outcome, problem_text, run_operation
from ui.common.worker import run_in_background

if TYPE_CHECKING:
    from maps.area import AreaContents, AreaIndex, NearestRow
    from models.database import Database
    from models.drawn_areas import DrawnAreaRow, RegisteredZone
    from models.users import Actor

SHOWN = 500
"""Rows of one list shown in the table (the counts cover every row)."""

MAP_KINDS = ("village", "grid", "danger_zone", "shelter", "teams")
"""Kinds whose chosen row the map shows (the map page finds their layer)."""


def _index(db: Database, actor: Actor) -> AreaIndex:
    from maps.area import AreaIndex

    with db.session(actor) as session:
        return AreaIndex.load(session=session)


def _contents(index: AreaIndex, geometry: dict[str, Any]) -> AreaContents:
    return index.contents(geometry)


def _nearest(index: AreaIndex, lng: float, lat: float) -> list[NearestRow]:
    from maps.area import nearest_of_kinds, nearest_shelters

    return nearest_shelters(index, lng=lng, lat=lat) + nearest_of_kinds(index, lng=lng, lat=lat)


class AreaPanel(QWidget):
    """Counts and lists of a drawn area; Nearest's shelters with room."""

    feature_chosen = Signal(str, int)  # kind (maps.reach's layer name), feature id
    show_area = Signal(dict)  # a saved area to draw on the map again
    answered = Signal()  # a list or Nearest's answer is shown (tests wait for it)
    saved_loaded = Signal()  # the saved areas are listed
    exported = Signal(str)  # the workbook written
    printed = Signal(str)  # how printing went (a refusal's message too)
    registered = Signal(list)  # models.drawn_areas.RegisteredZone of the area registered

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.index: AreaIndex | None = None
        self.contents: AreaContents | None = None
        self.nearest: list[NearestRow] = []
        self._waiting: list[tuple[str, Any]] = []
        self._loading = False
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 6, 4, 4)
        self.hint = QLabel(
            self.tr(
                "Draw an area with the map's polygon or circle tool to list what is inside; "
                "the crosshair tool names the nearest shelters with room from a point."
            )
        )
        self.hint.setWordWrap(True)
        box.addWidget(self.hint)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.summary)
        self.kind = QComboBox()
        self.kind.currentIndexChanged.connect(self._show_kind)
        box.addWidget(self.kind)
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(self._row_chosen)
        box.addWidget(self.table, 1)
        self.kind.hide()
        self.table.hide()
        self.drawn: dict[str, Any] | None = None  # the area listed
        self.saved_name = ""  # its name when it is a saved area
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #8a1c1c;")
        self.problem.hide()
        box.addWidget(self.problem)
        save_row = QHBoxLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Name of the area, e.g. the landslide at ..."))
        self.save_button = QPushButton(self.tr("Save the area"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        save_row.addWidget(self.name_edit, 1)
        save_row.addWidget(self.save_button)
        box.addLayout(save_row)
        self.export_button = QPushButton(self.tr("Export the lists to Excel..."))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._choose_export)
        box.addWidget(self.export_button)
        self.print_button = QPushButton(self.tr("Print the lists..."))
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_lists)
        box.addWidget(self.print_button)
        saved_row = QHBoxLayout()
        self.saved = QComboBox()
        self.show_button = QPushButton(self.tr("Show again"))
        self.show_button.clicked.connect(self._show_saved)
        saved_row.addWidget(self.saved, 1)
        saved_row.addWidget(self.show_button)
        box.addLayout(saved_row)
        self.zone_button = QPushButton(self.tr("Register as a danger zone..."))
        self.zone_button.setToolTip(
            self.tr("The saved area listed becomes a danger zone of the register.")
        )
        self.zone_button.setEnabled(False)
        self.zone_button.clicked.connect(self._choose_zone)
        box.addWidget(self.zone_button)
        self._saved_ids: dict[str, int] = {}
        self.load_saved()

    # -- asked by the map page ----------------------------------------------------------

    def reset(self) -> None:
        """The register changed: the next area loads it again."""
        self.index = None

    def ask(self, name: str, value: dict[str, Any], *, saved_name: str = "") -> None:
        """A drawn area ("area", its geometry; ``saved_name`` when it is a saved one) or a
        point ("nearest", lng and lat)."""
        if name == "area":
            self.saved_name = saved_name
            self.zone_button.setEnabled(bool(saved_name))
        self._waiting = [(name, value)]
        self.summary.setText(self.tr("Looking ..."))
        if self.index is None:
            if not self._loading:
                self._loading = True
                run_in_background(_index, self._indexed, owner=self, db=self.db, actor=self.actor)
            return
        self._next()

    def _indexed(self, index: AreaIndex | None, error: BaseException | None) -> None:
        self._loading = False
        if error is not None or index is None:
            self.summary.setText(self.tr("The register could not be read for the area."))
            return
        self.index = index
        self._next()

    def _next(self) -> None:
        if not self._waiting or self.index is None:
            return
        name, value = self._waiting.pop()
        if name == "area":
            self.drawn = value
            self.save_button.setEnabled(True)
            run_in_background(_contents, self._listed, owner=self, index=self.index, geometry=value)
        else:
            run_in_background(
                _nearest,
                self._named,
                owner=self,
                index=self.index,
                lng=float(value["lng"]),
                lat=float(value["lat"]),
            )

    # -- showing -------------------------------------------------------------------------

    def _listed(self, contents: AreaContents | None, error: BaseException | None) -> None:
        from maps.area import area_layer_title

        if error is not None or contents is None:
            self.summary.setText(self.tr("The area could not be read."))
            return
        self.contents = contents
        self.nearest = []
        parts = [
            fill(self.tr("%1: %2"), area_layer_title(layer), f"{count:,}")
            for layer, count in contents.counts.items()
        ]
        self.summary.setText(
            fill(self.tr("Area %1 km²."), f"{contents.area_km2:,.2f}") + " " + "; ".join(parts)
        )
        self.kind.blockSignals(True)
        self.kind.clear()
        for layer in contents.layers:
            count = contents.counts[layer]
            self.kind.addItem(
                fill(self.tr("%1 (%2)"), area_layer_title(layer), f"{count:,}"), layer
            )
        households = self.kind.findData("household")
        self.kind.setCurrentIndex(households if contents.during_event and households >= 0 else 0)
        self.kind.blockSignals(False)
        self.kind.show()
        self.table.show()
        self.export_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self._show_kind()
        self.answered.emit()

    def _show_kind(self) -> None:
        if self.contents is None:
            return
        layer = self.kind.currentData()
        shown = self.contents.rows(layer, SHOWN)
        headers = [self.tr("Name"), self.tr("Town"), self.tr("Village"), self._detail(layer)]
        if layer == "household" and self.contents.during_event:
            headers.append(self.tr("Still at home"))
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(shown))
        yes = self.tr("Yes")
        for r, row in enumerate(shown):
            values = [row.name, row.town, row.village, row.detail]
            if len(headers) == 5:
                values.append(yes if row.at_home else "")
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, (row.layer, row.id))
                self.table.setItem(r, c, item)
        for c, width in enumerate((150, 80, 90, 70)):
            self.table.setColumnWidth(c, width)

    def _detail(self, layer: str) -> str:
        if layer == "shelter":
            return self.tr("Free places")
        if layer == "household":
            return self.tr("Residents")
        return self.tr("Details")

    def _named(self, rows: list[NearestRow] | None, error: BaseException | None) -> None:
        from maps.area import area_layer_title

        if error is not None or rows is None:
            self.summary.setText(self.tr("The nearest shelters could not be found."))
            return
        self.contents = None
        self.nearest = rows
        self.export_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.kind.hide()
        self.summary.setText(
            self.tr("Nearest shelters with room, by straight-line distance:")
            if rows
            else self.tr("No shelter with room has a location.")
        )
        headers = [self.tr("Name"), self.tr("Kind"), self.tr("Free places"), self.tr("Distance")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [
                row.name,
                area_layer_title(row.layer),
                "" if row.free is None else f"{row.free:,}",
                f"{row.distance_km:.2f} km",
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, (row.layer, row.id))
                self.table.setItem(r, c, item)
        self.table.show()
        self.answered.emit()

    # -- export --------------------------------------------------------------------------

    def _choose_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the lists"), "area.xlsx", self.tr("Excel workbook (*.xlsx)")
        )
        if path:
            self.export(path)

    def export(self, path: str) -> None:
        """Write every list of the area listed to ``path`` (in a worker)."""
        from maps.area import export_area_xlsx

        if self.contents is None:
            return
        self.problem.hide()
        run_in_background(
            export_area_xlsx,
            self._exported,
            owner=self,
            contents=self.contents,
            path=path,
            name=self.saved_name,
        )

    def _exported(self, path: Path | None, error: BaseException | None) -> None:
        if error is not None or path is None:
            self.problem.setText(problem_text(error, write=True))
            self.problem.show()
            return
        self.exported.emit(str(path))

    # -- saved areas ---------------------------------------------------------------------

    def save(self) -> None:
        """Save the area listed under the name typed."""
        from models.drawn_areas import save_drawn_area

        if self.drawn is None:
            return
        self.problem.hide()
        run_operation(
            self.db,
            self.actor,
            save_drawn_area,
            owner=self,
            show=self.problem,
            on_done=self._saved,
            name=self.name_edit.text(),
            geometry=self.drawn,
        )

    def _saved(self, outcome: Outcome[int]) -> None:
        if outcome.ok:
            self.saved_name = self.name_edit.text().strip()  # the area listed is saved now
            self.zone_button.setEnabled(True)
            self.name_edit.clear()
            self.load_saved()

    def load_saved(self) -> None:
        from models.drawn_areas import list_drawn_areas

        run_operation(
            self.db,
            self.actor,
            list_drawn_areas,
            owner=self,
            write=False,
            on_done=self._listed_saved,
        )

    def _listed_saved(self, outcome: Outcome[list[DrawnAreaRow]]) -> None:
        self.saved.clear()
        self._saved_ids = {}
        for area in outcome.value or []:
            self.saved.addItem(area.name, area.geometry)
            self._saved_ids[area.name] = area.id
        self.show_button.setEnabled(self.saved.count() > 0)
        self.saved.setEnabled(self.saved.count() > 0)
        self.saved_loaded.emit()

    def _show_saved(self) -> None:
        geometry = self.saved.currentData()
        if isinstance(geometry, dict):
            self.show_area.emit(geometry)
            self.ask("area", geometry, saved_name=self.saved.currentText())

    # -- printed, registered ----------------------------------------------------------------

    def print_lists(self) -> None:
        """The lists of the area listed, in the print preview (made in a worker)."""
        from ui.common.print_preview import open_document
        from ui.printing.registry import Format, document

        if self.contents is None:
            return
        self.problem.hide()
        open_document(
            self,
            db=self.db,
            actor=self.actor,
            spec=document("area", Format.PDF),
            options={"name": self.saved_name, "contents": self.contents},
            names={"area": self.saved_name},
            on_message=self._said,
        )

    def _said(self, text: str, ok: bool) -> None:
        if not ok:
            self.problem.setText(text)
            self.problem.show()
        self.printed.emit(text)

    def _choose_zone(self) -> None:
        from ui.map.zone_dialog import RegisterZoneDialog

        if not self.saved_name:
            return
        (kind, name), accepted = RegisterZoneDialog.ask(self.saved_name, self)
        if accepted:
            self.register_zone(kind, name)

    def register_zone(self, kind: str, name: str) -> None:
        """Register the saved area listed as a danger zone of ``kind`` named ``name``."""
        from models.drawn_areas import register_as_danger_zones

        area_id = self._saved_ids.get(self.saved_name)
        if area_id is None:
            return
        self.problem.hide()
        run_operation(
            self.db,
            self.actor,
            register_as_danger_zones,
            owner=self,
            show=self.problem,
            on_done=self._registered,
            area_id=area_id,
            kind=kind,
            name=name,
        )

    def _registered(self, outcome: Outcome[list[RegisteredZone]]) -> None:
        if not outcome.ok or not outcome.value:
            return
        zones = outcome.value
        self.reset()  # the register changed: the next area is listed against it
        self.summary.setText(
            fill(
                self.tr("Registered as danger zones: %1"),
                "; ".join(f"{z.code} {z.name}" for z in zones),
            )
        )
        self.registered.emit(zones)

    def _row_chosen(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is None:
            return
        layer, feature_id = item.data(Qt.ItemDataRole.UserRole)
        if layer in MAP_KINDS:
            self.feature_chosen.emit(layer, int(feature_id))
