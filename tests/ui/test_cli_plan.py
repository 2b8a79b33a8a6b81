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


def test_a_planner_adds_a_version_with_its_document_and_sees_what_changed(
    tmp_path: Path,
) -> None:
    from models.plans import list_versions, set_content, version_content
    from tests.models.plan_helpers import docx_bytes, typhoon_stages

    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    database = Database(url)
    database.upgrade()
    with database.session(None, write=True) as session:
        create_user(session=session, name="root", role="admin", password="root-secret-1")
    with database.session(ADMIN, write=True) as session:
        create_user(session=session, name="li", role="planner", password="plan-secret-1")
    with database.session(PLANNER, write=True) as session:
        add_units(session)
        add_typhoon_plan(session)
    env = {
        "ECC_CONFIG_DIR": str(tmp_path / "c"),
        "ECC_DATA_DIR": str(tmp_path / "d"),
        "ECC_PASSWORD": "plan-secret-1",
    }
    typed = ("--lang", "zh_CN", "--db", url, "--user", "li")
    document = tmp_path / "防台风应急预案（2026年修订）.docx"
    document.write_bytes(docx_bytes("第一章 总则", "海塘巡查每两小时报告一次。"))
    done = run_main(
        *typed, "plan", "version", "ZX-01", "2026年修订版", "--file", str(document), env=env
    )
    assert done.returncode == 0, done.stdout + done.stderr
    file_id = done.stdout.splitlines()[-1].split("\t")[0]
    unchanged = run_main(*typed, "plan", "compare", "ZX-01", env=env)
    assert unchanged.returncode == 0 and "没有变化" in unchanged.stdout, unchanged.stdout
    with database.session(PLANNER, write=True) as session:
        latest = list_versions(session=session, code="ZX-01")[-1]
        set_content(session=session, version_id=latest.id, stages=typhoon_stages(extra=True))
        assert len(version_content(session=session, version_id=latest.id)) == 5
    database.dispose()
    changed = run_main(*typed, "plan", "compare", "ZX-01", env=env)
    assert "+ IV\t通过广播电视发布防台提示" in changed.stdout
    assert "- IV\t启动防台风Ⅳ级应急响应" in changed.stdout
    assert "~ IV\t发布台风蓝色预警\t县气象局 60\t→\t县气象局 30" in changed.stdout
    out = tmp_path / "out.docx"
    written = run_main(*typed, "plan", "file", file_id, "-o", str(out), env=env)
    assert written.returncode == 0 and out.read_bytes() == document.read_bytes()
    assert "海塘巡查" in run_main(*typed, "plan", "search", "海塘巡查", env=env).stdout
    missing = run_main(*typed, "plan", "version", "ZX-01", "x", "--file", "nope.pdf", env=env)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr

    # The evaluation (评估): its next one is due three years on, on the deadline list.
    bad_day = run_main(*typed, "plan", "evaluated", "ZX-01", "--on", "11月30日", env=env)
    assert bad_day.returncode == 2 and "2026-12-07" in bad_day.stderr
    future = run_main(*typed, "plan", "evaluated", "ZX-01", "--on", "2099-01-01", env=env)
    assert future.returncode == 1 and "Traceback" not in future.stderr
    evaluated = run_main(*typed, "plan", "evaluated", "ZX-01", "--on", "2026年11月30日", env=env)
    assert evaluated.returncode == 0 and "2026-11-30" in evaluated.stdout, evaluated.stderr
    listed = run_main(*typed, "plan", "deadlines", "--all", env=env)
    assert any(
        line.startswith("ZX-01") and "2029-11-30" in line for line in listed.stdout.splitlines()
    ), listed.stdout


def test_deadlines_past_the_official_calendar_are_marked_and_explained(tmp_path: Path) -> None:
    from models.plans import CALENDAR_LAST_YEAR, PlanFields, save_plan

    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    database = Database(url)
    database.upgrade()
    with database.session(PLANNER, write=True) as session:
        save_plan(
            session=session,
            fields=PlanFields(
                "ZX-09",
                "温岭市气象灾害应急预案",
                "special",
                doc_number="温政办发〔2026〕30号",
                issued_on=date(CALENDAR_LAST_YEAR, 12, 20),
                status="published",
            ),
        )
    database.dispose()
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    done = run_main("--lang", "en", "--db", url, "plan", "deadlines", "--all", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    filing = next(line for line in done.stdout.splitlines() if "\tFiling\t" in line)
    assert "(estimated: past the official calendar)" in filing
    assert f"Dates marked estimated fall after {CALENDAR_LAST_YEAR}" in done.stdout
    assert "chinesecalendar 1." in done.stdout
