"""A demo build or an import killed half way (SIGKILL) leaves a database that
``db check`` accepts, holding all or none of the work."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from models.areas import Division, Grid
from models.database import Database
from tests.cli_helpers import ROOT, run_main
from tests.conftest import ADMIN

pytestmark = pytest.mark.slow


def kill_when_past(args: list[str], percent: int, env: dict[str, str]) -> int | None:
    """Run main.py, SIGKILL it once it prints a progress line at or past ``percent``."""
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, **env},
        cwd=ROOT,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        line = line.strip()
        if line.endswith("%") and int(line[:-1]) >= percent:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=120)
    return proc.returncode


def count(db: Database, entity: type) -> int:
    with db.session(ADMIN) as session:
        return int(session.scalar(select(func.count()).select_from(entity)) or 0)


def user_args(url: str) -> tuple[list[str], dict[str, str]]:
    """On PostgreSQL a subcommand needs --user: create the administrator first."""
    if url.startswith("sqlite"):
        return [], {}
    upgraded = run_main("--db", url, "db", "upgrade")  # a workstation never upgrades PostgreSQL
    assert upgraded.returncode == 0, upgraded.stderr
    created = run_main(
        "--db", url, "user", "add", "chief", "--role", "admin", stdin="chief-secret\n"
    )
    assert created.returncode == 0, created.stderr
    return ["--user", "chief"], {"ECC_PASSWORD": "chief-secret"}


def test_demo_build_killed_half_way_leaves_nothing(db_url: str) -> None:
    who, env = user_args(db_url)
    code = kill_when_past(["--db", db_url, *who, "demo"], 60, env)
    assert code == -signal.SIGKILL
    check = run_main("--db", db_url, *who, "db", "check", env=env)
    assert check.returncode == 0, check.stdout + check.stderr
    db = Database(db_url)
    assert count(db, Division) == 0 and count(db, Grid) == 0
    db.dispose()
    # And the same database then takes a whole build.
    built = run_main("--db", db_url, *who, "demo", env=env)
    assert built.returncode == 0, built.stdout + built.stderr


def divisions_file(path: Path, villages_per_town: int) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["区划代码", "名称"])
    sheet.append(["331081", "温岭市"])
    for t in range(1, 17):
        town = f"331081{t:03d}"
        sheet.append([town, f"第{t}镇"])
        for v in range(1, villages_per_town + 1):
            sheet.append([f"{town}{v:03d}", f"第{t}镇{v}村"])
    book.save(path)
    return path


def test_import_killed_half_way_leaves_all_or_nothing(db_url: str, tmp_path: Path) -> None:
    who, env = user_args(db_url)
    source = divisions_file(tmp_path / "divisions.xlsx", 900)
    kill_when_past(["--db", db_url, *who, "import", "divisions", str(source)], 50, env)
    check = run_main("--db", db_url, *who, "db", "check", env=env)
    assert check.returncode == 0, check.stdout + check.stderr
    db = Database(db_url)
    assert count(db, Division) in (0, 1 + 16 + 16 * 900)
    db.dispose()
