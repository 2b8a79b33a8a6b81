"""The expert pool (专家库): name, field (first level fixed: accidents, natural disasters,
public health, social security, integrated management; second level from a configurable
list), specialty, organisation, title, appointment period, phones, available or not."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.fields import FieldChecker
from models.messages import fill
from models.privacy import phone_masker
from models.teams.codes import DEFAULT_SECOND_FIELDS, EXPERT_FIELDS
from models.teams.tables import NAME_LIMIT, PERSON_LIMIT, Expert, ExpertSubfield
from models.users import Permission, require


@dataclass(frozen=True, slots=True)
class ExpertFields:
    name: str | None
    field: str | None
    subfield: str | None = None
    specialty: str | None = None
    organisation: str | None = None
    title: str | None = None
    appointed_from: date | None = None
    appointed_to: date | None = None
    office_phone: str | None = None
    mobile: str | None = None
    available: bool = True
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ExpertRow:
    id: int
    name: str
    field: str
    subfield: str | None
    specialty: str | None
    organisation: str
    title: str | None
    appointed_from: date | None
    appointed_to: date | None
    office_phone: str | None
    mobile: str | None  # masked unless the reader may see personal numbers
    available: bool
    note: str | None


def subfields(*, session: Session) -> dict[str, tuple[str, ...]]:
    """Each first-level field's second levels: the configured ones, else the defaults."""
    configured: dict[str, list[str]] = {}
    for field, name in session.execute(
        select(ExpertSubfield.field, ExpertSubfield.name).order_by(ExpertSubfield.name)
    ):
        configured.setdefault(field, []).append(name)
    return {
        field: tuple(configured.get(field, DEFAULT_SECOND_FIELDS.get(field, ())))
        for field in EXPERT_FIELDS
    }


def set_subfields(*, session: Session, field: str, names: Iterable[str]) -> None:
    """Configure the second levels under a first-level field (empty: the defaults)."""
    require(session, Permission.MANAGE_TEAMS)
    checker = FieldChecker()
    checker.code(
        "field",
        field,
        EXPERT_FIELDS,
        fill(QCoreApplication.translate("Teams", "Unknown field of experts: %1"), field),
    )
    cleaned = sorted({name.strip() for name in names if name.strip()})
    for name in cleaned:
        checker.text("subfield", name, 40)
    checker.done()
    session.execute(delete(ExpertSubfield).where(ExpertSubfield.field == field))
    session.add_all(ExpertSubfield(field=field, name=name) for name in cleaned)
    session.flush()


def check_expert(
    checker: FieldChecker, fields: ExpertFields, known: dict[str, tuple[str, ...]]
) -> dict[str, object]:
    field = checker.code(
        "field",
        fields.field,
        EXPERT_FIELDS,
        fill(
            QCoreApplication.translate("Teams", "Unknown field of experts: %1"), fields.field or ""
        ),
    )
    subfield = checker.text("subfield", fields.subfield, 40)
    if field is not None and subfield is not None and subfield not in known.get(field, ()):
        checker.add(
            "subfield",
            fill(
                QCoreApplication.translate(
                    "Teams", "%1 is not a second-level field of this field; configured: %2."
                ),
                subfield,
                "、".join(known.get(field, ())),
            ),
        )
    if (
        fields.appointed_from is not None
        and fields.appointed_to is not None
        and fields.appointed_to < fields.appointed_from
    ):
        checker.add(
            "appointed_to",
            QCoreApplication.translate("Teams", "The appointment ends before it starts."),
        )
    return {
        "name": checker.text(
            "name",
            fields.name,
            PERSON_LIMIT,
            QCoreApplication.translate("Teams", "Give the expert's name."),
        ),
        "field": field,
        "subfield": subfield,
        "specialty": checker.text("specialty", fields.specialty, NAME_LIMIT),
        "organisation": checker.text("organisation", fields.organisation, NAME_LIMIT) or "",
        "title": checker.text("title", fields.title, PERSON_LIMIT),
        "appointed_from": fields.appointed_from,
        "appointed_to": fields.appointed_to,
        "office_phone": checker.phone("office_phone", fields.office_phone),
        "mobile": checker.phone("mobile", fields.mobile),
        "available": bool(fields.available),
        "note": checker.text("note", fields.note, 500),
    }


def save_expert(
    *, session: Session, fields: ExpertFields, expert_id: int | None = None
) -> ExpertRow:
    """Add an expert or change one; the same name at the same organisation is refused."""
    require(session, Permission.MANAGE_TEAMS)
    checker = FieldChecker()
    values = check_expert(checker, fields, subfields(session=session))
    taken = session.scalar(
        select(Expert.id).where(
            Expert.name == values["name"], Expert.organisation == values["organisation"]
        )
    )
    if taken is not None and taken != expert_id:
        checker.add(
            "name",
            QCoreApplication.translate("Teams", "This expert of this organisation is registered."),
        )
    expert = session.get(Expert, expert_id) if expert_id is not None else Expert()
    if expert is None:
        checker.add("", QCoreApplication.translate("Teams", "This expert no longer exists."))
    checker.done()
    assert expert is not None
    for key, value in values.items():
        setattr(expert, key, value)
    session.add(expert)
    session.flush()
    return _row(expert, phone_masker(session))


def list_experts(
    *, session: Session, field: str | None = None, available: bool | None = None
) -> list[ExpertRow]:
    require(session, Permission.READ_REGISTER)
    query = select(Expert).order_by(Expert.field, Expert.subfield, Expert.name)
    if field is not None:
        query = query.where(Expert.field == field)
    if available is not None:
        query = query.where(Expert.available.is_(available))
    mask = phone_masker(session)
    return [_row(expert, mask) for expert in session.scalars(query)]


def _row(expert: Expert, mask: Callable[[str | None], str | None]) -> ExpertRow:
    return ExpertRow(
        expert.id,
        expert.name,
        expert.field,
        expert.subfield,
        expert.specialty,
        expert.organisation,
        expert.title,
        expert.appointed_from,
        expert.appointed_to,
        expert.office_phone,
        mask(expert.mobile),
        expert.available,
        expert.note,
    )
