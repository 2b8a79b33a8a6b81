"""``roster set | show`` as typed, and a level change signed by the leader on the roster."""

from __future__ import annotations

from pathlib import Path

from tests.cli_helpers import run_main


def test_the_roster_names_the_leader_who_signs_level_changes(tmp_path: Path) -> None:
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    first = run_main(
        "--db", url, "user", "add", "boss", env={**env, "ECC_NEW_PASSWORD": "Boss-Password-2026"}
    )
    assert first.returncode == 0, first.stdout + first.stderr
    env["ECC_PASSWORD"] = "Boss-Password-2026"
    base = ("--lang", "zh_CN", "--db", url, "--user", "boss")

    def main(*args: str) -> tuple[int, str]:
        done = run_main(*base, *args, env=env)
        assert "Traceback" not in done.stderr
        return done.returncode, done.stdout + done.stderr

    code, said = main("roster", "show")
    assert code == 0 and "roster set" in said
    code, said = main("event", "start", "2606号台风防御")
    assert code == 0, said
    code, said = main("event", "level", "sea", "--reason", "台风进入东海")
    assert code == 1 and "值班表" in said, said  # no roster, no signer named: refused
    code, said = main(
        "roster", "set", "--officer", "张明", "--officer", "陈洁", "--leader", "李副县长",
        "--leader-phone", "13905761234",
    )  # fmt: skip
    assert code == 0 and "李副县长" in said, said
    code, said = main("roster", "show")
    assert code == 0 and "张明、陈洁" in said and "李副县长" in said and "13905761234" in said
    code, said = main("event", "level", "sea", "--reason", "台风进入东海")
    assert code == 0, said
    code, said = main("event", "end")
    assert code == 0, said
    code, said = main("event", "show", "--event", "1")
    assert said.count("李副县长") == 2 and "未启动响应" in said, said  # raised and lifted
    code, said = main("roster", "set", "--day", "2026-13-40", "--officer", "张", "--leader", "李")
    assert code == 2 and "2026-13-40" in said
    code, said = main("roster", "set", "--officer", "张", "--leader", "李", "--leader-phone", "12")
    assert code == 1 and "手机" in said
