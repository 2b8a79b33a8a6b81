"""The import dialog: choose a file and what it holds, check or import it off the UI
thread with progress and cancel, and read the report (parse -> validate -> report ->
write all or nothing, ARCHITECTURE rule 8).

``IMPORT_KINDS`` (labels, file filters) beside ``models.imports.kinds.importer_for`` are the one table from a kind of file to its
import function; they hold no widgets, so the command line could share them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
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
from models.imports.kinds import GIS_KINDS, importer_for
from models.imports.report import CancelToken as CancelFlag
from models.imports.report import ImportReport, ProgressCallback, format_report
from models.messages import fill
from models.users import Actor, Permission
from ui.common.worker import CancelToken, run_in_background

log = logging.getLogger(__name__)

CTX = "ImportDialog"
PROGRESS_STEPS = 1000  # forward at most this many progress calls per import to the UI thread

_SHEETS = QT_TRANSLATE_NOOP(
    "ImportDialog", "Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.tsv)"
)
_GIS = QT_TRANSLATE_NOOP(
    "ImportDialog",
    "Map data (*.zip *.shp *.geojson *.json *.xlsx *.xlsm *.xls *.ods *.csv *.txt *.tsv)",
)
_ALL = QT_TRANSLATE_NOOP("ImportDialog", "All files (*)")


@dataclass(frozen=True)
class ImportKind:
    """One kind of file the console imports; ``key`` is the command line's name for it."""

    key: str
    label: str  # English source, context ImportDialog
    file_filter: str  # English source, context ImportDialog
    crs: str | None  # default coordinate system; None: the kind has no coordinates to convert
    crs_from_file: bool = False  # the file may declare its own (.prj, GeoJSON "crs")


IMPORT_KINDS: tuple[ImportKind, ...] = (
    ImportKind(
        "divisions",
        QT_TRANSLATE_NOOP("ImportDialog", "Divisions (towns and villages)"),
        _SHEETS,
        None,
    ),
    ImportKind(
        "households",
        QT_TRANSLATE_NOOP("ImportDialog", "Village transfer list (households)"),
        _SHEETS,
        "wgs84",
    ),
    ImportKind(
        "boundaries",
        QT_TRANSLATE_NOOP("ImportDialog", "Division boundaries"),
        _GIS,
        "",
        crs_from_file=True,
    ),
    ImportKind(
        "grids",
        QT_TRANSLATE_NOOP("ImportDialog", "Responsibility grids"),
        _GIS,
        "",
        crs_from_file=True,
    ),
    ImportKind(
        "danger-zones",
        QT_TRANSLATE_NOOP("ImportDialog", "Danger zones and hazard points"),
        _GIS,
        "",
        crs_from_file=True,
    ),
    ImportKind(
        "shelters", QT_TRANSLATE_NOOP("ImportDialog", "Shelters"), _GIS, "", crs_from_file=True
    ),
    ImportKind("typhoon", QT_TRANSLATE_NOOP("ImportDialog", "Typhoon track"), _SHEETS, None),
)
KINDS_BY_KEY = {kind.key: kind for kind in IMPORT_KINDS}

