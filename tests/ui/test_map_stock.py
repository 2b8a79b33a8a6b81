"""The map's Stock tab: from a point clicked with the crosshair tool (or typed), the
nearest open warehouses holding an item, as many as it takes to make up the quantity,
checked against a computation of its own from the tables; the warehouses are outlined on
the map and a row chosen shows its warehouse."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from pyproj import Geod
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ui.map.view import register_schemes

register_schemes()

from models.database import Database  # noqa: E402
from models.supplies.tables import SCALE, Balance, Batch, SupplyItem, Warehouse  # noqa: E402
from tests.conftest import ADMIN  # noqa: E402
from tests.ui.test_map import open_map, wait_for  # noqa: E402
from tests.ui.test_map_tools import click_through  # noqa: E402
from ui.map.page import MapPage  # noqa: E402

pytestmark = pytest.mark.timeout(120)
GEOD = Geod(ellps="WGS84")


@pytest.fixture(scope="module", autouse=True)
def delete_pages_before_the_profile() -> Iterator[None]:
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def expected_sources(
    db: Database, item: str, asked: int, lng: float, lat: float
) -> list[tuple[int, float, Decimal, Decimal]]:
    """(warehouse, km, available, take) read from the tables: open county, town and
    agreement warehouses holding the item unexpired, nearest first, until ``asked`` is
    made up, then two more."""
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    held: dict[int, int] = {}
    with db.session(ADMIN) as session:
        item_id = session.scalar(select(SupplyItem.id).where(SupplyItem.name == item))
        places = {
            w: (x, y)
            for w, x, y in session.execute(
                select(Warehouse.id, Warehouse.lon, Warehouse.lat).where(
                    Warehouse.open.is_(True),
                    Warehouse.level.in_(("county", "town", "agreement")),
                    Warehouse.lon.is_not(None),
                )
            )
        }
        rows = session.execute(
            select(Balance.warehouse_id, Balance.quantity, Batch.expiry_date)
            .join(Batch, Batch.id == Balance.batch_id)
            .where(Balance.item_id == item_id)
        ).all()
    for w, quantity, expiry in rows:
        if w in places and quantity > 0 and (expiry is None or expiry >= today):
            held[w] = held.get(w, 0) + int(quantity * SCALE)
    by_distance = sorted(
        (GEOD.inv(lng, lat, *places[w])[2] / 1000, w, thousandths)
        for w, thousandths in held.items()
    )
    left = asked * SCALE
    out: list[tuple[int, float, Decimal, Decimal]] = []
    spare = 0
    for km, w, thousandths in by_distance:
        if left <= 0:
            if spare == 2:
                break
            spare += 1
        take = min(left, thousandths) if left > 0 else 0
        left -= take
        out.append((w, km, Decimal(thousandths) / SCALE, Decimal(take) / SCALE))
    return out


def stock_tab(qtbot: QtBot, page: MapPage) -> None:
    assert page.stock is not None
    with qtbot.waitSignal(page.stock.loaded, timeout=20_000):
        page.side_tabs.setCurrentWidget(page.stock)


def test_the_nearest_stock_of_an_item_from_a_point_of_the_map(
    qtbot: QtBot, demo_db: Database
) -> None:
    page, blocker = open_map(qtbot, demo_db)
    stock_tab(qtbot, page)
    panel = page.stock
    assert panel is not None
    # nothing filled: Enter says what is missing
    with qtbot.waitSignal(panel.answered, timeout=10_000):
        QTest.keyClick(panel.quantity_edit, Qt.Key.Key_Return)
    assert "Choose an item" in panel.problem.text()
    assert "crosshair" in panel.problem.text()

    # an item and a quantity typed, then a point clicked with the crosshair tool
    qtbot.keyClicks(panel.item_combo.lineEdit(), "WZ004")  # the code of 救生衣
    assert panel.item_combo.chosen() is not None
    panel.quantity_edit.setText("1500")
    lat, lng = 28.40, 121.50
    with qtbot.waitSignal(panel.answered, timeout=60_000):
        click_through(qtbot, page, "nearest", [(lat, lng)])
    assert page.side_tabs.currentWidget() is panel  # the officer stays on the Stock tab
    assert panel.problem.isHidden(), panel.problem.text()
    found = panel.result
    assert found is not None and found.enough and found.item == "救生衣"
    expected = expected_sources(demo_db, "救生衣", 1500, lng, lat)
    assert [s.warehouse_id for s in found.sources] == [w for w, *_ in expected]
    assert sum(1 for s in found.sources if s.take > 0) > 1  # one warehouse is not enough
    for source, (_w, km, available, take) in zip(found.sources, expected, strict=True):
        assert source.distance_km == pytest.approx(km, rel=0.005)
        assert (source.available, source.take) == (available, take)
    assert sum(s.take for s in found.sources) == 1500
    assert panel.model.rowCount() == len(expected)
    assert "enough from the nearest" in panel.summary.text()
    # the warehouses listed are outlined on the map
    marked = wait_for(
        qtbot, page.view, "ECC.summary().marked", lambda n: n == len(expected), timeout=20
    )
    assert marked == len(expected)
    # Enter on a row shows that warehouse on the map
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(1, 0))
    QTest.keyClick(panel.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.current == ("supply_warehouses", expected[1][0]), timeout=5000)

    # a point typed, more than the county holds: what it is short of
    panel.quantity_edit.setText("100000")
    panel.point_edit.setText("121.36,28.37")
    with qtbot.waitSignal(panel.answered, timeout=60_000):
        QTest.keyClick(panel.point_edit, Qt.Key.Key_Return)
    found = panel.result
    assert found is not None and not found.enough
    expected = expected_sources(demo_db, "救生衣", 100000, 121.36, 28.37)
    assert [s.warehouse_id for s in found.sources] == [w for w, *_ in expected]
    assert found.short == 100000 - sum(a for _w, _k, a, _t in expected)
    assert "short" in panel.summary.text()
    # a point outside China is refused, saying how a point is written
    panel.point_edit.setText("200,95")
    with qtbot.waitSignal(panel.answered, timeout=10_000):
        panel.find_button.click()
    assert "LON,LAT" in panel.problem.text()
    assert blocker.blocked == []
