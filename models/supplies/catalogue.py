"""Warehouses and the catalogue: hand entry and import share the checks here; rows out are
plain frozen dataclasses, phones masked for roles that may not see personal numbers."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.fields import FieldChecker, Range
from models.messages import QT_TRANSLATE_NOOP, fill
from models.privacy import phone_masker
from models.supplies.classes import known_classes
from models.supplies.tables import Batch, MovementLine, SupplyItem, Warehouse, in_thousandths
from models.users import Permission, require

WAREHOUSE_LEVEL_LABELS = {
    "county": QT_TRANSLATE_NOOP("Supplies", "County warehouse"),
    "town": QT_TRANSLATE_NOOP("Supplies", "Town warehouse"),
    "village": QT_TRANSLATE_NOOP("Supplies", "Village store"),
    "agreement": QT_TRANSLATE_NOOP("Supplies", "Agreement storage"),
}
CATEGORIES = {
    "lifesaving": QT_TRANSLATE_NOOP("Supplies", "Lifesaving"),
    "flood_materials": QT_TRANSLATE_NOOP("Supplies", "Flood-fighting materials"),
    "drainage": QT_TRANSLATE_NOOP("Supplies", "Drainage"),
    "power_lighting": QT_TRANSLATE_NOOP("Supplies", "Power and lighting"),
    "shelter_living": QT_TRANSLATE_NOOP("Supplies", "Shelter and living"),
    "communications": QT_TRANSLATE_NOOP("Supplies", "Communications"),
    "other": QT_TRANSLATE_NOOP("Supplies", "Other"),
}
UNITS: tuple[str, ...] = ("艘", "件", "条", "台", "顶", "只", "套", "个", "张", "床", "箱")
UNITS += ("根", "卷", "把", "块", "盏", "部", "双", "m²", "m³", "m", "kg", "t", "L")
"""The units the catalogue offers; another short unit may be typed."""

_STANDARD_CODE = re.compile(r"^[123]\d{6}$")
CODE_LIMIT, NAME_LIMIT, UNIT_LIMIT = 24, 60, 10
MAX_SHELF_LIFE_DAYS = 36_500


def standard_code_problem(code: str) -> str | None:
    """Why ``code`` is no GB/T 38565-2020 code by its structure (7 digits in four levels
    1+2+2+2, top class 1 to 3, no level after one left at 00), None when it may be one.
    The standard's own table is not consulted here: codes are never invented."""
    if not _STANDARD_CODE.match(code):
        return QCoreApplication.translate(
            "Supplies",
            "A GB/T 38565-2020 code has 7 digits (1+2+2+2), the first 1, 2 or 3, such as 2010101.",
        )
    levels = [code[1:3], code[3:5], code[5:7]]
    for upper, lower in itertools.pairwise(levels):
        if upper == "00" and lower != "00":
            return QCoreApplication.translate(
                "Supplies", "A level of a GB/T 38565-2020 code follows a level left at 00."
            )
    return None


def quantity_value(value: object) -> Decimal | None:
    """A number with at most three decimals as a Decimal, None when it is not one."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    if not number.is_finite() or not in_thousandths(number):
        return None
    return number


# -- warehouses -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WarehouseFields:
    """A warehouse as entered or imported, before it is checked."""

    code: str | None
    name: str | None
    level: str | None = "county"
    division_id: int | None = None
    forward_point: bool = False
    supplier: str | None = None
    address: str | None = None
    lon: float | str | None = None
    lat: float | str | None = None
    manager: str | None = None
    manager_phone: str | None = None
    contact: str | None = None
    contact_phone: str | None = None
    open: bool = True
    note: str | None = None


@dataclass(frozen=True, slots=True)
class WarehouseRow:
    id: int
    code: str
    name: str
    level: str
    division_id: int | None
    forward_point: bool
    supplier: str | None
    address: str | None
    lon: float | None
    lat: float | None
    manager: str | None
    manager_phone: str | None  # masked unless the reader may see personal numbers
    contact: str | None
    contact_phone: str | None  # masked likewise
    open: bool


def check_warehouse(checker: FieldChecker, fields: WarehouseFields) -> dict[str, object]:
    """The warehouse's cleaned values; problems go into ``checker``."""
    point = checker.point(fields.lon, fields.lat)
    level = checker.code(
        "level",
        fields.level or "county",
        WAREHOUSE_LEVEL_LABELS,
        fill(QCoreApplication.translate("Supplies", "Unknown warehouse level: %1"), fields.level),
    )
    supplier = checker.text("supplier", fields.supplier, 80)
    if level == "agreement" and not supplier:
        checker.add(
            "supplier",
            QCoreApplication.translate(
                "Supplies", "Agreement storage names the supplier that keeps the goods."
            ),
        )
    return {
        "code": checker.text(
            "code",
            fields.code,
            CODE_LIMIT,
            QCoreApplication.translate("Supplies", "Give the warehouse's code."),
        ),
        "name": checker.text(
            "name",
            fields.name,
            80,
            QCoreApplication.translate("Supplies", "Give the warehouse's name."),
        ),
        "level": level,
        "division_id": fields.division_id,
        "forward_point": bool(fields.forward_point),
        "supplier": supplier,
        "address": checker.text("address", fields.address, 120),
        "lon": point[0] if point else None,
        "lat": point[1] if point else None,
        "manager": checker.text("manager", fields.manager, 30),
        "manager_phone": checker.phone("manager_phone", fields.manager_phone),
        "contact": checker.text("contact", fields.contact, 30),
        "contact_phone": checker.phone("contact_phone", fields.contact_phone),
        "open": bool(fields.open),
        "note": checker.text("note", fields.note, 500),
    }


