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

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.events import (
    MANAGE_EVENTS,
    EventRefused,
    EventRow,
    active_event,
    end_event,
    set_response_level,
    start_event,
)
from models.labels import DANGER_KINDS, label
from models.search import pinyin_sort_key
from models.transfers import (
    CHECK_IN,
    NEARLY_FULL,
    TRANSFER_STATUSES,
    AreaFigures,
    FigureChange,
    Rollup,
    SubjectRow,
    TownReportRow,
    TransferConflict,
    TransferRefused,
    TransferRow,
    add_town_report,
    compare_snapshots,
    display_time,
    display_zone,
    find_subjects,
    list_snapshots,
    list_town_reports,
    load_snapshot,
    mark_returns,
    record_transfer,
    register_year,
    rollup,
    rollup_to_dict,
    take_snapshot,
)
from models.users import Actor, PermissionDenied
from ui.common.change_feed import ReloadWhenShown, touches
from ui.common.event_text import event_summary
from ui.common.table import RIGHT, Column, RowTableModel, fit_columns, setup_table_view
from ui.common.worker import run_in_background
from ui.dashboard.page import ALERT_COLOUR, CARD_STYLE, Card
from ui.transfers.arrivals import ArrivalsDialog
from ui.transfers.charts import TownChart
from ui.transfers.dialogs import ResponseDialog, ReturnsDialog, StatusDialog, TownReportDialog
from ui.transfers.documents import Refusal, document
from ui.transfers.lists import TransferListsPanel

log = logging.getLogger(__name__)

ARRIVED = "sheltered"  # the status code of "moved to a shelter" (集中安置)
REFRESH_MS = 60_000  # besides the change feed, the figures reload this often when shown
LIST_TABLES = frozenset({"households", "transfer_objects", "shelters", "danger_zones"})
CHANGE_DELAY_MS = 300  # changes arriving within this time are loaded together
WATCHED = (
    frozenset(
        {"events", "transfer_records", "transfer_changes", "town_reports", "rollup_snapshots"}
    )
    | LIST_TABLES
)
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


# -- rows --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TownLine:
    """A town's, a village's or a danger-zone kind's figures (``parent``: the village's
    town)."""

    id: int | str
    name: str
    parent: str
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
        shelter = rec.shelter_name if rec is not None and rec.shelter_name else row.shelter_name
        return cls(
            (row.subject, row.subject_id),
            row.name,
            row.phone,
            place,
            row.residents,
            rec.status if rec else None,
            rec.moved if rec else None,
            rec.remaining if rec else None,
            shelter,
            row.card_code,
            row,
        )

    def with_record(self, record: TransferRow) -> SubjectLine:
        return SubjectLine.of(replace(self.subject, record=record))


FIGURE_COLUMNS = (
    Column(
        "people_to_move",
        QT_TRANSLATE_NOOP("Columns", "People to move"),
        formatter=_count,
        alignment=RIGHT,
    ),
    Column("moved", QT_TRANSLATE_NOOP("Columns", "Moved"), formatter=_count, alignment=RIGHT),
    Column(
        "sheltered", QT_TRANSLATE_NOOP("Columns", "In shelters"), formatter=_count, alignment=RIGHT
    ),
    Column(
        "relatives",
        QT_TRANSLATE_NOOP("Columns", "With relatives"),
        formatter=_count,
        alignment=RIGHT,
    ),
    Column(
        "forced", QT_TRANSLATE_NOOP("Columns", "Forcibly moved"), formatter=_count, alignment=RIGHT
    ),
    Column("refused", QT_TRANSLATE_NOOP("Columns", "Refused"), formatter=_count, alignment=RIGHT),
    Column(
        "still_at_home",
        QT_TRANSLATE_NOOP("Columns", "Still at home"),
        formatter=_count,
        alignment=RIGHT,
    ),
    Column(
        "completion_rate",
        QT_TRANSLATE_NOOP("Columns", "Completion rate"),
        formatter=_percent,
        alignment=RIGHT,
    ),
)
TOWN_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Town / street"), max_width=200),
    *FIGURE_COLUMNS,
)
VILLAGE_COLUMNS = (
    Column("parent", QT_TRANSLATE_NOOP("Columns", "Town / street"), max_width=160),
    Column(
        "name",
        QT_TRANSLATE_NOOP("Columns", "Village / community"),
        max_width=200,
        sort_key=pinyin_sort_key,
    ),
    *FIGURE_COLUMNS,
)
KIND_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Danger zone type"), max_width=200),
    *FIGURE_COLUMNS,
)


@dataclass(frozen=True, slots=True)
class ChangeLine:
    """A figure that changed since the last hourly snapshot."""

    id: tuple[str, str, str]
    scope: str
    name: str
    figure: str
    old: float | int | None
    new: float | int | None
    delta: float | int | None


