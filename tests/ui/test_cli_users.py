"""Accounts on the command line as typed: the first administrator, a new user's own
password, ``user list | deactivate | activate``, what the local operator may do, and
``demo`` beside real accounts and real data."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
from sqlalchemy import select

from models.areas import Division
from models.database import Database
from models.transfers import list_households
from models.users import User
from tests.cli_helpers import ROOT, run_main
from tests.conftest import ADMIN

ADMIN_ENV = {"ECC_PASSWORD": "demo-admin"}  # the demo county's administrator


def users_of(url: str) -> list[tuple[str, str, bool]]:
    db = Database(url)
    try:
        with db.session(ADMIN) as session:
            return [
                (u.name, u.role, u.active) for u in session.scalars(select(User).order_by(User.id))
            ]
    finally:
        db.dispose()


def logs_in(url: str, name: str, password: str) -> bool:
    """Whether ``name`` gets in with ``password`` (``db check`` passes on these databases)."""
    result = run_main("--db", url, "--user", name, "db", "check", env={"ECC_PASSWORD": password})
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr
    return result.returncode == 0


# -- the first administrator ------------------------------------------------------------------


def test_the_first_user_is_the_administrator(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    duty = run_main("--db", url, "user", "add", "wang", "--role", "duty", stdin="duty-secret\n")
    assert duty.returncode == 1 and "Traceback" not in duty.stderr
    assert users_of(url) == []
    chief = run_main("--db", url, "user", "add", "chief", stdin="chief-secret\n")  # no --role
    assert chief.returncode == 0, chief.stderr
    assert users_of(url) == [("chief", "admin", True)]
    second = run_main("--db", url, "user", "add", "zhou", "--role", "admin", stdin="s3cret-xx\n")
    assert second.returncode == 1 and "--user" in second.stderr
    assert users_of(url) == [("chief", "admin", True)]


def three_at_once(url: str) -> list[subprocess.CompletedProcess[str]]:
    """Three ``user add NAME`` without --user, started together."""
    env = {**os.environ, "ECC_NEW_PASSWORD": "first-secret"}
    processes = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--db", url, "user", "add", name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        for name in ("chief", "zhang", "li")
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


def check_one_administrator(url: str) -> None:
    results = three_at_once(url)
    codes = sorted(r.returncode for r in results)
    assert codes == [0, 1, 1], [(r.returncode, r.stderr) for r in results]
    assert all("Traceback" not in r.stderr for r in results)
    users = users_of(url)
    assert len(users) == 1 and users[0][1] == "admin"


@pytest.mark.slow
def test_three_first_users_at_once_make_one_administrator_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'race.sqlite'}"
    assert run_main("--db", url, "db", "upgrade").returncode == 0
    check_one_administrator(url)


@pytest.mark.slow
def test_three_first_users_at_once_make_one_administrator_postgresql(pg_url: str) -> None:
    Database(pg_url).upgrade()
    check_one_administrator(pg_url)


# -- a new user's own password ------------------------------------------------------------------


def test_a_new_user_never_gets_the_acting_administrators_password(demo_db: Database) -> None:
    """Elsewhere ``--user admin user add zhou`` gave zhou the administrator's password."""
    url = demo_db.url
    added = run_main(
        "--db", url, "--user", "admin", "user", "add", "zhou", "--role", "duty",
        env=ADMIN_ENV, stdin="zhou-own-secret\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert not logs_in(url, "zhou", "demo-admin")
    assert logs_in(url, "zhou", "zhou-own-secret")
    # From its own variable; without one (and no input) it is a usage error naming it.
    by_variable = run_main(
        "--db", url, "--user", "admin", "user", "add", "qian", "--role", "clerk",
        env={**ADMIN_ENV, "ECC_NEW_PASSWORD": "qian-own-secret"},
    )  # fmt: skip
    assert by_variable.returncode == 0, by_variable.stderr
    assert logs_in(url, "qian", "qian-own-secret")
    missing = run_main(
        "--db", url, "--user", "admin", "user", "add", "sun", "--role", "clerk", env=ADMIN_ENV
    )
    assert missing.returncode == 2 and "ECC_NEW_PASSWORD" in missing.stderr
    assert "sun" not in [name for name, _, _ in users_of(url)]


def test_help_names_where_the_new_password_comes_from() -> None:
    result = run_main("--lang", "en", "user", "add", "--help")
    assert result.returncode == 0
    assert "ECC_NEW_PASSWORD" in result.stdout


# -- list, deactivate, activate -------------------------------------------------------------


def test_user_list_deactivate_and_activate(demo_db: Database) -> None:
    url = demo_db.url
    assert logs_in(url, "duty", "demo-duty")
    listed = run_main("--lang", "en", "--db", url, "--user", "admin", "user", "list", env=ADMIN_ENV)
    assert listed.returncode == 0, listed.stderr
    lines = {line.split()[0]: line for line in listed.stdout.splitlines()[1:]}
    assert set(lines) == {"admin", "duty", "planner", "clerk", "viewer"}
    assert "duty" in lines["duty"] and "active" in lines["duty"]
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", lines["duty"])  # its last login
    assert "never" in lines["viewer"]
    assert "argon2" not in listed.stdout and "$" not in listed.stdout

    off = run_main("--db", url, "--user", "admin", "user", "deactivate", "duty", env=ADMIN_ENV)
    assert off.returncode == 0, off.stderr
    assert not logs_in(url, "duty", "demo-duty")
    listed = run_main("--lang", "en", "--db", url, "--user", "admin", "user", "list", env=ADMIN_ENV)
    assert "deactivated" in next(x for x in listed.stdout.splitlines() if x.startswith("duty"))
    on = run_main("--db", url, "--user", "admin", "user", "activate", "duty", env=ADMIN_ENV)
    assert on.returncode == 0, on.stderr
    assert logs_in(url, "duty", "demo-duty")

    for refused in (
        ("--user", "admin", "user", "deactivate", "nobody"),  # no such user
        ("--user", "admin", "user", "deactivate", "admin"),  # oneself
        ("--user", "duty", "user", "deactivate", "viewer"),  # not an administrator
    ):
        env = {"ECC_PASSWORD": "demo-duty" if "duty" in refused[:2] else "demo-admin"}
        result = run_main("--db", url, *refused, env=env)
        assert result.returncode == 1 and "Traceback" not in result.stderr, refused


# -- the local operator ---------------------------------------------------------------------


def test_the_local_operator_keeps_the_machine_but_manages_no_user(
    demo_db: Database, tmp_path: Path
) -> None:
    """Elsewhere SQLite without --user acted as an administrator, unmasking included."""
    url = demo_db.url
    for words in (
        ("user", "list"),
        ("user", "deactivate", "duty"),
        ("user", "add", "wang", "--role", "duty"),
    ):
        result = run_main("--db", url, *words, stdin="long-secret\n")
        assert result.returncode == 1 and "Traceback" not in result.stderr, words
    assert ("duty", "duty", True) in users_of(url)
    assert "wang" not in [name for name, _, _ in users_of(url)]

    with demo_db.session(ADMIN) as session:
        rows = list_households(session=session, masked=False)
    code = Counter(r.village_code for r in rows).most_common(1)[0][0]
    phones = {r.householder_phone for r in rows if r.village_code == code and r.householder_phone}
    unmasked = run_main(
        "--db", url, "export", "households", "--village", code, "--unmasked",
        "-o", str(tmp_path / "full.xlsx"),
    )  # fmt: skip
    assert unmasked.returncode == 1 and not (tmp_path / "full.xlsx").exists()
    masked = run_main(
        "--db", url, "export", "households", "--village", code, "-o", str(tmp_path / "m.xlsx")
    )
    assert masked.returncode == 0, masked.stderr
    printed = run_main(
        "--db", url, "print", "transfer-list", "--village", code, "-o", str(tmp_path / "l.pdf")
    )
    assert printed.returncode == 0, printed.stderr
    with pdfplumber.open(tmp_path / "l.pdf") as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert phones and not [phone for phone in phones if phone in text]
    for words in (("db", "check"), ("db", "backup", str(tmp_path / "b.sqlite"))):
        result = run_main("--db", url, *words)
        assert result.returncode == 0, (words, result.stderr)


# -- demo beside real accounts and real data ----------------------------------------------------


def test_demo_force_backs_up_a_county_not_built_as_a_demo(tmp_path: Path) -> None:
    """Elsewhere ``demo --force`` replaced an imported county without a backup or a word."""
    path = tmp_path / "county.sqlite"
    url = f"sqlite:///{path}"
    assert run_main("--db", url, "user", "add", "chief", stdin="chief-secret\n").returncode == 0
    db = Database(url)
    with db.session(ADMIN) as session:
        session.add(Division(code="330000", name="某县", level="county"))
    db.dispose()
    plain = run_main("--db", url, "demo")
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    forced = run_main("--lang", "en", "--db", url, "demo", "--force")
    assert forced.returncode == 0, forced.stderr
    (backup,) = (path.parent / "backups").glob("county-before-demo-*.sqlite")
    assert str(backup) in forced.stdout
    with sqlite3.connect(backup) as kept:
        assert kept.execute("SELECT name FROM divisions").fetchall() == [("某县",)]
    assert "demo-admin" not in forced.stdout
    assert users_of(url) == [("chief", "admin", True)]
    assert logs_in(url, "chief", "chief-secret")
    # Now a demo database: forced again, it needs no backup.
    again = run_main("--lang", "en", "--db", url, "demo", "--force")
    assert again.returncode == 0 and "backed up" not in again.stdout
    assert len(list((path.parent / "backups").glob("county-before-demo-*.sqlite"))) == 1


def test_demo_from_empty_lists_its_accounts(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'd.sqlite'}"
    built = run_main("--lang", "en", "--db", url, "demo")
    assert built.returncode == 0, built.stderr
    assert "admin / demo-admin" in built.stdout
    assert logs_in(url, "admin", "demo-admin")
