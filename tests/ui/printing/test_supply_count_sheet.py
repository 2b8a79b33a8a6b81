"""The count sheet and the stock workbook as typed: `print count-sheet --warehouse NAME -o
FILE.pdf` lists every batch on the warehouse's books with its book quantity and blank
columns for what is found, in Chinese with the signature line; an unknown warehouse is
refused (exit 1); `export supplies-stock -o FILE.xlsx` writes the stock by warehouse and
by item."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pdfplumber

from models.database import Database
from models.supplies import ReceiptLine, receive, set_minimum
from tests.cli_helpers import run_main
from tests.conftest import ADMIN
from tests.models.test_supplies import make_inventory


def _county(tmp_path: Path) -> tuple[str, dict[str, str]]:
    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    db = Database(url)
    db.upgrade()
    ids = make_inventory(db)
    with db.session(ADMIN, write=True) as session:
        receive(
            session=session,
            warehouse_id=ids["county"],
            lines=[
                ReceiptLine(ids["jacket"], Decimal(30), "B1", expiry_date=date(2031, 1, 1)),
                ReceiptLine(ids["jacket"], Decimal(5), "OLD", expiry_date=date(2025, 1, 1)),
                ReceiptLine(ids["bag"], Decimal(12000), "2026A"),
            ],
        )
        receive(
            session=session,
            warehouse_id=ids["town"],
            lines=[ReceiptLine(ids["bag"], Decimal(800), "2026B")],
        )
        set_minimum(
            session=session, warehouse_id=ids["town"], item_id=ids["bag"], minimum=Decimal(1000)
        )
    db.dispose()
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    return url, env


def test_count_sheet_and_stock_workbook_from_the_command_line(tmp_path: Path) -> None:
    url, env = _county(tmp_path)
    out = tmp_path / "count.pdf"
    done = run_main(
        "--lang", "zh_CN", "--db", url, "print", "count-sheet", "--warehouse", "县防汛物资仓库",
        "-o", str(out), env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    with pdfplumber.open(out) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        fonts = {c["fontname"] for page in pdf.pages for c in page.chars}
    assert "县防汛物资仓库盘点表" in text
    for expected in ("账面数量", "实盘数量", "差异", "盘点人", "复核人", "仓库管理员", "王强"):
        assert expected in text, expected
    lines = [line for line in text.splitlines() if line.startswith(("1 ", "2 ", "3 "))]
    assert [line.split()[1] for line in lines] == ["BZD", "JSY", "JSY"]
    assert "12,000" in lines[0] and "已过期" in lines[1] and "30" in lines[2]
    assert all("+" in font for font in fonts)  # subset fonts embedded

    refused = run_main(
        "--lang", "zh_CN", "--db", url, "print", "count-sheet", "--warehouse", "没有这个仓库",
        "-o", str(tmp_path / "none.pdf"), env=env,
    )  # fmt: skip
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "没有这个仓库" in refused.stderr + refused.stdout
    assert "Traceback" not in refused.stderr

    book = tmp_path / "stock.xlsx"
    done = run_main(
        "--lang", "zh_CN", "--db", url, "export", "supplies-stock", "-o", str(book), env=env
    )
    assert done.returncode == 0, done.stdout + done.stderr
    workbook = openpyxl.load_workbook(book)
    assert workbook.sheetnames == ["按仓库", "按物资"]
    by_warehouse = [
        [c for c in row] for row in workbook["按仓库"].iter_rows(min_row=3, values_only=True)
    ]
    assert [(r[1], r[4], r[8], r[9], r[10], r[12], r[13]) for r in by_warehouse] == [
        ("CK01", "BZD", 12000, 0, 12000, None, None),
        ("CK01", "JSY", 35, 5, 30, None, None),
        ("TK01", "BZD", 800, 0, 800, 1000, "是"),
    ]
    by_item = list(workbook["按物资"].iter_rows(min_row=3, values_only=True))
    assert [(r[1], r[3], r[6], r[8], r[11]) for r in by_item[:-1]] == [
        ("BZD", "抢险物料", 12800, 12800, 2),
        ("JSY", "生命救助", 35, 30, 1),
    ]
    assert by_item[-1][:2] == ("合计", "2种")
