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


def test_0006_indexes_the_households_already_held(db_url: str) -> None:
    from models.text_index import differences
    from models.transfers import HOUSEHOLD_NAMES, find_subjects
    from tests.conftest import ADMIN

    database = Database(db_url)
    _upgrade_to(database, "0005")
    divisions = sa.table(
        "divisions",
        sa.column("id", sa.Integer),
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("level", sa.String),
    )
    households = sa.table(
        "households",
        *(sa.column(c, sa.Integer) for c in ("year", "village_id", "residents")),
        *(sa.column(c, sa.Integer) for c in ("elderly", "disabled", "bedridden")),
        *(sa.column(c, sa.Integer) for c in ("children", "pregnant")),
        *(sa.column(c, sa.String) for c in ("householder_name", "name_pinyin")),
        *(sa.column(c, sa.String) for c in ("name_initials", "card_code")),
    )
    names = ["张伟明", "李晓红", "Wang伟明", "赵"]
    with database.engine.begin() as conn:
        conn.execute(
            sa.insert(divisions).values(id=1, code="331081001001", name="东门社区", level="village")
        )
        conn.execute(
            sa.insert(households),
            [
                {
                    "year": 2026,
                    "village_id": 1,
                    "residents": 1,
                    "elderly": 0,
                    "disabled": 0,
                    "bedridden": 0,
                    "children": 0,
                    "pregnant": 0,
                    "householder_name": name,
                    "name_pinyin": "",
                    "name_initials": "",
                    "card_code": f"CODE{n}",
                }
                for n, name in enumerate(names)
            ],
        )

    database.upgrade()
    with database.session(ADMIN) as session:
        assert differences(session, HOUSEHOLD_NAMES).ok
        found = find_subjects(session=session, query="伟明", year=2026)
        assert sorted(r.name for r in found) == ["Wang伟明", "张伟明"]
        assert [r.name for r in find_subjects(session=session, query="g伟", year=2026)] == [
            "Wang伟明"
        ]
    database.dispose()


def test_0008_keeps_the_users_and_their_old_hashes_still_log_in(db_url: str) -> None:
    import hashlib

    from models.audit import log_in

    database = Database(db_url)
    _upgrade_to(database, "0007")
    salt = bytes(range(16))
    digest = hashlib.scrypt(b"old-password", salt=salt, dklen=32, n=2**14, r=8, p=1)
    users = sa.table(
        "users",
        *(sa.column(c, sa.String) for c in ("name", "role", "password_hash")),
        sa.column("active", sa.Boolean),
        sa.column("failed_logins", sa.Integer),
        sa.column("created_at", UTCDateTime()),
    )
    with database.engine.begin() as conn:
        conn.execute(
            sa.insert(users).values(
                name="chief",
                role="admin",
                password_hash=f"scrypt$16384$8$1${salt.hex()}${digest.hex()}",
                active=True,
                failed_logins=2,
                created_at=_at(8, 0),
            )
        )
    _upgrade_to(database, "0008")
    try:
        with database.session(None, write=True) as session:
            actor = log_in(session=session, name="chief", password="old-password", where="x")
        assert actor.role == "admin"
        with database.engine.connect() as conn:
            stored = conn.execute(sa.text("SELECT password_hash FROM users")).scalar_one()
        assert stored.startswith("$argon2id$")
    finally:
        database.dispose()


def test_0009_keeps_an_event_in_progress_and_records_its_level_changes(db_url: str) -> None:
    from models.command import change_response_level, level_history
    from models.events import active_event
    from models.users import Actor

    database = Database(db_url)
    _upgrade_to(database, "0008")
    events = sa.table(
        "events",
        sa.column("id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("kind", sa.String),
        sa.column("response_level", sa.String),
        sa.column("started_at", UTCDateTime()),
        sa.column("created_by", sa.String),
    )
    started = datetime.now(UTC).replace(microsecond=0)
    with database.engine.begin() as conn:
        conn.execute(
            sa.insert(events),
            [
                {
                    "id": 1,
                    "name": "台风防御",
                    "kind": "typhoon",
                    "response_level": "IV",
                    "started_at": started,
                    "created_by": "admin",
                }
            ],
        )
    database.upgrade()
    duty = Actor(name="duty", role="duty")
    with database.session(duty, write=True) as session:
        event = active_event(session=session)
        assert event is not None
        assert (event.id, event.response_level, event.grade, event.number) == (1, "IV", None, None)
        assert level_history(session=session, event_id=1) == []
        change_response_level(
            session=session, event_id=1, level="III", signer="王县长", reason="风圈逼近"
        )
    with database.session(duty) as session:
        assert [(h.old, h.new) for h in level_history(session=session, event_id=1)] == [
            ("IV", "III")
        ]
    database.dispose()


def test_0017_keeps_free_text_entries_readable_and_the_log_append_only(db_url: str) -> None:
    from models.command import get_entry
    from models.command.dutylog_text import resource_text
    from models.users import Actor

    database = Database(db_url)
    _upgrade_to(database, "0016")
    log = sa.table(
        "duty_log",
        sa.column("id", sa.Integer),
        sa.column("at", UTCDateTime()),
        sa.column("recorded_at", UTCDateTime()),
        sa.column("kind", sa.String),
        sa.column("content", sa.Text),
        sa.column("recorded_by", sa.String),
        sa.column("resource", sa.String),
    )
    with database.engine.begin() as conn:
        conn.execute(
            sa.insert(log),
            [
                {
                    "id": 1,
                    "at": _at(9, 0),
                    "recorded_at": _at(9, 1),
                    "kind": "action",
                    "content": "三号仓库发放救生衣",
                    "recorded_by": "duty",
                    "resource": "三号仓库",
                }
            ],
        )
    database.upgrade()
    with database.session(Actor(name="duty", role="duty")) as session:
        row = get_entry(session=session, entry_id=1)
    assert row is not None and (row.team_id, row.warehouse_id) == (None, None)
    assert resource_text(row) == "三号仓库"
    with pytest.raises(sa.exc.DBAPIError), database.engine.begin() as conn:
        conn.execute(sa.update(log).values(resource="别的仓库"))
    database.dispose()
