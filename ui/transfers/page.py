"""The personnel transfer page (人员避险转移) during an event.

An event bar names the active event and its response level (or offers to start
one); the county figures follow as big numbers, then the town roll-up and the
shelter occupancy tables, and beside them the check-in panel: find a household
by name, pinyin initials, the last four mobile digits or its scanned card code,
pick the shelter and press F2. Every load and every check-in runs off the UI
thread; a check-in that collides with another workstation's change is shown,
never overwritten.

This module assembles the page on ``ui.common.page.Page`` and does its writes through
``ui.common.operations``; the parts are the shared ``ui.common.event_bar``, ``figures``
(cards and tabs), ``check_in``, ``lists`` (between events the page's content), with their
rows in ``rows`` and their loads in ``loading``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.clock import display_time, display_zone
from models.database import Database
from models.events import EventRow, start_event
from models.messages import fill
from models.search import pinyin_sort_key
from models.transfers import Rollup, add_town_report, mark_returns, take_snapshot
from models.users import Actor
from ui.command.dialogs import EndEventForm, LevelForm
from ui.common.change_feed import touches
from ui.common.event_bar import EventBar
from ui.common.operations import Outcome, run_operation
from ui.common.page import Page
from ui.common.styles import CARD_STYLE
from ui.printing.registry import Format, document
from ui.transfers.arrivals import ArrivalsDialog
from ui.transfers.check_in import CheckInPanel
from ui.transfers.dialogs import ReturnsDialog, TownReportDialog
from ui.transfers.figures import FigureCards, FigureTabs
from ui.transfers.lists import TransferListsPanel
from ui.transfers.loading import Loaded, load_transfers
from ui.transfers.rows import SubjectLine, count_text

log = logging.getLogger(__name__)

REFRESH_MS = 60_000  # besides the change feed, the figures reload this often when shown
LIST_TABLES = frozenset({"households", "transfer_objects", "shelters", "danger_zones"})
CHANGE_DELAY_MS = 300  # changes arriving within this time are loaded together
WATCHED = (
    frozenset(
        {"events", "transfer_records", "transfer_changes", "town_reports", "rollup_snapshots"}
    )
    | LIST_TABLES
)


def _part(part: str, name: str) -> Any:
    """A widget of one of the page's parts, reached from the page as before it had parts."""
    return property(lambda page: getattr(getattr(page, part), name))