def save_warehouse(
    *, session: Session, fields: WarehouseFields, warehouse_id: int | None = None
) -> WarehouseRow:
    """Add a warehouse (``warehouse_id`` None) or change one; a code or name taken by
    another warehouse is refused."""
    require(session, Permission.MANAGE_SUPPLY_CATALOGUE)
    checker = FieldChecker()
    values = check_warehouse(checker, fields)
    for column, message in (
        (Warehouse.code, QT_TRANSLATE_NOOP("Supplies", "The code %1 is another warehouse's.")),
        (Warehouse.name, QT_TRANSLATE_NOOP("Supplies", "The name %1 is another warehouse's.")),
    ):
        value = values[column.key]
        if value is None:
            continue
        taken = session.scalar(select(Warehouse.id).where(column == value))
        if taken is not None and taken != warehouse_id:
            checker.add(column.key, fill(QCoreApplication.translate("Supplies", message), value))
    warehouse = session.get(Warehouse, warehouse_id) if warehouse_id is not None else Warehouse()
    if warehouse is None:
        checker.add("", QCoreApplication.translate("Supplies", "This warehouse no longer exists."))
    checker.done()
    assert warehouse is not None
    for key, value in values.items():
        setattr(warehouse, key, value)
    session.add(warehouse)
    session.flush()
    return warehouse_row(warehouse, phone_masker(session))


def list_warehouses(*, session: Session, open_only: bool = False) -> list[WarehouseRow]:
    """Every warehouse by code (the open ones only when asked)."""
    require(session, Permission.READ_REGISTER)
    mask = phone_masker(session)
    query = select(Warehouse).order_by(Warehouse.code)
    if open_only:
        query = query.where(Warehouse.open.is_(True))
    return [warehouse_row(w, mask) for w in session.scalars(query)]


def warehouse_row(w: Warehouse, mask: Callable[[str | None], str | None]) -> WarehouseRow:
    return WarehouseRow(
        w.id,
        w.code,
        w.name,
        w.level,
        w.division_id,
        w.forward_point,
        w.supplier,
        w.address,
        w.lon,
        w.lat,
        w.manager,
        mask(w.manager_phone),
        w.contact,
        mask(w.contact_phone),
        w.open,
    )


# -- catalogue --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemFields:
    """An item as entered or imported, before it is checked."""

    code: str | None
    name: str | None
    category: str | None
    unit: str | None
    specification: str | None = None
    rating: object = None
    rating_unit: str | None = None
    shelf_life_days: object = None
    returnable: bool = False
    standard_code: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ItemRow:
    id: int
    code: str
    name: str
    category: str
    specification: str | None
    unit: str
    rating: Decimal | None
    rating_unit: str | None
    shelf_life_days: int | None
    returnable: bool
    standard_code: str | None


