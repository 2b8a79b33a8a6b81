"""Stock counts (盘点): the count sheet of a warehouse (every batch it holds on the books,
expired or not, with a blank for what is found), the counted quantities recorded and their
differences posted as one count adjustment with its reason in the same unit of work, and
the count kept as a record: who counted, who recorded it, when, every line counted with
its book quantity, what was found and the difference."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication
from sqlalchemy import ForeignKey, Integer, String, Text, func, or_, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, utcnow
from models.events import acting_name
from models.messages import fill
from models.refusals import NotFound, ValidationError
from models.supplies.corrections import adjust_to_count
from models.supplies.ledger import (
    MAX_QUANTITY,
    BatchQuantity,
    local_today,
    lock_warehouses,
    short_text,
    slip_number,
)
from models.supplies.tables import (
    Balance,
    Batch,
    Movement,
    Quantity,
    SupplyItem,
    Warehouse,
    in_thousandths,
    plain,
)
from models.users import Permission, require


class StockCount(Base):
    """A stock count of a warehouse: who counted, who recorded it and when, and the count
    adjustment its differences were posted as (None when nothing differed)."""

    __tablename__ = "supply_counts"

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int] = mapped_column(
        ForeignKey("supply_warehouses.id", ondelete="RESTRICT"), index=True
    )
    counted_at: Mapped[datetime] = mapped_column(index=True)
    counted_by: Mapped[str | None] = mapped_column(String(60))
    recorded_by: Mapped[str] = mapped_column(String(60))
    reason: Mapped[str | None] = mapped_column(Text)
    movement_id: Mapped[int | None] = mapped_column(
        ForeignKey("supply_movements.id", ondelete="RESTRICT"), index=True
    )
    lines: Mapped[int] = mapped_column(Integer)
    differences: Mapped[int] = mapped_column(Integer)


class StockCountLine(Base):
    """One batch counted: the book quantity when counted, what was found, the difference."""

    __tablename__ = "supply_count_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    count_id: Mapped[int] = mapped_column(
        ForeignKey("supply_counts.id", ondelete="RESTRICT"), index=True
    )
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("supply_batches.id", ondelete="RESTRICT"), index=True
    )
    item_id: Mapped[int] = mapped_column(ForeignKey("supply_items.id", ondelete="RESTRICT"))
    book: Mapped[Decimal] = mapped_column(Quantity)
    counted: Mapped[Decimal] = mapped_column(Quantity)
    difference: Mapped[Decimal] = mapped_column(Quantity)


# -- the count sheet -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SheetLine:
    """A batch on the books of a warehouse, as the count sheet and the count entry list it."""

    batch_id: int
    item_id: int
    item_code: str
    item_name: str
    specification: str
    unit: str
    lot: str
    expiry: date | None
    book: Decimal
    expired: bool


@dataclass(frozen=True, slots=True)
class CountSheet:
    warehouse_id: int
    warehouse_code: str
    warehouse: str
    manager: str
    lines: tuple[SheetLine, ...]


def find_warehouse(session: Session, text: str) -> int:
    """The warehouse named by its name or code, as typed on the command line."""
    wanted = (text or "").strip()
    found = session.scalar(
        select(Warehouse.id).where(or_(Warehouse.name == wanted, Warehouse.code == wanted))
    )
    if found is None:
        raise NotFound(
            fill(
                QCoreApplication.translate("Supplies", "No warehouse is named or coded %1."), wanted
            )
        )
    return int(found)


def count_sheet(*, session: Session, warehouse_id: int, today: date | None = None) -> CountSheet:
    """Every batch the warehouse holds on its books, by item code and expiry."""
    require(session, Permission.READ_REGISTER)
    warehouse = session.get(Warehouse, warehouse_id)
    if warehouse is None:
        raise NotFound(QCoreApplication.translate("Supplies", "This warehouse no longer exists."))
    day = today or local_today()
    rows = session.execute(
        select(
            Balance.batch_id,
            SupplyItem.id,
            SupplyItem.code,
            SupplyItem.name,
            SupplyItem.specification,
            SupplyItem.unit,
            Batch.lot,
            Batch.expiry_date,
            Balance.quantity,
        )
        .join(Batch, Batch.id == Balance.batch_id)
        .join(SupplyItem, SupplyItem.id == Balance.item_id)
        .where(Balance.warehouse_id == warehouse_id, Balance.quantity > 0)
        .order_by(SupplyItem.code, Batch.expiry_date.is_(None), Batch.expiry_date, Batch.lot)
    ).all()
    lines = tuple(
        SheetLine(
            int(batch),
            int(item),
            code,
            name,
            spec or "",
            unit,
            lot,
            expiry,
            plain(Decimal(quantity)),
            expiry is not None and expiry < day,
        )
        for batch, item, code, name, spec, unit, lot, expiry, quantity in rows
    )
    return CountSheet(warehouse.id, warehouse.code, warehouse.name, warehouse.manager or "", lines)


# -- counted quantities as typed -------------------------------------------------------


def counted_quantity(text: str) -> Decimal:
    """A counted quantity as typed: zero or more, at most three decimals (``1,200`` too)."""
    cleaned = (text or "").strip().replace(",", "").replace("，", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or value < 0 or not in_thousandths(value) or value > MAX_QUANTITY:
        raise ValidationError(
            [
                (
                    "counted",
                    fill(
                        QCoreApplication.translate(
                            "Supplies",
                            "%1 is no counted quantity: zero or more, at most three decimals.",
                        ),
                        text,
                    ),
                )
            ]
        )
    return plain(value)


def resolve_lines(
    session: Session, warehouse_id: int, entries: Sequence[tuple[str, str | None, Decimal]]
) -> list[BatchQuantity]:
    """Counted lines given as (item code, lot or None, quantity) to batches: the batch of
    that item and lot the warehouse holds on its books, or any batch of that item and lot
    (goods found that the books do not show). An item held in several batches needs its lot."""
    codes = {code for code, _lot, _q in entries}
    items = dict(
        session.execute(
            select(SupplyItem.code, SupplyItem.id).where(SupplyItem.code.in_(codes))
        ).all()
    )
    held: dict[int, list[tuple[int, str]]] = {}
    for batch, item, batch_lot in session.execute(
        select(Balance.batch_id, Balance.item_id, Batch.lot)
        .join(Batch, Batch.id == Balance.batch_id)
        .where(Balance.warehouse_id == warehouse_id, Balance.quantity > 0)
        .order_by(Batch.expiry_date, Batch.id)
    ):
        held.setdefault(int(item), []).append((int(batch), batch_lot))
    problems: list[tuple[str, str]] = []
    lines: list[BatchQuantity] = []
    for n, (code, lot, quantity) in enumerate(entries):
        field = f"lines.{n}"
        item_id = items.get(code)
        if item_id is None:
            problems.append(
                (
                    field,
                    fill(
                        QCoreApplication.translate(
                            "Supplies", "No item of the catalogue has the code %1."
                        ),
                        code,
                    ),
                )
            )
            continue
        here = held.get(item_id, [])
        if lot is None:
            if len(here) == 1:
                lines.append(BatchQuantity(here[0][0], quantity))
            elif not here:
                problems.append(
                    (
                        field,
                        fill(
                            QCoreApplication.translate(
                                "Supplies", "The warehouse holds no %1 on its books: name the lot."
                            ),
                            code,
                        ),
                    )
                )
            else:
                problems.append(
                    (
                        field,
                        fill(
                            QCoreApplication.translate(
                                "Supplies",
                                "%1 is held in several lots (%2): name the lot, as %1/LOT.",
                            ),
                            code,
                            "、".join(lot_name or "—" for _b, lot_name in here),
                        ),
                    )
                )
            continue
        matching = [batch for batch, lot_name in here if lot_name == lot]
        if not matching:
            matching = list(
                session.scalars(
                    select(Batch.id)
                    .where(Batch.item_id == item_id, Batch.lot == lot)
                    .order_by(Batch.id)
                )
            )
        if len(matching) != 1:
            problems.append(
                (
                    field,
                    fill(
                        QCoreApplication.translate(
                            "Supplies", "No single batch of %1 has the lot %2."
                        ),
                        code,
                        lot,
                    )
                    if not matching
                    else fill(
                        QCoreApplication.translate(
                            "Supplies", "Several batches of %1 have the lot %2."
                        ),
                        code,
                        lot,
                    ),
                )
            )
            continue
        lines.append(BatchQuantity(matching[0], quantity))
    if problems:
        raise ValidationError(problems)
    return lines


# -- recording a count -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CountRow:
    """A count as the list of counts shows it."""

    id: int
    warehouse_id: int
    warehouse: str
    counted_at: datetime
    counted_by: str
    recorded_by: str
    reason: str
    lines: int
    differences: int
    slip: str  # the count adjustment's slip, "" when nothing differed
    movement_id: int | None


@dataclass(frozen=True, slots=True)
class CountLine:
    item_code: str
    item_name: str
    unit: str
    lot: str
    expiry: date | None
    book: Decimal
    counted: Decimal
    difference: Decimal


def record_count(
    *,
    session: Session,
    warehouse_id: int,
    counted: Sequence[BatchQuantity],
    reason: str | None = None,
    counted_by: str | None = None,
    at: datetime | None = None,
) -> CountRow:
    """A count of the batches given: the count kept with each line's book quantity, what
    was found and the difference, and the differences posted as one count adjustment with
    ``reason`` (needed when anything differs), all in the caller's unit of work."""
    require(session, Permission.COUNT_SUPPLIES)
    problems: list[tuple[str, str]] = []
    if not counted:
        problems.append(("lines", QCoreApplication.translate("Supplies", "List what was counted.")))
    seen: set[int] = set()
    for n, line in enumerate(counted):
        value = line.quantity
        if (
            not isinstance(value, Decimal)
            or not value.is_finite()
            or value < 0
            or not in_thousandths(value)
            or value > MAX_QUANTITY
        ):
            problems.append(
                (
                    f"lines.{n}",
                    QCoreApplication.translate(
                        "Supplies", "A counted quantity is zero or more, at most three decimals."
                    ),
                )
            )
        if line.batch_id in seen:
            problems.append(
                (
                    f"lines.{n}",
                    QCoreApplication.translate("Supplies", "A batch is counted once in a count."),
                )
            )
        seen.add(line.batch_id)
    if problems:
        raise ValidationError(problems)
    lock_warehouses(session, [warehouse_id])
    batches = {
        int(b): (int(i), lot)
        for b, i, lot in session.execute(
            select(Batch.id, Batch.item_id, Batch.lot).where(Batch.id.in_(seen))
        )
    }
    if len(batches) != len(seen):
        raise NotFound(QCoreApplication.translate("Supplies", "This batch no longer exists."))
    book = {
        int(b): Decimal(q)
        for b, q in session.execute(
            select(Balance.batch_id, Balance.quantity).where(
                Balance.warehouse_id == warehouse_id, Balance.batch_id.in_(seen)
            )
        )
    }
    differs = sum(1 for line in counted if line.quantity != book.get(line.batch_id, Decimal(0)))
    text = short_text(reason, 500)
    if differs and not text:
        raise ValidationError(
            [
                (
                    "reason",
                    QCoreApplication.translate("Supplies", "Give the reason of the differences."),
                )
            ]
        )
    when = at or utcnow()
    movement = (
        adjust_to_count(
            session=session,
            warehouse_id=warehouse_id,
            counted=list(counted),
            reason=text or "",
            at=when,
        )
        if differs
        else None
    )
    record = StockCount(
        warehouse_id=warehouse_id,
        counted_at=when,
        counted_by=short_text(counted_by, 60),
        recorded_by=acting_name(session),
        reason=text,
        movement_id=movement.id if movement is not None else None,
        lines=len(counted),
        differences=differs,
    )
    session.add(record)
    session.flush()
    session.add_all(
        StockCountLine(
            count_id=record.id,
            batch_id=line.batch_id,
            item_id=batches[line.batch_id][0],
            book=plain(book.get(line.batch_id, Decimal(0))),
            counted=plain(line.quantity),
            difference=plain(line.quantity - book.get(line.batch_id, Decimal(0))),
        )
        for line in counted
    )
    session.flush()
    return count_rows(session=session, count_id=record.id)[0]


