"""The tables of rescue teams and the expert pool.

A team (class, home town or village, base location, leader and two contacts, supervising
unit, status) has specialties (each with a grade for social teams), equipment and a status
history; a rescuer is one person, found by identity number, with memberships in one team
or several (post, joined, status), certificates and accident insurance. Experts carry a
first-level field (fixed five) and a second level from a configurable list. What
readiness and travel assume (required sizes and speeds per class, certificates a specialty
requires, the road factor, the days before an expiry is announced) is kept in tables too.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow

NAME_LIMIT = 80
PERSON_LIMIT = 40
PHONE_LIMIT = 40
PLACE_LIMIT = 200


class Team(Base):
    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LIMIT), unique=True)
    team_class: Mapped[str] = mapped_column(String(20), index=True)
    division_id: Mapped[int | None] = mapped_column(
        ForeignKey("divisions.id", ondelete="SET NULL"), index=True
    )  # home town or village
    lon: Mapped[float | None] = mapped_column(Float)  # base location, WGS84
    lat: Mapped[float | None] = mapped_column(Float)
    address: Mapped[str | None] = mapped_column(String(PLACE_LIMIT))
    leader: Mapped[str | None] = mapped_column(String(PERSON_LIMIT))
    leader_mobile: Mapped[str | None] = mapped_column(String(PHONE_LIMIT))
    contact: Mapped[str | None] = mapped_column(String(PERSON_LIMIT))
    contact_mobile: Mapped[str | None] = mapped_column(String(PHONE_LIMIT))
    second_contact: Mapped[str | None] = mapped_column(String(PERSON_LIMIT))
    second_contact_mobile: Mapped[str | None] = mapped_column(String(PHONE_LIMIT))
    supervisor: Mapped[str | None] = mapped_column(String(NAME_LIMIT))  # supervising unit
    status: Mapped[str] = mapped_column(String(20), default="standby")
    status_at: Mapped[datetime | None] = mapped_column()
    note: Mapped[str | None] = mapped_column(Text)


class TeamSpecialty(Base):
    __tablename__ = "team_specialties"

    team_id: Mapped[int] = mapped_column(
        ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True
    )
    specialty: Mapped[str] = mapped_column(String(20), primary_key=True)
    grade: Mapped[int | None] = mapped_column(Integer)  # social teams: 1 (highest) to 3


class TeamEquipment(Base):
    __tablename__ = "team_equipment"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(60))
    count: Mapped[int] = mapped_column(Integer, default=1)
    state: Mapped[str] = mapped_column(String(20), default="working")
    note: Mapped[str | None] = mapped_column(Text)


class TeamStatusChange(Base):
    """One change of a team's status: who, when, where, why, and the record that caused
    it (a dispatch order, named by table and id)."""

    __tablename__ = "team_status_changes"
    __table_args__ = ({"info": {"console_rights": "append"}},)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    old: Mapped[str | None] = mapped_column(String(20))
    new: Mapped[str] = mapped_column(String(20))
    place: Mapped[str | None] = mapped_column(String(PLACE_LIMIT))
    reason: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(60))
    cause_table: Mapped[str | None] = mapped_column(String(40))
    cause_id: Mapped[int | None] = mapped_column(Integer)


class Rescuer(Base):
    """One person, whatever teams they serve in: matched by identity number."""

    __tablename__ = "rescuers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(PERSON_LIMIT), index=True)
    sex: Mapped[str | None] = mapped_column(String(1))
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    mobile: Mapped[str | None] = mapped_column(String(PHONE_LIMIT))
    skills: Mapped[str | None] = mapped_column(String(PLACE_LIMIT))
    emergency_contact: Mapped[str | None] = mapped_column(String(PERSON_LIMIT))
    emergency_mobile: Mapped[str | None] = mapped_column(String(PHONE_LIMIT))
    # The accident insurance cover the person's policies give (``models.teams.insured``),
    # kept by every write of a policy: the unbroken cover up to the latest end, and
    # whether there was cover before it, after a gap.
    insured_from: Mapped[date | None] = mapped_column(Date)
    insured_until: Mapped[date | None] = mapped_column(Date, index=True)
    insurance_gap: Mapped[bool] = mapped_column(Boolean, server_default=false())


class Membership(Base):
    __tablename__ = "team_memberships"
    __table_args__ = (UniqueConstraint("team_id", "rescuer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    rescuer_id: Mapped[int] = mapped_column(
        ForeignKey("rescuers.id", ondelete="CASCADE"), index=True
    )
    post: Mapped[str] = mapped_column(String(20), default="member")
    joined: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="active")


class Certificate(Base):
    __tablename__ = "rescuer_certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    rescuer_id: Mapped[int] = mapped_column(
        ForeignKey("rescuers.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(60))  # 潜水员证, 急救员证 ...
    number: Mapped[str | None] = mapped_column(String(60))
    issuer: Mapped[str | None] = mapped_column(String(NAME_LIMIT))
    expires: Mapped[date | None] = mapped_column(Date, index=True)


class Insurance(Base):
    """Personal accident insurance (人身意外伤害保险), required by law for every rescuer."""

    __tablename__ = "rescuer_insurance"

    id: Mapped[int] = mapped_column(primary_key=True)
    rescuer_id: Mapped[int] = mapped_column(
        ForeignKey("rescuers.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str | None] = mapped_column(String(60))
    policy: Mapped[str | None] = mapped_column(String(60))
    insurer: Mapped[str | None] = mapped_column(String(NAME_LIMIT))
    starts: Mapped[date | None] = mapped_column(Date)
    ends: Mapped[date] = mapped_column(Date, index=True)


class Expert(Base):
    __tablename__ = "experts"
    __table_args__ = (UniqueConstraint("name", "organisation"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(PERSON_LIMIT))
    field: Mapped[str] = mapped_column(String(20), index=True)  # first level, fixed five
    subfield: Mapped[str | None] = mapped_column(String(40))  # second level, configurable
    specialty: Mapped[str | None] = mapped_column(String(NAME_LIMIT))
    organisation: Mapped[str] = mapped_column(String(NAME_LIMIT), default="")
    title: Mapped[str | None] = mapped_column(String(PERSON_LIMIT))
    appointed_from: Mapped[date | None] = mapped_column(Date)
    appointed_to: Mapped[date | None] = mapped_column(Date)
    office_phone: Mapped[str | None] = mapped_column(String(PHONE_LIMIT))
    mobile: Mapped[str | None] = mapped_column(String(PHONE_LIMIT))
    available: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str | None] = mapped_column(Text)


class ExpertSubfield(Base):
    """A configured second-level field of the expert pool under its first level."""

    __tablename__ = "expert_subfields"

    field: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(40), primary_key=True)


class TeamClassRule(Base):
    """A team class's required size and travel speed, where they differ from the defaults."""

    __tablename__ = "team_class_rules"

    team_class: Mapped[str] = mapped_column(String(20), primary_key=True)
    required_size: Mapped[int | None] = mapped_column(Integer)
    speed_kmh: Mapped[float | None] = mapped_column(Float)


class SpecialtyCertificate(Base):
    """A certificate kind a member needs, unexpired, to be deployed for a specialty."""

    __tablename__ = "specialty_certificates"

    specialty: Mapped[str] = mapped_column(String(20), primary_key=True)
    certificate_kind: Mapped[str] = mapped_column(String(60), primary_key=True)


class TeamSetting(Base):
    """The road factor and the days before an expiry is announced, where changed."""

    __tablename__ = "team_settings"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


Index("ix_rescuer_certificates_kind", Certificate.kind)
# The members on duty of each team with their people, read from the index alone.
Index(
    "ix_team_memberships_team_status", Membership.team_id, Membership.status, Membership.rescuer_id
)
