"""Teams: hand entry, listing, equipment, and the status with its full history.

A team's status changes one way only, through ``change_status``: each change records who,
when, where and why, and may name the record that caused it (a dispatch order). Team rows
carry their leader's and contacts' mobiles masked for roles that may not see personal
numbers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models.areas import Division, VillageOption
from models.base import utcnow
from models.fields import FieldChecker, Range
from models.messages import fill
from models.privacy import phone_masker
from models.refusals import Conflict, NotFound
from models.teams.codes import EQUIPMENT_STATES, SPECIALTIES, TEAM_CLASSES, TEAM_STATUSES
from models.teams.settings import team_rules
from models.teams.tables import (
    NAME_LIMIT,
    PERSON_LIMIT,
    PLACE_LIMIT,
    Membership,
    Team,
    TeamEquipment,
    TeamSpecialty,
    TeamStatusChange,
)
from models.users import Permission, require

EQUIPMENT_COUNT = Range(0, 100_000)
GRADES = (1, 2, 3)


@dataclass(frozen=True, slots=True)
class TeamFields:
    """A team as entered or imported, before it is checked. ``specialties`` maps a
    specialty code to its grade (1-3, social teams) or None."""

    name: str | None
    team_class: str | None
    specialties: Mapping[str, int | None] = field(default_factory=dict)
    division_id: int | None = None
    lon: float | None = None  # WGS84
    lat: float | None = None
    address: str | None = None
    leader: str | None = None
    leader_mobile: str | None = None
    contact: str | None = None
    contact_mobile: str | None = None
    second_contact: str | None = None
    second_contact_mobile: str | None = None
    supervisor: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class TeamRow:
    id: int
    name: str
    team_class: str
    specialties: tuple[tuple[str, int | None], ...]  # (code, grade)
    division_id: int | None
    home: str  # the town or village's name, "" when none
    lon: float | None
    lat: float | None
    address: str | None
    leader: str | None
    leader_mobile: str | None  # masked unless the reader may see personal numbers
    contact: str | None
    contact_mobile: str | None
    second_contact: str | None
    second_contact_mobile: str | None
    supervisor: str | None
    status: str
    status_at: datetime | None
    members: int  # members on duty
    note: str | None

    def has_specialty(self, code: str) -> bool:
        return any(specialty == code for specialty, _grade in self.specialties)


@dataclass(frozen=True, slots=True)
class StatusChangeRow:
    id: int
    team_id: int
    at: datetime
    old: str | None
    new: str
    place: str | None
    reason: str
    recorded_by: str
    cause_table: str | None
    cause_id: int | None


@dataclass(frozen=True, slots=True)
class EquipmentRow:
    id: int
    team_id: int
    kind: str
    count: int
    state: str
    note: str | None


def check_team(checker: FieldChecker, fields: TeamFields) -> dict[str, object]:
    """The team's cleaned values (specialties apart); problems go into ``checker``."""
    values: dict[str, object] = {
        "name": checker.text(
            "name",
            fields.name,
            NAME_LIMIT,
            QCoreApplication.translate("Teams", "Give the team's name."),
        ),
        "team_class": checker.code(
            "team_class",
            fields.team_class,
            TEAM_CLASSES,
            fill(
                QCoreApplication.translate("Teams", "Unknown team class: %1"),
                fields.team_class or "",
            ),
        ),
        "division_id": fields.division_id,
        "address": checker.text("address", fields.address, PLACE_LIMIT),
        "leader": checker.text("leader", fields.leader, PERSON_LIMIT),
        "leader_mobile": checker.phone("leader_mobile", fields.leader_mobile),
        "contact": checker.text("contact", fields.contact, PERSON_LIMIT),
        "contact_mobile": checker.phone("contact_mobile", fields.contact_mobile),
        "second_contact": checker.text("second_contact", fields.second_contact, PERSON_LIMIT),
        "second_contact_mobile": checker.phone(
            "second_contact_mobile", fields.second_contact_mobile
        ),
        "supervisor": checker.text("supervisor", fields.supervisor, NAME_LIMIT),
        "note": checker.text("note", fields.note, 500),
    }
    point = checker.point(fields.lon, fields.lat)
    values["lon"], values["lat"] = point if point is not None else (None, None)
    for code, grade in dict(fields.specialties).items():
        if code not in SPECIALTIES:
            checker.add(
                "specialties",
                fill(QCoreApplication.translate("Teams", "Unknown specialty: %1"), code),
            )
        if grade is not None and grade not in GRADES:
            checker.add(
                "specialties",
                fill(
                    QCoreApplication.translate(
                        "Teams", "A specialty's grade is 1, 2 or 3, not %1."
                    ),
                    str(grade),
                ),
            )
    return values


