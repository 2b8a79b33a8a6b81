"""Personnel transfer (人员避险转移): households at risk, other transfer objects, and
their transfer records during an event, with history, roll-ups and snapshots.

The register (before a typhoon)
    ``Household`` rows per year come from the village transfer lists
    (models.imports.households); ``TransferObject`` rows are the work sheds,
    construction sites, fishing rafts and scenic spots moved by head count. Each
    carries ``card_code``, an opaque code printed on its transfer card: 9 random
    characters from an alphabet without look-alikes plus a check character, no
    personal information. A re-imported list keeps the codes: rows are matched to
    the year's households of the village by householder name and mobile (see
    models.imports.households for the fallback when the mobile changed).

During an event
    ``open_transfers`` gives every household and object of the register year a
    ``TransferRecord`` (a village's list imported during the event opens that
    village's). Register writes during the event keep the records in step at once
    (``sync_transfers``: a list imported again, a danger zone retyped). A record
    counts the subject's people in disjoint states: still to move, away from home
    (外出), refusing (拒绝转移), and moved to a shelter (集中安置), to relatives or
    friends (投亲靠友) or forcibly (强制转移).
    The three moved counts are cumulative for the event: a resident who returns
    home after the response is lifted stays counted as moved and is also counted
    in ``back_*`` (已返回), so the figures reported upward never fall and the
    shelter's occupancy (moved there minus returned from there) does. A
    household may move in parts. Every change writes a ``TransferChange`` (who,
    when, where, from, to, how many).

    Definitions, everywhere: people to move = residents - away; moved =
    sheltered + relatives + forced; still at home = people to move - moved (so
    refusing residents are still at home until moved); completion rate = moved
    / people to move.

Concurrency
    ``record_transfer`` first locks the record with a no-op UPDATE (SQLite takes
    the database write lock, PostgreSQL the row lock, before anything is read), then
    compares the version the user saw with the stored one: a stale edit is
    refused with who changed the record and when (``TransferConflict``), never
    applied over the other. The mapper's version counter guards the write itself.
    On SQLite the caller should not read in the same transaction before calling
    it (a read would pin a snapshot; see the note on BEGIN IMMEDIATE in the
    report to the lead).
"""

from __future__ import annotations

