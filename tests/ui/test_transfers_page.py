"""The personnel transfer page during an event: figures, check-in and conflicts."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from models.command import level_history
from models.database import Database
from models.events import active_event, list_events, start_event
from models.transfers import (
    FIGURE_FIELDS,
    Household,
    TransferRecord,
    get_transfer,
    list_counts,
    planner_checks,
    record_transfer,
    rollup,
)
from models.users import Actor
from tests.conftest import ADMIN
from ui.command.dialogs import LevelForm
from ui.common.change_feed import ChangeFeed
from ui.common.print_preview import DocumentPreview
from ui.transfers.arrivals import ArrivalsDialog
from ui.transfers.dialogs import ReturnsDialog, StatusDialog, TownReportDialog
from ui.transfers.lists import VillageDialog
from ui.transfers.page import TransfersPage

ROOT = Path(__file__).resolve().parents[2]

OTHER = Actor(name="other-officer", role="duty")
VIEWER = Actor(name="a-viewer", role="viewer")


@pytest.fixture
def event_db(demo_db: Database) -> Database:
    """The demo county with an active event whose records are open."""
    with demo_db.session(ADMIN) as session:
        start_event(session=session, name="台风测试", response_level="III")
    return demo_db


def open_page(qtbot: QtBot, db: Database, actor: Actor = ADMIN) -> TransfersPage:
    page = TransfersPage(db, actor)
    qtbot.addWidget(page)
    page.resize(1600, 1000)
    with qtbot.waitSignal(page.ready, timeout=15_000):
        page.show()
    return page


def a_household(db: Database) -> tuple[str, int, int]:
    """Card code, record id and residents of a household still to move with a shelter."""
    with db.session(ADMIN) as session:
        row = session.execute(
            select(Household.card_code, TransferRecord.id, TransferRecord.residents)
            .join(TransferRecord, TransferRecord.household_id == Household.id)
            .where(
                TransferRecord.status == "to_move",
                TransferRecord.shelter_id.is_not(None),
                TransferRecord.residents >= 2,
            )
            .order_by(TransferRecord.id)
            .limit(1)
        ).one()
    return row[0], row[1], row[2]


def county(db: Database):
    with db.session(ADMIN) as session:
        event = active_event(session=session)
        assert event is not None
        return rollup(session=session, event_id=event.id).county


def shown(page: TransfersPage, key: str) -> str:
    return page.cards[key].value_label.text()


def find(qtbot: QtBot, page: TransfersPage, text: str) -> None:
    page.search_edit.setFocus()
    with qtbot.waitSignal(page.search_done, timeout=10_000):
        qtbot.keyClicks(page.search_edit, text)
        qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # as a wedge scanner ends a code


def press_f2(qtbot: QtBot, page: TransfersPage) -> None:
    with (
        qtbot.waitSignal(page.check_in_done, timeout=10_000),
        qtbot.waitSignal(page.ready, timeout=15_000),
    ):
        qtbot.keyClick(page.search_edit, Qt.Key.Key_F2)


def test_county_figures_are_the_rollup(qtbot: QtBot, event_db: Database) -> None:
    page = open_page(qtbot, event_db)
    figures = county(event_db)
    assert figures.people_to_move > 10_000
    for key in FIGURE_FIELDS[:7]:
        assert shown(page, key) == f"{getattr(figures, key):,}", key
    assert shown(page, "completion_rate") == f"{figures.completion_rate * 100:.1f}%"
    assert page.town_model.rowCount() == len(page.data.towns) > 0
    assert page.shelter_model.rowCount() == len(page.data.shelters) > 0
    assert "台风测试" in page.event_label.text()
    assert not page.body.isHidden() and page.start_button.isHidden()


def test_scan_and_f2_moves_the_household(qtbot: QtBot, event_db: Database) -> None:
    code, record_id, residents = a_household(event_db)
    page = open_page(qtbot, event_db)
    moved = county(event_db).moved
    assert page.search_edit.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled) is False
    find(qtbot, page, code)
    assert page.subject_model.rowCount() == 1
    assert page.selected_line() is not None and page.selected_line().card_code == code
    assert page.check_in_button.isEnabled()
    press_f2(qtbot, page)

    assert county(event_db).moved == moved + residents
    assert shown(page, "moved") == f"{moved + residents:,}"
    with event_db.session(ADMIN) as session:
        record = get_transfer(session=session, record_id=record_id)
    assert record is not None and record.sheltered == residents and record.status == "sheltered"
    assert page.selected_line().moved == residents
    assert str(residents) in page.message_label.text()
    assert not page.check_in_button.isEnabled()  # nobody left to move


def test_conflict_is_shown_and_nothing_changes(qtbot: QtBot, event_db: Database) -> None:
    code, record_id, residents = a_household(event_db)
    page = open_page(qtbot, event_db)
    find(qtbot, page, code)
    seen = page.selected_line().subject.record
    # Another workstation moves one resident to relatives after the page loaded the row.
    with event_db.session(OTHER) as session:
        record_transfer(
            session=session,
            record_id=record_id,
            status="relatives",
            count=1,
            expected_version=seen.version,
        )
    moved = county(event_db).moved
    with event_db.session(ADMIN) as session:
        before = get_transfer(session=session, record_id=record_id)

    press_f2(qtbot, page)

    assert "other-officer" in page.message_label.text()
    with event_db.session(ADMIN) as session:
        after = get_transfer(session=session, record_id=record_id)
    assert after == before and after.sheltered == 0 and after.relatives == 1
    assert county(event_db).moved == moved
    assert shown(page, "moved") == f"{moved:,}"
    line = page.selected_line()  # the row now shows the current record
    assert line.subject.record.version == after.version and line.moved == 1
    assert line.remaining == residents - 1


def test_no_event_shows_the_message_and_no_check_in(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(qtbot, demo_db)
    assert "No event is in progress" in page.event_label.text()
    assert page.body.isHidden()
    assert not page.check_in_button.isEnabled()
    assert not page.start_button.isHidden()
    qtbot.keyClick(page, Qt.Key.Key_F2)  # nothing to check in: nothing happens
    with demo_db.session(ADMIN) as session:
        assert session.scalar(select(TransferRecord.id).limit(1)) is None

    viewer = open_page(qtbot, demo_db, VIEWER)
    assert viewer.start_button.isHidden()

    # Starting an event opens the records and shows its figures.
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("台风新事件", True))
    with qtbot.waitSignal(page.ready, timeout=30_000):
        page.start_button.click()
    assert "台风新事件" in page.event_label.text()
    assert not page.body.isHidden()
    assert shown(page, "people_to_move") == f"{county(demo_db).people_to_move:,}"
    assert shown(page, "moved") == "0"


OTHER_WORKSTATION = r"""
import sys
sys.path.insert(0, sys.argv[1])
from models.database import Database
from models.transfers import record_transfer
from models.users import Actor
db = Database(sys.argv[2])
with db.session(Actor(name="shelter-desk", role="duty")) as session:
    record_transfer(session=session, record_id=int(sys.argv[3]), status="sheltered",
                    expected_version=None, where="shelter-desk")
