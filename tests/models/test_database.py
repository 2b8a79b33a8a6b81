from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, text

from models import changes
from models.areas import Division
from models.audit import AuditRecord
from models.database import BACKUPS_KEPT, MIGRATIONS_DIR, Database, insert_many, resolve_url
from models.settings import Settings
from tests.conftest import ADMIN


def test_url_order_command_line_then_environment_then_setting(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = Settings(database_url="sqlite:///from-setting.sqlite")
    assert resolve_url(None, settings) == "sqlite:///from-setting.sqlite"
    monkeypatch.setenv("ECC_DATABASE_URL", "postgresql://u@h/env")
    assert resolve_url(None, settings) == "postgresql+psycopg://u@h/env"
    assert resolve_url("sqlite:///cli.sqlite", settings) == "sqlite:///cli.sqlite"
    monkeypatch.delenv("ECC_DATABASE_URL")
    default = resolve_url(None, Settings())
    assert default.endswith("console.sqlite") and str(tmp_path / "data") in default
    assert resolve_url(str(tmp_path / "bare.sqlite")).startswith("sqlite:////")


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'w.sqlite'}")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    db.dispose()


def test_sqlite_commits_reach_the_disk_before_they_return(tmp_path: Path) -> None:
    """synchronous=FULL on every connection of the console's file, reading or writing: a
    commit reported as saved survives a power cut."""
    db = Database(f"sqlite:///{tmp_path / 'durable.sqlite'}")
    db.upgrade()
    full = 2  # PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
    for write in (False, True):
        with db.session(ADMIN, write=write) as session:
            assert session.execute(text("PRAGMA synchronous")).scalar() == full
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA synchronous")).scalar() == full
    db.dispose()


def test_insert_many_writes_rows_as_a_core_insert_would(db: Database) -> None:
    heard: list[frozenset[str]] = []
    changes.add_listener(heard.append)
    try:
        with db.session(ADMIN) as session:
            rows = [
                {
                    "code": f"33108100{n}",
                    "name": f"村{n}",
                    "level": "village",
                    "min_lon": Decimal("121.5") if n == 1 else 121.25,
                    "max_lon": None,
                }
                for n in range(1, 4)
            ]
            insert_many(session, Division.__table__, rows)  # type: ignore[arg-type]
            # Without the keys whose defaults are made in Python it goes the ordinary way.
            insert_many(
                session,
                AuditRecord.__table__,  # type: ignore[arg-type]
                [{"actor": "t", "action": "bulk", "table_name": "divisions", "rows": 3}],
            )
    finally:
        changes.remove_listener(heard.append)
    assert heard == [frozenset({"divisions", "audit_log"})]
    with db.session(ADMIN) as session:
        stored = session.execute(
            select(Division.code, Division.name, Division.min_lon, Division.max_lon).order_by(
                Division.code
            )
        ).all()
        assert [tuple(r) for r in stored] == [
            ("331081001", "村1", 121.5, None),
            ("331081002", "村2", 121.25, None),
            ("331081003", "村3", 121.25, None),
        ]
        assert session.scalar(select(AuditRecord.at).where(AuditRecord.actor == "t")) is not None


def test_upgrade_creates_schema_and_second_start_does_nothing(db: Database) -> None:
    assert not db.needs_upgrade()
    assert db.current_revision() == db.head_revision()
    assert db.upgrade() is None


NOOP_REVISION = """
revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
"""


def test_pending_migration_backs_up_sqlite_once_and_keeps_the_last_ten(tmp_path: Path) -> None:
    path = tmp_path / "console.sqlite"
    Database(f"sqlite:///{path}").upgrade()  # a database at today's head
    migrations = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    head = Database(f"sqlite:///{path}").head_revision()
    (migrations / "versions" / "9999_next.py").write_text(NOOP_REVISION.format(head=head))
    db = Database(f"sqlite:///{path}", migrations_dir=migrations)
    backups = tmp_path / "backups"
    assert db.needs_upgrade()
    backup = db.upgrade()
    assert backup is not None and backup.parent == backups and backup.stat().st_size > 0
    assert db.current_revision() == "9999"
    assert db.upgrade() is None  # nothing pending: no copy
    assert len(list(backups.iterdir())) == 1
    for _ in range(BACKUPS_KEPT + 2):
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})
        assert db.upgrade() is not None
    assert len(list(backups.glob("console-*.sqlite"))) == BACKUPS_KEPT
    db.dispose()


