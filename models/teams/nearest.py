"""The right team for a place: available teams of a specialty ranked by estimated arrival,
with their deployable members and working equipment, and why each other team of that
specialty is not offered.

Distance is the straight line times the configured road factor; arrival time is that
distance at the team class's configured speed."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.areas import Division
from models.geo.distance import EARTH_RADIUS_KM
from models.labels import label
from models.messages import fill
from models.refusals import NotFound
from models.teams.codes import AVAILABLE_STATUSES, TEAM_STATUSES
from models.teams.readiness import member_fitness
from models.teams.settings import team_rules
from models.teams.tables import Team, TeamEquipment, TeamSpecialty
from models.users import Permission, require


@dataclass(frozen=True, slots=True)
class Offer:
    team_id: int
    name: str
    team_class: str
    status: str
    road_km: float
    minutes: float
    deployable: int
    members: int
    enough: bool  # deployable members reach the head count asked for
    equipment: tuple[tuple[str, int], ...]  # working equipment: (kind, count)


@dataclass(frozen=True, slots=True)
class NotOffered:
    team_id: int
    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class NearestTeams:
    offered: tuple[Offer, ...]
    not_offered: tuple[NotOffered, ...]


def division_point(*, session: Session, division_id: int) -> tuple[float, float]:
    """A point inside a town or village (its outline's representative point, else the
    middle of its box); NotFound when it has no outline."""
    require(session, Permission.READ_REGISTER)
    division = session.get(Division, division_id)
    if division is None or division.geom is None:
        raise NotFound(QCoreApplication.translate("Teams", "This place has no outline on the map."))
    point = division.geometry.representative_point()  # type: ignore[union-attr]
    return point.x, point.y


def nearest_teams(
    *,
    session: Session,
    lon: float,
    lat: float,
    specialty: str | None = None,
    head_count: int = 1,
    today: date | None = None,
    limit: int = 10,
) -> NearestTeams:
    """The ``limit`` nearest available teams for a place (WGS84) with the specialty (any:
    None), by estimated arrival; every other team with the specialty and why it is not
    offered (its status, no base location, no deployable member)."""
    require(session, Permission.READ_REGISTER)
    today = today or date.today()
    rules = team_rules(session=session)
    query = select(Team.id, Team.name, Team.team_class, Team.status, Team.lon, Team.lat)
    if specialty is not None:
        query = query.where(
            Team.id.in_(select(TeamSpecialty.team_id).where(TeamSpecialty.specialty == specialty))
        )
    teams = session.connection().execute(query).all()
    not_offered: list[NotOffered] = []
    candidates: list[tuple[float, int, str, str, str]] = []
    # distance_km for every team, the place's part worked out once (the same arithmetic,
    # so the same figures): thousands of teams may hold a specialty.
    radians, sin, cos, asin, sqrt = math.radians, math.sin, math.cos, math.asin, math.sqrt
    p1 = radians(lat)
    cos_p1 = cos(p1)
    speeds = {c: rules.speed(c) for c in {t[2] for t in teams}}
    road_factor = rules.road_factor
    for team_id, name, team_class, status, t_lon, t_lat in teams:
        if status not in AVAILABLE_STATUSES:
            not_offered.append(
                NotOffered(
                    team_id,
                    name,
                    fill(
                        QCoreApplication.translate("Teams", "Not available: %1"),
                        label(TEAM_STATUSES, status),
                    ),
                )
            )
            continue
        if t_lon is None or t_lat is None:
            not_offered.append(
                NotOffered(
                    team_id,
                    name,
                    QCoreApplication.translate("Teams", "No base location on the map"),
                )
            )
            continue
        p2 = radians(t_lat)
        a = sin((p2 - p1) / 2) ** 2 + cos_p1 * cos(p2) * sin(radians(t_lon - lon) / 2) ** 2
        road = 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(a))) * road_factor
        candidates.append((road / speeds[team_class] * 60.0, team_id, name, team_class, status))
    candidates.sort()
    offered: list[Offer] = []
    # Fitness is worked out for the nearest few first, more only when those fall short.
    position, batch = 0, max(limit * 2, 20)
    while len(offered) < limit and position < len(candidates):
        chunk = candidates[position : position + batch]
        position += batch
        ids = [c[1] for c in chunk]
        fitness = member_fitness(
            session, team_ids=ids, today=today, rules=rules, specialty=specialty
        )
        members: dict[int, int] = {}
        deployable: dict[int, int] = {}
        reasons: dict[int, str] = {}
        for fit in fitness:
            members[fit.team_id] = members.get(fit.team_id, 0) + 1
            if fit.deployable:
                deployable[fit.team_id] = deployable.get(fit.team_id, 0) + 1
            elif fit.team_id not in reasons:
                reasons[fit.team_id] = fit.unfit[0].text()
        equipment: dict[int, list[tuple[str, int]]] = {}
        for team_id, kind, count in session.connection().execute(
            select(TeamEquipment.team_id, TeamEquipment.kind, TeamEquipment.count)
            .where(TeamEquipment.team_id.in_(ids), TeamEquipment.state == "working")
            .order_by(TeamEquipment.kind)
        ):
            equipment.setdefault(team_id, []).append((kind, count))
        for minutes, team_id, name, team_class, status in chunk:
            ready = deployable.get(team_id, 0)
            if not ready:
                why = (
                    fill(
                        QCoreApplication.translate("Teams", "No deployable member (%1)"),
                        reasons[team_id],
                    )
                    if team_id in reasons
                    else QCoreApplication.translate("Teams", "No member on duty")
                )
                not_offered.append(NotOffered(team_id, name, why))
                continue
            if len(offered) >= limit:
                continue
            offered.append(
                Offer(
                    team_id,
                    name,
                    team_class,
                    status,
                    minutes * rules.speed(team_class) / 60.0,
                    minutes,
                    ready,
                    members.get(team_id, 0),
                    ready >= head_count,
                    tuple(equipment.get(team_id, ())),
                )
            )
    return NearestTeams(tuple(offered), tuple(not_offered))
