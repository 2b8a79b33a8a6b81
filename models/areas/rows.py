"""The register as plain rows for display (phones masked for roles that may not see them)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import (
    Select,
    false,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from models.areas.tables import DangerZone, Division, Grid, Shelter, WorkingGroupMember
from models.privacy import phone_masker
from models.users import Permission, require


def _centre(
    min_lon: float | None, min_lat: float | None, max_lon: float | None, max_lat: float | None
) -> tuple[float, float] | None:
    if min_lon is None or min_lat is None or max_lon is None or max_lat is None:
        return None
    return (min_lon + max_lon) / 2, (min_lat + max_lat) / 2


# -- plain rows for display ---------------------------------------------------------

_Village = aliased(Division, name="village")
_Town = aliased(Division, name="town")


@dataclass(frozen=True, slots=True)
class VillageOption:
    id: int
    code: str
    name: str
    town_name: str


@dataclass(frozen=True, slots=True)
class GridRow:
    id: int
    code: str
    name: str
    village_id: int
    village_name: str
    town_name: str
    person_name: str
    person_post: str | None
    person_phone: str | None
    has_area: bool


@dataclass(frozen=True, slots=True)
class DangerZoneRow:
    id: int
    code: str
    name: str
    kind: str
    is_point: bool
    village_id: int
    village_name: str
    town_name: str
    grid_id: int | None
    grid_name: str | None
    location: str | None
    note: str | None
    lon: float | None  # the point, or the centre of an area's bounding box
    lat: float | None
    has_area: bool


@dataclass(frozen=True, slots=True)
class ShelterRow:
    id: int
    name: str
    village_id: int
    village_name: str
    town_name: str
    level: str
    capacity: int
    safety_certified: bool
    manager_name: str | None
    manager_phone: str | None
    address: str | None
    lon: float | None
    lat: float | None


@dataclass(frozen=True, slots=True)
class WorkingGroupMemberRow:
    id: int
    village_id: int
    village_name: str
    town_name: str
    post: str
    name: str
    phone: str | None


def _within(stmt: Select, session: Session, division_id: int | None) -> Select:
    """Limit a statement joined to _Village/_Town to the villages under a division."""
    if division_id is None:
        return stmt
    level = session.scalar(select(Division.level).where(Division.id == division_id))
    if level == "village":
        return stmt.where(_Village.id == division_id)
    if level == "town":
        return stmt.where(_Village.parent_id == division_id)
    if level == "county":
        return stmt.where(or_(_Town.parent_id == division_id, _Village.parent_id == division_id))
    return stmt.where(false())


def list_villages(*, session: Session) -> list[VillageOption]:
    """Every village with its town, ordered by code (for choosers in forms)."""
    require(session, Permission.READ_REGISTER)
    rows = session.execute(
        select(_Village.id, _Village.code, _Village.name, func.coalesce(_Town.name, ""))
        .outerjoin(_Town, _Town.id == _Village.parent_id)
        .where(_Village.level == "village")
        .order_by(_Village.code)
    )
    return [VillageOption(*row) for row in rows]


def _grid_select() -> Select:
    return (
        select(
            Grid.id,
            Grid.code,
            Grid.name,
            Grid.village_id,
            _Village.name,
            func.coalesce(_Town.name, ""),
            Grid.person_name,
            Grid.person_post,
            Grid.person_phone,
            Grid.min_lon,
        )
        .join(_Village, _Village.id == Grid.village_id)
        .outerjoin(_Town, _Town.id == _Village.parent_id)
        .order_by(_Village.code, Grid.code)
    )


def _grid_rows(session: Session, stmt: Select) -> list[GridRow]:
    mask = phone_masker(session)
    return [
        GridRow(
            id_,
            code,
            name,
            village_id,
            village,
            town,
            person,
            post,
            mask(phone),
            min_lon is not None,
        )
        for id_, code, name, village_id, village, town, person, post, phone, min_lon in session.execute(
            stmt
        )
    ]


def list_grids(*, session: Session, division_id: int | None = None) -> list[GridRow]:
    """Responsibility grids under a division (None or a county: all), phones masked for viewers."""
    require(session, Permission.READ_REGISTER)
    return _grid_rows(session, _within(_grid_select(), session, division_id))


def get_grid(*, session: Session, grid_id: int) -> GridRow | None:
    require(session, Permission.READ_REGISTER)
    rows = _grid_rows(session, _grid_select().where(Grid.id == grid_id))
    return rows[0] if rows else None


def _zone_select() -> Select:
    return (
        select(
            DangerZone.id,
            DangerZone.code,
            DangerZone.name,
            DangerZone.kind,
            DangerZone.is_point,
            DangerZone.village_id,
            _Village.name,
            func.coalesce(_Town.name, ""),
            DangerZone.grid_id,
            Grid.name,
            DangerZone.location,
            DangerZone.note,
            DangerZone.min_lon,
            DangerZone.min_lat,
            DangerZone.max_lon,
            DangerZone.max_lat,
        )
        .join(_Village, _Village.id == DangerZone.village_id)
        .outerjoin(_Town, _Town.id == _Village.parent_id)
        .outerjoin(Grid, Grid.id == DangerZone.grid_id)
        .order_by(_Village.code, DangerZone.code)
    )


def _zone_rows(session: Session, stmt: Select) -> list[DangerZoneRow]:
    rows = []
    for (
        id_,
        code,
        name,
        kind,
        is_point,
        village_id,
        village,
        town,
        grid_id,
        grid_name,
        location,
        note,
        min_lon,
        min_lat,
        max_lon,
        max_lat,
    ) in session.execute(stmt):
        centre = _centre(min_lon, min_lat, max_lon, max_lat)
        rows.append(
            DangerZoneRow(
                id_,
                code,
                name,
                kind,
                bool(is_point),
                village_id,
                village,
                town,
                grid_id,
                grid_name,
                location,
                note,
                centre[0] if centre else None,
                centre[1] if centre else None,
                centre is not None and min_lon != max_lon,
            )
        )
    return rows


def list_danger_zones(*, session: Session, division_id: int | None = None) -> list[DangerZoneRow]:
    """Danger zones and hazard points under a division (None or a county: all)."""
    require(session, Permission.READ_REGISTER)
    return _zone_rows(session, _within(_zone_select(), session, division_id))


def get_danger_zone(*, session: Session, zone_id: int) -> DangerZoneRow | None:
    require(session, Permission.READ_REGISTER)
    rows = _zone_rows(session, _zone_select().where(DangerZone.id == zone_id))
    return rows[0] if rows else None


def _shelter_select() -> Select:
    return (
        select(
            Shelter.id,
            Shelter.name,
            Shelter.village_id,
            _Village.name,
            func.coalesce(_Town.name, ""),
            Shelter.level,
            Shelter.capacity,
            Shelter.safety_certified,
            Shelter.manager_name,
            Shelter.manager_phone,
            Shelter.address,
            Shelter.min_lon,
            Shelter.min_lat,
            Shelter.max_lon,
            Shelter.max_lat,
        )
        .join(_Village, _Village.id == Shelter.village_id)
        .outerjoin(_Town, _Town.id == _Village.parent_id)
        .order_by(_Village.code, Shelter.name, Shelter.id)
    )


def _shelter_rows(session: Session, stmt: Select) -> list[ShelterRow]:
    mask = phone_masker(session)
    rows = []
    for (
        id_,
        name,
        village_id,
        village,
        town,
        level,
        capacity,
        certified,
        manager,
        phone,
        address,
        min_lon,
        min_lat,
        max_lon,
        max_lat,
    ) in session.execute(stmt):
        centre = _centre(min_lon, min_lat, max_lon, max_lat)
        rows.append(
            ShelterRow(
                id_,
                name,
                village_id,
                village,
                town,
                level,
                capacity,
                bool(certified),
                manager,
                mask(phone),
                address,
                centre[0] if centre else None,
                centre[1] if centre else None,
            )
        )
    return rows


def list_shelters(*, session: Session, division_id: int | None = None) -> list[ShelterRow]:
    """Shelters under a division (None or a county: all), managers' phones masked for viewers."""
    require(session, Permission.READ_REGISTER)
    return _shelter_rows(session, _within(_shelter_select(), session, division_id))


