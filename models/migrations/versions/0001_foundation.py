"""foundation: divisions, grids, danger zones, shelters, working groups, users, audit, meta

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_meta")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=40), nullable=True),
        sa.Column("changes", sa.Text(), nullable=True),
        sa.Column("rows", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_table_name"), ["table_name"], unique=False)

    op.create_table(
        "divisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("geom", sa.LargeBinary(), nullable=True),
        sa.Column("min_lon", sa.Float(), nullable=True),
        sa.Column("min_lat", sa.Float(), nullable=True),
        sa.Column("max_lon", sa.Float(), nullable=True),
        sa.Column("max_lat", sa.Float(), nullable=True),
        sa.CheckConstraint(
            "level IN ('county', 'town', 'village')", name=op.f("ck_divisions_level")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["divisions.id"],
            name=op.f("fk_divisions_parent_id_divisions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_divisions")),
        sa.UniqueConstraint("code", name=op.f("uq_divisions_code")),
    )
    with op.batch_alter_table("divisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_divisions_level"), ["level"], unique=False)
        batch_op.create_index(batch_op.f("ix_divisions_min_lon"), ["min_lon"], unique=False)
        batch_op.create_index(batch_op.f("ix_divisions_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("last_failed_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("name", name=op.f("uq_users_name")),
    )
    op.create_table(
        "grids",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("village_id", sa.Integer(), nullable=False),
        sa.Column("person_name", sa.String(length=30), nullable=False),
        sa.Column("person_post", sa.String(length=30), nullable=True),
        sa.Column("person_phone", sa.String(length=20), nullable=True),
        sa.Column("geom", sa.LargeBinary(), nullable=True),
        sa.Column("min_lon", sa.Float(), nullable=True),
        sa.Column("min_lat", sa.Float(), nullable=True),
        sa.Column("max_lon", sa.Float(), nullable=True),
        sa.Column("max_lat", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["divisions.id"],
            name=op.f("fk_grids_village_id_divisions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grids")),
        sa.UniqueConstraint("code", name=op.f("uq_grids_code")),
    )
    with op.batch_alter_table("grids", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_grids_min_lon"), ["min_lon"], unique=False)
        batch_op.create_index(batch_op.f("ix_grids_village_id"), ["village_id"], unique=False)

    op.create_table(
        "shelters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("village_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("safety_certified", sa.Boolean(), nullable=False),
        sa.Column("manager_name", sa.String(length=30), nullable=True),
        sa.Column("manager_phone", sa.String(length=20), nullable=True),
        sa.Column("address", sa.String(length=120), nullable=True),
        sa.Column("geom", sa.LargeBinary(), nullable=True),
        sa.Column("min_lon", sa.Float(), nullable=True),
        sa.Column("min_lat", sa.Float(), nullable=True),
        sa.Column("max_lon", sa.Float(), nullable=True),
        sa.Column("max_lat", sa.Float(), nullable=True),
        sa.CheckConstraint("capacity >= 0", name=op.f("ck_shelters_capacity")),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["divisions.id"],
            name=op.f("fk_shelters_village_id_divisions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shelters")),
    )
    with op.batch_alter_table("shelters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shelters_min_lon"), ["min_lon"], unique=False)
        batch_op.create_index(batch_op.f("ix_shelters_village_id"), ["village_id"], unique=False)

    op.create_table(
        "working_group_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("village_id", sa.Integer(), nullable=False),
        sa.Column("post", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=30), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["divisions.id"],
            name=op.f("fk_working_group_members_village_id_divisions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_working_group_members")),
    )
    with op.batch_alter_table("working_group_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_working_group_members_village_id"), ["village_id"], unique=False
        )

    op.create_table(
        "danger_zones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("is_point", sa.Boolean(), nullable=False),
        sa.Column("village_id", sa.Integer(), nullable=False),
        sa.Column("grid_id", sa.Integer(), nullable=True),
        sa.Column("location", sa.String(length=120), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("geom", sa.LargeBinary(), nullable=True),
        sa.Column("min_lon", sa.Float(), nullable=True),
        sa.Column("min_lat", sa.Float(), nullable=True),
        sa.Column("max_lon", sa.Float(), nullable=True),
        sa.Column("max_lat", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["grid_id"],
            ["grids.id"],
            name=op.f("fk_danger_zones_grid_id_grids"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["village_id"],
            ["divisions.id"],
            name=op.f("fk_danger_zones_village_id_divisions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_danger_zones")),
        sa.UniqueConstraint("code", name=op.f("uq_danger_zones_code")),
    )
    with op.batch_alter_table("danger_zones", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_danger_zones_grid_id"), ["grid_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_danger_zones_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_danger_zones_min_lon"), ["min_lon"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_danger_zones_village_id"), ["village_id"], unique=False
        )

    # The audit log is append-only, whatever client writes to the database.
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
            )
    else:
        op.execute(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'audit log is append-only'; END; $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP TRIGGER audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION audit_log_append_only()")
    with op.batch_alter_table("danger_zones", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_danger_zones_village_id"))
        batch_op.drop_index(batch_op.f("ix_danger_zones_min_lon"))
        batch_op.drop_index(batch_op.f("ix_danger_zones_kind"))
        batch_op.drop_index(batch_op.f("ix_danger_zones_grid_id"))

    op.drop_table("danger_zones")
    with op.batch_alter_table("working_group_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_working_group_members_village_id"))

    op.drop_table("working_group_members")
    with op.batch_alter_table("shelters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shelters_village_id"))
        batch_op.drop_index(batch_op.f("ix_shelters_min_lon"))

    op.drop_table("shelters")
    with op.batch_alter_table("grids", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_grids_village_id"))
        batch_op.drop_index(batch_op.f("ix_grids_min_lon"))

    op.drop_table("grids")
    op.drop_table("users")
    with op.batch_alter_table("divisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_divisions_parent_id"))
        batch_op.drop_index(batch_op.f("ix_divisions_min_lon"))
        batch_op.drop_index(batch_op.f("ix_divisions_level"))

    op.drop_table("divisions")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_table_name"))
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    op.drop_table("app_meta")
