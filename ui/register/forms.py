"""Add and edit dialogs for grids, danger zones, shelters and working group members.

Each dialog loads its record in a short session, and on Save calls the domain's
``save_*`` in a new session (one unit of work per save). A refusal keeps the
dialog open and shows each message under its field; nothing is written.
Tests drive a dialog directly (fill ``fields``, click ``save_button``) or
through the ``edit`` classmethod, which returns ``(saved_id, accepted)``.
"""

from __future__ import annotations

import logging
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from models.areas import (
    DangerZoneInput,
    GridInput,
    ShelterInput,
    WorkingGroupMemberInput,
    get_danger_zone,
    get_grid,
    get_shelter,
    get_working_group_member,
    list_grids,
    list_villages,
    save_danger_zone,
    save_grid,
    save_shelter,
    save_working_group_member,
)
from models.database import Database
from models.labels import DANGER_KINDS, SHELTER_LEVELS, WORKING_GROUP_POSTS
from models.messages import fill
from models.refusals import ValidationError
from models.users import Actor, PermissionDenied
from ui.register.widgets import CodeCombo, VillageCombo

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #c62828;"


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}".rstrip("0").rstrip(".")


class RegisterForm(QDialog):
    """Shared behaviour: fields with error labels, load, save, refusals shown in place."""

    record_kind: ClassVar[str] = ""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        record_id: int | None = None,
        *,
        village_id: int | None = None,
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
        self.general_error.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
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
            self.villages = list_villages(session=session)
            self._build(session)
            record = self._load(session, record_id) if record_id is not None else None
            if record_id is not None and record is None:
                self._show_general(
                    self.tr("This record no longer exists; another user may have deleted it.")
                )
                self.save_button.setEnabled(False)
            elif record is not None:
                self._fill(session, record)
            elif village_id is not None:
                self.set_village(session, village_id)
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.setFocus()

    # -- for subclasses -------------------------------------------------------------------

    def _build(self, session: Session) -> None:
        raise NotImplementedError

    def _load(self, session: Session, record_id: int) -> Any:
        raise NotImplementedError

    def _fill(self, session: Session, record: Any) -> None:
        raise NotImplementedError

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

    def village_combo(self) -> VillageCombo:
        self.village_box = VillageCombo(self.villages)
        self.add_field("village_id", self.tr("Village / community"), self.village_box)
        self.village_box.currentIndexChanged.connect(self._village_picked)
        return self.village_box

    def set_village(self, session: Session, village_id: int | None) -> None:
        """Show a village without the round trip a user's pick makes."""
        self.village_box.blockSignals(True)
        self.village_box.set_village_id(village_id)
        self.village_box.blockSignals(False)
        self._village_shown(session)

    def _village_picked(self) -> None:
        with self.db.session(self.actor) as session:
            self._village_shown(session)

    def _village_shown(self, session: Session) -> None:
        """What depends on the chosen village (the grids of a danger zone)."""

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
        self.general_error.setText(message)
        self.general_error.show()
        self._fit_height()

    def _show_problems(self, problems: list[tuple[str, str]]) -> None:
        first: QWidget | None = None
        for field, message in problems:
            label = self.error_labels.get(field)
            if label is None:
                general = self.general_error.text()
                self._show_general(f"{general}\n{message}" if general else message)
                continue
            label.setText(f"{label.text()}\n{message}" if label.text() else message)
            label.show()
            if first is None:
                first = self.fields[field]
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
        """Save; on refusal show why and stay open."""
        self._clear_errors()
        data = self._collect()
        try:
            with self.db.session(self.actor) as session:
                saved = self._save(session, data)
        except ValidationError as error:
            self._show_problems(error.problems)
            return
        except PermissionDenied as error:
            self._show_general(str(error))
            return
        except Exception as error:  # a database failure: tell the user, keep their input
            log.exception("saving a register record failed")
            self._show_general(fill(self.tr("Could not save: %1"), type(error).__name__))
            return
        self.saved_id = saved
        super().accept()

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        db: Database,
        actor: Actor,
        record_id: int | None = None,
        *,
        village_id: int | None = None,
    ) -> tuple[int | None, bool]:
        """Open the dialog modally: (id of the saved record or None, whether it was saved)."""
        dialog = cls(db, actor, record_id, village_id=village_id, parent=parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return (dialog.saved_id if accepted else None), accepted
        finally:
            dialog.deleteLater()


class GridForm(RegisterForm):
    record_kind = "grid"

    def _build(self, session: Session) -> None:
        self.setWindowTitle(
            self.tr("Edit responsibility grid")
            if self.record_id is not None
            else self.tr("New responsibility grid")
        )
        self.line("code", self.tr("Grid code"), 24, self.tr("Unique, such as 331081101001-01"))
        self.line("name", self.tr("Grid name"), 60)
        self.village_combo()
        self.line("person_name", self.tr("Responsible person"), 30)
        self.line("person_post", self.tr("Post"), 30, self.tr("Such as village committee member"))
        self.line(
            "person_phone",
            self.tr("Phone"),
            20,
            self.tr("Mobile or landline, such as 0576-86123456"),
        )

    def _load(self, session: Session, record_id: int) -> Any:
        return get_grid(session=session, grid_id=record_id)

    def _fill(self, session: Session, record: Any) -> None:
        for name in ("code", "name", "person_name", "person_post", "person_phone"):
            self.set_text(name, getattr(record, name))
        self.set_village(session, record.village_id)

    def _collect(self) -> GridInput:
        village = self.village_box
        return GridInput(
            id=self.record_id,
            code=self.text_of("code"),
            name=self.text_of("name"),
            village_id=village.village_id(),
            person_name=self.text_of("person_name"),
            person_post=self.text_of("person_post"),
            person_phone=self.text_of("person_phone"),
        )

    def _save(self, session: Session, data: Any) -> int:
        return save_grid(session=session, data=data)


class DangerZoneForm(RegisterForm):
    record_kind = "danger_zone"

    def _build(self, session: Session) -> None:
        self.setWindowTitle(
            self.tr("Edit danger zone or hazard point")
            if self.record_id is not None
            else self.tr("New danger zone or hazard point")
        )
        self.line("code", self.tr("Code"), 24)
        self.line("name", self.tr("Name"), 80)
        self.kind_combo = CodeCombo(DANGER_KINDS)
        self.add_field("kind", self.tr("Type"), self.kind_combo)
        self.village_combo()
        self.grid_combo = QComboBox()
        self.add_field("grid_id", self.tr("Responsibility grid"), self.grid_combo)
        self.point_check = QCheckBox(
            self.tr("Hazard point (a place, not an area drawn on the map)")
        )
        self.point_check.setChecked(True)
        self.add_field("is_point", "", self.point_check)
        self.line("lon", self.tr("Longitude"), 16, self.tr("Decimal degrees, such as 121.38"))
        self.line("lat", self.tr("Latitude"), 16, self.tr("Decimal degrees, such as 28.37"))
        self.area_note = QLabel(
            self.tr(
                "The outline of this area comes from a map import; the coordinates show its centre."
            )
        )
        self.area_note.setWordWrap(True)
        self.area_note.setStyleSheet("color: #555;")
        self.area_note.hide()
        self.form_layout.addRow("", self.area_note)
        self.line("location", self.tr("Location"), 120)
        self.line("note", self.tr("Note"), 200)
        self._has_area = False
        self._fill_grids(session, None)
        self.point_check.toggled.connect(self._point_toggled)

    def _village_shown(self, session: Session) -> None:
        self._fill_grids(session, self.grid_combo.currentData())

    def _fill_grids(self, session: Session, keep: int | None) -> None:
        village_id = self.village_box.village_id()
        self.grid_combo.clear()
        self.grid_combo.addItem(self.tr("(none)"), None)
        if village_id is not None:
            for grid in list_grids(session=session, division_id=village_id):
                self.grid_combo.addItem(f"{grid.name} · {grid.person_name}", grid.id)
        index = self.grid_combo.findData(keep) if keep is not None else 0
        self.grid_combo.setCurrentIndex(max(index, 0))

    def _point_toggled(self, is_point: bool) -> None:
        for name in ("lon", "lat"):
            self.fields[name].setEnabled(is_point)
        self.area_note.setVisible(not is_point and self._has_area)

    def _load(self, session: Session, record_id: int) -> Any:
        return get_danger_zone(session=session, zone_id=record_id)

    def _fill(self, session: Session, record: Any) -> None:
        for name in ("code", "name", "location", "note"):
            self.set_text(name, getattr(record, name))
        self.kind_combo.set_code(record.kind)
        self.set_village(session, record.village_id)
        self._fill_grids(session, record.grid_id)
        self.set_text("lon", _coordinate(record.lon))
        self.set_text("lat", _coordinate(record.lat))
        self._has_area = record.has_area
        self.point_check.setChecked(record.is_point)
        self._point_toggled(record.is_point)

    def _collect(self) -> DangerZoneInput:
        village = self.village_box
        is_point = self.point_check.isChecked()
        return DangerZoneInput(
            id=self.record_id,
            code=self.text_of("code"),
            name=self.text_of("name"),
            kind=self.kind_combo.code() or "",
            village_id=village.village_id(),
            is_point=is_point,
            lon=self.text_of("lon") if is_point else None,
            lat=self.text_of("lat") if is_point else None,
            grid_id=self.grid_combo.currentData(),
            location=self.text_of("location"),
            note=self.text_of("note"),
        )

    def _save(self, session: Session, data: Any) -> int:
        return save_danger_zone(session=session, data=data)


class ShelterForm(RegisterForm):
    record_kind = "shelter"

    def _build(self, session: Session) -> None:
        self.setWindowTitle(
            self.tr("Edit shelter") if self.record_id is not None else self.tr("New shelter")
        )
        self.line("name", self.tr("Name"), 80)
        self.village_combo()
        self.level_combo = CodeCombo(SHELTER_LEVELS)
        self.level_combo.set_code("village")
        self.add_field("level", self.tr("Level"), self.level_combo)
        self.capacity_spin = QSpinBox()
        self.capacity_spin.setRange(0, 1_000_000)
        self.capacity_spin.setGroupSeparatorShown(True)
        self.capacity_spin.setSuffix(self.tr(" persons"))
        self.add_field("capacity", self.tr("Capacity"), self.capacity_spin)
        self.certified_check = QCheckBox(self.tr("Safety certified"))
        self.add_field("safety_certified", "", self.certified_check)
        self.line("manager_name", self.tr("Manager"), 30)
        self.line(
            "manager_phone",
            self.tr("Manager's phone"),
            20,
            self.tr("Mobile or landline, such as 0576-86123456"),
        )
        self.line("address", self.tr("Address"), 120)
        self.line("lon", self.tr("Longitude"), 16, self.tr("Decimal degrees, such as 121.38"))
        self.line("lat", self.tr("Latitude"), 16, self.tr("Decimal degrees, such as 28.37"))

    def _load(self, session: Session, record_id: int) -> Any:
        return get_shelter(session=session, shelter_id=record_id)

    def _fill(self, session: Session, record: Any) -> None:
        for name in ("name", "manager_name", "manager_phone", "address"):
            self.set_text(name, getattr(record, name))
        self.set_village(session, record.village_id)
        self.level_combo.set_code(record.level)
        self.capacity_spin.setValue(record.capacity)
        self.certified_check.setChecked(record.safety_certified)
        self.set_text("lon", _coordinate(record.lon))
        self.set_text("lat", _coordinate(record.lat))

    def _collect(self) -> ShelterInput:
        village = self.village_box
        return ShelterInput(
            id=self.record_id,
            name=self.text_of("name"),
            village_id=village.village_id(),
            level=self.level_combo.code() or "",
            capacity=self.capacity_spin.value(),
            safety_certified=self.certified_check.isChecked(),
            manager_name=self.text_of("manager_name"),
            manager_phone=self.text_of("manager_phone"),
            address=self.text_of("address"),
            lon=self.text_of("lon"),
            lat=self.text_of("lat"),
        )

    def _save(self, session: Session, data: Any) -> int:
        return save_shelter(session=session, data=data)


class WorkingGroupMemberForm(RegisterForm):
    record_kind = "working_group_member"

    def _build(self, session: Session) -> None:
        self.setWindowTitle(
            self.tr("Edit working group member")
            if self.record_id is not None
            else self.tr("New working group member")
        )
        self.village_combo()
        self.post_combo = CodeCombo(WORKING_GROUP_POSTS)
        self.add_field("post", self.tr("Post"), self.post_combo)
        self.line("name", self.tr("Name"), 30)
        self.line(
            "phone", self.tr("Phone"), 20, self.tr("Mobile or landline, such as 0576-86123456")
        )

    def _load(self, session: Session, record_id: int) -> Any:
        return get_working_group_member(session=session, member_id=record_id)

    def _fill(self, session: Session, record: Any) -> None:
        self.set_village(session, record.village_id)
        self.post_combo.set_code(record.post)
        self.set_text("name", record.name)
        self.set_text("phone", record.phone)

    def _collect(self) -> WorkingGroupMemberInput:
        village = self.village_box
        return WorkingGroupMemberInput(
            id=self.record_id,
            village_id=village.village_id(),
            post=self.post_combo.code() or "",
            name=self.text_of("name"),
            phone=self.text_of("phone"),
        )

    def _save(self, session: Session, data: Any) -> int:
        return save_working_group_member(session=session, data=data)


def form_for(kind: str) -> type[RegisterForm]:
    """The dialog class for a register kind ("grids", "danger_zones", "shelters", "members")."""
    return {
        "grids": GridForm,
        "danger_zones": DangerZoneForm,
        "shelters": ShelterForm,
        "members": WorkingGroupMemberForm,
    }[kind]