# (value passed to the import, label); the combo box also takes typed text such as EPSG:4549.
CRS_CHOICES = (
    ("wgs84", QT_TRANSLATE_NOOP("ImportDialog", "WGS84 (GPS)")),
    ("cgcs2000", QT_TRANSLATE_NOOP("ImportDialog", "CGCS2000 (national)")),
    ("gcj02", QT_TRANSLATE_NOOP("ImportDialog", "GCJ-02 (Amap, Tencent)")),
    ("bd09", QT_TRANSLATE_NOOP("ImportDialog", "BD-09 (Baidu)")),
)


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
    """Runs in a worker thread: one session for the import, committed on success.

    A refused, cancelled or dry-run import has written nothing into the session, so
    committing it stores nothing.
    """
    importer, fixed = importer_for(kind)
    with db.session(actor) as session:
        return importer(
            session=session,
            path=Path(path),
            dry_run=dry_run,
            valid_only=valid_only,
            progress=throttled(progress) if progress is not None else None,
            cancel=cancel,
            **fixed,
            **options,
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
        for item in IMPORT_KINDS:
            self.kind_combo.addItem(QCoreApplication.translate(CTX, item.label), item.key)
        form.addRow(self.tr("The file holds"), self.kind_combo)

        file_row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Choose a file…"))
        file_row.addWidget(self.path_edit, 1)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        file_row.addWidget(self.browse_button)
        form.addRow(self.tr("File"), file_row)

        self.crs_label = QLabel(self.tr("Coordinate system"))
        self.crs_combo = QComboBox()
        self.crs_combo.setEditable(True)
        self.crs_combo.setToolTip(self.tr("Choose one, or type an EPSG code such as EPSG:4549"))
        form.addRow(self.crs_label, self.crs_combo)

        self.village_label = QLabel(self.tr("Village code"))
        self.village_edit = QLineEdit()
        self.village_edit.setPlaceholderText(self.tr("Optional: else found from the title"))
        form.addRow(self.village_label, self.village_edit)
        self.year_label = QLabel(self.tr("Year"))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1999, 2100)
        self.year_spin.setSpecialValueText(self.tr("From the title, else this year"))
        self.year_spin.setValue(1999)
        form.addRow(self.year_label, self.year_spin)

        self.typhoon_code_label = QLabel(self.tr("Typhoon number"))
        self.typhoon_code_edit = QLineEdit()
        self.typhoon_code_edit.setPlaceholderText(self.tr("Optional, such as 2309"))
        form.addRow(self.typhoon_code_label, self.typhoon_code_edit)
        self.typhoon_name_label = QLabel(self.tr("Typhoon name"))
        self.typhoon_name_edit = QLineEdit()
        self.typhoon_name_edit.setPlaceholderText(
            self.tr("Needed for a new typhoon without a name column")
        )
        form.addRow(self.typhoon_name_label, self.typhoon_name_edit)

        self.dry_run_check = QCheckBox(self.tr("Check only (dry run)"))
        self.valid_only_check = QCheckBox(self.tr("Import only the valid rows"))
        self.valid_only_check.setToolTip(
            self.tr("Without this, nothing is written when any row is refused.")
        )
        form.addRow("", self.dry_run_check)
        form.addRow("", self.valid_only_check)
        layout.addLayout(form)
        self.form_widgets: list[QWidget] = [
            self.kind_combo,
            self.path_edit,
            self.browse_button,
            self.crs_combo,
            self.village_edit,
            self.year_spin,
            self.typhoon_code_edit,
            self.typhoon_name_edit,
            self.dry_run_check,
            self.valid_only_check,
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

    def kind(self) -> ImportKind:
        return KINDS_BY_KEY[str(self.kind_combo.currentData())]

    def set_kind(self, key: str) -> None:
        index = self.kind_combo.findData(key)
        if index < 0:
            raise ValueError(f"unknown kind of import: {key}")
        self.kind_combo.setCurrentIndex(index)

    def _kind_changed(self) -> None:
        kind = self.kind()
        self.crs_combo.clear()
        if kind.crs_from_file:
            self.crs_combo.addItem(self.tr("As the file declares (else WGS84)"), "")
        for value, text in CRS_CHOICES:
            self.crs_combo.addItem(QCoreApplication.translate(CTX, text), value)
        if kind.crs:
            self.crs_combo.setCurrentIndex(self.crs_combo.findData(kind.crs))
        for label, widget, shown in (
            (self.crs_label, self.crs_combo, kind.crs is not None),
            (self.village_label, self.village_edit, kind.key == "households"),
            (self.year_label, self.year_spin, kind.key == "households"),
            (self.typhoon_code_label, self.typhoon_code_edit, kind.key == "typhoon"),
            (self.typhoon_name_label, self.typhoon_name_edit, kind.key == "typhoon"),
        ):
            label.setVisible(shown)
            widget.setVisible(shown)

    def _clear_result(self) -> None:
        """A new choice: the last report no longer describes it."""
        if self.is_running() or not self.allowed:
            return
        self.summary_label.hide()
        self.report_edit.clear()
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)

    def crs(self) -> str | None:
        """The chosen system: a listed value, typed text (EPSG:4549), or None for the file's."""
        text = self.crs_combo.currentText().strip()
        index = self.crs_combo.currentIndex()
        if index >= 0 and text == self.crs_combo.itemText(index):
            return str(self.crs_combo.itemData(index)) or None
        return text or None

    def options(self) -> dict[str, Any]:
        """The options of the chosen kind beyond path, dry run and valid only."""
        key = self.kind().key
        if key == "households":
            year = self.year_spin.value()
            return {
                "village_code": self.village_edit.text().strip() or None,
                "year": None if year == self.year_spin.minimum() else year,
                "crs": self.crs() or "wgs84",
            }
        if key == "typhoon":
            return {
                "code": self.typhoon_code_edit.text().strip() or None,
                "name": self.typhoon_name_edit.text().strip() or None,
            }
        if key in GIS_KINDS:
            return {"crs": self.crs()}
        return {}

    def browse(self) -> None:
        kind = self.kind()
        filters = ";;".join(
            (
                QCoreApplication.translate(CTX, kind.file_filter),
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
        if self.kind().key == "households":
            from models.geo.crs import normalise_crs

            try:
                normalise_crs(options["crs"])
            except ValueError:
                self._show_summary(
                    self.tr("A transfer list takes WGS84, CGCS2000, GCJ-02 or BD-09 coordinates."),
                    self.RED,
                )
                return
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
