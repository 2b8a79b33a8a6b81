"""The transfer tables: households and objects of the register, records per event,
their changes, maintained tallies, towns' phoned-in reports and roll-up snapshots."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow
from models.text_index import register_text


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


# The check-in search finds a part of a householder's name through the text index, when
# no name starts with it (names by their start: ix_households_year_name).
HOUSEHOLD_NAMES = register_text("household_name", Household.householder_name, after_start=True)


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
