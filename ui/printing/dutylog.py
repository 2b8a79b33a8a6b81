"""``print handover``: the shift handover sheet (交接班记录), A4 landscape: who handed over
to whom and when, the shift's entries, the follow-ups still open and the open items, with
a line for each officer's signature. Callers' phones are left off the sheet."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from models.base import utcnow
from models.clock import display_time
from models.command import DutyLogRow, get_handover, handover_entries, open_follow_ups
from models.command.dutylog_text import kind_text, state_text
from models.messages import fill
from models.refusals import NotFound
from models.users import Permission, require
from ui.printing.layout import build_list_pdf
from ui.printing.transfers import PrintResult

_WIDTHS_MM = (12, 26, 26, 40, 90, 60, 36, 22)


def print_handover(
    *, session: Session, path: str | Path, handover: int | None = None
) -> PrintResult:
    """The handover sheet of ``handover`` (its id), or of the latest handover."""
    require(session, Permission.READ_REGISTER)
    row = get_handover(session=session, handover_id=handover)
    if row is None:
        raise NotFound(
            QCoreApplication.translate("DutyLog", "No shift handover has been recorded.")
            if handover is None
            else fill(
                QCoreApplication.translate("DutyLog", "No handover with id %1."), str(handover)
            )
        )
    entries = handover_entries(session=session, handover=row)
    still_open = [f for f in open_follow_ups(session=session) if f.at < row.at]
    now = utcnow()
    body: list[list[object]] = []
    for entry in entries:
        body.append(_cells(entry, now))
    for entry in still_open:
        cells = _cells(entry, now)
        cells[2] = QCoreApplication.translate("DutyLog", "Open follow-up") + " · " + str(cells[2])
        body.append(cells)
    lead_parts = [
        fill(QCoreApplication.translate("DutyLog", "Summary: %1"), row.summary),
        fill(
            QCoreApplication.translate("DutyLog", "Follow-ups open: %1"), str(row.open_follow_ups)
        ),
    ]
    if row.open_items:
        lead_parts.append(
            fill(QCoreApplication.translate("DutyLog", "Open items: %1"), row.open_items)
        )
    path = Path(path)
    pages = build_list_pdf(
        path,
        title=QCoreApplication.translate("DutyLog", "Duty shift handover record"),
        columns=[
            QCoreApplication.translate("DutyLog", "No."),
            QCoreApplication.translate("DutyLog", "Time"),
            QCoreApplication.translate("DutyLog", "Kind"),
            QCoreApplication.translate("DutyLog", "Caller"),
            QCoreApplication.translate("DutyLog", "Content"),
            QCoreApplication.translate("DutyLog", "Leader's instruction and handling"),
            QCoreApplication.translate("DutyLog", "Follow-up"),
            QCoreApplication.translate("DutyLog", "Recorded by"),
        ],
        widths_mm=_WIDTHS_MM,
        align=["center", "center", "left", "left", "left", "left", "left", "center"],
        rows=body,
        subtitle_left=fill(
            QCoreApplication.translate("DutyLog", "Shift %1 to %2"),
            display_time(row.shift_start),
            display_time(row.at),
        ),
        subtitle_right=fill(
            QCoreApplication.translate("DutyLog", "Handed over by %1 to %2"),
            row.from_user,
            row.to_user,
        ),
        lead="  ".join(lead_parts),
        sign_off=(
            (QCoreApplication.translate("DutyLog", "Officer handing over"), row.from_user),
            (QCoreApplication.translate("DutyLog", "Officer taking over"), row.to_user),
        ),
        note=fill(QCoreApplication.translate("Printing", "Printed %1"), display_time(now)),
    )
    return PrintResult(path, pages, len(body), True)


def _cells(entry: DutyLogRow, now: datetime) -> list[object]:
    caller = " ".join(p for p in (entry.caller_unit, entry.caller_name) if p)
    return [
        entry.id,
        display_time(entry.at, short=True),
        kind_text(entry),
        caller,
        entry.content,
        entry.instruction or "",
        state_text(entry, now),
        entry.recorded_by,
    ]