def get_shelter(*, session: Session, shelter_id: int) -> ShelterRow | None:
    require(session, Permission.READ_REGISTER)
    rows = _shelter_rows(session, _shelter_select().where(Shelter.id == shelter_id))
    return rows[0] if rows else None


def _member_select() -> Select:
    return (
        select(
            WorkingGroupMember.id,
            WorkingGroupMember.village_id,
            _Village.name,
            func.coalesce(_Town.name, ""),
            WorkingGroupMember.post,
            WorkingGroupMember.name,
            WorkingGroupMember.phone,
        )
        .join(_Village, _Village.id == WorkingGroupMember.village_id)
        .outerjoin(_Town, _Town.id == _Village.parent_id)
        .order_by(_Village.code, WorkingGroupMember.id)
    )


def _member_rows(session: Session, stmt: Select) -> list[WorkingGroupMemberRow]:
    mask = phone_masker(session)
    return [
        WorkingGroupMemberRow(id_, village_id, village, town, post, name, mask(phone))
        for id_, village_id, village, town, post, name, phone in session.execute(stmt)
    ]


def list_working_group_members(
    *, session: Session, division_id: int | None = None
) -> list[WorkingGroupMemberRow]:
    """Village flood working group members under a division (None or a county: all)."""
    require(session, Permission.READ_REGISTER)
    return _member_rows(session, _within(_member_select(), session, division_id))


def get_working_group_member(*, session: Session, member_id: int) -> WorkingGroupMemberRow | None:
    require(session, Permission.READ_REGISTER)
    rows = _member_rows(session, _member_select().where(WorkingGroupMember.id == member_id))
    return rows[0] if rows else None
