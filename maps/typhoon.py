"""Typhoon wind circles, tracks as GeoJSON, and what the circles reach.

No session and no Qt widgets: tracks come in as ``models.typhoons.TyphoonTrack``
plain rows, register features as plain ``ReachFeature`` items, so the map page,
the reach table and the command line share one computation.

A wind circle is drawn the way typhoon bulletins give it: one radius per
quadrant (NE, SE, SW, NW), each quadrant an arc of geodesic points on the WGS84
ellipsoid, arcs of neighbouring quadrants joined along the radius between them.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any, NamedTuple

import numpy as np
import shapely
from pyproj import Geod
from PySide6.QtCore import QCoreApplication
from shapely.geometry import LineString, Point, Polygon, mapping
from shapely.geometry.base import BaseGeometry

from models.messages import fill
from models.typhoons import (
    BEIJING,
    FORCES,
    QUADRANTS,
    Radii,
    TrackPoint,
    TyphoonTrack,
    fill_radii,
    format_time,
    intensity_label,
    mix_radii,
    quadrant_label,
)

GEOD = Geod(ellps="WGS84")
ARC_STEP_DEGREES = 3.0
"""Arc vertices every 3 degrees: straight edges stay within 0.04 % of the radius."""
COORDINATE_DIGITS = 5  # about 1 m: what a screen needs

CIRCLE_KINDS = {7: "circle7", 10: "circle10", 12: "circle12"}


# -- wind circles -----------------------------------------------------------------------


def wind_circle(
    lon: float, lat: float, radii_km: Radii | float | None, *, step: float = ARC_STEP_DEGREES
) -> BaseGeometry | None:
    """The area within the quadrant radii (km) of a centre, as a lon/lat polygon.

    Quadrant NE spans azimuths 0-90 degrees, SE 90-180, SW 180-270, NW 270-360.
    A radius of 0 leaves its quadrant out. None when no radius is positive.
    """
    if radii_km is None:
        return None
    radii = (float(radii_km),) * 4 if isinstance(radii_km, int | float) else tuple(radii_km)
    if len(radii) != 4 or max(radii) <= 0:
        return None
    per_arc = max(2, int(np.ceil(90.0 / step)) + 1)
    azimuths: list[np.ndarray] = []
    distances: list[np.ndarray] = []
    for quadrant, radius in enumerate(radii):
        if radius <= 0:
            azimuths.append(np.array([quadrant * 90.0 + 45.0]))
            distances.append(np.array([0.0]))
            continue
        azimuths.append(np.linspace(quadrant * 90.0, quadrant * 90.0 + 90.0, per_arc))
        distances.append(np.full(per_arc, radius * 1000.0))
    az = np.concatenate(azimuths)
    dist = np.concatenate(distances)
    lons, lats, _ = GEOD.fwd(np.full(az.shape, lon), np.full(az.shape, lat), az, dist)
    # Geodesic azimuths run clockwise; a polygon shell runs counter-clockwise.
    ring = np.column_stack([lons, lats])[::-1]
    keep = np.ones(len(ring), dtype=bool)
    keep[1:] = np.any(ring[1:] != ring[:-1], axis=1)  # joints of equal radii repeat a vertex
    ring = ring[keep]
    polygon = Polygon(ring)
    if not polygon.is_valid:  # two opposite quadrants without wind touch at the centre
        polygon = shapely.make_valid(polygon)
    return polygon


def circles_at(track: TyphoonTrack, at: datetime | None = None) -> dict[int, BaseGeometry | None]:
    """The force-7, force-10 and force-12 circles at ``at`` (default: the current point)."""
    point = _point_at(track, at)
    return {force: _circle_of(point, force) for force in FORCES}


def _circle_of(point: TrackPoint | None, force: int) -> BaseGeometry | None:
    if point is None:
        return None
    return wind_circle(point.lon, point.lat, point.radii(force))


def _point_at(track: TyphoonTrack, at: datetime | None) -> TrackPoint | None:
    if at is None:
        return with_radii(track).current
    return interpolate(track, at)


# -- interpolation ------------------------------------------------------------------------


def with_radii(track: TyphoonTrack) -> TyphoonTrack:
    """The track with radii interpolated at its points that give none (``fill_radii``)."""
    filled = fill_radii(track.points)
    if filled == track.points:
        return track
    return TyphoonTrack(track.id, track.code, track.name, track.name_en, track.source, filled)


def interpolate(track: TyphoonTrack | Sequence[TrackPoint], at: datetime) -> TrackPoint | None:
    """The typhoon at ``at``, linear in time between the neighbouring points.

    Position, pressure, wind and radii are interpolated; radii missing at a point
    are first interpolated between the points that give them (``fill_radii``), and
    a radius set still missing at either neighbour is missing in between. A time
    between an observed and a forecast point is a forecast. None outside the track.
    """
    points = fill_radii(track.points if isinstance(track, TyphoonTrack) else tuple(track))
    if not points or at < points[0].at or at > points[-1].at:
        return None
    index = bisect.bisect_left([p.at for p in points], at)
    if points[index].at == at:
        return points[index]
    before, after = points[index - 1], points[index]
    share = (at - before.at) / (after.at - before.at)

    def mix(a: float | None, b: float | None) -> float | None:
        return None if a is None or b is None else a + (b - a) * share

    pressure = mix(before.pressure_hpa, after.pressure_hpa)
    return TrackPoint(
        at=at,
        lon=before.lon + (after.lon - before.lon) * share,
        lat=before.lat + (after.lat - before.lat) * share,
        pressure_hpa=round(pressure) if pressure is not None else None,
        max_wind_ms=mix(before.max_wind_ms, after.max_wind_ms),
        r7=mix_radii(before.r7, after.r7, share),
        r10=mix_radii(before.r10, after.r10, share),
        r12=mix_radii(before.r12, after.r12, share),
        is_forecast=before.is_forecast or after.is_forecast,
        radii_interpolated=before.radii_interpolated or after.radii_interpolated,
    )


def swath(track: TyphoonTrack, force: int, start: datetime | None = None) -> BaseGeometry | None:
    """The area the force's circle sweeps from ``start`` (default: now) to the end of the track.

    Each step between two points is the convex hull of the circles at both ends:
    every interpolated circle between them lies inside it (to within the small
    bend of geodesics drawn in degrees); a step where one end has no such circle
    counts the other end's circle alone.
    """
    if not track.points:
        return None
    track = with_radii(track)
    if start is None:
        current = track.current
        start = current.at if current is not None else track.points[0].at
    first = interpolate(track, start) if start >= track.points[0].at else track.points[0]
    if first is None:
        return None
    ahead = [first, *(p for p in track.points if p.at > first.at)]
    circles = [_circle_of(p, force) for p in ahead]
    parts: list[BaseGeometry] = []
    for index, circle in enumerate(circles):
        if circle is None:
            continue
        following = circles[index + 1] if index + 1 < len(circles) else None
        if following is not None:
            parts.append(shapely.convex_hull(shapely.union(circle, following)))
        else:
            parts.append(circle)
    if not parts:
        return None
    return shapely.union_all(parts)


# -- GeoJSON for the map page -----------------------------------------------------------------


def _rounded(geometry: BaseGeometry, digits: int) -> dict[str, Any]:
    return mapping(shapely.transform(geometry, lambda xy: np.round(xy, digits)))


def _radii_text(radii: Radii) -> str:
    if len(set(radii)) == 1:
        return fill(QCoreApplication.translate("Typhoon", "%1 km"), f"{radii[0]:.0f}")
    return (
        "  ".join(f"{quadrant_label(q)} {r:.0f}" for q, r in zip(QUADRANTS, radii, strict=True))
        + " "
        + QCoreApplication.translate("Typhoon", "km")
    )


def point_label(track: TyphoonTrack, point: TrackPoint, tz: tzinfo = BEIJING) -> str:
    """The text of a track point's popup: time, position, pressure, wind and radii."""
    lines = [track.title]
    when = format_time(point.at, tz)
    if point.is_forecast:
        lines.append(fill(QCoreApplication.translate("Typhoon", "%1 (forecast)"), when))
    else:
        lines.append(fill(QCoreApplication.translate("Typhoon", "%1 (observed)"), when))
    lines.append(
        fill(
            QCoreApplication.translate("Typhoon", "Centre: %1°E, %2°N"),
            f"{point.lon:.2f}",
            f"{point.lat:.2f}",
        )
    )
    if point.pressure_hpa is not None:
        lines.append(
            fill(
                QCoreApplication.translate("Typhoon", "Central pressure: %1 hPa"),
                str(point.pressure_hpa),
            )
        )
    if point.max_wind_ms is not None:
        lines.append(
            fill(
                QCoreApplication.translate("Typhoon", "Maximum wind: %1 m/s (%2)"),
                f"{point.max_wind_ms:.0f}",
                intensity_label(point.max_wind_ms),
            )
        )
    for force, radii in ((7, point.r7), (10, point.r10), (12, point.r12)):
        if radii is not None:
            lines.append(_force_label(force) + ": " + _radii_text(radii))
    lines.append(radii_note(point))
    return "\n".join(line for line in lines if line)


