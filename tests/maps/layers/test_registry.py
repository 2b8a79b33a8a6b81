"""The map-layer registry: a module adds its layer without touching the map's code."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shapely
from PySide6.QtCore import QT_TRANSLATE_NOOP

from maps.geometry import Features
from maps.layers import LegendEntry, MapLayer, add_layer, console_layers, map_layers
from maps.layers import registry as layer_registry
from models.database import Database
from tests.conftest import ADMIN


@pytest.fixture
def warehouses() -> Iterator[MapLayer]:
    """A layer as the supplies module would add it: features, style, legend, min zoom."""

    def features(*, session: object) -> Features:
        return Features([shapely.Point(121.4, 28.4)], [{"id": 1, "name": "县级仓库"}])

    layer = MapLayer(
        "warehouses",
        QT_TRANSLATE_NOOP("MapLayers", "Warehouses"),
        features,
        order=50,
        style={"marker": {"shape": "square", "color": "#333333"}},
        legend=(LegendEntry("Warehouses", {"shape": "square", "options": {}}),),
        min_zoom=11,
    )
    add_layer(layer)
    yield layer
    del layer_registry._LAYERS[layer.key]


def test_the_console_draws_the_register_then_the_typhoon() -> None:
    assert [layer.key for layer in map_layers()] == [
        "divisions",
        "grids",
        "danger_zones",
        "shelters",
        "teams",
        "supply_warehouses",
        "typhoon",
    ]
    with pytest.raises(ValueError, match="twice"):
        add_layer(MapLayer("grids", "Grids", lambda *, session: []))


def test_a_module_adds_its_layer_with_style_legend_and_min_zoom(
    db: Database, warehouses: MapLayer
) -> None:
    with db.session(ADMIN) as session:
        layers = console_layers(session=session)
    keys = [layer.key for layer in layers]
    added = layers[keys.index("warehouses")]
    assert keys.index("warehouses") > keys.index("shelters")  # order 50: above the register
    assert added.count == 1 and added.features.properties[0]["layer"] == "warehouses"
    assert added.style["min_zoom"] == 11 and added.style["marker"]["shape"] == "square"
    assert [entry.label for entry in added.legend] == ["Warehouses"]
    assert added.to_page()["title"] == "Warehouses"
