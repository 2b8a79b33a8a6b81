"""Widgets every page shares: the message banner, the empty state, figure cards, and the
choosers of a village (found by pinyin) and of a code list."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFrame,
    QGridLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.areas import VillageOption
from models.labels import label
from models.messages import fill
from models.search import search_key
from ui.common.styles import ALERT_COLOUR, BANNER_ERROR, BANNER_INFO, EMPTY_STATE

KEY_ROLE = Qt.ItemDataRole.UserRole + 10


class Banner(QLabel):
    """A message in place, above what it is about: an error (a refusal, a failed load) or
    news (saved, done). Hidden while it has nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = ""  # "error", "info" or "" (hidden)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, "error")

    def show_info(self, text: str) -> None:
        self._show(text, "info")

    def clear_message(self) -> None:
        self.kind = ""
        self.clear()
        self.hide()

    def _show(self, text: str, kind: str) -> None:
        if not text:
            self.clear_message()
            return
        self.kind = kind
        self.setStyleSheet(BANNER_ERROR if kind == "error" else BANNER_INFO)
        self.setText(text)
        self.show()


class EmptyState(QStackedWidget):
    """Content (a table, a split view) and, in its place while there is nothing to show, a
    message saying why and what to do: an empty table explains nothing."""

    def __init__(self, content: QWidget, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.message_label = QLabel(text)
        self.message_label.setTextFormat(Qt.TextFormat.AutoText)
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setStyleSheet(EMPTY_STATE)
        self.addWidget(content)
        self.addWidget(self.message_label)

    def show_empty(self, empty: bool, text: str | None = None) -> None:
        if text is not None:
            self.message_label.setText(text)
        self.setCurrentWidget(self.message_label if empty else self.content)

    def is_empty(self) -> bool:
        return self.currentWidget() is self.message_label


class Card(QFrame):
    """One figure as a big number with its title and a note (style: ``styles.CARD_STYLE``
    on the page that holds it)."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("cardTitle")
        self.value_label = QLabel("—")
        self.value_label.setObjectName("cardValue")
        self.note_label = QLabel("")
        self.note_label.setObjectName("cardNote")
        self.note_label.setWordWrap(True)
        for widget in (self.title_label, self.value_label, self.note_label):
            layout.addWidget(widget)

    def show_value(self, value: int, note: str = "", *, alert: bool = False) -> None:
        """``alert``: the figure needs action (drawn in the warning colour)."""
        self.value_label.setText(f"{value:,}")
        self.note_label.setText(note)
        self.value_label.setStyleSheet(f"color: {ALERT_COLOUR};" if alert else "")


def card_grid(titles: Sequence[tuple[str, str]], columns: int) -> tuple[QWidget, dict[str, Card]]:
    """Cards by key, ``columns`` to a row, in a plain widget (no Python subclass: nothing
    more to ask Python while it paints): the county's figures on the dashboard and the
    transfers page."""
    holder = QWidget()
    grid = QGridLayout(holder)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setSpacing(10 if columns > 4 else 14)
    cards: dict[str, Card] = {}
    for index, (key, title) in enumerate(titles):
        card = Card(title)
        cards[key] = card
        grid.addWidget(card, index // columns, index % columns)
    return holder, cards


def find_by_any_part(combo: QComboBox) -> QCompleter:
    """Make ``combo`` editable so that typing any part of an item's name offers it; typing
    adds nothing to the list. Returns the completer for further settings."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    if completer is None:  # an editable combo box has one; the stubs cannot know
        completer = QCompleter(combo.model(), combo)
        combo.setCompleter(completer)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


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
        table: Mapping[str, str],
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
