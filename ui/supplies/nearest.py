"""The supplies page's "where is the nearest stock": an item, a quantity and a village
(found by name or pinyin) give the open warehouses by straight-line distance, as many as
it takes to make up the quantity, counting available stock only; Enter searches."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.areas import VillageOption, list_villages
from models.database import Database
from models.messages import QT_TRANSLATE_NOOP, fill
from models.refusals import InvalidValue, ValidationError
from models.supplies.catalogue import WAREHOUSE_LEVEL_LABELS
from models.supplies.entry import ItemChoice, movement_choices
from models.supplies.nearby import NearestStock, nearest_stock, parse_point, village_point
from models.users import Actor
from ui.common.operations import Outcome, run_operation
from ui.common.table import RIGHT, Column, RowTableModel, fit_columns, setup_table_view
from ui.common.widgets import Banner, VillageCombo
from ui.common.worker import run_in_background
from ui.supplies.entry_widgets import ChoiceCombo, quantity_of

C = "SupplyNearest"


def _level(value: str) -> str:
    return QCoreApplication.translate("Supplies", WAREHOUSE_LEVEL_LABELS.get(value, value))


def _km(value: float) -> str:
    return f"{value:.1f} km"


def _number(value: Decimal) -> str:
    return f"{value:,}"


COLUMNS = (
    Column("distance_km", QT_TRANSLATE_NOOP("SupplyNearest", "Distance"), C, _km, RIGHT),
    Column("warehouse", QT_TRANSLATE_NOOP("SupplyNearest", "Warehouse"), C),
    Column("level", QT_TRANSLATE_NOOP("SupplyNearest", "Level"), C, _level),
    Column("available", QT_TRANSLATE_NOOP("SupplyNearest", "Available"), C, _number, RIGHT),
    Column("take", QT_TRANSLATE_NOOP("SupplyNearest", "Ask of it"), C, _number, RIGHT),
    Column("manager", QT_TRANSLATE_NOOP("SupplyNearest", "Manager"), C),
)


@dataclass(frozen=True)
class _Choices:
    items: list[ItemChoice]
    villages: list[VillageOption]


def _load(db: Database, actor: Actor) -> _Choices:
    with db.session(actor) as session:
        return _Choices(movement_choices(session=session).items, list_villages(session=session))


WITHOUT_VILLAGE_STORES = ("county", "town", "agreement")
"""A village store holds its village's kit: offered only when asked for."""


def find_nearest(
    *,
    session: Any,
    item_id: int,
    quantity: Decimal,
    village: str | None,
    village_stores: bool,
    point: tuple[float, float] | None = None,
) -> NearestStock:
    """From a village (its code) or, when none is named, a point (LON,LAT)."""
    if village is not None or point is None:
        name, lon, lat = village_point(session, village or "")
    else:
        lon, lat = point
        name = f"{lon:.5f},{lat:.5f}"
    return nearest_stock(
        session=session,
        item_id=item_id,
        quantity=quantity,
        lon=lon,
        lat=lat,
        place=name,
        levels=None if village_stores else WITHOUT_VILLAGE_STORES,
    )


