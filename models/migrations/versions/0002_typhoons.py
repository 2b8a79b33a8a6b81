"""typhoons: typhoons and their track points with wind radii

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "typhoons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("name_en", sa.String(length=40), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column("created_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_typhoons")),
        sa.UniqueConstraint("code", name=op.f("uq_typhoons_code")),
    )
    op.create_table(
        "typhoon_points",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("typhoon_id", sa.Integer(), nullable=False),
        sa.Column("at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("pressure_hpa", sa.Integer(), nullable=True),
        sa.Column("max_wind_ms", sa.Float(), nullable=True),
        sa.Column("r7_ne", sa.Float(), nullable=True),
        sa.Column("r7_se", sa.Float(), nullable=True),
        sa.Column("r7_sw", sa.Float(), nullable=True),
        sa.Column("r7_nw", sa.Float(), nullable=True),
        sa.Column("r10_ne", sa.Float(), nullable=True),
        sa.Column("r10_se", sa.Float(), nullable=True),
        sa.Column("r10_sw", sa.Float(), nullable=True),
        sa.Column("r10_nw", sa.Float(), nullable=True),
        sa.Column("r12_ne", sa.Float(), nullable=True),
        sa.Column("r12_se", sa.Float(), nullable=True),
        sa.Column("r12_sw", sa.Float(), nullable=True),
        sa.Column("r12_nw", sa.Float(), nullable=True),
        sa.Column("is_forecast", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["typhoon_id"],
            ["typhoons.id"],
            name=op.f("fk_typhoon_points_typhoon_id_typhoons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_typhoon_points")),
        sa.UniqueConstraint("typhoon_id", "at", name="typhoon_time"),
    )
    with op.batch_alter_table("typhoon_points", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_typhoon_points_typhoon_id"), ["typhoon_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("typhoon_points", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_typhoon_points_typhoon_id"))

    op.drop_table("typhoon_points")
    op.drop_table("typhoons")
