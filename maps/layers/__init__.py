"""The register as map layers: boundaries, grids, danger zones by kind, shelters.

Each layer is a ``LayerData``: its key, an English title (translated where the
page is built), a style spec the page's script understands, legend entries and
its ``Features`` (simplified, rounded geometries beside display properties).
Properties are what a duty officer reads in the side panel: names, codes,
labels in the user's language and phones masked for roles that may not see them
(the register's listing functions mask them). Every feature carries ``id`` and
``layer``, so a click in the page names the row it came from.

Another source (a typhoon's track and wind circles) becomes one more layer with
``LayerData.from_geojson``.

``base`` (LayerData, legend entries, field labels), ``styles`` (colours and the style
spec), ``register`` (the register's layers), ``typhoon`` (the typhoon layer) and
``search`` (the search box's entries) and ``registry`` (the layers the console draws, each
added by the module that owns it: ``add_layer(MapLayer(...))``); their public names are all
importable from here.
"""

from __future__ import annotations

from maps.layers.base import CONTEXT, FIELD_LABELS, LayerData, LegendEntry, field_labels
from maps.layers.register import (
    GROUP_DANGER,
    GROUP_DIVISIONS,
    GROUP_GRIDS,
    GROUP_SHELTERS,
    TITLES,
    danger_layers,
    division_layers,
    grid_layer,
    register_layers,
    shelter_layer,
)
from maps.layers.registry import (
    LAYER_MODULES,
    AreaKind,
    MapLayer,
    add_area_kind,
    add_layer,
    area_kinds,
    console_layers,
    map_layers,
)
from maps.layers.search import SEARCHED_LAYERS, SearchEntry, search_entries
from maps.layers.styles import (
    COUNTY_PATH,
    DANGER_STYLE,
    GRID_PATH,
    OCCUPANCY_COLOURS,
    OTHER_DANGER,
    SHELTER_COLOUR,
    TOWN_PATH,
    VILLAGE_PATH,
    danger_marker,
    danger_path,
    shelter_marker,
    shelter_radius,
)
from maps.layers.typhoon import GROUP_TYPHOON, typhoon_layers

__all__ = [
    "CONTEXT",
    "COUNTY_PATH",
    "DANGER_STYLE",
    "FIELD_LABELS",
    "GRID_PATH",
    "GROUP_DANGER",
    "GROUP_DIVISIONS",
    "GROUP_GRIDS",
    "GROUP_SHELTERS",
    "GROUP_TYPHOON",
    "LAYER_MODULES",
    "OCCUPANCY_COLOURS",
    "OTHER_DANGER",
    "SEARCHED_LAYERS",
    "SHELTER_COLOUR",
    "TITLES",
    "TOWN_PATH",
    "VILLAGE_PATH",
    "AreaKind",
    "LayerData",
    "LegendEntry",
    "MapLayer",
    "SearchEntry",
    "add_area_kind",
    "add_layer",
    "area_kinds",
    "console_layers",
    "danger_layers",
    "danger_marker",
    "danger_path",
    "division_layers",
    "field_labels",
    "grid_layer",
    "map_layers",
    "register_layers",
    "search_entries",
    "shelter_layer",
    "shelter_marker",
    "shelter_radius",
    "typhoon_layers",
]
