"""The duty roster of the day (值班表): per duty day and shift, the officers on duty and the
leader on shift (领导带班) with a phone. The leader need not be a console user: a name and
a phone. A duty day runs from 08:00 to 08:00 the next morning (DOMAIN.md), in the
workstation's zone; the duty officer sets it, and a level change's signer is chosen from
its leaders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication
from sqlalchemy import Date, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, utcnow
from models.clock import display_zone
from models.fields import FieldChecker
from models.messages import QT_TRANSLATE_NOOP, fill
from models.privacy import phone_masker
from models.refusals import InvalidValue, NotFound
from models.users import Permission, require

# Shifts in the order of the day; a room with one 24-hour shift uses "full".
SHIFTS = {
    "full": QT_TRANSLATE_NOOP("Label", "Whole day (08:00–08:00)"),
    "day": QT_TRANSLATE_NOOP("Label", "Day shift (08:00–20:00)"),
    "night": QT_TRANSLATE_NOOP("Label", "Night shift (20:00–08:00)"),
}
DAY_STARTS = time(8, 0)  # a duty day begins at 08:00
NIGHT_STARTS = time(20, 0)
OFFICERS_LIMIT, NAME_LIMIT, PHONE_LIMIT = 120, 40, 40


class RosterShift(Base):
    """Who is on duty for one shift of one duty day."""

    __tablename__ = "duty_roster"
    __table_args__ = (UniqueConstraint("day", "shift"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    shift: Mapped[str] = mapped_column(String(10))
    officers: Mapped[str] = mapped_column(String(OFFICERS_LIMIT))
    leader: Mapped[str] = mapped_column(String(NAME_LIMIT))
    leader_phone: Mapped[str | None] = mapped_column(String(PHONE_LIMIT))
    set_by: Mapped[str] = mapped_column(String(60))
    set_at: Mapped[datetime]


@dataclass(frozen=True, slots=True)
class RosterRow:
    day: date
    shift: str
    officers: str
    leader: str
    leader_phone: str | None  # masked unless the reader may see personal numbers
    set_by: str


def duty_day(at: datetime | None = None) -> date:
    """The duty day ``at`` (default now) belongs to: before 08:00 it is still yesterday's."""
    local = (at or utcnow()).astimezone(display_zone())
    day = local.date()
    return day - timedelta(days=1) if local.time() < DAY_STARTS else day


def parse_day(text: object) -> date:
    """A duty day as typed (2026-12-07, or today); InvalidValue otherwise."""
    word = str(text).strip()
    if word.lower() in ("today", "今天"):
        return duty_day()
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise InvalidValue(
            fill(
                QCoreApplication.translate(
                    "Roster", "Not a day: give a date such as 2026-12-07, or today (given: %1)."
                ),
                word[:40],
            )
        ) from None


def set_roster(
    *,
    session: Session,
    day: date,
    shift: str,
    officers: str,
    leader: str,
    leader_phone: str | None = None,
) -> RosterRow:
    """Set (or replace) who is on duty for one shift of a duty day; the duty officer's
    task (``MANAGE_EVENTS``). Every problem is refused at once, under its field."""
    actor = require(session, Permission.MANAGE_EVENTS)
    checker = FieldChecker()
    if shift not in SHIFTS:
        checker.add(
            "shift",
            fill(QCoreApplication.translate("Roster", "Unknown shift: %1"), str(shift)),
        )
    names = checker.text(
        "officers",
        "、".join(part.strip() for part in officers.replace(",", "、").split("、") if part.strip()),
        OFFICERS_LIMIT,
        QCoreApplication.translate("Roster", "Name the officer or officers on duty."),
    )
    leader_name = checker.text(
        "leader",
        leader,
        NAME_LIMIT,
        QCoreApplication.translate("Roster", "Name the leader on shift."),
    )
    phone = checker.phone("leader_phone", leader_phone)
    checker.done()
    row = session.scalar(
        select(RosterShift).where(RosterShift.day == day, RosterShift.shift == shift)
    )
    if row is None:
        row = RosterShift(day=day, shift=shift)
        session.add(row)
    row.officers = names or ""
    row.leader = leader_name or ""
    row.leader_phone = phone
    row.set_by = actor.name
    row.set_at = utcnow()
    session.flush()
    return _row(row, phone_masker(session))


def day_roster(*, session: Session, day: date | None = None) -> list[RosterRow]:
    """The shifts of a duty day (default today's) in the order of the day, phones masked
    for roles that may not see personal numbers."""
    require(session, Permission.READ_REGISTER)
    mask = phone_masker(session)
    order = list(SHIFTS)
    rows = session.scalars(select(RosterShift).where(RosterShift.day == (day or duty_day())))
    return sorted((_row(row, mask) for row in rows), key=lambda r: order.index(r.shift))


def roster_leaders(*, session: Session, day: date | None = None) -> list[str]:
    """The leaders on the day's roster, the one on shift now first: the signers a level
    change offers."""
    rows = day_roster(session=session, day=day)
    now_shift = shift_now()
    ordered = sorted(rows, key=lambda r: r.shift not in (now_shift, "full"))
    return list(dict.fromkeys(row.leader for row in ordered))


def leader_on_shift(*, session: Session, at: datetime | None = None) -> str:
    """The leader on shift at ``at`` (default now) by the roster: the signer of a level
    change when none is named. Refused when the day has no roster."""
    rows = day_roster(session=session, day=duty_day(at))
    current = shift_now(at)
    for row in sorted(rows, key=lambda r: (r.shift != current, r.shift != "full")):
        return row.leader
    raise NotFound(
        QCoreApplication.translate(
            "Roster", "No leader on today's roster: name the signer or set the roster first."
        )
    )


def shift_now(at: datetime | None = None) -> str:
    """The day or night shift ``at`` (default now) falls in."""
    local = (at or utcnow()).astimezone(display_zone()).time()
    return "day" if DAY_STARTS <= local < NIGHT_STARTS else "night"


def _row(row: RosterShift, mask: Callable[[str | None], str | None]) -> RosterRow:
    return RosterRow(
        row.day, row.shift, row.officers, row.leader, mask(row.leader_phone), row.set_by
    )
