"""``export transfer-rollup``: an event's town roll-up in the layout reported upward.

One sheet: a title row naming the event, the reporting unit and the time of the
figures, a header row, one row per town in code order with the figures as
columns (people to move, moved, in shelters, with relatives, forcibly moved,
refused, still at home, completion rate as a percent-formatted number) and a
total row equal to the county's figures. Figures phoned in by towns are listed
below in the same columns, apart: they may overlap the listed households. The
table holds no personal information, so unlike the village transfer list there
is nothing to mask and nothing to audit.

The column list lives here so the printed roll-up (``ui.printing.transfers``) and
this export show the same columns under the same headers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from models.clock import display_time
from models.events import get_event
from models.exports.households import ExportRefused
from models.messages import fill
from models.transfers import Figures, ReportedFigures, rollup
from models.users import Permission, require

# The figures of a roll-up row after the town's name, in column order; the
# completion rate follows them.
ROLLUP_FIELDS = (
    "people_to_move",
    "moved",
    "sheltered",
    "relatives",
    "forced",
    "refused",
    "still_at_home",
)
PERCENT_FORMAT = "0.0%"
_NUMBER_WIDTH = 12
_NAME_WIDTH = 18
_EXTRA_WIDTHS = (24, 18)  # source and time of the phoned-in figures


def rollup_columns() -> list[str]:
    """The roll-up's column headers (the labels of the transfers page)."""
    return [
        QCoreApplication.translate("Columns", "Town / street"),
        QCoreApplication.translate("Columns", "People to move"),
        QCoreApplication.translate("Columns", "Moved"),
        QCoreApplication.translate("Columns", "In shelters"),
        QCoreApplication.translate("Columns", "With relatives"),
        QCoreApplication.translate("Columns", "Forcibly moved"),
        QCoreApplication.translate("Columns", "Refused"),
        QCoreApplication.translate("Columns", "Still at home"),
        QCoreApplication.translate("Columns", "Completion rate"),
    ]


def rollup_values(figures: Figures | ReportedFigures) -> list[int]:
    """The figures of one row in the order of ``ROLLUP_FIELDS``."""
    return [int(getattr(figures, name)) for name in ROLLUP_FIELDS]


def percent_text(rate: float | None) -> str:
    """A completion rate as printed: 87.5%, or a dash when nobody is to move."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


@dataclass(frozen=True)
class RollupExportResult:
    path: Path
    towns: int  # rows above the total
    reported_towns: int  # towns whose phoned-in figures are listed below
    at: datetime  # the time of the figures


def export_transfer_rollup(
    *, session: Session, event_id: int, path: str | Path
) -> RollupExportResult:
    """Write the event's town roll-up to an .xlsx file. Raises ExportRefused for an
    unknown event."""
    require(session, Permission.READ_REGISTER)
    event = get_event(session=session, event_id=event_id)
    if event is None:
        raise ExportRefused(
            fill(QCoreApplication.translate("Export", "There is no event %1."), str(event_id))
        )
    data = rollup(session=session, event_id=event_id)
    title = fill(QCoreApplication.translate("Export", "%1: transfer of people by town"), event.name)
    unit = fill(QCoreApplication.translate("Export", "Reporting unit: %1"), data.county_name)
    when = fill(
        QCoreApplication.translate("Export", "Time of the figures: %1"), display_time(data.at)
    )
    total_label = QCoreApplication.translate("Export", "Total")
    towns = [
        [town.name, *rollup_values(town.figures), town.figures.completion_rate]
        for town in data.towns
    ]
    total = [total_label, *rollup_values(data.county), data.county.completion_rate]
    reported = [(town.name, town.reported) for town in data.towns if town.reported is not None]
    phoned: list[list[Any]] = [
        [
            name,
            *rollup_values(rep),
            rep.completion_rate,
            rep.source,
            display_time(rep.reported_at) if rep.reported_at else None,
        ]
        for name, rep in reported
    ]
    if phoned:
        phoned.append(
            [total_label, *rollup_values(data.reported), data.reported.completion_rate, None, None]
        )
    notes = [
        QCoreApplication.translate(
            "Export",
            "The table counts the households and other objects on the transfer "
            "lists. Moved = in shelters + with relatives + forcibly moved; still at home = "
            "people to move - moved (people refusing are still at home until moved); "
            "completion rate = moved / people to move.",
        ),
    ]
    path = Path(path)
    _write(
        path, title=title, unit=unit, when=when, body=towns, total=total, phoned=phoned, notes=notes
    )
    return RollupExportResult(path, len(towns), len(reported), data.at)


def _write(
    path: Path,
    *,
    title: str,
    unit: str,
    when: str,
    body: list[list[Any]],
    total: list[Any],
    phoned: list[list[Any]],
    notes: list[str],
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    columns = rollup_columns()
    width = len(columns)
    last = get_column_letter(width)
    rate_column = width  # the completion rate, the last of the main columns
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = QCoreApplication.translate("Export", "Transfer roll-up")[:31]
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    total_fill = PatternFill("solid", fgColor="F2F2F2")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)

    sheet.append([title])
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"].font = Font(size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    split = get_column_letter(width // 2)
    sheet.append([unit])
    sheet.cell(row=2, column=width // 2 + 1, value=when)
    sheet.merge_cells(f"A2:{split}2")
    sheet.merge_cells(f"{get_column_letter(width // 2 + 1)}2:{last}2")
    sheet.cell(row=2, column=width // 2 + 1).alignment = Alignment(horizontal="right")

    def table(header: list[str], rows: list[list[Any]], total_rows: int) -> int:
        """Append a bordered table; returns the row number of its header."""
        sheet.append(header)
        first = sheet.max_row
        for index in range(1, len(header) + 1):
            cell = sheet.cell(row=first, column=index)
            cell.font = Font(bold=True)
            cell.alignment = center
            cell.border = border
            cell.fill = header_fill
        sheet.row_dimensions[first].height = 30
        for position, values in enumerate(rows):
            sheet.append(
                [
                    "—" if index == rate_column - 1 and value is None else value
                    for index, value in enumerate(values)
                ]
            )
            number = sheet.max_row
            is_total = position >= len(rows) - total_rows
            for index in range(1, len(header) + 1):
                cell = sheet.cell(row=number, column=index)
                cell.border = border
                if index == 1:
                    cell.alignment = Alignment(horizontal="center", vertical="center")
                elif index == rate_column:
                    if isinstance(cell.value, float):
                        cell.number_format = PERCENT_FORMAT
                    else:
                        cell.alignment = Alignment(horizontal="center")
                if is_total:
                    cell.font = Font(bold=True)
                    cell.fill = total_fill
        return first

    header_row = table(columns, [*body, total], 1)
    if phoned:
        sheet.append([])
        sheet.append(
            [
                QCoreApplication.translate(
                    "Export",
                    "Figures phoned in by towns (counted separately, not included above; "
                    "the latest report of each town)",
                )
            ]
        )
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        table(
            [
                *columns,
                QCoreApplication.translate("Columns", "Reported by"),
                QCoreApplication.translate("Columns", "Reported at"),
            ],
            phoned,
            1,
        )
    sheet.append([])
    for note in notes:
        sheet.append([note])
        row = sheet.max_row
        sheet.merge_cells(f"A{row}:{last}{row}")
        sheet.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[row].height = 32

    sheet.column_dimensions["A"].width = _NAME_WIDTH
    for index in range(2, width + 1):
        sheet.column_dimensions[get_column_letter(index)].width = _NUMBER_WIDTH
    for offset, extra in enumerate(_EXTRA_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(width + offset)].width = extra
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
