"""Add and edit dialogs for grids, danger zones, shelters and working group members.

Each is a ``ui.common.forms.RecordForm``: it loads its record in a short session, and on
Save calls the domain's ``save_*`` in a new writing unit of work. A refusal keeps the
dialog open and shows each message under its field; nothing is written. Tests drive a
dialog directly (fill ``fields``, click ``save_button``) or through the ``edit``
classmethod, which returns ``(saved_id, accepted)``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QSpinBox, QWidget
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
from models.users import Actor
from ui.common.forms import RecordForm
from ui.common.widgets import CodeCombo, VillageCombo


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}".rstrip("0").rstrip(".")


class RegisterForm(RecordForm):
    """A register record: its village first (the choices of some fields depend on it)."""

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
        self._start_village = village_id
        super().__init__(db, actor, record_id, parent=parent)

    def _prepare(self, session: Session) -> None:
        self.villages = list_villages(session=session)

    def _new(self, session: Session) -> None:
        if self._start_village is not None:
            self.set_village(session, self._start_village)

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