def radii_note(point: TrackPoint | None) -> str:
    """Whether the point's wind radii are the track's own, interpolated, or unknown ("" for
    radii the track gives)."""
    if point is None or not point.has_radii:
        return QCoreApplication.translate("Typhoon", "No wind radii known at this time.")
    if point.radii_interpolated:
        return QCoreApplication.translate(
            "Typhoon", "Wind radii interpolated between the points that give them."
        )
    return ""


def _force_label(force: int) -> str:
    return {
        7: QCoreApplication.translate("Typhoon", "Force-7 wind radius"),
        10: QCoreApplication.translate("Typhoon", "Force-10 wind radius"),
        12: QCoreApplication.translate("Typhoon", "Force-12 wind radius"),
    }[force]


def _circle_title(force: int) -> str:
    return {
        7: QCoreApplication.translate("Typhoon", "Force-7 wind circle"),
        10: QCoreApplication.translate("Typhoon", "Force-10 wind circle"),
        12: QCoreApplication.translate("Typhoon", "Force-12 wind circle"),
    }[force]


def track_geojson(
    track: TyphoonTrack,
    at: datetime | None = None,
    *,
    tz: tzinfo = BEIJING,
    digits: int = COORDINATE_DIGITS,
) -> dict[str, Any]:
    """The track and the wind circles at ``at`` (default: now) as one FeatureCollection.

    Every feature has ``kind`` (track_past, track_forecast, track_point, circle7,
    circle10, circle12), ``mark`` (the kind, or for a track point whose radii are
    interpolated or unknown track_point_interpolated or track_point_no_radii), ``title``, ``time`` (text in ``tz``; "" for lines),
    ``name`` (title and time, for a side panel) and ``label`` (popup text, lines
    separated by newlines), all translated; circles also carry ``force``. Track
    points also carry ``forecast``, ``pressure_hpa``, ``max_wind_ms`` and
    ``current`` (true for the typhoon's position at ``at``, which is added as
    its own point when it falls between track points) and ``radii`` (given,
    interpolated or none); circles also ``interpolated``.
    """
    track = with_radii(track)
    features: list[dict[str, Any]] = []

    def add(
        kind: str, geometry: BaseGeometry, title: str, time: str, label: str, **extra: Any
    ) -> None:
        features.append(
            {
                "type": "Feature",
                "geometry": _rounded(geometry, digits),
                "properties": {
                    "kind": kind,
                    "mark": _mark(kind, extra.get("radii")),
                    "typhoon": track.code,
                    "title": title,
                    "time": time,
                    "name": f"{title} {time}" if time else title,
                    "label": label,
                    **extra,
                },
            }
        )

    observed = list(track.observed)
    forecast = list(track.forecast)
    if len(observed) >= 2:
        add(
            "track_past",
            LineString([(p.lon, p.lat) for p in observed]),
            track.title,
            "",
            track.title + "\n" + QCoreApplication.translate("Typhoon", "Past track (observed)"),
        )
    ahead = ([observed[-1]] if observed else []) + forecast
    if len(ahead) >= 2:
        add(
            "track_forecast",
            LineString([(p.lon, p.lat) for p in ahead]),
            track.title,
            "",
            track.title + "\n" + QCoreApplication.translate("Typhoon", "Forecast track"),
        )

    now = _point_at(track, at)
    for point in track.points:
        add(
            "track_point",
            Point(point.lon, point.lat),
            track.title,
            format_time(point.at, tz),
            point_label(track, point, tz),
            forecast=point.is_forecast,
            pressure_hpa=point.pressure_hpa,
            max_wind_ms=point.max_wind_ms,
            current=now is not None and point.at == now.at,
            radii=_radii_state(point),
        )
    if now is not None and all(p.at != now.at for p in track.points):
        add(
            "track_point",
            Point(now.lon, now.lat),
            track.title,
            format_time(now.at, tz),
            point_label(track, now, tz),
            forecast=now.is_forecast,
            pressure_hpa=now.pressure_hpa,
            max_wind_ms=now.max_wind_ms,
            current=True,
            radii=_radii_state(now),
        )

    if now is not None:
        when = format_time(now.at, tz)
        for force in FORCES:
            radii = now.radii(force)
            circle = _circle_of(now, force)
            if circle is None or radii is None:
                continue
            title = _circle_title(force)
            lines = [track.title, title, when, _force_label(force) + ": " + _radii_text(radii)]
            if now.radii_interpolated:
                lines.append(radii_note(now))
            add(
                CIRCLE_KINDS[force],
                circle,
                title,
                when,
                "\n".join(lines),
                force=force,
                interpolated=now.radii_interpolated,
            )
    return {"type": "FeatureCollection", "features": features}


