"""The typhoon beside the console's map: the time slider moves the wind circles, the
reach table follows it, a count lists and marks its features, and the table exports."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QProcess, Qt
from pytestqt.qtbot import QtBot

from maps.reach import ReachIndex, compute_reach
from maps.typhoon import interpolate
from models.areas import Shelter
from models.database import Database
from models.typhoons import latest_typhoon_id, list_typhoons, load_track
from tests.conftest import ADMIN
from tests.models.test_areas import build_sample_county
from tests.ui.test_map import ask, open_map, wait_for
from ui.map.page import MapPage
from ui.map.typhoon import CIRCLES, FIRST_CIRCLE_COLUMN, LIST_LIMIT, CountLine, TyphoonPanel
from ui.map.typhoon_dialog import FORECAST_COLUMN, TyphoonDialog

pytestmark = pytest.mark.timeout(120)


def choose(qtbot: QtBot, panel: TyphoonPanel, layer: str, circle: str) -> CountLine:
    """Click a count; wait until its features are listed. Returns the count's line."""
    row = next(n for n, line in enumerate(panel.count_model.rows()) if line.id == layer)
    panel.count_view.clicked.emit(
        panel.count_model.index(row, FIRST_CIRCLE_COLUMN + CIRCLES.index(circle))
    )
    qtbot.waitUntil(
        lambda: (
            panel.listing is not None
            and (panel.listing.layer, panel.listing.circle) == (layer, circle)
        )
    )
    return panel.count_model.rows()[row]


def settled_at(qtbot: QtBot, page: MapPage, stop: int) -> None:
    """Move the slider to ``stop`` and wait until its figures are shown on the page."""
    panel = page.typhoon
    assert panel is not None and panel.loaded is not None
    at = panel.loaded.times[stop]
    if panel.slider.value() != stop:
        with qtbot.waitSignal(panel.settled, timeout=30_000):
            panel.slider.setValue(stop)
    qtbot.waitUntil(lambda: panel.shown is not None and panel.shown.at == at, timeout=30_000)


CURRENT_POINT = """(function () {
    var found = null, item = window.ECC && ECC.layers.typhoon;
    if (item && item.group) {
        item.group.eachLayer(function (l) {
            var p = l.feature.properties;
            if (p.kind === 'track_point' && p.current) { found = [l.getLatLng().lat, l.getLatLng().lng]; }
        });
    }
    return found; })()"""


def current_point(qtbot: QtBot, page: MapPage) -> list[float]:
    """Where the page draws the typhoon's position at the chosen time (lat, lng)."""
    return ask(qtbot, page.view, CURRENT_POINT)


def test_the_slider_moves_the_circles_and_the_reach_follows(
    qtbot: QtBot, demo_db: Database
) -> None:
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
        assert (line.force7_now, line.force10_now, line.force7_forecast, line.force10_forecast) == (
            count.force7_now,
            count.force10_now,
            count.force7_forecast,
            count.force10_forecast,
        )
    assert shown["village"].force10_now > 0  # at landfall the strongest winds are on the county
    assert blocker.blocked == []

    # Back to the latest bulletin with one button.
    with qtbot.waitSignal(panel.settled, timeout=30_000):
        panel.latest_button.click()
    qtbot.waitUntil(lambda: panel.shown is not None and panel.shown.at == track.current.at)
    lat, lng = current_point(qtbot, page)
    assert abs(lat - track.current.lat) < 1e-4 and abs(lng - track.current.lon) < 1e-4


def test_a_count_lists_its_features_and_marks_them_on_the_map(
    qtbot: QtBot, demo_db: Database
) -> None:
    page, _blocker = open_map(qtbot, demo_db)
    panel = page.typhoon
    assert panel is not None and panel.loaded is not None
    # At landfall some shelters are in the force-10 circle and some are not.
    at = next(
        t
        for t in panel.loaded.times[panel.loaded.start :]
        if 0 < _count(panel, t, "shelter", "force10_now") < 150
    )
    settled_at(qtbot, page, panel.loaded.times.index(at))
    expected = choose(qtbot, panel, "shelter", "force10_now").force10_now
    assert panel.feature_model.rowCount() == expected
    assert f"{expected:,} of 150" in panel.choice_label.text()
    qtbot.waitUntil(lambda: ask(qtbot, page.view, "ECC.summary().marked") == expected)

    # The people in reached households: the households are listed, nothing is marked.
    people = choose(qtbot, panel, "people", "force10_now").force10_now
    households = next(c for c in panel.count_model.rows() if c.id == "household").force10_now
    assert 0 < households < people
    assert panel.feature_model.rowCount() == min(households, LIST_LIMIT)
    assert f"{people:,} of" in panel.choice_label.text()
    assert "marked" not in panel.choice_label.text()
    qtbot.waitUntil(lambda: ask(qtbot, page.view, "ECC.summary().marked") == 0)

    # Danger zones are spread over eight layers of the map: all of them are marked.
    expected = choose(qtbot, panel, "danger_zone", "force10_now").force10_now
    assert panel.feature_model.rowCount() == expected
    qtbot.waitUntil(lambda: ask(qtbot, page.view, "ECC.summary().marked") == expected)

    # Double-click a listed danger zone: the map flies to it, the list stays.
    first = panel.feature_model.row_at(0)
    panel.feature_view.activated.emit(panel.feature_model.index(0, 0))
    assert page.current is not None and page.current[0].startswith("danger.")
    assert page.current[1] == first.id
    assert page.side_tabs.currentWidget() is panel
    assert ask(qtbot, page.view, "ECC.summary().highlighted") >= 1


