"""``export dutylog``: the duty log (an event's, or every entry) as a workbook, one row per
entry, oldest first, corrections beside what they correct by number. Callers' phones are
masked unless ``unmasked`` is asked for by a role with UNMASK_EXPORTS, which the audit
records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from models.base import utcnow
from models.clock import display_time
from models.command import LogFilter, list_entries
from models.command.dutylog_text import kind_text, resource_text, state_text
from models.events import get_event
from models.exports.sheet import (
    TEXT,
    body_row,
    column_widths,
    header_row,
    new_workbook,
    print_setup,
    save,
    title_row,
)
from models.masking import mask_phone
from models.messages import fill
from models.privacy import audit_unmasked, unmasking
from models.refusals import NotFound
from models.users import Permission, require


@dataclass(frozen=True)
class DutyLogExport:
    path: Path
    rows: int
    masked: bool


def dutylog_columns() -> list[str]:
    return [
        QCoreApplication.translate("DutyLog", "No."),
        QCoreApplication.translate("DutyLog", "Time"),
        QCoreApplication.translate("DutyLog", "Kind"),
        QCoreApplication.translate("DutyLog", "Caller's unit"),
        QCoreApplication.translate("DutyLog", "Caller"),
        QCoreApplication.translate("DutyLog", "Phone"),
        QCoreApplication.translate("DutyLog", "Content"),
        QCoreApplication.translate("DutyLog", "Leader's instruction and handling"),
        QCoreApplication.translate("DutyLog", "Town or village"),
        QCoreApplication.translate("DutyLog", "Team or warehouse"),
        QCoreApplication.translate("DutyLog", "Follow-up"),
        QCoreApplication.translate("DutyLog", "Recorded by"),
    ]


_WIDTHS = (7, 17, 14, 16, 10, 15, 48, 36, 14, 14, 22, 12)


def export_dutylog(
    *,
    session: Session,
    path: str | Path,
    event: int | None = None,
    unmasked: bool = False,
    since: datetime | None = None,
    until: datetime | None = None,
) -> DutyLogExport:
    """Write the log (``event``'s entries, or all) to an .xlsx file."""
    require(session, Permission.READ_REGISTER)
    masked = unmasking(session, unmasked=unmasked)
    title = QCoreApplication.translate("DutyLog", "Duty log")
    if event is not None:
        found = get_event(session=session, event_id=event)
        if found is None:
            raise NotFound(
                fill(QCoreApplication.translate("DutyLog", "No event with id %1."), str(event))
            )
        title = fill(QCoreApplication.translate("DutyLog", "Duty log: %1"), found.name)
    rows = list_entries(
        session=session, where=LogFilter(event_id=event, since=since, until=until), limit=None
    )
    rows.reverse()
    now = utcnow()
    path = Path(path)
    workbook, sheet = new_workbook(QCoreApplication.translate("DutyLog", "Duty log"))
    columns = dutylog_columns()
    title_row(sheet, title, span=len(columns))
    header = header_row(sheet, columns)
    phones = 0
    for row in rows:
        phone = mask_phone(row.caller_phone) if masked else row.caller_phone
        phones += bool(phone)
        body_row(
            sheet,
            [
                row.id,
                display_time(row.at),
                kind_text(row),
                row.caller_unit or "",
                row.caller_name or "",
                phone or "",
                row.content,
                row.instruction or "",
                row.division_name or row.division_code or "",
                resource_text(row),
                state_text(row, now),
                row.recorded_by,
            ],
            formats={5: TEXT},
        )
    column_widths(sheet, _WIDTHS)
    print_setup(sheet, header=header)
    save(workbook, path)
    if not masked:
        audit_unmasked(
            session,
            document="dutylog",
            path=path,
            subject={"event": event} if event is not None else {},
            rows=phones,
            table="duty_log",
        )
    return DutyLogExport(path, len(rows), masked)
