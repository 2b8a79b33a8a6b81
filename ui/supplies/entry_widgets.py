"""The parts the movement forms are made of: a chooser found by any part of a name, its
pinyin or code, a date that may be left empty, and the list of goods a movement carries
(an item, a quantity and what the kind asks beside, Enter adds the line, Delete removes
it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.refusals import ValidationError
from models.search import search_key
from models.supplies.entry import ItemChoice
from ui.common.widgets import KEY_ROLE

NO_DATE = QDate(2000, 1, 1)


class _KeyCompleter(QCompleter):
    """Matches typed text against each entry's search key but inserts its text."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class ChoiceCombo(QComboBox):
    """Entries by text with an id; typing any part of a name, its pinyin initials or its
    code offers the matches."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setMinimumContentsLength(14)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        completer = _KeyCompleter(self.model(), self)
        completer.setCompletionRole(KEY_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None
        if placeholder:
            line.setPlaceholderText(placeholder)
        self._names: dict[str, int] = {}
        self._entries: list[tuple[str, int, str]] = []

    def set_entries(self, entries: Sequence[tuple[str, int, str]]) -> None:
        """(text, id, words to find it by) per entry; the chosen id is kept when still
        offered. The same entries again change nothing."""
        entries = list(entries)
        if entries == self._entries:
            return
        self._entries = entries
        kept = self.chosen()
        self.blockSignals(True)
        self.clear()
        self._names = {}
        for text, id_, words in entries:
            self.addItem(text, id_)
            self.setItemData(self.count() - 1, search_key(text, words), KEY_ROLE)
            for word in (words or "").split():
                self._names.setdefault(word.lower(), id_)
        self.set_chosen(kept)
        self.blockSignals(False)

    def chosen(self) -> int | None:
        """The entry whose text (or code) is in the box, else None."""
        text = self.currentText().strip()
        if not text:
            return None
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            value = self.itemData(index)
            return int(value) if value is not None else None
        return self._names.get(text.lower())

    def set_chosen(self, id_: int | None) -> None:
        index = self.findData(id_) if id_ is not None else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")


class DateOrNone(QDateEdit):
    """A date typed as yyyy-MM-dd, or none (shown as —, the date's lowest value)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.setCalendarPopup(True)
        self.clear_date()

    def clear_date(self) -> None:
        self.setDate(NO_DATE)

    def value(self) -> date | None:
        chosen = self.date()
        if chosen == NO_DATE:
            return None
        return date(chosen.year(), chosen.month(), chosen.day())


def quantity_of(text: str) -> Decimal:
    """A typed quantity as a Decimal (a thousands separator allowed); something that is no
    number becomes NaN, which the ledger refuses naming the rule."""
    try:
        return Decimal(text.strip().replace(",", "").replace("，", ""))
    except InvalidOperation:
        return Decimal("NaN")


@dataclass(frozen=True)
class GoodsLine:
    item_id: int
    quantity: Decimal
    text: str  # as the list shows it
    extra: dict[str, Any] = field(default_factory=dict)


class _GoodsList(QListWidget):
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class GoodsEditor(QWidget):
    """The goods of a movement: an item, its quantity and ``extras`` (widgets the kind
    asks for beside, by name); Enter in the quantity adds the line, Delete in the list
    removes the selected one. A line typed and not added yet is saved with the others."""

    refused = Signal(str)  # a line that names no item: the message

    def __init__(
        self,
        item_placeholder: str,
        quantity_placeholder: str,
        extras: Sequence[tuple[str, QWidget]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.items: dict[int, ItemChoice] = {}
        self.item_combo = ChoiceCombo(item_placeholder)
        self.quantity_edit = QLineEdit()
        self.quantity_edit.setPlaceholderText(quantity_placeholder)
        self.quantity_edit.setMaximumWidth(120)
        self.extras = dict(extras)
        self.add_button = QPushButton(self.tr("Add (Enter)"))
        self.add_button.setAutoDefault(False)
        self.list = _GoodsList()
        self.list.setMaximumHeight(96)
        self.lines: list[GoodsLine] = []
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.item_combo, 3)
        row.addWidget(self.quantity_edit, 1)
        for _name, widget in extras:
            row.addWidget(widget, 1)
        row.addWidget(self.add_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addLayout(row)
        box.addWidget(self.list)
        self.quantity_edit.returnPressed.connect(self.add_line)
        self.add_button.clicked.connect(self.add_line)
        self.list.delete_pressed.connect(self.remove_selected)

    def set_items(self, items: Sequence[ItemChoice]) -> None:
        self.items = {i.id: i for i in items}
        self.item_combo.set_entries(
            [
                (f"{i.name} {i.specification}".strip() + f" [{i.code}]", i.id, f"{i.code} {i.name}")
                for i in items
            ]
        )

    def _typed(self) -> GoodsLine | None:
        """The line in the editor, None when nothing is typed; refused when it names no
        item of the catalogue."""
        text = self.item_combo.currentText().strip()
        quantity = self.quantity_edit.text().strip()
        if not text and not quantity:
            return None
        item_id = self.item_combo.chosen()
        if item_id is None or item_id not in self.items:
            raise ValidationError(
                [("item", self.tr("Choose an item of the catalogue: type its name or code."))]
            )
        item = self.items[item_id]
        extra = {name: _value(widget) for name, widget in self.extras.items()}
        shown = [f"{item.name} {quantity}{item.unit}"]
        shown += [str(v) for v in extra.values() if v not in (None, "")]
        return GoodsLine(item_id, quantity_of(quantity), "  ".join(shown), extra)

    def add_line(self) -> bool:
        """The typed line added to the list (focus back on the item); False if refused."""
        try:
            line = self._typed()
        except ValidationError as refusal:
            self._refused(refusal)
            return False
        if line is None:
            return False
        self.lines.append(line)
        self.list.addItem(QListWidgetItem(line.text))
        self._clear_typed()
        self.item_combo.setFocus()
        return True

    def _refused(self, refusal: ValidationError) -> None:
        self.refused.emit(refusal.message)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.lines):
            del self.lines[row]
            self.list.takeItem(row)

    def _clear_typed(self) -> None:
        self.item_combo.set_chosen(None)
        self.quantity_edit.clear()
        for widget in self.extras.values():
            if isinstance(widget, QLineEdit):
                widget.clear()
            elif isinstance(widget, DateOrNone):
                widget.clear_date()

    def collect(self) -> list[GoodsLine]:
        """Every line, the one still in the editor last (raises ValidationError when it
        names no item)."""
        typed = self._typed()
        return [*self.lines, typed] if typed is not None else list(self.lines)

    def clear(self) -> None:
        self.lines = []
        self.list.clear()
        self._clear_typed()


def _value(widget: QWidget) -> Any:
    if isinstance(widget, DateOrNone):
        return widget.value()
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    return None
