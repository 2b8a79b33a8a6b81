"""Supply warehouses on the map: each at its location, by level (county, town, village,
agreement storage; a forward point marked apart, a closed one greyed), named with its key
stock available (lifesaving first); listed in a drawn area and named by Nearest.
Phones are left out: the supplies page shows them by role."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication
from shapely.geometry import Point
from sqlalchemy.orm import Session

from maps.geometry import Features
from maps.layers.base import CONTEXT, LayerData, LegendEntry
from maps.layers.registry import AreaKind, MapLayer, add_area_kind, add_layer
from models.messages import QT_TRANSLATE_NOOP
from models.supplies.catalogue import WAREHOUSE_LEVEL_LABELS
from models.supplies.nearby import key_stock_text, warehouse_places

GROUP = QT_TRANSLATE_NOOP("MapLayers", "Supplies")
TITLE = QT_TRANSLATE_NOOP("MapLayers", "Supply warehouses (key stock)")
KIND_TITLE = QT_TRANSLATE_NOOP("MapLayers", "Supply warehouses")
LEVEL_COLOURS = {
    "county": "#7a1fa2",
    "town": "#b8860b",
    "village": "#8d6e63",
    "agreement": "#00838f",
}
FORWARD_COLOUR = "#e65100"
CLOSED_COLOUR = "#9e9e9e"
FIELDS = {
    "key_stock": QT_TRANSLATE_NOOP("MapFields", "Key stock available"),
    "state": QT_TRANSLATE_NOOP("MapFields", "State"),
}


def _marker(colour: str, radius: int = 6) -> dict[str, Any]:
    return {
        "shape": "hexagon",
        "radius": radius,
        "color": "#ffffff",
        "weight": 1.2,
        "opacity": 1,
        "fill": True,
        "fillColor": colour,
        "fillOpacity": 0.95,
    }


def _symbol(place: Any) -> str:
    if not place.open:
        return "closed"
    return "forward" if place.forward_point else place.level


def warehouse_layers(*, session: Session) -> list[LayerData]:
    places = warehouse_places(session=session)
    level = {
        k: QCoreApplication.translate("Supplies", v) for k, v in WAREHOUSE_LEVEL_LABELS.items()
    }
    closed = QCoreApplication.translate("MapLayers", "Closed: takes no goods")
    forward = QCoreApplication.translate("MapLayers", "Forward point")
    features = Features(
        [Point(p.lon, p.lat) for p in places],
        [
            {
                "id": p.id,
                "layer": "supply_warehouses",
                "name": p.name,
                "code": p.code,
                "level_label": forward if p.forward_point else level.get(p.level, p.level),
                "symbol": _symbol(p),
                "town": p.town,
                "village": p.village,
                "manager": p.manager,
                "key_stock": key_stock_text(p),
                "state": "" if p.open else closed,
            }
            for p in places
        ],
    )
    variants = {key: {"marker": _marker(colour)} for key, colour in LEVEL_COLOURS.items()}
    variants["forward"] = {"marker": _marker(FORWARD_COLOUR, 7)}
    variants["closed"] = {"marker": _marker(CLOSED_COLOUR)}
    legend = [
        LegendEntry(WAREHOUSE_LEVEL_LABELS[key], _legend(colour), "Supplies")
        for key, colour in LEVEL_COLOURS.items()
    ]
    legend.append(
        LegendEntry(QT_TRANSLATE_NOOP("MapLayers", "Forward point"), _legend(FORWARD_COLOUR))
    )
    legend.append(
        LegendEntry(
            QT_TRANSLATE_NOOP("MapLayers", "Closed: takes no goods"), _legend(CLOSED_COLOUR)
        )
    )
    return [
        LayerData(
            key="supply_warehouses",
            title=TITLE,
            group=GROUP,
            features=features,
            style={
                "marker": _marker(LEVEL_COLOURS["county"]),
                "by": "symbol",
                "variants": variants,
            },
            legend=legend,
            context=CONTEXT,
            fields=dict(FIELDS),
        )
    ]


def _legend(colour: str) -> dict[str, Any]:
    return {"shape": "hexagon", "options": _marker(colour)}


def warehouse_kind(*, session: Session) -> tuple[Any, Any, list[tuple[str, str, str, str, str]]]:
    """The warehouses for a drawn area's list and Nearest: (ids, points, info), the detail
    their key stock."""
    places = warehouse_places(session=session)
    return (
        np.array([p.id for p in places], dtype=np.int64),
        np.array([Point(p.lon, p.lat) for p in places], dtype=object),
        [(p.code, p.name, p.town, p.village, key_stock_text(p)) for p in places],
    )


add_layer(MapLayer("supply_warehouses", TITLE, warehouse_layers, order=65, group=GROUP))
add_area_kind(AreaKind("supply_warehouses", KIND_TITLE, warehouse_kind, nearest=True, order=60))
