"""The planner's forms, each a ``RecordForm`` saving through one domain function of
``models.plans``: a plan of the register (class, category, type, owning and approving
units, document number and date of issue, parent plan, revision deadline), a step of its
life (status with date, person and note), and a new version with its document files.
The forms for a version's structured content and for drills are in ``content_forms``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from models.base import utcnow
from models.command import list_units
from models.database import Database
from models.messages import fill
from models.plans import (
    PlanFields,
    PlanRow,
    add_version,
    change_status,
    content_fields,
    get_plan,
    list_plans,
    list_versions,
    record_evaluation,
    save_plan,
    version_content,
)
from models.plans.codes import CATEGORIES, EVENT_TYPES, PLAN_CLASSES, STATUSES
from models.plans.documents import DocumentsRead, ReadDocument, read_documents
from models.refusals import ValidationError
from models.users import Actor
from ui.common.forms import RecordForm
from ui.common.operations import Outcome, failure_text, run_operation
from ui.common.widgets import CodeCombo, find_by_any_part
from ui.common.worker import CancelToken, run_in_background


def translated(table: Mapping[str, str]) -> dict[str, str]:
    """A code list of ``models.plans.codes`` with its labels in the user's language."""
    return {code: QCoreApplication.translate("Plans", text) for code, text in table.items()}


def date_edit(day: date | None = None) -> QDateEdit:
    """A date picked on a calendar, today unless given."""
    day = day or utcnow().date()
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


def picked_date(edit: QDateEdit) -> date:
    return date(*edit.date().getDate())


