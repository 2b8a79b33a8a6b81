"""The county > town > village tree of the register page, searchable by pinyin."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from models.areas import DivisionNode
from models.search import query_terms

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2


class _TreeFilter(QSortFilterProxyModel):
    """Keeps divisions whose name, code or pinyin match, with their parents and children."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.terms: tuple[str, ...] = ()
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)

    def set_query(self, text: str) -> None:
        terms = query_terms(text)
        if terms == self.terms:
            return
        self.terms = terms
        self.invalidate()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self.terms:
            return True
        key = self.sourceModel().index(source_row, 0, source_parent).data(KEY_ROLE) or ""
        return all(term in key for term in self.terms)


class DivisionPanel(QWidget):
    """Emits ``division_changed`` with the chosen DivisionNode (None when nothing is chosen)."""

    division_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Find a town or village (name or pinyin)"))
        layout.addWidget(self.search_edit)
        self.model = QStandardItemModel(self)
        self.proxy = _TreeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTreeView()
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setModel(self.proxy)
        layout.addWidget(self.view, 1)
        self._nodes: dict[int, DivisionNode] = {}
        self._children: dict[int | None, list[DivisionNode]] = defaultdict(list)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.search_edit.textChanged.connect(self._search)

    def set_nodes(self, nodes: list[DivisionNode], keys: list[str]) -> None:
        """Rebuild the tree, keeping the chosen division when it still exists."""
        previous = self.current_node()
        self._nodes = {node.id: node for node in nodes}
        self._children = defaultdict(list)
        items: dict[int, QStandardItem] = {}
        self.view.selectionModel().blockSignals(True)
        self.model.clear()
        root = self.model.invisibleRootItem()
        bold = QFont(self.font())
        bold.setBold(True)
        for node, key in zip(nodes, keys, strict=True):
            item = QStandardItem(node.name)
            item.setEditable(False)
            item.setToolTip(node.code)
            item.setData(node.id, ID_ROLE)
            item.setData(key, KEY_ROLE)
            parent = items.get(node.parent_id) if node.parent_id is not None else None
            if parent is None:
                item.setFont(bold)
            (parent or root).appendRow(item)
            items[node.id] = item
            self._children[node.parent_id if parent is not None else None].append(node)
        self.view.selectionModel().blockSignals(False)
        for row in range(self.proxy.rowCount()):
            self.view.expand(self.proxy.index(row, 0))
        wanted = previous.id if previous is not None and previous.id in self._nodes else None
        if wanted is None and self._children[None]:
            wanted = self._children[None][0].id
        if wanted is not None:
            self.select_division(wanted)
        else:
            self.division_changed.emit(None)

    def current_node(self) -> DivisionNode | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self._nodes.get(index.data(ID_ROLE))

    def select_division(self, division_id: int) -> bool:
        matches = self.model.match(
            self.model.index(0, 0),
            ID_ROLE,
            division_id,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        if not matches:
            return False
        index = self.proxy.mapFromSource(matches[0])
        if not index.isValid():
            self.search_edit.clear()
            index = self.proxy.mapFromSource(matches[0])
        if index == self.view.currentIndex():
            self.division_changed.emit(self.current_node())  # no change signal will come
        else:
            self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def select_top(self) -> bool:
        """Select the first top-level division (the county): every row shows."""
        tops = self._children[None]
        return bool(tops) and self.select_division(tops[0].id)

    def villages_under(self, node: DivisionNode | None) -> frozenset[int] | None:
        """The villages a division covers; None when it covers every row (the only county)."""
        if node is None:
            return None
        if node.parent_id is None and len(self._children[None]) == 1:
            return None
        found: set[int] = set()
        stack = [node]
        while stack:
            current = stack.pop()
            if current.level == "village":
                found.add(current.id)
            stack.extend(self._children.get(current.id, ()))
        return frozenset(found)

    def is_empty(self) -> bool:
        return not self._nodes

    def _current_changed(self) -> None:
        self.division_changed.emit(self.current_node())

    def _search(self, text: str) -> None:
        self.proxy.set_query(text)
        if text.strip():
            self.view.expandAll()