def _mark(kind: str, radii: str | None) -> str:
    """What the page's style draws: the kind, a track point's by its radii."""
    if kind == "track_point" and radii == "interpolated":
        return "track_point_interpolated"
    if kind == "track_point" and radii == "none":
        return "track_point_no_radii"
    return kind


def _radii_state(point: TrackPoint) -> str:
    """ "given", "interpolated" or "none": how the page marks a track point."""
    if not point.has_radii:
        return "none"
    return "interpolated" if point.radii_interpolated else "given"


# -- what the circles reach ---------------------------------------------------------------------


class ReachFeature(NamedTuple):
    """A register feature as plain data: layer is e.g. "town", "village", "grid"."""

    id: int
    name: str
    code: str | None
    layer: str
    geometry: BaseGeometry | None


@dataclass(frozen=True)
class ReachResult:
    """For each circle and layer, the ids of the features the circle reaches (sorted)."""

    layers: tuple[str, ...]
    totals: Mapping[str, int]  # features with a geometry per layer
    hits: Mapping[str, Mapping[str, np.ndarray]] = field(repr=False)

    @property
    def circles(self) -> tuple[str, ...]:
        return tuple(self.hits)

    def ids(self, circle: str, layer: str) -> frozenset[int]:
        found = self.hits.get(circle, {}).get(layer)
        return frozenset() if found is None else frozenset(found.tolist())

    def count(self, circle: str, layer: str) -> int:
        found = self.hits.get(circle, {}).get(layer)
        return 0 if found is None else len(found)

    def reached(self, layer: str) -> frozenset[int]:
        """Ids of the layer reached by any circle."""
        arrays = [by_layer[layer] for by_layer in self.hits.values() if layer in by_layer]
        if not arrays:
            return frozenset()
        return frozenset(np.unique(np.concatenate(arrays)).tolist())


