"""PostgreSQL roles on the real server: the owner migrates and grants (``db upgrade``,
``db grant ROLE``, as typed), the workstations' login role works the console but cannot
empty or alter the audit log, change the schema or hide a change to users' roles;
``db check`` names administrators made outside the console and warns when the console
connects as the owner; a workstation finding a migration pending refuses in Chinese."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, make_url, select, text
from sqlalchemy.exc import DBAPIError

from models.areas import Division
from models.audit import AuditRecord
from models.database import Database
from models.pg_roles import MigrationPending, grant_again, user_role_log
from models.users import Actor, create_user
from tests.cli_helpers import run_main
from tests.conftest import PG_URL

pytestmark = pytest.mark.skipif(not PG_URL, reason="ECC_TEST_DATABASE_URL not set")
BOSS = Actor(name="boss", role="admin")


@dataclass
class Roles:
    owner: str  # the URL of the owner role
    console: str  # the URL of the workstations' login role
    console_role: str


def _url(role: str, database: str) -> str:
    assert PG_URL
    return make_url(PG_URL).set(username=role, database=database).render_as_string(False)


@pytest.fixture
def roles() -> Iterator[Roles]:
    """A database owned by a new owner role, and a new login role; all dropped after."""
    assert PG_URL
    suffix = uuid.uuid4().hex[:10]
    owner, console, database = f"ecc_owner_{suffix}", f"ecc_console_{suffix}", f"r_{suffix}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:  # names made here from hex, never from input
        conn.exec_driver_sql(f"CREATE ROLE {owner} LOGIN")
        conn.exec_driver_sql(f"CREATE ROLE {console} LOGIN")
        conn.exec_driver_sql(f"CREATE DATABASE {database} OWNER {owner}")
        conn.exec_driver_sql(f"REVOKE ALL ON DATABASE {database} FROM PUBLIC")
    try:
        yield Roles(_url(owner, database), _url(console, database), console)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {console}")
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {owner}")
        admin.dispose()


def _set_up(roles: Roles) -> None:
    """What the README tells the owner to type."""
    upgraded = run_main("--db", roles.owner, "db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    granted = run_main("--lang", "en", "--db", roles.owner, "db", "grant", roles.console_role)
    assert granted.returncode == 0, granted.stderr
    assert roles.console_role in granted.stdout


def _refused(conn_url: str, sql: str) -> str:
    engine = create_engine(conn_url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(sql)
    except DBAPIError as exc:
        return str(exc.orig)
    finally:
        engine.dispose()
    raise AssertionError(f"allowed: {sql}")


def test_the_login_role_works_the_console_but_cannot_touch_the_schema_or_the_logs(
    roles: Roles,
) -> None:
    _set_up(roles)
    db = Database(roles.console)
    try:
        db.prepare()  # nothing pending: the workstation starts
        with db.session(None, write=True) as session:
            create_user(session=session, name="boss", role="admin", password="long-secret-1")
        with db.session(BOSS, write=True) as session:
            session.add(Division(code="331081", name="温岭市", level="county"))
        with db.session(BOSS) as session:
            assert session.scalar(select(Division.name)) == "温岭市"
            assert session.scalar(select(AuditRecord.id).limit(1)) is not None
    finally:
        db.dispose()
    for sql in (
        "TRUNCATE audit_log",
        "DELETE FROM audit_log",
        "UPDATE audit_log SET actor = 'x'",
        "DROP TRIGGER audit_log_append_only ON audit_log",
        "ALTER TABLE audit_log DISABLE TRIGGER ALL",
        "CREATE TABLE mine (id integer)",
        "ALTER TABLE users ADD COLUMN x integer",
        "TRUNCATE divisions CASCADE",
        "DELETE FROM user_role_log",
        "INSERT INTO user_role_log (at, user_id, action) VALUES (now(), 1, 'insert')",
        "DROP TRIGGER users_role_log ON users",
    ):
        message = _refused(roles.console, sql)
        assert "permission denied" in message or "must be owner" in message, (sql, message)


def test_db_check_names_an_administrator_made_in_sql_and_warns_about_the_owner(
    roles: Roles,
) -> None:
    _set_up(roles)
    for name, role in (("boss", "admin"), ("clerk", "clerk")):
        added = run_main(
            "--db", roles.console, *(("--user", "boss") if name != "boss" else ()),
            "user", "add", name, "--role", role,
            env={"ECC_PASSWORD": "long-secret-1"}, stdin="long-secret-1\n",
        )  # fmt: skip
        assert added.returncode == 0, added.stderr

    def check(url: str) -> tuple[int, str]:
        done = run_main(
            "--lang", "en", "--db", url, "--user", "boss", "db", "check",
            env={"ECC_PASSWORD": "long-secret-1"},
        )  # fmt: skip
        return done.returncode, done.stdout + done.stderr

    code, said = check(roles.console)
    assert code == 0, said
    assert "owns the tables" not in said
    code, said = check(roles.owner)
    assert code == 0 and "owns the tables" in said, said

    # The clerk makes himself administrator with the workstations' password, in SQL.
    engine = create_engine(roles.console)
    with engine.begin() as conn:
        conn.execute(text("UPDATE users SET role = 'admin' WHERE name = 'clerk'"))
    engine.dispose()
    code, said = check(roles.console)
    assert code == 1, said
    assert "Administrator clerk was not made by the console" in said
    assert roles.console_role in said and "boss" not in said.split("Administrator")[1]
    db = Database(roles.owner)
    with db.session(BOSS) as session:
        logged = session.execute(
            select(user_role_log.c.user_name, user_role_log.c.action, user_role_log.c.actor)
        ).all()
    db.dispose()
    assert ("clerk", "update", None) in logged  # no console mark
    assert ("clerk", "insert", "boss") in logged  # the console's mark: who acted
    assert any(row[:2] == ("boss", "insert") and row[2] for row in logged)


def test_a_workstation_finding_a_migration_pending_does_not_upgrade(roles: Roles) -> None:
    _set_up(roles)
    engine = create_engine(roles.owner)
    with engine.begin() as conn:  # as if this console were newer than the database
        conn.execute(text("UPDATE alembic_version SET version_num = '0006'"))
    engine.dispose()
    with pytest.raises(MigrationPending):
        Database(roles.console).prepare()
    by_console = run_main("--lang", "en", "--db", roles.console, "db", "upgrade")
    assert by_console.returncode == 1, by_console.stderr
    assert "Run db upgrade as the role that owns the tables" in by_console.stderr
    done = run_main("--db", roles.console, "--user", "boss", "db", "check", stdin="x\n")
    said = done.stdout + done.stderr  # db check reports what it finds on standard output
    assert done.returncode == 1, said
    assert "db upgrade" in said and "所有者" in said and "Traceback" not in said
    engine = create_engine(roles.owner)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0006"
    engine.dispose()


def test_db_grant_is_refused_to_anyone_but_the_owner_and_for_the_owner(roles: Roles) -> None:
    early = run_main("--lang", "en", "--db", roles.owner, "db", "grant", roles.console_role)
    assert early.returncode == 1 and "run db upgrade first" in early.stderr, early.stderr
    _set_up(roles)
    owner_role = make_url(roles.owner).username or ""
    for url, role, words in (
        (roles.console, roles.console_role, "Run db grant as the role that owns the tables"),
        (roles.owner, owner_role, "owns the tables or is a superuser"),
        (roles.owner, "nobody_here", "There is no database role nobody_here"),
    ):
        done = run_main("--lang", "en", "--db", url, "db", "grant", role)
        assert done.returncode == 1 and words in done.stderr, (role, done.stderr)
    owner = Database(roles.owner)
    try:
        with owner.engine.begin() as conn:
            meta = conn.execute(text("SELECT value FROM app_meta WHERE key = 'console_roles'"))
            assert meta.scalar() == roles.console_role
            # A later migration's table, as Database.upgrade grants again after migrating.
            conn.exec_driver_sql("CREATE TABLE later_log (id integer)")
            grant_again(conn)
    finally:
        owner.dispose()
    assert "permission denied" in _refused(roles.console, "DELETE FROM later_log")
    engine = create_engine(roles.console)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM later_log")).scalar() == 0
    engine.dispose()
