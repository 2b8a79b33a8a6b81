"""The register the file refers to: which village and year, and its zones, grids, shelters and households."""

from __future__ import annotations

import importlib
import re
import sys
import threading
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.areas import DangerZone, Division, Grid, Shelter
from models.imports.households.columns import (
    _COMPARED,
    _HOUSEHOLDS,
    _YEAR,
    COUNTY_MARGIN,
    _key,
)
from models.imports.spreadsheet import CellValue, clean_text, half_width
from models.messages import fill
from models.transfers import Household


@dataclass
class _Village:
    id: int
    code: str
    name: str
    town_id: int | None
    town_name: str
    county_geom: Any = None  # prepared shapely geometry of the county, or None


@dataclass
class _Existing:
    id: int
    name: str
    phone: str | None
    zone_id: int | None
    values: dict[str, Any]


@dataclass
class _Context:
    village: _Village
    year: int
    crs: str
    zones: dict[str, list[tuple[int, int | None]]]  # name or code key -> (id, grid id)
    grids: dict[str, list[int]]
    shelters: dict[str, list[tuple[int, int, int | None]]]  # key -> (id, village, town)
    existing: list[_Existing]


def _villages(session: Session, code: str | None = None) -> list[_Village]:
    """The villages in code order (only the one of ``code`` when given)."""
    towns = {
        id_: name
        for id_, name in session.execute(
            select(Division.id, Division.name).where(Division.level == "town")
        )
    }
    query = (
        select(Division.id, Division.code, Division.name, Division.parent_id)
        .where(Division.level == "village")
        .order_by(Division.code)
    )
    if code is not None:
        query = query.where(Division.code == code)
    return [
        _Village(id_, village_code, name, parent, towns.get(parent or -1, ""))
        for id_, village_code, name, parent in session.execute(query)
    ]


def _title_text(rows: list[list[CellValue]]) -> str:
    return "".join(clean_text(cell) for row in rows for cell in row if clean_text(cell))


def village_from_title(title: str, villages: list[_Village]) -> tuple[_Village | None, str | None]:
    """The village a title names, or (None, reason)."""
    text = re.sub(r"\s+", "", half_width(title))
    if not text:
        return None, QCoreApplication.translate(
            "Import",
            "The file has no title naming the village above the header. Give the village code (--village).",
        )
    spans: list[tuple[_Village, int, int]] = []
    for village in villages:
        start = text.find(village.name)
        while start >= 0:
            spans.append((village, start, start + len(village.name)))
            start = text.find(village.name, start + 1)
    # A name inside a longer one found at the same place (东门社区 in 新东门社区) does not count.
    kept = [
        (v, a, b)
        for v, a, b in spans
        if not any(a2 <= a and b <= b2 and (b2 - a2) > (b - a) for _v2, a2, b2 in spans)
    ]
    candidates = list({v.id: v for v, _a, _b in kept}.values())
    towns = {v.town_name for v in villages if v.town_name and v.town_name in text}
    if towns and len(candidates) > 1:
        narrowed = [v for v in candidates if v.town_name in towns]
        candidates = narrowed or candidates
    if len(candidates) == 1:
        return candidates[0], None
    if not candidates:
        return None, fill(
            QCoreApplication.translate(
                "Import",
                'No village or community of the register is named in the title "%1". Give the village code (--village).',
            ),
            title,
        )
    names = "、".join(f"{v.town_name}{v.name}" for v in candidates[:6])
    return None, fill(
        QCoreApplication.translate(
            "Import",
            'The title "%1" could name several villages (%2). Give the village code (--village).',
        ),
        title,
        names,
    )


def year_from_title(title: str) -> int | None:
    match = _YEAR.search(half_width(title))
    return int(match.group(1)) if match else None


def _context(session: Session, village: _Village, year: int, crs: str) -> _Context:
    zones: dict[str, list[tuple[int, int | None]]] = defaultdict(list)
    for id_, code, name, grid_id in session.execute(
        select(DangerZone.id, DangerZone.code, DangerZone.name, DangerZone.grid_id).where(
            DangerZone.village_id == village.id
        )
    ):
        zones[_key(name)].append((id_, grid_id))
        if _key(code) != _key(name):
            zones[_key(code)].append((id_, grid_id))
    grids: dict[str, list[int]] = defaultdict(list)
    for id_, code, name in session.execute(
        select(Grid.id, Grid.code, Grid.name).where(Grid.village_id == village.id)
    ):
        grids[_key(name)].append(id_)
        if _key(code) != _key(name):
            grids[_key(code)].append(id_)
    town_of = dict(
        session.execute(
            select(Division.id, Division.parent_id).where(Division.level == "village")
        ).all()
    )
    shelters: dict[str, list[tuple[int, int, int | None]]] = defaultdict(list)
    for id_, name, village_id in session.execute(
        select(Shelter.id, Shelter.name, Shelter.village_id)
    ):
        shelters[_key(name)].append((id_, village_id, town_of.get(village_id)))
    columns = [
        Household.id,
        Household.householder_name,
        Household.householder_phone,
        Household.danger_zone_id,
        *[_HOUSEHOLDS.c[c] for c in _COMPARED],
    ]
    existing = [
        _Existing(row[0], row[1], row[2], row[3], dict(zip(_COMPARED, row[4:], strict=True)))
        for row in session.execute(
            select(*columns)
            .where(Household.village_id == village.id, Household.year == year)
            .order_by(Household.id)
        )
    ]
    county = _county_geometry(session, village)
    village.county_geom = county
    return _Context(village, year, crs, dict(zones), dict(grids), dict(shelters), existing)


def _load_shapely_meanwhile() -> None:
    """Import shapely (with numpy: 0.1-0.2 s the first time) in the background while the
    file is read, for the county check: python-calamine parses without holding the GIL.
    The first ``import shapely`` of this thread waits for it (the module's import lock)."""
    if "shapely" not in sys.modules:
        threading.Thread(
            target=importlib.import_module, args=("shapely",), daemon=True, name="import shapely"
        ).start()


def _county_geometry(session: Session, village: _Village) -> Any:
    county_id = session.scalar(select(Division.parent_id).where(Division.id == village.town_id))
    geom = (
        session.scalar(select(Division.geom).where(Division.id == county_id))
        if county_id is not None
        else None
    )
    if geom is None:
        return None
    import shapely

    shape = shapely.from_wkb(geom).buffer(COUNTY_MARGIN)
    shapely.prepare(shape)
    return shape
