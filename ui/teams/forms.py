"""The teams page's entry dialogs: a team, a member (the identity number checked as the
domain checks it, the sex and birth date it carries shown as it is typed), a certificate,
an insurance policy, a change of a team's status (where and why, kept in its history)
and an item of equipment.

Each is a ``ui.common.forms.RecordForm``: it loads its record in a short session and
saves through the domain's function in one writing unit of work; a refusal keeps it open
with each message under its field. Dates are typed as rosters write them (2025-06-30,
2025.6.30, 2025/06/30, 2025年6月30日)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QWidget
from sqlalchemy.orm import Session

from models.clock import display_time
from models.database import Database
from models.fields import FieldChecker
from models.geo.crs import to_wgs84
from models.labels import label
from models.messages import QT_TRANSLATE_NOOP, fill
from models.refusals import NotFound, ValidationError
from models.teams import (
    EQUIPMENT_STATES,
    MEMBER_STATUSES,
    POSTS,
    SPECIALTIES,
    TEAM_CLASSES,
    TEAM_STATUSES,
    BadIdNumber,
    CertificateFields,
    InsuranceFields,
    MemberFields,
    TeamFields,
    add_certificate,
    add_insurance,
    change_status,
    home_options,
    list_equipment,
    member_entry,
    read_id_number,
    save_equipment,
    save_member,
    save_team,
    team_row,
)
from models.teams.dates import read_date
from models.users import Actor
from ui.common.forms import RecordForm
from ui.common.widgets import CodeCombo, VillageCombo

T = TypeVar("T")
CRS_CHOICES = (
    ("wgs84", QT_TRANSLATE_NOOP("TeamForms", "WGS84 / CGCS2000 (GPS, survey)")),
    ("gcj02", QT_TRANSLATE_NOOP("TeamForms", "GCJ-02 (Amap, Tencent maps)")),
    ("bd09", QT_TRANSLATE_NOOP("TeamForms", "BD-09 (Baidu maps)")),
)


def _date_text(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}".rstrip("0").rstrip(".")


def _team_name(session: Session, team_id: int) -> str:
    """The team's name for a dialog's title ("" when it was deleted meanwhile: the dialog
    then says so, and saving is refused)."""
    try:
        return team_row(session=session, team_id=team_id).name
    except NotFound:
        return ""


class DateChecks:
    """Dates typed in a form, read as rosters write them; a text that is no date becomes
    the field's problem, raised with the domain's own problems."""

    def __init__(self, form: RecordForm) -> None:
        self.form = form
        self.checker = FieldChecker()

    def read(self, name: str) -> date | None:
        text = self.form.text_of(name)
        try:
            return read_date(text.strip() or None)
        except (ValueError, OverflowError):
            self.checker.add(
                name,
                QCoreApplication.translate(
                    "TeamForms",
                    "Not a date: write it as 2025-06-30, 2025.6.30, 2025/06/30 or 2025年6月30日.",
                ),
            )
            return None

    def around(self, save: Callable[[], T]) -> T:
        """``save()``, refused with the dates' problems beside the domain's (a field whose
        date was refused keeps that one message); a refusal rolls the unit of work back."""
        try:
            value = save()
        except ValidationError as refusal:
            refused = {name for name, _message in self.checker.problems}
            kept = [(name, m) for name, m in refusal.problems if name not in refused]
            raise ValidationError(self.checker.problems + kept) from None
        self.checker.done()
        return value


class TeamForm(RecordForm):
    """A team: name, class, specialties with their grades, home, base, leader and two
    contacts, supervising unit."""

    def _prepare(self, session: Session) -> None:
        self.homes = home_options(session=session)

    def _build(self, session: Session) -> None:
        self.setWindowTitle(
            self.tr("Edit rescue team")
            if self.record_id is not None
            else self.tr("New rescue team")
        )
        self.setMinimumWidth(720)  # two specialties to a row, their English names in full
        self.line("name", self.tr("Team name"), 80, self.tr("Such as 城东镇综合应急救援队"))
        self.class_combo = CodeCombo(TEAM_CLASSES)
        self.add_field("team_class", self.tr("Class"), self.class_combo)
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        self.specialty_checks: dict[str, QCheckBox] = {}
        self.grade_combos: dict[str, QComboBox] = {}
        for index, code in enumerate(SPECIALTIES):
            check = QCheckBox(label(SPECIALTIES, code))
            grade = QComboBox()
            grade.addItem(self.tr("no grade"), None)
            for number in (1, 2, 3):
                grade.addItem(fill(self.tr("grade %1"), str(number)), number)
            grade.setEnabled(False)
            check.toggled.connect(grade.setEnabled)
            row, column = divmod(index, 2)
            grid.addWidget(check, row, column * 2)
            grid.addWidget(grade, row, column * 2 + 1)
            self.specialty_checks[code] = check
            self.grade_combos[code] = grade
        self.add_field("specialties", self.tr("Specialties"), holder)
        self.home_box = VillageCombo(self.homes)
        self.add_field("division_id", self.tr("Home town or village"), self.home_box)
        self.crs_combo = QComboBox()
        for code, text in CRS_CHOICES:
            self.crs_combo.addItem(QCoreApplication.translate("TeamForms", text), code)
        self.add_field("crs", self.tr("Coordinates from"), self.crs_combo)
        self.line("lon", self.tr("Base longitude"), 16, self.tr("Decimal degrees, such as 121.38"))
        self.line("lat", self.tr("Base latitude"), 16, self.tr("Decimal degrees, such as 28.37"))
        self.line("address", self.tr("Base address"), 200)
        self.line("leader", self.tr("Leader"), 40)
        self.line("leader_mobile", self.tr("Leader's mobile"), 40)
        self.line("contact", self.tr("Contact"), 40)
        self.line("contact_mobile", self.tr("Contact's mobile"), 40)
        self.line("second_contact", self.tr("Second contact"), 40)
        self.line("second_contact_mobile", self.tr("Second contact's mobile"), 40)
        self.line("supervisor", self.tr("Supervising unit"), 80)
        self.line("note", self.tr("Note"), 500)

    def _load(self, session: Session, record_id: int) -> Any:
        try:
            return team_row(session=session, team_id=record_id)
        except NotFound:
            return None

    def _fill(self, session: Session, record: Any) -> None:
        self.set_text("name", record.name)
        self.class_combo.set_code(record.team_class)
        for code, grade in record.specialties:
            check = self.specialty_checks.get(code)
            if check is not None:
                check.setChecked(True)
                combo = self.grade_combos[code]
                combo.setCurrentIndex(max(combo.findData(grade), 0))
        self.home_box.set_village_id(record.division_id)
        self.set_text("lon", _coordinate(record.lon))
        self.set_text("lat", _coordinate(record.lat))
        for name in (
            "address",
            "leader",
            "leader_mobile",
            "contact",
            "contact_mobile",
            "second_contact",
            "second_contact_mobile",
            "supervisor",
            "note",
        ):
            self.set_text(name, getattr(record, name))

    def _point(self) -> tuple[str | float, str | float]:
        """The base as typed, made WGS84 when it was copied from a phone map."""
        lon, lat = self.text_of("lon"), self.text_of("lat")
        crs = self.crs_combo.currentData()
        if crs == "wgs84":
            return lon, lat
        try:
            return to_wgs84(float(lon), float(lat), crs)
        except ValueError:
            return lon, lat  # the domain names what is wrong

    def _collect(self) -> tuple[TeamFields, str | None]:
        lon, lat = self._point()
        specialties = {
            code: self.grade_combos[code].currentData()
            for code, check in self.specialty_checks.items()
            if check.isChecked()
        }
        home_text = self.home_box.currentText().strip()
        home = self.home_box.village_id()
        fields = TeamFields(
            name=self.text_of("name"),
            team_class=self.class_combo.code(),
            specialties=specialties,
            division_id=home,
            lon=lon,  # type: ignore[arg-type]  # text the checker reads as a number
            lat=lat,  # type: ignore[arg-type]
            address=self.text_of("address"),
            leader=self.text_of("leader"),
            leader_mobile=self.text_of("leader_mobile"),
            contact=self.text_of("contact"),
            contact_mobile=self.text_of("contact_mobile"),
            second_contact=self.text_of("second_contact"),
            second_contact_mobile=self.text_of("second_contact_mobile"),
            supervisor=self.text_of("supervisor"),
            note=self.text_of("note"),
        )
        return fields, (home_text if home is None and home_text else None)

    def _save(self, session: Session, data: Any) -> int:
        fields, unknown_home = data
        if unknown_home is not None:
            checker = FieldChecker()
            checker.add(
                "division_id",
                fill(self.tr("No town or village is registered as %1."), unknown_home),
            )
            checker.done()
        return save_team(session=session, fields=fields, team_id=self.record_id).id


class MemberForm(RecordForm):
    """A member of a team: the identity number is read as the domain reads it, and the
    sex and birth date it carries are shown beside it."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        record_id: int | None = None,
        *,
        team_id: int,
        parent: QWidget | None = None,
    ) -> None:
        self.team_id = team_id
        self.id_number_kept = False  # the role sees the number masked: it is not changed
        super().__init__(db, actor, record_id, parent=parent)

    def _build(self, session: Session) -> None:
        team = _team_name(session, self.team_id)
        self.setWindowTitle(
            fill(self.tr("Edit member of %1"), team)
            if self.record_id is not None
            else fill(self.tr("New member of %1"), team)
        )
        self.line("name", self.tr("Name"), 40)
        id_edit = self.line(
            "id_number",
            self.tr("Identity number"),
            18,
            self.tr("18 characters, or 15 on an old card"),
        )
        self.derived_label = QLabel()
        self.derived_label.setWordWrap(True)
        self.derived_label.setStyleSheet("color: #555;")
        self.form_layout.addRow("", self.derived_label)
        id_edit.textChanged.connect(self._derive)
        self.line("mobile", self.tr("Mobile"), 40)
        self.post_combo = CodeCombo(POSTS)
        self.post_combo.set_code("member")
        self.add_field("post", self.tr("Post"), self.post_combo)
        self.status_combo = CodeCombo(MEMBER_STATUSES)
        self.add_field("status", self.tr("Status"), self.status_combo)
        self.line("joined", self.tr("Joined"), 20, self.tr("Such as 2024-03-01"))
        self.line("skills", self.tr("Skills"), 200)
        self.line("emergency_contact", self.tr("Emergency contact"), 40)
        self.line("emergency_mobile", self.tr("Emergency contact's mobile"), 40)
        self._derive("")

    def _derive(self, text: str) -> None:
        """The sex and birth date the number carries, or why it is no number."""
        if self.id_number_kept or not text.strip():
            self.derived_label.setText(
                self.tr("The sex and birth date are read from the identity number.")
                if not self.id_number_kept
                else self.tr("The identity number is shown masked to your role and is kept.")
            )
            return
        try:
            found = read_id_number(text)
        except BadIdNumber as refusal:
            self.derived_label.setText(refusal.message)
            return
        sex = self.tr("male") if found.sex == "M" else self.tr("female")
        text_shown = fill(self.tr("%1, born %2"), sex, found.birth_date.isoformat())
        if found.converted_from_15:
            text_shown += " " + fill(self.tr("(15 digits, stored as %1)"), found.number)
        self.derived_label.setText(text_shown)

    def accept(self) -> None:
        super().accept()
        if "id_number" in self.errors():  # the reason is under the field: not twice
            self.derived_label.clear()

    def _load(self, session: Session, record_id: int) -> Any:
        return member_entry(session=session, membership_id=record_id)

    def _fill(self, session: Session, record: Any) -> None:
        for name in ("name", "mobile", "skills", "emergency_contact", "emergency_mobile"):
            self.set_text(name, getattr(record, name))
        self.id_number_kept = not record.id_number_full
        self.set_text("id_number", record.id_number)
        id_edit = self.fields["id_number"]
        id_edit.setEnabled(not self.id_number_kept)
        self._derive(record.id_number)
        self.post_combo.set_code(record.post)
        self.status_combo.set_code(record.status)
        self.set_text("joined", _date_text(record.joined))

    def _collect(self) -> tuple[MemberFields, DateChecks]:
        dates = DateChecks(self)
        fields = MemberFields(
            name=self.text_of("name"),
            id_number=None if self.id_number_kept else self.text_of("id_number"),
            mobile=self.text_of("mobile"),
            post=self.post_combo.code(),
            joined=dates.read("joined"),
            status=self.status_combo.code(),
            skills=self.text_of("skills"),
            emergency_contact=self.text_of("emergency_contact"),
            emergency_mobile=self.text_of("emergency_mobile"),
        )
        return fields, dates

    def _save(self, session: Session, data: Any) -> int:
        fields, dates = data
        row = dates.around(
            lambda: save_member(
                session=session, team_id=self.team_id, fields=fields, membership_id=self.record_id
            )
        )
        return row.membership_id


