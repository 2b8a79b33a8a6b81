"""The supplies reports as PDFs (A4 landscape, embedded Chinese fonts):
``print supplies-stock-report [--by area|warehouse] [--town NAME]`` the stock summed by area
(the county's own warehouses, each town with its village stores) or per warehouse, and
``print kit-compliance [--town NAME]`` every village against the standard kit, with what it
lacks, a line per town and the county's total."""

from __future__ import annotations

from decimal import Decimal
from itertools import groupby
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from models.base import utcnow
from models.clock import display_time
from models.messages import fill
from models.supplies.reports import ReportLine, kit_report, stock_report
from ui.printing.layout import build_list_pdf
from ui.printing.transfers import PrintResult


def _n(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,}"


def _place(title: str, town: str) -> str:
    return f"{town}{title}" if town else title


def print_stock_report(
    *, session: Session, path: str | Path, by: str = "area", town: str | None = None
) -> PrintResult:
    """The stock by area (default) or by warehouse, of the county or one town."""
    path = Path(path)
    by_area = by != "warehouse"
    town_name, lines = stock_report(session=session, by_area=by_area, town=town)
    figures = [
        QCoreApplication.translate("Printing", "On hand"),
        QCoreApplication.translate("Printing", "Expired"),
        QCoreApplication.translate("Printing", "Available"),
        QCoreApplication.translate("Printing", "Sent"),
        QCoreApplication.translate("Printing", "Coming"),
    ]
    if by_area:
        columns = [
            QCoreApplication.translate("Printing", "No."),
            QCoreApplication.translate("Printing", "Area"),
            QCoreApplication.translate("Printing", "Code"),
            QCoreApplication.translate("Printing", "Item"),
            QCoreApplication.translate("Printing", "Unit"),
            *figures,
        ]
        columns.append(QCoreApplication.translate("Printing", "Warehouses"))
        widths = [12, 30, 24, 48, 14, 26, 22, 26, 22, 22, 20]
        rows = [
            [str(n), line.area, line.item_code, line.item_name, line.unit]
            + [_n(v) for v in _figures(line)]
            + [str(line.warehouses)]
            for n, line in enumerate(lines, start=1)
        ]
        title = _place(QCoreApplication.translate("Printing", "Supplies stock by area"), town_name)
    else:
        columns = [
            QCoreApplication.translate("Printing", "No."),
            QCoreApplication.translate("Printing", "Area"),
            QCoreApplication.translate("Printing", "Warehouse"),
            QCoreApplication.translate("Printing", "Code"),
            QCoreApplication.translate("Printing", "Item"),
            QCoreApplication.translate("Printing", "Unit"),
        ]
        columns += [*figures, QCoreApplication.translate("Printing", "Minimum")]
        widths = [12, 22, 38, 22, 40, 12, 22, 18, 22, 18, 18, 24]
        rows = [
            [str(n), line.area, line.warehouse, line.item_code, line.item_name, line.unit]
            + [_n(v) for v in _figures(line)]
            + [
                _n(line.minimum)
                + (QCoreApplication.translate("Printing", " (below)") if line.below_minimum else "")
            ]
            for n, line in enumerate(lines, start=1)
        ]
        title = _place(
            QCoreApplication.translate("Printing", "Supplies stock by warehouse"), town_name
        )
    pages = build_list_pdf(
        path,
        title=title,
        columns=columns,
        widths_mm=widths,
        align=["center", *["left"] * (len(columns) - 8), "center", *["number"] * 6],
        rows=rows,
        subtitle_left=fill(QCoreApplication.translate("Printing", "%1 lines"), len(rows)),
        subtitle_right=fill(
            QCoreApplication.translate("Printing", "Stock as of %1"), display_time(utcnow())
        ),
        note=QCoreApplication.translate(
            "Printing",
            "Expired stock is on hand but never available; sent and coming: transfers in transit.",
        ),
        sign_off=(
            (QCoreApplication.translate("Printing", "Prepared by"), ""),
            (QCoreApplication.translate("Printing", "Checked by"), ""),
        ),
    )
    return PrintResult(path, pages, len(rows), False)


def _figures(line: ReportLine) -> tuple[Decimal, ...]:
    return (line.on_hand, line.expired, line.available, line.in_transit_out, line.in_transit_in)


def _rate(complete: int, villages: int) -> str:
    share = f"{100 * complete / villages:.0f}%" if villages else "—"
    return fill(
        QCoreApplication.translate("Printing", "%1 of %2 complete (%3)"), complete, villages, share
    )


def print_kit_compliance(
    *, session: Session, path: str | Path, town: str | None = None
) -> PrintResult:
    """Every village (of the county or one town) against the standard kit."""
    path = Path(path)
    town_name, villages = kit_report(session=session, town=town)
    rows: list[list[str]] = []
    n = 0
    towns = 0
    for town_of, group in groupby(villages, key=lambda v: v.town):
        towns += 1
        members = list(group)
        for village in members:
            n += 1
            missing = "、".join(
                fill(
                    QCoreApplication.translate("Printing", "%1 %2 of %3 %4"),
                    s.item_name,
                    _n(s.held),
                    _n(s.required),
                    s.unit,
                )
                for s in village.missing
            )
            status = (
                QCoreApplication.translate("Printing", "Complete")
                if village.complete
                else QCoreApplication.translate("Printing", "Incomplete")
            )
            rows.append([str(n), town_of, village.village, status, missing])
        done = sum(1 for v in members if v.complete)
        rows.append(
            [
                "",
                fill(QCoreApplication.translate("Printing", "%1 subtotal"), town_of),
                "",
                _rate(done, len(members)),
                "",
            ]
        )
    complete = sum(1 for v in villages if v.complete)
    pages = build_list_pdf(
        path,
        title=_place(
            QCoreApplication.translate("Printing", "Village standard kit compliance"), town_name
        ),
        columns=[
            QCoreApplication.translate("Printing", "No."),
            QCoreApplication.translate("Printing", "Town"),
            QCoreApplication.translate("Printing", "Village"),
            QCoreApplication.translate("Printing", "Kit"),
            QCoreApplication.translate("Printing", "Missing (held of required)"),
        ],
        widths_mm=[12, 30, 36, 46, 146],
        align=["center", "left", "left", "center", "left"],
        rows=rows,
        total_row=[
            QCoreApplication.translate("Printing", "Total"),
            fill(QCoreApplication.translate("Printing", "%1 towns"), towns),
            "",
            _rate(complete, len(villages)),
            "",
        ],
        subtitle_left=fill(QCoreApplication.translate("Printing", "%1 villages"), len(villages)),
        subtitle_right=fill(
            QCoreApplication.translate("Printing", "Stock as of %1"), display_time(utcnow())
        ),
        note=QCoreApplication.translate(
            "Printing", "Available stock of the village's stores counts; expired stock does not."
        ),
        sign_off=(
            (QCoreApplication.translate("Printing", "Prepared by"), ""),
            (QCoreApplication.translate("Printing", "Checked by"), ""),
        ),
    )
    return PrintResult(path, pages, len(villages), False)
