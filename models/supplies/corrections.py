"""What corrects the stock beside receipts and issues: returns naming their issue and
the "out on loan" balance of an issue, write-offs (报损: lost, damaged, expired, with the
reason) of stock or of goods out on loan, and count adjustments (盘点)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.messages import QT_TRANSLATE_NOOP, fill
from models.refusals import Conflict, NotFound, ValidationError
from models.supplies.ledger import (
    MAX_QUANTITY,
    BatchQuantity,
    MovementRow,
    ShortOfStock,
    add_line,
    announce,
    lock_warehouses,
    movement_row,
    new_movement,
    positive_quantity,
    short_text,
)
from models.supplies.tables import Balance, Batch, Movement, MovementLine, in_thousandths, plain
from models.users import Permission, require

WRITE_OFF_CAUSES = {
    "lost": QT_TRANSLATE_NOOP("Supplies", "Lost"),
    "damaged": QT_TRANSLATE_NOOP("Supplies", "Damaged"),
    "expired": QT_TRANSLATE_NOOP("Supplies", "Expired"),
}


# -- returns, write-offs, counts ----------------------------------------------------


def on_loan(session: Session, issue_id: int) -> dict[int, Decimal]:
    """Per batch, what of an issue is still out: issued less returned and written off."""
    issued = session.execute(
        select(MovementLine.batch_id, func.sum(MovementLine.quantity))
        .where(MovementLine.movement_id == issue_id)
        .group_by(MovementLine.batch_id)
    ).all()
    settled = dict(
        session.execute(
            select(MovementLine.batch_id, func.sum(MovementLine.quantity))
            .join(Movement, Movement.id == MovementLine.movement_id)
            .where(Movement.issue_id == issue_id)
            .group_by(MovementLine.batch_id)
        ).all()
    )
    return {
        int(b): plain(q - settled.get(b, Decimal(0)))
        for b, q in issued
        if q - settled.get(b, Decimal(0)) > 0
    }


def _settle(
    session: Session,
    kind: str,
    issue_id: int,
    lines: Sequence[BatchQuantity],
    reason: str | None,
    at: datetime | None,
    cause: str | None = None,
) -> MovementRow:
    issued = session.get(Movement, issue_id)
    if issued is None or issued.kind != "issue":
        raise NotFound(QCoreApplication.translate("Supplies", "This issue no longer exists."))
    problems: list[tuple[str, str]] = []
    quantities = [
        positive_quantity(problems, f"lines.{n}", line.quantity) for n, line in enumerate(lines)
    ]
    if not lines:
        problems.append(("lines", QCoreApplication.translate("Supplies", "List the goods.")))
    if problems:
        raise ValidationError(problems)
    lock_warehouses(session, [issued.warehouse_id], receiving=kind == "return")
    out = on_loan(session, issue_id)
    asked: dict[int, Decimal] = {}
    for line, quantity in zip(lines, quantities, strict=True):
        assert quantity is not None
        asked[line.batch_id] = asked.get(line.batch_id, Decimal(0)) + quantity
    for batch_id, quantity in asked.items():
        if quantity > out.get(batch_id, Decimal(0)):
            raise Conflict(
                fill(
                    QCoreApplication.translate(
                        "Supplies", "Only %1 of this batch of the issue are still out; given %2."
                    ),
                    plain(out.get(batch_id, Decimal(0))),
                    plain(quantity),
                )
            )
    batch_items = dict(
        session.execute(select(Batch.id, Batch.item_id).where(Batch.id.in_(asked))).all()
    )
    movement = new_movement(
        session,
        kind,
        issued.warehouse_id,
        at,
        reason=short_text(reason, 500),
        issue_id=issue_id,
        cause=cause,
        event_id=issued.event_id,
    )
    for batch_id, quantity in asked.items():
        change = quantity if kind == "return" else Decimal(0)
        add_line(session, movement, batch_id, batch_items[batch_id], quantity, change)
    announce(session, [issued.warehouse_id], batch_items.values())
    return movement_row(session, movement)


def return_goods(
    *,
    session: Session,
    issue_id: int,
    lines: Sequence[BatchQuantity],
    reason: str | None = None,
    at: datetime | None = None,
) -> MovementRow:
    """Goods of an issue brought back (归还入库): a receipt naming the issue."""
    require(session, Permission.RECEIVE_SUPPLIES)
    return _settle(session, "return", issue_id, lines, reason, at)


def write_off_loan(
    *,
    session: Session,
    issue_id: int,
    lines: Sequence[BatchQuantity],
    cause: str,
    reason: str,
    at: datetime | None = None,
) -> MovementRow:
    """Goods out on loan that will not come back (lost or damaged in the rescue): they
    leave the loan list; the warehouse's stock is unchanged, they left with the issue."""
    require(session, Permission.ISSUE_SUPPLIES)
    _check_write_off(cause, reason)
    return _settle(session, "write_off", issue_id, lines, reason, at, cause)


