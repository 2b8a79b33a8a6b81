"""The teams' imports typed on the command line: exit codes, the report in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.database import Database
from tests.cli_helpers import run_main
from tests.models.teams.rosters import SOUND_TEAMS, member_row, roster, small_county, teams_file

pytestmark = pytest.mark.slow


def test_import_teams_members_and_refusals_as_typed(tmp_path: Path) -> None:
    path = tmp_path / "console.sqlite"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    small_county(db)
    db.dispose()
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    teams = teams_file(tmp_path / "救援队伍.xlsx", SOUND_TEAMS)
    done = run_main(
        "--lang",
        "zh_CN",
        "--db",
        str(path),
        "import",
        "teams",
        str(teams),
        "--crs",
        "gcj02",
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "读取行数：3" in done.stdout

    wrong_crs = run_main("--db", str(path), "import", "teams", str(teams), "--crs", "mars", env=env)
    assert wrong_crs.returncode == 2 and "Traceback" not in wrong_crs.stderr

    good = roster(tmp_path / "花名册.xlsx", [member_row(1), member_row(2)], title=None)
    done = run_main(
        "--lang",
        "zh_CN",
        "--db",
        str(path),
        "import",
        "members",
        str(good),
        "--team",
        "温岭蓝天救援队",
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr

    bad = roster(tmp_path / "坏.xlsx", [member_row(3, id="3.31081E+17")])
    refused = run_main("--lang", "zh_CN", "--db", str(path), "import", "members", str(bad), env=env)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "科学计数法" in refused.stdout and "第 4 行" in refused.stdout

    unknown = run_main(
        "--lang",
        "zh_CN",
        "--db",
        str(path),
        "import",
        "members",
        str(good),
        "--team",
        "无此队",
        env=env,
    )
    assert unknown.returncode == 1 and "无此队" in unknown.stdout