import json
import operator
import platform
import random
import re
import secrets
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from sqlalchemy import (
    CheckConstraint,
    CursorResult,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    bindparam,
    case,
    false,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, aliased, mapped_column

from models.areas import DangerZone, Division, Grid, Shelter
from models.audit import bulk_operation
from models.base import Base, UTCDateTime, collector_paused, utcnow
from models.events import Event, acting_name
from models.meta import revisions
from models.privacy import can_see_personal, phone_masker
from models.search import SEPARATOR, search_key, with_pinyin
from models.users import Permission, require

# Until users.py has a permission of its own for check-in, whoever may edit the
# register (duty officers, planners, administrators) records transfers.
CHECK_IN = Permission.EDIT_REGISTER

TRANSFER_STATUSES = {
    "to_move": QT_TRANSLATE_NOOP("Label", "To move"),
    "away": QT_TRANSLATE_NOOP("Label", "Away from home"),
    "sheltered": QT_TRANSLATE_NOOP("Label", "In a shelter"),
    "relatives": QT_TRANSLATE_NOOP("Label", "With relatives or friends"),
    "refused": QT_TRANSLATE_NOOP("Label", "Refused to move"),
    "forced": QT_TRANSLATE_NOOP("Label", "Forcibly moved"),
    "returned": QT_TRANSLATE_NOOP("Label", "Returned home"),
}
MOVED_STATES = ("sheltered", "relatives", "forced")

OBJECT_KINDS = {
    "work_shed": QT_TRANSLATE_NOOP("Label", "Work shed"),
    "construction_site": QT_TRANSLATE_NOOP("Label", "Construction site"),
    "fishing_raft": QT_TRANSLATE_NOOP("Label", "Fishing raft"),
    "scenic_spot": QT_TRANSLATE_NOOP("Label", "Scenic spot"),
}
# The danger-zone kind an object is rolled up under.
OBJECT_DANGER_KIND = {
    "work_shed": "work_shed",
    "construction_site": "work_shed",
    "fishing_raft": "fishing_raft",
    "scenic_spot": "scenic_spot",
}
# Danger-zone kinds whose people are objects by head count rather than households.
OBJECT_ZONE_KINDS = frozenset({"work_shed", "fishing_raft", "scenic_spot"})

NEARLY_FULL = 0.9  # occupancy above this share of capacity is a warning

CARD_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L look-alikes
CARD_LENGTH = 10
_CARD_INDEX = {c: i for i, c in enumerate(CARD_ALPHABET)}
_CARD_RE = re.compile(rf"^(?:[A-Z]{{2,8}}[:：])?([{CARD_ALPHABET}]{{{CARD_LENGTH}}})$")


# -- tables ---------------------------------------------------------------------------


class Household(Base):
    """A household at risk on a village's transfer list for one year."""

    __tablename__ = "households"
    __table_args__ = (
        UniqueConstraint(
            "year", "village_id", "householder_name", "householder_phone", name="natural_key"
        ),
        CheckConstraint("residents >= 1", name="residents"),
        CheckConstraint(
            "elderly >= 0 AND disabled >= 0 AND bedridden >= 0 AND children >= 0 AND pregnant >= 0",
            name="vulnerable",
        ),
        Index("ix_households_year_village", "year", "village_id"),
        # The check-in search: one year's households by name, pinyin, initials, mobile.
        Index("ix_households_year_name", "year", "householder_name"),
        Index("ix_households_year_pinyin", "year", "name_pinyin"),
        Index("ix_households_year_initials", "year", "name_initials"),
        Index("ix_households_year_last4", "year", "phone_last4"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    village_id: Mapped[int] = mapped_column(ForeignKey("divisions.id", ondelete="RESTRICT"))
    danger_zone_id: Mapped[int | None] = mapped_column(
        ForeignKey("danger_zones.id", ondelete="SET NULL"), index=True
    )
    grid_id: Mapped[int | None] = mapped_column(
        ForeignKey("grids.id", ondelete="SET NULL"), index=True
    )
    location: Mapped[str | None] = mapped_column(String(120))
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    householder_name: Mapped[str] = mapped_column(String(30))
    householder_phone: Mapped[str | None] = mapped_column(String(20))
    # Search columns, derived from the name and mobile on every write.
    name_pinyin: Mapped[str] = mapped_column(String(120), default="")
    name_initials: Mapped[str] = mapped_column(String(30), default="")
    phone_last4: Mapped[str | None] = mapped_column(String(4))
    residents: Mapped[int] = mapped_column(Integer)
    elderly: Mapped[int] = mapped_column(Integer, default=0)
    disabled: Mapped[int] = mapped_column(Integer, default=0)
    bedridden: Mapped[int] = mapped_column(Integer, default=0)
    children: Mapped[int] = mapped_column(Integer, default=0)
    pregnant: Mapped[int] = mapped_column(Integer, default=0)
    transfer_person_name: Mapped[str | None] = mapped_column(String(30))
    transfer_person_post: Mapped[str | None] = mapped_column(String(30))
    transfer_person_phone: Mapped[str | None] = mapped_column(String(20))
    warning_person_name: Mapped[str | None] = mapped_column(String(30))
    warning_person_post: Mapped[str | None] = mapped_column(String(30))
    warning_person_phone: Mapped[str | None] = mapped_column(String(20))
    shelter_id: Mapped[int | None] = mapped_column(
        ForeignKey("shelters.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str | None] = mapped_column(String(200))
    card_code: Mapped[str] = mapped_column(String(12), unique=True)


class TransferObject(Base):
    """A work shed, construction site, fishing raft or scenic spot, moved by head count."""

    __tablename__ = "transfer_objects"
    __table_args__ = (
        CheckConstraint("head_count >= 1", name="head_count"),
        Index("ix_transfer_objects_year_village", "year", "village_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(80), index=True)
    name_pinyin: Mapped[str] = mapped_column(String(240), default="")
    name_initials: Mapped[str] = mapped_column(String(60), index=True, default="")
    village_id: Mapped[int] = mapped_column(ForeignKey("divisions.id", ondelete="RESTRICT"))
    danger_zone_id: Mapped[int | None] = mapped_column(
        ForeignKey("danger_zones.id", ondelete="SET NULL"), index=True
    )
    location: Mapped[str | None] = mapped_column(String(120))
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    person_name: Mapped[str | None] = mapped_column(String(30))
    person_post: Mapped[str | None] = mapped_column(String(30))
    person_phone: Mapped[str | None] = mapped_column(String(20))
    head_count: Mapped[int] = mapped_column(Integer)
    shelter_id: Mapped[int | None] = mapped_column(
        ForeignKey("shelters.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str | None] = mapped_column(String(200))
    card_code: Mapped[str] = mapped_column(String(12), unique=True)


_COUNTS: tuple[str, ...] = (
    "away",
    "refused",
    "sheltered",
    "relatives",
    "forced",
    "back_sheltered",
    "back_relatives",
    "back_forced",
)


class TransferRecord(Base):
    """Where the people of one household or object are during one event.

    ``village_id``, ``kind`` (the danger-zone kind) and ``residents`` are copied
    from the subject, so the tallies can be kept and rebuilt from this table alone.
    """

    __tablename__ = "transfer_records"
    __table_args__ = (
        UniqueConstraint("event_id", "household_id", name="event_household"),
        UniqueConstraint("event_id", "object_id", name="event_object"),
        CheckConstraint(
            "(household_id IS NULL AND object_id IS NOT NULL) "
            "OR (household_id IS NOT NULL AND object_id IS NULL)",
            name="one_subject",
        ),
        CheckConstraint(
            "away >= 0 AND refused >= 0 AND sheltered >= 0 AND relatives >= 0 AND forced >= 0 "
            "AND away + refused + sheltered + relatives + forced <= residents",
            name="counts",
        ),
        CheckConstraint(
            "back_sheltered >= 0 AND back_sheltered <= sheltered AND back_relatives >= 0 "
            "AND back_relatives <= relatives AND back_forced >= 0 AND back_forced <= forced",
            name="returns",
        ),
        Index("ix_transfer_records_event_village", "event_id", "village_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="RESTRICT"))
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("households.id", ondelete="RESTRICT"), index=True
    )
    object_id: Mapped[int | None] = mapped_column(
        ForeignKey("transfer_objects.id", ondelete="RESTRICT"), index=True
    )
    village_id: Mapped[int] = mapped_column(ForeignKey("divisions.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(24), default="")
    residents: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12), default="to_move", index=True)
    away: Mapped[int] = mapped_column(Integer, default=0)
    refused: Mapped[int] = mapped_column(Integer, default=0)
    sheltered: Mapped[int] = mapped_column(Integer, default=0)
    relatives: Mapped[int] = mapped_column(Integer, default=0)
    forced: Mapped[int] = mapped_column(Integer, default=0)
    back_sheltered: Mapped[int] = mapped_column(Integer, default=0)
    back_relatives: Mapped[int] = mapped_column(Integer, default=0)
    back_forced: Mapped[int] = mapped_column(Integer, default=0)
    # The shelter its sheltered people are in; until then the assigned one.
    shelter_id: Mapped[int | None] = mapped_column(
        ForeignKey("shelters.id", ondelete="SET NULL"), index=True
    )
    refusal_reason: Mapped[str | None] = mapped_column(String(200))
    authorised_by: Mapped[str | None] = mapped_column(String(60))
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(60), default="")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class TransferChange(Base):
    """One change of a transfer record: who, when, where, from which state to which, how many."""

    __tablename__ = "transfer_changes"
    __table_args__ = (
        CheckConstraint("count >= 1", name="count"),
        Index("ix_transfer_changes_event_at", "event_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(
        ForeignKey("transfer_records.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="RESTRICT"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(60))
    place: Mapped[str | None] = mapped_column(String(80))  # workstation or shelter
    from_status: Mapped[str] = mapped_column(String(12))
    to_status: Mapped[str] = mapped_column(String(12))
    count: Mapped[int] = mapped_column(Integer)
    shelter_id: Mapped[int | None] = mapped_column(
        ForeignKey("shelters.id", ondelete="SET NULL"), index=True
    )
    reason: Mapped[str | None] = mapped_column(String(200))
    authorised_by: Mapped[str | None] = mapped_column(String(60))
    version: Mapped[int] = mapped_column(Integer)  # the record's version after the change


class TransferTally(Base):
    """Maintained sums of an event's records, so the roll-up reads a few thousand rows
    instead of grouping every record.

    ``scope`` "v": one village (``area_id`` the village); "t": one town and danger
    kind (``area_id`` the town, 0 for a village without one); "s": the records whose
    ``shelter_id`` is the shelter ``area_id``. Changed in the same transaction as the
    records (``_apply_tallies``); rebuilt from the records by ``rebuild_tallies``.
    Derived data: not audited.
    """

    __tablename__ = "transfer_tallies"
    __table_args__ = (UniqueConstraint("event_id", "scope", "area_id", "kind", name="tally_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    scope: Mapped[str] = mapped_column(String(1))
    area_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(24), default="")
    subjects: Mapped[int] = mapped_column(Integer, default=0)
    residents: Mapped[int] = mapped_column(Integer, default=0)
    away: Mapped[int] = mapped_column(Integer, default=0)
    refused: Mapped[int] = mapped_column(Integer, default=0)
    sheltered: Mapped[int] = mapped_column(Integer, default=0)
    relatives: Mapped[int] = mapped_column(Integer, default=0)
    forced: Mapped[int] = mapped_column(Integer, default=0)
    back_sheltered: Mapped[int] = mapped_column(Integer, default=0)
    back_relatives: Mapped[int] = mapped_column(Integer, default=0)
    back_forced: Mapped[int] = mapped_column(Integer, default=0)
    remaining: Mapped[int] = mapped_column(Integer, default=0)  # still to move


class TownReport(Base):
    """Aggregate figures a town phoned in; counted apart from the listed households."""

    __tablename__ = "town_reports"
    __table_args__ = (
        CheckConstraint(
            "people_to_move >= 0 AND moved >= 0 AND sheltered >= 0 AND relatives >= 0 "
            "AND forced >= 0 AND refused >= 0",
            name="figures",
        ),
        Index("ix_town_reports_event_town", "event_id", "town_id", "reported_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="RESTRICT"))
    town_id: Mapped[int] = mapped_column(ForeignKey("divisions.id", ondelete="RESTRICT"))
    reported_at: Mapped[datetime] = mapped_column()
    source: Mapped[str] = mapped_column(String(120))
    people_to_move: Mapped[int] = mapped_column(Integer, default=0)
    moved: Mapped[int] = mapped_column(Integer, default=0)
    sheltered: Mapped[int] = mapped_column(Integer, default=0)
    relatives: Mapped[int] = mapped_column(Integer, default=0)
    forced: Mapped[int] = mapped_column(Integer, default=0)
    refused: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str | None] = mapped_column(String(200))
    entered_by: Mapped[str] = mapped_column(String(60))
    entered_at: Mapped[datetime] = mapped_column(default=utcnow)


class RollupSnapshot(Base):
    """The roll-up of an event as it stood at one time (kept; taken hourly).

    ``hour`` is the clock hour (UTC) of an hourly snapshot, unique per event: when two
    consoles take the same hour's snapshot at once, one is kept. A snapshot kept by
    hand has none (NULLs never collide).
    """

    __tablename__ = "rollup_snapshots"
    __table_args__ = (
        Index("ix_rollup_snapshots_event_taken", "event_id", "taken_at"),
        UniqueConstraint("event_id", "hour", name="uq_rollup_snapshots_event_hour"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="RESTRICT"))
    taken_at: Mapped[datetime] = mapped_column()
    hour: Mapped[datetime | None] = mapped_column()
    data: Mapped[str] = mapped_column(Text)  # JSON, see rollup_to_dict


# -- errors -----------------------------------------------------------------------------


class TransferRefused(ValueError):
    """A transfer change that cannot be made as asked; the message is for the user."""


class TransferConflict(TransferRefused):
    """Someone else changed the record since the user loaded it; nothing was written."""

    def __init__(
        self, message: str, *, changed_by: str, changed_at: datetime, current: TransferRow | None
    ) -> None:
        super().__init__(message)
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current = current


def _fill(template: str, *values: object) -> str:
    """``template`` with %1, %2... replaced in one pass."""
    return re.sub(
        r"%(\d)",
        lambda m: (
            str(values[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(values) else m.group(0)
        ),
        template,
    )


# The settings file, what its status said (inode, modified, size) and the zone it named.
_zone_read: tuple[Path, tuple[int, int, int] | None, ZoneInfo] | None = None


def display_zone() -> ZoneInfo:
    """The zone times are shown in (the workstation setting, Asia/Shanghai by default);
    the settings file is read again only when it has changed."""
    global _zone_read
    from models.settings import Settings, settings_path

    path = settings_path()
    try:
        status = path.stat()
        stamp: tuple[int, int, int] | None = (status.st_ino, status.st_mtime_ns, status.st_size)
    except OSError:
        stamp = None
    if _zone_read is not None and _zone_read[:2] == (path, stamp):
        return _zone_read[2]
    try:
        zone = ZoneInfo(Settings.load().timezone)
    except Exception:
        zone = ZoneInfo("Asia/Shanghai")
    _zone_read = (path, stamp, zone)
    return zone


def display_time(at: datetime) -> str:
    """A stored time as the duty room reads it: the display zone, to the minute."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(display_zone()).strftime("%Y-%m-%d %H:%M")


def _local_time(at: datetime) -> str:
    return at.astimezone(display_zone()).strftime("%Y-%m-%d %H:%M:%S")


_T = TypeVar("_T")


def _table(entity: type[Base]) -> Table:
    """The Core table of a mapped class (typed for Core inserts and updates)."""
    return cast(Table, entity.__table__)


def _rows_as(cls: Callable[..., _T], result: Iterable[Any]) -> list[_T]:
    return [cls(*row) for row in result]


# -- card codes and search columns ----------------------------------------------------------


def _check_char(body: str) -> str:
    """A weighted mod-31 check character: catches any single wrong or swapped pair."""
    total = sum((i + 1) * _CARD_INDEX[c] for i, c in enumerate(body))
    return CARD_ALPHABET[total % len(CARD_ALPHABET)]


def new_card_code(rng: random.Random | None = None) -> str:
    """An opaque card code: 9 random characters and a check character."""
    if rng is None:
        base = len(CARD_ALPHABET)
        limit = 256 - 256 % base  # bytes at or above this would favour the first letters
        picks: list[str] = []
        while len(picks) < CARD_LENGTH - 1:
            picks.extend(CARD_ALPHABET[b % base] for b in secrets.token_bytes(16) if b < limit)
        body = "".join(picks[: CARD_LENGTH - 1])
    else:
        body = "".join(rng.choice(CARD_ALPHABET) for _ in range(CARD_LENGTH - 1))
    return body + _check_char(body)


# Random bytes to code characters as new_card_code draws them: a byte at or above
# _CARD_LIMIT is dropped (it would favour the first letters), the others taken modulo
# the alphabet's length.
_CARD_LIMIT = 256 - 256 % len(CARD_ALPHABET)
_CARD_DROPPED = bytes(range(_CARD_LIMIT, 256))
_CARD_LETTERS = bytes(ord(CARD_ALPHABET[b % len(CARD_ALPHABET)]) for b in range(256))
_CARD_WEIGHTS = range(1, CARD_LENGTH)


def new_card_codes(count: int) -> list[str]:
    """``count`` codes made as ``new_card_code()`` makes one, from one draw of random bytes."""
    size = CARD_LENGTH - 1
    need = count * size
    drawn = b""
    while len(drawn) < need:  # about 3% of the bytes are dropped
        drawn += secrets.token_bytes(need + need // 16 + 64).translate(None, _CARD_DROPPED)
    letters = drawn[:need].translate(_CARD_LETTERS).decode("ascii")
    index, alphabet, weights = _CARD_INDEX.__getitem__, CARD_ALPHABET, _CARD_WEIGHTS
    base = len(alphabet)
    codes = []
    for start in range(0, need, size):  # _check_char, inlined
        body = letters[start : start + size]
        codes.append(body + alphabet[sum(map(operator.mul, weights, map(index, body))) % base])
    return codes


def parse_card_code(text: str) -> str | None:
    """The card code in a scanned or typed text (a prefix like ``ECC:`` allowed), or None.

    Lower case and full-width characters are accepted, as a keyboard-wedge scanner
    with the Chinese input method on would deliver them.
    """
    from models.imports.spreadsheet import half_width

    match = _CARD_RE.match(half_width(text).strip().upper())
    if match is None:
        return None
    code = match.group(1)
    return code if _check_char(code[:-1]) == code[-1] else None


# The codes of a batch already held, in one statement whatever the batch's size: the
# batch travels as one parameter (a JSON array on SQLite, a text array on PostgreSQL).
# Asked 500 codes per statement, 20,000 took 0.11-0.22 s; in one, 0.03 s.
_HELD_CODES = (
    "SELECT {code} FROM {codes} WHERE {code} IN (SELECT card_code FROM households)"
    " OR {code} IN (SELECT card_code FROM transfer_objects)"
)
# (the batch as rows, their column, the batch as a parameter)
_CODE_LISTS: dict[str, tuple[str, str, Callable[[Sequence[str]], Any]]] = {
    "sqlite": ("json_each(:codes)", "value", json.dumps),
    "postgresql": ("unnest(CAST(:codes AS text[])) AS code", "code", list),
}


def _held_codes(session: Session, codes: Sequence[str]) -> set[str]:
    rows, column, encode = _CODE_LISTS[session.get_bind().dialect.name]
    return set(
        session.scalars(text(_HELD_CODES.format(codes=rows, code=column)), {"codes": encode(codes)})
    )


def unique_card_codes(session: Session, count: int, rng: random.Random | None = None) -> list[str]:
    """``count`` new codes, none already held by a household or an object."""
    codes: list[str] = []
    taken: set[str] = set()
    while len(codes) < count:
        missing = count - len(codes)
        fresh = (
            set(new_card_codes(missing))
            if rng is None
            else {new_card_code(rng) for _ in range(missing)}
        ) - taken
        fresh -= set(codes)
        batch = sorted(fresh)
        clash = _held_codes(session, batch) if batch else set()
        taken |= clash
        codes.extend(code for code in batch if code not in clash)
    return codes[:count]


def name_search_columns(name: str) -> tuple[str, str]:
    """(full pinyin, pinyin initials) of a name, lower case, without separators."""
    text = name.strip().lower()
    if not text.isascii() and not text.isdigit() and SEPARATOR not in text:
        pinyin = with_pinyin(text)  # what search_key holds after the text itself
        if pinyin is not None:
            return pinyin[0].replace(" ", "")[:120], pinyin[1].replace(" ", "")[:30]
    parts = search_key(name).split(SEPARATOR)
    if len(parts) >= 3 and not text.isascii():
        return parts[1].replace(" ", "")[:120], parts[2].replace(" ", "")[:30]
    plain = re.sub(r"\s+", "", text)
    return plain[:120], plain[:30]


def phone_last4(phone: str | None) -> str | None:
    if phone and phone.isdigit() and phone.isascii():
        digits = phone
    else:
        digits = re.sub(r"\D", "", phone or "")
    return digits[-4:] if len(digits) >= 4 else None


def household_search_values(name: str, phone: str | None) -> dict[str, Any]:
    """The derived search columns of a household, for inserts and updates."""
    pinyin, initials = name_search_columns(name)
    return {"name_pinyin": pinyin, "name_initials": initials, "phone_last4": phone_last4(phone)}


# -- plain rows -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TransferRow:
    """A transfer record as the check-in panel shows it."""

    record_id: int
    event_id: int
    subject: str  # "household" or "object"
    subject_id: int
    object_kind: str | None  # for objects: work_shed, construction_site...
    card_code: str
    name: str  # householder or object name
    phone: str | None  # masked for roles without SEE_PERSONAL
    village_id: int
    village_name: str
    town_name: str
    danger_zone_name: str | None
    kind: str  # danger-zone kind
    location: str | None
    residents: int
    status: str
    away: int
    refused: int
    sheltered: int
    relatives: int
    forced: int
    returned: int
    in_shelter: int
    shelter_id: int | None
    shelter_name: str | None
    refusal_reason: str | None
    authorised_by: str | None
    version: int
    updated_at: datetime
    updated_by: str

    @property
    def moved(self) -> int:
        return self.sheltered + self.relatives + self.forced

    @property
    def people_to_move(self) -> int:
        return self.residents - self.away

    @property
    def remaining(self) -> int:
        """Residents in no other state: still to be moved (refusers not included)."""
        return self.residents - self.away - self.refused - self.moved

    @property
    def partial(self) -> bool:
        return self.moved > 0 and self.people_to_move - self.moved > 0


@dataclass(frozen=True, slots=True)
class SubjectRow:
    """A household or object found by the check-in search, with its record if any."""

    subject: str
    subject_id: int
    object_kind: str | None
    card_code: str
    name: str
    phone: str | None
    village_id: int
    village_name: str
    town_name: str
    danger_zone_name: str | None
    location: str | None
    residents: int
    shelter_id: int | None
    shelter_name: str | None
    record: TransferRow | None = None


@dataclass(frozen=True, slots=True)
class HouseholdRow:
    """A household of the register, as lists and the export show it."""

    id: int
    year: int
    village_id: int
    village_code: str
    village_name: str
    town_name: str
    danger_zone_id: int | None
    danger_zone_name: str | None
    danger_kind: str | None
    grid_id: int | None
    grid_name: str | None
    location: str | None
    lon: float | None
    lat: float | None
    householder_name: str
    householder_phone: str | None
    residents: int
    elderly: int
    disabled: int
    bedridden: int
    children: int
    pregnant: int
    transfer_person_name: str | None
    transfer_person_post: str | None
    transfer_person_phone: str | None
    warning_person_name: str | None
    warning_person_post: str | None
    warning_person_phone: str | None
    shelter_id: int | None
    shelter_name: str | None
    shelter_certified: bool | None
    shelter_manager: str | None
    shelter_manager_phone: str | None
    note: str | None
    card_code: str


# -- the register -----------------------------------------------------------------------------

_Village = aliased(Division, name="village")
_Town = aliased(Division, name="town")


def register_year(*, session: Session, at: datetime | None = None) -> int | None:
    """The register year in force at ``at`` (default now): the latest year with
    households or objects that is not after the year of ``at``; None when empty."""
    year = (at or utcnow()).astimezone(display_zone()).year
    latest, latest_obj = session.execute(
        select(  # one round trip for both
            select(func.max(Household.year)).where(Household.year <= year).scalar_subquery(),
            select(func.max(TransferObject.year))
            .where(TransferObject.year <= year)
            .scalar_subquery(),
        )
    ).one()
    years = [y for y in (latest, latest_obj) if y is not None]
    return max(years) if years else None


@dataclass(frozen=True, slots=True)
class ListCounts:
    """What the transfer lists of a register year hold."""

    year: int | None
    households: int = 0
    residents: int = 0
    objects: int = 0
    object_people: int = 0
    villages: int = 0  # villages with anything listed


def list_counts(*, session: Session, year: int | None = None) -> ListCounts:
    require(session, Permission.READ_REGISTER)
    if year is None:
        year = register_year(session=session)
    if year is None:
        return ListCounts(None)
    households, residents = session.execute(
        select(func.count(), func.coalesce(func.sum(Household.residents), 0)).where(
            Household.year == year
        )
    ).one()
    objects, people = session.execute(
        select(func.count(), func.coalesce(func.sum(TransferObject.head_count), 0)).where(
            TransferObject.year == year
        )
    ).one()
    villages = session.scalar(
        select(func.count()).select_from(
            select(Household.village_id)
            .where(Household.year == year)
            .union(select(TransferObject.village_id).where(TransferObject.year == year))
            .subquery()
        )
    )
    return ListCounts(
        year, int(households), int(residents), int(objects), int(people), int(villages or 0)
    )


def _household_select() -> Any:
    zone = aliased(DangerZone)
    return (
        select(
            Household.id,
            Household.year,
            Household.village_id,
            _Village.code,
            _Village.name,
            func.coalesce(_Town.name, ""),
            Household.danger_zone_id,
            zone.name,
            zone.kind,
            Household.grid_id,
            Grid.name,
            Household.location,
            Household.lon,
            Household.lat,
            Household.householder_name,
            Household.householder_phone,
            Household.residents,
            Household.elderly,
            Household.disabled,
            Household.bedridden,
            Household.children,
            Household.pregnant,
            Household.transfer_person_name,
            Household.transfer_person_post,
            Household.transfer_person_phone,
            Household.warning_person_name,
            Household.warning_person_post,
            Household.warning_person_phone,
            Household.shelter_id,
            Shelter.name,
            Shelter.safety_certified,
            Shelter.manager_name,
            Shelter.manager_phone,
            Household.note,
            Household.card_code,
        )
        .join(_Village, _Village.id == Household.village_id)
        .outerjoin(_Town, _Town.id == _Village.parent_id)
        .outerjoin(zone, zone.id == Household.danger_zone_id)
        .outerjoin(Grid, Grid.id == Household.grid_id)
        .outerjoin(Shelter, Shelter.id == Household.shelter_id)
    )


def list_households(
    *,
    session: Session,
    village_id: int | None = None,
    year: int | None = None,
    masked: bool | None = None,
) -> list[HouseholdRow]:
    """Households of a year (default: the register year), in list order.

    Phones are masked for roles without SEE_PERSONAL, or always with ``masked=True``;
    ``masked=False`` is for callers that checked a stronger permission themselves.
    """
    require(session, Permission.READ_REGISTER)
    if year is None:
        year = register_year(session=session)
        if year is None:
            return []
    stmt = _household_select().where(Household.year == year)
    if village_id is not None:
        stmt = stmt.where(Household.village_id == village_id)
    stmt = stmt.order_by(_Village.code, Household.id)
    if masked is None:
        mask = phone_masker(session)
    elif masked:
        from models.privacy import mask_phone

        mask = mask_phone
    else:

        def mask(value: str | None) -> str | None:
            return value

    rows = []
    for row in session.execute(stmt):
        values = list(row)
        for index in (15, 24, 27, 32):  # householder, transfer, warning, shelter manager phones
            values[index] = mask(values[index])
        values[30] = None if values[29] is None else bool(values[30])
        rows.append(HouseholdRow(*values))
    return rows


# -- opening records for an event -------------------------------------------------------------


def _event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise TransferRefused(
            QCoreApplication.translate("Transfers", "This event no longer exists.")
        )
    return event


def open_transfers(
    *, session: Session, event_id: int, year: int | None = None, village_id: int | None = None
) -> int:
    """Give every household and object of the register year (of one village with
    ``village_id``) a record for the event.

    Idempotent: subjects that have one keep it; records of subjects whose residents,
    danger zone or assigned shelter changed in the register since are brought up to
    date (unless that would contradict counts already recorded; ``sync_transfers``).
    Returns the number of records created. One bulk audit record.
    """
    require(session, CHECK_IN)
    event = _event(session, event_id)
    if year is None:
        year = register_year(session=session, at=event.started_at)
        if year is None:
            return 0
    now = utcnow()
    who = acting_name(session)
    table = _table(TransferRecord)
    zone = aliased(DangerZone)

    def records() -> tuple[int, int]:
        """How many records the event has, and the last one's id (one pass of its index)."""
        count, last = session.execute(
            select(func.count(), func.max(TransferRecord.id)).where(
                TransferRecord.event_id == event_id
            )
        ).one()
        return count or 0, last or 0

    # Counted: INSERT ... SELECT reports no row count on every driver.
    before, last_id = records()
    with bulk_operation(
        session,
        table_name="transfer_records",
        source=f"open transfers event {event_id} year {year}",
    ) as counter:
        existing_h = (
            select(TransferRecord.id)
            .where(TransferRecord.event_id == event_id, TransferRecord.household_id == Household.id)
            .exists()
        )
        households = (
            select(
                literal(event_id),
                Household.id,
                Household.village_id,
                func.coalesce(zone.kind, ""),
                Household.residents,
                literal("to_move"),
                Household.shelter_id,
                literal(1),
                literal(now, UTCDateTime()),
                literal(who),
                *[literal(0) for _ in _COUNTS],
            )
            .outerjoin(zone, zone.id == Household.danger_zone_id)
            .where(Household.year == year, ~existing_h, *_in_village(Household, village_id))
        )
        columns = [
            "event_id",
            "household_id",
            "village_id",
            "kind",
            "residents",
            "status",
            "shelter_id",
            "version",
            "updated_at",
            "updated_by",
            *_COUNTS,
        ]
        session.execute(insert(table).from_select(columns, households))
        existing_o = (
            select(TransferRecord.id)
            .where(
                TransferRecord.event_id == event_id, TransferRecord.object_id == TransferObject.id
            )
            .exists()
        )
        # Rolled up under the zone's kind, else under the danger kind of their own kind.
        own = func.coalesce(zone.kind, TransferObject.kind)
        kind_of_object = case(
            *[(own == k, literal(v)) for k, v in OBJECT_DANGER_KIND.items() if k != v], else_=own
        )
        objects = (
            select(
                literal(event_id),
                TransferObject.id,
                TransferObject.village_id,
                kind_of_object,
                TransferObject.head_count,
                literal("to_move"),
                TransferObject.shelter_id,
                literal(1),
                literal(now, UTCDateTime()),
                literal(who),
                *[literal(0) for _ in _COUNTS],
            )
            .outerjoin(zone, zone.id == TransferObject.danger_zone_id)
            .where(
                TransferObject.year == year, ~existing_o, *_in_village(TransferObject, village_id)
            )
        )
        columns[1] = "object_id"
        session.execute(insert(table).from_select(columns, objects))
        created = records()[0] - before
        synced = _sync_records(session, event_id, who, now, village_id=village_id)
        counter["rows"] = created + synced
        if synced:  # changed records: their old contributions are not known here
            rebuild_tallies(session=session, event_id=event_id)
        elif created:
            _tally_new_records(session, event_id, last_id)
    return created


def _in_village(
    subject: type[Household] | type[TransferObject], village_id: int | None
) -> list[Any]:
    return [] if village_id is None else [subject.village_id == village_id]


def _object_kind(zone_kind: str | None, own_kind: str) -> str:
    """The kind an object's record is rolled up under: its zone's, else the danger
    kind its own kind belongs to."""
    kind = zone_kind or own_kind
    return OBJECT_DANGER_KIND.get(kind, kind)


def sync_transfers(
    *, session: Session, village_id: int | None = None, zone_ids: Sequence[int] | None = None
) -> int:
    """Bring the records of the events in progress up to date with a register edit:
    a village's households changed (``village_id``) or danger zones' kinds changed
    (``zone_ids``). Called by the register's writes whatever the editor's role, so the
    figures follow the register at once. Returns the number of records changed."""
    events = session.scalars(
        select(Event.id).where(
            Event.ended_at.is_(None),
            select(TransferRecord.id).where(TransferRecord.event_id == Event.id).exists(),
        )
    ).all()
    if not events:
        return 0
    now = utcnow()
    who = acting_name(session)
    changed = 0
    with bulk_operation(
        session, table_name="transfer_records", source="register edited during the event"
    ) as counter:
        for event_id in events:
            synced = _sync_records(
                session, event_id, who, now, village_id=village_id, zone_ids=zone_ids
            )
            if synced:
                rebuild_tallies(session=session, event_id=event_id)
            changed += synced
        counter["rows"] = changed
    return changed


def _sync_records(
    session: Session,
    event_id: int,
    who: str,
    now: datetime,
    *,
    village_id: int | None = None,
    zone_ids: Sequence[int] | None = None,
) -> int:
    """Bring records up to date with register changes made during the event: all of
    the event's records, or those of one village's subjects, or of some zones'."""
    zone = aliased(DangerZone)
    accounted = (
        TransferRecord.away
        + TransferRecord.refused
        + TransferRecord.sheltered
        + TransferRecord.relatives
        + TransferRecord.forced
    )
    in_shelter = TransferRecord.sheltered - TransferRecord.back_sheltered
    scopes: dict[Any, list[Any]] = {}
    for subject in (Household, TransferObject):
        where = _in_village(subject, village_id)
        if village_id is not None:  # a record keeps its subject's village: the index serves
            where.append(TransferRecord.village_id == village_id)
        if zone_ids is not None:
            where.append(subject.danger_zone_id.in_(list(zone_ids)))
        scopes[subject] = where
    stale: list[Any] = list(
        session.execute(
            select(
                TransferRecord.id,
                Household.residents,
                func.coalesce(zone.kind, ""),
                Household.shelter_id,
                TransferRecord.residents,
                TransferRecord.kind,
                TransferRecord.shelter_id,
                accounted,
                in_shelter,
            )
            .join(Household, Household.id == TransferRecord.household_id)
            .outerjoin(zone, zone.id == Household.danger_zone_id)
            .where(TransferRecord.event_id == event_id, *scopes[Household])
            .where(
                or_(
                    TransferRecord.residents != Household.residents,
                    TransferRecord.kind != func.coalesce(zone.kind, ""),
                    and_(
                        in_shelter == 0,
                        TransferRecord.status != "returned",
                        func.coalesce(TransferRecord.shelter_id, -1)
                        != func.coalesce(Household.shelter_id, -1),
                    ),
                )
            )
        )
    )
    # Objects are few, and their kind is mapped here: every record of the scope is compared.
    objects = session.execute(
        select(
            TransferRecord.id,
            TransferObject.head_count,
            zone.kind,
            TransferObject.kind,
            TransferObject.shelter_id,
            TransferRecord.residents,
            TransferRecord.kind,
            TransferRecord.shelter_id,
            accounted,
            in_shelter,
            TransferRecord.status,
        )
        .join(TransferObject, TransferObject.id == TransferRecord.object_id)
        .outerjoin(zone, zone.id == TransferObject.danger_zone_id)
        .where(TransferRecord.event_id == event_id, *scopes[TransferObject])
    ).all()
    for (
        record_id,
        head_count,
        zone_kind,
        own_kind,
        shelter_id,
        old_residents,
        old_kind,
        old_shelter,
        done,
        here,
        status,
    ) in objects:
        stale.append(
            (
                record_id,
                head_count,
                _object_kind(zone_kind, own_kind),
                old_shelter if status == "returned" else shelter_id,
                old_residents,
                old_kind,
                old_shelter,
                done,
                here,
            )
        )
    changes: list[dict[str, Any]] = []
    for (
        record_id,
        residents,
        kind,
        shelter_id,
        old_residents,
        old_kind,
        old_shelter,
        done,
        here,
    ) in stale:
        new_residents = residents if residents >= done else old_residents
        new_shelter = shelter_id if here == 0 else old_shelter
        if (new_residents, kind, new_shelter) == (old_residents, old_kind, old_shelter):
            continue
        changes.append(
            {
                "rid": record_id,
                "residents": new_residents,
                "kind": kind,
                "shelter_id": new_shelter,
                "updated_at": now,
                "updated_by": who,
            }
        )
    if changes:
        table = _table(TransferRecord)
        session.execute(
            update(table)
            .where(table.c.id == bindparam("rid"))
            .values(
                residents=bindparam("residents"),
                kind=bindparam("kind"),
                shelter_id=bindparam("shelter_id"),
                updated_at=bindparam("updated_at"),
                updated_by=bindparam("updated_by"),
                version=table.c.version + 1,
            ),
            changes,
        )
        _refresh_statuses(session, [c["rid"] for c in changes])
    return len(changes)


def _refresh_statuses(session: Session, record_ids: Sequence[int]) -> None:
    table = _table(TransferRecord)
    for start in range(0, len(record_ids), 500):
        part = list(record_ids[start : start + 500])
        rows = session.execute(
            select(table.c.id, table.c.residents, *[table.c[c] for c in _COUNTS]).where(
                table.c.id.in_(part)
            )
        ).all()
        updates = [
            {"rid": row[0], "status": derive_status(*[int(v) for v in row[1:]])} for row in rows
        ]
        if updates:
            session.execute(
                update(table)
                .where(table.c.id == bindparam("rid"))
                .values(status=bindparam("status")),
                updates,
            )


def derive_status(
    residents: int,
    away: int,
    refused: int,
    sheltered: int,
    relatives: int,
    forced: int,
    back_sheltered: int = 0,
    back_relatives: int = 0,
    back_forced: int = 0,
) -> str:
    """The one status a list shows for a record: refusals first (they need action),
    then people still to move, then where most of the moved people are now."""
    remaining = residents - away - refused - sheltered - relatives - forced
    if refused > 0:
        return "refused"
    if remaining > 0:
        return "to_move"
    here = {
        "sheltered": sheltered - back_sheltered,
        "relatives": relatives - back_relatives,
        "forced": forced - back_forced,
    }
    best = max(MOVED_STATES, key=lambda s: (here[s], -MOVED_STATES.index(s)))
    if here[best] > 0:
        return best
    if back_sheltered + back_relatives + back_forced > 0:
        return "returned"
    if away > 0:
        return "away"
    return "to_move"


# -- maintained tallies ---------------------------------------------------------------------------

TALLY_FIELDS = ("subjects", "residents", *_COUNTS, "remaining")
_TallyKey = tuple[str, int, str]


@dataclass(frozen=True)
class _TallyState:
    """What one record adds to the tallies."""

    keys: tuple[_TallyKey, ...]
    values: tuple[int, ...]


def _tally_state(record: TransferRecord, town_id: int | None) -> _TallyState:
    counts = [int(getattr(record, name)) for name in _COUNTS]
    remaining = record.residents - sum(counts[:5])
    keys: list[_TallyKey] = [("v", record.village_id, ""), ("t", town_id or 0, record.kind)]
    if record.shelter_id is not None:
        keys.append(("s", record.shelter_id, ""))
    return _TallyState(tuple(keys), (1, record.residents, *counts, remaining))


def _town_of(session: Session, village_id: int) -> int | None:
    return session.scalar(select(Division.parent_id).where(Division.id == village_id))


def _apply_tallies(
    session: Session, event_id: int, before: Sequence[_TallyState], after: Sequence[_TallyState]
) -> None:
    """Add the difference between record states to the tallies (creating rows as needed)."""
    deltas: dict[_TallyKey, list[int]] = {}
    for sign, states in ((-1, before), (1, after)):
        for state in states:
            for key in state.keys:
                delta = deltas.setdefault(key, [0] * len(TALLY_FIELDS))
                for i, value in enumerate(state.values):
                    delta[i] += sign * value
    _add_to_tallies(session, event_id, deltas)


def _add_to_tallies(session: Session, event_id: int, deltas: dict[_TallyKey, list[int]]) -> None:
    """Add ``deltas`` (TALLY_FIELDS per key) to the tallies, creating rows as needed."""
    table = _table(TransferTally)
    for key in sorted(deltas):  # one order everywhere: no lock cycles between workstations
        delta = deltas[key]
        if not any(delta):
            continue
        scope, area_id, kind = key
        where = (
            table.c.event_id == event_id,
            table.c.scope == scope,
            table.c.area_id == area_id,
            table.c.kind == kind,
        )
        change = {name: table.c[name] + d for name, d in zip(TALLY_FIELDS, delta, strict=True) if d}
        result = cast(
            CursorResult[Any], session.execute(update(table).where(*where).values(change))
        )
        if result.rowcount:
            continue
        try:
            with session.begin_nested():
                session.execute(
                    insert(table).values(
                        event_id=event_id,
                        scope=scope,
                        area_id=area_id,
                        kind=kind,
                        **dict(zip(TALLY_FIELDS, delta, strict=True)),
                    )
                )
        except IntegrityError:  # created meanwhile by another workstation
            session.execute(update(table).where(*where).values(change))


def _tally_selects(event_id: int, *conditions: Any) -> list[Any]:
    """The tallies of the event's records meeting ``conditions``, one SELECT per scope:
    (event_id, scope, area_id, kind, *TALLY_FIELDS)."""
    r = _table(TransferRecord)
    remaining = r.c.residents - r.c.away - r.c.refused - r.c.sheltered - r.c.relatives - r.c.forced
    sums = [
        func.count(),
        func.sum(r.c.residents),
        *[func.sum(r.c[name]) for name in _COUNTS],
        func.sum(remaining),
    ]
    town = func.coalesce(Division.parent_id, 0)
    selects = []
    for scope, area, kind, source in (
        ("v", r.c.village_id, literal(""), r),
        ("t", town, r.c.kind, r.join(Division, Division.id == r.c.village_id)),
        ("s", r.c.shelter_id, literal(""), r),
    ):
        stmt = (
            select(literal(event_id), literal(scope), area, kind, *sums)
            .select_from(source)
            .where(r.c.event_id == event_id, *conditions)
        )
        if scope == "s":
            stmt = stmt.where(r.c.shelter_id.is_not(None))
        selects.append(stmt.group_by(area, *([kind] if scope == "t" else [])))
    return selects


def rebuild_tallies(*, session: Session, event_id: int) -> None:
    """Recompute an event's tallies from its records (after bulk writes)."""
    require(session, Permission.READ_REGISTER)
    table = _table(TransferTally)
    session.execute(table.delete().where(table.c.event_id == event_id))
    for stmt in _tally_selects(event_id):
        session.execute(
            insert(table).from_select(["event_id", "scope", "area_id", "kind", *TALLY_FIELDS], stmt)
        )


def _tally_new_records(session: Session, event_id: int, after_id: int) -> None:
    """Add the records created after ``after_id`` to the tallies (cheaper than rebuilding
    every tally of a county's records): one grouped read of the new records by village,
    town, kind and shelter, folded here into the three scopes of ``_tally_selects``."""
    r = _table(TransferRecord)
    remaining = r.c.residents - r.c.away - r.c.refused - r.c.sheltered - r.c.relatives - r.c.forced
    # The new records are the last rows of the table, read by id. The event compared as an
    # expression keeps SQLite from walking the index of every record of the event instead.
    event = r.c.event_id + 0 if after_id else r.c.event_id
    groups = session.execute(
        select(
            r.c.village_id,
            Division.id.is_not(None),
            func.coalesce(Division.parent_id, 0),
            r.c.kind,
            r.c.shelter_id,
            func.count(),
            func.sum(r.c.residents),
            *[func.sum(r.c[name]) for name in _COUNTS],
            func.sum(remaining),
        )
        .select_from(r.outerjoin(Division, Division.id == r.c.village_id))
        .where(event == event_id, r.c.id > after_id)
        .group_by(r.c.village_id, Division.id, Division.parent_id, r.c.kind, r.c.shelter_id)
    )
    deltas: dict[_TallyKey, list[int]] = {}
    for village_id, has_division, town_id, kind, shelter_id, *sums in groups:
        values = [int(v or 0) for v in sums]
        keys: list[_TallyKey] = [("v", int(village_id), "")]
        if has_division:  # as the join of _tally_selects
            keys.append(("t", int(town_id), kind))
        if shelter_id is not None:
            keys.append(("s", int(shelter_id), ""))
        for key in keys:
            total = deltas.setdefault(key, [0] * len(TALLY_FIELDS))
            for i, value in enumerate(values):
                total[i] += value
    _add_to_tallies(session, event_id, deltas)


def tallies_match_records(*, session: Session, event_id: int) -> bool:
    """Whether the maintained tallies equal a recomputation (for checks and tests)."""
    require(session, Permission.READ_REGISTER)
    table = _table(TransferTally)
    columns = [table.c.scope, table.c.area_id, table.c.kind, *[table.c[f] for f in TALLY_FIELDS]]

    def current() -> set[tuple[Any, ...]]:
        return {
            tuple(row)
            for row in session.execute(select(*columns).where(table.c.event_id == event_id))
            if any(row[3:])
        }

    kept = current()
    nested = session.begin_nested()
    try:
        rebuild_tallies(session=session, event_id=event_id)
        fresh = current()
    finally:
        nested.rollback()
    return kept == fresh


# -- reading records ----------------------------------------------------------------------------


def _record_rows(
    session: Session, where: Iterable[Any], kinds: Sequence[str] = ("household", "object")
) -> list[TransferRow]:
    """Transfer rows of households and objects (or only ``kinds``) matching the conditions
    on TransferRecord."""
    conditions = list(where)
    mask = phone_masker(session)
    zone = aliased(DangerZone)
    common = (
        TransferRecord.id,
        TransferRecord.event_id,
        TransferRecord.village_id,
        _Village.name,
        func.coalesce(_Town.name, ""),
        TransferRecord.kind,
        TransferRecord.residents,
        TransferRecord.status,
        TransferRecord.away,
        TransferRecord.refused,
        TransferRecord.sheltered,
        TransferRecord.relatives,
        TransferRecord.forced,
        TransferRecord.back_sheltered,
        TransferRecord.back_relatives,
        TransferRecord.back_forced,
        TransferRecord.shelter_id,
        Shelter.name,
        TransferRecord.refusal_reason,
        TransferRecord.authorised_by,
        TransferRecord.version,
        TransferRecord.updated_at,
        TransferRecord.updated_by,
        zone.name,
    )
    rows: list[TransferRow] = []
    for subject, entity, fk in (
        ("household", Household, TransferRecord.household_id),
        ("object", TransferObject, TransferRecord.object_id),
    ):
        if subject not in kinds:
            continue
        if entity is Household:
            extra: tuple[Any, ...] = (
                Household.id,
                literal(None),
                Household.card_code,
                Household.householder_name,
                Household.householder_phone,
                Household.location,
            )
        else:
            extra = (
                TransferObject.id,
                TransferObject.kind,
                TransferObject.card_code,
                TransferObject.name,
                TransferObject.person_phone,
                TransferObject.location,
            )
        stmt = (
            select(*common, *extra)
            .join(entity, entity.id == fk)
            .join(_Village, _Village.id == TransferRecord.village_id)
            .outerjoin(_Town, _Town.id == _Village.parent_id)
            .outerjoin(Shelter, Shelter.id == TransferRecord.shelter_id)
            .outerjoin(zone, zone.id == entity.danger_zone_id)
            .where(*conditions)
        )
        for row in session.execute(stmt):
            (
                rid,
                eid,
                vid,
                vname,
                tname,
                kind,
                residents,
                status,
                away,
                refused,
                sheltered,
                relatives,
                forced,
                bs,
                br,
                bf,
                shelter_id,
                shelter_name,
                reason,
                authorised,
                version,
                updated_at,
                updated_by,
                zone_name,
                sid,
                okind,
                code,
                name,
                phone,
                location,
            ) = row
            rows.append(
                TransferRow(
                    rid,
                    eid,
                    subject,
                    sid,
                    okind,
                    code,
                    name,
                    mask(phone),
                    vid,
                    vname,
                    tname,
                    zone_name,
                    kind,
                    location,
                    residents,
                    status,
                    away,
                    refused,
                    sheltered,
                    relatives,
                    forced,
                    bs + br + bf,
                    sheltered - bs,
                    shelter_id,
                    shelter_name,
                    reason,
                    authorised,
                    version,
                    updated_at,
                    updated_by,
                )
            )
    return rows


def get_transfer(*, session: Session, record_id: int) -> TransferRow | None:
    require(session, Permission.READ_REGISTER)
    rows = _record_rows(session, [TransferRecord.id == record_id])
    return rows[0] if rows else None


def list_transfers(
    *,
    session: Session,
    event_id: int,
    village_id: int | None = None,
    shelter_id: int | None = None,
    status: str | None = None,
) -> list[TransferRow]:
    """An event's records, optionally of one village, shelter or status, by village and name."""
    require(session, Permission.READ_REGISTER)
    where: list[Any] = [TransferRecord.event_id == event_id]
    if village_id is not None:
        where.append(TransferRecord.village_id == village_id)
    if shelter_id is not None:
        where.append(TransferRecord.shelter_id == shelter_id)
    if status is not None:
        where.append(TransferRecord.status == status)
    rows = _record_rows(session, where)
    rows.sort(key=lambda r: (r.village_id, r.subject, r.name, r.record_id))
    return rows


def record_for(
    *,
    session: Session,
    event_id: int,
    household_id: int | None = None,
    object_id: int | None = None,
) -> TransferRow:
    """The record of a household or object for the event, created when missing
    (a household listed after the event started)."""
    require(session, CHECK_IN)
    if (household_id is None) == (object_id is None):
        raise ValueError("give exactly one of household_id and object_id")
    fk = TransferRecord.household_id if household_id is not None else TransferRecord.object_id
    subject_id = household_id if household_id is not None else object_id
    found = session.scalar(
        select(TransferRecord.id).where(TransferRecord.event_id == event_id, fk == subject_id)
    )
    if found is None:
        _event(session, event_id)
        values: dict[str, Any]
        if household_id is not None:
            household = session.get(Household, household_id)
            if household is None:
                raise TransferRefused(
                    QCoreApplication.translate(
                        "Transfers", "This household is no longer on the list."
                    )
                )
            kind = (
                session.scalar(
                    select(DangerZone.kind).where(DangerZone.id == household.danger_zone_id)
                )
                or ""
            )
            values = {
                "household_id": household.id,
                "village_id": household.village_id,
                "kind": kind,
                "residents": household.residents,
                "shelter_id": household.shelter_id,
            }
        else:
            obj = session.get(TransferObject, object_id)
            if obj is None:
                raise TransferRefused(
                    QCoreApplication.translate(
                        "Transfers", "This transfer object is no longer on the list."
                    )
                )
            zone_kind = session.scalar(
                select(DangerZone.kind).where(DangerZone.id == obj.danger_zone_id)
            )
            values = {
                "object_id": obj.id,
                "village_id": obj.village_id,
                "kind": _object_kind(zone_kind, obj.kind),
                "residents": obj.head_count,
                "shelter_id": obj.shelter_id,
            }
        try:
            with session.begin_nested():
                record = TransferRecord(
                    event_id=event_id, updated_by=acting_name(session), **values
                )
                session.add(record)
                session.flush()
                _apply_tallies(
                    session,
                    event_id,
                    [],
                    [_tally_state(record, _town_of(session, record.village_id))],
                )
        except IntegrityError:  # another workstation created it meanwhile
            pass
        found = session.scalar(
            select(TransferRecord.id).where(TransferRecord.event_id == event_id, fk == subject_id)
        )
    row = get_transfer(session=session, record_id=int(found))  # type: ignore[arg-type]
    assert row is not None
    return row


# -- searching ------------------------------------------------------------------------------------

_DIGITS = re.compile(r"^\d+$")
_WHEN_NOTHING_FOUND = object()  # marks a search term tried only when earlier ones found none


def find_subjects(
    *,
    session: Session,
    query: str,
    event_id: int | None = None,
    year: int | None = None,
    village_id: int | None = None,
    limit: int = 50,
) -> list[SubjectRow]:
    """Households and objects by card code, name, pinyin or initials, or mobile digits.

    A card code (as scanned) finds its one subject; four digits find mobiles
    ending in them; other digits (roles that see personal information only) a
    part of the mobile; Latin letters the start of the initials or of the full
    pinyin of the name; Chinese text the start of the name, then any part of it.
    With ``event_id`` each row carries its transfer record for that event.
    """
    require(session, Permission.READ_REGISTER)
    from models.imports.spreadsheet import half_width

    text = re.sub(r"\s+", "", half_width(query or ""))
    if not text:
        return []
    code = parse_card_code(text)
    if year is None and code is None:
        event_at = None
        if event_id is not None:
            event = session.get(Event, event_id)
            event_at = event.started_at if event is not None else None
        year = register_year(session=session, at=event_at)
    text = text.lower()

    # Alternatives tried in turn until ``limit`` rows are found, each with the column
    # to order by: the column its index covers, so the planner keeps to that index.
    h_terms: list[tuple[Any, Any]] = []
    o_terms: list[tuple[Any, Any]] = []
    if code is not None:
        h_terms.append((Household.card_code == code, Household.card_code))
        o_terms.append((TransferObject.card_code == code, TransferObject.card_code))
    elif _DIGITS.match(text):
        if len(text) == 4:
            h_terms.append((Household.phone_last4 == text, Household.phone_last4))
            # Not substr(phone, -4): PostgreSQL's counts from the start, SQLite's from the end.
            o_terms.append(
                (TransferObject.person_phone.endswith(text, autoescape=True), TransferObject.name)
            )
        elif can_see_personal(session) and len(text) >= 5:
            h_terms.append(
                (
                    Household.householder_phone.contains(text, autoescape=True),
                    Household.householder_name,
                )
            )
            o_terms.append(
                (TransferObject.person_phone.contains(text, autoescape=True), TransferObject.name)
            )
        else:
            return []
    elif text.isascii():
        upper = text + "\uffff"
        h_terms.append(
            (
                and_(Household.name_initials >= text, Household.name_initials < upper),
                Household.name_initials,
            )
        )
        h_terms.append(
            (
                and_(Household.name_pinyin >= text, Household.name_pinyin < upper),
                Household.name_pinyin,
            )
        )
        o_terms.append(
            (
                or_(
                    TransferObject.name_initials.contains(text, autoescape=True),
                    TransferObject.name_pinyin.contains(text, autoescape=True),
                ),
                TransferObject.name,
            )
        )
    else:
        h_terms.append(
            (
                and_(
                    Household.householder_name >= text, Household.householder_name < text + "\uffff"
                ),
                Household.householder_name,
            )
        )
        # Any part of the name (a scan of the year's names, ~40 ms at 200,000 households)
        # only when no name starts with the text: typing a full name stays fast.
        h_terms.append(
            (Household.householder_name.contains(text, autoescape=True), _WHEN_NOTHING_FOUND)
        )
        o_terms.append((TransferObject.name.contains(text, autoescape=True), TransferObject.name))

    mask = phone_masker(session)
    zone = aliased(DangerZone)
    found: list[SubjectRow] = []
    seen: set[tuple[str, int]] = set()
    for subject, entity, terms in (
        ("household", Household, h_terms),
        ("object", TransferObject, o_terms),
    ):
        if entity is Household:
            cols: tuple[Any, ...] = (
                Household.id,
                literal(None),
                Household.card_code,
                Household.householder_name,
                Household.householder_phone,
                Household.residents,
            )
        else:
            cols = (
                TransferObject.id,
                TransferObject.kind,
                TransferObject.card_code,
                TransferObject.name,
                TransferObject.person_phone,
                TransferObject.head_count,
            )
        scope: list[Any] = []
        if year is not None and code is None:
            scope.append(entity.year == year)
        if village_id is not None:
            scope.append(entity.village_id == village_id)
        for term, order in terms:
            if len(found) >= limit:
                break
            if order is _WHEN_NOTHING_FOUND:
                if found:
                    continue
                order = Household.householder_name
            stmt = (
                select(
                    *cols,
                    entity.village_id,
                    _Village.name,
                    func.coalesce(_Town.name, ""),
                    zone.name,
                    entity.location,
                    entity.shelter_id,
                    Shelter.name,
                )
                .join(_Village, _Village.id == entity.village_id)
                .outerjoin(_Town, _Town.id == _Village.parent_id)
                .outerjoin(zone, zone.id == entity.danger_zone_id)
                .outerjoin(Shelter, Shelter.id == entity.shelter_id)
                .where(*scope, term)
                .order_by(order, entity.id)
                .limit(limit - len(found) + len(seen))
            )
            for (
                sid,
                okind,
                card,
                name,
                phone,
                residents,
                vid,
                vname,
                tname,
                zname,
                location,
                shelter_id,
                shelter_name,
            ) in session.execute(stmt):
                if (subject, sid) in seen or len(found) >= limit:
                    continue
                seen.add((subject, sid))
                found.append(
                    SubjectRow(
                        subject,
                        sid,
                        okind,
                        card,
                        name,
                        mask(phone),
                        vid,
                        vname,
                        tname,
                        zname,
                        location,
                        residents,
                        shelter_id,
                        shelter_name,
                    )
                )
    if event_id is not None and found:
        records: dict[tuple[str, int], TransferRow] = {}
        # One query per kind: an OR of the two IN lists makes SQLite (without statistics)
        # walk every record of the event instead of using the two unique indexes.
        for column, kind in (
            (TransferRecord.household_id, "household"),
            (TransferRecord.object_id, "object"),
        ):
            ids = [r.subject_id for r in found if r.subject == kind]
            if ids:
                records.update(
                    ((r.subject, r.subject_id), r)
                    for r in _record_rows(
                        session, [TransferRecord.event_id == event_id, column.in_(ids)], (kind,)
                    )
                )
        found = [replace(r, record=records.get((r.subject, r.subject_id))) for r in found]
    return found


# -- recording changes ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Counts:
    residents: int
    away: int
    refused: int
    sheltered: int
    relatives: int
    forced: int
    back_sheltered: int
    back_relatives: int
    back_forced: int

    def available(self, state: str) -> int:
        if state == "to_move":
            return (
                self.residents
                - self.away
                - self.refused
                - self.sheltered
                - self.relatives
                - self.forced
            )
        if state in ("away", "refused"):
            return int(getattr(self, state))
        if state in MOVED_STATES:
            return int(getattr(self, state)) - int(getattr(self, "back_" + state))
        if state == "returned":
            return self.back_sheltered + self.back_relatives + self.back_forced
        raise KeyError(state)


def _counts(record: TransferRecord) -> _Counts:
    return _Counts(
        record.residents,
        record.away,
        record.refused,
        record.sheltered,
        record.relatives,
        record.forced,
        record.back_sheltered,
        record.back_relatives,
        record.back_forced,
    )


def _status_label(status: str) -> str:
    source = TRANSFER_STATUSES.get(status)
    return QCoreApplication.translate("Label", str(source)) if source else status


def _lock_records(session: Session, *conditions: Any) -> None:
    """Take the write lock on the records first (SQLite: the database, PostgreSQL: the rows),
    so what is read next is what the change applies to."""
    table = _table(TransferRecord)
    session.execute(update(table).where(*conditions).values(version=table.c.version))


def _workstation() -> str:
    return platform.node()[:80] or "?"


def record_transfer(
    *,
    session: Session,
    record_id: int,
    status: str,
    expected_version: int | None,
    count: int | None = None,
    from_status: str | None = None,
    shelter_id: int | None = None,
    reason: str | None = None,
    authorised_by: str | None = None,
    where: str | None = None,
    at: datetime | None = None,
) -> TransferRow:
    """Move ``count`` people of a record from ``from_status`` to ``status``.

    ``count`` None: everyone available in ``from_status``. ``from_status`` None: the
    usual origin (to_move; refusing people for a forced move when there are any;
    for a return, every moved state in turn: shelter, relatives, forced).
    ``expected_version`` is the version the user saw; when the record changed since,
    TransferConflict names who changed it and when, and nothing is written (None
    skips the check, for scripts). Refusals need ``reason``, forced moves
    ``authorised_by``, moves to a shelter a shelter (given or assigned); returns
    are recorded only once the response is lifted. ``where`` is the workstation or
    shelter (default: this computer's name). Raises TransferRefused.
    """
    require(session, CHECK_IN)
    if status not in TRANSFER_STATUSES:
        raise TransferRefused(
            _fill(QCoreApplication.translate("Transfers", "Unknown transfer status: %1"), status)
        )
    if from_status is not None and from_status not in TRANSFER_STATUSES:
        raise TransferRefused(
            _fill(
                QCoreApplication.translate("Transfers", "Unknown transfer status: %1"), from_status
            )
        )
    if count is not None and (isinstance(count, bool) or count < 1):
        raise TransferRefused(
            QCoreApplication.translate("Transfers", "The number of people must be at least 1.")
        )

    _lock_records(session, _table(TransferRecord).c.id == record_id)
    record = session.get(TransferRecord, record_id, populate_existing=True)
    if record is None:
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers", "This transfer record no longer exists; reload the list."
            )
        )
    if expected_version is not None and record.version != expected_version:
        raise TransferConflict(
            _fill(
                QCoreApplication.translate(
                    "Transfers",
                    "%1 changed this household's record at %2. Nothing was saved; check the current state and enter the change again.",
                ),
                record.updated_by,
                _local_time(record.updated_at),
            ),
            changed_by=record.updated_by,
            changed_at=record.updated_at,
            current=get_transfer(session=session, record_id=record_id),
        )
    event = _event(session, record.event_id)
    counts = _counts(record)
    town_id = _town_of(session, record.village_id)
    before = _tally_state(record, town_id)

    # Where the people come from: one state, or for returns every moved state in turn.
    if from_status is None:
        if status == "returned":
            sources = [s for s in MOVED_STATES if counts.available(s) > 0]
        elif status == "forced" and counts.refused > 0:
            sources = ["refused"]
        elif status == "to_move":
            raise TransferRefused(
                QCoreApplication.translate(
                    "Transfers", "Say from which state the people go back to 'to move'."
                )
            )
        else:
            sources = ["to_move"]
    else:
        sources = [from_status]
    if status in sources:
        raise TransferRefused(
            QCoreApplication.translate("Transfers", "The people are already in this state.")
        )
    if status == "returned" and any(s not in MOVED_STATES for s in sources):
        raise TransferRefused(
            QCoreApplication.translate("Transfers", "Only people who were moved can return home.")
        )
    if "returned" in sources:
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers",
                "People who returned home are not moved again in the same event; correct the record through the register instead.",
            )
        )
    available = sum(counts.available(s) for s in sources)
    if status == "returned" and available == 0:
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers", "Nobody of this record has been moved, so nobody can return."
            )
        )
    wanted = available if count is None else count
    if wanted < 1 or wanted > available:
        raise TransferRefused(
            _fill(
                QCoreApplication.translate(
                    "Transfers",
                    "Only %1 people of this record are in the state %2; %3 cannot be moved.",
                ),
                available,
                _status_label(sources[0] if len(sources) == 1 else "sheltered"),
                wanted,
            )
        )

    reason = (reason or "").strip() or None
    authorised_by = (authorised_by or "").strip() or None
    if status == "refused" and not reason:
        raise TransferRefused(
            QCoreApplication.translate("Transfers", "Give the reason for the refusal.")
        )
    if status == "forced" and not authorised_by:
        raise TransferRefused(
            QCoreApplication.translate("Transfers", "Say who authorised the forced move.")
        )
    if status == "returned" and not _response_lifted(event):
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers",
                "The response is still in force; returns are recorded after it is lifted.",
            )
        )
    if reason and len(reason) > 200:
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers", "The reason is too long: at most 200 characters."
            )
        )
    target = record.shelter_id
    if status == "sheltered":
        target = shelter_id if shelter_id is not None else record.shelter_id
        if target is None:
            raise TransferRefused(
                QCoreApplication.translate("Transfers", "Choose the shelter the people arrived at.")
            )
        if session.get(Shelter, target) is None:
            raise TransferRefused(
                QCoreApplication.translate(
                    "Transfers", "This shelter is no longer in the register."
                )
            )
        here = counts.available("sheltered")
        if here > 0 and record.shelter_id is not None and target != record.shelter_id:
            current = session.scalar(select(Shelter.name).where(Shelter.id == record.shelter_id))
            raise TransferRefused(
                _fill(
                    QCoreApplication.translate(
                        "Transfers",
                        "%1 people of this household are in %2. Record them leaving it before checking people in at another shelter.",
                    ),
                    here,
                    current or "?",
                )
            )

    # Everything checked: change the record (nothing above has touched it).
    record.shelter_id = target
    who = acting_name(session)
    when = at or utcnow()
    place = (where or "").strip()[:80] or _workstation()
    moves: list[tuple[str, int]] = []
    left = wanted
    for source in sources:
        take = min(left, counts.available(source))
        if take:
            moves.append((source, take))
            left -= take
    for source, take in moves:
        if status == "returned":
            setattr(record, "back_" + source, getattr(record, "back_" + source) + take)
            continue
        if source != "to_move":
            setattr(record, source, getattr(record, source) - take)
        if status != "to_move":
            setattr(record, status, getattr(record, status) + take)
    if status == "refused":
        record.refusal_reason = reason
    if status == "forced":
        record.authorised_by = authorised_by
    if record.refused == 0 and record.forced == 0:
        record.refusal_reason = None  # the reason stays while someone refuses or was forced
    record.status = derive_status(
        record.residents,
        record.away,
        record.refused,
        record.sheltered,
        record.relatives,
        record.forced,
        record.back_sheltered,
        record.back_relatives,
        record.back_forced,
    )
    record.updated_at = when
    record.updated_by = who
    session.flush()  # the version counter rises here
    _apply_tallies(session, record.event_id, [before], [_tally_state(record, town_id)])
    for source, take in moves:
        session.add(
            TransferChange(
                record_id=record.id,
                event_id=record.event_id,
                at=when,
                actor=who,
                place=place,
                from_status=source,
                to_status=status,
                count=take,
                shelter_id=record.shelter_id if "sheltered" in (status, source) else None,
                reason=reason if status in ("refused", "to_move", "away") else None,
                authorised_by=authorised_by if status == "forced" else None,
                version=record.version,
            )
        )
    session.flush()
    kind = "household" if record.household_id is not None else "object"
    return _record_rows(session, [TransferRecord.id == record.id], (kind,))[0]


def _response_lifted(event: Event) -> bool:
    return event.ended_at is not None or event.response_level is None


@dataclass(frozen=True)
class ReturnsMarked:
    records: int
    people: int


def mark_returns(
    *,
    session: Session,
    event_id: int,
    village_id: int,
    where: str | None = None,
    at: datetime | None = None,
) -> ReturnsMarked:
    """Everyone moved from a village is home again: one action once the response is lifted.

    The UI asks for confirmation first. Refusing and away residents are left as they are.
    """
    require(session, CHECK_IN)
    table = _table(TransferRecord)
    _lock_records(session, table.c.event_id == event_id, table.c.village_id == village_id)
    event = _event(session, event_id)
    if not _response_lifted(event):
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers",
                "The response is still in force; returns are recorded after it is lifted.",
            )
        )
    records = session.scalars(
        select(TransferRecord)
        .where(
            TransferRecord.event_id == event_id,
            TransferRecord.village_id == village_id,
            (TransferRecord.sheltered + TransferRecord.relatives + TransferRecord.forced)
            > (
                TransferRecord.back_sheltered
                + TransferRecord.back_relatives
                + TransferRecord.back_forced
            ),
        )
        .execution_options(populate_existing=True)
    ).all()
    who = acting_name(session)
    when = at or utcnow()
    place = (where or "").strip()[:80] or _workstation()
    moves: list[tuple[TransferRecord, str, int]] = []
    town_id = _town_of(session, village_id)
    before = [_tally_state(record, town_id) for record in records]
    for record in records:
        for state in MOVED_STATES:
            take = getattr(record, state) - getattr(record, "back_" + state)
            if take > 0:
                setattr(record, "back_" + state, getattr(record, state))
                moves.append((record, state, take))
        record.status = derive_status(
            record.residents,
            record.away,
            record.refused,
            record.sheltered,
            record.relatives,
            record.forced,
            record.back_sheltered,
            record.back_relatives,
            record.back_forced,
        )
        record.updated_at = when
        record.updated_by = who
    session.flush()
    _apply_tallies(session, event_id, before, [_tally_state(r, town_id) for r in records])
    for record, state, take in moves:
        session.add(
            TransferChange(
                record_id=record.id,
                event_id=event_id,
                at=when,
                actor=who,
                place=place,
                from_status=state,
                to_status="returned",
                count=take,
                shelter_id=record.shelter_id if state == "sheltered" else None,
                version=record.version,
            )
        )
    session.flush()
    return ReturnsMarked(records=len(records), people=sum(take for _, _, take in moves))


@dataclass(frozen=True, slots=True)
class ChangeRow:
    id: int
    record_id: int
    at: datetime
    actor: str
    place: str | None
    from_status: str
    to_status: str
    count: int
    shelter_id: int | None
    shelter_name: str | None
    reason: str | None
    authorised_by: str | None
    version: int
    name: str  # householder or object name


def transfer_history(
    *,
    session: Session,
    event_id: int,
    record_id: int | None = None,
    shelter_id: int | None = None,
    since: datetime | None = None,
    to_status: str | None = None,
) -> list[ChangeRow]:
    """Changes of an event in time order: of one record, at one shelter, or since a time."""
    require(session, Permission.READ_REGISTER)
    stmt = (
        select(
            TransferChange.id,
            TransferChange.record_id,
            TransferChange.at,
            TransferChange.actor,
            TransferChange.place,
            TransferChange.from_status,
            TransferChange.to_status,
            TransferChange.count,
            TransferChange.shelter_id,
            Shelter.name,
            TransferChange.reason,
            TransferChange.authorised_by,
            TransferChange.version,
            func.coalesce(Household.householder_name, TransferObject.name, ""),
        )
        .join(TransferRecord, TransferRecord.id == TransferChange.record_id)
        .outerjoin(Household, Household.id == TransferRecord.household_id)
        .outerjoin(TransferObject, TransferObject.id == TransferRecord.object_id)
        .outerjoin(Shelter, Shelter.id == TransferChange.shelter_id)
        .where(TransferChange.event_id == event_id)
        .order_by(TransferChange.at, TransferChange.id)
    )
    if record_id is not None:
        stmt = stmt.where(TransferChange.record_id == record_id)
    if shelter_id is not None:
        stmt = stmt.where(TransferChange.shelter_id == shelter_id)
    if since is not None:
        stmt = stmt.where(TransferChange.at > since)
    if to_status is not None:
        stmt = stmt.where(TransferChange.to_status == to_status)
    return _rows_as(ChangeRow, session.execute(stmt))


def shelter_arrivals(*, session: Session, event_id: int, shelter_id: int) -> list[ChangeRow]:
    """Who arrived at a shelter, how many and when (for the shelter manager's list)."""
    return transfer_history(
        session=session, event_id=event_id, shelter_id=shelter_id, to_status="sheltered"
    )


# -- town reports --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TownReportRow:
    id: int
    town_id: int
    town_name: str
    reported_at: datetime
    source: str
    people_to_move: int
    moved: int
    sheltered: int
    relatives: int
    forced: int
    refused: int
    note: str | None
    entered_by: str


def add_town_report(
    *,
    session: Session,
    event_id: int,
    town_id: int,
    source: str,
    people_to_move: int,
    moved: int,
    sheltered: int = 0,
    relatives: int = 0,
    forced: int = 0,
    refused: int = 0,
    reported_at: datetime | None = None,
    note: str | None = None,
) -> TownReportRow:
    """Record figures a town phoned in. The latest report of each town counts; the
    figures stay apart from the listed households' (they may overlap)."""
    require(session, CHECK_IN)
    _event(session, event_id)
    town = session.get(Division, town_id)
    if town is None or town.level != "town":
        raise TransferRefused(QCoreApplication.translate("Transfers", "Choose a town or street."))
    source = source.strip()
    if not source:
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers", "Say who reported the figures (name, post or phone call)."
            )
        )
    values = {
        "people_to_move": people_to_move,
        "moved": moved,
        "sheltered": sheltered,
        "relatives": relatives,
        "forced": forced,
        "refused": refused,
    }
    for value in values.values():
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise TransferRefused(
                QCoreApplication.translate(
                    "Transfers", "Figures are whole numbers of people, 0 or more."
                )
            )
    if sheltered + relatives + forced > moved:
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers",
                "In shelters, with relatives and forcibly moved together cannot exceed the people moved.",
            )
        )
    if moved > people_to_move:
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers", "The people moved cannot exceed the people to move."
            )
        )
    report = TownReport(
        event_id=event_id,
        town_id=town_id,
        source=source[:120],
        reported_at=reported_at or utcnow(),
        note=(note or "").strip() or None,
        entered_by=acting_name(session),
        **values,
    )
    session.add(report)
    session.flush()
    return TownReportRow(
        report.id,
        town_id,
        town.name,
        report.reported_at,
        report.source,
        people_to_move,
        moved,
        sheltered,
        relatives,
        forced,
        refused,
        report.note,
        report.entered_by,
    )


