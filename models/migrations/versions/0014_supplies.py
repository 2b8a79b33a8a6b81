"""supplies: warehouses, the catalogue, batches, the movement ledger and its lines,
transfers between warehouses with their lines, balances per warehouse and batch (never
negative) and minimum stock per warehouse and item. Quantities are whole thousandths of
the item's unit (BIGINT).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "supply_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("specification", sa.String(length=80), nullable=True),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("rating", sa.BigInteger(), nullable=True),
        sa.Column("rating_unit", sa.String(length=10), nullable=True),
        sa.Column("shelf_life_days", sa.Integer(), nullable=True),
        sa.Column("returnable", sa.Boolean(), nullable=False),
        sa.Column("standard_code", sa.String(length=7), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "shelf_life_days IS NULL OR shelf_life_days > 0",
            name=op.f("ck_supply_items_shelf_life"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supply_items")),
        sa.UniqueConstraint("code", name=op.f("uq_supply_items_code")),
    )
    with op.batch_alter_table("supply_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supply_items_standard_code"), ["standard_code"], unique=False
        )

    op.create_table(
        "supply_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("lot", sa.String(length=40), nullable=False),
        sa.Column("production_date", sa.Date(), nullable=True),
        sa.Column("expiry_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["supply_items.id"],
            name=op.f("fk_supply_batches_item_id_supply_items"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supply_batches")),
        sa.UniqueConstraint(
            "item_id", "lot", "production_date", "expiry_date", name="uq_supply_batches_identity"
        ),
    )
    with op.batch_alter_table("supply_batches", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supply_batches_expiry_date"), ["expiry_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_supply_batches_item_id"), ["item_id"], unique=False)

    op.create_table(
        "supply_warehouses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("division_id", sa.Integer(), nullable=True),
        sa.Column("forward_point", sa.Boolean(), nullable=False),
        sa.Column("supplier", sa.String(length=80), nullable=True),
        sa.Column("address", sa.String(length=120), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("manager", sa.String(length=30), nullable=True),
        sa.Column("manager_phone", sa.String(length=20), nullable=True),
        sa.Column("contact", sa.String(length=30), nullable=True),
        sa.Column("contact_phone", sa.String(length=20), nullable=True),
        sa.Column("open", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "level IN ('county', 'town', 'village', 'agreement')",
            name=op.f("ck_supply_warehouses_level"),
        ),
        sa.ForeignKeyConstraint(
            ["division_id"],
            ["divisions.id"],
            name=op.f("fk_supply_warehouses_division_id_divisions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supply_warehouses")),
        sa.UniqueConstraint("code", name=op.f("uq_supply_warehouses_code")),
        sa.UniqueConstraint("name", name=op.f("uq_supply_warehouses_name")),
    )
    with op.batch_alter_table("supply_warehouses", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supply_warehouses_division_id"), ["division_id"], unique=False
        )

    op.create_table(
        "supply_balances",
        sa.Column("warehouse_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("quantity >= 0", name=op.f("ck_supply_balances_never_negative")),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["supply_batches.id"],
            name=op.f("fk_supply_balances_batch_id_supply_batches"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["supply_items.id"],
            name=op.f("fk_supply_balances_item_id_supply_items"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"],
            ["supply_warehouses.id"],
            name=op.f("fk_supply_balances_warehouse_id_supply_warehouses"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("warehouse_id", "batch_id", name=op.f("pk_supply_balances")),
    )
    with op.batch_alter_table("supply_balances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_supply_balances_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_supply_balances_item_id"), ["item_id"], unique=False)

    op.create_table(
        "supply_minimums",
        sa.Column("warehouse_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("minimum", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("minimum >= 0", name=op.f("ck_supply_minimums_minimum")),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["supply_items.id"],
            name=op.f("fk_supply_minimums_item_id_supply_items"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"],
            ["supply_warehouses.id"],
            name=op.f("fk_supply_minimums_warehouse_id_supply_warehouses"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("warehouse_id", "item_id", name=op.f("pk_supply_minimums")),
    )
    op.create_table(
        "supply_transfers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("from_warehouse_id", sa.Integer(), nullable=False),
        sa.Column("to_warehouse_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("transport", sa.String(length=40), nullable=True),
        sa.Column("vehicle_plate", sa.String(length=16), nullable=True),
        sa.Column("driver", sa.String(length=30), nullable=True),
        sa.Column("driver_phone", sa.String(length=20), nullable=True),
        sa.Column("sent_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("received_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("received_by", sa.String(length=60), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=60), nullable=False),
        sa.CheckConstraint(
            "status IN ('in_transit', 'received')", name=op.f("ck_supply_transfers_status")
        ),
        sa.CheckConstraint(
            "from_warehouse_id <> to_warehouse_id", name=op.f("ck_supply_transfers_two_warehouses")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_supply_transfers_event_id_events"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["from_warehouse_id"],
            ["supply_warehouses.id"],
            name=op.f("fk_supply_transfers_from_warehouse_id_supply_warehouses"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["to_warehouse_id"],
            ["supply_warehouses.id"],
            name=op.f("fk_supply_transfers_to_warehouse_id_supply_warehouses"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supply_transfers")),
    )
    with op.batch_alter_table("supply_transfers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supply_transfers_event_id"), ["event_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_supply_transfers_from_warehouse_id"), ["from_warehouse_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_supply_transfers_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_supply_transfers_to_warehouse_id"), ["to_warehouse_id"], unique=False
        )

    op.create_table(
        "supply_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=14), nullable=False),
        sa.Column("warehouse_id", sa.Integer(), nullable=False),
        sa.Column("at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=60), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("cause", sa.String(length=10), nullable=True),
        sa.Column("recipient", sa.String(length=80), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("issue_id", sa.Integer(), nullable=True),
        sa.Column("transfer_id", sa.Integer(), nullable=True),
        sa.Column("ordered_by", sa.String(length=40), nullable=True),
        sa.Column("paperwork_pending", sa.Boolean(), nullable=False),
        sa.Column("paperwork_completed_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("paperwork_completed_by", sa.String(length=60), nullable=True),
        sa.Column("slip_kind", sa.String(length=10), nullable=False),
        sa.Column("slip_year", sa.Integer(), nullable=False),
        sa.Column("slip_number", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('receipt', 'issue', 'return', 'transfer_out', 'transfer_in', 'write_off', 'adjustment')",
            name=op.f("ck_supply_movements_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_supply_movements_event_id_events"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["issue_id"],
            ["supply_movements.id"],
            name=op.f("fk_supply_movements_issue_id_supply_movements"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"],
            ["supply_transfers.id"],
            name=op.f("fk_supply_movements_transfer_id_supply_transfers"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"],
            ["supply_warehouses.id"],
            name=op.f("fk_supply_movements_warehouse_id_supply_warehouses"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supply_movements")),
        sa.UniqueConstraint(
            "warehouse_id", "slip_kind", "slip_year", "slip_number", name="uq_supply_movements_slip"
        ),
    )
    with op.batch_alter_table("supply_movements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_supply_movements_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_supply_movements_event_id"), ["event_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_supply_movements_issue_id"), ["issue_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_supply_movements_kind"), ["kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_supply_movements_paperwork_pending"), ["paperwork_pending"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_supply_movements_transfer_id"), ["transfer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_supply_movements_warehouse_id"), ["warehouse_id"], unique=False
        )

    op.create_table(
        "supply_transfer_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transfer_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("requested", sa.BigInteger(), nullable=True),
        sa.Column("sent", sa.BigInteger(), nullable=False),
        sa.Column("received", sa.BigInteger(), nullable=False),
        sa.Column("returned", sa.BigInteger(), nullable=False),
        sa.Column("lost", sa.BigInteger(), nullable=False),
        sa.CheckConstraint(
            "received + returned + lost <= sent", name=op.f("ck_supply_transfer_lines_accounted")
        ),
        sa.CheckConstraint(
            "sent >= 0 AND received >= 0 AND returned >= 0 AND lost >= 0",
            name=op.f("ck_supply_transfer_lines_quantities"),
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["supply_batches.id"],
            name=op.f("fk_supply_transfer_lines_batch_id_supply_batches"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"],
            ["supply_transfers.id"],
            name=op.f("fk_supply_transfer_lines_transfer_id_supply_transfers"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supply_transfer_lines")),
    )
    with op.batch_alter_table("supply_transfer_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supply_transfer_lines_batch_id"), ["batch_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_supply_transfer_lines_transfer_id"), ["transfer_id"], unique=False
        )

    op.create_table(
        "supply_movement_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("movement_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("change", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("quantity >= 0", name=op.f("ck_supply_movement_lines_quantity")),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["supply_batches.id"],
            name=op.f("fk_supply_movement_lines_batch_id_supply_batches"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["movement_id"],
            ["supply_movements.id"],
            name=op.f("fk_supply_movement_lines_movement_id_supply_movements"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supply_movement_lines")),
    )
    with op.batch_alter_table("supply_movement_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supply_movement_lines_batch_id"), ["batch_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_supply_movement_lines_movement_id"), ["movement_id"], unique=False
        )
    op.create_table(
        "supply_kit_items",
        sa.Column("village_kind", sa.String(length=20), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_supply_kit_items_quantity")),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["supply_items.id"],
            name=op.f("fk_supply_kit_items_item_id_supply_items"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("village_kind", "item_id", name=op.f("pk_supply_kit_items")),
    )


def downgrade() -> None:
    op.drop_table("supply_kit_items")
    with op.batch_alter_table("supply_movement_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supply_movement_lines_movement_id"))
        batch_op.drop_index(batch_op.f("ix_supply_movement_lines_batch_id"))

    op.drop_table("supply_movement_lines")
    with op.batch_alter_table("supply_transfer_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supply_transfer_lines_transfer_id"))
        batch_op.drop_index(batch_op.f("ix_supply_transfer_lines_batch_id"))

    op.drop_table("supply_transfer_lines")
    with op.batch_alter_table("supply_movements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supply_movements_warehouse_id"))
        batch_op.drop_index(batch_op.f("ix_supply_movements_transfer_id"))
        batch_op.drop_index(batch_op.f("ix_supply_movements_paperwork_pending"))
        batch_op.drop_index(batch_op.f("ix_supply_movements_kind"))
        batch_op.drop_index(batch_op.f("ix_supply_movements_issue_id"))
        batch_op.drop_index(batch_op.f("ix_supply_movements_event_id"))
        batch_op.drop_index(batch_op.f("ix_supply_movements_at"))

    op.drop_table("supply_movements")
    with op.batch_alter_table("supply_transfers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supply_transfers_to_warehouse_id"))
        batch_op.drop_index(batch_op.f("ix_supply_transfers_status"))
        batch_op.drop_index(batch_op.f("ix_supply_transfers_from_warehouse_id"))
        batch_op.drop_index(batch_op.f("ix_supply_transfers_event_id"))

    op.drop_table("supply_transfers")
    op.drop_table("supply_minimums")
    with op.batch_alter_table("supply_balances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supply_balances_item_id"))
        batch_op.drop_index(batch_op.f("ix_supply_balances_batch_id"))

    op.drop_table("supply_balances")
    with op.batch_alter_table("supply_warehouses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supply_warehouses_division_id"))

    op.drop_table("supply_warehouses")
    with op.batch_alter_table("supply_batches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supply_batches_item_id"))
        batch_op.drop_index(batch_op.f("ix_supply_batches_expiry_date"))

    op.drop_table("supply_batches")
    with op.batch_alter_table("supply_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supply_items_standard_code"))

    op.drop_table("supply_items")
