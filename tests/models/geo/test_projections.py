"""Coordinates from the systems county data comes in, to stored WGS84 longitude-latitude.

The known point is in Wenling (121.4°E, 28.4°N). Its 3-degree Gauss-Krüger zone is
zone 40 with central meridian 120°E: EPSG:4549 writes the easting without the zone
number (637 202 m), EPSG:4528 with it (40 637 202 m). (EPSG:4527 is zone 39, CM 117°E.)
"""

from __future__ import annotations

import numpy as np
import pyproj
import pytest
import shapely
from pyproj.enums import WktVersion
from shapely.geometry import LineString, Point, Polygon

from models.geo.crs import from_wgs84
from models.geo.projections import (
    CHINA_EXTENT,
    CrsError,
    crs_from_geojson,
    crs_from_wkt,
    gauss_kruger_epsg,
    gauss_kruger_suggestions,
    looks_projected,
    parse_crs,
    parse_degrees,
    swapped,
    to_lonlat,
    transform_coords,
    within_extent,
    zone_prefix_fix,
)

LON, LAT = 121.4, 28.4
# The point in CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549), metres.
EASTING, NORTHING = 637202.2968, 3143568.1853
GEOD = pyproj.Geod(ellps="WGS84")


def metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    return float(GEOD.inv(a[0], a[1], b[0], b[1])[2])


def test_the_zones_of_the_county() -> None:
    assert pyproj.CRS.from_epsg(4549).name == "CGCS2000 / 3-degree Gauss-Kruger CM 120E"
    assert pyproj.CRS.from_epsg(4528).name == "CGCS2000 / 3-degree Gauss-Kruger zone 40"
    assert pyproj.CRS.from_epsg(4527).name == "CGCS2000 / 3-degree Gauss-Kruger zone 39"
    assert gauss_kruger_epsg(120, zone_prefix=False) == 4549
    assert gauss_kruger_epsg(120, zone_prefix=True) == 4528
    assert gauss_kruger_epsg(123, zone_prefix=False, three_degree=False) == 4510
    assert gauss_kruger_epsg(121, zone_prefix=False) is None


def test_known_point_from_gauss_kruger() -> None:
    crs = parse_crs("EPSG:4549")
    assert (crs.key, crs.projected, crs.epsg) == ("EPSG:4549", True, 4549)
    # A rough check that the known point is right: 1.4° east of 120°E at 28.4°N is about
    # 137 km, and the northing about 28.4 degrees of meridian.
    east_of_meridian = EASTING - 500000
    assert east_of_meridian == pytest.approx(1.4 * 111320 * np.cos(np.radians(LAT)), rel=0.01)
    assert pytest.approx(LAT * 110700, rel=0.005) == NORTHING
    lon, lat = transform_coords(np.array([[EASTING, NORTHING]]), crs)[0]
    assert metres((lon, lat), (LON, LAT)) < 0.01

    prefixed = parse_crs("epsg:4528")
    lon, lat = transform_coords(np.array([[40_000_000 + EASTING, NORTHING]]), prefixed)[0]
    assert metres((lon, lat), (LON, LAT)) < 0.01


def test_geometries_in_arrays_with_none() -> None:
    crs = parse_crs("4549")
    square = Polygon(
        [
            (EASTING, NORTHING),
            (EASTING + 100, NORTHING),
            (EASTING + 100, NORTHING + 100),
            (EASTING, NORTHING + 100),
        ]
    )
    out = to_lonlat(np.array([square, None, Point(EASTING, NORTHING)], dtype=object), crs)
    assert out[1] is None
    assert metres(out[2].coords[0], (LON, LAT)) < 0.01
    # 100 m squares stay 100 m squares (Gauss-Krüger scale is 1.0002 this far from the meridian).
    assert metres(out[0].exterior.coords[0], out[0].exterior.coords[1]) == pytest.approx(
        100, abs=0.1
    )
    # Z values are dropped: we store 2D.
    z = to_lonlat(Point(EASTING, NORTHING, 12.0), crs)
    assert not z.has_z


@pytest.mark.parametrize("name", ["gcj02", "GCJ-02", "bd09", "Baidu"])
def test_web_map_offsets_round_trip_within_a_metre(name: str) -> None:
    crs = parse_crs(name)
    points = [(LON, LAT), (121.25, 28.52), (121.61, 28.27)]
    given = [from_wgs84(x, y, crs.key) for x, y in points]
    assert all(metres(p, g) > 100 for p, g in zip(points, given, strict=True))  # the offset matters
    back = transform_coords(np.array(given), crs)
    assert all(metres(p, tuple(b)) < 1 for p, b in zip(points, back, strict=True))
    line = to_lonlat(LineString(given), crs)
    assert all(metres(p, c) < 1 for p, c in zip(points, line.coords, strict=True))


def test_wgs84_and_cgcs2000_are_stored_as_given() -> None:
    for name in ("wgs84", "cgcs2000", "EPSG:4326", "EPSG:4490", None, ""):
        crs = parse_crs(name)
        assert crs.identity
        assert to_lonlat(Point(LON, LAT), crs).equals(Point(LON, LAT))


def test_unknown_names_are_refused() -> None:
    for name in ("mars", "EPSG:999999", "EPSG:"):
        with pytest.raises(CrsError) as caught:
            parse_crs(name)
        assert caught.value.reason == "unknown"


