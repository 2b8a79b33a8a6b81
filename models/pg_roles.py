"""PostgreSQL roles: an owner that migrates, a login role the workstations use.

The tables belong to the role that ran the migrations (``db upgrade``). Workstations
connect as a login role given only what the console needs (``db grant ROLE``, run as
the owner): read and write the register, add to the audit log and read it, no DDL, no
TRUNCATE, no UPDATE or DELETE of the audit log, and no way to drop its triggers, which
only the owner may. Each table says what the console may do with it in its ``info``
(``CONSOLE_RIGHTS``: "write" by default, "append" for logs, "read" for what only the
database writes); tables the metadata does not know (``alembic_version``) are read only.
The roles granted are remembered in ``app_meta`` and granted again after each upgrade,
so the new tables of a migration are covered.

Changes to users' roles made outside the console are recorded by an owner-owned trigger
(migration ``0007``) in ``user_role_log``, which the console can only read: every insert,
delete and change of a user's name, role or active flag, with the database role, the
client address and the console's mark (``ecc.actor``, set by ``models.audit`` when a
transaction of the console starts, once per connection and actor). ``db check`` lists the administrators whose
role was given without that mark, and warns when the console connects as the owner.
The mark tells the console's own writes from SQL typed by hand; someone who knows it and
holds the login role's password can imitate it, and the log still names the database
role and address they wrote from.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Engine,
    Integer,
    String,
    Table,
    event,
    inspect,
    select,
    text,
)
from sqlalchemy.orm import Session

from models.base import Base, UTCDateTime, utcnow
from models.clock import display_time
from models.messages import fill
from models.refusals import Refused
from models.users import User

CONSOLE_RIGHTS = "console_rights"  # a table's info key: "write" | "append" | "read"
ROLES_KEY = "console_roles"  # app_meta: the login roles granted, comma-separated
ACTOR_SETTING = "ecc.actor"  # the console's mark on its own transactions (PostgreSQL)
_PRIVILEGES = {
    "write": "SELECT, INSERT, UPDATE, DELETE",
    "append": "SELECT, INSERT",
    "read": "SELECT",
}

user_role_log = Table(
    "user_role_log",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UTCDateTime(), nullable=False, default=utcnow),
    Column("db_role", String(63)),  # who wrote it, as PostgreSQL knows them
    Column("client", String(60)),  # their address (None: a local socket)
    Column("actor", String(60)),  # the console's mark; None: not written by the console
    Column("user_id", Integer, nullable=False),
    Column("user_name", String(40)),
    Column("action", String(10), nullable=False),  # insert, update, delete, existing
    Column("old_role", String(10)),
    Column("new_role", String(10)),
    Column("old_active", Boolean),
    Column("new_active", Boolean),
    info={CONSOLE_RIGHTS: "read"},
)


class RolesRefused(Refused):
    """The roles cannot be set up as asked; the message is for the user."""


class MigrationPending(Refused):
    """A workstation found a PostgreSQL database a migration behind."""


def console_rights(table_name: str) -> str:
    """What the console's login role may do with a table: "write", "append" or "read"."""
    table = Base.metadata.tables.get(table_name)
    if table is None:
        return "read"
    return str(table.info.get(CONSOLE_RIGHTS, "write"))


def _quote(conn: Connection, name: str) -> str:
    return str(conn.dialect.identifier_preparer.quote_identifier(name))


def _owner(conn: Connection) -> str | None:
    return conn.execute(
        text(
            "SELECT tableowner FROM pg_tables "
            "WHERE schemaname = current_schema() AND tablename = 'audit_log'"
        )
    ).scalar()


