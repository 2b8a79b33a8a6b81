"""The reports panel of the command page: the event's reports upward (首报, 续报, 日报,
终报) with their state, number, signer and recipients, the next report due counting down,
and the buttons that draft, edit, sign, send and print them. Every write goes through
``ui.common.operations``; the dialogs are classmethods a test can replace."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from models.base import utcnow
from models.clock import display_time, duration_text
from models.command import (
    REPORT_KINDS,
    DueReport,
    ReportRow,
    draft_report,
    due_reports,
    edit_report,
    list_reports,
    list_units,
    send_report,
    sign_report,
)
from models.database import Database
from models.messages import QT_TRANSLATE_NOOP, fill
from models.users import Actor, Permission
from ui.common.operations import Outcome, run_operation
from ui.common.styles import ERROR_BOLD, NOTE_COLOUR, SECTION_TITLE
from ui.common.table import Column, RowTableModel, fit_columns, setup_table_view
from ui.common.widgets import Banner

CONTEXT = "ReportsPanel"
STATES = {
    "draft": QT_TRANSLATE_NOOP("ReportsPanel", "Draft"),
    "signed": QT_TRANSLATE_NOOP("ReportsPanel", "Signed"),
    "sent": QT_TRANSLATE_NOOP("ReportsPanel", "Sent"),
}


def _time(value: Any) -> str:
    return display_time(value, short=True) if isinstance(value, datetime) else ""


COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("ReportsPanel", "Report"), CONTEXT),
    Column(
        "state",
        QT_TRANSLATE_NOOP("ReportsPanel", "State"),
        CONTEXT,
        formatter=lambda s: QCoreApplication.translate(CONTEXT, STATES[s]),
    ),
    Column("doc_number", QT_TRANSLATE_NOOP("ReportsPanel", "Number"), CONTEXT),
    Column("signer", QT_TRANSLATE_NOOP("ReportsPanel", "Signed by"), CONTEXT),
    Column("sent_at", QT_TRANSLATE_NOOP("ReportsPanel", "Sent"), CONTEXT, formatter=_time),
    Column(
        "recipients",
        QT_TRANSLATE_NOOP("ReportsPanel", "To"),
        CONTEXT,
        formatter=lambda names: "、".join(names),
    ),
)


@dataclass(frozen=True)
class PanelRow:
    """A report as the table shows it (``state`` and ``name`` as plain attributes)."""

    id: int
    name: str
    state: str
    doc_number: str | None
    signer: str | None
    sent_at: datetime | None
    recipients: tuple[str, ...]
    report: ReportRow


def _rows(reports: list[ReportRow]) -> list[PanelRow]:
    return [
        PanelRow(r.id, r.name, r.state, r.doc_number, r.signer, r.sent_at, r.recipients, r)
        for r in reports
    ]


def _load(*, session: Session, event_id: int) -> tuple[list[ReportRow], list[DueReport]]:
    due = [d for d in due_reports(session=session, now=utcnow()) if d.event_id == event_id]
    return list_reports(session=session, event_id=event_id), due


def _unit_names(*, session: Session) -> list[str]:
    return [unit.name for unit in list_units(session=session)]


def countdown_text(due: DueReport, now: datetime) -> str:
    """续报一: 12:34 left in writing (or overdue by 5 min)."""
    seconds = int((due.written_due - now).total_seconds())
    if seconds < 0:
        return fill(
            QCoreApplication.translate("ReportsPanel", "%1 overdue by %2 (in writing by %3)"),
            due.name,
            duration_text(seconds),
            display_time(due.written_due, short=True),
        )
    text = fill(
        QCoreApplication.translate("ReportsPanel", "%1 due in %2 (in writing by %3)"),
        due.name,
        duration_text(seconds),
        display_time(due.written_due, short=True),
    )
    if due.phone_due is not None and due.phone_due > now:
        text += fill(
            QCoreApplication.translate("ReportsPanel", "; by phone by %1"),
            display_time(due.phone_due, short=True),
        )
    return text


class ReportTextDialog(QDialog):
    """The officer's title and text of a draft."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ReportsPanel", "Edit the report"))
        self.title_edit = QLineEdit(title)
        self.text_edit = QPlainTextEdit(text)
        self.text_edit.setMinimumSize(560, 320)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(QCoreApplication.translate("ReportsPanel", "Title")))
        layout.addWidget(self.title_edit)
        layout.addWidget(
            QLabel(QCoreApplication.translate("ReportsPanel", "Text (one paragraph a line)"))
        )
        layout.addWidget(self.text_edit)
        layout.addWidget(buttons)

    @classmethod
    def edit(cls, parent: QWidget, title: str, text: str) -> tuple[tuple[str, str], bool]:
        dialog = cls(title, text, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.title_edit.text(), dialog.text_edit.toPlainText()), accepted


