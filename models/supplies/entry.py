"""What the movement forms offer and how they name goods: the warehouses, the catalogue,
issues with their paperwork pending, goods out on loan by issue, transfers in transit and
the batches a warehouse holds of an item; and a return given by item, spread over the
batches of the issue still out (oldest batch first), through ``return_goods``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.messages import fill
from models.refusals import Conflict, NotFound, ValidationError
from models.supplies.corrections import on_loan, return_goods, write_off_loan
from models.supplies.ledger import (
    BatchQuantity,
    MovementRow,
    is_expired,
    local_today,
    positive_quantity,
    slip_number,
)
from models.supplies.stock import out_on_loan, pending_paperwork
from models.supplies.tables import Balance, Batch, Movement, SupplyItem, Warehouse, plain
from models.supplies.transfers import transfers_in_transit
from models.users import Permission, require


@dataclass(frozen=True, slots=True)
class WarehouseChoice:
    id: int
    code: str
    name: str
    open: bool


@dataclass(frozen=True, slots=True)
class ItemChoice:
    id: int
    code: str
    name: str
    unit: str
    specification: str


@dataclass(frozen=True, slots=True)
class PendingChoice:
    movement_id: int
    warehouse: str
    slip: str
    at: datetime
    ordered_by: str
    goods: str  # 冲锋舟 4艘、船外机 4台


@dataclass(frozen=True, slots=True)
class LoanChoice:
    issue_id: int
    warehouse: str
    at: datetime
    recipient: str
    goods: tuple[tuple[int, str, str, Decimal], ...]  # (item, name, unit, still out)


@dataclass(frozen=True, slots=True)
class TransitChoice:
    transfer_id: int
    source: str
    destination: str
    sent_at: datetime
    goods: str
    lines: tuple[tuple[int, str, str, Decimal], ...] = ()  # (line, item, unit, sent)


@dataclass(frozen=True, slots=True)
class BatchChoice:
    batch_id: int
    lot: str
    expiry: date | None
    quantity: Decimal
    expired: bool


@dataclass(frozen=True, slots=True)
class MovementChoices:
    warehouses: list[WarehouseChoice]
    items: list[ItemChoice]
    pending: list[PendingChoice]
    loans: list[LoanChoice]
    in_transit: list[TransitChoice]


def movement_choices(*, session: Session) -> MovementChoices:
    """Everything the movement forms offer, read in one unit of work."""
    require(session, Permission.READ_REGISTER)
    warehouses = [
        WarehouseChoice(i, code, name, bool(is_open))
        for i, code, name, is_open in session.execute(
            select(Warehouse.id, Warehouse.code, Warehouse.name, Warehouse.open).order_by(
                Warehouse.code
            )
        )
    ]
    names = {w.id: w.name for w in warehouses}
    items = [
        ItemChoice(i, code, name, unit, spec or "")
        for i, code, name, unit, spec in session.execute(
            select(
                SupplyItem.id,
                SupplyItem.code,
                SupplyItem.name,
                SupplyItem.unit,
                SupplyItem.specification,
            ).order_by(SupplyItem.code)
        )
    ]
    item_text = {i.id: (i.name, i.unit) for i in items}
    pending = []
    for p in pending_paperwork(session=session):
        goods = _goods_of(session, p.movement_id, item_text)
        pending.append(
            PendingChoice(
                p.movement_id,
                names.get(p.warehouse_id, ""),
                p.slip,
                p.at,
                p.ordered_by or "",
                goods,
            )
        )
    loans: dict[int, LoanChoice] = {}
    for loan in out_on_loan(session=session):
        found = loans.get(loan.issue_id)
        line = (loan.item_id, loan.item_name, loan.unit, loan.out)
        if found is None:
            loans[loan.issue_id] = LoanChoice(
                loan.issue_id,
                names.get(loan.warehouse_id, ""),
                loan.at,
                loan.recipient or "",
                (line,),
            )
        else:
            loans[loan.issue_id] = LoanChoice(
                found.issue_id,
                found.warehouse,
                found.at,
                found.recipient,
                (*found.goods, line),
            )
    transit = []
    for t in transfers_in_transit(session=session):
        sent: dict[int, Decimal] = {}
        for _line, item, _batch, _requested, quantity, *_rest in t.lines:
            sent[item] = sent.get(item, Decimal(0)) + quantity
        transit.append(
            TransitChoice(
                t.id,
                names.get(t.from_warehouse_id, ""),
                names.get(t.to_warehouse_id, ""),
                t.sent_at,
                "、".join(
                    f"{item_text[i][0]} {plain(q)}{item_text[i][1]}" for i, q in sent.items()
                ),
                tuple(
                    (line, item_text[item][0], item_text[item][1], plain(quantity))
                    for line, item, _batch, _requested, quantity, *_rest in t.lines
                ),
            )
        )
    return MovementChoices(warehouses, items, pending, list(loans.values()), transit)


def _goods_of(session: Session, movement_id: int, item_text: dict[int, tuple[str, str]]) -> str:
    from models.supplies.tables import MovementLine

    sums: dict[int, Decimal] = {}
    for item, quantity in session.execute(
        select(Batch.item_id, MovementLine.quantity)
        .join(Batch, Batch.id == MovementLine.batch_id)
        .where(MovementLine.movement_id == movement_id)
        .order_by(MovementLine.id)
    ):
        sums[item] = sums.get(item, Decimal(0)) + quantity
    return "、".join(f"{item_text[i][0]} {plain(q)}{item_text[i][1]}" for i, q in sums.items())


def batches_at(
    *, session: Session, warehouse_id: int, item_id: int, today: date | None = None
) -> list[BatchChoice]:
    """The batches of an item a warehouse holds, first-expiring first (expired marked)."""
    require(session, Permission.READ_REGISTER)
    day = today or local_today()
    rows = session.execute(
        select(Balance.batch_id, Batch.lot, Batch.expiry_date, Balance.quantity)
        .join(Batch, Batch.id == Balance.batch_id)
        .where(
            Balance.warehouse_id == warehouse_id,
            Balance.item_id == item_id,
            Balance.quantity > 0,
        )
        .order_by(Batch.expiry_date.is_(None), Batch.expiry_date, Batch.id)
    ).all()
    return [BatchChoice(b, lot or "", e, q, is_expired(e, day)) for b, lot, e, q in rows]


def return_items(
    *,
    session: Session,
    issue_id: int,
    lines: Sequence[tuple[int, Decimal]],
    reason: str | None = None,
    at: datetime | None = None,
) -> MovementRow:
    """Goods of an issue brought back, given by item and quantity: each spread over the
    issue's batches still out, oldest batch first, then ``return_goods``."""
    require(session, Permission.RECEIVE_SUPPLIES)
    batches = _batches_out(session, issue_id, lines)
    return return_goods(session=session, issue_id=issue_id, lines=batches, reason=reason, at=at)


