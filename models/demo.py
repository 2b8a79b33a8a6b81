"""A deterministic demo county modelled on Wenling (温岭市, 331081).

The geography is synthetic but plausible: a coastal county with the East China
Sea to the east and south-east and hills in the west. Villages are Voronoi
cells of seeded points cut to the land, towns are unions of their villages,
grids subdivide villages, and danger zones follow the terrain. Only seeded
``random.Random`` streams are used, so two builds of one scale write the same
rows; the one exception is the salt of the demo accounts' password hashes.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from sqlalchemy import Table, delete, func, insert, inspect, literal, select, update
from sqlalchemy.orm import Session

import models.all_tables  # noqa: F401  (every table is in Base.metadata)
from models.areas import DangerZone, Division, Grid, Shelter, WorkingGroupMember
from models.audit import AuditRecord, bulk_operation
from models.base import Base, geometry_columns
from models.demo_transfers import build_demo_households, build_typhoon_scenario
from models.labels import WORKING_GROUP_POSTS
from models.meta import DEMO_KEY, RegisterRevision, set_meta
from models.typhoons import TyphoonPoint, build_demo_typhoon
from models.users import Permission, User, hash_password, require

ProgressCallback = Callable[[int, int], None]

DEMO_ACCOUNTS: dict[str, str] = {
    "admin": "demo-admin",
    "duty": "demo-duty",
    "planner": "demo-planner",
    "clerk": "demo-clerk",
    "viewer": "demo-viewer",
}

COUNTY_CODE = "331081"
COUNTY_NAME = "温岭市"

# Per scale 1; scale N multiplies all of these (towns stay 16).
GRIDS_PER_SCALE = 2800
DANGER_ZONES_PER_SCALE = 2700
COUNTY_SHELTERS_PER_SCALE = 4
TOWN_SHELTERS_PER_TOWN_PER_SCALE = 2
VILLAGE_SHELTERS_PER_SCALE = 114

# Terrain: hills west of this longitude; the coastal band lies along the
# eastern coast, east of COAST_EAST_OF.
HILLS_WEST_OF = 121.31
COAST_EAST_OF = 121.43
COAST_BAND = 0.04


class DemoRefused(Exception):
    """The database already holds data and the caller did not ask to replace it."""


@dataclass(frozen=True)
class DemoSummary:
    counties: int
    towns: int
    villages: int
    grids: int
    danger_zones: int
    shelters: int
    working_group_members: int
    users: int
    accounts: tuple[str, ...] = ()  # demo accounts created (names already taken are kept)
    typhoon_points: int = 0  # the demo typhoon's track, so the map has wind circles to show
    households: int = 0  # households at risk on the transfer lists
    transfer_objects: int = 0  # work sheds, sites, rafts, scenic spots moved by head count
    event: str | None = None  # the scenario's event in progress, if one was asked for

    @property
    def rows(self) -> int:
        """Rows written, the demo marker in app_meta included."""
        return (
            self.counties
            + self.towns
            + self.villages
            + self.grids
            + self.danger_zones
            + self.shelters
            + self.working_group_members
            + self.users
            + (1 + self.typhoon_points if self.typhoon_points else 0)
            + self.households
            + self.transfer_objects
            + 1
        )


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
SCENARIOS = ("typhoon",)  # demo --scenario: the county in the middle of an event

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

_VILLAGE_FIRST = (
    "东西南北上下前后里外新大小中横石塘山洋湖溪桥沙海龙凤青白黄金林高长泉花竹松桃梅杨莲岩坑田"
)
_VILLAGE_SECOND = "山洋岙塘桥头湾浦岭坑田屿门港园庄街岩垟埭岸河湖峰溪宅殿林岗"
_COMMUNITY_FIRST = "锦新明万东西南北九文华兴泰和康中阳春丰永嘉瑞"
_COMMUNITY_SECOND = "园华昌辉城苑湖光泰安兴龙桥山江河门阳"
_ORDINALS = "一二三四五六七八九十"

_SURNAMES = (
    ("陈", 12),
    ("林", 9),
    ("王", 7),
    ("李", 5),
    ("张", 5),
    ("金", 4),
    ("郭", 3),
    ("徐", 3),
    ("黄", 3),
    ("周", 3),
    ("吴", 3),
    ("郑", 3),
    ("叶", 3),
    ("潘", 2),
    ("江", 2),
    ("蒋", 2),
    ("赵", 2),
    ("杨", 2),
    ("刘", 2),
    ("许", 2),
    ("应", 2),
    ("朱", 2),
    ("毛", 1),
    ("何", 1),
    ("梁", 1),
    ("孙", 1),
    ("罗", 1),
    ("阮", 1),
    ("颜", 1),
    ("戴", 1),
    ("范", 1),
    ("卢", 1),
    ("彭", 1),
    ("谢", 1),
    ("施", 1),
    ("胡", 1),
    ("钟", 1),
    ("莫", 1),
    ("蔡", 1),
    ("程", 1),
)
_GIVEN = (
    "建国海军伟敏丽华明芳强勇杰娟红平辉斌涛燕霞静磊洋超波峰云飞玲萍英梅琴兰文志春秋晓东亮鹏宇"
    "晨浩思佳欣婷雪慧瑞凯俊彬坚荣良德福根忠宏刚健兵永新锋丹莉艳君友利明仁松富贵道"
)
_MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "133",
    "134",
    "135",
    "136",
    "137",
    "138",
    "139",
    "147",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "173",
    "177",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
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


# -- the public entry point ---------------------------------------------------


def build_demo(
    *,
    session: Session,
    scale: int = 1,
    force: bool = False,
    scenario: str | None = None,
    progress: ProgressCallback | None = None,
) -> DemoSummary:
    """Fill an empty database with the demo county; with ``force``, replace what is there.
    ``scenario`` "typhoon" adds the demo typhoon's event in progress, transfers part done.

    Everything is written in the caller's transaction as one bulk audit record;
    nothing is committed here.
    """
    require(session, Permission.ADMINISTER_DATABASE)
    if isinstance(scale, bool) or not isinstance(scale, int) or not 1 <= scale <= MAX_SCALE:
        raise ValueError(
            QCoreApplication.translate(
                "Demo", "The demo scale must be a whole number from 1 to %1."
            ).replace("%1", str(MAX_SCALE))
        )
    if scenario is not None and scenario not in SCENARIOS:
        raise ValueError(
            QCoreApplication.translate("Demo", "Unknown demo scenario: %1").replace("%1", scenario)
        )
    tables = _domain_tables(session)
    if not force and any(_has_rows(session, table) for table in tables):
        raise DemoRefused(
            QCoreApplication.translate(
                "Demo",
                "The database already holds data. Build the demo county in an empty "
                "database, or choose to replace everything in this one.",
            )
        )
    steps = 8
    report = progress or (lambda _done, _total: None)
    design = _design(scale, lambda done: report(done, steps))
    with bulk_operation(session, table_name="demo", source=f"demo scale {scale}") as counter:
        if force:
            _wipe(session, tables)
        summary = _write(session, design, lambda done: report(done, steps))
        typhoon_id = build_demo_typhoon(session=session)
        points = session.scalar(
            select(func.count())
            .select_from(TyphoonPoint)
            .where(TyphoonPoint.typhoon_id == typhoon_id)
        )
        listed = build_demo_households(session=session, scale=scale)
        summary = replace(
            summary,
            typhoon_points=int(points or 0),
            households=listed.households,
            transfer_objects=listed.objects,
        )
        if scenario == "typhoon":
            event = build_typhoon_scenario(session=session, scale=scale)
            summary = replace(summary, event=event.event_name)
        set_meta(session=session, key=DEMO_KEY, value=str(scale))
        counter["rows"] = summary.rows
    report(steps, steps)
    return summary


def _domain_tables(session: Session) -> list[Table]:
    """Every data table of the application that exists in the database, children first.

    Users are not data: a database whose administrator was just created still takes
    the demo, and a forced rebuild keeps the accounts (the audit log stays anyway).
    Nor are the register revisions, which the database's triggers keep.
    """
    existing = set(inspect(session.connection()).get_table_names())
    kept = {AuditRecord.__tablename__, User.__tablename__, RegisterRevision.__tablename__}
    return [
        table
        for table in reversed(Base.metadata.sorted_tables)
        if table.name in existing and table.name not in kept
    ]


def _has_rows(session: Session, table: Table) -> bool:
    return session.execute(select(literal(1)).select_from(table).limit(1)).first() is not None


def _wipe(session: Session, tables: Sequence[Table]) -> None:
    """Delete every row of ``tables`` (children first); the audit log stays."""
    for table in tables:
        for fk in table.foreign_keys:
            if fk.column.table is table and fk.parent.nullable:
                session.execute(update(table).values({fk.parent.name: None}))
        session.execute(delete(table))


# -- design: pure computation, no database ---------------------------------------


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


@dataclass
class _Design:
    county: BaseGeometry
    towns: list[BaseGeometry]
    villages: list[_Village]
    grids: list[dict[str, Any]]  # "village" and "geometry" instead of ids and columns
    zones: list[dict[str, Any]]  # "village", "grid" and "geometry"
    shelters: list[dict[str, Any]]  # "village" and "geometry"
    members: list[dict[str, Any]]  # "village"


class _People:
    """Synthetic names and mobiles."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._surnames = [s for s, _ in _SURNAMES]
        self._cum = list(itertools.accumulate(w for _, w in _SURNAMES))

    def name(self) -> str:
        rng = self._rng
        surname = rng.choices(self._surnames, cum_weights=self._cum)[0]
        given = rng.choice(_GIVEN)
        if rng.random() < 0.7:
            given += rng.choice(_GIVEN)
        return surname + given

    def mobile(self) -> str:
        return f"{self._rng.choice(_MOBILE_PREFIXES)}{self._rng.randrange(10**8):08d}"


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


