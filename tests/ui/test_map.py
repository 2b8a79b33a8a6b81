"""The risk map page in a real (offscreen) Qt WebEngine view, with the network blocked."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ui.map.view import register_schemes

register_schemes()  # before the QApplication exists (pytest-qt creates it for the first test)

from maps.layers import LayerData, console_layers  # noqa: E402
from models.database import Database  # noqa: E402
from models.settings import Settings, TileSource  # noqa: E402
from models.users import Actor  # noqa: E402
from tests.conftest import ADMIN  # noqa: E402
from tests.maps.test_tiles import make_mbtiles  # noqa: E402
from tests.models.test_areas import build_sample_county  # noqa: E402
from ui.map.page import MapPage  # noqa: E402
from ui.map.view import MapView, NetworkBlocker, tile_handler  # noqa: E402

pytestmark = pytest.mark.timeout(90)
BACKGROUND = QColor("#eef1f4")


@pytest.fixture(scope="module", autouse=True)
def delete_pages_before_the_profile() -> Iterator[None]:
    """Widgets closed by pytest-qt are deleted later; do it before Qt releases the web profile."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def open_map(
    qtbot: QtBot, db: Database, settings: Settings | None = None, actor: Actor = ADMIN
) -> tuple[MapPage, NetworkBlocker]:
    page = MapPage(db, actor, settings or Settings())
    blocker = page.view.block_network()  # before the page loads: it is built in the background
    qtbot.addWidget(page)
    page.resize(1400, 850)
    with qtbot.waitSignal(page.ready, timeout=60_000):
        page.show()
    assert page.error_label.isHidden(), page.error_label.text()
    return page, blocker


def drawn_layers(page: MapPage) -> list[LayerData]:
    """What the page draws, read from the database here: the page's own process holds only
    a summary of its layers (they are prepared in a process of their own)."""
    with page.db.session(page.actor) as session:
        return console_layers(session=session)