class FeatureIndex:
    """One STRtree per layer, built once and queried with any number of shapes.

    Features without a geometry are left out (they can be reached by nothing).
    """

    def __init__(self, features: Iterable[ReachFeature]) -> None:
        grouped: dict[str, tuple[list[int], list[BaseGeometry]]] = {}
        for feature in features:
            ids, geometries = grouped.setdefault(feature.layer, ([], []))
            if feature.geometry is not None and not feature.geometry.is_empty:
                ids.append(feature.id)
                geometries.append(feature.geometry)
        self._build(
            {
                layer: (np.asarray(ids, dtype=np.int64), np.asarray(g, dtype=object))
                for layer, (ids, g) in grouped.items()
            }
        )

    @classmethod
    def from_arrays(cls, layers: Mapping[str, tuple[np.ndarray, np.ndarray]]) -> FeatureIndex:
        """From layer -> (ids, geometries) arrays (no None geometries), as loaded in bulk."""
        index = cls.__new__(cls)
        index._build(
            {
                layer: (np.asarray(ids, dtype=np.int64), np.asarray(g, dtype=object))
                for layer, (ids, g) in layers.items()
            }
        )
        return index

    def _build(self, layers: Mapping[str, tuple[np.ndarray, np.ndarray]]) -> None:
        self.layers = tuple(layers)
        self._ids = {layer: ids for layer, (ids, _) in layers.items()}
        self._geometries = {layer: g for layer, (_, g) in layers.items()}
        self._trees = {layer: shapely.STRtree(g) for layer, g in self._geometries.items()}
        # A corner of each feature's bounding box: see _positions.
        self._corners = {
            layer: shapely.bounds(g)[:, :2].copy() for layer, g in self._geometries.items()
        }

    def totals(self) -> dict[str, int]:
        return {layer: len(ids) for layer, ids in self._ids.items()}

    def query(self, shape: BaseGeometry | None) -> dict[str, np.ndarray]:
        """Ids per layer of the features that intersect ``shape`` (sorted)."""
        return dict(self.reach({"shape": shape}).hits["shape"])

    def _positions(
        self, layer: str, shape: BaseGeometry, edges: np.ndarray, known: np.ndarray | None
    ) -> np.ndarray:
        """Positions in the layer of the features intersecting ``shape`` (prepared).

        ``known`` marks features already known to intersect it; ``edges`` are short
        pieces of the shape's boundary. The tree picks candidates by bounding box.
        A candidate whose box meets no edge's box lies wholly inside or wholly outside
        the shape, so one corner of its box decides; only candidates near the
        boundary get the full test (the costly one for features just outside).
        """
        tree = self._trees[layer]
        candidates = tree.query(shape)
        if known is not None:
            candidates = candidates[~known[candidates]]
        near = np.zeros(len(self._ids[layer]), dtype=bool)
        near[tree.query(edges)[1]] = True
        close = candidates[near[candidates]]
        far = candidates[~near[candidates]]
        corners = self._corners[layer][far]
        parts = [
            far[shapely.intersects_xy(shape, corners[:, 0], corners[:, 1])],
            close[shapely.intersects(shape, self._geometries[layer][close])],
        ]
        if known is not None:
            parts.append(np.flatnonzero(known))
        return np.concatenate(parts)

    def reach(self, circles: Mapping[str, BaseGeometry | None]) -> ReachResult:
        """Every shape against every layer.

        Shapes are taken smallest first; what a smaller shape reaches is reached by
        any shape that covers it (a force-10 circle inside the force-7 circle, the
        circle now inside the area swept from now on) and is not tested again.
        """
        shapes = {
            name: shape
            for name, shape in circles.items()
            if shape is not None and not shape.is_empty
        }
        order = sorted(shapes, key=lambda name: shapes[name].area)
        edges: dict[str, np.ndarray] = {}
        for name, shape in shapes.items():
            shapely.prepare(shape)  # used as the first argument of every test below
            edges[name] = _edges(shape)
        found: dict[str, dict[str, np.ndarray]] = {}  # shape -> layer -> positions
        for index, name in enumerate(order):
            shape = shapes[name]
            inner = [earlier for earlier in order[:index] if shape.covers(shapes[earlier])]
            found[name] = {}
            for layer in self.layers:
                known: np.ndarray | None = None
                if inner:
                    known = np.zeros(len(self._ids[layer]), dtype=bool)
                    for earlier in inner:
                        known[found[earlier][layer]] = True
                found[name][layer] = self._positions(layer, shape, edges[name], known)
        empty = np.empty(0, dtype=np.int64)
        hits = {
            name: {
                layer: np.sort(self._ids[layer][found[name][layer]]) if name in found else empty
                for layer in self.layers
            }
            for name in circles
        }
        return ReachResult(layers=self.layers, totals=self.totals(), hits=hits)