def save_team(*, session: Session, fields: TeamFields, team_id: int | None = None) -> TeamRow:
    """Add a team (``team_id`` None) or change one; a name already taken is refused."""
    require(session, Permission.MANAGE_TEAMS)
    checker = FieldChecker()
    values = check_team(checker, fields)
    name = values["name"]
    if name is not None:
        taken = session.scalar(select(Team.id).where(Team.name == name))
        if taken is not None and taken != team_id:
            checker.add(
                "name",
                fill(
                    QCoreApplication.translate("Teams", "A team named %1 is registered."), str(name)
                ),
            )
    if fields.division_id is not None and session.get(Division, fields.division_id) is None:
        checker.add(
            "division_id",
            QCoreApplication.translate("Teams", "The home town or village no longer exists."),
        )
    team = session.get(Team, team_id) if team_id is not None else Team(status="standby")
    if team is None:
        checker.add("", QCoreApplication.translate("Teams", "This team no longer exists."))
    checker.done()
    assert team is not None
    for key, value in values.items():
        setattr(team, key, value)
    session.add(team)
    session.flush()
    set_specialties(session, team.id, fields.specialties)
    return team_row(session=session, team_id=team.id)


def set_specialties(session: Session, team_id: int, specialties: Mapping[str, int | None]) -> None:
    """Replace a team's specialties (already checked)."""
    session.execute(delete(TeamSpecialty).where(TeamSpecialty.team_id == team_id))
    session.add_all(
        TeamSpecialty(team_id=team_id, specialty=code, grade=grade)
        for code, grade in dict(specialties).items()
    )
    session.flush()


def _homes(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Division.id, Division.name)).all())


def _specialties(session: Session, team_ids: Iterable[int] | None = None) -> dict[int, list]:
    query = select(TeamSpecialty.team_id, TeamSpecialty.specialty, TeamSpecialty.grade)
    if team_ids is not None:
        query = query.where(TeamSpecialty.team_id.in_(list(team_ids)))
    found: dict[int, list[tuple[str, int | None]]] = {}
    for team_id, code, grade in session.execute(query.order_by(TeamSpecialty.specialty)):
        found.setdefault(team_id, []).append((code, grade))
    return found


def _member_counts(session: Session) -> dict[int, int]:
    query = (
        select(Membership.team_id, func.count())
        .where(Membership.status == "active")
        .group_by(Membership.team_id)
    )
    return dict(session.execute(query).all())


def list_teams(
    *,
    session: Session,
    team_class: str | None = None,
    specialty: str | None = None,
    status: str | None = None,
    division_id: int | None = None,
) -> list[TeamRow]:
    """Teams by name, filtered by class, specialty, status and home; mobiles masked for
    roles that may not see personal numbers."""
    require(session, Permission.READ_REGISTER)
    query = select(Team).order_by(Team.name)
    if team_class is not None:
        query = query.where(Team.team_class == team_class)
    if status is not None:
        query = query.where(Team.status == status)
    if division_id is not None:
        towns_villages = select(Division.id).where(
            (Division.id == division_id) | (Division.parent_id == division_id)
        )
        query = query.where(Team.division_id.in_(towns_villages))
    if specialty is not None:
        query = query.where(
            Team.id.in_(select(TeamSpecialty.team_id).where(TeamSpecialty.specialty == specialty))
        )
    teams = session.scalars(query).all()
    homes, counts = _homes(session), _member_counts(session)
    specialties = _specialties(session)
    mask = phone_masker(session)
    return [_row(team, homes, specialties, counts, mask) for team in teams]


def team_row(*, session: Session, team_id: int) -> TeamRow:
    require(session, Permission.READ_REGISTER)
    team = session.get(Team, team_id)
    if team is None:
        raise NotFound(QCoreApplication.translate("Teams", "This team no longer exists."))
    homes = (
        {team.division_id: session.get(Division, team.division_id).name}  # type: ignore[union-attr]
        if team.division_id is not None and session.get(Division, team.division_id) is not None
        else {}
    )
    count = session.scalar(
        select(func.count()).where(Membership.team_id == team_id, Membership.status == "active")
    )
    return _row(
        team,
        homes,
        _specialties(session, [team_id]),
        {team_id: count or 0},
        phone_masker(session),
    )