db.dispose()
"""


def test_figures_follow_check_ins_from_another_workstation(
    qtbot: QtBot, event_db: Database
) -> None:
    _code, record_id, residents = a_household(event_db)
    page = open_page(qtbot, event_db)
    feed = ChangeFeed(event_db)
    feed.changed.connect(page.data_changed)
    moved = county(event_db).moved
    assert shown(page, "moved") == f"{moved:,}"

    # Another process checks the household in; nobody presses refresh here.
    with qtbot.waitSignal(page.ready, timeout=15_000):
        subprocess.run(
            [sys.executable, "-c", OTHER_WORKSTATION, str(ROOT), event_db.url, str(record_id)],
            check=True,
            timeout=60,
        )
    assert shown(page, "moved") == f"{moved + residents:,}"
    feed.close()


def fill_dialog_then(qtbot: QtBot, page: TransfersPage, attribute: str, fill) -> None:
    """While the page's modal dialog ``attribute`` runs, ``fill`` it (and press OK)."""

    def act() -> None:
        dialog = getattr(page, attribute, None) or next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        )
        fill(dialog)

    QTimer.singleShot(0, act)


def saved_and_reloaded(qtbot: QtBot, page: TransfersPage):
    """The page's write is done and the load after it shown (not an earlier load's)."""
    return qtbot.waitSignals([page.action_done, page.ready], order="simple", timeout=30_000)


