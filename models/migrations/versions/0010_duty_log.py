"""duty log: the duty log's entries (append-only: the database refuses to change or
remove one) and the shift handovers (append-only as well).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

APPEND_ONLY = ("duty_log", "duty_handovers")


def upgrade() -> None:
    op.create_table(
        "duty_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("backdate_reason", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("caller_unit", sa.String(length=80), nullable=True),
        sa.Column("caller_unit_id", sa.Integer(), nullable=True),
        sa.Column("caller_name", sa.String(length=40), nullable=True),
        sa.Column("caller_phone", sa.String(length=40), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("instruction", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=60), nullable=False),
        sa.Column("division_code", sa.String(length=12), nullable=True),
        sa.Column("resource", sa.String(length=120), nullable=True),
        sa.Column("follow_up_due", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("refers_to", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_duty_log_event_id_events"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["caller_unit_id"],
            ["member_units.id"],
            name=op.f("fk_duty_log_caller_unit_id_member_units"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["refers_to"],
            ["duty_log.id"],
            name=op.f("fk_duty_log_refers_to_duty_log"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_log")),
    )
    op.create_index("ix_duty_log_event_id_at", "duty_log", ["event_id", "at"], unique=False)
    op.create_index(op.f("ix_duty_log_at"), "duty_log", ["at"], unique=False)
    op.create_index(op.f("ix_duty_log_division_code"), "duty_log", ["division_code"], unique=False)
    op.create_index(op.f("ix_duty_log_follow_up_due"), "duty_log", ["follow_up_due"], unique=False)
    op.create_index(op.f("ix_duty_log_refers_to"), "duty_log", ["refers_to"], unique=False)

    op.create_table(
        "duty_handovers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("shift_start", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("from_user", sa.String(length=60), nullable=False),
        sa.Column("to_user", sa.String(length=60), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("open_follow_ups", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("open_items", sa.Text(), nullable=True),
        sa.Column("log_entry_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_duty_handovers_event_id_events"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["log_entry_id"],
            ["duty_log.id"],
            name=op.f("fk_duty_handovers_log_entry_id_duty_log"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_handovers")),
    )
    op.create_index(op.f("ix_duty_handovers_at"), "duty_handovers", ["at"], unique=False)

    # The log is append-only, whatever client writes to the database.
    for table in APPEND_ONLY:
        if op.get_bind().dialect.name == "sqlite":
            for verb in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
        else:
            op.execute(
                f"CREATE FUNCTION {table}_append_only() RETURNS trigger AS $$ BEGIN "
                f"RAISE EXCEPTION '{table} is append-only'; END; $$ LANGUAGE plpgsql"
            )
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE "
                f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        for table in APPEND_ONLY:
            op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
            op.execute(f"DROP FUNCTION {table}_append_only()")
    op.drop_table("duty_handovers")
    op.drop_table("duty_log")
