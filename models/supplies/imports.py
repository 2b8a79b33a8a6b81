"""``import warehouses|items|stock FILE``: the county's warehouse list (locations in WGS84,
GCJ-02 or BD-09 as ``--crs`` says), its catalogue, and opening balances, from spreadsheets
with Chinese headers. Each file is checked whole first and written all or nothing (or its
valid rows only, when asked).

Opening balances are receipts (one per warehouse, reason 期初库存): the ledger stays the
only way stock changes. Quantities may carry their unit (``50件``, ``1.2万条``); a unit
that disagrees with the catalogue's is refused, never converted."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from models.areas import Division
from models.fields import FieldChecker
from models.geo.crs import to_wgs84
from models.imports.framework import ImportSteps, Writer, repeated
from models.imports.spreadsheet import Column, Table, read_table
from models.messages import fill
from models.supplies.catalogue import (
    CATEGORIES,
    WAREHOUSE_LEVEL_LABELS,
    ItemFields,
    WarehouseFields,
    check_item,
    check_warehouse,
)
from models.supplies.cells import (
    CellProblem,
    parse_date,
    parse_flag,
    parse_quantity,
    parse_shelf_life,
    unit_key,
)
from models.supplies.classes import known_classes
from models.supplies.ledger import MAX_QUANTITY, add_line, find_batch, lock_warehouses, new_movement
from models.supplies.tables import Balance, SupplyItem, Warehouse, in_thousandths

OPENING_REASON = "期初库存导入"

_LEVEL_WORDS = {
    "县级": "county",
    "县": "county",
    "县级仓库": "county",
    "乡镇": "town",
    "镇级": "town",
    "乡镇级": "town",
    "镇": "town",
    "街道": "town",
    "村级": "village",
    "村": "village",
    "社区": "village",
    "村级储备点": "village",
    "协议代储": "agreement",
    "代储": "agreement",
    "协议储备": "agreement",
}
_CATEGORY_WORDS = {
    "救生类": "lifesaving",
    "救生": "lifesaving",
    "生命救助": "lifesaving",
    "抢险物料": "flood_materials",
    "防汛物料": "flood_materials",
    "抢险器材": "flood_materials",
    "排涝": "drainage",
    "排涝类": "drainage",
    "排水": "drainage",
    "电力照明": "power_lighting",
    "照明": "power_lighting",
    "动力照明": "power_lighting",
    "安置生活": "shelter_living",
    "生活类": "shelter_living",
    "生活保障": "shelter_living",
    "通信": "communications",
    "通讯": "communications",
    "其他": "other",
}


def _code_for(words: Mapping[str, str], labels: Mapping[str, str], text: str) -> str:
    """A code from the county's word, our Chinese label, or the code itself."""
    if text in words:
        return words[text]
    for code, label in labels.items():
        if text in (code, label, QCoreApplication.translate("Supplies", label)):
            return code
    return text


def _cell_problem(table: Table, row: Any, key: str, reason: str) -> Any:
    return table.problem(row, key, table.text(row, key), reason)


# -- warehouses -------------------------------------------------------------------

WAREHOUSE_COLUMNS = (
    Column("code", ("仓库编码", "编码", "仓库代码", "code"), required=True),
    Column("name", ("仓库名称", "名称", "仓库", "储备点名称", "name"), required=True),
    Column("level", ("级别", "仓库级别", "类别", "level")),
    Column("division", ("所属区划代码", "区划代码", "所属乡镇村代码", "division")),
    Column("forward_point", ("前置点", "是否前置点", "forward point")),
    Column("supplier", ("代储单位", "协议单位", "供应商", "supplier")),
    Column("address", ("地址", "详细地址", "位置", "address")),
    Column("lon", ("经度", "lon", "longitude")),
    Column("lat", ("纬度", "lat", "latitude")),
    Column("manager", ("管理员", "负责人", "仓库管理员", "manager")),
    Column("manager_phone", ("管理员电话", "负责人电话", "电话", "manager phone")),
    Column("contact", ("联系人", "contact")),
    Column("contact_phone", ("联系人电话", "联系电话", "手机", "contact phone")),
    Column("open", ("启用", "状态", "是否启用", "open")),
    Column("note", ("备注", "note")),
)


