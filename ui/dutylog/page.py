"""The duty log page (值班日志): the entry form on top, the log of the event in progress
under it (corrections under what they correct, due follow-ups highlighted), search and
filters, the selected entry in full with its correction and closing, export and handover.

A timer checks every 30 s whether a follow-up has fallen due since the last look and
puts a reminder on the page, on every workstation that has it; the change feed reloads
the log when another workstation writes to it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from html import escape
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.clock import display_time
from models.command import (
    CONSOLE_KINDS,
    FOLLOW_UP_CLOSED,
    LOG_KINDS,
    DutyLogRow,
    LogFilter,
    add_entry,
    close_follow_up,
    correct_entry,
    original_kind,
)
from models.database import Database
from models.labels import ROLES, label
from models.messages import fill
from models.users import LOCAL_ROLE, ROLE_NAMES, ROLE_PERMISSIONS, Actor, Permission
from ui.common.event_text import event_summary
from ui.common.operations import Outcome, run_operation
from ui.common.page import Page
from ui.common.print_preview import open_document
from ui.common.styles import BANNER_WARNING, EVENT_BANNER
from ui.common.table import fit_columns, setup_table_view
from ui.common.widgets import CodeCombo
from ui.dutylog.dialogs import CloseFollowUpDialog, HandoverDialog
from ui.dutylog.form import EntryForm, resource_completer, set_resource_names
from ui.dutylog.rows import LogData, LogLine, LogTableModel, load_log
from ui.printing.registry import Format, document

REMINDER_INTERVAL_MS = 30_000
RESOURCES_EVERY = timedelta(minutes=5)  # how old the teams and warehouses offered may get
ADD_COMMAND = "python main.py --user NAME dutylog add --kind KIND --content TEXT"
COMMAND = "font-family: monospace; background: #e8eef4; padding: 2px 6px;"


def _kind_of(*, session: Any, entry_id: int) -> str:
    return original_kind(session, entry_id)


class DutyLogPage(Page):
    watched_tables = frozenset({"duty_log", "duty_handovers", "events"})
    change_delay_ms = 300

    reminder = Signal(str)  # a follow-up fell due: the reminder's text

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, self.tr("Duty log"), parent)
        self.event_id: int | None = None
        self.data: LogData | None = None
        self._reminded: set[int] = set()
        self._resources_at: datetime | None = None
        self.may_write = actor.can(Permission.WRITE_DUTY_LOG)

        self.handover_button = QPushButton(self.tr("Shift handover…"))
        self.handover_button.clicked.connect(self.hand_over)
        self.handover_button.setVisible(self.may_write)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.export)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.header.addStretch(1)
        for button in (self.handover_button, self.export_button, self.refresh_button):
            self.header.addWidget(button)

        self.event_label = QLabel(self.tr("Loading…"))
        self.event_label.setStyleSheet(EVENT_BANNER)
        self.event_label.setWordWrap(True)
        self.layout_.addWidget(self.event_label)
        self.due_label = QLabel()
        self.due_label.setStyleSheet(BANNER_WARNING)
        self.due_label.setWordWrap(True)
        self.due_label.setVisible(False)
        self.layout_.addWidget(self.due_label)

        self.form = EntryForm()
        self.form.save_requested.connect(self.save)
        self.form.setVisible(self.may_write)
        self.layout_.addWidget(self.form)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search the content (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.kind_filter = CodeCombo(LOG_KINDS, empty_text=self.tr("Every kind"))
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("Town or village code"))
        self.resource_filter_edit = QLineEdit()
        self.resource_filter_edit.setPlaceholderText(self.tr("Team or warehouse"))
        self.resource_filter_edit.setClearButtonEnabled(True)
        self.resource_filter_completer = resource_completer(self)
        self.resource_filter_edit.setCompleter(self.resource_filter_completer)
        self.open_check = QCheckBox(self.tr("Open follow-ups only"))
        self.all_events_check = QCheckBox(self.tr("Every event"))
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.place_edit, 1)
        filters.addWidget(self.resource_filter_edit, 1)
        filters.addWidget(self.open_check)
        filters.addWidget(self.all_events_check)
        column.addLayout(filters)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(250)
        self._filter_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self._filter_timer.start)
        self.place_edit.textChanged.connect(self._filter_timer.start)
        self.resource_filter_edit.textChanged.connect(self._filter_timer.start)
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.open_check.toggled.connect(self.refresh)
        self.all_events_check.toggled.connect(self.refresh)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self.search_edit.setFocus)

        split = QSplitter()
        self.model = LogTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        setup_table_view(self.table)
        self.table.setSortingEnabled(False)
        split.addWidget(self.table)
        detail = QWidget()
        detail_column = QVBoxLayout(detail)
        detail_column.setContentsMargins(6, 0, 0, 0)
        self.detail_label = QLabel(self.tr("Select an entry to read it in full."))
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_label.setMinimumWidth(220)
        detail_column.addWidget(self.detail_label, 1)
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.correct_button.clicked.connect(self.correct_selected)
        self.close_button = QPushButton(self.tr("Close the follow-up…"))
        self.close_button.clicked.connect(self.close_selected)
        for button in (self.correct_button, self.close_button):
            button.setEnabled(False)
            button.setVisible(self.may_write)
            detail_column.addWidget(button)
        split.addWidget(detail)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        column.addWidget(split, 1)
        self.add_body(body, self.empty_text())
        self.table.selectionModel().currentRowChanged.connect(self._selected)

        self.timer = QTimer(self)
        self.timer.setInterval(REMINDER_INTERVAL_MS)
        self.timer.timeout.connect(self.check_due)
        self.timer.start()
        self.refresh()

    def empty_text(self) -> str:
        """What an empty log tells this user: where to type the first entry, or, to a role
        that may not write in the log, who does and what this user can do instead."""
        if self.may_write:
            return self.tr("Nothing logged yet. Type the first entry above.")
        writers = self.tr(", ").join(
            label(ROLES, role)
            for role in ROLE_NAMES
            if Permission.WRITE_DUTY_LOG in ROLE_PERMISSIONS[role]
        )
        if self.actor.role == LOCAL_ROLE:
            said = fill(
                self.tr(
                    "Nothing logged yet. This computer's own account reads the duty log but "
                    "does not write in it: entries are logged by users who may (%1), logged "
                    "in to the console, or on the command line:"
                ),
                writers,
            )
            return f"<p>{escape(said)}</p><p><span style='{COMMAND}'>{ADD_COMMAND}</span></p>"
        return fill(
            self.tr(
                "Nothing logged yet. Your role reads the duty log without writing in it: "
                "entries show here as soon as a user who may write it (%1) logs one at any "
                "workstation, and can then be searched and exported to Excel."
            ),
            writers,
        )

    # -- loading -----------------------------------------------------------------------

    def current_filter(self) -> LogFilter:
        kind = self.kind_filter.code()
        return LogFilter(
            text=self.search_edit.text().strip() or None,
            kinds=(kind,) if kind else (),
            division_code=self.place_edit.text().strip() or None,
            open_follow_ups=self.open_check.isChecked(),
            resource_text=self.resource_filter_edit.text().strip() or None,
        )

    def refresh(self) -> None:
        self.load(
            load_log,
            self._show,
            db=self.db,
            actor=self.actor,
            where=self.current_filter(),
            every_event=self.all_events_check.isChecked(),
            with_resources=self._resources_due(),
        )

    def _resources_due(self) -> bool:
        """The teams and warehouses are read with the first load and again every few
        minutes, not with every filter typed."""
        return (
            self._resources_at is None or datetime.now(UTC) - self._resources_at > RESOURCES_EVERY
        )

    def _show(self, data: LogData) -> None:
        self.data = data
        self.event_id = data.event.id if data.event is not None else None
        if data.event is not None:
            self.event_label.setText(
                event_summary(data.event)
                + " · "
                + fill(self.tr("%1 entries shown"), str(len(data.lines)))
            )
        else:
            self.event_label.setText(
                self.tr("No event in progress: entries are logged without an event.")
            )
        if data.resources is not None:
            self._resources_at = data.loaded_at
            self.form.set_resources(data.resources)
            set_resource_names(self.resource_filter_completer, data.resources)
        selected = self._selected_line()
        self.model.set_rows(data.lines)
        fit_columns(self.table, self.model)
        if selected is not None and (row := self.model.row_for_id(selected.id)) is not None:
            self.table.selectRow(row)
        filtered = self.current_filter() != LogFilter()
        self.show_empty(
            not data.lines,
            self.tr("No entry matches these filters.") if filtered else self.empty_text(),
        )
        if data.limited:
            self.banner.show_info(
                fill(
                    self.tr("Showing the latest %1 entries; narrow the filters to see older ones."),
                    str(len(data.lines)),
                )
            )
        self._show_due(data.due, data.due_count, remind=False)
        self.ready.emit()

    def _show_due(self, due: list[DutyLogRow], count: int, *, remind: bool) -> None:
        if not due:
            self.due_label.setVisible(False)
            return
        first = due[0]
        assert first.follow_up_due is not None
        text = fill(
            self.tr("%1 follow-ups due. The earliest, since %2: #%3 %4"),
            str(count),
            display_time(first.follow_up_due, short=True),
            str(first.id),
            first.content[:60],
        )
        self.due_label.setText(text)
        self.due_label.setVisible(True)
        fresh = {row.id for row in due} - self._reminded
        self._reminded |= {row.id for row in due}
        if remind and fresh:
            self.reminder.emit(text)

    def check_due(self) -> None:
        """Every 30 s: the follow-ups whose time came since the last look."""
        if self.data is None:
            return
        now = datetime.now(UTC)
        rows = [line.entry for line in self.data.lines if line.entry.due(now)]
        known = {row.id for row in self.data.due}
        due = list(self.data.due) + [row for row in rows if row.id not in known]
        if len(due) != len(self.data.due):
            count = self.data.due_count + len(due) - len(self.data.due)
            self.data = replace(self.data, due=due, due_count=count)
            self._show_due(due, count, remind=True)
            self.refresh()

    # -- the selected entry --------------------------------------------------------------

    def _selected_line(self) -> LogLine | None:
        return self.model.line_at(self.table.currentIndex())

    def _selected(self) -> None:
        line = self._selected_line()
        if line is None:
            self.detail_label.setText(self.tr("Select an entry to read it in full."))
            self.correct_button.setEnabled(False)
            self.close_button.setEnabled(False)
            return
        entry = line.entry
        parts = [f"<b>#{entry.id} {line.kind}</b> · {display_time(entry.at)}"]
        if line.caller:
            parts.append(fill(self.tr("Caller: %1"), line.caller))
        parts.append(entry.content)
        if entry.instruction:
            parts.append(fill(self.tr("Instruction and handling: %1"), entry.instruction))
        if line.place or line.resource:
            parts.append(" · ".join(p for p in (line.place, line.resource) if p))
        if entry.backdate_reason:
            parts.append(fill(self.tr("Logged late: %1"), entry.backdate_reason))
        if entry.reason:
            parts.append(fill(self.tr("Why corrected: %1"), entry.reason))
        if line.state:
            parts.append(line.state)
        parts.append(fill(self.tr("Recorded by %1"), entry.recorded_by))
        self.detail_label.setText("<br>".join(escape(p) if i else p for i, p in enumerate(parts)))
        correctable = entry.corrected_by is None and entry.kind not in CONSOLE_KINDS
        self.correct_button.setEnabled(correctable and entry.kind != FOLLOW_UP_CLOSED)
        self.close_button.setEnabled(entry.follow_up_open)

    # -- writing -------------------------------------------------------------------------

    def save(self) -> None:
        if not self.may_write:
            return
        fields = self.form.fields(self.event_id)
        self.form.save_button.setEnabled(False)
        if self.form.correcting is not None:
            run_operation(
                self.db,
                self.actor,
                correct_entry,
                owner=self,
                on_done=self._saved,
                show=self.banner,
                entry_id=self.form.correcting.id,
                fields=fields,
                reason=self.form.reason_edit.text(),
            )
        else:
            run_operation(
                self.db,
                self.actor,
                add_entry,
                owner=self,
                on_done=self._saved,
                show=self.banner,
                fields=fields,
            )

    def _saved(self, outcome: Outcome[int]) -> None:
        self.form.save_button.setEnabled(True)
        if not outcome.ok:
            return
        self.banner.show_info(fill(self.tr("Entry %1 saved."), str(outcome.value)))
        self.form.clear()
        self.form.content_edit.setFocus()
        self.refresh()

    def correct_selected(self) -> None:
        line = self._selected_line()
        if line is None:
            return
        entry = line.entry
        run_operation(
            self.db,
            self.actor,
            _kind_of,
            owner=self,
            write=False,
            show=self.banner,
            on_done=lambda outcome: self._correct(entry, outcome),
            entry_id=entry.id,
        )

    def _correct(self, entry: DutyLogRow, outcome: Outcome[str]) -> None:
        if outcome.ok and outcome.value is not None:
            self.form.start_correction(entry, outcome.value)

    def close_selected(self) -> None:
        line = self._selected_line()
        if line is None:
            return
        text, accepted = CloseFollowUpDialog.ask(f"#{line.id} {line.content}", self)
        if not accepted:
            return
        run_operation(
            self.db,
            self.actor,
            close_follow_up,
            owner=self,
            show=self.banner,
            on_done=self._saved_close,
            entry_id=line.id,
            content=text,
        )

    def _saved_close(self, outcome: Outcome[int]) -> None:
        if outcome.ok:
            self.banner.show_info(
                fill(self.tr("Follow-up closed by entry %1."), str(outcome.value))
            )
            self.refresh()

    def hand_over(self) -> None:
        dialog = HandoverDialog(self.db, self.actor, self)
        if not dialog.exec() or dialog.handover is None:
            return
        self.banner.show_info(
            fill(
                self.tr("Shift handed over by %1 to %2."),
                dialog.handover.from_user,
                dialog.handover.to_user,
            )
        )
        self.refresh()
        open_document(
            self,
            db=self.db,
            actor=self.actor,
            spec=document("handover", Format.PDF),
            options={"handover": dialog.handover.id},
            names={"stamp": display_time(dialog.handover.at).replace(":", "")},
            on_message=self._document_message,
        )

    def export(self) -> None:
        open_document(
            self,
            db=self.db,
            actor=self.actor,
            spec=document("dutylog", Format.EXCEL),
            options={"event": None if self.all_events_check.isChecked() else self.event_id},
            names={"stamp": display_time(datetime.now(UTC)).replace(":", "")},
            on_message=self._document_message,
        )

    def _document_message(self, text: str, ok: bool) -> None:
        if ok:
            self.banner.show_info(text)
        else:
            self.banner.show_error(text)
