"""The roll-up: an event's figures by county, town, village, danger-zone kind and
shelter, read from the tallies with the register's names kept while unchanged."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple, TypeVar, cast

from sqlalchemy import Integer, bindparam, select
from sqlalchemy.orm import Session

from models.areas import Division, Shelter
from models.base import collector_paused, utcnow
from models.meta import revisions
from models.transfers.common import NEARLY_FULL, _table
from models.transfers.tables import TownReport, TransferTally
from models.users import Permission, require

_T = TypeVar("_T")


class Figures(NamedTuple):
    """The transfer figures of one area, kind or the county, by the definitions in ``models.transfers``.

    Named tuples, like ``AreaFigures``: a county's roll-up makes thousands of them,
    and a frozen dataclass costs three times as much to build."""

    subjects: int = 0  # households and objects listed
    residents: int = 0
    away: int = 0
    sheltered: int = 0
    relatives: int = 0
    forced: int = 0
    refused: int = 0
    returned: int = 0

    @property
    def people_to_move(self) -> int:
        return self.residents - self.away

    @property
    def moved(self) -> int:
        return self.sheltered + self.relatives + self.forced

    @property
    def still_at_home(self) -> int:
        return self.people_to_move - self.moved

    @property
    def completion_rate(self) -> float | None:
        """moved / people to move; None when nobody is to move."""
        return self.moved / self.people_to_move if self.people_to_move else None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = self._asdict()
        data.update(
            people_to_move=self.people_to_move,
            moved=self.moved,
            still_at_home=self.still_at_home,
            completion_rate=self.completion_rate,
        )
        return data


FIGURE_FIELDS = (
    "people_to_move",
    "moved",
    "sheltered",
    "relatives",
    "forced",
    "refused",
    "still_at_home",
    "returned",
    "away",
    "residents",
    "subjects",
)


class _Sum:
    __slots__ = ("values",)

    def __init__(self) -> None:
        self.values = [0] * 8

    def add(self, values: Sequence[int]) -> None:
        for i, v in enumerate(values):
            self.values[i] += v

    def figures(self) -> Figures:
        return Figures(*self.values)


@dataclass(frozen=True, slots=True)
class ReportedFigures:
    """The latest figures a town phoned in (or their sum over towns)."""

    people_to_move: int = 0
    moved: int = 0
    sheltered: int = 0
    relatives: int = 0
    forced: int = 0
    refused: int = 0
    reported_at: datetime | None = None
    source: str | None = None

    @property
    def still_at_home(self) -> int:
        return self.people_to_move - self.moved

    @property
    def completion_rate(self) -> float | None:
        return self.moved / self.people_to_move if self.people_to_move else None


class AreaFigures(NamedTuple):
    id: int
    code: str
    name: str
    parent_id: int | None
    figures: Figures
    reported: ReportedFigures | None = None  # towns: the latest phoned-in figures


@dataclass(frozen=True, slots=True)
class KindFigures:
    kind: str
    figures: Figures


class ShelterOccupancy(NamedTuple):
    id: int
    name: str
    village_id: int
    level: str
    capacity: int
    occupants: int  # in the shelter now
    arrivals: int  # checked in during the event (returned ones included)
    returned: int
    expected: int  # still to move, assigned to this shelter
    lon: float | None
    lat: float | None

    @property
    def rate(self) -> float | None:
        return self.occupants / self.capacity if self.capacity else None

    @property
    def state(self) -> str:
        """ "full" at or over capacity, "nearly_full" above 90%, else "ok"."""
        if self.occupants >= self.capacity and (self.capacity > 0 or self.occupants > 0):
            return "full"
        if self.occupants > NEARLY_FULL * self.capacity:
            return "nearly_full"
        return "ok"

    @property
    def over_capacity(self) -> bool:
        return self.occupants > self.capacity


@dataclass(frozen=True)
class Rollup:
    event_id: int
    at: datetime
    county: Figures
    towns: list[AreaFigures]
    villages: list[AreaFigures]
    kinds: list[KindFigures]
    shelters: list[ShelterOccupancy]
    reported: ReportedFigures  # the towns' latest phoned-in figures, summed
    county_name: str = ""
    county_code: str = ""
    warnings: list[ShelterOccupancy] = field(default_factory=list)

    @property
    def full_shelters(self) -> int:
        """Shelters full (the other warnings are shelters above 90%)."""
        return sum(1 for s in self.warnings if s.state == "full")


class _Divisions(NamedTuple):
    """The divisions as the roll-up names and orders them."""

    in_code_order: tuple[tuple[int, str, str, int | None], ...]  # id, code, name, parent
    areas: dict[int, tuple[str, str, str, int | None]]  # not villages: code, name, level, parent


# (id, name, village_id, level, capacity, lon, lat) by id
_ShelterPlaces = tuple[tuple[int, str, int, str, int, float | None, float | None], ...]


def _load_divisions(conn: Any) -> _Divisions:
    d = _table(Division).c
    rows = conn.execute(select(d.id, d.code, d.name, d.level, d.parent_id).order_by(d.code)).all()
    return _Divisions(
        tuple((id_, code, name, parent) for id_, code, name, _level, parent in rows),
        {
            id_: (code, name, level, parent)
            for id_, code, name, level, parent in rows
            if level != "village"
        },
    )


def _load_shelters(conn: Any) -> _ShelterPlaces:
    s = _table(Shelter).c
    rows = conn.execute(
        select(
            s.id,
            s.name,
            s.village_id,
            s.level,
            s.capacity,
            s.min_lon,
            s.min_lat,
            s.max_lon,
            s.max_lat,
        ).order_by(s.id)
    ).all()
    return tuple(
        (
            id_,
            name,
            village_id,
            level,
            capacity,
            (min_lon + max_lon) / 2 if min_lon is not None and max_lon is not None else None,
            (min_lat + max_lat) / 2 if min_lat is not None and max_lat is not None else None,
        )
        for id_, name, village_id, level, capacity, min_lon, min_lat, max_lon, max_lat in rows
    )


# What the roll-up loaded from the register, by (table, revision token): a token names
# one state of the columns it reads, in any database (models.meta), so entries need no
# database key and are never stale. A few are kept: tests and tools open several databases.
_kept: dict[tuple[str, str], Any] = {}
_kept_lock = threading.Lock()
_KEPT_ENTRIES = 8


def _kept_or_load(table: str, revision: str | None, load: Callable[[], _T]) -> _T:
    """``load()``, or what it returned before for the same revision of ``table``.

    The revision must have been read before ``load`` reads the table (on PostgreSQL
    every statement sees the latest commit): what is kept is then never older than
    its token. Without a token (no triggers) the table is read every time."""
    if revision is None:
        return load()
    key = (table, revision)
    with _kept_lock:
        value = _kept.get(key)
    if value is None:
        value = load()
        with _kept_lock:
            _kept[key] = value
            while len(_kept) > _KEPT_ENTRIES:
                del _kept[next(iter(_kept))]
    return cast(_T, value)


def _tally_reads() -> tuple[Any, Any, Any]:
    """The roll-up's three reads of the tallies (built once: they run at every refresh)."""
    t = _table(TransferTally).c
    event_id = bindparam("event_id", type_=Integer)
    sums = (
        t.subjects,
        t.residents,
        t.away,
        t.sheltered,
        t.relatives,
        t.forced,
        t.refused,
        t.back_sheltered + t.back_relatives + t.back_forced,
    )
    return (
        select(t.area_id, *sums).where(t.event_id == event_id, t.scope == "v", t.subjects > 0),
        select(t.area_id, t.kind, *sums).where(t.event_id == event_id, t.scope == "t"),
        select(t.area_id, t.sheltered, t.back_sheltered, t.remaining).where(
            t.event_id == event_id, t.scope == "s"
        ),
    )


