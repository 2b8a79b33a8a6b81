"""The numbering register: one register of document numbers (reports upward, and dispatch
orders once they exist), 某防指〔2026〕12号, counted per document kind and year.

Every number taken is a row of ``document_numbers``, which the console only adds to
(never changed, never deleted), so a number is never given twice: (kind, year, number)
is unique, and a workstation that loses the race for a number to another one numbering
at the same moment takes the next (on SQLite the write lock taken at the unit of work's
start already serialises them; on PostgreSQL the unique index does, the loser retrying
in a savepoint). The issuer's full name and its abbreviation (the numbers' prefix) are
one row of ``document_issuer``, shared by every workstation; until set they come from
the county's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from sqlalchemy import CheckConstraint, Integer, String, UniqueConstraint, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, utcnow
from models.clock import display_zone
from models.fields import FieldChecker
from models.messages import QT_TRANSLATE_NOOP
from models.refusals import Conflict
from models.users import Permission, require

# A document kind's numbers: the issuer's abbreviation followed by the kind's mark
# (温防指〔2026〕12号 for a report, 温防指令〔2026〕3号 for a dispatch order).
NUMBER_KINDS = {
    "report": ("", QT_TRANSLATE_NOOP("Label", "Report upward")),
    "order": ("令", QT_TRANSLATE_NOOP("Label", "Dispatch order")),
}
NAME_LIMIT = 80
ABBREVIATION_LIMIT = 20
DEFAULT_NAME_SUFFIX = "防汛防台抗旱指挥部"
DEFAULT_ABBREVIATION_SUFFIX = "防指"
_ATTEMPTS = 20


class DocumentNumber(Base):
    """One number taken; rows are only ever added."""

    __tablename__ = "document_numbers"
    __table_args__ = (
        UniqueConstraint("kind", "year", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
        {"info": {"console_rights": "append"}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(60))  # as printed: 某防指〔2026〕12号
    subject: Mapped[str] = mapped_column(String(200))  # what it numbers
    taken_at: Mapped[datetime]
    taken_by: Mapped[str] = mapped_column(String(60))


class DocumentIssuer(Base):
    """The issuer named on documents: one row (id 1)."""

    __tablename__ = "document_issuer"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LIMIT))
    abbreviation: Mapped[str] = mapped_column(String(ABBREVIATION_LIMIT))
    changed_at: Mapped[datetime]
    changed_by: Mapped[str] = mapped_column(String(60))


@dataclass(frozen=True, slots=True)
class Issuer:
    name: str  # 某某县防汛防台抗旱指挥部
    abbreviation: str  # 某防指
    configured: bool  # False: made from the county's name


@dataclass(frozen=True, slots=True)
class NumberRow:
    kind: str
    year: int
    number: int
    text: str
    subject: str
    taken_at: datetime
    taken_by: str


def format_number(prefix: str, year: int, number: int) -> str:
    """某防指〔2026〕12号: the full year in 〔〕, no leading zeros, no 第 (GB/T 9704)."""
    return f"{prefix}〔{year}〕{number}号"


def _county_name(session: Session) -> str | None:
    from models.areas.tables import Division

    return session.scalar(
        select(Division.name).where(Division.level == "county").order_by(Division.id).limit(1)
    )


def default_issuer(county: str | None) -> Issuer:
    """某某县防汛防台抗旱指挥部 and 某某防指 from the county's name (玉环市: 玉环防指)."""
    if not county:
        return Issuer("县" + DEFAULT_NAME_SUFFIX, "县" + DEFAULT_ABBREVIATION_SUFFIX, False)
    short = county[:-1] if len(county) > 2 and county[-1] in "县市区旗" else county
    return Issuer(county + DEFAULT_NAME_SUFFIX, short + DEFAULT_ABBREVIATION_SUFFIX, False)


def issuer(*, session: Session) -> Issuer:
    """The issuer documents name, as configured or made from the county's name."""
    require(session, Permission.READ_REGISTER)
    row = session.get(DocumentIssuer, 1)
    if row is not None:
        return Issuer(row.name, row.abbreviation, True)
    return default_issuer(_county_name(session))


def set_issuer(*, session: Session, name: str, abbreviation: str) -> Issuer:
    """Names the issuer and the abbreviation its document numbers start with."""
    actor = require(session, Permission.MANAGE_EVENTS)
    checker = FieldChecker()
    full = checker.text(
        "name",
        name,
        NAME_LIMIT,
        QCoreApplication.translate("Numbering", "Give the issuer's full name."),
    )
    short = checker.text(
        "abbreviation",
        abbreviation,
        ABBREVIATION_LIMIT,
        QCoreApplication.translate(
            "Numbering", "Give the abbreviation document numbers start with."
        ),
    )
    checker.done()
    row = session.get(DocumentIssuer, 1)
    if row is None:
        row = DocumentIssuer(id=1)
        session.add(row)
    row.name, row.abbreviation = full or "", short or ""
    row.changed_at, row.changed_by = utcnow(), actor.name
    session.flush()
    return Issuer(row.name, row.abbreviation, True)


def take_number(
    *, session: Session, kind: str, subject: str, at: datetime | None = None
) -> NumberRow:
    """The next number of ``kind`` in the year of ``at`` (default now, in the display
    zone), kept in the register. Two workstations numbering at once get two numbers."""
    actor = require(session, Permission.MANAGE_EVENTS)
    if kind not in NUMBER_KINDS:
        raise ValueError(f"unknown document kind {kind}")
    when = at or utcnow()
    year = when.astimezone(display_zone()).year
    prefix = issuer(session=session).abbreviation + NUMBER_KINDS[kind][0]
    for _attempt in range(_ATTEMPTS):
        latest = session.scalar(
            select(func.max(DocumentNumber.number)).where(
                DocumentNumber.kind == kind, DocumentNumber.year == year
            )
        )
        number = (latest or 0) + 1
        row = DocumentNumber(
            kind=kind,
            year=year,
            number=number,
            text=format_number(prefix, year, number),
            subject=subject[:200],
            taken_at=utcnow(),
            taken_by=actor.name,
        )
        try:
            with session.begin_nested():
                session.add(row)
        except IntegrityError:
            continue  # another workstation took it meanwhile: the next one
        return NumberRow(kind, year, number, row.text, row.subject, row.taken_at, row.taken_by)
    raise Conflict(
        QCoreApplication.translate(
            "Numbering", "No document number could be taken: too many at once. Try again."
        )
    )


def numbers_taken(
    *, session: Session, kind: str | None = None, year: int | None = None
) -> list[NumberRow]:
    """The register, oldest first."""
    require(session, Permission.READ_REGISTER)
    query = select(DocumentNumber).order_by(
        DocumentNumber.year, DocumentNumber.kind, DocumentNumber.number
    )
    if kind is not None:
        query = query.where(DocumentNumber.kind == kind)
    if year is not None:
        query = query.where(DocumentNumber.year == year)
    return [
        NumberRow(r.kind, r.year, r.number, r.text, r.subject, r.taken_at, r.taken_by)
        for r in session.scalars(query)
    ]


def number_kind_label(kind: str) -> str:
    return QCoreApplication.translate("Label", NUMBER_KINDS[kind][1])