@dataclass
class Plan:
    rows: list[tuple[int | None, dict[str, object]]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)


def _duplicates(table: Table, keys: list[str | None], column: str, report: Any) -> set[int]:
    refused: set[int] = set()
    for key, positions in repeated(keys).items():
        if not key:
            continue
        report.add(
            table.problem(
                table.rows[positions[0]],
                column,
                key,
                fill(
                    QCoreApplication.translate("Supplies", "%1 appears more than once (rows %2)."),
                    key,
                    "、".join(str(table.rows[p].number) for p in positions),
                ),
            )
        )
        refused.update(positions)
    return refused


class WarehouseSteps(ImportSteps[Table, Plan]):
    audit_table = "supply_warehouses"

    @staticmethod
    def reader(path: Path, options: Mapping[str, Any]) -> Table:
        return read_table(path, WAREHOUSE_COLUMNS)

    def rows(self, source: Table) -> int:
        return len(source.rows)

    def validate(self, source: Table) -> Plan | None:
        session, report = self.job.session, self.job.report
        report.rows_read, report.rows_skipped = len(source.rows), source.skipped
        crs = self.job.options.get("crs") or "wgs84"
        existing = {w.code: w for w in session.scalars(select(Warehouse))}
        names = {w.name: w.code for w in existing.values()}
        divisions = dict(session.execute(select(Division.code, Division.id)).all())
        refused = _duplicates(
            source, [source.text(r, "code") for r in source.rows], "code", report
        ) | _duplicates(source, [source.text(r, "name") for r in source.rows], "name", report)
        plan = Plan()
        for position, row in enumerate(source.rows):
            self.job.check_cancel()
            checker = FieldChecker()
            flags: dict[str, bool] = {}
            for key, default in (("forward_point", False), ("open", True)):
                try:
                    flag = parse_flag(source.cell(row, key)) if source.has(key) else None
                except CellProblem:
                    checker.add(key, QCoreApplication.translate("Supplies", "Write 是 or 否."))
                    flag = None
                flags[key] = default if flag is None else flag
            division_code = source.text(row, "division")
            division_id = divisions.get(division_code) if division_code else None
            if division_code and division_id is None:
                checker.add(
                    "division",
                    fill(
                        QCoreApplication.translate("Supplies", "No division has the code %1."),
                        division_code,
                    ),
                )
            level_text = source.text(row, "level")
            fields = WarehouseFields(
                code=source.text(row, "code"),
                name=source.text(row, "name"),
                level=_code_for(_LEVEL_WORDS, WAREHOUSE_LEVEL_LABELS, level_text)
                if level_text
                else "county",
                division_id=division_id,
                forward_point=flags["forward_point"],
                supplier=source.text(row, "supplier"),
                address=source.text(row, "address"),
                lon=source.text(row, "lon"),
                lat=source.text(row, "lat"),
                manager=source.text(row, "manager"),
                manager_phone=source.text(row, "manager_phone"),
                contact=source.text(row, "contact"),
                contact_phone=source.text(row, "contact_phone"),
                open=flags["open"],
                note=source.text(row, "note"),
            )
            values = check_warehouse(checker, fields)
            if values["lon"] is not None and values["lat"] is not None:
                lon, lat = to_wgs84(float(values["lon"]), float(values["lat"]), crs)  # type: ignore[arg-type]
                values["lon"], values["lat"] = round(lon, 7), round(lat, 7)
            owner = names.get(str(values["name"]))
            if owner is not None and owner != values["code"]:
                checker.add(
                    "name",
                    fill(
                        QCoreApplication.translate(
                            "Supplies", "The name %1 is another warehouse's."
                        ),
                        values["name"],
                    ),
                )
            if checker.problems:
                for key, message in checker.problems:
                    report.add(_cell_problem(source, row, key, message))
                continue
            if position in refused:
                continue
            found = existing.get(str(values["code"]))
            if found is None:
                report.inserted += 1
                plan.rows.append((None, values))
            elif all(getattr(found, k) == v for k, v in values.items()):
                report.unchanged += 1
            else:
                report.updated += 1
                plan.rows.append((found.id, values))
        return plan

    def write(self, plan: Plan, writer: Writer) -> int:
        return _write_rows(self.job.session, Warehouse, plan, writer)


