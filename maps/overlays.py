"""What the map page shows over its layers: place names, the overview inset's outline,
the event corner and the basemap's line (read by resources/map/overlays.js)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import shapely
from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.orm import Session

    from maps.basemap import Basemap
    from maps.layers import LayerData

LABELLED = {"towns": 0, "villages": 1}
"""Layers whose features are named on the map, by rank: a town's name wins over a
village's where both would overlap."""

OVERVIEW_TOLERANCE = 0.003
"""About 300 m: the county outline in a 150-pixel inset needs no more."""


def place_labels(layers: Sequence[LayerData]) -> list[list[Any]]:
    """[name, lat, lng, rank] for every town and village, largest first within a rank
    (the page places them in this order and skips a name that would overlap)."""
    out: list[tuple[int, float, list[Any]]] = []
    for layer in layers:
        rank = LABELLED.get(layer.key)
        if rank is None or not len(layer.features):
            continue
        geometries = layer.features.geometries
        points = shapely.point_on_surface(geometries)
        areas = shapely.area(geometries)
        xs = shapely.get_x(points).tolist()
        ys = shapely.get_y(points).tolist()
        for props, x, y, area in zip(
            layer.features.properties, xs, ys, areas.tolist(), strict=True
        ):
            name = props.get("name")
            if name:
                out.append((rank, -area, [name, round(y, 5), round(x, 5), rank]))
    out.sort(key=lambda item: (item[0], item[1]))
    return [item[2] for item in out]


def overview_rings(layers: Sequence[LayerData]) -> list[list[list[float]]]:
    """The county's outline, simplified, as [[lat, lng], ...] rings for the overview inset."""
    for layer in layers:
        if layer.key != "county" or not len(layer.features):
            continue
        shape = shapely.simplify(shapely.union_all(layer.features.geometries), OVERVIEW_TOLERANCE)
        rings = []
        for polygon in getattr(shape, "geoms", [shape]):
            exterior = getattr(polygon, "exterior", None)
            if exterior is not None:
                rings.append([[round(y, 4), round(x, 4)] for x, y in exterior.coords])
        return rings
    return []


def event_corner(session: Session, *, at: datetime | None = None) -> dict[str, Any] | None:
    """The event in progress, its response level and the time of the figures, or None."""
    from models.clock import display_time
    from models.events import active_event
    from models.labels import RESPONSE_COLOURS, RESPONSE_LEVELS, label

    event = active_event(session=session)
    if event is None:
        return None
    level = event.response_level
    return {
        "name": event.name,
        "level": label(RESPONSE_LEVELS, level) if level else "",
        "colour": RESPONSE_COLOURS.get(level or "", "#4a5a6a"),
        "time": display_time(at or datetime.now(UTC)),
    }


def basemap_line(basemap: Basemap) -> str:
    """The basemap in use, said on the map with its source and attribution (an exported
    page names the console's MBTiles file it does not draw)."""
    from models.messages import fill

    if basemap.kind == "mbtiles" and basemap.console_only:
        text = fill(
            QCoreApplication.translate("MapPage", "Basemap: MBTiles file %1, in the console only"),
            basemap.name,
        )
    elif basemap.kind == "xyz" and basemap.console_only:
        text = fill(
            QCoreApplication.translate(
                "MapPage", "Basemap: intranet tile server %1, in the console only"
            ),
            basemap.name,
        )
    elif basemap.kind == "mbtiles":
        text = fill(QCoreApplication.translate("MapPage", "Basemap: MBTiles file %1"), basemap.name)
    elif basemap.kind == "xyz":
        text = fill(
            QCoreApplication.translate("MapPage", "Basemap: intranet tile server %1"), basemap.name
        )
    else:
        return QCoreApplication.translate("MapPage", "Basemap: none")
    return f"{text} · {basemap.attribution}" if basemap.attribution else text


def overlay_texts() -> dict[str, str]:
    """The overlays' texts, translated here so the catalogue covers them."""
    return {
        "wgs84": QCoreApplication.translate("MapPage", "Lon/lat"),
        "gcj02": QCoreApplication.translate("MapPage", "GCJ-02"),
        "gcj_hint": QCoreApplication.translate(
            "MapPage", "Click to show or hide the GCJ-02 coordinates a phone map uses"
        ),
        "figures_at": QCoreApplication.translate("MapPage", "Figures as of %1"),
        "overview": QCoreApplication.translate("MapPage", "Overview"),
        "tool_distance": QCoreApplication.translate("MapPage", "Measure a distance"),
        "tool_area": QCoreApplication.translate("MapPage", "Measure an area"),
        "tool_polygon": QCoreApplication.translate(
            "MapPage", "Draw an area and list what is inside"
        ),
        "tool_circle": QCoreApplication.translate(
            "MapPage", "Draw a circle around a point and list what is inside"
        ),
        "tool_nearest": QCoreApplication.translate(
            "MapPage", "Nearest shelters with room from a point"
        ),
        "tool_clear": QCoreApplication.translate("MapPage", "Clear the drawing"),
        "hint_distance": QCoreApplication.translate(
            "MapPage", "Click points along the way; double-click or Enter to finish"
        ),
        "hint_area": QCoreApplication.translate(
            "MapPage", "Click the corners; double-click or Enter to finish"
        ),
        "hint_polygon": QCoreApplication.translate(
            "MapPage", "Click the corners; double-click or Enter to finish"
        ),
        "hint_circle": QCoreApplication.translate(
            "MapPage", "Click the centre, then a point on the circle"
        ),
        "hint_nearest": QCoreApplication.translate("MapPage", "Click a point on the map"),
        "distance": QCoreApplication.translate("MapPage", "Distance"),
        "area": QCoreApplication.translate("MapPage", "Area", "measured surface"),
        "perimeter": QCoreApplication.translate("MapPage", "perimeter"),
        "radius": QCoreApplication.translate("MapPage", "Radius"),
    }