def list_town_reports(*, session: Session, event_id: int) -> list[TownReportRow]:
    """Every report of the event, in time order."""
    require(session, Permission.READ_REGISTER)
    rows = session.execute(
        select(
            TownReport.id,
            TownReport.town_id,
            Division.name,
            TownReport.reported_at,
            TownReport.source,
            TownReport.people_to_move,
            TownReport.moved,
            TownReport.sheltered,
            TownReport.relatives,
            TownReport.forced,
            TownReport.refused,
            TownReport.note,
            TownReport.entered_by,
        )
        .join(Division, Division.id == TownReport.town_id)
        .where(TownReport.event_id == event_id)
        .order_by(TownReport.reported_at, TownReport.id)
    )
    return _rows_as(TownReportRow, rows)


# -- roll-ups ----------------------------------------------------------------------------------


class Figures(NamedTuple):
    """The transfer figures of one area, kind or the county, by the definitions above.

    Named tuples, like ``AreaFigures``: a county's roll-up makes thousands of them,
    and a frozen dataclass costs three times as much to build."""

    subjects: int = 0  # households and objects listed
    residents: int = 0
    away: int = 0
    sheltered: int = 0
    relatives: int = 0
    forced: int = 0
    refused: int = 0
    returned: int = 0

    @property
    def people_to_move(self) -> int:
        return self.residents - self.away

    @property
    def moved(self) -> int:
        return self.sheltered + self.relatives + self.forced

    @property
    def still_at_home(self) -> int:
        return self.people_to_move - self.moved

    @property
    def completion_rate(self) -> float | None:
        """moved / people to move; None when nobody is to move."""
        return self.moved / self.people_to_move if self.people_to_move else None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = self._asdict()
        data.update(
            people_to_move=self.people_to_move,
            moved=self.moved,
            still_at_home=self.still_at_home,
            completion_rate=self.completion_rate,
        )
        return data


