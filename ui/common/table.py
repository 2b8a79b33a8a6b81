"""Tables over plain rows: one model with search, filters and sorting, and view settings.

``RowTableModel`` shows a list of frozen dataclass rows through a column spec,
filtered by a text query (pinyin, initials, digits; see ``models.search``) and
by exact column values, and sorted by a column. Filtering and sorting are list
operations in Python (a few milliseconds for 30,000 rows); painting a cell
costs one call into Python. See the class for why.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from models.search import query_terms, search_key

SortRole = Qt.ItemDataRole.UserRole + 1  # the raw value of a cell
RowRole = Qt.ItemDataRole.UserRole + 2  # the row object of a cell

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def count_text(value: int) -> str:
    """A count in a table cell: 12,345."""
    return f"{value:,}"


def percent_text(rate: float) -> str:
    """A rate in a table cell: 87.5%."""
    return f"{rate * 100:.1f}%"


CENTRE = Qt.AlignmentFlag.AlignCenter

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_SORT = int(SortRole)
_ROW = int(RowRole)


@dataclass(frozen=True)
class Column:
    """One column: the row attribute it shows and how.

    ``header`` is an English source string marked with QT_TRANSLATE_NOOP in
    ``context``; ``formatter`` turns a non-None value into display text;
    ``sort_key`` turns a value into what sorting compares (default: the value).
    """

    key: str
    header: str
    context: str = "Columns"
    formatter: Callable[[Any], str] | None = None
    alignment: Qt.AlignmentFlag = LEFT
    sort_key: Callable[[Any], Any] | None = None
    max_width: int = 320


def compute_search_keys(
    rows: Sequence[Any], texts: Callable[[Any], Sequence[str | None]]
) -> list[str]:
    """The search key of every row; cheap enough for a worker thread to do on load."""
    return [search_key(*texts(row)) for row in rows]


def column_sort_keys(column: Column, rows: Sequence[Any]) -> list[Any]:
    """What sorting by a column compares for each row (None: an empty cell, sorted last)."""
    values = [getattr(row, column.key) for row in rows]
    convert = column.sort_key
    if convert is None:
        return values
    return [None if value is None else convert(value) for value in values]


class RowTableModel(QStandardItemModel):
    """A read-only table over a list of rows: ``set_rows`` replaces them (a model reset);
    ``set_query`` and the column filters choose the rows shown, ``sort`` orders them (layout
    changes that keep the selection on its row).

    Why a QStandardItemModel holding no item: a view paints each cell through about 24
    model calls (the index checks call rowCount and columnCount, then data once per role),
    and each call from C++ into Python must win the GIL back from whatever worker is
    loading, up to the switch interval each time. Here the counts, indexes, flags and
    headers are QStandardItemModel's own, in C++ (its row count is set, its cells stay
    empty), and a painted cell asks Python once (``multiData``, for all its roles).
    Rows are never edited in place: the views are read-only (``setup_table_view``).
    """

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        search_texts: Callable[[Any], Sequence[str | None]] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(0, len(columns), parent)
        self.columns = tuple(columns)
        self.search_texts = search_texts
        for number, spec in enumerate(self.columns):
            header = QStandardItem(QCoreApplication.translate(spec.context, spec.header))
            header.setTextAlignment(spec.alignment)
            self.setHorizontalHeaderItem(number, header)
        # Every row, in the current order, and what travels with each.
        self._all: list[Any] = []
        self._keys: list[str] | None = []
        self._load_order: list[int] = []
        self._sort_keys: dict[int, list[Any]] = {}
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        # The filters, and the rows they let through, in order.
        self._query = ""
        self._terms: tuple[str, ...] = ()
        self._column_filters: dict[str, frozenset[Any]] = {}
        self._rows: list[Any] = []
        self._by_id: dict[Any, int] | None = None

    # -- content -------------------------------------------------------------------

    def set_rows(
        self,
        rows: Sequence[Any],
        search_keys: Sequence[str] | None = None,
        sort_keys: Mapping[int, list[Any]] | None = None,
    ) -> None:
        """Replace every row (a model reset).

        Search keys and the sort keys of columns (see ``column_sort_keys``) may
        come precomputed from a worker thread; the current sort and filters are kept.
        """
        if search_keys is not None and len(search_keys) != len(rows):
            raise ValueError("one search key per row")
        self.beginResetModel()
        self._all = list(rows)
        self._keys = list(search_keys) if search_keys is not None else None
        self._load_order = list(range(len(self._all)))
        self._sort_keys = {
            column: list(keys)
            for column, keys in (sort_keys or {}).items()
            if 0 <= column < len(self.columns) and len(keys) == len(self._all)
        }
        column, order = self._sort
        if column >= 0:
            self._reorder(self._sorted_permutation(column, order))
        self._rows = self._passing()
        self._by_id = None
        self._set_row_count(len(self._rows))
        self.endResetModel()

    @property
    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        """The column rows are sorted by (-1: load order) and the order."""
        return self._sort

    def rows(self) -> list[Any]:
        """Every row, shown or filtered out, in the current order."""
        return list(self._all)

    def total_rows(self) -> int:
        """How many rows there are, shown or filtered out (``rowCount``: shown)."""
        return len(self._all)

    def row_at(self, row: int) -> Any:
        """The row object shown at ``row``."""
        return self._rows[row]

    def row_for_id(self, row_id: Any) -> int | None:
        """Where the row whose ``id`` attribute is ``row_id`` is shown (None: it is not)."""
        if self._by_id is None:
            self._by_id = {getattr(r, "id", None): n for n, r in enumerate(self._rows)}
        return self._by_id.get(row_id)

    def display_text(self, row: int, column: int) -> str:
        spec = self.columns[column]
        value = getattr(self._rows[row], spec.key)
        if value is None:
            return ""
        return spec.formatter(value) if spec.formatter else str(value)

    # -- filters -------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, text: str) -> None:
        """Show rows whose search key holds every word of ``text``."""
        terms = query_terms(text)
        self._query = text
        if terms != self._terms:
            self._terms = terms
            self._refilter()

    def set_column_filter(self, key: str, value: Any) -> None:
        """Show rows whose attribute ``key`` equals ``value``; None removes the filter."""
        self.set_membership_filter(key, None if value is None else (value,))

    def set_membership_filter(
        self, key: str, values: Collection[Any] | None, *, refilter: bool = True
    ) -> None:
        """Show rows whose attribute ``key`` is one of ``values``; None removes the filter.
        ``refilter`` False: the caller replaces the rows next, and ``set_rows`` filters."""
        wanted = None if values is None else frozenset(values)
        if self._column_filters.get(key) == wanted:
            return
        if wanted is None:
            self._column_filters.pop(key, None)
        else:
            self._column_filters[key] = wanted
        if refilter:
            self._refilter()

    def is_filtered(self) -> bool:
        return bool(self._terms or self._column_filters)

    def _all_keys(self) -> list[str]:
        if self._keys is None:
            texts = self.search_texts or (
                lambda r: tuple(
                    str(getattr(r, c.key)) for c in self.columns if getattr(r, c.key) is not None
                )
            )
            self._keys = compute_search_keys(self._all, texts)
        return self._keys

    def _passing(self) -> list[Any]:
        """The rows every filter lets through, in the current order."""
        rows = self._all
        if not self.is_filtered():
            return list(rows)
        passes = [True] * len(rows)
        for key, wanted in self._column_filters.items():
            passes = [
                ok and getattr(row, key) in wanted for ok, row in zip(passes, rows, strict=True)
            ]
        if self._terms:
            keys = self._all_keys()
            for term in self._terms:
                passes = [ok and term in key for ok, key in zip(passes, keys, strict=True)]
        return [row for row, ok in zip(rows, passes, strict=True) if ok]

    def _refilter(self) -> None:
        """Show the rows the filters now let through (a layout change: the selection stays
        on its row while the row is shown)."""
        self._change_layout(self._passing)

    # -- Qt model interface ------------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._value(index.row(), index.column(), int(role))

    # PySide6's stubs are wrong twice here: they type the span as "QModelRoleDataSpan |
    # QModelRoleData" (C++'s implicit conversion of one QModelRoleData to a span; Qt only
    # ever passes a span), and they leave out the span's __len__ and __getitem__, which make
    # it a sequence at runtime.
    def multiData(self, index: _Index, roleDataSpan: QModelRoleDataSpan) -> None:  # type: ignore[override]
        """Every role a painted cell asks for, in one call."""
        valid = index.isValid() and index.row() < len(self._rows)
        row, column = index.row(), index.column()
        for role_data in roleDataSpan:  # type: ignore[attr-defined]
            value = self._value(row, column, role_data.role()) if valid else None
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _value(self, row: int, column: int, role: int) -> Any:
        if role in (_DISPLAY, _TOOLTIP):
            return self.display_text(row, column)
        if role == _ALIGNMENT:
            return self.columns[column].alignment
        if role == _SORT:
            return getattr(self._rows[row], self.columns[column].key)
        if role == _ROW:
            return self._rows[row]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort rows with ``list.sort`` (column -1: the order they were loaded in)."""
        if column >= len(self.columns) or (column, order) == self._sort:
            return  # QTableView.sortByColumn asks twice
        self._sort = (column, order)
        if not self._all:
            return

        def sorted_rows() -> list[Any]:
            self._reorder(self._sorted_permutation(column, order))
            return self._passing()

        self._change_layout(sorted_rows)

    def _change_layout(self, shown_rows: Callable[[], list[Any]]) -> None:
        """Show the rows ``shown_rows`` works out, keeping the selection and the current cell
        (persistent indexes) on their rows."""
        self.layoutAboutToBeChanged.emit()
        old_rows, old_indexes = self._rows, self.persistentIndexList()
        self._rows = shown_rows()
        self._by_id = None
        # Rows are added at the end before persistent indexes move there, and removed after
        # they left: QStandardItemModel would move or drop those it found in the way.
        if len(self._rows) > len(old_rows):
            self._set_row_count(len(self._rows))
        if old_indexes:
            new_row_of = {id(row): n for n, row in enumerate(self._rows)}
            moved = [new_row_of.get(id(old_rows[index.row()])) for index in old_indexes]
            self.changePersistentIndexList(
                old_indexes,
                [
                    QModelIndex() if row is None else self.index(row, index.column())
                    for row, index in zip(moved, old_indexes, strict=True)
                ],
            )
        if len(self._rows) < len(old_rows):
            self._set_row_count(len(self._rows))
        self.layoutChanged.emit()

    def _set_row_count(self, count: int) -> None:
        """Resize the store of empty cells, silently: callers signal the change as a reset
        or a layout change."""
        blocked = self.blockSignals(True)
        try:
            self.setRowCount(count)
        finally:
            self.blockSignals(blocked)

    def _column_sort_keys(self, column: int) -> list[Any]:
        """What sorting compares for each row, kept until the rows change."""
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = self._sort_keys[column] = column_sort_keys(self.columns[column], self._all)
        return keys

    def _sorted_permutation(self, column: int, order: Qt.SortOrder) -> list[int]:
        """Old row numbers in their new order; empty values always come last."""
        if column < 0:
            return sorted(range(len(self._all)), key=self._load_order.__getitem__)
        keys = self._column_sort_keys(column)
        present = [n for n, key in enumerate(keys) if key is not None]
        missing = [n for n, key in enumerate(keys) if key is None]
        present.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        return present + missing

    def _reorder(self, permutation: list[int]) -> None:
        if len(permutation) < 2:
            return
        pick = itemgetter(*permutation)  # C speed: 30,000 rows in about a millisecond
        self._all = list(pick(self._all))
        self._load_order = list(pick(self._load_order))
        if self._keys is not None:
            self._keys = list(pick(self._keys))
        for column, keys in self._sort_keys.items():
            self._sort_keys[column] = list(pick(keys))


