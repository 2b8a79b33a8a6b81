"""What the stock is: by warehouse and by item (on hand, expired, available, in transit
out and in), the alerts (below minimum, expiring soon, expired), goods out on loan, issues
whose paperwork is pending, a warehouse's stock card with its running balance, and the
ledger check ``db check`` runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from operator import attrgetter
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from sqlalchemy import BigInteger, func, literal, select, type_coerce
from sqlalchemy.orm import Session, aliased

from models.messages import fill
from models.refusals import ValidationError
from models.supplies.ledger import local_today, lock_warehouses
from models.supplies.tables import (
    Balance,
    Batch,
    MinimumStock,
    Movement,
    MovementLine,
    Quantity,
    SupplyItem,
    Transfer,
    TransferLine,
    Warehouse,
    in_thousandths,
    plain,
)
from models.users import Permission, require

DEFAULT_EXPIRY_DAYS = 90
"""Batches expiring within this many days are an alert unless the caller asks otherwise."""


class StockRow(NamedTuple):
    """A line of stock; a named tuple, made for every item of a county in one call (a frozen
    dataclass's construction cost about 6 times as much)."""

    warehouse_id: int
    item_id: int
    item_code: str
    item_name: str
    unit: str
    on_hand: Decimal  # in the warehouse, expired or not
    expired: Decimal  # shown, never available
    available: Decimal
    in_transit_out: Decimal  # sent from here, not yet received
    in_transit_in: Decimal  # on its way here
    minimum: Decimal | None
    expiring: Decimal  # available but expiring within the alert's days

    @property
    def below_minimum(self) -> bool:
        return self.minimum is not None and self.available < self.minimum


def _zero(value: Decimal | None) -> Decimal:
    return value if value is not None else Decimal(0)


def _tidy(value: Decimal) -> Decimal:
    """A sum or difference without trailing zeros (integers, the usual case, as they are)."""
    exponent = value.as_tuple().exponent
    return value if exponent == 0 else plain(value)


def stock(
    *,
    session: Session,
    warehouse_id: int | None = None,
    item_id: int | None = None,
    today: date | None = None,
    expiry_days: int = DEFAULT_EXPIRY_DAYS,
) -> list[StockRow]:
    """Stock per warehouse and item (of one warehouse, one item, or all), with what is in
    transit and the minimum; an item with a minimum and no stock is listed too."""
    require(session, Permission.READ_REGISTER)
    return _stock_rows(session, today, expiry_days, warehouse_id, item_id, by_warehouse=True)


def county_stock_by_item(
    *, session: Session, today: date | None = None, expiry_days: int = DEFAULT_EXPIRY_DAYS
) -> list[StockRow]:
    """Every item's stock summed over all warehouses (warehouse_id 0); transfers in transit
    count as available nowhere, and once in ``in_transit_out``."""
    require(session, Permission.READ_REGISTER)
    return _stock_rows(session, today, expiry_days, None, None, by_warehouse=False)


def _stock_rows(
    session: Session,
    today: date | None,
    expiry_days: int,
    warehouse_id: int | None,
    item_id: int | None,
    *,
    by_warehouse: bool,
) -> list[StockRow]:
    day = today or local_today()
    soon = day + timedelta(days=expiry_days)
    keys = (Balance.warehouse_id, Balance.item_id) if by_warehouse else (Balance.item_id,)
    # Balances are never negative (CHECK), so "a balance above zero" is "a sum above zero":
    # HAVING lets the county's sum read the (item, quantity) index without testing each
    # entry. The items' code, name and unit come with the sums, in the same statement.
    total = func.sum(Balance.quantity)
    held = select(*keys, total.label("total")).group_by(*keys).having(total > 0)
    # What of it has expired or expires soon: the few batches expiring by then first, from
    # their index, then their balances from the balances' (batch, quantity) index. Joined
    # in one query the planner walked every balance in item order instead.
    dating = select(Batch.id, Batch.expiry_date, Batch.item_id).where(Batch.expiry_date <= soon)
    where = [Balance.quantity > 0, Balance.batch_id.in_(dating.with_only_columns(Batch.id))]
    if warehouse_id is not None:
        held = held.where(Balance.warehouse_id == warehouse_id)
        where.append(Balance.warehouse_id == warehouse_id)
    if item_id is not None:
        held = held.where(Balance.item_id == item_id)
        dating = dating.where(Batch.item_id == item_id)
        where.append(Balance.item_id == item_id)
    sums = held.subquery()
    named = select(
        sums.c.warehouse_id if by_warehouse else literal(0),
        sums.c.item_id,
        SupplyItem.code,
        SupplyItem.name,
        SupplyItem.unit,
        sums.c.total,
    ).join(SupplyItem, SupplyItem.id == sums.c.item_id)
    dated_keys = (Balance.warehouse_id, Balance.batch_id) if by_warehouse else (Balance.batch_id,)
    zero = Decimal(0)
    connection = session.connection()
    figures: dict[tuple[int, int], list[Decimal]] = {}
    items: dict[int, tuple[str, str, str]] = {}
    for w, i, code, name, unit, on_hand in connection.execute(named).all():
        figures[(w, i)] = [_zero(on_hand), zero, zero, zero, zero]
        items[i] = (code, name, unit)
    expiry = {b: (e, i) for b, e, i in connection.execute(dating).all()}
    if expiry:
        dated = select(*dated_keys, func.sum(Balance.quantity)).where(*where).group_by(*dated_keys)
        for row in connection.execute(dated).all():
            expires, item = expiry[row[-2]]
            key = (row[0] if by_warehouse else 0, item)
            figures[key][1 if expires is not None and expires < day else 2] += _zero(row[-1])
    for w, i, quantity, column in _in_transit(session, warehouse_id, item_id):
        if not by_warehouse:
            if column == 4:
                continue  # counted once, as sent
            w = 0
        figures.setdefault((w, i), [zero] * 5)[column] += quantity
    least: dict[tuple[int, int], Decimal] = {}
    if by_warehouse:
        minimums = select(MinimumStock.warehouse_id, MinimumStock.item_id, MinimumStock.minimum)
        if warehouse_id is not None:
            minimums = minimums.where(MinimumStock.warehouse_id == warehouse_id)
        if item_id is not None:
            minimums = minimums.where(MinimumStock.item_id == item_id)
        least = {(w, i): m for w, i, m in session.execute(minimums)}
        for key in least:
            figures.setdefault(key, [zero] * 5)
    unnamed = {i for _w, i in figures if i not in items}  # in transit or a minimum only
    if unnamed:
        items_query = select(SupplyItem.id, SupplyItem.code, SupplyItem.name, SupplyItem.unit)
        if len(unnamed) <= 500:
            items_query = items_query.where(SupplyItem.id.in_(unnamed))
        items.update(
            (i, (code, name, unit)) for i, code, name, unit in session.execute(items_query)
        )
    rows = [
        StockRow(
            w,
            i,
            *items[i],
            on_hand,
            gone,
            _tidy(on_hand - gone) if gone else on_hand,
            _tidy(out) if out else zero,
            _tidy(coming) if coming else zero,
            least.get((w, i)),
            expiring,
        )
        for (w, i), (on_hand, gone, expiring, out, coming) in figures.items()
    ]
    rows.sort(key=attrgetter("warehouse_id", "item_code"))
    return rows


def _in_transit(
    session: Session, warehouse_id: int | None, item_id: int | None
) -> list[tuple[int, int, Decimal, int]]:
    """(warehouse, item, quantity, 3 for out or 4 for in) of transfers in transit."""
    query = (
        select(
            Transfer.from_warehouse_id,
            Transfer.to_warehouse_id,
            Batch.item_id,
            func.sum(TransferLine.sent),
        )
        .join(TransferLine, TransferLine.transfer_id == Transfer.id)
        .join(Batch, Batch.id == TransferLine.batch_id)
        .where(Transfer.status == "in_transit")
        .group_by(Transfer.from_warehouse_id, Transfer.to_warehouse_id, Batch.item_id)
    )
    if item_id is not None:
        query = query.where(Batch.item_id == item_id)
    found: list[tuple[int, int, Decimal, int]] = []
    for source, destination, item, quantity in session.execute(query):
        if warehouse_id in (None, source):
            found.append((source, item, _zero(quantity), 3))
        if warehouse_id in (None, destination):
            found.append((destination, item, _zero(quantity), 4))
    return found


@dataclass(frozen=True, slots=True)
class Alert:
    kind: str  # below_minimum, expiring, expired
    warehouse_id: int
    item_id: int
    text: str


def alerts(
    *, session: Session, expiry_days: int = DEFAULT_EXPIRY_DAYS, today: date | None = None
) -> list[Alert]:
    """Below minimum stock, batches expiring within ``expiry_days``, expired stock."""
    found: list[Alert] = []
    names = dict(session.execute(select(Warehouse.id, Warehouse.name)).all())
    for row in stock(session=session, today=today, expiry_days=expiry_days):
        where = names.get(row.warehouse_id, "")
        if row.below_minimum:
            assert row.minimum is not None
            found.append(
                Alert(
                    "below_minimum",
                    row.warehouse_id,
                    row.item_id,
                    fill(
                        QCoreApplication.translate(
                            "Supplies", "%1: %2 %3 of %4 available, minimum %5."
                        ),
                        where,
                        row.available,
                        row.unit,
                        row.item_name,
                        row.minimum,
                    ),
                )
            )
        if row.expiring > 0:
            found.append(
                Alert(
                    "expiring",
                    row.warehouse_id,
                    row.item_id,
                    fill(
                        QCoreApplication.translate(
                            "Supplies", "%1: %2 %3 of %4 expire within %5 days."
                        ),
                        where,
                        row.expiring,
                        row.unit,
                        row.item_name,
                        expiry_days,
                    ),
                )
            )
        if row.expired > 0:
            found.append(
                Alert(
                    "expired",
                    row.warehouse_id,
                    row.item_id,
                    fill(
                        QCoreApplication.translate(
                            "Supplies", "%1: %2 %3 of %4 have expired (not available)."
                        ),
                        where,
                        row.expired,
                        row.unit,
                        row.item_name,
                    ),
                )
            )
    return found


def set_minimum(
    *, session: Session, warehouse_id: int, item_id: int, minimum: Decimal | None
) -> None:
    """The least stock of an item a warehouse should hold (None: no minimum)."""
    require(session, Permission.MANAGE_SUPPLY_CATALOGUE)
    if minimum is not None and (minimum < 0 or not in_thousandths(minimum)):
        raise ValidationError(
            [("minimum", QCoreApplication.translate("Supplies", "A minimum is zero or more."))]
        )
    lock_warehouses(session, [warehouse_id])
    row = session.get(MinimumStock, (warehouse_id, item_id))
    if minimum is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(MinimumStock(warehouse_id=warehouse_id, item_id=item_id, minimum=minimum))
    else:
        row.minimum = minimum


@dataclass(frozen=True, slots=True)
class LoanRow:
    issue_id: int
    warehouse_id: int
    at: datetime
    recipient: str | None
    item_id: int
    item_name: str
    unit: str
    out: Decimal


def out_on_loan(*, session: Session) -> list[LoanRow]:
    """Returnable items (boats, pumps, generators) issued and neither returned nor written
    off, oldest issue first."""
    require(session, Permission.READ_REGISTER)
    settlement = aliased(Movement)
    settled = (
        select(
            settlement.issue_id.label("issue_id"),
            MovementLine.batch_id.label("batch_id"),
            func.sum(MovementLine.quantity).label("quantity"),
        )
        .join(MovementLine, MovementLine.movement_id == settlement.id)
        .where(settlement.issue_id.is_not(None))
        .group_by(settlement.issue_id, MovementLine.batch_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Movement.id,
            Movement.warehouse_id,
            Movement.at,
            Movement.recipient,
            SupplyItem.id,
            SupplyItem.name,
            SupplyItem.unit,
            type_coerce(
                func.sum(MovementLine.quantity - func.coalesce(settled.c.quantity, 0)), Quantity()
            ),
        )
        .join(MovementLine, MovementLine.movement_id == Movement.id)
        .join(Batch, Batch.id == MovementLine.batch_id)
        .join(SupplyItem, SupplyItem.id == Batch.item_id)
        .outerjoin(
            settled,
            (settled.c.issue_id == Movement.id) & (settled.c.batch_id == MovementLine.batch_id),
        )
        .where(Movement.kind == "issue", SupplyItem.returnable.is_(True))
        .group_by(
            Movement.id,
            Movement.warehouse_id,
            Movement.at,
            Movement.recipient,
            SupplyItem.id,
            SupplyItem.name,
            SupplyItem.unit,
        )
        .order_by(Movement.at, Movement.id)
    ).all()
    return [LoanRow(*row[:7], _zero(row[7])) for row in rows if _zero(row[7]) > 0]


@dataclass(frozen=True, slots=True)
class PendingRow:
    movement_id: int
    warehouse_id: int
    at: datetime
    ordered_by: str | None
    recipient: str | None
    event_id: int | None
    slip: str


def pending_paperwork(*, session: Session) -> list[PendingRow]:
    """Issues made on a leader's word whose slip is not completed yet, oldest first."""
    require(session, Permission.READ_REGISTER)
    from models.supplies.ledger import slip_number

    return [
        PendingRow(
            m.id,
            m.warehouse_id,
            m.at,
            m.ordered_by,
            m.recipient,
            m.event_id,
            slip_number(m.slip_year, m.slip_number),
        )
        for m in session.scalars(
            select(Movement)
            .where(Movement.paperwork_pending.is_(True))
            .order_by(Movement.at, Movement.id)
        )
    ]


@dataclass(frozen=True, slots=True)
class CardLine:
    at: datetime
    kind: str
    slip: str
    change: Decimal  # 0 for a transfer on its way here
    balance: Decimal
    in_transit: bool
    reason: str | None


def stock_card(*, session: Session, warehouse_id: int, item_id: int) -> list[CardLine]:
    """A warehouse's stock card of an item (账卡): every movement with the running balance,
    and the transfers on their way here (in transit, not yet counted)."""
    require(session, Permission.READ_REGISTER)
    from models.supplies.ledger import slip_number

    rows = session.execute(
        select(
            Movement.at,
            Movement.kind,
            Movement.slip_year,
            Movement.slip_number,
            func.sum(MovementLine.change),
            Movement.reason,
        )
        .join(MovementLine, MovementLine.movement_id == Movement.id)
        .join(Batch, Batch.id == MovementLine.batch_id)
        .where(Movement.warehouse_id == warehouse_id, Batch.item_id == item_id)
        .group_by(
            Movement.id,
            Movement.at,
            Movement.kind,
            Movement.slip_year,
            Movement.slip_number,
            Movement.reason,
        )
        .order_by(Movement.at, Movement.id)
    ).all()
    card: list[CardLine] = []
    running = Decimal(0)
    for at, kind, year, number, change, reason in rows:
        running = plain(running + _zero(change))
        card.append(
            CardLine(at, kind, slip_number(year, number), _zero(change), running, False, reason)
        )
    coming = session.execute(
        select(Movement.at, Movement.slip_year, Movement.slip_number, Movement.reason)
        .join(Transfer, Transfer.id == Movement.transfer_id)
        .join(MovementLine, MovementLine.movement_id == Movement.id)
        .join(Batch, Batch.id == MovementLine.batch_id)
        .where(
            Movement.kind == "transfer_out",
            Transfer.to_warehouse_id == warehouse_id,
            Transfer.status == "in_transit",
            Batch.item_id == item_id,
        )
        .distinct()
    ).all()
    for at, year, number, reason in coming:
        card.append(
            CardLine(
                at, "transfer_in", slip_number(year, number), Decimal(0), running, True, reason
            )
        )
    return card


def ledger_problems(session: Session, add: Callable[..., None]) -> None:
    """``db check``'s part: every balance equals the sum of its movement lines, no balance
    is negative, a balance's item is its batch's, and every transfer line is accounted."""
    # Compared in the database, in whole thousandths: only what disagrees comes back. The
    # sums are read from the lines' (warehouse, batch, change) index in its order, with no
    # sort, and each balance is found by its key.
    raw = BigInteger()
    change = type_coerce(MovementLine.change, raw)
    sums = (
        select(
            MovementLine.warehouse_id.label("warehouse_id"),
            MovementLine.batch_id.label("batch_id"),
            func.sum(change).label("total"),
        )
        .group_by(MovementLine.warehouse_id, MovementLine.batch_id)
        .subquery()
    )
    kept_quantity = type_coerce(Balance.quantity, raw)
    wrong: dict[tuple[int, int], tuple[int | None, int | None]] = {
        (w, b): (q, t)
        for w, b, t, q in session.execute(
            select(sums.c.warehouse_id, sums.c.batch_id, sums.c.total, kept_quantity)
            .select_from(sums)
            .outerjoin(
                Balance,
                (Balance.warehouse_id == sums.c.warehouse_id)
                & (Balance.batch_id == sums.c.batch_id),
            )
            .where(func.coalesce(kept_quantity, 0) != sums.c.total)
        )
    }
    lines_of = select(MovementLine.id).where(
        MovementLine.warehouse_id == Balance.warehouse_id,
        MovementLine.batch_id == Balance.batch_id,
    )
    for w, b, q in session.execute(
        select(Balance.warehouse_id, Balance.batch_id, kept_quantity).where(
            kept_quantity != 0, ~lines_of.exists()
        )
    ):
        wrong[(w, b)] = (q, None)
    negative = {
        (w, b): q
        for w, b, q in session.execute(
            select(Balance.warehouse_id, Balance.batch_id, kept_quantity).where(kept_quantity < 0)
        )
    }
    names = (
        dict(session.execute(select(Warehouse.id, Warehouse.name)).all())
        if wrong or negative
        else {}
    )

    def quantity(thousandths: int | None) -> Decimal:
        return plain(Decimal(thousandths or 0).scaleb(-3))

    message = QCoreApplication.translate(
        "Checks",
        "Supplies: the balance of batch %1 at %2 is %3, its movements add up to %4.",
    )
    for key in sorted(wrong):
        add(
            message,
            key[1],
            names.get(key[0], key[0]),
            quantity(wrong[key][0]),
            quantity(wrong[key][1]),
        )
    for key in sorted(negative):
        add(
            QCoreApplication.translate(
                "Checks", "Supplies: the balance of batch %1 at %2 is negative (%3)."
            ),
            key[1],
            names.get(key[0], key[0]),
            quantity(negative[key]),
        )
    elsewhere = session.scalar(
        select(func.count())
        .select_from(MovementLine)
        .join(Movement, Movement.id == MovementLine.movement_id)
        .where(MovementLine.warehouse_id != Movement.warehouse_id)
    )
    if elsewhere:
        add(
            QCoreApplication.translate(
                "Checks", "Supplies: %1 movement lines name another warehouse than their movement."
            ),
            elsewhere,
        )
    mismatched = session.execute(
        select(Balance.batch_id)
        .join(Batch, Batch.id == Balance.batch_id)
        .where(Batch.item_id != Balance.item_id)
    ).scalars()
    for batch_id in mismatched:
        add(
            QCoreApplication.translate(
                "Checks", "Supplies: a balance of batch %1 names another item than its batch."
            ),
            batch_id,
        )
    unaccounted = session.execute(
        select(TransferLine.transfer_id)
        .join(Transfer, Transfer.id == TransferLine.transfer_id)
        .where(
            Transfer.status == "received",
            TransferLine.received + TransferLine.returned + TransferLine.lost != TransferLine.sent,
        )
        .distinct()
    ).scalars()
    for transfer_id in unaccounted:
        add(
            QCoreApplication.translate(
                "Checks",
                "Supplies: transfer %1 was received, but its lines do not account for what was sent.",
            ),
            transfer_id,
        )
    class_problems(session, add)


def class_problems(session: Session, add: Callable[..., None]) -> None:
    """Items whose GB/T 38565-2020 code the imported class table does not hold (nothing
    while no table is imported: codes are then checked by structure when entered)."""
    from models.supplies.classes import ItemClass

    if session.scalar(select(ItemClass.code).limit(1)) is None:
        return
    strays = session.execute(
        select(SupplyItem.code, SupplyItem.standard_code)
        .where(
            SupplyItem.standard_code.is_not(None),
            SupplyItem.standard_code.not_in(select(ItemClass.code)),
        )
        .order_by(SupplyItem.code)
    ).all()
    for code, standard in strays:
        add(
            QCoreApplication.translate(
                "Checks",
                "Supplies: item %1 carries the code %2, which the imported GB/T 38565-2020 "
                "class table does not hold.",
            ),
            code,
            standard,
        )


def warehouse_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Warehouse.id, Warehouse.name)).all())


def last_movement_at(session: Session) -> datetime | None:
    return session.scalar(select(func.max(Movement.at)))