def test_prj_of_esri_and_ogc() -> None:
    esri = pyproj.CRS.from_epsg(4549).to_wkt(WktVersion.WKT1_ESRI)
    assert "CGCS2000_3_Degree_GK_CM_120E" in esri
    assert crs_from_wkt(esri).key == "EPSG:4549"
    assert crs_from_wkt(pyproj.CRS.from_epsg(4528).to_wkt()).key == "EPSG:4528"
    assert crs_from_wkt(pyproj.CRS.from_epsg(4490).to_wkt(WktVersion.WKT1_ESRI)).key == "cgcs2000"
    assert crs_from_wkt(pyproj.CRS.from_epsg(4326).to_wkt(WktVersion.WKT1_ESRI)).key == "wgs84"


def test_prj_without_epsg_code_is_named() -> None:
    local = (
        pyproj.CRS.from_proj4(
            "+proj=tmerc +lat_0=0 +lon_0=121.35 +k=1 +x_0=50000 +y_0=-3000000 +ellps=GRS80 +units=m"
        )
        .to_wkt(WktVersion.WKT1_ESRI)
        .replace("unknown", "Wenling_Local")
    )
    with pytest.raises(CrsError) as caught:
        crs_from_wkt(local)
    assert caught.value.reason == "unidentified"
    with pytest.raises(CrsError) as caught:
        crs_from_wkt("not a projection")
    assert caught.value.reason == "unreadable"


def test_geojson_crs_member() -> None:
    member = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4549"}}
    assert crs_from_geojson(member) == parse_crs("EPSG:4549")
    crs84 = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
    assert crs_from_geojson(crs84) == parse_crs("wgs84")
    assert crs_from_geojson(None) is None


def test_swapped_latitude_and_longitude() -> None:
    wgs = parse_crs("wgs84")
    points = np.array([Point(LAT, LON), Point(LON, LAT), Point(10, 10), None], dtype=object)
    assert swapped(points, wgs).tolist() == [True, False, False, False]
    # Through GCJ-02 the same: outside China the offset is none.
    assert swapped(points, parse_crs("gcj02")).tolist() == [True, False, False, False]
    # Northing before easting in a projection.
    gk = parse_crs("EPSG:4549")
    projected = np.array([Point(NORTHING, EASTING), Point(EASTING, NORTHING)], dtype=object)
    assert swapped(projected, gk).tolist() == [True, False]


def test_extent() -> None:
    shapes = np.array(
        [Point(LON, LAT), Point(116.4, 39.9), Point(2.35, 48.85), Point(float("inf"), 28), None],
        dtype=object,
    )
    assert within_extent(shapes, CHINA_EXTENT).tolist() == [True, True, False, False, False]
    assert within_extent(shapes, (121.15, 28.15, 121.65, 28.60)).tolist() == [
        True,
        False,
        False,
        False,
        False,
    ]


def test_gauss_kruger_hints() -> None:
    assert looks_projected((EASTING, NORTHING, EASTING + 10, NORTHING + 10))
    assert not looks_projected((LON, LAT, LON, LAT))
    assert gauss_kruger_suggestions(40_000_000 + EASTING) == [4528]
    assert gauss_kruger_suggestions(21_000_000 + EASTING) == [4499]  # 6-degree zone 21, CM 123E
    assert gauss_kruger_suggestions(EASTING) == []  # which zone? the county must say
    assert gauss_kruger_suggestions(EASTING, near_lon=LON) == [4549, 4510]
    assert zone_prefix_fix(parse_crs("EPSG:4549"), 40_000_000 + EASTING) == 4528
    assert zone_prefix_fix(parse_crs("EPSG:4528"), EASTING) == 4549
    assert zone_prefix_fix(parse_crs("EPSG:4549"), EASTING) is None
    assert zone_prefix_fix(parse_crs("EPSG:3857"), EASTING) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("121.38", 121.38),
        ("121.38°", 121.38),
        ("121°22'48\"", 121.38),
        ("121°22′48″E", 121.38),
        ("东经121度22分48秒", 121.38),
        ("28°24.6'", 28.41),
        ("N 28.41", 28.41),
        ("abc", None),
        ("", None),
        ("121°75'", None),
    ],
)
def test_parse_degrees(text: str, value: float | None) -> None:
    result = parse_degrees(text)
    if value is None:
        assert result is None
    else:
        assert result == pytest.approx(value, abs=1e-9)


def test_neighbouring_gcj02_polygons_stay_valid_and_apart() -> None:
    """Neighbours share their borders, and the shared points convert alike."""

    def edge(n: int) -> float:
        return n * 0.01

    shapes = np.array(
        [
            shapely.box(
                121.3 + edge(dx), 28.3 + edge(dy), 121.3 + edge(dx + 1), 28.3 + edge(dy + 1)
            )
            for dx in range(20)
            for dy in range(20)
        ],
        dtype=object,
    )
    out = to_lonlat(shapes, parse_crs("gcj02"))
    assert shapely.is_valid(out).all()
    assert len(out) == 400
    overlap = shapely.intersection(out[0], out[1]).area
    assert overlap < 1e-12 and shapely.touches(out[0], out[1])
