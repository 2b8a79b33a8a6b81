"""The map's Area tab: what a drawn area holds, and the nearest shelters with room.

The register is loaded and indexed once (maps.area.AreaIndex) in a worker and asked
again for every area drawn; the lists are made in the worker too, so the UI thread only
shows them. A list longer than SHOWN rows shows its first rows; the counts are whole.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.messages import QT_TRANSLATE_NOOP, fill
from ui.common.operations import Outcome, problem_text, run_operation
from ui.common.table import RIGHT, Column, RowTableModel, count_text, fit_columns, setup_table_view
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


def _yes(at_home: bool) -> str:
    return QCoreApplication.translate("AreaPanel", "Yes") if at_home else ""


def _figures_first(detail: str) -> tuple[int, int, str]:
    """A detail's sort key: figures (free places, residents) by value, before any text."""
    return (0, int(detail), "") if detail.isdigit() else (1, 0, detail)


def _layer_title(layer: str) -> str:
    from maps.area import area_layer_title

    return area_layer_title(layer)


def _km(distance: float) -> str:
    return f"{distance:.2f} km"


DETAIL_COLUMN, AT_HOME_COLUMN = 3, 4
NAME_AT_LEAST = 96  # pixels: a list's names, however narrow the panel

AREA_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("AreaPanel", "Name"), "AreaPanel", max_width=180),
    Column("town", QT_TRANSLATE_NOOP("AreaPanel", "Town"), "AreaPanel", max_width=110),
    Column("village", QT_TRANSLATE_NOOP("AreaPanel", "Village"), "AreaPanel", max_width=110),
    # Its header names what the list's details are (free places, residents): _detail.
    Column(
        "detail",
        QT_TRANSLATE_NOOP("AreaPanel", "Details"),
        "AreaPanel",
        sort_key=_figures_first,
        max_width=120,
    ),
    Column(
        "at_home",
        QT_TRANSLATE_NOOP("AreaPanel", "Still at home"),
        "AreaPanel",
        formatter=_yes,
        max_width=100,
    ),
)
"""A list of what the area holds (maps.area.AreaRow); "Still at home" only for the
households during an event."""

NEAREST_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("AreaPanel", "Name"), "AreaPanel", max_width=180),
    Column(
        "layer",
        QT_TRANSLATE_NOOP("AreaPanel", "Kind"),
        "AreaPanel",
        formatter=_layer_title,
        sort_key=_layer_title,
        max_width=110,
    ),
    Column(
        "free",
        QT_TRANSLATE_NOOP("AreaPanel", "Free places"),
        "AreaPanel",
        formatter=count_text,
        alignment=RIGHT,
    ),
    Column(
        "distance_km",
        QT_TRANSLATE_NOOP("AreaPanel", "Distance"),
        "AreaPanel",
        formatter=_km,
        alignment=RIGHT,
    ),
)
"""Nearest's shelters with room and the nearest of the kinds modules add (NearestRow)."""


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
        self.area_model = RowTableModel(AREA_COLUMNS, parent=self)
        self.area_view = self._list_view(self.area_model)
        box.addWidget(self.area_view, 1)
        self.nearest_model = RowTableModel(NEAREST_COLUMNS, parent=self)
        self.nearest_view = self._list_view(self.nearest_model)
        box.addWidget(self.nearest_view, 1)
        self.kind.hide()
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

    def _list_view(self, model: RowTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        setup_table_view(view)
        view.setToolTip(self.tr("Double-click a row to show it on the map."))
        view.activated.connect(self._row_chosen)
        view.viewport().installEventFilter(self)  # its width changes: the names take the room
        view.hide()
        return view

    def _fit(self, view: QTableView, model: RowTableModel) -> None:
        fit_columns(view, model)
        self._fit_names(view)

    def _fit_names(self, view: QTableView) -> None:
        """The names take the room the other columns leave (a full name is its cell's
        tooltip), never less than NAME_AT_LEAST: a narrow panel scrolls sideways."""
        header = view.horizontalHeader()
        others = sum(
            header.sectionSize(column)
            for column in range(1, header.count())
            if not header.isSectionHidden(column)
        )
        header.resizeSection(0, max(NAME_AT_LEAST, view.viewport().width() - others))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            for view in (self.area_view, self.nearest_view):
                if watched is view.viewport():
                    self._fit_names(view)
        return super().eventFilter(watched, event)

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
        if error is not None or contents is None:
            self.summary.setText(self.tr("The area could not be read."))
            return
        self.contents = contents
        self.nearest = []
        parts = [
            fill(self.tr("%1: %2"), _layer_title(layer), f"{count:,}")
            for layer, count in contents.counts.items()
        ]
        self.summary.setText(
            fill(self.tr("Area %1 km²."), f"{contents.area_km2:,.2f}") + " " + "; ".join(parts)
        )
        self.kind.blockSignals(True)
        self.kind.clear()
        for layer in contents.layers:
            count = contents.counts[layer]
            self.kind.addItem(fill(self.tr("%1 (%2)"), _layer_title(layer), f"{count:,}"), layer)
        households = self.kind.findData("household")
        self.kind.setCurrentIndex(households if contents.during_event and households >= 0 else 0)
        self.kind.blockSignals(False)
        self.kind.show()
        self.nearest_view.hide()
        self.area_view.show()
        self.export_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self._show_kind()
        self.answered.emit()

    def _show_kind(self) -> None:
        if self.contents is None:
            return
        layer = self.kind.currentData()
        model = self.area_model
        model.setHeaderData(DETAIL_COLUMN, Qt.Orientation.Horizontal, self._detail(layer))
        model.set_rows(self.contents.rows(layer, SHOWN))
        at_home = layer == "household" and self.contents.during_event
        self.area_view.setColumnHidden(AT_HOME_COLUMN, not at_home)
        self._fit(self.area_view, model)

    def _detail(self, layer: str) -> str:
        if layer == "shelter":
            return self.tr("Free places")
        if layer == "household":
            return self.tr("Residents")
        return self.tr("Details")

    def _named(self, rows: list[NearestRow] | None, error: BaseException | None) -> None:
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
        self.nearest_model.set_rows(rows)
        self.area_view.hide()
        self.nearest_view.show()
        self._fit(self.nearest_view, self.nearest_model)
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

    def _row_chosen(self, index: QModelIndex) -> None:
        """A row activated (double-click, Enter): the map flies to its feature."""
        model = index.model()
        if not isinstance(model, RowTableModel):
            return
        row = model.row_at(index.row())
        if row.layer in MAP_KINDS:
            self.feature_chosen.emit(row.layer, int(row.id))
