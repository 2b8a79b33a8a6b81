"""What a slip (入库单、出库单、调拨单、报损单、盘点单) prints: its warehouse, number (per
warehouse, slip kind and year), time, who recorded it, the goods with their batches and
quantities, and for a transfer both warehouses and the transport; the driver's phone
masked unless the reader's role may print personal numbers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.refusals import NotFound
from models.supplies.ledger import slip_number
from models.supplies.tables import Batch, Movement, MovementLine, SupplyItem, Transfer, Warehouse
from models.users import Permission, require


@dataclass(frozen=True, slots=True)
class SlipLine:
    item_code: str
    item_name: str
    specification: str
    unit: str
    lot: str
    expiry: date | None
    quantity: Decimal
    change: Decimal


@dataclass(frozen=True, slots=True)
class Slip:
    kind: str  # the movement's kind
    slip_kind: str  # receipt, issue, transfer, write_off, count
    number: str  # 2026-0007
    warehouse_code: str
    warehouse: str
    at: datetime
    recorded_by: str
    reason: str
    recipient: str
    ordered_by: str
    paperwork_pending: bool
    lines: tuple[SlipLine, ...]
    source: str = ""  # a transfer's
    destination: str = ""
    transport: str = ""
    vehicle_plate: str = ""
    driver: str = ""
    driver_phone: str = ""


def slip(*, session: Session, movement_id: int, mask: Callable[[str | None], str | None]) -> Slip:
    """The slip of a movement; ``mask`` shows the driver's phone as the printout may."""
    require(session, Permission.READ_REGISTER)
    movement = session.get(Movement, movement_id)
    if movement is None:
        raise NotFound(QCoreApplication.translate("Supplies", "No movement has this number."))
    warehouse = session.get(Warehouse, movement.warehouse_id)
    assert warehouse is not None
    rows = session.execute(
        select(
            SupplyItem.code,
            SupplyItem.name,
            SupplyItem.specification,
            SupplyItem.unit,
            Batch.lot,
            Batch.expiry_date,
            MovementLine.quantity,
            MovementLine.change,
        )
        .join(Batch, Batch.id == MovementLine.batch_id)
        .join(SupplyItem, SupplyItem.id == Batch.item_id)
        .where(MovementLine.movement_id == movement_id)
        .order_by(SupplyItem.code, Batch.expiry_date, MovementLine.id)
    ).all()
    lines = tuple(
        SlipLine(code, name, spec or "", unit, lot, expiry, quantity, change)
        for code, name, spec, unit, lot, expiry, quantity, change in rows
    )
    transport: dict[str, str] = {}
    if movement.transfer_id is not None:
        transfer = session.get(Transfer, movement.transfer_id)
        assert transfer is not None
        names = dict(
            session.execute(
                select(Warehouse.id, Warehouse.name).where(
                    Warehouse.id.in_((transfer.from_warehouse_id, transfer.to_warehouse_id))
                )
            ).all()
        )
        transport = {
            "source": names[transfer.from_warehouse_id],
            "destination": names[transfer.to_warehouse_id],
            "transport": transfer.transport or "",
            "vehicle_plate": transfer.vehicle_plate or "",
            "driver": transfer.driver or "",
            "driver_phone": mask(transfer.driver_phone) or "",
        }
    return Slip(
        movement.kind,
        movement.slip_kind,
        slip_number(movement.slip_year, movement.slip_number),
        warehouse.code,
        warehouse.name,
        movement.at,
        movement.recorded_by,
        movement.reason or "",
        movement.recipient or "",
        movement.ordered_by or "",
        movement.paperwork_pending,
        lines,
        **transport,
    )
