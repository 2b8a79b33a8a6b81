"""Migrations that change data on the way: what a database of the previous revision
holds afterwards, on SQLite and, with ECC_TEST_DATABASE_URL, on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from models.base import UTCDateTime
from models.database import MIGRATIONS_DIR, Database


def _upgrade_to(database: Database, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def _at(hour: int, minute: int) -> datetime:
    return datetime(2026, 7, 28, hour, minute, tzinfo=UTC)


def test_0005_keeps_the_earliest_snapshot_of_each_hour(db_url: str) -> None:
    database = Database(db_url)
    _upgrade_to(database, "0004")
    events = sa.table(
        "events",
        sa.column("id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("kind", sa.String),
        sa.column("started_at", UTCDateTime()),
        sa.column("created_by", sa.String),
    )
    snapshots = sa.table(
        "rollup_snapshots",
        sa.column("id", sa.Integer),
        sa.column("event_id", sa.Integer),
        sa.column("taken_at", UTCDateTime()),
        sa.column("hour", UTCDateTime()),
        sa.column("data", sa.Text),
    )
    taken = [  # id, event, when: event 1's 02:00 was taken four times (two at once)
        (1, 1, _at(2, 5)),
        (2, 1, _at(2, 5)),
        (3, 1, _at(2, 40)),
        (4, 2, _at(2, 30)),
        (5, 1, _at(3, 1)),
        (6, 1, _at(2, 4)),
    ]
    with database.engine.begin() as conn:
        conn.execute(
            sa.insert(events),
            [
                {
                    "id": n,
                    "name": f"事件{n}",
                    "kind": "typhoon",
                    "started_at": _at(1, 0),
                    "created_by": "admin",
                }
                for n in (1, 2)
            ],
        )
        conn.execute(
            sa.insert(snapshots),
            [
                {"id": id_, "event_id": event, "taken_at": when, "data": "{}"}
                for id_, event, when in taken
            ],
        )

    database.upgrade()
    with database.engine.connect() as conn:
        kept = conn.execute(
            sa.select(snapshots.c.id, snapshots.c.event_id, snapshots.c.hour).order_by(
                snapshots.c.id
            )
        ).all()
        assert [tuple(row) for row in kept] == [
            (4, 2, _at(2, 0)),
            (5, 1, _at(3, 0)),
            (6, 1, _at(2, 0)),
        ]
        with pytest.raises(sa.exc.IntegrityError):
            conn.execute(
                sa.insert(snapshots).values(
                    id=7, event_id=1, taken_at=_at(3, 30), hour=_at(3, 0), data="{}"
                )
            )
    database.dispose()
