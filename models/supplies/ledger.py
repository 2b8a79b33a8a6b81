"""The movement ledger: receipts, issues (first-expiring batch first), returns naming their
issue, write-offs and count adjustments. Every change of stock is one movement with its
lines, and the balance of each batch at each warehouse moves with it in the same unit of
work.

Never negative: a movement first locks its warehouse rows (``SELECT ... FOR UPDATE`` on
PostgreSQL; on SQLite the writing unit of work already holds the file's write lock), then
reads the balances, so of two workstations issuing the last items at once the second reads
what the first left and is refused with the quantity actually available. The balance's
CHECK constraint stands behind it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from sqlalchemy import and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.base import utcnow
from models.domain_events import StockChanged, emit
from models.events import acting_name
from models.messages import fill
from models.refusals import Conflict, NotFound, ValidationError
from models.supplies.tables import (
    Balance,
    Batch,
    Movement,
    MovementLine,
    SupplyItem,
    Warehouse,
    in_thousandths,
    plain,
)
from models.users import Permission, require

SLIP_KINDS = {
    "receipt": "receipt",  # 入库单
    "return": "receipt",
    "issue": "issue",  # 出库单
    "transfer_out": "transfer",  # 调拨单
    "transfer_in": "transfer",
    "write_off": "write_off",  # 报损单
    "adjustment": "count",  # 盘点
}
MAX_QUANTITY = Decimal(100_000_000)
"""More of one item than any county holds (a hundred million woven bags)."""


class ShortOfStock(Conflict):
    """Asked for more than the warehouse has available; the message names what it has."""


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    """Goods received: an item, how many, and the batch's lot and dates."""

    item_id: int
    quantity: Decimal
    lot: str = ""
    production_date: date | None = None
    expiry_date: date | None = None


@dataclass(frozen=True, slots=True)
class IssueLine:
    """Goods asked for: an item and how many; ``batch_id`` picks a batch, else the
    first-expiring batches are taken (FEFO)."""

    item_id: int
    quantity: Decimal
    batch_id: int | None = None


@dataclass(frozen=True, slots=True)
class BatchQuantity:
    """A quantity of one batch (returns, write-offs, counted quantities)."""

    batch_id: int
    quantity: Decimal


@dataclass(frozen=True, slots=True)
class MovementRow:
    id: int
    kind: str
    warehouse_id: int
    at: datetime
    slip: str  # the slip's number: 2026-0007
    lines: tuple[tuple[int, int, Decimal, Decimal], ...]  # (item, batch, quantity, change)


def local_today(now: datetime | None = None) -> date:
    """Today's date where the duty room is (the display zone)."""
    from models.clock import display_zone

    return (now or utcnow()).astimezone(display_zone()).date()


def is_expired(expiry: date | None, today: date) -> bool:
    """Stock past its expiry date is shown but never available."""
    return expiry is not None and expiry < today


# -- locking and writing --------------------------------------------------------


def lock_warehouses(session: Session, ids: Iterable[int], *, receiving: bool = False) -> None:
    """Lock the warehouses' rows in id order (no deadlock between two movements), refusing
    an unknown warehouse, and a closed one when goods would go into it."""
    wanted = sorted(set(ids))
    found = session.execute(
        select(Warehouse.id, Warehouse.name, Warehouse.open)
        .where(Warehouse.id.in_(wanted))
        .order_by(Warehouse.id)
        .with_for_update()
    ).all()
    if len(found) != len(wanted):
        raise NotFound(QCoreApplication.translate("Supplies", "This warehouse no longer exists."))
    for _id, name, is_open in found:
        if receiving and not is_open:
            raise Conflict(
                fill(
                    QCoreApplication.translate(
                        "Supplies", "The warehouse %1 is closed: it takes no goods."
                    ),
                    name,
                )
            )


def new_movement(
    session: Session,
    kind: str,
    warehouse_id: int,
    at: datetime | None,
    **values: object,
) -> Movement:
    """A movement with the next slip number of its warehouse, kind and year (the caller
    holds the warehouse's lock)."""
    when = at or utcnow()
    year = local_today(when).year
    slip_kind = SLIP_KINDS[kind]
    last = session.scalar(
        select(func.max(Movement.slip_number)).where(
            Movement.warehouse_id == warehouse_id,
            Movement.slip_kind == slip_kind,
            Movement.slip_year == year,
        )
    )
    movement = Movement(
        kind=kind,
        warehouse_id=warehouse_id,
        at=when,
        recorded_by=acting_name(session),
        slip_kind=slip_kind,
        slip_year=year,
        slip_number=(last or 0) + 1,
        paperwork_pending=False,
        **values,
    )
    session.add(movement)
    session.flush()
    return movement


