"""The demo county's geography register: divisions, grids, danger zones, shelters and
village working groups, designed first (pure computation), then written in bulk."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from models.areas import DangerZone, Division, Grid, Shelter, WorkingGroupMember
from models.base import geometry_columns
from models.demo.common import DemoBuild, DemoStep, _insert, _rng
from models.demo.county import (
    _TOWNS,
    COUNTY_CODE,
    COUNTY_NAME,
    _name_villages,
    _outline,
    _Terrain,
    _Village,
    _villages,
)
from models.demo.people import _People
from models.demo.places import _grids, _shelters, _zones
from models.labels import WORKING_GROUP_POSTS


@dataclass
class _Design:
    county: BaseGeometry
    towns: list[BaseGeometry]
    villages: list[_Village]
    grids: list[dict[str, Any]]  # "village" and "geometry" instead of ids and columns
    zones: list[dict[str, Any]]  # "village", "grid" and "geometry"
    shelters: list[dict[str, Any]]  # "village" and "geometry"
    members: list[dict[str, Any]]  # "village"


def _design(scale: int, step: Callable[[int], None]) -> _Design:
    land, coast = _outline(_rng(scale, "outline"))
    terrain = _Terrain(coast)
    villages = _villages(_rng(scale, "villages"), land, scale)
    towns = [
        shapely.union_all([v.shape for v in villages if v.town == t]) for t in range(len(_TOWNS))
    ]
    _name_villages(_rng(scale, "names"), villages)
    step(1)
    people = _People(_rng(scale, "people"))
    grids = _grids(_rng(scale, "grids"), villages, scale, people)
    step(2)
    zones = _zones(_rng(scale, "zones"), villages, grids, terrain, scale)
    step(3)
    shelters = _shelters(_rng(scale, "shelters"), villages, zones, terrain, scale, people)
    members = [
        {"village": i, "post": post, "name": people.name(), "phone": people.mobile()}
        for i in range(len(villages))
        for post in WORKING_GROUP_POSTS
    ]
    step(4)
    return _Design(land, towns, villages, grids, zones, shelters, members)


def _rows(items: list[dict[str, Any]], ids: dict[str, list[int]]) -> Iterator[dict[str, Any]]:
    """Design rows as table rows: indices become ids, shapes become columns."""
    for item in items:
        row = {k: v for k, v in item.items() if k not in ("village", "grid", "geometry")}
        row["village_id"] = ids["village"][item["village"]]
        if "grid" in item:
            row["grid_id"] = ids["grid"][item["grid"]]
        if "geometry" in item:
            row.update(geometry_columns(item["geometry"]))
        yield row


def _write(build: DemoBuild) -> None:
    session, design, step = build.session, build.designs["geography"], build.progress
    county = {"code": COUNTY_CODE, "name": COUNTY_NAME, "level": "county", "parent_id": None}
    (county_id,) = _insert(session, Division, [{**county, **geometry_columns(design.county)}])
    town_ids = _insert(
        session,
        Division,
        [
            {
                "code": COUNTY_CODE + spec.code,
                "name": spec.name,
                "level": "town",
                "parent_id": county_id,
                **geometry_columns(shape),
            }
            for spec, shape in zip(_TOWNS, design.towns, strict=True)
        ],
    )
    village_ids = _insert(
        session,
        Division,
        [
            {
                "code": v.code,
                "name": v.name,
                "level": "village",
                "parent_id": town_ids[v.town],
                **geometry_columns(v.shape),
            }
            for v in design.villages
        ],
    )
    step(5)
    ids = {"village": village_ids}
    ids["grid"] = _insert(session, Grid, list(_rows(design.grids, ids)))
    step(6)
    _insert(session, DangerZone, list(_rows(design.zones, ids)))
    step(7)
    _insert(session, Shelter, list(_rows(design.shelters, ids)))
    _insert(session, WorkingGroupMember, list(_rows(design.members, ids)))
    build.add(
        counties=1,
        towns=len(town_ids),
        villages=len(village_ids),
        grids=len(ids["grid"]),
        danger_zones=len(design.zones),
        shelters=len(design.shelters),
        working_group_members=len(design.members),
    )


def _design_step(build: DemoBuild) -> None:
    build.designs["geography"] = _design(build.scale, build.progress)


STEP = DemoStep("geography", _write, _design_step)
