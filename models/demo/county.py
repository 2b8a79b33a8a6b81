"""The demo county's land, towns and villages: the outline, the terrain, village cells
and their codes and names. Pure computation, no database."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

COUNTY_CODE = "331081"
COUNTY_NAME = "温岭市"


# Terrain: hills west of this longitude; the coastal band lies along the
# eastern coast, east of COAST_EAST_OF.
HILLS_WEST_OF = 121.31
COAST_EAST_OF = 121.43
COAST_BAND = 0.04


@dataclass(frozen=True)
class _TownSpec:
    code: str  # the three digits after the county code
    name: str
    lon: float
    lat: float
    villages: int  # at scale 1
    street: bool


_TOWNS: tuple[_TownSpec, ...] = (
    _TownSpec("001", "太平街道", 121.378, 28.372, 30, True),
    _TownSpec("002", "城东街道", 121.428, 28.378, 38, True),
    _TownSpec("003", "城西街道", 121.334, 28.360, 35, True),
    _TownSpec("004", "城北街道", 121.388, 28.418, 32, True),
    _TownSpec("005", "横峰街道", 121.338, 28.420, 40, True),
    _TownSpec("101", "泽国镇", 121.300, 28.505, 80, False),
    _TownSpec("102", "大溪镇", 121.215, 28.470, 62, False),
    _TownSpec("103", "松门镇", 121.580, 28.345, 45, False),
    _TownSpec("104", "箬横镇", 121.500, 28.392, 50, False),
    _TownSpec("105", "新河镇", 121.455, 28.470, 58, False),
    _TownSpec("106", "石塘镇", 121.610, 28.272, 28, False),
    _TownSpec("107", "滨海镇", 121.548, 28.478, 30, False),
    _TownSpec("108", "温峤镇", 121.210, 28.385, 40, False),
    _TownSpec("109", "城南镇", 121.395, 28.295, 30, False),
    _TownSpec("110", "坞根镇", 121.225, 28.280, 22, False),
    _TownSpec("111", "石桥头镇", 121.305, 28.215, 20, False),
)
_CENTRAL_STREETS = ("太平街道", "城东街道", "城西街道", "城北街道")


MAX_SCALE = 999 // max(t.villages for t in _TOWNS)  # village codes have three digits


# The outline, clockwise from the west. The letter says what the edge from a
# vertex to the next is: E the open sea (the coastal terrain band), B the bay
# to the south-west, L a land border.
_OUTLINE: tuple[tuple[float, float, str], ...] = (
    (121.158, 28.470, "L"),
    (121.185, 28.525, "L"),
    (121.235, 28.562, "L"),
    (121.300, 28.588, "L"),
    (121.375, 28.578, "L"),
    (121.440, 28.562, "L"),
    (121.500, 28.548, "E"),
    (121.572, 28.512, "E"),
    (121.603, 28.452, "E"),
    (121.622, 28.398, "E"),
    (121.596, 28.374, "E"),
    (121.612, 28.352, "E"),
    (121.640, 28.305, "E"),
    (121.650, 28.258, "E"),
    (121.617, 28.236, "E"),
    (121.578, 28.258, "E"),
    (121.540, 28.290, "E"),
    (121.500, 28.284, "E"),
    (121.462, 28.256, "L"),
    (121.420, 28.230, "L"),
    (121.372, 28.196, "B"),
    (121.350, 28.204, "B"),
    (121.322, 28.163, "B"),
    (121.270, 28.170, "B"),
    (121.225, 28.205, "L"),
    (121.185, 28.246, "L"),
    (121.155, 28.300, "L"),
    (121.170, 28.335, "L"),
    (121.148, 28.372, "L"),
    (121.152, 28.420, "L"),
)
_EDGE_STYLE = {"E": (6, 0.32), "B": (5, 0.28), "L": (4, 0.14)}  # depth, amplitude


_VILLAGE_FIRST = (
    "东西南北上下前后里外新大小中横石塘山洋湖溪桥沙海龙凤青白黄金林高长泉花竹松桃梅杨莲岩坑田"
)
_VILLAGE_SECOND = "山洋岙塘桥头湾浦岭坑田屿门港园庄街岩垟埭岸河湖峰溪宅殿林岗"
_COMMUNITY_FIRST = "锦新明万东西南北九文华兴泰和康中阳春丰永嘉瑞"
_COMMUNITY_SECOND = "园华昌辉城苑湖光泰安兴龙桥山江河门阳"
_ORDINALS = "一二三四五六七八九十"


@dataclass
class _Village:
    town: int
    seed: tuple[float, float]
    shape: BaseGeometry = field(default_factory=Polygon)
    code: str = ""
    name: str = ""
    grids: list[int] = field(default_factory=list)
    _centre: tuple[float, float] | None = field(default=None, repr=False)

    @property
    def centre(self) -> tuple[float, float]:
        if self._centre is None:
            x, y = self.shape.centroid.coords[0]
            self._centre = (x, y)
        return self._centre


class _Terrain:
    """Hills in the west, a coastal band along the eastern sea, the plain between."""

    def __init__(self, coast: LineString) -> None:
        self.coast = coast
        band = coast.buffer(COAST_BAND)
        _, miny, maxx, maxy = band.bounds
        self.band = band.intersection(shapely.box(COAST_EAST_OF, miny, maxx, maxy))
        shapely.prepare(self.band)

    def at(self, x: float, y: float) -> str:
        if x < HILLS_WEST_OF:
            return "hills"
        if shapely.contains_xy(self.band, x, y):
            return "coast"
        return "centre"

    def distance_to_sea(self, x: float, y: float) -> float:
        return float(self.coast.distance(Point(x, y)))


def _jagged(
    rng: random.Random, a: tuple[float, float], b: tuple[float, float], depth: int, amp: float
) -> list[tuple[float, float]]:
    """Points from a (included) towards b (excluded), displaced at midpoints: a ragged edge."""
    if depth == 0:
        return [a]
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = rng.uniform(-amp, amp)
    mid = ((a[0] + b[0]) / 2 - dy * t, (a[1] + b[1]) / 2 + dx * t)
    return _jagged(rng, a, mid, depth - 1, amp * 0.62) + _jagged(rng, mid, b, depth - 1, amp * 0.62)


def _outline(rng: random.Random) -> tuple[Polygon, LineString]:
    """The land polygon and the open-sea coastline."""
    ring: list[tuple[float, float]] = []
    coast: list[tuple[float, float]] = []
    n = len(_OUTLINE)
    for i, (x, y, kind) in enumerate(_OUTLINE):
        nx, ny, _ = _OUTLINE[(i + 1) % n]
        depth, amp = _EDGE_STYLE[kind]
        points = [
            (round(px, 6), round(py, 6)) for px, py in _jagged(rng, (x, y), (nx, ny), depth, amp)
        ]
        ring.extend(points)
        if kind == "E":
            coast.extend(points)
            coast_end = (nx, ny)
    coast.append(coast_end)
    land = Polygon(ring)
    if not land.is_valid:  # cannot happen with the outline above; kept for safety
        parts = shapely.get_parts(shapely.make_valid(land))
        land = max((p for p in parts if p.geom_type == "Polygon"), key=lambda p: p.area)
    return land, LineString(coast)


def _scatter(
    rng: random.Random, region: BaseGeometry, count: int, spacing: float
) -> list[tuple[float, float]]:
    """``count`` points inside ``region``, rounded to 6 decimals, kept apart by about ``spacing``."""
    shapely.prepare(region)
    minx, miny, maxx, maxy = region.bounds
    points = np.empty((count, 2))
    found = 0
    limit = spacing * spacing
    attempts = 0
    while found < count:
        attempts += 1
        if attempts % (40 * count) == 0:
            limit *= 0.6  # crowded: let points come closer
        x = round(rng.uniform(minx, maxx), 6)
        y = round(rng.uniform(miny, maxy), 6)
        if not shapely.contains_xy(region, x, y):
            continue
        if found:
            near = points[:found]
            if float(np.min((near[:, 0] - x) ** 2 + (near[:, 1] - y) ** 2)) < limit:
                continue
        points[found] = (x, y)
        found += 1
    return [(float(x), float(y)) for x, y in points]


def _partition(region: BaseGeometry, seeds: Sequence[tuple[float, float]]) -> list[BaseGeometry]:
    """Voronoi cells of ``seeds`` cut to ``region``: one polygon per seed, tiling the region.

    All lines are noded together before the faces are formed, so neighbouring cells
    share their edges exactly. A piece of a cell cut off from its seed (by a bay)
    joins the neighbour it shares the longest edge with.
    """
    if len(seeds) == 1:
        return [region]
    shapely.prepare(region)
    seed_points = shapely.points(np.asarray(seeds))
    edges = shapely.voronoi_polygons(
        shapely.multipoints(seed_points), extend_to=region, only_edges=True
    )
    linework = shapely.union(edges, region.boundary)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(linework)))
    inner = shapely.get_coordinates(shapely.point_on_surface(faces))
    faces = faces[shapely.contains_xy(region, inner[:, 0], inner[:, 1])]
    tree = shapely.STRtree(faces)
    seed_index, face_index = tree.query(seed_points, predicate="within")
    owner = np.full(len(faces), -1)
    owner[face_index] = seed_index
    if len(set(seed_index.tolist())) != len(seeds):  # cannot happen: a seed lies inside its cell
        raise RuntimeError("a Voronoi cell went missing")
    pending = [int(f) for f in np.flatnonzero(owner < 0)]
    while pending:
        waiting = []
        for f in pending:
            best, best_length = -1, 0.0
            for g in tree.query(faces[f], predicate="intersects"):
                if g == f or owner[g] < 0:
                    continue
                shared = shapely.intersection(faces[f].boundary, faces[g].boundary).length
                if shared > best_length:
                    best, best_length = int(g), shared
            if best < 0:
                waiting.append(f)
            else:
                owner[f] = owner[best]
        if len(waiting) == len(pending):  # islands: the nearest seed takes them
            for f in waiting:
                owner[f] = int(np.argmin(shapely.distance(seed_points, faces[f])))
            waiting = []
        pending = waiting
    result: list[BaseGeometry] = []
    for i in range(len(seeds)):
        parts = faces[owner == i]
        result.append(parts[0] if len(parts) == 1 else shapely.union_all(parts))
    return result


def _villages(rng: random.Random, land: Polygon, scale: int) -> list[_Village]:
    """Village seeds scattered in each town's area, then cells of one diagram over the land."""
    centres = shapely.points([(t.lon, t.lat) for t in _TOWNS])
    areas = shapely.get_parts(
        shapely.voronoi_polygons(shapely.multipoints(centres), extend_to=land)
    )
    owner_of_area = shapely.STRtree(areas).query(centres, predicate="within")
    villages: list[_Village] = []
    for t, area_index in sorted(zip(owner_of_area[0], owner_of_area[1], strict=True)):
        region = shapely.intersection(areas[area_index], land)
        count = _TOWNS[t].villages * scale
        spacing = 0.75 * math.sqrt(region.area / count)
        villages.extend(_Village(int(t), seed) for seed in _scatter(rng, region, count, spacing))
    shapes = _partition(land, [v.seed for v in villages])
    for village, shape in zip(villages, shapes, strict=True):
        village.shape = shape
    return villages


