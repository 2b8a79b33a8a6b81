"""The movement forms of the supplies page, one per kind: each reads its fields into the
ledger's function and arguments (``collect``), refusing itself only what it cannot read
(no warehouse or item chosen from the lists); the ledger checks everything else."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from models.clock import display_time
from models.messages import fill
from models.refusals import ValidationError
from models.supplies import (
    WRITE_OFF_CAUSES,
    Arrival,
    BatchQuantity,
    IssueLine,
    ReceiptLine,
    TransferLineIn,
    complete_paperwork,
    issue,
    receive,
    receive_transfer,
    send_transfer,
    write_off,
)
from models.supplies.entry import (
    BatchChoice,
    MovementChoices,
    return_items,
    write_off_items,
)
from models.supplies.tables import plain
from ui.common.widgets import CodeCombo
from ui.supplies.entry_widgets import ChoiceCombo, DateOrNone, GoodsEditor, quantity_of


def kind_title(text: str) -> str:
    return QCoreApplication.translate("SupplyMovements", text)


def _line(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


def _refuse(field: str, message: str) -> ValidationError:
    return ValidationError([(field, message)])


Work = tuple[Callable[..., Any], dict[str, Any]]


class Form(QWidget):
    """One kind's fields: ``collect`` gives the ledger's function and its arguments (or
    raises ValidationError for what the form itself cannot read), ``saved_text`` what the
    banner says once it is written."""

    def __init__(self) -> None:
        super().__init__()
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setVerticalSpacing(4)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def row(self, caption: str, *widgets: QWidget) -> None:
        if len(widgets) == 1:
            self.form.addRow(caption, widgets[0])
            return
        holder = QWidget()
        box = QHBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            box.addWidget(widget, 1)
        self.form.addRow(caption, holder)

    def set_choices(self, choices: MovementChoices) -> None:
        raise NotImplementedError

    def collect(self) -> Work:
        raise NotImplementedError

    def saved_text(self, value: Any) -> str:
        return fill(
            QCoreApplication.translate("SupplyMovements", "Recorded: slip %1."),
            getattr(value, "slip", ""),
        )

    def clear(self) -> None:
        """Ready for the next movement of the kind (the warehouse kept)."""
        raise NotImplementedError


def _warehouse_entries(choices: MovementChoices, *, open_only: bool) -> list[tuple[str, int, str]]:
    return [(w.name, w.id, w.code) for w in choices.warehouses if w.open or not open_only]


def _chosen_warehouse(combo: ChoiceCombo, field: str) -> int:
    chosen = combo.chosen()
    if chosen is None:
        raise _refuse(
            field,
            QCoreApplication.translate(
                "SupplyMovements", "Choose a warehouse from the list: type its name or code."
            ),
        )
    return chosen


class ReceiptForm(Form):
    def __init__(self) -> None:
        super().__init__()
        self.warehouse_combo = ChoiceCombo(
            QCoreApplication.translate("SupplyMovements", "Warehouse receiving the goods")
        )
        self.lot_edit = _line(QCoreApplication.translate("SupplyMovements", "Lot"))
        self.expiry_edit = DateOrNone()
        self.expiry_edit.setSpecialValueText(
            QCoreApplication.translate("SupplyMovements", "Expiry: none")
        )
        self.expiry_edit.setToolTip(
            QCoreApplication.translate(
                "SupplyMovements", "Expiry date (— none; from the shelf life if produced)"
            )
        )
        self.goods = GoodsEditor(
            QCoreApplication.translate("SupplyMovements", "Item"),
            QCoreApplication.translate("SupplyMovements", "Quantity"),
            [("lot", self.lot_edit), ("expiry", self.expiry_edit)],
        )
        self.supplier_edit = _line(
            QCoreApplication.translate("SupplyMovements", "Supplier or where it came from")
        )
        self.reason_edit = _line(QCoreApplication.translate("SupplyMovements", "Reason, document"))
        self.row(QCoreApplication.translate("SupplyMovements", "Warehouse"), self.warehouse_combo)
        self.row(QCoreApplication.translate("SupplyMovements", "Goods"), self.goods)
        self.row(
            QCoreApplication.translate("SupplyMovements", "From"),
            self.supplier_edit,
            self.reason_edit,
        )

    def set_choices(self, choices: MovementChoices) -> None:
        self.warehouse_combo.set_entries(_warehouse_entries(choices, open_only=True))
        self.goods.set_items(choices.items)

    def collect(self) -> Work:
        warehouse = _chosen_warehouse(self.warehouse_combo, "warehouse")
        lines = [
            ReceiptLine(
                g.item_id,
                g.quantity,
                lot=str(g.extra.get("lot") or ""),
                expiry_date=g.extra.get("expiry"),
            )
            for g in self.goods.collect()
        ]
        return receive, {
            "warehouse_id": warehouse,
            "lines": lines,
            "supplier": self.supplier_edit.text(),
            "reason": self.reason_edit.text(),
        }

    def clear(self) -> None:
        self.goods.clear()
        self.supplier_edit.clear()
        self.reason_edit.clear()


class IssueForm(Form):
    def __init__(self) -> None:
        super().__init__()
        self.warehouse_combo = ChoiceCombo(
            QCoreApplication.translate("SupplyMovements", "Warehouse issuing the goods")
        )
        self.goods = GoodsEditor(
            QCoreApplication.translate("SupplyMovements", "Item"),
            QCoreApplication.translate("SupplyMovements", "Quantity"),
        )
        self.recipient_edit = _line(
            QCoreApplication.translate("SupplyMovements", "Who takes the goods")
        )
        self.reason_edit = _line(
            QCoreApplication.translate("SupplyMovements", "Reason, where they go")
        )
        self.word_check = QCheckBox(
            QCoreApplication.translate(
                "SupplyMovements", "On a leader's word, slip to follow (先调后补)"
            )
        )
        self.ordered_edit = _line(
            QCoreApplication.translate("SupplyMovements", "Leader who ordered it")
        )
        self.row(QCoreApplication.translate("SupplyMovements", "Warehouse"), self.warehouse_combo)
        self.row(QCoreApplication.translate("SupplyMovements", "Goods"), self.goods)
        self.row(
            QCoreApplication.translate("SupplyMovements", "Taken by"),
            self.recipient_edit,
            self.reason_edit,
        )
        self.row("", self.word_check, self.ordered_edit)
        self.word_check.toggled.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        self.ordered_edit.setEnabled(self.word_check.isChecked())

    def set_choices(self, choices: MovementChoices) -> None:
        self.warehouse_combo.set_entries(_warehouse_entries(choices, open_only=False))
        self.goods.set_items(choices.items)

    def collect(self) -> Work:
        warehouse = _chosen_warehouse(self.warehouse_combo, "warehouse")
        word = self.word_check.isChecked()
        return issue, {
            "warehouse_id": warehouse,
            "lines": [IssueLine(g.item_id, g.quantity) for g in self.goods.collect()],
            "recipient": self.recipient_edit.text(),
            "reason": self.reason_edit.text(),
            "ordered_by": self.ordered_edit.text() if word else None,
            "paperwork_pending": word,
        }

    def saved_text(self, value: Any) -> str:
        if self.word_check.isChecked():
            return fill(
                QCoreApplication.translate(
                    "SupplyMovements",
                    "Issued on a leader's word: slip %1 stays on the pending list until completed.",
                ),
                value.slip,
            )
        return super().saved_text(value)

    def clear(self) -> None:
        self.goods.clear()
        for edit in (self.recipient_edit, self.reason_edit, self.ordered_edit):
            edit.clear()
        self.word_check.setChecked(False)


class CompleteForm(Form):
    def __init__(self) -> None:
        super().__init__()
        self.pending_combo = ChoiceCombo(
            QCoreApplication.translate("SupplyMovements", "Issue whose slip is pending")
        )
        self.recipient_edit = _line(
            QCoreApplication.translate("SupplyMovements", "Who took the goods")
        )
        self.reason_edit = _line(QCoreApplication.translate("SupplyMovements", "Reason, document"))
        self.row(QCoreApplication.translate("SupplyMovements", "Issue"), self.pending_combo)
        self.row(
            QCoreApplication.translate("SupplyMovements", "Taken by"),
            self.recipient_edit,
            self.reason_edit,
        )

    def set_choices(self, choices: MovementChoices) -> None:
        self.pending_combo.set_entries(
            [
                (
                    fill(
                        QCoreApplication.translate(
                            "SupplyMovements", "%1 %2 · %3 · ordered by %4 · %5"
                        ),
                        p.warehouse,
                        p.slip,
                        display_time(p.at),
                        p.ordered_by,
                        p.goods,
                    ),
                    p.movement_id,
                    f"{p.slip} {p.ordered_by}",
                )
                for p in choices.pending
            ]
        )

    def collect(self) -> Work:
        chosen = self.pending_combo.chosen()
        if chosen is None:
            raise _refuse(
                "issue",
                QCoreApplication.translate(
                    "SupplyMovements", "Choose an issue from the pending list."
                ),
            )
        return complete_paperwork, {
            "movement_id": chosen,
            "recipient": self.recipient_edit.text(),
            "reason": self.reason_edit.text(),
        }

    def saved_text(self, value: Any) -> str:
        return fill(
            QCoreApplication.translate("SupplyMovements", "The slip of issue %1 is completed."),
            value.slip,
        )

    def clear(self) -> None:
        self.pending_combo.set_chosen(None)
        self.recipient_edit.clear()
        self.reason_edit.clear()


class ReturnForm(Form):
    """The issue named; each of its items still out offered with what is out. Goods that
    will not come back (lost or damaged in the rescue) are written off from the issue
    instead, with cause and reason."""

    def __init__(self) -> None:
        super().__init__()
        self.loan_combo = ChoiceCombo(
            QCoreApplication.translate("SupplyMovements", "Issue the goods come back from")
        )
        self.goods_box = QWidget()
        self.goods_grid = QGridLayout(self.goods_box)
        self.goods_grid.setContentsMargins(0, 0, 0, 0)
        self.goods_grid.setColumnStretch(3, 1)
        self.quantity_edits: dict[int, QLineEdit] = {}
        self.reason_edit = _line(
            QCoreApplication.translate("SupplyMovements", "Reason, condition of the goods")
        )
        self.row(QCoreApplication.translate("SupplyMovements", "Issue"), self.loan_combo)
        self.row(QCoreApplication.translate("SupplyMovements", "Coming back"), self.goods_box)
        self.lost_check = QCheckBox(
            QCoreApplication.translate(
                "SupplyMovements", "Not coming back: write them off the issue"
            )
        )
        self.cause_combo = CodeCombo(WRITE_OFF_CAUSES)
        self.row(QCoreApplication.translate("SupplyMovements", "Reason"), self.reason_edit)
        self.row("", self.lost_check, self.cause_combo)
        self.lost_check.toggled.connect(self.cause_combo.setEnabled)
        self.cause_combo.setEnabled(False)
        self._loans: dict[int, Any] = {}
        self.loan_combo.currentIndexChanged.connect(self._show_goods)
        self.loan_combo.editTextChanged.connect(self._show_goods)

    def set_choices(self, choices: MovementChoices) -> None:
        self._loans = {loan.issue_id: loan for loan in choices.loans}
        self.loan_combo.set_entries(
            [
                (
                    fill(
                        QCoreApplication.translate("SupplyMovements", "%1 · %2 · %3 · %4"),
                        loan.warehouse,
                        display_time(loan.at),
                        loan.recipient,
                        "、".join(
                            f"{name} {plain(out)}{unit}" for _i, name, unit, out in loan.goods
                        ),
                    ),
                    loan.issue_id,
                    loan.recipient,
                )
                for loan in choices.loans
            ]
        )
        self._show_goods()

    def _show_goods(self) -> None:
        loan = self._loans.get(self.loan_combo.chosen() or -1)
        wanted = loan.goods if loan is not None else ()
        if [g[0] for g in wanted] == list(self.quantity_edits):
            return
        while self.goods_grid.count():
            child = self.goods_grid.takeAt(0)
            if child is not None and child.widget() is not None:
                child.widget().deleteLater()  # type: ignore[union-attr]
        self.quantity_edits = {}
        for row, (item_id, name, unit, out) in enumerate(wanted):
            edit = QLineEdit(str(plain(out)))
            edit.setMaximumWidth(120)
            self.goods_grid.addWidget(QLabel(f"{name} ({unit})"), row, 0)
            self.goods_grid.addWidget(edit, row, 1)
            self.goods_grid.addWidget(
                QLabel(
                    fill(QCoreApplication.translate("SupplyMovements", "of %1 out"), plain(out))
                ),
                row,
                2,
            )
            self.quantity_edits[item_id] = edit

    def collect(self) -> Work:
        chosen = self.loan_combo.chosen()
        if chosen is None or chosen not in self._loans:
            raise _refuse(
                "issue",
                QCoreApplication.translate(
                    "SupplyMovements", "Choose the issue the goods come back from."
                ),
            )
        lines = [
            (item_id, quantity_of(edit.text()))
            for item_id, edit in self.quantity_edits.items()
            if edit.text().strip() not in ("", "0")
        ]
        if self.lost_check.isChecked():
            return write_off_items, {
                "issue_id": chosen,
                "lines": lines,
                "cause": self.cause_combo.code() or "",
                "reason": self.reason_edit.text(),
            }
        return return_items, {"issue_id": chosen, "lines": lines, "reason": self.reason_edit.text()}

    def clear(self) -> None:
        self.loan_combo.set_chosen(None)
        self.reason_edit.clear()
        self.lost_check.setChecked(False)
        self._show_goods()


class TransferForm(Form):
    def __init__(self) -> None:
        super().__init__()
        self.from_combo = ChoiceCombo(
            QCoreApplication.translate("SupplyMovements", "From warehouse")
        )
        self.to_combo = ChoiceCombo(
            QCoreApplication.translate("SupplyMovements", "To warehouse or forward point")
        )
        self.requested_edit = _line(QCoreApplication.translate("SupplyMovements", "Requested"))
        self.requested_edit.setMaximumWidth(110)
        self.goods = GoodsEditor(
            QCoreApplication.translate("SupplyMovements", "Item"),
            QCoreApplication.translate("SupplyMovements", "Sent"),
            [("requested", self.requested_edit)],
        )
        self.transport_edit = _line(QCoreApplication.translate("SupplyMovements", "Transport"))
        self.plate_edit = _line(QCoreApplication.translate("SupplyMovements", "Vehicle plate"))
        self.driver_edit = _line(QCoreApplication.translate("SupplyMovements", "Driver"))
        self.phone_edit = _line(QCoreApplication.translate("SupplyMovements", "Driver's phone"))
        self.reason_edit = _line(QCoreApplication.translate("SupplyMovements", "Reason"))
        self.row(
            QCoreApplication.translate("SupplyMovements", "From, to"),
            self.from_combo,
            self.to_combo,
        )
        self.row(QCoreApplication.translate("SupplyMovements", "Goods"), self.goods)
        self.row(
            QCoreApplication.translate("SupplyMovements", "Transport"),
            self.transport_edit,
            self.plate_edit,
            self.driver_edit,
            self.phone_edit,
        )
        self.row(QCoreApplication.translate("SupplyMovements", "Reason"), self.reason_edit)

    def set_choices(self, choices: MovementChoices) -> None:
        self.from_combo.set_entries(_warehouse_entries(choices, open_only=False))
        self.to_combo.set_entries(_warehouse_entries(choices, open_only=True))
        self.goods.set_items(choices.items)

    def collect(self) -> Work:
        source = _chosen_warehouse(self.from_combo, "from_warehouse")
        destination = _chosen_warehouse(self.to_combo, "to_warehouse")
        lines = []
        for g in self.goods.collect():
            asked = str(g.extra.get("requested") or "")
            lines.append(
                TransferLineIn(g.item_id, g.quantity, quantity_of(asked) if asked else None)
            )
        return send_transfer, {
            "from_warehouse_id": source,
            "to_warehouse_id": destination,
            "lines": lines,
            "transport": self.transport_edit.text(),
            "vehicle_plate": self.plate_edit.text(),
            "driver": self.driver_edit.text(),
            "driver_phone": self.phone_edit.text(),
            "reason": self.reason_edit.text(),
        }

    def saved_text(self, value: Any) -> str:
        return QCoreApplication.translate(
            "SupplyMovements",
            "Transfer sent: in transit, available at neither warehouse until received.",
        )

    def clear(self) -> None:
        self.goods.clear()
        for edit in (
            self.transport_edit,
            self.plate_edit,
            self.driver_edit,
            self.phone_edit,
            self.reason_edit,
        ):
            edit.clear()


class ArrivalForm(Form):
    """A transfer in transit received: each line arrived whole unless told otherwise
    (received, sent back to the source, lost on the way with the note as reason)."""

    def __init__(self) -> None:
        super().__init__()
        self.transit_combo = ChoiceCombo(
            QCoreApplication.translate("SupplyMovements", "Transfer in transit")
        )
        self.lines_box = QWidget()
        self.lines_grid = QGridLayout(self.lines_box)
        self.lines_grid.setContentsMargins(0, 0, 0, 0)
        self.lines_grid.setColumnStretch(4, 1)
        self.line_edits: dict[int, tuple[QLineEdit, QLineEdit, QLineEdit]] = {}
        self.reason_edit = _line(
            QCoreApplication.translate("SupplyMovements", "Note on arrival; what became of losses")
        )
        self.row(QCoreApplication.translate("SupplyMovements", "Transfer"), self.transit_combo)
        self.row(QCoreApplication.translate("SupplyMovements", "Arrived"), self.lines_box)
        self.row(QCoreApplication.translate("SupplyMovements", "Note"), self.reason_edit)
        self._transit: dict[int, Any] = {}
        self.transit_combo.currentIndexChanged.connect(self._show_lines)
        self.transit_combo.editTextChanged.connect(self._show_lines)

    def _show_lines(self) -> None:
        chosen = self._transit.get(self.transit_combo.chosen() or -1)
        wanted = chosen.lines if chosen is not None else ()
        if [line[0] for line in wanted] == list(self.line_edits):
            return
        while self.lines_grid.count():
            child = self.lines_grid.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        self.line_edits = {}
        for row, (line_id, name, unit, sent) in enumerate(wanted):
            self.lines_grid.addWidget(
                QLabel(
                    fill(
                        QCoreApplication.translate("SupplyMovements", "%1: %2 %3 sent"),
                        name,
                        sent,
                        unit,
                    )
                ),
                row,
                0,
            )
            edits = []
            for column, (placeholder, value) in enumerate(
                (
                    (QCoreApplication.translate("SupplyMovements", "Received"), str(sent)),
                    (QCoreApplication.translate("SupplyMovements", "Sent back"), ""),
                    (QCoreApplication.translate("SupplyMovements", "Lost"), ""),
                ),
                start=1,
            ):
                edit = QLineEdit(value)
                edit.setPlaceholderText(placeholder)
                edit.setToolTip(placeholder)
                edit.setMaximumWidth(110)
                self.lines_grid.addWidget(edit, row, column)
                edits.append(edit)
            self.line_edits[line_id] = (edits[0], edits[1], edits[2])

    def set_choices(self, choices: MovementChoices) -> None:
        self._transit = {t.transfer_id: t for t in choices.in_transit}
        self.transit_combo.set_entries(
            [
                (
                    fill(
                        QCoreApplication.translate("SupplyMovements", "%1 → %2 · sent %3 · %4"),
                        t.source,
                        t.destination,
                        display_time(t.sent_at),
                        t.goods,
                    ),
                    t.transfer_id,
                    f"{t.source} {t.destination}",
                )
                for t in choices.in_transit
            ]
        )
        self._show_lines()

    def collect(self) -> Work:
        chosen = self.transit_combo.chosen()
        if chosen is None:
            raise _refuse(
                "transfer",
                QCoreApplication.translate("SupplyMovements", "Choose a transfer in transit."),
            )
        chosen_row = self._transit.get(chosen)
        sent = {line[0]: line[3] for line in chosen_row.lines} if chosen_row else {}
        arrivals = {}
        for line_id, (received, back, lost) in self.line_edits.items():
            values = [
                quantity_of(e.text()) if e.text().strip() else Decimal(0)
                for e in (received, back, lost)
            ]
            if values != [sent.get(line_id), 0, 0]:
                arrivals[line_id] = Arrival(values[0], values[1], values[2])
        return receive_transfer, {
            "transfer_id": chosen,
            "arrivals": arrivals,
            "reason": self.reason_edit.text(),
        }

    def saved_text(self, value: Any) -> str:
        return QCoreApplication.translate(
            "SupplyMovements", "Transfer received: the goods count at the receiving warehouse."
        )

    def clear(self) -> None:
        self.transit_combo.set_chosen(None)
        self.reason_edit.clear()
        self._show_lines()


class WriteOffForm(Form):
    """A batch of an item at a warehouse written off with cause and reason; the batches
    held are read once warehouse and item are chosen (expired ones first offered for an
    expired cause)."""

    batches_loaded = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.warehouse_combo = ChoiceCombo(
            QCoreApplication.translate("SupplyMovements", "Warehouse")
        )
        self.item_combo = ChoiceCombo(QCoreApplication.translate("SupplyMovements", "Item"))
        self.batch_combo = QComboBox()
        self.quantity_edit = _line(QCoreApplication.translate("SupplyMovements", "Quantity"))
        self.quantity_edit.setMaximumWidth(120)
        self.cause_combo = CodeCombo(WRITE_OFF_CAUSES)
        self.reason_edit = _line(
            QCoreApplication.translate("SupplyMovements", "Reason of the write-off")
        )
        self.row(
            QCoreApplication.translate("SupplyMovements", "Warehouse, item"),
            self.warehouse_combo,
            self.item_combo,
        )
        self.row(
            QCoreApplication.translate("SupplyMovements", "Batch"),
            self.batch_combo,
            self.quantity_edit,
        )
        self.row(
            QCoreApplication.translate("SupplyMovements", "Cause"),
            self.cause_combo,
            self.reason_edit,
        )
        self.read_batches: Callable[[int, int], None] | None = None
        for combo in (self.warehouse_combo, self.item_combo):
            combo.currentIndexChanged.connect(self._ask_batches)
            line = combo.lineEdit()
            assert line is not None
            line.editingFinished.connect(self._ask_batches)
        self._asked: tuple[int, int] | None = None

    def set_choices(self, choices: MovementChoices) -> None:
        self.warehouse_combo.set_entries(_warehouse_entries(choices, open_only=False))
        self.item_combo.set_entries(
            [(f"{i.name} [{i.code}]", i.id, f"{i.code} {i.name}") for i in choices.items]
        )

    def _ask_batches(self) -> None:
        warehouse, item = self.warehouse_combo.chosen(), self.item_combo.chosen()
        if warehouse is None or item is None:
            self.batch_combo.clear()
            self._asked = None
            return
        if self._asked == (warehouse, item) or self.read_batches is None:
            return
        self._asked = (warehouse, item)
        self.read_batches(warehouse, item)

    def show_batches(self, batches: list[BatchChoice]) -> None:
        self.batch_combo.clear()
        for b in batches:
            text = fill(
                QCoreApplication.translate("SupplyMovements", "lot %1 · expires %2 · %3 held"),
                b.lot or "—",
                b.expiry.isoformat() if b.expiry else "—",
                plain(b.quantity),
            )
            if b.expired:
                text = fill(QCoreApplication.translate("SupplyMovements", "%1 (expired)"), text)
            self.batch_combo.addItem(text, b.batch_id)
        expired = next((n for n, b in enumerate(batches) if b.expired), None)
        if expired is not None:
            self.batch_combo.setCurrentIndex(expired)
            self.cause_combo.set_code("expired")
        self.batches_loaded.emit()

    def collect(self) -> Work:
        warehouse = _chosen_warehouse(self.warehouse_combo, "warehouse")
        batch = self.batch_combo.currentData()
        if self.item_combo.chosen() is None or batch is None:
            raise _refuse(
                "batch",
                QCoreApplication.translate(
                    "SupplyMovements", "Choose the item and the batch the warehouse holds."
                ),
            )
        return write_off, {
            "warehouse_id": warehouse,
            "lines": [BatchQuantity(int(batch), quantity_of(self.quantity_edit.text()))],
            "cause": self.cause_combo.code() or "",
            "reason": self.reason_edit.text(),
        }

    def clear(self) -> None:
        self.quantity_edit.clear()
        self.reason_edit.clear()
        self._asked = None
        self._ask_batches()


FORMS: dict[str, Callable[[], Form]] = {
    "receipt": ReceiptForm,
    "issue": IssueForm,
    "complete": CompleteForm,
    "return": ReturnForm,
    "transfer": TransferForm,
    "arrival": ArrivalForm,
    "write_off": WriteOffForm,
}
