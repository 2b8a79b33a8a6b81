"""Translated labels for the fixed code lists of the domain.

Codes are stored; labels are shown. Source labels are English, the Chinese
catalogue in resources/i18n translates them (context "Label").
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from models.messages import QT_TRANSLATE_NOOP

DIVISION_LEVELS = {
    "county": QT_TRANSLATE_NOOP("Label", "County"),
    "town": QT_TRANSLATE_NOOP("Label", "Town / street"),
    "village": QT_TRANSLATE_NOOP("Label", "Village / community"),
}

DANGER_KINDS = {
    "flash_flood": QT_TRANSLATE_NOOP("Label", "Flash flood"),
    "geological": QT_TRANSLATE_NOOP("Label", "Geological hazard"),
    "waterlogging": QT_TRANSLATE_NOOP("Label", "Low-lying waterlogging"),
    "dilapidated_housing": QT_TRANSLATE_NOOP("Label", "Dilapidated housing"),
    "seawall": QT_TRANSLATE_NOOP("Label", "Seawall and coast"),
    "work_shed": QT_TRANSLATE_NOOP("Label", "Work sheds and sites"),
    "fishing_raft": QT_TRANSLATE_NOOP("Label", "Fishing boats and rafts"),
    "scenic_spot": QT_TRANSLATE_NOOP("Label", "Scenic spot"),
}

SHELTER_LEVELS = {
    "county": QT_TRANSLATE_NOOP("Label", "County level"),
    "town": QT_TRANSLATE_NOOP("Label", "Town level"),
    "village": QT_TRANSLATE_NOOP("Label", "Village level"),
}

WORKING_GROUP_POSTS = {
    "head": QT_TRANSLATE_NOOP("Label", "Village head"),
    "monitoring": QT_TRANSLATE_NOOP("Label", "Monitoring and warning"),
    "transfer": QT_TRANSLATE_NOOP("Label", "Transfer"),
    "rescue": QT_TRANSLATE_NOOP("Label", "Rescue"),
    "patroller": QT_TRANSLATE_NOOP("Label", "Patroller"),
    "shelter_manager": QT_TRANSLATE_NOOP("Label", "Shelter manager"),
    "liaison": QT_TRANSLATE_NOOP("Label", "Liaison"),
}

ROLES = {
    "admin": QT_TRANSLATE_NOOP("Label", "Administrator"),
    "duty": QT_TRANSLATE_NOOP("Label", "Duty officer"),
    "planner": QT_TRANSLATE_NOOP("Label", "Planner"),
    "clerk": QT_TRANSLATE_NOOP("Label", "Clerk"),
    "viewer": QT_TRANSLATE_NOOP("Label", "Viewer"),
    "local": QT_TRANSLATE_NOOP("Label", "Local operator"),  # SQLite without --user; no user's
}

RESPONSE_LEVELS = {
    "sea": QT_TRANSLATE_NOOP("Label", "Sea-typhoon response"),
    "IV": QT_TRANSLATE_NOOP("Label", "Level IV (blue)"),
    "III": QT_TRANSLATE_NOOP("Label", "Level III (yellow)"),
    "II": QT_TRANSLATE_NOOP("Label", "Level II (orange)"),
    "I": QT_TRANSLATE_NOOP("Label", "Level I (red)"),
}
RESPONSE_COLOURS = {
    "sea": "#0b7a8a",
    "IV": "#1f5fbf",
    "III": "#e0b000",
    "II": "#f07800",
    "I": "#d01010",
}

LEVEL_ORDER = ("sea", "IV", "III", "II", "I")  # lowest first; None: no response in force

EVENT_GRADES = {
    "general": QT_TRANSLATE_NOOP("Label", "General"),
    "large": QT_TRANSLATE_NOOP("Label", "Relatively major"),
    "major": QT_TRANSLATE_NOOP("Label", "Major"),
    "extra": QT_TRANSLATE_NOOP("Label", "Especially major"),
}


def label(table: Mapping[str, str], code: str | None) -> str:
    """The translated label of a code, or the code itself when unknown."""
    if code is None:
        return ""
    source = table.get(code)
    return QCoreApplication.translate("Label", source) if source else code


def code_for(table: Mapping[str, str], text: str) -> str | None:
    """The code whose label (English or translated) or code equals text."""
    text = text.strip()
    for code, source in table.items():
        if text in (code, source, QCoreApplication.translate("Label", source)):
            return code
    return None
