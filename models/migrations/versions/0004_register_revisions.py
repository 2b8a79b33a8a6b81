"""register revisions: a random token for divisions and one for shelters, replaced by
a trigger whenever a row is inserted or deleted or a column the roll-up shows changes,
so the roll-up can keep their names and order between calls

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Table -> the columns whose change replaces its token (models.meta.REVISED_TABLES).
REVISED = {
    "divisions": ("code", "name", "level", "parent_id"),
    "shelters": (
        "name",
        "village_id",
        "level",
        "capacity",
        "min_lon",
        "min_lat",
        "max_lon",
        "max_lat",
    ),
}


def upgrade() -> None:
    revisions = op.create_table(
        "register_revisions",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("table_name", name=op.f("pk_register_revisions")),
    )
    # Random tokens, never a counter: the token of a rolled-back change never comes back.
    op.bulk_insert(
        revisions, [{"table_name": table, "token": secrets.token_hex(8)} for table in REVISED]
    )
    if op.get_bind().dialect.name == "sqlite":
        for table, columns in REVISED.items():
            for name, verb in (
                ("insert", "INSERT"),
                ("delete", "DELETE"),
                ("update", f"UPDATE OF {', '.join(columns)}"),
            ):
                op.execute(
                    f"CREATE TRIGGER {table}_revision_{name} AFTER {verb} ON {table} "
                    "BEGIN UPDATE register_revisions SET token = lower(hex(randomblob(8))) "
                    f"WHERE table_name = '{table}'; END"
                )
    else:
        op.execute(
            "CREATE FUNCTION register_revision() RETURNS trigger AS $$ BEGIN "
            "UPDATE register_revisions SET token = md5(random()::text || clock_timestamp()::text) "
            "WHERE table_name = TG_TABLE_NAME; RETURN NULL; END; $$ LANGUAGE plpgsql"
        )
        for table, columns in REVISED.items():
            op.execute(
                f"CREATE TRIGGER {table}_revision AFTER INSERT OR DELETE OR TRUNCATE "
                f"OR UPDATE OF {', '.join(columns)} ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION register_revision()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in REVISED:
            for name in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER {table}_revision_{name}")
    else:
        for table in REVISED:
            op.execute(f"DROP TRIGGER {table}_revision ON {table}")
        op.execute("DROP FUNCTION register_revision()")
    op.drop_table("register_revisions")
