"""Transfers between warehouses (调拨): out of the source and into the destination as one
transfer record, with transport, vehicle plate, driver and phone, and per line the
quantities requested, sent, received, returned and lost. Sent goods leave the source's
stock at once; until received they are in transit, available at neither warehouse and on
the ledger of both. Pre-positioning stock at a forward point (前置点) is a transfer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.events import acting_name
from models.fields import FieldChecker
from models.messages import fill
from models.refusals import Conflict, NotFound, ValidationError
from models.supplies.ledger import (
    IssueLine,
    MovementRow,
    add_line,
    allocate,
    announce,
    items_by_id,
    local_today,
    lock_warehouses,
    movement_row,
    new_movement,
    positive_quantity,
    short_text,
)
from models.supplies.tables import Batch, Movement, Transfer, TransferLine, in_thousandths, plain
from models.users import Permission, require


@dataclass(frozen=True, slots=True)
class TransferLineIn:
    """An item to transfer: how many were requested and how many are sent."""

    item_id: int
    sent: Decimal
    requested: Decimal | None = None
    batch_id: int | None = None


@dataclass(frozen=True, slots=True)
class Arrival:
    """What became of a transfer line: received at the destination, sent back to the
    source, lost on the way."""

    received: Decimal
    returned: Decimal = Decimal(0)
    lost: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class TransferRow:
    id: int
    from_warehouse_id: int
    to_warehouse_id: int
    status: str
    sent_at: datetime
    received_at: datetime | None
    transport: str | None
    vehicle_plate: str | None
    driver: str | None
    lines: tuple[tuple[int, int, int, Decimal | None, Decimal, Decimal, Decimal, Decimal], ...]
    # (line id, item, batch, requested, sent, received, returned, lost)


def send_transfer(
    *,
    session: Session,
    from_warehouse_id: int,
    to_warehouse_id: int,
    lines: Sequence[TransferLineIn],
    transport: str | None = None,
    vehicle_plate: str | None = None,
    driver: str | None = None,
    driver_phone: str | None = None,
    reason: str | None = None,
    at: datetime | None = None,
    event_id: int | None = None,
    today: date | None = None,
) -> TransferRow:
    """Goods sent from one warehouse to another, first-expiring batches first: out of the
    source now, in transit until ``receive_transfer``."""
    require(session, Permission.ISSUE_SUPPLIES)
    checker = FieldChecker()
    problems: list[tuple[str, str]] = []
    if from_warehouse_id == to_warehouse_id:
        problems.append(
            (
                "to_warehouse",
                QCoreApplication.translate("Supplies", "A transfer goes to another warehouse."),
            )
        )
    if not lines:
        problems.append(("lines", QCoreApplication.translate("Supplies", "List what is sent.")))
    sent = [positive_quantity(problems, f"lines.{n}", line.sent) for n, line in enumerate(lines)]
    for n, line in enumerate(lines):
        if line.requested is not None:
            positive_quantity(problems, f"lines.{n}.requested", line.requested)
    values = {
        "transport": checker.text("transport", transport, 40),
        "vehicle_plate": checker.text("vehicle_plate", vehicle_plate, 16),
        "driver": checker.text("driver", driver, 30),
        "driver_phone": checker.phone("driver_phone", driver_phone),
    }
    problems.extend(checker.problems)
    if problems:
        raise ValidationError(problems)
    lock_warehouses(session, [from_warehouse_id])
    lock_warehouses(session, [to_warehouse_id], receiving=True)
    items = items_by_id(session, (line.item_id for line in lines))
    when = at or utcnow()
    taken = allocate(
        session,
        from_warehouse_id,
        [
            IssueLine(line.item_id, q, line.batch_id)
            for line, q in zip(lines, sent, strict=True)
            if q
        ],
        [q for q in sent if q is not None],
        items,
        today or local_today(when),
    )
    transfer = Transfer(
        from_warehouse_id=from_warehouse_id,
        to_warehouse_id=to_warehouse_id,
        status="in_transit",
        sent_at=when,
        event_id=event_id,
        reason=short_text(reason, 500),
        recorded_by=acting_name(session),
        **values,
    )
    session.add(transfer)
    session.flush()
    movement = new_movement(
        session,
        "transfer_out",
        from_warehouse_id,
        when,
        transfer_id=transfer.id,
        reason=short_text(reason, 500),
        event_id=event_id,
    )
    requested = {line.item_id: line.requested for line in lines}
    for item_id, batch_id, quantity in taken:
        # The item's requested quantity is written on its first line.
        asked = requested.pop(item_id, None)
        session.add(
            TransferLine(
                transfer_id=transfer.id,
                batch_id=batch_id,
                requested=asked,
                sent=quantity,
                received=Decimal(0),
                returned=Decimal(0),
                lost=Decimal(0),
            )
        )
        add_line(session, movement, batch_id, item_id, quantity, -quantity)
    announce(session, [from_warehouse_id, to_warehouse_id], items)
    return transfer_row(session, transfer)


def receive_transfer(
    *,
    session: Session,
    transfer_id: int,
    arrivals: Mapping[int, Arrival] | None = None,
    reason: str | None = None,
    at: datetime | None = None,
) -> TransferRow:
    """A transfer arrives: per line (by its id; a line not named arrived whole) what was
    received goes into the destination, what was sent back into the source; what was
    lost needs a reason. The transfer is no longer in transit."""
    require(session, Permission.RECEIVE_SUPPLIES)
    transfer = session.get(Transfer, transfer_id)
    if transfer is None:
        raise NotFound(QCoreApplication.translate("Supplies", "This transfer no longer exists."))
    lock_warehouses(session, [transfer.from_warehouse_id, transfer.to_warehouse_id])
    session.refresh(transfer)
    if transfer.status != "in_transit":
        raise Conflict(
            QCoreApplication.translate("Supplies", "This transfer has been received already.")
        )
    lines = list(
        session.scalars(
            select(TransferLine)
            .where(TransferLine.transfer_id == transfer_id)
            .order_by(TransferLine.id)
        )
    )
    given = dict(arrivals or {})
    problems: list[tuple[str, str]] = []
    outcome: list[tuple[TransferLine, Decimal, Decimal, Decimal]] = []
    for line in lines:
        arrival = given.pop(line.id, Arrival(line.sent))
        numbers = []
        for name, value in (
            ("received", arrival.received),
            ("returned", arrival.returned),
            ("lost", arrival.lost),
        ):
            number = Decimal(str(value))
            if number < 0 or not in_thousandths(number):
                problems.append(
                    (
                        f"lines.{line.id}.{name}",
                        QCoreApplication.translate(
                            "Supplies", "A quantity is zero or more, at most three decimals."
                        ),
                    )
                )
            numbers.append(number)
        received, returned, lost = numbers
        if received + returned + lost != line.sent:
            problems.append(
                (
                    f"lines.{line.id}",
                    fill(
                        QCoreApplication.translate(
                            "Supplies",
                            "Received, returned and lost must add up to the %1 sent (given %2).",
                        ),
                        plain(line.sent),
                        plain(received + returned + lost),
                    ),
                )
            )
        if lost > 0 and not short_text(reason, 500):
            problems.append(
                (
                    "reason",
                    QCoreApplication.translate(
                        "Supplies", "Say what became of the goods lost on the way."
                    ),
                )
            )
        outcome.append((line, received, returned, lost))
    if given:
        problems.append(
            ("lines", QCoreApplication.translate("Supplies", "A line is not of this transfer."))
        )
    if problems:
        raise ValidationError(problems)
    when = at or utcnow()
    batch_items = dict(
        session.execute(
            select(Batch.id, Batch.item_id).where(Batch.id.in_({line.batch_id for line in lines}))
        ).all()
    )
    into = new_movement(
        session,
        "transfer_in",
        transfer.to_warehouse_id,
        when,
        transfer_id=transfer.id,
        reason=short_text(reason, 500),
        event_id=transfer.event_id,
    )
    back: Movement | None = None
    for line, received, returned, lost in outcome:
        line.received, line.returned, line.lost = received, returned, lost
        if received > 0:
            add_line(session, into, line.batch_id, batch_items[line.batch_id], received, received)
        if returned > 0:
            if back is None:
                back = new_movement(
                    session,
                    "transfer_in",
                    transfer.from_warehouse_id,
                    when,
                    transfer_id=transfer.id,
                    reason=short_text(reason, 500),
                    event_id=transfer.event_id,
                )
            add_line(session, back, line.batch_id, batch_items[line.batch_id], returned, returned)
    transfer.status = "received"
    transfer.received_at = when
    transfer.received_by = acting_name(session)
    announce(session, [transfer.from_warehouse_id, transfer.to_warehouse_id], batch_items.values())
    return transfer_row(session, transfer)


def transfer_row(session: Session, transfer: Transfer) -> TransferRow:
    session.flush()
    lines = session.execute(
        select(
            TransferLine.id,
            Batch.item_id,
            TransferLine.batch_id,
            TransferLine.requested,
            TransferLine.sent,
            TransferLine.received,
            TransferLine.returned,
            TransferLine.lost,
        )
        .join(Batch, Batch.id == TransferLine.batch_id)
        .where(TransferLine.transfer_id == transfer.id)
        .order_by(TransferLine.id)
    ).all()
    return TransferRow(
        transfer.id,
        transfer.from_warehouse_id,
        transfer.to_warehouse_id,
        transfer.status,
        transfer.sent_at,
        transfer.received_at,
        transfer.transport,
        transfer.vehicle_plate,
        transfer.driver,
        tuple(tuple(row) for row in lines),  # type: ignore[misc]
    )


def transfers_in_transit(*, session: Session) -> list[TransferRow]:
    """Transfers sent and not yet received, oldest first."""
    require(session, Permission.READ_REGISTER)
    return [
        transfer_row(session, t)
        for t in session.scalars(
            select(Transfer).where(Transfer.status == "in_transit").order_by(Transfer.sent_at)
        )
    ]


def transfer_movement(session: Session, transfer_id: int) -> MovementRow:
    """The transfer's movement out of its source."""
    movement = session.scalars(
        select(Movement).where(Movement.transfer_id == transfer_id, Movement.kind == "transfer_out")
    ).one()
    return movement_row(session, movement)