def check_item(
    checker: FieldChecker, fields: ItemFields, classes: frozenset[str] | None = None
) -> dict[str, object]:
    """The item's cleaned values; problems go into ``checker``. ``classes``: the codes of
    the imported GB/T 38565-2020 class table (``classes.known_classes``), None while none is
    imported (the code is then checked by its structure only)."""
    standard = (fields.standard_code or "").strip() or None
    if standard is not None:
        problem = standard_code_problem(standard)
        if problem is None and classes is not None and standard not in classes:
            problem = fill(
                QCoreApplication.translate(
                    "Supplies",
                    "%1 is not in the imported GB/T 38565-2020 class table (import item-classes).",
                ),
                standard,
            )
        if problem:
            checker.add("standard_code", problem)
    rating: Decimal | None = None
    rating_unit = checker.text("rating_unit", fields.rating_unit, UNIT_LIMIT)
    if fields.rating is not None and str(fields.rating).strip():
        rating = quantity_value(fields.rating)
        if rating is None or rating <= 0 or rating > 1_000_000:
            checker.add(
                "rating",
                QCoreApplication.translate(
                    "Supplies", "A rating is a positive number, such as 500 (m³/h) or 30 (kW)."
                ),
            )
            rating = None
        elif rating_unit is None:
            checker.add(
                "rating_unit",
                QCoreApplication.translate("Supplies", "Give the rating's unit, such as kW."),
            )
    shelf_life: int | None = None
    if fields.shelf_life_days is not None and str(fields.shelf_life_days).strip():
        shelf_life = checker.count(
            "shelf_life_days",
            fields.shelf_life_days,
            Range(1, MAX_SHELF_LIFE_DAYS),
            QCoreApplication.translate("Supplies", "A shelf life is a whole number of days."),
        )
    return {
        "code": checker.text(
            "code",
            fields.code,
            CODE_LIMIT,
            QCoreApplication.translate("Supplies", "Give the item's code."),
        ),
        "name": checker.text(
            "name",
            fields.name,
            NAME_LIMIT,
            QCoreApplication.translate("Supplies", "Give the item's name."),
        ),
        "category": checker.code(
            "category",
            fields.category,
            CATEGORIES,
            fill(QCoreApplication.translate("Supplies", "Unknown category: %1"), fields.category),
        ),
        "specification": checker.text("specification", fields.specification, 80),
        "unit": checker.text(
            "unit",
            fields.unit,
            UNIT_LIMIT,
            QCoreApplication.translate("Supplies", "Give the unit, such as 件 or 台."),
        ),
        "rating": rating,
        "rating_unit": rating_unit if rating is not None else None,
        "shelf_life_days": shelf_life,
        "returnable": bool(fields.returnable),
        "standard_code": standard,
        "note": checker.text("note", fields.note, 500),
    }


def save_item(*, session: Session, fields: ItemFields, item_id: int | None = None) -> ItemRow:
    """Add an item to the catalogue (``item_id`` None) or change one; a code taken by
    another item is refused, and so is another unit for an item already in stock."""
    require(session, Permission.MANAGE_SUPPLY_CATALOGUE)
    checker = FieldChecker()
    values = check_item(checker, fields, known_classes(session))
    if values["code"] is not None:
        taken = session.scalar(select(SupplyItem.id).where(SupplyItem.code == values["code"]))
        if taken is not None and taken != item_id:
            checker.add(
                "code",
                fill(
                    QCoreApplication.translate("Supplies", "The code %1 is another item's."),
                    values["code"],
                ),
            )
    item = session.get(SupplyItem, item_id) if item_id is not None else SupplyItem()
    if item is None:
        checker.add("", QCoreApplication.translate("Supplies", "This item no longer exists."))
    elif item_id is not None and values["unit"] not in (None, item.unit):
        used = session.scalar(
            select(MovementLine.id)
            .join(Batch, Batch.id == MovementLine.batch_id)
            .where(Batch.item_id == item_id)
            .limit(1)
        )
        if used is not None:
            checker.add(
                "unit",
                fill(
                    QCoreApplication.translate(
                        "Supplies",
                        "The item's movements are counted in %1: its unit cannot change.",
                    ),
                    item.unit,
                ),
            )
    checker.done()
    assert item is not None
    for key, value in values.items():
        setattr(item, key, value)
    session.add(item)
    session.flush()
    return item_row(item)


def list_items(*, session: Session) -> list[ItemRow]:
    """The catalogue by code."""
    require(session, Permission.READ_REGISTER)
    return [item_row(i) for i in session.scalars(select(SupplyItem).order_by(SupplyItem.code))]


def item_row(i: SupplyItem) -> ItemRow:
    return ItemRow(
        i.id,
        i.code,
        i.name,
        i.category,
        i.specification,
        i.unit,
        i.rating,
        i.rating_unit,
        i.shelf_life_days,
        i.returnable,
        i.standard_code,
    )
