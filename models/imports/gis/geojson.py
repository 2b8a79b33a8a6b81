"""GeoJSON as web tools write it: UTF-8 or GB18030, a ``crs`` member or none."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication
from shapely.geometry import shape as geojson_shape
from shapely.geometry.base import BaseGeometry

from models.geo.projections import CrsError, crs_from_geojson
from models.imports.gis.columns import GEOJSON_CODE_FALLBACK
from models.imports.gis.features import _cell, _Feature, _match_columns, _Source
from models.imports.spreadsheet import Column, file_problem
from models.messages import fill


def _read_geojson(
    file: str, checksum: str, data: bytes, stem: str, spec: Sequence[Column]
) -> _Source:
    text: str | None = None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise file_problem(
            file,
            QCoreApplication.translate("Import", "The text of the file is neither UTF-8 nor GBK."),
        )
    try:
        document = json.loads(text)
    except RecursionError:
        raise file_problem(
            file,
            QCoreApplication.translate(
                "Import",
                "This is not valid GeoJSON: its brackets are nested too deeply to be coordinates.",
            ),
        ) from None
    except ValueError as error:
        raise file_problem(
            file,
            fill(
                QCoreApplication.translate("Import", "This is not valid GeoJSON (%1)."),
                str(error)[:200],
            ),
        ) from None
    kind = document.get("type") if isinstance(document, dict) else None
    if kind == "FeatureCollection" and isinstance(document.get("features"), list):
        items: list[Any] = document["features"]
    elif kind == "Feature":
        items = [document]
    elif (isinstance(kind, str) and "coordinates" in document) or kind == "GeometryCollection":
        items = [{"type": "Feature", "geometry": document, "properties": {}}]
    else:
        raise file_problem(
            file,
            QCoreApplication.translate(
                "Import",
                "This is JSON but not GeoJSON: it holds no FeatureCollection, Feature or geometry.",
            ),
        )
    scale = _echarts_scale(document)
    name = document.get("name")
    source = _Source(
        file=file,
        checksum=checksum,
        sheet=name.strip() if isinstance(name, str) and name.strip() else stem,
        columns={},
    )
    try:
        source.crs = crs_from_geojson(document.get("crs"))
    except CrsError as error:
        source.crs_error = error
    raw: list[tuple[dict[str, Any], Any, str | None]] = []
    names: dict[str, None] = {}
    for item in items:
        if not isinstance(item, dict):
            raw.append(
                ({}, None, QCoreApplication.translate("Import", "This is not a GeoJSON feature."))
            )
            continue
        properties = item.get("properties")
        properties = properties if isinstance(properties, dict) else {}
        names.update(dict.fromkeys(str(k) for k in properties))
        raw.append((properties, item.get("geometry"), None))
    matched = _match_columns(names, spec)
    keys = {column.key for column in spec}
    if "code" in keys and "code" not in matched and GEOJSON_CODE_FALLBACK in names:
        matched["code"] = GEOJSON_CODE_FALLBACK
    source.columns = matched
    source.unused_columns = [name for name in names if name not in matched.values()]
    for number, (properties, geometry, problem) in enumerate(raw, start=1):
        values = {key: _cell(properties.get(name)) for key, name in matched.items()}
        feature = _Feature(number=number, values=values, geometry=None)
        if problem is not None:
            feature.problem = (None, "", problem)
        elif geometry is not None:
            try:
                if scale is not None:
                    geometry = _echarts_decoded(geometry, scale)
                feature.geometry = _from_geojson(geometry)
            except Exception as error:  # shapely reports bad coordinates in several ways
                kind_name = geometry.get("type", "") if isinstance(geometry, dict) else ""
                feature.problem = (
                    None,
                    str(kind_name),
                    fill(
                        QCoreApplication.translate("Import", "The geometry cannot be read (%1)."),
                        str(error)[:120],
                    ),
                )
        source.features.append(feature)
    return source


def _echarts_scale(document: Any) -> float | None:
    """The quantisation of an ECharts map file (``"UTF8Encoding": true``: every ring a string
    of zigzag-coded differences in 1/1024 degree), None for plain GeoJSON."""
    if not isinstance(document, dict) or document.get("UTF8Encoding") is not True:
        return None
    scale = document.get("UTF8Scale", 1024)
    return float(scale) if isinstance(scale, int | float) and scale > 0 else 1024.0


def _echarts_ring(text: Any, offsets: Any, scale: float) -> list[list[float]]:
    """One ring of an ECharts map file: character pairs, each 64 + the zigzag-coded step
    from the previous position, starting at ``offsets``."""
    if not isinstance(text, str) or not isinstance(offsets, list) or len(offsets) < 2:
        raise ValueError("an encoded ring must be a string with two offsets")
    x, y = int(offsets[0]), int(offsets[1])
    ring: list[list[float]] = []
    for i in range(0, len(text) - 1, 2):
        dx, dy = ord(text[i]) - 64, ord(text[i + 1]) - 64
        x += (dx >> 1) ^ -(dx & 1)
        y += (dy >> 1) ^ -(dy & 1)
        ring.append([x / scale, y / scale])
    return ring


def _echarts_decoded(geometry: Any, scale: float) -> Any:
    """A geometry of an ECharts map file as plain GeoJSON (unchanged when not encoded)."""
    if not isinstance(geometry, dict) or "encodeOffsets" not in geometry:
        return geometry
    kind, rings, offsets = (
        geometry.get("type"),
        geometry.get("coordinates"),
        geometry.get("encodeOffsets"),
    )
    if not isinstance(rings, list) or not isinstance(offsets, list):
        raise ValueError("encoded coordinates without their offsets")
    if kind == "Polygon":
        decoded: Any = [_echarts_ring(r, o, scale) for r, o in zip(rings, offsets, strict=True)]
    elif kind == "MultiPolygon":
        decoded = [
            [_echarts_ring(r, o, scale) for r, o in zip(part, part_offsets, strict=True)]
            for part, part_offsets in zip(rings, offsets, strict=True)
        ]
    else:
        raise ValueError(f"encoded {kind} is not an outline")
    return {"type": kind, "coordinates": decoded}


def _ring(coordinates: Any) -> np.ndarray:
    ring = np.asarray(coordinates, dtype=float)
    if ring.ndim != 2 or ring.shape[1] < 2:
        raise ValueError("a ring must be a list of positions")
    return ring[:, :2]


def _polygon(rings: Any) -> BaseGeometry:
    """One polygon from its rings, each ring made on its own: holes of different lengths
    cannot share one numpy array."""
    if not isinstance(rings, list) or not rings:
        raise ValueError("a polygon must be a list of rings")
    shell = shapely.linearrings(_ring(rings[0]))
    holes = [shapely.linearrings(_ring(h)) for h in rings[1:]]
    return shapely.polygons(shell, holes=holes or None)


def _from_geojson(geometry: Any) -> BaseGeometry:
    """A GeoJSON geometry as shapely; polygons straight from numpy arrays (shapely's own
    ``shape`` walks every position in Python, several times slower on dense outlines)."""
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if kind == "Polygon" and isinstance(coordinates, list) and coordinates:
        return _polygon(coordinates)
    if kind == "MultiPolygon" and isinstance(coordinates, list) and coordinates:
        return shapely.multipolygons([_polygon(p) for p in coordinates])
    return geojson_shape(geometry)
