"""The supplies inventory's tables: warehouses, the catalogue, batches, the movement ledger
(every change of stock is a movement with its lines), transfers between warehouses with
their per-line quantities, the balances kept for speed and the minimum stock per warehouse.

Quantities are ``Decimal`` in the item's unit, stored as whole thousandths (``Quantity``),
so sums are exact on both backends: 1.5 m³ of piles is 1500, 12,000 woven bags 12000000.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base

SCALE = 1000
"""Thousandths of the item's unit per stored unit."""


class Quantity(TypeDecorator[Decimal]):
    """A quantity as a ``Decimal`` with at most three decimals, stored as thousandths."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | int | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        scaled = Decimal(value) * SCALE
        if scaled != scaled.to_integral_value():
            raise ValueError("quantities have at most three decimals")
        return int(scaled)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        whole, part = divmod(int(value), SCALE)
        if part == 0:
            return Decimal(whole)
        return Decimal(int(value)).scaleb(-3).normalize()


def in_thousandths(value: Decimal) -> bool:
    """Whether ``value`` is a finite number with at most three decimals (a number too large
    to be held to a thousandth is not)."""
    if not value.is_finite():
        return False
    try:
        return value == value.quantize(Decimal("0.001"))
    except ArithmeticError:
        return False


def plain(value: Decimal) -> Decimal:
    """``value`` without trailing zeros or an exponent: 12000, 1.5."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


WAREHOUSE_LEVELS = ("county", "town", "village", "agreement")
"""County, town and village warehouses, and agreement storage at a supplier (协议代储)."""

MOVEMENT_KINDS = (
    "receipt",  # 入库
    "issue",  # 出库
    "return",  # 归还入库: a receipt naming the issue it returns
    "transfer_out",  # 调拨出库
    "transfer_in",  # 调拨入库 (goods received, or sent back to the source)
    "write_off",  # 报损
    "adjustment",  # 盘点
)


