"""The duty log's entry form, made for the keyboard: Alt+1 … Alt+7 choose the kind, Tab
walks the five facts of a call, Ctrl+Enter saves. The time is now unless "logged late"
is ticked, which asks for the time and the reason. The team or warehouse concerned is
chosen from the register as it is typed (any part of its name). A correction fills the
form with the entry corrected and saves a new entry pointing to it."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QStringListModel, Qt, QTimeZone, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateTimeEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from models.clock import display_zone
from models.command import ENTRY_KINDS, DutyLogRow, EntryFields, ResourceChoice
from models.labels import label
from ui.common.styles import NOTE_COLOUR
from ui.common.widgets import CodeCombo


def resource_completer(parent: QWidget) -> QCompleter:
    """A completer over team and warehouse names, found by any part, the list below the
    field (arrow keys and Enter choose)."""
    completer = QCompleter(QStringListModel(parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setMaxVisibleItems(12)
    return completer


def set_resource_names(completer: QCompleter, choices: list[ResourceChoice]) -> None:
    model = completer.model()
    assert isinstance(model, QStringListModel)
    names = [choice.name for choice in choices]
    if model.stringList() != names:
        model.setStringList(names)


def _qt_time(at: datetime) -> QDateTime:
    zone = QTimeZone(display_zone().key.encode())
    return QDateTime.fromSecsSinceEpoch(int(at.timestamp()), zone)


def _aware(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


class EntryForm(QGroupBox):
    """``save_requested`` when the officer saves; the page runs the write and calls
    ``saved`` or leaves the form as it is on a refusal."""

    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New entry"), parent)
        self.correcting: DutyLogRow | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.kind_combo = CodeCombo(ENTRY_KINDS)
        self.kind_combo.setToolTip(self.tr("Alt+1 … Alt+7 choose the kind"))
        self.late_check = QCheckBox(self.tr("Logged late, at"))
        self.time_edit = QDateTimeEdit()
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.time_edit.setCalendarPopup(True)
        self.late_reason_edit = QLineEdit()
        self.late_reason_edit.setPlaceholderText(self.tr("Why it is logged late"))
        self.unit_edit = QLineEdit()
        self.unit_edit.setPlaceholderText(self.tr("Caller's unit"))
        self.caller_edit = QLineEdit()
        self.caller_edit.setPlaceholderText(self.tr("Caller's name"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("Phone"))
        self.content_edit = QPlainTextEdit()
        self.content_edit.setPlaceholderText(self.tr("What was said or done (Ctrl+Enter saves)"))
        self.content_edit.setTabChangesFocus(True)
        self.content_edit.setFixedHeight(self.fontMetrics().height() * 3 + 14)
        self.instruction_edit = QLineEdit()
        self.instruction_edit.setPlaceholderText(self.tr("Leader's instruction and handling"))
        self.division_edit = QLineEdit()
        self.division_edit.setPlaceholderText(self.tr("Town or village code"))
        self.resource_edit = QLineEdit()
        self.resource_edit.setPlaceholderText(self.tr("Team or warehouse (type to choose)"))
        self.resource_completer = resource_completer(self)
        self.resource_edit.setCompleter(self.resource_completer)
        self.follow_check = QCheckBox(self.tr("Follow up by"))
        self.due_edit = QDateTimeEdit()
        self.due_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due_edit.setCalendarPopup(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Why it is corrected"))
        self.mode_label = QLabel()
        self.mode_label.setStyleSheet(f"color: {NOTE_COLOUR};")
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_requested)
        self.cancel_button = QPushButton(self.tr("Cancel the correction"))
        self.cancel_button.clicked.connect(self.clear)

        top = QHBoxLayout()
        top.addWidget(self.kind_combo)
        top.addWidget(self.unit_edit, 2)
        top.addWidget(self.caller_edit, 1)
        top.addWidget(self.phone_edit, 1)
        top.addWidget(self.late_check)
        top.addWidget(self.time_edit)
        top.addWidget(self.late_reason_edit, 1)
        grid.addLayout(top, 0, 0, 1, 4)
        grid.addWidget(self.content_edit, 1, 0, 2, 2)
        grid.addWidget(self.instruction_edit, 1, 2, 1, 2)
        place = QHBoxLayout()
        place.addWidget(self.division_edit, 1)
        place.addWidget(self.resource_edit, 1)
        grid.addLayout(place, 2, 2, 1, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.follow_check)
        bottom.addWidget(self.due_edit)
        bottom.addWidget(self.reason_edit, 1)
        bottom.addWidget(self.mode_label, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.save_button)
        grid.addLayout(bottom, 3, 0, 1, 4)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 2)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save_requested)
        for number, code in enumerate(ENTRY_KINDS, start=1):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda code=code: self._choose(code))
        self.late_check.toggled.connect(self._sync)
        self.follow_check.toggled.connect(self._sync)
        self.clear()

    def set_resources(self, choices: list[ResourceChoice]) -> None:
        """The teams and warehouses the field offers."""
        set_resource_names(self.resource_completer, choices)

    def _choose(self, code: str) -> None:
        self.kind_combo.set_code(code)
        self.content_edit.setFocus()

    def _sync(self) -> None:
        late = self.late_check.isChecked()
        self.time_edit.setEnabled(late)
        self.late_reason_edit.setEnabled(late)
        self.due_edit.setEnabled(self.follow_check.isChecked())
        correcting = self.correcting is not None
        self.reason_edit.setVisible(correcting)
        self.cancel_button.setVisible(correcting)

    def clear(self) -> None:
        """Ready for the next entry: the kind kept, everything else empty, time now."""
        self.correcting = None
        self.setTitle(self.tr("New entry"))
        self.mode_label.setText(self.tr("Alt+1 … Alt+7: kind · Tab: next field"))
        for edit in (
            self.unit_edit,
            self.caller_edit,
            self.phone_edit,
            self.instruction_edit,
            self.division_edit,
            self.resource_edit,
            self.late_reason_edit,
            self.reason_edit,
        ):
            edit.clear()
        self.content_edit.clear()
        self.late_check.setChecked(False)
        self.follow_check.setChecked(False)
        now = datetime.now(UTC)
        self.time_edit.setDateTime(_qt_time(now))
        self.due_edit.setDateTime(_qt_time(now).addSecs(3600))
        self._sync()

    def start_correction(self, entry: DutyLogRow, kind: str) -> None:
        """Fill the form with ``entry`` (of the original ``kind``) to correct it."""
        self.correcting = entry
        self.setTitle(self.tr("Correction of entry %1").replace("%1", str(entry.id)))
        self.mode_label.setText(
            self.tr("Saving adds a correction; entry %1 stays as it was.").replace(
                "%1", str(entry.id)
            )
        )
        self.kind_combo.set_code(kind)
        self.unit_edit.setText(entry.caller_unit or "")
        self.caller_edit.setText(entry.caller_name or "")
        self.phone_edit.setText(entry.caller_phone or "")
        self.content_edit.setPlainText(entry.content)
        self.instruction_edit.setText(entry.instruction or "")
        self.division_edit.setText(entry.division_code or "")
        self.resource_edit.setText(entry.resource or "")
        self.late_check.setChecked(False)
        self.time_edit.setDateTime(_qt_time(entry.at))
        self.follow_check.setChecked(entry.follow_up_due is not None)
        if entry.follow_up_due is not None:
            self.due_edit.setDateTime(_qt_time(entry.follow_up_due))
        self._sync()
        self.content_edit.setFocus()

    def fields(self, event_id: int | None) -> EntryFields:
        """What the form holds, as the log takes it."""
        at = _aware(self.time_edit.dateTime())
        late = self.late_check.isChecked()
        if self.correcting is not None and not late:
            at = self.correcting.at
        return EntryFields(
            kind=self.kind_combo.code() or "",
            content=self.content_edit.toPlainText(),
            at=at if late or self.correcting is not None else None,
            backdate_reason=self.late_reason_edit.text() if late else None,
            event_id=self.correcting.event_id if self.correcting is not None else event_id,
            caller_unit=self.unit_edit.text(),
            caller_name=self.caller_edit.text(),
            caller_phone=self.phone_edit.text(),
            instruction=self.instruction_edit.text(),
            division_code=self.division_edit.text(),
            resource=self.resource_edit.text(),
            follow_up_due=_aware(self.due_edit.dateTime())
            if self.follow_check.isChecked()
            else None,
        )

    def kind_text(self) -> str:
        return label(ENTRY_KINDS, self.kind_combo.code())
