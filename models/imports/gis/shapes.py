"""Geometry types each kind accepts, and the repair of invalid polygons when it changes little."""

from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from models.imports.gis.columns import _POLYGONAL, NESTING_MAX_RINGS, REPAIR_AREA_TOLERANCE
from models.messages import fill


def _by_nesting(rings: list[np.ndarray]) -> BaseGeometry | None:
    """Polygons from rings by how they nest (outer, hole, island in the hole...), whatever
    their orientation: the faithful reading of a Shapefile written with rings the wrong way
    round. None unless every ring is simple and no two rings cross."""
    if not rings or len(rings) > NESTING_MAX_RINGS:
        return None
    polygons = [Polygon(ring) for ring in rings if len(ring) >= 4]
    if len(polygons) != len(rings) or not all(p.is_valid and p.area > 0 for p in polygons):
        return None
    order = sorted(range(len(polygons)), key=lambda i: -polygons[i].area)
    parent: dict[int, int | None] = {}
    depth: dict[int, int] = {}
    for position, i in enumerate(order):
        parent[i] = None
        depth[i] = 0
        for j in reversed(order[:position]):  # smallest enclosing ring first
            if polygons[j].contains(polygons[i]):
                parent[i] = j
                depth[i] = depth[j] + 1
                break
            if polygons[j].overlaps(polygons[i]):
                return None
    shells: dict[int, list[int]] = {i: [] for i in order if depth[i] % 2 == 0}
    for i in order:
        if depth[i] % 2 == 1:
            owner = parent[i]
            assert owner is not None
            shells[owner].append(i)
    parts = [
        Polygon(polygons[s].exterior.coords, [polygons[h].exterior.coords for h in holes])
        for s, holes in shells.items()
    ]
    result: BaseGeometry = parts[0] if len(parts) == 1 else MultiPolygon(parts)
    return result if result.is_valid else None


def _kind_label(kind: str) -> str:
    return {
        "boundaries": QCoreApplication.translate("Import", "boundaries"),
        "grids": QCoreApplication.translate("Import", "responsibility grids"),
        "danger-zones": QCoreApplication.translate("Import", "danger zones"),
        "shelters": QCoreApplication.translate("Import", "shelters"),
    }[kind]


def _pair(x: float, y: float) -> str:
    if abs(x) > 360 or abs(y) > 360:
        return f"{x:.1f}, {y:.1f}"
    return f"{x:.6f}, {y:.6f}"


def _first_xy(geometry: BaseGeometry) -> tuple[float, float]:
    coords = shapely.get_coordinates(geometry)
    return (float(coords[0, 0]), float(coords[0, 1])) if len(coords) else (float("nan"),) * 2


def _allowed_types(kind: str) -> tuple[str, ...]:
    return _POLYGONAL if kind in ("boundaries", "grids") else ("Point", *_POLYGONAL)


def _normalise_type(geometry: BaseGeometry) -> BaseGeometry:
    """A one-point MultiPoint as a Point, a collection of one shape as that shape."""
    if geometry.geom_type in ("MultiPoint", "GeometryCollection") and len(geometry.geoms) == 1:
        return geometry.geoms[0]
    return geometry


def _type_reason(kind: str, geometry: BaseGeometry) -> str:
    if kind in ("boundaries", "grids"):
        return fill(
            QCoreApplication.translate(
                "Import", "The geometry is a %1, but %2 must be areas (polygons)."
            ),
            geometry.geom_type,
            _kind_label(kind),
        )
    return fill(
        QCoreApplication.translate(
            "Import", "The geometry is a %1, but %2 must be points or areas (polygons)."
        ),
        geometry.geom_type,
        _kind_label(kind),
    )


def _repair(
    geometry: BaseGeometry, *, shapefile: bool
) -> tuple[BaseGeometry | None, str, float | None]:
    """A valid polygonal geometry, or None and why not; the third value is the share of
    the area the repair changed (None: nothing to repair, or rings read by how they nest).

    Only faithful repairs. Rings are read by how they nest when a Shapefile had them the
    wrong way round (its format tells holes by orientation) or a polygon lists its hole
    before its outline. Otherwise ``shapely.make_valid`` keeping the structure (polygons
    only: the spikes a quantised coast collapses into lines are dropped), when the area
    changes by at most REPAIR_AREA_TOLERANCE: a ring that touches itself at a point, a
    small loop where quantisation made two edges cross. A bow-tie drawn so changes its
    area far more and is refused.
    """
    if geometry.is_valid:
        return geometry, "", None
    reason = shapely.is_valid_reason(geometry)
    if shapefile or geometry.geom_type == "Polygon":
        rings = [
            np.asarray(r.coords)[:, :2]
            for p in getattr(geometry, "geoms", [geometry])
            for r in (p.exterior, *p.interiors)
        ]
        nested = _by_nesting(rings)
        if nested is not None and (shapefile or nested.geom_type == "Polygon"):
            return nested, "", None
    repaired = shapely.make_valid(geometry, method="structure", keep_collapsed=False)
    if repaired.geom_type == "GeometryCollection":
        parts = [g for g in repaired.geoms if g.geom_type in _POLYGONAL]
        repaired = shapely.union_all(parts) if parts else shapely.Polygon()
    before, after = abs(geometry.area), repaired.area
    if before <= 0 or after <= 0 or repaired.geom_type not in _POLYGONAL:
        return (
            None,
            fill(
                QCoreApplication.translate(
                    "Import",
                    "The geometry is invalid (%1): its outline crosses itself so that, as drawn, it encloses no area. It is refused; correct it in the GIS software.",
                ),
                reason,
            ),
            None,
        )
    change = abs(after - before) / before
    if change > REPAIR_AREA_TOLERANCE:
        return (
            None,
            fill(
                QCoreApplication.translate(
                    "Import",
                    "The geometry is invalid (%1); repairing it would change its area by %2%, so it is refused (at most %3% is accepted). Correct it in the GIS software.",
                ),
                reason,
                _percent(change),
                _percent(REPAIR_AREA_TOLERANCE),
            ),
            None,
        )
    return repaired, "", change


def _percent(share: float) -> str:
    """A share as a percentage a user reads: 0.5, 12.3, 0.0004."""
    percent = share * 100
    if percent == 0:
        return "0"
    if percent >= 0.1:
        return f"{percent:.1f}".rstrip("0").rstrip(".")
    return f"{percent:.2g}" if percent >= 1e-4 else f"{percent:.1e}"
