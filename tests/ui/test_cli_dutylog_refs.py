"""``dutylog add --team NAME`` / ``--warehouse NAME`` as typed on the demo county: the
team or warehouse found by its name or a part of it, shown by ``dutylog list`` and found
by ``list --team``; an unknown or ambiguous name refused (exit 1, in Chinese)."""

from __future__ import annotations

from pathlib import Path

from models.command import resource_choices
from models.database import Database
from models.users import Actor
from tests.cli_helpers import run_main


def test_entries_name_a_team_or_warehouse_on_the_command_line(
    typhoon_db: Database, tmp_path: Path
) -> None:
    with typhoon_db.session(Actor(name="duty", role="duty")) as session:
        choices = resource_choices(session=session)
    teams = [c.name for c in choices if c.kind == "team"]
    warehouse = next(c.name for c in choices if c.kind == "warehouse")
    team = next(name for name in teams if "蓝天" in name or "镇" in name)
    typhoon_db.dispose()
    env = {
        "ECC_CONFIG_DIR": str(tmp_path / "c"),
        "ECC_DATA_DIR": str(tmp_path / "d"),
        "ECC_PASSWORD": "demo-duty",
    }
    base = ("--lang", "zh_CN", "--db", f"sqlite:///{tmp_path / 'typhoon.sqlite'}")

    def main(*args: str) -> tuple[int, str]:
        done = run_main(*base, "--user", "duty", "dutylog", *args, env=env)
        assert "Traceback" not in done.stderr
        return done.returncode, done.stdout + done.stderr

    code, said = main("add", "--kind", "action", "--content", "调派救援队前置", "--team", team)
    assert code == 0, said
    code, said = main(
        "add", "--kind", "action", "--content", "发放编织袋", "--warehouse", warehouse[:-1]
    )
    assert code == 0, said
    code, said = main("list", "--limit", "5")
    assert code == 0 and f"队伍：{team}" in said and f"仓库：{warehouse}" in said, said
    code, said = main("list", "--team", team)
    assert code == 0 and "调派救援队前置" in said and "发放编织袋" not in said, said

    code, said = main("add", "--kind", "action", "--content", "x", "--team", "不存在的队伍")
    assert code == 1 and "没有名为“不存在的队伍”的救援队伍" in said, said
    code, said = main("add", "--kind", "action", "--content", "x", "--team", "救援")
    assert code == 1 and "多个" in said and "全称" in said, said