class NearestPanel(QWidget):
    """``answered`` once a search is shown (or refused in the banner)."""

    answered = Signal()
    loaded = Signal()

    def __init__(self, db: Database, actor: Actor, banner: Banner) -> None:
        super().__init__()
        self.db = db
        self.actor = actor
        self.banner = banner
        self.codes: dict[int, str] = {}
        self.result: NearestStock | None = None
        self._asked = False
        self._fitted = False
        self.item_combo = ChoiceCombo(self.tr("Item: name, pinyin or code"))
        self.quantity_edit = QLineEdit()
        self.quantity_edit.setPlaceholderText(self.tr("Quantity"))
        self.quantity_edit.setMaximumWidth(120)
        self.village_combo = VillageCombo([])
        self.stores_check = QCheckBox(self.tr("Village stores too"))
        self.stores_check.setToolTip(self.tr("A village store holds its village's standard kit."))
        self.find_button = QPushButton(self.tr("Find (Enter)"))
        self.find_button.setAutoDefault(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = RowTableModel(COLUMNS, parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        setup_table_view(self.view)
        self.row = QHBoxLayout()
        self.row.addWidget(self.item_combo, 3)
        self.row.addWidget(self.quantity_edit, 1)
        self.row.addWidget(self.village_combo, 3)
        self.row.addWidget(self.stores_check)
        self.row.addWidget(self.find_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.addWidget(
            QLabel(
                self.tr(
                    "Where is the nearest stock: open warehouses by straight-line distance, "
                    "counting available stock only (not expired, not in transit)."
                )
            )
        )
        box.addLayout(self.row)
        box.addWidget(self.summary)
        box.addWidget(self.view, 1)
        self.find_button.clicked.connect(self.search)
        self.quantity_edit.returnPressed.connect(self.search)
        self._connect_village()

    def _connect_village(self) -> None:
        line = self.village_combo.lineEdit()
        assert line is not None
        line.returnPressed.connect(self.search)
        line.setPlaceholderText(self.tr("Village: name or pinyin initials; or a point LON,LAT"))

    def showEvent(self, event: QShowEvent) -> None:
        """The lists are read when the panel is first shown (building the village chooser
        costs the UI thread tens of milliseconds: not for a page that never opens it)."""
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        """The catalogue and the villages, read once."""
        if self._asked:
            return
        self._asked = True
        run_in_background(_load, self._arrived, owner=self, db=self.db, actor=self.actor)

    def _arrived(self, choices: _Choices | None, error: BaseException | None) -> None:
        if choices is not None:
            self.item_combo.set_entries(
                [(f"{i.name} [{i.code}]", i.id, f"{i.code} {i.name}") for i in choices.items]
            )
            kept = self.village_combo.village_id()
            combo = VillageCombo(choices.villages)
            self.row.replaceWidget(self.village_combo, combo)
            self.village_combo.deleteLater()
            self.village_combo = combo
            self.village_combo.set_village_id(kept)
            self._connect_village()
            self.codes = {v.id: v.code for v in choices.villages}
        self.loaded.emit()

    def search(self) -> None:
        item = self.item_combo.chosen()
        village = self.village_combo.village_id()
        point = None
        if village is None:
            try:
                point = parse_point(self.village_combo.currentText())
            except InvalidValue:
                point = None
        problems = []
        if item is None:
            problems.append(("item", self.tr("Choose an item of the catalogue.")))
        if village is None and point is None:
            problems.append(
                (
                    "village",
                    self.tr("Choose a village from the list, or type a point as LON,LAT."),
                )
            )
        if problems:
            self.banner.show_error(ValidationError(problems).message)
            self.answered.emit()
            return
        assert item is not None
        run_operation(
            self.db,
            self.actor,
            find_nearest,
            owner=self,
            on_done=self._show,
            show=self.banner,
            write=False,
            item_id=item,
            quantity=quantity_of(self.quantity_edit.text()),
            village=self.codes.get(village, "") if village is not None else None,
            village_stores=self.stores_check.isChecked(),
            point=point,
        )

    def _show(self, outcome: Outcome[NearestStock]) -> None:
        found = outcome.value
        if outcome.ok and found is not None:
            self.banner.clear_message()
            self.result = found
            self.model.set_rows(found.sources)
            if found.sources and not self._fitted:
                fit_columns(self.view, self.model)
                self._fitted = True
            used = sum(1 for s in found.sources if s.take > 0)
            self.summary.setText(
                fill(
                    self.tr("%1 %2 of %3 from %4: enough from %5 warehouse(s)."),
                    found.asked,
                    found.unit,
                    found.item,
                    found.place,
                    used,
                )
                if found.enough
                else fill(
                    self.tr("%1 %2 of %3 from %4: the county's open warehouses are %5 %2 short."),
                    found.asked,
                    found.unit,
                    found.item,
                    found.place,
                    found.short,
                )
            )
        self.answered.emit()


def nearest_tab(page: Any) -> NearestPanel:
    """The panel as a tab of the supplies page (every role may read it)."""
    panel = NearestPanel(page.db, page.actor, page.banner)
    index = page.tabs.addTab(panel, QCoreApplication.translate("SupplyNearest", "Nearest"))
    page.tabs.setTabToolTip(index, QCoreApplication.translate("SupplyNearest", "Nearest stock"))
    return panel
