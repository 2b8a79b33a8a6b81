"""user role log: every change to a user's name, role or active flag, recorded on
PostgreSQL by an owner-owned trigger (SECURITY DEFINER) in a table the console's login
role may only read, with the database role, the client address and the console's mark;
the users held now are entered as they are. The log is append-only like the audit log.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# {schema}: the tables' schema, quoted; a SECURITY DEFINER function names its own path.
_RECORD = """
CREATE FUNCTION user_role_log_record() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    mark text := NULLIF(current_setting('ecc.actor', true), '');
    client text := host(inet_client_addr());
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO user_role_log (at, db_role, client, actor, user_id, user_name, action,
                                   new_role, new_active)
        VALUES (now(), session_user, client, mark, NEW.id, NEW.name, 'insert',
                NEW.role, NEW.active);
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO user_role_log (at, db_role, client, actor, user_id, user_name, action,
                                   old_role, old_active)
        VALUES (now(), session_user, client, mark, OLD.id, OLD.name, 'delete',
                OLD.role, OLD.active);
    ELSIF NEW.role IS DISTINCT FROM OLD.role OR NEW.active IS DISTINCT FROM OLD.active
          OR NEW.name IS DISTINCT FROM OLD.name THEN
        INSERT INTO user_role_log (at, db_role, client, actor, user_id, user_name, action,
                                   old_role, new_role, old_active, new_active)
        VALUES (now(), session_user, client, mark, NEW.id, NEW.name, 'update',
                OLD.role, NEW.role, OLD.active, NEW.active);
    END IF;
    RETURN NULL;
END $$
"""


def upgrade() -> None:
    op.create_table(
        "user_role_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("db_role", sa.String(length=63), nullable=True),
        sa.Column("client", sa.String(length=60), nullable=True),
        sa.Column("actor", sa.String(length=60), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("user_name", sa.String(length=40), nullable=True),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("old_role", sa.String(length=10), nullable=True),
        sa.Column("new_role", sa.String(length=10), nullable=True),
        sa.Column("old_active", sa.Boolean(), nullable=True),
        sa.Column("new_active", sa.Boolean(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_role_log")),
    )
    users = sa.table(
        "users",
        sa.column("id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("role", sa.String),
        sa.column("active", sa.Boolean),
    )
    log = sa.table(
        "user_role_log",
        sa.column("at", models.base.UTCDateTime()),
        sa.column("actor", sa.String),
        sa.column("user_id", sa.Integer),
        sa.column("user_name", sa.String),
        sa.column("action", sa.String),
        sa.column("new_role", sa.String),
        sa.column("new_active", sa.Boolean),
    )
    bind = op.get_bind()
    existing = bind.execute(sa.select(users.c.id, users.c.name, users.c.role, users.c.active))
    rows = [
        {
            "at": models.base.utcnow(),
            "actor": "(before the log)",
            "user_id": id_,
            "user_name": name,
            "action": "existing",
            "new_role": role,
            "new_active": active,
        }
        for id_, name, role, active in existing
    ]
    if rows:
        bind.execute(sa.insert(log), rows)
    if bind.dialect.name == "sqlite":
        return  # one workstation's file: its permissions are the boundary
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    op.execute(_RECORD.replace("{schema}", bind.dialect.identifier_preparer.quote(schema)))
    op.execute("REVOKE ALL ON FUNCTION user_role_log_record() FROM PUBLIC")
    op.execute(
        "CREATE TRIGGER users_role_log AFTER INSERT OR DELETE OR UPDATE OF name, role, active "
        "ON users FOR EACH ROW EXECUTE FUNCTION user_role_log_record()"
    )
    op.execute(
        "CREATE TRIGGER user_role_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE "
        "ON user_role_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP TRIGGER user_role_log_append_only ON user_role_log")
        op.execute("DROP TRIGGER users_role_log ON users")
        op.execute("DROP FUNCTION user_role_log_record()")
    op.drop_table("user_role_log")