def _row(
    team: Team,
    homes: Mapping[int, str],
    specialties: Mapping[int, list[tuple[str, int | None]]],
    counts: Mapping[int, int],
    mask: Callable[[str | None], str | None],
) -> TeamRow:
    return TeamRow(
        team.id,
        team.name,
        team.team_class,
        tuple(specialties.get(team.id, ())),
        team.division_id,
        homes.get(team.division_id, "") if team.division_id is not None else "",
        team.lon,
        team.lat,
        team.address,
        team.leader,
        mask(team.leader_mobile),
        team.contact,
        mask(team.contact_mobile),
        team.second_contact,
        mask(team.second_contact_mobile),
        team.supervisor,
        team.status,
        team.status_at,
        counts.get(team.id, 0),
        team.note,
    )


def home_options(*, session: Session) -> list[VillageOption]:
    """The county, towns and villages a team may call home, by code (a village shows its
    town)."""
    require(session, Permission.READ_REGISTER)
    towns = dict(
        session.execute(select(Division.id, Division.name).where(Division.level == "town")).all()
    )
    rows = session.execute(
        select(Division.id, Division.code, Division.name, Division.level, Division.parent_id)
        .where(Division.level.in_(("county", "town", "village")))
        .order_by(Division.code)
    )
    return [
        VillageOption(
            id_, code, name, "" if level != "village" or parent is None else towns.get(parent, "")
        )
        for id_, code, name, level, parent in rows
    ]


def find_team(*, session: Session, name: str) -> Team:
    """The team named ``name`` (exactly, else the one whose name holds it); NotFound or
    Conflict naming the candidates."""
    require(session, Permission.READ_REGISTER)
    text = name.strip()
    team = session.scalar(select(Team).where(Team.name == text))
    if team is not None:
        return team
    like = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    found = session.scalars(
        select(Team).where(Team.name.like(f"%{like}%", escape="\\")).limit(6)
    ).all()
    if not found:
        raise NotFound(
            fill(QCoreApplication.translate("Teams", "No team is registered as %1."), text)
        )
    if len(found) > 1:
        raise Conflict(
            fill(
                QCoreApplication.translate(
                    "Teams", "%1 fits several teams: %2. Give the full name."
                ),
                text,
                "、".join(t.name for t in found[:5]),
            )
        )
    return found[0]


def change_status(
    *,
    session: Session,
    team_id: int,
    status: str,
    reason: str,
    place: str | None = None,
    at: datetime | None = None,
    cause: tuple[str, int] | None = None,
) -> StatusChangeRow:
    """Move a team to ``status``, recording who, when (default now), where and why, and the
    record that caused it. Refused: an unknown status, the status it already has, no
    reason, a time before its last change."""
    actor = require(session, Permission.MANAGE_TEAMS)
    team = session.get(Team, team_id)
    if team is None:
        raise NotFound(QCoreApplication.translate("Teams", "This team no longer exists."))
    checker = FieldChecker()
    checker.code(
        "status",
        status,
        TEAM_STATUSES,
        fill(QCoreApplication.translate("Teams", "Unknown team status: %1"), status),
    )
    if status == team.status:
        checker.add(
            "status", QCoreApplication.translate("Teams", "The team already has this status.")
        )
    reason_text = checker.text(
        "reason", reason, 500, QCoreApplication.translate("Teams", "Say why the status changes.")
    )
    place_text = checker.text("place", place, PLACE_LIMIT)
    when = at or utcnow()
    if team.status_at is not None and when < team.status_at:
        checker.add(
            "at",
            QCoreApplication.translate(
                "Teams", "The change cannot precede the team's last status change."
            ),
        )
    checker.done()
    change = TeamStatusChange(
        team_id=team_id,
        at=when,
        old=team.status,
        new=status,
        place=place_text,
        reason=reason_text or "",
        recorded_by=actor.name,
        cause_table=cause[0] if cause else None,
        cause_id=cause[1] if cause else None,
    )
    team.status, team.status_at = status, when
    session.add(change)
    session.flush()
    return _change_row(change)


def status_history(*, session: Session, team_id: int) -> list[StatusChangeRow]:
    """A team's status changes, oldest first."""
    require(session, Permission.READ_REGISTER)
    query = (
        select(TeamStatusChange)
        .where(TeamStatusChange.team_id == team_id)
        .order_by(TeamStatusChange.at, TeamStatusChange.id)
    )
    return [_change_row(change) for change in session.scalars(query)]


def _change_row(change: TeamStatusChange) -> StatusChangeRow:
    return StatusChangeRow(
        change.id,
        change.team_id,
        change.at,
        change.old,
        change.new,
        change.place,
        change.reason,
        change.recorded_by,
        change.cause_table,
        change.cause_id,
    )


