"""The plans page's event tab: the plan activated for the event in progress with its
checklist (stage, group, action, responsible unit, due time, done), activating a plan at a
stage and marking the selected action done with a note."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.clock import display_time
from models.labels import RESPONSE_LEVELS
from models.messages import QT_TRANSLATE_NOOP, fill
from models.plans import ActivationRow, ChecklistRow
from models.plans.codes import ACTION_GROUPS, STAGE_ORDER
from ui.common.table import Column, RowTableModel, setup_table_view


def _level(code: str) -> str:
    return QCoreApplication.translate("Label", RESPONSE_LEVELS.get(code, code))


def _group(code: str) -> str:
    return QCoreApplication.translate("Plans", ACTION_GROUPS.get(code, code))


def _time(value: datetime) -> str:
    return display_time(value)


CHECKLIST_COLUMNS = (
    Column("level", QT_TRANSLATE_NOOP("Printing", "Stage"), "Printing", formatter=_level),
    Column("group", QT_TRANSLATE_NOOP("Printing", "Group"), "Printing", formatter=_group),
    Column("text", QT_TRANSLATE_NOOP("Printing", "Action"), "Printing", max_width=420),
    Column("unit", QT_TRANSLATE_NOOP("Printing", "Responsible unit"), "Printing"),
    Column("due_at", QT_TRANSLATE_NOOP("Printing", "Due"), "Printing", formatter=_time),
    Column("done_at", QT_TRANSLATE_NOOP("Printing", "Done"), "Printing", formatter=_time),
    Column("done_by", QT_TRANSLATE_NOOP("Printing", "By"), "Printing"),
    Column("note", QT_TRANSLATE_NOOP("Printing", "Note"), "Printing", max_width=300),
)


class ChecklistTab(QWidget):
    """Asks the page to activate (``activate_requested(code, stage)``) or tick
    (``tick_requested(item_id, note)``); the page does the writes and reloads."""

    activate_requested = Signal(str, str)
    tick_requested = Signal(int, str)

    def __init__(self, may_run: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("Plan code, such as ZX-01"))
        self.stage_combo = QComboBox()
        for code in STAGE_ORDER:
            self.stage_combo.addItem(_level(code), code)
        self.activate_button = QPushButton(self.tr("Activate for the event"))
        self.activate_button.clicked.connect(self._activate)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Note (optional)"))
        self.tick_button = QPushButton(self.tr("Mark the selected action done"))
        self.tick_button.clicked.connect(self._tick)
        for widget in (self.activate_button, self.tick_button, self.code_edit, self.note_edit):
            widget.setEnabled(may_run)
        self.model = RowTableModel(CHECKLIST_COLUMNS, parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        setup_table_view(self.view)
        top = QHBoxLayout()
        top.addWidget(self.code_edit)
        top.addWidget(self.stage_combo)
        top.addWidget(self.activate_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note_edit, 1)
        bottom.addWidget(self.tick_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

    def show_checklist(
        self, event_name: str | None, activation: ActivationRow | None, items: list[ChecklistRow]
    ) -> None:
        self.model.set_rows(items)
        if event_name is None:
            self.state_label.setText(self.tr("No event in progress: a plan is activated for one."))
        elif activation is None:
            self.state_label.setText(fill(self.tr("%1: no plan activated yet."), event_name))
        else:
            done = sum(1 for item in items if item.done_at is not None)
            self.state_label.setText(
                fill(
                    self.tr("%1: %2 activated %3 at %4; %5 of %6 actions done."),
                    event_name,
                    activation.plan_title,
                    display_time(activation.activated_at),
                    _level(activation.stage),
                    str(done),
                    str(len(items)),
                )
            )

    def _activate(self) -> None:
        self.activate_requested.emit(
            self.code_edit.text().strip(), str(self.stage_combo.currentData())
        )

    def _tick(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.state_label.setText(self.tr("Select an action of the checklist first."))
            return
        item = self.model.row_at(rows[0].row())
        self.tick_requested.emit(item.id, self.note_edit.text().strip())
