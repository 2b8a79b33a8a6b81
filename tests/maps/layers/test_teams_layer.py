"""The rescue teams' map layer: every team with a base, coloured by status, without phones."""

from __future__ import annotations

from pathlib import Path

import pytest

from maps.area import AreaIndex, nearest_of_kinds
from maps.layers.registry import console_layers
from maps.layers.teams import circle_geometry, reach_circle
from models.database import Database
from models.imports.framework import run_import
from models.refusals import NotFound
from models.teams import change_status, find_team
from tests.conftest import ADMIN
from tests.models.teams.rosters import SOUND_TEAMS, small_county, teams_file


def test_teams_are_drawn_at_their_bases_by_status(sqlite_db: Database, tmp_path: Path) -> None:
    small_county(sqlite_db)
    path = teams_file(tmp_path / "t.xlsx", SOUND_TEAMS)
    assert run_import(db=sqlite_db, actor=ADMIN, kind="teams", path=path).ok
    with sqlite_db.session(ADMIN, write=True) as session:
        team = find_team(session=session, name="温岭蓝天救援队")
        change_status(session=session, team_id=team.id, status="dispatched", reason="险情")
    with sqlite_db.session(ADMIN) as session:
        (layer,) = [data for data in console_layers(session=session) if data.key == "teams"]
    props = {p["name"]: p for p in layer.features.properties}
    assert len(props) == 3 and props["温岭蓝天救援队"]["status"] == "dispatched"
    assert "dispatched" in layer.style["variants"]
    assert not any("mobile" in key for p in props.values() for key in p)
    assert {round(g.x, 3) for g in layer.features.geometries} == {121.566, 121.58, 121.39}


def test_teams_in_a_drawn_area_in_nearest_and_their_reach(
    sqlite_db: Database, tmp_path: Path
) -> None:
    small_county(sqlite_db)
    path = teams_file(tmp_path / "t.xlsx", SOUND_TEAMS)
    assert run_import(db=sqlite_db, actor=ADMIN, kind="teams", path=path).ok
    with sqlite_db.session(ADMIN) as session:
        (layer,) = [data for data in console_layers(session=session) if data.key == "teams"]
        ids = {p["name"]: p["id"] for p in layer.features.properties}
        assert ids["温岭蓝天救援队"] == find_team(session=session, name="温岭蓝天救援队").id
        reach = reach_circle(session=session, team_id=ids["礁山村应急救援小分队"])
    # a village squad at 30 km/h covers 7.5 km of road in 15 minutes: 5.36 km straight
    assert reach.radius_km == pytest.approx(30 * 0.25 / 1.4)
    circle = circle_geometry(reach)
    assert circle["center"] == [121.58, 28.36] and circle["radius"] == pytest.approx(5357.1)
    index = _index_without_register(sqlite_db)
    around = {"type": "Circle", "center": [121.58, 28.36], "radius": 3000}
    inside = index.contents(around)
    assert [row.name for row in inside.rows("teams")] == [
        "松门镇综合应急救援队",
        "礁山村应急救援小分队",
    ]
    assert "Village rescue squad" in inside.rows("teams")[1].detail
    named = nearest_of_kinds(index, lng=121.39, lat=28.37)
    assert next(row.name for row in named) == "温岭蓝天救援队"
    assert {row.layer for row in named} == {"teams"}


def test_a_team_without_a_base_has_no_reach(sqlite_db: Database, tmp_path: Path) -> None:
    small_county(sqlite_db)
    rows = [[*SOUND_TEAMS[0][:7], "", "", *SOUND_TEAMS[0][9:]]]
    assert run_import(
        db=sqlite_db, actor=ADMIN, kind="teams", path=teams_file(tmp_path / "t.xlsx", rows)
    ).ok
    with sqlite_db.session(ADMIN) as session:
        team = find_team(session=session, name="松门镇综合应急救援队")
        with pytest.raises(NotFound, match="no base location"):
            reach_circle(session=session, team_id=team.id)


def _index_without_register(db: Database) -> AreaIndex:
    with db.session(ADMIN) as session:
        return AreaIndex.load(session=session)