class SendDialog(QDialog):
    """The member units a report goes to."""

    def __init__(self, units: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ReportsPanel", "Send the report to"))
        self.unit_list = QListWidget()
        for name in units:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.unit_list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.unit_list)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        return [
            self.unit_list.item(i).text()
            for i in range(self.unit_list.count())
            if self.unit_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    @classmethod
    def choose(cls, parent: QWidget, units: list[str]) -> tuple[list[str], bool]:
        dialog = cls(units, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.chosen(), accepted


def ask_signer(parent: QWidget) -> tuple[str, bool]:
    """The leader who signed (a name; the leader need not be a console user)."""
    return QInputDialog.getText(
        parent,
        QCoreApplication.translate("ReportsPanel", "Sign the report"),
        QCoreApplication.translate("ReportsPanel", "Leader who signed:"),
    )


class ReportsPanel(QWidget):
    """The event's reports and the next one due; ``changed`` after every write."""

    changed = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.event_id: int | None = None
        self.due: list[DueReport] = []
        self.title_label = QLabel(QCoreApplication.translate("ReportsPanel", "Reports upward"))
        self.title_label.setStyleSheet(SECTION_TITLE)
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        self.banner = Banner(self)
        self.model = RowTableModel(COLUMNS, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        setup_table_view(self.table)
        self.draft_button = QToolButton()
        self.draft_button.setText(QCoreApplication.translate("ReportsPanel", "Draft a report"))
        self.draft_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.draft_button)
        for kind, label in REPORT_KINDS.items():
            action = menu.addAction(QCoreApplication.translate("Label", label))
            action.triggered.connect(lambda _checked=False, k=kind: self.draft(k))
        self.draft_button.setMenu(menu)
        self.edit_button = QPushButton(QCoreApplication.translate("ReportsPanel", "Edit…"))
        self.sign_button = QPushButton(QCoreApplication.translate("ReportsPanel", "Sign…"))
        self.send_button = QPushButton(QCoreApplication.translate("ReportsPanel", "Send…"))
        self.print_button = QPushButton(QCoreApplication.translate("ReportsPanel", "Print…"))
        self.edit_button.clicked.connect(self._edit_clicked)
        self.sign_button.clicked.connect(self._sign_clicked)
        self.send_button.clicked.connect(self._send_clicked)
        self.print_button.clicked.connect(self._print_clicked)
        buttons = QHBoxLayout()
        for button in (
            self.draft_button,
            self.edit_button,
            self.sign_button,
            self.send_button,
            self.print_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.due_label)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._update_buttons()

    # -- loading ---------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        self.event_id = event_id
        self.reload()

    def reload(self) -> None:
        if self.event_id is None:
            self.model.set_rows([])
            self.due = []
            self._tick()
            self._update_buttons()
            return
        run_operation(
            self.db,
            self.actor,
            _load,
            owner=self,
            on_done=self._loaded,
            show=self.banner,
            write=False,
            event_id=self.event_id,
        )

    def _loaded(self, outcome: Outcome[tuple[list[ReportRow], list[DueReport]]]) -> None:
        if not outcome.ok or outcome.value is None:
            return
        reports, due = outcome.value
        selected = self.selected()
        self.model.set_rows(_rows(reports))
        fit_columns(self.table, self.model)
        self.due = due
        self._tick()
        if reports:
            wanted = selected.id if selected is not None else reports[-1].id
            rows = [i for i in range(self.model.rowCount()) if self.model.row_at(i).id == wanted]
            self.table.selectRow(rows[0] if rows else self.model.rowCount() - 1)
        self._update_buttons()

    def _tick(self) -> None:
        if not self.due:
            self.due_label.setText(QCoreApplication.translate("ReportsPanel", "No report is due."))
            self.due_label.setStyleSheet(f"color: {NOTE_COLOUR};")
            return
        now = utcnow()
        first = self.due[0]
        self.due_label.setText(countdown_text(first, now))
        self.due_label.setStyleSheet(ERROR_BOLD if first.written_due < now else "")

    # -- selection and buttons -------------------------------------------------------

    def selected(self) -> PanelRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        may = self.actor.can(Permission.MANAGE_EVENTS)
        row = self.selected()
        state = row.state if row is not None else None
        self.draft_button.setEnabled(may and self.event_id is not None)
        self.edit_button.setEnabled(may and state == "draft")
        self.sign_button.setEnabled(may and state == "draft")
        self.send_button.setEnabled(may and state == "signed")
        self.print_button.setEnabled(self.print_options() is not None)

    # -- writes ----------------------------------------------------------------------

    def _write(self, work: Any, done_text: str, **arguments: Any) -> None:
        def finished(outcome: Outcome[ReportRow]) -> None:
            if outcome.ok and outcome.value is not None:
                self.banner.show_info(fill(done_text, outcome.value.name))
                self.reload()
                self.changed.emit()

        run_operation(
            self.db, self.actor, work, owner=self, on_done=finished, show=self.banner, **arguments
        )

    def draft(self, kind: str) -> None:
        self._write(
            draft_report,
            QCoreApplication.translate("ReportsPanel", "%1 drafted: edit it, then have it signed."),
            event_id=self.event_id,
            kind=kind,
        )

    def save_text(self, report_id: int, title: str, text: str) -> None:
        self._write(
            edit_report,
            QCoreApplication.translate("ReportsPanel", "%1 saved."),
            report_id=report_id,
            text=text,
            title=title,
        )

    def sign(self, report_id: int, signer: str) -> None:
        self._write(
            sign_report,
            QCoreApplication.translate("ReportsPanel", "%1 signed and numbered."),
            report_id=report_id,
            signer=signer,
        )

    def send(self, report_id: int, units: list[str]) -> None:
        self._write(
            send_report,
            QCoreApplication.translate("ReportsPanel", "%1 recorded as sent."),
            report_id=report_id,
            to=units,
        )

    def _edit_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        (title, text), accepted = ReportTextDialog.edit(self, row.report.title, row.report.text)
        if accepted:
            self.save_text(row.id, title, text)

    def _sign_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        signer, accepted = ask_signer(self)
        if accepted:
            self.sign(row.id, signer)

    def _send_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return

        def chosen(outcome: Outcome[list[str]]) -> None:
            if outcome.ok and outcome.value is not None:
                units, accepted = SendDialog.choose(self, outcome.value)
                if accepted:
                    self.send(row.id, units)

        run_operation(
            self.db,
            self.actor,
            _unit_names,
            owner=self,
            on_done=chosen,
            show=self.banner,
            write=False,
        )

    def _all_rows(self) -> list[PanelRow]:
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def print_options(self) -> dict[str, Any] | None:
        """The ``print event-report`` options of the selected report (None: none chosen)."""
        row = self.selected()
        if row is None or self.event_id is None:
            return None
        kind, sequence = row.report.kind, row.report.sequence
        which: int | str | None = (
            0 if kind == "initial" else sequence if kind == "followup" else "final"
        )
        if kind == "daily":
            last = self.model.row_at(self.model.rowCount() - 1) if self.model.rowCount() else None
            if (
                last is None
                or max(r.report.drafted_at for r in self._all_rows()) != row.report.drafted_at
            ):
                return None  # a daily report prints while it is the latest one
            which = None
        return {"event": self.event_id, "report": which}

    def _print_clicked(self) -> None:
        from ui.common.print_preview import open_document
        from ui.printing.registry import Format, document

        options = self.print_options()
        if options is None:
            return

        def said(text: str, ok: bool) -> None:
            if ok:
                self.banner.show_info(text)
            else:
                self.banner.show_error(text)

        open_document(
            self,
            db=self.db,
            actor=self.actor,
            spec=document("event-report", Format.PDF),
            options=options,
            names={},
            on_message=said,
        )
