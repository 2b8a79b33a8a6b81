"""Movements entered on the supplies page, made for the keyboard: Alt+1 … Alt+7 choose the
kind (receipt, issue, completing a slip issued on a leader's word, return, transfer,
receiving a transfer, write-off), Tab walks the fields, Enter adds a line of goods,
Ctrl+Enter saves. Each kind is written through the ledger's own function in one writing
unit of work; a refusal is shown in the page's banner and the form keeps what was typed.
Only the kinds the user's role may record are offered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.clock import display_time
from models.database import Database
from models.messages import QT_TRANSLATE_NOOP, fill
from models.refusals import ValidationError
from models.supplies import (
    WRITE_OFF_CAUSES,
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
    batches_at,
    movement_choices,
    return_items,
)
from models.supplies.tables import plain
from models.users import Actor, Permission
from ui.common.operations import Outcome, run_operation
from ui.common.styles import NOTE_COLOUR
from ui.common.widgets import Banner, CodeCombo
from ui.common.worker import run_in_background
from ui.supplies.entry_widgets import ChoiceCombo, DateOrNone, GoodsEditor, quantity_of

C = "SupplyMovements"
KINDS: tuple[tuple[str, str, Permission], ...] = (
    (
        "receipt",
        QT_TRANSLATE_NOOP("SupplyMovements", "Receipt (入库)"),
        Permission.RECEIVE_SUPPLIES,
    ),
    ("issue", QT_TRANSLATE_NOOP("SupplyMovements", "Issue (出库)"), Permission.ISSUE_SUPPLIES),
    (
        "complete",
        QT_TRANSLATE_NOOP("SupplyMovements", "Complete a slip (先调后补)"),
        Permission.ISSUE_SUPPLIES,
    ),
    ("return", QT_TRANSLATE_NOOP("SupplyMovements", "Return (归还)"), Permission.RECEIVE_SUPPLIES),
    (
        "transfer",
        QT_TRANSLATE_NOOP("SupplyMovements", "Transfer (调拨)"),
        Permission.ISSUE_SUPPLIES,
    ),
    (
        "arrival",
        QT_TRANSLATE_NOOP("SupplyMovements", "Receive a transfer"),
        Permission.RECEIVE_SUPPLIES,
    ),
    (
        "write_off",
        QT_TRANSLATE_NOOP("SupplyMovements", "Write-off (报损)"),
        Permission.ISSUE_SUPPLIES,
    ),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(C, text)


def _line(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


def _refuse(field: str, message: str) -> ValidationError:
    return ValidationError([(field, message)])


Work = tuple[Callable[..., Any], dict[str, Any]]


class _Form(QWidget):
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
        return fill(_tr("Recorded: slip %1."), getattr(value, "slip", ""))

    def clear(self) -> None:
        """Ready for the next movement of the kind (the warehouse kept)."""
        raise NotImplementedError


def _warehouse_entries(choices: MovementChoices, *, open_only: bool) -> list[tuple[str, int, str]]:
    return [(w.name, w.id, w.code) for w in choices.warehouses if w.open or not open_only]


def _chosen_warehouse(combo: ChoiceCombo, field: str) -> int:
    chosen = combo.chosen()
    if chosen is None:
        raise _refuse(field, _tr("Choose a warehouse from the list: type its name or code."))
    return chosen


class ReceiptForm(_Form):
    def __init__(self) -> None:
        super().__init__()
        self.warehouse_combo = ChoiceCombo(_tr("Warehouse receiving the goods"))
        self.lot_edit = _line(_tr("Lot"))
        self.expiry_edit = DateOrNone()
        self.expiry_edit.setToolTip(_tr("Expiry date (— none; from the shelf life if produced)"))
        self.goods = GoodsEditor(
            _tr("Item"), _tr("Quantity"), [("lot", self.lot_edit), ("expiry", self.expiry_edit)]
        )
        self.supplier_edit = _line(_tr("Supplier or where it came from"))
        self.reason_edit = _line(_tr("Reason, document"))
        self.row(_tr("Warehouse"), self.warehouse_combo)
        self.row(_tr("Goods"), self.goods)
        self.row(_tr("From"), self.supplier_edit, self.reason_edit)

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


class IssueForm(_Form):
    def __init__(self) -> None:
        super().__init__()
        self.warehouse_combo = ChoiceCombo(_tr("Warehouse issuing the goods"))
        self.goods = GoodsEditor(_tr("Item"), _tr("Quantity"))
        self.recipient_edit = _line(_tr("Who takes the goods"))
        self.reason_edit = _line(_tr("Reason, where they go"))
        self.word_check = QCheckBox(_tr("On a leader's word, slip to follow (先调后补)"))
        self.ordered_edit = _line(_tr("Leader who ordered it"))
        self.row(_tr("Warehouse"), self.warehouse_combo)
        self.row(_tr("Goods"), self.goods)
        self.row(_tr("Taken by"), self.recipient_edit, self.reason_edit)
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
                _tr(
                    "Issued on a leader's word: slip %1 stays on the pending list until completed."
                ),
                value.slip,
            )
        return super().saved_text(value)

    def clear(self) -> None:
        self.goods.clear()
        for edit in (self.recipient_edit, self.reason_edit, self.ordered_edit):
            edit.clear()
        self.word_check.setChecked(False)


class CompleteForm(_Form):
    def __init__(self) -> None:
        super().__init__()
        self.pending_combo = ChoiceCombo(_tr("Issue whose slip is pending"))
        self.recipient_edit = _line(_tr("Who took the goods"))
        self.reason_edit = _line(_tr("Reason, document"))
        self.row(_tr("Issue"), self.pending_combo)
        self.row(_tr("Taken by"), self.recipient_edit, self.reason_edit)

    def set_choices(self, choices: MovementChoices) -> None:
        self.pending_combo.set_entries(
            [
                (
                    fill(
                        _tr("%1 %2 · %3 · ordered by %4 · %5"),
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
            raise _refuse("issue", _tr("Choose an issue from the pending list."))
        return complete_paperwork, {
            "movement_id": chosen,
            "recipient": self.recipient_edit.text(),
            "reason": self.reason_edit.text(),
        }

    def saved_text(self, value: Any) -> str:
        return fill(_tr("The slip of issue %1 is completed."), value.slip)

    def clear(self) -> None:
        self.pending_combo.set_chosen(None)
        self.recipient_edit.clear()
        self.reason_edit.clear()


class ReturnForm(_Form):
    """The issue named; each of its items still out offered with what is out."""

    def __init__(self) -> None:
        super().__init__()
        self.loan_combo = ChoiceCombo(_tr("Issue the goods come back from"))
        self.goods_box = QWidget()
        self.goods_grid = QGridLayout(self.goods_box)
        self.goods_grid.setContentsMargins(0, 0, 0, 0)
        self.quantity_edits: dict[int, QLineEdit] = {}
        self.reason_edit = _line(_tr("Reason, condition of the goods"))
        self.row(_tr("Issue"), self.loan_combo)
        self.row(_tr("Coming back"), self.goods_box)
        self.row(_tr("Reason"), self.reason_edit)
        self._loans: dict[int, Any] = {}
        self.loan_combo.currentIndexChanged.connect(self._show_goods)
        self.loan_combo.editTextChanged.connect(self._show_goods)

    def set_choices(self, choices: MovementChoices) -> None:
        self._loans = {loan.issue_id: loan for loan in choices.loans}
        self.loan_combo.set_entries(
            [
                (
                    fill(
                        _tr("%1 · %2 · %3 · %4"),
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
            self.goods_grid.addWidget(QLabel(fill(_tr("of %1 out"), plain(out))), row, 2)
            self.quantity_edits[item_id] = edit

    def collect(self) -> Work:
        chosen = self.loan_combo.chosen()
        if chosen is None or chosen not in self._loans:
            raise _refuse("issue", _tr("Choose the issue the goods come back from."))
        lines = [
            (item_id, quantity_of(edit.text()))
            for item_id, edit in self.quantity_edits.items()
            if edit.text().strip() not in ("", "0")
        ]
        return return_items, {"issue_id": chosen, "lines": lines, "reason": self.reason_edit.text()}

    def clear(self) -> None:
        self.loan_combo.set_chosen(None)
        self.reason_edit.clear()
        self._show_goods()


class TransferForm(_Form):
    def __init__(self) -> None:
        super().__init__()
        self.from_combo = ChoiceCombo(_tr("From warehouse"))
        self.to_combo = ChoiceCombo(_tr("To warehouse or forward point"))
        self.requested_edit = _line(_tr("Requested"))
        self.requested_edit.setMaximumWidth(110)
        self.goods = GoodsEditor(_tr("Item"), _tr("Sent"), [("requested", self.requested_edit)])
        self.transport_edit = _line(_tr("Transport"))
        self.plate_edit = _line(_tr("Vehicle plate"))
        self.driver_edit = _line(_tr("Driver"))
        self.phone_edit = _line(_tr("Driver's phone"))
        self.reason_edit = _line(_tr("Reason"))
        self.row(_tr("From, to"), self.from_combo, self.to_combo)
        self.row(_tr("Goods"), self.goods)
        self.row(
            _tr("Transport"),
            self.transport_edit,
            self.plate_edit,
            self.driver_edit,
            self.phone_edit,
        )
        self.row(_tr("Reason"), self.reason_edit)

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
        return _tr("Transfer sent: in transit, available at neither warehouse until received.")

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


class ArrivalForm(_Form):
    """A transfer in transit received whole."""

    def __init__(self) -> None:
        super().__init__()
        self.transit_combo = ChoiceCombo(_tr("Transfer in transit"))
        self.reason_edit = _line(_tr("Note on arrival"))
        self.row(_tr("Transfer"), self.transit_combo)
        self.row(_tr("Note"), self.reason_edit)

    def set_choices(self, choices: MovementChoices) -> None:
        self.transit_combo.set_entries(
            [
                (
                    fill(
                        _tr("%1 → %2 · sent %3 · %4"),
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

    def collect(self) -> Work:
        chosen = self.transit_combo.chosen()
        if chosen is None:
            raise _refuse("transfer", _tr("Choose a transfer in transit."))
        return receive_transfer, {"transfer_id": chosen, "reason": self.reason_edit.text()}

    def saved_text(self, value: Any) -> str:
        return _tr("Transfer received: the goods count at the receiving warehouse.")

    def clear(self) -> None:
        self.transit_combo.set_chosen(None)
        self.reason_edit.clear()


class WriteOffForm(_Form):
    """A batch of an item at a warehouse written off with cause and reason; the batches
    held are read once warehouse and item are chosen (expired ones first offered for an
    expired cause)."""

    batches_loaded = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.warehouse_combo = ChoiceCombo(_tr("Warehouse"))
        self.item_combo = ChoiceCombo(_tr("Item"))
        self.batch_combo = QComboBox()
        self.quantity_edit = _line(_tr("Quantity"))
        self.quantity_edit.setMaximumWidth(120)
        self.cause_combo = CodeCombo(WRITE_OFF_CAUSES)
        self.reason_edit = _line(_tr("Reason of the write-off"))
        self.row(_tr("Warehouse, item"), self.warehouse_combo, self.item_combo)
        self.row(_tr("Batch"), self.batch_combo, self.quantity_edit)
        self.row(_tr("Cause"), self.cause_combo, self.reason_edit)
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
                _tr("lot %1 · expires %2 · %3 held"),
                b.lot or "—",
                b.expiry.isoformat() if b.expiry else "—",
                plain(b.quantity),
            )
            if b.expired:
                text = fill(_tr("%1 (expired)"), text)
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
            raise _refuse("batch", _tr("Choose the item and the batch the warehouse holds."))
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


FORMS: dict[str, Callable[[], _Form]] = {
    "receipt": ReceiptForm,
    "issue": IssueForm,
    "complete": CompleteForm,
    "return": ReturnForm,
    "transfer": TransferForm,
    "arrival": ArrivalForm,
    "write_off": WriteOffForm,
}


def _load_choices(db: Database, actor: Actor) -> MovementChoices:
    with db.session(actor) as session:
        return movement_choices(session=session)


def _load_batches(db: Database, actor: Actor, warehouse_id: int, item_id: int) -> list[BatchChoice]:
    with db.session(actor) as session:
        return batches_at(session=session, warehouse_id=warehouse_id, item_id=item_id)


class MovementsPanel(QWidget):
    """The kinds the role may record, one form each; ``finished`` after every save
    (written or refused) and ``choices_loaded`` once the lists are read."""

    finished = Signal(object)  # the Outcome
    choices_loaded = Signal()

    def __init__(self, db: Database, actor: Actor, banner: Banner) -> None:
        super().__init__()
        self.db = db
        self.actor = actor
        self.banner = banner
        self.kinds = [(key, title) for key, title, needs in KINDS if actor.can(needs)]
        self.forms: dict[str, _Form] = {}
        self.kind_combo = QComboBox()
        self.stack = QStackedWidget()
        for key, title in self.kinds:
            self.kind_combo.addItem(_tr(title), key)
            form = FORMS[key]()
            self.forms[key] = form
            self.stack.addWidget(form)
        write_off_form = self.forms.get("write_off")
        if isinstance(write_off_form, WriteOffForm):
            write_off_form.read_batches = self._read_batches
        for form in self.forms.values():
            for goods in form.findChildren(GoodsEditor):
                goods.refused.connect(self.banner.show_error)
        self.hint_label = QLabel(
            self.tr(
                "Alt+1 … Alt+%1: kind · Tab: next field · Enter: add the line · Ctrl+Enter: save"
            ).replace("%1", str(len(self.kinds)))
        )
        self.hint_label.setStyleSheet(f"color: {NOTE_COLOUR};")
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save)
        top = QHBoxLayout()
        top.addWidget(self.kind_combo)
        top.addWidget(self.hint_label, 1)
        top.addWidget(self.save_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.addLayout(top)
        box.addWidget(self.stack)
        box.addStretch(1)
        self.kind_combo.currentIndexChanged.connect(self.stack.setCurrentIndex)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        self._saving = False

    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData() or "")

    @property
    def form(self) -> _Form:
        return self.forms[self.kind]

    def choose(self, key: str) -> bool:
        """Show ``key``'s form with focus on its first field; False when not offered."""
        index = self.kind_combo.findData(key)
        if index < 0:
            return False
        self.kind_combo.setCurrentIndex(index)
        first = self.form.form.itemAt(0, QFormLayout.ItemRole.FieldRole)
        widget = first.widget() if first is not None else None
        if widget is not None:
            widget.setFocus()
        return True

    def reload(self) -> None:
        """Read what the forms offer again (after a save, or a change elsewhere)."""
        run_in_background(
            _load_choices, self._choices_arrived, owner=self, db=self.db, actor=self.actor
        )

    def _choices_arrived(
        self, choices: MovementChoices | None, error: BaseException | None
    ) -> None:
        if choices is not None:
            for form in self.forms.values():
                form.set_choices(choices)
        self.choices_loaded.emit()

    def _read_batches(self, warehouse_id: int, item_id: int) -> None:
        form = self.forms["write_off"]
        assert isinstance(form, WriteOffForm)

        def arrived(batches: list[BatchChoice] | None, error: BaseException | None) -> None:
            form.show_batches(batches or [])

        run_in_background(
            _load_batches,
            arrived,
            owner=self,
            db=self.db,
            actor=self.actor,
            warehouse_id=warehouse_id,
            item_id=item_id,
        )

    def save(self) -> None:
        """Write the shown form's movement; a refusal stays in the banner, the form as typed."""
        if self._saving or not self.kinds:
            return
        form = self.form
        try:
            work, arguments = form.collect()
        except ValidationError as refusal:
            self.banner.show_error(refusal.message)
            self.finished.emit(Outcome(refusal=refusal))
            return
        self._saving = True
        self.save_button.setEnabled(False)

        def done(outcome: Outcome[Any]) -> None:
            self._saving = False
            self.save_button.setEnabled(True)
            if outcome.ok:
                self.banner.show_info(form.saved_text(outcome.value))
                form.clear()
                self.reload()
            self.finished.emit(outcome)

        run_operation(
            self.db, self.actor, work, owner=self, on_done=done, show=self.banner, **arguments
        )


def movements_tab(page: Any) -> MovementsPanel | None:
    """The panel as the last tab of the supplies page, for a role that may record a kind;
    Alt+1 … Alt+N anywhere on the page open it on that kind."""
    actor: Actor = page.actor
    if not any(actor.can(needs) for _k, _t, needs in KINDS):
        return None
    panel = MovementsPanel(page.db, actor, page.banner)
    page.tabs.addTab(panel, _tr("Record a movement"))
    for number, (key, _title) in enumerate(panel.kinds, start=1):
        shortcut = QShortcut(QKeySequence(f"Alt+{number}"), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda key=key: _open(page, panel, key))
    return panel


def _open(page: Any, panel: MovementsPanel, key: str) -> None:
    page.tabs.setCurrentWidget(panel)
    panel.choose(key)
