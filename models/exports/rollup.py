"""``export transfer-rollup``: an event's town roll-up in the layout reported upward.

One sheet: a title row naming the event, the reporting unit and the time of the
figures, a header row, one row per town in code order with the figures as
columns (people to move, moved, in shelters, with relatives, forcibly moved,
refused, still at home, completion rate as a percent-formatted number) and a
total row equal to the county's figures, people with thousands separators
(12,345). Figures phoned in by towns are listed below in the same columns,
apart: they may overlap the listed households. Under the tables the report
upward names who filled it in (the operator), leaves a line for who checked it
(填报人、审核人) and dates it. The table holds no personal information, so unlike
the village transfer list there is nothing to mask and nothing to audit.

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

from models.base import utcnow
from models.clock import display_time
from models.events import get_event
from models.exports.households import ExportRefused
from models.exports.sheet import (
    PERCENT,
    body_row,
    cell,
    column_widths,
    header_row,
    merged_row,
    new_workbook,
    note_row,
    print_setup,
    save,
    title_row,
)
from models.messages import fill
from models.operators import operator_name
from models.transfers import Figures, ReportedFigures, rollup
from models.users import Permission, actor_of, require

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
PERCENT_FORMAT = PERCENT
PEOPLE_FORMAT = "#,##0"  # 12,345
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


def people_text(count: int) -> str:
    """A number of people as printed: 12,345."""
    return f"{count:,}"


@dataclass(frozen=True)
class SignOff:
    """Who filled the report in and who checked it (填报人、审核人), and when it was made."""

    filled_in_by: str
    checked_by: str  # empty: a line to sign on
    made_at: datetime

    def parts(self) -> list[tuple[str, str]]:
        """(caption, value) in the order printed."""
        return [
            (QCoreApplication.translate("Export", "Filled in by:"), self.filled_in_by),
            (QCoreApplication.translate("Export", "Checked by:"), self.checked_by),
            (QCoreApplication.translate("Export", "Date:"), display_time(self.made_at)),
        ]


def sign_off(session: Session) -> SignOff:
    """The acting operator fills the report in; the checker signs it on paper."""
    actor = actor_of(session)
    return SignOff(operator_name(actor.name if actor else None), "", utcnow())


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
        path,
        title=title,
        unit=unit,
        when=when,
        body=towns,
        total=total,
        phoned=phoned,
        notes=notes,
        signed=sign_off(session),
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
    signed: SignOff,
) -> None:
    columns = rollup_columns()
    width = len(columns)
    rate = width - 1  # the completion rate, the last of the main columns (0-based)
    workbook, sheet = new_workbook(QCoreApplication.translate("Export", "Transfer roll-up"))
    title_row(sheet, title, span=width)
    half = width // 2
    merged_row(sheet, [(unit, half, None), (when, width - half, "right")])

    def table(header: list[str], rows: list[list[Any]]) -> int:
        """A bordered table whose last row is its total; returns its header's row."""
        first = header_row(sheet, header)
        for position, values in enumerate(rows):
            shown = ["—" if i == rate and v is None else v for i, v in enumerate(values)]
            formats = dict.fromkeys(range(1, rate), PEOPLE_FORMAT)
            if isinstance(shown[rate], float):
                formats[rate] = PERCENT_FORMAT
            body_row(
                sheet,
                shown,
                formats=formats,
                align={0: "center"}
                if isinstance(shown[rate], float)
                else {0: "center", rate: "center"},
                total=position == len(rows) - 1,
            )
        return first

    header = table(columns, [*body, total])
    if phoned:
        sheet.append([])
        sheet.append(
            [
                cell(
                    sheet,
                    QCoreApplication.translate(
                        "Export",
                        "Figures phoned in by towns (counted separately, not included above; "
                        "the latest report of each town)",
                    ),
                    bold=True,
                )
            ]
        )
        table(
            [
                *columns,
                QCoreApplication.translate("Columns", "Reported by"),
                QCoreApplication.translate("Columns", "Reported at"),
            ],
            phoned,
        )
    sheet.append([])
    thirds = [width // 3, width // 3, width - 2 * (width // 3)]
    merged_row(
        sheet,
        [
            (f"{caption}{value}", span, None)
            for (caption, value), span in zip(signed.parts(), thirds, strict=True)
        ],
        height=24,
    )
    sheet.append([])
    for note in notes:
        note_row(sheet, note, span=width)
    column_widths(sheet, [_NAME_WIDTH, *[_NUMBER_WIDTH] * (width - 1), *_EXTRA_WIDTHS])
    print_setup(sheet, header=header)
    save(workbook, path)
