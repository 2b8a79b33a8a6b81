"""Migration 0018 on a ledger of the previous revision: every movement line takes its
movement's warehouse, the ledger check still agrees, and a line moved to another warehouse
behind the ledger's back is caught. SQLite and, with ECC_TEST_DATABASE_URL, PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from models.database import Database
from models.supplies import ledger_problems
from tests.models.test_migrations import _upgrade_to

AT = datetime(2026, 7, 28, 2, 0, tzinfo=UTC)


def _table(name: str, *columns: str) -> sa.TableClause:
    return sa.table(name, *(sa.column(c) for c in columns))


def test_0018_gives_each_line_its_movements_warehouse(db_url: str) -> None:
    database = Database(db_url)
    _upgrade_to(database, "0016")
    warehouses = _table("supply_warehouses", "id", "code", "name", "level", "forward_point", "open")
    items = _table("supply_items", "id", "code", "name", "category", "unit", "returnable")
    batches = _table("supply_batches", "id", "item_id", "lot")
    movements = _table(
        "supply_movements",
        "id",
        "kind",
        "warehouse_id",
        "at",
        "recorded_by",
        "paperwork_pending",
        "slip_kind",
        "slip_year",
        "slip_number",
    )
    lines = _table("supply_movement_lines", "id", "movement_id", "batch_id", "quantity", "change")
    balances = _table("supply_balances", "warehouse_id", "batch_id", "item_id", "quantity")
    with database.engine.begin() as conn:
        conn.execute(
            sa.insert(warehouses),
            [
                {"id": w, "code": f"W{w}", "name": f"仓库{w}", "level": "town"}
                | {"forward_point": False, "open": True}
                for w in (1, 2)
            ],
        )
        conn.execute(
            sa.insert(items),
            [
                {"id": 1, "code": "I1", "name": "救生衣", "category": "lifesaving"}
                | {"unit": "件", "returnable": False}
            ],
        )
        conn.execute(sa.insert(batches), [{"id": 1, "item_id": 1, "lot": ""}])
        conn.execute(
            sa.insert(movements),
            [
                {"id": m, "kind": "receipt", "warehouse_id": w, "at": AT, "recorded_by": "x"}
                | {"paperwork_pending": False, "slip_kind": "receipt", "slip_year": 2026}
                | {"slip_number": m}
                for m, w in ((1, 1), (2, 2), (3, 2))
            ],
        )
        conn.execute(
            sa.insert(lines),
            [
                {"id": m, "movement_id": m, "batch_id": 1, "quantity": q, "change": q}
                for m, q in ((1, 5000), (2, 7000), (3, 1000))
            ],
        )
        conn.execute(
            sa.insert(balances),
            [
                {"warehouse_id": 1, "batch_id": 1, "item_id": 1, "quantity": 5000},
                {"warehouse_id": 2, "batch_id": 1, "item_id": 1, "quantity": 8000},
            ],
        )

    database.upgrade()
    line_warehouses = _table("supply_movement_lines", "id", "warehouse_id")
    with database.engine.begin() as conn:
        assert conn.execute(
            sa.select(line_warehouses.c.id, line_warehouses.c.warehouse_id).order_by(
                line_warehouses.c.id
            )
        ).all() == [(1, 1), (2, 2), (3, 2)]
    found: list[str] = []
    with database.session(None) as session:
        ledger_problems(session, lambda message, *args: found.append(message))
    assert found == []
    with database.engine.begin() as conn:
        conn.execute(
            sa.update(line_warehouses).where(line_warehouses.c.id == 3).values(warehouse_id=1)
        )
    with database.session(None) as session:
        ledger_problems(session, lambda message, *args: found.append(message))
    assert any("another warehouse" in m for m in found)
    assert sum("add up to" in m for m in found) == 2  # both warehouses' balances disagree
    database.dispose()
