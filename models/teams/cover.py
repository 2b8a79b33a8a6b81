"""The county's cover: which villages no available team of a specialty reaches within N
minutes (straight line times the road factor, at each team class's speed), and the
fastest arrival at every village."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.areas import Division
from models.geo.distance import EARTH_RADIUS_KM
from models.teams.codes import AVAILABLE_STATUSES
from models.teams.settings import team_rules
from models.teams.tables import Team, TeamSpecialty
from models.users import Permission, require


@dataclass(frozen=True, slots=True)
class VillageCover:
    village_id: int
    name: str
    town: str
    minutes: float | None  # the fastest arrival; None: no team can come
    team: str | None  # the team arriving first


def cover(
    *, session: Session, specialty: str | None = None, minutes: float = 15.0
) -> list[VillageCover]:
    """The villages no available team (of ``specialty``) reaches within ``minutes``,
    slowest first. A village is placed at the middle of its outline's box."""
    import numpy as np

    require(session, Permission.READ_REGISTER)
    rules = team_rules(session=session)
    query = select(Team.name, Team.team_class, Team.lon, Team.lat).where(
        Team.status.in_(sorted(AVAILABLE_STATUSES)), Team.lon.is_not(None), Team.lat.is_not(None)
    )
    if specialty is not None:
        query = query.where(
            Team.id.in_(select(TeamSpecialty.team_id).where(TeamSpecialty.specialty == specialty))
        )
    teams = session.execute(query).all()
    towns = dict(
        session.execute(select(Division.id, Division.name).where(Division.level == "town")).all()
    )
    villages = session.execute(
        select(
            Division.id,
            Division.name,
            Division.parent_id,
            Division.min_lon,
            Division.min_lat,
            Division.max_lon,
            Division.max_lat,
        ).where(Division.level == "village", Division.min_lon.is_not(None))
    ).all()
    if not villages:
        return []
    lon = np.radians([(v.min_lon + v.max_lon) / 2 for v in villages])[:, None]
    lat = np.radians([(v.min_lat + v.max_lat) / 2 for v in villages])[:, None]
    if teams:
        t_lon = np.radians([t.lon for t in teams])[None, :]
        t_lat = np.radians([t.lat for t in teams])[None, :]
        speed = np.array([rules.speed(t.team_class) for t in teams])[None, :]
        a = (
            np.sin((t_lat - lat) / 2) ** 2
            + np.cos(lat) * np.cos(t_lat) * np.sin((t_lon - lon) / 2) ** 2
        )
        km = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a))) * rules.road_factor
        arrival = km / speed * 60.0
        best = arrival.argmin(axis=1)
        fastest = arrival[np.arange(len(villages)), best]
    found = []
    for index, village in enumerate(villages):
        if teams:
            time_ = float(fastest[index])
            if time_ <= minutes:
                continue
            first: str | None = teams[int(best[index])].name
        else:
            time_, first = float("inf"), None
        found.append(
            VillageCover(
                village.id,
                village.name,
                towns.get(village.parent_id, ""),
                None if first is None else round(time_, 1),
                first,
            )
        )
    found.sort(key=lambda v: -(v.minutes if v.minutes is not None else float("inf")))
    return found
