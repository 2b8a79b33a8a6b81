"""The county at a glance: the figures the dashboard shows, and the
responsible persons of villages to call when their transfers lag."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from models.areas import DangerZone, Division, Grid, Shelter, WorkingGroupMember
from models.privacy import phone_masker
from models.users import Permission, require


@dataclass(frozen=True)
class Overview:
    county_name: str | None
    towns: int
    villages: int
    grids: int
    danger_zones: int
    hazard_points: int
    shelters: int
    shelter_capacity: int
    certified_shelters: int
    working_group_members: int
    danger_by_kind: dict[str, int] = field(default_factory=dict)
    shelters_by_level: dict[str, tuple[int, int]] = field(default_factory=dict)


def county_overview(*, session: Session) -> Overview:
    require(session, Permission.READ_REGISTER)

    def count(stmt: object) -> int:
        return int(session.scalar(stmt) or 0)  # type: ignore[call-overload]

    levels = dict(
        session.execute(select(Division.level, func.count()).group_by(Division.level)).all()
    )
    county = session.scalar(select(Division.name).where(Division.level == "county").limit(1))
    by_kind = dict(
        session.execute(select(DangerZone.kind, func.count()).group_by(DangerZone.kind)).all()
    )
    by_level = {
        level: (int(n), int(cap or 0))
        for level, n, cap in session.execute(
            select(Shelter.level, func.count(), func.sum(Shelter.capacity)).group_by(Shelter.level)
        )
    }
    return Overview(
        county_name=county,
        towns=levels.get("town", 0),
        villages=levels.get("village", 0),
        grids=count(select(func.count()).select_from(Grid)),
        danger_zones=sum(by_kind.values()),
        hazard_points=count(
            select(func.count()).select_from(DangerZone).where(DangerZone.is_point.is_(True))
        ),
        shelters=sum(n for n, _ in by_level.values()),
        shelter_capacity=sum(c for _, c in by_level.values()),
        certified_shelters=count(
            select(func.count()).select_from(Shelter).where(Shelter.safety_certified.is_(True))
        ),
        working_group_members=count(select(func.count()).select_from(WorkingGroupMember)),
        danger_by_kind=by_kind,
        shelters_by_level=by_level,
    )


@dataclass(frozen=True)
class TownFigures:
    """One town's row of the dashboard table."""

    id: int
    code: str
    name: str
    villages: int
    grids: int
    danger_zones: int
    shelters: int
    shelter_capacity: int
    working_group_members: int


def town_figures(*, session: Session) -> list[TownFigures]:
    """Per town (by code): villages, grids, danger zones, shelters, capacity, members."""
    require(session, Permission.READ_REGISTER)
    village = select(Division.id, Division.parent_id).where(Division.level == "village").subquery()

    def per_town(entity: Any, *extra: Any) -> dict[int, tuple[int, ...]]:
        stmt = (
            select(village.c.parent_id, func.count(), *extra)
            .select_from(entity)
            .join(village, village.c.id == entity.village_id)
            .group_by(village.c.parent_id)
        )
        return {row[0]: tuple(int(v or 0) for v in row[1:]) for row in session.execute(stmt)}

    villages: dict[int | None, int] = {
        town: count
        for town, count in session.execute(
            select(village.c.parent_id, func.count()).group_by(village.c.parent_id)
        )
    }
    grids = per_town(Grid)
    zones = per_town(DangerZone)
    shelters = per_town(Shelter, func.sum(Shelter.capacity))
    members = per_town(WorkingGroupMember)
    towns = session.execute(
        select(Division.id, Division.code, Division.name)
        .where(Division.level == "town")
        .order_by(Division.code)
    )
    return [
        TownFigures(
            id=town_id,
            code=code,
            name=name,
            villages=int(villages.get(town_id, 0)),
            grids=grids.get(town_id, (0,))[0],
            danger_zones=zones.get(town_id, (0,))[0],
            shelters=shelters.get(town_id, (0, 0))[0],
            shelter_capacity=shelters.get(town_id, (0, 0))[1],
            working_group_members=members.get(town_id, (0,))[0],
        )
        for town_id, code, name in towns
    ]


@dataclass(frozen=True, slots=True)
class Contact:
    """A person responsible in a village during a transfer, as the contact list shows it."""

    village_id: int
    village: str
    town: str
    role: str  # "head", "transfer", another working group post, or "grid"
    name: str
    phone: str | None  # masked unless the role may see personal information
    detail: str  # a grid person's grid and post as entered


# Order of the contact list within a village: who to call first.
_ROLE_ORDER = {"head": 0, "transfer": 1, "grid": 2}


def responsible_persons(*, session: Session, village_ids: Sequence[int]) -> list[Contact]:
    """The village heads, transfer group, other working group members and grid persons
    of these villages, village by village, phones masked by role."""
    require(session, Permission.READ_REGISTER)
    if not village_ids:
        return []
    mask = phone_masker(session)
    wanted = sorted(set(village_ids))
    town = aliased(Division)
    places = {
        id_: (code, name, town_name or "")
        for id_, code, name, town_name in session.execute(
            select(Division.id, Division.code, Division.name, town.name)
            .outerjoin(town, town.id == Division.parent_id)
            .where(Division.id.in_(wanted))
        )
    }
    found: list[tuple[tuple[Any, ...], Contact]] = []
    for village_id, post, name, phone, member_id in session.execute(
        select(
            WorkingGroupMember.village_id,
            WorkingGroupMember.post,
            WorkingGroupMember.name,
            WorkingGroupMember.phone,
            WorkingGroupMember.id,
        ).where(WorkingGroupMember.village_id.in_(wanted))
    ):
        code, village, town_name = places.get(village_id, ("", "", ""))
        found.append(
            (
                (code, _ROLE_ORDER.get(post, 3), post, member_id),
                Contact(village_id, village, town_name, post, name, mask(phone), ""),
            )
        )
    for village_id, grid_name, name, grid_post, phone, grid_id in session.execute(
        select(
            Grid.village_id,
            Grid.name,
            Grid.person_name,
            Grid.person_post,
            Grid.person_phone,
            Grid.id,
        ).where(Grid.village_id.in_(wanted))
    ):
        code, village, town_name = places.get(village_id, ("", "", ""))
        detail = " ".join(part for part in (grid_name, grid_post) if part)
        found.append(
            (
                (code, _ROLE_ORDER["grid"], "grid", grid_id),
                Contact(village_id, village, town_name, "grid", name, mask(phone), detail),
            )
        )
    found.sort(key=lambda pair: pair[0])
    return [contact for _key, contact in found]