class TransfersPage(Page):
    # ready: after each load of the event and its figures
    search_done = Signal()  # after each search's results are shown
    check_in_done = Signal()  # after a check-in was saved or refused (the message is shown)
    action_done = Signal()  # after any other write of the page was saved or refused

    event_label = _part("event_bar", "event_label")
    start_button = _part("event_bar", "start_button")
    level_button = _part("event_bar", "level_button")
    returns_button = _part("event_bar", "returns_button")
    end_button = _part("event_bar", "end_button")
    cards = _part("figure_cards", "cards")
    reported_label = _part("figure_cards", "reported_label")
    tabs = _part("figure_tabs", "tabs")
    town_model = _part("figure_tabs", "town_model")
    village_model = _part("figure_tabs", "village_model")
    village_view = _part("figure_tabs", "village_view")
    kind_model = _part("figure_tabs", "kind_model")
    chart = _part("figure_tabs", "chart")
    change_model = _part("figure_tabs", "change_model")
    since_label = _part("figure_tabs", "since_label")
    snapshot_button = _part("figure_tabs", "snapshot_button")
    report_model = _part("figure_tabs", "report_model")
    report_button = _part("figure_tabs", "report_button")
    shelter_model = _part("figure_tabs", "shelter_model")
    search_edit = _part("check_in_panel", "search_edit")
    subject_model = _part("check_in_panel", "subject_model")
    check_in_button = _part("check_in_panel", "check_in_button")
    other_button = _part("check_in_panel", "other_button")
    message_label = _part("check_in_panel", "message_label")

    watched_tables = WATCHED
    change_delay_ms = CHANGE_DELAY_MS

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, parent=parent)
        self.current_event: EventRow | None = None
        self.data: Rollup | None = None
        self.setStyleSheet(CARD_STYLE)
        self.title_label.setText(self.tr("Personnel transfer"))

        layout = self.layout_
        top = self.header
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

        self.event_bar = EventBar(
            actor,
            self.tr(
                "No event is in progress. Transfer figures and check-in start with an event: "
                "every household on the register then gets its transfer record."
            ),
        )
        self.event_bar.start_clicked.connect(self._ask_start_event)
        self.event_bar.level_clicked.connect(self.ask_response_level)
        self.event_bar.returns_clicked.connect(self.ask_returns)
        self.event_bar.end_clicked.connect(self.ask_end_event)
        layout.addWidget(self.event_bar)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        self.figure_cards = FigureCards()
        body.addWidget(self.figure_cards)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.figure_tabs = FigureTabs(actor, db)
        self.figure_tabs.snapshot_button.clicked.connect(self.keep_snapshot)
        self.figure_tabs.report_button.clicked.connect(self.ask_town_report)
        self.figure_tabs.shelter_view.doubleClicked.connect(self._open_arrivals)
        splitter.addWidget(self.figure_tabs)
        self.check_in_panel = CheckInPanel(db, actor, self)
        self.check_in_panel.search_done.connect(self.search_done)
        self.check_in_panel.check_in_done.connect(self.check_in_done)
        self.check_in_panel.check_in_done.connect(self.refresh)
        splitter.addWidget(self.check_in_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([1000, 520])
        body.addWidget(splitter, 1)
        layout.addWidget(self.body, 1)
        self.body.setVisible(False)
        self.other_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F3), self)
        self.other_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.other_shortcut.activated.connect(self.check_in_panel.record_other)
        self.shortcut = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(self.check_in_panel.check_in)
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
        self.refresh()

    def selected_line(self) -> SubjectLine | None:
        return self.check_in_panel.selected_line()

    # -- loading the event and its figures ---------------------------------------------------

    def refresh(self) -> None:
        self.load(
            load_transfers,
            self._loaded,
            on_failed=self._load_failed,
            db=self.db,
            actor=self.actor,
        )

    def _tick(self) -> None:
        self._keep_hourly_snapshot()
        if self.isVisible():
            self.refresh()

    def tables_changed(self, tables: frozenset[str]) -> None:
        if touches(tables, LIST_TABLES):
            self._lists_stale = True

    def _load_failed(self, error: BaseException | None) -> None:
        self.body.setVisible(False)
        self.event_bar.setVisible(False)
        self.load_failed(error)

    def _loaded(self, result: Loaded) -> None:
        self.banner.clear_message()
        self.event_bar.setVisible(True)
        self.current_event, self.data = result.event, result.rollup
        self.check_in_panel.set_event(result.event, result.year, result.rollup)
        self._show_event()
        if self.data is not None:
            self.figure_tabs.show_attention(result)
            self._show_figures(self.data)
            self.figure_tabs.show_changes(result)
        self.check_in_panel.update_buttons()
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
        self.event_bar.show_event(event, busy=self.check_in_panel.busy)
        if event is None:
            self.print_button.setEnabled(False)
            self.export_button.setEnabled(False)
            self._place_lists(in_tabs=False)
            self.body.setVisible(False)
            self.time_label.clear()
            return
        self.print_button.setEnabled(True)
        self.export_button.setEnabled(True)
        self._place_lists(in_tabs=True)
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
        self.figure_cards.show_figures(data)
        self.time_label.setText(fill(self.tr("Figures as of %1"), display_time(data.at)))
        self.figure_tabs.show_figures(data)
        self.check_in_panel.fill_shelters(data)

    # -- starting an event -----------------------------------------------------------------

    def _ask_start_event(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Start an event"), self.tr("Name of the event (such as Typhoon Meihua):")
        )
        if ok and name.strip():
            self.start_event(name)

    def start_event(self, name: str) -> None:
        """Start an event named ``name``; its records are opened, then the page reloads."""
        self.check_in_panel.busy = True
        self.start_button.setEnabled(False)
        self.event_bar.show_text(self.tr("Starting the event and opening the transfer records…"))
        run_operation(
            self.db,
            self.actor,
            start_event,
            owner=self,
            on_done=self._event_started,
            show=lambda text: self.check_in_panel.show_message(text, "error"),
            name=name,
        )

    def _event_started(self, outcome: Outcome[EventRow]) -> None:
        self.check_in_panel.busy = False
        if not outcome.ok:
            self.event_bar.show_text(
                fill(self.tr("The event was not started: %1"), outcome.problem or "")
            )
            self.start_button.setEnabled(True)
            return
        self.refresh()

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
        if self.current_event is not None:  # a refusal or a failure: the next tick tries again
            run_operation(
                self.db, self.actor, take_snapshot, owner=self, event_id=self.current_event.id
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
        """The command page's level form: signer, reason and document number, kept as
        history like every level change."""
        event = self.current_event
        if event is not None:
            self._saved_in_form(
                LevelForm.edit(self, self.db, self.actor, event)[1],
                self.tr("The response level was changed."),
            )

    def ask_end_event(self) -> None:
        event = self.current_event
        if event is None or self.data is None:
            return
        still = fill(
            self.tr("%1 people are still counted as at home."),
            count_text(self.data.county.still_at_home),
        )
        self._saved_in_form(
            EndEventForm.edit(self, self.db, self.actor, event, note=still)[1],
            self.tr("The event was ended."),
        )

    def _saved_in_form(self, saved: bool, done: str) -> None:
        if saved:
            self.check_in_panel.show_message(done, "ok")
            self.refresh()
        self.action_done.emit()

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
            self.check_in_panel.show_message(
                self.tr("Nobody moved is still away from home."), "info"
            )
            return
        dialog = ReturnsDialog(villages, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        village_id = dialog.village_id()
        name, people = next((v[1], v[2]) for v in villages if v[0] == village_id)
        answer = QMessageBox.question(
            self,
            self.tr("Mark returns by village"),
            fill(self.tr("Record %1 people of %2 as returned home?"), count_text(people), name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._write(
                mark_returns,
                fill(self.tr("Returns were recorded for %1."), name),
                event_id=event.id,
                village_id=village_id,
            )

    def _write(self, action: Callable[..., object], done: str, **arguments: Any) -> None:
        """Run a domain write off the UI thread; say how it went, then reload."""
        self.check_in_panel.busy = True
        self._set_actions_enabled(False)

        def finished(outcome: Outcome[object]) -> None:
            self.check_in_panel.busy = False
            self._set_actions_enabled(True)
            if outcome.ok:
                self.check_in_panel.show_message(done, "ok")
            self.action_done.emit()
            self.refresh()

        run_operation(
            self.db,
            self.actor,
            action,
            owner=self,
            on_done=finished,
            show=lambda text: self.check_in_panel.show_message(text, "error"),
            **arguments,
        )

    def _set_actions_enabled(self, enabled: bool) -> None:
        self.event_bar.set_actions_enabled(enabled)
        self.figure_tabs.set_actions_enabled(enabled)
        self.other_button.setEnabled(enabled)
        self.check_in_panel.update_buttons()

    # -- printing and the shelters' arrivals ---------------------------------------------------

    def print_rollup(self) -> None:
        self._rollup(Format.PDF)

    def export_rollup(self) -> None:
        self._rollup(Format.EXCEL)

    def _rollup(self, format: Format) -> None:
        """The town roll-up: a PDF into the print preview, a workbook saved as chosen."""
        from ui.common.print_preview import open_document

        event = self.current_event
        if event is None:
            return

        def said(text: str, ok: bool) -> None:
            self.check_in_panel.show_message(text, "ok" if ok else "error")
            self.action_done.emit()

        open_document(
            self,
            db=self.db,
            actor=self.actor,
            spec=document("transfer-rollup", format),
            options={"event": event.id},
            names={"stamp": datetime.now(display_zone()).strftime("%Y%m%d-%H%M")},
            on_message=said,
        )

    def _open_arrivals(self, index: QModelIndex) -> None:
        if self.current_event is None:
            return
        line = self.shelter_model.row_at(index.row())
        dialog = ArrivalsDialog(self.db, self.actor, self.current_event, line.id, line.name, self)
        dialog.open()