_VILLAGE_TALLIES, _TOWN_TALLIES, _SHELTER_TALLIES = _tally_reads()


def rollup(*, session: Session, event_id: int) -> Rollup:
    """The event's figures by county, town, village, danger-zone kind and shelter.

    Read from the maintained tallies: one row per village, per town and kind, and
    per shelter, a few thousand rows for a county of 200,000 households. The names,
    codes and order of divisions and shelters are read only when they changed
    (``_kept_or_load``), so each call reads numbers only.
    """
    require(session, Permission.READ_REGISTER)
    with collector_paused():
        return _rollup(session, event_id)


def _rollup(session: Session, event_id: int) -> Rollup:
    at = utcnow()
    conn = session.connection()  # plain Core rows: thousands of them, no ORM processing
    revision = revisions(session=session)  # before the tables they stand for
    divisions = _kept_or_load("divisions", revision.get("divisions"), lambda: _load_divisions(conn))
    shelter_places = _kept_or_load(
        "shelters", revision.get("shelters"), lambda: _load_shelters(conn)
    )
    event = {"event_id": event_id}
    by_village = {
        area_id: Figures(subjects, residents, away, sheltered, relatives, forced, refused, returned)
        for area_id, subjects, residents, away, sheltered, relatives, forced, refused, returned in conn.execute(
            _VILLAGE_TALLIES, event
        ).all()
    }
    # Villages ordered by code with their names, ready to show (a tally of a division
    # no longer there is left out).
    village_list = [
        AreaFigures(id_, code, name, parent, figures)
        for id_, code, name, parent in divisions.in_code_order
        if (figures := by_village.get(id_)) is not None
    ]
    county = _Sum()
    towns: dict[int, _Sum] = defaultdict(_Sum)
    kinds: dict[str, _Sum] = defaultdict(_Sum)
    for area_id, kind, *values in conn.execute(_TOWN_TALLIES, event).all():
        county.add(values)
        kinds[kind].add(values)
        towns[area_id].add(values)
    at_shelter: dict[int, tuple[int, int, int]] = {
        area_id: (sheltered, back, remaining)
        for area_id, sheltered, back, remaining in conn.execute(_SHELTER_TALLIES, event).all()
    }
    latest: dict[int, TownReport] = {}
    for report in session.scalars(
        select(TownReport)
        .where(TownReport.event_id == event_id)
        .order_by(TownReport.reported_at, TownReport.id)
    ):
        latest[report.town_id] = report
    reported_by_town = {
        town_id: ReportedFigures(
            rep.people_to_move,
            rep.moved,
            rep.sheltered,
            rep.relatives,
            rep.forced,
            rep.refused,
            rep.reported_at,
            rep.source,
        )
        for town_id, rep in latest.items()
    }
    reports = list(reported_by_town.values())
    total = ReportedFigures(
        people_to_move=sum(r.people_to_move for r in reports),
        moved=sum(r.moved for r in reports),
        sheltered=sum(r.sheltered for r in reports),
        relatives=sum(r.relatives for r in reports),
        forced=sum(r.forced for r in reports),
        refused=sum(r.refused for r in reports),
        reported_at=max((r.reported_at for r in reports if r.reported_at), default=None),
    )

    def area(id_: int, figures: Figures, reported: ReportedFigures | None = None) -> AreaFigures:
        code, name, _level, parent = divisions.areas.get(id_, ("", "?", "", None))
        return AreaFigures(id_, code, name, parent, figures, reported)

    town_ids = {t for t, tally in towns.items() if tally.values[0]} | set(reported_by_town)
    town_list = sorted(
        (
            area(t, towns[t].figures() if t in towns else Figures(), reported_by_town.get(t))
            for t in town_ids
        ),
        key=lambda a: a.code,
    )
    kind_list = sorted(
        (KindFigures(k, tally.figures()) for k, tally in kinds.items() if tally.values[0]),
        key=lambda k: k.kind,
    )
    shelters = []
    for id_, name, village_id, level, capacity, lon, lat in shelter_places:
        arrivals, back, expected = at_shelter.get(id_, (0, 0, 0))
        shelters.append(
            ShelterOccupancy(
                id_,
                name,
                village_id,
                level,
                capacity,
                arrivals - back,
                arrivals,
                back,
                expected,
                lon,
                lat,
            )
        )
    county_row = next(
        ((c, n) for c, n, lv, _p in divisions.areas.values() if lv == "county"), ("", "")
    )
    return Rollup(
        event_id=event_id,
        at=at,
        county=county.figures(),
        towns=town_list,
        villages=village_list,
        kinds=kind_list,
        shelters=shelters,
        reported=total,
        county_code=county_row[0],
        county_name=county_row[1],
        warnings=[s for s in shelters if s.state != "ok"],
    )
