"""The latest typhoon as a map layer: its track and wind circles, drawn over the register."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from maps.layers.base import LayerData, LegendEntry
from maps.layers.registry import MapLayer, add_layer
from models.messages import QT_TRANSLATE_NOOP, fill

GROUP_TYPHOON = QT_TRANSLATE_NOOP("MapLayers", "Typhoon")
_TYPHOON_STYLE: dict[str, Any] = {
    "by": "mark",  # the kind; a track point by whether its radii are given (maps.typhoon)
    "legend_rows": True,
    "path": {"color": "#5a3e8a", "weight": 2, "fill": False},
    "marker": {
        "shape": "circle",
        "radius": 4,
        "color": "#5a3e8a",
        "fillColor": "#ffffff",
        "fillOpacity": 1,
        "weight": 2,
    },
    "variants": {
        "track_point_interpolated": {"marker": {"fillColor": "#d2c4ea", "dashArray": "2 2"}},
        "track_point_no_radii": {"marker": {"color": "#9a9a9a", "fillColor": "#ececec"}},
        "track_past": {"path": {"color": "#5a3e8a", "weight": 3}},
        "track_forecast": {"path": {"color": "#c0392b", "weight": 2, "dashArray": "6 4"}},
        "circle7": {
            "path": {
                "color": "#e6a700",
                "weight": 2,
                "fill": True,
                "fillColor": "#f5c400",
                "fillOpacity": 0.10,
            },
            "interactive": False,
        },
        "circle10": {
            "path": {
                "color": "#e06000",
                "weight": 2,
                "fill": True,
                "fillColor": "#f07800",
                "fillOpacity": 0.14,
            },
            "interactive": False,
        },
        "circle12": {
            "path": {
                "color": "#c00000",
                "weight": 2,
                "fill": True,
                "fillColor": "#d01010",
                "fillOpacity": 0.18,
            },
            "interactive": False,
        },
    },
}
_TYPHOON_LEGEND = (
    LegendEntry(
        QT_TRANSLATE_NOOP("MapLayers", "Past track"),
        {"shape": "line", "options": _TYPHOON_STYLE["variants"]["track_past"]["path"]},
    ),
    LegendEntry(
        QT_TRANSLATE_NOOP("MapLayers", "Forecast track"),
        {"shape": "line", "options": _TYPHOON_STYLE["variants"]["track_forecast"]["path"]},
    ),
    LegendEntry(
        QT_TRANSLATE_NOOP("MapLayers", "Force-7 wind circle"),
        {"shape": "area", "options": _TYPHOON_STYLE["variants"]["circle7"]["path"]},
    ),
    LegendEntry(
        QT_TRANSLATE_NOOP("MapLayers", "Force-10 wind circle"),
        {"shape": "area", "options": _TYPHOON_STYLE["variants"]["circle10"]["path"]},
    ),
    LegendEntry(
        QT_TRANSLATE_NOOP("MapLayers", "Force-12 wind circle"),
        {"shape": "area", "options": _TYPHOON_STYLE["variants"]["circle12"]["path"]},
    ),
)

# Shown only when the track has such points.
_POINT_LEGEND = {
    "interpolated": LegendEntry(
        QT_TRANSLATE_NOOP("MapLayers", "Track point, wind radii interpolated"),
        {
            "shape": "circle",
            "options": _TYPHOON_STYLE["marker"]
            | _TYPHOON_STYLE["variants"]["track_point_interpolated"]["marker"],
            "radius": 4,
        },
    ),
    "none": LegendEntry(
        QT_TRANSLATE_NOOP("MapLayers", "Track point, no wind radii known"),
        {
            "shape": "circle",
            "options": _TYPHOON_STYLE["marker"]
            | _TYPHOON_STYLE["variants"]["track_point_no_radii"]["marker"],
            "radius": 4,
        },
    ),
}


def typhoon_layers(*, session: Session) -> list[LayerData]:
    """The latest typhoon's track and its wind circles at its latest observed point."""
    from maps.typhoon import track_geojson
    from models.typhoons import fill_radii, latest_typhoon_id, load_track

    typhoon_id = latest_typhoon_id(session=session)
    track = load_track(session=session, typhoon_id=typhoon_id) if typhoon_id is not None else None
    if track is None:
        return []
    observed = [point.at for point in track.points if not point.is_forecast]
    at = max(observed) if observed else None
    title = fill(QCoreApplication.translate("MapLayers", "Typhoon %1 %2"), track.code, track.name)
    filled = fill_radii(track.points)
    marks = {
        "interpolated": any(p.radii_interpolated for p in filled),
        "none": any(not p.has_radii for p in filled),
    }
    layer = LayerData.from_geojson(
        "typhoon",
        title,
        track_geojson(track, at),
        _TYPHOON_STYLE,
        group=GROUP_TYPHOON,
        legend=(*_TYPHOON_LEGEND, *(_POINT_LEGEND[k] for k, shown in marks.items() if shown)),
    )
    return [layer]


# Drawn over the register (maps.layers.registry).
add_layer(MapLayer("typhoon", GROUP_TYPHOON, typhoon_layers, order=90))
