"""The map page read as an officer would: place names that do not overlap, names on
hover, a panel that leaves the county visible, the overview inset, the mouse position
(and GCJ-02 when asked), the basemap's line, and the event corner on screen and in the
exported page."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from ui.map.view import register_schemes

register_schemes()

from maps.layers import LayerData  # noqa: E402
from maps.pages import export_map  # noqa: E402
from models.database import Database  # noqa: E402
from models.settings import Settings, TileSource  # noqa: E402
from tests.conftest import ADMIN  # noqa: E402
from tests.models.test_areas import build_sample_county  # noqa: E402
from tests.ui.test_map import ask, drawn_layers, open_map, wait_for  # noqa: E402
from ui.map.page import MapPage  # noqa: E402
from ui.map.view import MapView  # noqa: E402

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module", autouse=True)
def delete_pages_before_the_profile() -> Iterator[None]:
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def by_key(page: MapPage) -> dict[str, LayerData]:
    return {layer.key: layer for layer in drawn_layers(page)}


def overlapping(boxes: list[list[float]]) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, a in enumerate(boxes)
        for j, b in enumerate(boxes[:i])
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]


def test_a_narrow_map_names_towns_keeps_the_panel_closed_and_shows_the_tools(
    qtbot: QtBot, demo_db: Database
) -> None:
    page = MapPage(demo_db, ADMIN, Settings())
    blocker = page.view.block_network()
    qtbot.addWidget(page)
    page.resize(1366 - 170, 740)  # the map page of a 1366x768 screen beside the rail
    with qtbot.waitSignal(page.ready, timeout=60_000):
        page.show()
    view = page.view
    assert ask(qtbot, view, "ECC.map.getSize().x") < 900
    summary = ask(qtbot, view, "ECC.summary()")
    assert summary["panelOpen"] is False  # the legend does not cover the county
    towns = {p["name"] for p in by_key(page)["towns"].features.properties}
    placed = set(summary["labels"])
    assert placed and placed <= towns  # at county scale only towns are named
    assert len(placed) >= len(towns) - 3
    boxes = ask(qtbot, view, "ECC.overlays.labels.boxes")
    assert overlapping(boxes) == []
    assert summary["overview"] is True
    assert summary["basemapLine"] == "Basemap: none"
    assert summary["event"] is None  # between events
    # Zoomed in, villages are named too, still without overlapping.
    ask(qtbot, view, "(ECC.map.setZoom(13.5, {animate: false}), true)")
    names = wait_for(qtbot, view, "ECC.summary().labels", lambda v: bool(set(v) - towns), timeout=5)
    villages = {p["name"] for p in by_key(page)["villages"].features.properties}
    assert set(names) & villages
    assert overlapping(ask(qtbot, view, "ECC.overlays.labels.boxes")) == []
    # The panel opens on a click and closes again.
    ask(qtbot, view, "(document.getElementById('ecc-panel-toggle').click(), true)")
    assert ask(qtbot, view, "ECC.summary().panelOpen") is True
    assert blocker.blocked == []


def test_a_feature_is_named_on_hover(qtbot: QtBot, demo_db: Database) -> None:
    page, _blocker = open_map(qtbot, demo_db)
    view = page.view
    name = ask(
        qtbot,
        view,
        "(function(){var l = ECC.layers.shelters.group.getLayers()[0];"
        " l.fire('mouseover', {latlng: l.getLatLng()}, true);"
        " return l.feature.properties.name;})()",
    )
    shown = ask(qtbot, view, "(document.querySelector('.ecc-hover') || {}).textContent || ''")
    assert shown == name and name


def gcj02(lng: float, lat: float) -> tuple[float, float]:
    """WGS84 to GCJ-02 written out here from the published formula, apart from the page's."""
    a, ee = 6378245.0, 0.00669342162296594323
    x, y = lng - 105.0, lat - 35.0
    d_lat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    d_lat += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2 / 3
    d_lat += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2 / 3
    d_lat += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2 / 3
    d_lng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    d_lng += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2 / 3
    d_lng += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2 / 3
    d_lng += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2 / 3
    rad = lat / 180.0 * math.pi
    magic = 1 - ee * math.sin(rad) ** 2
    sq = math.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((a * (1 - ee)) / (magic * sq) * math.pi)
    d_lng = (d_lng * 180.0) / (a / sq * math.cos(rad) * math.pi)
    return lng + d_lng, lat + d_lat


