"""Labels, permissions and small helpers every part of personnel transfer shares:
statuses and kinds, the display zone and time, typed Core tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar, cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy import Table
from sqlalchemy.orm import aliased

from models.areas import Division
from models.base import Base
from models.users import Permission

# Until users.py has a permission of its own for check-in, whoever may edit the
# register (duty officers, planners, administrators) records transfers.
CHECK_IN = Permission.EDIT_REGISTER

TRANSFER_STATUSES = {
    "to_move": QT_TRANSLATE_NOOP("Label", "To move"),
    "away": QT_TRANSLATE_NOOP("Label", "Away from home"),
    "sheltered": QT_TRANSLATE_NOOP("Label", "In a shelter"),
    "relatives": QT_TRANSLATE_NOOP("Label", "With relatives or friends"),
    "refused": QT_TRANSLATE_NOOP("Label", "Refused to move"),
    "forced": QT_TRANSLATE_NOOP("Label", "Forcibly moved"),
    "returned": QT_TRANSLATE_NOOP("Label", "Returned home"),
}
MOVED_STATES = ("sheltered", "relatives", "forced")

OBJECT_KINDS = {
    "work_shed": QT_TRANSLATE_NOOP("Label", "Work shed"),
    "construction_site": QT_TRANSLATE_NOOP("Label", "Construction site"),
    "fishing_raft": QT_TRANSLATE_NOOP("Label", "Fishing raft"),
    "scenic_spot": QT_TRANSLATE_NOOP("Label", "Scenic spot"),
}
# The danger-zone kind an object is rolled up under.
OBJECT_DANGER_KIND = {
    "work_shed": "work_shed",
    "construction_site": "work_shed",
    "fishing_raft": "fishing_raft",
    "scenic_spot": "scenic_spot",
}
# Danger-zone kinds whose people are objects by head count rather than households.
OBJECT_ZONE_KINDS = frozenset({"work_shed", "fishing_raft", "scenic_spot"})

NEARLY_FULL = 0.9  # occupancy above this share of capacity is a warning


# The settings file, what its status said (inode, modified, size) and the zone it named.
_zone_read: tuple[Path, tuple[int, int, int] | None, ZoneInfo] | None = None


def display_zone() -> ZoneInfo:
    """The zone times are shown in (the workstation setting, Asia/Shanghai by default);
    the settings file is read again only when it has changed."""
    global _zone_read
    from models.settings import Settings, settings_path

    path = settings_path()
    try:
        status = path.stat()
        stamp: tuple[int, int, int] | None = (status.st_ino, status.st_mtime_ns, status.st_size)
    except OSError:
        stamp = None
    if _zone_read is not None and _zone_read[:2] == (path, stamp):
        return _zone_read[2]
    try:
        zone = ZoneInfo(Settings.load().timezone)
    except Exception:
        zone = ZoneInfo("Asia/Shanghai")
    _zone_read = (path, stamp, zone)
    return zone


def display_time(at: datetime) -> str:
    """A stored time as the duty room reads it: the display zone, to the minute."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(display_zone()).strftime("%Y-%m-%d %H:%M")


def _local_time(at: datetime) -> str:
    return at.astimezone(display_zone()).strftime("%Y-%m-%d %H:%M:%S")


_T = TypeVar("_T")


def _table(entity: type[Base]) -> Table:
    """The Core table of a mapped class (typed for Core inserts and updates)."""
    return cast(Table, entity.__table__)


def _rows_as(cls: Callable[..., _T], result: Iterable[Any]) -> list[_T]:
    return [cls(*row) for row in result]


_Village = aliased(Division, name="village")
_Town = aliased(Division, name="town")
