"""The personnel transfer page during an event: figures, check-in and conflicts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from models.database import Database
from models.events import active_event, start_event
from models.transfers import (
    FIGURE_FIELDS,
    Household,
    TransferRecord,
    get_transfer,
    record_transfer,
    rollup,
)
from models.users import Actor
from tests.conftest import ADMIN
from ui.common.change_feed import ChangeFeed
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
            .where(TransferRecord.status == "to_move", TransferRecord.shelter_id.is_not(None),
                   TransferRecord.residents >= 2)
            .order_by(TransferRecord.id).limit(1)
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
    with qtbot.waitSignal(page.check_in_done, timeout=10_000), \
            qtbot.waitSignal(page.ready, timeout=15_000):
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
        record_transfer(session=session, record_id=record_id, status="relatives", count=1,
                        expected_version=seen.version)
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


def test_no_event_shows_the_message_and_no_check_in(qtbot: QtBot, demo_db: Database,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
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


def test_figures_follow_check_ins_from_another_workstation(qtbot: QtBot,
                                                           event_db: Database) -> None:
    _code, record_id, residents = a_household(event_db)
    page = open_page(qtbot, event_db)
    feed = ChangeFeed(event_db)
    feed.changed.connect(page.data_changed)
    moved = county(event_db).moved
    assert shown(page, "moved") == f"{moved:,}"

    # Another process checks the household in; nobody presses refresh here.
    with qtbot.waitSignal(page.ready, timeout=15_000):
        subprocess.run([sys.executable, "-c", OTHER_WORKSTATION, str(ROOT), event_db.url,
                        str(record_id)], check=True, timeout=60)
    assert shown(page, "moved") == f"{moved + residents:,}"
    feed.close()
