"""The numbering register: numbers per kind and year, the issuer's abbreviation as the
prefix, and never one number twice when two workstations number at the same moment
(two processes on one SQLite file, and on PostgreSQL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from models.command import issuer, numbers_taken, set_issuer, take_number
from models.database import Database
from models.refusals import PermissionDenied, ValidationError
from models.users import Actor
from tests.cli_helpers import ROOT
from tests.conftest import ADMIN

VIEWER = Actor(name="viewer", role="viewer")


def test_numbers_count_per_kind_and_year_after_the_issuer_abbreviation(db: Database) -> None:
    with db.session(ADMIN, write=True) as session:
        assert issuer(session=session).abbreviation == "县防指"  # no county: a plain default
        set_issuer(session=session, name="某某县防汛防台抗旱指挥部", abbreviation="某防指")
        first = take_number(session=session, kind="report", subject="首报")
        second = take_number(session=session, kind="report", subject="续报一")
        order = take_number(session=session, kind="order", subject="调度令")
        next_year = take_number(
            session=session, kind="report", subject="首报", at=datetime(2027, 3, 1, tzinfo=UTC)
        )
    assert first.text.endswith("〕1号") and first.text.startswith("某防指〔")
    assert second.number == 2
    assert order.text.startswith("某防指令〔") and order.number == 1
    assert next_year.text == "某防指〔2027〕1号"
    with db.session(ADMIN) as session:
        assert [n.number for n in numbers_taken(session=session, kind="report")] == [1, 2, 1]


def test_the_issuer_is_refused_empty_and_numbering_needs_the_events_permission(
    db: Database,
) -> None:
    with db.session(ADMIN, write=True) as session, pytest.raises(ValidationError) as refused:
        set_issuer(session=session, name=" ", abbreviation="")
    assert {field for field, _ in refused.value.problems} == {"name", "abbreviation"}
    with db.session(VIEWER, write=True) as session, pytest.raises(PermissionDenied):
        take_number(session=session, kind="report", subject="首报")


def test_the_default_issuer_comes_from_the_county(demo_db: Database) -> None:
    with demo_db.session(ADMIN) as session:
        found = issuer(session=session)
    assert found.name.endswith("防汛防台抗旱指挥部") and found.abbreviation.endswith("防指")
    assert not found.configured


NUMBERER = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from models.command import take_number
from models.database import Database
from models.users import Actor

url, name, go, count = sys.argv[2], sys.argv[3], Path(sys.argv[4]), int(sys.argv[5])
db = Database(url)
actor = Actor(name=name, role="duty")
with db.session(actor) as session:
    session.connection()
print("ready", flush=True)
while not go.exists():
    time.sleep(0.005)
taken = []
for n in range(count):
    with db.session(actor, write=True) as session:
        taken.append(take_number(session=session, kind="report", subject=f"{name} {n}").number)
    time.sleep(0.01)  # the other workstation gets its turn
print(json.dumps(taken))
"""

COUNT = 40


def test_two_workstations_numbering_at_once_never_get_the_same_number(
    db: Database, tmp_path: Path
) -> None:
    go = tmp_path / "go"
    url = db.engine.url.render_as_string(hide_password=False)
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", NUMBERER, str(ROOT), url, name, str(go), str(COUNT)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        for name in ("workstation-1", "workstation-2")
    ]
    for process in processes:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
    go.touch()
    taken: list[list[int]] = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        taken.append(json.loads(out.strip().splitlines()[-1]))
    everything = taken[0] + taken[1]
    assert sorted(everything) == list(range(1, 2 * COUNT + 1))
    assert all(a < b for a, b in zip(taken[0], taken[0][1:], strict=False))
    # the two ran at the same time: each took numbers while the other was numbering
    assert max(min(t) for t in taken) < min(max(t) for t in taken)
    with db.session(ADMIN) as session:
        rows = numbers_taken(session=session, kind="report")
    assert len({r.text for r in rows}) == 2 * COUNT
    assert {r.taken_by for r in rows} == {"workstation-1", "workstation-2"}


def test_a_workstation_numbering_while_another_holds_the_same_number_takes_the_next(
    db: Database,
) -> None:
    """The second workstation asks while the first holds number 1 uncommitted: it waits
    (SQLite: for the write lock; PostgreSQL: on the unique index) and takes 2."""
    results: list[int] = []
    with db.session(ADMIN, write=True) as first:
        assert take_number(session=first, kind="report", subject="A").number == 1

        def second() -> None:
            with db.session(Actor(name="duty", role="duty"), write=True) as session:
                results.append(take_number(session=session, kind="report", subject="B").number)

        thread = threading.Thread(target=second)
        thread.start()
        thread.join(0.5)
        assert thread.is_alive()  # waiting for the first one
    thread.join(30)
    assert results == [2]