def ask(qtbot: QtBot, view: MapView, expression: str) -> Any:
    """The value of a JavaScript expression in the page (through JSON)."""
    answers: list[Any] = []
    view.run_json(expression, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    return answers[0]


def wait_for(
    qtbot: QtBot,
    view: MapView,
    expression: str,
    accept: Callable[[Any], bool],
    timeout: float = 10.0,
) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = ask(qtbot, view, expression)
        if accept(value) or time.monotonic() > deadline:
            return value
        qtbot.wait(100)


def drawn_image(qtbot: QtBot, view: MapView) -> QImage:
    """The view as shown; a canvas can be blank for a moment after the page says it drew."""
    image = view.grab().toImage()
    for _ in range(30):
        if share_not_background(image) > 0.05:
            break
        qtbot.wait(100)
        image = view.grab().toImage()
    return image


def share_not_background(image: QImage) -> float:
    step = 8
    total = painted = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            colour = image.pixelColor(x, y)
            if (
                abs(colour.red() - BACKGROUND.red())
                + abs(colour.green() - BACKGROUND.green())
                + abs(colour.blue() - BACKGROUND.blue())
            ) > 30:
                painted += 1
    return painted / max(total, 1)


def test_the_demo_county_draws_with_the_network_blocked(qtbot: QtBot, demo_db: Database) -> None:
    page, blocker = open_map(qtbot, demo_db)
    summary = page.summary
    assert summary["drawn"] is True
    expected = {layer.key: layer.count for layer in drawn_layers(page)}
    assert {layer.key: layer.count for layer in page.build.layers} == expected
    assert summary["layers"] == expected
    assert summary["layers"]["villages"] == 640 and summary["layers"]["grids"] == 2800
    assert set(summary["visible"]) == set(expected)
    assert summary["noticeShown"] is False
    assert blocker.blocked == []
    assert any(url.startswith("file://") and url.endswith("map.html") for url in blocker.requested)
    assert any(url.endswith("leaflet/leaflet.js") for url in blocker.requested)
    image = drawn_image(qtbot, page.view)
    assert share_not_background(image) > 0.3  # the county fills much of the view
    legend = ask(qtbot, page.view, "document.getElementById('ecc-panel').innerText")
    assert "Flash flood" in legend and "Shelters" in legend
    assert "Force-7 wind circle" in legend  # the demo typhoon is drawn too
    # 6,307 register features, the demo typhoon's track, points and circles, and the
    # demo county's 668 rescue teams at their bases and its 664 supply warehouses.
    assert summary["layers"]["typhoon"] == 21 and summary["layers"]["teams"] == 668
    assert summary["layers"]["supply_warehouses"] == 664
    assert f"{6_307 + 21 + 668 + 664:,} features" in page.status_label.text()


def shelter_far_from_others(page: MapPage) -> tuple[int, str]:
    """A shelter with no other point near it, so a click on it cannot hit another."""
    points = [
        (layer.key, props, geom)
        for layer in drawn_layers(page)
        for props, geom in zip(layer.features.properties, layer.features.geometries, strict=True)
        if geom.geom_type == "Point"
    ]
    best = None
    for key, props, geom in points:
        if key != "shelters":
            continue
        nearest = min(geom.distance(other) for _k, p, other in points if p is not props)
        if best is None or nearest > best[0]:
            best = (nearest, props["id"], props["name"])
    assert best is not None
    return best[1], best[2]


def test_a_click_on_a_feature_shows_it_in_the_side_panel(qtbot: QtBot, demo_db: Database) -> None:
    page, _blocker = open_map(qtbot, demo_db)
    shelter_id, name = shelter_far_from_others(page)
    point = ask(qtbot, page.view, f"ECC.screenPoint('shelters', {shelter_id})")
    target = page.view.focusProxy()
    assert target is not None
    with qtbot.waitSignal(page.view.feature_clicked, timeout=10_000) as clicked:
        QTest.mouseClick(
            target,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            QPoint(round(point["x"]), round(point["y"])),
        )
    assert clicked.args[0]["layer"] == "shelters" and clicked.args[0]["id"] == shelter_id
    assert page.details.isVisible()
    assert page.details_title.text() == name
    shown = {
        page.details_form.itemAt(row, page.details_form.ItemRole.LabelRole)
        .widget()
        .text(): page.details_form.itemAt(row, page.details_form.ItemRole.FieldRole).widget().text()
        for row in range(page.details_form.rowCount())
    }
    assert "Capacity (persons)" in shown and "Phone" in shown
    assert page.transfers_button.isVisible() and page.register_button.isVisible()
    with qtbot.waitSignal(page.open_in_register) as opened:
        page.register_button.click()
    assert opened.args == ["shelters", shelter_id]
    assert ask(qtbot, page.view, "ECC.summary().highlighted") == 1


def test_search_flies_to_a_village_and_highlights_it(qtbot: QtBot, demo_db: Database) -> None:
    page, _blocker = open_map(qtbot, demo_db)
    qtbot.waitUntil(lambda: page.search_edit.isEnabled(), timeout=10_000)
    villages = next(layer for layer in drawn_layers(page) if layer.key == "villages")
    index = len(villages.features.properties) // 2
    props, shape = villages.features.properties[index], villages.features.geometries[index]
    from models.search import search_key

    initials = search_key(props["name"]).split("\x1f")[2]  # 石塘村 -> stc
    qtbot.keyClicks(page.search_edit, initials)
    qtbot.waitUntil(lambda: page.results_list.isVisible() and page.results_list.count() > 0)
    texts = [page.results_list.item(i).text() for i in range(page.results_list.count())]
    row = next(i for i, text in enumerate(texts) if text.startswith(props["name"] + " ("))
    start_zoom = page.summary["zoom"]
    page.results_list.itemClicked.emit(page.results_list.item(row))
    assert page.details_title.text() == props["name"]
    centre = shape.centroid
    summary = wait_for(
        qtbot,
        page.view,
        "ECC.summary()",
        lambda s: (
            s["zoom"] > start_zoom + 1 and math.dist(s["center"], (centre.y, centre.x)) < 0.01
        ),
    )
    assert math.dist(summary["center"], (centre.y, centre.x)) < 0.01
    assert summary["zoom"] > start_zoom + 1
    assert summary["highlighted"] == 1


@pytest.fixture
def small_county(sqlite_db: Database) -> Database:
    build_sample_county(sqlite_db)
    return sqlite_db


def test_a_missing_mbtiles_file_shows_a_notice_on_the_map(
    qtbot: QtBot, small_county: Database, tmp_path: Path
) -> None:
    missing = tmp_path / "county.mbtiles"
    settings = Settings(tile_source=TileSource(kind="mbtiles", mbtiles_path=str(missing)))
    page, _blocker = open_map(qtbot, small_county, settings)
    assert page.summary["noticeShown"] is True
    assert any(str(missing) in notice for notice in page.summary["notices"])
    assert page.summary["layers"]["shelters"] == 1  # the vectors are drawn all the same


def test_an_mbtiles_basemap_is_served_through_the_tiles_scheme(
    qtbot: QtBot, small_county: Database, tmp_path: Path
) -> None:
    # One red tile per position at zoom 8 over the sample county (121.50-121.56 E, 28.20-28.27 N).
    red = QImage(256, 256, QImage.Format.Format_RGB32)
    red.fill(QColor(220, 30, 30))
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    red.save(buffer, "PNG")

    def tile_of(lon: float, lat: float, z: int) -> tuple[int, int]:
        n = 2**z
        x = int((lon + 180) / 360 * n)
        y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
        return x, y

    tiles = {}
    for z in (8, 9, 10):
        (x0, y0), (x1, y1) = tile_of(121.3, 28.45, z), tile_of(121.8, 28.0, z)
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                tiles[(z, x, y)] = bytes(data.data())
    path = make_mbtiles(
        tmp_path / "county.mbtiles",
        tiles,
        {
            "format": "png",
            "minzoom": "8",
            "maxzoom": "10",
            "attribution": '<a href="http://chx.county/">&copy; 温岭市测绘院</a>',
        },
    )
    settings = Settings(tile_source=TileSource(kind="mbtiles", mbtiles_path=str(path)))
    page, blocker = open_map(qtbot, small_county, settings)
    assert page.summary["noticeShown"] is False
    # The basemap named on the map with the file's own attribution, as plain text.
    assert page.summary["basemapLine"] == "Basemap: MBTiles file county.mbtiles · © 温岭市测绘院"
    served = tile_handler().served
    stats = wait_for(qtbot, page.view, "ECC.summary().tiles", lambda t: t["loaded"] > 0)
    assert stats["loaded"] > 0 and stats["failed"] == 0
    assert tile_handler().served >= served
    assert any(url.startswith("tiles://mbtiles/") for url in blocker.requested)
    assert blocker.blocked == []
    qtbot.wait(600)  # Leaflet fades tiles in
    image = drawn_image(qtbot, page.view)
    reds = sum(
        1
        for y in range(0, image.height(), 20)
        for x in range(0, image.width(), 20)
        if image.pixelColor(x, y).red() > image.pixelColor(x, y).green() + 100
    )
    assert reds > 500  # most of the view


def test_an_unreachable_tile_server_shows_a_notice_and_the_vectors(
    qtbot: QtBot, small_county: Database
) -> None:
    settings = Settings(
        tile_source=TileSource(
            kind="xyz", url_template="http://tiles.county.invalid/{z}/{x}/{y}.png"
        )
    )
    page, blocker = open_map(qtbot, small_county, settings)
    summary = wait_for(qtbot, page.view, "ECC.summary()", lambda s: s["noticeShown"])
    assert summary["noticeShown"] is True
    assert "tiles could not be loaded" in summary["notices"][0]
    assert summary["tiles"]["loaded"] == 0 and summary["tiles"]["failed"] >= 4
    assert blocker.blocked and all(
        url.startswith("http://tiles.county.invalid/") for url in blocker.blocked
    )
    assert summary["layers"]["danger.geological"] == 1


def test_an_intranet_tile_server_is_drawn_under_the_vectors(
    qtbot: QtBot, small_county: Database
) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    green = QImage(256, 256, QImage.Format.Format_RGB32)
    green.fill(QColor(30, 200, 60))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    green.save(buffer, "PNG")
    tile = bytes(data.data())
    asked: list[str] = []

    class Tiles(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(tile)))
            self.end_headers()
            self.wfile.write(tile)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        template = f"http://127.0.0.1:{server.server_port}/{{z}}/{{x}}/{{y}}.png?tk={{key}}"
        settings = Settings(
            tile_source=TileSource(
                kind="xyz", url_template=template, key="k1", attribution="天地图 · 温岭市"
            )
        )
        page = MapPage(small_county, ADMIN, settings)  # no blocker: the server is this machine
        qtbot.addWidget(page)
        page.resize(1200, 800)
        with qtbot.waitSignal(page.ready, timeout=60_000):
            page.show()
        stats = wait_for(qtbot, page.view, "ECC.summary().tiles", lambda t: t["loaded"] >= 4)
        assert stats["loaded"] >= 4 and stats["failed"] == 0
        assert asked and all(path.endswith(".png?tk=k1") for path in asked)
        assert page.summary["noticeShown"] is False
        line = "Basemap: intranet tile server 127.0.0.1 · 天地图 · 温岭市"  # never its key
        assert page.summary["basemapLine"] == line
        shown = ask(qtbot, page.view, "document.getElementById('ecc-basemap').offsetWidth")
        assert shown > 100  # on the map, not only in its summary
    finally:
        server.shutdown()


