"""Geometry for map layers: WKB, simplification, rounding and GeoJSON text."""

from __future__ import annotations

import json
import re

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

from maps.geometry import (
    SIMPLIFY_DEGREES,
    Features,
    load_wkb,
    pack,
    prepare,
    round_coordinates,
    simplify,
    unpack,
)

NUMBER = re.compile(r"-?\d+\.(\d+)")


def wiggly_ring() -> Polygon:
    """A village-sized polygon (about 2 km) with a vertex every few metres."""
    return Point(121.38, 28.37).buffer(0.01, quad_segs=400)


def test_load_wkb_keeps_missing_geometries_as_none() -> None:
    shapes = load_wkb([Point(121.1, 28.2).wkb, None, box(121, 28, 121.1, 28.1).wkb])
    assert shapes[0].equals(Point(121.1, 28.2))
    assert shapes[1] is None
    assert shapes[2].geom_type == "Polygon"


def test_simplify_drops_vertices_within_tolerance_and_keeps_validity() -> None:
    ring = wiggly_ring()
    [simple] = simplify(np.array([ring], dtype=object))
    assert shapely.get_num_coordinates(simple) < shapely.get_num_coordinates(ring) / 4
    assert simple.is_valid
    assert ring.hausdorff_distance(simple) <= SIMPLIFY_DEGREES * 1.01


def test_small_geometries_are_left_alone() -> None:
    small = box(121.0, 28.0, 121.001, 28.001)
    [same] = simplify(np.array([small], dtype=object), tolerance=0.01)
    assert same is small or same.equals(small)


def test_rounding_keeps_five_decimals() -> None:
    [rounded] = round_coordinates(np.array([Point(121.123456789, 28.987654321)], dtype=object))
    assert (rounded.x, rounded.y) == (121.12346, 28.98765)


def test_a_polygon_rounding_would_break_keeps_its_shape() -> None:
    # A valid sliver 0.4 m wide: rounded to 1e-5 degrees it collapses to a line (invalid).
    sliver = Polygon([(121.0, 28.0), (121.01, 28.0), (121.01, 28.000004), (121.005, 28.000001)])
    normal = box(121.2, 28.2, 121.3, 28.3)
    assert sliver.is_valid
    kept, other = round_coordinates(np.array([sliver, normal], dtype=object))
    assert kept.is_valid and kept.equals(sliver)
    assert other.is_valid


def test_prepared_demo_like_shapes_stay_valid() -> None:
    shapes = np.array(
        [
            wiggly_ring(),
            wiggly_ring().buffer(-0.003),
            MultiPolygon([box(121, 28, 121.01, 28.01), box(121.02, 28, 121.03, 28.01)]),
            LineString([(121, 28), (121.00001, 28.000003), (121.1, 28.1)]),
            Point(121.5, 28.5),
        ],
        dtype=object,
    )
    prepared = prepare(shapes)
    assert shapely.is_valid(prepared).all()
    assert [g.geom_type for g in prepared] == [g.geom_type for g in shapes]


def test_features_drop_rows_without_geometry_and_keep_properties_in_step() -> None:
    features = Features.build(
        [Point(121.1, 28.1), None, Polygon(), box(121, 28, 121.01, 28.01)],
        [{"id": 1, "name": "一"}, {"id": 2}, {"id": 3}, {"id": 4, "name": "四"}],
    )
    assert len(features) == 2
    assert [p["id"] for p in features.properties] == [1, 4]
    collection = features.to_dict()
    assert collection["type"] == "FeatureCollection"
    assert [f["properties"]["id"] for f in collection["features"]] == [1, 4]
    assert collection["features"][1]["geometry"]["type"] == "Polygon"


def test_geojson_text_is_compact_rounded_and_keeps_chinese() -> None:
    features = Features.build(
        [wiggly_ring(), Point(121.123456789, 28.1)],
        [{"id": 1, "name": "石塘村"}, {"id": 2, "name": "避灾点"}],
    )
    text = features.to_json()
    assert "石塘村" in text  # not \\u escaped: a smaller page
    assert ": " not in text and ", " not in text
    decimals = {len(m.group(1)) for m in NUMBER.finditer(text)}
    assert max(decimals) <= 5
    parsed = json.loads(text)
    for feature in parsed["features"]:
        assert shapely.geometry.shape(feature["geometry"]).is_valid


def test_from_geojson_reads_a_feature_collection() -> None:
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {
                    "type": "LineString",
                    "coordinates": [[125.5, 25.35], [124.75, 25.95]],
                },
                "properties": {"kind": "track_past"},
            },
            {"type": "Feature", "geometry": None, "properties": {"kind": "nothing"}},
            {
                "type": "Feature",
                "geometry": Point(123.1, 27.2).buffer(1.0).__geo_interface__,
                "properties": {"kind": "circle7"},
            },
        ],
    }
    features = Features.from_geojson(collection)
    assert [p["kind"] for p in features.properties] == ["track_past", "circle7"]
    assert features.bounds() == (122.1, 25.35, 125.5, 28.2)


def test_empty_features() -> None:
    features = Features([], [])
    assert len(features) == 0
    assert features.to_dict() == {"type": "FeatureCollection", "features": []}
    assert features.bounds() is None


def test_pack_keeps_every_geometry_type_in_place_areas_first() -> None:
    shapes = np.array(
        [
            Point(121.123456, 28.5),
            MultiPolygon(
                [
                    box(121, 28, 121.1, 28.1),
                    box(121.2, 28.2, 121.3, 28.3).difference(box(121.22, 28.22, 121.24, 28.24)),
                ]
            ),
            box(121.4, 28.4, 121.41, 28.42),
            LineString([(121, 28), (121.2, 28.25)]),
            shapely.MultiLineString([[(121, 28), (121.1, 28.1)], [(121.2, 28.2), (121.3, 28.3)]]),
            shapely.MultiPoint([(121, 28), (121.1, 28.1)]),
            shapely.GeometryCollection([Point(121.5, 28.5), box(121.6, 28.6, 121.7, 28.7)]),
        ],
        dtype=object,
    )
    order, groups = pack(shapes)
    assert [g["type"] for g in groups] == [
        "MultiPolygon",
        "Polygon",
        "MultiLineString",
        "LineString",
        "MultiPoint",
        "Point",
    ]
    assert order == [1, 6, 2, 4, 3, 5, 0]
    back = unpack(groups)
    for position, shape in zip(order, back, strict=True):
        original = shapes[position]
        if original.geom_type == "GeometryCollection":
            original = MultiPolygon([box(121.6, 28.6, 121.7, 28.7)])  # what a map can draw
        assert shape.equals_exact(original, tolerance=1e-5), (position, shape.wkt)
    assert back[-1].x == 121.12346
    assert pack(np.array([], dtype=object)) == ([], [])
