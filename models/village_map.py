"""What a village flood situation map (村级防汛形势图) shows, read from the register.

One village with its boundary, responsibility grids, danger zones and hazard
points, its shelters and the shelters its listed households and objects go to,
and its flood working group. Rows are the register's display rows (phones masked
for roles that may not see them, as everywhere); geometries travel beside them as
WKB, keyed by row id, for the drawing side (maps.geometry) to load.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select, union
from sqlalchemy.orm import Session, aliased

from models.areas import (
    DangerZone,
    DangerZoneRow,
    Division,
    Grid,
    GridRow,
    Shelter,
    ShelterRow,
    WorkingGroupMemberRow,
    get_shelter,
    list_danger_zones,
    list_grids,
    list_shelters,
    list_working_group_members,
)
from models.transfers import Household, TransferObject, register_year
from models.users import Permission, require

BBox = tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat


@dataclass(frozen=True)
class MapVillage:
    id: int
    code: str
    name: str
    town_name: str
    county_name: str
    geom: bytes | None
    bbox: BBox | None


@dataclass(frozen=True)
class Outline:
    """A neighbouring village: its name and boundary."""

    code: str
    name: str
    geom: bytes


@dataclass(frozen=True)
class VillageMap:
    village: MapVillage
    grids: list[GridRow]
    zones: list[DangerZoneRow]
    shelters: list[ShelterRow]  # the village's own first, then those it sends people to
    members: list[WorkingGroupMemberRow]
    grid_geoms: dict[int, bytes] = field(default_factory=dict)
    zone_geoms: dict[int, bytes] = field(default_factory=dict)
    shelter_geoms: dict[int, bytes] = field(default_factory=dict)

    def is_own(self, shelter: ShelterRow) -> bool:
        return shelter.village_id == self.village.id


def _geoms(
    session: Session, model: type[Grid] | type[DangerZone] | type[Shelter], ids: list[int]
) -> dict[int, bytes]:
    if not ids:
        return {}
    return {
        id_: geom
        for id_, geom in session.execute(
            select(model.id, model.geom).where(model.id.in_(ids), model.geom.is_not(None))
        )
        if geom is not None
    }


def _assigned_shelter_ids(session: Session, village_id: int) -> set[int]:
    """Shelters the village's households and objects of the register year are assigned to."""
    year = register_year(session=session)
    if year is None:
        return set()
    stmt = union(
        select(Household.shelter_id).where(
            Household.year == year,
            Household.village_id == village_id,
            Household.shelter_id.is_not(None),
        ),
        select(TransferObject.shelter_id).where(
            TransferObject.year == year,
            TransferObject.village_id == village_id,
            TransferObject.shelter_id.is_not(None),
        ),
    )
    return {row[0] for row in session.execute(stmt) if row[0] is not None}


def read_village_map(*, session: Session, village_code: str) -> VillageMap | None:
    """Everything the situation map of a village shows; None when no village has the code."""
    require(session, Permission.READ_REGISTER)
    town = aliased(Division)
    county = aliased(Division)
    found = session.execute(
        select(
            Division.id,
            Division.code,
            Division.name,
            town.name,
            county.name,
            Division.geom,
            Division.min_lon,
            Division.min_lat,
            Division.max_lon,
            Division.max_lat,
        )
        .outerjoin(town, town.id == Division.parent_id)
        .outerjoin(county, county.id == town.parent_id)
        .where(Division.level == "village", Division.code == (village_code or "").strip())
    ).first()
    if found is None:
        return None
    id_, code, name, town_name, county_name, geom, *box = found
    bbox = None if None in box else (box[0], box[1], box[2], box[3])
    village = MapVillage(id_, code, name, town_name or "", county_name or "", geom, bbox)

    grids = list_grids(session=session, division_id=id_)
    zones = list_danger_zones(session=session, division_id=id_)
    own = list_shelters(session=session, division_id=id_)
    elsewhere = _assigned_shelter_ids(session, id_) - {s.id for s in own}
    others = [get_shelter(session=session, shelter_id=i) for i in sorted(elsewhere)]
    shelters = own + sorted((s for s in others if s is not None), key=lambda s: s.name)
    members = list_working_group_members(session=session, division_id=id_)
    return VillageMap(
        village=village,
        grids=grids,
        zones=zones,
        shelters=shelters,
        members=members,
        grid_geoms=_geoms(session, Grid, [g.id for g in grids]),
        zone_geoms=_geoms(session, DangerZone, [z.id for z in zones]),
        shelter_geoms=_geoms(session, Shelter, [s.id for s in shelters]),
    )


def village_outlines(*, session: Session, bbox: BBox, exclude: int | None = None) -> list[Outline]:
    """Villages whose bounding box meets ``bbox`` (the neighbours drawn faint around one)."""
    require(session, Permission.READ_REGISTER)
    min_lon, min_lat, max_lon, max_lat = bbox
    stmt = (
        select(Division.code, Division.name, Division.geom)
        .where(
            Division.level == "village",
            Division.geom.is_not(None),
            Division.min_lon <= max_lon,
            Division.max_lon >= min_lon,
            Division.min_lat <= max_lat,
            Division.max_lat >= min_lat,
        )
        .order_by(Division.code)
    )
    if exclude is not None:
        stmt = stmt.where(Division.id != exclude)
    return [
        Outline(code, name, geom) for code, name, geom in session.execute(stmt) if geom is not None
    ]
