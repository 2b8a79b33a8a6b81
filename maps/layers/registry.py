"""The map-layer registry: every layer the console's map and ``map export`` draw, added by
the module that owns it, so a module (teams, supplies) adds its layer without touching
the map's code.

A module declares ``add_layer(MapLayer(...))`` at import and names itself in
``LAYER_MODULES``; the modules are imported on the first ``console_layers`` call, so no
layer is missed because nothing had imported its module yet. A layer's ``features``
function returns either ready ``LayerData`` (a module drawing several layers, such as
the register's boundaries and danger zones by kind) or plain ``Features``, which the
entry's title, group, style and legend turn into one layer.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from maps.geometry import Features
from maps.layers.base import CONTEXT, LayerData, LegendEntry
from models.messages import QT_TRANSLATE_NOOP

# Modules that add layers; a new module with a layer adds itself here.
LAYER_MODULES: tuple[str, ...] = (
    "maps.layers.register",
    "maps.layers.typhoon",
    "maps.layers.teams",
    "maps.layers.supplies",
)


@dataclass(frozen=True)
class MapLayer:
    """A layer of the console's map: drawn in ``order`` (bottom first), shown from
    ``min_zoom`` on (None: at every zoom)."""

    key: str
    title: str  # English source text in MapLayers
    features: Callable[..., list[LayerData] | Features]  # f(*, session)
    order: int = 100
    group: str = QT_TRANSLATE_NOOP("MapLayers", "Other")
    style: dict[str, Any] = field(default_factory=dict)
    legend: tuple[LegendEntry, ...] = ()
    min_zoom: float | None = None
    visible: bool = True

    def layers(self, *, session: Session) -> list[LayerData]:
        made = self.features(session=session)
        if isinstance(made, Features):
            for index, props in enumerate(made.properties):  # a click names its row
                props.setdefault("id", index)
                props["layer"] = self.key
            made = [
                LayerData(
                    key=self.key,
                    title=self.title,
                    group=self.group,
                    features=made,
                    style=dict(self.style),
                    legend=list(self.legend),
                    visible=self.visible,
                    context=CONTEXT,
                )
            ]
        if self.min_zoom is not None:
            for layer in made:
                layer.style.setdefault("min_zoom", self.min_zoom)
        return made


_LAYERS: dict[str, MapLayer] = {}
_loaded = False


def add_layer(layer: MapLayer) -> MapLayer:
    """Declare a layer; its key is unique."""
    if layer.key in _LAYERS:
        raise ValueError(f"map layer {layer.key} declared twice")
    _LAYERS[layer.key] = layer
    return layer


def map_layers() -> list[MapLayer]:
    """Every declared layer in drawing order (the modules of LAYER_MODULES imported)."""
    global _loaded
    if not _loaded:
        for name in LAYER_MODULES:
            importlib.import_module(name)
        _loaded = True
    return sorted(_LAYERS.values(), key=lambda layer: layer.order)


def console_layers(*, session: Session) -> list[LayerData]:
    """What the console's map shows: every registered layer, bottom to top."""
    return [data for layer in map_layers() for data in layer.layers(session=session)]


@dataclass(frozen=True)
class AreaKind:
    """A kind of feature a drawn area lists and Nearest can name, added by the module that
    owns it (teams, warehouses) beside the register's own kinds (maps.area).

    ``load(*, session)`` returns (ids, shapely geometries, info) with one
    (code, name, town, village, detail) tuple per id; ``nearest``: Nearest names the
    closest of them to a clicked point.
    """

    key: str
    title: str  # English source text in MapLayers
    load: Callable[..., tuple[Any, Any, list[tuple[str, str, str, str, str]]]]
    nearest: bool = False
    order: int = 100


_AREA_KINDS: dict[str, AreaKind] = {}


def add_area_kind(kind: AreaKind) -> AreaKind:
    """Declare a kind for drawn areas and Nearest; its key is unique."""
    if kind.key in _AREA_KINDS:
        raise ValueError(f"area kind {kind.key} declared twice")
    _AREA_KINDS[kind.key] = kind
    return kind


def area_kinds() -> list[AreaKind]:
    """The kinds modules added, in their order (the modules of LAYER_MODULES imported)."""
    map_layers()
    return sorted(_AREA_KINDS.values(), key=lambda kind: kind.order)
