"""Engine, sessions, database URL resolution, SQLite pragmas, migrations and backups.

The only module (with migrations) that knows which backend it talks to.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import (
    Connection,
    Engine,
    Table,
    create_engine,
    event,
    func,
    insert,
    inspect,
    make_url,
    select,
    text,
)
from sqlalchemy.orm import Session, sessionmaker

import models.all_tables  # every table mapped, and the audit hook registered
import models.changes  # noqa: F401  (the change feed's session hooks)
from models import credentials, pg_roles
from models.changes import note_changed
from models.messages import fill
from models.migrations import HEAD_REVISION
from models.refusals import Refused
from models.settings import Settings, data_dir
from models.text_index import add_texts, indexed_texts
from models.users import Actor

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
BACKUPS_KEPT = 10


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'console.sqlite'}"


def resolve_url(cli_url: str | None = None, settings: Settings | None = None) -> str:
    """--db on the command line, then ECC_DATABASE_URL, then the setting, then the default."""
    if cli_url:
        url = cli_url
    elif os.environ.get("ECC_DATABASE_URL"):
        url = os.environ["ECC_DATABASE_URL"]
    elif settings is not None and settings.database_url:
        url = settings.database_url
    else:
        url = default_url()
    if "://" not in url:  # a bare path means a SQLite file
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
    ):
        return None
    return Path(parsed.database)


def display_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return make_url(url).render_as_string(hide_password=True)


def sqlite_pragmas(dbapi_connection: Any, _record: Any = None) -> None:
    """The console's pragmas on a new SQLite connection (the engine's, and the
    benchmarks' raw ones)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=15000")
    # FULL: a commit reaches the disk before it returns (WAL synced at every commit), so
    # a power cut in a storm loses no check-in the console reported as saved. NORMAL
    # syncs only at checkpoints and may lose the last commits.
    cursor.execute("PRAGMA synchronous=FULL")
    # 16 MiB of page cache (SQLite's default is 2 MiB): an import of 20,000 households
    # touches pages all over the search indexes of a county's register, and with the
    # default cache it writes and rereads them (insert 0.8-1.0 s instead of 0.4-0.6 s).
    cursor.execute("PRAGMA cache_size=-16384")
    cursor.close()


WRITE_OPTION = "ecc_write"  # a connection's execution option: its unit of work writes


def _begin_sqlite(conn: Connection) -> None:
    write = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 15}, hide_parameters=True)
        event.listen(engine, "connect", sqlite_pragmas)
        # pysqlite's own transaction handling defers BEGIN; emit it ourselves (SQLAlchemy
        # docs, "Serializable isolation"). A plain BEGIN takes no lock until the first write,
        # and a transaction that read first is then refused at once ("database is locked",
        # whatever the busy timeout) when another process wrote meanwhile: a writing unit
        # of work begins IMMEDIATE, taking the write lock (waiting its turn) when it starts.
        event.listen(engine, "connect", lambda conn, _r: setattr(conn, "isolation_level", None))
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    connect_args: dict[str, Any] = {}
    if make_url(url).get_driver_name() == "psycopg":
        # No server-side prepared statements: from a statement's sixth run psycopg would
        # prepare it, and PostgreSQL then plans it once for any parameters. A search for
        # a rare part of a name then walked the whole name index in order (0.3-0.4 s at
        # 200,000 households) instead of scanning the table (0.04 s).
        connect_args["prepare_threshold"] = None
    connect_args.update(credentials.connect_args(url))  # a URL saved without its password
    return create_engine(url, pool_pre_ping=True, hide_parameters=True, connect_args=connect_args)


