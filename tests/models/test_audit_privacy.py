"""The audit log keeps no personal number: a grid saved with a mobile, its mobile changed,
then deleted leaves three records that say the number was set, changed and removed, each
masked, and the full number nowhere in the log."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from models.areas import Division, Grid
from models.areas.saving import GridInput, save_grid
from models.audit import AuditRecord, personal_kind
from models.base import Base, UTCDateTime
from models.database import Database
from models.users import Actor
from tests.conftest import ADMIN

DUTY = Actor(name="duty", role="duty")


def test_a_grid_s_mobile_is_recorded_masked_on_insert_update_and_delete(db: Database) -> None:
    with db.session(ADMIN) as session:
        county = Division(code="331081", name="温岭市", level="county")
        session.add(county)
        session.flush()
        town = Division(code="331081001", name="太平街道", level="town", parent_id=county.id)
        session.add(town)
        session.flush()
        village = Division(code="331081001001", name="东门社区", level="village", parent_id=town.id)
        session.add(village)
        session.flush()
        village_id = village.id
    data = dict(code="G01", name="第1网格", village_id=village_id, person_name="王网格")
    with db.session(DUTY) as session:
        grid_id = save_grid(session=session, data=GridInput(**data, person_phone="13912345678"))
    with db.session(DUTY) as session:
        save_grid(session=session, data=GridInput(**data, person_phone="13987655678", id=grid_id))
    with db.session(DUTY) as session:
        grid = session.get(Grid, grid_id)
        assert grid is not None
        grid.person_name = "李网格"  # an update that leaves the mobile alone
    with db.session(DUTY) as session:
        session.delete(session.get(Grid, grid_id))

    with db.session(ADMIN) as session:
        records = session.scalars(
            select(AuditRecord).where(AuditRecord.table_name == "grids").order_by(AuditRecord.id)
        ).all()
        everything = " ".join(r.changes or "" for r in session.scalars(select(AuditRecord)))
    changes = [json.loads(r.changes or "{}") for r in records]
    assert [r.action for r in records] == ["insert", "update", "update", "delete"]
    assert changes[0]["person_phone"] == "139****5678"
    assert changes[1] == {"person_phone": ["139****5678", "139****5678"]}  # it changed
    assert "person_phone" not in changes[2] and changes[2]["person_name"] == ["王网格", "李网格"]
    assert changes[3]["person_phone"] == "139****5678" and changes[3]["person_name"] == "李网格"
    for number in ("13912345678", "13987655678", "1234", "8765"):
        assert number not in everything


def test_every_phone_and_identity_column_is_known_as_personal() -> None:
    import models.all_tables  # noqa: F401

    personal = {
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if personal_kind(column)
    }
    phones = {
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if "phone" in column.name or "mobile" in column.name or "id_card" in column.name
    }
    assert phones <= personal
    assert ("households", "householder_phone") in personal
    assert ("working_group_members", "phone") in personal


def test_records_kept_before_the_upgrade_lose_their_full_numbers(db_url: str) -> None:
    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    from models.database import MIGRATIONS_DIR

    database = Database(db_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0006")
    audit = sa.table(
        "audit_log",
        sa.column("id", sa.Integer),
        sa.column("at", UTCDateTime()),
        sa.column("actor", sa.String),
        sa.column("action", sa.String),
        sa.column("table_name", sa.String),
        sa.column("row_id", sa.String),
        sa.column("changes", sa.Text),
    )
    kept = [
        ("insert", "grids", {"name": "第1网格", "person_phone": "13912345678"}),
        ("update", "households", {"householder_phone": ["13912345678", "13800001111"]}),
        ("delete", "working_group_members", {"phone": "0576-86123456", "name": "王"}),
        ("update", "divisions", {"name": ["13912345678", "温岭"]}),  # not a phone column
        ("bulk", "households", {"source": "list.xlsx"}),
    ]
    with database.engine.begin() as conn:
        conn.execute(
            sa.insert(audit),
            [
                {
                    "at": datetime(2026, 7, 1, tzinfo=UTC),
                    "actor": "duty",
                    "action": action,
                    "table_name": table,
                    "row_id": "1",
                    "changes": json.dumps(changes, ensure_ascii=False),
                }
                for action, table, changes in kept
            ],
        )
    database.upgrade()
    with database.engine.connect() as conn:
        after = [json.loads(c) for c in conn.scalars(select(audit.c.changes).order_by(audit.c.id))]
    assert after == [
        {"name": "第1网格", "person_phone": "139****5678"},
        {"householder_phone": ["139****5678", "138****1111"]},
        {"phone": "0576-****3456", "name": "王"},
        {"name": ["13912345678", "温岭"]},
        {"source": "list.xlsx"},
    ]
    with pytest.raises(sa.exc.DBAPIError), database.engine.begin() as conn:  # append-only still
        conn.execute(sa.update(audit).values(actor="x"))
    database.dispose()