def test_the_mouse_position_in_lon_lat_and_gcj02_when_asked(
    qtbot: QtBot, demo_db: Database
) -> None:
    page, _blocker = open_map(qtbot, demo_db)
    view = page.view
    move = "(ECC.map.fire('mousemove', {latlng: L.latLng(28.35, 121.38)}), true)"
    ask(qtbot, view, move)
    text = ask(qtbot, view, "document.getElementById('ecc-mouse').textContent")
    assert text == "Lon/lat 121.38000 , 28.35000"
    ask(qtbot, view, "(document.getElementById('ecc-mouse').click(), true)")
    text = ask(qtbot, view, "document.getElementById('ecc-mouse').textContent")
    lng, lat = gcj02(121.38, 28.35)
    assert text.endswith(f"GCJ-02 {lng:.5f} , {lat:.5f}")
    assert 0.002 < abs(lng - 121.38) < 0.01  # a few hundred metres off near Wenling
    assert ask(qtbot, view, "document.querySelector('.leaflet-control-scale') !== null")


def test_during_an_event_the_corner_names_it_on_screen_and_in_the_export(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    from models.events import start_event

    with demo_db.session(ADMIN, write=True) as session:
        start_event(session=session, name="台风梅花", response_level="II", open_records=False)
    page, _blocker = open_map(qtbot, demo_db)
    corner = ask(qtbot, page.view, "ECC.summary().event")
    assert "台风梅花" in corner and "Level II (orange)" in corner and "Figures as of 20" in corner
    summary = export_map(demo_db, ADMIN, None, tmp_path / "county.html")
    exported = MapView()
    qtbot.addWidget(exported)
    blocker = exported.block_network()
    exported.resize(1000, 700)
    exported.show()
    with qtbot.waitSignal(exported.drawn, timeout=60_000):
        exported.show_page(summary.path)
    text = wait_for(
        qtbot,
        exported,
        "(document.getElementById('ecc-event') || {}).textContent || ''",
        lambda v: bool(v),
    )
    assert "台风梅花" in text and "Level II (orange)" in text
    # The measuring tools work in the exported page; Nearest needs the console.
    tools = ask(
        qtbot,
        exported,
        "Array.from(document.querySelectorAll('.ecc-tool')).map(a => a.dataset.tool)",
    )
    assert tools == ["distance", "area", "polygon", "circle", "clear"]
    assert blocker.blocked == []


@pytest.mark.parametrize(
    ("source", "line"),
    [
        (
            TileSource(
                kind="xyz",
                url_template="http://tiles.county.invalid/{z}/{x}/{y}.png?tk={key}",
                key="secret-key",
                attribution="天地图",
            ),
            "Basemap: intranet tile server tiles.county.invalid, in the console only · 天地图",
        ),
        (TileSource(), "Basemap: none"),
    ],
)
def test_the_exported_page_names_the_basemap_without_asking_for_it(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, source: TileSource, line: str
) -> None:
    build_sample_county(sqlite_db)
    summary = export_map(sqlite_db, ADMIN, Settings(tile_source=source), tmp_path / "m.html")
    assert "secret-key" not in summary.path.read_text(encoding="utf-8")
    exported = MapView()
    qtbot.addWidget(exported)
    blocker = exported.block_network()
    exported.resize(900, 600)
    exported.show()
    with qtbot.waitSignal(exported.drawn, timeout=60_000):
        exported.show_page(summary.path)
    shown = wait_for(
        qtbot,
        exported,
        "(document.getElementById('ecc-basemap') || {}).textContent || ''",
        lambda v: bool(v),
    )
    assert shown == line
    assert blocker.blocked == []  # named, never asked for
