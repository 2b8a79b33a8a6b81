"""``event ...`` as typed: a level change names its signer and reason, refusals are exit 1
in Chinese, wrong use exit 2, and ``event show`` lists the history."""

from __future__ import annotations

from pathlib import Path

from tests.cli_helpers import run_main


def test_an_event_from_the_sea_stage_to_ii_and_its_refusals(tmp_path: Path) -> None:
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    first = run_main(  # the first user of a database is its administrator
        "--db", url, "user", "add", "boss", env={**env, "ECC_NEW_PASSWORD": "Boss-Password-2026"}
    )
    assert first.returncode == 0, first.stdout + first.stderr
    env["ECC_PASSWORD"] = "Boss-Password-2026"
    base = ("--lang", "zh_CN", "--db", url, "--user", "boss", "event")

    def event(*args: str) -> tuple[int, str]:
        done = run_main(*base, *args, env=env)
        assert "Traceback" not in done.stderr
        return done.returncode, done.stdout + done.stderr

    assert event("start", "2606号台风防御", "--grade", "large", "--area", "全县")[0] == 0
    for level, signer, reason in (
        ("sea", "李副县长", "台风进入东海"),
        ("Ⅳ", "李副县长", "24小时内可能影响"),
        ("III", "王县长", "风圈逼近"),
        ("2", "王县长", "预计登陆"),
    ):
        code, said = event(
            "level",
            level,
            "--signer",
            signer,
            "--reason",
            reason,
            "--doc-number",
            "县防指〔2026〕24号",
        )
        assert code == 0, said
    assert "Ⅱ级" in said
    unsigned = event("level", "III", "--reason", "x")  # no --signer and no roster: refused
    assert unsigned[0] == 1 and "值班表" in unsigned[1]
    code, said = event("level", "III", "--signer", "王县长", "--reason", " ")
    assert code == 1 and "调整理由" in said
    code, said = event("level", "V", "--signer", "王县长", "--reason", "x")
    assert code == 2 and "lifted" in said
    code, said = event("show")
    assert code == 0
    assert "海上防台风应急响应 → Ⅳ级（蓝色）" in said and "王县长" in said and "较大" in said
    assert said.count("县防指〔2026〕24号") == 4
    code, said = event("show", "--event", "99999999999999999999")
    assert code == 2 and "99999999999999999999" in said
    assert event("end")[0] == 0
    code, said = event("level", "I", "--signer", "王县长", "--reason", "x")
    assert code == 1 and "没有进行中的事件" in said
    code, said = event("start", "暴雨防御", "--kind", "rainstorm")
    assert code == 0
    code, said = event("level", "sea", "--signer", "王县长", "--reason", "x")
    assert code == 1 and "仅适用于台风" in said


def test_an_event_started_on_an_area_drawn_on_the_map(tmp_path: Path) -> None:
    from models.database import Database
    from models.drawn_areas import save_drawn_area
    from tests.conftest import ADMIN

    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    first = run_main(
        "--db", url, "user", "add", "boss", env={**env, "ECC_NEW_PASSWORD": "Boss-Password-2026"}
    )
    assert first.returncode == 0, first.stdout + first.stderr
    env["ECC_PASSWORD"] = "Boss-Password-2026"
    base = ("--lang", "zh_CN", "--db", url, "--user", "boss", "event")
    unknown = run_main(
        *base, "start", "山塘溃坝", "--kind", "flood", "--drawn-area", "淹没区", env=env
    )
    assert (
        unknown.returncode == 1
        and "没有名为“淹没区”的已保存区域" in unknown.stdout + unknown.stderr
    )
    database = Database(url)
    with database.session(ADMIN, write=True) as session:
        circle = {"type": "Circle", "center": [121.4, 28.3], "radius": 1500.0}
        save_drawn_area(session=session, name="淹没区", geometry=circle)
    database.dispose()
    started = run_main(
        *base, "start", "山塘溃坝", "--kind", "flood", "--drawn-area", "淹没区", env=env
    )
    assert started.returncode == 0, started.stdout + started.stderr
    shown = run_main(*base, "show", env=env)
    assert shown.returncode == 0 and "淹没区" in shown.stdout


def test_the_local_operator_does_not_run_events(tmp_path: Path) -> None:
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    done = run_main("--lang", "zh_CN", "--db", url, "event", "start", "台风防御", env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "无权" in done.stderr and "Traceback" not in done.stderr