def test_a_new_database_is_not_backed_up(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'new.sqlite'}")
    assert db.upgrade() is None
    assert not (tmp_path / "backups").exists()
    db.dispose()


def test_backup_is_a_readable_copy(db: Database, tmp_path: Path) -> None:
    if not db.is_sqlite and shutil.which("pg_dump") is None:
        pytest.skip("pg_dump not installed")
    target = tmp_path / "copy.bak"
    db.backup(target)
    assert target.exists() and target.stat().st_size > 0
    if db.is_sqlite:
        copy = Database(f"sqlite:///{target}")
        assert copy.current_revision() == db.head_revision()
        copy.dispose()


def test_head_revision_constant_matches_the_migration_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from models.migrations import HEAD_REVISION

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def test_a_writing_unit_of_work_takes_the_lock_when_it_starts(tmp_path: Path) -> None:
    """On SQLite a unit of work that read before another process wrote is refused at its
    first write; one declared as writing takes the lock first, so the other waits."""
    from sqlalchemy.exc import OperationalError

    from models.meta import get_meta, set_meta

    url = f"sqlite:///{tmp_path / 'lock.sqlite'}"
    first, second = Database(url), Database(url)
    first.upgrade()
    with pytest.raises(OperationalError, match="locked"), first.session(ADMIN) as session:
        get_meta(session=session, key="k")  # a read: the transaction's snapshot
        with second.session(ADMIN, write=True) as other:
            set_meta(session=other, key="k", value="other")
        set_meta(session=session, key="k", value="first")
        session.flush()

    import threading

    order: list[str] = []
    started = threading.Event()

    def later_writer() -> None:
        started.wait()
        with second.session(ADMIN, write=True) as other:  # waits for the first's commit
            order.append("second read " + str(get_meta(session=other, key="k")))
            set_meta(session=other, key="k", value="second")

    thread = threading.Thread(target=later_writer)
    thread.start()
    with first.session(ADMIN, write=True) as session:
        value = get_meta(session=session, key="k")
        started.set()
        thread.join(0.5)  # the other writer cannot get in meanwhile
        set_meta(session=session, key="k", value=f"{value}+first")
        order.append("first wrote")
    thread.join(10)
    assert order == ["first wrote", "second read other+first"]
    with first.session(ADMIN) as session:
        assert get_meta(session=session, key="k") == "second"
    first.dispose()
    second.dispose()


SLOW_REVISION = """
import time

from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("UPDATE app_meta SET value = value WHERE key = 'none'")
    time.sleep(0.5)


def downgrade():
    pass
"""


def test_two_consoles_starting_at_once_upgrade_once(tmp_path: Path) -> None:
    """A migration pending when two consoles start on one SQLite file: the second waits
    for the first's upgrade and finds nothing left to do; neither fails."""
    import threading

    path = tmp_path / "console.sqlite"
    Database(f"sqlite:///{path}").upgrade()
    migrations = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    head = Database(f"sqlite:///{path}").head_revision()
    (migrations / "versions" / "9999_slow.py").write_text(SLOW_REVISION.format(head=head))
    consoles = [Database(f"sqlite:///{path}", migrations_dir=migrations) for _ in range(2)]
    errors: list[BaseException] = []

    def start(db: Database) -> None:
        try:
            db.upgrade()
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=start, args=(db,)) for db in consoles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert [db.current_revision() for db in consoles] == ["9999", "9999"]
    for db in consoles:
        db.dispose()
