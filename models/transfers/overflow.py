"""A shelter that cannot take everyone still assigned to it, and where the rest can go.

A shelter holding 50 of 50 with 262 people still to move assigned to it is not just
"full": 262 people need another shelter. The overflow is the people in the shelter
plus those still assigned to it, beyond its capacity. The shelters with room are
the others whose capacity exceeds their occupants and the people still assigned to
them (their free places), nearest first by great-circle distance; the list stops
once their free places cover the overflow (at most ``NEAREST`` shelters). A shelter
without coordinates has no distance: listed after the others, its own village first.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from models.geo.distance import great_circle_km
from models.messages import fill
from models.transfers.rollup import ShelterOccupancy

NEAREST = 5  # the most shelters with room named for one overflowing shelter


@dataclass(frozen=True, slots=True)
class ShelterWithRoom:
    id: int
    name: str
    free: int  # places left once everyone assigned to it has arrived
    distance_km: float | None  # None when either shelter has no coordinates


@dataclass(frozen=True, slots=True)
class Overflow:
    """An overflowing shelter: its figures and the nearest shelters with room."""

    id: int
    name: str
    capacity: int
    occupants: int
    expected: int  # still to move, assigned to it
    over: int  # occupants + expected - capacity, above 0
    nearest: tuple[ShelterWithRoom, ...]

    @property
    def room_named(self) -> int:
        """Free places of the shelters named: less than ``over`` when the county is short."""
        return sum(s.free for s in self.nearest)


def free_places(shelter: ShelterOccupancy) -> int:
    return shelter.capacity - shelter.occupants - shelter.expected


def distance_km(a: ShelterOccupancy, b: ShelterOccupancy) -> float | None:
    """Great-circle distance between two shelters (haversine), None without coordinates."""
    if a.lon is None or a.lat is None or b.lon is None or b.lat is None:
        return None
    return great_circle_km(a.lon, a.lat, b.lon, b.lat)


def overflow_of(
    shelter: ShelterOccupancy, shelters: list[ShelterOccupancy], *, nearest: int = NEAREST
) -> Overflow | None:
    """The shelter's overflow with the nearest shelters with room; None when everyone
    assigned to it fits."""
    return _Rooms(shelters).overflow(shelter, nearest)


def overflows(shelters: list[ShelterOccupancy], *, nearest: int = NEAREST) -> list[Overflow]:
    """Every overflowing shelter, the largest overflow first."""
    rooms = _Rooms(shelters)
    found = [o for s in shelters if (o := rooms.overflow(s, nearest))]
    return sorted(found, key=lambda o: (-o.over, o.name))


# Shelters with room are found in cells of this many degrees around an overflowing one,
# ring after ring until ``_PRESELECT`` are found and one ring more; those are then put in
# great-circle order. Enough to name any ``NEAREST`` shelters.
_CELL = 0.05
_PRESELECT = 4 * NEAREST


class _Rooms:
    """The shelters with room, indexed once for every overflowing shelter of a roll-up
    (1,500 shelters and 38 overflowing ones at the demo's scale 10: a few milliseconds)."""

    def __init__(self, shelters: list[ShelterOccupancy]) -> None:
        self.cells: dict[tuple[int, int], list[tuple[ShelterOccupancy, int]]] = {}
        self.placed: list[tuple[ShelterOccupancy, int]] = []  # with coordinates
        self.unplaced: list[tuple[ShelterOccupancy, int]] = []
        for other in shelters:
            free = free_places(other)
            if free <= 0:
                continue
            if other.lon is None or other.lat is None:
                self.unplaced.append((other, free))
            else:
                self.placed.append((other, free))
                self.cells.setdefault(_cell(other.lon, other.lat), []).append((other, free))
        xs = [x for x, _y in self.cells] or [0]  # no cell: ``_near`` looks nowhere
        ys = [y for _x, y in self.cells] or [0]
        self.bounds = (min(xs), max(xs), min(ys), max(ys))

    def overflow(self, shelter: ShelterOccupancy, nearest: int) -> Overflow | None:
        over = shelter.occupants + shelter.expected - shelter.capacity
        if over <= 0:
            return None
        named: list[ShelterWithRoom] = []
        covered = 0
        for other, free in self._in_order(shelter):
            if covered >= over or len(named) >= nearest:
                break
            named.append(ShelterWithRoom(other.id, other.name, free, distance_km(shelter, other)))
            covered += free
        return Overflow(
            shelter.id,
            shelter.name,
            shelter.capacity,
            shelter.occupants,
            shelter.expected,
            over,
            tuple(named),
        )

    def _near(self, shelter: ShelterOccupancy) -> list[tuple[ShelterOccupancy, int]]:
        """The shelters with room in the rings of cells around ``shelter``."""
        assert shelter.lon is not None and shelter.lat is not None
        if not self.cells:
            return []
        cx, cy = _cell(shelter.lon, shelter.lat)
        found: list[tuple[ShelterOccupancy, int]] = []
        extra = None
        ring = 0
        low_x, high_x, low_y, high_y = self.bounds
        last = max(cx - low_x, high_x - cx, cy - low_y, high_y - cy, 0)  # the farthest cell
        while ring <= last:
            for x in range(cx - ring, cx + ring + 1):
                for y in range(cy - ring, cy + ring + 1):
                    if max(abs(x - cx), abs(y - cy)) == ring:
                        found += [p for p in self.cells.get((x, y), ()) if p[0].id != shelter.id]
            if extra is None and len(found) >= _PRESELECT:
                extra = ring + 1
            if extra is not None and ring >= extra:
                break
            ring += 1
        return found

    def _in_order(self, shelter: ShelterOccupancy) -> list[tuple[ShelterOccupancy, int]]:
        """Nearest first (those without coordinates last, its own village first among
        them), then the most free places."""
        others: list[tuple[ShelterOccupancy, int]] = []
        if shelter.lon is not None and shelter.lat is not None:
            lon, lat = shelter.lon, shelter.lat
            shrink = math.cos(math.radians(lat)) ** 2
            # A flat distance picks the nearest few as the great circle would; only they
            # are put in its exact order.
            others = heapq.nsmallest(
                _PRESELECT,
                self._near(shelter),
                key=lambda pair: (pair[0].lon - lon) ** 2 * shrink + (pair[0].lat - lat) ** 2,  # type: ignore[operator]
            )
            others.sort(
                key=lambda pair: (distance_km(shelter, pair[0]) or 0.0, -pair[1], pair[0].id)
            )
        rest = [(o, f) for o, f in self.unplaced if o.id != shelter.id]
        if shelter.lon is None or shelter.lat is None:
            rest += [(o, f) for o, f in self.placed if o.id != shelter.id]
        rest.sort(key=lambda pair: (pair[0].village_id != shelter.village_id, -pair[1], pair[0].id))
        return others + rest


def _cell(lon: float, lat: float) -> tuple[int, int]:
    return math.floor(lon / _CELL), math.floor(lat / _CELL)


def room_text(room: ShelterWithRoom) -> str:
    """One shelter with room as pages and printouts name it: 西门中学 1.2 km, 80 free."""
    if room.distance_km is None:
        return fill(
            QCoreApplication.translate("Overflow", "%1 (%2 free)"), room.name, f"{room.free:,}"
        )
    return fill(
        QCoreApplication.translate("Overflow", "%1 (%2 km, %3 free)"),
        room.name,
        f"{room.distance_km:.1f}",
        f"{room.free:,}",
    )


def overflow_text(overflow: Overflow, *, with_name: bool = True) -> str:
    """The overflow in one sentence, with where the rest can go."""
    figures = fill(
        QCoreApplication.translate(
            "Overflow",
            "%1 people more than it can take: %2 in it, %3 more assigned, capacity %4.",
        ),
        f"{overflow.over:,}",
        f"{overflow.occupants:,}",
        f"{overflow.expected:,}",
        f"{overflow.capacity:,}",
    )
    if with_name:
        figures = fill(QCoreApplication.translate("Overflow", "%1: %2"), overflow.name, figures)
    if not overflow.nearest:
        return figures + " " + QCoreApplication.translate("Overflow", "No shelter has room left.")
    where = fill(
        QCoreApplication.translate("Overflow", "Nearest with room: %1."),
        QCoreApplication.translate("Overflow", "; ").join(room_text(r) for r in overflow.nearest),
    )
    text = f"{figures} {where}"
    short = overflow.over - overflow.room_named
    if short > 0 and len(overflow.nearest) < NEAREST:
        text += " " + fill(
            QCoreApplication.translate("Overflow", "%1 places are still missing in the county."),
            f"{short:,}",
        )
    return text