def test_the_reach_is_computed_in_a_process_of_its_own_and_follows_the_register(
    qtbot: QtBot, demo_db: Database
) -> None:
    page, _blocker = open_map(qtbot, demo_db)
    panel = page.typhoon
    assert panel.loaded is not None
    process = panel.reach.child.process
    assert process is not None and process.state() == QProcess.ProcessState.Running
    first = process.processId()
    assert first not in (0, os.getpid())
    stops = panel.loaded.times[panel.loaded.start :]
    at = next(t for t in stops if _count(panel, t, "shelter", "force10_now") > 0)
    settled_at(qtbot, page, panel.loaded.times.index(at))
    before = choose(qtbot, panel, "shelter", "force10_now")
    gone = panel.feature_model.row_at(0).id

    # A reached shelter loses its location: loaded again, the counts and the list follow.
    with demo_db.session(ADMIN, write=True) as session:
        shelter = session.get(Shelter, gone)
        assert shelter is not None
        shelter.geometry = None
    panel._test_index = None  # type: ignore[attr-defined]  # _count reads the register again
    with qtbot.waitSignal(panel.settled, timeout=30_000):
        panel.load()
    qtbot.waitUntil(lambda: panel.shown is not None and panel.shown.at == at, timeout=30_000)
    after = next(line for line in panel.count_model.rows() if line.id == "shelter")
    assert (after.total, after.force10_now) == (before.total - 1, before.force10_now - 1)
    assert gone not in [line.id for line in panel.feature_model.rows()]

    # The process ends while it computes a time: the panel says so ...
    later = next(t for t in stops if t > at)
    with qtbot.waitSignal(panel.settled, timeout=30_000):
        panel.show_time(later)
        process.kill()
    assert "could not be computed" in panel.point_label.text()
    assert panel.reach.child.process is None
    # ... and the next time asked starts another, which indexes the register again.
    settled_at(qtbot, page, panel.loaded.times.index(later))
    restarted = panel.reach.child.process
    assert restarted is not None and restarted.processId() not in (0, first)
    shown = next(line for line in panel.count_model.rows() if line.id == "shelter")
    assert shown.force10_now == _count(panel, later, "shelter", "force10_now")

    # The page closes with its process idle: the next map page takes it over.
    pid = restarted.processId()
    page.close()
    assert panel.reach.child.process is None
    again, _blocker = open_map(qtbot, demo_db)
    process = again.typhoon.reach.child.process
    assert process is not None and process.processId() == pid
    opened = again.typhoon.shown
    assert opened is not None
    shown = next(line for line in again.typhoon.count_model.rows() if line.id == "shelter")
    assert shown.total == before.total - 1  # the register as it is now
    assert shown.force10_now == _count(panel, opened.at, "shelter", "force10_now")


def _count(panel: object, at: object, layer: str, circle: str) -> int:
    """The count at ``at`` as the reach computed from the database says."""
    loaded = panel.loaded  # type: ignore[attr-defined]
    return getattr(_index(panel).table(loaded.track, at).count(layer), circle)


def _index(panel: object) -> ReachIndex:
    index = getattr(panel, "_test_index", None)
    if index is None:
        with panel.db.session(ADMIN) as session:  # type: ignore[attr-defined]
            index = ReachIndex.load(session=session)
        panel._test_index = index  # type: ignore[attr-defined]
    return index