def add_line(
    session: Session,
    movement: Movement,
    batch_id: int,
    item_id: int,
    quantity: Decimal,
    change: Decimal,
) -> None:
    """A line of ``movement`` and its change applied to the balance."""
    session.add(
        MovementLine(
            movement_id=movement.id,
            warehouse_id=movement.warehouse_id,
            batch_id=batch_id,
            quantity=quantity,
            change=change,
        )
    )
    if change == 0:
        return
    balance = session.get(Balance, (movement.warehouse_id, batch_id))
    if balance is None:
        balance = Balance(
            warehouse_id=movement.warehouse_id, batch_id=batch_id, item_id=item_id, quantity=0
        )
        session.add(balance)
    balance.quantity = plain(Decimal(balance.quantity) + change)
    assert balance.quantity >= 0, "checked before the line was added"


def movement_row(session: Session, movement: Movement) -> MovementRow:
    session.flush()
    lines = session.execute(
        select(Batch.item_id, MovementLine.batch_id, MovementLine.quantity, MovementLine.change)
        .join(Batch, Batch.id == MovementLine.batch_id)
        .where(MovementLine.movement_id == movement.id)
        .order_by(MovementLine.id)
    ).all()
    return MovementRow(
        movement.id,
        movement.kind,
        movement.warehouse_id,
        movement.at,
        slip_number(movement.slip_year, movement.slip_number),
        tuple((int(a), int(b), c, d) for a, b, c, d in lines),
    )


def slip_number(year: int, number: int) -> str:
    return f"{year}-{number:04d}"


def announce(session: Session, warehouse_ids: Iterable[int], item_ids: Iterable[int]) -> None:
    emit(
        StockChanged(tuple(sorted(set(warehouse_ids))), tuple(sorted(set(item_ids)))),
        session=session,
    )


# -- checks shared by the movements ---------------------------------------------


def positive_quantity(
    checker: list[tuple[str, str]], field: str, quantity: object
) -> Decimal | None:
    try:
        value = Decimal(str(quantity))
    except ArithmeticError:
        value = Decimal(-1)
    if not value.is_finite() or value <= 0 or not in_thousandths(value):
        checker.append(
            (
                field,
                QCoreApplication.translate(
                    "Supplies", "A quantity is a positive number with at most three decimals."
                ),
            )
        )
        return None
    if value > MAX_QUANTITY:
        checker.append(
            (
                field,
                fill(
                    QCoreApplication.translate("Supplies", "Not plausible: more than %1."),
                    MAX_QUANTITY,
                ),
            )
        )
        return None
    return value


def items_by_id(session: Session, ids: Iterable[int]) -> dict[int, SupplyItem]:
    wanted = set(ids)
    items = {i.id: i for i in session.scalars(select(SupplyItem).where(SupplyItem.id.in_(wanted)))}
    if len(items) != len(wanted):
        raise NotFound(QCoreApplication.translate("Supplies", "This item no longer exists."))
    return items


def short_text(value: str | None, limit: int) -> str | None:
    text = (value or "").strip()
    return text[:limit] if text else None


# -- receipts ---------------------------------------------------------------------


def find_batch(
    session: Session,
    item_id: int,
    lot: str,
    production_date: date | None,
    expiry_date: date | None,
) -> int:
    """The batch of that identity, added when new (a concurrent addition is found)."""
    condition = and_(
        Batch.item_id == item_id,
        Batch.lot == lot,
        Batch.production_date.is_(None)
        if production_date is None
        else Batch.production_date == production_date,
        Batch.expiry_date.is_(None) if expiry_date is None else Batch.expiry_date == expiry_date,
    )
    found = session.scalar(select(Batch.id).where(condition))
    if found is not None:
        return int(found)
    try:
        with session.begin_nested():
            batch = Batch(
                item_id=item_id,
                lot=lot,
                production_date=production_date,
                expiry_date=expiry_date,
            )
            session.add(batch)
            session.flush()
        return batch.id
    except IntegrityError:
        return int(session.scalars(select(Batch.id).where(condition)).one())


