"""Warehouses as places: where each is with its key stock (the map's layer), and the
nearest stock of an item from a place (a village or a point): open warehouses by
straight-line distance, as many as it takes to make up the quantity, counting only
available stock (not expired; goods in transit are at neither warehouse)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from models.areas import Division
from models.geo.distance import great_circle_km
from models.messages import fill
from models.refusals import NotFound, ValidationError
from models.supplies.ledger import local_today, positive_quantity
from models.supplies.tables import Balance, Batch, SupplyItem, Warehouse, plain
from models.users import Permission, require

KEY_STOCK_LINES = 6
"""Lines of key stock a warehouse shows on the map."""
KEY_CATEGORIES = ("lifesaving", "drainage", "power_lighting", "flood_materials", "shelter_living")
"""The categories whose stock is the key stock, in the order shown."""


def _available(today: date) -> object:
    """Balances that count as available: held, and not past their batch's expiry."""
    return (Balance.quantity > 0) & or_(Batch.expiry_date.is_(None), Batch.expiry_date >= today)


# -- the map's layer ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WarehousePlace:
    id: int
    code: str
    name: str
    level: str
    forward_point: bool
    open: bool
    lon: float
    lat: float
    town: str
    village: str
    manager: str
    key_stock: tuple[tuple[str, Decimal, str], ...]  # (item, available, unit)


def warehouse_places(*, session: Session, today: date | None = None) -> list[WarehousePlace]:
    """Every warehouse with a location, its town and village, and its key stock available
    (the largest lines of the key categories, lifesaving first)."""
    require(session, Permission.READ_REGISTER)
    day = today or local_today()
    connection = session.connection()
    divisions = {
        i: (name, level, parent)
        for i, name, level, parent in connection.execute(
            select(Division.id, Division.name, Division.level, Division.parent_id).where(
                Division.level.in_(("town", "village"))
            )
        )
    }
    rank = {category: n for n, category in enumerate(KEY_CATEGORIES)}
    items = {
        i: (name, unit, rank[category])
        for i, name, unit, category in connection.execute(
            select(SupplyItem.id, SupplyItem.name, SupplyItem.unit, SupplyItem.category)
        )
        if category in rank
    }
    held: dict[int, list[tuple[int, str, Decimal, str]]] = {}
    query = (
        select(Balance.warehouse_id, Balance.item_id, func.sum(Balance.quantity))
        .join(Batch, Batch.id == Balance.batch_id)
        .where(_available(day))  # type: ignore[arg-type]
        .group_by(Balance.warehouse_id, Balance.item_id)
    )
    for warehouse_id, item_id, total in session.execute(query):
        found = items.get(item_id)
        if found is None or not total:
            continue
        name, unit, order = found
        held.setdefault(warehouse_id, []).append((order, name, Decimal(total), unit))
    places = []
    for w in session.execute(
        select(
            Warehouse.id,
            Warehouse.code,
            Warehouse.name,
            Warehouse.level,
            Warehouse.forward_point,
            Warehouse.open,
            Warehouse.lon,
            Warehouse.lat,
            Warehouse.division_id,
            Warehouse.manager,
        )
        .where(Warehouse.lon.is_not(None), Warehouse.lat.is_not(None))
        .order_by(Warehouse.code)
    ):
        town, village = _town_village(divisions, w.division_id)
        lines = sorted(held.get(w.id, []), key=lambda line: (line[0], -line[2]))
        places.append(
            WarehousePlace(
                w.id,
                w.code,
                w.name,
                w.level,
                bool(w.forward_point),
                bool(w.open),
                float(w.lon),
                float(w.lat),
                town,
                village,
                w.manager or "",
                tuple(
                    (name, plain(total), unit) for _o, name, total, unit in lines[:KEY_STOCK_LINES]
                ),
            )
        )
    return places