EDGE_DEGREES = 0.02  # boundary pieces of about 2 km: candidates near an edge stay few


def _edges(shape: BaseGeometry) -> np.ndarray:
    """The boundary of a shape as short line pieces (their boxes hug the boundary)."""
    rings = shapely.get_parts(shapely.segmentize(shapely.boundary(shape), EDGE_DEGREES))
    coords, owner = shapely.get_coordinates(rings, return_index=True)
    if len(coords) < 2:
        return np.empty(0, dtype=object)
    starts = np.flatnonzero(owner[1:] == owner[:-1])  # no piece joins two rings
    pairs = np.stack([coords[starts], coords[starts + 1]], axis=1)
    return shapely.linestrings(pairs)


def reach(
    features: Iterable[ReachFeature], circles: Mapping[str, BaseGeometry | None]
) -> ReachResult:
    """Which features each circle reaches: one STRtree per layer, built once for all circles.

    ``circles`` maps a name (e.g. "force7_now") to a shape or None (no such wind).
    """
    return FeatureIndex(features).reach(circles)


def reach_circles(
    track: TyphoonTrack, at: datetime | None = None, *, along_forecast: bool = True
) -> dict[str, BaseGeometry | None]:
    """The shapes a reach table asks about: force-7 and force-10 circles at ``at``
    (default: now) and, with ``along_forecast``, the areas they sweep from then on."""
    now = circles_at(track, at)
    shapes: dict[str, BaseGeometry | None] = {"force7_now": now[7], "force10_now": now[10]}
    if along_forecast:
        start = at if at is not None else (track.current.at if track.current else None)
        shapes["force7_forecast"] = swath(track, 7, start)
        shapes["force10_forecast"] = swath(track, 10, start)
    return shapes
