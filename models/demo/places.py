"""Grids, danger zones and shelters designed inside the demo villages, following the
terrain. Pure computation, no database."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from models.demo.county import _CENTRAL_STREETS, _TOWNS, _partition, _scatter, _Terrain, _Village
from models.demo.people import _People

# Per scale 1; scale N multiplies all of these (towns stay 16).
GRIDS_PER_SCALE = 2800
DANGER_ZONES_PER_SCALE = 2700
COUNTY_SHELTERS_PER_SCALE = 4
TOWN_SHELTERS_PER_TOWN_PER_SCALE = 2
VILLAGE_SHELTERS_PER_SCALE = 114


_KIND_WEIGHTS: dict[str, tuple[tuple[str, int], ...]] = {
    "coast": (
        ("waterlogging", 30),
        ("seawall", 22),
        ("fishing_raft", 18),
        ("work_shed", 12),
        ("dilapidated_housing", 18),
    ),
    "hills": (
        ("flash_flood", 34),
        ("geological", 34),
        ("scenic_spot", 10),
        ("dilapidated_housing", 22),
    ),
    "centre": (("waterlogging", 45), ("dilapidated_housing", 35), ("work_shed", 20)),
}
_TERRAIN_ZONE_WEIGHT = {"coast": 1.4, "hills": 1.5, "centre": 0.75}
_POINT_SHARE = {
    "geological": 0.5,
    "dilapidated_housing": 0.4,
    "work_shed": 0.25,
    "scenic_spot": 0.1,
    "flash_flood": 0.05,
    "waterlogging": 0.15,
    "seawall": 0.05,
    "fishing_raft": 0.2,
}
# Size of drawn zones: radius range in degrees of latitude, and elongation.
_ZONE_SHAPE = {
    "flash_flood": (0.0007, 0.0016, 2.2),
    "geological": (0.0004, 0.0010, 1.3),
    "waterlogging": (0.0006, 0.0018, 1.4),
    "dilapidated_housing": (0.0003, 0.0008, 1.2),
    "seawall": (0.0004, 0.0009, 3.5),
    "work_shed": (0.0003, 0.0008, 1.5),
    "fishing_raft": (0.0005, 0.0012, 2.0),
    "scenic_spot": (0.0007, 0.0018, 1.4),
}
_ZONE_NAMES: dict[str, tuple[tuple[str, ...], ...]] = {
    "flash_flood": (
        ("后山溪", "前溪", "坑口", "大溪沿", "岙底溪", "山脚溪", "岭下溪"),
        ("山洪危险区",),
    ),
    "geological": (
        ("后山", "前山", "岭头", "山背", "坑口", "岩下", "山嘴"),
        ("滑坡隐患点", "崩塌隐患点", "泥石流隐患点"),
    ),
    "waterlogging": (
        ("低洼地", "老街", "地下车库", "农贸市场", "下穿通道", "涵洞口", "老菜场"),
        ("易涝区",),
    ),
    "dilapidated_housing": (("老街", "旧村", "后宅", "祠堂边", "河埠头", "老屋"), ("危旧房片区",)),
    "seawall": (("东段", "北段", "南段", "外塘", "一线", "老"), ("海塘",)),
    "work_shed": (
        ("在建安置房", "厂房扩建", "道路改造", "水利工程", "安置小区", "标准厂房"),
        ("工地工棚",),
    ),
    "fishing_raft": (("渔港", "码头", "避风港", "港湾", "外海"), ("渔排",)),
    "scenic_spot": (("峡谷", "水库", "古道", "森林公园", "山庄", "石景"), ("景区",)),
}
_POINT_NAME_ENDINGS = {
    "flash_flood": "山洪隐患点",
    "waterlogging": "易涝点",
    "dilapidated_housing": "危旧房",
    "seawall": "海塘险段",
    "work_shed": "工棚",
    "fishing_raft": "渔排",
    "scenic_spot": "景点",
}
_ZONE_NOTES = (
    "汛期每日巡查",
    "强降雨时提前转移",
    "台风期间关闭",
    "已设警示牌",
    "需加固处理",
    "列入重点监测",
)


_GRID_POSTS = {
    "村": (("网格长", 40), ("村委委员", 25), ("村民小组长", 20), ("驻村干部", 15)),
    "社区": (("网格长", 40), ("社区委员", 25), ("专职网格员", 20), ("楼道长", 15)),
}
_ROADS = (
    "文化路",
    "人民路",
    "解放路",
    "新华路",
    "中心街",
    "东海路",
    "育英路",
    "振兴路",
    "学前路",
    "建设路",
    "环城路",
    "兴港路",
)
_VILLAGE_SHELTERS = ("文化礼堂", "村委会办公楼", "老年活动中心", "小学", "综合服务中心")
_TOWN_SHELTERS = (
    "中心小学",
    "初级中学",
    "文体中心",
    "成人文化技术学校",
    "便民服务中心",
    "综合文化站",
    "中心幼儿园",
)
_COUNTY_SHELTERS = (
    "温岭市体育中心",
    "温岭中学",
    "温岭市第二中学",
    "温岭市职业技术学校",
    "温岭市人民会堂",
    "温岭市会展中心",
    "温岭市第三中学",
    "温岭市文化馆",
)
_DIRECTIONS = ("东", "东北", "北", "西北", "西", "西南", "南", "东南")


def _apportion(weights: Sequence[float], total: int, minimum: int) -> list[int]:
    """Whole shares of ``total`` in proportion to ``weights``, each at least ``minimum``."""
    rest = total - minimum * len(weights)
    whole = sum(weights)
    quotas = [rest * w / whole for w in weights]
    shares = [math.floor(q) for q in quotas]
    by_remainder = sorted(range(len(weights)), key=lambda i: (shares[i] - quotas[i], i))
    for i in by_remainder[: rest - sum(shares)]:
        shares[i] += 1
    return [minimum + s for s in shares]


def _grids(
    rng: random.Random, villages: list[_Village], scale: int, people: _People
) -> list[dict[str, Any]]:
    weights = [math.sqrt(v.shape.area) * rng.uniform(0.75, 1.3) for v in villages]
    counts = _apportion(weights, GRIDS_PER_SCALE * scale, 2)
    grids: list[dict[str, Any]] = []
    for i, (village, count) in enumerate(zip(villages, counts, strict=True)):
        seeds = _scatter(rng, village.shape, count, 0.7 * math.sqrt(village.shape.area / count))
        seeds.sort(key=lambda p: (-p[1], p[0]))  # numbered from the north-west
        posts_and_weights = _GRID_POSTS["社区" if village.name.endswith("社区") else "村"]
        posts = [p for p, _ in posts_and_weights]
        post_weights = [w for _, w in posts_and_weights]
        for n, shape in enumerate(_partition(village.shape, seeds), start=1):
            village.grids.append(len(grids))
            grids.append(
                {
                    "village": i,
                    "code": f"{village.code}-G{n:02d}",
                    "name": f"{village.name}第{n}网格",
                    "person_name": people.name(),
                    "person_post": rng.choices(posts, weights=post_weights)[0],
                    "person_phone": people.mobile(),
                    "geometry": shape,
                }
            )
    shapely.prepare([g["geometry"] for g in grids])
    return grids


def _random_point(rng: random.Random, shape: BaseGeometry) -> tuple[float, float]:
    """A point inside ``shape`` (prepared), rounded to 6 decimals."""
    minx, miny, maxx, maxy = shape.bounds
    while True:
        x = round(rng.uniform(minx, maxx), 6)
        y = round(rng.uniform(miny, maxy), 6)
        if shapely.contains_xy(shape, x, y):
            return x, y


def _direction(village: _Village, x: float, y: float) -> str:
    """Where in the village a place is, in words: 东北部, 中部..."""
    cx, cy = village.centre
    dx, dy = (x - cx) * math.cos(math.radians(cy)), y - cy
    if math.hypot(dx, dy) < 0.3 * math.sqrt(village.shape.area):
        return "中部"
    sector = round(math.atan2(dy, dx) / (math.pi / 4)) % 8
    return _DIRECTIONS[sector] + "部"


def _grid_at(village: _Village, grids: list[dict[str, Any]], x: float, y: float) -> int | None:
    for g in village.grids:
        if shapely.contains_xy(grids[g]["geometry"], x, y):
            return g
    return None


def _zones(
    rng: random.Random,
    villages: list[_Village],
    grids: list[dict[str, Any]],
    terrain: _Terrain,
    scale: int,
) -> list[dict[str, Any]]:
    weights = []
    for village in villages:
        x, y = village.shape.representative_point().coords[0]
        weights.append(_TERRAIN_ZONE_WEIGHT[terrain.at(x, y)] * rng.uniform(0.5, 1.5))
    counts = _apportion(weights, DANGER_ZONES_PER_SCALE * scale, 0)
    town_names = [t.name for t in _TOWNS]
    zones: list[dict[str, Any]] = []
    outlines: dict[int, list[tuple[float, float]]] = {}  # zone -> vertex offsets of its area
    for i, (village, count) in enumerate(zip(villages, counts, strict=True)):
        for n in range(1, count + 1):
            x, y = _random_point(rng, village.shape)
            kinds = _KIND_WEIGHTS[terrain.at(x, y)]
            kind = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
            if kind in ("seawall", "fishing_raft"):  # as near the sea as the village reaches
                candidates = [(x, y)] + [_random_point(rng, village.shape) for _ in range(6)]
                candidates = [p for p in candidates if terrain.at(*p) == "coast"]
                x, y = min(candidates, key=lambda p: terrain.distance_to_sea(*p))
            grid_index = _grid_at(village, grids, x, y)
            while grid_index is None:  # on a grid edge: look elsewhere
                x, y = _random_point(rng, village.shape)
                grid_index = _grid_at(village, grids, x, y)
            if rng.random() >= _POINT_SHARE[kind]:
                low, high, stretch = _ZONE_SHAPE[kind]
                radius = rng.uniform(low, high) / math.sqrt(scale)  # villages shrink too
                outlines[len(zones)] = _outline_offsets(rng, y, radius, stretch)
            zones.append(
                {
                    "village": i,
                    "grid": grid_index,
                    "code": f"{village.code}-D{n:03d}",
                    "kind": kind,
                    "location": f"{town_names[village.town]}{village.name}{_direction(village, x, y)}",
                    "note": rng.choice(_ZONE_NOTES) if rng.random() < 0.3 else None,
                    "geometry": Point(x, y),
                }
            )
    _draw_areas(zones, outlines, grids)
    used: set[tuple[int, str]] = set()
    for zone in zones:
        village = villages[zone["village"]]
        kind = zone["kind"]
        zone["is_point"] = zone["geometry"].geom_type == "Point"
        places, endings = _ZONE_NAMES[kind]
        place = rng.choice(places)
        if zone["is_point"] and kind in _POINT_NAME_ENDINGS:
            name = f"{village.name}{place}{_POINT_NAME_ENDINGS[kind]}"
        else:
            name = f"{village.name}{place}{rng.choice(endings)}"
        if (zone["village"], name) in used:
            name += f"（{zone['code'][-3:].lstrip('0')}）"
        used.add((zone["village"], name))
        zone["name"] = name
    return zones


def _outline_offsets(
    rng: random.Random, y: float, radius: float, stretch: float
) -> list[tuple[float, float]]:
    """Vertices of a small irregular area around a point, as offsets in degrees.

    Star-shaped around the point, so the ring never crosses itself.
    """
    vertices = rng.randint(6, 10)
    turn = rng.uniform(0, math.pi)
    cos_t, sin_t = math.cos(turn), math.sin(turn)
    lon_factor = 1 / math.cos(math.radians(y))
    offsets = []
    for k in range(vertices):
        angle = 2 * math.pi * (k + rng.uniform(-0.3, 0.3)) / vertices
        reach = radius * rng.uniform(0.6, 1.0)
        px, py = math.cos(angle) * reach * stretch, math.sin(angle) * reach
        offsets.append(((px * cos_t - py * sin_t) * lon_factor, px * sin_t + py * cos_t))
    return offsets


def _draw_areas(
    zones: list[dict[str, Any]],
    outlines: dict[int, list[tuple[float, float]]],
    grids: list[dict[str, Any]],
) -> None:
    """Give zones their areas where these fit in the zone's grid, shrinking them if need be;
    a zone whose area does not fit stays a hazard point."""
    pending = np.array(sorted(outlines), dtype=np.int64)
    factor = 1.0
    for _ in range(4):
        if not len(pending):
            break
        sizes = np.array([len(outlines[int(z)]) for z in pending])
        centres = np.array([zones[int(z)]["geometry"].coords[0] for z in pending])
        offsets = np.array([o for z in pending for o in outlines[int(z)]])
        coords = np.round(np.repeat(centres, sizes, axis=0) + offsets * factor, 6)
        areas = shapely.polygons(
            shapely.linearrings(coords, indices=np.repeat(np.arange(len(pending)), sizes))
        )
        homes = np.array([grids[zones[int(z)]["grid"]]["geometry"] for z in pending], dtype=object)
        fits = shapely.contains(homes, areas) & shapely.is_valid(areas)
        for z, area in zip(pending[fits], areas[fits], strict=True):
            zones[int(z)]["geometry"] = area
        pending = pending[~fits]
        factor *= 0.6


def _shelters(
    rng: random.Random,
    villages: list[_Village],
    zones: list[dict[str, Any]],
    terrain: _Terrain,
    scale: int,
    people: _People,
) -> list[dict[str, Any]]:
    town_names = [t.name for t in _TOWNS]
    zones_of: dict[int, list[BaseGeometry]] = {}
    for zone in zones:
        if not zone["is_point"]:
            zones_of.setdefault(zone["village"], []).append(zone["geometry"])
    hosts: list[tuple[str, int, str]] = []  # level, village, name
    central = [i for i, v in enumerate(villages) if town_names[v.town] in _CENTRAL_STREETS]
    for k, i in enumerate(rng.sample(central, COUNTY_SHELTERS_PER_SCALE * scale)):
        base = _COUNTY_SHELTERS[k % len(_COUNTY_SHELTERS)]
        suffix = f"（{k // len(_COUNTY_SHELTERS) + 1}号馆）" if k >= len(_COUNTY_SHELTERS) else ""
        hosts.append(("county", i, f"{base}{suffix}避灾安置场所"))
    for t, town in enumerate(town_names):
        own = [i for i, v in enumerate(villages) if v.town == t]
        near_centre = own[: max(4, len(own) // 3)]  # codes run outwards from the centre
        for k, i in enumerate(rng.sample(near_centre, TOWN_SHELTERS_PER_TOWN_PER_SCALE * scale)):
            base = _TOWN_SHELTERS[k % len(_TOWN_SHELTERS)]
            suffix = f"{k // len(_TOWN_SHELTERS) + 1}号" if k >= len(_TOWN_SHELTERS) else ""
            hosts.append(("town", i, f"{town}{base}{suffix}避灾安置场所"))
    for i in sorted(rng.sample(range(len(villages)), VILLAGE_SHELTERS_PER_SCALE * scale)):
        hosts.append(("village", i, f"{villages[i].name}{rng.choice(_VILLAGE_SHELTERS)}避灾安置点"))
    capacity = {
        "county": lambda: rng.randrange(15, 31) * 100,
        "town": lambda: rng.randrange(30, 151) * 10,
        "village": lambda: rng.randrange(5, 31) * 10,
    }
    shelters = []
    for level, i, name in hosts:
        village = villages[i]
        dangers = zones_of.get(i, [])
        candidates = []
        for _ in range(6):  # somewhere dry: outside danger zones, away from the sea
            x, y = _random_point(rng, village.shape)
            if not any(shapely.contains_xy(d, x, y) for d in dangers):
                candidates.append((x, y))
        if not candidates:
            candidates = [_random_point(rng, village.shape)]
        if terrain.at(*village.seed) == "coast":
            x, y = max(candidates, key=lambda p: terrain.distance_to_sea(*p))
        else:
            x, y = candidates[0]
        shelters.append(
            {
                "village": i,
                "name": name,
                "level": level,
                "capacity": capacity[level](),
                "safety_certified": rng.random() < 0.9,
                "manager_name": people.name(),
                "manager_phone": people.mobile(),
                "address": f"{town_names[village.town]}{village.name}{rng.choice(_ROADS)}"
                f"{rng.randint(1, 299)}号",
                "geometry": Point(x, y),
            }
        )
    return shelters
