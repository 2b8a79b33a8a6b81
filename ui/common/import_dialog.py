"""The import dialog: choose a file and what it holds, check or import it off the UI
thread with progress and cancel, and read the report (parse -> validate -> report ->
write all or nothing, ARCHITECTURE rule 8).

The kinds, their file filters and their options come from ``models.imports.registry``:
the dialog builds an option widget per option of the chosen kind, so a new kind needs
nothing here.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.imports.framework import run_import as run_kind
from models.imports.registry import GATE_OPTIONS, ImportKind, Option, import_kind, import_kinds
from models.imports.report import CancelToken as CancelFlag
from models.imports.report import ImportReport, ProgressCallback, format_report
from models.messages import QT_TRANSLATE_NOOP, fill
from models.users import Actor, Permission
from ui.common.worker import CancelToken, run_in_background

log = logging.getLogger(__name__)

CTX = "ImportDialog"
OPTION_ROW = 2  # the form's row of the first option, below the kind and the file
PROGRESS_STEPS = 1000  # forward at most this many progress calls per import to the UI thread

_ALL = QT_TRANSLATE_NOOP("ImportDialog", "All files (*)")


def throttled(progress: ProgressCallback, steps: int = PROGRESS_STEPS) -> ProgressCallback:
    """Pass on a progress call only when it moved a step (or finished): an import calls
    once per row, and 20,000 queued signals would flood the UI thread."""
    last: list[tuple[int, int]] = [(-1, -1)]

    def report(done: int, total: int) -> None:
        step = (done * steps // total if total > 0 else steps, total)
        if step != last[0] or done >= total:
            last[0] = step
            progress(done, total)

    return report


def run_import(
    *,
    db: Database,
    actor: Actor,
    kind: str,
    path: str,
    dry_run: bool,
    valid_only: bool,
    options: dict[str, Any],
    cancel: CancelFlag | None = None,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Runs in a worker thread: the framework's unit of work for the import, committed
    when it ends (a refused, cancelled or dry-run import has written nothing into it)."""
    return run_kind(
        db=db,
        actor=actor,
        kind=kind,
        path=Path(path),
        dry_run=dry_run,
        valid_only=valid_only,
        options=options,
        progress=throttled(progress) if progress is not None else None,
        cancel=cancel,
    )


def wrote(report: ImportReport) -> bool:
    """Whether the import was committed (a dry run, cancel or refusal writes nothing)."""
    return (
        not report.dry_run
        and not report.cancelled
        and not report.file_failed
        and (report.ok or report.valid_only)
    )


def error_line(error: BaseException) -> str:
    """One line for the user, never a traceback."""
    from sqlalchemy.exc import IntegrityError

    if isinstance(error, IntegrityError):  # another workstation wrote the same rows meanwhile
        return QCoreApplication.translate(
            CTX, "Another user changed the same records at the same time. Run the import again."
        )
    lines = str(error).strip().splitlines()
    return lines[0][:300] if lines else type(error).__name__


