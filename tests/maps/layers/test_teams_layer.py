"""The rescue teams' map layer: every team with a base, coloured by status, without phones."""

from __future__ import annotations

from pathlib import Path

from maps.layers.registry import console_layers
from models.database import Database
from models.imports.framework import run_import
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
