"""How duty-log rows read in lists, sheets and printouts: the kind's label (a correction
names what it corrects), the caller in one cell, the team or warehouse concerned, the
state of a follow-up."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from models.clock import display_time
from models.command.dutylog import CORRECTION, FOLLOW_UP_CLOSED, LOG_KINDS
from models.command.dutylog_rows import DutyLogRow
from models.labels import label
from models.messages import fill


def kind_text(row: DutyLogRow) -> str:
    if row.kind == CORRECTION:
        return fill(QCoreApplication.translate("DutyLog", "Correction of %1"), f"#{row.refers_to}")
    if row.kind == FOLLOW_UP_CLOSED:
        return fill(
            QCoreApplication.translate("DutyLog", "Follow-up %1 closed"), f"#{row.refers_to}"
        )
    return label(LOG_KINDS, row.kind)


def caller_text(row: DutyLogRow) -> str:
    """单位 姓名 电话, the parts there are."""
    return " ".join(p for p in (row.caller_unit, row.caller_name, row.caller_phone) if p)


def resource_text(row: DutyLogRow) -> str:
    """队伍：名称 or 仓库：名称 for a reference; older free text as it was typed."""
    if not row.resource:
        return ""
    if row.team_id is not None:
        return fill(QCoreApplication.translate("DutyLog", "Team: %1"), row.resource)
    if row.warehouse_id is not None:
        return fill(QCoreApplication.translate("DutyLog", "Warehouse: %1"), row.resource)
    return row.resource


def state_text(row: DutyLogRow, now: datetime, tz: ZoneInfo | None = None) -> str:
    """Corrected, a follow-up's due time and whether it is open, overdue or closed."""
    parts = []
    if row.corrected_by is not None:
        parts.append(
            fill(QCoreApplication.translate("DutyLog", "corrected by %1"), f"#{row.corrected_by}")
        )
    if row.follow_up_due is not None:
        due = display_time(row.follow_up_due, short=True, tz=tz)
        if row.closed_by is not None:
            parts.append(
                fill(QCoreApplication.translate("DutyLog", "closed by %1"), f"#{row.closed_by}")
            )
        elif row.corrected_by is None:
            parts.append(
                fill(QCoreApplication.translate("DutyLog", "OVERDUE since %1"), due)
                if row.due(now)
                else fill(QCoreApplication.translate("DutyLog", "due %1"), due)
            )
    return "; ".join(parts)
