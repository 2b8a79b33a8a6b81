"""What the supplies page shows, read in one unit of work: the county's stock by item, the
stock by warehouse, the alerts, issues with paperwork pending, transfers in transit and
goods out on loan, each as plain rows naming their warehouses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.supplies.kit import kit_compliance
from models.supplies.stock import (
    DEFAULT_EXPIRY_DAYS,
    alerts,
    county_stock_by_item,
    out_on_loan,
    pending_paperwork,
    stock,
)
from models.supplies.tables import Batch, SupplyItem, Transfer, TransferLine, Warehouse
from models.users import Permission, require


@dataclass(frozen=True, slots=True)
class ItemLine:
    item_code: str
    item_name: str
    unit: str
    available: Decimal
    expired: Decimal
    expiring: Decimal
    in_transit: Decimal


@dataclass(frozen=True, slots=True)
class WarehouseLine:
    warehouse: str
    level: str
    item_name: str
    unit: str
    available: Decimal
    expired: Decimal
    in_transit_out: Decimal
    in_transit_in: Decimal
    minimum: Decimal | None
    below_minimum: bool


@dataclass(frozen=True, slots=True)
class AlertLine:
    kind: str
    warehouse: str
    text: str


@dataclass(frozen=True, slots=True)
class PendingLine:
    at: datetime
    warehouse: str
    slip: str
    ordered_by: str
    recipient: str


@dataclass(frozen=True, slots=True)
class TransitLine:
    sent_at: datetime
    source: str
    destination: str
    items: str
    vehicle: str


@dataclass(frozen=True, slots=True)
class LoanLine:
    at: datetime
    warehouse: str
    recipient: str
    item_name: str
    out: Decimal
    unit: str


@dataclass(frozen=True, slots=True)
class KitGap:
    town: str
    village: str
    missing: str  # 救生衣 4/10件、编织袋 0/500条


@dataclass(frozen=True, slots=True)
class SuppliesOverview:
    warehouses: int
    items: int
    by_item: list[ItemLine]
    by_warehouse: list[WarehouseLine]
    alerts: list[AlertLine]
    pending: list[PendingLine]
    in_transit: list[TransitLine]
    on_loan: list[LoanLine]
    kit_gaps: list[KitGap]


def supplies_overview(
    *, session: Session, expiry_days: int = DEFAULT_EXPIRY_DAYS, today: date | None = None
) -> SuppliesOverview:
    """Everything the supplies page shows."""
    require(session, Permission.READ_REGISTER)
    warehouses = {w.id: (w.name, w.level) for w in session.scalars(select(Warehouse))}
    name = {k: v[0] for k, v in warehouses.items()}
    by_item = [
        ItemLine(
            r.item_code,
            r.item_name,
            r.unit,
            r.available,
            r.expired,
            r.expiring,
            r.in_transit_out,
        )
        for r in county_stock_by_item(session=session, today=today)
    ]
    by_warehouse = [
        WarehouseLine(
            name.get(r.warehouse_id, ""),
            warehouses.get(r.warehouse_id, ("", ""))[1],
            r.item_name,
            r.unit,
            r.available,
            r.expired,
            r.in_transit_out,
            r.in_transit_in,
            r.minimum,
            r.below_minimum,
        )
        for r in stock(session=session, today=today, expiry_days=expiry_days)
    ]
    urgency = {"expired": 0, "below_minimum": 1, "expiring": 2}
    found = [
        AlertLine(a.kind, name.get(a.warehouse_id, ""), a.text)
        for a in sorted(
            alerts(session=session, expiry_days=expiry_days, today=today),
            key=lambda a: urgency.get(a.kind, 3),
        )
    ]
    pending = [
        PendingLine(
            p.at, name.get(p.warehouse_id, ""), p.slip, p.ordered_by or "", p.recipient or ""
        )
        for p in pending_paperwork(session=session)
    ]
    loans = [
        LoanLine(
            loan.at,
            name.get(loan.warehouse_id, ""),
            loan.recipient or "",
            loan.item_name,
            loan.out,
            loan.unit,
        )
        for loan in out_on_loan(session=session)
    ]
    return SuppliesOverview(
        len(warehouses),
        session.scalar(select(func.count()).select_from(SupplyItem)) or 0,
        by_item,
        by_warehouse,
        found,
        pending,
        _in_transit(session, name),
        loans,
        [
            KitGap(
                v.town,
                v.village,
                "、".join(f"{m.item_name} {m.held}/{m.required}{m.unit}" for m in v.missing),
            )
            for v in kit_compliance(session=session, today=today)
            if v.missing
        ],
    )


def _in_transit(session: Session, name: dict[int, str]) -> list[TransitLine]:
    rows = session.execute(
        select(
            Transfer.id,
            Transfer.sent_at,
            Transfer.from_warehouse_id,
            Transfer.to_warehouse_id,
            Transfer.vehicle_plate,
            Transfer.driver,
            SupplyItem.name,
            SupplyItem.unit,
            TransferLine.sent,
        )
        .join(TransferLine, TransferLine.transfer_id == Transfer.id)
        .join(Batch, Batch.id == TransferLine.batch_id)
        .join(SupplyItem, SupplyItem.id == Batch.item_id)
        .where(Transfer.status == "in_transit")
        .order_by(Transfer.sent_at, Transfer.id, TransferLine.id)
    ).all()
    lines: dict[int, list[str]] = {}
    heads: dict[int, tuple[datetime, int, int, str]] = {}
    for t_id, sent_at, source, destination, plate, driver, item, unit, sent in rows:
        lines.setdefault(t_id, []).append(f"{item} {sent}{unit}")
        heads[t_id] = (sent_at, source, destination, " ".join(x for x in (plate, driver) if x))
    return [
        TransitLine(at, name.get(s, ""), name.get(d, ""), "、".join(lines[t]), vehicle)
        for t, (at, s, d, vehicle) in heads.items()
    ]