def _name_list(rng: random.Random, first: str, second: str, count: int, suffix: str) -> list[str]:
    pool = [a + b for a in first for b in second if a != b]
    rng.shuffle(pool)
    names: list[str] = []
    for round_ in range(len(_ORDINALS) + 1):
        for base in pool:
            if len(names) == count:
                return names
            names.append(base + (_ORDINALS[round_] if round_ else "") + suffix)
    raise ValueError("too many names asked for")


def _name_villages(rng: random.Random, villages: list[_Village]) -> None:
    """Code and name villages town by town, communities (nearest the centre) first.

    Communities take 001-199 and villages 201-999 as in national codes, unless
    there are too many for that.
    """
    for t, spec in enumerate(_TOWNS):
        members = [v for v in villages if v.town == t]
        members.sort(key=lambda v: (v.seed[0] - spec.lon) ** 2 + (v.seed[1] - spec.lat) ** 2)
        communities = round(len(members) * 0.75) if spec.street else max(1, len(members) // 12)
        names = _name_list(rng, _COMMUNITY_FIRST, _COMMUNITY_SECOND, communities, "社区")
        names += _name_list(rng, _VILLAGE_FIRST, _VILLAGE_SECOND, len(members) - communities, "村")
        village_start = (
            201 if communities <= 199 and len(members) - communities <= 799 else communities + 1
        )
        for i, (village, name) in enumerate(zip(members, names, strict=True)):
            number = i + 1 if i < communities else village_start + i - communities
            village.code = f"{COUNTY_CODE}{spec.code}{number:03d}"
            village.name = name
    villages.sort(key=lambda v: v.code)