class Warehouse(Base):
    """A warehouse at county, town or village level, or agreement storage; a forward point
    (前置点) is a warehouse too."""

    __tablename__ = "supply_warehouses"
    __table_args__ = (
        CheckConstraint("level IN ('county', 'town', 'village', 'agreement')", name="level"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    level: Mapped[str] = mapped_column(String(10))
    division_id: Mapped[int | None] = mapped_column(
        ForeignKey("divisions.id", ondelete="RESTRICT"), index=True
    )
    forward_point: Mapped[bool] = mapped_column(Boolean, default=False)
    supplier: Mapped[str | None] = mapped_column(String(80))  # agreement storage's supplier
    address: Mapped[str | None] = mapped_column(String(120))
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    manager: Mapped[str | None] = mapped_column(String(30))
    manager_phone: Mapped[str | None] = mapped_column(String(20))
    contact: Mapped[str | None] = mapped_column(String(30))
    contact_phone: Mapped[str | None] = mapped_column(String(20))
    open: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str | None] = mapped_column(Text)


class SupplyItem(Base):
    """An item of the catalogue."""

    __tablename__ = "supply_items"
    __table_args__ = (
        CheckConstraint("shelf_life_days IS NULL OR shelf_life_days > 0", name="shelf_life"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    category: Mapped[str] = mapped_column(String(20))
    specification: Mapped[str | None] = mapped_column(String(80))
    unit: Mapped[str] = mapped_column(String(10))
    rating: Mapped[Decimal | None] = mapped_column(Quantity)
    rating_unit: Mapped[str | None] = mapped_column(String(10))
    shelf_life_days: Mapped[int | None] = mapped_column(Integer)
    returnable: Mapped[bool] = mapped_column(Boolean, default=False)
    standard_code: Mapped[str | None] = mapped_column(String(7), index=True)  # GB/T 38565-2020
    note: Mapped[str | None] = mapped_column(Text)


class Batch(Base):
    """A batch of an item: its lot and dates. Stock of a batch may lie in several
    warehouses (a transfer moves part of it)."""

    __tablename__ = "supply_batches"
    __table_args__ = (
        UniqueConstraint(
            "item_id", "lot", "production_date", "expiry_date", name="uq_supply_batches_identity"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("supply_items.id", ondelete="RESTRICT"), index=True
    )
    lot: Mapped[str] = mapped_column(String(40), default="")
    production_date: Mapped[date | None] = mapped_column(Date)
    expiry_date: Mapped[date | None] = mapped_column(Date, index=True)


class Transfer(Base):
    """A transfer (调拨) between two warehouses: in transit from sending until received."""

    __tablename__ = "supply_transfers"
    __table_args__ = (
        CheckConstraint("status IN ('in_transit', 'received')", name="status"),
        CheckConstraint("from_warehouse_id <> to_warehouse_id", name="two_warehouses"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    from_warehouse_id: Mapped[int] = mapped_column(
        ForeignKey("supply_warehouses.id", ondelete="RESTRICT"), index=True
    )
    to_warehouse_id: Mapped[int] = mapped_column(
        ForeignKey("supply_warehouses.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(12), index=True)
    transport: Mapped[str | None] = mapped_column(String(40))
    vehicle_plate: Mapped[str | None] = mapped_column(String(16))
    driver: Mapped[str | None] = mapped_column(String(30))
    driver_phone: Mapped[str | None] = mapped_column(String(20))
    sent_at: Mapped[datetime]
    received_at: Mapped[datetime | None]
    received_by: Mapped[str | None] = mapped_column(String(60))
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="RESTRICT"), index=True
    )
    reason: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(60))


class TransferLine(Base):
    """One batch of a transfer: requested, sent, received at the destination, returned to
    the source, and lost on the way (with the transfer's receipt reason)."""

    __tablename__ = "supply_transfer_lines"
    __table_args__ = (
        CheckConstraint(
            "sent >= 0 AND received >= 0 AND returned >= 0 AND lost >= 0", name="quantities"
        ),
        CheckConstraint("received + returned + lost <= sent", name="accounted"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    transfer_id: Mapped[int] = mapped_column(
        ForeignKey("supply_transfers.id", ondelete="RESTRICT"), index=True
    )
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("supply_batches.id", ondelete="RESTRICT"), index=True
    )
    requested: Mapped[Decimal | None] = mapped_column(Quantity)
    sent: Mapped[Decimal] = mapped_column(Quantity)
    received: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    returned: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    lost: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))


class Movement(Base):
    """One movement of the ledger at one warehouse: what kind, when, who, why; its lines
    carry the batches and quantities. Movements are the only way stock changes."""

    __tablename__ = "supply_movements"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('receipt', 'issue', 'return', 'transfer_out', 'transfer_in',"
            " 'write_off', 'adjustment')",
            name="kind",
        ),
        UniqueConstraint(
            "warehouse_id", "slip_kind", "slip_year", "slip_number", name="uq_supply_movements_slip"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(14), index=True)
    warehouse_id: Mapped[int] = mapped_column(
        ForeignKey("supply_warehouses.id", ondelete="RESTRICT"), index=True
    )
    at: Mapped[datetime] = mapped_column(index=True)
    recorded_by: Mapped[str] = mapped_column(String(60))
    reason: Mapped[str | None] = mapped_column(Text)
    cause: Mapped[str | None] = mapped_column(String(10))  # a write-off's: lost, damaged, expired
    recipient: Mapped[str | None] = mapped_column(String(80))  # who took issued goods
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="RESTRICT"), index=True
    )
    # A return names the issue it returns; a write-off of goods out on loan names it too.
    issue_id: Mapped[int | None] = mapped_column(
        ForeignKey("supply_movements.id", ondelete="RESTRICT"), index=True
    )
    transfer_id: Mapped[int | None] = mapped_column(
        ForeignKey("supply_transfers.id", ondelete="RESTRICT"), index=True
    )
    # Issued on a leader's word (先调后补): who ordered it; the slip follows.
    ordered_by: Mapped[str | None] = mapped_column(String(40))
    paperwork_pending: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    paperwork_completed_at: Mapped[datetime | None]
    paperwork_completed_by: Mapped[str | None] = mapped_column(String(60))
    # The slip (入库单 in, 出库单 out, 调拨单 transfer) numbered per warehouse and year.
    slip_kind: Mapped[str] = mapped_column(String(10))
    slip_year: Mapped[int] = mapped_column(Integer)
    slip_number: Mapped[int] = mapped_column(Integer)


class MovementLine(Base):
    """One batch of a movement: ``quantity`` as written on the slip (never negative) and
    ``change``, what it did to the warehouse's balance of that batch (signed; 0 for goods
    out on loan written off, which had left the warehouse with their issue). A line carries
    its movement's warehouse, so the ledger check reads the sums per warehouse and batch
    from one index in their order (``db check`` proves it is the movement's)."""

    __tablename__ = "supply_movement_lines"
    __table_args__ = (
        CheckConstraint("quantity >= 0", name="quantity"),
        Index("ix_supply_movement_lines_warehouse_batch", "warehouse_id", "batch_id", "change"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    movement_id: Mapped[int] = mapped_column(
        ForeignKey("supply_movements.id", ondelete="RESTRICT"), index=True
    )
    warehouse_id: Mapped[int] = mapped_column(
        ForeignKey("supply_warehouses.id", ondelete="RESTRICT")
    )
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("supply_batches.id", ondelete="RESTRICT"), index=True
    )
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    change: Mapped[Decimal] = mapped_column(Quantity)


class Balance(Base):
    """The stock of one batch at one warehouse, kept equal to the sum of its movement
    lines' changes (``db check`` proves it) and never negative."""

    __tablename__ = "supply_balances"
    __table_args__ = (
        CheckConstraint("quantity >= 0", name="never_negative"),
        # Stock by item, and of the batches expiring soon, is summed from these alone.
        Index("ix_supply_balances_item_quantity", "item_id", "quantity"),
        Index("ix_supply_balances_batch_quantity", "batch_id", "quantity"),
    )

    warehouse_id: Mapped[int] = mapped_column(
        ForeignKey("supply_warehouses.id", ondelete="RESTRICT"), primary_key=True
    )
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("supply_batches.id", ondelete="RESTRICT"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(ForeignKey("supply_items.id", ondelete="RESTRICT"))
    quantity: Mapped[Decimal] = mapped_column(Quantity)


class MinimumStock(Base):
    """The least stock of an item a warehouse should hold; below it is an alert."""

    __tablename__ = "supply_minimums"
    __table_args__ = (CheckConstraint("minimum >= 0", name="minimum"),)

    warehouse_id: Mapped[int] = mapped_column(
        ForeignKey("supply_warehouses.id", ondelete="RESTRICT"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(
        ForeignKey("supply_items.id", ondelete="RESTRICT"), primary_key=True
    )
    minimum: Mapped[Decimal] = mapped_column(Quantity)


class KitItem(Base):
    """The village standard kit (三大件四小件 as the county lists it): an item and the
    quantity each village should hold; ``village_kind`` "" for every village."""

    __tablename__ = "supply_kit_items"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity"),)

    village_kind: Mapped[str] = mapped_column(String(20), primary_key=True, default="")
    item_id: Mapped[int] = mapped_column(
        ForeignKey("supply_items.id", ondelete="RESTRICT"), primary_key=True
    )
    quantity: Mapped[Decimal] = mapped_column(Quantity)