def _write_rows(session: Any, model: Any, plan: Plan, writer: Writer) -> int:
    written = 0
    for batch in writer.batches(plan.rows, 200):
        for row_id, values in batch:
            record = session.get(model, row_id) if row_id is not None else model()
            for key, value in values.items():
                setattr(record, key, value)
            session.add(record)
            written += 1
        session.flush()
    return written


# -- items ------------------------------------------------------------------------

ITEM_COLUMNS = (
    Column("code", ("物资编码", "编码", "物资代码", "code"), required=True),
    Column("name", ("物资名称", "名称", "品名", "name"), required=True),
    Column("category", ("类别", "物资类别", "分类", "category"), required=True),
    Column("specification", ("规格型号", "规格", "型号", "specification")),
    Column("unit", ("计量单位", "单位", "unit"), required=True),
    Column("rating", ("额定值", "额定功率/流量", "功率/流量", "rating")),
    Column("rating_unit", ("额定单位", "rating unit")),
    Column("shelf_life", ("保质期", "有效期限", "保质期(天)", "shelf life")),
    Column("returnable", ("可归还", "是否归还", "需归还", "returnable")),
    Column("standard_code", ("国标编码", "GB/T 38565编码", "分类编码", "standard code")),
    Column("note", ("备注", "note")),
)


class ItemSteps(ImportSteps[Table, Plan]):
    audit_table = "supply_items"

    @staticmethod
    def reader(path: Path, options: Mapping[str, Any]) -> Table:
        return read_table(path, ITEM_COLUMNS)

    def rows(self, source: Table) -> int:
        return len(source.rows)

    def validate(self, source: Table) -> Plan | None:
        session, report = self.job.session, self.job.report
        report.rows_read, report.rows_skipped = len(source.rows), source.skipped
        existing = {i.code: i for i in session.scalars(select(SupplyItem))}
        classes = known_classes(session)
        refused = _duplicates(source, [source.text(r, "code") for r in source.rows], "code", report)
        plan = Plan()
        for position, row in enumerate(source.rows):
            self.job.check_cancel()
            checker = FieldChecker()
            try:
                shelf_life: object = parse_shelf_life(source.cell(row, "shelf_life"))
            except CellProblem:
                checker.add(
                    "shelf_life",
                    QCoreApplication.translate(
                        "Supplies", "Write a shelf life as 365, 365天, 18个月 or 5年."
                    ),
                )
                shelf_life = None
            try:
                returnable = parse_flag(source.cell(row, "returnable")) or False
            except CellProblem:
                checker.add("returnable", QCoreApplication.translate("Supplies", "Write 是 or 否."))
                returnable = False
            rating_text = source.text(row, "rating")
            rating_unit = source.text(row, "rating_unit") or None
            rating: object = rating_text or None
            if rating_text:
                try:
                    written = parse_quantity(source.cell(row, "rating"))
                except CellProblem:
                    written = None
                    checker.add(
                        "rating",
                        QCoreApplication.translate(
                            "Supplies",
                            "A rating is a positive number, such as 500 (m³/h) or 30 (kW).",
                        ),
                    )
                if written is not None:
                    rating = written.quantity
                    rating_unit = rating_unit or (written.unit if written.unit else None)
            category = source.text(row, "category")
            unit = source.text(row, "unit")
            fields = ItemFields(
                code=source.text(row, "code"),
                name=source.text(row, "name"),
                category=_code_for(_CATEGORY_WORDS, CATEGORIES, category) if category else None,
                unit=unit_key(unit) if unit else None,
                specification=source.text(row, "specification"),
                rating=rating if not checker.problems else None,
                rating_unit=rating_unit,
                shelf_life_days=shelf_life,
                returnable=returnable,
                standard_code=source.text(row, "standard_code"),
                note=source.text(row, "note"),
            )
            values = check_item(checker, fields, classes)
            found = existing.get(str(values["code"]))
            if (
                found is not None
                and values["unit"] is not None
                and values["unit"] != found.unit
                and _has_movements(session, found.id)
            ):
                checker.add(
                    "unit",
                    fill(
                        QCoreApplication.translate(
                            "Supplies",
                            "The item's movements are counted in %1: its unit cannot change.",
                        ),
                        found.unit,
                    ),
                )
            if checker.problems:
                for key, message in checker.problems:
                    column = {"shelf_life_days": "shelf_life"}.get(key, key)
                    report.add(_cell_problem(source, row, column, message))
                continue
            if position in refused:
                continue
            if found is None:
                report.inserted += 1
                plan.rows.append((None, values))
            elif all(getattr(found, k) == v for k, v in values.items()):
                report.unchanged += 1
            else:
                report.updated += 1
                plan.rows.append((found.id, values))
        return plan

    def write(self, plan: Plan, writer: Writer) -> int:
        return _write_rows(self.job.session, SupplyItem, plan, writer)


