"""The duty officer's plan commands as typed: the typhoon plan activated at Ⅳ, raised to
Ⅱ with the event's level, an action ticked; the deadlines and the search."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from models.database import Database
from models.users import create_user
from tests.cli_helpers import run_main
from tests.conftest import ADMIN
from tests.models.plan_helpers import PLANNER, add_typhoon_plan, add_units


def test_a_duty_officer_activates_raises_and_ticks_the_typhoon_plan(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    database = Database(url)
    database.upgrade()
    with database.session(None, write=True) as session:
        create_user(session=session, name="root", role="admin", password="root-secret-1")
    with database.session(ADMIN, write=True) as session:
        create_user(session=session, name="wang", role="duty", password="duty-secret-1")
    with database.session(PLANNER, write=True) as session:
        add_units(session)
        add_typhoon_plan(session, issued_on=date(2022, 5, 10))
    database.dispose()
    env = {
        "ECC_CONFIG_DIR": str(tmp_path / "c"),
        "ECC_DATA_DIR": str(tmp_path / "d"),
        "ECC_PASSWORD": "duty-secret-1",
    }
    typed = ("--lang", "zh_CN", "--db", url, "--user", "wang")

    def run(*words: str) -> str:
        done = run_main(*typed, *words, env=env)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    run("event", "start", "2606号台风防御", "--kind", "typhoon")
    run("event", "level", "Ⅳ", "--signer", "李明华", "--reason", "蓝色预警")
    assert "4" in run("plan", "activate", "ZX-01", "Ⅳ")
    lines = run("plan", "checklist", "ZX-01").splitlines()
    assert len(lines) == 4 and "渔船回港避风" in lines[0]
    item = lines[0].split("\t")[0]
    assert "渔船回港避风" in run("plan", "tick", item, "--note", "全部回港")
    run("event", "level", "Ⅱ", "--signer", "王建军", "--reason", "橙色预警")
    raised = run("plan", "checklist", "ZX-01").splitlines()
    assert len(raised) == 8 and "全部回港" in raised[0]
    assert "已超期" in run("plan", "deadlines")
    assert "【渔船】" in run("plan", "search", "渔船")
    again = run_main(*typed, "plan", "tick", item, env=env)
    assert again.returncode == 1 and "已标记完成" in again.stdout + again.stderr
    wrong = run_main(*typed, "plan", "activate", "ZX-01", "Ⅴ", env=env)
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
