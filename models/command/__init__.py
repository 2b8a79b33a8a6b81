"""Command (指挥调度): events' response levels and grades as history, the incidents logged
under an event, and the register of member units. The event itself is ``models.events``;
``units_import`` holds the steps of ``import units`` (loaded by the import registry)."""

from models.command.incidents import INCIDENT_KINDS, IncidentRow, list_incidents, log_incident
from models.command.levels import (
    LIFTED,
    EventGradeChange,
    EventLevelChange,
    GradeChangeRow,
    LevelChangeRow,
    change_grade,
    change_response_level,
    find_event,
    grade_history,
    level_history,
    level_label,
    level_since,
)
from models.command.units import (
    UNIT_KINDS,
    MemberUnit,
    UnitFields,
    UnitRow,
    list_units,
    save_unit,
)

__all__ = [
    "INCIDENT_KINDS",
    "LIFTED",
    "UNIT_KINDS",
    "EventGradeChange",
    "EventLevelChange",
    "GradeChangeRow",
    "IncidentRow",
    "LevelChangeRow",
    "MemberUnit",
    "UnitFields",
    "UnitRow",
    "change_grade",
    "change_response_level",
    "find_event",
    "grade_history",
    "level_history",
    "level_label",
    "level_since",
    "list_incidents",
    "list_units",
    "log_incident",
    "save_unit",
]
