"""Two workstations checking in at once against one database: every check-in is counted
once and none is lost; a stale edit is refused and retried on what is there now.

Two processes each check in people one at a time into the same few households,
reading the record in one unit of work and changing it in the next (as the
check-in panel does), retrying when the other one got there first.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.database import Database
from models.events import start_event
from models.transfers import (
    TransferChange,
    TransferRecord,
    rollup,
    tallies_match_records,
)
from tests.conftest import ADMIN
from tests.models.test_transfers import add_household, make_register

ROOT = Path(__file__).resolve().parents[2]
HOUSEHOLDS = 4  # few, so the two processes collide often
RESIDENTS = 40
CHECK_INS = 30  # per process

WORKER = r"""
import json, random, sys, time
sys.path.insert(0, sys.argv[1])
from sqlalchemy.exc import OperationalError
from models.database import Database
from models.transfers import TransferConflict, get_transfer, record_transfer
from models.users import Actor

url, name, start_at, record_ids, count = sys.argv[2], sys.argv[3], float(sys.argv[4]), json.loads(sys.argv[5]), int(sys.argv[6])
db = Database(url)
actor = Actor(name=name, role="duty")
rng = random.Random(name)
done = conflicts = locked = 0
while time.time() < start_at:
    time.sleep(0.001)
while done < count:
    record_id = rng.choice(record_ids)
    with db.session(actor) as session:           # what the panel shows
        version = get_transfer(session=session, record_id=record_id).version
    try:
        with db.session(actor) as session:       # the key press: one unit of work
            record_transfer(session=session, record_id=record_id, status="sheltered",
                            count=1, expected_version=version, where=name)
        done += 1
    except TransferConflict:
        conflicts += 1                           # shown to the user, who tries again
    except OperationalError:
        locked += 1                              # never expected: reported to the test
print(json.dumps({"done": done, "conflicts": conflicts, "locked": locked}))
"""


def _prepare(database: Database) -> tuple[int, list[int]]:
    with database.session(ADMIN) as session:
        reg = make_register(session)
        for n in range(HOUSEHOLDS):
            add_household(
                session,
                reg.a1,
                reg.zones["z1"],
                f"住户{n}",
                RESIDENTS,
                shelter_id=reg.shelters["S3"],
            )
        event = start_event(session=session, name="并发测试")
        ids = list(
            session.scalars(select(TransferRecord.id).where(TransferRecord.event_id == event.id))
        )
    return event.id, ids


def _run_two(url: str, record_ids: list[int]) -> list[dict[str, int]]:
    start_at = time.time() + 3  # both import and connect first, then start together
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                WORKER,
                str(ROOT),
                url,
                name,
                str(start_at),
                json.dumps(record_ids),
                str(CHECK_INS),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("workstation-1", "workstation-2")
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=180)
        assert process.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def _check(database: Database, event_id: int, results: list[dict[str, int]]) -> None:
    assert [r["done"] for r in results] == [CHECK_INS, CHECK_INS]
    assert [r["locked"] for r in results] == [0, 0]
    with database.session(ADMIN) as session:
        sheltered = session.scalar(
            select(func.sum(TransferRecord.sheltered)).where(TransferRecord.event_id == event_id)
        )
        changes = session.execute(
            select(TransferChange.place, func.sum(TransferChange.count)).group_by(
                TransferChange.place
            )
        ).all()
        versions = session.scalar(
            select(func.sum(TransferRecord.version - 1)).where(TransferRecord.event_id == event_id)
        )
        assert sheltered == 2 * CHECK_INS  # every check-in counted once, none lost
        assert dict(changes) == {"workstation-1": CHECK_INS, "workstation-2": CHECK_INS}
        assert versions == 2 * CHECK_INS
        assert rollup(session=session, event_id=event_id).county.sheltered == 2 * CHECK_INS
        assert tallies_match_records(session=session, event_id=event_id)


@pytest.mark.slow
@pytest.mark.serial  # processes side by side, no lock timeout allowed: run alone
def test_two_processes_on_one_sqlite_file(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'shared.sqlite'}")
    database.upgrade()
    event_id, ids = _prepare(database)
    results = _run_two(database.url, ids)
    _check(database, event_id, results)
    database.dispose()


@pytest.mark.slow
@pytest.mark.serial  # processes side by side, no lock timeout allowed: run alone
def test_two_processes_on_one_postgresql_database(pg_url: str) -> None:
    database = Database(pg_url)
    database.upgrade()
    event_id, ids = _prepare(database)
    results = _run_two(database.url, ids)
    _check(database, event_id, results)
    database.dispose()