def optional_date(text: str, field: str) -> date | None:
    """A date typed as YYYY-MM-DD, or None when left empty; refused under ``field``."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            [
                (
                    field,
                    fill(
                        QCoreApplication.translate(
                            "PlanForms", "Not a date: %1 (write it as 2024-05-10)."
                        ),
                        text,
                    ),
                )
            ]
        ) from None


def unit_combo(names: list[str]) -> QComboBox:
    """A member unit picked from the register (typing any part of its name finds it) or
    left empty."""
    combo = QComboBox()
    combo.addItem("", None)
    for name in names:
        combo.addItem(name, name)
    find_by_any_part(combo)
    return combo


def combo_text(combo: QComboBox) -> str | None:
    return combo.currentText().strip() or None


def select_text(combo: QComboBox, text: str | None) -> None:
    found = combo.findText(text or "")
    if found >= 0:
        combo.setCurrentIndex(found)
    elif combo.isEditable():
        combo.setEditText(text or "")


class PlanForm(RecordForm):
    """A plan of the register, new or changed; a new plan's status and its date may be
    given (a plan in force registered late), later steps go through ``StatusForm``."""

    def _prepare(self, session: Session) -> None:
        self.unit_names = [u.name for u in list_units(session=session)]
        self.plans = list_plans(session=session)

    def _build(self, session: Session) -> None:
        self.setWindowTitle(self.tr("Contingency plan"))
        self.line("code", self.tr("Code"), 40, self.tr("Such as ZX-01"))
        self.line("title", self.tr("Title"), 200)
        self.class_combo = CodeCombo(translated(PLAN_CLASSES))
        self.add_field("plan_class", self.tr("Class"), self.class_combo)
        self.category_combo = CodeCombo(translated(CATEGORIES), empty_text="")
        self.add_field("category", self.tr("Event category"), self.category_combo)
        self.type_combo = CodeCombo(translated(EVENT_TYPES), empty_text="")
        self.add_field("event_type", self.tr("Event type"), self.type_combo)
        self.owner_combo = unit_combo(self.unit_names)
        self.add_field("owner", self.tr("Owning unit"), self.owner_combo)
        self.approver_combo = unit_combo(self.unit_names)
        self.add_field("approver", self.tr("Approving unit"), self.approver_combo)
        self.line("doc_number", self.tr("Document number"), 60, "温政办发〔2024〕12号")
        self.line("issued_on", self.tr("Date of issue"), 10, "YYYY-MM-DD")
        self.parent_combo = QComboBox()
        self.parent_combo.addItem(self.tr("(none: a plan at the top)"), None)
        for plan in self.plans:
            if plan.id != self.record_id:
                self.parent_combo.addItem(f"{plan.code}  {plan.title}", plan.code)
        find_by_any_part(self.parent_combo)
        self.add_field("parent_code", self.tr("Parent plan"), self.parent_combo)
        self.line("revision_due", self.tr("Revision due"), 10, "YYYY-MM-DD")
        self.years_spin = QSpinBox()
        self.years_spin.setRange(0, 10)
        self.years_spin.setSpecialValueText(self.tr("Default (3 years)"))
        self.add_field("evaluation_years", self.tr("Years between evaluations"), self.years_spin)
        self.status_combo = CodeCombo(
            {k: v for k, v in translated(STATUSES).items() if k not in ("superseded", "abolished")}
        )
        self.since_edit = date_edit()
        if self.record_id is None:
            self.add_field("status", self.tr("Status"), self.status_combo)
            self.add_field("since", self.tr("Since"), self.since_edit)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setFixedHeight(60)
        self.add_field("note", self.tr("Note"), self.note_edit)

    def _new(self, session: Session) -> None:
        self.status_combo.set_code("drafting")

    def _load(self, session: Session, record_id: int) -> PlanRow | None:
        return next((p for p in self.plans if p.id == record_id), None)

    def _fill(self, session: Session, record: PlanRow) -> None:
        self.set_text("code", record.code)
        self.set_text("title", record.title)
        self.class_combo.set_code(record.plan_class)
        self.category_combo.set_code(record.category)
        self.type_combo.set_code(record.event_type)
        select_text(self.owner_combo, record.owner)
        select_text(self.approver_combo, record.approver)
        self.set_text("doc_number", record.doc_number)
        self.set_text("issued_on", record.issued_on.isoformat() if record.issued_on else "")
        self.parent_combo.setCurrentIndex(max(self.parent_combo.findData(record.parent_code), 0))
        self.set_text(
            "revision_due", record.revision_due.isoformat() if record.revision_due else ""
        )
        self.years_spin.setValue(record.evaluation_years or 0)
        self.note_edit.setPlainText(record.note or "")

    def _collect(self) -> dict[str, Any]:
        parent = self.parent_combo.currentData()
        typed = self.parent_combo.currentText().strip()
        if self.parent_combo.findText(typed) < 0:
            parent = typed.split()[0] if typed else None  # a code typed rather than picked
        return {
            "code": self.text_of("code"),
            "title": self.text_of("title"),
            "plan_class": self.class_combo.code(),
            "category": self.category_combo.code(),
            "event_type": self.type_combo.code(),
            "owner": combo_text(self.owner_combo),
            "approver": combo_text(self.approver_combo),
            "doc_number": self.text_of("doc_number"),
            "issued_on": self.text_of("issued_on"),
            "parent_code": parent,
            "revision_due": self.text_of("revision_due"),
            "evaluation_years": self.years_spin.value() or None,
            "note": self.note_edit.toPlainText(),
            "status": self.status_combo.code(),
            "since": picked_date(self.since_edit),
        }

    def _save(self, session: Session, data: dict[str, Any]) -> int:
        problems: list[tuple[str, str]] = []
        days: dict[str, date | None] = {}
        for name in ("issued_on", "revision_due"):
            try:
                days[name] = optional_date(data[name], name)
            except ValidationError as refused:
                problems += refused.problems
                days[name] = None
        new = self.record_id is None
        fields = PlanFields(
            code=data["code"],
            title=data["title"],
            plan_class=data["plan_class"],
            category=data["category"],
            event_type=data["event_type"],
            owner=data["owner"],
            approver=data["approver"],
            doc_number=data["doc_number"],
            issued_on=days["issued_on"],
            parent_code=data["parent_code"],
            status=data["status"] if new else None,
            since=data["since"] if new else None,
            revision_due=days["revision_due"],
            evaluation_years=data["evaluation_years"],
            note=data["note"],
        )
        try:  # the domain's problems beside the dates' (nothing is kept while any remains)
            saved = save_plan(session=session, fields=fields, plan_id=self.record_id).id
        except ValidationError as refused:
            raise ValidationError(problems + refused.problems) from None
        if problems:
            raise ValidationError(problems)
        return saved


class PlanAdditionForm(RecordForm):
    """A form adding something new to one plan, named by its code (a step of its life, an
    evaluation, a version, a drill): there is no earlier record to load or fill. The plan
    is read as ``self.plan`` before the fields are built; a form that needs something else
    of it reads that in its own ``_prepare``."""

    def __init__(
        self, db: Database, actor: Actor, code: str, *, parent: QWidget | None = None
    ) -> None:
        self.code = code
        super().__init__(db, actor, parent=parent)

    def _prepare(self, session: Session) -> None:
        self.plan = get_plan(session=session, code=self.code)

    def _load(self, session: Session, record_id: int) -> Any:
        return None

    def _fill(self, session: Session, record: Any) -> None:
        pass


class StatusForm(PlanAdditionForm):
    """The next step of a plan's life: status, date, person and note (forward only; a plan
    in force may be scheduled for revision again)."""

    def _build(self, session: Session) -> None:
        self.setWindowTitle(self.tr("Step of the plan's life"))
        now = QLabel(
            fill(
                self.tr("%1 %2 is now: %3."),
                self.plan.code,
                self.plan.title,
                QCoreApplication.translate("Plans", STATUSES[self.plan.status]),
            )
        )
        now.setWordWrap(True)
        self.form_layout.addRow(now)
        self.status_combo = CodeCombo(translated(STATUSES))
        self.add_field("status", self.tr("New status"), self.status_combo)
        self.on_edit = date_edit()
        self.add_field("on", self.tr("Date"), self.on_edit)
        self.line("person", self.tr("Person"), 40, self.tr("Who did it (reviewer, signer …)"))
        self.line("note", self.tr("Note"), 2000)

    def _new(self, session: Session) -> None:
        order = list(STATUSES)
        current = order.index(self.plan.status)
        following = order[current + 1] if current + 1 < len(order) else self.plan.status
        self.status_combo.set_code("scheduled" if self.plan.status == "filed" else following)

    def _collect(self) -> dict[str, Any]:
        return {
            "status": self.status_combo.code() or "",
            "on": picked_date(self.on_edit),
            "person": self.text_of("person"),
            "note": self.text_of("note"),
        }

    def _save(self, session: Session, data: dict[str, Any]) -> int:
        return change_status(session=session, code=self.code, **data).id


class EvaluationForm(PlanAdditionForm):
    """The day a plan was evaluated (评估): its next evaluation counts from then."""

    def _build(self, session: Session) -> None:
        self.setWindowTitle(self.tr("Evaluation of the plan"))
        about = QLabel(
            fill(
                self.tr("%1 %2: the day its evaluation was completed."),
                self.plan.code,
                self.plan.title,
            )
        )
        about.setWordWrap(True)
        self.form_layout.addRow(about)
        self.on_edit = date_edit()
        self.add_field("on", self.tr("Date"), self.on_edit)

    def _collect(self) -> dict[str, Any]:
        return {"on": picked_date(self.on_edit)}

    def _save(self, session: Session, data: dict[str, Any]) -> int:
        return record_evaluation(session=session, code=self.code, **data).id


class VersionForm(PlanAdditionForm):
    """A new version of a plan: name, date of issue, note, its document files (kept in the
    database, at most 50 MB each, their text read for the search), and optionally the
    structured content of the version before it to start from.

    Save reads the files and their text in a worker, with a progress bar and a button that
    stops the reading (Cancel stops it and closes the form); the version is then written
    in a worker too. A file that cannot be read is named under the files, nothing kept."""

    def __init__(
        self, db: Database, actor: Actor, code: str, *, parent: QWidget | None = None
    ) -> None:
        self.paths: list[Path] = []
        self._reading: CancelToken | None = None
        self._saving = False
        super().__init__(db, actor, code, parent=parent)

    def _prepare(self, session: Session) -> None:
        self.previous = list_versions(session=session, code=self.code)

    def _build(self, session: Session) -> None:
        self.setWindowTitle(fill(self.tr("New version of %1"), self.code))
        self.line("name", self.tr("Version"), 60, self.tr("Such as 2024 edition"))
        self.line("issued_on", self.tr("Date of issue"), 10, "YYYY-MM-DD")
        self.line("note", self.tr("Note"), 2000)
        files = QWidget()
        box = QVBoxLayout(files)
        box.setContentsMargins(0, 0, 0, 0)
        self.files_model = QStandardItemModel(self)
        self.files_view = QListView()
        self.files_view.setModel(self.files_model)
        self.files_view.setFixedHeight(90)
        self.add_files_button = QPushButton(self.tr("Add files…"))
        self.add_files_button.clicked.connect(self._choose_files)
        self.remove_file_button = QPushButton(self.tr("Remove"))
        self.remove_file_button.clicked.connect(self._remove_file)
        row = QHBoxLayout()
        row.addWidget(self.add_files_button)
        row.addWidget(self.remove_file_button)
        row.addStretch(1)
        box.addWidget(self.files_view)
        box.addLayout(row)
        self.add_field("files", self.tr("Document files"), files)
        self.copy_check = QCheckBox(self.tr("Start from the previous version's stages and actions"))
        self.copy_check.setChecked(bool(self.previous))
        self.copy_check.setEnabled(bool(self.previous))
        self.add_field("copy", "", self.copy_check)
        self.progress_row = QWidget()
        progress = QHBoxLayout(self.progress_row)
        progress.setContentsMargins(0, 0, 0, 0)
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setFormat("%p%")
        self.stop_button = QPushButton(self.tr("Stop reading"))
        self.stop_button.clicked.connect(self.stop_reading)
        progress.addWidget(self.progress_label)
        progress.addWidget(self.progress_bar, 1)
        progress.addWidget(self.stop_button)
        self.progress_row.hide()
        self.form_layout.addRow(self.progress_row)

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Document files of the version"),
            "",
            self.tr("Plan documents (*.pdf *.docx *.doc *.wps *.txt);;All files (*)"),
        )
        self.add_files([Path(name) for name in names])

    def add_files(self, paths: list[Path]) -> None:
        """Files chosen for the version (the file chooser's, or a test's)."""
        for path in paths:
            if path not in self.paths:
                self.paths.append(path)
                item = QStandardItem(path.name)
                item.setToolTip(str(path))
                item.setEditable(False)
                self.files_model.appendRow(item)

    def _remove_file(self) -> None:
        index = self.files_view.currentIndex()
        if index.isValid():
            del self.paths[index.row()]
            self.files_model.removeRow(index.row())

    def _collect(self) -> dict[str, Any]:
        return {
            "name": self.text_of("name"),
            "issued_on": self.text_of("issued_on"),
            "note": self.text_of("note"),
            "paths": list(self.paths),
            "copy": self.copy_check.isChecked(),
        }

    # -- saving: the files read in a worker, then the version written in one ---------------

    @property
    def busy(self) -> bool:
        """Reading the files or writing the version."""
        return self._reading is not None or self._saving

    def accept(self) -> None:
        if self.busy:
            return
        self._clear_errors()
        data = self._collect()
        try:
            optional_date(data["issued_on"], "issued_on")  # refused before the files are read
        except ValidationError as refused:
            self._show_problems(refused)
            return
        if not data["paths"]:
            self._write(data, [])
            return
        self._reading = CancelToken()
        self._show_busy(self.tr("Reading the files…"))
        run_in_background(
            read_documents,
            lambda read, error: self._read(data, read, error),
            on_progress=self._progress,
            owner=self,
            paths=data["paths"],
            cancel=self._reading,
        )

    def stop_reading(self) -> None:
        """Stop reading the files; the form stays open, nothing saved."""
        if self._reading is not None:
            self._reading.cancel()
            self.stop_button.setEnabled(False)
            self.progress_label.setText(self.tr("Stopping…"))

    def reject(self) -> None:
        """Cancel, Escape or the window's close button: a reading is stopped and the form
        closes; a version being written is waited for."""
        if self._saving:
            return
        if self._reading is not None:
            self._reading.cancel()
            self._reading = None
        super().reject()

    def _progress(self, done: int, total: int) -> None:
        if self._reading is None or total <= 0:
            return
        if self.progress_bar.maximum() != total:
            self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(min(done, total))

    def _read(self, data: dict[str, Any], read: DocumentsRead | None, error: object) -> None:
        if self._reading is None:  # closed meanwhile
            return
        self._reading = None
        if read is None or error is not None:
            self._show_idle()
            self._show_general(failure_text(write=False))
            return
        if read.cancelled:
            self._show_idle()
            self._show_general(self.tr("Reading the files was stopped; nothing was saved."))
            return
        if read.problems:
            self._show_idle()
            self._show_problems(ValidationError([("files", p) for p in read.problems]))
            return
        self._write(data, read.files)

    def _write(self, data: dict[str, Any], files: list[ReadDocument]) -> None:
        self._saving = True
        self._show_busy(self.tr("Saving…"), stoppable=False)
        run_operation(
            self.db,
            self.actor,
            store_version,
            owner=self,
            on_done=self._written,
            code=self.code,
            previous_id=self.previous[-1].id if data["copy"] and self.previous else None,
            name=data["name"],
            issued_on=data["issued_on"],
            note=data["note"],
            files=files,
        )

    def _written(self, outcome: Outcome[int]) -> None:
        self._saving = False
        self._show_idle()
        self._finish(outcome)

    def _show_busy(self, text: str, *, stoppable: bool = True) -> None:
        self.progress_label.setText(text)
        self.progress_bar.setRange(0, 0)  # busy until the first progress
        self.stop_button.setVisible(stoppable)
        self.stop_button.setEnabled(stoppable)
        self.progress_row.show()
        self._enable_fields(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(stoppable)

    def _show_idle(self) -> None:
        self.progress_row.hide()
        self._enable_fields(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(True)

    def _enable_fields(self, enabled: bool) -> None:
        for widget in self.fields.values():
            widget.setEnabled(enabled)
        self.copy_check.setEnabled(enabled and bool(self.previous))
        self.save_button.setEnabled(enabled)


def store_version(
    *,
    session: Session,
    code: str,
    previous_id: int | None,
    name: str,
    issued_on: str,
    note: str,
    files: list[ReadDocument],
) -> int:
    """The version written with its files as read (a worker's unit of work): the date of
    issue as typed, the content of ``previous_id`` copied when given."""
    stages = (
        content_fields(version_content(session=session, version_id=previous_id))
        if previous_id is not None
        else []
    )
    version = add_version(
        session=session,
        code=code,
        name=name,
        issued_on=optional_date(issued_on, "issued_on"),
        note=note,
        stages=stages,
        files=files,
    )
    return version.id