FIGURE_FIELDS = (
    "people_to_move",
    "moved",
    "sheltered",
    "relatives",
    "forced",
    "refused",
    "still_at_home",
    "returned",
    "away",
    "residents",
    "subjects",
)


class _Sum:
    __slots__ = ("values",)

    def __init__(self) -> None:
        self.values = [0] * 8

    def add(self, values: Sequence[int]) -> None:
        for i, v in enumerate(values):
            self.values[i] += v

    def figures(self) -> Figures:
        return Figures(*self.values)


@dataclass(frozen=True, slots=True)
class ReportedFigures:
    """The latest figures a town phoned in (or their sum over towns)."""

    people_to_move: int = 0
    moved: int = 0
    sheltered: int = 0
    relatives: int = 0
    forced: int = 0
    refused: int = 0
    reported_at: datetime | None = None
    source: str | None = None

    @property
    def still_at_home(self) -> int:
        return self.people_to_move - self.moved

    @property
    def completion_rate(self) -> float | None:
        return self.moved / self.people_to_move if self.people_to_move else None


class AreaFigures(NamedTuple):
    id: int
    code: str
    name: str
    parent_id: int | None
    figures: Figures
    reported: ReportedFigures | None = None  # towns: the latest phoned-in figures


@dataclass(frozen=True, slots=True)
class KindFigures:
    kind: str
    figures: Figures