# -- views -----------------------------------------------------------------------------


def setup_table_view(view: QTableView) -> None:
    """Row selection, fixed row height and no per-row sizing: cheap with 30,000 rows."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    rows = view.verticalHeader()
    rows.setVisible(False)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
    columns = view.horizontalHeader()
    columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    columns.setStretchLastSection(False)
    columns.setHighlightSections(False)
    columns.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    columns.setSortIndicatorShown(True)
    view.setSortingEnabled(True)


# Tables up to this many rows (villages, shelters, changes) fit their figures' extremes;
# longer ones (a register year's households) keep to the sample.
EXTREMES_UP_TO = 10_000


def fit_columns(view: QTableView, model: RowTableModel, sample: int = 60) -> None:
    """Column widths from the header and a sample of rows, never from every row; a column
    of figures (right-aligned) also fits the rows holding its largest and smallest value,
    which a sample may miss (a village of 20,012 people among thousands of smaller ones
    showed as "20,0…"), in tables up to ``EXTREMES_UP_TO`` rows."""
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    header_metrics = header.fontMetrics()
    count = model.rowCount()
    step = max(1, count // sample) if count else 1
    sampled = range(0, count, step)
    for column, spec in enumerate(model.columns):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = header_metrics.horizontalAdvance(title) + 30  # room for the sort arrow
        extremes = spec.alignment == RIGHT and count <= EXTREMES_UP_TO
        rows = [*sampled, *_extreme_rows(model, spec)] if extremes else sampled
        for row in rows:
            width = max(width, metrics.horizontalAdvance(model.display_text(row, column)) + 18)
            if width >= spec.max_width:
                width = spec.max_width
                break
        header.resizeSection(column, width)


def _extreme_rows(model: RowTableModel, spec: Column) -> list[int]:
    """The shown rows holding a column's largest and smallest value (about 2 ms for
    30,000 rows: ``map`` and ``max`` in C)."""
    values = list(map(attrgetter(spec.key), model._rows))
    present = [value for value in values if value is not None]
    try:
        largest, smallest = max(present), min(present)
    except (TypeError, ValueError):  # nothing to compare, or values that do not compare
        return []
    return [values.index(largest), values.index(smallest)]