def _check_write_off(cause: str, reason: str | None) -> None:
    problems: list[tuple[str, str]] = []
    if cause not in WRITE_OFF_CAUSES:
        problems.append(
            (
                "cause",
                QCoreApplication.translate("Supplies", "Say whether lost, damaged or expired."),
            )
        )
    if not short_text(reason, 500):
        problems.append(
            ("reason", QCoreApplication.translate("Supplies", "Give the reason of the write-off."))
        )
    if problems:
        raise ValidationError(problems)


def _held(session: Session, warehouse_id: int, batch_ids: Iterable[int]) -> dict[int, Balance]:
    return {
        b.batch_id: b
        for b in session.scalars(
            select(Balance).where(
                Balance.warehouse_id == warehouse_id, Balance.batch_id.in_(set(batch_ids))
            )
        )
    }


def write_off(
    *,
    session: Session,
    warehouse_id: int,
    lines: Sequence[BatchQuantity],
    cause: str,
    reason: str,
    at: datetime | None = None,
) -> MovementRow:
    """Stock written off (报损): lost, damaged or expired, with the reason."""
    require(session, Permission.ISSUE_SUPPLIES)
    _check_write_off(cause, reason)
    problems: list[tuple[str, str]] = []
    quantities = [
        positive_quantity(problems, f"lines.{n}", line.quantity) for n, line in enumerate(lines)
    ]
    if not lines:
        problems.append(("lines", QCoreApplication.translate("Supplies", "List the goods.")))
    if problems:
        raise ValidationError(problems)
    lock_warehouses(session, [warehouse_id])
    held = _held(session, warehouse_id, (line.batch_id for line in lines))
    movement = new_movement(
        session, "write_off", warehouse_id, at, reason=short_text(reason, 500), cause=cause
    )
    for line, quantity in zip(lines, quantities, strict=True):
        assert quantity is not None
        balance = held.get(line.batch_id)
        there = Decimal(balance.quantity) if balance is not None else Decimal(0)
        if balance is None or quantity > there:
            raise ShortOfStock(
                fill(
                    QCoreApplication.translate(
                        "Supplies", "The warehouse holds only %1 of this batch; given %2."
                    ),
                    plain(there),
                    plain(quantity),
                )
            )
        add_line(session, movement, line.batch_id, balance.item_id, quantity, -quantity)
    announce(session, [warehouse_id], (b.item_id for b in held.values()))
    return movement_row(session, movement)


def adjust_to_count(
    *,
    session: Session,
    warehouse_id: int,
    counted: Sequence[BatchQuantity],
    reason: str,
    at: datetime | None = None,
) -> MovementRow | None:
    """A stock count (盘点) posted: each batch counted set to what was found, the
    differences as one adjustment with its reason; None when nothing differs."""
    require(session, Permission.COUNT_SUPPLIES)
    problems: list[tuple[str, str]] = []
    for n, line in enumerate(counted):
        value = Decimal(str(line.quantity)) if line.quantity is not None else Decimal(-1)
        if value < 0 or not in_thousandths(value) or value > MAX_QUANTITY:
            problems.append(
                (
                    f"lines.{n}",
                    QCoreApplication.translate(
                        "Supplies", "A counted quantity is zero or more, at most three decimals."
                    ),
                )
            )
    if not short_text(reason, 500):
        problems.append(
            ("reason", QCoreApplication.translate("Supplies", "Give the reason of the adjustment."))
        )
    if problems:
        raise ValidationError(problems)
    lock_warehouses(session, [warehouse_id])
    held = _held(session, warehouse_id, (line.batch_id for line in counted))
    batch_items = dict(
        session.execute(
            select(Batch.id, Batch.item_id).where(Batch.id.in_({c.batch_id for c in counted}))
        ).all()
    )
    if len(batch_items) != len({c.batch_id for c in counted}):
        raise NotFound(QCoreApplication.translate("Supplies", "This batch no longer exists."))
    differences = []
    for line in counted:
        balance = held.get(line.batch_id)
        there = Decimal(balance.quantity) if balance is not None else Decimal(0)
        change = Decimal(str(line.quantity)) - there
        if change != 0:
            differences.append((line.batch_id, change))
    if not differences:
        return None
    movement = new_movement(session, "adjustment", warehouse_id, at, reason=short_text(reason, 500))
    for batch_id, change in differences:
        add_line(session, movement, batch_id, batch_items[batch_id], abs(change), change)
    announce(session, [warehouse_id], batch_items.values())
    return movement_row(session, movement)
