"""During an event, the towns and villages the duty officer must be told about, and the
county's completion rate over time.

A town or village with people still at home *lags* when its completion rate is below
the threshold, or *stalls* when none of its records changed in the last N hours (and
the event is older than that); both come from the workstation settings. The history
is the county's completion rate in every hourly snapshot since the event began, and
now.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.events import Event
from models.transfers.rollup import AreaFigures, Rollup
from models.transfers.tables import RollupSnapshot, TransferChange, TransferRecord
from models.users import Permission, require

DEFAULT_LAG_PERCENT = 60
DEFAULT_STALE_HOURS = 2
# A snapshot's county figures sit near the start of its text (``rollup_to_dict``):
# reading this much of it is enough, however many villages follow.
_SNAPSHOT_HEAD = 2000


@dataclass(frozen=True, slots=True)
class Lagging:
    """A town or village that needs the duty officer's attention."""

    level: str  # "town" or "village"
    id: int
    code: str
    name: str
    town: str  # a village's town; "" for a town
    people_to_move: int
    still_at_home: int
    completion_rate: float | None
    below: bool  # completion below the threshold
    stalled: bool  # no change in the last ``stale_hours``

    @property
    def village_ids(self) -> tuple[int, ...]:
        return (self.id,) if self.level == "village" else ()


@dataclass(frozen=True)
class Attention:
    threshold: float  # completion rate, 0..1
    stale_hours: float
    towns: list[Lagging]
    villages: list[Lagging]
    # The villages of each lagging town that lag themselves, else all of them (whose
    # responsible persons its contact list names).
    town_villages: dict[int, tuple[int, ...]]
    judged_at: datetime  # the time "stalled" was measured from

    @property
    def count(self) -> int:
        return len(self.towns) + len(self.villages)


def needs_attention(
    *,
    session: Session,
    data: Rollup,
    lag_percent: float = DEFAULT_LAG_PERCENT,
    stale_hours: float = DEFAULT_STALE_HOURS,
    now: datetime | None = None,
) -> Attention:
    """The lagging and stalled towns and villages of the roll-up ``data``, the worst first."""
    require(session, Permission.READ_REGISTER)
    now = now or utcnow()
    threshold = max(0.0, min(100.0, lag_percent)) / 100
    since = now - timedelta(hours=max(0.0, stale_hours))
    started = session.scalar(select(Event.started_at).where(Event.id == data.event_id))
    can_stall = stale_hours > 0 and started is not None and started <= since
    changed = _changed_since(session, data.event_id, since) if can_stall else frozenset()
    town_names = {t.id: t.name for t in data.towns}
    villages_of: dict[int, list[int]] = {}
    for village in data.villages:
        villages_of.setdefault(village.parent_id or 0, []).append(village.id)

    def lagging(area: AreaFigures, level: str, stalled: bool) -> Lagging | None:
        # The figures' sums inline: thousands of villages per reload, each property a call.
        f = area.figures
        to_move = f.residents - f.away
        moved = f.sheltered + f.relatives + f.forced
        if to_move - moved <= 0:
            return None
        rate = moved / to_move if to_move else None
        below = rate is not None and rate < threshold
        if not below and not stalled:
            return None
        town = town_names.get(area.parent_id or 0, "") if level == "village" else ""
        return Lagging(
            level,
            area.id,
            area.code,
            area.name,
            town,
            to_move,
            to_move - moved,
            rate,
            below,
            stalled,
        )

    villages = [
        found
        for v in data.villages
        if (found := lagging(v, "village", can_stall and v.id not in changed))
    ]
    towns = [
        found
        for t in data.towns
        if (
            found := lagging(
                t,
                "town",
                can_stall and not any(v in changed for v in villages_of.get(t.id, ())),
            )
        )
    ]
    lagging_villages = {v.id for v in villages}
    town_villages = {
        t.id: tuple(v for v in villages_of.get(t.id, ()) if v in lagging_villages)
        or tuple(villages_of.get(t.id, ()))
        for t in towns
    }

    def worst_first(row: Lagging) -> tuple[float, int, str]:
        return (row.completion_rate or 0.0, -row.still_at_home, row.code)

    return Attention(
        threshold,
        stale_hours,
        sorted(towns, key=worst_first),
        sorted(villages, key=worst_first),
        town_villages,
        now,
    )


# The villages changed since a time, kept for the minute: the pages reload after every
# check-in, and the query reads every change of the last hours (15,000 of them, 50-130 ms,
# at the demo's scale 10). A village checked in meanwhile stays marked for that minute.
_changed: tuple[tuple[str, int, datetime], frozenset[int]] | None = None


def _changed_since(session: Session, event_id: int, since: datetime) -> frozenset[int]:
    global _changed
    bind = session.get_bind()
    url = bind.engine.url if isinstance(bind, Connection) else bind.url
    key = (str(url), event_id, since.replace(second=0, microsecond=0))
    kept = _changed
    if kept is not None and kept[0] == key:
        return kept[1]
    found = frozenset(
        session.scalars(
            select(TransferRecord.village_id)
            .join(TransferChange, TransferChange.record_id == TransferRecord.id)
            .where(TransferChange.event_id == event_id, TransferChange.at >= key[2])
            .distinct()
        )
    )
    _changed = (key, found)
    return found


@dataclass(frozen=True, slots=True)
class ProgressPoint:
    at: datetime
    people_to_move: int
    moved: int

    @property
    def completion_rate(self) -> float | None:
        return self.moved / self.people_to_move if self.people_to_move else None


def completion_history(*, session: Session, event_id: int, now: Rollup) -> list[ProgressPoint]:
    """The county's figures in every snapshot of the event, in time order, then now."""
    require(session, Permission.READ_REGISTER)
    points = []
    decoder = json.JSONDecoder()
    for taken_at, head in session.execute(
        select(RollupSnapshot.taken_at, func.substr(RollupSnapshot.data, 1, _SNAPSHOT_HEAD))
        .where(RollupSnapshot.event_id == event_id)
        .order_by(RollupSnapshot.taken_at, RollupSnapshot.id)
    ):
        county = _county_of(decoder, head)
        if county is None:  # a county entry longer than the head: read the whole text
            text = session.scalar(
                select(RollupSnapshot.data).where(
                    RollupSnapshot.event_id == event_id, RollupSnapshot.taken_at == taken_at
                )
            )
            county = json.loads(text or "{}").get("county")
        if county:
            points.append(
                ProgressPoint(
                    taken_at, int(county.get("people_to_move", 0)), int(county.get("moved", 0))
                )
            )
    points.append(ProgressPoint(now.at, now.county.people_to_move, now.county.moved))
    return points


def _county_of(decoder: json.JSONDecoder, head: str | None) -> dict[str, Any] | None:
    """The ``county`` object of a snapshot's text from its first characters."""
    if not head:
        return None
    key = head.find('"county":')
    if key < 0:
        return None
    try:
        value, _end = decoder.raw_decode(head, key + len('"county":'))
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
