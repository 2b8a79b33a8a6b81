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

import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from models.messages import fill
from models.transfers.rollup import ShelterOccupancy

NEAREST = 5  # the most shelters with room named for one overflowing shelter
EARTH_RADIUS_KM = 6371.0


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
    phi1, phi2 = math.radians(a.lat), math.radians(b.lat)
    d_phi = phi2 - phi1
    d_lambda = math.radians(b.lon - a.lon)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def overflow_of(
    shelter: ShelterOccupancy, shelters: list[ShelterOccupancy], *, nearest: int = NEAREST
) -> Overflow | None:
    """The shelter's overflow with the nearest shelters with room; None when everyone
    assigned to it fits."""
    over = shelter.occupants + shelter.expected - shelter.capacity
    if over <= 0:
        return None
    candidates = []
    for other in shelters:
        free = free_places(other)
        if other.id == shelter.id or free <= 0:
            continue
        distance = distance_km(shelter, other)
        order = (
            distance is None,
            distance or 0.0,
            other.village_id != shelter.village_id,
            -free,
            other.id,
        )
        candidates.append((order, ShelterWithRoom(other.id, other.name, free, distance)))
    candidates.sort(key=lambda pair: pair[0])
    named: list[ShelterWithRoom] = []
    covered = 0
    for _order, candidate in candidates:
        if covered >= over or len(named) >= nearest:
            break
        named.append(candidate)
        covered += candidate.free
    return Overflow(
        shelter.id,
        shelter.name,
        shelter.capacity,
        shelter.occupants,
        shelter.expected,
        over,
        tuple(named),
    )


def overflows(shelters: list[ShelterOccupancy], *, nearest: int = NEAREST) -> list[Overflow]:
    """Every overflowing shelter, the largest overflow first."""
    found = [o for s in shelters if (o := overflow_of(s, shelters, nearest=nearest))]
    return sorted(found, key=lambda o: (-o.over, o.name))


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
