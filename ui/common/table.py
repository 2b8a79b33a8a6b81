"""Tables over plain rows: a model, a search proxy and view settings for large tables.

``RowTableModel`` shows a list of frozen dataclass rows through a column spec.
``SearchProxyModel`` filters it by a text query (pinyin, initials, digits; see
``models.search``) and by exact column values. Sorting is done by the source
model with ``list.sort``: the proxy's own sort would call Python ``data()``
about a million times for 30,000 rows. Filtering calls ``filterAcceptsRow``
once per row (a few tens of milliseconds for 30,000 rows here), so hidden
tables should defer their filter changes until they are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from models.search import query_terms, search_key

SortRole = Qt.ItemDataRole.UserRole + 1  # the raw value of a cell
RowRole = Qt.ItemDataRole.UserRole + 2  # the row object of a cell

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter

_Index = QModelIndex | QPersistentModelIndex
_DATA_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole, SortRole, RowRole,
})


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


class RowTableModel(QAbstractTableModel):
    """A read-only table over a list of rows; ``set_rows`` replaces them with one reset."""

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        search_texts: Callable[[Any], Sequence[str | None]] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.search_texts = search_texts
        self._rows: list[Any] = []
        self._keys: list[str] | None = []
        self._load_order: list[int] = []
        self._by_id: dict[Any, int] | None = None
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._sorted = True  # the rows are in the order self._sort asks for
        self._sort_keys: dict[int, list[Any]] = {}

    # -- content -------------------------------------------------------------------

    def set_rows(
        self,
        rows: Sequence[Any],
        search_keys: Sequence[str] | None = None,
        sort_keys: Mapping[int, list[Any]] | None = None,
    ) -> None:
        """Replace every row (a model reset).

        Search keys and the sort keys of columns (see ``column_sort_keys``) may
        come precomputed from a worker thread; the current sort is kept.
        """
        if search_keys is not None and len(search_keys) != len(rows):
            raise ValueError("one search key per row")
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = list(search_keys) if search_keys is not None else None
        self._load_order = list(range(len(self._rows)))
        self._by_id = None
        self._sort_keys = {
            column: list(keys) for column, keys in (sort_keys or {}).items()
            if 0 <= column < len(self.columns) and len(keys) == len(self._rows)
        }
        self._sorted = False
        column, order = self._sort
        if column >= 0:
            self._reorder(self._sorted_permutation(column, order))
        self._sorted = True
        self.endResetModel()

    @property
    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        """The column rows are sorted by (-1: load order) and the order."""
        return self._sort

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_for_id(self, row_id: Any) -> int | None:
        """The model row of the row whose ``id`` attribute is ``row_id``."""
        if self._by_id is None:
            self._by_id = {getattr(r, "id", None): n for n, r in enumerate(self._rows)}
        return self._by_id.get(row_id)

    def search_key(self, row: int) -> str:
        if self._keys is None:
            texts = self.search_texts or (lambda r: tuple(
                str(getattr(r, c.key)) for c in self.columns if getattr(r, c.key) is not None))
            self._keys = compute_search_keys(self._rows, texts)
        return self._keys[row]

    def display_text(self, row: int, column: int) -> str:
        spec = self.columns[column]
        value = getattr(self._rows[row], spec.key)
        if value is None:
            return ""
        return spec.formatter(value) if spec.formatter else str(value)

    # -- Qt model interface ------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A paint asks about ten roles per cell; answer the unused ones first and cheaply.
        if role not in _DATA_ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            return self.display_text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.columns[column].alignment
        if role == SortRole:
            return getattr(self._rows[row], self.columns[column].key)
        if role == RowRole:
            return self._rows[row]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            spec = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate(spec.context, spec.header)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return spec.alignment
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort rows with ``list.sort`` (column -1: the order they were loaded in)."""
        if column >= len(self.columns):
            return
        if (column, order) == self._sort and self._sorted:
            return  # QTableView.sortByColumn asks twice
        self._sort = (column, order)
        if not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        permutation = self._sorted_permutation(column, order)
        old_indexes = self.persistentIndexList()  # the selection, the current cell: a few
        self._reorder(permutation)
        if old_indexes:
            new_row_of = dict(zip(permutation, range(len(permutation)), strict=True))
            self.changePersistentIndexList(
                old_indexes,
                [self.index(new_row_of[i.row()], i.column()) for i in old_indexes],
            )
        self.layoutChanged.emit()

    def _column_sort_keys(self, column: int) -> list[Any]:
        """What sorting compares for each row, kept until the rows change."""
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = self._sort_keys[column] = column_sort_keys(self.columns[column], self._rows)
        return keys

    def _sorted_permutation(self, column: int, order: Qt.SortOrder) -> list[int]:
        """Old row numbers in their new order; empty values always come last."""
        self._sorted = True
        if column < 0:
            return sorted(range(len(self._rows)), key=self._load_order.__getitem__)
        keys = self._column_sort_keys(column)
        present = [n for n, key in enumerate(keys) if key is not None]
        missing = [n for n, key in enumerate(keys) if key is None]
        present.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        return present + missing

    def _reorder(self, permutation: list[int]) -> None:
        if len(permutation) < 2:
            return
        pick = itemgetter(*permutation)  # C speed: 30,000 rows in about a millisecond
        self._rows = list(pick(self._rows))
        self._load_order = list(pick(self._load_order))
        if self._keys is not None:
            self._keys = list(pick(self._keys))
        for column, keys in self._sort_keys.items():
            self._sort_keys[column] = list(pick(keys))
        self._by_id = None


