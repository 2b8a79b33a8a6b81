"""user role log: every change to a user's name, role or active flag, recorded on
PostgreSQL by an owner-owned trigger (SECURITY DEFINER) in a table the console's login
role may only read, with the database role, the client address and the console's mark;
the users held now are entered as they are. The log is append-only like the audit log.
And the personal numbers earlier audit records kept in full are masked as new records
mask them (the append-only trigger set aside for that one statement, as the owner).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

import models.base
from models.masking import mask_phone

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


# The columns holding phones at this revision (models.audit.personal_kind then).
_PERSONAL = {
    "grids": ("person_phone",),
    "shelters": ("manager_phone",),
    "working_group_members": ("phone",),
    "households": (
        "householder_phone",
        "phone_last4",
        "transfer_person_phone",
        "warning_person_phone",
    ),
    "transfer_objects": ("person_phone",),
}


def _masked(value: object) -> object:
    if isinstance(value, list):
        return [_masked(v) for v in value]
    return mask_phone(value) if isinstance(value, str) else value


def _mask_audit_records(bind: sa.Connection) -> None:
    audit = sa.table(
        "audit_log",
        sa.column("id", sa.Integer),
        sa.column("action", sa.String),
        sa.column("table_name", sa.String),
        sa.column("changes", sa.Text),
    )
    changed = []
    for id_, table, changes in bind.execute(
        sa.select(audit.c.id, audit.c.table_name, audit.c.changes).where(
            audit.c.table_name.in_(list(_PERSONAL)),
            audit.c.action.in_(("insert", "update", "delete")),
        )
    ):
        try:
            values = json.loads(changes or "{}")
        except ValueError:
            continue
        if not isinstance(values, dict):
            continue
        masked = {
            key: _masked(value) if key in _PERSONAL[table] else value
            for key, value in values.items()
        }
        if masked != values:
            changed.append({"key": id_, "changes": json.dumps(masked, ensure_ascii=False)})
    if not changed:
        return
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        op.execute("DROP TRIGGER audit_log_no_update")
    else:
        op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
    bind.execute(
        sa.update(audit).where(audit.c.id == sa.bindparam("key")),
        changed,
    )
    if sqlite:
        op.execute(
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
        )
    else:
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")


def upgrade() -> None:
    _mask_audit_records(op.get_bind())
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
