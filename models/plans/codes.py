"""The plan library's code lists, each code with its translated label."""

from __future__ import annotations

from models.messages import QT_TRANSLATE_NOOP

PLAN_CLASSES = {
    "overall": QT_TRANSLATE_NOOP("Plans", "Overall plan"),
    "special": QT_TRANSLATE_NOOP("Plans", "Special plan"),
    "departmental": QT_TRANSLATE_NOOP("Plans", "Departmental plan"),
    "joint": QT_TRANSLATE_NOOP("Plans", "Joint plan"),
    "town": QT_TRANSLATE_NOOP("Plans", "Town or street plan"),
    "village": QT_TRANSLATE_NOOP("Plans", "Village or community plan"),
    "enterprise": QT_TRANSLATE_NOOP("Plans", "Enterprise plan"),
}
# Plans that must be drilled at least every three years.
DRILLED_CLASSES = frozenset({"special", "departmental"})

CATEGORIES = {
    "natural": QT_TRANSLATE_NOOP("Plans", "Natural disaster"),
    "accident": QT_TRANSLATE_NOOP("Plans", "Accident"),
    "health": QT_TRANSLATE_NOOP("Plans", "Public health"),
    "security": QT_TRANSLATE_NOOP("Plans", "Social security"),
}

EVENT_TYPES = {
    "typhoon": QT_TRANSLATE_NOOP("Plans", "Typhoon"),
    "flood": QT_TRANSLATE_NOOP("Plans", "Flood"),
    "geological": QT_TRANSLATE_NOOP("Plans", "Geological hazard"),
    "forest_fire": QT_TRANSLATE_NOOP("Plans", "Forest fire"),
    "hazardous_chemicals": QT_TRANSLATE_NOOP("Plans", "Hazardous chemicals"),
    "drought": QT_TRANSLATE_NOOP("Plans", "Drought"),
    "earthquake": QT_TRANSLATE_NOOP("Plans", "Earthquake"),
    "snow_freeze": QT_TRANSLATE_NOOP("Plans", "Snow and freezing"),
    "marine": QT_TRANSLATE_NOOP("Plans", "Marine disaster"),
    "production_safety": QT_TRANSLATE_NOOP("Plans", "Production safety accident"),
    "road_traffic": QT_TRANSLATE_NOOP("Plans", "Road traffic accident"),
    "fire": QT_TRANSLATE_NOOP("Plans", "Fire"),
    "power": QT_TRANSLATE_NOOP("Plans", "Power outage"),
    "environment": QT_TRANSLATE_NOOP("Plans", "Environmental pollution"),
    "epidemic": QT_TRANSLATE_NOOP("Plans", "Epidemic"),
    "food_safety": QT_TRANSLATE_NOOP("Plans", "Food safety"),
    "mass_incident": QT_TRANSLATE_NOOP("Plans", "Mass incident"),
    "other": QT_TRANSLATE_NOOP("Plans", "Other"),
}

# The life of a plan, in order; superseded and abolished end it.
STATUSES = {
    "scheduled": QT_TRANSLATE_NOOP("Plans", "Scheduled for revision"),
    "drafting": QT_TRANSLATE_NOOP("Plans", "Drafting"),
    "review": QT_TRANSLATE_NOOP("Plans", "Expert review"),
    "approved": QT_TRANSLATE_NOOP("Plans", "Approved"),
    "published": QT_TRANSLATE_NOOP("Plans", "Published"),
    "filed": QT_TRANSLATE_NOOP("Plans", "Filed"),
    "superseded": QT_TRANSLATE_NOOP("Plans", "Superseded"),
    "abolished": QT_TRANSLATE_NOOP("Plans", "Abolished"),
}
STATUS_ORDER = tuple(STATUSES)
FINAL_STATUSES = frozenset({"superseded", "abolished"})
IN_FORCE = frozenset({"published", "filed"})

ACTION_GROUPS = {
    "command": QT_TRANSLATE_NOOP("Plans", "Command"),
    "warning": QT_TRANSLATE_NOOP("Plans", "Warning and reporting"),
    "transfer": QT_TRANSLATE_NOOP("Plans", "Transfer and resettlement"),
    "rescue": QT_TRANSLATE_NOOP("Plans", "Rescue"),
    "medical": QT_TRANSLATE_NOOP("Plans", "Medical"),
    "support": QT_TRANSLATE_NOOP("Plans", "Support"),
    "information": QT_TRANSLATE_NOOP("Plans", "Public information"),
}

DRILL_KINDS = {
    "tabletop": QT_TRANSLATE_NOOP("Plans", "Tabletop"),
    "functional": QT_TRANSLATE_NOOP("Plans", "Functional"),
    "full_scale": QT_TRANSLATE_NOOP("Plans", "Full-scale"),
    "unscripted": QT_TRANSLATE_NOOP("Plans", "Unscripted"),
}

# Response stages from the lowest: the sea-typhoon stage (where a plan has one), Ⅳ … Ⅰ.
STAGE_ORDER = ("sea", "IV", "III", "II", "I")


def stage_rank(level: str) -> int:
    return STAGE_ORDER.index(level)


def stages_up_to(level: str) -> tuple[str, ...]:
    """The stage and every lower one."""
    return STAGE_ORDER[: stage_rank(level) + 1]
