"""Choosers used by the register forms: villages found by pinyin, and code lists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from models.areas import VillageOption
from models.labels import label
from models.messages import fill
from models.search import search_key

KEY_ROLE = Qt.ItemDataRole.UserRole + 10


class _KeyCompleter(QCompleter):
    """Matches typed text against each item's search key but inserts the item's name."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class VillageCombo(QComboBox):
    """Villages as "name (town)"; typing a name, pinyin or initials offers matches."""

    def __init__(self, villages: Sequence[VillageOption], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        for village in villages:
            text = (
                fill(self.tr("%1 (%2)"), village.name, village.town_name)
                if village.town_name
                else village.name
            )
            self.addItem(text, village.id)
            self.setItemData(
                self.count() - 1,
                search_key(village.name, village.town_name, village.code),
                KEY_ROLE,
            )
        completer = _KeyCompleter(self.model(), self)
        completer.setCompletionRole(KEY_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Type a village name or its pinyin initials"))
        self.setCurrentIndex(-1)

    def village_id(self) -> int | None:
        """The village whose text is in the box, or None when the text names none."""
        index = self.findText(self.currentText().strip(), Qt.MatchFlag.MatchExactly)
        if index < 0:
            return None
        value = self.itemData(index)
        return int(value) if value is not None else None

    def set_village_id(self, village_id: int | None) -> None:
        index = self.findData(village_id) if village_id is not None else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")


class CodeCombo(QComboBox):
    """A fixed code list shown by translated labels; ``code()`` is what gets stored."""

    def __init__(
        self,
        table: Mapping[str, Any],
        parent: QWidget | None = None,
        *,
        empty_text: str | None = None,
    ) -> None:
        super().__init__(parent)
        if empty_text is not None:
            self.addItem(empty_text, None)
        for code in table:
            self.addItem(label(table, code), code)

    def code(self) -> str | None:
        value = self.currentData()
        return str(value) if value is not None else None

    def set_code(self, code: str | None) -> None:
        index = self.findData(code)
        if index < 0 and code is not None:
            # A code this version does not know: keep it visible rather than lose it.
            self.addItem(code, code)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))
