"""``export supplies-stock``: the stock as a workbook, two sheets. 按仓库: a row per
warehouse and item (on hand, expired, available, expiring soon, minimum and whether below
it, sent and coming in transit), warehouses in code order; 按物资: the county's stock per
item over every warehouse (transfers in transit counted once, available nowhere) with the
number of warehouses holding it, then a total row of the items held. No personal numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.clock import display_time
from models.exports.sheet import (
    add_sheet,
    body_row,
    column_widths,
    header_row,
    new_workbook,
    print_setup,
    save,
    title_row,
)
from models.messages import fill
from models.supplies.catalogue import CATEGORIES, WAREHOUSE_LEVEL_LABELS
from models.supplies.stock import DEFAULT_EXPIRY_DAYS, county_stock_by_item, stock
from models.supplies.tables import SupplyItem, Warehouse
from models.users import Permission, require

WAREHOUSE_HEADER = (
    "序号",
    "仓库编码",
    "仓库名称",
    "级别",
    "物资编码",
    "物资名称",
    "规格型号",
    "单位",
    "库存",
    "已过期",
    "可用",
    "即将到期",
    "最低库存",
    "低于最低库存",
    "调出在途",
    "调入在途",
)
ITEM_HEADER = (
    "序号",
    "物资编码",
    "物资名称",
    "类别",
    "规格型号",
    "单位",
    "库存",
    "已过期",
    "可用",
    "即将到期",
    "调拨在途",
    "存放仓库数",
)


@dataclass(frozen=True)
class StockExport:
    path: Path
    rows: int  # rows of the by-warehouse sheet
    items: int  # rows of the by-item sheet


def _number(value: Decimal | None) -> object:
    """A quantity as a number cell: whole numbers as int, others as float, none blank."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def export_stock(
    *,
    session: Session,
    path: str | Path,
    today: date | None = None,
    expiry_days: int = DEFAULT_EXPIRY_DAYS,
) -> StockExport:
    """The stock by warehouse and by item, in one workbook."""
    require(session, Permission.READ_REGISTER)
    at = display_time(utcnow())
    warehouses = {
        w.id: (w.code, w.name, w.level)
        for w in session.scalars(select(Warehouse).order_by(Warehouse.code))
    }
    order = {w: n for n, w in enumerate(warehouses)}
    items = {i.id: (i.specification or "", i.category) for i in session.scalars(select(SupplyItem))}
    by_warehouse = sorted(
        stock(session=session, today=today, expiry_days=expiry_days),
        key=lambda r: (order.get(r.warehouse_id, len(order)), r.item_code),
    )
    by_item = county_stock_by_item(session=session, today=today, expiry_days=expiry_days)
    holding: dict[int, int] = {}
    for r in by_warehouse:
        if r.on_hand > 0:
            holding[r.item_id] = holding.get(r.item_id, 0) + 1

    workbook, sheet = new_workbook("按仓库", write_only=len(by_warehouse) > 20_000)
    title_row(
        sheet,
        fill(QCoreApplication.translate("SupplyExport", "Stock by warehouse (%1)"), at),
        span=len(WAREHOUSE_HEADER),
    )
    header = header_row(sheet, WAREHOUSE_HEADER)
    for n, r in enumerate(by_warehouse, start=1):
        code, name, level = warehouses.get(r.warehouse_id, ("", "", ""))
        body_row(
            sheet,
            [
                n,
                code,
                name,
                QCoreApplication.translate("Supplies", WAREHOUSE_LEVEL_LABELS.get(level, level)),
                r.item_code,
                r.item_name,
                items.get(r.item_id, ("", ""))[0],
                r.unit,
                _number(r.on_hand),
                _number(r.expired),
                _number(r.available),
                _number(r.expiring),
                _number(r.minimum),
                "是" if r.below_minimum else "",
                _number(r.in_transit_out),
                _number(r.in_transit_in),
            ],
        )
    column_widths(sheet, (7, 12, 24, 12, 12, 20, 16, 6, 11, 9, 11, 9, 9, 8, 9, 9))
    print_setup(sheet, header=header)

    other = add_sheet(workbook, "按物资")
    title_row(
        other,
        fill(QCoreApplication.translate("SupplyExport", "County stock by item (%1)"), at),
        span=len(ITEM_HEADER),
    )
    header2 = header_row(other, ITEM_HEADER)
    for n, r in enumerate(by_item, start=1):
        specification, category = items.get(r.item_id, ("", ""))
        body_row(
            other,
            [
                n,
                r.item_code,
                r.item_name,
                QCoreApplication.translate("Supplies", CATEGORIES.get(category, category)),
                specification,
                r.unit,
                _number(r.on_hand),
                _number(r.expired),
                _number(r.available),
                _number(r.expiring),
                _number(r.in_transit_out),
                holding.get(r.item_id, 0),
            ],
        )
    body_row(
        other,
        ["合计", f"{sum(1 for r in by_item if r.on_hand > 0)}种"] + [""] * (len(ITEM_HEADER) - 2),
    )
    column_widths(other, (7, 12, 22, 14, 16, 6, 11, 9, 11, 9, 9, 9))
    print_setup(other, header=header2)
    path = save(workbook, path)
    return StockExport(path, len(by_warehouse), len(by_item))
