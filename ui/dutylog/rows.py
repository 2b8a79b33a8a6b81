"""What the duty log page loads (in a worker) and how its table shows it: the event in
progress, the log's rows with corrections placed under what they correct, the due
follow-ups; one row per entry with a precomputed display."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from models.base import utcnow
from models.clock import display_time, display_zone
from models.command import (
    CORRECTION,
    FOLLOW_UP_CLOSED,
    DutyLogRow,
    LogFilter,
    ResourceChoice,
    count_due_follow_ups,
    due_follow_ups,
    list_entries,
    resource_choices,
)
from models.command.dutylog_rows import DEFAULT_LIMIT
from models.command.dutylog_text import caller_text, kind_text, resource_text, state_text
from models.database import Database
from models.events import EventRow, active_event
from models.messages import QT_TRANSLATE_NOOP
from models.users import Actor
from ui.common.styles import ALERT_COLOUR, NOTE_COLOUR
from ui.common.table import CENTRE, Column, RowTableModel

DUE_BACKGROUND = "#fde7dc"  # an open follow-up whose time has come
CORRECTION_BACKGROUND = "#eef3f8"  # a correction, under what it corrects


@dataclass(frozen=True, slots=True)
class LogLine:
    """One row of the page's table: the entry and its texts as shown."""

    id: int
    at: datetime
    kind: str
    caller: str
    content: str
    instruction: str
    place: str
    resource: str  # the team or warehouse concerned
    state: str
    recorded_by: str
    entry: DutyLogRow
    due: bool
    superseded: bool  # corrected by a later entry
    correction: bool


@dataclass(frozen=True)
class LogData:
    event: EventRow | None
    lines: list[LogLine]
    due: list[DutyLogRow]  # the longest overdue first, at most 20
    due_count: int
    loaded_at: datetime
    limited: bool  # more entries match than the page shows
    # The teams and warehouses an entry may name; None when not read with this load.
    resources: list[ResourceChoice] | None


COLUMNS = (
    Column("id", QT_TRANSLATE_NOOP("DutyLog", "No."), "DutyLog", alignment=CENTRE),
    Column(
        "at",
        QT_TRANSLATE_NOOP("DutyLog", "Time"),
        "DutyLog",
        formatter=lambda at: display_time(at, short=True),
    ),
    Column("kind", QT_TRANSLATE_NOOP("DutyLog", "Kind"), "DutyLog"),
    Column("state", QT_TRANSLATE_NOOP("DutyLog", "Follow-up"), "DutyLog", max_width=200),
    Column("caller", QT_TRANSLATE_NOOP("DutyLog", "Caller"), "DutyLog", max_width=230),
    Column("content", QT_TRANSLATE_NOOP("DutyLog", "Content"), "DutyLog", max_width=420),
    Column(
        "instruction",
        QT_TRANSLATE_NOOP("DutyLog", "Leader's instruction and handling"),
        "DutyLog",
        max_width=360,
    ),
    Column("place", QT_TRANSLATE_NOOP("DutyLog", "Town or village"), "DutyLog"),
    Column("resource", QT_TRANSLATE_NOOP("DutyLog", "Team or warehouse"), "DutyLog", max_width=220),
    Column("recorded_by", QT_TRANSLATE_NOOP("DutyLog", "Recorded by"), "DutyLog"),
)


def _grouped(rows: list[DutyLogRow]) -> list[DutyLogRow]:
    """Latest first, each correction right under the entry it corrects (and its own
    corrections under it)."""
    by_id = {row.id: row for row in rows}
    children: dict[int, list[DutyLogRow]] = {}
    tops: list[DutyLogRow] = []
    for row in rows:
        if row.kind == CORRECTION and row.refers_to in by_id:
            children.setdefault(row.refers_to, []).append(row)
        else:
            tops.append(row)
    ordered: list[DutyLogRow] = []

    def place(row: DutyLogRow) -> None:
        ordered.append(row)
        for child in sorted(children.get(row.id, ()), key=lambda r: r.id):
            place(child)

    for row in tops:
        place(row)
    return ordered


def log_lines(rows: list[DutyLogRow], now: datetime) -> list[LogLine]:
    tz = display_zone()
    kinds: dict[tuple[str, int | None], str] = {}

    def kind(row: DutyLogRow) -> str:
        key = (row.kind, row.refers_to if row.kind in (CORRECTION, FOLLOW_UP_CLOSED) else None)
        if key not in kinds:
            kinds[key] = kind_text(row)
        return kinds[key]

    return [
        LogLine(
            row.id,
            row.at,
            kind(row),
            caller_text(row),
            row.content,
            row.instruction or "",
            row.division_name or row.division_code or "",
            resource_text(row),
            state_text(row, now, tz) if row.follow_up_due or row.corrected_by else "",
            row.recorded_by,
            row,
            row.due(now),
            row.corrected_by is not None,
            row.kind == CORRECTION,
        )
        for row in _grouped(rows)
    ]


def load_log(
    *,
    db: Database,
    actor: Actor,
    where: LogFilter,
    every_event: bool = False,
    with_resources: bool = False,
) -> LogData:
    """The page's data: its event (the one in progress), the matching entries, the due
    follow-ups (of every event: a reminder is for the whole duty room) and, when asked,
    the teams and warehouses the form offers (a thousand names: not on every filter)."""
    now = utcnow()
    with db.session(actor) as session:
        event = active_event(session=session)
        if not every_event and where.event_id is None and event is not None:
            where = replace(where, event_id=event.id)
        rows = list_entries(session=session, where=where, limit=DEFAULT_LIMIT)
        due = due_follow_ups(session=session, now=now)
        due_count = count_due_follow_ups(session=session, now=now) if len(due) >= 20 else len(due)
        resources = resource_choices(session=session) if with_resources else None
    return LogData(
        event, log_lines(rows, now), due, due_count, now, len(rows) >= DEFAULT_LIMIT, resources
    )


class LogTableModel(RowTableModel):
    """The log's table: due follow-ups on an alert background, corrections tinted, the
    entries they replace greyed."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent=parent)
        self._due_brush = QBrush(QColor(DUE_BACKGROUND))
        self._correction_brush = QBrush(QColor(CORRECTION_BACKGROUND))
        self._grey = QBrush(QColor(NOTE_COLOUR))
        self._alert = QBrush(QColor(ALERT_COLOUR))

    def _value(self, row: int, column: int, role: int) -> Any:
        if role == int(Qt.ItemDataRole.BackgroundRole):
            line = self.row_at(row)
            if line.due:
                return self._due_brush
            if line.correction:
                return self._correction_brush
            return None
        if role == int(Qt.ItemDataRole.ForegroundRole):
            line = self.row_at(row)
            if line.superseded:
                return self._grey
            if line.due and self.columns[column].key == "state":
                return self._alert
            return None
        return super()._value(row, column, role)

    def line_at(self, index: QModelIndex | QPersistentModelIndex) -> LogLine | None:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        line = self.row_at(index.row())
        return line if isinstance(line, LogLine) else None