def acts_as_owner(conn: Connection) -> tuple[bool, str, str | None]:
    """Whether this connection's role owns the tables (is the owner, a member of it, or a
    superuser), with the role's name and the owner's."""
    current, superuser = conn.execute(
        text("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
    ).one()
    owner = _owner(conn)
    member = (
        owner is not None
        and conn.execute(
            text("SELECT pg_has_role(current_user, :owner, 'USAGE')"), {"owner": owner}
        ).scalar()
    )
    return bool(superuser or member), str(current), owner


def _remembered(conn: Connection) -> list[str]:
    value = conn.execute(
        text("SELECT value FROM app_meta WHERE key = :key"), {"key": ROLES_KEY}
    ).scalar()
    return [name for name in (value or "").split(",") if name]


def _remember(conn: Connection, role: str) -> None:
    roles = _remembered(conn)
    if role in roles:
        return
    value = ",".join([*roles, role])
    if len(value) > 200:
        raise RolesRefused(
            QCoreApplication.translate(
                "Roles", "Too many login roles granted; grant one group role instead."
            )
        )
    conn.execute(text("DELETE FROM app_meta WHERE key = :key"), {"key": ROLES_KEY})
    conn.execute(
        text("INSERT INTO app_meta (key, value) VALUES (:key, :value)"),
        {"key": ROLES_KEY, "value": value},
    )


def _grant(conn: Connection, role: str) -> None:
    """Every right the console needs on the tables there are now, and no more."""
    who = _quote(conn, role)
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {_quote(conn, database)} TO {who}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {_quote(conn, schema)} TO {who}")
    for table in inspect(conn).get_table_names():
        name = _quote(conn, table)
        conn.exec_driver_sql(f"REVOKE ALL ON TABLE {name} FROM {who}")
        conn.exec_driver_sql(f"GRANT {_PRIVILEGES[console_rights(table)]} ON TABLE {name} TO {who}")
    conn.exec_driver_sql(
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {_quote(conn, schema)} TO {who}"
    )


def grant_console_role(engine: Engine, role: str, *, head: str | None) -> None:
    """``db grant ROLE``: give a login role what workstations need; run as the owner on
    a database at the newest revision (``head``). Refused (RolesRefused) otherwise."""
    if engine.dialect.name != "postgresql":
        raise RolesRefused(
            QCoreApplication.translate(
                "Roles", "Database roles are for PostgreSQL: a SQLite file has none."
            )
        )
    with engine.begin() as conn:
        if not conn.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}
        ).scalar():
            raise RolesRefused(
                fill(QCoreApplication.translate("Roles", "There is no database role %1."), role)
            )
        revision = (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if inspect(conn).has_table("alembic_version")
            else None
        )
        if revision is None or revision != head:
            raise RolesRefused(
                QCoreApplication.translate(
                    "Roles", "The database is not at the newest revision: run db upgrade first."
                )
            )
        owner_like, current, owner = acts_as_owner(conn)
        if not owner_like:
            raise RolesRefused(
                fill(
                    QCoreApplication.translate(
                        "Roles", "Run db grant as the role that owns the tables (%1), not as %2."
                    ),
                    owner or "?",
                    current,
                )
            )
        role_is_owner = conn.execute(
            text(
                "SELECT rolsuper OR pg_has_role(:role, :owner, 'USAGE') "
                "FROM pg_roles WHERE rolname = :role"
            ),
            {"role": role, "owner": owner},
        ).scalar()
        if role_is_owner:
            raise RolesRefused(
                fill(
                    QCoreApplication.translate(
                        "Roles",
                        "%1 owns the tables or is a superuser: grant the rights to the login "
                        "role the workstations use, not to the owner.",
                    ),
                    role,
                )
            )
        _grant(conn, role)
        _remember(conn, role)


def require_owner(conn: Connection) -> None:
    """Before migrating a PostgreSQL database that has tables: refused (RolesRefused)
    unless this connection's role owns them (the login role could not, and must not)."""
    if conn.dialect.name != "postgresql":
        return
    owner_like, current, owner = acts_as_owner(conn)
    if owner is not None and not owner_like:
        raise RolesRefused(
            fill(
                QCoreApplication.translate(
                    "Roles", "Run db upgrade as the role that owns the tables (%1), not as %2."
                ),
                owner,
                current,
            )
        )


