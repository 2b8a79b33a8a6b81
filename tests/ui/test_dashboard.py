"""The dashboard's duties: the next report upward counted down, the plans' deadlines and
the supplies' alerts, as the model functions count them, and what an empty database shows."""

from __future__ import annotations

from collections import Counter

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from models.command.incidents import log_incident
from models.command.reports_due import due_reports
from models.database import Database
from models.events import active_event
from models.plans import deadline_counts
from models.settings import Settings
from models.supplies import alerts, pending_paperwork
from models.teams import change_status, status_counts
from models.teams.tables import Team
from models.users import Actor
from tests.conftest import ADMIN
from ui.common.styles import ERROR_COLOUR
from ui.dashboard.page import DashboardPage
from ui.main_window import MainWindow

DUTY = Actor("wang", "duty")


def _page(qtbot: QtBot, db: Database) -> DashboardPage:
    page = DashboardPage(db, DUTY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=10_000):
        page.show()
    return page


def test_the_typhoon_shows_the_report_due_counting_down_and_the_plans_and_supplies_figures(
    qtbot: QtBot, typhoon_db: Database
) -> None:
    with typhoon_db.session(ADMIN, write=True) as session:
        event = active_event(session=session)
        assert event is not None
        log_incident(
            session=session,
            event_id=event.id,
            kind="landslide",
            place="东山村",
            description="无人员伤亡。",
        )
        teams = session.scalars(
            select(Team.id).where(Team.status == "standby").order_by(Team.id).limit(4)
        ).all()
        for team_id, status in zip(
            teams, ("prepositioned", "dispatched", "on_scene", "assembling"), strict=True
        ):
            change_status(session=session, team_id=team_id, status=status, reason="台风防御")
    with typhoon_db.session(ADMIN) as session:
        due = due_reports(session=session)
        counts = deadline_counts(session=session)
        kinds = Counter(a.kind for a in alerts(session=session))
        pending = len(pending_paperwork(session=session))
    assert due and counts.overdue and kinds  # the scenario has something to show
    page = _page(qtbot, typhoon_db)
    report = page.duties.cards["report"]
    assert due[0].name in report.note_label.text()
    assert event.name in report.note_label.text()
    assert ":" in report.value_label.text()
    before = report.value_label.text()
    qtbot.waitUntil(lambda: report.value_label.text() != before, timeout=2500)
    plans = page.duties.cards["plans"]
    assert plans.value_label.text() == f"{counts.overdue:,}"
    assert f"{counts.soon:,} more due within 30 days" in plans.note_label.text()
    supplies = page.duties.cards["supplies"]
    assert supplies.value_label.text() == f"{sum(kinds.values()):,}"
    note = supplies.note_label.text()
    assert f"{kinds['below_minimum']:,} below minimum" in note
    assert f"{kinds['expired']:,} expired" in note
    assert f"{kinds['expiring']:,} expiring" in note
    assert f"Paperwork pending: {pending:,}" in note
    teams = page.duties.cards["teams"]
    with typhoon_db.session(ADMIN) as session:
        by_status = status_counts(session=session)
    out = sum(by_status.get(s, 0) for s in ("assembling", "dispatched", "on_scene"))
    assert out >= 3 and by_status["prepositioned"]
    assert teams.value_label.text() == f"{out:,}"
    assert teams.note_label.text() == (
        f"{by_status['on_scene']:,} on scene · {by_status['prepositioned']:,} pre-positioned · "
        f"{by_status.get('standby', 0):,} of {sum(by_status.values()):,} on standby"
    )


def test_an_overdue_report_is_red(qtbot: QtBot, typhoon_db: Database) -> None:
    from datetime import timedelta

    from models.base import utcnow

    with typhoon_db.session(ADMIN, write=True) as session:
        event = active_event(session=session)
        assert event is not None
        log_incident(
            session=session,
            event_id=event.id,
            kind="landslide",
            place="东山村",
            description="无人员伤亡。",
            at=utcnow() - timedelta(hours=5),
        )
    page = _page(qtbot, typhoon_db)
    report = page.duties.cards["report"]
    assert report.value_label.text().startswith("−")
    assert ERROR_COLOUR in report.value_label.styleSheet()
    assert "overdue" in report.note_label.text()


def test_an_empty_database_says_nothing_is_due_and_the_plans_card_opens_the_plans_page(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    window = MainWindow(sqlite_db, DUTY, Settings())
    qtbot.addWidget(window)
    window.show()
    page = window.pages["dashboard"]
    assert isinstance(page, DashboardPage)
    cards = page.duties.cards
    qtbot.waitUntil(lambda: cards["plans"].value_label.text() == "0", timeout=10_000)
    assert cards["report"].note_label.text() == "No report upward is due."
    assert cards["report"].value_label.text() == "—"
    assert cards["plans"].note_label.text() == "Nothing overdue or due within 30 days."
    assert cards["supplies"].value_label.text() == "0"
    assert "No stock below minimum, expired or expiring ·" in cards["supplies"].note_label.text()
    assert "Paperwork pending: 0" in cards["supplies"].note_label.text()
    assert cards["teams"].note_label.text() == "No rescue team is registered yet."
    page.duties.plans_button.click()
    assert window.stack.currentWidget() is window.pages["plans"]
    page.duties.supplies_button.click()
    assert window.stack.currentWidget() is window.pages["supplies"]
    page.duties.report_button.click()
    assert window.stack.currentWidget() is window.pages["dispatch"]
    page.duties.teams_button.click()
    assert window.stack.currentWidget() is window.pages["teams"]
