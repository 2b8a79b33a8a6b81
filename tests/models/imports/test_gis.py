"""`import boundaries|grids|danger-zones|shelters`: map data from GIS files and spreadsheets.

Most tests run on both backends (the `db` fixture) against a small county built here:
温岭市 as the square 121.30-121.50°E, 28.30-28.50°N, one town and two villages (东门村
the west half, 西门村 the east half). Fixture files are written in tmp_path with json,
pyshp and pyproj.
"""

from __future__ import annotations

import io
import json
import warnings
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pyproj
import pytest
import shapefile
import shapely
from pyproj.enums import WktVersion
from shapely.geometry import LineString, Point, Polygon, box, mapping
from shapely.geometry.base import BaseGeometry
from sqlalchemy import func, select

from models.areas import DangerZone, Division, Grid, Shelter
from models.audit import AuditRecord
from models.checks import check_database
from models.database import Database
from models.events import start_event
from models.geo.crs import from_wgs84
from models.imports import format_report
from models.imports.gis import import_gis
from models.imports.report import ImportReport
from models.transfers import rollup, tallies_match_records
from models.users import Actor, PermissionDenied
from tests.conftest import ADMIN
from tests.models.test_transfers import T0, add_household

COUNTY = box(121.30, 28.30, 121.50, 28.50)
EAST_VILLAGE = "331081001001"  # 东门村, west half (named by the gate, not the side)
WEST_VILLAGE = "331081001002"  # 西门村, east half
GEOD = pyproj.Geod(ellps="WGS84")
GRID_FIELDS = ["网格编码", "网格名称", "村代码", "责任人", "职务", "手机"]


# -- fixtures and helpers ---------------------------------------------------------------


@pytest.fixture
def county(db: Database) -> Database:
    """The small county: boundary of the county only; towns and villages without one."""
    with db.session(ADMIN) as session:
        top = Division(code="331081", name="温岭市", level="county")
        top.geometry = COUNTY
        session.add(top)
        session.flush()
        town = Division(code="331081001", name="太平街道", level="town", parent_id=top.id)
        session.add(town)
        session.flush()
        session.add_all(
            [
                Division(code=EAST_VILLAGE, name="东门村", level="village", parent_id=town.id),
                Division(code=WEST_VILLAGE, name="西门村", level="village", parent_id=town.id),
            ]
        )
    return db


def run(db: Database, kind: str, path: Path, actor: Actor = ADMIN, **options: Any) -> ImportReport:
    with db.session(actor) as session:
        return import_gis(session=session, kind=kind, path=path, **options)


def snapshot(db: Database) -> dict[str, Any]:
    """Every row id and geometry of the register, and the audit count: what a refused
    import must leave as it was."""
    with db.session(ADMIN) as session:
        state: dict[str, Any] = {
            model.__tablename__: session.execute(
                select(model.id, model.geom).order_by(model.id)
            ).all()
            for model in (Division, Grid, DangerZone, Shelter)
        }
        state["audit"] = session.scalar(select(func.count()).select_from(AuditRecord))
    return state


def geometry_of(db: Database, model: Any, **where: Any) -> BaseGeometry | None:
    with db.session(ADMIN) as session:
        stmt = select(model.geom)
        for key, value in where.items():
            stmt = stmt.where(getattr(model, key) == value)
        blob = session.scalar(stmt)
    return shapely.from_wkb(blob) if blob is not None else None


def bulk_records(db: Database, table: str) -> list[tuple[int | None, dict[str, Any]]]:
    with db.session(ADMIN) as session:
        return [
            (rows, json.loads(changes or "{}"))
            for rows, changes in session.execute(
                select(AuditRecord.rows, AuditRecord.changes)
                .where(AuditRecord.table_name == table, AuditRecord.action == "bulk")
                .order_by(AuditRecord.id)
            )
        ]


def write_geojson(
    path: Path,
    features: list[tuple[dict[str, Any], BaseGeometry | dict[str, Any] | None]],
    **extra: Any,
) -> Path:
    document = {
        "type": "FeatureCollection",
        **extra,
        "features": [
            {
                "type": "Feature",
                "properties": properties,
                "geometry": mapping(geometry) if isinstance(geometry, BaseGeometry) else geometry,
            }
            for properties, geometry in features
        ],
    }
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    return float(GEOD.inv(a[0], a[1], b[0], b[1])[2])


def project(shape: BaseGeometry, epsg: int) -> BaseGeometry:
    transformer = pyproj.Transformer.from_crs(4490, epsg, always_xy=True)
    return shapely.transform(
        shape,
        lambda xy: shapely.get_coordinates(
            shapely.points(*transformer.transform(xy[:, 0], xy[:, 1]))
        ),
    )