def grant_again(conn: Connection) -> None:
    """After a migration (run as the owner): the remembered login roles get the rights on
    the new tables too. Roles dropped since are skipped."""
    if conn.dialect.name != "postgresql" or not inspect(conn).has_table("app_meta"):
        return
    for role in _remembered(conn):
        if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).scalar():
            _grant(conn, role)


def mark_console(conn: Connection, actor: str | None) -> None:
    """The console's mark on a PostgreSQL connection (the role log's ``actor``), for the
    connection's life: set when it differs from what the connection last had (a round
    trip per transaction cost 1-2 ms), forgotten on a rollback, which undoes it."""
    value = (actor or "(console)")[:60]
    if conn.info.get(ACTOR_SETTING) == value:
        return
    conn.execute(
        text("SELECT set_config(:setting, :actor, false)"),
        {"setting": ACTOR_SETTING, "actor": value},
    )
    conn.info[ACTOR_SETTING] = value


@event.listens_for(Engine, "rollback")
def _forget_mark(conn: Connection) -> None:
    conn.info.pop(ACTOR_SETTING, None)


def connection_warnings(*, session: Session) -> list[str]:
    """``db check``'s warnings about how the console connects (PostgreSQL only)."""
    conn = session.connection()
    if conn.dialect.name != "postgresql":
        return []
    owner_like, current, _owner_name = acts_as_owner(conn)
    if not owner_like:
        return []
    return [
        fill(
            QCoreApplication.translate(
                "Roles",
                "Warning: the console connects to PostgreSQL as %1, which owns the tables or "
                "is a superuser: with its password anyone can empty the audit log, drop its "
                "triggers or make themselves administrator in SQL. Let workstations connect "
                "as a login role set up with db grant (see the README).",
            ),
            current,
        )
    ]


def administrators_made_outside(*, session: Session) -> list[str]:
    """``db check``: every active administrator whose administrator role was not given by
    the console (by the role log), one message each (PostgreSQL only)."""
    conn = session.connection()
    if conn.dialect.name != "postgresql":
        return []
    log = user_role_log.c
    admins = session.execute(
        select(User.id, User.name).where(User.role == "admin", User.active.is_(True))
    ).all()
    problems = []
    for user_id, name in admins:
        made = session.execute(
            select(log.actor, log.db_role, log.client, log.at, log.action)
            .where(
                log.user_id == user_id,
                log.new_role == "admin",
                (log.old_role.is_(None) | (log.old_role != "admin")) | (log.action == "existing"),
            )
            .order_by(log.id.desc())
            .limit(1)
        ).first()
        reactivated = session.execute(
            select(log.actor, log.db_role, log.client, log.at)
            .where(log.user_id == user_id, log.new_active.is_(True), log.old_active.is_(False))
            .order_by(log.id.desc())
            .limit(1)
        ).first()
        if made is None:
            problems.append(
                fill(
                    QCoreApplication.translate(
                        "Roles",
                        "Administrator %1: the role log holds no record of how the account "
                        "became an administrator.",
                    ),
                    name,
                )
            )
            continue
        for found in (made, reactivated):
            if found is not None and found.actor is None:
                problems.append(_outside(name, found.db_role, found.client, found.at))
                break
    return problems


def _outside(name: str, db_role: str | None, client: str | None, at: datetime) -> str:
    return fill(
        QCoreApplication.translate(
            "Roles",
            "Administrator %1 was not made by the console: the database role %2 (from %3) "
            "changed the account in SQL at %4.",
        ),
        name,
        db_role or "?",
        client or QCoreApplication.translate("Roles", "this server"),
        display_time(at),
    )


def migration_pending(current: str | None, head: str | None) -> MigrationPending:
    return MigrationPending(
        fill(
            QCoreApplication.translate(
                "Roles",
                "The database is at revision %1 and this console needs %2. A workstation does "
                "not upgrade a PostgreSQL database: the role that owns the tables must run "
                "python3 main.py --db URL db upgrade.",
            ),
            current or QCoreApplication.translate("Roles", "(empty)"),
            head or "?",
        )
    )
