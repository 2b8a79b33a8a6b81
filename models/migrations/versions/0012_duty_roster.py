"""duty roster: per duty day and shift, the officers on duty and the leader on shift with
a phone.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "duty_roster",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("shift", sa.String(length=10), nullable=False),
        sa.Column("officers", sa.String(length=120), nullable=False),
        sa.Column("leader", sa.String(length=40), nullable=False),
        sa.Column("leader_phone", sa.String(length=40), nullable=True),
        sa.Column("set_by", sa.String(length=60), nullable=False),
        sa.Column("set_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_roster")),
        sa.UniqueConstraint("day", "shift", name=op.f("uq_duty_roster_day")),
    )
    op.create_index(op.f("ix_duty_roster_day"), "duty_roster", ["day"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_duty_roster_day"), table_name="duty_roster")
    op.drop_table("duty_roster")
