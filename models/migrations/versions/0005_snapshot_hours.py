"""snapshot hours: each hourly roll-up snapshot names its clock hour, unique per event,
so two consoles taking the same hour's snapshot keep one; of the snapshots already
taken, the earliest of each event and hour is kept and the others are removed

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("rollup_snapshots", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("hour", models.base.UTCDateTime(timezone=True), nullable=True)
        )

    snapshots = sa.table(
        "rollup_snapshots",
        sa.column("id", sa.Integer),
        sa.column("event_id", sa.Integer),
        sa.column("taken_at", models.base.UTCDateTime(timezone=True)),
        sa.column("hour", models.base.UTCDateTime(timezone=True)),
    )
    bind = op.get_bind()
    hours: dict[tuple[int, object], int] = {}  # (event, hour) -> the earliest snapshot
    later: list[int] = []
    for id_, event_id, taken_at in bind.execute(
        sa.select(snapshots.c.id, snapshots.c.event_id, snapshots.c.taken_at).order_by(
            snapshots.c.taken_at, snapshots.c.id
        )
    ):
        key = (event_id, taken_at.replace(minute=0, second=0, microsecond=0))
        if key in hours:
            later.append(id_)
        else:
            hours[key] = id_
    if later:
        bind.execute(snapshots.delete().where(snapshots.c.id.in_(later)))
    if hours:
        bind.execute(
            snapshots.update()
            .where(snapshots.c.id == sa.bindparam("kept"))
            .values(hour=sa.bindparam("taken_hour")),
            [{"kept": id_, "taken_hour": hour} for (_e, hour), id_ in hours.items()],
        )

    with op.batch_alter_table("rollup_snapshots", schema=None) as batch_op:
        batch_op.create_unique_constraint("uq_rollup_snapshots_event_hour", ["event_id", "hour"])


def downgrade() -> None:
    with op.batch_alter_table("rollup_snapshots", schema=None) as batch_op:
        batch_op.drop_constraint("uq_rollup_snapshots_event_hour", type_="unique")
        batch_op.drop_column("hour")
