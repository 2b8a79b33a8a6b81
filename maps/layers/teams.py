"""Rescue teams on the map: each team at its base, coloured by its status (standby,
pre-positioned, on the move or on scene, resting), named with its class, specialties,
members on duty and leader. Phones are left out: the teams page shows them by role."""

from __future__ import annotations

from typing import Any

from shapely.geometry import Point
from sqlalchemy.orm import Session

from maps.geometry import Features
from maps.layers.base import LegendEntry
from maps.layers.registry import MapLayer, add_layer
from models.labels import label
from models.messages import QT_TRANSLATE_NOOP
from models.teams import SPECIALTIES, TEAM_CLASSES, TEAM_STATUSES, team_positions

GROUP = QT_TRANSLATE_NOOP("MapLayers", "Rescue forces")
STATUS_COLOURS = {
    "standby": "#2b6cb0",
    "prepositioned": "#f07800",
    "assembling": "#c05621",
    "dispatched": "#d01010",
    "on_scene": "#9b1c1c",
    "returning": "#6b46c1",
    "resting": "#718096",
}


def _marker(colour: str) -> dict[str, Any]:
    return {
        "shape": "square",
        "radius": 6,
        "color": "#ffffff",
        "weight": 1.2,
        "opacity": 1,
        "fill": True,
        "fillColor": colour,
        "fillOpacity": 0.95,
    }


def team_features(*, session: Session) -> Features:
    teams = team_positions(session=session)
    return Features(
        [Point(t.lon, t.lat) for t in teams],
        [
            {
                "name": t.name,
                "class": label(TEAM_CLASSES, t.team_class),
                "status": t.status,
                "status_text": label(TEAM_STATUSES, t.status),
                "specialties": "、".join(label(SPECIALTIES, code) for code in t.specialties),
                "members": t.members,
                "leader": t.leader or "",
            }
            for t in teams
        ],
    )


add_layer(
    MapLayer(
        "teams",
        QT_TRANSLATE_NOOP("MapLayers", "Rescue teams (by status)"),
        team_features,
        order=60,
        group=GROUP,
        style={
            "marker": _marker(STATUS_COLOURS["standby"]),
            "by": "status",
            "variants": {
                status: {"marker": _marker(colour)} for status, colour in STATUS_COLOURS.items()
            },
        },
        legend=tuple(
            LegendEntry(
                TEAM_STATUSES[status], {"shape": "square", "options": _marker(colour)}, "Label"
            )
            for status, colour in STATUS_COLOURS.items()
        ),
    )
)
