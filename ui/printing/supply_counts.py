"""The count sheet of a warehouse (盘点表, A4 landscape, embedded Chinese fonts): every batch
on its books with its lot, expiry and book quantity, blank columns for the quantity found
and the difference, and the signature line (counted by, checked by, warehouse manager).
``print count-sheet --warehouse NAME``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from models.base import utcnow
from models.clock import display_time
from models.messages import fill
from models.supplies.counts import count_sheet, find_warehouse
from ui.printing.layout import build_list_pdf
from ui.printing.transfers import PrintResult

BLANK_LINES = 5


def print_count_sheet(*, session: Session, warehouse: str, path: str | Path) -> PrintResult:
    """The count sheet of the warehouse named (by name or code) as a PDF."""
    path = Path(path)
    sheet = count_sheet(session=session, warehouse_id=find_warehouse(session, warehouse))
    rows = [
        [
            str(n),
            line.item_code,
            line.item_name,
            line.specification,
            line.unit,
            line.lot,
            (line.expiry.isoformat() if line.expiry else "")
            + (QCoreApplication.translate("Printing", " (expired)") if line.expired else ""),
            f"{line.book:,}",
            "",
            "",
        ]
        for n, line in enumerate(sheet.lines, start=1)
    ]
    counted = len(rows)
    # Blank lines for goods found that the books do not show.
    rows += [[str(n)] + [""] * 9 for n in range(counted + 1, counted + 1 + BLANK_LINES)]
    pages = build_list_pdf(
        path,
        title=fill(QCoreApplication.translate("Printing", "%1 stock count sheet"), sheet.warehouse),
        columns=[
            QCoreApplication.translate("Printing", "No."),
            QCoreApplication.translate("Printing", "Code"),
            QCoreApplication.translate("Printing", "Item"),
            QCoreApplication.translate("Printing", "Specification"),
            QCoreApplication.translate("Printing", "Unit"),
            QCoreApplication.translate("Printing", "Batch"),
            QCoreApplication.translate("Printing", "Expires"),
            QCoreApplication.translate("Printing", "On the books"),
            QCoreApplication.translate("Printing", "Counted"),
            QCoreApplication.translate("Printing", "Difference"),
        ],
        widths_mm=[12, 24, 44, 36, 14, 28, 32, 28, 28, 24],
        align=["center", "left", "left", "left", "center", "left", "center", *["number"] * 3],
        rows=rows,
        subtitle_left=fill(
            QCoreApplication.translate("Printing", "Warehouse %1 %2 · manager %3"),
            sheet.warehouse_code,
            sheet.warehouse,
            sheet.manager,
        ),
        subtitle_right=fill(
            QCoreApplication.translate("Printing", "Books as of %1"), display_time(utcnow())
        ),
        note=QCoreApplication.translate(
            "Printing", "Blank lines: goods found that the books do not show, with their lot."
        ),
        sign_off=(
            (QCoreApplication.translate("Printing", "Counted by"), ""),
            (QCoreApplication.translate("Printing", "Checked by"), ""),
            (QCoreApplication.translate("Printing", "Warehouse manager"), ""),
        ),
        author=sheet.warehouse,
    )
    return PrintResult(path, pages, counted, False)
