"""The record form base: a dialog that loads one record (or starts a new one), shows a
field per row with its own error line, and saves in one writing unit of work.

A refusal keeps the dialog open: a ``ValidationError``'s messages go under the fields
they are about (``messages_for``), anything else above the form; nothing is written.
Subclasses say what the record is (``_build``, ``_load``, ``_fill``, ``_collect``,
``_save``); tests fill ``fields`` and click ``save_button``, or use ``edit``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from models.database import Database
from models.refusals import ValidationError
from models.users import Actor
from ui.common.operations import Outcome, run_operation_now
from ui.common.styles import ERROR_BOLD, ERROR_STYLE


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class RecordForm(QDialog):
    """Fields with error labels; load, save, refusals shown in place."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        record_id: int | None = None,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.record_id = record_id
        self.saved_id: int | None = None
        self.fields: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.setMinimumWidth(560)

        layout = QVBoxLayout(self)
        self.general_error = QLabel()
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(ERROR_BOLD)
        self.general_error.hide()
        layout.addWidget(self.general_error)
        self.form_layout = QFormLayout()
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        layout.addLayout(self.form_layout)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        with db.session(actor) as session:
            self._prepare(session)
            self._build(session)
            record = self._load(session, record_id) if record_id is not None else None
            if record_id is not None and record is None:
                self._show_general(
                    self.tr("This record no longer exists; another user may have deleted it.")
                )
                self.save_button.setEnabled(False)
            elif record is not None:
                self._fill(session, record)
            else:
                self._new(session)
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.setFocus()

    # -- for subclasses -------------------------------------------------------------------

    def _prepare(self, session: Session) -> None:
        """Read what the fields offer (choices) before they are built."""

    def _build(self, session: Session) -> None:
        raise NotImplementedError

    def _load(self, session: Session, record_id: int) -> Any:
        raise NotImplementedError

    def _fill(self, session: Session, record: Any) -> None:
        raise NotImplementedError

    def _new(self, session: Session) -> None:
        """A new record: what the form starts with."""

    def _collect(self) -> Any:
        raise NotImplementedError

    def _save(self, session: Session, data: Any) -> int:
        raise NotImplementedError

    # -- fields ---------------------------------------------------------------------------

    def add_field(self, name: str, caption: str, widget: QWidget) -> QWidget:
        """A row of the form: caption, widget and a hidden error label under the widget."""
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        box.addWidget(error)
        self.form_layout.addRow(caption, holder)
        self.fields[name] = widget
        self.error_labels[name] = error
        return widget

    def line(self, name: str, caption: str, max_length: int, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(max_length + 20)  # let the domain name the limit rather than truncate
        if placeholder:
            edit.setPlaceholderText(placeholder)
        self.add_field(name, caption, edit)
        return edit

    def text_of(self, name: str) -> str:
        widget = self.fields[name]
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def set_text(self, name: str, value: Any) -> None:
        widget = self.fields[name]
        assert isinstance(widget, QLineEdit)
        widget.setText(_text(value))

    # -- messages ---------------------------------------------------------------------------

    def errors(self) -> dict[str, str]:
        """The messages shown now, by field ("" for the message above the form)."""
        shown = {
            name: label.text() for name, label in self.error_labels.items() if not label.isHidden()
        }
        if not self.general_error.isHidden():
            shown[""] = self.general_error.text()
        return shown

    def _clear_errors(self) -> None:
        for label in self.error_labels.values():
            label.clear()
            label.hide()
        self.general_error.clear()
        self.general_error.hide()

    def _show_general(self, message: str) -> None:
        general = self.general_error.text() if not self.general_error.isHidden() else ""
        self.general_error.setText(f"{general}\n{message}" if general else message)
        self.general_error.show()
        self._fit_height()

    def _show_problems(self, error: ValidationError) -> None:
        """Each field's messages under it; those about no field above the form."""
        first: QWidget | None = None
        for name, label in self.error_labels.items():
            messages = error.messages_for(name)
            if not messages:
                continue
            label.setText("\n".join(messages))
            label.show()
            if first is None:
                first = self.fields[name]
        for field, message in error.problems:
            if field not in self.error_labels:
                self._show_general(message)
        if first is not None:
            first.setFocus()
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show wrapped messages in full; a dialog keeps its size by itself."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > self.height():
            self.resize(self.width(), needed)

    # -- saving ---------------------------------------------------------------------------

    def accept(self) -> None:
        """Save in one writing unit of work; on refusal show why and stay open."""
        self._clear_errors()
        self._finish(run_operation_now(self.db, self.actor, self._save, data=self._collect()))

    def _finish(self, outcome: Outcome[int]) -> None:
        """After the save: close with the saved id, or show why not and stay open (a form
        saving in a worker calls it with the worker's outcome)."""
        if isinstance(outcome.refusal, ValidationError):
            self._show_problems(outcome.refusal)
            return
        if not outcome.ok:
            self._show_general(outcome.problem or "")
            return
        self.saved_id = outcome.value
        super().accept()

    @classmethod
    def edit(cls, parent: QWidget | None, *args: Any, **kwargs: Any) -> tuple[int | None, bool]:
        """Open the dialog modally: (id of the saved record or None, whether it was saved)."""
        dialog = cls(*args, parent=parent, **kwargs)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return (dialog.saved_id if accepted else None), accepted
        finally:
            dialog.deleteLater()