def receive(
    *,
    session: Session,
    warehouse_id: int,
    lines: Sequence[ReceiptLine],
    reason: str | None = None,
    supplier: str | None = None,
    at: datetime | None = None,
    event_id: int | None = None,
) -> MovementRow:
    """Goods received into a warehouse (入库): one movement, a batch per lot and dates."""
    require(session, Permission.RECEIVE_SUPPLIES)
    problems: list[tuple[str, str]] = []
    if not lines:
        problems.append(("lines", QCoreApplication.translate("Supplies", "List what came in.")))
    quantities = [
        positive_quantity(problems, f"lines.{n}", line.quantity) for n, line in enumerate(lines)
    ]
    for n, line in enumerate(lines):
        if line.production_date and line.expiry_date and line.expiry_date < line.production_date:
            problems.append(
                (
                    f"lines.{n}",
                    QCoreApplication.translate(
                        "Supplies", "The expiry date lies before the production date."
                    ),
                )
            )
    if problems:
        raise ValidationError(problems)
    lock_warehouses(session, [warehouse_id], receiving=True)
    items = items_by_id(session, (line.item_id for line in lines))
    movement = new_movement(
        session,
        "receipt",
        warehouse_id,
        at,
        reason=short_text(reason, 500),
        recipient=short_text(supplier, 80),
        event_id=event_id,
    )
    for line, quantity in zip(lines, quantities, strict=True):
        assert quantity is not None
        expiry = line.expiry_date
        shelf_life = items[line.item_id].shelf_life_days
        if expiry is None and line.production_date is not None and shelf_life:
            expiry = line.production_date + timedelta(days=shelf_life)
        batch_id = find_batch(session, line.item_id, line.lot.strip(), line.production_date, expiry)
        add_line(session, movement, batch_id, line.item_id, quantity, quantity)
    announce(session, [warehouse_id], items)
    return movement_row(session, movement)


# -- issues -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Stock:
    batch_id: int
    quantity: Decimal
    expiry: date | None


def batches_held(
    session: Session, warehouse_id: int, item_id: int, today: date
) -> tuple[list[_Stock], list[_Stock]]:
    """(available, expired) batches of an item at a warehouse, first-expiring first."""
    rows = session.execute(
        select(Balance.batch_id, Balance.quantity, Batch.expiry_date)
        .join(Batch, Batch.id == Balance.batch_id)
        .where(
            Balance.warehouse_id == warehouse_id,
            Balance.item_id == item_id,
            Balance.quantity > 0,
        )
        .order_by(Batch.expiry_date.is_(None), Batch.expiry_date, Batch.id)
    ).all()
    available = [_Stock(b, q, e) for b, q, e in rows if not is_expired(e, today)]
    expired = [_Stock(b, q, e) for b, q, e in rows if is_expired(e, today)]
    return available, expired


def _short(item: SupplyItem, warehouse: str, asked: Decimal, available: Decimal) -> str:
    return fill(
        QCoreApplication.translate(
            "Supplies", "%1 has only %2 %3 of %4 available; asked for %5 %3."
        ),
        warehouse,
        plain(available),
        item.unit,
        item.name,
        plain(asked),
    )


def allocate(
    session: Session,
    warehouse_id: int,
    lines: Sequence[IssueLine],
    quantities: Sequence[Decimal],
    items: dict[int, SupplyItem],
    today: date,
) -> list[tuple[int, int, Decimal]]:
    """(item, batch, quantity) taken for the lines, first-expiring batch first, or
    ShortOfStock naming what is available (the caller holds the warehouse's lock)."""
    name = session.scalar(select(Warehouse.name).where(Warehouse.id == warehouse_id)) or ""
    taken: list[tuple[int, int, Decimal]] = []
    used: dict[int, Decimal] = {}
    problems: list[str] = []
    for line, quantity in zip(lines, quantities, strict=True):
        available, expired = batches_held(session, warehouse_id, line.item_id, today)
        if line.batch_id is not None:
            if any(s.batch_id == line.batch_id for s in expired):
                problems.append(
                    fill(
                        QCoreApplication.translate(
                            "Supplies", "The chosen batch of %1 has expired: it is not issued."
                        ),
                        items[line.item_id].name,
                    )
                )
                continue
            available = [s for s in available if s.batch_id == line.batch_id]
        left = quantity
        for stock in available:
            free = stock.quantity - used.get(stock.batch_id, Decimal(0))
            if free <= 0 or left <= 0:
                continue
            take = min(free, left)
            taken.append((line.item_id, stock.batch_id, take))
            used[stock.batch_id] = used.get(stock.batch_id, Decimal(0)) + take
            left -= take
        if left > 0:
            total = sum((s.quantity for s in available), Decimal(0))
            problems.append(_short(items[line.item_id], name, quantity, total))
    if problems:
        raise ShortOfStock("\n".join(problems))
    return taken


