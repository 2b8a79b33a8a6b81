"""The supplies page: on the demo county during its typhoon, the alerts (expired first),
the two issues on a leader's word, the transfer in transit at neither warehouse, the
goods out on loan; an empty database says how to fill it; and `screenshot supplies` as
typed on the typhoon scenario shows the alerts in Chinese."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.database import Database
from models.demo.supplies import build_supplies_scenario
from tests.cli_helpers import run_main
from tests.conftest import ADMIN, DEMO_BUILT_AT
from ui.supplies.page import SuppliesPage


def _open(qtbot: Any, db: Database) -> SuppliesPage:
    page = SuppliesPage(db, ADMIN)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=30_000):
        page.show()
    return page


def test_the_page_shows_alerts_pending_paperwork_transit_and_loans(
    qtbot: Any, typhoon_db: Database
) -> None:
    with typhoon_db.session(ADMIN, write=True) as session:
        build_supplies_scenario(session=session, now=DEMO_BUILT_AT)
    page = _open(qtbot, typhoon_db)
    assert not page.is_empty()
    assert page.cards["pending"].value_label.text() == "2"
    assert page.cards["in_transit"].value_label.text() == "1"
    alerts = page.models["alerts"][0].rows()
    assert alerts and alerts[0].kind == "expired"
    forward = [r for r in page.models["by_warehouse"][0].rows() if "前置点" in r.warehouse]
    assert forward and all(r.available == 0 and r.in_transit_in > 0 for r in forward)
    assert {r.item_name for r in page.models["on_loan"][0].rows()} >= {"冲锋舟", "船外机"}


def test_an_empty_database_says_how_to_fill_the_page(qtbot: Any, sqlite_db: Database) -> None:
    page = _open(qtbot, sqlite_db)
    assert page.is_empty()


@pytest.mark.slow
def test_screenshot_supplies_on_the_typhoon_scenario(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'typhoon.sqlite'}"
    built = run_main("--db", url, "demo", "--scenario", "typhoon")
    assert built.returncode == 0, built.stderr
    out = tmp_path / "s.png"
    shot = run_main("--lang", "zh_CN", "--db", url, "screenshot", "supplies", "-o", str(out))
    assert shot.returncode == 0, shot.stderr
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    # The alert figures are drawn in the alert colour in the cards' row.
    alert = QColor("#b03000").rgb()
    cards = [image.pixel(x, y) for x in range(190, 1600, 2) for y in range(60, 150, 2)]
    assert sum(1 for p in cards if p == alert) > 50


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_tab_label_shows_at_1366_by_768(qtbot: Any, demo_db: Database, language: str) -> None:
    """The window at 1366x768 leaves the page about 1150 px (the rail takes the rest): a
    duty officer's tabs (every one, the movements' too) show without scrolling, beside the
    reports' buttons, in both languages."""
    from PySide6.QtWidgets import QToolButton

    from models.users import Actor
    from ui.i18n import install_translators

    install_translators(language)
    try:
        page = SuppliesPage(demo_db, Actor(name="test-duty", role="duty"))
        qtbot.addWidget(page)
        page.resize(1150, 700)
        with qtbot.waitSignal(page.ready, timeout=30_000):
            page.show()
        bar = page.tabs.tabBar()
        assert page.tabs.count() == 10
        scrollers = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
        assert scrollers == [], [page.tabs.tabText(i) for i in range(page.tabs.count())]
        last = bar.tabRect(page.tabs.count() - 1)
        assert last.right() <= bar.width()
        corner = page.tabs.cornerWidget()
        assert corner is not None
        assert (
            bar.mapTo(page, last.topRight()).x() < corner.mapTo(page, corner.rect().topLeft()).x()
        )
        for i in range(page.tabs.count()):  # the full name is a tooltip away
            assert page.tabs.tabToolTip(i)
    finally:
        install_translators("en")
