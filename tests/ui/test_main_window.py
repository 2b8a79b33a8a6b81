from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from models.areas import DangerZone, Division, Shelter
from models.database import Database
from models.settings import Settings
from models.users import Actor
from tests.conftest import ADMIN
from ui.common.pages import PAGE_KEYS, PAGES
from ui.main_window import MainWindow, render_offscreen, render_parts

DUTY = Actor("wang", "duty")


def make_window(qtbot: QtBot, db: Database, settings: Settings | None = None) -> MainWindow:
    window = MainWindow(db, DUTY, settings or Settings())
    qtbot.addWidget(window)
    window.show()
    return window


def test_rail_reaches_every_page(qtbot: QtBot, sqlite_db: Database) -> None:
    window = make_window(qtbot, sqlite_db)
    assert window.nav_rail.count() == len(PAGES) == 10
    for row, key in enumerate(PAGE_KEYS):
        window.nav_rail.setCurrentRow(row)
        page = window.stack.currentWidget()
        assert window.pages[key] is page


def test_status_bar_shows_no_event_the_user_and_a_clock_in_the_configured_zone(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    window = make_window(qtbot, sqlite_db, Settings(timezone="UTC"))
    assert window.event_label.text() == "No active event"
    assert "wang" in window.user_label.text()
    assert "Duty officer" in window.user_label.text()
    now = datetime.now(UTC)
    assert f"UTC {now:%Y-%m-%d %H}" in window.clock_label.text()
    beijing = make_window(qtbot, sqlite_db)
    assert beijing.clock_label.text().startswith("Beijing time")


def test_dashboard_shows_the_register_figures(
    qtbot: QtBot, sqlite_db: Database, no_tester_failures: None
) -> None:
    with sqlite_db.session(ADMIN) as session:
        county = Division(code="331081", name="温岭市", level="county")
        session.add(county)
        session.flush()
        town = Division(code="331081100", name="大溪镇", level="town", parent_id=county.id)
        session.add(town)
        session.flush()
        village = Division(code="331081100001", name="东山村", level="village", parent_id=town.id)
        session.add(village)
        session.flush()
        session.add(
            DangerZone(code="D1", name="东山滑坡", kind="geological", village_id=village.id)
        )
        session.add(
            Shelter(
                name="东山小学",
                village_id=village.id,
                level="village",
                capacity=120,
                safety_certified=True,
            )
        )
    window = make_window(qtbot, sqlite_db)
    dashboard = window.pages["dashboard"]
    tester = QAbstractItemModelTester(
        dashboard.town_model, QAbstractItemModelTester.FailureReportingMode.Warning
    )
    qtbot.waitUntil(lambda: dashboard.cards["villages"].value_label.text() == "1")
    assert "温岭市" in dashboard.title_label.text()
    assert "capacity 120" in dashboard.cards["shelters"].note_label.text()
    assert "Geological hazard" in dashboard.kinds_label.text()
    # One row per town: 大溪镇 with its village, danger zone and shelter.
    assert dashboard.town_model.rowCount() == 1
    row = dashboard.town_model.row_at(0)
    assert (row.name, row.villages, row.danger_zones, row.shelters, row.shelter_capacity) == (
        "大溪镇",
        1,
        1,
        1,
        120,
    )
    dashboard.town_view.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert tester is not None
    # No event: no progress columns and no attention tab.
    keys = [c.key for c in dashboard.town_model.columns]
    assert dashboard.town_view.isColumnHidden(keys.index("completion_rate"))
    assert not dashboard.tabs.isTabVisible(dashboard.tabs.indexOf(dashboard.attention))


def test_dashboard_shows_the_event_and_follows_check_ins(
    qtbot: QtBot, typhoon_db: Database
) -> None:
    """During the typhoon the dashboard names the event and its response level and shows
    the county's transfer figures; a check-in at another workstation shows without a
    refresh."""
    from sqlalchemy import select

    from models.events import active_event
    from models.transfers import TransferRecord, record_transfer, rollup

    with typhoon_db.session(ADMIN) as session:
        event = active_event(session=session)
        assert event is not None
        data = rollup(session=session, event_id=event.id)
        record_id, residents, version = session.execute(
            select(TransferRecord.id, TransferRecord.residents, TransferRecord.version)
            .where(
                TransferRecord.event_id == event.id,
                TransferRecord.status == "to_move",
                TransferRecord.household_id.is_not(None),
                TransferRecord.shelter_id.is_not(None),
                *[
                    TransferRecord.__table__.c[n] == 0
                    for n in ("away", "refused", "sheltered", "relatives", "forced")
                ],
            )
            .limit(1)
        ).one()
    window = make_window(qtbot, typhoon_db)
    dashboard = window.pages["dashboard"]
    cards = dashboard.event_cards
    qtbot.waitUntil(lambda: dashboard.event_row.isVisible(), timeout=10_000)
    assert event.name in dashboard.event_label.text()
    assert "Level II (orange)" in dashboard.event_label.text()
    county = data.county
    full = sum(1 for s in data.warnings if s.state == "full")
    assert [cards[k].value_label.text() for k in cards] == [
        f"{county.people_to_move:,}",
        f"{county.moved:,}",
        f"{county.still_at_home:,}",
        f"{full:,}",
    ]
    rate = f"{county.completion_rate * 100:.1f}%"
    assert rate in cards["moved"].note_label.text()
    assert full > 0 and "#b03000" in cards["full_shelters"].value_label.styleSheet()
    assert cards["moved"].value_label.styleSheet() == ""

    other = Database(typhoon_db.url)  # another workstation checks a household in
    with other.session(Actor("li", "duty")) as session:
        record_transfer(
            session=session, record_id=record_id, status="sheltered", expected_version=version
        )
    other.dispose()
    qtbot.waitUntil(
        lambda: cards["moved"].value_label.text() == f"{county.moved + residents:,}", timeout=15_000
    )
    assert cards["still_at_home"].value_label.text() == f"{county.still_at_home - residents:,}"


def test_dashboard_towns_show_their_progress_during_an_event_and_mark_the_laggards(
    qtbot: QtBot, typhoon_db: Database
) -> None:
    """Each town's people to move, moved, still at home and completion rate beside its
    register figures; the lagging ones marked with why; the attention tab beside."""
    from models.events import active_event
    from models.transfers import needs_attention, rollup

    window = make_window(qtbot, typhoon_db)
    dashboard = window.pages["dashboard"]
    qtbot.waitUntil(lambda: dashboard.event_row.isVisible(), timeout=10_000)
    shown = dashboard.attention.shown
    assert shown is not None
    with typhoon_db.session(ADMIN) as session:
        event = active_event(session=session)
        assert event is not None
        data = rollup(session=session, event_id=event.id)
        # Judged at the page's own time: "stalled" depends on the clock.
        attention = needs_attention(session=session, data=data, now=shown.judged_at)
    keys = [c.key for c in dashboard.town_model.columns]
    for key in ("people_to_move", "moved", "still_at_home", "completion_rate", "attention"):
        assert not dashboard.town_view.isColumnHidden(keys.index(key))
    lines = {line.id: line for line in dashboard.town_model.rows()}
    assert len(lines) == len(data.towns) == 16
    for town in data.towns:
        line = lines[town.id]
        assert (line.people_to_move, line.moved, line.still_at_home) == (
            town.figures.people_to_move,
            town.figures.moved,
            town.figures.still_at_home,
        )
        row = dashboard.town_model.row_for_id(town.id)
        assert dashboard.town_model.display_text(row, keys.index("completion_rate")) == (
            f"{(town.figures.completion_rate or 0) * 100:.1f}%"
        )
    marked = {line.name for line in lines.values() if line.attention}
    assert marked == {t.name for t in attention.towns} and marked
    assert all(line.attention.startswith("⚠") for line in lines.values() if line.attention)
    index = dashboard.tabs.indexOf(dashboard.attention)
    assert dashboard.tabs.isTabVisible(index)
    assert dashboard.attention.model.rowCount() == attention.count


def test_window_size_is_remembered(qtbot: QtBot, sqlite_db: Database) -> None:
    # The offscreen screen is 800 x 800: sizes beyond it are clamped on restore.
    for height in (655, 611):
        window = make_window(qtbot, sqlite_db)
        window.resize(window.width(), height)
        window.close()
        again = make_window(qtbot, sqlite_db)
        assert again.height() == height
        again.close()


def test_keyboard_shortcut_switches_pages(qtbot: QtBot, sqlite_db: Database) -> None:
    window = make_window(qtbot, sqlite_db)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.stack.currentWidget(), "0", modifier=Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["settings"]


def test_status_bar_shows_the_active_event_in_its_level_colour(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    from models.events import start_event

    with sqlite_db.session(ADMIN) as session:
        start_event(session=session, name="台风梅花", response_level="II", open_records=False)
    window = make_window(qtbot, sqlite_db)
    qtbot.waitUntil(lambda: "台风梅花" in window.event_label.text())
    assert "Level II (orange)" in window.event_label.text()
    assert "#f07800" in window.event_label.styleSheet()


def test_pages_leave_the_document_libraries_to_the_first_document() -> None:
    """Every page's code is imported at start-up; reportlab, numpy and openpyxl (0.4 s)
    are imported only when a document is written."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from ui.printing.layout import MAP_PAPERS as LAYOUT_PAPERS
    from ui.printing.registry import PAPER

    assert tuple(LAYOUT_PAPERS) == PAPER.choices
    code = (
        "import sys; from ui.common.pages import PAGE_KEYS, page_factory\n"
        "[page_factory(key) for key in PAGE_KEYS]\n"
        "print(sorted(m for m in ('reportlab', 'openpyxl', 'numpy') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.strip() == "[]", result.stdout


def test_the_map_is_built_when_the_window_is_idle_and_opens_features_elsewhere(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    """The map's web engine page is made once no load runs (never while the window first
    paints); its details open the register on the feature and the transfers page."""
    from tests.models.test_areas import build_sample_county
    from ui.map.page import MapPage
    from ui.register.page import RegisterPage
    from ui.transfers.page import TransfersPage

    build_sample_county(sqlite_db)
    window = MainWindow(sqlite_db, Actor("chen", "admin"), Settings())
    qtbot.addWidget(window)
    assert not isinstance(window.pages["map"], MapPage)  # a placeholder while the window opens
    window.show()
    # Built behind its placeholder, which is removed a turn of the event loop later.
    qtbot.waitUntil(
        lambda: isinstance(window.pages["map"], MapPage) and window.stack.count() == len(PAGES),
        timeout=20_000,
    )
    assert window.stack.currentWidget() is window.pages["dashboard"]  # built behind it
    map_page = window.pages["map"]
    assert isinstance(map_page, MapPage)
    assert window.stack.indexOf(map_page) >= 0
    with qtbot.waitSignal(map_page.ready, timeout=60_000):
        window.nav_rail.setCurrentRow(PAGE_KEYS.index("map"))
    assert window.stack.currentWidget() is map_page

    with sqlite_db.session(ADMIN) as session:
        shelter_id, village_id = (
            session.query(Shelter.id, Shelter.village_id).order_by(Shelter.id.desc()).first()
        )
    map_page.open_in_register.emit("shelters", shelter_id)
    register = window.stack.currentWidget()
    assert isinstance(register, RegisterPage)
    tab = register.current_tab()
    assert tab is register.tab_pages["shelters"]
    qtbot.waitUntil(lambda: tab.settled and tab.selected_row() is not None, timeout=20_000)
    assert tab.selected_row().id == shelter_id

    map_page.open_transfer_list.emit(village_id)
    transfers = window.stack.currentWidget()
    assert isinstance(transfers, TransfersPage)
    assert transfers.lists.village_id == village_id  # the first village its dialogs offer


def test_the_idle_window_renders_the_pages_not_shown_yet(qtbot: QtBot, demo_db: Database) -> None:
    """So that a page's first showing beside a loading worker is as quick as a later one."""
    window = MainWindow(demo_db, Actor("duty", "duty"), Settings())
    qtbot.addWidget(window)
    register = window.pages["register"]
    painted: list[QObject] = []

    class Spy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(watched)
            return False

    spy = Spy()
    register.current_tab().view.installEventFilter(spy)
    window.resize(1400, 900)
    window.show()
    qtbot.waitUntil(lambda: not window._idle_timer.isActive(), timeout=30_000)
    assert "map" not in window._placeholders  # built once the pages were warmed
    assert painted and not register.isVisible()  # painted offscreen, never shown


def test_render_parts_cover_every_widget_once_and_no_table_cell(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    for _ in range(3):
        group = QWidget()
        inner = QVBoxLayout(group)
        for n in range(20):
            inner.addWidget(QLabel(f"标签 {n}"))
        layout.addWidget(group)
    with_table = QWidget()
    inner = QVBoxLayout(with_table)
    title = QLabel("表格")
    table = QTableView()
    table.setModel(QStandardItemModel(50, 4, table))
    inner.addWidget(title)
    inner.addWidget(table)
    layout.addWidget(with_table)
    root.resize(400, 1600)
    parts = list(render_parts(root))
    assert parts[0] == (root, False)  # 70 widgets: rendered alone, then its children
    assert [(len(w.findChildren(QWidget)), whole) for w, whole in parts[1:4]] == [(20, True)] * 3
    # A view's cells are not painted: its part holds only the view, without children.
    assert parts[4:] == [(with_table, False), (title, True), (table, False)]
    for widget, whole in parts:
        render_offscreen(widget, with_children=whole)