def _town_village(
    divisions: dict[int, tuple[str, str, int | None]], division_id: int | None
) -> tuple[str, str]:
    found = divisions.get(division_id or -1)
    if found is None:
        return "", ""
    name, level, parent = found
    if level == "town":
        return name, ""
    town = divisions.get(parent or -1)
    return (town[0] if town else ""), name


def key_stock_text(place: WarehousePlace) -> str:
    """救生衣 1500件、冲锋舟 8艘 …"""
    return "、".join(f"{name} {total}{unit}" for name, total, unit in place.key_stock)


# -- the nearest stock --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StockSource:
    warehouse_id: int
    warehouse: str
    level: str
    distance_km: float
    available: Decimal
    take: Decimal  # what to ask of it, nearest first, until the quantity is made up
    manager: str


@dataclass(frozen=True, slots=True)
class NearestStock:
    item: str
    unit: str
    asked: Decimal
    place: str
    sources: list[StockSource]  # nearest first: those needed, then up to ``spare`` more
    short: Decimal  # what the whole county cannot supply (0 when enough)

    @property
    def enough(self) -> bool:
        return self.short == 0


def find_item(session: Session, name: str) -> tuple[int, str, str]:
    """(id, name, unit) of the item named by its code or name (a part of a name when that
    names one item only)."""
    text = (name or "").strip()
    rows = session.execute(
        select(SupplyItem.id, SupplyItem.name, SupplyItem.unit, SupplyItem.code).where(
            or_(SupplyItem.code == text, SupplyItem.name == text)
        )
    ).all()
    if not rows and text:
        rows = session.execute(
            select(SupplyItem.id, SupplyItem.name, SupplyItem.unit, SupplyItem.code)
            .where(SupplyItem.name.contains(text, autoescape=True))
            .order_by(SupplyItem.code)
            .limit(6)
        ).all()
    if len(rows) == 1:
        return int(rows[0][0]), rows[0][1], rows[0][2]
    if not rows:
        raise NotFound(
            fill(QCoreApplication.translate("Supplies", "No item of the catalogue is %1."), text)
        )
    raise ValidationError(
        [
            (
                "item",
                fill(
                    QCoreApplication.translate(
                        "Supplies", "%1 names several items: %2. Give the code."
                    ),
                    text,
                    "、".join(f"{r[1]} ({r[3]})" for r in rows),
                ),
            )
        ]
    )


def village_point(session: Session, name: str) -> tuple[str, float, float]:
    """(name, lon, lat) of a village or town named by its code or name (a point inside
    its outline)."""
    text = (name or "").strip()
    rows = session.scalars(
        select(Division)
        .where(or_(Division.code == text, Division.name == text))
        .where(Division.level.in_(("village", "town")))
        .order_by(Division.level.desc(), Division.code)
    ).all()
    villages = [d for d in rows if d.level == "village"] or rows
    if not villages:
        raise NotFound(
            fill(QCoreApplication.translate("Supplies", "No village or town is named %1."), text)
        )
    if len(villages) > 1:
        raise ValidationError(
            [
                (
                    "village",
                    fill(
                        QCoreApplication.translate(
                            "Supplies", "%1 names several villages: %2. Give the code."
                        ),
                        text,
                        "、".join(f"{d.name} ({d.code})" for d in villages),
                    ),
                )
            ]
        )
    division = villages[0]
    shape = division.geometry
    if shape is None:
        raise NotFound(
            fill(
                QCoreApplication.translate("Supplies", "%1 has no outline on the map."),
                division.name,
            )
        )
    point = shape.representative_point()
    return division.name, float(point.x), float(point.y)


