"""Rescue teams on the map: each team at its base, coloured by its status (standby,
pre-positioned, on the move or on scene, resting), named with its class, specialties,
members on duty and leader. Phones are left out: the teams page shows them by role.

Teams are also a kind the map's drawn areas list and Nearest names (``add_area_kind``),
and ``reach_circle`` is a team's reach in minutes as the map draws it."""

from __future__ import annotations

from typing import Any

import numpy as np
from shapely.geometry import Point
from sqlalchemy.orm import Session

from maps.geometry import Features
from maps.layers.base import CONTEXT, LayerData, LegendEntry
from maps.layers.registry import AreaKind, MapLayer, add_area_kind, add_layer
from models.labels import label
from models.messages import QT_TRANSLATE_NOOP
from models.teams import (
    SPECIALTIES,
    TEAM_CLASSES,
    TEAM_STATUSES,
    TeamReach,
    team_positions,
    team_reach,
)

REACH_MINUTES = 15.0

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


TITLE = QT_TRANSLATE_NOOP("MapLayers", "Rescue teams (by status)")
FIELDS = {
    "class": QT_TRANSLATE_NOOP("MapFields", "Class"),
    "status_text": QT_TRANSLATE_NOOP("MapFields", "Status"),
    "specialties": QT_TRANSLATE_NOOP("MapFields", "Specialties"),
    "members": QT_TRANSLATE_NOOP("MapFields", "Members on duty"),
    "leader": QT_TRANSLATE_NOOP("MapFields", "Leader"),
}
STYLE: dict[str, Any] = {
    "marker": _marker(STATUS_COLOURS["standby"]),
    "by": "status",
    "variants": {status: {"marker": _marker(colour)} for status, colour in STATUS_COLOURS.items()},
}
LEGEND = tuple(
    LegendEntry(TEAM_STATUSES[status], {"shape": "square", "options": _marker(colour)}, "Label")
    for status, colour in STATUS_COLOURS.items()
)


def team_features(*, session: Session) -> list[LayerData]:
    """The layer, each feature named by its team's id, with the fields the side panel
    shows for a team."""
    teams = team_positions(session=session)
    features = Features(
        [Point(t.lon, t.lat) for t in teams],
        [
            {
                "id": t.id,
                "layer": "teams",
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
    return [
        LayerData(
            key="teams",
            title=TITLE,
            group=GROUP,
            features=features,
            style=dict(STYLE),
            legend=list(LEGEND),
            context=CONTEXT,
            fields=dict(FIELDS),
        )
    ]


add_layer(MapLayer("teams", TITLE, team_features, order=60, group=GROUP, style=STYLE))


def team_area_kind(*, session: Session) -> tuple[Any, Any, list[tuple[str, str, str, str, str]]]:
    """Every team with a base for drawn areas and Nearest: (code, name, town, village,
    detail) with its class and status as the detail."""
    teams = team_positions(session=session)
    return (
        np.array([t.id for t in teams], dtype=np.int64),
        np.array([Point(t.lon, t.lat) for t in teams], dtype=object),
        [
            (
                "",
                t.name,
                "",
                "",
                f"{label(TEAM_CLASSES, t.team_class)} · {label(TEAM_STATUSES, t.status)}",
            )
            for t in teams
        ],
    )


add_area_kind(
    AreaKind(
        "teams",
        QT_TRANSLATE_NOOP("MapLayers", "Rescue teams"),
        team_area_kind,
        nearest=True,
        order=60,
    )
)


def reach_circle(*, session: Session, team_id: int, minutes: float = REACH_MINUTES) -> TeamReach:
    """A team's reach in ``minutes`` (NotFound without a base); ``circle_geometry`` makes
    it the drawn circle the map page shows."""
    return team_reach(session=session, team_id=team_id, minutes=minutes)


def circle_geometry(reach: TeamReach) -> dict[str, Any]:
    """The reach as the map's tools draw a circle: centre [lng, lat], radius in metres."""
    return {
        "type": "Circle",
        "center": [reach.lon, reach.lat],
        "radius": round(reach.radius_km * 1000.0, 1),
    }
