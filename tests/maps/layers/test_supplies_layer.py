"""The supply warehouses' map layer: every warehouse with a location, by level, with its
key stock available and no phone; listed in a drawn area and named by Nearest."""

from __future__ import annotations

from maps.area import AreaIndex, area_layer_title, nearest_of_kinds
from maps.layers.registry import console_layers
from models.database import Database
from models.supplies.nearby import warehouse_places
from tests.conftest import ADMIN


def test_warehouses_are_drawn_with_their_key_stock_listed_and_named_by_nearest(
    demo_db: Database,
) -> None:
    with demo_db.session(ADMIN) as session:
        (layer,) = [d for d in console_layers(session=session) if d.key == "supply_warehouses"]
        places = warehouse_places(session=session)
        index = AreaIndex.load(session=session)
    props = {p["name"]: p for p in layer.features.properties}
    assert len(props) == len(places) > 600  # county, town, village and agreement storage
    main = props["县防汛物资仓库"]
    assert main["key_stock"].startswith("冲锋舟") or "救生衣" in main["key_stock"]
    assert {p["symbol"] for p in props.values()} >= {"county", "town", "village", "forward"}
    assert not any("phone" in key for p in props.values() for key in p)
    assert "key_stock" in layer.fields and layer.legend
    # A circle around the main county warehouse lists it; Nearest names it first.
    here = next(p for p in places if p.name == "县防汛物资仓库")
    contents = index.contents({"type": "Circle", "center": [here.lon, here.lat], "radius": 300})
    assert here.id in contents.ids("supply_warehouses")
    assert area_layer_title("supply_warehouses") == "Supply warehouses"
    named = [
        row
        for row in nearest_of_kinds(index, lng=here.lon, lat=here.lat)
        if row.layer == "supply_warehouses"
    ]
    assert named[0].id == here.id and named[0].distance_km < 0.01
    assert [row.distance_km for row in named] == sorted(row.distance_km for row in named)