class ShelterOccupancy(NamedTuple):
    id: int
    name: str
    village_id: int
    level: str
    capacity: int
    occupants: int  # in the shelter now
    arrivals: int  # checked in during the event (returned ones included)
    returned: int
    expected: int  # still to move, assigned to this shelter
    lon: float | None
    lat: float | None

    @property
    def rate(self) -> float | None:
        return self.occupants / self.capacity if self.capacity else None

    @property
    def state(self) -> str:
        """ "full" at or over capacity, "nearly_full" above 90%, else "ok"."""
        if self.occupants >= self.capacity and (self.capacity > 0 or self.occupants > 0):
            return "full"
        if self.occupants > NEARLY_FULL * self.capacity:
            return "nearly_full"
        return "ok"

    @property
    def over_capacity(self) -> bool:
        return self.occupants > self.capacity


@dataclass(frozen=True)
class Rollup:
    event_id: int
    at: datetime
    county: Figures
    towns: list[AreaFigures]
    villages: list[AreaFigures]
    kinds: list[KindFigures]
    shelters: list[ShelterOccupancy]
    reported: ReportedFigures  # the towns' latest phoned-in figures, summed
    county_name: str = ""
    county_code: str = ""
    warnings: list[ShelterOccupancy] = field(default_factory=list)

    @property
    def full_shelters(self) -> int:
        """Shelters full (the other warnings are shelters above 90%)."""
        return sum(1 for s in self.warnings if s.state == "full")