class ImportDialog(QDialog):
    """Import one file. ``import_finished(report or None)`` follows every run.

    Accepted on closing when an import was committed, so the opener refreshes.
    """

    import_finished = Signal(object)

    GREEN = "background: #e8f5e9; color: #1b5e20; border-left: 4px solid #2e7d32;"
    RED = "background: #fdecea; color: #8a1c1c; border-left: 4px solid #c62828;"
    AMBER = "background: #fff8e1; color: #6d4c00; border-left: 4px solid #f9a825;"

    def __init__(
        self, db: Database, actor: Actor, kind: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.allowed = actor.can(Permission.IMPORT_DATA)
        self.report: ImportReport | None = None
        self.error: str | None = None
        self.committed = False  # some run of this dialog wrote into the database
        self._cancel: CancelToken | None = None
        self._close_when_done = False
        self.setWindowTitle(self.tr("Import data"))
        self.setMinimumWidth(640)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind_combo = QComboBox()
        for item in import_kinds():
            self.kind_combo.addItem(QCoreApplication.translate(CTX, item.title), item.key)
        form.addRow(self.tr("The file holds"), self.kind_combo)

        file_row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Choose a file…"))
        file_row.addWidget(self.path_edit, 1)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        file_row.addWidget(self.browse_button)
        form.addRow(self.tr("File"), file_row)

        # Rows 2 onwards: the chosen kind's options, built from the registry whenever the
        # kind changes; then the gate every kind shares.
        self.form = form
        self.option_widgets: dict[str, QWidget] = {}
        self.gate_checks: dict[str, QCheckBox] = {}
        for option in GATE_OPTIONS:
            check = QCheckBox(QCoreApplication.translate(CTX, option.label))
            if option.placeholder:
                check.setToolTip(QCoreApplication.translate(CTX, option.placeholder))
            form.addRow("", check)
            self.gate_checks[option.name] = check
        self.dry_run_check = self.gate_checks["dry_run"]
        self.valid_only_check = self.gate_checks["valid_only"]
        layout.addLayout(form)
        self.fixed_widgets: list[QWidget] = [
            self.kind_combo,
            self.path_edit,
            self.browse_button,
            *self.gate_checks.values(),
        ]

        run_row = QHBoxLayout()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat("%p%")
        run_row.addWidget(self.progress_bar, 1)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        run_row.addWidget(self.start_button)
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        run_row.addWidget(self.cancel_button)
        layout.addLayout(run_row)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.hide()
        layout.addWidget(self.summary_label)
        self.report_edit = QPlainTextEdit()
        self.report_edit.setReadOnly(True)
        self.report_edit.setPlaceholderText(self.tr("The report appears here."))
        self.report_edit.setMinimumHeight(180)
        layout.addWidget(self.report_edit, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close_dialog)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.kind_combo.currentIndexChanged.connect(self._clear_result)
        self.path_edit.textChanged.connect(self._clear_result)
        if kind is not None:
            self.set_kind(kind)
        self._kind_changed()
        if not self.allowed:
            for widget in [*self.form_widgets, self.start_button]:
                widget.setEnabled(False)
            self._show_summary(self.tr("You are not allowed to import data."), self.RED)

    # -- choices ------------------------------------------------------------------------

    @property
    def form_widgets(self) -> list[QWidget]:
        """Everything the user fills in: disabled while an import runs."""
        return [*self.fixed_widgets, *self.option_widgets.values()]

    def kind(self) -> ImportKind:
        return import_kind(str(self.kind_combo.currentData()))

    def set_kind(self, key: str) -> None:
        index = self.kind_combo.findData(key)
        if index < 0:
            raise ValueError(f"unknown kind of import: {key}")
        self.kind_combo.setCurrentIndex(index)

    def option_widget(self, name: str) -> QWidget | None:
        """The widget of the chosen kind's option ``name`` (None: the kind has no such option)."""
        return self.option_widgets.get(name)

    def _kind_changed(self) -> None:
        for _ in self.option_widgets:
            self.form.removeRow(OPTION_ROW)
        self.option_widgets = {}
        for row, option in enumerate(self.kind().options, start=OPTION_ROW):
            widget = self._option_widget(option)
            widget.setEnabled(self.allowed and not self.is_running())
            self.form.insertRow(row, QCoreApplication.translate(CTX, option.label), widget)
            widget.show()  # the layout would show it only on the next event-loop turn
            self.option_widgets[option.name] = widget

    @staticmethod
    def _option_widget(option: Option) -> QWidget:
        hint = QCoreApplication.translate(CTX, option.placeholder) if option.placeholder else ""
        if option.type == "flag":
            check = QCheckBox()
            check.setChecked(bool(option.default))
            check.setToolTip(hint)
            return check
        if option.type == "year":
            spin = QSpinBox()
            spin.setRange(option.low, option.high)
            spin.setSpecialValueText(hint)  # the lowest value: not given
            spin.setValue(option.default or option.low)
            return spin
        if option.type == "crs":
            combo = QComboBox()
            combo.setEditable(option.free_text)
            combo.setToolTip(hint)
            if option.from_file:
                combo.addItem(
                    QCoreApplication.translate("ImportDialog", "As the file declares (else WGS84)"),
                    "",
                )
            for value, text in option.choices:
                combo.addItem(QCoreApplication.translate(CTX, text), value)
            if option.default:
                combo.setCurrentIndex(combo.findData(option.default))
            return combo
        edit = QLineEdit()
        edit.setPlaceholderText(hint)
        return edit

    def _clear_result(self) -> None:
        """A new choice: the last report no longer describes it."""
        if self.is_running() or not self.allowed:
            return
        self.summary_label.hide()
        self.report_edit.clear()
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)

    def options(self) -> dict[str, Any]:
        """The chosen kind's options (beyond path, dry run and valid only) as the widgets hold
        them; None where the user gave nothing."""
        return {
            option.name: _value(option, self.option_widgets[option.name])
            for option in self.kind().options
        }

    def browse(self) -> None:
        kind = self.kind()
        filters = ";;".join(
            (
                QCoreApplication.translate(CTX, kind.file_types),
                QCoreApplication.translate(CTX, _ALL),
            )
        )
        start = str(Path(self.path_edit.text()).parent) if self.path_edit.text() else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the file to import"), start, filters
        )
        if path:
            self.path_edit.setText(path)

    # -- running --------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._cancel is not None

    def start(self) -> None:
        if not self.allowed or self.is_running():
            return
        path = self.path_edit.text().strip()
        if not path:
            self._show_summary(self.tr("Choose a file first."), self.RED)
            return
        if not Path(path).is_file():
            self._show_summary(fill(self.tr("The file %1 does not exist."), path), self.RED)
            return
        options = self.options()
        self.report = None
        self.error = None
        self._cancel = CancelToken()
        self._set_running(True)
        self.report_edit.clear()
        self.progress_bar.setRange(0, 0)  # busy until the import says how far it has to go
        self._show_summary(
            self.tr("Checking…") if self.dry_run_check.isChecked() else self.tr("Importing…"), ""
        )
        run_in_background(
            run_import,
            self._finished,
            on_progress=self._progress,
            owner=self,
            db=self.db,
            actor=self.actor,
            kind=self.kind().key,
            path=path,
            dry_run=self.dry_run_check.isChecked(),
            valid_only=self.valid_only_check.isChecked(),
            options=options,
            cancel=self._cancel,
        )

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
            self.cancel_button.setEnabled(False)
            self._show_summary(self.tr("Cancelling…"), self.AMBER)

    def _progress(self, done: int, total: int) -> None:
        if not shiboken6.isValid(self) or not self.is_running() or total <= 0:
            return
        if self.progress_bar.maximum() != total:
            self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(min(done, total))

    def _finished(self, report: ImportReport | None, error: BaseException | None) -> None:
        self._cancel = None
        self._set_running(False)
        if error is not None or report is None:
            self.error = error_line(error) if error is not None else self.tr("No report.")
            self.progress_bar.setRange(0, 1)
            self.progress_bar.setValue(0)
            self._show_summary(fill(self.tr("The import failed: %1"), self.error), self.RED)
        else:
            self.report = report
            if wrote(report):
                self.committed = True
            if report.ok:
                self.progress_bar.setValue(self.progress_bar.maximum())
            text, style = self.summary(report)
            self._show_summary(text, style)
            self.report_edit.setPlainText(format_report(report))
        self.import_finished.emit(self.report)
        if self._close_when_done:
            self.close_dialog()

    def summary(self, report: ImportReport) -> tuple[str, str]:
        """The one line above the report, and its colours."""
        problems = str(len(report.problems))
        counts = (str(report.inserted), str(report.updated), str(report.unchanged))

        if report.cancelled:
            return self.tr("Cancelled: nothing was written."), self.AMBER
        if report.file_failed:
            return self.tr("Refused: the file cannot be imported. Nothing was written."), self.RED
        if report.problems and not report.valid_only:
            if report.dry_run:
                return fill(
                    self.tr("Check failed: %1 problems. Importing would write nothing."), problems
                ), self.RED
            return fill(self.tr("Refused: %1 problems. Nothing was written."), problems), self.RED
        if report.dry_run:
            return fill(
                self.tr("Check passed: importing would write %1 new, %2 updated, %3 unchanged."),
                *counts,
            ), self.GREEN
        if report.problems:
            return fill(
                self.tr("Valid rows imported: %1 new, %2 updated, %3 unchanged; %4 rows refused."),
                *counts,
                str(report.refused_rows),
            ), self.AMBER
        return fill(self.tr("Imported: %1 new, %2 updated, %3 unchanged."), *counts), self.GREEN

    def _show_summary(self, text: str, style: str) -> None:
        self.summary_label.setText(text)
        self.summary_label.setStyleSheet(f"{style} padding: 6px; font-weight: bold;")
        self.summary_label.show()

    def _set_running(self, running: bool) -> None:
        for widget in [*self.form_widgets, self.start_button]:
            widget.setEnabled(not running and self.allowed)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)

    # -- closing --------------------------------------------------------------------------

    def close_dialog(self) -> None:
        """Accepted when something was written, so the opener reloads."""
        if self.is_running():
            return
        if self.committed:
            self.accept()
        else:
            super().reject()

    def reject(self) -> None:
        """Escape or the window's close button: a running import is cancelled first."""
        if self.is_running():
            self._close_when_done = True
            self.cancel()
            return
        self.close_dialog()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_running():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    @classmethod
    def run(
        cls, parent: QWidget | None, db: Database, actor: Actor, kind: str | None = None
    ) -> tuple[ImportReport | None, bool]:
        """Open the dialog modally: (the last report or None, whether anything was written)."""
        if not actor.can(Permission.IMPORT_DATA):
            return None, False
        dialog = cls(db, actor, kind, parent=parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.report, accepted
        finally:
            dialog.deleteLater()


def _value(option: Option, widget: QWidget) -> Any:
    """An option widget's value: a listed choice, typed text (EPSG:4549), a year, or None."""
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox):
        return None if widget.value() == widget.minimum() else widget.value()
    if isinstance(widget, QComboBox):
        text = widget.currentText().strip()
        index = widget.currentIndex()
        if index >= 0 and text == widget.itemText(index):
            return str(widget.itemData(index)) or None
        return text or None
    assert isinstance(widget, QLineEdit), option.name
    return widget.text().strip() or None