def write_off_items(
    *,
    session: Session,
    issue_id: int,
    lines: Sequence[tuple[int, Decimal]],
    cause: str,
    reason: str,
    at: datetime | None = None,
) -> MovementRow:
    """Goods of an issue that will not come back (lost or damaged in the rescue), given by
    item and quantity, spread over its batches still out, then ``write_off_loan``."""
    require(session, Permission.ISSUE_SUPPLIES)
    batches = _batches_out(session, issue_id, lines)
    return write_off_loan(
        session=session, issue_id=issue_id, lines=batches, cause=cause, reason=reason, at=at
    )


def _batches_out(
    session: Session, issue_id: int, lines: Sequence[tuple[int, Decimal]]
) -> list[BatchQuantity]:
    problems: list[tuple[str, str]] = []
    quantities = [positive_quantity(problems, f"lines.{n}", q) for n, (_i, q) in enumerate(lines)]
    if not lines:
        problems.append(("lines", QCoreApplication.translate("Supplies", "List the goods.")))
    if problems:
        raise ValidationError(problems)
    issued = session.get(Movement, issue_id)
    if issued is None or issued.kind != "issue":
        raise NotFound(QCoreApplication.translate("Supplies", "This issue no longer exists."))
    out = on_loan(session, issue_id)
    items = dict(
        session.execute(select(Batch.id, Batch.item_id).where(Batch.id.in_(list(out)))).all()
    )
    batches: list[BatchQuantity] = []
    for (item_id, _given), quantity in zip(lines, quantities, strict=True):
        assert quantity is not None
        left = quantity
        held = sorted(b for b, i in items.items() if i == item_id)
        for batch_id in held:
            take = min(left, out[batch_id])
            if take > 0:
                batches.append(BatchQuantity(batch_id, take))
                out[batch_id] -= take
                left -= take
        if left > 0:
            name = session.scalar(select(SupplyItem.name).where(SupplyItem.id == item_id)) or ""
            raise Conflict(
                fill(
                    QCoreApplication.translate(
                        "Supplies", "Only %1 of %2 of this issue are still out; given %3."
                    ),
                    plain(quantity - left),
                    name,
                    plain(quantity),
                )
            )
    return batches


def transfer_slip(session: Session, transfer_id: int) -> str:
    """The number of a transfer's slip (its movement out of the source)."""
    row = session.execute(
        select(Movement.slip_year, Movement.slip_number).where(
            Movement.transfer_id == transfer_id, Movement.kind == "transfer_out"
        )
    ).first()
    return "" if row is None else slip_number(row[0], row[1])
