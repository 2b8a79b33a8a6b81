"""Wind circles, interpolation along a track, the track as GeoJSON, and the reach query."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import MultiPolygon, Point, box

from maps.typhoon import (
    FeatureIndex,
    ReachFeature,
    circles_at,
    interpolate,
    reach,
    reach_circles,
    swath,
    track_geojson,
    wind_circle,
)
from models.typhoons import TrackPoint, TyphoonTrack, demo_track_points
from tests.conftest import DEMO_BUILT_AT

GEOD = Geod(ellps="WGS84")
T0 = datetime(2026, 8, 9, 0, tzinfo=UTC)


def boundary_distances_km(lon: float, lat: float, polygon: shapely.Polygon) -> np.ndarray:
    """Geodesic distances from the centre to densely sampled points of the boundary."""
    ring = shapely.segmentize(polygon.exterior, 0.01)
    coords = shapely.get_coordinates(ring)
    _, _, metres = GEOD.inv(
        np.full(len(coords), lon), np.full(len(coords), lat), coords[:, 0], coords[:, 1]
    )
    return np.asarray(metres) / 1000


def point_at(lon: float, lat: float, azimuth: float, km: float) -> Point:
    x, y, _ = GEOD.fwd(lon, lat, azimuth, km * 1000)
    return Point(x, y)


@pytest.mark.parametrize(
    ("lon", "lat", "radius"), [(121.4, 28.3, 300.0), (125.0, 24.0, 50.0), (120.3, 40.0, 600.0)]
)
def test_symmetric_circle_has_its_radius_in_every_direction(
    lon: float, lat: float, radius: float
) -> None:
    circle = wind_circle(lon, lat, radius)
    assert circle is not None and circle.is_valid
    distances = boundary_distances_km(lon, lat, circle)
    assert np.all(np.abs(distances - radius) <= 0.01 * radius)
    area_km2 = abs(GEOD.geometry_area_perimeter(circle)[0]) / 1e6
    assert area_km2 == pytest.approx(np.pi * radius**2, rel=0.01)
    for azimuth in range(0, 360, 15):
        assert circle.contains(point_at(lon, lat, azimuth, radius * 0.99))
        assert not circle.contains(point_at(lon, lat, azimuth, radius * 1.01))


def test_quadrant_radii_reach_as_far_as_given() -> None:
    lon, lat = 122.0, 27.5
    radii = (340.0, 300.0, 250.0, 280.0)
    circle = wind_circle(lon, lat, radii)
    assert circle is not None and circle.is_valid
    assert shapely.is_ccw(circle.exterior)  # GeoJSON's outer ring order
    for quadrant, radius in enumerate(radii):
        for azimuth in np.linspace(quadrant * 90 + 1, quadrant * 90 + 89, 7):
            assert circle.contains(point_at(lon, lat, azimuth, radius * 0.99))
            assert not circle.contains(point_at(lon, lat, azimuth, radius * 1.01))


def test_quadrants_without_wind_are_left_out() -> None:
    circle = wind_circle(122.0, 27.5, (200.0, 0.0, 0.0, 0.0))
    assert circle is not None and circle.is_valid
    assert circle.contains(point_at(122.0, 27.5, 45, 150))
    assert not circle.intersects(point_at(122.0, 27.5, 200, 50))
    opposite = wind_circle(122.0, 27.5, (200.0, 0.0, 150.0, 0.0))  # touching at the centre
    assert opposite is not None and opposite.is_valid
    assert opposite.contains(point_at(122.0, 27.5, 225, 100))
    assert wind_circle(122.0, 27.5, None) is None
    assert wind_circle(122.0, 27.5, (0.0, 0.0, 0.0, 0.0)) is None


def two_point_track() -> TyphoonTrack:
    first = TrackPoint(
        T0,
        124.0,
        26.0,
        940,
        50.0,
        (300.0, 300.0, 260.0, 280.0),
        (120.0, 110.0, 100.0, 100.0),
        (60.0, 50.0, 40.0, 40.0),
        False,
    )
    second = TrackPoint(
        T0 + timedelta(hours=6),
        123.0,
        27.0,
        950,
        44.0,
        (280.0, 260.0, 240.0, 240.0),
        (100.0, 90.0, 80.0, 80.0),
        None,
        True,
    )
    return TyphoonTrack(1, "2699", "测试", None, None, (first, second))


def test_interpolation_is_linear_between_neighbours() -> None:
    track = two_point_track()
    mid = interpolate(track, T0 + timedelta(hours=3))
    assert mid is not None
    assert (mid.lon, mid.lat) == pytest.approx((123.5, 26.5))
    assert mid.pressure_hpa == 945
    assert mid.max_wind_ms == pytest.approx(47.0)
    assert mid.r7 == pytest.approx((290.0, 280.0, 250.0, 260.0))
    assert mid.r10 == pytest.approx((110.0, 100.0, 90.0, 90.0))
    assert mid.r12 is None  # missing at one end: no force-12 circle in between
    assert mid.is_forecast
    quarter = interpolate(track, T0 + timedelta(hours=1, minutes=30))
    assert quarter is not None and quarter.lon == pytest.approx(123.75)
    assert interpolate(track, T0) == track.points[0]
    assert interpolate(track, T0 + timedelta(hours=6)) == track.points[1]
    assert interpolate(track, T0 - timedelta(minutes=1)) is None
    assert interpolate(track, T0 + timedelta(hours=6, minutes=1)) is None


def demo_track() -> TyphoonTrack:
    return TyphoonTrack(
        7, "2606", "演示台风", "Demo", None, tuple(demo_track_points(DEMO_BUILT_AT))
    )


def test_track_geojson_carries_kinds_and_labels() -> None:
    track = demo_track()
    between = track.current.at + timedelta(hours=1)  # type: ignore[union-attr]
    collection = track_geojson(track, between)
    json.dumps(collection, ensure_ascii=False)  # serialisable as it is
    kinds = [f["properties"]["kind"] for f in collection["features"]]
    assert set(kinds) == {
        "track_past",
        "track_forecast",
        "track_point",
        "circle7",
        "circle10",
        "circle12",
    }
    for feature in collection["features"]:
        properties = feature["properties"]
        assert properties["label"] and properties["title"]
        assert properties["typhoon"] == "2606"
    points = [f for f in collection["features"] if f["properties"]["kind"] == "track_point"]
    assert len(points) == len(track.points) + 1  # the position at ``between`` is added
    current = [f for f in points if f["properties"]["current"]]
    assert len(current) == 1 and current[0]["properties"]["time"] == "2026-08-09 21:00"
    assert "2026-08-09 21:00" in current[0]["properties"]["label"]
    assert sum(f["properties"]["forecast"] for f in points) == len(track.forecast) + 1
    circle7 = next(f for f in collection["features"] if f["properties"]["kind"] == "circle7")
    assert circle7["properties"]["time"] == "2026-08-09 21:00"
    ring = circle7["geometry"]["coordinates"][0]
    assert all(round(x, 5) == x and round(y, 5) == y for x, y in ring)
    forecast_line = next(
        f for f in collection["features"] if f["properties"]["kind"] == "track_forecast"
    )
    start = forecast_line["geometry"]["coordinates"][0]
    assert list(start) == [track.observed[-1].lon, track.observed[-1].lat]


def test_track_geojson_outside_the_track_has_no_circles() -> None:
    track = demo_track()
    collection = track_geojson(track, track.points[0].at - timedelta(days=1))
    kinds = {f["properties"]["kind"] for f in collection["features"]}
    assert kinds == {"track_past", "track_forecast", "track_point"}


def test_swath_covers_the_circles_along_the_way() -> None:
    track = demo_track()
    now = track.current.at  # type: ignore[union-attr]
    area = swath(track, 7)
    assert area is not None and area.is_valid
    for hours in (0, 4, 9, 30):
        circle = circles_at(track, now + timedelta(hours=hours))[7]
        assert circle is not None
        # Hulls in degrees of geodesic shapes: covered to within a square kilometre or so.
        assert circle.difference(area).area < 1e-4 * circle.area
    past = circles_at(track, track.points[0].at)[7]
    assert past is not None and not area.contains(past)  # the past is not swept
    shapes = reach_circles(track)
    assert set(shapes) == {"force7_now", "force10_now", "force7_forecast", "force10_forecast"}
    assert swath(track, 7, track.points[-1].at + timedelta(hours=1)) is None


def random_features(count: int, seed: int) -> list[ReachFeature]:
    rng = random.Random(seed)
    features = []
    for i in range(count):
        x, y = rng.uniform(120.5, 122.5), rng.uniform(27.5, 29.5)
        if i % 3 == 0:
            geometry = Point(x, y)
            layer = "shelter"
        else:
            size = rng.uniform(0.002, 0.05)
            geometry = box(x, y, x + size, y + size * rng.uniform(0.5, 2))
            layer = "grid" if i % 3 == 1 else "village"
        features.append(ReachFeature(i, f"f{i}", f"c{i}", layer, geometry))
    features.append(ReachFeature(count, "no geometry", None, "grid", None))
    return features


def test_reach_equals_brute_force() -> None:
    track = demo_track()
    features = random_features(3000, 1)
    shapes = {**reach_circles(track, track.points[8].at), "nothing": None}
    result = reach(features, shapes)
    assert set(result.layers) == {"grid", "village", "shelter"}
    for name, shape in shapes.items():
        for layer in result.layers:
            mine = [f for f in features if f.layer == layer and f.geometry is not None]
            expected = (
                set()
                if shape is None
                else {f.id for f in mine if shapely.intersects(f.geometry, shape)}
            )
            assert result.ids(name, layer) == expected, (name, layer)
            assert result.count(name, layer) == len(expected)
    some = result.ids("force7_now", "grid")
    assert 0 < len(some) < result.totals["grid"]
    assert result.reached("grid") >= some


def test_feature_index_answers_many_shapes() -> None:
    features = random_features(500, 2)
    index = FeatureIndex(features)
    everything = box(100, 0, 140, 60)
    hits = index.query(everything)
    assert sum(len(ids) for ids in hits.values()) == 500
    assert index.query(None)["grid"].size == 0


def test_reach_with_holes_parts_and_nested_shapes_equals_brute_force() -> None:
    features = random_features(4000, 3)
    outer = box(120.8, 27.8, 122.2, 29.2)
    hole = box(121.2, 28.2, 121.8, 28.8)
    shapes = {
        "ring": outer.difference(hole),  # features straddle the hole's edge
        "inside_ring": box(120.9, 27.9, 121.1, 29.1),  # covered by "ring": reused hits
        "parts": MultiPolygon([box(120.6, 27.6, 121.0, 28.0), box(121.9, 28.9, 122.4, 29.4)]),
        "everything": box(100, 0, 140, 60),
        "point": Point(121.5, 28.5).buffer(0.3),
    }
    result = reach(features, shapes)
    for name, shape in shapes.items():
        for layer in result.layers:
            expected = {
                f.id
                for f in features
                if f.layer == layer
                and f.geometry is not None
                and shapely.intersects(f.geometry, shape)
            }
            assert result.ids(name, layer) == expected, (name, layer)