def _has_movements(session: Any, item_id: int) -> bool:
    return (
        session.scalar(select(Balance.item_id).where(Balance.item_id == item_id).limit(1))
        is not None
    )


# -- opening stock ----------------------------------------------------------------

STOCK_COLUMNS = (
    Column("warehouse", ("仓库", "仓库名称", "仓库编码", "储备点", "warehouse"), required=True),
    Column("item", ("物资", "物资名称", "物资编码", "品名", "item"), required=True),
    Column("quantity", ("数量", "库存数量", "库存", "quantity"), required=True),
    Column("unit", ("单位", "计量单位", "unit")),
    Column("lot", ("批号", "批次", "lot")),
    Column("production_date", ("生产日期", "production date")),
    Column("expiry_date", ("有效期至", "失效日期", "到期日期", "有效期", "expiry date")),
)


@dataclass
class StockPlan:
    # warehouse id -> [(item id, quantity, lot, production date, expiry date)]
    lines: dict[int, list[tuple[int, Decimal, str, date | None, date | None]]] = field(
        default_factory=dict
    )

    def __len__(self) -> int:
        return sum(len(v) for v in self.lines.values())


class StockSteps(ImportSteps[Table, StockPlan]):
    audit_table = "supply_movements"

    @staticmethod
    def reader(path: Path, options: Mapping[str, Any]) -> Table:
        return read_table(path, STOCK_COLUMNS)

    def rows(self, source: Table) -> int:
        return len(source.rows)

    def validate(self, source: Table) -> StockPlan | None:
        session, report = self.job.session, self.job.report
        report.rows_read, report.rows_skipped = len(source.rows), source.skipped
        warehouses: dict[str, tuple[int, bool]] = {}
        for w in session.scalars(select(Warehouse)):
            warehouses[w.code] = warehouses[w.name] = (w.id, w.open)
        items: dict[str, SupplyItem] = {}
        for i in session.scalars(select(SupplyItem)):
            items[i.code] = i
            items.setdefault(i.name, i)  # a name shared by two items is given by code
        plan = StockPlan()
        for row in source.rows:
            self.job.check_cancel()
            problems: list[tuple[str, str]] = []
            warehouse_text = source.text(row, "warehouse")
            warehouse = warehouses.get(warehouse_text)
            if warehouse is None:
                problems.append(
                    (
                        "warehouse",
                        fill(
                            QCoreApplication.translate(
                                "Supplies",
                                "No warehouse has the code or name %1: import the warehouses first.",
                            ),
                            warehouse_text,
                        ),
                    )
                )
            elif not warehouse[1]:
                problems.append(
                    (
                        "warehouse",
                        fill(
                            QCoreApplication.translate(
                                "Supplies", "The warehouse %1 is closed: it takes no goods."
                            ),
                            warehouse_text,
                        ),
                    )
                )
            item_text = source.text(row, "item")
            item = items.get(item_text)
            if item is None:
                problems.append(
                    (
                        "item",
                        fill(
                            QCoreApplication.translate(
                                "Supplies",
                                "No item of the catalogue has the code or name %1: import the catalogue first.",
                            ),
                            item_text,
                        ),
                    )
                )
            quantity = self._quantity(source, row, item, problems)
            dates: list[date | None] = []
            for key, end in (("production_date", False), ("expiry_date", True)):
                try:
                    dates.append(parse_date(source.cell(row, key), end_of_month=end))
                except CellProblem:
                    dates.append(None)
                    problems.append(
                        (
                            key,
                            QCoreApplication.translate(
                                "Supplies", "Not a date: write it as 2026-08-01 or 2026年8月1日."
                            ),
                        )
                    )
            produced, expires = dates
            if produced and expires and expires < produced:
                problems.append(
                    (
                        "expiry_date",
                        QCoreApplication.translate(
                            "Supplies", "The expiry date lies before the production date."
                        ),
                    )
                )
            if produced and not 1950 <= produced.year <= 2100:
                problems.append(
                    ("production_date", QCoreApplication.translate("Supplies", "Not plausible."))
                )
            if expires and not 1950 <= expires.year <= 2200:
                problems.append(
                    ("expiry_date", QCoreApplication.translate("Supplies", "Not plausible."))
                )
            lot = source.text(row, "lot")
            if len(lot) > 40:
                problems.append(
                    (
                        "lot",
                        QCoreApplication.translate("Supplies", "Too long: at most 40 characters."),
                    )
                )
            if problems:
                for key, message in problems:
                    report.add(_cell_problem(source, row, key, message))
                continue
            assert warehouse is not None and item is not None and quantity is not None
            if expires is None and produced is not None and item.shelf_life_days:
                expires = produced + timedelta(days=item.shelf_life_days)
            plan.lines.setdefault(warehouse[0], []).append(
                (item.id, quantity, lot, produced, expires)
            )
            report.inserted += 1
        return plan

    @staticmethod
    def _quantity(
        source: Table, row: Any, item: SupplyItem | None, problems: list[tuple[str, str]]
    ) -> Decimal | None:
        try:
            written = parse_quantity(source.cell(row, "quantity"))
        except CellProblem:
            problems.append(
                (
                    "quantity",
                    QCoreApplication.translate(
                        "Supplies", "Not a quantity: write it as 50, 50件 or 1.2万条."
                    ),
                )
            )
            return None
        if written is None:
            problems.append(
                ("quantity", QCoreApplication.translate("Supplies", "Give the quantity."))
            )
            return None
        quantity = written.quantity
        if quantity > MAX_QUANTITY:
            problems.append(
                (
                    "quantity",
                    fill(
                        QCoreApplication.translate("Supplies", "Not plausible: more than %1."),
                        MAX_QUANTITY,
                    ),
                )
            )
            return None
        if quantity <= 0 or not in_thousandths(quantity):
            problems.append(
                (
                    "quantity",
                    QCoreApplication.translate(
                        "Supplies", "A quantity is a positive number with at most three decimals."
                    ),
                )
            )
            return None
        column_unit = source.text(row, "unit")
        for key, unit in (("quantity", written.unit), ("unit", column_unit)):
            if item is not None and unit and unit_key(unit) != item.unit:
                problems.append(
                    (
                        key,
                        fill(
                            QCoreApplication.translate(
                                "Supplies",
                                "The catalogue counts %1 in %2, the file in %3: convert the quantity to %2.",
                            ),
                            item.name,
                            item.unit,
                            unit,
                        ),
                    )
                )
                return None
        return quantity

    def write(self, plan: StockPlan, writer: Writer) -> int:
        session = self.job.session
        written = 0
        for warehouse_id in sorted(plan.lines):
            writer.check_cancel()
            lock_warehouses(session, [warehouse_id], receiving=True)
            movement = new_movement(session, "receipt", warehouse_id, None, reason=OPENING_REASON)
            for batch in writer.batches(plan.lines[warehouse_id], 500):
                for item_id, quantity, lot, produced, expires in batch:
                    batch_id = find_batch(session, item_id, lot, produced, expires)
                    add_line(session, movement, batch_id, item_id, quantity, quantity)
                    written += 1
                session.flush()
        return written
