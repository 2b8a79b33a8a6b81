"""Restoring a database from its backup (``db restore FILE``).

SQLite: the file is first copied beside the database (``.restore.part``) through the
online backup API, so what is checked is what is restored; the copy must be a SQLite
database that passes SQLite's integrity check, holds the console's tables and a revision
this console knows. The database as it was is then kept in its backups folder (as before
a migration) and the copy is written over it with the same API, so consoles with the
file open read the restored data at their next unit of work. A backup of an older
revision is upgraded afterwards.

PostgreSQL: ``pg_restore`` of a ``pg_dump`` custom-format archive holding the console's
tables, into an empty database only (a non-empty one is refused, never overwritten), in
one transaction.
"""

from __future__ import annotations

import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy import text

from models import credentials
from models.database import (
    BackupRefused,
    Database,
    damaged_sqlite_file,
    last_line,
    pg_tool,
    remove_partial,
    sqlite_path,
)
from models.messages import fill
from models.refusals import NotFound

# The tables of the first revision: every console database has them.
CONSOLE_TABLES = frozenset({"alembic_version", "app_meta", "audit_log", "divisions", "users"})


@dataclass(frozen=True)
class Restored:
    """What a restore did: the revision restored, the copy of the database as it was
    (SQLite, when there was one), and whether the restored database was then upgraded
    (a backup of an older revision)."""

    revision: str
    kept: Path | None = None
    upgraded: bool = False


def restore(db: Database, source: Path) -> Restored:
    """Restore ``db`` from ``source`` (a file ``Database.backup`` wrote); raises
    ``BackupRefused`` or ``NotFound`` and changes nothing when it cannot."""
    source = Path(source)
    if not source.is_file():
        raise NotFound(
            fill(QCoreApplication.translate("Database", "There is no file %1."), str(source))
        )
    path = sqlite_path(db.url)
    if path is None:
        return _restore_postgresql(db, source)
    return _restore_sqlite(db, path, source)


def _not_a_backup(source: Path, why: str) -> BackupRefused:
    return BackupRefused(
        fill(
            QCoreApplication.translate(
                "Database", "%1 is not a backup of the console's database: %2 Nothing was changed."
            ),
            str(source),
            why,
        )
    )


def _restore_sqlite(db: Database, path: Path, source: Path) -> Restored:
    if path.exists() and source.resolve() == path.resolve():
        raise BackupRefused(
            QCoreApplication.translate(
                "Database", "That is the database in use, not a backup of it. Nothing was changed."
            )
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(path.name + ".restore.part")
    remove_partial(staged)
    try:
        revision = _stage(db, source, staged)
        db.dispose()
        kept = db.copy_aside()
        copy = sqlite3.connect(staged)
        live = sqlite3.connect(path, timeout=15)
        try:
            copy.backup(live)
        except sqlite3.DatabaseError as error:
            if not damaged_sqlite_file(error):
                raise
            damaged = True  # the file in place is no database any more: replaced whole
        else:
            damaged = False
        finally:
            live.close()
            copy.close()
        if damaged:
            remove_partial(path)
            staged.replace(path)
    finally:
        remove_partial(staged)
    return Restored(revision, kept, _upgrade(db))


def _stage(db: Database, source: Path, staged: Path) -> str:
    """``source`` copied to ``staged`` and checked; its revision."""
    # Read-only, and without a write-ahead log beside it (a file ``db backup`` wrote)
    # immutable: SQLite then leaves no side files next to the user's backup.
    wal = source.with_name(source.name + "-wal")
    mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        original = sqlite3.connect(f"{source.resolve().as_uri()}?{mode}", uri=True)
        copy = sqlite3.connect(staged)
        try:
            original.backup(copy)
            problems = [row[0] for row in copy.execute("PRAGMA integrity_check(5)")]
            tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
            revision = (
                copy.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
        finally:
            copy.close()
            original.close()
    except sqlite3.DatabaseError as error:
        raise _not_a_backup(
            source,
            fill(QCoreApplication.translate("Database", "SQLite cannot read it (%1)."), str(error)),
        ) from error
    if problems != ["ok"]:
        raise _not_a_backup(
            source,
            fill(
                QCoreApplication.translate("Database", "it fails SQLite's integrity check (%1)."),
                "; ".join(problems),
            ),
        )
    missing = sorted(CONSOLE_TABLES - tables)
    if missing or revision is None:
        raise _not_a_backup(
            source,
            fill(
                QCoreApplication.translate("Database", "the console's tables are missing (%1)."),
                ", ".join(missing or ["alembic_version"]),
            ),
        )
    if revision[0] not in db.known_revisions():
        raise _not_a_backup(
            source,
            fill(
                QCoreApplication.translate(
                    "Database",
                    "it was made by a newer version of the console (revision %1); "
                    "update the console first.",
                ),
                revision[0],
            ),
        )
    return str(revision[0])


def _restore_postgresql(db: Database, source: Path) -> Restored:
    pg_restore = pg_tool("pg_restore")
    listed = subprocess.run(
        [pg_restore, "--list", str(source)], capture_output=True, text=True, check=False
    )
    if listed.returncode != 0:
        raise _not_a_backup(
            source,
            fill(
                QCoreApplication.translate(
                    "Database", "pg_restore cannot read it as a pg_dump archive (%1)."
                ),
                last_line(listed.stderr),
            ),
        )
    entries = {line.split()[-2] for line in listed.stdout.splitlines() if " TABLE " in line}
    missing = sorted(CONSOLE_TABLES - entries)
    if missing:
        raise _not_a_backup(
            source,
            fill(
                QCoreApplication.translate("Database", "the console's tables are missing (%1)."),
                ", ".join(missing),
            ),
        )
    with db.engine.connect() as conn:
        held = conn.execute(
            text(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
                "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
                "AND n.nspname NOT LIKE 'pg_toast%'"
            )
        ).scalar_one()
        name = conn.execute(text("SELECT current_database()")).scalar_one()
    db.dispose()
    if held:
        raise BackupRefused(
            fill(
                QCoreApplication.translate(
                    "Database",
                    "The database %1 is not empty: a backup is restored into a new, empty "
                    "database only (create one with createdb, then give its URL with --db). "
                    "Nothing was changed.",
                ),
                name,
            )
        )
    with credentials.libpq_client(db.url) as (dsn, env):  # no password in argv
        done = subprocess.run(
            [
                pg_restore,
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                "--dbname",
                dsn,
                str(source),
            ],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
    if done.returncode != 0:
        raise BackupRefused(
            fill(
                QCoreApplication.translate(
                    "Database", "pg_restore failed: %1. Nothing was changed."
                ),
                last_line(done.stderr),
            )
        )
    return Restored(db.current_revision() or "", None, _upgrade(db))


def _upgrade(db: Database) -> bool:
    """A backup of an older revision brought up to this console's; whether it was."""
    if not db.needs_upgrade():
        return False
    db.upgrade()
    return True
