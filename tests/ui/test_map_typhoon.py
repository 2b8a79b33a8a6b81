"""The typhoon beside the console's map: the time slider moves the wind circles, the
reach table follows it, a count lists and marks its features, and the table exports."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from maps.reach import compute_reach
from maps.typhoon import interpolate
from models.database import Database
from models.typhoons import latest_typhoon_id, load_track
from tests.conftest import ADMIN
from tests.ui.test_map import ask, open_map  # registers the tiles scheme first
from ui.map.page import MapPage
from ui.map.typhoon import CIRCLES, FIRST_CIRCLE_COLUMN

pytestmark = pytest.mark.timeout(120)


def settled_at(qtbot: QtBot, page: MapPage, stop: int) -> None:
    """Move the slider to ``stop`` and wait until its figures are shown on the page."""
    panel = page.typhoon
    assert panel is not None and panel.loaded is not None
    at = panel.loaded.times[stop]
    if panel.slider.value() != stop:
        with qtbot.waitSignal(panel.settled, timeout=30_000):
            panel.slider.setValue(stop)
    qtbot.waitUntil(lambda: panel.shown is not None and panel.shown.at == at, timeout=30_000)


def current_point(qtbot: QtBot, page: MapPage) -> list[float]:
    """Where the page draws the typhoon's position at the chosen time (lat, lng)."""
    return ask(qtbot, page.view, """(function () {
        var found = null;
        ECC.layers.typhoon.group.eachLayer(function (l) {
            var p = l.feature.properties;
            if (p.kind === 'track_point' && p.current) { found = [l.getLatLng().lat, l.getLatLng().lng]; }
        });
        return found; })()""")


def test_the_slider_moves_the_circles_and_the_reach_follows(qtbot: QtBot,
                                                            demo_db: Database) -> None:
    page, blocker = open_map(qtbot, demo_db)
    panel = page.typhoon
    assert panel is not None and panel.loaded is not None and panel.shown is not None
    with demo_db.session(ADMIN) as session:
        typhoon_id = latest_typhoon_id(session=session)
        assert typhoon_id is not None
        track = load_track(session=session, typhoon_id=typhoon_id)
    assert track is not None and track.current is not None
    assert panel.title_label.text() == track.title
    # It opens at the latest bulletin, marked as observed.
    assert panel.shown.at == track.current.at
    assert "(observed)" in panel.time_label.text()

    # Twelve hours later, in the forecast: the position drawn is the interpolated one.
    later = track.current.at + timedelta(hours=12)
    stop = panel.loaded.times.index(later)
    settled_at(qtbot, page, stop)
    assert "(forecast)" in panel.time_label.text()
    point = interpolate(track, later)
    assert point is not None
    lat, lng = current_point(qtbot, page)
    assert abs(lat - point.lat) < 1e-4 and abs(lng - point.lon) < 1e-4

    # The table shows what the same computation from the database says.
    with demo_db.session(ADMIN) as session:
        expected = compute_reach(session=session, typhoon_id=typhoon_id, at=later)
    shown = {line.id: line for line in panel.count_model.rows()}
    for count in expected.counts:
        line = shown[count.layer]
        assert (line.force7_now, line.force10_now, line.force7_forecast,
                line.force10_forecast) == (count.force7_now, count.force10_now,
                                           count.force7_forecast, count.force10_forecast)
    assert shown["village"].force10_now > 0  # at landfall the strongest winds are on the county
    assert blocker.blocked == []

    # Back to the latest bulletin with one button.
    with qtbot.waitSignal(panel.settled, timeout=30_000):
        panel.latest_button.click()
    qtbot.waitUntil(lambda: panel.shown is not None and panel.shown.at == track.current.at)
    lat, lng = current_point(qtbot, page)
    assert abs(lat - track.current.lat) < 1e-4 and abs(lng - track.current.lon) < 1e-4


def test_a_count_lists_its_features_and_marks_them_on_the_map(qtbot: QtBot,
                                                              demo_db: Database) -> None:
    page, _blocker = open_map(qtbot, demo_db)
    panel = page.typhoon
    assert panel is not None and panel.loaded is not None
    # At landfall some shelters are in the force-10 circle and some are not.
    at = next(t for t in panel.loaded.times[panel.loaded.start:]
              if 0 < _count(panel, t, "shelter", "force10_now") < 150)
    settled_at(qtbot, page, panel.loaded.times.index(at))
    row = next(n for n, line in enumerate(panel.count_model.rows()) if line.id == "shelter")
    column = FIRST_CIRCLE_COLUMN + CIRCLES.index("force10_now")
    panel.count_view.clicked.emit(panel.count_model.index(row, column))
    expected = panel.count_model.rows()[row].force10_now
    assert panel.feature_model.rowCount() == expected
    assert f"{expected:,} of 150" in panel.choice_label.text()
    marked = ask(qtbot, page.view, "ECC.summary().marked")
    assert marked == expected

    # Danger zones are spread over eight layers of the map: all of them are marked.
    row = next(n for n, line in enumerate(panel.count_model.rows()) if line.id == "danger_zone")
    panel.count_view.clicked.emit(panel.count_model.index(row, column))
    expected = panel.count_model.rows()[row].force10_now
    qtbot.waitUntil(lambda: ask(qtbot, page.view, "ECC.summary().marked") == expected)

    # Double-click a listed danger zone: the map flies to it, the list stays.
    first = panel.feature_model.row_at(0)
    panel.feature_view.activated.emit(panel.feature_model.index(0, 0))
    assert page.current is not None and page.current[0].startswith("danger.")
    assert page.current[1] == first.id
    assert page.side_tabs.currentWidget() is panel
    assert ask(qtbot, page.view, "ECC.summary().highlighted") >= 1


def _count(panel: object, at: object, layer: str, circle: str) -> int:
    from ui.map.typhoon import at_time

    loaded = panel.loaded  # type: ignore[attr-defined]
    result = at_time(loaded=loaded, at=at)
    return next(getattr(c, circle) for c in result.counts if c.id == layer)


def test_the_reach_table_exports_to_excel(qtbot: QtBot, demo_db: Database,
                                          tmp_path: Path) -> None:
    page, _blocker = open_map(qtbot, demo_db)
    panel = page.typhoon
    assert panel is not None and panel.shown is not None
    path = tmp_path / "reach.xlsx"
    panel.export_to(str(path))
    qtbot.waitUntil(lambda: panel.export_button.isEnabled(), timeout=30_000)
    assert "reach.xlsx" in panel.choice_label.text()
    book = load_workbook(path, read_only=True)
    text = "\n".join(str(cell) for sheet in book.worksheets
                     for row in sheet.iter_rows(values_only=True) for cell in row if cell)
    reached = [f for f in panel.shown.features if f.layer == "village"]
    assert reached and reached[0].name in text