class _Divisions(NamedTuple):
    """The divisions as the roll-up names and orders them."""

    in_code_order: tuple[tuple[int, str, str, int | None], ...]  # id, code, name, parent
    areas: dict[int, tuple[str, str, str, int | None]]  # not villages: code, name, level, parent


# (id, name, village_id, level, capacity, lon, lat) by id
_ShelterPlaces = tuple[tuple[int, str, int, str, int, float | None, float | None], ...]


def _load_divisions(conn: Any) -> _Divisions:
    d = _table(Division).c
    rows = conn.execute(select(d.id, d.code, d.name, d.level, d.parent_id).order_by(d.code)).all()
    return _Divisions(
        tuple((id_, code, name, parent) for id_, code, name, _level, parent in rows),
        {
            id_: (code, name, level, parent)
            for id_, code, name, level, parent in rows
            if level != "village"
        },
    )


def _load_shelters(conn: Any) -> _ShelterPlaces:
    s = _table(Shelter).c
    rows = conn.execute(
        select(
            s.id,
            s.name,
            s.village_id,
            s.level,
            s.capacity,
            s.min_lon,
            s.min_lat,
            s.max_lon,
            s.max_lat,
        ).order_by(s.id)
    ).all()
    return tuple(
        (
            id_,
            name,
            village_id,
            level,
            capacity,
            (min_lon + max_lon) / 2 if min_lon is not None and max_lon is not None else None,
            (min_lat + max_lat) / 2 if min_lat is not None and max_lat is not None else None,
        )
        for id_, name, village_id, level, capacity, min_lon, min_lat, max_lon, max_lat in rows
    )


