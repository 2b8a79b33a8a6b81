"""The stock count tab of the supplies page: a clerk picks the warehouse, types what was
found line by line (Enter moves to the next line), gives the reason and posts; the count
appears among the counts kept and the books show what was found. A count without any line
is refused in place; a viewer cannot post. The stock workbook is saved from the page."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtCore import Qt

from models.database import Database
from models.supplies import ReceiptLine, receive, stock
from models.users import Actor
from tests.conftest import ADMIN
from tests.models.test_supplies import make_inventory
from ui.supplies.page import SuppliesPage

CLERK = Actor("clerk", "clerk")


def _page(qtbot: Any, db: Database, actor: Actor) -> SuppliesPage:
    page = SuppliesPage(db, actor)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=30_000):
        page.show()
    page.tabs.setCurrentWidget(page.count_panel)
    qtbot.waitUntil(lambda: page.count_panel.warehouse_combo.count() > 0, timeout=10_000)
    return page


def test_a_count_typed_and_posted_on_the_page(qtbot: Any, sqlite_db: Database) -> None:
    ids = make_inventory(sqlite_db)
    with sqlite_db.session(ADMIN, write=True) as session:
        receive(
            session=session,
            warehouse_id=ids["county"],
            lines=[
                ReceiptLine(ids["bag"], Decimal(12000), "2026A"),
                ReceiptLine(ids["jacket"], Decimal(30), "B1", expiry_date=date(2031, 1, 1)),
            ],
        )
    page = _page(qtbot, sqlite_db, CLERK)
    panel = page.count_panel
    qtbot.waitUntil(lambda: panel.entry_model.rowCount() == 2, timeout=10_000)
    assert panel.warehouse_combo.currentText() == "县防汛物资仓库"
    assert [r.item_code for r in panel.entry_model.rows()] == ["BZD", "JSY"]

    panel.post_button.click()  # nothing counted yet
    assert page.banner.isVisible() and "line" in page.banner.text()

    qtbot.keyClicks(panel.counted_edit, "11950")
    qtbot.keyClick(panel.counted_edit, Qt.Key.Key_Return)
    assert panel.entry_view.currentIndex().row() == 1  # on to the next line
    qtbot.keyClicks(panel.counted_edit, "30")
    qtbot.keyClick(panel.counted_edit, Qt.Key.Key_Return)
    assert [r.difference for r in panel.entry_model.rows()] == [Decimal(-50), Decimal(0)]
    assert "2" in panel.status_label.text() and "1" in panel.status_label.text()
    panel.reason_edit.setText("编织袋受潮短少")
    panel.who_edit.setText("王强")
    panel.post_button.click()
    qtbot.waitUntil(lambda: panel.counts_model.rowCount() == 1, timeout=10_000)
    kept = panel.counts_model.row_at(0)
    assert (kept.lines, kept.differences, kept.counted_by, kept.recorded_by) == (
        2,
        1,
        "王强",
        "clerk",
    )
    qtbot.waitUntil(
        lambda: [r.book for r in panel.entry_model.rows()] == [Decimal(11950), Decimal(30)],
        timeout=10_000,
    )
    with sqlite_db.session(ADMIN) as session:
        rows = stock(session=session, warehouse_id=ids["county"], item_id=ids["bag"])
    assert rows[0].on_hand == Decimal(11950)


def test_a_viewer_cannot_post_and_the_stock_is_exported(
    qtbot: Any, sqlite_db: Database, tmp_path: Path
) -> None:
    ids = make_inventory(sqlite_db)
    with sqlite_db.session(ADMIN, write=True) as session:
        receive(
            session=session,
            warehouse_id=ids["town"],
            lines=[ReceiptLine(ids["bag"], Decimal(800), "2026B")],
        )
    viewer = Actor("viewer", "viewer")
    page = _page(qtbot, sqlite_db, viewer)
    assert not page.count_panel.post_button.isEnabled()
    assert not page.count_panel.counted_edit.isEnabled()

    from ui.common.print_preview import open_document
    from ui.printing.registry import Format, document

    messages: list[tuple[str, bool]] = []
    out = tmp_path / "stock.xlsx"
    open_document(
        page,
        db=sqlite_db,
        actor=viewer,
        spec=document("supplies-stock", Format.EXCEL),
        options={},
        names={},
        on_message=lambda text, ok: messages.append((text, ok)),
        path=out,
    )
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert messages[0][1], messages
    sheet = openpyxl.load_workbook(out)["按仓库"]
    assert [row[1] for row in sheet.iter_rows(min_row=3, values_only=True)] == ["TK01"]
