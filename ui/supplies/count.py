"""The stock count tab of the supplies page (盘点): a warehouse's batches on the books, the
quantity found typed for the selected line (Enter records it and moves to the next line),
the reason and who counted, then Post: the count kept and its differences posted as one
count adjustment. The count sheet prints from here; the counts kept are listed below."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.clock import display_time
from models.database import Database
from models.messages import QT_TRANSLATE_NOOP, fill
from models.refusals import Refused
from models.users import Actor, Permission
from ui.common.operations import Outcome, run_operation
from ui.common.table import RIGHT, Column, RowTableModel, fit_columns, setup_table_view
from ui.common.widgets import Banner
from ui.common.worker import run_in_background

C = "SupplyCount"


@dataclass(frozen=True, slots=True)
class EntryLine:
    """A batch on the books and what was found of it (None: not counted yet)."""

    id: int  # the batch
    item_code: str
    item_name: str
    unit: str
    lot: str
    expiry: date | None
    book: Decimal
    expired: bool = False
    counted: Decimal | None = None

    @property
    def expiry_text(self) -> str:
        if self.expiry is None:
            return ""
        return self.expiry.isoformat() + (
            QCoreApplication.translate("SupplyCount", " (expired)") if self.expired else ""
        )

    @property
    def difference(self) -> Decimal | None:
        return None if self.counted is None else self.counted - self.book


def _number(value: Decimal | None) -> str:
    return f"{value:,}" if value is not None else ""


def _signed(value: Decimal | None) -> str:
    return "" if value is None else (f"{value:+,}" if value else "0")


ENTRY_COLUMNS = (
    Column("item_code", QT_TRANSLATE_NOOP("SupplyCount", "Code"), C),
    Column("item_name", QT_TRANSLATE_NOOP("SupplyCount", "Item"), C),
    Column("lot", QT_TRANSLATE_NOOP("SupplyCount", "Batch"), C),
    Column("expiry_text", QT_TRANSLATE_NOOP("SupplyCount", "Expires"), C),
    Column("unit", QT_TRANSLATE_NOOP("SupplyCount", "Unit"), C),
    Column("book", QT_TRANSLATE_NOOP("SupplyCount", "On the books"), C, _number, RIGHT),
    Column("counted", QT_TRANSLATE_NOOP("SupplyCount", "Counted"), C, _number, RIGHT),
    Column("difference", QT_TRANSLATE_NOOP("SupplyCount", "Difference"), C, _signed, RIGHT),
)
COUNT_COLUMNS = (
    Column("counted_at", QT_TRANSLATE_NOOP("SupplyCount", "Counted at"), C, display_time),
    Column("warehouse", QT_TRANSLATE_NOOP("SupplyCount", "Warehouse"), C),
    Column("counted_by", QT_TRANSLATE_NOOP("SupplyCount", "Who counted"), C),
    Column("recorded_by", QT_TRANSLATE_NOOP("SupplyCount", "Recorded by"), C),
    Column("lines", QT_TRANSLATE_NOOP("SupplyCount", "Lines"), C, str, RIGHT),
    Column("differences", QT_TRANSLATE_NOOP("SupplyCount", "Differences"), C, str, RIGHT),
    Column("slip", QT_TRANSLATE_NOOP("SupplyCount", "Slip"), C),
    Column("reason", QT_TRANSLATE_NOOP("SupplyCount", "Reason"), C, max_width=480),
)


def load_warehouses(db: Database, actor: Actor) -> tuple[list[tuple[int, str]], list[Any]]:
    """The warehouses to count (id, name) and the counts kept."""
    from models.supplies import count_rows, list_warehouses

    with db.session(actor) as session:
        return (
            [(w.id, w.name) for w in list_warehouses(session=session)],
            count_rows(session=session),
        )


def load_sheet(db: Database, actor: Actor, warehouse_id: int) -> list[EntryLine]:
    from models.supplies import count_sheet

    with db.session(actor) as session:
        sheet = count_sheet(session=session, warehouse_id=warehouse_id)
    return [
        EntryLine(
            line.batch_id,
            line.item_code,
            line.item_name,
            line.unit,
            line.lot,
            line.expiry,
            line.book,
            line.expired,
        )
        for line in sheet.lines
    ]


def post_count(
    *, session: Any, warehouse_id: int, counted: list[tuple[int, Decimal]], reason: str, who: str
) -> Any:
    from models.supplies import BatchQuantity, record_count

    return record_count(
        session=session,
        warehouse_id=warehouse_id,
        counted=[BatchQuantity(b, q) for b, q in counted],
        reason=reason,
        counted_by=who,
    )


class CountPanel(QWidget):
    """The count entry of one warehouse and the counts kept."""

    def __init__(
        self, db: Database, actor: Actor, banner: Banner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.banner = db, actor, banner
        self.warehouse_combo = QComboBox()
        self.warehouse_combo.setMinimumWidth(220)
        self.warehouse_combo.currentIndexChanged.connect(self._warehouse_chosen)
        self.print_button = QPushButton(self.tr("Print the count sheet"))
        self.print_button.clicked.connect(self._print_sheet)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Warehouse")))
        top.addWidget(self.warehouse_combo)
        top.addWidget(self.print_button)
        top.addStretch(1)
        self.status_label = QLabel()
        top.addWidget(self.status_label)

        self.entry_model = RowTableModel(ENTRY_COLUMNS, parent=self)
        self.entry_view = QTableView()
        self.entry_view.setModel(self.entry_model)
        setup_table_view(self.entry_view)
        self.entry_view.selectionModel().currentRowChanged.connect(self._line_chosen)

        self.counted_edit = QLineEdit()
        self.counted_edit.setPlaceholderText(
            self.tr("Counted quantity of the selected line; Enter records it and moves on")
        )
        self.counted_edit.returnPressed.connect(self._record_line)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Reason of the differences"))
        self.who_edit = QLineEdit()
        self.who_edit.setPlaceholderText(self.tr("Who counted"))
        self.post_button = QPushButton(self.tr("Post the count"))
        self.post_button.clicked.connect(self._post)
        self.post_button.setEnabled(actor.can(Permission.COUNT_SUPPLIES))
        self.counted_edit.setEnabled(actor.can(Permission.COUNT_SUPPLIES))
        entry = QHBoxLayout()
        entry.addWidget(self.counted_edit, 3)
        entry.addWidget(self.reason_edit, 3)
        entry.addWidget(self.who_edit, 2)
        entry.addWidget(self.post_button)

        self.counts_model = RowTableModel(COUNT_COLUMNS, parent=self)
        self.counts_view = QTableView()
        self.counts_view.setModel(self.counts_model)
        setup_table_view(self.counts_view)

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.entry_view, 1)
        upper_layout.addLayout(entry)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(QLabel(self.tr("Counts kept")))
        lower_layout.addWidget(self.counts_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter)
        self._warehouse_id: int | None = None
        self._fitted: set[str] = set()

    # -- loading -------------------------------------------------------------------

    def refresh(self) -> None:
        """The warehouses and the counts kept again; lines being counted stay."""
        run_in_background(
            load_warehouses, self._warehouses_loaded, owner=self, db=self.db, actor=self.actor
        )

    def _warehouses_loaded(self, result: Any, error: BaseException | None) -> None:
        if error is not None or result is None:
            return
        warehouses, counts = result
        self.counts_model.set_rows(counts)
        self._fit("counts", self.counts_view, self.counts_model)
        chosen = self.warehouse_combo.currentData()
        self.warehouse_combo.blockSignals(True)
        self.warehouse_combo.clear()
        for warehouse_id, name in warehouses:
            self.warehouse_combo.addItem(name, warehouse_id)
        index = self.warehouse_combo.findData(chosen) if chosen is not None else 0
        self.warehouse_combo.setCurrentIndex(max(index, 0))
        self.warehouse_combo.blockSignals(False)
        if self.warehouse_combo.currentData() != self._warehouse_id:
            self._warehouse_chosen()

    def _warehouse_chosen(self) -> None:
        warehouse_id = self.warehouse_combo.currentData()
        self._warehouse_id = warehouse_id
        if warehouse_id is None:
            self.entry_model.set_rows([])
            return
        run_in_background(
            load_sheet,
            self._sheet_loaded,
            owner=self,
            db=self.db,
            actor=self.actor,
            warehouse_id=warehouse_id,
        )

    def _sheet_loaded(self, result: Any, error: BaseException | None) -> None:
        if error is not None:
            self.banner.show_error(
                str(error)
                if isinstance(error, Refused)
                else self.tr("The lines could not be read.")
            )
            return
        self.entry_model.set_rows(result or [])
        self._fit("entry", self.entry_view, self.entry_model)
        if result:
            self.entry_view.selectRow(0)
        self._show_status()

    def _fit(self, key: str, view: QTableView, model: RowTableModel) -> None:
        if model.rowCount() and key not in self._fitted:
            fit_columns(view, model)
            self._fitted.add(key)

    # -- entry ---------------------------------------------------------------------

    def _line_chosen(self) -> None:
        index = self.entry_view.currentIndex()
        if not index.isValid():
            return
        line = self.entry_model.row_at(index.row())
        self.counted_edit.setText("" if line.counted is None else str(line.counted))

    def _record_line(self) -> None:
        """The quantity typed for the selected line; then the next line."""
        from models.supplies import counted_quantity

        index = self.entry_view.currentIndex()
        if not index.isValid():
            return
        text = self.counted_edit.text().strip()
        line = self.entry_model.row_at(index.row())
        try:
            value = counted_quantity(text) if text else None
        except Refused as refused:
            self.banner.show_error(str(refused))
            return
        self.banner.clear_message()
        rows = [
            replace(r, counted=value) if r.id == line.id else r for r in self.entry_model.rows()
        ]
        row = index.row()
        self.entry_model.set_rows(rows)
        following = min(row + 1, self.entry_model.rowCount() - 1)
        self.entry_view.selectRow(following)
        self.entry_view.scrollTo(self.entry_model.index(following, 0))
        self.counted_edit.selectAll()
        self._show_status()

    def _show_status(self) -> None:
        rows = self.entry_model.rows()
        counted = [r for r in rows if r.counted is not None]
        differ = sum(1 for r in counted if r.difference)
        self.status_label.setText(
            fill(self.tr("%1 of %2 lines counted, %3 differ"), len(counted), len(rows), differ)
        )

    def _post(self) -> None:
        counted = [(r.id, r.counted) for r in self.entry_model.rows() if r.counted is not None]
        if self._warehouse_id is None or not counted:
            self.banner.show_error(self.tr("Enter what was found of at least one line."))
            return
        self.post_button.setEnabled(False)
        run_operation(
            self.db,
            self.actor,
            post_count,
            owner=self,
            show=self.banner,
            on_done=self._posted,
            warehouse_id=self._warehouse_id,
            counted=counted,
            reason=self.reason_edit.text(),
            who=self.who_edit.text(),
        )

    def _posted(self, outcome: Outcome[Any]) -> None:
        self.post_button.setEnabled(self.actor.can(Permission.COUNT_SUPPLIES))
        if not outcome.ok or outcome.value is None:
            return
        row = outcome.value
        if row.differences:
            text = fill(
                self.tr("Count %1 posted: %2 of %3 lines differ (slip %4)."),
                row.id,
                row.differences,
                row.lines,
                row.slip,
            )
        else:
            text = fill(self.tr("Count %1 kept: all %2 lines as on the books."), row.id, row.lines)
        self.banner.show_info(text)
        self.reason_edit.clear()
        self.counted_edit.clear()
        self._warehouse_chosen()  # the books as they are now
        self.refresh()

    def _print_sheet(self) -> None:
        from ui.common.print_preview import open_document
        from ui.printing.registry import Format, document

        name = self.warehouse_combo.currentText()
        if not name:
            return
        open_document(
            self,
            db=self.db,
            actor=self.actor,
            spec=document("count-sheet", Format.PDF),
            options={"warehouse": name},
            names={},
            on_message=self._message,
        )

    def _message(self, text: str, ok: bool) -> None:
        if ok:
            self.banner.show_info(text)
        else:
            self.banner.show_error(text)
