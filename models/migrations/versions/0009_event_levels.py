"""event levels: an event's number, grade, typhoon and area; its response level changes
(signer, reason, document number) and grade changes kept as history; incidents logged
under an event; the register of member units.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _event_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["event_id"], ["events.id"], name=op.f(f"fk_{table}_event_id_events"), ondelete="RESTRICT"
    )


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("number", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("grade", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("typhoon_code", sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column("area", sa.String(length=200), nullable=True))

    op.create_table(
        "event_level_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("old", sa.String(length=4), nullable=True),
        sa.Column("new", sa.String(length=4), nullable=True),
        sa.Column("signer", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("doc_number", sa.String(length=60), nullable=True),
        sa.Column("recorded_by", sa.String(length=60), nullable=False),
        _event_fk("event_level_changes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_level_changes")),
    )
    op.create_index(
        op.f("ix_event_level_changes_event_id"), "event_level_changes", ["event_id"], unique=False
    )

    op.create_table(
        "event_grade_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("old", sa.String(length=10), nullable=True),
        sa.Column("new", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=60), nullable=False),
        _event_fk("event_grade_changes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_grade_changes")),
    )
    op.create_index(
        op.f("ix_event_grade_changes_event_id"), "event_grade_changes", ["event_id"], unique=False
    )

    op.create_table(
        "event_incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("division_id", sa.Integer(), nullable=True),
        sa.Column("at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=60), nullable=False),
        _event_fk("event_incidents"),
        sa.ForeignKeyConstraint(
            ["division_id"],
            ["divisions.id"],
            name=op.f("fk_event_incidents_division_id_divisions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_incidents")),
    )
    op.create_index(
        op.f("ix_event_incidents_event_id"), "event_incidents", ["event_id"], unique=False
    )

    op.create_table(
        "member_units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("abbreviation", sa.String(length=20), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("duty_phone", sa.String(length=40), nullable=True),
        sa.Column("contact", sa.String(length=40), nullable=True),
        sa.Column("contact_phone", sa.String(length=40), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_units")),
        sa.UniqueConstraint("name", name=op.f("uq_member_units_name")),
    )


def downgrade() -> None:
    op.drop_table("member_units")
    op.drop_table("event_incidents")
    op.drop_table("event_grade_changes")
    op.drop_table("event_level_changes")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("area")
        batch_op.drop_column("typhoon_code")
        batch_op.drop_column("grade")
        batch_op.drop_column("number")
