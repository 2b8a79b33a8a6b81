"""The duty log page's dialogs: closing a follow-up, and the shift handover confirmed by
both officers with their own passwords."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models.command import HandoverDraft, HandoverRow, draft_handover, hand_over
from models.database import Database
from models.messages import fill
from models.users import Actor
from ui.common.operations import run_operation_now
from ui.common.styles import ERROR_STYLE


class CloseFollowUpDialog(QDialog):
    """How the follow-up was settled; ``ask`` returns (text, accepted)."""

    def __init__(self, entry_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close a follow-up"))
        layout = QVBoxLayout(self)
        shown = QLabel(entry_text)
        shown.setWordWrap(True)
        layout.addWidget(shown)
        self.result_edit = QLineEdit()
        self.result_edit.setPlaceholderText(self.tr("How it was settled"))
        layout.addWidget(self.result_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, entry_text: str, parent: QWidget | None = None) -> tuple[str, bool]:
        dialog = cls(entry_text, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.result_edit.text(), accepted


class HandoverDialog(QDialog):
    """The shift's summary and open follow-ups, the open items, and both officers' names
    and passwords. Save hands over (a refusal keeps the dialog open with its message)."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.handover: HandoverRow | None = None
        self.setWindowTitle(self.tr("Shift handover"))
        self.resize(560, 440)
        layout = QVBoxLayout(self)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        form = QFormLayout()
        self.open_items_edit = QPlainTextEdit()
        self.open_items_edit.setPlaceholderText(
            self.tr("What the next shift must pursue (遗留问题)")
        )
        self.open_items_edit.setTabChangesFocus(True)
        form.addRow(self.tr("Open items"), self.open_items_edit)
        self.from_edit = QLineEdit(actor.name)
        self.from_password = QLineEdit()
        self.from_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.to_edit = QLineEdit()
        self.to_password = QLineEdit()
        self.to_password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Officer handing over"), self.from_edit)
        form.addRow(self.tr("Password"), self.from_password)
        form.addRow(self.tr("Officer taking over"), self.to_edit)
        form.addRow(self.tr("Password"), self.to_password)
        layout.addLayout(form)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.message_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Hand over"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        outcome = run_operation_now(db, actor, draft_handover, show=self.message_label, write=False)
        if outcome.ok and outcome.value is not None:
            self._show_draft(outcome.value)

    def _show_draft(self, draft: HandoverDraft) -> None:
        self.summary_label.setText(
            fill(
                self.tr("This shift: %1 entries (%2). Follow-ups still open: %3."),
                str(len(draft.entries)),
                draft.summary,
                str(len(draft.open_follow_ups)),
            )
        )

    def _save(self) -> None:
        outcome = run_operation_now(
            self.db,
            self.actor,
            hand_over,
            show=self.message_label,
            from_user=self.from_edit.text(),
            from_password=self.from_password.text(),
            to_user=self.to_edit.text(),
            to_password=self.to_password.text(),
            open_items=self.open_items_edit.toPlainText(),
        )
        self.from_password.clear()
        self.to_password.clear()
        if outcome.ok:
            self.handover = outcome.value
            self.accept()