def save_equipment(
    *,
    session: Session,
    team_id: int,
    kind: str,
    count: object,
    state: str = "working",
    note: str | None = None,
    equipment_id: int | None = None,
) -> EquipmentRow:
    """Add or change an item of a team's equipment (kind, count, state)."""
    require(session, Permission.MANAGE_TEAMS)
    checker = FieldChecker()
    kind_text = checker.text(
        "kind", kind, 60, QCoreApplication.translate("Teams", "Give the kind of equipment.")
    )
    number = checker.count(
        "count",
        count,
        EQUIPMENT_COUNT,
        QCoreApplication.translate("Teams", "Give the count as a number."),
    )
    checker.code(
        "state",
        state,
        EQUIPMENT_STATES,
        fill(QCoreApplication.translate("Teams", "Unknown state of equipment: %1"), state),
    )
    note_text = checker.text("note", note, 500)
    if session.get(Team, team_id) is None:
        checker.add("", QCoreApplication.translate("Teams", "This team no longer exists."))
    item = session.get(TeamEquipment, equipment_id) if equipment_id is not None else TeamEquipment()
    if item is None:
        checker.add("", QCoreApplication.translate("Teams", "This item no longer exists."))
    checker.done()
    assert item is not None
    item.team_id, item.kind, item.count = team_id, kind_text or "", number or 0
    item.state, item.note = state, note_text
    session.add(item)
    session.flush()
    return _equipment_row(item)


def list_equipment(*, session: Session, team_id: int | None = None) -> list[EquipmentRow]:
    require(session, Permission.READ_REGISTER)
    query = select(TeamEquipment).order_by(TeamEquipment.team_id, TeamEquipment.kind)
    if team_id is not None:
        query = query.where(TeamEquipment.team_id == team_id)
    return [_equipment_row(item) for item in session.scalars(query)]


def _equipment_row(item: TeamEquipment) -> EquipmentRow:
    return EquipmentRow(item.id, item.team_id, item.kind, item.count, item.state, item.note)


@dataclass(frozen=True, slots=True)
class TeamPosition:
    """A team on the map: where it is based and what it is doing (no phones)."""

    id: int
    name: str
    team_class: str
    status: str
    lon: float
    lat: float
    leader: str | None
    specialties: tuple[str, ...]
    members: int


def team_positions(*, session: Session) -> list[TeamPosition]:
    """Every team with a base location, read in three plain queries (the map's layer)."""
    require(session, Permission.READ_REGISTER)
    connection = session.connection()
    specialties: dict[int, list[str]] = {}
    for team_id, code in connection.execute(
        select(TeamSpecialty.team_id, TeamSpecialty.specialty).order_by(TeamSpecialty.specialty)
    ):
        specialties.setdefault(team_id, []).append(code)
    counts = dict(
        connection.execute(
            select(Membership.team_id, func.count())
            .where(Membership.status == "active")
            .group_by(Membership.team_id)
        ).all()
    )
    query = (
        select(Team.id, Team.name, Team.team_class, Team.status, Team.lon, Team.lat, Team.leader)
        .where(Team.lon.is_not(None), Team.lat.is_not(None))
        .order_by(Team.id)
    )
    return [
        TeamPosition(
            id_,
            name,
            team_class,
            status,
            lon or 0.0,  # never None: the query asks for a base
            lat or 0.0,
            leader,
            tuple(specialties.get(id_, ())),
            counts.get(id_, 0),
        )
        for id_, name, team_class, status, lon, lat, leader in connection.execute(query)
    ]


@dataclass(frozen=True, slots=True)
class TeamReach:
    """How far a team gets from its base in ``minutes``: a circle of ``radius_km``
    (straight line; road distance over the road factor, at its class's speed)."""

    team_id: int
    name: str
    lon: float
    lat: float
    minutes: float
    radius_km: float
    speed_kmh: float
    road_factor: float


def team_reach(*, session: Session, team_id: int, minutes: float = 15.0) -> TeamReach:
    """A team's reach in ``minutes``; NotFound when it is gone or has no base location."""
    require(session, Permission.READ_REGISTER)
    team = session.get(Team, team_id)
    if team is None:
        raise NotFound(QCoreApplication.translate("Teams", "This team no longer exists."))
    if team.lon is None or team.lat is None:
        raise NotFound(
            fill(
                QCoreApplication.translate("Teams", "%1 has no base location on the map."),
                team.name,
            )
        )
    rules = team_rules(session=session)
    return TeamReach(
        team.id,
        team.name,
        team.lon,
        team.lat,
        minutes,
        rules.reach_km(team.team_class, minutes),
        rules.speed(team.team_class),
        rules.road_factor,
    )


def status_counts(*, session: Session) -> dict[str, int]:
    """How many teams are in each status (those with none left out)."""
    require(session, Permission.READ_REGISTER)
    query = select(Team.status, func.count()).group_by(Team.status)
    return {status: count for status, count in session.execute(query).all()}
