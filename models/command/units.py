"""Member units (成员单位): the headquarters' member units and the other bodies the duty
room deals with — name, abbreviation, kind, duty phone, a contact and the contact's
mobile. Phones are shown masked to roles that may not see personal numbers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from sqlalchemy import String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base
from models.fields import FieldChecker
from models.messages import QT_TRANSLATE_NOOP, fill
from models.privacy import phone_masker
from models.users import Permission, require

UNIT_KINDS = {
    "member": QT_TRANSLATE_NOOP("Label", "Member unit"),
    "town": QT_TRANSLATE_NOOP("Label", "Town headquarters"),
    "superior": QT_TRANSLATE_NOOP("Label", "Higher authority"),
    "other": QT_TRANSLATE_NOOP("Label", "Other body"),
}
NAME_LIMIT, ABBREVIATION_LIMIT, PHONE_LIMIT, CONTACT_LIMIT = 80, 20, 40, 40


class MemberUnit(Base):
    __tablename__ = "member_units"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LIMIT), unique=True)
    abbreviation: Mapped[str | None] = mapped_column(String(ABBREVIATION_LIMIT))
    kind: Mapped[str] = mapped_column(String(20))
    duty_phone: Mapped[str | None] = mapped_column(String(PHONE_LIMIT))
    contact: Mapped[str | None] = mapped_column(String(CONTACT_LIMIT))
    contact_phone: Mapped[str | None] = mapped_column(String(PHONE_LIMIT))
    note: Mapped[str | None] = mapped_column(Text)


@dataclass(frozen=True, slots=True)
class UnitRow:
    id: int
    name: str
    abbreviation: str | None
    kind: str
    duty_phone: str | None
    contact: str | None
    contact_phone: str | None  # masked unless the reader may see personal numbers
    note: str | None


@dataclass(frozen=True, slots=True)
class UnitFields:
    """A unit as entered or imported, before it is checked."""

    name: str | None
    abbreviation: str | None = None
    kind: str | None = "member"
    duty_phone: str | None = None
    contact: str | None = None
    contact_phone: str | None = None
    note: str | None = None


def check_unit(checker: FieldChecker, fields: UnitFields) -> dict[str, str | None]:
    """The unit's cleaned values; problems go into ``checker``."""
    return {
        "name": checker.text(
            "name",
            fields.name,
            NAME_LIMIT,
            QCoreApplication.translate("Units", "Give the unit's name."),
        ),
        "abbreviation": checker.text("abbreviation", fields.abbreviation, ABBREVIATION_LIMIT),
        "kind": checker.code(
            "kind",
            fields.kind or "member",
            UNIT_KINDS,
            fill(QCoreApplication.translate("Units", "Unknown kind of unit: %1"), fields.kind),
        ),
        "duty_phone": checker.phone("duty_phone", fields.duty_phone),
        "contact": checker.text("contact", fields.contact, CONTACT_LIMIT),
        "contact_phone": checker.phone("contact_phone", fields.contact_phone),
        "note": checker.text("note", fields.note, 500),
    }


def save_unit(*, session: Session, fields: UnitFields, unit_id: int | None = None) -> UnitRow:
    """Add a unit (``unit_id`` None) or change one; a name already taken is refused."""
    require(session, Permission.EDIT_REGISTER)
    checker = FieldChecker()
    values = check_unit(checker, fields)
    name = values["name"]
    if name is not None:
        taken = session.scalar(select(MemberUnit.id).where(MemberUnit.name == name))
        if taken is not None and taken != unit_id:
            checker.add(
                "name",
                fill(QCoreApplication.translate("Units", "A unit named %1 is registered."), name),
            )
    unit = session.get(MemberUnit, unit_id) if unit_id is not None else MemberUnit()
    if unit is None:
        checker.add("", QCoreApplication.translate("Units", "This unit no longer exists."))
    checker.done()
    assert unit is not None
    for key, value in values.items():
        setattr(unit, key, value)
    session.add(unit)
    session.flush()
    return _row(unit, phone_masker(session))


def list_units(*, session: Session) -> list[UnitRow]:
    """Every unit by name, phones masked for roles that may not see personal numbers."""
    require(session, Permission.READ_REGISTER)
    mask = phone_masker(session)
    return [
        _row(unit, mask) for unit in session.scalars(select(MemberUnit).order_by(MemberUnit.name))
    ]


def _row(unit: MemberUnit, mask: Callable[[str | None], str | None]) -> UnitRow:
    return UnitRow(
        unit.id,
        unit.name,
        unit.abbreviation,
        unit.kind,
        unit.duty_phone,  # the duty room's published number: not personal
        unit.contact,
        mask(unit.contact_phone),
        unit.note,
    )
