"""The map's tools in the real page: measuring on the ellipsoid, an area drawn through
the page's bridge listed against an independent shapely computation, and Nearest."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import shapely
from pyproj import Geod
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QAbstractItemModelTester, QTest
from pytestqt.qtbot import QtBot
from shapely.geometry import Polygon
from sqlalchemy import select

from ui.map.view import register_schemes

register_schemes()

from maps.area import area_layer_title  # noqa: E402
from maps.geometry import load_wkb  # noqa: E402
from models.areas import DangerZone, Division, Grid, Shelter  # noqa: E402
from models.database import Database  # noqa: E402
from models.transfers import Household, register_year  # noqa: E402
from tests.conftest import ADMIN  # noqa: E402
from tests.ui.test_map import ask, open_map  # noqa: E402
from ui.map.page import MapPage  # noqa: E402

pytestmark = pytest.mark.timeout(120)
GEOD = Geod(ellps="WGS84")


@pytest.fixture(scope="module", autouse=True)
def delete_pages_before_the_profile() -> Iterator[None]:
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def click_through(
    qtbot: QtBot, page: MapPage, tool: str, points: list[tuple[float, float]]
) -> None:
    """Choose a tool on the map's toolbar and click the points (lat, lng) on the map."""
    view = page.view
    ask(qtbot, view, f"(document.querySelector('.ecc-tool-{tool}').click(), true)")
    for lat, lng in points:
        ask(qtbot, view, f"(ECC.map.fire('click', {{latlng: L.latLng({lat}, {lng})}}), true)")


def finish(qtbot: QtBot, page: MapPage) -> None:
    ask(qtbot, page.view, "(ECC.map.fire('dblclick', {latlng: ECC.map.getCenter()}), true)")


def test_a_measured_segment_is_its_geodesic_length(qtbot: QtBot, demo_db: Database) -> None:
    page, _blocker = open_map(qtbot, demo_db)
    a, b, c = (28.30, 121.30), (28.42, 121.47), (28.36, 121.55)
    click_through(qtbot, page, "distance", [a, b, c])
    finish(qtbot, page)
    text = ask(qtbot, page.view, "ECC.tools.result()")
    shown = float(re.search(r"([\d.]+) km", text).group(1))  # type: ignore[union-attr]
    _f, _b, ab = GEOD.inv(a[1], a[0], b[1], b[0])
    _f, _b, bc = GEOD.inv(b[1], b[0], c[1], c[0])
    expected = (ab + bc) / 1000
    assert text.startswith("Distance ")
    assert abs(shown - expected) / expected < 0.005
    assert ask(qtbot, page.view, "ECC.tools.active()") is None

    corners = [(28.30, 121.30), (28.30, 121.40), (28.40, 121.40), (28.40, 121.30)]
    click_through(qtbot, page, "area", corners)
    finish(qtbot, page)
    text = ask(qtbot, page.view, "ECC.tools.result()")
    shown = float(re.search(r"Area ([\d.]+) km²", text).group(1))  # type: ignore[union-attr]
    ring = Polygon([(lng, lat) for lat, lng in corners])
    area, _perimeter = GEOD.geometry_area_perimeter(ring)
    assert abs(shown - abs(area) / 1e6) / (abs(area) / 1e6) < 0.005


def independent(db: Database, polygon: Polygon) -> dict[str, set[int]]:
    """What the polygon holds, read from the tables and tested with shapely alone."""
    out: dict[str, set[int]] = {}
    with db.session(ADMIN) as session:
        for key, stmt in (
            ("village", select(Division.id, Division.geom).where(Division.level == "village")),
            ("grid", select(Grid.id, Grid.geom)),
            ("danger_zone", select(DangerZone.id, DangerZone.geom)),
            ("shelter", select(Shelter.id, Shelter.geom)),
        ):
            rows = [(i, g) for i, g in session.execute(stmt) if g is not None]
            shapes = load_wkb([g for _i, g in rows])
            hit = shapely.intersects(shapes, polygon)
            out[key] = {i for (i, _g), h in zip(rows, hit.tolist(), strict=True) if h}
        year = register_year(session=session)
        households = session.execute(
            select(Household.id, Household.lon, Household.lat, Household.danger_zone_id).where(
                Household.year == year
            )
        ).all()
    out["household"] = {
        i
        for i, lon, lat, zone in households
        if (
            polygon.contains(shapely.Point(lon, lat))
            if lon is not None
            else zone in out["danger_zone"]
        )
    }
    return out