def count_rows(
    *, session: Session, warehouse_id: int | None = None, count_id: int | None = None
) -> list[CountRow]:
    """The counts kept, newest first (of one warehouse, or one count)."""
    require(session, Permission.READ_REGISTER)
    query = (
        select(StockCount, Warehouse.name, Movement.slip_year, Movement.slip_number)
        .join(Warehouse, Warehouse.id == StockCount.warehouse_id)
        .outerjoin(Movement, Movement.id == StockCount.movement_id)
        .order_by(StockCount.counted_at.desc(), StockCount.id.desc())
    )
    if warehouse_id is not None:
        query = query.where(StockCount.warehouse_id == warehouse_id)
    if count_id is not None:
        query = query.where(StockCount.id == count_id)
    return [
        CountRow(
            c.id,
            c.warehouse_id,
            name,
            c.counted_at,
            c.counted_by or "",
            c.recorded_by,
            c.reason or "",
            c.lines,
            c.differences,
            slip_number(year, number) if year is not None else "",
            c.movement_id,
        )
        for c, name, year, number in session.execute(query)
    ]


def count_lines(*, session: Session, count_id: int) -> list[CountLine]:
    """The lines of one count: book, counted and difference per batch."""
    require(session, Permission.READ_REGISTER)
    if session.get(StockCount, count_id) is None:
        raise NotFound(QCoreApplication.translate("Supplies", "No count has this number."))
    rows = session.execute(
        select(
            SupplyItem.code,
            SupplyItem.name,
            SupplyItem.unit,
            Batch.lot,
            Batch.expiry_date,
            StockCountLine.book,
            StockCountLine.counted,
            StockCountLine.difference,
        )
        .join(Batch, Batch.id == StockCountLine.batch_id)
        .join(SupplyItem, SupplyItem.id == StockCountLine.item_id)
        .where(StockCountLine.count_id == count_id)
        .order_by(SupplyItem.code, Batch.expiry_date, StockCountLine.id)
    ).all()
    return [CountLine(*row) for row in rows]


def count_total(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(StockCount)) or 0)
