"""The village standard kit: a template of items and quantities each village should hold
(optionally per kind of village), and the compliance of every village: what its stores
hold available (expired stock not counted) against the template, and what is missing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from models.areas import Division
from models.refusals import NotFound, ValidationError
from models.supplies.ledger import local_today
from models.supplies.tables import (
    Balance,
    Batch,
    KitItem,
    SupplyItem,
    Warehouse,
    in_thousandths,
)
from models.users import Permission, require


@dataclass(frozen=True, slots=True)
class KitLine:
    item_id: int
    item_name: str
    unit: str
    quantity: Decimal


@dataclass(frozen=True, slots=True)
class Shortfall:
    item_name: str
    unit: str
    required: Decimal
    held: Decimal


@dataclass(frozen=True, slots=True)
class VillageKit:
    village_id: int
    village: str
    town: str
    missing: tuple[Shortfall, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


def set_kit_item(
    *, session: Session, item_id: int, quantity: Decimal | None, village_kind: str = ""
) -> None:
    """Put an item in the kit with its quantity per village (None: take it out)."""
    require(session, Permission.MANAGE_SUPPLY_CATALOGUE)
    if session.get(SupplyItem, item_id) is None:
        raise NotFound(QCoreApplication.translate("Supplies", "This item no longer exists."))
    row = session.get(KitItem, (village_kind, item_id))
    if quantity is None:
        if row is not None:
            session.delete(row)
        return
    if quantity <= 0 or not in_thousandths(quantity):
        raise ValidationError(
            [
                (
                    "quantity",
                    QCoreApplication.translate(
                        "Supplies", "A quantity is a positive number with at most three decimals."
                    ),
                )
            ]
        )
    if row is None:
        session.add(KitItem(village_kind=village_kind, item_id=item_id, quantity=quantity))
    else:
        row.quantity = quantity


def kit(*, session: Session, village_kind: str = "") -> list[KitLine]:
    """The kit's items for villages of a kind ("" for every village), by item code."""
    require(session, Permission.READ_REGISTER)
    rows = session.execute(
        select(SupplyItem.id, SupplyItem.name, SupplyItem.unit, KitItem.quantity)
        .join(KitItem, KitItem.item_id == SupplyItem.id)
        .where(KitItem.village_kind == village_kind)
        .order_by(SupplyItem.code)
    ).all()
    return [KitLine(*row) for row in rows]


def kit_compliance(*, session: Session, today: date | None = None) -> list[VillageKit]:
    """Every village with what it lacks of the kit, by town and village code; available
    stock of its village stores counts, expired stock does not."""
    require(session, Permission.READ_REGISTER)
    template = kit(session=session)
    day = today or local_today()
    town = aliased(Division)
    villages = session.execute(
        select(Division.id, Division.name, town.name)
        .join(town, town.id == Division.parent_id)
        .where(Division.level == "village")
        .order_by(Division.code)
    ).all()
    held: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    if template:
        for village_id, item_id, quantity in session.execute(
            select(Warehouse.division_id, Balance.item_id, func.sum(Balance.quantity))
            .join(Warehouse, Warehouse.id == Balance.warehouse_id)
            .join(Batch, Batch.id == Balance.batch_id)
            .where(
                Warehouse.level == "village",
                Balance.item_id.in_([line.item_id for line in template]),
                Balance.quantity > 0,
                or_(Batch.expiry_date.is_(None), Batch.expiry_date >= day),
            )
            .group_by(Warehouse.division_id, Balance.item_id)
        ):
            held[(village_id or 0, item_id)] = quantity
    result = []
    for village_id, name, town_name in villages:
        missing = tuple(
            Shortfall(line.item_name, line.unit, line.quantity, held[(village_id, line.item_id)])
            for line in template
            if held[(village_id, line.item_id)] < line.quantity
        )
        result.append(VillageKit(village_id, name, town_name, missing))
    return result