def insert_many(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERT ``rows`` (dicts with the same keys) into ``table`` with one executemany of
    the driver, in the session's transaction.

    For long lists: SQLAlchemy's handling of each row's parameters costs about as much
    as SQLite's work of storing the row (0.2-0.3 s for 20,000 households). The rows go
    to the driver as they are, after the columns' own conversions (bind processors); a
    statement that needs more (defaults made in Python for missing keys) goes the
    ordinary way. The change feed hears of the table as of any Core INSERT. A table
    with texts in the text index gets ids for rows without one (``allocate_ids``), and
    their texts are indexed in the same transaction.
    """
    if not rows:
        return
    conn = session.connection()
    dialect = conn.dialect
    keys = list(rows[0])
    indexed = indexed_texts(table)
    ids: list[int] | None = None
    if indexed and "id" not in keys:
        ids = allocate_ids(session, table, len(rows))
        keys.append("id")
    compiled = insert(table).compile(dialect=dialect, column_keys=keys)
    order = list(compiled.positiontup or []) if compiled.positional else list(compiled.binds)
    if set(order) != set(keys):
        if ids is not None:
            rows = [{**row, "id": id_} for row, id_ in zip(rows, ids, strict=True)]
        session.execute(insert(table), list(rows))
    else:
        convert = [
            (i, processor)
            for i, key in enumerate(order)
            if (processor := table.c[key].type.bind_processor(dialect)) is not None
        ]
        values_of: Iterable[tuple[Any, ...]]
        if ids is None:
            values_of = map(_picker(order), rows)
        else:  # each row's values with its new id in the id's place
            at = order.index("id")
            given = map(_picker([key for key in order if key != "id"]), rows)
            if at == 0:  # the usual place: (id,) + values, at C speed
                values_of = map(tuple.__add__, zip(ids), given)
            else:
                values_of = ((*v[:at], id_, *v[at:]) for v, id_ in zip(given, ids, strict=True))
        parameters: list[Any] = []
        for values in values_of:
            if convert:
                changed = list(values)
                for i, processor in convert:
                    changed[i] = processor(changed[i])
                values = tuple(changed)
            parameters.append(
                values if compiled.positional else dict(zip(order, values, strict=True))
            )
        conn.exec_driver_sql(compiled.string, parameters)
        note_changed(session, table.name)
    for text_of in indexed:
        key = text_of.key
        pairs = (
            zip(ids, (row.get(key) for row in rows), strict=True)
            if ids is not None
            else ((row["id"], row.get(key)) for row in rows)
        )
        add_texts(session, text_of, pairs)


def _picker(keys: Sequence[str]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """A row's values under ``keys``, as a tuple, at C speed."""
    if len(keys) == 1:
        return lambda row: (row[keys[0]],)
    return itemgetter(*keys)


def allocate_ids(session: Session, table: Table, count: int) -> list[int]:
    """``count`` new ids for rows of ``table`` (its integer primary key ``id``), so a bulk
    insert knows them without reading its rows back. PostgreSQL: from the column's
    sequence. SQLite: after the largest id, as SQLite itself would number them (a write
    by another connection meanwhile makes the insert fail, never take another's id)."""
    if count <= 0:
        return []
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        return list(
            conn.execute(
                text(
                    "SELECT nextval(pg_get_serial_sequence(:table, 'id')) "
                    "FROM generate_series(1, :count)"
                ),
                {"table": table.name, "count": count},
            ).scalars()
        )
    start = conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
    return list(range(start + 1, start + 1 + count))


class Database:
    """One database: its engine and a session factory. One session per user action."""

    def __init__(self, url: str, *, migrations_dir: Path = MIGRATIONS_DIR) -> None:
        self.url = url
        self.migrations_dir = migrations_dir
        self.engine = make_engine(url)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @contextmanager
    def session(self, actor: Actor | None, *, write: bool = False) -> Iterator[Session]:
        """A unit of work as ``actor``: committed when the block ends, rolled back on error.

        ``write``: the unit of work will write, so on SQLite it takes the write lock when it
        starts (another writer's turn is waited for, up to the busy timeout) instead of
        failing at its first write when another process wrote since it read.
        """
        connection = None
        if write and self.is_sqlite:
            connection = self.engine.connect().execution_options(**{WRITE_OPTION: True})
        session = self._factory(bind=connection) if connection is not None else self._factory()
        session.info["actor"] = actor
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
            if connection is not None:
                connection.close()

    def dispose(self) -> None:
        self.engine.dispose()

    # -- migrations -------------------------------------------------------

    def _alembic_config(self) -> Any:
        from alembic.config import Config  # alembic costs ~0.5 s to import: only when migrating

        config = Config()
        config.set_main_option("script_location", str(self.migrations_dir))
        config.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        return config

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def head_revision(self) -> str | None:
        if self.migrations_dir == MIGRATIONS_DIR:
            return HEAD_REVISION
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(self._alembic_config()).get_current_head()

    def known_revisions(self) -> set[str]:
        """Every revision of this console's migrations (a backup of another is refused)."""
        from alembic.script import ScriptDirectory

        scripts = ScriptDirectory.from_config(self._alembic_config())
        return {script.revision for script in scripts.walk_revisions()}

    def needs_upgrade(self) -> bool:
        return self.current_revision() != self.head_revision()

    def prepare(self) -> Path | None:
        """What a workstation does with its database when it starts: a SQLite file with a
        migration pending is upgraded (backed up first; returns the backup); a PostgreSQL
        database is not: only the role that owns its tables upgrades it, with
        ``db upgrade`` (refused with ``pg_roles.MigrationPending``, exit 1)."""
        if self.is_sqlite:
            return self.upgrade()
        current = self.current_revision()
        if current != self.head_revision():
            raise pg_roles.migration_pending(current, self.head_revision())
        return None

    def upgrade(self) -> Path | None:
        """Apply pending migrations; back up a SQLite file that holds data first. On
        PostgreSQL the login roles granted with ``db grant`` get their rights on the new
        tables in the same transaction.

        Returns the backup written, if any. Nothing pending: no backup, no change.
        """
        if not self.needs_upgrade():
            return None
        backup = None
        path = sqlite_path(self.url)
        if path is not None and self.current_revision() is not None:
            backup = self._rotate_backup(path)
        from alembic import command

        config = self._alembic_config()
        # The write lock from the start (SQLite): a console starting at the same moment
        # waits for this upgrade, then finds nothing pending, instead of failing.
        with self.engine.connect() as conn:
            conn.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                pg_roles.require_owner(conn)
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                pg_roles.grant_again(conn)
        return backup

    def _rotate_backup(self, path: Path) -> Path:
        folder = path.parent / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"{path.stem}-{stamp}.sqlite"
        try:
            self.backup(target)
        except sqlite3.DatabaseError:  # a damaged file: its bytes, as they are
            shutil.copyfile(path, target)
        kept = sorted(folder.glob(f"{path.stem}-*.sqlite"))
        for old in kept[:-BACKUPS_KEPT]:
            old.unlink()
        return target

    def copy_aside(self) -> Path | None:
        """A SQLite file's copy in the backups folder beside it (the last ten kept, as
        before a migration), when the file holds a database; None otherwise."""
        path = sqlite_path(self.url)
        if path is None or not path.exists() or path.stat().st_size == 0:
            return None
        return self._rotate_backup(path)

    def backup(self, target: Path) -> None:
        """A consistent copy: SQLite's online backup, or pg_dump for PostgreSQL.

        Written to ``target.part`` (one left by a killed backup is removed first), renamed
        to ``target`` once complete: ``target`` is never a half-written file.
        """
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        remove_partial(tmp)
        path = sqlite_path(self.url)
        try:
            if path is not None:
                source = sqlite3.connect(path)
                try:
                    dest = sqlite3.connect(tmp)
                    try:
                        source.backup(dest)
                    finally:
                        dest.close()
                except sqlite3.OperationalError as error:  # a place that takes no file
                    raise BackupRefused(
                        fill(
                            QCoreApplication.translate(
                                "Database", "The backup could not be written to %1: %2"
                            ),
                            str(target),
                            str(error),
                        )
                    ) from None
                finally:
                    source.close()
            else:
                self._pg_dump(tmp)
        except BaseException:
            remove_partial(tmp)
            raise
        tmp.replace(target)

    def _pg_dump(self, target: Path) -> None:
        pg_dump = pg_tool("pg_dump")
        with credentials.libpq_client(self.url) as (dsn, env):  # no password in argv
            done = subprocess.run(
                [pg_dump, "--format=custom", "--file", str(target), "--dbname", dsn],
                capture_output=True,
                text=True,
                env=env,
            )
        if done.returncode != 0:
            raise BackupRefused(
                fill(
                    QCoreApplication.translate("Database", "pg_dump failed: %1"),
                    last_line(done.stderr),
                )
            )


class BackupRefused(Refused):
    """A backup or restore turned down: a program missing, a file that is no backup, a
    database that is not empty."""


def pg_tool(name: str) -> str:
    """The path of PostgreSQL's ``name`` program (pg_dump, pg_restore); refused, naming it,
    when it is not installed."""
    found = shutil.which(name)
    if found is None:
        raise BackupRefused(
            fill(
                QCoreApplication.translate(
                    "Database",
                    "%1 was not found. Install PostgreSQL's client programs (on Debian: "
                    "apt install postgresql-client) and try again.",
                ),
                name,
            )
        )
    return found


def damaged_sqlite_file(error: BaseException) -> bool:
    """Whether ``error`` (SQLite's, or SQLAlchemy's around it) says the file is not a
    database or is malformed; a file that cannot be opened or is locked is another error."""
    return type(getattr(error, "orig", error)) is sqlite3.DatabaseError


def remove_partial(path: Path) -> None:
    """A file left half written (``.part``) and SQLite's side files with it."""
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm"))):
        leftover.unlink(missing_ok=True)


def last_line(text: str) -> str:
    """The last non-empty line of a program's error output (the reason, usually)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""
