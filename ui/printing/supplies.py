"""Supplies slips as PDFs (A4 landscape, embedded Chinese fonts): 入库单, 出库单, 调拨单,
报损单 and 盘点单, numbered per warehouse, slip kind and year, with the goods, batches and
quantities and the signature line (issued by, carried by, received by)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from models.clock import display_time
from models.messages import QT_TRANSLATE_NOOP, fill
from models.privacy import output_masking, phone_masker
from models.supplies.slips import slip
from ui.printing.layout import build_list_pdf
from ui.printing.transfers import PrintResult

TITLES = {
    "receipt": QT_TRANSLATE_NOOP("Printing", "Receipt slip"),
    "issue": QT_TRANSLATE_NOOP("Printing", "Issue slip"),
    "transfer": QT_TRANSLATE_NOOP("Printing", "Transfer slip"),
    "write_off": QT_TRANSLATE_NOOP("Printing", "Write-off slip"),
    "count": QT_TRANSLATE_NOOP("Printing", "Count adjustment slip"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def print_slip(*, session: Session, movement_id: int, path: str | Path) -> PrintResult:
    """The slip of one movement as a PDF."""
    path = Path(path)
    masked = output_masking(session)  # the driver's mobile is printed masked unless allowed
    data = slip(session=session, movement_id=movement_id, mask=phone_masker(session))
    title = f"{data.warehouse}{_t(TITLES[data.slip_kind])}"
    rows = [
        [
            str(n),
            line.item_code,
            line.item_name,
            line.specification,
            line.unit,
            line.lot,
            line.expiry.isoformat() if line.expiry else "",
            f"{line.quantity:,}",
        ]
        for n, line in enumerate(data.lines, start=1)
    ]
    lead_parts = []
    if data.source:
        lead_parts.append(
            fill(
                QCoreApplication.translate("Printing", "From %1 to %2 · %3 %4 · driver %5 %6"),
                data.source,
                data.destination,
                data.transport,
                data.vehicle_plate,
                data.driver,
                data.driver_phone,
            )
        )
    if data.paperwork_pending:
        lead_parts.append(
            fill(
                QCoreApplication.translate(
                    "Printing", "Issued on the word of %1; paperwork pending."
                ),
                data.ordered_by,
            )
        )
    reason = data.reason + (f" · {data.recipient}" if data.recipient else "")
    pages = build_list_pdf(
        path,
        title=title,
        columns=[
            QCoreApplication.translate("Printing", "No."),
            QCoreApplication.translate("Printing", "Code"),
            QCoreApplication.translate("Printing", "Item"),
            QCoreApplication.translate("Printing", "Specification"),
            QCoreApplication.translate("Printing", "Unit"),
            QCoreApplication.translate("Printing", "Batch"),
            QCoreApplication.translate("Printing", "Expires"),
            QCoreApplication.translate("Printing", "Quantity"),
        ],
        widths_mm=[12, 24, 48, 44, 16, 32, 28, 28],
        align=["center", "left", "left", "left", "center", "left", "center", "number"],
        rows=rows,
        subtitle_left=fill(
            QCoreApplication.translate("Printing", "No. %1-%2  %3"),
            data.warehouse_code,
            data.number,
            reason,
        ),
        subtitle_right=fill(
            QCoreApplication.translate("Printing", "%1  recorded by %2"),
            display_time(data.at),
            data.recorded_by,
        ),
        lead=" ".join(lead_parts),
        sign_off=(
            (QCoreApplication.translate("Printing", "Issued by"), ""),
            (QCoreApplication.translate("Printing", "Carried by"), ""),
            (QCoreApplication.translate("Printing", "Received by"), ""),
        ),
        author=data.recorded_by,
    )
    return PrintResult(path, pages, len(rows), masked)
