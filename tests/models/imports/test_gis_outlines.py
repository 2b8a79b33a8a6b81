"""County and town outlines as web maps give them (DataV, ECharts, Amap fences).

GCJ-02 coordinates quantised to 1/1024 degree, a county of one mainland with lakes (holes
of different sizes) and dozens of islands, a ring that crosses itself only because of the
quantisation, and each source's own attribute names. Files are built here from a known
outline in WGS84; runs on both backends (the `db` fixture).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import shapely
from shapely.geometry import MultiPolygon, Polygon, box

from models.areas import Division
from models.checks import check_database
from models.database import Database
from models.geo.crs import from_wgs84
from models.imports import format_report
from tests.cli_helpers import run_main
from tests.conftest import ADMIN
from tests.models.imports.test_gis import (
    county,  # noqa: F401  (the fixture)
    geometry_of,
    metres,
    run,
    write_shapefile,
)

Q = 1 / 1024  # ECharts' quantum: about 100 m


def gcj_quantised(coords: Any) -> list[list[float]]:
    """A ring as a web map holds it: GCJ-02, on the 1/1024 degree grid."""
    ring = []
    for lon, lat in coords:
        x, y = from_wgs84(lon, lat, "gcj02")
        ring.append([round(x / Q) * Q, round(y / Q) * Q])
    return ring


def web_polygon(shape: Polygon) -> list[list[list[float]]]:
    return [gcj_quantised(shape.exterior.coords)] + [
        gcj_quantised(hole.coords) for hole in shape.interiors
    ]


MAINLAND = Polygon(
    shapely.segmentize(box(121.32, 28.32, 121.45, 28.48), 0.01).exterior.coords,
    [
        [(121.35, 28.35), (121.37, 28.35), (121.36, 28.37)],  # a reservoir: 3 corners
        box(121.40, 28.40, 121.43, 28.44).exterior.coords,  # a lake: 4 corners
    ],
)
ISLANDS = [
    box(121.465 + 0.01 * (i % 3), 28.31 + 0.006 * i, 121.468 + 0.01 * (i % 3), 28.313 + 0.006 * i)
    for i in range(30)
]


def with_quantised_loops(ring: list[list[float]]) -> list[list[float]]:
    """The ring with what quantisation does to a folded coast: a small loop where two edges
    now cross, and a spike collapsed into a line out and back, both on the northern edge
    (which runs west)."""
    top = max(p[1] for p in ring)
    i = next(
        k
        for k in range(len(ring) - 1)
        if ring[k][1] == top and ring[k + 1][1] == top and ring[k][0] - ring[k + 1][0] > 5 * Q
    )
    x, y = ring[i]
    loop = [
        [x - Q, y + Q],
        [x + Q, y + Q],
        [x - 2 * Q, y],
        [x - 3 * Q, y],
        [x - 3 * Q, y + 3 * Q],
        [x - 3 * Q, y],
    ]
    return ring[: i + 1] + loop + ring[i + 1 :]


def datav_county() -> dict[str, Any]:
    mainland = web_polygon(MAINLAND)
    mainland[0] = with_quantised_loops(mainland[0])
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {
                    "adcode": 331081,
                    "name": "温岭市",
                    "center": [121.373611, 28.368781],
                    "centroid": [121.405, 28.39],
                    "childrenNum": 16,
                    "level": "district",
                    "parent": {"adcode": 331000},
                    "subFeatureIndex": 0,
                    "acroutes": [100000, 330000, 331000],
                },
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [mainland] + [web_polygon(island) for island in ISLANDS],
                },
            }
        ],
    }


def test_a_datav_county_outline_with_lakes_islands_and_a_quantised_loop(
    county: Database,  # noqa: F811
    tmp_path: Path,
) -> None:
    path = tmp_path / "331081.json"
    path.write_text(json.dumps(datav_county(), ensure_ascii=False), encoding="utf-8")

    report = run(county, "boundaries", path, crs="gcj02")

    assert report.ok, format_report(report)
    assert report.updated == 1 and report.rows_written == 1
    # The repair is reported with the change of area it made.
    [note] = report.changes
    assert note.row == 1 and "331081 温岭市" in note.reason
    assert "was repaired; the area changed by" in note.reason
    assert "(at most 0.5% is accepted)" in note.reason
    text = format_report(report)
    assert "Accepted with a change (1):" in text
    assert "acroutes" in text  # the attributes not read are named

    stored = geometry_of(county, Division, code="331081")
    assert isinstance(stored, MultiPolygon) and stored.is_valid
    # The loop stays as a speck of about Q² beside the mainland and the islands.
    assert len([p for p in stored.geoms if p.area > 4 * Q * Q]) == 1 + len(ISLANDS)
    mainland = max(stored.geoms, key=lambda p: p.area)
    assert len(mainland.interiors) == 2
    # Back in WGS84 within the quantisation (about 100 m), not GCJ-02's 500 m off.
    truth = MultiPolygon([MAINLAND, *ISLANDS])
    assert metres(stored.centroid.coords[0], truth.centroid.coords[0]) < 60
    assert stored.area == pytest.approx(truth.area, rel=0.03)
    with county.session(ADMIN) as session:
        assert check_database(session=session) == []


def test_a_real_bow_tie_is_refused_with_the_tolerance(county: Database, tmp_path: Path) -> None:  # noqa: F811
    crossed = [[121.35, 28.35], [121.40, 28.40], [121.40, 28.35], [121.35, 28.41], [121.35, 28.35]]
    path = tmp_path / "town.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "Feature",
                "properties": {"adcode": 331081001, "name": "太平街道"},
                "geometry": {"type": "Polygon", "coordinates": [crossed]},
            }
        ),
        encoding="utf-8",
    )
    report = run(county, "boundaries", path)
    assert not report.ok and report.rows_written == 0
    assert "so it is refused (at most 0.5% is accepted)" in report.problems[0].reason


def echarts_ring(coords: Any) -> tuple[str, list[int]]:
    """A ring as ECharts' map files encode it: zigzag-coded steps of 1/1024 degree."""
    points = [(round(x / Q), round(y / Q)) for x, y in coords]
    previous = points[0]
    text = []
    for x, y in points:
        dx, dy = x - previous[0], y - previous[1]
        previous = (x, y)
        text.append("".join(chr(64 + (2 * d if d >= 0 else -2 * d - 1)) for d in (dx, dy)))
    return "".join(text), list(points[0])