def write_shapefile(
    folder: Path,
    name: str,
    rows: list[tuple[list[Any], BaseGeometry]],
    *,
    fields: list[str] = GRID_FIELDS,
    encoding: str = "gbk",
    prj: str | None = None,
    cpg: str | None = None,
) -> Path:
    """A polygon Shapefile, rings written as given (outer rings clockwise, as the format wants)."""
    folder.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        # A .dbf field name has 10 bytes: in UTF-8 网格编码 is cut to 网格编, as in real files.
        warnings.simplefilter("ignore", shapefile.PossibleDataLoss)
        with shapefile.Writer(
            str(folder / name), shapeType=shapefile.POLYGON, encoding=encoding
        ) as writer:
            for field_name in fields:
                writer.field(field_name, "C", 40)
            for values, shape in rows:
                rings = []
                for polygon in getattr(shape, "geoms", [shape]):
                    rings.append([tuple(c) for c in polygon.exterior.coords])
                    rings.extend([tuple(c) for c in hole.coords] for hole in polygon.interiors)
                writer.poly(rings)
                writer.record(*values)
    if prj is not None:
        (folder / f"{name}.prj").write_text(prj, encoding="ascii")
    if cpg is not None:
        (folder / f"{name}.cpg").write_text(cpg, encoding="ascii")
    return folder / f"{name}.shp"


