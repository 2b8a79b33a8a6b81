"""The rescue teams page: teams with their filters, a team's members masked by role, the
readiness summary, the experts tab and the empty state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from models.database import Database
from models.imports.framework import run_import
from models.users import Actor
from tests.conftest import ADMIN
from tests.models.teams.rosters import (
    SOUND_TEAMS,
    ident,
    member_row,
    roster,
    small_county,
    teams_file,
)
from ui.common.table import RowTableModel
from ui.teams.page import TeamsPage

DUTY = Actor(name="duty", role="duty")
PLANNER = Actor(name="planner", role="planner")


def _county(db: Database, tmp_path: Path) -> None:
    small_county(db)
    assert run_import(
        db=db, actor=ADMIN, kind="teams", path=teams_file(tmp_path / "t.xlsx", SOUND_TEAMS)
    ).ok
    rows = [member_row(1, post="队长"), member_row(2, ins_from="2019.1.1", ins_to="2020.1.1")]
    assert run_import(db=db, actor=ADMIN, kind="members", path=roster(tmp_path / "r.xlsx", rows)).ok


def shown(model: RowTableModel) -> list[Any]:
    return [model.row_at(n) for n in range(model.rowCount())]


def open_page(qtbot: QtBot, db: Database, actor: Actor) -> TeamsPage:
    page = TeamsPage(db, actor)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=15_000):
        page.show()
    return page


def test_teams_filters_and_a_teams_members(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    _county(sqlite_db, tmp_path)
    page = open_page(qtbot, sqlite_db, DUTY)
    assert page.team_model.rowCount() == 3 and page.count_label.text() == "3 teams"
    page.specialty_combo.setCurrentIndex(page.specialty_combo.findData("mountain"))
    assert [r.name for r in shown(page.team_model)] == ["温岭蓝天救援队"]
    page.specialty_combo.setCurrentIndex(0)
    page.class_combo.setCurrentIndex(page.class_combo.findData("village_squad"))
    (squad,) = shown(page.team_model)
    assert squad.members == 2 and squad.deployable == 1 and "not deployable" in squad.readiness
    with qtbot.waitSignal(page.ready, timeout=15_000):
        page.team_view.selectRow(0)
    names = {m.name: m for m in shown(page.member_model)}
    assert names["队员001"].id_number == ident(1) and names["队员001"].post == "Team leader"
    assert "2 members on duty, 1 deployable" in page.readiness_label.text()


def test_identity_numbers_are_masked_for_roles_that_may_not_unmask(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    _county(sqlite_db, tmp_path)
    page = open_page(qtbot, sqlite_db, PLANNER)
    page.class_combo.setCurrentIndex(page.class_combo.findData("village_squad"))
    with qtbot.waitSignal(page.ready, timeout=15_000):
        page.team_view.selectRow(0)
    assert all("********" in m.id_number for m in shown(page.member_model))


def test_an_empty_database_says_how_to_fill_the_page(qtbot: QtBot, sqlite_db: Database) -> None:
    page = open_page(qtbot, sqlite_db, DUTY)
    assert page.is_empty()


def test_every_member_found_by_initials_phone_digits_or_identity_number(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    _county(sqlite_db, tmp_path)
    page = open_page(qtbot, sqlite_db, DUTY)
    with qtbot.waitSignal(page.ready, timeout=15_000):
        page.tabs.setCurrentIndex(1)
    assert page.all_member_model.rowCount() == 2 and page.member_count.text() == "2 members"
    page.member_search.setText("0002")
    qtbot.waitUntil(lambda: page.member_count.text() == "1 of 2 members")
    assert shown(page.all_member_model)[0].name == "队员002"
    page.member_search.setText(ident(1)[-6:])
    qtbot.waitUntil(lambda: [m.name for m in shown(page.all_member_model)] == ["队员001"])