def _figure_value(value: float | int | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return _percent(value)
    return _count(value)


def _signed(value: float | int | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value * 100:+.1f}%"
    return f"{value:+,}"


CHANGE_COLUMNS = (
    Column("scope", QT_TRANSLATE_NOOP("Columns", "Level"), max_width=120),
    Column("name", QT_TRANSLATE_NOOP("Columns", "Name"), max_width=240),
    Column("figure", QT_TRANSLATE_NOOP("Columns", "Figure"), max_width=160),
    Column(
        "old",
        QT_TRANSLATE_NOOP("Columns", "At the last report"),
        formatter=_figure_value,
        alignment=RIGHT,
    ),
    Column("new", QT_TRANSLATE_NOOP("Columns", "Now"), formatter=_figure_value, alignment=RIGHT),
    Column("delta", QT_TRANSLATE_NOOP("Columns", "Change"), formatter=_signed, alignment=RIGHT),
)
REPORT_COLUMNS = (
    Column("reported_at", QT_TRANSLATE_NOOP("Columns", "Reported at"), formatter=display_time),
    Column("town_name", QT_TRANSLATE_NOOP("Columns", "Town / street"), max_width=160),
    Column("source", QT_TRANSLATE_NOOP("Columns", "Reported by"), max_width=200),
    *FIGURE_COLUMNS[:4],  # people to move, moved, in shelters, with relatives
    Column("note", QT_TRANSLATE_NOOP("Columns", "Note"), max_width=260),
    Column("entered_by", QT_TRANSLATE_NOOP("Columns", "Entered by")),
)
SCOPES = {
    "county": QT_TRANSLATE_NOOP("TransfersPage", "County"),
    "town": QT_TRANSLATE_NOOP("TransfersPage", "Town / street"),
    "kind": QT_TRANSLATE_NOOP("TransfersPage", "Danger zone type"),
    "shelter": QT_TRANSLATE_NOOP("TransfersPage", "Shelter"),
}
SHELTER_FIGURES = {
    "occupants": QT_TRANSLATE_NOOP("Columns", "In shelter"),
    "arrivals": QT_TRANSLATE_NOOP("Columns", "Arrivals"),
    "returned": QT_TRANSLATE_NOOP("TransfersPage", "Returned home"),
    "expected": QT_TRANSLATE_NOOP("Columns", "Still expected"),
}

SHELTER_COLUMNS = (
    Column(
        "name", QT_TRANSLATE_NOOP("Columns", "Shelter"), max_width=240, sort_key=pinyin_sort_key
    ),
    Column("capacity", QT_TRANSLATE_NOOP("Columns", "Capacity"), formatter=_count, alignment=RIGHT),
    Column(
        "occupants", QT_TRANSLATE_NOOP("Columns", "In shelter"), formatter=_count, alignment=RIGHT
    ),
    Column("arrivals", QT_TRANSLATE_NOOP("Columns", "Arrivals"), formatter=_count, alignment=RIGHT),
    Column(
        "expected",
        QT_TRANSLATE_NOOP("Columns", "Still expected"),
        formatter=_count,
        alignment=RIGHT,
    ),
    Column(
        "rate", QT_TRANSLATE_NOOP("Columns", "Occupancy"), formatter=_occupancy, alignment=RIGHT
    ),
)
SHELTER_RATE_COLUMN = 5

SUBJECT_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Household"), max_width=160),
    Column("place", QT_TRANSLATE_NOOP("Columns", "Town and village"), max_width=200),
    Column(
        "residents", QT_TRANSLATE_NOOP("Columns", "Residents"), formatter=_count, alignment=RIGHT
    ),
    Column(
        "remaining", QT_TRANSLATE_NOOP("Columns", "Left to move"), formatter=_count, alignment=RIGHT
    ),
    Column(
        "status",
        QT_TRANSLATE_NOOP("Columns", "Status"),
        formatter=lambda v: label(TRANSFER_STATUSES, v),
        max_width=180,
    ),
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
    since: datetime | None = None  # when the last hourly snapshot was taken
    changes: tuple[FigureChange, ...] = ()  # since then (villages left out: too many)
    reports: tuple[TownReportRow, ...] = ()
    year: int | None = None  # the register year the event's lists are from


def load_transfers(db: Database, actor: Actor) -> Loaded:
    with db.session(actor) as session:
        event = active_event(session=session)
        if event is None:
            return Loaded(None, None)
        data = rollup(session=session, event_id=event.id)
        snapshots = list_snapshots(session=session, event_id=event.id)
        last = load_snapshot(session=session, snapshot_id=snapshots[-1].id) if snapshots else None
        reports = list_town_reports(session=session, event_id=event.id)
        year = register_year(session=session, at=event.started_at)
    changes = (
        tuple(c for c in compare_snapshots(last, rollup_to_dict(data)) if c.scope != "village")
        if last is not None
        else ()
    )
    return Loaded(
        event,
        data,
        snapshots[-1].taken_at if snapshots else None,
        changes,
        tuple(reversed(reports)),
        year,
    )


def search_subjects(
    db: Database, actor: Actor, query: str, event_id: int, year: int | None
) -> list[SubjectRow]:
    with db.session(actor) as session:
        return find_subjects(session=session, query=query, event_id=event_id, year=year)


def change_transfer(
    db: Database, actor: Actor, record_id: int, expected_version: int, **change: Any
) -> TransferRow | TransferRefused:
    """One change of a record in its own unit of work; a refusal comes back as the result."""
    try:
        with db.session(actor) as session:
            return record_transfer(
                session=session, record_id=record_id, expected_version=expected_version, **change
            )
    except TransferRefused as exc:  # TransferConflict included: nothing was written
        return exc


REFUSALS = (TransferRefused, EventRefused, PermissionDenied)


def write(db: Database, actor: Actor, action: Callable[..., object], **arguments: Any) -> object:
    """Any other write of the page (event, response level, town figures, returns,
    snapshot) in its own unit of work; a refusal comes back as the result."""
    try:
        with db.session(actor) as session:
            return action(session=session, **arguments)
    except REFUSALS as exc:
        return exc


# -- the page ----------------------------------------------------------------------------------


class TransfersPage(QWidget):
    ready = Signal()  # after each load of the event and its figures
    search_done = Signal()  # after each search's results are shown
    check_in_done = Signal()  # after a check-in was saved or refused (the message is shown)
    action_done = Signal()  # after any other write of the page was saved or refused

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.current_event: EventRow | None = None
        self._year: int | None = None  # the event's register year (the search's scope)
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
        self.print_button = QPushButton(self.tr("Print the town roll-up…"))
        self.print_button.setToolTip(self.tr("A4 landscape PDF: one row per town and a total"))
        self.print_button.clicked.connect(self.print_rollup)
        self.print_button.setEnabled(False)
        top.addWidget(self.print_button)
        self.export_button = QPushButton(self.tr("Export the town roll-up…"))
        self.export_button.setToolTip(self.tr("Excel, in the layout reported upward"))
        self.export_button.clicked.connect(self.export_rollup)
        self.export_button.setEnabled(False)
        top.addWidget(self.export_button)
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
            "font-size: 15px;"
        )
        banner.addWidget(self.event_label, 1)
        self.start_button = QPushButton(self.tr("Start an event…"))
        self.start_button.setVisible(False)
        self.start_button.clicked.connect(self._ask_start_event)
        banner.addWidget(self.start_button)
        manage = self.actor.can(MANAGE_EVENTS)
        self.level_button = QPushButton(self.tr("Response level…"))
        self.level_button.clicked.connect(self.ask_response_level)
        self.returns_button = QPushButton(self.tr("Mark returns…"))
        self.returns_button.setToolTip(
            self.tr("Once the response is lifted: everyone moved from a village is home again.")
        )
        self.returns_button.clicked.connect(self.ask_returns)
        self.end_button = QPushButton(self.tr("End the event…"))
        self.end_button.clicked.connect(self.ask_end_event)
        for button in (self.level_button, self.returns_button, self.end_button):
            button.setVisible(False)
            banner.addWidget(button)
        self._manage = manage
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
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.town_model, self.town_view = self._add_table(
            TOWN_COLUMNS, self.tr("Towns and streets")
        )
        self.village_model, self.village_view = self._add_table(
            VILLAGE_COLUMNS, self.tr("Villages and communities")
        )
        self.kind_model, self.kind_view = self._add_table(
            KIND_COLUMNS, self.tr("By danger zone type")
        )
        self.chart = TownChart()
        self.tabs.addTab(self.chart, self.tr("Chart"))
        self.since_label = QLabel()
        self.snapshot_button = QPushButton(self.tr("Keep the figures now as a report"))
        self.snapshot_button.setToolTip(
            self.tr(
                "The figures are kept every hour by themselves; keep them now as well, for "
                "example right after reporting upward."
            )
        )
        self.snapshot_button.clicked.connect(self.keep_snapshot)
        self.change_model, self.change_view = self._add_table(
            CHANGE_COLUMNS, self.tr("Since the last report"), self.since_label, self.snapshot_button
        )
        self.report_button = QPushButton(self.tr("Enter a town's figures…"))
        self.report_button.clicked.connect(self.ask_town_report)
        self.report_button.setEnabled(self.actor.can(CHECK_IN))
        self.report_model, self.report_view = self._add_table(
            REPORT_COLUMNS,
            self.tr("Phoned in by towns"),
            QLabel(
                self.tr(
                    "Figures phoned in by towns, counted separately from the households "
                    "on the lists; the latest of each town counts."
                )
            ),
            self.report_button,
        )
        tables_layout.addWidget(self.tabs, 3)
        shelters_row = QHBoxLayout()
        shelters_title = QLabel(self.tr("Shelter occupancy"))
        shelters_title.setStyleSheet("font-size: 16px; font-weight: bold; padding-top: 6px;")
        shelters_row.addWidget(shelters_title)
        self.warning_label = QLabel()
        self.warning_label.setStyleSheet(
            f"color: {ALERT_COLOUR}; font-weight: bold; padding-top: 6px;"
        )
        shelters_row.addWidget(self.warning_label, 1)
        tables_layout.addLayout(shelters_row)
        self.shelter_model = RowTableModel(SHELTER_COLUMNS, parent=self)
        self.shelter_view = QTableView()
        self.shelter_view.setModel(self.shelter_model)
        setup_table_view(self.shelter_view)
        self.shelter_view.sortByColumn(SHELTER_RATE_COLUMN, Qt.SortOrder.DescendingOrder)
        self.shelter_view.setToolTip(self.tr("Double-click a shelter for its arrivals list."))
        self.shelter_view.doubleClicked.connect(self._open_arrivals)
        tables_layout.addWidget(self.shelter_view, 2)
        splitter.addWidget(tables)
        splitter.addWidget(self._build_check_in())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([1000, 520])
        body.addWidget(splitter, 1)
        layout.addWidget(self.body, 1)
        self.body.setVisible(False)
        # The transfer lists and the planner's checks: the page's content between events,
        # a tab of its own during one.
        self.lists = TransferListsPanel(db, actor)
        self.lists_holder = QVBoxLayout()
        layout.addLayout(self.lists_holder, 1)
        self.lists_holder.addWidget(self.lists)
        self.lists.setVisible(False)
        self._lists_in_tabs = False
        self._lists_stale = False
        self._ready_after_lists = False
        self.lists.loaded.connect(self._lists_loaded)
        layout.addStretch(0)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.reloader = ReloadWhenShown(self, self.refresh, CHANGE_DELAY_MS)
        self._selection_changed()  # the check-in panel's hint
        self.refresh()

    def _add_table(
        self,
        columns: tuple[Column, ...],
        title: str,
        note: QLabel | None = None,
        button: QPushButton | None = None,
    ) -> tuple[RowTableModel, QTableView]:
        """A tab holding a table, with a note and a button above it when given."""
        model = RowTableModel(columns, parent=self)
        view = QTableView()
        view.setModel(model)
        setup_table_view(view)
        if note is None:
            self.tabs.addTab(view, title)
            return model, view
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 4, 0, 0)
        top = QHBoxLayout()
        note.setWordWrap(True)
        top.addWidget(note, 1)
        if button is not None:
            top.addWidget(button)
        layout.addLayout(top)
        layout.addWidget(view, 1)
        self.tabs.addTab(tab, title)
        return model, view

    def _build_check_in(self) -> QWidget:
        box = QGroupBox(self.tr("Check-in at a shelter"))
        box.setStyleSheet("QGroupBox { font-size: 15px; font-weight: bold; }")
        form = QVBoxLayout(box)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Name, pinyin initials, last 4 mobile digits, or scan the card code")
        )
        self.search_edit.setClearButtonEnabled(True)
        # A keyboard-wedge scanner types the code and Enter: no input method in between.
        self.search_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText
        )
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
            "QPushButton:disabled { background: #a0b0a8; }"
        )
        self.check_in_button.setEnabled(False)
        self.check_in_button.clicked.connect(self.check_in)
        form.addWidget(self.check_in_button)
        self.other_button = QPushButton(self.tr("Other: relatives, refused, forced, part… (F3)"))
        self.other_button.setEnabled(False)
        self.other_button.clicked.connect(self.record_other)
        form.addWidget(self.other_button)
        self.other_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F3), self)
        self.other_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.other_shortcut.activated.connect(self.record_other)
        self.shortcut = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(self.check_in)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addWidget(self.message_label)
        if not self.actor.can(CHECK_IN):
            self.search_edit.setPlaceholderText(
                self.tr(
                    "Find a household: name, pinyin initials, last 4 mobile digits or card code"
                )
            )
            self._show_message(
                self.tr("Your role can look households up but not check them in."), "info"
            )
        return box

    # -- loading the event and its figures ---------------------------------------------------

    def refresh(self) -> None:
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        run_in_background(load_transfers, self._loaded, owner=self, db=self.db, actor=self.actor)

    def _tick(self) -> None:
        self._keep_hourly_snapshot()
        if self.isVisible():
            self.refresh()

    def data_changed(self, tables: frozenset[str]) -> None:
        """From the change feed: reload soon if shown, else when next shown."""
        if not touches(tables, WATCHED):
            return
        if touches(tables, LIST_TABLES):
            self._lists_stale = True
        self.reloader.changed()

    def _loaded(self, result: Loaded | None, error: BaseException | None) -> None:
        self._loading = False
        if self._reload_again:
            self._reload_again = False
            self.refresh()
            return
        if result is None:
            self.event_label.setText(
                self.tr("The transfer figures could not be loaded: %1").replace(
                    "%1", type(error).__name__
                )
            )
            self.body.setVisible(False)
            self.ready.emit()
            return
        self.current_event, self.data = result.event, result.rollup
        self._year = result.year
        self._show_event()
        if self.data is not None:
            self._show_figures(self.data)
            self._show_changes(result)
        self._update_button()
        if self.current_event is None and self.lists.loading:
            self._ready_after_lists = True  # between events the lists are the page
        else:
            self.ready.emit()

    def _lists_loaded(self) -> None:
        if self._ready_after_lists:
            self._ready_after_lists = False
            self.ready.emit()

    def _show_event(self) -> None:
        event = self.current_event
        if event is None:
            self.event_label.setText(
                self.tr(
                    "No event is in progress. Transfer figures and check-in start with an event: "
                    "every household on the register then gets its transfer record."
                )
            )
            can_start = self.actor.can(MANAGE_EVENTS)
            self.start_button.setVisible(can_start)
            self.start_button.setEnabled(can_start and not self._busy)
            for button in (self.level_button, self.returns_button, self.end_button):
                button.setVisible(False)
            self.print_button.setEnabled(False)
            self.export_button.setEnabled(False)
            self._place_lists(in_tabs=False)
            self.body.setVisible(False)
            self.time_label.clear()
            return
        self.start_button.setVisible(False)
        for button in (self.level_button, self.end_button):
            button.setVisible(self._manage)
            button.setEnabled(not self._busy)
        self.returns_button.setVisible(self.actor.can(CHECK_IN) and event.response_lifted)
        self.returns_button.setEnabled(not self._busy)
        self.print_button.setEnabled(True)
        self.export_button.setEnabled(True)
        self._place_lists(in_tabs=True)
        self.event_label.setText(event_summary(event))
        self.body.setVisible(True)

    def show_village(self, village_id: int) -> None:
        """A village asked for from the map: its row in the villages tab during an event;
        always the village first chosen in the transfer lists' dialogs."""
        self.lists.village_id = village_id
        if not self.body.isVisible():
            return
        self.tabs.setCurrentWidget(self.village_view)
        row = self.village_model.row_for_id(village_id)
        if row is not None:
            self.village_view.selectRow(row)
            self.village_view.scrollTo(self.village_model.index(row, 0))

    def _place_lists(self, *, in_tabs: bool) -> None:
        moved = in_tabs != self._lists_in_tabs
        if moved:
            if in_tabs:
                self.tabs.addTab(self.lists, self.tr("Transfer lists"))
            else:
                self.tabs.removeTab(self.tabs.indexOf(self.lists))
                self.lists_holder.addWidget(self.lists)
            self._lists_in_tabs = in_tabs
        if not in_tabs:  # in the tabs, the tab widget shows and hides it
            self.lists.setVisible(True)
        if moved or self.lists.data is None or self._lists_stale:
            self._lists_stale = False
            self.lists.refresh()

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
            self.tr("%1 listed, %2 away")
            .replace("%1", _count(county.subjects))
            .replace("%2", _count(county.away))
        )
        self.time_label.setText(self.tr("Figures as of %1").replace("%1", display_time(data.at)))
        reported = data.reported
        if reported.people_to_move:
            self.reported_label.setText(
                self.tr(
                    "Phoned in by towns (counted separately): %1 to move, %2 moved, latest at %3"
                )
                .replace("%1", _count(reported.people_to_move))
                .replace("%2", _count(reported.moved))
                .replace("%3", display_time(reported.reported_at) if reported.reported_at else "—")
            )
        self.reported_label.setVisible(bool(reported.people_to_move))

        def lines(areas: list[AreaFigures], parents: dict[int, str]) -> list[TownLine]:
            return [
                TownLine(
                    a.id,
                    a.name,
                    parents.get(a.parent_id or 0, ""),
                    f.people_to_move,
                    f.moved,
                    f.sheltered,
                    f.relatives,
                    f.forced,
                    f.refused,
                    f.still_at_home,
                    f.completion_rate,
                )
                for a in areas
                for f in (a.figures,)
            ]

        town_names = {t.id: t.name for t in data.towns}
        for model, view, rows in (
            (self.town_model, self.town_view, lines(data.towns, {})),
            (self.village_model, self.village_view, lines(data.villages, town_names)),
            (
                self.kind_model,
                self.kind_view,
                [
                    TownLine(
                        k.kind,
                        label(DANGER_KINDS, k.kind),
                        "",
                        f.people_to_move,
                        f.moved,
                        f.sheltered,
                        f.relatives,
                        f.forced,
                        f.refused,
                        f.still_at_home,
                        f.completion_rate,
                    )
                    for k in data.kinds
                    for f in (k.figures,)
                ],
            ),
        ):
            model.set_rows(rows)
            fit_columns(view, model)
        self.chart.show_towns(data.towns)
        shelters = [
            ShelterLine(
                s.id, s.name, s.capacity, s.occupants, s.arrivals, s.expected, s.rate, s.state
            )
            for s in data.shelters
        ]
        self.shelter_model.set_rows(shelters)
        fit_columns(self.shelter_view, self.shelter_model)
        full = data.full_shelters
        nearly = len(data.warnings) - full
        self.warning_label.setText(
            self.tr("⚠ %1 full, %2 above 90%").replace("%1", str(full)).replace("%2", str(nearly))
            if data.warnings
            else ""
        )
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
        name, ok = QInputDialog.getText(
            self, self.tr("Start an event"), self.tr("Name of the event (such as Typhoon Meihua):")
        )
        if ok and name.strip():
            self.start_event(name)

    def start_event(self, name: str) -> None:
        """Start an event named ``name``; its records are opened, then the page reloads."""
        self._busy = True
        self.start_button.setEnabled(False)
        self.event_label.setText(self.tr("Starting the event and opening the transfer records…"))
        run_in_background(
            write,
            self._event_started,
            owner=self,
            db=self.db,
            actor=self.actor,
            action=start_event,
            name=name,
        )

    def _event_started(self, result: object, error: BaseException | None) -> None:
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
        run_in_background(
            search_subjects,
            lambda r, e: self._show_results(seq, r, e),
            owner=self,
            db=self.db,
            actor=self.actor,
            query=text,
            event_id=self.current_event.id,
            year=self._year,
        )

    def _show_results(
        self, seq: int, rows: list[SubjectRow] | None, error: BaseException | None
    ) -> None:
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
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def selected_line(self) -> SubjectLine | None:
        index = self.subject_view.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= self.subject_model.rowCount():
            return None
        return self.subject_model.row_at(index.row())

    def _selection_changed(self, *_args: object) -> None:
        line = self.selected_line()
        if line is None:
            self.detail_label.setText(
                self.tr(
                    "Scan a transfer card, or type a name, pinyin initials or the last 4 mobile "
                    "digits. F2: arrived at the shelter chosen below. F3: any other state, or "
                    "part of a household."
                )
            )
        else:
            rec = line.subject.record
            shelter_id = (
                rec.shelter_id
                if rec is not None and rec.shelter_id is not None
                else line.subject.shelter_id
            )
            if shelter_id is not None:
                self.shelter_combo.setCurrentIndex(self.shelter_combo.findData(shelter_id))
            if rec is None:
                detail = self.tr("%1: no transfer record in this event.").replace("%1", line.name)
            else:
                detail = (
                    self.tr("%1, %2: %3 residents, %4 moved, %5 left to move (%6).")
                    .replace("%1", line.name)
                    .replace("%2", line.place)
                    .replace("%3", str(rec.residents))
                    .replace("%4", str(rec.moved))
                    .replace("%5", str(rec.remaining))
                    .replace("%6", label(TRANSFER_STATUSES, rec.status))
                )
            self.detail_label.setText(detail)
        self._update_button()

    def _update_button(self) -> None:
        line = self.selected_line()
        record = line.subject.record if line is not None else None
        can = self.current_event is not None and self.actor.can(CHECK_IN) and not self._busy
        self.check_in_button.setEnabled(can and record is not None and record.remaining > 0)
        self.other_button.setEnabled(can and record is not None)

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
            self._show_message(
                self.tr("This household has no transfer record in this event."), "error"
            )
            return
        if record.remaining <= 0:
            self._show_message(self.tr("Nobody of this household is left to move."), "info")
            return
        shelter_id = self._chosen_shelter()
        if shelter_id is None and self.shelter_combo.currentText().strip():
            self._show_message(self.tr("Choose the shelter from the list."), "error")
            return
        self._apply(line, record, status=ARRIVED, shelter_id=shelter_id)

    def record_other(self) -> None:
        """Any other change of the selected record, or part of it: the status dialog."""
        if self._busy or self.current_event is None or not self.actor.can(CHECK_IN):
            return
        line = self.selected_line()
        record = line.subject.record if line is not None else None
        if line is None or record is None:
            self._show_message(self.tr("Find and select a household first."), "info")
            return
        shelters = sorted(
            (
                (s.id, f"{s.name}  ({s.occupants:,}/{s.capacity:,})")
                for s in (self.data.shelters if self.data else [])
            ),
            key=lambda s: pinyin_sort_key(s[1]),
        )
        self.status_dialog = StatusDialog(record, shelters, self)
        if self.status_dialog.exec() == QDialog.DialogCode.Accepted:
            self._apply(line, record, **self.status_dialog.choice().arguments())

    def _apply(self, line: SubjectLine, record: TransferRow, **change: Any) -> None:
        self._busy = True
        self._update_button()
        run_in_background(
            change_transfer,
            lambda r, e: self._checked_in(line, str(change["status"]), r, e),
            owner=self,
            db=self.db,
            actor=self.actor,
            record_id=record.record_id,
            expected_version=record.version,
            **change,
        )

    def _checked_in(
        self,
        line: SubjectLine,
        status: str,
        result: TransferRow | TransferRefused | None,
        error: BaseException | None,
    ) -> None:
        self._busy = False
        if isinstance(result, TransferRow):
            before = line.subject.record
            self._replace_line(line.with_record(result))
            if status == "returned":
                count = result.returned - (before.returned if before is not None else 0)
            else:
                count = getattr(result, status) - (getattr(before, status) if before else 0)
            if status == ARRIVED:
                text = (
                    self.tr("%1: %2 people arrived at %3.")
                    .replace("%1", line.name)
                    .replace("%2", str(count))
                    .replace("%3", result.shelter_name or "?")
                )
            else:
                text = (
                    self.tr("%1: %2 people recorded as %3.")
                    .replace("%1", line.name)
                    .replace("%2", str(abs(count)))
                    .replace("%3", label(TRANSFER_STATUSES, status))
                )
            self._show_message(text, "ok")
            self.search_edit.selectAll()  # the next scan replaces the text
            self.search_edit.setFocus()
        elif isinstance(result, TransferConflict):
            if result.current is not None:
                self._replace_line(line.with_record(result.current))
            self._show_message(str(result), "error")
        elif isinstance(result, TransferRefused):
            self._show_message(str(result), "error")
        else:
            self._show_message(
                self.tr("The check-in failed: %1").replace("%1", type(error).__name__), "error"
            )
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
            f"color: {colour}; font-size: 14px; font-weight: bold; padding: 4px;"
        )
        self.message_label.setText(text)

    # -- since the last report, town figures --------------------------------------------------

    def _show_changes(self, result: Loaded) -> None:
        if result.since is None:
            self.since_label.setText(
                self.tr(
                    "No report has been kept yet in this event: the figures are kept every hour."
                )
            )
        else:
            self.since_label.setText(
                self.tr("Changes since the figures kept at %1 (%2 figures changed).")
                .replace("%1", display_time(result.since))
                .replace("%2", str(len(result.changes)))
            )
        names = dict(FIGURES) | SHELTER_FIGURES
        order = {scope: n for n, scope in enumerate(SCOPES)}
        changes = sorted(result.changes, key=lambda c: (order.get(c.scope, 9), c.key, c.field))
        self.change_model.set_rows(
            [
                ChangeLine(
                    (c.scope, c.key, c.field),
                    QCoreApplication.translate("TransfersPage", SCOPES.get(c.scope, c.scope)),
                    label(DANGER_KINDS, c.name) if c.scope == "kind" else c.name,
                    QCoreApplication.translate(
                        "Columns"
                        if c.field in SHELTER_FIGURES and c.field != "returned"
                        else "TransfersPage",
                        names.get(c.field, c.field),
                    ),
                    c.old,
                    c.new,
                    c.delta,
                )
                for c in changes
            ]
        )
        fit_columns(self.change_view, self.change_model)
        self.report_model.set_rows(list(result.reports))
        fit_columns(self.report_view, self.report_model)

    def keep_snapshot(self) -> None:
        if self.current_event is None:
            return
        self._write(
            take_snapshot,
            self.tr("The figures were kept as a report."),
            event_id=self.current_event.id,
            force=True,
        )

    def _keep_hourly_snapshot(self) -> None:
        """Any open console keeps the hour's snapshot; the domain keeps one per hour."""
        if self.current_event is not None:
            run_in_background(
                write,
                lambda _r, _e: None,
                owner=self,
                db=self.db,
                actor=self.actor,
                action=take_snapshot,
                event_id=self.current_event.id,
            )

    def ask_town_report(self) -> None:
        if self.current_event is None or self.data is None:
            return
        dialog = TownReportDialog([(t.id, t.name) for t in self.data.towns], self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        figures = dialog.figures()
        self._write(
            add_town_report,
            self.tr("The town's figures were saved."),
            event_id=self.current_event.id,
            **asdict(figures),
        )

    # -- the event: response level, returns, end -----------------------------------------------

    def ask_response_level(self) -> None:
        event = self.current_event
        if event is None:
            return
        dialog = ResponseDialog(event.response_level, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.level() == event.response_level:
            return
        self._write(
            set_response_level,
            self.tr("The response level was changed."),
            event_id=event.id,
            response_level=dialog.level(),
        )

    def ask_end_event(self) -> None:
        event = self.current_event
        if event is None or self.data is None:
            return
        still = self.data.county.still_at_home
        answer = QMessageBox.question(
            self,
            self.tr("End the event"),
            self.tr(
                "End the event %1? The response is lifted with it and check-in stops. "
                "%2 people are still counted as at home. The records and their history "
                "are kept."
            )
            .replace("%1", event.name)
            .replace("%2", _count(still)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._write(end_event, self.tr("The event was ended."), event_id=event.id)

    def ask_returns(self) -> None:
        event = self.current_event
        if event is None or self.data is None:
            return
        town_names = {t.id: t.name for t in self.data.towns}
        villages = sorted(
            (
                (
                    v.id,
                    f"{town_names.get(v.parent_id or 0, '')} {v.name}".strip(),
                    v.figures.moved - v.figures.returned,
                )
                for v in self.data.villages
                if v.figures.moved > v.figures.returned
            ),
            key=lambda v: pinyin_sort_key(v[1]),
        )
        if not villages:
            self._show_message(self.tr("Nobody moved is still away from home."), "info")
            return
        dialog = ReturnsDialog(villages, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        village_id = dialog.village_id()
        name, people = next((v[1], v[2]) for v in villages if v[0] == village_id)
        answer = QMessageBox.question(
            self,
            self.tr("Mark returns by village"),
            self.tr("Record %1 people of %2 as returned home?")
            .replace("%1", _count(people))
            .replace("%2", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._write(
                mark_returns,
                self.tr("Returns were recorded for %1.").replace("%1", name),
                event_id=event.id,
                village_id=village_id,
            )

    def _write(self, action: Callable[..., object], done: str, **arguments: Any) -> None:
        """Run a domain write off the UI thread; say how it went, then reload."""
        self._busy = True
        self._set_actions_enabled(False)

        def finished(result: object, error: BaseException | None) -> None:
            self._busy = False
            self._set_actions_enabled(True)
            if isinstance(result, (*REFUSALS, Refusal)):
                self._show_message(str(result), "error")
            elif error is not None:
                self._show_message(
                    self.tr("The change was not saved: %1").replace("%1", type(error).__name__),
                    "error",
                )
            else:
                self._show_message(done, "ok")
            self.action_done.emit()
            self.refresh()

        run_in_background(
            write, finished, owner=self, db=self.db, actor=self.actor, action=action, **arguments
        )

    def _set_actions_enabled(self, enabled: bool) -> None:
        for button in (
            self.level_button,
            self.returns_button,
            self.end_button,
            self.report_button,
            self.snapshot_button,
            self.other_button,
        ):
            button.setEnabled(
                enabled and (button is not self.report_button or self.actor.can(CHECK_IN))
            )
        self._update_button()

    # -- printing and the shelters' arrivals ---------------------------------------------------

    def print_rollup(self) -> None:
        self._save_rollup(
            document("rollup_pdf"),
            self.tr("Print the town roll-up"),
            "pdf",
            self.tr("PDF files (*.pdf)"),
        )

    def export_rollup(self) -> None:
        self._save_rollup(
            document("rollup_xlsx"),
            self.tr("Export the town roll-up"),
            "xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
        )

    def _save_rollup(
        self, action: Callable[..., object], title: str, suffix: str, files: str
    ) -> None:
        event = self.current_event
        if event is None:
            return
        stamp = datetime.now(display_zone()).strftime("%Y%m%d-%H%M")
        path, _ = QFileDialog.getSaveFileName(
            self, title, str(Path.home() / f"{self.tr('Transfer roll-up')} {stamp}.{suffix}"), files
        )
        if path:
            self._write(
                action, self.tr("Saved %1.").replace("%1", path), event_id=event.id, path=path
            )

    def _open_arrivals(self, index: QModelIndex) -> None:
        if self.current_event is None:
            return
        line = self.shelter_model.row_at(index.row())
        dialog = ArrivalsDialog(self.db, self.actor, self.current_event, line.id, line.name, self)
        dialog.open()