def test_an_area_drawn_lists_what_is_inside(
    qtbot: QtBot, demo_db: Database, no_tester_failures: None
) -> None:
    page, blocker = open_map(qtbot, demo_db)
    testers = [  # the lists' models, through every list shown, sorted and activated below
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
        for model in (page.area.area_model, page.area.nearest_model)
    ]
    corners = [(28.33, 121.33), (28.33, 121.41), (28.40, 121.43), (28.41, 121.34)]
    with qtbot.waitSignal(page.area.answered, timeout=60_000):
        click_through(qtbot, page, "polygon", corners)
        finish(qtbot, page)
    assert page.side_tabs.currentWidget() is page.area
    contents = page.area.contents
    assert contents is not None
    polygon = Polygon([(lng, lat) for lat, lng in corners])
    expected = independent(demo_db, polygon)
    for layer, ids in expected.items():
        assert set(contents.ids(layer)) == ids, layer
    assert expected["household"] and expected["village"] and expected["shelter"]
    assert contents.counts["household"] == len(expected["household"])
    area, _p = GEOD.geometry_area_perimeter(polygon)
    assert contents.area_km2 == pytest.approx(abs(area) / 1e6, rel=1e-6)
    assert (
        "Households" in page.area.summary.text() or "household" in page.area.summary.text().lower()
    )
    area = page.area
    assert area.area_view.isVisible() and not area.nearest_view.isVisible()
    assert area.area_model.rowCount() == min(contents.counts[area.kind.currentData()], 500)
    # The shelters' list: free places by value, the most first; a row activated (a
    # double-click) flies the map to the shelter and highlights it.
    area.kind.setCurrentIndex(area.kind.findData("shelter"))
    model, view = area.area_model, area.area_view
    assert model.rowCount() == len(expected["shelter"])
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Free places"
    assert view.isColumnHidden(4)  # "Still at home": only for households during an event
    view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    free = [int(model.display_text(row, 3) or 0) for row in range(model.rowCount())]
    assert free == sorted(free, reverse=True)
    shelter = model.row_at(0)
    cell = view.visualRect(model.index(0, 0)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert page.current == ("shelters", shelter.id)
    assert page.side_tabs.currentWidget() is area  # the list stays in view
    qtbot.waitUntil(lambda: ask(qtbot, page.view, "ECC.summary().highlighted") == 1)
    area.kind.setCurrentIndex(area.kind.findData("household"))
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Residents"
    assert model.rowCount() == min(len(expected["household"]), 500)
    assert len(testers) == 2 and blocker.blocked == []


def test_a_circle_lists_the_households_within_its_radius(qtbot: QtBot, demo_db: Database) -> None:
    page, _blocker = open_map(qtbot, demo_db)
    centre = (28.37, 121.38)
    edge_lng, edge_lat, _b = GEOD.fwd(centre[1], centre[0], 0, 3000)  # 3 km due north
    with qtbot.waitSignal(page.area.answered, timeout=60_000):
        click_through(qtbot, page, "circle", [centre, (edge_lat, edge_lng)])
    contents = page.area.contents
    assert contents is not None
    with demo_db.session(ADMIN) as session:
        year = register_year(session=session)
        rows = session.execute(
            select(Household.id, Household.lon, Household.lat).where(
                Household.year == year, Household.lon.is_not(None)
            )
        ).all()
    ids = np.array([r[0] for r in rows])
    _f, _b, dist = GEOD.inv(
        np.full(len(rows), centre[1]),
        np.full(len(rows), centre[0]),
        np.array([r[1] for r in rows]),
        np.array([r[2] for r in rows]),
    )
    clearly_in = set(ids[dist < 2990].tolist())
    clearly_out = set(ids[dist > 3010].tolist())
    listed = set(contents.ids("household"))
    assert clearly_in and clearly_in <= listed and not (listed & clearly_out)
    assert contents.area_km2 == pytest.approx(math.pi * 9, rel=0.005)


def test_nearest_names_the_closest_shelters_with_room(qtbot: QtBot, demo_db: Database) -> None:
    page, _blocker = open_map(qtbot, demo_db)
    point = (28.37, 121.38)
    with qtbot.waitSignal(page.area.answered, timeout=60_000):
        click_through(qtbot, page, "nearest", [point])
    named = [row for row in page.area.nearest if row.layer == "shelter"]
    assert len(named) == 5
    assert any(row.layer == "supply_warehouses" for row in page.area.nearest)
    with demo_db.session(ADMIN) as session:
        rows = session.execute(select(Shelter.id, Shelter.geom, Shelter.capacity)).all()
    shapes = load_wkb([g for _i, g, _c in rows])
    distances = sorted(
        (GEOD.inv(point[1], point[0], s.x, s.y)[2] / 1000, i)
        for (i, _g, capacity), s in zip(rows, shapes, strict=True)
        if s is not None and capacity > 0
    )
    assert [row.id for row in named] == [i for _d, i in distances[:5]]
    for row, (d, _i) in zip(named, distances, strict=False):
        assert row.distance_km == pytest.approx(d, rel=0.005)
    area = page.area
    assert area.nearest_view.isVisible() and not area.area_view.isVisible()
    assert area.nearest_model.display_text(0, 0) == named[0].name
    assert area.nearest_model.display_text(0, 1) == area_layer_title("shelter")
    assert area.nearest_model.display_text(0, 3) == f"{named[0].distance_km:.2f} km"


def test_a_drawn_area_is_saved_by_name_and_shown_again(qtbot: QtBot, demo_db: Database) -> None:
    from models.drawn_areas import list_drawn_areas

    page, _blocker = open_map(qtbot, demo_db)
    area = page.area
    with qtbot.waitSignal(area.answered, timeout=60_000):
        click_through(qtbot, page, "circle", [(28.37, 121.38), (28.38, 121.38)])
    first = dict(area.contents.counts)  # type: ignore[union-attr]
    area.name_edit.setText("  ")
    area.save()
    qtbot.waitUntil(lambda: area.problem.isVisible(), timeout=10_000)
    assert area.problem.text() == "Give the area a name."
    area.name_edit.setText("石塘山体滑坡")
    with qtbot.waitSignal(area.saved_loaded, timeout=10_000):
        area.save()
    assert area.saved.currentText() == "石塘山体滑坡"
    with demo_db.session(ADMIN) as session:
        saved = list_drawn_areas(session=session)
    assert [a.name for a in saved] == ["石塘山体滑坡"] and saved[0].geometry["type"] == "Circle"
    area.name_edit.setText("石塘山体滑坡")  # the same name again is refused
    area.save()
    qtbot.waitUntil(lambda: "saved already" in area.problem.text(), timeout=10_000)
    ask(qtbot, page.view, "(ECC.tools.clear(), true)")
    with qtbot.waitSignal(area.answered, timeout=60_000):
        area.show_button.click()
    assert area.contents is not None and area.contents.counts == first
    assert ask(qtbot, page.view, "ECC.tools.result()") == ""
    drawn = ask(qtbot, page.view, "ECC.map.hasLayer(ECC.tools.shape()) ")
    assert drawn is True


def test_the_lists_of_an_area_export_to_excel(
    qtbot: QtBot, typhoon_db: Database, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    page, _blocker = open_map(qtbot, typhoon_db)
    area = page.area
    with qtbot.waitSignal(area.answered, timeout=60_000):
        click_through(qtbot, page, "circle", [(28.37, 121.38), (28.385, 121.38)])
    contents = area.contents
    assert contents is not None and contents.during_event
    assert area.kind.currentData() == "household"  # during an event the households first
    header = area.area_model.headerData
    assert header(3, Qt.Orientation.Horizontal) == "Residents"
    assert header(4, Qt.Orientation.Horizontal) == "Still at home"
    assert not area.area_view.isColumnHidden(4)
    assert area.area_model.display_text(0, 4) == "Yes"  # those still at home first
    with qtbot.waitSignal(area.exported, timeout=30_000) as written:
        area.export(str(tmp_path / "area.xlsx"))
    book = load_workbook(written.args[0], read_only=True)
    counts = {row[0]: row[1] for row in book["Counts"].iter_rows(min_row=4, values_only=True)}
    assert counts["Households at risk"] == contents.counts["household"] > 0
    rows = list(book["Lists"].iter_rows(min_row=4, values_only=True))
    assert len(rows) == sum(contents.counts[k] for k in contents.layers)
    households = [r for r in rows if r[0] == "Households at risk"]
    flags = [len(r) > 6 and r[6] == "Yes" for r in households]
    assert flags == sorted(flags, reverse=True) and True in flags