def zip_shapefile(shp: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for part in sorted(shp.parent.glob(shp.stem + ".*")):
            archive.write(part, f"数据/{part.name}")
    return target


def clockwise(shape: Polygon) -> Polygon:
    return shapely.geometry.polygon.orient(shape, sign=-1.0)


def problems(report: ImportReport) -> list[tuple[int | None, str | None, str, str]]:
    return [(p.row, p.column, p.value, p.reason) for p in report.problems]


GRID_TRUTH = {
    "G01": box(121.31, 28.31, 121.35, 28.35),
    "G02": box(121.35, 28.31, 121.39, 28.35),
}


# -- boundaries ---------------------------------------------------------------------------


def test_geojson_village_boundaries_update_geometry(county: Database, tmp_path: Path) -> None:
    west, east = box(121.30, 28.30, 121.40, 28.50), box(121.40, 28.30, 121.50, 28.50)
    path = write_geojson(
        tmp_path / "村界.geojson",
        [
            (
                {"区划代码": "331081001000", "名称": "太平街道"},
                COUNTY,
            ),  # statistics form of the code
            ({"区划代码": int(EAST_VILLAGE), "名称": "东门村"}, west),  # numbers as numbers
            ({"区划代码": WEST_VILLAGE, "名称": "西门村"}, east),
        ],
    )
    report = run(county, "boundaries", path)

    assert report.ok, format_report(report)
    assert (report.rows_read, report.updated, report.inserted, report.rows_written) == (3, 3, 0, 3)
    assert geometry_of(county, Division, code=EAST_VILLAGE).equals(west)
    assert geometry_of(county, Division, code=WEST_VILLAGE).equals(east)
    assert geometry_of(county, Division, code="331081001").equals(COUNTY)
    with county.session(ADMIN) as session:
        bounds = session.execute(
            select(Division.min_lon, Division.min_lat, Division.max_lon, Division.max_lat).where(
                Division.code == EAST_VILLAGE
            )
        ).one()
    assert tuple(bounds) == pytest.approx((121.30, 28.30, 121.40, 28.50))
    assert bulk_records(county, "divisions") == [
        (3, {"source": "村界.geojson", "checksum": report.checksum})
    ]

    # The same file again: nothing changes, and the import is still recorded.
    again = run(county, "boundaries", path)
    assert (again.updated, again.unchanged, again.rows_written) == (0, 3, 0)


def test_boundaries_on_the_demo_county(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.session(ADMIN) as session:
        villages = session.execute(
            select(Division.code, Division.name, Division.geom)
            .where(Division.level == "village")
            .order_by(Division.code)
            .limit(4)
        ).all()
    # Each village redrawn with more vertices along the same outline: its grids tile it, so
    # an outline drawn inside it would leave them outside and be refused
    # (tests/models/imports/test_gis_containment.py).
    redrawn = {
        code: shapely.segmentize(shapely.from_wkb(geom), 0.0005) for code, _, geom in villages
    }
    features: list[tuple[dict[str, Any], BaseGeometry | None]] = [
        ({"XZQDM": code, "XZQMC": name}, redrawn[code]) for code, name, _ in villages
    ]
    features.append(({"XZQDM": "331081999999", "XZQMC": "无此村"}, redrawn[villages[0][0]]))
    path = write_geojson(tmp_path / "villages.geojson", features)
    before = snapshot(demo_db)

    refused = run(demo_db, "boundaries", path)
    assert problems(refused) == [
        (
            5,
            "XZQDM",
            "331081999999",
            "331081999999 无此村: No division has the code 331081999999: "
            "import the division list first (import divisions).",
        ),
    ]
    assert snapshot(demo_db) == before

    report = run(demo_db, "boundaries", path, valid_only=True)
    assert report.rows_written == 4
    for code, _, _ in villages:
        stored = geometry_of(demo_db, Division, code=code)
        assert stored is not None and stored.equals(redrawn[code])
    with demo_db.session(ADMIN) as session:
        assert check_database(session=session) == []


def test_a_file_that_brings_the_county_outline_is_measured_against_it(
    county: Database, tmp_path: Path
) -> None:
    """Boundaries that move the county (a corrected outline) are checked against the new one."""
    moved = shapely.affinity.translate(COUNTY, 0.3, 0.0)
    path = write_geojson(
        tmp_path / "moved.geojson",
        [
            ({"code": "331081", "name": "温岭市"}, moved),
            ({"code": EAST_VILLAGE, "name": "东门村"}, box(121.60, 28.30, 121.70, 28.50)),
        ],
    )
    report = run(county, "boundaries", path)
    assert report.ok, format_report(report)
    assert geometry_of(county, Division, code="331081").equals(moved)


# -- grids from a zipped Shapefile in Gauss-Krüger -------------------------------------------


@pytest.mark.parametrize(
    ("epsg", "encoding", "cpg", "with_prj", "crs"),
    [
        (4549, "gbk", None, True, None),  # GBK found without a .cpg; CRS from the .prj
        (4528, "utf-8", "UTF-8", False, "EPSG:4528"),  # zone prefix, CRS stated by the user
    ],
)
def test_zipped_shapefile_grids_land_at_the_right_place(
    county: Database,
    tmp_path: Path,
    epsg: int,
    encoding: str,
    cpg: str | None,
    with_prj: bool,
    crs: str | None,
) -> None:
    rows = [
        (
            ["G01", "东门第1网格", EAST_VILLAGE, "张三", "村主任", "139 1234 5678"],
            clockwise(project(GRID_TRUTH["G01"], epsg)),
        ),
        (
            ["G02", "东门第2网格", EAST_VILLAGE, "李四", "", ""],
            clockwise(project(GRID_TRUTH["G02"], epsg)),
        ),
    ]
    prj = pyproj.CRS.from_epsg(epsg).to_wkt(WktVersion.WKT1_ESRI) if with_prj else None
    shp = write_shapefile(tmp_path / "shp", "网格", rows, encoding=encoding, prj=prj, cpg=cpg)
    path = zip_shapefile(shp, tmp_path / "网格.zip")

    report = run(county, "grids", path, crs=crs)

    assert report.ok, format_report(report)
    assert report.sheet == "网格"
    assert (report.inserted, report.rows_written) == (2, 2)
    with county.session(ADMIN) as session:
        grids = {
            code: (name, person, post, phone)
            for code, name, person, post, phone in session.execute(
                select(Grid.code, Grid.name, Grid.person_name, Grid.person_post, Grid.person_phone)
            )
        }
    assert grids == {
        "G01": ("东门第1网格", "张三", "村主任", "13912345678"),
        "G02": ("东门第2网格", "李四", None, None),
    }
    for code, truth in GRID_TRUTH.items():
        stored = geometry_of(county, Grid, code=code)
        assert stored is not None
        assert stored.hausdorff_distance(truth) < 1e-7  # about a centimetre
        assert stored.is_valid and stored.exterior.is_ccw  # stored as GeoJSON orders rings


def test_loose_shapefile_reads_prj_and_reports_a_wrong_zone_prefix(
    county: Database, tmp_path: Path
) -> None:
    """Eastings with the zone number in front, a .prj without: the report says which code fits."""
    shape = clockwise(project(GRID_TRUTH["G01"], 4528))
    prj = pyproj.CRS.from_epsg(4549).to_wkt(WktVersion.WKT1_ESRI)
    shp = write_shapefile(
        tmp_path, "grids", [(["G01", "网格", EAST_VILLAGE, "张三", "", ""], shape)], prj=prj
    )
    report = run(county, "grids", shp)
    assert report.file_failed
    assert (
        "Use --crs EPSG:4528 (CGCS2000 / 3-degree Gauss-Kruger zone 40)"
        in report.problems[0].reason
    )

    # Told the right zone, the same files import.
    assert run(county, "grids", tmp_path / "grids.dbf", crs="EPSG:4528").ok


def test_metres_without_a_coordinate_system_are_refused_with_a_suggestion(
    county: Database, tmp_path: Path
) -> None:
    path = write_geojson(
        tmp_path / "gk.geojson",
        [
            (
                {"网格编码": "G01", "网格名称": "网格", "村代码": EAST_VILLAGE, "责任人": "张三"},
                project(GRID_TRUTH["G01"], 4549),
            ),
        ],
    )
    report = run(county, "grids", path)
    assert report.file_failed
    reason = report.problems[0].reason
    assert "metres of a projection" in reason
    assert "EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E)" in reason  # from the county
    assert snapshot(county)["grids"] == []

    # A GeoJSON that names its CRS (as GIS software writes it) needs no --crs.
    named = write_geojson(
        tmp_path / "named.geojson",
        [
            (
                {"网格编码": "G01", "网格名称": "网格", "村代码": EAST_VILLAGE, "责任人": "张三"},
                project(GRID_TRUTH["G01"], 4549),
            )
        ],
        crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4549"}},
    )
    assert run(county, "grids", named).ok


def test_northing_before_easting_is_refused(county: Database, tmp_path: Path) -> None:
    grid = {"网格名称": "网格", "村代码": EAST_VILLAGE, "责任人": "张三"}
    projected = project(GRID_TRUTH["G02"], 4549)
    path = write_geojson(
        tmp_path / "gk.geojson",
        [
            ({**grid, "网格编码": "G01"}, project(GRID_TRUTH["G01"], 4549)),
            ({**grid, "网格编码": "G02"}, shapely.transform(projected, lambda xy: xy[:, ::-1])),
        ],
    )
    report = run(county, "grids", path, crs="EPSG:4549")
    assert [(p.row, p.column, p.reason) for p in report.problems] == [
        (
            2,
            "geometry",
            "G02 网格: Easting and northing look swapped: the northing (the larger "
            "number) comes first.",
        ),
    ]
    assert report.problems[0].value.startswith("313")  # the northing (metres), as given


def test_prj_without_epsg_code_asks_for_crs(county: Database, tmp_path: Path) -> None:
    local = (
        pyproj.CRS.from_proj4(
            "+proj=tmerc +lat_0=0 +lon_0=121.35 +k=1 +x_0=50000 +y_0=-3000000 +ellps=GRS80 +units=m"
        )
        .to_wkt(WktVersion.WKT1_ESRI)
        .replace("unknown", "Wenling_Local")
    )
    shp = write_shapefile(
        tmp_path,
        "local",
        [(["G01", "网格", EAST_VILLAGE, "张三", "", ""], clockwise(box(0, 0, 100, 100)))],
        prj=local,
    )
    report = run(county, "grids", shp)
    assert report.file_failed
    assert "has no EPSG code. State it with --crs EPSG:NNNN" in report.problems[0].reason
    assert "Wenling_Local" in report.problems[0].reason


def test_shapefile_rings_the_wrong_way_round_are_read_by_nesting(
    county: Database, tmp_path: Path
) -> None:
    """Outer ring anticlockwise, hole clockwise (some tools write them so): a hole, not two parts."""
    outer = box(121.31, 28.31, 121.35, 28.35)
    hole = box(121.32, 28.32, 121.33, 28.33)
    reversed_rings = Polygon(outer.exterior.coords, [hole.exterior.coords[::-1]])
    assert reversed_rings.exterior.is_ccw and not reversed_rings.interiors[0].is_ccw
    shp = write_shapefile(
        tmp_path, "rev", [(["G01", "网格", EAST_VILLAGE, "张三", "", ""], reversed_rings)]
    )
    report = run(county, "grids", shp)
    assert report.ok, format_report(report)
    stored = geometry_of(county, Grid, code="G01")
    assert stored is not None and len(stored.interiors) == 1
    assert stored.area == pytest.approx(outer.area - hole.area)


# -- shelters and hazard points from spreadsheets --------------------------------------------


SHELTERS = [
    # name, village, level, capacity, certified, manager, phone, address, true WGS84 point
    (
        "东门小学",
        EAST_VILLAGE,
        "村级",
        300,
        "是",
        "王五",
        "13800001111",
        "东门路1号",
        (121.3512, 28.4021),
    ),
    (
        "西门文化礼堂",
        WEST_VILLAGE,
        "镇级",
        "120人",
        "否",
        "赵六",
        "0576-86123456",
        "",
        (121.4530, 28.3377),
    ),
]


def test_csv_shelters_in_gcj02_land_within_metres(county: Database, tmp_path: Path) -> None:
    lines = ["名称,村代码,级别,容纳人数,安全鉴定,管理员,管理员电话,地址,经度,纬度"]
    for name, village, level, capacity, certified, manager, phone, address, point in SHELTERS:
        lon, lat = from_wgs84(*point, "gcj02")  # as copied from Amap
        lines.append(
            f"{name},{village},{level},{capacity},{certified},{manager},{phone},{address},"
            f"{lon:.6f},{lat:.6f}"
        )
    path = tmp_path / "避灾场所.csv"
    path.write_bytes("\r\n".join(lines).encode("gbk"))

    report = run(county, "shelters", path, crs="gcj02")

    assert report.ok, format_report(report)
    assert report.inserted == 2
    with county.session(ADMIN) as session:
        rows = {
            row.name: row
            for row in session.execute(
                select(
                    Shelter.name,
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
            )
        }
    first = rows["东门小学"]
    assert (first.level, first.capacity, first.safety_certified, first.manager_phone) == (
        "village",
        300,
        True,
        "13800001111",
    )
    second = rows["西门文化礼堂"]
    assert (second.level, second.capacity, second.safety_certified, second.address) == (
        "town",
        120,
        False,
        None,
    )
    for name, *_, point in SHELTERS:
        row = rows[name]
        assert (row.min_lon, row.min_lat) == (row.max_lon, row.max_lat)  # a point
        assert metres((row.min_lon, row.min_lat), point) < 1

    # Imported again without --crs the points move by the GCJ-02 offset: an update.
    report = run(county, "shelters", path)
    assert (report.inserted, report.updated) == (0, 2)
    stored = geometry_of(county, Shelter, name="东门小学")
    assert stored is not None and metres(stored.coords[0], SHELTERS[0][-1]) > 100


def test_excel_hazard_points_with_degrees_minutes_seconds(county: Database, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "隐患点"
    sheet.append(["东门村隐患点清单"])
    sheet.append(["编码", "名称", "类别", "村代码", "位置", "经度", "纬度"])
    sheet.append(
        ["Z01", "后山滑坡点", "滑坡", int(EAST_VILLAGE), "后山", "121°21'00\"", "28°24'00\""]
    )
    sheet.append(["Z02", "低洼片", "低洼易涝", EAST_VILLAGE, "", 121.33, 28.33])
    path = tmp_path / "隐患点.xlsx"
    workbook.save(path)

    report = run(county, "danger-zones", path)
    assert report.ok, format_report(report)
    with county.session(ADMIN) as session:
        zones = {
            code: (kind, is_point, location)
            for code, kind, is_point, location in session.execute(
                select(DangerZone.code, DangerZone.kind, DangerZone.is_point, DangerZone.location)
            )
        }
    assert zones == {"Z01": ("geological", True, "后山"), "Z02": ("waterlogging", True, None)}
    stored = geometry_of(county, DangerZone, code="Z01")
    assert stored is not None and (stored.x, stored.y) == pytest.approx((121.35, 28.40))


def test_areas_cannot_come_from_a_spreadsheet(county: Database, tmp_path: Path) -> None:
    path = tmp_path / "grids.csv"
    path.write_text(
        "网格编码,网格名称,村代码,经度,纬度\nG01,网格,331081001001,121.3,28.3\n", encoding="utf-8"
    )
    report = run(county, "grids", path)
    assert report.file_failed
    assert "A spreadsheet holds points only" in report.problems[0].reason


# -- refusals ---------------------------------------------------------------------------------


BOW_TIE = Polygon([(121.31, 28.31), (121.33, 28.33), (121.33, 28.31), (121.31, 28.33)])
# A ring that touches itself at (121.33, 28.35), enclosing an inverted hole: ESRI's way of
# writing a hole that touches the outline. Valid once written as a polygon with a hole.
SELF_TOUCHING = Polygon(
    [
        (121.31, 28.31),
        (121.35, 28.31),
        (121.35, 28.35),
        (121.33, 28.35),
        (121.34, 28.33),
        (121.32, 28.33),
        (121.33, 28.35),
        (121.31, 28.35),
    ]
)


def zone(code: str, name: str, kind: str = "山洪", village: str = EAST_VILLAGE) -> dict[str, Any]:
    return {"编码": code, "名称": name, "类别": kind, "村代码": village}


def bad_zones(tmp_path: Path) -> Path:
    return write_geojson(
        tmp_path / "危险区.geojson",
        [
            (zone("Z01", "好点"), Point(121.32, 28.32)),  # 1: fine
            (zone("Z02", "无村", village="331081001099"), Point(121.32, 28.32)),  # 2
            (zone("Z03", "颠倒"), Point(28.33, 121.33)),  # 3: latitude first
            (zone("Z04", "县外"), Point(120.50, 28.40)),  # 4: 80 km west
            (zone("Z05", "国外"), Point(2.35, 48.85)),  # 5: Paris
            (zone("Z06", "蝴蝶结"), BOW_TIE),  # 6
            (zone("Z07", "线"), LineString([(121.32, 28.32), (121.33, 28.33)])),  # 7
            (zone("Z08", ""), Point(121.32, 28.32)),  # 8: no name
            (zone("Z09", "台风点", kind="台风"), Point(121.32, 28.32)),  # 9
            (zone("Z10", "镇码", village="331081001"), Point(121.32, 28.32)),  # 10
            (zone("Z11", "重复一"), Point(121.32, 28.32)),  # 11
            (zone("Z11", "重复二"), Point(121.33, 28.33)),  # 12
            (zone("Z13", "无形"), None),  # 13
            (zone("Z14", "无村码", village=""), Point(121.32, 28.32)),  # 14
            (zone("Z15", "好面"), SELF_TOUCHING),  # 15: repaired
        ],
    )


EXPECTED_REFUSALS = [
    (
        2,
        "村代码",
        "331081001099",
        "Z02 无村: Unknown village code 331081001099: no village or community in the database has it.",
    ),
    (
        3,
        "geometry",
        "28.330000, 121.330000",
        "Z03 颠倒: Longitude and latitude look swapped: in China the longitude is the larger number.",
    ),
    (
        4,
        "geometry",
        "120.500000, 28.400000",
        "Z04 县外: More than 5 km outside the county 331081 温岭市: check the coordinate system (--crs) and that the data belongs to this county.",
    ),
    (
        5,
        "geometry",
        "2.350000, 48.850000",
        "Z05 国外: Outside China (longitude 2.3500, latitude 48.8500 after conversion from WGS84): check the coordinate system (--crs).",
    ),
    (
        6,
        "geometry",
        "Self-intersection[121.32 28.32]",
        "Z06 蝴蝶结: The geometry is invalid (Self-intersection[121.32 28.32]): its outline crosses itself so that, as drawn, it encloses no area. It is refused; correct it in the GIS software.",
    ),
    (
        7,
        "geometry",
        "LineString",
        "Z07 线: The geometry is a LineString, but danger zones must be points or areas (polygons).",
    ),
    (8, "名称", "", "Z08: The name is empty."),
    (
        9,
        "类别",
        "台风",
        "Z09 台风点: Unknown type of danger zone: write one of 山洪, 地质灾害, 低洼易涝, 危旧房, 海塘, 工棚, 渔排, 景区.",
    ),
    (
        10,
        "村代码",
        "331081001",
        "Z10 镇码: 331081001 is the code of 太平街道, not of a village or community.",
    ),
    (11, "编码", "Z11", "Z11 重复一: Z11 appears more than once in the file (features 11, 12)."),
    (12, "编码", "Z11", "Z11 重复二: Z11 appears more than once in the file (features 11, 12)."),
    (13, "geometry", "", "Z13 无形: The feature has no geometry."),
    (14, "村代码", "", "Z14 无村码: The village code is empty."),
]


def test_every_refusal_names_the_feature_and_why(county: Database, tmp_path: Path) -> None:
    path = bad_zones(tmp_path)
    before = snapshot(county)
    report = run(county, "danger-zones", path)

    assert problems(report) == EXPECTED_REFUSALS
    assert all(p.file == "危险区.geojson" and p.sheet == "危险区" for p in report.problems)
    assert report.refused_rows == 13
    assert report.exit_code == 1 and report.rows_written == 0
    assert snapshot(county) == before  # row counts, geometry bytes and audit unchanged
    text = format_report(report)
    assert "Nothing was written: 13 problems." in text
    assert 'Sheet 危险区, row 3, column geometry, value "28.330000, 121.330000": Z03 颠倒' in text


def test_valid_only_imports_the_good_features_and_reports_the_rest(
    county: Database, tmp_path: Path
) -> None:
    report = run(county, "danger-zones", bad_zones(tmp_path), valid_only=True)
    assert problems(report) == EXPECTED_REFUSALS
    assert (report.inserted, report.rows_written) == (2, 2)
    with county.session(ADMIN) as session:
        zones = {
            code: is_point
            for code, is_point in session.execute(select(DangerZone.code, DangerZone.is_point))
        }
    assert zones == {"Z01": True, "Z15": False}
    repaired = geometry_of(county, DangerZone, code="Z15")
    assert repaired is not None and repaired.is_valid
    assert repaired.area == pytest.approx(SELF_TOUCHING.area)  # nothing lost in the repair
    assert len(repaired.interiors) == 1
    assert bulk_records(county, "danger_zones") == [
        (2, {"source": "危险区.geojson", "checksum": report.checksum})
    ]
    assert "Only the valid rows were imported; 13 rows were refused." in format_report(report)


def test_self_touching_ring_repaired_and_bow_tie_refused(county: Database, tmp_path: Path) -> None:
    assert not SELF_TOUCHING.is_valid and not BOW_TIE.is_valid
    grid = {"网格名称": "网格", "村代码": EAST_VILLAGE, "责任人": "张三"}
    path = write_geojson(
        tmp_path / "grids.geojson",
        [
            ({**grid, "网格编码": "G01"}, SELF_TOUCHING),
            ({**grid, "网格编码": "G02"}, BOW_TIE),
        ],
    )
    before = snapshot(county)
    report = run(county, "grids", path)
    assert [(p.row, p.column) for p in report.problems] == [(2, "geometry")]
    assert "its outline crosses itself" in report.problems[0].reason
    assert snapshot(county) == before

    report = run(county, "grids", path, valid_only=True)
    assert report.rows_written == 1
    stored = geometry_of(county, Grid, code="G01")
    assert stored is not None and stored.is_valid
    assert stored.area == pytest.approx(SELF_TOUCHING.area)


def test_hole_listed_first_is_read_by_nesting_and_lopsided_bow_tie_refused(
    county: Database, tmp_path: Path
) -> None:
    outer, hole = box(121.31, 28.31, 121.35, 28.35), box(121.32, 28.32, 121.33, 28.33)
    hole_first = {
        "type": "Polygon",
        "coordinates": [
            [list(c) for c in hole.exterior.coords],
            [list(c) for c in outer.exterior.coords],
        ],
    }
    # Edges cross at a third of the way: lobes of 1/3 and 4/3 (units of 0.0001 square degrees)
    # whose signed areas cancel partly: 1 as drawn, 5/3 repaired.
    lopsided = Polygon([(121.31, 28.31), (121.33, 28.33), (121.33, 28.31), (121.31, 28.32)])
    grid = {"网格名称": "网格", "村代码": EAST_VILLAGE, "责任人": "张三"}
    path = write_geojson(
        tmp_path / "grids.geojson",
        [
            ({**grid, "网格编码": "G01"}, hole_first),
            ({**grid, "网格编码": "G02"}, lopsided),
        ],
    )
    report = run(county, "grids", path, valid_only=True)
    assert [(p.row, p.column) for p in report.problems] == [(2, "geometry")]
    assert (
        "repairing it would change its area by 66.7%, so it is refused" in report.problems[0].reason
    )
    stored = geometry_of(county, Grid, code="G01")
    assert stored is not None and stored.equals(outer.difference(hole))


def test_zip_with_two_layers_and_shapefile_without_shx(county: Database, tmp_path: Path) -> None:
    row = (["G01", "网格", EAST_VILLAGE, "张三", "", ""], clockwise(GRID_TRUTH["G01"]))
    first = write_shapefile(tmp_path / "a", "网格一", [row])
    second = write_shapefile(tmp_path / "b", "网格二", [row])
    path = tmp_path / "two.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for shp in (first, second):
            for part in shp.parent.iterdir():
                archive.write(part, part.name)
    report = run(county, "grids", path)
    assert report.file_failed
    assert "holds several Shapefiles (网格一.shp、网格二.shp)" in report.problems[0].reason

    first.with_suffix(".shx").unlink()  # pyshp reads the shapes in order without the index
    assert run(county, "grids", first).ok
    stored = geometry_of(county, Grid, code="G01")
    assert stored is not None and stored.equals(GRID_TRUTH["G01"])


def test_spreadsheet_refusals_name_rows_and_columns(county: Database, tmp_path: Path) -> None:
    path = tmp_path / "shelters.csv"
    path.write_text(
        "名称,村代码,级别,容纳人数,安全鉴定,经度,纬度\n"
        "甲,331081001001,村级,100,是,28.40,121.35\n"  # row 2: swapped
        "乙,331081001001,省级,十,也许,121.35,\n"  # row 3: level, capacity, certified, no latitude
        "丙,331081001001,,,,121.35,28.40\n",  # row 4: new shelter without level and capacity
        encoding="utf-8",
    )
    report = run(county, "shelters", path)
    assert [(p.row, p.column, p.value) for p in report.problems] == [
        (2, "F", "28.400000, 121.350000"),
        (3, "C", "省级"),
        (3, "D", "十"),
        (3, "E", "也许"),
        (3, "G", ""),
        (4, "C", ""),
        (4, "D", ""),
    ]
    assert report.problems[0].reason.startswith("甲: Longitude and latitude")
    assert report.problems[4].reason == (
        "乙: The coordinate is empty: every row needs its longitude and latitude."
    )
    assert report.problems[5].reason == (
        "丙: The level is empty: a new shelter needs one (县级, 镇级 or 村级)."
    )
    assert snapshot(county)["shelters"] == []


def test_dry_run_writes_nothing(county: Database, tmp_path: Path) -> None:
    path = write_geojson(
        tmp_path / "grids.geojson",
        [
            ({"code": code, "name": code, "village_code": EAST_VILLAGE, "person": "张三"}, shape)
            for code, shape in GRID_TRUTH.items()
        ],
    )
    before = snapshot(county)
    report = run(county, "grids", path, dry_run=True)
    assert report.ok and report.exit_code == 0
    assert (report.inserted, report.rows_written) == (2, 0)
    assert snapshot(county) == before
    assert "Dry run: nothing was written. The import would write 2 new" in format_report(report)

    refused = run(county, "grids", bad_zones(tmp_path), dry_run=True)
    assert refused.exit_code == 1
    assert snapshot(county) == before


def test_reimport_updates_and_keeps_what_the_file_leaves_blank(
    county: Database, tmp_path: Path
) -> None:
    first = write_geojson(
        tmp_path / "one.geojson",
        [
            (
                {
                    "网格编码": "G01",
                    "网格名称": "一",
                    "村代码": EAST_VILLAGE,
                    "责任人": "张三",
                    "手机": "13912345678",
                },
                GRID_TRUTH["G01"],
            ),
        ],
    )
    assert run(county, "grids", first).ok
    moved = shapely.affinity.translate(GRID_TRUTH["G01"], 0.001, 0)
    second = write_geojson(
        tmp_path / "two.geojson",
        [
            (
                {
                    "网格编码": "G01",
                    "网格名称": "一号",
                    "村代码": EAST_VILLAGE,
                    "责任人": "",
                    "手机": None,
                },
                moved,
            ),
            ({"网格编码": "G02", "网格名称": "二", "村代码": EAST_VILLAGE}, GRID_TRUTH["G02"]),
        ],
    )
    report = run(county, "grids", second)
    # A new grid needs its responsible person; an existing one keeps it.
    assert [(p.row, p.column, p.reason) for p in report.problems] == [
        (2, "责任人", "G02 二: The responsible person is empty: a new grid needs one."),
    ]
    report = run(county, "grids", second, valid_only=True)
    assert (report.updated, report.inserted) == (1, 0)
    with county.session(ADMIN) as session:
        row = session.execute(
            select(Grid.name, Grid.person_name, Grid.person_phone).where(Grid.code == "G01")
        ).one()
    assert tuple(row) == ("一号", "张三", "13912345678")
    stored = geometry_of(county, Grid, code="G01")
    assert stored is not None and stored.equals(moved)


def test_zones_retyped_during_an_event_move_their_households_figures(
    county: Database, tmp_path: Path
) -> None:
    def zones(kind: str) -> Path:
        return write_geojson(
            tmp_path / f"{kind}.geojson",
            [
                (zone("Z01", "后山", kind=kind), Point(121.32, 28.32)),
            ],
        )

    assert run(county, "danger-zones", zones("山洪")).ok
    with county.session(ADMIN) as session:
        zone_id = session.scalar(select(DangerZone.id).where(DangerZone.code == "Z01"))
        village = session.scalar(select(Division.id).where(Division.code == EAST_VILLAGE))
        assert zone_id is not None and village is not None
        add_household(session, village, zone_id, "张三", 4)
        event = start_event(session=session, name="台风", started_at=T0)
    assert run(county, "danger-zones", zones("低洼易涝")).updated == 1
    with county.session(ADMIN) as session:
        figures = {
            k.kind: k.figures.people_to_move
            for k in rollup(session=session, event_id=event.id).kinds
        }
        assert tallies_match_records(session=session, event_id=event.id)
    assert figures == {"waterlogging": 4}


def test_grid_of_a_danger_zone_must_be_in_its_village(county: Database, tmp_path: Path) -> None:
    grids = write_geojson(
        tmp_path / "grids.geojson",
        [
            (
                {"code": "G01", "name": "一", "village_code": EAST_VILLAGE, "person": "张三"},
                GRID_TRUTH["G01"],
            ),
        ],
    )
    assert run(county, "grids", grids).ok
    zones = write_geojson(
        tmp_path / "zones.geojson",
        [
            ({**zone("Z01", "一"), "网格编码": "G01"}, Point(121.32, 28.32)),
            ({**zone("Z02", "二", village=WEST_VILLAGE), "网格编码": "G01"}, Point(121.45, 28.32)),
        ],
    )
    report = run(county, "danger-zones", zones)
    assert [(p.row, p.column, p.reason) for p in report.problems] == [
        (2, "网格编码", "Z02 二: No grid of this village has this code."),
    ]
    assert run(county, "danger-zones", zones, valid_only=True).rows_written == 1
    with county.session(ADMIN) as session:
        grid_id = session.scalar(select(Grid.id).where(Grid.code == "G01"))
        assert session.scalar(select(DangerZone.grid_id).where(DangerZone.code == "Z01")) == grid_id


# -- files that cannot be read ----------------------------------------------------------------


def _truncated_shapefile_zip(tmp_path: Path) -> bytes:
    shp = write_shapefile(
        tmp_path / "src",
        "grids",
        [(["G01", "网格", EAST_VILLAGE, "张三", "", ""], clockwise(GRID_TRUTH["G01"]))],
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("grids.shp", shp.read_bytes()[:120])
        archive.writestr("grids.dbf", shp.with_suffix(".dbf").read_bytes())
    return buffer.getvalue()


def _no_dbf_zip(tmp_path: Path) -> bytes:
    shp = write_shapefile(
        tmp_path / "src2",
        "grids",
        [(["G01", "网格", EAST_VILLAGE, "张三", "", ""], clockwise(GRID_TRUTH["G01"]))],
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("grids.shp", shp.read_bytes())
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.geojson", None, "does not exist"),
        ("empty.geojson", b"", "The file is empty."),
        ("broken.geojson", b'{"type": "FeatureCollection", "features": [', "not valid GeoJSON"),
        ("other.json", b'{"hello": 1}', "not GeoJSON"),
        ("none.geojson", b'{"type": "FeatureCollection", "features": []}', "holds no features"),
        ("bad.zip", b"PK\x03\x04" + bytes(200), "damaged"),
        ("text.zip", None, "no Shapefile"),
        ("truncated.zip", "truncated", "damaged"),
        ("nodbf.zip", "nodbf", "lacks its .dbf"),
        ("picture.png", bytes(range(256)), "not a GIS file"),
    ],
)
def test_bad_files_are_reported_not_raised(
    county: Database, tmp_path: Path, name: str, content: bytes | str | None, reason: str
) -> None:
    path = tmp_path / name
    if name == "text.zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "nothing here")
    elif content == "truncated":
        path.write_bytes(_truncated_shapefile_zip(tmp_path))
    elif content == "nodbf":
        path.write_bytes(_no_dbf_zip(tmp_path))
    elif isinstance(content, bytes):
        path.write_bytes(content)
    before = snapshot(county)
    report = run(county, "grids", path)
    assert report.file_failed, format_report(report)
    assert report.exit_code == 1
    assert len(report.problems) == 1
    assert reason in report.problems[0].reason
    assert "Nothing was imported from this file." in format_report(report)
    assert snapshot(county) == before


def test_missing_attributes_and_unknown_names(county: Database, tmp_path: Path) -> None:
    path = write_geojson(tmp_path / "g.geojson", [({"名称": "x"}, GRID_TRUTH["G01"])])
    report = run(county, "grids", path)
    assert report.file_failed
    assert "lacks the required field(s) 网格编码、村代码" in report.problems[0].reason

    report = run(county, "rivers", path)
    assert report.file_failed and "Unknown kind of map data rivers" in report.problems[0].reason
    report = run(county, "grids", path, crs="mars")
    assert report.file_failed and "Unknown coordinate system mars" in report.problems[0].reason


# -- permissions, cancel, progress ----------------------------------------------------------


def test_viewer_may_not_import(county: Database, tmp_path: Path) -> None:
    path = write_geojson(tmp_path / "v.geojson", [({"code": "331081"}, COUNTY)])
    with pytest.raises(PermissionDenied):
        run(county, "boundaries", path, actor=Actor(name="viewer", role="viewer"))


class Cancel:
    def __init__(self, after_calls: int = 0) -> None:
        self.calls = 0
        self.after_calls = after_calls

    @property
    def cancelled(self) -> bool:
        self.calls += 1
        return self.calls > self.after_calls


def test_cancel_leaves_nothing(county: Database, tmp_path: Path) -> None:
    path = write_geojson(
        tmp_path / "grids.geojson",
        [
            (
                {
                    "code": f"G{i:03d}",
                    "name": f"网格{i}",
                    "village_code": EAST_VILLAGE,
                    "person": "张三",
                },
                box(121.31 + i * 1e-4, 28.31, 121.31 + (i + 1) * 1e-4, 28.32),
            )
            for i in range(1500)
        ],
    )
    before = snapshot(county)
    # Checks: at the start, after the unit check, after validating, before writing, then
    # one per batch of 1000: the sixth comes after the first batch went in.
    for after in (0, 5):
        cancel = Cancel(after_calls=after)
        report = run(county, "grids", path, cancel=cancel)
        assert cancel.calls == after + 1
        assert report.cancelled and report.rows_written == 0
        assert "Cancelled: nothing was written." in format_report(report)
        assert snapshot(county) == before


def test_progress_reaches_the_end(county: Database, tmp_path: Path) -> None:
    path = write_geojson(
        tmp_path / "grids.geojson",
        [
            ({"code": code, "name": code, "village_code": EAST_VILLAGE, "person": "张三"}, shape)
            for code, shape in GRID_TRUTH.items()
        ],
    )
    seen: list[tuple[int, int]] = []
    assert run(county, "grids", path, progress=lambda d, t: seen.append((d, t))).ok
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