def issue(
    *,
    session: Session,
    warehouse_id: int,
    lines: Sequence[IssueLine],
    recipient: str | None,
    reason: str | None = None,
    at: datetime | None = None,
    event_id: int | None = None,
    ordered_by: str | None = None,
    paperwork_pending: bool = False,
    today: date | None = None,
) -> MovementRow:
    """Goods issued from a warehouse (出库), first-expiring batch first unless a batch is
    named; expired stock is never issued. ``paperwork_pending``: issued on a leader's word
    (先调后补) during an event, ``ordered_by`` naming the leader; it counts at once and stays
    on the pending list until its slip is completed."""
    require(session, Permission.ISSUE_SUPPLIES)
    problems: list[tuple[str, str]] = []
    if not lines:
        problems.append(("lines", QCoreApplication.translate("Supplies", "List what goes out.")))
    quantities = [
        positive_quantity(problems, f"lines.{n}", line.quantity) for n, line in enumerate(lines)
    ]
    who = short_text(ordered_by, 40)
    if paperwork_pending:
        from models.events import active_event

        if who is None:
            problems.append(
                (
                    "ordered_by",
                    QCoreApplication.translate(
                        "Supplies", "Name the leader who ordered the issue (先调后补)."
                    ),
                )
            )
        if event_id is None:
            current = active_event(session=session)
            if current is None:
                problems.append(
                    (
                        "",
                        QCoreApplication.translate(
                            "Supplies",
                            "Goods leave on a leader's word only during an event: start one first.",
                        ),
                    )
                )
            else:
                event_id = current.id
    elif not short_text(recipient, 80):
        problems.append(
            ("recipient", QCoreApplication.translate("Supplies", "Name who takes the goods."))
        )
    if problems:
        raise ValidationError(problems)
    lock_warehouses(session, [warehouse_id])
    items = items_by_id(session, (line.item_id for line in lines))
    day = today or local_today(at)
    taken = allocate(
        session, warehouse_id, lines, [q for q in quantities if q is not None], items, day
    )
    movement = new_movement(
        session,
        "issue",
        warehouse_id,
        at,
        reason=short_text(reason, 500),
        recipient=short_text(recipient, 80),
        event_id=event_id,
        ordered_by=who,
    )
    movement.paperwork_pending = bool(paperwork_pending)
    for item_id, batch_id, quantity in taken:
        add_line(session, movement, batch_id, item_id, quantity, -quantity)
    announce(session, [warehouse_id], items)
    return movement_row(session, movement)


def complete_paperwork(
    *, session: Session, movement_id: int, recipient: str | None = None, reason: str | None = None
) -> MovementRow:
    """The slip of an issue made on a leader's word is completed: it leaves the list."""
    require(session, Permission.ISSUE_SUPPLIES)
    movement = session.get(Movement, movement_id, with_for_update=True)
    if movement is None or movement.kind != "issue":
        raise NotFound(QCoreApplication.translate("Supplies", "This issue no longer exists."))
    if not movement.paperwork_pending:
        raise Conflict(
            QCoreApplication.translate("Supplies", "The paperwork of this issue is complete.")
        )
    movement.paperwork_pending = False
    movement.paperwork_completed_at = utcnow()
    movement.paperwork_completed_by = acting_name(session)
    if short_text(recipient, 80):
        movement.recipient = short_text(recipient, 80)
    if short_text(reason, 500):
        movement.reason = short_text(reason, 500)
    return movement_row(session, movement)
