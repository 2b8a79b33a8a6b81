"""Map layers of the register and the map page written from them: offline, complete, valid."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point
from sqlalchemy import func, select

from maps.geometry import unpack
from maps.layers import LayerData, register_layers, search_entries
from maps.pages import (
    LARGE_LAYER,
    PAGE_NAME,
    Basemap,
    basemap_for,
    export_map,
    export_page,
    layer_payload,
    page_config,
    write_page,
)
from models.areas import DangerZone, Division, Grid, Shelter
from models.database import Database
from models.labels import DANGER_KINDS
from models.search import matches
from models.settings import TileSource
from models.users import Actor
from tests.conftest import ADMIN
from tests.maps.test_tiles import make_mbtiles, png
from tests.models.test_areas import build_sample_county

VIEWER = Actor(name="map-viewer", role="viewer")
URL = re.compile(rb"https?://", re.IGNORECASE)
# Leaflet's copies write these never-fetched URLs as http:\/\/ (maps.pages explains why).
ESCAPED_URL = re.compile(rb"https?:\\/\\/([\w./-]*)", re.IGNORECASE)
NEVER_FETCHED = {b"www.w3.org/2000/svg", b"leafletjs.com"}


@pytest.fixture(scope="module")
def demo_layers(demo_template: Path) -> list[LayerData]:
    database = Database(f"sqlite:///{demo_template}")
    with database.session(ADMIN) as session:
        layers = register_layers(session=session)
    database.dispose()
    return layers


def by_key(layers: list[LayerData]) -> dict[str, LayerData]:
    return {layer.key: layer for layer in layers}


def test_layers_hold_every_row_of_the_demo_county(
    demo_layers: list[LayerData], demo_db: Database
) -> None:
    layers = by_key(demo_layers)
    with demo_db.session(ADMIN) as session:

        def count(stmt: object) -> int:
            return int(session.scalar(stmt))  # type: ignore[call-overload]

        expected = {
            "county": count(select(func.count()).where(Division.level == "county")),
            "towns": count(select(func.count()).where(Division.level == "town")),
            "villages": count(select(func.count()).where(Division.level == "village")),
            "grids": count(select(func.count()).select_from(Grid)),
            "shelters": count(select(func.count()).select_from(Shelter)),
        }
        kinds = dict(
            session.execute(select(DangerZone.kind, func.count()).group_by(DangerZone.kind)).all()
        )
    assert {key: layers[key].count for key in expected} == expected
    assert expected["villages"] == 640 and expected["grids"] == 2800
    assert {
        key.removeprefix("danger."): layer.count
        for key, layer in layers.items()
        if key.startswith("danger.")
    } == kinds
    assert list(layers)[:4] == ["county", "towns", "villages", "grids"]
    assert list(layers)[-1] == "shelters"
    assert all(layer.missing == 0 for layer in demo_layers)


def test_every_feature_is_valid_and_names_its_row(demo_layers: list[LayerData]) -> None:
    for layer in demo_layers:
        assert shapely.is_valid(layer.features.geometries).all(), layer.key
        for props in layer.features.properties:
            assert props["layer"] == layer.key
            assert isinstance(props["id"], int)
            assert props["name"]


def test_what_the_page_draws_is_rounded_simplified_valid_and_in_place(
    demo_layers: list[LayerData], demo_db: Database
) -> None:
    with demo_db.session(ADMIN) as session:
        stored = {
            id_: shapely.from_wkb(geom)
            for id_, geom in session.execute(select(DangerZone.id, DangerZone.geom)).all()
        }
    for layer in demo_layers:
        payload = json.loads(layer_payload(layer, full=False))
        drawn = unpack(payload["groups"])
        assert len(drawn) == len(payload["columns"]["id"]) == layer.count
        assert shapely.is_valid(drawn).all(), layer.key
        coords = shapely.get_coordinates(drawn)
        assert (abs(coords * 1e5 - (coords * 1e5).round()) < 1e-6).all(), layer.key
        if layer.key.startswith("danger."):
            for zone_id, shape in zip(payload["columns"]["id"], drawn, strict=True):
                assert shape.hausdorff_distance(stored[zone_id]) < 0.0001  # about 10 m


def test_features_carry_what_the_panel_shows(demo_layers: list[LayerData]) -> None:
    layers = by_key(demo_layers)
    zone = layers["danger.geological"].features.properties[0]
    assert zone["kind"] == "geological"
    assert zone["kind_label"] == "Geological hazard"  # labels come from models.labels
    assert zone["village"] and zone["town"] and zone["village_id"]
    grid = layers["grids"].features.properties[0]
    assert grid["person"] and re.fullmatch(r"1\d{10}", grid["phone"])
    village = layers["villages"].features.properties[0]
    assert village["grids"] >= 2 and "danger_zones" in village and "shelters" in village
    shelter = layers["shelters"].features.properties[0]
    assert shelter["capacity"] > 0 and shelter["level_label"]


def test_phones_are_masked_for_a_viewer(sqlite_db: Database) -> None:
    build_sample_county(sqlite_db)
    with sqlite_db.session(VIEWER) as session:
        layers = by_key(register_layers(session=session))
    # The sample county's grids have no geometry: not drawn, but still masked in the rows.
    assert layers["grids"].count == 0 and layers["grids"].missing == 3
    shelter = layers["shelters"].features.properties[0]
    assert shelter["phone"] == "135****7777"


def test_danger_kinds_have_their_own_colour_and_symbol(demo_layers: list[LayerData]) -> None:
    danger = [layer for layer in demo_layers if layer.key.startswith("danger.")]
    assert {layer.key.removeprefix("danger.") for layer in danger} == set(DANGER_KINDS)
    colours = {layer.style["path"]["fillColor"] for layer in danger}
    shapes = {layer.style["marker"]["shape"] for layer in danger}
    assert len(colours) == len(danger) and len(shapes) == len(danger)


def files_with_urls(folder: Path) -> list[str]:
    return [
        str(path.relative_to(folder))
        for path in sorted(folder.rglob("*"))
        if path.is_file() and URL.search(path.read_bytes())
    ]


def test_the_page_and_every_file_beside_it_name_no_http_url(
    demo_layers: list[LayerData], tmp_path: Path
) -> None:
    page = write_page(tmp_path / "map", demo_layers)
    folder = page.parent
    assert page.name == PAGE_NAME
    names = {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}
    assert {"map.html", "map.js", "config.js", "leaflet/leaflet.js", "leaflet/leaflet.css"} <= names
    assert files_with_urls(folder) == []
    escaped = {
        m.group(1)
        for p in folder.rglob("*")
        if p.is_file()
        for m in ESCAPED_URL.finditer(p.read_bytes())
    }
    assert escaped <= NEVER_FETCHED
    html = page.read_text(encoding="utf-8")
    assert re.findall(r'src="([^"]+)"', html)[:2] == [
        "leaflet/leaflet.js",
        "qrc:///qtwebchannel/qwebchannel.js",
    ]
    assert 'href="leaflet/leaflet.css"' in html
    for src in re.findall(r'src="([^"]+)"', html):
        assert src.startswith("qrc:") or (folder / src).is_file()
    # folium's page: its map div and map, handed to the page script.
    assert re.search(r'<div class="folium-map" id="(map_\w+)"', html)
    assert re.search(r"window\.ECC_START\(map_\w+\);", html)
    assert "new L.Control.MousePosition(" in html


def test_the_page_config_lists_the_layers_with_counts_and_legend(
    demo_layers: list[LayerData], tmp_path: Path
) -> None:
    page = write_page(tmp_path / "map", demo_layers)
    text = (page.parent / "config.js").read_text(encoding="utf-8")
    config = json.loads(text[text.index("=") + 1 : text.index(";window.ECC_DATA")])
    specs = {spec["key"]: spec for spec in config["layers"]}
    assert {key: spec["count"] for key, spec in specs.items()} == {
        layer.key: layer.count for layer in demo_layers
    }
    assert specs["danger.flash_flood"]["title"] == "Flash flood"
    assert specs["shelters"]["legend"][0]["label"] == "100 persons"
    assert config["texts"]["panel"] == "Layers and legend"
    assert config["notices"] == [] and config["basemap"]["kind"] == "none"
    south_west, north_east = config["bounds"]
    assert 120 < south_west[1] < north_east[1] < 123 and 27 < south_west[0] < north_east[0] < 30
    assert "WenQuanYi Micro Hei" in (page.parent / PAGE_NAME).read_text(encoding="utf-8")
    # The console's page carries few properties (the console holds the rest).
    data = (page.parent / "data" / "00.js").read_text(encoding="utf-8")
    assert "331081" not in data and "温岭市" in data


def test_a_large_layer_is_drawn_from_a_closer_zoom_and_loads_its_data_then(tmp_path: Path) -> None:
    points = [Point(121 + i * 1e-4, 28) for i in range(LARGE_LAYER + 1)]
    big = LayerData.from_geojson(
        "many",
        "Many",
        {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "geometry": p.__geo_interface__, "properties": {"name": "x"}}
                for p in points
            ],
        },
        {"marker": {"radius": 3}},
    )
    small = LayerData.from_geojson("few", "Few", {"type": "FeatureCollection", "features": []}, {})
    page = write_page(tmp_path / "map", [small, big])
    html = page.read_text(encoding="utf-8")
    config = page_config([small, big], Basemap(), bridge=True, popups=False)
    assert [spec["min_zoom"] for spec in config["layers"]] == [None, 13]
    assert "data/00.js" in html and "data/01.js" not in html  # fetched when zoomed in
    assert (page.parent / "data" / "01.js").is_file()
    assert '"src":"data/01.js"' in (page.parent / "config.js").read_text(encoding="utf-8")


def test_a_typhoon_feature_collection_becomes_one_more_layer(tmp_path: Path) -> None:
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": [[125.5, 25.35], [123.1, 27.25]]},
                "properties": {"kind": "track_past"},
            },
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [123.1, 27.25]},
                "properties": {"kind": "track_point", "name": "08-09 14:00"},
            },
            {
                "type": "Feature",
                "geometry": Point(123.1, 27.25).buffer(2.5).__geo_interface__,
                "properties": {"kind": "circle7"},
            },
        ],
    }
    style = {
        "by": "kind",
        "path": {"color": "#c00", "weight": 2},
        "variants": {"circle7": {"path": {"fillOpacity": 0.1}, "interactive": False}},
        "legend_rows": True,
    }
    layer = LayerData.from_geojson(
        "typhoon", "Typhoon", collection, style, fields={"pressure_hpa": "Central pressure (hPa)"}
    )
    assert layer.count == 3
    assert list(layer.field_labels())[-1] == "pressure_hpa"  # after the register's fields
    assert layer.to_page()["fields"] == {"pressure_hpa": "Central pressure (hPa)"}
    assert [p["id"] for p in layer.features.properties] == [0, 1, 2]
    assert {p["layer"] for p in layer.features.properties} == {"typhoon"}
    payload = json.loads(layer_payload(layer, full=False))
    # Areas first, then lines, then points; each keeps the property its style reads.
    assert payload["columns"] == {
        "id": [2, 0, 1],
        "name": [None, None, "08-09 14:00"],
        "kind": ["circle7", "track_past", "track_point"],
    }
    assert [g["type"] for g in payload["groups"]] == ["Polygon", "LineString", "Point"]
    page = write_page(tmp_path / "map", [layer])
    assert files_with_urls(page.parent) == []


def test_search_finds_villages_by_pinyin_initials(demo_layers: list[LayerData]) -> None:
    entries = search_entries(demo_layers)
    village = by_key(demo_layers)["villages"].features.properties[0]["name"]
    from models.search import search_key

    initials = search_key(village).split("\x1f")[2]
    found = [e for e in entries if matches(e.key, initials)]
    assert any(e.layer == "villages" and e.text.startswith(village) for e in found)
    assert {e.layer for e in entries} >= {
        "towns",
        "villages",
        "grids",
        "shelters",
        "danger.flash_flood",
    }


# -- basemap ------------------------------------------------------------------------------------


def test_no_basemap_by_default() -> None:
    assert basemap_for(None) == Basemap()
    assert basemap_for(TileSource()) == Basemap()


@pytest.mark.parametrize(
    ("source", "says"),
    [
        (TileSource(kind="mbtiles"), "no MBTiles file is chosen"),
        (
            TileSource(kind="mbtiles", mbtiles_path="/nowhere/county.mbtiles"),
            "/nowhere/county.mbtiles was not found",
        ),
        (TileSource(kind="xyz"), "no tile URL template is set"),
        (
            TileSource(kind="xyz", url_template="http://10.1.1.1/tiles/{z}/{x}.png"),
            "must contain {z}, {x} and {y}",
        ),
        (
            TileSource(kind="xyz", url_template="ftp://10.1.1.1/{z}/{x}/{y}.png"),
            "must start with http://",
        ),
        (
            TileSource(
                kind="xyz",
                url_template="http://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}",
            ),
            "needs a key",
        ),
        (TileSource(kind="wms"), '"wms" is unknown'),
    ],
)
def test_a_misconfigured_basemap_gives_a_notice(source: TileSource, says: str) -> None:
    basemap = basemap_for(source)
    assert basemap.kind == "none"
    assert says in basemap.notice
    config = page_config([], basemap, bridge=True, popups=False)
    assert config["notices"][0] == basemap.notice


def test_an_mbtiles_file_that_cannot_be_drawn_gives_a_notice(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.mbtiles"
    text_file.write_text("not tiles", encoding="utf-8")
    assert (
        "is not a readable MBTiles file"
        in basemap_for(TileSource(kind="mbtiles", mbtiles_path=str(text_file))).notice
    )
    vector = make_mbtiles(
        tmp_path / "vector.mbtiles", {(0, 0, 0): b"\x1f\x8b\x08\x00"}, {"format": "pbf"}
    )
    assert (
        "holds pbf tiles"
        in basemap_for(TileSource(kind="mbtiles", mbtiles_path=str(vector))).notice
    )
    empty = make_mbtiles(tmp_path / "empty.mbtiles", {}, {"format": "png"})
    assert (
        "holds no tiles" in basemap_for(TileSource(kind="mbtiles", mbtiles_path=str(empty))).notice
    )


def test_a_good_mbtiles_file_is_served_through_the_tiles_scheme(tmp_path: Path) -> None:
    path = make_mbtiles(
        tmp_path / "county.mbtiles",
        {(8, 214, 107): png((200, 200, 200))},
        {"format": "png", "minzoom": "6", "maxzoom": "8", "bounds": "120.9,28.0,121.7,28.7"},
    )
    basemap = basemap_for(TileSource(kind="mbtiles", mbtiles_path=str(path)))
    assert basemap.notice == ""
    assert basemap.url == "tiles://mbtiles/{z}/{x}/{y}"
    assert basemap.options["maxNativeZoom"] == 8 and basemap.options["minNativeZoom"] == 6
    assert basemap.options["bounds"] == [[28.0, 120.9], [28.7, 121.7]]
    assert basemap.mbtiles_path == str(path)


def test_an_xyz_template_gets_its_key_and_subdomains() -> None:
    basemap = basemap_for(
        TileSource(
            kind="xyz",
            key="abc 123",
            url_template="http://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}",
        )
    )
    assert basemap.kind == "xyz" and basemap.notice == ""
    assert basemap.url.endswith("&tk=abc%20123")
    assert basemap.options["subdomains"] == "01234567"
    intranet = basemap_for(TileSource(kind="xyz", url_template="http://10.2.3.4/{z}/{x}/{y}.png"))
    assert (
        intranet.url == "http://10.2.3.4/{z}/{x}/{y}.png" and "subdomains" not in intranet.options
    )


def test_an_empty_register_says_so_on_the_map(sqlite_db: Database) -> None:
    with sqlite_db.session(ADMIN) as session:
        layers = register_layers(session=session)
    config = page_config(layers, Basemap(), bridge=True, popups=False)
    assert config["bounds"] is None
    assert any("Nothing to draw yet" in notice for notice in config["notices"])


# -- export ---------------------------------------------------------------------------------


def test_the_export_is_one_offline_file_with_everything_inline(
    demo_layers: list[LayerData], tmp_path: Path
) -> None:
    path = export_page(tmp_path / "out" / "map.html", demo_layers)
    assert [p.name for p in path.parent.iterdir()] == ["map.html"]
    data = path.read_bytes()
    assert URL.search(data) is None
    assert {m.group(1) for m in ESCAPED_URL.finditer(data)} <= NEVER_FETCHED
    html = data.decode("utf-8")
    assert re.search(r"<script[^>]*\bsrc=", html) is None
    assert re.search(r"<link\b", html) is None
    assert "url(images/" not in html and "data:image/png;base64," in html
    assert "qwebchannel" not in html
    # Leaflet, the config, one per layer, the four page scripts, folium's switches and map.
    assert html.count("<script>") == html.count("</script>") == len(demo_layers) + 8
    assert "331081" in html  # full properties: the popups show codes


def test_export_map_masks_phones_for_a_viewer(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.session(ADMIN) as session:
        phone = session.scalar(select(Grid.person_phone).where(Grid.person_phone.is_not(None)))
    assert phone
    summary = export_map(demo_db, VIEWER, None, tmp_path / "viewer.html")
    html = summary.path.read_text(encoding="utf-8")
    assert phone not in html and f"{phone[:3]}****{phone[-4:]}" in html
    assert summary.features["grids"] == 2800 and summary.missing == 0
    assert summary.size == summary.path.stat().st_size
    admin = export_map(demo_db, ADMIN, None, tmp_path / "admin.html")
    assert phone in admin.path.read_text(encoding="utf-8")


def test_during_an_event_shelters_show_their_occupancy(demo_db: Database) -> None:
    from models.demo import build_typhoon_scenario
    from models.transfers import rollup

    with demo_db.session(ADMIN) as session:
        before = by_key(register_layers(session=session))["shelters"]
        scenario = build_typhoon_scenario(session=session)
    assert "by" not in before.style and "occupancy" not in before.features.properties[0]
    with demo_db.session(VIEWER) as session:
        shelters = by_key(register_layers(session=session))["shelters"]
        occupancy = {s.id: s for s in rollup(session=session, event_id=scenario.event_id).shelters}
    props = {p["id"]: p for p in shelters.features.properties}
    assert props.keys() == occupancy.keys()
    for shelter_id, shelter in occupancy.items():
        assert props[shelter_id]["occupants"] == shelter.occupants
        assert props[shelter_id]["occupancy_state"] == shelter.state
    full = [p for p in props.values() if p["occupancy_state"] == "full"]
    assert full and all(p["occupancy"] == "100%" for p in full if p["occupants"] == p["capacity"])
    # The page colours the markers by state and the legend explains the colours.
    assert shelters.style["by"] == "occupancy_state"
    assert (
        shelters.style["variants"]["full"]["marker"]["fillColor"]
        != shelters.style["marker"]["fillColor"]
    )
    assert len(shelters.legend) >= 3
    assert "occupancy_state" in json.loads(layer_payload(shelters, full=False))["columns"]
