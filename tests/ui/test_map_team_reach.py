"""A team's 15-minute reach on the map: drawn when a team is clicked, and when the teams
page asks for it before the map has drawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ui.map.view import register_schemes

register_schemes()

from models.database import Database  # noqa: E402
from models.imports.framework import run_import  # noqa: E402
from models.settings import Settings  # noqa: E402
from models.teams import Team, team_reach  # noqa: E402
from models.users import Actor  # noqa: E402
from tests.conftest import ADMIN  # noqa: E402
from tests.models.teams.rosters import SOUND_TEAMS, small_county, teams_file  # noqa: E402
from tests.ui.test_map import ask, open_map  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.map.page import MapPage  # noqa: E402
from ui.teams.page import TeamsPage  # noqa: E402

pytestmark = pytest.mark.timeout(120)


def test_a_team_clicked_on_the_map_shows_its_reach(qtbot: QtBot, demo_db: Database) -> None:
    with demo_db.session(ADMIN) as session:
        team_id = session.scalar(
            select(Team.id).where(Team.team_class == "town_team").order_by(Team.id).limit(1)
        )
        assert team_id is not None
        reach = team_reach(session=session, team_id=team_id)
    page, _blocker = open_map(qtbot, demo_db)
    page.view.feature_clicked.emit({"layer": "teams", "id": team_id})
    qtbot.waitUntil(lambda: page.reach_label.isVisible(), timeout=10_000)
    assert page.details_title.text() == reach.name
    assert "Reach in 15 minutes: about 7.1 km" in page.reach_label.text()  # 40 km/h, 1.4
    radius = ask(qtbot, page.view, "ECC.tools.shape().getRadius()")
    assert radius == pytest.approx(reach.radius_km * 1000, rel=1e-3)
    centre = ask(qtbot, page.view, "ECC.tools.shape().getLatLng()")
    assert (centre["lng"], centre["lat"]) == pytest.approx((reach.lon, reach.lat), abs=1e-6)


def test_a_reach_asked_before_the_map_drew_is_drawn_once_it_has(
    qtbot: QtBot, demo_db: Database
) -> None:
    with demo_db.session(ADMIN) as session:
        team_id = session.scalar(select(Team.id).where(Team.lon.is_not(None)).limit(1))
        assert team_id is not None
    page = MapPage(demo_db, ADMIN, Settings())
    page.view.block_network()
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show_team_reach(team_id)
    with qtbot.waitSignal(page.ready, timeout=60_000):
        page.show()
    qtbot.waitUntil(lambda: page.reach_label.isVisible(), timeout=10_000)
    assert ask(qtbot, page.view, "ECC.map.hasLayer(ECC.tools.shape())") is True


def test_show_reach_on_the_teams_page_opens_the_map_with_the_reach(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    small_county(sqlite_db)
    path = teams_file(tmp_path / "t.xlsx", SOUND_TEAMS)
    assert run_import(db=sqlite_db, actor=ADMIN, kind="teams", path=path).ok
    window = MainWindow(sqlite_db, Actor("chen", "duty"), Settings())
    qtbot.addWidget(window)
    window.show()
    teams = window.show_page("teams")
    assert isinstance(teams, TeamsPage)
    qtbot.waitUntil(lambda: teams._team_id is not None, timeout=20_000)
    teams.reach_button.click()
    map_page = window.stack.currentWidget()
    assert isinstance(map_page, MapPage)
    qtbot.waitUntil(lambda: map_page.reach_label.isVisible(), timeout=60_000)
    assert "Reach in 15 minutes" in map_page.reach_label.text()
