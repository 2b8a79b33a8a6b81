"""Several writers on one SQLite file: while two other processes check people in every
0.2 s, a 2,000-row household list imported from the command line (twice at once, as two
workstations might), towns' phoned-in figures and kept reports all succeed; nothing is
refused with "database is locked" and every check-in is counted once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from models.database import Database
from models.events import start_event
from models.transfers import (
    Household,
    TownReport,
    TransferChange,
    TransferRecord,
    add_town_report,
    take_snapshot,
    tallies_match_records,
)
from models.users import Actor
from tests.cli_helpers import ROOT
from tests.conftest import ADMIN
from tests.models.imports.test_households import row, write_list
from tests.models.test_transfers import add_household, make_register
from ui.common.operations import Outcome, unit_of_work

pytestmark = [pytest.mark.slow, pytest.mark.serial]  # processes side by side: run alone

LIST_ROWS = 2000
TOWN_REPORTS = 12
DUTY = Actor(name="duty", role="duty")

# A workstation's check-in panel: the record read in one unit of work, the key press
# written in the next (a writing one, as the page's operation helper runs it), one every
# 0.2 s until told to stop.
CHECKER = r"""
import json, random, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from sqlalchemy.exc import OperationalError
from models.database import Database
from models.transfers import TransferConflict, get_transfer, record_transfer
from models.users import Actor

url, name, stop, record_ids = sys.argv[2], sys.argv[3], Path(sys.argv[4]), json.loads(sys.argv[5])
db = Database(url)
actor = Actor(name=name, role="duty")
rng = random.Random(name)
done = conflicts = locked = 0
slowest = 0.0
print("ready", flush=True)
while not stop.exists():
    record_id = rng.choice(record_ids)
    with db.session(actor) as session:
        version = get_transfer(session=session, record_id=record_id).version
    started = time.perf_counter()
    try:
        with db.session(actor, write=True) as session:
            record_transfer(session=session, record_id=record_id, status="sheltered",
                            count=1, expected_version=version, where=name)
        done += 1
    except TransferConflict:
        conflicts += 1
    except OperationalError as error:
        locked += 1
        print(str(error).splitlines()[0], file=sys.stderr)
    slowest = max(slowest, time.perf_counter() - started)
    time.sleep(0.2)
print(json.dumps({"done": done, "conflicts": conflicts, "locked": locked, "slowest": slowest}))
"""


def _prepare(db: Database) -> tuple[int, int, list[int]]:
    """The small county, 8 households of 40 in 东海村 with their records open in an event."""
    with db.session(ADMIN) as session:
        reg = make_register(session)
        for n in range(8):
            add_household(
                session, reg.b1, reg.zones["z3"], f"东海{n}", 40, shelter_id=reg.shelters["S2"]
            )
        event = start_event(session=session, name="台风“海葵”")
        ids = list(
            session.scalars(select(TransferRecord.id).where(TransferRecord.event_id == event.id))
        )
    return event.id, reg.town_b, ids


def _start_checkers(url: str, stop: Path, record_ids: list[int]) -> list[subprocess.Popen[str]]:
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                CHECKER,
                str(ROOT),
                url,
                name,
                str(stop),
                json.dumps(record_ids),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        for name in ("workstation-1", "workstation-2")
    ]
    for process in processes:  # each connected and checking in before the writers start
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
    time.sleep(0.5)
    return processes


def _import(url: str, path: Path) -> subprocess.Popen[str]:
    """``python main.py --db URL import households FILE``, as typed."""
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", url, "import", "households", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT,
    )


def _town_figures(db: Database, event_id: int, town_id: int, outcomes: list[Outcome[Any]]) -> None:
    """The figures a town phones in, entered one after another as the page saves them
    (``ui.common.operations``), with a report kept by hand now and then."""
    for n in range(1, TOWN_REPORTS + 1):
        outcomes.append(
            unit_of_work(
                db,
                DUTY,
                add_town_report,
                event_id=event_id,
                town_id=town_id,
                source=f"石塘镇值班室电话{n}",
                people_to_move=100 + n,
                moved=n,
                sheltered=n,
            )
        )
        if n % 4 == 0:
            outcomes.append(unit_of_work(db, DUTY, take_snapshot, event_id=event_id, force=True))
        time.sleep(0.25)


def test_imports_and_town_figures_succeed_while_two_workstations_check_in(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    db = Database(url)
    db.upgrade()
    event_id, town_id, record_ids = _prepare(db)
    rows = [
        row(n, name=f"住户{n}", phone=f"139{n:08d}", residents=n % 6 + 1)
        for n in range(1, LIST_ROWS + 1)
    ]
    listed = write_list(tmp_path / "东门社区转移清单.xlsx", rows)
    stop = tmp_path / "stop"
    checkers = _start_checkers(url, stop, record_ids)
    try:
        imports = [_import(url, listed), _import(url, listed)]  # two workstations, one list
        outcomes: list[Outcome[Any]] = []
        figures = threading.Thread(target=_town_figures, args=(db, event_id, town_id, outcomes))
        figures.start()
        imported = [process.communicate(timeout=120) for process in imports]
        figures.join(timeout=120)
        time.sleep(0.5)
    finally:
        stop.touch()
    results = []
    for process in checkers:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]) | {"stderr": err})

    for process, (out, err) in zip(imports, imported, strict=True):
        assert process.returncode == 0, out + err
        assert "locked" not in out + err
    assert [o.problem for o in outcomes] == [None] * len(outcomes)
    assert [r["locked"] for r in results] == [0, 0], [r["stderr"] for r in results]
    done = {f"workstation-{n}": r["done"] for n, r in enumerate(results, start=1)}
    assert all(count >= 10 for count in done.values()), results
    with db.session(ADMIN) as session:
        assert (
            session.scalar(
                select(func.count()).select_from(Household).where(Household.year == 2026)
            )
            == 8 + LIST_ROWS
        )
        assert session.scalar(select(func.count()).select_from(TownReport)) == TOWN_REPORTS
        by_place = dict(
            session.execute(
                select(TransferChange.place, func.sum(TransferChange.count))
                .where(TransferChange.place.like("workstation-%"))
                .group_by(TransferChange.place)
            ).all()
        )
        assert by_place == done  # every check-in counted once
        sheltered = session.scalar(
            select(func.sum(TransferRecord.sheltered)).where(TransferRecord.event_id == event_id)
        )
        assert sheltered == sum(done.values())
        assert tallies_match_records(session=session, event_id=event_id)
    db.dispose()
    print(
        "check-ins per workstation:",
        done,
        "slowest (s):",
        [round(r["slowest"], 2) for r in results],
    )


def test_a_write_in_a_unit_of_work_not_opened_for_writing_is_caught(tmp_path: Path) -> None:
    """The guard every test runs under (tests/write_lock_guard.py) names the place."""
    from models.meta import set_meta
    from tests import write_lock_guard

    db = Database(f"sqlite:///{tmp_path / 'guard.sqlite'}")
    db.upgrade()
    assert unit_of_work(db, ADMIN, set_meta, write=True, key="k", value="1").ok
    assert write_lock_guard.take_found() == []
    assert unit_of_work(db, ADMIN, set_meta, write=False, key="k", value="2").ok
    found = write_lock_guard.take_found()
    assert found and all(
        "ui/common/operations.py" in f and "without write=True" in f for f in found
    )
    db.dispose()
