"""The supplies inventory at a large county's scale on SQLite: 500 warehouses, 2,000 items,
1,000,000 movements (20,000 in a smoke run). Figures: the current stock of one warehouse,
the county's stock by item, one issue committed (its write lock, checks, slip number,
lines, balances and commit), and the ledger check over every movement.

Baselines measured in the same run: the raw SQL sums over the balances (one warehouse;
the county by item), a raw one-row insert committed, and the raw sum of every movement
line per warehouse and batch.

When ECC_TEST_DATABASE_URL names a server (``bash .ci/run perf`` starts one), the same
county is written there (a database of its own, dropped after) and measured again.
"""

from __future__ import annotations

import os
import random
import time
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, text

from models.database import Database
from models.supplies import IssueLine, county_stock_by_item, issue, ledger_problems, stock
from models.supplies.tables import (
    SCALE,
    Balance,
    Batch,
    Movement,
    MovementLine,
    SupplyItem,
    Warehouse,
)
from models.users import Actor
from tests.perf import common
from tests.perf.common import Figure, median_of, server_database, timed

WAREHOUSES, ITEMS, MOVEMENTS = 500, 2000, 1_000_000
ACTOR = Actor("bench", "duty")
CHUNK = 50_000
PG_DATABASE = "ecc_bench_supplies"


