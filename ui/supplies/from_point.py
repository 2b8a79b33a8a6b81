"""The map's Stock tab: the nearest stock of an item from a point of the map. The point
comes from the map's crosshair tool (Nearest) or is typed as LON,LAT; an item (name, pinyin
or code) and a quantity give the open warehouses by straight-line distance, as many as it
takes, counting available stock only (models.supplies.nearby.nearest_stock, in a worker).
Enter searches; a point clicked while the item and quantity are filled searches at once.
The warehouses found are handed to the map to outline; a row activated (Enter or a
double-click) shows that warehouse on the map."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.messages import fill
from models.refusals import InvalidValue, ValidationError
from models.supplies.catalogue import ItemRow, list_items
from models.supplies.nearby import NearestStock, parse_point
from models.users import Actor
from ui.common.operations import Outcome, problem_text, run_operation
from ui.common.table import Column, RowTableModel, fit_columns, setup_table_view
from ui.common.worker import run_in_background
from ui.supplies.entry_widgets import ChoiceCombo, quantity_of
from ui.supplies.nearest import COLUMNS, find_nearest

MAP_COLUMNS: tuple[Column, ...] = tuple(
    c for c in COLUMNS if c.key in ("distance_km", "warehouse", "available", "take")
)
"""The side panel is narrow: distance, warehouse, available and what to ask of it."""
WAREHOUSE_COLUMN = [c.key for c in MAP_COLUMNS].index("warehouse")


def _items(db: Database, actor: Actor) -> list[ItemRow]:
    with db.session(actor) as session:
        return list_items(session=session)


class StockFromPointPanel(QWidget):
    """``found`` gives the warehouses listed (ids) once a search is shown, ``answered``
    follows every search (shown or refused), ``warehouse_chosen`` a row activated."""

    found = Signal(list)
    answered = Signal()
    loaded = Signal()
    warehouse_chosen = Signal(int)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.result: NearestStock | None = None
        self._asked = False
        self._fitted = False
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 6, 4, 4)
        hint = QLabel(
            self.tr(
                "The nearest stock of an item from a point: click the map with the crosshair "
                "tool, or type LON,LAT. Open warehouses by straight-line distance, available "
                "stock only (not expired, not in transit)."
            )
        )
        hint.setWordWrap(True)
        box.addWidget(hint)
        form = QFormLayout()
        self.point_edit = QLineEdit()
        self.point_edit.setPlaceholderText(self.tr("Crosshair on the map, or LON,LAT"))
        self.item_combo = ChoiceCombo(self.tr("Name, pinyin or code"))
        self.quantity_edit = QLineEdit()
        self.quantity_edit.setPlaceholderText(self.tr("How many"))
        form.addRow(self.tr("From"), self.point_edit)
        form.addRow(self.tr("Item"), self.item_combo)
        form.addRow(self.tr("Quantity"), self.quantity_edit)
        box.addLayout(form)
        row = QHBoxLayout()
        self.stores_check = QCheckBox(self.tr("Village stores too"))
        self.stores_check.setToolTip(self.tr("A village store holds its village's standard kit."))
        self.find_button = QPushButton(self.tr("Find (Enter)"))
        self.find_button.setAutoDefault(False)
        row.addWidget(self.stores_check, 1)
        row.addWidget(self.find_button)
        box.addLayout(row)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #8a1c1c;")
        self.problem.hide()
        box.addWidget(self.problem)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)
        self.model = RowTableModel(MAP_COLUMNS, parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        setup_table_view(self.view)
        self.view.setToolTip(self.tr("Enter or a double-click shows the warehouse on the map."))
        box.addWidget(self.view, 1)
        self.find_button.clicked.connect(self.search)
        self.point_edit.returnPressed.connect(self.search)
        self.quantity_edit.returnPressed.connect(self.search)
        line = self.item_combo.lineEdit()
        assert line is not None
        line.returnPressed.connect(self.search)
        self.view.activated.connect(self._row_chosen)

    # -- the catalogue ----------------------------------------------------------------------

    def reload(self) -> None:
        """The catalogue, read once, when the tab is first wanted."""
        if self._asked:
            return
        self._asked = True
        run_in_background(_items, self._arrived, owner=self, db=self.db, actor=self.actor)

    def _arrived(self, items: list[ItemRow] | None, error: BaseException | None) -> None:
        if items is None:
            self._say(problem_text(error, write=False))
        else:
            self.item_combo.set_entries(
                [(f"{i.name} [{i.code}]", i.id, f"{i.code} {i.name}") for i in items]
            )
        self.loaded.emit()

    def focus_first_empty(self) -> None:
        """Where the officer types next: the item, else the quantity, else the point."""
        self.reload()
        for widget, empty in (
            (self.item_combo, self.item_combo.chosen() is None),
            (self.quantity_edit, not self.quantity_edit.text().strip()),
            (self.point_edit, not self.point_edit.text().strip()),
        ):
            if empty:
                widget.setFocus()
                return
        self.find_button.setFocus()

    # -- asked by the map -----------------------------------------------------------------------

    def set_point(self, lng: float, lat: float, *, search: bool = True) -> None:
        """A point clicked on the map: searched from at once (``search``) when an item and
        a quantity are filled."""
        self.reload()
        self.point_edit.setText(f"{lng:.5f},{lat:.5f}")
        if search and self.item_combo.chosen() is not None and self.quantity_edit.text().strip():
            self.search()

    # -- searching ------------------------------------------------------------------------------

    def search(self) -> None:
        self.problem.hide()
        item = self.item_combo.chosen()
        point: tuple[float, float] | None = None
        problems = []
        if item is None:
            problems.append(("item", self.tr("Choose an item of the catalogue.")))
        try:
            point = parse_point(self.point_edit.text())
        except InvalidValue as refused:
            problems.append(
                (
                    "point",
                    self.tr("Click the map with the crosshair tool, or type a point as LON,LAT.")
                    if not self.point_edit.text().strip()
                    else refused.message,
                )
            )
        if problems:
            self._say(ValidationError(problems).message)
            self.answered.emit()
            return
        assert item is not None and point is not None
        self.summary.setText(self.tr("Looking ..."))
        run_operation(
            self.db,
            self.actor,
            find_nearest,
            owner=self,
            on_done=self._show,
            show=self._say,
            write=False,
            item_id=item,
            quantity=quantity_of(self.quantity_edit.text()),
            village=None,
            village_stores=self.stores_check.isChecked(),
            point=point,
        )

    def _say(self, text: str) -> None:
        self.summary.setText("")
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _show(self, outcome: Outcome[NearestStock]) -> None:
        found = outcome.value
        if outcome.ok and found is not None:
            self.result = found
            self.model.set_rows(found.sources)
            if found.sources and not self._fitted:
                fit_columns(self.view, self.model)
                self._fitted = True
                # the figures keep their widths; the warehouse's name takes what is left
                self.view.horizontalHeader().setSectionResizeMode(
                    WAREHOUSE_COLUMN, QHeaderView.ResizeMode.Stretch
                )
            used = sum(1 for s in found.sources if s.take > 0)
            if not found.sources:
                text = fill(
                    self.tr("No open warehouse holds %1 available."),
                    found.item,
                )
            elif found.enough:
                text = fill(
                    self.tr("%1 %2 of %3: enough from the nearest %4 warehouse(s)."),
                    found.asked,
                    found.unit,
                    found.item,
                    used,
                )
            else:
                text = fill(
                    self.tr("%1 %2 of %3: the open warehouses listed are %4 %2 short."),
                    found.asked,
                    found.unit,
                    found.item,
                    found.short,
                )
            self.summary.setText(text)
            self.found.emit([s.warehouse_id for s in found.sources])
        self.answered.emit()

    def _row_chosen(self, index: QModelIndex | QPersistentModelIndex) -> None:
        row: Any = self.model.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.warehouse_chosen.emit(int(row.warehouse_id))