def visible_dialog(kind: type) -> QDialog:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def test_part_of_a_household_goes_to_relatives_and_a_refusal_needs_a_reason(
    qtbot: QtBot, event_db: Database
) -> None:
    code, record_id, residents = a_household(event_db)
    page = open_page(qtbot, event_db)
    find(qtbot, page, code)
    before = county(event_db)

    def relatives(dialog: StatusDialog) -> None:
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("relatives"))
        assert dialog.count_spin.maximum() == residents
        dialog.count_spin.setValue(1)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    fill_dialog_then(qtbot, page, "status_dialog", relatives)
    with qtbot.waitSignal(page.check_in_done, timeout=10_000):
        qtbot.keyClick(page.search_edit, Qt.Key.Key_F3)
    with event_db.session(ADMIN) as session:
        record = get_transfer(session=session, record_id=record_id)
    assert record.relatives == 1 and record.partial and record.remaining == residents - 1
    assert "1" in page.message_label.text()

    def refuse(dialog: StatusDialog) -> None:
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("refused"))
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.click()  # no reason: the dialog stays open and says why
        assert dialog.isVisible() and dialog.error_label.text()
        dialog.reason_edit.setText("家中有老人不愿离开")
        ok.click()

    fill_dialog_then(qtbot, page, "status_dialog", refuse)
    with qtbot.waitSignal(page.check_in_done, timeout=10_000):
        page.other_button.click()
    with event_db.session(ADMIN) as session:
        record = get_transfer(session=session, record_id=record_id)
    assert record.refused == residents - 1 and record.refusal_reason == "家中有老人不愿离开"
    after = county(event_db)
    assert after.refused == before.refused + residents - 1
    assert after.moved == before.moved + 1