# What the roll-up loaded from the register, by (table, revision token): a token names
# one state of the columns it reads, in any database (models.meta), so entries need no
# database key and are never stale. A few are kept: tests and tools open several databases.
_kept: dict[tuple[str, str], Any] = {}
_kept_lock = threading.Lock()
_KEPT_ENTRIES = 8


def _kept_or_load(table: str, revision: str | None, load: Callable[[], _T]) -> _T:
    """``load()``, or what it returned before for the same revision of ``table``.

    The revision must have been read before ``load`` reads the table (on PostgreSQL
    every statement sees the latest commit): what is kept is then never older than
    its token. Without a token (no triggers) the table is read every time."""
    if revision is None:
        return load()
    key = (table, revision)
    with _kept_lock:
        value = _kept.get(key)
    if value is None:
        value = load()
        with _kept_lock:
            _kept[key] = value
            while len(_kept) > _KEPT_ENTRIES:
                del _kept[next(iter(_kept))]
    return cast(_T, value)


def _tally_reads() -> tuple[Any, Any, Any]:
    """The roll-up's three reads of the tallies (built once: they run at every refresh)."""
    t = _table(TransferTally).c
    event_id = bindparam("event_id", type_=Integer)
    sums = (
        t.subjects,
        t.residents,
        t.away,
        t.sheltered,
        t.relatives,
        t.forced,
        t.refused,
        t.back_sheltered + t.back_relatives + t.back_forced,
    )
    return (
        select(t.area_id, *sums).where(t.event_id == event_id, t.scope == "v", t.subjects > 0),
        select(t.area_id, t.kind, *sums).where(t.event_id == event_id, t.scope == "t"),
        select(t.area_id, t.sheltered, t.back_sheltered, t.remaining).where(
            t.event_id == event_id, t.scope == "s"
        ),
    )


_VILLAGE_TALLIES, _TOWN_TALLIES, _SHELTER_TALLIES = _tally_reads()


def rollup(*, session: Session, event_id: int) -> Rollup:
    """The event's figures by county, town, village, danger-zone kind and shelter.

    Read from the maintained tallies: one row per village, per town and kind, and
    per shelter, a few thousand rows for a county of 200,000 households. The names,
    codes and order of divisions and shelters are read only when they changed
    (``_kept_or_load``), so each call reads numbers only.
    """
    require(session, Permission.READ_REGISTER)
    with collector_paused():
        return _rollup(session, event_id)


def _rollup(session: Session, event_id: int) -> Rollup:
    at = utcnow()
    conn = session.connection()  # plain Core rows: thousands of them, no ORM processing
    revision = revisions(session=session)  # before the tables they stand for
    divisions = _kept_or_load("divisions", revision.get("divisions"), lambda: _load_divisions(conn))
    shelter_places = _kept_or_load(
        "shelters", revision.get("shelters"), lambda: _load_shelters(conn)
    )
    event = {"event_id": event_id}
    by_village = {
        area_id: Figures(subjects, residents, away, sheltered, relatives, forced, refused, returned)
        for area_id, subjects, residents, away, sheltered, relatives, forced, refused, returned in conn.execute(
            _VILLAGE_TALLIES, event
        ).all()
    }
    # Villages ordered by code with their names, ready to show (a tally of a division
    # no longer there is left out).
    village_list = [
        AreaFigures(id_, code, name, parent, figures)
        for id_, code, name, parent in divisions.in_code_order
        if (figures := by_village.get(id_)) is not None
    ]
    county = _Sum()
    towns: dict[int, _Sum] = defaultdict(_Sum)
    kinds: dict[str, _Sum] = defaultdict(_Sum)
    for area_id, kind, *values in conn.execute(_TOWN_TALLIES, event).all():
        county.add(values)
        kinds[kind].add(values)
        towns[area_id].add(values)
    at_shelter: dict[int, tuple[int, int, int]] = {
        area_id: (sheltered, back, remaining)
        for area_id, sheltered, back, remaining in conn.execute(_SHELTER_TALLIES, event).all()
    }
    latest: dict[int, TownReport] = {}
    for report in session.scalars(
        select(TownReport)
        .where(TownReport.event_id == event_id)
        .order_by(TownReport.reported_at, TownReport.id)
    ):
        latest[report.town_id] = report
    reported_by_town = {
        town_id: ReportedFigures(
            rep.people_to_move,
            rep.moved,
            rep.sheltered,
            rep.relatives,
            rep.forced,
            rep.refused,
            rep.reported_at,
            rep.source,
        )
        for town_id, rep in latest.items()
    }
    reports = list(reported_by_town.values())
    total = ReportedFigures(
        people_to_move=sum(r.people_to_move for r in reports),
        moved=sum(r.moved for r in reports),
        sheltered=sum(r.sheltered for r in reports),
        relatives=sum(r.relatives for r in reports),
        forced=sum(r.forced for r in reports),
        refused=sum(r.refused for r in reports),
        reported_at=max((r.reported_at for r in reports if r.reported_at), default=None),
    )

    def area(id_: int, figures: Figures, reported: ReportedFigures | None = None) -> AreaFigures:
        code, name, _level, parent = divisions.areas.get(id_, ("", "?", "", None))
        return AreaFigures(id_, code, name, parent, figures, reported)

    town_ids = {t for t, tally in towns.items() if tally.values[0]} | set(reported_by_town)
    town_list = sorted(
        (
            area(t, towns[t].figures() if t in towns else Figures(), reported_by_town.get(t))
            for t in town_ids
        ),
        key=lambda a: a.code,
    )
    kind_list = sorted(
        (KindFigures(k, tally.figures()) for k, tally in kinds.items() if tally.values[0]),
        key=lambda k: k.kind,
    )
    shelters = []
    for id_, name, village_id, level, capacity, lon, lat in shelter_places:
        arrivals, back, expected = at_shelter.get(id_, (0, 0, 0))
        shelters.append(
            ShelterOccupancy(
                id_,
                name,
                village_id,
                level,
                capacity,
                arrivals - back,
                arrivals,
                back,
                expected,
                lon,
                lat,
            )
        )
    county_row = next(
        ((c, n) for c, n, lv, _p in divisions.areas.values() if lv == "county"), ("", "")
    )
    return Rollup(
        event_id=event_id,
        at=at,
        county=county.figures(),
        towns=town_list,
        villages=village_list,
        kinds=kind_list,
        shelters=shelters,
        reported=total,
        county_code=county_row[0],
        county_name=county_row[1],
        warnings=[s for s in shelters if s.state != "ok"],
    )