def nearest_stock(
    *,
    session: Session,
    item_id: int,
    quantity: Decimal,
    lon: float,
    lat: float,
    place: str = "",
    today: date | None = None,
    spare: int = 2,
    levels: Sequence[str] | None = None,
) -> NearestStock:
    """Where the nearest available stock of ``quantity`` of an item lies from a point:
    open warehouses (of ``levels`` only, when given: a village store holds its village's
    kit) by straight-line distance, as many as it takes (and ``spare`` more for choice),
    each with what it holds available and what to ask of it."""
    require(session, Permission.READ_REGISTER)
    problems: list[tuple[str, str]] = []
    asked = positive_quantity(problems, "quantity", quantity)
    if problems:
        raise ValidationError(problems)
    assert asked is not None
    item = session.execute(
        select(SupplyItem.name, SupplyItem.unit).where(SupplyItem.id == item_id)
    ).first()
    if item is None:
        raise NotFound(QCoreApplication.translate("Supplies", "This item no longer exists."))
    day = today or local_today()
    query = (
        select(
            Warehouse.id,
            Warehouse.name,
            Warehouse.level,
            Warehouse.lon,
            Warehouse.lat,
            Warehouse.manager,
            func.sum(Balance.quantity),
        )
        .join(Balance, Balance.warehouse_id == Warehouse.id)
        .join(Batch, Batch.id == Balance.batch_id)
        .where(
            Balance.item_id == item_id,
            _available(day),  # type: ignore[arg-type]
            Warehouse.open.is_(True),
            Warehouse.lon.is_not(None),
            Warehouse.lat.is_not(None),
        )
        .group_by(
            Warehouse.id,
            Warehouse.name,
            Warehouse.level,
            Warehouse.lon,
            Warehouse.lat,
            Warehouse.manager,
        )
    )
    if levels:
        query = query.where(Warehouse.level.in_(list(levels)))
    rows = session.execute(query).all()
    return choose_sources(
        [
            (
                int(w),
                name,
                level,
                great_circle_km(lon, lat, x or 0.0, y or 0.0),
                Decimal(total),
                manager or "",
            )
            for w, name, level, x, y, manager, total in rows
            if total
        ],
        item[0],
        item[1],
        asked,
        place,
        spare,
    )


def choose_sources(
    found: Sequence[tuple[int, str, str, float, Decimal, str]],
    item: str,
    unit: str,
    asked: Decimal,
    place: str,
    spare: int,
) -> NearestStock:
    """The warehouses (id, name, level, km, available, manager) taken nearest first."""
    left = asked
    sources: list[StockSource] = []
    extra = 0
    for w, name, level, km, available, manager in sorted(found, key=lambda f: (f[3], f[0])):
        if left <= 0:
            if extra >= spare:
                break
            extra += 1
        take = min(left, available) if left > 0 else Decimal(0)
        left -= take
        sources.append(
            StockSource(w, name, level, round(km, 3), plain(available), plain(take), manager)
        )
    return NearestStock(item, unit, plain(asked), place, sources, plain(max(left, Decimal(0))))


def parse_quantity(text: str) -> Decimal:
    """A quantity typed on the command line (50, 1.5, 12000), refused with InvalidValue."""
    from models.refusals import InvalidValue

    problems: list[tuple[str, str]] = []
    try:
        number = Decimal(text.strip().replace(",", ""))
    except ArithmeticError:
        number = Decimal("NaN")
    value = positive_quantity(problems, "quantity", number)
    if value is None:
        raise InvalidValue(problems[0][1])
    return value


def parse_point(text: str) -> tuple[float, float]:
    """LON,LAT within China (WGS84), refused with InvalidValue."""
    from models.fields import FieldChecker
    from models.refusals import InvalidValue

    parts = [p for p in text.replace("，", ",").split(",")]
    checker = FieldChecker()
    point = checker.point(*parts) if len(parts) == 2 else None
    if point is None or checker.problems:
        reason = checker.problems[0][1] if checker.problems else ""
        raise InvalidValue(
            fill(
                QCoreApplication.translate(
                    "Supplies", "A point is LON,LAT in degrees, such as 121.38,28.37. %1"
                ),
                reason,
            ).strip()
        )
    return point
