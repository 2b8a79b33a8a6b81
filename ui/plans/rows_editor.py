"""A small editable list of rows for the plan forms (a stage's actions, a drill's
follow-ups): a table over a ``QStandardItemModel`` whose columns are text, a choice from a
code list (stored by code, shown by label) or a date, with buttons to add and remove rows.
A few dozen rows typed by hand, so the cells are plain items."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.common.widgets import find_by_any_part

VALUE = Qt.ItemDataRole.UserRole  # a cell's stored value (a code, an ISO date, a text)
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class EditColumn:
    """A column: its header, and for a choice the codes with their shown labels (an empty
    code first when the choice may stay empty); ``kind`` is "text", "choice" or "date"."""

    header: str
    kind: str = "text"
    choices: Mapping[str, str] = field(default_factory=dict)
    width: int = 0  # 0: the column stretches


class _Delegate(QStyledItemDelegate):
    """Edits a choice with a combo box (typing any part finds it) and a date with a
    calendar; text cells keep the default line edit."""

    def __init__(self, columns: Sequence[EditColumn], parent: QWidget) -> None:
        super().__init__(parent)
        self.columns = columns

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self.columns[index.column()]
        if column.kind == "choice":
            combo = QComboBox(parent)
            for code, text in column.choices.items():
                combo.addItem(text, code)
            find_by_any_part(combo)
            return combo
        if column.kind == "date":
            edit = QDateEdit(parent)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            return edit
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(VALUE)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QDateEdit):
            day = date.fromisoformat(value) if value else date.today()
            editor.setDate(QDate(day.year, day.month, day.day))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findText(editor.currentText())
            code = editor.itemData(found) if found >= 0 else editor.currentData()
            _set(model, index, self.columns[index.column()], code)
        elif isinstance(editor, QDateEdit):
            day = editor.date()
            _set(model, index, self.columns[index.column()], date(*day.getDate()).isoformat())
        else:
            super().setModelData(editor, model, index)
            model.setData(index, index.data(Qt.ItemDataRole.DisplayRole), VALUE)


def _set(model: QAbstractItemModel, index: Index, column: EditColumn, value: object) -> None:
    shown = column.choices.get(str(value), "") if column.kind == "choice" else str(value or "")
    model.setData(index, value, VALUE)
    model.setData(index, shown, Qt.ItemDataRole.DisplayRole)


class RowsEditor(QWidget):
    """Rows of cells to type or pick; ``rows()`` gives each row's stored values."""

    def __init__(
        self,
        columns: Sequence[EditColumn],
        add_text: str,
        remove_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.model = QStandardItemModel(0, len(self.columns), self)
        self.model.setHorizontalHeaderLabels([c.header for c in self.columns])
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(_Delegate(self.columns, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        for n, column in enumerate(self.columns):
            if column.width:
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(n, column.width)
            else:
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton(remove_text)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def add_row(self, values: Sequence[object] | None = None) -> int:
        """Append a row (empty, or with these stored values); its number."""
        items = []
        for n, column in enumerate(self.columns):
            value = values[n] if values is not None else None
            if value is None and column.kind == "choice" and values is None and column.choices:
                value = next(iter(column.choices))
            item = QStandardItem()
            if column.kind == "choice":
                item.setText(column.choices.get(str(value), str(value or "")))
            else:
                item.setText("" if value is None else str(value))
            item.setData(value, VALUE)
            items.append(item)
        self.model.appendRow(items)
        row = self.model.rowCount() - 1
        if values is None:
            self.view.setCurrentIndex(self.model.index(row, 0))
        return row

    def set_cell(self, row: int, column: int, value: object) -> None:
        _set(self.model, self.model.index(row, column), self.columns[column], value)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()}, reverse=True)
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        for row in rows:
            self.model.removeRow(row)

    def rows(self) -> list[list[object]]:
        """Each row's stored values; rows left wholly empty are not counted."""
        out = []
        for row in range(self.model.rowCount()):
            values = [self.model.index(row, n).data(VALUE) for n in range(len(self.columns))]
            typed = [
                v
                for v, c in zip(values, self.columns, strict=True)
                if c.kind != "choice" and str(v or "").strip()
            ]
            if typed:
                out.append(values)
        return out