def _rng(scale: int, purpose: str) -> random.Random:
    # Separate streams, so that changing how names are drawn keeps the map.
    return random.Random(f"wenling-demo/{scale}/{purpose}")


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


# -- writing ------------------------------------------------------------------


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


def _insert(session: Session, entity: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Core executemany (the fastest path on both backends); the new ids in row order.

    Ids are read back by code, which the demo makes unique.
    """
    table = entity.__table__
    session.execute(insert(table), rows)
    if "code" not in table.c:
        return []
    codes = [row["code"] for row in rows]
    wanted = set(codes)
    id_of = {
        code: row_id
        for row_id, code in session.execute(select(table.c.id, table.c.code))
        if code in wanted
    }
    return [id_of[code] for code in codes]


def _write(session: Session, design: _Design, step: Callable[[int], None]) -> DemoSummary:
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
    taken = set(session.scalars(select(User.name).where(User.name.in_(list(DEMO_ACCOUNTS)))))
    accounts = tuple(name for name in DEMO_ACCOUNTS if name not in taken)
    if accounts:
        _insert(
            session,
            User,
            [
                {"name": name, "role": name, "password_hash": hash_password(DEMO_ACCOUNTS[name])}
                for name in accounts
            ],
        )
    return DemoSummary(
        counties=1,
        towns=len(town_ids),
        villages=len(village_ids),
        grids=len(ids["grid"]),
        danger_zones=len(design.zones),
        shelters=len(design.shelters),
        working_group_members=len(design.members),
        users=len(accounts),
        accounts=accounts,
    )