class _PersonRecordForm(RecordForm):
    """A record added to one person (a certificate, a policy): ``record_id`` is the
    person's (rescuer's) id, named in the title."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        rescuer_id: int,
        *,
        person: str,
        parent: QWidget | None = None,
    ) -> None:
        self.rescuer_id = rescuer_id
        self.person = person
        super().__init__(db, actor, None, parent=parent)


class CertificateForm(_PersonRecordForm):
    def _build(self, session: Session) -> None:
        self.setWindowTitle(fill(self.tr("Record a certificate of %1"), self.person))
        self.line("kind", self.tr("Certificate"), 60, self.tr("Such as 潜水员证, 急救员证"))
        self.line("number", self.tr("Number"), 60)
        self.line("issuer", self.tr("Issued by"), 80)
        self.line("expires", self.tr("Valid until"), 20, self.tr("Such as 2027-06-30"))

    def _collect(self) -> tuple[CertificateFields, DateChecks]:
        dates = DateChecks(self)
        return (
            CertificateFields(
                self.text_of("kind"),
                self.text_of("number"),
                self.text_of("issuer"),
                dates.read("expires"),
            ),
            dates,
        )

    def _save(self, session: Session, data: Any) -> int:
        fields, dates = data
        return dates.around(
            lambda: add_certificate(session=session, rescuer_id=self.rescuer_id, fields=fields)
        )


class InsuranceForm(_PersonRecordForm):
    def _build(self, session: Session) -> None:
        self.setWindowTitle(fill(self.tr("Record accident insurance of %1"), self.person))
        self.line("kind", self.tr("Kind"), 60, self.tr("Such as 团体意外伤害保险"))
        self.line("policy", self.tr("Policy number"), 60)
        self.line("insurer", self.tr("Insurer"), 80)
        self.line("starts", self.tr("From"), 20, self.tr("Such as 2026-01-01"))
        self.line("ends", self.tr("Until"), 20, self.tr("Such as 2026-12-31"))

    def _collect(self) -> tuple[InsuranceFields, DateChecks]:
        dates = DateChecks(self)
        starts = dates.read("starts")
        return (
            InsuranceFields(
                ends=dates.read("ends"),
                kind=self.text_of("kind"),
                policy=self.text_of("policy"),
                insurer=self.text_of("insurer"),
                starts=starts,
            ),
            dates,
        )

    def _save(self, session: Session, data: Any) -> int:
        fields, dates = data
        return dates.around(
            lambda: add_insurance(session=session, rescuer_id=self.rescuer_id, fields=fields)
        )


class StatusForm(RecordForm):
    """A change of a team's status, with where and why; ``record_id`` is the team's."""

    def _build(self, session: Session) -> None:
        self.status_now = QLabel()
        self.add_field("current", self.tr("Status now"), self.status_now)
        self.status_combo = QComboBox()
        self.add_field("status", self.tr("New status"), self.status_combo)
        self.line("place", self.tr("Where"), 200, self.tr("Such as 城东镇江滨村村委会"))
        self.line("reason", self.tr("Why"), 500, self.tr("Such as 台风防御Ⅳ级响应, 预置待命"))

    def _load(self, session: Session, record_id: int) -> Any:
        try:
            return team_row(session=session, team_id=record_id)
        except NotFound:
            return None

    def _fill(self, session: Session, record: Any) -> None:
        self.setWindowTitle(fill(self.tr("Change the status of %1"), record.name))
        since = display_time(record.status_at) if record.status_at is not None else ""
        self.status_now.setText(
            fill(self.tr("%1 since %2"), label(TEAM_STATUSES, record.status), since)
            if since
            else label(TEAM_STATUSES, record.status)
        )
        for code in TEAM_STATUSES:
            if code != record.status:  # the status it has is not offered
                self.status_combo.addItem(label(TEAM_STATUSES, code), code)

    def _collect(self) -> tuple[str, str, str]:
        return self.status_combo.currentData() or "", self.text_of("reason"), self.text_of("place")

    def _save(self, session: Session, data: Any) -> int:
        status, reason, place = data
        change = change_status(
            session=session,
            team_id=self.record_id or 0,
            status=status,
            reason=reason,
            place=place,
            at=None,
        )
        return change.id


class EquipmentForm(RecordForm):
    """An item of a team's equipment: kind, count, state (working, out of service, lost)."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        record_id: int | None = None,
        *,
        team_id: int,
        parent: QWidget | None = None,
    ) -> None:
        self.team_id = team_id
        super().__init__(db, actor, record_id, parent=parent)

    def _build(self, session: Session) -> None:
        team = _team_name(session, self.team_id)
        self.setWindowTitle(
            fill(self.tr("Edit equipment of %1"), team)
            if self.record_id is not None
            else fill(self.tr("New equipment of %1"), team)
        )
        self.line("kind", self.tr("Equipment"), 60, self.tr("Such as 冲锋舟, 救生衣"))
        self.line("count", self.tr("Count"), 8)
        self.set_text("count", 1)
        self.state_combo = CodeCombo(EQUIPMENT_STATES)
        self.add_field("state", self.tr("State"), self.state_combo)
        self.line("note", self.tr("Note"), 500)

    def _load(self, session: Session, record_id: int) -> Any:
        found = list_equipment(session=session, team_id=self.team_id)
        return next((e for e in found if e.id == record_id), None)

    def _fill(self, session: Session, record: Any) -> None:
        self.set_text("kind", record.kind)
        self.set_text("count", record.count)
        self.state_combo.set_code(record.state)
        self.set_text("note", record.note)

    def _collect(self) -> dict[str, Any]:
        return {
            "kind": self.text_of("kind"),
            "count": self.text_of("count"),
            "state": self.state_combo.code() or "",
            "note": self.text_of("note"),
        }

    def _save(self, session: Session, data: Any) -> int:
        item = save_equipment(
            session=session, team_id=self.team_id, equipment_id=self.record_id, **data
        )
        return item.id