TOWN = Polygon(
    box(121.33, 28.33, 121.44, 28.46).exterior.coords,
    [
        [(121.35, 28.35), (121.37, 28.35), (121.36, 28.37)],
        [(121.40, 28.40), (121.42, 28.40), (121.43, 28.42), (121.41, 28.44), (121.39, 28.42)],
    ],
)


def town_file(
    tmp_path: Path, code_field: str, name_field: str, code: Any, shape: Polygon = TOWN
) -> Path:
    """The town (with two holes of different lengths), under the source's attribute names."""
    properties = {code_field: code, name_field: "太平街道", "childNum": 1}
    rings = [list(shape.exterior.coords), *(list(h.coords) for h in shape.interiors)]
    if code_field == "id":  # ECharts: encoded rings
        encoded = [echarts_ring(r) for r in rings]
        geometry: dict[str, Any] = {
            "type": "Polygon",
            "coordinates": [t for t, _ in encoded],
            "encodeOffsets": [o for _, o in encoded],
        }
        document: dict[str, Any] = {"type": "FeatureCollection", "UTF8Encoding": True}
    else:
        geometry = {"type": "Polygon", "coordinates": rings}
        document = {"type": "FeatureCollection"}
    document["features"] = [{"type": "Feature", "properties": properties, "geometry": geometry}]
    path = tmp_path / "town.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("code_field", "name_field", "code"),
    [
        ("adcode", "name", 331081001),  # DataV, Amap
        ("gb", "NAME", "156331081001"),  # with the country's number in front
        ("XZQDM", "XZQMC", "331081001"),  # GIS offices
        ("区划代码", "名称", "331081001000"),  # statistics form
        ("id", "name", "331081001"),  # ECharts, coordinates encoded
    ],
)
def test_each_source_s_attribute_names_are_recognised(
    county: Database,  # noqa: F811
    tmp_path: Path,
    code_field: str,
    name_field: str,
    code: Any,
) -> None:
    report = run(county, "boundaries", town_file(tmp_path, code_field, name_field, code))
    assert report.ok, format_report(report)
    stored = geometry_of(county, Division, code="331081001")
    assert isinstance(stored, Polygon) and len(stored.interiors) == 2
    tolerance = Q if code_field == "id" else 1e-9
    assert stored.symmetric_difference(TOWN).area < tolerance


def test_a_shapefile_with_holes_of_different_lengths(county: Database, tmp_path: Path) -> None:  # noqa: F811
    shp = write_shapefile(
        tmp_path / "shp",
        "乡镇",
        [(["0", "331081001", "太平街道"], TOWN)],
        fields=["Id", "XZQDM", "XZQMC"],  # ArcGIS's Id numbers the shapes: not a code
    )
    report = run(county, "boundaries", shp)
    assert report.ok, format_report(report)
    stored = geometry_of(county, Division, code="331081001")
    assert stored is not None and stored.symmetric_difference(TOWN).area < 1e-9


def test_the_user_names_the_code_and_name_fields(county: Database, tmp_path: Path) -> None:  # noqa: F811
    path = town_file(tmp_path, "DM", "MC", "331081001")
    unknown = run(county, "boundaries", path)
    assert unknown.file_failed
    assert "lacks the required field(s) 区划代码" in unknown.problems[0].reason

    wrong = run(county, "boundaries", path, code_field="CODE")
    assert wrong.file_failed
    assert (
        wrong.problems[0].reason == "The file has no field CODE. Its fields are: DM、MC、childNum."
    )

    named = run(county, "boundaries", path, code_field="DM", name_field="MC")
    assert named.ok, format_report(named)
    stored = geometry_of(county, Division, code="331081001")
    assert stored is not None and stored.symmetric_difference(TOWN).area < 1e-9


def test_the_command_line_as_typed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    divisions = tmp_path / "divisions.csv"
    divisions.write_text("统计用区划代码,名称\n331081001000,太平街道\n", encoding="utf-8")
    county_list = run_main(
        "--db",
        url,
        "import",
        "divisions",
        str(divisions),
        "--county",
        "331081",
        "--county-name",
        "温岭市",
    )
    assert county_list.returncode == 0, county_list.stdout + county_list.stderr
    outline = tmp_path / "county.json"
    outline.write_text(json.dumps(datav_county(), ensure_ascii=False), encoding="utf-8")
    # A town clear of the county's lakes and edges: it must lie within the county.
    town = town_file(tmp_path, "DM", "MC", "331081001", box(121.33, 28.45, 121.36, 28.47))

    done = run_main("--db", url, "import", "boundaries", str(outline), "--crs", "gcj02")
    assert done.returncode == 0, done.stdout + done.stderr
    named = run_main(
        "--db", url, "import", "boundaries", str(town), "--code-field", "DM", "--name-field", "MC"
    )
    assert named.returncode == 0, named.stdout + named.stderr
    checked = run_main("--db", url, "db", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
