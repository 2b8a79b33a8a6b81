"""The rows and columns of the transfers page's tables, and how its figures are written.

Plain frozen rows for RowTableModel, so the page's models hold no live ORM object.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication

from models.clock import display_time
from models.labels import label
from models.messages import QT_TRANSLATE_NOOP
from models.search import pinyin_sort_key
from models.transfers import NEARLY_FULL, TRANSFER_STATUSES, SubjectRow, TransferRow
from ui.common.table import RIGHT, Column, count_text, percent_text

ARRIVED = "sheltered"  # the status code of "moved to a shelter" (集中安置)


def occupancy_text(rate: float) -> str:
    """The occupancy cell: a warning marker above 90% and when full."""
    if rate >= 1:
        return "⚠ " + QCoreApplication.translate("TransfersPage", "Full") + f" {rate * 100:.0f}%"
    if rate > NEARLY_FULL:
        return f"⚠ {rate * 100:.0f}%"
    return f"{rate * 100:.0f}%"


@dataclass(frozen=True, slots=True)
class TownLine:
    """A town's, a village's or a danger-zone kind's figures (``parent``: the village's
    town)."""

    id: int | str
    name: str
    parent: str
    people_to_move: int
    moved: int
    sheltered: int
    relatives: int
    forced: int
    refused: int
    still_at_home: int
    completion_rate: float | None


@dataclass(frozen=True, slots=True)
class ShelterLine:
    id: int
    name: str
    capacity: int
    occupants: int
    arrivals: int
    expected: int
    rate: float | None
    state: str
    over: int | None = None  # in it and still assigned to it beyond its capacity
    room: str | None = None  # the nearest shelters with room, when it overflows


@dataclass(frozen=True, slots=True)
class SubjectLine:
    """A search result as the check-in table shows it."""

    id: tuple[str, int]
    name: str
    phone: str | None
    place: str
    residents: int
    status: str | None
    moved: int | None
    remaining: int | None
    shelter: str | None
    card_code: str
    subject: SubjectRow

    @classmethod
    def of(cls, row: SubjectRow) -> SubjectLine:
        rec = row.record
        place = " ".join(p for p in (row.town_name, row.village_name) if p)
        shelter = rec.shelter_name if rec is not None and rec.shelter_name else row.shelter_name
        return cls(
            (row.subject, row.subject_id),
            row.name,
            row.phone,
            place,
            row.residents,
            rec.status if rec else None,
            rec.moved if rec else None,
            rec.remaining if rec else None,
            shelter,
            row.card_code,
            row,
        )

    def with_record(self, record: TransferRow) -> SubjectLine:
        return SubjectLine.of(replace(self.subject, record=record))


FIGURE_COLUMNS = (
    Column(
        "people_to_move",
        QT_TRANSLATE_NOOP("Columns", "People to move"),
        formatter=count_text,
        alignment=RIGHT,
    ),
    Column("moved", QT_TRANSLATE_NOOP("Columns", "Moved"), formatter=count_text, alignment=RIGHT),
    Column(
        "sheltered",
        QT_TRANSLATE_NOOP("Columns", "In shelters"),
        formatter=count_text,
        alignment=RIGHT,
    ),
    Column(
        "relatives",
        QT_TRANSLATE_NOOP("Columns", "With relatives"),
        formatter=count_text,
        alignment=RIGHT,
    ),
    Column(
        "forced",
        QT_TRANSLATE_NOOP("Columns", "Forcibly moved"),
        formatter=count_text,
        alignment=RIGHT,
    ),
    Column(
        "refused", QT_TRANSLATE_NOOP("Columns", "Refused"), formatter=count_text, alignment=RIGHT
    ),
    Column(
        "still_at_home",
        QT_TRANSLATE_NOOP("Columns", "Still at home"),
        formatter=count_text,
        alignment=RIGHT,
    ),
    Column(
        "completion_rate",
        QT_TRANSLATE_NOOP("Columns", "Completion rate"),
        formatter=percent_text,
        alignment=RIGHT,
    ),
)
TOWN_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Town / street"), max_width=200),
    *FIGURE_COLUMNS,
)
VILLAGE_COLUMNS = (
    Column("parent", QT_TRANSLATE_NOOP("Columns", "Town / street"), max_width=160),
    Column(
        "name",
        QT_TRANSLATE_NOOP("Columns", "Village / community"),
        max_width=200,
        sort_key=pinyin_sort_key,
    ),
    *FIGURE_COLUMNS,
)
KIND_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Danger zone type"), max_width=200),
    *FIGURE_COLUMNS,
)


@dataclass(frozen=True, slots=True)
class ChangeLine:
    """A figure that changed since the last hourly snapshot."""

    id: tuple[str, str, str]
    scope: str
    name: str
    figure: str
    old: float | int | None
    new: float | int | None
    delta: float | int | None


def figure_text(value: float | int | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return percent_text(value)
    return count_text(value)


def signed_text(value: float | int | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value * 100:+.1f}%"
    return f"{value:+,}"


CHANGE_COLUMNS = (
    Column("scope", QT_TRANSLATE_NOOP("Columns", "Level"), max_width=120),
    Column("name", QT_TRANSLATE_NOOP("Columns", "Name"), max_width=240),
    Column("figure", QT_TRANSLATE_NOOP("Columns", "Figure"), max_width=160),
    Column(
        "old",
        QT_TRANSLATE_NOOP("Columns", "At the last report"),
        formatter=figure_text,
        alignment=RIGHT,
    ),
    Column("new", QT_TRANSLATE_NOOP("Columns", "Now"), formatter=figure_text, alignment=RIGHT),
    Column("delta", QT_TRANSLATE_NOOP("Columns", "Change"), formatter=signed_text, alignment=RIGHT),
)
REPORT_COLUMNS = (
    Column("reported_at", QT_TRANSLATE_NOOP("Columns", "Reported at"), formatter=display_time),
    Column("town_name", QT_TRANSLATE_NOOP("Columns", "Town / street"), max_width=160),
    Column("source", QT_TRANSLATE_NOOP("Columns", "Reported by"), max_width=200),
    *FIGURE_COLUMNS[:4],  # people to move, moved, in shelters, with relatives
    Column("note", QT_TRANSLATE_NOOP("Columns", "Note"), max_width=260),
    Column("entered_by", QT_TRANSLATE_NOOP("Columns", "Entered by")),
)
SCOPES = {
    "county": QT_TRANSLATE_NOOP("TransfersPage", "County"),
    "town": QT_TRANSLATE_NOOP("TransfersPage", "Town / street"),
    "kind": QT_TRANSLATE_NOOP("TransfersPage", "Danger zone type"),
    "shelter": QT_TRANSLATE_NOOP("TransfersPage", "Shelter"),
}
SHELTER_FIGURES = {
    "occupants": QT_TRANSLATE_NOOP("Columns", "In shelter"),
    "arrivals": QT_TRANSLATE_NOOP("Columns", "Arrivals"),
    "returned": QT_TRANSLATE_NOOP("TransfersPage", "Returned home"),
    "expected": QT_TRANSLATE_NOOP("Columns", "Still expected"),
}
SHELTER_COLUMNS = (
    Column(
        "name", QT_TRANSLATE_NOOP("Columns", "Shelter"), max_width=240, sort_key=pinyin_sort_key
    ),
    Column(
        "capacity", QT_TRANSLATE_NOOP("Columns", "Capacity"), formatter=count_text, alignment=RIGHT
    ),
    Column(
        "occupants",
        QT_TRANSLATE_NOOP("Columns", "In shelter"),
        formatter=count_text,
        alignment=RIGHT,
    ),
    Column(
        "arrivals", QT_TRANSLATE_NOOP("Columns", "Arrivals"), formatter=count_text, alignment=RIGHT
    ),
    Column(
        "expected",
        QT_TRANSLATE_NOOP("Columns", "Still expected"),
        formatter=count_text,
        alignment=RIGHT,
    ),
    Column(
        "rate", QT_TRANSLATE_NOOP("Columns", "Occupancy"), formatter=occupancy_text, alignment=RIGHT
    ),
    Column(
        "over",
        QT_TRANSLATE_NOOP("Columns", "Over capacity"),
        formatter=count_text,
        alignment=RIGHT,
    ),
    Column("room", QT_TRANSLATE_NOOP("Columns", "Nearest with room"), max_width=420),
)
SHELTER_RATE_COLUMN = 5
SUBJECT_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Household"), max_width=160),
    Column("place", QT_TRANSLATE_NOOP("Columns", "Town and village"), max_width=200),
    Column(
        "residents",
        QT_TRANSLATE_NOOP("Columns", "Residents"),
        formatter=count_text,
        alignment=RIGHT,
    ),
    Column(
        "remaining",
        QT_TRANSLATE_NOOP("Columns", "Left to move"),
        formatter=count_text,
        alignment=RIGHT,
    ),
    Column(
        "status",
        QT_TRANSLATE_NOOP("Columns", "Status"),
        formatter=lambda v: label(TRANSFER_STATUSES, v),
        max_width=180,
    ),
    Column("moved", QT_TRANSLATE_NOOP("Columns", "Moved"), formatter=count_text, alignment=RIGHT),
    Column("shelter", QT_TRANSLATE_NOOP("Columns", "Shelter"), max_width=200),
    Column("phone", QT_TRANSLATE_NOOP("Columns", "Mobile")),
    Column("card_code", QT_TRANSLATE_NOOP("Columns", "Card code")),
)
FIGURES = (
    ("people_to_move", QT_TRANSLATE_NOOP("TransfersPage", "People to move")),
    ("moved", QT_TRANSLATE_NOOP("TransfersPage", "Moved")),
    ("sheltered", QT_TRANSLATE_NOOP("TransfersPage", "In shelters")),
    ("relatives", QT_TRANSLATE_NOOP("TransfersPage", "With relatives or friends")),
    ("forced", QT_TRANSLATE_NOOP("TransfersPage", "Forcibly moved")),
    ("refused", QT_TRANSLATE_NOOP("TransfersPage", "Refused")),
    ("still_at_home", QT_TRANSLATE_NOOP("TransfersPage", "Still at home")),
    ("completion_rate", QT_TRANSLATE_NOOP("TransfersPage", "Completion rate")),
)
