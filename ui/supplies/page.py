"""The supplies page (应急物资): the county's figures, alerts (below minimum, expiring,
expired), stock by item and by warehouse, issues whose paperwork is pending, transfers in
transit and goods out on loan. Read-only here; movements are recorded through the
domain's functions."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView, QTabWidget, QWidget

from models.base import utcnow
from models.clock import display_time
from models.database import Database
from models.messages import QT_TRANSLATE_NOOP, fill
from models.supplies.catalogue import WAREHOUSE_LEVEL_LABELS
from models.supplies.overview import SuppliesOverview, supplies_overview
from models.users import Actor
from ui.common.page import Page
from ui.common.styles import CARD_STYLE
from ui.common.table import RIGHT, Column, RowTableModel, fit_columns, setup_table_view
from ui.common.widgets import card_grid
from ui.printing.registry import Format
from ui.supplies.count import CountPanel
from ui.supplies.movements import movements_tab
from ui.supplies.nearest import nearest_tab

WATCHED = frozenset(
    {
        "supply_movements",
        "supply_balances",
        "supply_transfers",
        "supply_warehouses",
        "supply_items",
        "supply_minimums",
        "supply_counts",
    }
)
C = "Supplies"


def _number(value: Decimal) -> str:
    return f"{value:,}" if value else "0"


def _time(value: Any) -> str:
    return display_time(value)


def _level(value: str) -> str:
    return QCoreApplication.translate("Supplies", WAREHOUSE_LEVEL_LABELS.get(value, value))


def _alert_kind(value: str) -> str:
    return QCoreApplication.translate("Supplies", ALERT_KINDS.get(value, value))


ALERT_KINDS = {
    "below_minimum": QT_TRANSLATE_NOOP("Supplies", "Below minimum"),
    "expiring": QT_TRANSLATE_NOOP("Supplies", "Expiring soon"),
    "expired": QT_TRANSLATE_NOOP("Supplies", "Expired"),
}
ALERT_COLUMNS = (
    Column("kind", QT_TRANSLATE_NOOP("Supplies", "Alert"), C, _alert_kind),
    Column("warehouse", QT_TRANSLATE_NOOP("Supplies", "Warehouse"), C),
    Column("text", QT_TRANSLATE_NOOP("Supplies", "What"), C, max_width=640),
)
ITEM_COLUMNS = (
    Column("item_code", QT_TRANSLATE_NOOP("Supplies", "Code"), C),
    Column("item_name", QT_TRANSLATE_NOOP("Supplies", "Item"), C),
    Column("unit", QT_TRANSLATE_NOOP("Supplies", "Unit"), C),
    Column("available", QT_TRANSLATE_NOOP("Supplies", "Available"), C, _number, RIGHT),
    Column("expiring", QT_TRANSLATE_NOOP("Supplies", "Expiring soon"), C, _number, RIGHT),
    Column("expired", QT_TRANSLATE_NOOP("Supplies", "Expired"), C, _number, RIGHT),
    Column("in_transit", QT_TRANSLATE_NOOP("Supplies", "In transit"), C, _number, RIGHT),
)
WAREHOUSE_COLUMNS = (
    Column("warehouse", QT_TRANSLATE_NOOP("Supplies", "Warehouse"), C),
    Column("level", QT_TRANSLATE_NOOP("Supplies", "Level"), C, _level),
    Column("item_name", QT_TRANSLATE_NOOP("Supplies", "Item"), C),
    Column("unit", QT_TRANSLATE_NOOP("Supplies", "Unit"), C),
    Column("available", QT_TRANSLATE_NOOP("Supplies", "Available"), C, _number, RIGHT),
    Column("minimum", QT_TRANSLATE_NOOP("Supplies", "Minimum"), C, _number, RIGHT),
    Column("expired", QT_TRANSLATE_NOOP("Supplies", "Expired"), C, _number, RIGHT),
    Column("in_transit_out", QT_TRANSLATE_NOOP("Supplies", "Sent, in transit"), C, _number, RIGHT),
    Column("in_transit_in", QT_TRANSLATE_NOOP("Supplies", "Coming, in transit"), C, _number, RIGHT),
)
PENDING_COLUMNS = (
    Column("at", QT_TRANSLATE_NOOP("Supplies", "Issued"), C, _time),
    Column("warehouse", QT_TRANSLATE_NOOP("Supplies", "Warehouse"), C),
    Column("slip", QT_TRANSLATE_NOOP("Supplies", "Slip"), C),
    Column("ordered_by", QT_TRANSLATE_NOOP("Supplies", "Ordered by"), C),
    Column("recipient", QT_TRANSLATE_NOOP("Supplies", "Taken by"), C),
)
TRANSIT_COLUMNS = (
    Column("sent_at", QT_TRANSLATE_NOOP("Supplies", "Sent"), C, _time),
    Column("source", QT_TRANSLATE_NOOP("Supplies", "From"), C),
    Column("destination", QT_TRANSLATE_NOOP("Supplies", "To"), C),
    Column("items", QT_TRANSLATE_NOOP("Supplies", "Goods"), C, max_width=480),
    Column("vehicle", QT_TRANSLATE_NOOP("Supplies", "Vehicle and driver"), C),
)
LOAN_COLUMNS = (
    Column("at", QT_TRANSLATE_NOOP("Supplies", "Issued"), C, _time),
    Column("warehouse", QT_TRANSLATE_NOOP("Supplies", "Warehouse"), C),
    Column("recipient", QT_TRANSLATE_NOOP("Supplies", "Taken by"), C),
    Column("item_name", QT_TRANSLATE_NOOP("Supplies", "Item"), C),
    Column("out", QT_TRANSLATE_NOOP("Supplies", "Out"), C, _number, RIGHT),
    Column("unit", QT_TRANSLATE_NOOP("Supplies", "Unit"), C),
)

KIT_COLUMNS = (
    Column("town", QT_TRANSLATE_NOOP("Supplies", "Town"), "Supplies"),
    Column("village", QT_TRANSLATE_NOOP("Supplies", "Village"), "Supplies"),
    Column(
        "missing",
        QT_TRANSLATE_NOOP("Supplies", "Missing from the kit (held/required)"),
        "Supplies",
        max_width=640,
    ),
)


def load_supplies(db: Database, actor: Actor) -> SuppliesOverview:
    with db.session(actor) as session:
        return supplies_overview(session=session)


class SuppliesPage(Page):
    watched_tables = WATCHED

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, parent=parent)
        self.setStyleSheet(CARD_STYLE)
        self.title_label.setText(self.tr("Supplies"))
        cards, self.cards = card_grid(
            [
                ("warehouses", self.tr("Warehouses")),
                ("alerts", self.tr("Alerts")),
                ("pending", self.tr("Paperwork pending")),
                ("in_transit", self.tr("Transfers in transit")),
                ("on_loan", self.tr("Out on loan")),
            ],
            columns=5,
        )
        self.layout_.addWidget(cards)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.models: dict[str, tuple[RowTableModel, QTableView]] = {}
        self._pending: list[tuple[str, Sequence[Any]]] = []  # tables still to fill
        self._fitted: set[str] = set()
        # Tab labels are short so that every tab shows at 1366x768 in either language
        # (a tab bar that scrolls hides tabs); the tooltip says what each holds.
        for key, columns, title, tip in (
            (
                "alerts",
                ALERT_COLUMNS,
                self.tr("Alerts"),
                self.tr("Below minimum, expiring, expired"),
            ),
            ("by_item", ITEM_COLUMNS, self.tr("By item"), self.tr("Stock by item")),
            (
                "by_warehouse",
                WAREHOUSE_COLUMNS,
                self.tr("By warehouse"),
                self.tr("Stock by warehouse"),
            ),
            ("pending", PENDING_COLUMNS, self.tr("Paperwork"), self.tr("Paperwork pending")),
            ("in_transit", TRANSIT_COLUMNS, self.tr("In transit"), self.tr("Transfers in transit")),
            ("on_loan", LOAN_COLUMNS, self.tr("On loan"), self.tr("Out on loan")),
            ("kit", KIT_COLUMNS, self.tr("Kit gaps"), self.tr("Village kits incomplete")),
        ):
            model = RowTableModel(columns, parent=self)
            view = QTableView()
            view.setModel(model)
            setup_table_view(view)
            self.models[key] = (model, view)
            self.tabs.setTabToolTip(self.tabs.addTab(view, title), tip)
        self.count_panel = CountPanel(db, actor, self.banner)
        self.tabs.setTabToolTip(
            self.tabs.addTab(self.count_panel, self.tr("Count")), self.tr("Stock count")
        )
        self.export_button = QPushButton(self.tr("To Excel…"))
        self.export_button.setToolTip(self.tr("Export stock to Excel…"))
        self.export_button.clicked.connect(self._export_stock)
        self.tabs.setCornerWidget(self._corner())
        self.nearest = nearest_tab(self)
        self.movements = movements_tab(self)
        self.add_body(
            self.tabs,
            empty_text=self.tr(
                "No warehouse is registered yet. Import the warehouses, the catalogue and the "
                "opening stock (import warehouses, import items, import stock), or build the "
                "demo county."
            ),
        )
        self.refresh()

    def refresh(self) -> None:
        self.load(load_supplies, self._show, db=self.db, actor=self.actor)
        self.count_panel.refresh()
        if self.movements is not None:
            self.movements.reload()

    def _corner(self) -> QWidget:
        """The export button and the printed reports (stock by area, kit compliance)."""
        corner = QWidget()
        row = QHBoxLayout(corner)
        row.setContentsMargins(0, 0, 0, 0)
        self.print_buttons: dict[str, QPushButton] = {}
        for key, text in (
            ("supplies-stock-report", self.tr("Stock report…")),
            ("kit-compliance", self.tr("Kit report…")),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, k=key: self._export_stock(k, Format.PDF))
            self.print_buttons[key] = button
            row.addWidget(button)
        row.addWidget(self.export_button)
        return corner

    def _export_stock(self, key: str = "supplies-stock", format: Format = Format.EXCEL) -> None:
        from ui.common.print_preview import open_document
        from ui.printing.registry import document

        open_document(
            self,
            db=self.db,
            actor=self.actor,
            spec=document(key, format),
            options={},
            names={"stamp": display_time(utcnow())[:10]},
            on_message=lambda text, ok: (
                self.banner.show_info(text) if ok else self.banner.show_error(text)
            ),
        )

    def _fill(self, key: str, rows: Sequence[Any]) -> None:
        model, view = self.models[key]
        model.set_rows(rows)
        if rows and key not in self._fitted:  # widths fitted once: a reload keeps them
            fit_columns(view, model)
            self._fitted.add(key)

    def _drain(self) -> None:
        """One table per turn of the event loop, so the UI thread never stalls on them."""
        if not self._pending:
            return
        key, rows = self._pending.pop(0)
        self._fill(key, rows)
        if self._pending:
            QTimer.singleShot(0, self, self._drain)
        else:
            self.ready.emit()

    def _show(self, data: SuppliesOverview) -> None:
        self.banner.clear_message()
        self.show_empty(data.warehouses == 0)
        alerts = len(data.alerts)
        below = sum(1 for a in data.alerts if a.kind == "below_minimum")
        c = self.cards
        c["warehouses"].show_value(data.warehouses, fill(self.tr("%1 items"), data.items))
        c["alerts"].show_value(alerts, fill(self.tr("%1 below minimum"), below), alert=bool(alerts))
        c["pending"].show_value(
            len(data.pending), self.tr("issued on a leader's word"), alert=bool(data.pending)
        )
        c["in_transit"].show_value(len(data.in_transit), self.tr("available at neither end"))
        c["on_loan"].show_value(len(data.on_loan), self.tr("returnable items issued"))
        draining = bool(self._pending)
        self._pending = [
            ("alerts", data.alerts),
            ("by_item", data.by_item),
            ("by_warehouse", data.by_warehouse),
            ("pending", data.pending),
            ("in_transit", data.in_transit),
            ("on_loan", data.on_loan),
            ("kit", data.kit_gaps),
        ]
        if not draining:  # else the running drain takes the new rows
            self._drain()