def test_tables_chart_and_arrivals_of_a_shelter(qtbot: QtBot, event_db: Database) -> None:
    code, _record_id, residents = a_household(event_db)
    page = open_page(qtbot, event_db)
    find(qtbot, page, code)
    press_f2(qtbot, page)
    data = page.data
    assert page.village_model.rowCount() == len(data.villages) > 600
    assert page.kind_model.rowCount() == len(data.kinds) > 3
    assert sorted(page.chart.shown_towns) == sorted(t.name for t in data.towns)
    lagging = min(data.towns, key=lambda t: (t.figures.completion_rate or 0, t.code))
    assert page.chart.shown_towns[0] == lagging.name  # the town that lags most on top

    shelter = page.selected_line().subject.record.shelter_id
    row = next(
        n
        for n in range(page.shelter_model.rowCount())
        if page.shelter_model.row_at(n).id == shelter
    )
    page._open_arrivals(page.shelter_model.index(row, 0))
    dialog = visible_dialog(ArrivalsDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    assert dialog.model.row_at(0).count == residents
    assert str(residents) in dialog.summary_label.text()
    dialog.close()


def test_a_full_shelter_shows_its_overflow_and_the_nearest_with_room(
    qtbot: QtBot, typhoon_db: Database
) -> None:
    """The demo typhoon's full shelters that still expect people: the occupancy table
    says by how many they overflow and names the nearest shelters with room; the
    shelter's arrivals say it too."""
    from models.transfers import overflows, room_text

    page = open_page(qtbot, typhoon_db)
    expected = overflows(page.data.shelters)
    assert expected
    lines = {line.id: line for line in page.shelter_model.rows()}
    for overflow in expected:
        line = lines[overflow.id]
        assert line.over == overflow.over
        assert line.room is not None and room_text(overflow.nearest[0]) in line.room
    assert all(
        line.over is None for line in lines.values() if line.id not in {o.id for o in expected}
    )
    worst = expected[0]
    assert f"{sum(o.over for o in expected):,}" in page.figure_tabs.warning_label.text()
    row = page.shelter_model.row_for_id(worst.id)
    assert row is not None
    over_column = [c.key for c in page.shelter_model.columns].index("over")
    assert page.shelter_model.display_text(row, over_column) == f"{worst.over:,}"

    page._open_arrivals(page.shelter_model.index(row, 0))
    dialog = visible_dialog(ArrivalsDialog)
    qtbot.waitUntil(lambda: dialog.overflow_label.isVisible(), timeout=10_000)
    assert f"{worst.over:,}" in dialog.overflow_label.text()
    assert worst.nearest[0].name in dialog.overflow_label.text()
    dialog.close()


def test_every_town_is_labelled_the_laggards_marked_and_one_click_calls_them(
    qtbot: QtBot, typhoon_db: Database
) -> None:
    """The chart names all sixteen towns (Qt Charts named 7), the lagging ones marked; the
    attention tab lists the lagging and stalled towns and villages, and a click on one
    opens its responsible persons, phones masked for a viewer."""
    from ui.transfers.attention import ContactsDialog
    from ui.transfers.charts import MARK, ROW_HEIGHT

    page = open_page(qtbot, typhoon_db, VIEWER)
    page.resize(1366, 768)
    data, attention = page.data, page.figure_tabs.attention
    assert data is not None and len(data.towns) == 16
    chart = page.chart
    lagging = [line for line in attention.model.rows() if line.id[0] == "town"]
    assert lagging and len(lagging) < 16
    assert sorted(chart.shown_towns) == sorted(t.name for t in data.towns)
    assert sorted(chart.marked_towns) == sorted(line.name for line in lagging)
    assert chart.labels() == [
        (MARK if name in chart.marked_towns else "") + name for name in chart.shown_towns
    ]
    page.tabs.setCurrentWidget(chart.parentWidget())
    qtbot.waitUntil(lambda: chart.isVisible())
    assert chart.bars.row_height() >= ROW_HEIGHT  # a readable row for every town
    assert chart.bars.height() >= 16 * ROW_HEIGHT

    tab_text = page.tabs.tabText(page.tabs.indexOf(attention))
    assert str(attention.model.rowCount()) in tab_text
    towns_first = [line.id[0] for line in attention.model.rows()]
    assert towns_first == sorted(towns_first, key=lambda level: level != "town")
    village_row = towns_first.index("village")
    attention.view.clicked.emit(attention.model.index(village_row, 1))
    dialog = visible_dialog(ContactsDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    contacts = dialog.model.rows()
    assert contacts[0].role == "head"
    assert all("****" in (c.phone or "****") for c in contacts)
    dialog.close()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_window_fits_1366_pixels_during_an_event_in_english_and_chinese(
    qtbot: QtBot, typhoon_db: Database, language: str
) -> None:
    """At 1366x768 the window, on the transfers page during an event (its widest page),
    needs no more width than the screen has: in English the page asked for 1,299 px
    (eight figure cards, six list buttons in a row beside the check-in panel)."""
    from models.settings import Settings
    from ui.app import apply_ui_font
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    apply_ui_font(app)  # the console's face, as ui.app chooses it
    install_translators(language)
    try:
        window = MainWindow(typhoon_db, ADMIN, Settings())
        qtbot.addWidget(window)
        window.resize(1366, 768)
        page = window.show_page("transfers")
        with qtbot.waitSignal(page.ready, timeout=20_000):
            window.show()
        assert window.minimumSizeHint().width() <= 1366
        assert window.width() == 1366
        for key in ("dashboard", "register"):
            window.show_page(key)
            assert window.minimumSizeHint().width() <= 1366
    finally:
        install_translators("en")
        app.setFont(font)


def test_town_figures_snapshot_level_returns_and_end(
    qtbot: QtBot, event_db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    code, record_id, residents = a_household(event_db)
    page = open_page(qtbot, event_db)
    find(qtbot, page, code)
    press_f2(qtbot, page)

    def report(dialog: TownReportDialog) -> None:
        dialog.source_edit.setText("石塘镇值班室 电话")
        dialog.time_edit.setDateTime(dialog.time_edit.dateTime().addSecs(-1800))
        dialog.spins["people_to_move"].setValue(300)
        dialog.spins["moved"].setValue(250)
        dialog.spins["sheltered"].setValue(200)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    fill_dialog_then(qtbot, page, "", report)
    with saved_and_reloaded(qtbot, page):
        page.report_button.click()
    assert page.report_model.rowCount() == 1
    reported = page.report_model.row_at(0).reported_at
    assert 1700 < (datetime.now(UTC) - reported).total_seconds() < 2000  # as entered
    assert "300" in page.reported_label.text()

    with saved_and_reloaded(qtbot, page):
        page.snapshot_button.click()
    assert page.change_model.rowCount() == 0 and page.since_label.text()

    # Printing the roll-up opens it in the print preview, which saves the PDF where the user chose.
    target = tmp_path / "rollup.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    with qtbot.waitSignal(page.action_done, timeout=30_000):
        page.print_button.click()
    preview = page.findChild(DocumentPreview)
    assert preview is not None and preview.page_count() >= 1
    preview.save_action.trigger()
    assert target.read_bytes().startswith(b"%PDF")
    preview.close()
    workbook = tmp_path / "rollup.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(workbook), ""))
    with qtbot.waitSignal(page.action_done, timeout=30_000):
        page.export_button.click()
    sheet = openpyxl.load_workbook(workbook).active
    names = {row[0] for row in sheet.iter_rows(values_only=True)}
    assert {t.name for t in page.data.towns} <= names

    # Lifting the response allows the returns; the village's moved people come home.
    assert page.returns_button.isHidden()

    def lift(dialog: LevelForm) -> None:  # kept as history, signed and explained
        dialog.level_combo.setCurrentIndex(dialog.level_combo.count() - 1)
        dialog.signer_combo.setEditText("王县长")
        dialog.set_text("reason", "台风远离")
        dialog.save_button.click()

    fill_dialog_then(qtbot, page, "", lift)
    with saved_and_reloaded(qtbot, page):
        page.level_button.click()
    assert not page.returns_button.isHidden()
    with event_db.session(ADMIN) as session:
        village = get_transfer(session=session, record_id=record_id).village_id

    def choose(dialog: ReturnsDialog) -> None:
        dialog.village_combo.setCurrentIndex(dialog.village_combo.findData(village))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    fill_dialog_then(qtbot, page, "", choose)
    with qtbot.waitSignal(page.action_done, timeout=15_000):
        page.returns_button.click()
    with event_db.session(ADMIN) as session:
        assert get_transfer(session=session, record_id=record_id).returned == residents

    fill_dialog_then(qtbot, page, "", lambda dialog: dialog.save_button.click())
    with saved_and_reloaded(qtbot, page):
        page.end_button.click()
    assert "No event is in progress" in page.event_label.text()
    with event_db.session(ADMIN) as session:
        event_id = list_events(session=session)[0].id
        history = level_history(session=session, event_id=event_id)
    assert (history[-1].new, history[-1].signer) == (None, "王县长")


def test_between_events_the_page_shows_the_lists_and_the_planner_checks(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    page = open_page(qtbot, demo_db)
    lists = page.lists
    assert lists.isVisibleTo(page) and lists.data is not None
    with demo_db.session(ADMIN) as session:
        counts = list_counts(session=session)
        checks = planner_checks(session=session)
    assert f"{counts.households:,}" in lists.summary_label.text()
    assert lists.overfull_model.rowCount() == len(checks.overfull_shelters) > 0
    assert lists.no_person_model.rowCount() == len(checks.households_without_person) > 0
    assert lists.empty_zone_model.rowCount() == len(checks.zones_without_households) > 0
    assert str(len(checks.overfull_shelters)) in lists.tabs.tabText(0)

    # Print a village's transfer cards: choose the village, then where to save.
    village = lists.data.villages[0]
    target = tmp_path / "cards.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))

    def choose(dialog: VillageDialog) -> None:
        dialog.combo.setCurrentIndex(dialog.combo.findData(village.id))
        dialog._accept()

    fill_dialog_then(qtbot, page, "", choose)
    with qtbot.waitSignal(lists.document_done, timeout=30_000):
        lists.print_cards_button.click()
    preview = lists.findChild(DocumentPreview)
    assert preview is not None and preview.isVisible()
    assert preview.save_pdf() == str(target)
    assert target.read_bytes().startswith(b"%PDF")
    preview.close()

    # During an event the lists move into a tab of their own.
    with qtbot.waitSignal(page.ready, timeout=30_000):
        monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("台风", True))
        page.start_button.click()
    assert page.tabs.indexOf(lists) >= 0


def test_a_village_situation_map_prints_from_the_lists(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    page = open_page(qtbot, demo_db)
    lists = page.lists
    village = lists.data.villages[3]
    target = tmp_path / "map.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))

    def choose(dialog: VillageDialog) -> None:
        dialog.combo.setCurrentIndex(dialog.combo.findData(village.id))
        dialog.paper_combo.setCurrentText("A3")
        dialog._accept()

    fill_dialog_then(qtbot, page, "", choose)
    with qtbot.waitSignal(lists.document_done, timeout=30_000):
        lists.print_map_button.click()
    preview = lists.findChild(DocumentPreview)
    assert preview is not None and preview.page_count() == 1
    preview.save_pdf()
    with pdfplumber.open(target) as pdf:
        page_one = pdf.pages[0]
        assert len(pdf.pages) == 1 and page_one.width > page_one.height > 800  # A3 landscape
        assert village.name in page_one.extract_text()
