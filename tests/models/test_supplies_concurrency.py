"""Two workstations issuing the last items at the same moment, as two processes on one
SQLite file and on PostgreSQL: the stock never goes negative, and the one that comes
second is refused with the quantity actually available."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from decimal import Decimal

import pytest

from models.checks import check_database
from models.database import Database
from models.supplies import ReceiptLine, receive, stock
from tests.cli_helpers import ROOT
from tests.conftest import ADMIN
from tests.models.test_supplies import make_inventory

WORKER = r"""
import json, sys, time
from decimal import Decimal
sys.path.insert(0, sys.argv[1])
from models.database import Database
from models.supplies import IssueLine, ShortOfStock, issue
from models.users import Actor

url, name, start_at = sys.argv[2], sys.argv[3], float(sys.argv[4])
warehouse, item, each, repeat = (int(v) for v in sys.argv[5:9])
db = Database(url)
actor = Actor(name=name, role="duty")
with db.session(actor) as session:  # connected and imported before the start
    pass
done, refusals = 0, []
while time.time() < start_at:
    time.sleep(0.0005)
for _ in range(repeat):
    try:
        with db.session(actor, write=True) as session:
            issue(session=session, warehouse_id=warehouse,
                  lines=[IssueLine(item, Decimal(each))], recipient=name)
        done += 1
    except ShortOfStock as refused:
        refusals.append(str(refused))
        break
print(json.dumps({"done": done, "refusals": refusals}))
"""


def _run_two(url: str, warehouse: int, item: int, each: int, repeat: int) -> list[dict]:
    start_at = time.time() + 4  # both import and connect first, then start together
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
                str(warehouse),
                str(item),
                str(each),
                str(repeat),
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


def _left(db: Database, warehouse: int, item: int) -> Decimal:
    with db.session(ADMIN) as session:
        rows = stock(session=session, warehouse_id=warehouse, item_id=item)
    return rows[0].on_hand if rows else Decimal(0)  # a warehouse emptied lists no row


def _stocked(db: Database, quantity: int) -> tuple[int, int]:
    ids = make_inventory(db)
    with db.session(ADMIN, write=True) as session:
        receive(
            session=session,
            warehouse_id=ids["county"],
            lines=[ReceiptLine(ids["jacket"], Decimal(quantity))],
        )
    return ids["county"], ids["jacket"]


@pytest.mark.slow
def test_the_second_of_two_issuing_the_last_items_is_refused(db: Database, db_url: str) -> None:
    warehouse, item = _stocked(db, 5)
    results = _run_two(db_url, warehouse, item, each=3, repeat=1)
    assert sorted(r["done"] for r in results) == [0, 1]
    (refusal,) = [r["refusals"][0] for r in results if r["refusals"]]
    assert "only 2 件" in refusal and "asked for 3 件" in refusal
    assert _left(db, warehouse, item) == Decimal(2)
    with db.session(ADMIN) as session:
        assert check_database(session=session) == []


@pytest.mark.slow
def test_two_workstations_issuing_one_at_a_time_take_exactly_the_stock(
    db: Database, db_url: str
) -> None:
    warehouse, item = _stocked(db, 30)
    results = _run_two(db_url, warehouse, item, each=1, repeat=40)
    assert sum(r["done"] for r in results) == 30
    assert all(r["refusals"] for r in results)  # each stopped at "only 0 available"
    assert all("only 0 件" in r["refusals"][0] for r in results)
    assert _left(db, warehouse, item) == Decimal(0)
    with db.session(ADMIN) as session:
        assert check_database(session=session) == []
