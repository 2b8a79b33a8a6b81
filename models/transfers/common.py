"""Labels, permissions and small helpers every part of personnel transfer shares:
statuses and kinds, typed Core tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast

from sqlalchemy import Table
from sqlalchemy.orm import aliased

from models.areas import Division
from models.base import Base
from models.messages import QT_TRANSLATE_NOOP
from models.users import Permission

CHECK_IN = Permission.CHECK_IN

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


_T = TypeVar("_T")


def _table(entity: type[Base]) -> Table:
    """The Core table of a mapped class (typed for Core inserts and updates)."""
    return cast(Table, entity.__table__)


def _rows_as(cls: Callable[..., _T], result: Iterable[Any]) -> list[_T]:
    return [cls(*row) for row in result]


_Village = aliased(Division, name="village")
_Town = aliased(Division, name="town")