def _build(database: Database, movements: int) -> tuple[int, int]:
    """The synthetic county written with Core inserts; (a busy warehouse, one of its items)."""
    rng = random.Random("supplies-bench")
    engine = database.engine
    now = datetime(2026, 8, 1, tzinfo=UTC)
    with engine.begin() as conn:
        conn.execute(
            insert(Warehouse),
            [
                {
                    "id": w,
                    "code": f"W{w:04d}",
                    "name": f"仓库{w:04d}",
                    "level": "town",
                    "forward_point": False,
                    "open": True,
                }
                for w in range(1, WAREHOUSES + 1)
            ],
        )
        conn.execute(
            insert(SupplyItem),
            [
                {
                    "id": i,
                    "code": f"I{i:05d}",
                    "name": f"物资{i:05d}",
                    "category": "other",
                    "unit": "件",
                    "returnable": i % 10 == 0,
                }
                for i in range(1, ITEMS + 1)
            ],
        )
        batches = []
        for i in range(1, ITEMS + 1):
            for n in range(2):
                expiry = date(2026, 1, 1) + timedelta(days=rng.randint(0, 1500)) if n else None
                batches.append(
                    {"id": 2 * i - 1 + n, "item_id": i, "lot": f"L{n}", "expiry_date": expiry}
                )
        conn.execute(insert(Batch), batches)
    # Each warehouse keeps about 200 items; receipts first, then issues that never overdraw.
    stocked = {w: rng.sample(range(1, ITEMS + 1), 200) for w in range(1, WAREHOUSES + 1)}
    balance: dict[tuple[int, int], int] = defaultdict(int)
    numbers: dict[tuple[int, str], int] = defaultdict(int)
    movement_rows, line_rows = [], []
    for m in range(1, movements + 1):
        w = rng.randint(1, WAREHOUSES)
        item = rng.choice(stocked[w])
        batch = 2 * item - 1 + rng.randint(0, 1)
        held = balance[(w, batch)]
        if m <= movements // 5 or held < 2:
            kind, slip, change = "receipt", "receipt", rng.randint(10, 200)
        else:
            kind, slip, change = "issue", "issue", -rng.randint(1, held // 2)
        balance[(w, batch)] += change
        numbers[(w, slip)] += 1
        movement_rows.append(
            {
                "id": m,
                "kind": kind,
                "warehouse_id": w,
                "at": now - timedelta(seconds=movements - m),
                "recorded_by": "bench",
                "paperwork_pending": False,
                "slip_kind": slip,
                "slip_year": 2026,
                "slip_number": numbers[(w, slip)],
            }
        )
        # Raw thousandths (the executemany below goes through the driver, not the type).
        line_rows.append(
            {
                "id": m,
                "movement_id": m,
                "warehouse_id": w,
                "batch_id": batch,
                "quantity": abs(change) * SCALE,
                "change": change * SCALE,
            }
        )
    raw_movements = Movement.__table__
    raw_lines = MovementLine.__table__
    postgresql = engine.dialect.name == "postgresql"

    def driver(sql: str) -> str:
        return sql.replace("?", "%s") if postgresql else sql

    with engine.begin() as conn:
        for start in range(0, movements, CHUNK):
            conn.execute(raw_movements.insert(), movement_rows[start : start + CHUNK])
        for start in range(0, movements, CHUNK):
            conn.exec_driver_sql(
                driver(
                    "INSERT INTO supply_movement_lines"
                    " (id, movement_id, warehouse_id, batch_id, quantity, change)"
                    " VALUES (?, ?, ?, ?, ?, ?)"
                ),
                [tuple(r.values()) for r in line_rows[start : start + CHUNK]],
            )
        conn.exec_driver_sql(
            driver(
                "INSERT INTO supply_balances (warehouse_id, batch_id, item_id, quantity)"
                " VALUES (?, ?, ?, ?)"
            ),
            [(w, b, (b + 1) // 2, q * SCALE) for (w, b), q in balance.items()],
        )
        if postgresql:  # ids given: the sequences follow, then the planner's statistics
            for table in (
                "supply_warehouses",
                "supply_items",
                "supply_batches",
                "supply_movements",
                "supply_movement_lines",
            ):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"
                )
    if postgresql:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    assert raw_lines is not None and Balance is not None
    busiest = max(range(1, WAREHOUSES + 1), key=lambda w: sum(1 for (x, _b) in balance if x == w))
    item = next(
        (b + 1) // 2
        for (w, b), q in sorted(balance.items(), key=lambda kv: -kv[1])
        if w == busiest and b % 2 == 1
    )
    return busiest, item


def run(folder: Path) -> list[Figure]:
    movements = 20_000 if common.SMOKE else MOVEMENTS
    path = folder / f"supplies-{movements}.sqlite"
    path.unlink(missing_ok=True)
    database = Database(f"sqlite:///{path}")
    database.upgrade()
    try:
        started = time.perf_counter()
        warehouse, item = _build(database, movements)
        print(f"supplies: {movements:,} movements written in {time.perf_counter() - started:.1f} s")
        found = figures(database, warehouse, item) + nearest_figures(database, item)
    finally:
        database.dispose()
    server = os.environ.get("ECC_TEST_DATABASE_URL")
    if server:
        found += _postgresql(server, movements)
    return found


def _postgresql(server: str, movements: int) -> list[Figure]:
    """The same county and figures on the PostgreSQL server, labelled so."""
    with server_database(server, PG_DATABASE) as url:
        database = Database(url.render_as_string(hide_password=False))
        try:
            database.upgrade()
            started = time.perf_counter()
            warehouse, item = _build(database, movements)
            print(
                f"supplies [PostgreSQL]: {movements:,} movements written in "
                f"{time.perf_counter() - started:.1f} s"
            )
            found = figures(database, warehouse, item) + nearest_figures(database, item)
        finally:
            database.dispose()
    for figure in found:
        figure.name += " [PostgreSQL]"
    return found


def figures(database: Database, warehouse: int, item: int) -> list[Figure]:
    today = date(2026, 8, 1)
    with database.session(ACTOR) as session:
        one = median_of(
            7, lambda: timed(lambda: stock(session=session, warehouse_id=warehouse, today=today))
        )
        one_raw = median_of(
            7,
            lambda: timed(
                lambda: session.execute(
                    text(
                        "SELECT item_id, SUM(quantity) FROM supply_balances"
                        " WHERE warehouse_id = :w GROUP BY item_id"
                    ),
                    {"w": warehouse},
                ).all()
            ),
        )
        county = median_of(
            5, lambda: timed(lambda: county_stock_by_item(session=session, today=today))
        )
        county_raw = median_of(
            5,
            lambda: timed(
                lambda: session.execute(
                    text("SELECT item_id, SUM(quantity) FROM supply_balances GROUP BY item_id")
                ).all()
            ),
        )
        problems: list[str] = []
        check = median_of(
            3, lambda: timed(lambda: ledger_problems(session, lambda *a: problems.append(str(a))))
        )
        check_raw = median_of(
            3,
            lambda: timed(
                lambda: session.execute(
                    text(
                        "SELECT m.warehouse_id, l.batch_id, SUM(l.change) FROM supply_movement_lines l"
                        " JOIN supply_movements m ON m.id = l.movement_id"
                        " GROUP BY m.warehouse_id, l.batch_id"
                    )
                ).all()
            ),
        )
    assert problems == [], problems[:3]

    def one_issue() -> float:
        start = time.perf_counter()
        with database.session(ACTOR, write=True) as session:
            issue(
                session=session,
                warehouse_id=warehouse,
                lines=[IssueLine(item, Decimal(1))],
                recipient="bench",
                today=today,
            )
        return time.perf_counter() - start

    placeholder = "%s" if database.engine.dialect.name == "postgresql" else "?"

    def raw_insert() -> float:
        start = time.perf_counter()
        with database.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO app_meta (key, value) VALUES (?, ?)".replace("?", placeholder),
                (f"b{time.time_ns()}", "x"),
            )
        return time.perf_counter() - start

    issued = median_of(9, one_issue)
    inserted = median_of(9, raw_insert)
    return [
        Figure("supplies: one warehouse's stock", one, 0.05, "raw SUM", one_raw),
        Figure("supplies: county stock by item", county, 0.1, "raw SUM", county_raw),
        Figure("supplies: an issue committed", issued, 0.05, "raw insert", inserted),
        Figure("supplies: ledger check", check, 5.0, "raw SUM", check_raw),
    ]


def nearest_figures(database: Database, item: int) -> list[Figure]:
    """The nearest stock of an item from a point, the warehouses spread over a county of
    about 60 × 60 km (enough asked that several are needed), beside the raw SUM of the
    item's balances per warehouse."""
    from models.supplies.nearby import nearest_stock

    with database.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE supply_warehouses SET lon = 121.1 + mod(id, 25) * 0.025,"
                " lat = 28.1 + (id / 25) * 0.027"
            )
        )
    today = date(2026, 8, 1)
    with database.session(ACTOR) as session:
        found = nearest_stock(
            session=session, item_id=item, quantity=Decimal(2000), lon=121.4, lat=28.4, today=today
        )
        assert len([s for s in found.sources if s.take > 0]) > 1, found
        nearest = median_of(
            9,
            lambda: timed(
                lambda: nearest_stock(
                    session=session,
                    item_id=item,
                    quantity=Decimal(2000),
                    lon=121.4,
                    lat=28.4,
                    today=today,
                )
            ),
        )
        raw = median_of(
            9,
            lambda: timed(
                lambda: session.execute(
                    text(
                        "SELECT warehouse_id, SUM(quantity) FROM supply_balances"
                        " WHERE item_id = :i GROUP BY warehouse_id"
                    ),
                    {"i": item},
                ).all()
            ),
        )
    return [Figure("supplies: nearest stock of an item", nearest, 0.05, "raw SUM", raw)]
