"""What the transfers page works out beside the roll-up at each reload during an event, on
the demo typhoon at scale 10 (6,400 villages, 1,500 shelters): the towns and villages
that need attention, and the shelters that cannot take everyone assigned with the
nearest shelters with room.

Baselines measured in the same run: the raw query for the villages changed in the last
two hours (what the attention list reads once a minute), and the full search of every
shelter with room for every overflowing shelter (great-circle distance to each).
"""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from models.database import Database
from models.events import active_event
from models.transfers import TransferChange, TransferRecord, needs_attention, overflows, rollup
from models.transfers.overflow import distance_km, free_places
from models.transfers.progress import DEFAULT_STALE_HOURS
from models.users import Actor
from tests.perf.common import Figure, demo_database, median_of, timed

SCALE = 10
ACTOR = Actor("bench", "duty")
TARGET = 0.05


def run(folder: Path) -> list[Figure]:
    demo = Database(demo_database(folder, SCALE))
    copy = folder / f"attention-{SCALE}.sqlite"
    copy.unlink(missing_ok=True)
    demo.backup(copy)  # a copy: the other benchmarks share the demo database
    demo.dispose()
    database = Database(f"sqlite:///{copy}")
    try:
        return figures(database)
    finally:
        database.dispose()


def figures(database: Database) -> list[Figure]:
    """The figures on a database holding the demo typhoon's event (built when missing)."""
    from models.demo import build_typhoon_scenario

    with database.session(ACTOR) as session:
        event = active_event(session=session)
        event_id = (
            event.id
            if event is not None
            else build_typhoon_scenario(session=session, scale=SCALE).event_id
        )
    with database.session(ACTOR) as session:
        data = rollup(session=session, event_id=event_id)
        since = data.at - timedelta(hours=DEFAULT_STALE_HOURS)

        def attention() -> float:
            return timed(lambda: needs_attention(session=session, data=data))

        def changed_raw() -> float:
            start = time.perf_counter()
            session.scalars(
                select(TransferRecord.village_id)
                .join(TransferChange, TransferChange.record_id == TransferRecord.id)
                .where(TransferChange.event_id == event_id, TransferChange.at >= since)
                .distinct()
            ).all()
            return time.perf_counter() - start

        attention()  # the minute's query, kept for the runs below
        attention_time = median_of(7, attention)
        raw_time = median_of(7, changed_raw)
        found = overflows(data.shelters)
        overflow_time = median_of(7, lambda: timed(lambda: overflows(data.shelters)))

        def brute() -> float:
            start = time.perf_counter()
            for over in found:
                here = next(s for s in data.shelters if s.id == over.id)
                sorted(
                    (s for s in data.shelters if s.id != here.id and free_places(s) > 0),
                    key=lambda s, here=here: (distance_km(here, s) or 0.0, -free_places(s)),
                )
            return time.perf_counter() - start

        brute_time = median_of(3, brute)
    return [
        Figure(
            f"towns and villages needing attention, scale {SCALE} ({len(data.villages):,} "
            "villages; the changed villages read once a minute)",
            attention_time,
            TARGET,
            f"raw query of the villages changed in {DEFAULT_STALE_HOURS} h",
            raw_time,
        ),
        Figure(
            f"overflowing shelters with the nearest with room, scale {SCALE} "
            f"({len(found)} of {len(data.shelters):,} shelters)",
            overflow_time,
            TARGET,
            "full search of every shelter with room",
            brute_time,
        ),
    ]