def test_the_reach_table_exports_to_excel(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> None:
    page, _blocker = open_map(qtbot, demo_db)
    panel = page.typhoon
    assert panel is not None and panel.shown is not None
    path = tmp_path / "reach.xlsx"
    panel.export_to(str(path))
    qtbot.waitUntil(lambda: panel.export_button.isEnabled(), timeout=30_000)
    assert "reach.xlsx" in panel.choice_label.text()
    book = load_workbook(path, read_only=True)
    text = "\n".join(
        str(cell)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell
    )
    with demo_db.session(ADMIN) as session:
        expected = compute_reach(
            session=session, typhoon_id=panel.loaded.track.id, at=panel.shown.at
        )
    reached = expected.reached("village", "force7_now")
    assert reached and reached[0].name in text


def fill_row(dialog: TyphoonDialog, row: int, *texts: str) -> None:
    for column, text in enumerate(texts):
        dialog.table.item(row, column).setText(text)


@pytest.fixture
def small_county(sqlite_db: Database) -> Database:
    build_sample_county(sqlite_db)  # no typhoon
    return sqlite_db


def test_a_typhoon_entered_by_hand_is_checked_saved_and_drawn(
    qtbot: QtBot, small_county: Database
) -> None:
    page, _blocker = open_map(qtbot, small_county)
    panel = page.typhoon
    assert panel is not None and panel.loaded is None
    assert "No typhoon is entered" in panel.title_label.text()
    assert panel.count_view.isHidden() and panel.feature_view.isHidden()  # no empty tables

    dialog = TyphoonDialog(small_county, ADMIN, None, page)
    qtbot.addWidget(dialog)
    dialog.code_edit.setText("2611")
    dialog.name_edit.setText("测试")
    fill_row(dialog, 0, "2026-09-01 08:00", "123.8", "26.9", "960", "38", "250", "100", "")
    dialog.add_point()  # a copy of the last point, three hours later
    assert dialog.cell(1, 0) == "2026-09-01 11:00" and dialog.cell(1, 5) == "250"
    fill_row(dialog, 1, "2026-09-01 11:00", "122.9", "127.6", "955", "40", "260/240/200/220")
    dialog.add_point()
    fill_row(dialog, 2, "2026-09-01 20:00", "121.6", "28.3", "950", "42", "280", "120", "50")
    dialog.table.item(2, FORECAST_COLUMN).setCheckState(Qt.CheckState.Checked)

    dialog.accept()  # the latitude of the second point is wrong: refused, nothing saved
    assert dialog.saved_id is None and not dialog.error_label.isHidden()
    assert "Row 2, Latitude °N" in dialog.error_label.text()
    assert dialog.table.item(1, 2).background().color().name() == "#fdecea"
    assert dialog.table.item(1, 2).toolTip()
    with small_county.session(ADMIN) as session:
        assert list_typhoons(session=session) == []

    dialog.table.item(1, 2).setText("27.6")
    dialog.accept()
    assert dialog.saved_id is not None, dialog.error_label.text()
    with small_county.session(ADMIN) as session:
        track = load_track(session=session, typhoon_id=dialog.saved_id)
    assert track is not None and track.title == "Typhoon 2611 测试"
    assert [p.is_forecast for p in track.points] == [False, False, True]
    assert track.points[1].r7 == (260, 240, 200, 220)

    with qtbot.waitSignal(panel.settled, timeout=30_000):
        panel.load(dialog.saved_id)
    qtbot.waitUntil(lambda: panel.shown is not None, timeout=30_000)
    assert panel.title_label.text() == "Typhoon 2611 测试"
    assert panel.shown is not None and panel.shown.at == track.points[1].at  # latest observed
    assert not panel.count_view.isHidden() and not panel.feature_view.isHidden()
    # The page had no typhoon layer: it is drawn again with one, at the chosen time.
    point = wait_for(qtbot, page.view, CURRENT_POINT, bool, timeout=30)
    assert abs(point[0] - 27.6) < 1e-4 and abs(point[1] - 122.9) < 1e-4


def test_radii_missing_at_a_time_are_said_and_interpolated_ones_marked(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    from models.imports.typhoon import import_typhoon
    from tests.models.imports.test_typhoon_archives import write_track

    with demo_db.session(ADMIN) as session:
        report = import_typhoon(session=session, path=write_track(tmp_path), name="Archive")
        session.commit()
    assert report.ok
    page, _blocker = open_map(qtbot, demo_db)
    panel = page.typhoon
    assert panel is not None and panel.loaded is not None and panel.shown is not None
    assert panel.loaded.track.code == "2611"
    # Its latest point, after the storm weakened, gives no radii: said above the table, and
    # the counts "now" are left empty rather than shown as zeros.
    assert panel.shown.at == panel.loaded.track.points[-1].at
    assert panel.radii_label.isVisible()
    assert "No wind radii known at this time" in panel.radii_label.text()
    towns = next(n for n, line in enumerate(panel.count_model.rows()) if line.id == "town")
    assert panel.count_model.display_text(towns, FIRST_CIRCLE_COLUMN) == ""
    assert "No wind radii known" in panel.point_label.text()

    # 21:00 UTC gives no radii in the file either: interpolated, the county inside, marked.
    stop = panel.loaded.times.index(panel.loaded.track.points[7].at)
    settled_at(qtbot, page, stop)
    assert "interpolated" in panel.radii_label.text()
    assert panel.count_model.rows()[towns].force7_now == 16
    assert "interpolated" in panel.point_label.text()

    # Every figure whole (no "20,0…"): each count column is as wide as its widest text.
    view, model = panel.count_view, panel.count_model
    for column in range(FIRST_CIRCLE_COLUMN, model.columnCount()):
        for row in range(model.rowCount()):
            text = model.display_text(row, column)
            assert view.fontMetrics().horizontalAdvance(text) < view.columnWidth(column), text
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        widest = max(
            view.horizontalHeader().fontMetrics().horizontalAdvance(t) for t in title.split("\n")
        )
        assert widest < view.columnWidth(column), title
