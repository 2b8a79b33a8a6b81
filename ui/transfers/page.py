"""The personnel transfer page (人员避险转移) during an event.

A header names the active event and its response level (or offers to start
one); the county figures follow as big numbers, then the town roll-up and the
shelter occupancy tables, and beside them the check-in panel: find a household
by name, pinyin initials, the last four mobile digits or its scanned card code,
pick the shelter and press F2. Every load and every check-in runs off the UI
thread; a check-in that collides with another workstation's change is shown,
never overwritten.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.events import (
    EVENT_KINDS,
    MANAGE_EVENTS,
    EventRefused,
    EventRow,
    active_event,
    start_event,
)
from models.labels import RESPONSE_COLOURS, RESPONSE_LEVELS, label
from models.search import pinyin_sort_key
from models.transfers import (
    CHECK_IN,
    NEARLY_FULL,
    TRANSFER_STATUSES,
    Rollup,
    SubjectRow,
    TransferConflict,
    TransferRefused,
    TransferRow,
    display_zone,
    find_subjects,
    record_transfer,
    rollup,
)
from models.users import Actor
from ui.common.change_feed import touches
from ui.common.table import RIGHT, Column, RowTableModel, fit_columns, setup_table_view
from ui.common.worker import run_in_background
from ui.dashboard.page import CARD_STYLE, Card

log = logging.getLogger(__name__)

ARRIVED = "sheltered"  # the status code of "moved to a shelter" (集中安置)
REFRESH_MS = 60_000  # besides the change feed, the figures reload this often when shown
CHANGE_DELAY_MS = 300  # changes arriving within this time are loaded together
WATCHED = frozenset({"events", "transfer_records", "transfer_changes", "town_reports",
                     "rollup_snapshots", "households", "transfer_objects", "shelters"})
SEARCH_DELAY_MS = 250  # typing pauses this long before the search runs


def _count(value: int) -> str:
    return f"{value:,}"


def _percent(rate: float) -> str:
    return f"{rate * 100:.1f}%"


def _occupancy(rate: float) -> str:
    """The occupancy cell: a warning marker above 90% and when full."""
    if rate >= 1:
        return "⚠ " + QCoreApplication.translate("TransfersPage", "Full") + f" {rate * 100:.0f}%"
    if rate > NEARLY_FULL:
        return f"⚠ {rate * 100:.0f}%"
    return f"{rate * 100:.0f}%"


def _local(at: datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(display_zone()).strftime("%Y-%m-%d %H:%M")


# -- rows --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TownLine:
    id: int
    name: str
    people_to_move: int
    moved: int
    sheltered: int
    relatives: int
    forced: int
    refused: int
    still_at_home: int
    completion_rate: float | None


@dataclass(frozen=True, slots=True)
class ShelterLine:
    id: int
    name: str
    capacity: int
    occupants: int
    arrivals: int
    expected: int
    rate: float | None
    state: str


@dataclass(frozen=True, slots=True)
class SubjectLine:
    """A search result as the check-in table shows it."""

    id: tuple[str, int]
    name: str
    phone: str | None
    place: str
    residents: int
    status: str | None
    moved: int | None
    remaining: int | None
    shelter: str | None
    card_code: str
    subject: SubjectRow

    @classmethod
    def of(cls, row: SubjectRow) -> SubjectLine:
        rec = row.record
        place = " ".join(p for p in (row.town_name, row.village_name) if p)
        shelter = (rec.shelter_name if rec is not None and rec.shelter_name else row.shelter_name)
        return cls((row.subject, row.subject_id), row.name, row.phone, place, row.residents,
                   rec.status if rec else None, rec.moved if rec else None,
                   rec.remaining if rec else None, shelter, row.card_code, row)

    def with_record(self, record: TransferRow) -> SubjectLine:
        return SubjectLine.of(replace(self.subject, record=record))


TOWN_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Town / street"), max_width=200),
    Column("people_to_move", QT_TRANSLATE_NOOP("Columns", "People to move"), formatter=_count,
           alignment=RIGHT),
    Column("moved", QT_TRANSLATE_NOOP("Columns", "Moved"), formatter=_count, alignment=RIGHT),
    Column("sheltered", QT_TRANSLATE_NOOP("Columns", "In shelters"), formatter=_count,
           alignment=RIGHT),
    Column("relatives", QT_TRANSLATE_NOOP("Columns", "With relatives"), formatter=_count,
           alignment=RIGHT),
    Column("forced", QT_TRANSLATE_NOOP("Columns", "Forcibly moved"), formatter=_count,
           alignment=RIGHT),
    Column("refused", QT_TRANSLATE_NOOP("Columns", "Refused"), formatter=_count, alignment=RIGHT),
    Column("still_at_home", QT_TRANSLATE_NOOP("Columns", "Still at home"), formatter=_count,
           alignment=RIGHT),
    Column("completion_rate", QT_TRANSLATE_NOOP("Columns", "Completion rate"),
           formatter=_percent, alignment=RIGHT),
)

SHELTER_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Shelter"), max_width=240,
           sort_key=pinyin_sort_key),
    Column("capacity", QT_TRANSLATE_NOOP("Columns", "Capacity"), formatter=_count,
           alignment=RIGHT),
    Column("occupants", QT_TRANSLATE_NOOP("Columns", "In shelter"), formatter=_count,
           alignment=RIGHT),
    Column("arrivals", QT_TRANSLATE_NOOP("Columns", "Arrivals"), formatter=_count,
           alignment=RIGHT),
    Column("expected", QT_TRANSLATE_NOOP("Columns", "Still expected"), formatter=_count,
           alignment=RIGHT),
    Column("rate", QT_TRANSLATE_NOOP("Columns", "Occupancy"), formatter=_occupancy,
           alignment=RIGHT),
)
SHELTER_RATE_COLUMN = 5

SUBJECT_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Household"), max_width=160),
    Column("place", QT_TRANSLATE_NOOP("Columns", "Town and village"), max_width=200),
    Column("residents", QT_TRANSLATE_NOOP("Columns", "Residents"), formatter=_count,
           alignment=RIGHT),
    Column("remaining", QT_TRANSLATE_NOOP("Columns", "Left to move"), formatter=_count,
           alignment=RIGHT),
    Column("status", QT_TRANSLATE_NOOP("Columns", "Status"),
           formatter=lambda v: label(TRANSFER_STATUSES, v), max_width=180),
    Column("moved", QT_TRANSLATE_NOOP("Columns", "Moved"), formatter=_count, alignment=RIGHT),
    Column("shelter", QT_TRANSLATE_NOOP("Columns", "Shelter"), max_width=200),
    Column("phone", QT_TRANSLATE_NOOP("Columns", "Mobile")),
    Column("card_code", QT_TRANSLATE_NOOP("Columns", "Card code")),
)

FIGURES = (
    ("people_to_move", QT_TRANSLATE_NOOP("TransfersPage", "People to move")),
    ("moved", QT_TRANSLATE_NOOP("TransfersPage", "Moved")),
    ("sheltered", QT_TRANSLATE_NOOP("TransfersPage", "In shelters")),
    ("relatives", QT_TRANSLATE_NOOP("TransfersPage", "With relatives or friends")),
    ("forced", QT_TRANSLATE_NOOP("TransfersPage", "Forcibly moved")),
    ("refused", QT_TRANSLATE_NOOP("TransfersPage", "Refused")),
    ("still_at_home", QT_TRANSLATE_NOOP("TransfersPage", "Still at home")),
    ("completion_rate", QT_TRANSLATE_NOOP("TransfersPage", "Completion rate")),
)


# -- work done off the UI thread ------------------------------------------------------------


@dataclass(frozen=True)
class Loaded:
    event: EventRow | None
    rollup: Rollup | None


def load_transfers(db: Database, actor: Actor) -> Loaded:
    with db.session(actor) as session:
        event = active_event(session=session)
        data = rollup(session=session, event_id=event.id) if event is not None else None
    return Loaded(event, data)


def search_subjects(db: Database, actor: Actor, query: str, event_id: int) -> list[SubjectRow]:
    with db.session(actor) as session:
        return find_subjects(session=session, query=query, event_id=event_id)


def check_in(db: Database, actor: Actor, record_id: int, expected_version: int,
             shelter_id: int | None) -> TransferRow | TransferRefused:
    """Arrival at a shelter in its own unit of work; a refusal comes back as the result."""
    try:
        with db.session(actor) as session:
            return record_transfer(session=session, record_id=record_id, status=ARRIVED,
                                   expected_version=expected_version, shelter_id=shelter_id)
    except TransferRefused as exc:  # TransferConflict included: nothing was written
        return exc


def begin_event(db: Database, actor: Actor, name: str) -> EventRow | EventRefused:
    try:
        with db.session(actor) as session:
            return start_event(session=session, name=name)
    except EventRefused as exc:
        return exc


# -- the page ----------------------------------------------------------------------------------


class TransfersPage(QWidget):
    ready = Signal()  # after each load of the event and its figures
    search_done = Signal()  # after each search's results are shown
    check_in_done = Signal()  # after a check-in was saved or refused (the message is shown)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.current_event: EventRow | None = None
        self.data: Rollup | None = None
        self._loading = False
        self._reload_again = False
        self._search_seq = 0
        self._busy = False  # a check-in or event start is under way
        self.setStyleSheet(CARD_STYLE)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        top = QHBoxLayout()
        self.title_label = QLabel(self.tr("Personnel transfer"))
        self.title_label.setStyleSheet("font-size: 22px; font-weight: bold;")
        top.addWidget(self.title_label)
        top.addStretch(1)
        self.time_label = QLabel()
        self.time_label.setStyleSheet("color: #6a7a8a;")
        top.addWidget(self.time_label)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)

        banner = QHBoxLayout()
        self.event_label = QLabel(self.tr("Loading…"))
        self.event_label.setWordWrap(True)
        self.event_label.setTextFormat(Qt.TextFormat.RichText)
        self.event_label.setStyleSheet(
            "background: #eef3f8; border-left: 4px solid #1f5fbf; padding: 8px; color: #333;"
            "font-size: 15px;")
        banner.addWidget(self.event_label, 1)
        self.start_button = QPushButton(self.tr("Start an event…"))
        self.start_button.setVisible(False)
        self.start_button.clicked.connect(self._ask_start_event)
        banner.addWidget(self.start_button)
        layout.addLayout(banner)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        cards = QGridLayout()
        cards.setSpacing(10)
        self.cards: dict[str, Card] = {}
        for n, (key, title) in enumerate(FIGURES):
            card = Card(self.tr(title))
            self.cards[key] = card
            cards.addWidget(card, 0, n)
        body.addLayout(cards)
        self.reported_label = QLabel()
        self.reported_label.setWordWrap(True)
        self.reported_label.setStyleSheet("color: #4a5a6a;")
        self.reported_label.setVisible(False)
        body.addWidget(self.reported_label)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        tables = QWidget()
        tables_layout = QVBoxLayout(tables)
        tables_layout.setContentsMargins(0, 0, 0, 0)
        towns_title = QLabel(self.tr("Towns and streets"))
        towns_title.setStyleSheet("font-size: 16px; font-weight: bold; padding-top: 6px;")
        tables_layout.addWidget(towns_title)
        self.town_model = RowTableModel(TOWN_COLUMNS, parent=self)
        self.town_view = QTableView()
        self.town_view.setModel(self.town_model)
        setup_table_view(self.town_view)
        tables_layout.addWidget(self.town_view, 3)
        shelters_row = QHBoxLayout()
        shelters_title = QLabel(self.tr("Shelter occupancy"))
        shelters_title.setStyleSheet("font-size: 16px; font-weight: bold; padding-top: 6px;")
        shelters_row.addWidget(shelters_title)
        self.warning_label = QLabel()
        self.warning_label.setStyleSheet("color: #b03000; font-weight: bold; padding-top: 6px;")
        shelters_row.addWidget(self.warning_label, 1)
        tables_layout.addLayout(shelters_row)
        self.shelter_model = RowTableModel(SHELTER_COLUMNS, parent=self)
        self.shelter_view = QTableView()
        self.shelter_view.setModel(self.shelter_model)
        setup_table_view(self.shelter_view)
        self.shelter_view.sortByColumn(SHELTER_RATE_COLUMN, Qt.SortOrder.DescendingOrder)
        tables_layout.addWidget(self.shelter_view, 2)
        splitter.addWidget(tables)
        splitter.addWidget(self._build_check_in())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([1000, 520])
        body.addWidget(splitter, 1)
        layout.addWidget(self.body, 1)
        self.body.setVisible(False)
        layout.addStretch(0)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._stale = False
        self.change_timer = QTimer(self)
        self.change_timer.setSingleShot(True)
        self.change_timer.setInterval(CHANGE_DELAY_MS)
        self.change_timer.timeout.connect(self.refresh)
        self.refresh()

    def _build_check_in(self) -> QWidget:
        box = QGroupBox(self.tr("Check-in at a shelter"))
        box.setStyleSheet("QGroupBox { font-size: 15px; font-weight: bold; }")
        form = QVBoxLayout(box)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr(
            "Name, pinyin initials, last 4 mobile digits, or scan the card code"))
        self.search_edit.setClearButtonEnabled(True)
        # A keyboard-wedge scanner types the code and Enter: no input method in between.
        self.search_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText)
        self.search_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.search_edit.setStyleSheet("font-size: 16px; padding: 4px; font-weight: normal;")
        form.addWidget(self.search_edit)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.search)
        self.search_edit.textEdited.connect(lambda _text: self.search_timer.start())
        self.search_edit.returnPressed.connect(self.search)

        self.subject_model = RowTableModel(SUBJECT_COLUMNS, parent=self)
        self.subject_view = QTableView()
        self.subject_view.setModel(self.subject_model)
        setup_table_view(self.subject_view)
        self.subject_view.setStyleSheet("font-weight: normal;")
        self.subject_view.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.subject_view.doubleClicked.connect(lambda _index: self.check_in())
        form.addWidget(self.subject_view, 1)

        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setStyleSheet("font-weight: normal;")
        form.addWidget(self.detail_label)
        row = QHBoxLayout()
        shelter_label = QLabel(self.tr("Shelter:"))
        shelter_label.setStyleSheet("font-weight: normal;")
        row.addWidget(shelter_label)
        self.shelter_combo = QComboBox()
        self.shelter_combo.setEditable(True)
        self.shelter_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.shelter_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.shelter_combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.shelter_combo.setStyleSheet("font-weight: normal;")
        row.addWidget(self.shelter_combo, 1)
        form.addLayout(row)
        self.check_in_button = QPushButton(self.tr("Arrived at shelter (F2)"))
        self.check_in_button.setStyleSheet(
            "QPushButton { font-size: 16px; font-weight: bold; padding: 8px; background: #1f7a3f;"
            " color: white; border-radius: 4px; }"
            "QPushButton:disabled { background: #a0b0a8; }")
        self.check_in_button.setEnabled(False)
        self.check_in_button.clicked.connect(self.check_in)
        form.addWidget(self.check_in_button)
        self.shortcut = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(self.check_in)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addWidget(self.message_label)
        if not self.actor.can(CHECK_IN):
            self.search_edit.setPlaceholderText(self.tr(
                "Find a household: name, pinyin initials, last 4 mobile digits or card code"))
            self._show_message(self.tr("Your role can look households up but not check them in."),
                               "info")
        return box

    # -- loading the event and its figures ---------------------------------------------------

    def refresh(self) -> None:
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        run_in_background(load_transfers, self._loaded, owner=self, db=self.db, actor=self.actor)

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    def data_changed(self, tables: frozenset[str]) -> None:
        """From the change feed: reload soon if shown, else when next shown."""
        if not touches(tables, WATCHED):
            return
        if self.isVisible():
            self.change_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.change_timer.start()

    def _loaded(self, result: Loaded | None, error: BaseException | None) -> None:
        self._loading = False
        if self._reload_again:
            self._reload_again = False
            self.refresh()
            return
        if result is None:
            self.event_label.setText(self.tr("The transfer figures could not be loaded: %1")
                                     .replace("%1", type(error).__name__))
            self.body.setVisible(False)
            self.ready.emit()
            return
        self.current_event, self.data = result.event, result.rollup
        self._show_event()
        if self.data is not None:
            self._show_figures(self.data)
        self._update_button()
        self.ready.emit()

    def _show_event(self) -> None:
        event = self.current_event
        if event is None:
            self.event_label.setText(self.tr(
                "No event is in progress. Transfer figures and check-in start with an event: "
                "every household on the register then gets its transfer record."))
            can_start = self.actor.can(MANAGE_EVENTS)
            self.start_button.setVisible(can_start)
            self.start_button.setEnabled(can_start and not self._busy)
            self.body.setVisible(False)
            self.time_label.clear()
            return
        self.start_button.setVisible(False)
        if event.response_level:
            colour = RESPONSE_COLOURS.get(event.response_level, "#333")
            level = (f"<b style='color:{colour}'>"
                     f"{html.escape(label(RESPONSE_LEVELS, event.response_level))}</b>")
            response = self.tr("Response: %1").replace("%1", level)
        else:
            response = self.tr("No emergency response in force")
        self.event_label.setText(
            self.tr("Event: %1 (%4) · %2 · started %3")
            .replace("%1", f"<b>{html.escape(event.name)}</b>")
            .replace("%4", html.escape(label(EVENT_KINDS, event.kind)))
            .replace("%2", response)
            .replace("%3", _local(event.started_at)))
        self.body.setVisible(True)

    def _show_figures(self, data: Rollup) -> None:
        county = data.county
        for key, card in self.cards.items():
            if key == "completion_rate":
                rate = county.completion_rate
                card.value_label.setText(_percent(rate) if rate is not None else "—")
                card.note_label.setText(self.tr("moved / people to move"))
            else:
                card.show_value(getattr(county, key))
        self.cards["people_to_move"].note_label.setText(
            self.tr("%1 listed, %2 away").replace("%1", _count(county.subjects))
            .replace("%2", _count(county.away)))
        self.time_label.setText(self.tr("Figures as of %1").replace("%1", _local(data.at)))
        reported = data.reported
        if reported.people_to_move:
            self.reported_label.setText(self.tr(
                "Phoned in by towns (counted separately): %1 to move, %2 moved, latest at %3")
                .replace("%1", _count(reported.people_to_move))
                .replace("%2", _count(reported.moved))
                .replace("%3", _local(reported.reported_at) if reported.reported_at else "—"))
        self.reported_label.setVisible(bool(reported.people_to_move))

        towns = [TownLine(t.id, t.name, f.people_to_move, f.moved, f.sheltered, f.relatives,
                          f.forced, f.refused, f.still_at_home, f.completion_rate)
                 for t in data.towns for f in (t.figures,)]
        self.town_model.set_rows(towns)
        fit_columns(self.town_view, self.town_model)
        shelters = [ShelterLine(s.id, s.name, s.capacity, s.occupants, s.arrivals, s.expected,
                                s.rate, s.state) for s in data.shelters]
        self.shelter_model.set_rows(shelters)
        fit_columns(self.shelter_view, self.shelter_model)
        full = sum(1 for s in data.warnings if s.state == "full")
        nearly = len(data.warnings) - full
        self.warning_label.setText(
            self.tr("⚠ %1 full, %2 above 90%").replace("%1", str(full)).replace("%2", str(nearly))
            if data.warnings else "")
        self._fill_shelters(data)

    def _fill_shelters(self, data: Rollup) -> None:
        keep = self._chosen_shelter()
        combo = self.shelter_combo
        combo.blockSignals(True)
        combo.clear()
        for s in sorted(data.shelters, key=lambda s: pinyin_sort_key(s.name)):
            combo.addItem(f"{s.name}  ({s.occupants:,}/{s.capacity:,})", s.id)
        combo.setCurrentIndex(combo.findData(keep) if keep is not None else -1)
        combo.blockSignals(False)

    def _chosen_shelter(self) -> int | None:
        combo = self.shelter_combo
        index = combo.findText(combo.currentText())
        if index < 0:
            return None
        value = combo.itemData(index)
        return int(value) if value is not None else None

    # -- starting an event -----------------------------------------------------------------

    def _ask_start_event(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Start an event"),
                                        self.tr("Name of the event (such as Typhoon Meihua):"))
        if ok and name.strip():
            self.start_event(name)

    def start_event(self, name: str) -> None:
        """Start an event named ``name``; its records are opened, then the page reloads."""
        self._busy = True
        self.start_button.setEnabled(False)
        self.event_label.setText(self.tr("Starting the event and opening the transfer records…"))
        run_in_background(begin_event, self._event_started, owner=self, db=self.db,
                          actor=self.actor, name=name)

    def _event_started(self, result: EventRow | EventRefused | None,
                       error: BaseException | None) -> None:
        self._busy = False
        if not isinstance(result, EventRow):
            text = str(result) if result is not None else type(error).__name__
            self._show_message(text, "error")
            self.event_label.setText(self.tr("The event was not started: %1").replace("%1", text))
            self.start_button.setEnabled(True)
            return
        self.refresh()

    # -- check-in ------------------------------------------------------------------------------

    def search(self) -> None:
        self.search_timer.stop()
        self._search_seq += 1
        seq = self._search_seq
        text = self.search_edit.text().strip()
        if self.current_event is None or not text:
            self._show_results(seq, [], None)
            return
        run_in_background(search_subjects, lambda r, e: self._show_results(seq, r, e),
                          owner=self, db=self.db, actor=self.actor, query=text,
                          event_id=self.current_event.id)

    def _show_results(self, seq: int, rows: list[SubjectRow] | None,
                      error: BaseException | None) -> None:
        if seq != self._search_seq:
            return  # a later search is on its way
        lines = [SubjectLine.of(r) for r in rows or []]
        self.subject_model.set_rows(lines)
        fit_columns(self.subject_view, self.subject_model)
        if error is not None:
            self._show_message(self.tr("The search failed: %1").replace("%1", str(error)), "error")
        elif self.search_edit.text().strip() and not lines:
            self._show_message(self.tr("Nobody found."), "info")
        if len(lines) == 1:
            self._select(0)
        else:
            self._selection_changed()
        self.search_done.emit()

    def _select(self, row: int) -> None:
        index = self.subject_model.index(row, 0)
        self.subject_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def selected_line(self) -> SubjectLine | None:
        index = self.subject_view.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= self.subject_model.rowCount():
            return None
        return self.subject_model.row_at(index.row())

    def _selection_changed(self, *_args: object) -> None:
        line = self.selected_line()
        if line is None:
            self.detail_label.clear()
        else:
            rec = line.subject.record
            shelter_id = (rec.shelter_id if rec is not None and rec.shelter_id is not None
                          else line.subject.shelter_id)
            if shelter_id is not None:
                self.shelter_combo.setCurrentIndex(self.shelter_combo.findData(shelter_id))
            if rec is None:
                detail = self.tr("%1: no transfer record in this event.").replace("%1", line.name)
            else:
                detail = (self.tr("%1, %2: %3 residents, %4 moved, %5 left to move (%6).")
                          .replace("%1", line.name).replace("%2", line.place)
                          .replace("%3", str(rec.residents)).replace("%4", str(rec.moved))
                          .replace("%5", str(rec.remaining))
                          .replace("%6", label(TRANSFER_STATUSES, rec.status)))
            self.detail_label.setText(detail)
        self._update_button()

    def _update_button(self) -> None:
        line = self.selected_line()
        self.check_in_button.setEnabled(
            self.current_event is not None and self.actor.can(CHECK_IN) and not self._busy
            and line is not None and line.subject.record is not None
            and line.subject.record.remaining > 0)

    def check_in(self) -> None:
        """Mark the selected household's people still to move as arrived at the shelter."""
        if self._busy or self.current_event is None or not self.actor.can(CHECK_IN):
            return
        if not self.body.isVisible() and self.isVisible():
            return
        line = self.selected_line()
        if line is None:
            self._show_message(self.tr("Find and select a household first."), "info")
            return
        record = line.subject.record
        if record is None:
            self._show_message(self.tr("This household has no transfer record in this event."),
                               "error")
            return
        if record.remaining <= 0:
            self._show_message(self.tr("Nobody of this household is left to move."), "info")
            return
        shelter_id = self._chosen_shelter()
        if shelter_id is None and self.shelter_combo.currentText().strip():
            self._show_message(self.tr("Choose the shelter from the list."), "error")
            return
        self._busy = True
        self._update_button()
        run_in_background(check_in, lambda r, e: self._checked_in(line, r, e), owner=self,
                          db=self.db, actor=self.actor, record_id=record.record_id,
                          expected_version=record.version, shelter_id=shelter_id)

    def _checked_in(self, line: SubjectLine, result: TransferRow | TransferRefused | None,
                    error: BaseException | None) -> None:
        self._busy = False
        if isinstance(result, TransferRow):
            before = line.subject.record
            arrived = result.sheltered - (before.sheltered if before is not None else 0)
            self._replace_line(line.with_record(result))
            self._show_message(
                self.tr("%1: %2 people arrived at %3.").replace("%1", line.name)
                .replace("%2", str(arrived)).replace("%3", result.shelter_name or "?"), "ok")
            self.search_edit.selectAll()  # the next scan replaces the text
            self.search_edit.setFocus()
        elif isinstance(result, TransferConflict):
            if result.current is not None:
                self._replace_line(line.with_record(result.current))
            self._show_message(str(result), "error")
        elif isinstance(result, TransferRefused):
            self._show_message(str(result), "error")
        else:
            self._show_message(self.tr("The check-in failed: %1")
                               .replace("%1", type(error).__name__), "error")
        self._update_button()
        self.check_in_done.emit()
        self.refresh()

    def _replace_line(self, new: SubjectLine) -> None:
        lines = [new if line.id == new.id else line for line in self.subject_model.rows()]
        self.subject_model.set_rows(lines)
        row = self.subject_model.row_for_id(new.id)
        if row is not None:
            self._select(row)

    def _show_message(self, text: str, kind: str) -> None:
        colour = {"ok": "#1f7a3f", "error": "#b00020"}.get(kind, "#4a5a6a")
        self.message_label.setStyleSheet(
            f"color: {colour}; font-size: 14px; font-weight: bold; padding: 4px;")
        self.message_label.setText(text)
