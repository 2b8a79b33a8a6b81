"""One tab of the register page: search, filter, count, table, Add and Edit.

A tab that is not showing keeps new rows and filter changes aside and applies
them when it becomes the current tab: filtering 30,000 rows costs tens of
milliseconds, and a hidden table need not pay it on every reload or click.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.labels import label
from models.messages import fill
from ui.common.table import Column, RowTableModel, fit_columns, setup_table_view

SEARCH_DELAY_MS = 180


@dataclass(frozen=True)
class TabSpec:
    """What one tab shows. Strings are QT_TRANSLATE_NOOP sources in context "RegisterPage"."""

    key: str
    title: str
    columns: tuple[Column, ...]
    load: Callable[..., list[Any]]
    search_texts: Callable[[Any], Sequence[str | None]]
    count_all: str  # "%1 grids"
    count_some: str  # "%1 of %2 grids"
    filter_key: str | None = None
    filter_table: Mapping[str, object] | None = None
    filter_all: str | None = None


def _tr(text: str) -> str:
    return QCoreApplication.translate("RegisterPage", text)


class RegisterTab(QWidget):
    add_requested = Signal()
    edit_requested = Signal(int)

    def __init__(self, spec: TabSpec, *, can_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.can_edit = can_edit
        self.model = RowTableModel(spec.columns, search_texts=spec.search_texts, parent=self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        bar = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Search names, pinyin initials (zs for 张三) or phone digits")
        )
        self.search_edit.setMinimumWidth(220)
        bar.addWidget(self.search_edit, 2)
        self.filter_combo: QComboBox | None = None
        if spec.filter_key and spec.filter_table is not None:
            self.filter_combo = QComboBox()
            self.filter_combo.addItem(_tr(spec.filter_all or ""), None)
            for code in spec.filter_table:
                self.filter_combo.addItem(label(spec.filter_table, code), code)  # type: ignore[arg-type]
            self.filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            self.filter_combo.currentIndexChanged.connect(self._filter_picked)
            bar.addWidget(self.filter_combo)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #444; padding: 0 8px;")
        # Takes the room that is left: a long count must not widen the whole window.
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count_label.setMinimumWidth(90)
        bar.addWidget(self.count_label, 1)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setEnabled(False)
        for button in (self.add_button, self.edit_button):
            button.setVisible(can_edit)
            bar.addWidget(button)
        layout.addLayout(bar)

        self.view = QTableView()
        setup_table_view(self.view)
        self.view.setModel(self.model)
        layout.addWidget(self.view, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_now)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._search_now)
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(self._edit_current)
        self.view.doubleClicked.connect(lambda _index: self._edit_current())
        self.view.installEventFilter(self)  # Enter and Return open the selected row
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.active = False
        self._incoming: (
            tuple[list[Any], list[str] | None, int | None, dict[int, list[Any]] | None] | None
        ) = None
        self._villages: frozenset[int] | None = None
        self._villages_dirty = False
        self._loaded = False
        self._fitted = False
        self._update_count()

    # -- what the page feeds in ---------------------------------------------------------

    def show_rows(
        self,
        rows: list[Any],
        keys: list[str] | None,
        select_id: int | None = None,
        sort_keys: dict[int, list[Any]] | None = None,
    ) -> None:
        """New rows (with search and sort keys); applied now if showing, else when shown."""
        self._incoming = (rows, keys, select_id, sort_keys)
        self._sync()

    def set_villages(self, village_ids: Collection[int] | None) -> None:
        """Show only rows of these villages (None: every row)."""
        wanted = None if village_ids is None else frozenset(village_ids)
        if wanted != self._villages:
            self._villages = wanted
            self._villages_dirty = True
            self._sync()

    def set_active(self, active: bool) -> None:
        self.active = active
        if active:  # paint the tab first, then apply what waited for it in the next turn
            QTimer.singleShot(30, self, self._sync)

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def settled(self) -> bool:
        """Nothing received is waiting to be applied (rows or a division filter)."""
        return self._incoming is None and not self._villages_dirty

    # -- applying -------------------------------------------------------------------------

    def _sync(self) -> None:
        if not self.active:
            return
        incoming, self._incoming = self._incoming, None
        if self._villages_dirty:
            self._villages_dirty = False
            self.model.set_membership_filter(
                "village_id", self._villages, refilter=incoming is None
            )
        if incoming is not None:
            rows, keys, select_id, sort_keys = incoming
            if select_id is None:
                current = self.selected_row()
                select_id = getattr(current, "id", None)
            self.model.set_rows(rows, keys, sort_keys)
            self._loaded = True
            if not self._fitted and rows:
                fit_columns(self.view, self.model)
                self._fitted = True
            if select_id is not None:
                self.select_id(select_id)
        self._update_count()

    def _update_count(self) -> None:
        self._selection_changed()
        total = self.model.total_rows()
        shown = self.model.rowCount()
        if self.model.is_filtered():
            text = fill(_tr(self.spec.count_some), f"{shown:,}", f"{total:,}")
        else:
            text = fill(_tr(self.spec.count_all), f"{total:,}")
        self.count_label.setText(text)

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self.search_edit.text())
        self._update_count()

    def _filter_picked(self) -> None:
        if self.filter_combo is not None and self.spec.filter_key:
            self.model.set_column_filter(self.spec.filter_key, self.filter_combo.currentData())
            self._update_count()

    # -- selection and editing ------------------------------------------------------------

    def selected_row(self) -> Any | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(rows[0].row())

    def select_id(self, row_id: int) -> bool:
        row = self.model.row_for_id(row_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.view.selectRow(row)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _selection_changed(self) -> None:
        self.edit_button.setEnabled(self.selected_row() is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._edit_current()
            return True
        return super().eventFilter(watched, event)

    def _edit_current(self) -> None:
        if not self.can_edit:
            return
        row = self.selected_row()
        if row is not None:
            self.edit_requested.emit(row.id)
