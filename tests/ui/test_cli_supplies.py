"""``supplies count | counts`` and ``import item-classes`` as typed: a count recorded by a
clerk and its differences posted as one count adjustment, the count kept and shown line by
line, `db check` agreeing; an item held in several lots refused without its lot (exit 1),
a line written wrong a usage error (exit 2), a viewer refused; the GB/T 38565-2020 class
table imported and the catalogue's codes then checked against it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl

from models.database import Database
from models.supplies import ItemClass, ReceiptLine, receive
from models.users import create_user
from tests.cli_helpers import run_main
from tests.conftest import ADMIN
from tests.models.test_supplies import make_inventory


def _county(tmp_path: Path) -> tuple[str, dict[str, str]]:
    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    db = Database(url)
    db.upgrade()
    ids = make_inventory(db)
    with db.session(ADMIN, write=True) as session:
        create_user(session=session, name="boss", role="admin", password="Boss-Password-2026")
    with db.session(ADMIN, write=True) as session:
        create_user(session=session, name="li", role="clerk", password="Li-Password-2026")
        create_user(session=session, name="zhao", role="viewer", password="Zhao-Password-2026")
        receive(
            session=session,
            warehouse_id=ids["county"],
            lines=[
                ReceiptLine(ids["jacket"], Decimal(30), "B1", expiry_date=date(2031, 1, 1)),
                ReceiptLine(ids["jacket"], Decimal(5), "OLD", expiry_date=date(2025, 1, 1)),
                ReceiptLine(ids["bag"], Decimal(12000), "2026A"),
            ],
        )
    db.dispose()
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    return url, env


def test_a_stock_count_on_the_command_line(tmp_path: Path) -> None:
    url, env = _county(tmp_path)

    def main(user: str, password: str, *args: str) -> tuple[int, str]:
        done = run_main(
            "--lang", "zh_CN", "--db", url, "--user", user, *args,
            env={**env, "ECC_PASSWORD": password},
        )  # fmt: skip
        assert "Traceback" not in done.stderr
        return done.returncode, done.stdout + done.stderr

    code, said = main(
        "li", "Li-Password-2026",
        "supplies", "count", "--warehouse", "CK01", "--line", "BZD=11,950",
        "--line", "JSY/B1=31", "--line", "JSY/OLD=5", "--reason", "编织袋受潮短少",
        "--counted-by", "王强",
    )  # fmt: skip
    assert code == 0, said
    assert "盘点" in said and "2026-0001" in said and "3" in said and "2" in said

    code, said = main("li", "Li-Password-2026", "supplies", "counts", "--count", "1")
    assert code == 0, said
    assert "王强" in said and "li" in said and "编织袋受潮短少" in said
    assert "-50" in said and "+1" in said

    code, said = main(
        "li", "Li-Password-2026", "supplies", "count", "--warehouse", "县防汛物资仓库",
        "--line", "JSY=30", "--reason", "复盘",
    )  # fmt: skip
    assert code == 1 and "B1" in said and "OLD" in said, said

    code, said = main(
        "li", "Li-Password-2026", "supplies", "count", "--warehouse", "CK01", "--line", "BZD"
    )
    assert code == 2, said

    code, said = main(
        "zhao", "Zhao-Password-2026", "supplies", "count", "--warehouse", "CK01",
        "--line", "BZD=1", "--reason", "x",
    )  # fmt: skip
    assert code == 1 and "count_supplies" in said, said

    code, said = main("boss", "Boss-Password-2026", "db", "check")
    assert code == 0, said


def _classes_file(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["应急物资分类及编码（GB/T 38565-2020）"])
    sheet.append(["分类代码", "分类名称", "说明"])
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _items_file(path: Path, code: str, standard: str) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["物资编码", "物资名称", "类别", "单位", "国标编码"])
    sheet.append([code, "救生衣", "救生类", "件", standard])
    workbook.save(path)
    return path


def test_the_class_table_imported_checks_the_catalogue(tmp_path: Path) -> None:
    url, env = _county(tmp_path)

    def main(*args: str) -> tuple[int, str]:
        done = run_main("--lang", "zh_CN", "--db", url, *args, env=env)
        assert "Traceback" not in done.stderr
        return done.returncode, done.stdout + done.stderr

    table = _classes_file(
        tmp_path / "classes.xlsx",
        [
            [2, "应急装备及配套物资", ""],
            [201, "个体防护装备", ""],
            ["20101", "水上救生防护", ""],
            [2010101, "救生衣", ""],
            ["2010199", "其他水上救生防护", "99 为其他"],
        ],
    )
    code, said = main("import", "item-classes", str(table))
    assert code == 0, said
    db = Database(url)
    with db.session(ADMIN) as session:
        held = {c.code: c.level for c in session.query(ItemClass)}
    db.dispose()
    assert held == {"2000000": 1, "2010000": 2, "2010100": 3, "2010101": 4, "2010199": 4}

    code, said = main("import", "items", str(_items_file(tmp_path / "b.xlsx", "JSY8", "2010102")))
    assert code == 1, said
    assert "2010102" in said and "item-classes" in said

    broken = _classes_file(
        tmp_path / "broken.xlsx",
        [
            [3020101, "抽水泵", ""],
            ["40", "不是编码", ""],
            [2010101, "救生衣（重复）", ""],
            [2010101, "救生衣", ""],
        ],
    )
    code, said = main("import", "item-classes", str(broken))
    assert code == 1, said
    assert "3020100" in said  # its parent is neither in the file nor held
    assert "40" in said
