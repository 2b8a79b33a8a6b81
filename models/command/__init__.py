"""Command (指挥调度): events' response levels and grades as history, the incidents logged
under an event, and the register of member units. The event itself is ``models.events``;
``units_import`` holds the steps of ``import units`` (loaded by the import registry)."""

import models.command.reports_tables  # noqa: F401  (the reports' tables)
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
from models.command.numbering import (
    DocumentIssuer,
    DocumentNumber,
    Issuer,
    NumberRow,
    issuer,
    numbers_taken,
    set_issuer,
    take_number,
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
    "DocumentIssuer",
    "DocumentNumber",
    "EventGradeChange",
    "EventLevelChange",
    "GradeChangeRow",
    "IncidentRow",
    "Issuer",
    "LevelChangeRow",
    "MemberUnit",
    "NumberRow",
    "UnitFields",
    "UnitRow",
    "change_grade",
    "change_response_level",
    "find_event",
    "grade_history",
    "issuer",
    "level_history",
    "level_label",
    "level_since",
    "list_incidents",
    "list_units",
    "log_incident",
    "numbers_taken",
    "save_unit",
    "set_issuer",
    "take_number",
]
