"""The command page's tables: level changes, grade changes, incidents, the day's roster
and the member units, each a ``RowTableModel`` over the domain's plain rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from models.clock import display_time
from models.command import INCIDENT_KINDS, SHIFTS, UNIT_KINDS, LevelChangeRow, level_label
from models.labels import EVENT_GRADES, label
from models.messages import QT_TRANSLATE_NOOP
from ui.common.table import Column, RowTableModel

_C = "CommandColumns"


def _time(value: Any) -> str:
    return display_time(value)


@dataclass(frozen=True, slots=True)
class LevelLine:
    """A level change as the table shows it ("No response" for a lifted response)."""

    at: datetime
    old: str
    new: str
    signer: str
    reason: str
    doc_number: str | None
    recorded_by: str


def level_lines(rows: Iterable[LevelChangeRow]) -> list[LevelLine]:
    return [
        LevelLine(
            r.at,
            level_label(r.old),
            level_label(r.new),
            r.signer,
            r.reason,
            r.doc_number,
            r.recorded_by,
        )
        for r in rows
    ]


LEVEL_COLUMNS = (
    Column("at", QT_TRANSLATE_NOOP("CommandColumns", "Time"), _C, _time),
    Column("old", QT_TRANSLATE_NOOP("CommandColumns", "From"), _C),
    Column("new", QT_TRANSLATE_NOOP("CommandColumns", "To"), _C),
    Column("signer", QT_TRANSLATE_NOOP("CommandColumns", "Signed by"), _C),
    Column("reason", QT_TRANSLATE_NOOP("CommandColumns", "Reason"), _C, max_width=420),
    Column("doc_number", QT_TRANSLATE_NOOP("CommandColumns", "Document number"), _C),
    Column("recorded_by", QT_TRANSLATE_NOOP("CommandColumns", "Recorded by"), _C),
)
GRADE_COLUMNS = (
    Column("at", QT_TRANSLATE_NOOP("CommandColumns", "Time"), _C, _time),
    Column(
        "old", QT_TRANSLATE_NOOP("CommandColumns", "From"), _C, lambda v: label(EVENT_GRADES, v)
    ),
    Column("new", QT_TRANSLATE_NOOP("CommandColumns", "To"), _C, lambda v: label(EVENT_GRADES, v)),
    Column("reason", QT_TRANSLATE_NOOP("CommandColumns", "Reason"), _C, max_width=420),
    Column("recorded_by", QT_TRANSLATE_NOOP("CommandColumns", "Recorded by"), _C),
)
INCIDENT_COLUMNS = (
    Column("at", QT_TRANSLATE_NOOP("CommandColumns", "Time"), _C, _time),
    Column(
        "kind", QT_TRANSLATE_NOOP("CommandColumns", "Kind"), _C, lambda v: label(INCIDENT_KINDS, v)
    ),
    Column("place", QT_TRANSLATE_NOOP("CommandColumns", "Place"), _C),
    Column("division", QT_TRANSLATE_NOOP("CommandColumns", "Town or village"), _C),
    Column("description", QT_TRANSLATE_NOOP("CommandColumns", "What happened"), _C, max_width=480),
    Column("recorded_by", QT_TRANSLATE_NOOP("CommandColumns", "Recorded by"), _C),
)
ROSTER_COLUMNS = (
    Column("shift", QT_TRANSLATE_NOOP("CommandColumns", "Shift"), _C, lambda v: label(SHIFTS, v)),
    Column("officers", QT_TRANSLATE_NOOP("CommandColumns", "Officers on duty"), _C),
    Column("leader", QT_TRANSLATE_NOOP("CommandColumns", "Leader on shift"), _C),
    Column("leader_phone", QT_TRANSLATE_NOOP("CommandColumns", "Leader's phone"), _C),
    Column("set_by", QT_TRANSLATE_NOOP("CommandColumns", "Set by"), _C),
)
UNIT_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("CommandColumns", "Unit"), _C),
    Column("abbreviation", QT_TRANSLATE_NOOP("CommandColumns", "Abbreviation"), _C),
    Column("kind", QT_TRANSLATE_NOOP("CommandColumns", "Kind"), _C, lambda v: label(UNIT_KINDS, v)),
    Column("duty_phone", QT_TRANSLATE_NOOP("CommandColumns", "Duty phone"), _C),
    Column("contact", QT_TRANSLATE_NOOP("CommandColumns", "Contact"), _C),
    Column("contact_phone", QT_TRANSLATE_NOOP("CommandColumns", "Contact's mobile"), _C),
    Column("note", QT_TRANSLATE_NOOP("CommandColumns", "Note"), _C),
)


def level_model() -> RowTableModel:
    return RowTableModel(LEVEL_COLUMNS)


def grade_model() -> RowTableModel:
    return RowTableModel(GRADE_COLUMNS)


def incident_model() -> RowTableModel:
    return RowTableModel(
        INCIDENT_COLUMNS, search_texts=lambda r: (r.place, r.division, r.description)
    )


def roster_model() -> RowTableModel:
    return RowTableModel(ROSTER_COLUMNS)


def unit_model() -> RowTableModel:
    return RowTableModel(
        UNIT_COLUMNS,
        search_texts=lambda r: (r.name, r.abbreviation, r.contact, r.duty_phone, r.contact_phone),
    )
