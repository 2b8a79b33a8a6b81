"""What a drawn area holds, and the nearest shelters with room from a point.

An officer draws an area on the map for a sudden danger (a landslide, a dike breach, a
chemical leak): a polygon, or a circle around a point. ``AreaIndex`` loads the register
once (maps.reach's arrays and STRtrees) and answers for any number of areas: the
villages, grids and danger zones it reaches, the shelters inside with their free places,
the register year's households inside (by their point, else their danger zone) with
their people, and the kinds other modules add (``maps.layers.add_area_kind``). During an
event the households still at home come first.

``nearest_shelters`` asks the transfers page's own query (models.transfers.overflow_of)
from a point: the shelters with room, nearest first, with their straight-line distance.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from pyproj import Geod
from PySide6.QtCore import QCoreApplication

from maps.layers import area_kinds
from maps.reach import ReachIndex, layer_label
from models.drawn_areas import area_polygon
from models.messages import fill

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry
    from sqlalchemy.orm import Session

AREA_LAYERS = ("village", "grid", "danger_zone", "shelter")
AT_HOME = ("to_move", "refused", "returned")
"""Transfer states of a household still at home during an event."""
WGS84 = Geod(ellps="WGS84")


@dataclass(frozen=True, slots=True)
class AreaRow:
    layer: str
    id: int
    code: str
    name: str
    town: str
    village: str
    detail: str
    at_home: bool | None = None  # a household during an event: still at home


@dataclass
class AreaContents:
    """What an area holds, layer by layer (``people``: the households' residents).

    Each list is held as positions in the index's arrays, already in its order; rows are
    made only when asked (12,000 households of a 5 km circle at the demo's scale 10 would
    cost more than the search)."""

    area_km2: float
    counts: dict[str, int]
    found: dict[str, tuple[np.ndarray, Callable[[int], AreaRow]]] = field(repr=False)
    during_event: bool = False

    @property
    def layers(self) -> list[str]:
        return list(self.found)

    def ids(self, layer: str) -> list[int]:
        return [row.id for row in self.rows(layer)]

    def rows(self, layer: str, limit: int | None = None) -> list[AreaRow]:
        """The rows of one list, in order (the first ``limit``)."""
        positions, make = self.found.get(layer, (np.empty(0, dtype=np.int64), None))
        if make is None:
            return []
        return [make(p) for p in positions[:limit].tolist()]


def area_shape(geometry: dict[str, Any]) -> BaseGeometry:
    """The drawn area as a shapely polygon: a GeoJSON polygon, or {"type": "Circle",
    "center": [lng, lat], "radius": metres} made a geodesic polygon."""
    return area_polygon(geometry)


def geodesic_km2(polygon: BaseGeometry) -> float:
    area, _perimeter = WGS84.geometry_area_perimeter(polygon)
    return abs(area) / 1e6


class AreaIndex:
    """The register loaded and indexed once, asked about any drawn area."""

    def __init__(
        self,
        reach: ReachIndex,
        *,
        shelters: list[Any] | None = None,
        free: dict[int, int] | None = None,
        at_home: dict[int, bool] | None = None,
        extra: dict[str, tuple[np.ndarray, np.ndarray, list[tuple[str, str, str, str, str]]]]
        | None = None,
    ) -> None:
        self.reach = reach
        self.shelters = shelters or []
        self.free = free or {}
        self.at_home = at_home  # None between events
        self.extra = extra or {}
        self.extra_index = {
            key: shapely.STRtree(geometries) for key, (_ids, geometries, _i) in self.extra.items()
        }

    @classmethod
    def load(cls, *, session: Session) -> AreaIndex:
        reach = ReachIndex.load(session=session)
        shelters, free, at_home = _event_state(session, reach)
        extra = {kind.key: kind.load(session=session) for kind in area_kinds()}
        return cls(reach, shelters=shelters, free=free, at_home=at_home, extra=extra)

    @cached_property
    def _ranks(self) -> dict[str, np.ndarray]:
        """Each layer's order (rank of every position): features by code and name,
        shelters with the most free places first, households by town, village and name."""
        ranks = {}
        for layer in AREA_LAYERS:
            info = self.reach.layers[layer].info
            ids = self.reach.layers[layer].ids.tolist()
            key: list[tuple[Any, ...]]
            if layer == "shelter":
                key = [(-self.free.get(i, 0), info[p][0], info[p][1]) for p, i in enumerate(ids)]
            else:
                key = [(info[p][0], info[p][1]) for p in range(len(ids))]
            ranks[layer] = _rank(key)
        data = self.reach.households
        if data is not None:
            info = data.info
            ranks["household"] = _rank([(i[2], i[3], i[1]) for i in info])
        return ranks

    @cached_property
    def _home(self) -> np.ndarray | None:
        """During an event: whether each household (by position) is still at home."""
        data = self.reach.households
        if self.at_home is None or data is None:
            return None
        at_home = self.at_home
        return np.array([at_home.get(i, False) for i in data.ids.tolist()], dtype=bool)

    def contents(self, geometry: dict[str, Any] | BaseGeometry) -> AreaContents:
        polygon = area_shape(geometry) if isinstance(geometry, dict) else geometry
        hits = self.reach.index.reach({"area": polygon}).hits["area"]
        ranks = self._ranks
        counts: dict[str, int] = {}
        found: dict[str, tuple[np.ndarray, Callable[[int], AreaRow]]] = {}
        for layer in AREA_LAYERS:
            data = self.reach.layers[layer]
            positions = np.flatnonzero(np.isin(data.ids, hits[layer]))
            positions = positions[np.argsort(ranks[layer][positions], kind="stable")]
            found[layer] = (positions, self._maker(layer))
            counts[layer] = len(positions)
        for key, (ids, _geometries, info) in self.extra.items():
            positions = np.sort(self.extra_index[key].query(polygon, predicate="intersects"))
            found[key] = (positions, _extra_maker(key, ids, info))
            counts[key] = len(positions)
        positions = self._households(polygon, hits["danger_zone"])
        found["household"] = (positions, self._maker("household"))
        counts["household"] = len(positions)
        people = self.reach.households
        counts["people"] = int(people.residents[positions].sum()) if people is not None else 0
        return AreaContents(geodesic_km2(polygon), counts, found, self.at_home is not None)

    def _maker(self, layer: str) -> Callable[[int], AreaRow]:
        if layer == "household":
            data = self.reach.households
            assert data is not None
            home = self._home

            def household(p: int) -> AreaRow:
                at_home = None if home is None else bool(home[p])
                return AreaRow(layer, int(data.ids[p]), *data.info[p], at_home=at_home)

            return household
        features = self.reach.layers[layer]
        free = self.free

        def feature(p: int) -> AreaRow:
            id_ = int(features.ids[p])
            info = features.info[p]
            if layer == "shelter":
                room = free.get(id_)
                detail = "" if room is None else str(room)
                return AreaRow(layer, id_, info[0], info[1], info[2], info[3], detail)
            return AreaRow(layer, id_, *info)

        return feature

    def _households(self, polygon: BaseGeometry, zones: np.ndarray) -> np.ndarray:
        """Positions of the households inside (their point, else their danger zone), those
        still at home first during an event, then by town, village and name."""
        data = self.reach.households
        if data is None or not len(data.ids):
            return np.empty(0, dtype=np.int64)
        located = ~np.isnan(data.lon)
        inside = np.zeros(len(data.ids), dtype=bool)
        west, south, east, north = polygon.bounds
        near = located & (data.lon >= west) & (data.lon <= east)
        near &= (data.lat >= south) & (data.lat <= north)
        inside[near] = shapely.contains_xy(polygon, data.lon[near], data.lat[near])
        inside[~located] = np.isin(data.zones[~located], zones)
        positions = np.flatnonzero(inside)
        rank = self._ranks["household"][positions]
        home = self._home
        if home is None:
            return positions[np.argsort(rank, kind="stable")]
        return positions[np.lexsort((rank, ~home[positions]))]


def _extra_maker(
    key: str, ids: np.ndarray, info: list[tuple[str, str, str, str, str]]
) -> Callable[[int], AreaRow]:
    def make(p: int) -> AreaRow:
        return AreaRow(key, int(ids[p]), *info[p])

    return make


def _rank(keys: list[Any]) -> np.ndarray:
    """The rank of every position when ``keys`` are sorted (ties by position)."""
    order = sorted(range(len(keys)), key=keys.__getitem__)
    rank = np.empty(len(keys), dtype=np.int64)
    rank[order] = np.arange(len(keys))
    return rank


def _free(shelter: Any) -> int:
    """Places left once everyone assigned to the shelter has arrived (as the transfers
    page counts them)."""
    return int(shelter.capacity - shelter.occupants - shelter.expected)


def _event_state(
    session: Session, reach: ReachIndex
) -> tuple[list[Any], dict[int, int], dict[int, bool] | None]:
    """The shelters with their occupancy, their free places and, during an event, which
    households are still at home (between events a shelter's free places are its
    capacity, and no household is told apart)."""
    from sqlalchemy import select

    from models.areas import Shelter
    from models.events import active_event
    from models.transfers import ShelterOccupancy, TransferRecord, rollup

    event = active_event(session=session)
    if event is None:
        data = reach.layers["shelter"]
        where = dict(zip(data.ids.tolist(), data.geometries.tolist(), strict=True))
        shelters = []
        for id_, name, village, capacity in session.execute(
            select(Shelter.id, Shelter.name, Shelter.village_id, Shelter.capacity)
        ):
            point = where.get(id_)
            shelters.append(
                ShelterOccupancy(
                    id_,
                    name,
                    village or 0,
                    "",
                    capacity or 0,
                    0,
                    0,
                    0,
                    0,
                    None if point is None else point.x,
                    None if point is None else point.y,
                )
            )
        return shelters, {s.id: _free(s) for s in shelters}, None
    shelters = list(rollup(session=session, event_id=event.id).shelters)
    at_home = {
        int(household or 0): status in AT_HOME
        for household, status in session.execute(
            select(TransferRecord.household_id, TransferRecord.status).where(
                TransferRecord.event_id == event.id, TransferRecord.household_id.is_not(None)
            )
        )
    }
    return shelters, {s.id: _free(s) for s in shelters}, at_home


def area_layer_title(layer: str) -> str:
    """A layer's title in the area's list (the register's, or the title a module gave)."""
    if layer == "people":
        return QCoreApplication.translate("Area", "People")
    for kind in area_kinds():
        if kind.key == layer:
            return QCoreApplication.translate("MapLayers", kind.title)
    return layer_label(layer)


@dataclass(frozen=True, slots=True)
class NearestRow:
    layer: str
    id: int
    name: str
    free: int | None  # shelters: free places
    distance_km: float


def nearest_shelters(
    index: AreaIndex, *, lng: float, lat: float, count: int = 5
) -> list[NearestRow]:
    """The nearest shelters with room from a point, by the transfers page's own query
    (models.transfers.overflow_of: a place at the point that needs more room than the
    county has, so the query names the ``count`` nearest shelters with room)."""
    from models.transfers import ShelterOccupancy, overflow_of

    need = sum(max(s.capacity, 0) for s in index.shelters) + 1
    here = ShelterOccupancy(-1, "", 0, "", 0, 0, 0, 0, need, lng, lat)
    found = overflow_of(here, index.shelters, nearest=count)
    if found is None:
        return []
    return [
        NearestRow("shelter", s.id, s.name, s.free, s.distance_km)
        for s in found.nearest
        if s.distance_km is not None
    ]


def nearest_of_kinds(
    index: AreaIndex, *, lng: float, lat: float, count: int = 5
) -> list[NearestRow]:
    """The nearest features of the kinds modules added for Nearest (teams, warehouses)."""
    out: list[NearestRow] = []
    for kind in area_kinds():
        if not kind.nearest or kind.key not in index.extra:
            continue
        ids, geometries, info = index.extra[kind.key]
        if not len(ids):
            continue
        xs = shapely.get_x(shapely.centroid(geometries))
        ys = shapely.get_y(shapely.centroid(geometries))
        _f, _b, dist = WGS84.inv(np.full(len(xs), lng), np.full(len(xs), lat), xs, ys)
        for p in np.argsort(dist)[:count].tolist():
            out.append(NearestRow(kind.key, int(ids[p]), info[p][1], None, float(dist[p]) / 1000))
    return out


def distance_text(km: float) -> str:
    return f"{km:.2f} km" if km < 100 else f"{math.floor(km)} km"


def export_area_xlsx(contents: AreaContents, path: str | Path, *, name: str = "") -> Path:
    """Write what the area holds as a workbook: a counts sheet and one sheet of every
    list's rows (households still at home first during an event)."""
    from models.exports import sheet  # openpyxl loads slowly: only when exporting

    title = (
        fill(QCoreApplication.translate("Area", "What the area %1 holds"), name)
        if name
        else QCoreApplication.translate("Area", "What the drawn area holds")
    )
    size = fill(QCoreApplication.translate("Area", "Area %1 km²."), f"{contents.area_km2:,.2f}")
    workbook, counts = sheet.new_workbook(
        QCoreApplication.translate("Area", "Counts"), write_only=True
    )
    details = sheet.add_sheet(workbook, QCoreApplication.translate("Area", "Lists"))
    sheet.column_widths(counts, [30, 16])
    sheet.print_setup(counts, header=3, freeze=False)
    sheet.title_row(counts, title, span=2)
    sheet.append_row(counts, [size])
    sheet.header_row(
        counts,
        [
            QCoreApplication.translate("Area", "Kind"),
            QCoreApplication.translate("Area", "Inside"),
        ],
    )
    for layer, count in contents.counts.items():
        sheet.body_row(counts, [area_layer_title(layer), count])
    home = contents.during_event
    header = [
        QCoreApplication.translate("Area", "Kind"),
        QCoreApplication.translate("Area", "Code"),
        QCoreApplication.translate("Area", "Name"),
        QCoreApplication.translate("Area", "Town"),
        QCoreApplication.translate("Area", "Village"),
        QCoreApplication.translate("Area", "Free places, type or residents"),
    ]
    if home:
        header.append(QCoreApplication.translate("Area", "Still at home"))
    sheet.column_widths(details, [18, 20, 36, 14, 18, 22, 12][: len(header)])
    sheet.print_setup(details, header=3)
    sheet.title_row(details, title, span=len(header))
    sheet.append_row(details, [size])
    sheet.header_row(details, header)
    yes = QCoreApplication.translate("Area", "Yes")
    for layer in contents.layers:
        label = area_layer_title(layer)
        for row in contents.rows(layer):
            values: list[object] = [
                label,
                row.code or None,
                row.name,
                row.town or None,
                row.village or None,
                row.detail or None,
            ]
            if home:
                values.append(yes if row.at_home else None)
            sheet.append_row(details, values)
    return sheet.save(workbook, path)
