"""Geometry for maps: WKB loading, simplification, rounding, GeoJSON and packed coordinates.

A map layer of the demo county at ``--scale 10`` holds tens of thousands of
polygons, so everything here works on numpy arrays of shapely geometries
(vectorised GEOS calls), never geometry by geometry in Python.

Geometries are simplified (topology preserved, about 5 m) and their coordinates
rounded to 5 decimals (about 1 m, more than a screen needs). ``Features.to_json``
writes standard GeoJSON text (GEOS writes each geometry; Python joins them);
``pack`` writes what the map page reads: per geometry type, the coordinates as
integers of 1e-5 degrees, each the difference from the one before, and the
sizes of rings and parts, all as base64 of little-endian 32-bit integers. That is
less than half the GeoJSON text, costs Python no number formatting at all and the
browser no number parsing.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

DECIMALS = 5
"""Decimals kept in longitude and latitude (1e-5 degrees is about 1 m)."""

SIMPLIFY_DEGREES = 0.00005
"""Default simplification tolerance: about 5 m in latitude, 4.4 m in longitude at 28°N."""

SIMPLIFY_FROM = 12
"""Geometries with fewer coordinates than this are left as they are (nothing to gain)."""

_POLYGONAL = (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON)


def load_wkb(blobs: Sequence[bytes | None]) -> np.ndarray:
    """Shapely geometries from WKB values (None stays None), as an object array."""
    array = np.empty(len(blobs), dtype=object)
    array[:] = list(blobs)
    return shapely.from_wkb(array)


def simplify(geometries: np.ndarray, tolerance: float = SIMPLIFY_DEGREES) -> np.ndarray:
    """Topology-preserving simplification of the geometries worth simplifying.

    Points and small rings are skipped: GEOS would return them unchanged, slowly.
    """
    geometries = np.asarray(geometries, dtype=object)
    if tolerance <= 0 or not len(geometries):
        return geometries
    result = geometries.copy()
    worth = shapely.get_num_coordinates(geometries) >= SIMPLIFY_FROM
    if worth.any():
        result[worth] = shapely.simplify(geometries[worth], tolerance, preserve_topology=True)
    return result


def round_coordinates(geometries: np.ndarray, decimals: int = DECIMALS) -> np.ndarray:
    """Coordinates rounded to ``decimals``; a polygon made invalid by it stays unrounded."""
    geometries = np.asarray(geometries, dtype=object)
    if not len(geometries):
        return geometries
    rounded = shapely.transform(geometries, lambda coords: np.round(coords, decimals))
    polygonal = np.isin(shapely.get_type_id(geometries), _POLYGONAL)
    if polygonal.any():
        broken = np.flatnonzero(polygonal)
        broken = broken[~shapely.is_valid(rounded[broken])]
        if len(broken):
            rounded[broken] = geometries[broken]
    return rounded


def prepare(
    geometries: np.ndarray, *, tolerance: float = SIMPLIFY_DEGREES, decimals: int = DECIMALS
) -> np.ndarray:
    """Simplified, then rounded: what a map layer draws."""
    return round_coordinates(simplify(geometries, tolerance), decimals)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Features:
    """The features of one map layer: geometries beside their properties, in one order.

    ``properties[i]`` belongs to ``geometries[i]``; features without a geometry
    are dropped when built, so every feature can be drawn. Geometries are kept
    simplified but unrounded; rounding happens where text is written.
    """

    __slots__ = ("decimals", "geometries", "properties")

    def __init__(
        self,
        geometries: np.ndarray | Sequence[BaseGeometry | None],
        properties: Sequence[dict[str, Any]],
        *,
        decimals: int = DECIMALS,
    ) -> None:
        array = np.empty(len(geometries), dtype=object)
        array[:] = list(geometries)
        if len(array) != len(properties):
            raise ValueError("one properties dict per geometry")
        keep = ~(shapely.is_missing(array) | shapely.is_empty(array))
        self.geometries: np.ndarray = array[keep]
        self.properties: list[dict[str, Any]] = [
            p for p, k in zip(properties, keep.tolist(), strict=True) if k
        ]
        self.decimals = decimals

    @classmethod
    def build(
        cls,
        geometries: np.ndarray | Sequence[BaseGeometry | None],
        properties: Sequence[dict[str, Any]],
        *,
        tolerance: float = SIMPLIFY_DEGREES,
        decimals: int = DECIMALS,
    ) -> Features:
        """Features from raw geometries: missing ones dropped, the rest simplified."""
        features = cls(geometries, properties, decimals=decimals)
        features.geometries = simplify(features.geometries, tolerance)
        return features

    @classmethod
    def from_geojson(
        cls, collection: dict[str, Any], *, tolerance: float = 0.0, decimals: int = DECIMALS
    ) -> Features:
        """Features from a GeoJSON FeatureCollection dict (such as a typhoon's track)."""
        from shapely.geometry import shape

        items = collection.get("features") or []
        geometries = [shape(f["geometry"]) if f.get("geometry") else None for f in items]
        properties = [dict(f.get("properties") or {}) for f in items]
        return cls.build(geometries, properties, tolerance=tolerance, decimals=decimals)

    def __len__(self) -> int:
        return len(self.properties)

    def rounded(self) -> np.ndarray:
        """The geometries with coordinates rounded (valid polygons stay valid)."""
        return round_coordinates(self.geometries, self.decimals)

    def geometry_json(self) -> list[str]:
        """Each geometry as GeoJSON text, coordinates rounded."""
        if not len(self.geometries):
            return []
        return list(shapely.to_geojson(self.rounded()))

    def features_json(self) -> list[str]:
        """Each feature as GeoJSON text."""
        return [
            f'{{"type":"Feature","geometry":{geometry},"properties":{_dumps(props)}}}'
            for geometry, props in zip(self.geometry_json(), self.properties, strict=True)
        ]

    def to_json(self) -> str:
        """The FeatureCollection as compact GeoJSON text (UTF-8 characters kept)."""
        return feature_collection_json(self.features_json())

    def to_dict(self) -> dict[str, Any]:
        """The FeatureCollection as a dict (parsed back from its text; for tests and tools)."""
        result: dict[str, Any] = json.loads(self.to_json())
        return result

    def pack(self) -> tuple[list[int], list[dict[str, Any]]]:
        """The geometries packed for the map page; see ``pack``."""
        return pack(self.geometries, self.decimals)

    def bounds(self) -> tuple[float, float, float, float] | None:
        """(min_lon, min_lat, max_lon, max_lat) of all features, None when there are none."""
        if not len(self.geometries):
            return None
        b = shapely.total_bounds(self.geometries)
        return float(b[0]), float(b[1]), float(b[2]), float(b[3])


# Drawn first to last: areas, then lines, then points (a point under an area is lost).
_PACK_ORDER = {
    shapely.GeometryType.MULTIPOLYGON: 0,
    shapely.GeometryType.POLYGON: 1,
    shapely.GeometryType.MULTILINESTRING: 2,
    shapely.GeometryType.LINESTRING: 3,
    shapely.GeometryType.MULTIPOINT: 4,
    shapely.GeometryType.POINT: 5,
}
_TYPE_NAMES = {
    shapely.GeometryType.POINT: "Point",
    shapely.GeometryType.LINESTRING: "LineString",
    shapely.GeometryType.POLYGON: "Polygon",
    shapely.GeometryType.MULTIPOINT: "MultiPoint",
    shapely.GeometryType.MULTILINESTRING: "MultiLineString",
    shapely.GeometryType.MULTIPOLYGON: "MultiPolygon",
}


def _drawable(geometry: BaseGeometry) -> BaseGeometry:
    """A ring as a line; a collection as its parts of the highest dimension."""
    if geometry.geom_type == "LinearRing":
        return shapely.LineString(geometry.coords)
    if geometry.geom_type != "GeometryCollection":
        return geometry
    parts = [p for p in shapely.get_parts(geometry) if not p.is_empty]
    for wanted, multi in (
        (("Polygon", "MultiPolygon"), shapely.MultiPolygon),
        (("LineString", "MultiLineString"), shapely.MultiLineString),
        (("Point", "MultiPoint"), shapely.MultiPoint),
    ):
        chosen = [q for p in parts if p.geom_type in wanted for q in shapely.get_parts(p)]
        if chosen:
            return multi(chosen)
    return shapely.Point()


def pack(
    geometries: np.ndarray, decimals: int = DECIMALS
) -> tuple[list[int], list[dict[str, Any]]]:
    """Geometries as the map page reads them: ``(order, groups)``.

    ``order`` lists the input positions in the order the groups hold them (areas,
    then lines, then points). Each group is one geometry type::

        {"type": "Polygon", "count": n, "sizes": [[coordinates per ring ...],
                                                  [rings per polygon ...]],
         "coords": [dx, dy, dx, dy, ...]}

    ``coords`` are integers of 10**-decimals degrees, each pair the difference from
    the pair before it (the first from 0, 0). ``sizes`` has one array per nesting level,
    innermost first, as shapely.to_ragged_array's offsets: none for Point, coordinates
    per line for LineString and MultiPoint, then rings per polygon (lines per
    MultiLineString), then polygons per MultiPolygon. Every array is the base64 text of
    little-endian int32 values (``encode_ints``).
    """
    geometries = np.asarray(geometries, dtype=object)
    if not len(geometries):
        return [], []
    types = shapely.get_type_id(geometries)
    odd = ~np.isin(types, list(_PACK_ORDER))
    if odd.any():
        geometries = geometries.copy()
        geometries[odd] = [_drawable(g) for g in geometries[odd]]
        keep = ~shapely.is_empty(geometries)
        types = np.where(keep, shapely.get_type_id(geometries), -1)
    rank = np.array([_PACK_ORDER.get(t, 9) for t in range(-1, 8)])[types + 1]
    order = np.argsort(rank, kind="stable")
    order = order[rank[order] < 9]
    scale = 10**decimals
    groups = []
    for type_id in dict.fromkeys(types[order].tolist()):
        positions = order[types[order] == type_id]
        _kind, coords, offsets = shapely.to_ragged_array(geometries[positions])
        ints = np.rint(coords[:, :2] * scale).astype(np.int64)
        deltas = np.empty_like(ints)
        deltas[:1] = ints[:1]
        deltas[1:] = ints[1:] - ints[:-1]
        groups.append(
            {
                "type": _TYPE_NAMES[shapely.GeometryType(type_id)],
                "count": len(positions),
                "sizes": [encode_ints(np.diff(o)) for o in offsets],
                "coords": encode_ints(deltas.ravel()),
            }
        )
    return order.tolist(), groups


def encode_ints(values: np.ndarray) -> str:
    """Integers as base64 of little-endian int32 (what the page reads into an Int32Array)."""
    return base64.b64encode(np.ascontiguousarray(values, dtype="<i4").tobytes()).decode("ascii")


def decode_ints(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype="<i4").astype(np.int64)


def unpack(groups: list[dict[str, Any]], decimals: int = DECIMALS) -> list[BaseGeometry]:
    """The geometries of ``pack``'s groups, in group order (the page does the same in
    JavaScript; this is for tests and tools)."""
    from shapely.geometry import shape

    out: list[BaseGeometry] = []
    for group in groups:
        deltas = decode_ints(group["coords"]).reshape(-1, 2)
        points = iter((np.cumsum(deltas, axis=0) / 10**decimals).tolist())
        sizes = [iter(decode_ints(level).tolist()) for level in group["sizes"]]
        for _ in range(group["count"]):
            coordinates = _nested(points, sizes, len(sizes) - 1)
            out.append(shape({"type": group["type"], "coordinates": coordinates}))
    return out


def _nested(points: Iterator[list[float]], sizes: list[Iterator[int]], level: int) -> Any:
    if level < 0:
        return next(points)
    return [_nested(points, sizes, level - 1) for _ in range(next(sizes[level]))]


def feature_collection_json(features: Iterable[str]) -> str:
    """A FeatureCollection's text from its features' texts."""
    return '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"