class SearchProxyModel(QSortFilterProxyModel):
    """Filters a RowTableModel by a text query and by exact column values.

    Every word of the query must occur in a row's search key. Which source
    rows pass is worked out in one list comprehension whenever the filter or
    the source changes, so ``filterAcceptsRow`` is a list look-up. Sorting is
    passed on to the source model.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._source: RowTableModel | None = None
        self._terms: tuple[str, ...] = ()
        self._query = ""
        self._column_filters: dict[str, frozenset[Any]] = {}
        self._passes: list[bool] | None = None  # per source row; None: every row passes

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        if not isinstance(model, RowTableModel):
            raise TypeError("SearchProxyModel needs a RowTableModel")
        if self._source is not None:
            self._source.modelReset.disconnect(self._update_passes)
            self._source.layoutChanged.disconnect(self._update_passes)
        self._source = model
        # Connected before the base class connects its own slots, so the list is
        # current when the proxy filters the reset or re-sorted rows.
        model.modelReset.connect(self._update_passes)
        model.layoutChanged.connect(self._update_passes)
        self._update_passes()
        super().setSourceModel(model)

    # -- filters -------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, text: str, *, refilter: bool = True) -> None:
        terms = query_terms(text)
        self._query = text
        if terms == self._terms:
            return
        self._change(lambda: setattr(self, "_terms", terms), refilter)

    def set_column_filter(self, key: str, value: Any, *, refilter: bool = True) -> None:
        """Keep rows whose attribute ``key`` equals ``value``; None removes the filter."""
        self.set_membership_filter(key, None if value is None else (value,), refilter=refilter)

    def set_membership_filter(
        self, key: str, values: Collection[Any] | None, *, refilter: bool = True
    ) -> None:
        """Keep rows whose attribute ``key`` is one of ``values``; None removes the filter."""
        wanted = None if values is None else frozenset(values)
        if self._column_filters.get(key) == wanted:
            return

        def apply() -> None:
            if wanted is None:
                self._column_filters.pop(key, None)
            else:
                self._column_filters[key] = wanted

        self._change(apply, refilter)

    def is_filtered(self) -> bool:
        return bool(self._terms or self._column_filters)

    def _change(self, apply: Callable[[], None], refilter: bool) -> None:
        apply()
        self._update_passes()
        if refilter:  # else the caller resets the source next, which filters anyway
            # invalidate() relays out once; an incremental filter change
            # (invalidateFilter, endFilterChange) signals every scattered range of
            # rows that appears or goes, several times slower for 30,000 rows.
            self.invalidate()

    def _update_passes(self) -> None:
        source = self._source
        if source is None or not self.is_filtered():
            self._passes = None
            return
        rows = source._rows
        passes = [True] * len(rows)
        for key, wanted in self._column_filters.items():
            passes = [ok and getattr(row, key) in wanted for ok, row in zip(passes, rows, strict=True)]
        if self._terms:
            keys = [source.search_key(n) for n in range(len(rows))] if source._keys is None \
                else source._keys
            for term in self._terms:
                passes = [ok and term in key for ok, key in zip(passes, keys, strict=True)]
        self._passes = passes

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        passes = self._passes
        if passes is None:
            return True
        if source_row < len(passes):
            return passes[source_row]
        return True  # not reached: the list is renewed before the proxy filters

    # -- rows and sorting --------------------------------------------------------------

    def row_at(self, proxy_row: int) -> Any:
        return self.index(proxy_row, 0).data(RowRole)

    def proxy_row_for_id(self, row_id: Any) -> int | None:
        if self._source is None:
            return None
        source_row = self._source.row_for_id(row_id)
        if source_row is None:
            return None
        index = self.mapFromSource(self._source.index(source_row, 0))
        return index.row() if index.isValid() else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._source is not None:
            self._source.sort(column, order)


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


def fit_columns(view: QTableView, model: RowTableModel, sample: int = 60) -> None:
    """Column widths from the header and a sample of rows, never from every row."""
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    header_metrics = header.fontMetrics()
    count = model.rowCount()
    step = max(1, count // sample) if count else 1
    sampled = range(0, count, step)
    for column, spec in enumerate(model.columns):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = header_metrics.horizontalAdvance(title) + 30  # room for the sort arrow
        for row in sampled:
            width = max(width, metrics.horizontalAdvance(model.display_text(row, column)) + 18)
            if width >= spec.max_width:
                width = spec.max_width
                break
        header.resizeSection(column, width)
