"""The check-in panel of the transfers page: find a household, pick the shelter, press F2.

A household is found by name, pinyin initials, the last four mobile digits or its
scanned card code; F2 records its people still to move as arrived at the chosen
shelter, F3 any other state or part of the household. Searches and check-ins run off
the UI thread; a check-in that collides with another workstation's change is shown,
never overwritten.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.events import EventRow
from models.labels import label
from models.messages import fill
from models.search import pinyin_sort_key
from models.transfers import (
    TRANSFER_STATUSES,
    Rollup,
    SubjectRow,
    TransferConflict,
    TransferRow,
    record_transfer,
)
from models.users import Actor, Permission
from ui.common.operations import Outcome, problem_text, run_operation
from ui.common.styles import ERROR_COLOUR, NOTE_COLOUR, OK_COLOUR
from ui.common.table import RowTableModel, fit_columns, setup_table_view
from ui.common.widgets import find_by_any_part
from ui.common.worker import run_in_background
from ui.transfers.dialogs import StatusDialog
from ui.transfers.loading import search_subjects
from ui.transfers.rows import ARRIVED, SUBJECT_COLUMNS, SubjectLine

SEARCH_DELAY_MS = 250  # typing pauses this long before the search runs


class CheckInPanel(QGroupBox):
    """Search, the results, the chosen household's details, the shelter and the buttons.

    ``host`` is the page: the F2/F3 shortcuts and the status dialog belong to it, and F2
    does nothing while the host is shown without this panel (no event). The page tells
    the panel the event (``set_event``) and its shelters (``fill_shelters``); ``busy``
    is true while any write of the page runs. ``message_label`` says how the last action
    of the page went (``show_message``).
    """

    search_done = Signal()  # after each search's results are shown
    check_in_done = Signal()  # after a check-in was saved or refused (the message is shown)

    def __init__(self, db: Database, actor: Actor, host: QWidget) -> None:
        super().__init__()
        self.setTitle(self.tr("Check-in at a shelter"))
        self.db = db
        self.actor = actor
        self.host = host
        self.current_event: EventRow | None = None
        self.year: int | None = None  # the event's register year (the search's scope)
        self.data: Rollup | None = None
        self.busy = False  # a check-in or another write of the page is under way
        self._search_seq = 0
        self.setStyleSheet("QGroupBox { font-size: 15px; font-weight: bold; }")
        form = QVBoxLayout(self)
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
        find_by_any_part(self.shelter_combo).setCompletionMode(
            QCompleter.CompletionMode.PopupCompletion
        )
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
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addWidget(self.message_label)
        if not self.actor.can(Permission.CHECK_IN):
            self.search_edit.setPlaceholderText(
                self.tr(
                    "Find a household: name, pinyin initials, last 4 mobile digits or card code"
                )
            )
            self.show_message(
                self.tr("Your role can look households up but not check them in."), "info"
            )
        self._selection_changed()  # the hint

    def set_event(self, event: EventRow | None, year: int | None, data: Rollup | None) -> None:
        """The event checked in to, its register year and its figures (None between events)."""
        self.current_event, self.year, self.data = event, year, data

    def fill_shelters(self, data: Rollup) -> None:
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

    # -- search ------------------------------------------------------------------------------

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
            year=self.year,
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
            self.show_message(fill(self.tr("The search failed: %1"), problem_text(error)), "error")
        elif self.search_edit.text().strip() and not lines:
            self.show_message(self.tr("Nobody found."), "info")
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
                detail = fill(self.tr("%1: no transfer record in this event."), line.name)
            else:
                detail = fill(
                    self.tr("%1, %2: %3 residents, %4 moved, %5 left to move (%6)."),
                    line.name,
                    line.place,
                    str(rec.residents),
                    str(rec.moved),
                    str(rec.remaining),
                    label(TRANSFER_STATUSES, rec.status),
                )
            self.detail_label.setText(detail)
        self.update_buttons()

    def update_buttons(self) -> None:
        line = self.selected_line()
        record = line.subject.record if line is not None else None
        can = (
            self.current_event is not None and self.actor.can(Permission.CHECK_IN) and not self.busy
        )
        self.check_in_button.setEnabled(can and record is not None and record.remaining > 0)
        self.other_button.setEnabled(can and record is not None)

    # -- check-in ----------------------------------------------------------------------------

    def check_in(self) -> None:
        """Mark the selected household's people still to move as arrived at the shelter."""
        if self.busy or self.current_event is None or not self.actor.can(Permission.CHECK_IN):
            return
        if not self.isVisible() and self.host.isVisible():
            return
        line = self.selected_line()
        if line is None:
            self.show_message(self.tr("Find and select a household first."), "info")
            return
        record = line.subject.record
        if record is None:
            self.show_message(
                self.tr("This household has no transfer record in this event."), "error"
            )
            return
        if record.remaining <= 0:
            self.show_message(self.tr("Nobody of this household is left to move."), "info")
            return
        shelter_id = self._chosen_shelter()
        if shelter_id is None and self.shelter_combo.currentText().strip():
            self.show_message(self.tr("Choose the shelter from the list."), "error")
            return
        self._apply(line, record, status=ARRIVED, shelter_id=shelter_id)

    def record_other(self) -> None:
        """Any other change of the selected record, or part of it: the status dialog."""
        if self.busy or self.current_event is None or not self.actor.can(Permission.CHECK_IN):
            return
        line = self.selected_line()
        record = line.subject.record if line is not None else None
        if line is None or record is None:
            self.show_message(self.tr("Find and select a household first."), "info")
            return
        shelters = sorted(
            (
                (s.id, f"{s.name}  ({s.occupants:,}/{s.capacity:,})")
                for s in (self.data.shelters if self.data else [])
            ),
            key=lambda s: pinyin_sort_key(s[1]),
        )
        self.status_dialog = StatusDialog(record, shelters, self.host)
        if self.status_dialog.exec() == QDialog.DialogCode.Accepted:
            self._apply(line, record, **self.status_dialog.choice().arguments())

    def _apply(self, line: SubjectLine, record: TransferRow, **change: Any) -> None:
        self.busy = True
        self.update_buttons()
        run_operation(
            self.db,
            self.actor,
            record_transfer,
            owner=self,
            on_done=lambda outcome: self._checked_in(line, str(change["status"]), outcome),
            show=lambda text: self.show_message(text, "error"),
            record_id=record.record_id,
            expected_version=record.version,
            **change,
        )

    def _checked_in(self, line: SubjectLine, status: str, outcome: Outcome[TransferRow]) -> None:
        """Saved: the row and the message say so. Refused (a conflict included: nothing was
        written) or failed: the message is shown already; a conflict shows the record now."""
        self.busy = False
        result = outcome.value
        if result is not None:
            before = line.subject.record
            self._replace_line(line.with_record(result))
            if status == "returned":
                count = result.returned - (before.returned if before is not None else 0)
            else:
                count = getattr(result, status) - (getattr(before, status) if before else 0)
            if status == ARRIVED:
                text = fill(
                    self.tr("%1: %2 people arrived at %3."),
                    line.name,
                    str(count),
                    result.shelter_name or "?",
                )
            else:
                text = fill(
                    self.tr("%1: %2 people recorded as %3."),
                    line.name,
                    str(abs(count)),
                    label(TRANSFER_STATUSES, status),
                )
            self.show_message(text, "ok")
            self.search_edit.selectAll()  # the next scan replaces the text
            self.search_edit.setFocus()
        elif isinstance(outcome.refusal, TransferConflict) and outcome.refusal.current is not None:
            self._replace_line(line.with_record(outcome.refusal.current))
        self.update_buttons()
        self.check_in_done.emit()

    def _replace_line(self, new: SubjectLine) -> None:
        lines = [new if line.id == new.id else line for line in self.subject_model.rows()]
        self.subject_model.set_rows(lines)
        row = self.subject_model.row_for_id(new.id)
        if row is not None:
            self._select(row)

    def show_message(self, text: str, kind: str) -> None:
        colour = {"ok": OK_COLOUR, "error": ERROR_COLOUR}.get(kind, NOTE_COLOUR)
        self.message_label.setStyleSheet(
            f"color: {colour}; font-size: 14px; font-weight: bold; padding: 4px;"
        )
        self.message_label.setText(text)
