"""``import warehouses|items|stock FILE``: a county's warehouse list (locations in GCJ-02
from Amap), its catalogue and its opening balances as it types them: quantities written
``50件`` or ``1.2万条``, units that disagree with the catalogue, dates in several ways,
unknown items and warehouses, total rows."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from models.checks import check_database
from models.database import Database
from models.geo.crs import wgs84_to_gcj02
from models.imports.framework import run_import
from models.supplies import list_items, list_warehouses, stock
from models.supplies.cells import CellProblem, parse_date, parse_quantity
from models.users import Actor
from tests.cli_helpers import run_main

ADMIN = Actor(name="admin", role="admin")
TODAY = date(2026, 8, 1)

WAREHOUSES = [
    ["仓库编码", "仓库名称", "级别", "地址", "经度", "纬度", "管理员", "管理员电话", "代储单位"],
    ["CK01", "县防汛物资仓库", "县级", "城关镇江滨路1号", 121.42, 28.66, "王强", "13905761001", ""],
    ["CK02", "县应急物资储备库", "县级", "城关镇工业路8号", 121.38, 28.64, "李明", "", ""],
    ["XY01", "县五金公司代储点", "协议代储", "城关镇", "", "", "", "", "县五金公司"],
]
ITEMS = [
    ["物资编码", "物资名称", "类别", "规格型号", "单位", "额定值", "保质期", "可归还", "国标编码"],
    ["JSY", "救生衣", "救生类", "成人款", "件", "", "5年", "否", "2010101"],
    ["CFZ", "冲锋舟", "救生类", "玻璃钢7m", "艘", "", "", "是", ""],
    ["BZD", "编织袋", "抢险物料", "50×80cm", "条", "", "", "否", ""],
    ["BSB", "排水泵", "排涝", "", "台", "500m³/h", "", "是", ""],
    ["TG", "土工布", "抢险物料", "", "平方米", "", "", "", ""],
]


def write_sheet(path: Path, rows: list[list[object]], title: str | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    if title:
        sheet.append([title])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _catalogue(db: Database, tmp_path: Path) -> None:
    done = run_import(
        db=db, actor=ADMIN, kind="warehouses", path=write_sheet(tmp_path / "w.xlsx", WAREHOUSES)
    )
    assert done.ok and done.inserted == 3, [p.describe() for p in done.problems]
    done = run_import(
        db=db, actor=ADMIN, kind="items", path=write_sheet(tmp_path / "i.xlsx", ITEMS, "物资目录")
    )
    assert done.ok and done.inserted == 5, [p.describe() for p in done.problems]


def test_quantities_and_dates_as_counties_write_them() -> None:
    assert parse_quantity("1.2万条") is not None
    assert parse_quantity("1.2万条").quantity == Decimal(12000)  # type: ignore[union-attr]
    assert parse_quantity("1.2万条").unit == "条"  # type: ignore[union-attr]
    assert parse_quantity("５０ 件").quantity == 50  # type: ignore[union-attr]
    assert parse_quantity("3,000平方米").unit == "m²"  # type: ignore[union-attr]
    assert parse_quantity(7.5).quantity == Decimal("7.5")  # type: ignore[union-attr]
    for bad in ("很多", "五十件", "12件3"):
        with pytest.raises(CellProblem):
            parse_quantity(bad)
    for text in (
        "2026-08-01",
        "2026/8/1",
        "2026.8.1",
        "20260801",
        "2026年8月1日",
        "２０２６．８．１",
    ):
        assert parse_date(text) == date(2026, 8, 1), text
    assert parse_date(20260801) == date(2026, 8, 1)
    assert parse_date("2026年8月") == date(2026, 8, 1)
    assert parse_date("２０２６－８", end_of_month=True) == date(2026, 8, 31)
    assert parse_date(datetime(2026, 8, 1, 0, 0)) == date(2026, 8, 1)
    assert parse_date("2027年5月", end_of_month=True) == date(2027, 5, 31)
    for bad in ("2026-13-01", "明年", "2026-02-30", "2026-13", 46235, "46235", 365):
        with pytest.raises(CellProblem):
            parse_date(bad)


def test_catalogue_and_opening_stock_are_imported(db: Database, tmp_path: Path) -> None:
    _catalogue(db, tmp_path)
    rows = [
        ["仓库", "物资", "数量", "单位", "批号", "生产日期", "有效期至"],
        ["CK01", "救生衣", "200件", "件", "2024A", "2024/05/01", ""],
        ["县防汛物资仓库", "编织袋", "1.2万条", "", "", "", ""],
        ["CK02", "JSY", 50, "件", "2025B", datetime(2025, 3, 1), "2030年3月"],
        ["CK02", "土工布", "3000m²", "", "", "", ""],
        ["合计", "", "13250", "", "", "", ""],
    ]
    report = run_import(
        db=db, actor=ADMIN, kind="stock", path=write_sheet(tmp_path / "s.xlsx", rows, "期初库存")
    )
    assert report.ok and report.rows_written == 4, [p.describe() for p in report.problems]
    with db.session(ADMIN) as session:
        warehouses = {w.code: w.id for w in list_warehouses(session=session)}
        items = {i.code: i for i in list_items(session=session)}
        held = {
            (r.warehouse_id, r.item_code): r.available for r in stock(session=session, today=TODAY)
        }
        assert check_database(session=session) == []
    assert held[(warehouses["CK01"], "BZD")] == Decimal(12000)
    assert held[(warehouses["CK01"], "JSY")] == Decimal(200)
    assert held[(warehouses["CK02"], "TG")] == Decimal(3000)
    assert items["BSB"].rating == Decimal(500) and items["BSB"].rating_unit == "m³/h"
    assert items["JSY"].shelf_life_days == 5 * 365 and items["CFZ"].returnable


def test_bad_stock_rows_are_named_and_nothing_is_written(db: Database, tmp_path: Path) -> None:
    _catalogue(db, tmp_path)
    rows = [
        ["仓库", "物资", "数量", "单位", "生产日期", "有效期至"],
        ["CK01", "救生衣", "200条", "", "", ""],  # the catalogue counts life jackets in 件
        ["CK01", "编织袋", "100", "件", "", ""],  # the unit column disagrees
        ["CK09", "救生衣", "10", "", "", ""],  # unknown warehouse
        ["CK01", "救生圈", "10", "", "", ""],  # unknown item
        ["CK01", "冲锋舟", "很多", "", "", ""],
        ["CK01", "冲锋舟", "-2", "", "", ""],
        ["CK01", "救生衣", "5", "", "2025-13-01", ""],
        ["CK01", "救生衣", "5", "", "2026-01-01", "2025-01-01"],
        ["CK01", "冲锋舟", "2", "艘", "", ""],  # sound
    ]
    report = run_import(
        db=db, actor=ADMIN, kind="stock", path=write_sheet(tmp_path / "bad.xlsx", rows)
    )
    assert not report.ok and report.rows_written == 0
    described = [p.describe() for p in report.problems]
    assert len(described) == 8, described
    assert any("row 2" in t and "件" in t and "条" in t for t in described), described
    assert any("row 4" in t and "CK09" in t for t in described), described
    assert any("row 5" in t and "救生圈" in t for t in described), described
    with db.session(ADMIN) as session:
        assert stock(session=session) == []


def test_warehouses_from_amap_are_stored_in_wgs84(db: Database, tmp_path: Path) -> None:
    lon, lat = wgs84_to_gcj02(121.42, 28.66)
    rows = [WAREHOUSES[0], ["CK01", "县防汛物资仓库", "县级", "", lon, lat, "", "", ""]]
    report = run_import(
        db=db,
        actor=ADMIN,
        kind="warehouses",
        path=write_sheet(tmp_path / "w.xlsx", rows),
        options={"crs": "gcj02"},
    )
    assert report.ok
    with db.session(ADMIN) as session:
        (warehouse,) = list_warehouses(session=session)
    assert warehouse.lon == pytest.approx(121.42, abs=1e-5)
    assert warehouse.lat == pytest.approx(28.66, abs=1e-5)


def test_import_supplies_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    lon, lat = wgs84_to_gcj02(121.42, 28.66)
    warehouses = write_sheet(
        tmp_path / "仓库.xlsx", [WAREHOUSES[0], ["CK01", "县防汛物资仓库", "县级", "", lon, lat]]
    )
    items = write_sheet(tmp_path / "物资目录.xlsx", ITEMS)
    opening = write_sheet(
        tmp_path / "期初库存.xlsx",
        [["仓库", "物资", "数量"], ["CK01", "编织袋", "1.2万条"], ["合计", "", "12000"]],
    )
    for kind, path, extra in (
        ("warehouses", warehouses, ["--crs", "gcj02"]),
        ("items", items, []),
        ("stock", opening, []),
    ):
        done = run_main("--lang", "zh_CN", "--db", url, "import", kind, str(path), *extra, env=env)
        assert done.returncode == 0, done.stdout + done.stderr
    bad = write_sheet(tmp_path / "坏.xlsx", [["仓库", "物资", "数量"], ["CK01", "救生衣", "5条"]])
    refused = run_main("--lang", "zh_CN", "--db", url, "import", "stock", str(bad), env=env)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "件" in refused.stdout + refused.stderr
