"""The supplies reports as typed on the demo county: `print supplies-stock-report -o FILE`
sums the stock per area (the county's own warehouses, each town with its village stores),
`--by warehouse --town NAME` lists one town's warehouses, `print kit-compliance --town NAME`
lists every village of the town with what it lacks and the town's rate; an unknown town is
refused in Chinese (exit 1). Chinese fonts are embedded. The supplies page prints them too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber

from models.database import Database
from models.supplies.reports import kit_report, stock_report
from tests.cli_helpers import run_main
from tests.conftest import ADMIN
from ui.common.print_preview import DocumentPreview
from ui.supplies.page import SuppliesPage

TOWN = "城东街道"


def _print(url: str, env: dict[str, str], out: Path, *args: str) -> tuple[str, set[str]]:
    done = run_main("--lang", "zh_CN", "--db", url, "print", *args, "-o", str(out), env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    with pdfplumber.open(out) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        fonts = {c["fontname"] for page in pdf.pages for c in page.chars}
    assert fonts and all("+" in font for font in fonts)  # subset fonts embedded
    return text, fonts


def test_stock_report_and_kit_compliance_from_the_command_line(
    demo_db: Database, tmp_path: Path
) -> None:
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    with demo_db.session(ADMIN) as session:
        _, by_area = stock_report(session=session, by_area=True)
        _, by_warehouse = stock_report(session=session, by_area=False, town=TOWN)
        _, villages = kit_report(session=session, town=TOWN)
    url = demo_db.url

    text, _ = _print(url, env, tmp_path / "area.pdf", "supplies-stock-report")
    assert "应急物资库存报表（按区域）" in text
    lines = [line for line in text.splitlines() if line[:1].isdigit()]
    assert len(lines) == len(by_area) and len({line.area for line in by_area}) == 17
    first = by_area[0]  # the county's own warehouses come first
    assert lines[0].split()[1:4] == ["县级", first.item_code, first.item_name]
    assert f"{first.on_hand:,}" in lines[0] and f"{first.available:,}" in lines[0]
    town_lines = [line for line in by_area if line.area == TOWN]
    assert town_lines and all(line.warehouses >= 1 for line in town_lines)

    text, _ = _print(
        url, env, tmp_path / "town.pdf", "supplies-stock-report", "--by", "warehouse",
        "--town", TOWN,
    )  # fmt: skip
    assert f"{TOWN}应急物资库存报表（按仓库）" in text
    assert f"共 {len(by_warehouse)} 行" in text
    assert {line.area for line in by_warehouse} == {TOWN}
    below = [line for line in by_warehouse if line.below_minimum]
    assert below and f"{below[0].minimum:,}（低于）" in text
    assert by_warehouse[-1].warehouse in text

    text, _ = _print(url, env, tmp_path / "kit.pdf", "kit-compliance", "--town", TOWN)
    assert f"{TOWN}村级物资配备达标情况" in text
    complete = sum(1 for v in villages if v.complete)
    assert 0 < complete < len(villages)
    rate = f"达标 {complete} / {len(villages)} 个（{100 * complete / len(villages):.0f}%）"
    assert f"{TOWN} 小计 {rate}" in text
    short = next(v for v in villages if not v.complete)
    gap = short.missing[0]
    row = next(line for line in text.splitlines() if f" {short.village} " in line)
    assert "未达标" in row and f"{gap.item_name} 现有 {gap.held:,} / 应配 {gap.required:,}" in row
    assert "合计" in text and "制表人" in text

    refused = run_main(
        "--lang", "zh_CN", "--db", url, "print", "kit-compliance", "--town", "没有这个镇",
        "-o", str(tmp_path / "none.pdf"), env=env,
    )  # fmt: skip
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "没有名称或代码为“没有这个镇”的乡镇（街道）" in refused.stdout + refused.stderr
    assert "Traceback" not in refused.stderr
    assert not (tmp_path / "none.pdf").exists()


def test_the_supplies_page_prints_the_kit_compliance(qtbot: Any, demo_db: Database) -> None:
    page = SuppliesPage(demo_db, ADMIN)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=30_000):
        page.show()
    assert set(page.print_buttons) == {"supplies-stock-report", "kit-compliance"}
    page.print_buttons["kit-compliance"].click()
    qtbot.waitUntil(lambda: page.findChild(DocumentPreview) is not None, timeout=30_000)
    preview = page.findChild(DocumentPreview)
    assert preview is not None and preview.page_count() >= 10  # 640 villages
    preview.close()
