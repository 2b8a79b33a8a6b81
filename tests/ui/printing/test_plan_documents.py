"""The plan documents: the register with its revision timetable and the deadlines (PDF and
Excel), and an activated plan's checklist with its ticks, printed as typed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import openpyxl
import pdfplumber

from models.database import Database
from models.events import start_event
from models.plans import activate_plan, checklist, tick_action
from tests.cli_helpers import run_main
from tests.models.plan_helpers import DUTY, PLANNER, add_typhoon_plan, add_units
from ui.printing.registry import Format, document


def _library(db: Database) -> int:
    with db.session(PLANNER, write=True) as session:
        add_units(session)
        add_typhoon_plan(session, issued_on=date(2022, 5, 10))
    with db.session(DUTY, write=True) as session:
        event = start_event(
            session=session,
            name="2606号台风防御",
            started_at=datetime.now(UTC) - timedelta(hours=3),
        )
        activation = activate_plan(session=session, code="ZX-01", stage="IV")
        first = checklist(session=session, activation_id=activation.id)[0]
        tick_action(session=session, item_id=first.id, note="全部回港")
    return event.id


def _text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_register_deadlines_and_checklist_documents(sqlite_db: Database, tmp_path: Path) -> None:
    event_id = _library(sqlite_db)
    with sqlite_db.session(DUTY) as session:
        register = document("plan-register", Format.PDF).make(
            session=session, path=tmp_path / "r.pdf"
        )
        due = document("plan-deadlines", Format.EXCEL).make(
            session=session, path=tmp_path / "d.xlsx"
        )
        listed = document("plan-checklist", Format.PDF).make(
            session=session, path=tmp_path / "c.pdf", event=event_id
        )
    assert register.rows == 1 and "温岭市防台风应急预案" in _text(register.path)
    sheet = openpyxl.load_workbook(due.path).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[1][:3] == ["Code", "Plan", "Deadline"]
    assert [row[2] for row in values[2:]] == ["Filing", "Evaluation", "Drill"]
    text = _text(listed.path)
    assert "渔船回港避风" in text and "全部回港" in text and "1 of 4 actions done" in text


def test_print_the_plan_register_as_typed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    database = Database(url)
    database.upgrade()
    _library(database)
    database.dispose()
    out = tmp_path / "预案目录.pdf"
    done = run_main("--db", url, "print", "plan-register", "-o", str(out), env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "应急预案目录及修订时间表" in _text(out)
    checklist_pdf = tmp_path / "清单.pdf"
    done = run_main(
        "--db", url, "print", "plan-checklist", "--event", "1", "-o", str(checklist_pdf), env=env
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "响应任务清单" in _text(checklist_pdf)
    refused = run_main(
        "--db",
        url,
        "print",
        "plan-checklist",
        "--event",
        "7",
        "-o",
        str(tmp_path / "x.pdf"),
        env=env,
    )
    assert refused.returncode == 1 and "本次事件没有启动预案" in refused.stdout + refused.stderr