# -- snapshots ----------------------------------------------------------------------------------


def rollup_to_dict(data: Rollup) -> dict[str, Any]:
    """The roll-up as plain JSON-able data (what a snapshot keeps)."""

    def reported(rep: ReportedFigures | None) -> dict[str, Any] | None:
        if rep is None:
            return None
        values = asdict(rep)
        values["reported_at"] = rep.reported_at.isoformat() if rep.reported_at else None
        return values

    return {
        "event_id": data.event_id,
        "at": data.at.isoformat(),
        "county": {"code": data.county_code, "name": data.county_name, **data.county.as_dict()},
        "towns": {
            a.code: {"name": a.name, **a.figures.as_dict(), "reported": reported(a.reported)}
            for a in data.towns
        },
        "villages": {a.code: {"name": a.name, **a.figures.as_dict()} for a in data.villages},
        "kinds": {k.kind: k.figures.as_dict() for k in data.kinds},
        "shelters": {
            str(s.id): {
                "name": s.name,
                "capacity": s.capacity,
                "occupants": s.occupants,
                "arrivals": s.arrivals,
                "returned": s.returned,
                "expected": s.expected,
                "state": s.state,
            }
            for s in data.shelters
        },
        "reported": reported(data.reported),
    }


@dataclass(frozen=True, slots=True)
class SnapshotRow:
    id: int
    event_id: int
    taken_at: datetime


def _hour(at: datetime) -> datetime:
    return at.replace(minute=0, second=0, microsecond=0)


def _lock_snapshots(session: Session) -> None:
    """Before anything is read: on SQLite, take the database's write lock (a zero-row
    UPDATE), so a console that finds the hour without a snapshot writes it before any
    other console can look; a read first would pin a snapshot of the database that the
    other's commit makes stale, failing the insert. On PostgreSQL it locks nothing: the
    unique hour decides. Run on the connection: nothing changes, so the change feed is
    not told (every open console calls this each minute)."""
    table = _table(RollupSnapshot)
    session.connection().execute(update(table).where(false()).values(hour=table.c.hour))


def take_snapshot(
    *, session: Session, event_id: int, at: datetime | None = None, force: bool = False
) -> SnapshotRow | None:
    """Keep the current roll-up; once per clock hour unless ``force``.

    Returns the snapshot taken, or None when this hour already has one, also when
    another console took it at the same moment. A timer in the app calls it (the hour
    boundaries are the same in UTC and China time); a snapshot kept by hand
    (``force``) is one more, outside the hours.
    """
    require(session, Permission.READ_REGISTER)
    _lock_snapshots(session)
    now = at or utcnow()
    _event(session, event_id)
    hour = None if force else _hour(now.astimezone(UTC))
    if hour is not None:
        last = session.scalar(
            select(func.max(RollupSnapshot.taken_at)).where(RollupSnapshot.event_id == event_id)
        )
        if last is not None and _hour(last) >= hour:
            return None
    data = rollup_to_dict(rollup(session=session, event_id=event_id))
    data["at"] = now.isoformat()
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    snapshot = RollupSnapshot(event_id=event_id, taken_at=now, hour=hour, data=text)
    try:
        with (
            session.begin_nested(),
            bulk_operation(
                session, table_name="rollup_snapshots", source=f"snapshot event {event_id}"
            ) as counter,
        ):
            session.add(snapshot)
            session.flush()
            counter["rows"] = 1
    except IntegrityError:  # another console kept this hour's snapshot meanwhile
        return None
    return SnapshotRow(snapshot.id, event_id, now)


def list_snapshots(*, session: Session, event_id: int) -> list[SnapshotRow]:
    require(session, Permission.READ_REGISTER)
    rows = session.execute(
        select(RollupSnapshot.id, RollupSnapshot.event_id, RollupSnapshot.taken_at)
        .where(RollupSnapshot.event_id == event_id)
        .order_by(RollupSnapshot.taken_at, RollupSnapshot.id)
    )
    return [SnapshotRow(*row) for row in rows]


def load_snapshot(*, session: Session, snapshot_id: int) -> dict[str, Any] | None:
    require(session, Permission.READ_REGISTER)
    text = session.scalar(select(RollupSnapshot.data).where(RollupSnapshot.id == snapshot_id))
    return json.loads(text) if text is not None else None


@dataclass(frozen=True, slots=True)
class FigureChange:
    scope: str  # "county", "town", "village", "kind", "shelter"
    key: str  # code, kind or shelter id
    name: str
    field: str
    old: float | int | None
    new: float | int | None

    @property
    def delta(self) -> float | int | None:
        if self.old is None or self.new is None:
            return None
        return self.new - self.old


_SHELTER_FIELDS = ("occupants", "arrivals", "returned", "expected")


def compare_snapshots(older: dict[str, Any] | None, newer: dict[str, Any]) -> list[FigureChange]:
    """Every figure that differs between two roll-ups (as rollup_to_dict gives them)."""
    older = older or {}
    changes: list[FigureChange] = []

    def compare(
        scope: str,
        key: str,
        name: str,
        old: dict[str, Any] | None,
        new: dict[str, Any] | None,
        fields: Sequence[str],
    ) -> None:
        for name_of_field in fields:
            a = (old or {}).get(name_of_field, 0 if old is None else None)
            b = (new or {}).get(name_of_field, 0 if new is None else None)
            if a != b:
                changes.append(FigureChange(scope, key, name, name_of_field, a, b))

    county_new = newer.get("county", {})
    compare(
        "county",
        county_new.get("code", ""),
        county_new.get("name", ""),
        older.get("county"),
        county_new,
        FIGURE_FIELDS,
    )
    for scope, plural, fields in (
        ("town", "towns", FIGURE_FIELDS),
        ("village", "villages", FIGURE_FIELDS),
        ("kind", "kinds", FIGURE_FIELDS),
        ("shelter", "shelters", _SHELTER_FIELDS),
    ):
        old_map = older.get(plural, {})
        new_map = newer.get(plural, {})
        for key in sorted(set(old_map) | set(new_map)):
            entry = new_map.get(key) or old_map.get(key) or {}
            compare(scope, key, entry.get("name", key), old_map.get(key), new_map.get(key), fields)
    return changes


@dataclass(frozen=True)
class SnapshotDiff:
    since: datetime | None  # when the last snapshot was taken; None: there is none
    changes: list[FigureChange]


def changes_since_last_snapshot(*, session: Session, event_id: int) -> SnapshotDiff:
    """What changed in the roll-up since the last snapshot ("since the last report")."""
    require(session, Permission.READ_REGISTER)
    last = session.execute(
        select(RollupSnapshot.taken_at, RollupSnapshot.data)
        .where(RollupSnapshot.event_id == event_id)
        .order_by(RollupSnapshot.taken_at.desc(), RollupSnapshot.id.desc())
        .limit(1)
    ).first()
    current = rollup_to_dict(rollup(session=session, event_id=event_id))
    if last is None:
        return SnapshotDiff(None, compare_snapshots(None, current))
    return SnapshotDiff(last[0], compare_snapshots(json.loads(last[1]), current))


# -- planner checks ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OverfullShelter:
    id: int
    name: str
    village_name: str
    capacity: int
    assigned_people: int
    households: int
    objects: int


@dataclass(frozen=True, slots=True)
class HouseholdIssue:
    id: int
    village_name: str
    householder_name: str
    danger_zone_name: str | None


@dataclass(frozen=True, slots=True)
class EmptyZone:
    id: int
    code: str
    name: str
    kind: str
    village_name: str


@dataclass(frozen=True)
class PlannerChecks:
    year: int | None
    overfull_shelters: list[OverfullShelter]
    households_without_person: list[HouseholdIssue]
    zones_without_households: list[EmptyZone]

    @property
    def households_in_overfull_shelters(self) -> int:
        return sum(s.households for s in self.overfull_shelters)

    @property
    def ok(self) -> bool:
        return not (
            self.overfull_shelters
            or self.households_without_person
            or self.zones_without_households
        )


def planner_checks(*, session: Session, year: int | None = None) -> PlannerChecks:
    """What a planner must fix before the season: shelters too small for the
    households and objects assigned to them, households with no transfer
    responsible person, danger zones with nobody listed."""
    require(session, Permission.READ_REGISTER)
    if year is None:
        year = register_year(session=session)
    assigned: dict[int | None, list[int]] = defaultdict(lambda: [0, 0, 0])
    for shelter_id, people, n in session.execute(
        select(Household.shelter_id, func.sum(Household.residents), func.count())
        .where(Household.year == year, Household.shelter_id.is_not(None))
        .group_by(Household.shelter_id)
    ):
        assigned[shelter_id][0] += int(people or 0)
        assigned[shelter_id][1] += int(n)
    for shelter_id, people, n in session.execute(
        select(TransferObject.shelter_id, func.sum(TransferObject.head_count), func.count())
        .where(TransferObject.year == year, TransferObject.shelter_id.is_not(None))
        .group_by(TransferObject.shelter_id)
    ):
        assigned[shelter_id][0] += int(people or 0)
        assigned[shelter_id][2] += int(n)
    overfull = []
    if assigned:
        for id_, name, village, capacity in session.execute(
            select(Shelter.id, Shelter.name, Division.name, Shelter.capacity)
            .join(Division, Division.id == Shelter.village_id)
            .order_by(Division.code, Shelter.name)
        ):
            people, households, objects = assigned.get(id_, (0, 0, 0))
            if people > capacity:
                overfull.append(
                    OverfullShelter(id_, name, village, capacity, people, households, objects)
                )
    zone = aliased(DangerZone)
    without = [
        HouseholdIssue(*row)
        for row in session.execute(
            select(Household.id, Division.name, Household.householder_name, zone.name)
            .join(Division, Division.id == Household.village_id)
            .outerjoin(zone, zone.id == Household.danger_zone_id)
            .where(
                Household.year == year,
                or_(Household.transfer_person_name.is_(None), Household.transfer_person_name == ""),
            )
            .order_by(Division.code, Household.id)
        )
    ]
    # Sets rather than NOT EXISTS: SQLite would probe the year index once per zone.
    listed = set(
        session.scalars(select(Household.danger_zone_id).distinct().where(Household.year == year))
    )
    listed.update(
        session.scalars(
            select(TransferObject.danger_zone_id).distinct().where(TransferObject.year == year)
        )
    )
    empty = [
        EmptyZone(*row)
        for row in session.execute(
            select(DangerZone.id, DangerZone.code, DangerZone.name, DangerZone.kind, Division.name)
            .join(Division, Division.id == DangerZone.village_id)
            .order_by(DangerZone.code)
        )
        if row[0] not in listed
    ]
    return PlannerChecks(year, overfull, without, empty)