def test_the_exported_page_draws_offline_and_a_click_opens_a_popup(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    from maps.pages import export_map

    summary = export_map(demo_db, ADMIN, None, tmp_path / "export" / "map.html")
    view = MapView()  # the exported page has no bridge: the view polls until it drew
    blocker = view.block_network()
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    with qtbot.waitSignal(view.drawn, timeout=60_000) as drawn:
        view.show_page(summary.path)
    assert drawn.args[0]["layers"]["grids"] == 2800
    assert blocker.blocked == []
    assert [Path(url).name for url in blocker.requested if url.startswith("file:")] == ["map.html"]
    popup = wait_for(
        qtbot,
        view,
        "(function () { var g = ECC.layers.shelters.group, l = g.getLayers()[0];"
        " g.fire('click', {layer: l, latlng: l.getLatLng()});"
        " var p = document.querySelector('.leaflet-popup-content'); return p ? p.innerText : null; })()",
        lambda text: bool(text),
    )
    assert "Capacity (persons)" in popup and "Shelters" in popup


def test_a_refresh_while_building_ends_in_one_drawn_page(
    qtbot: QtBot, small_county: Database
) -> None:
    page, blocker = open_map(qtbot, small_county)
    with qtbot.waitSignal(page.ready, timeout=60_000):
        page.refresh()
        page.refresh()  # queued behind the first: one more build, one more load
    qtbot.wait(300)
    assert page.error_label.isHidden()
    assert page.summary["layers"]["shelters"] == 1
    assert blocker.blocked == []
    assert len([p for p in page._folder.iterdir() if p.name.startswith("page-")]) == 1


def test_a_page_that_cannot_be_loaded_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    view = MapView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.failed, timeout=30_000):
        view.show_page(tmp_path / "missing.html")


def test_a_map_built_behind_another_page_draws_when_shown(
    qtbot: QtBot, small_county: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QLabel, QStackedWidget

    import ui.map.view

    monkeypatch.setattr(ui.map.view, "DRAW_TIMEOUT_MS", 800)
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    stack.resize(1200, 800)
    stack.addWidget(QLabel("dashboard"))
    page = MapPage(small_county, ADMIN, Settings())  # as the main window builds it, hidden
    stack.addWidget(page)
    stack.show()
    loaded = wait_for(qtbot, page.view, "window.ECC ? ECC.summary() : null", bool, timeout=30)
    assert loaded["layers"]["shelters"] == 1  # loaded and built while hidden
    qtbot.wait(1500)  # longer than the time allowed to draw: it does not count while hidden
    assert page.error_label.isHidden()
    with qtbot.waitSignal(page.ready, timeout=30_000):
        stack.setCurrentWidget(page)
    assert page.summary["drawn"] is True and page.error_label.isHidden()
