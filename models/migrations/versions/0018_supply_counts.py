"""supply counts and classes: stock counts (盘点) kept with their lines (book, counted,
difference), the GB/T 38565-2020 class table a county imports; each movement line carries
its movement's warehouse, filled from the movements held, with an index in warehouse and
batch order holding the change (the ledger check sums it without sorting every line), and
the balances' item and batch indexes hold the quantity (the county's stock by item and
what expires soon are read from them alone).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "supply_item_classes",
        sa.Column("code", sa.String(length=7), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_supply_item_classes")),
    )
    op.create_table(
        "supply_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("warehouse_id", sa.Integer(), nullable=False),
        sa.Column("counted_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("counted_by", sa.String(length=60), nullable=True),
        sa.Column("recorded_by", sa.String(length=60), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("movement_id", sa.Integer(), nullable=True),
        sa.Column("lines", sa.Integer(), nullable=False),
        sa.Column("differences", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["movement_id"],
            ["supply_movements.id"],
            name=op.f("fk_supply_counts_movement_id_supply_movements"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"],
            ["supply_warehouses.id"],
            name=op.f("fk_supply_counts_warehouse_id_supply_warehouses"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supply_counts")),
    )
    with op.batch_alter_table("supply_counts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_supply_counts_counted_at"), ["counted_at"])
        batch_op.create_index(batch_op.f("ix_supply_counts_movement_id"), ["movement_id"])
        batch_op.create_index(batch_op.f("ix_supply_counts_warehouse_id"), ["warehouse_id"])
    op.create_table(
        "supply_count_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("count_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("book", sa.BigInteger(), nullable=False),
        sa.Column("counted", sa.BigInteger(), nullable=False),
        sa.Column("difference", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["supply_batches.id"],
            name=op.f("fk_supply_count_lines_batch_id_supply_batches"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["count_id"],
            ["supply_counts.id"],
            name=op.f("fk_supply_count_lines_count_id_supply_counts"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["supply_items.id"],
            name=op.f("fk_supply_count_lines_item_id_supply_items"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supply_count_lines")),
    )
    with op.batch_alter_table("supply_count_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_supply_count_lines_batch_id"), ["batch_id"])
        batch_op.create_index(batch_op.f("ix_supply_count_lines_count_id"), ["count_id"])

    # Each line carries its movement's warehouse.
    with op.batch_alter_table("supply_movement_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("warehouse_id", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE supply_movement_lines SET warehouse_id = (SELECT m.warehouse_id"
        " FROM supply_movements m WHERE m.id = supply_movement_lines.movement_id)"
    )
    with op.batch_alter_table("supply_movement_lines", schema=None) as batch_op:
        batch_op.alter_column("warehouse_id", existing_type=sa.Integer(), nullable=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_supply_movement_lines_warehouse_id_supply_warehouses"),
            "supply_warehouses",
            ["warehouse_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch_op.create_index(
            "ix_supply_movement_lines_warehouse_batch", ["warehouse_id", "batch_id", "change"]
        )
    with op.batch_alter_table("supply_balances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supply_balances_item_id"))
        batch_op.drop_index(batch_op.f("ix_supply_balances_batch_id"))
        batch_op.create_index("ix_supply_balances_item_quantity", ["item_id", "quantity"])
        batch_op.create_index("ix_supply_balances_batch_quantity", ["batch_id", "quantity"])


def downgrade() -> None:
    with op.batch_alter_table("supply_balances", schema=None) as batch_op:
        batch_op.drop_index("ix_supply_balances_batch_quantity")
        batch_op.drop_index("ix_supply_balances_item_quantity")
        batch_op.create_index(batch_op.f("ix_supply_balances_batch_id"), ["batch_id"])
        batch_op.create_index(batch_op.f("ix_supply_balances_item_id"), ["item_id"])
    with op.batch_alter_table("supply_movement_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_supply_movement_lines_warehouse_batch")
        batch_op.drop_constraint(
            batch_op.f("fk_supply_movement_lines_warehouse_id_supply_warehouses"),
            type_="foreignkey",
        )
        batch_op.drop_column("warehouse_id")
    with op.batch_alter_table("supply_count_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supply_count_lines_count_id"))
        batch_op.drop_index(batch_op.f("ix_supply_count_lines_batch_id"))
    op.drop_table("supply_count_lines")
    with op.batch_alter_table("supply_counts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supply_counts_warehouse_id"))
        batch_op.drop_index(batch_op.f("ix_supply_counts_movement_id"))
        batch_op.drop_index(batch_op.f("ix_supply_counts_counted_at"))
    op.drop_table("supply_counts")
    op.drop_table("supply_item_classes")
