"""an event's area as an area drawn on the map and saved (``events.drawn_area_id``), kept
while an event names it.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

NAME = "fk_events_drawn_area_id_drawn_areas"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # a reference comes with its column there
        op.execute(
            "ALTER TABLE events ADD COLUMN drawn_area_id INTEGER "
            f"CONSTRAINT {NAME} REFERENCES drawn_areas (id) ON DELETE RESTRICT"
        )
    else:
        op.add_column("events", sa.Column("drawn_area_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            NAME, "events", "drawn_areas", ["drawn_area_id"], ["id"], ondelete="RESTRICT"
        )
    op.create_index(op.f("ix_events_drawn_area_id"), "events", ["drawn_area_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_events_drawn_area_id"), table_name="events")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(NAME, "events", type_="foreignkey")
    op.drop_column("events", "drawn_area_id")
