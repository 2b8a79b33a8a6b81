"""Hourly snapshots of the roll-up (one per event and hour, whichever console takes
it) and what changed since the last one."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import false, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.audit import bulk_operation
from models.base import utcnow
from models.transfers.common import _table
from models.transfers.records import _event
from models.transfers.rollup import FIGURE_FIELDS, ReportedFigures, Rollup, rollup
from models.transfers.tables import RollupSnapshot
from models.users import Permission, require


def rollup_to_dict(data: Rollup) -> dict[str, Any]:
    """The roll-up as plain JSON-able data (what a snapshot keeps)."""

    def reported(rep: ReportedFigures | None) -> dict[str, Any] | None:
        if rep is None:
            return None
        values = asdict(rep)
        values["reported_at"] = rep.reported_at.isoformat() if rep.reported_at else None
        return values

    return {
        "event_id": data.event_id,
        "at": data.at.isoformat(),
        "county": {"code": data.county_code, "name": data.county_name, **data.county.as_dict()},
        "towns": {
            a.code: {"name": a.name, **a.figures.as_dict(), "reported": reported(a.reported)}
            for a in data.towns
        },
        "villages": {a.code: {"name": a.name, **a.figures.as_dict()} for a in data.villages},
        "kinds": {k.kind: k.figures.as_dict() for k in data.kinds},
        "shelters": {
            str(s.id): {
                "name": s.name,
                "capacity": s.capacity,
                "occupants": s.occupants,
                "arrivals": s.arrivals,
                "returned": s.returned,
                "expected": s.expected,
                "state": s.state,
            }
            for s in data.shelters
        },
        "reported": reported(data.reported),
    }


@dataclass(frozen=True, slots=True)
class SnapshotRow:
    id: int
    event_id: int
    taken_at: datetime


def _hour(at: datetime) -> datetime:
    return at.replace(minute=0, second=0, microsecond=0)


def _lock_snapshots(session: Session) -> None:
    """Before anything is read: on SQLite, take the database's write lock (a zero-row
    UPDATE), so a console that finds the hour without a snapshot writes it before any
    other console can look; a read first would pin a snapshot of the database that the
    other's commit makes stale, failing the insert. On PostgreSQL it locks nothing: the
    unique hour decides. Run on the connection: nothing changes, so the change feed is
    not told (every open console calls this each minute)."""
    table = _table(RollupSnapshot)
    session.connection().execute(update(table).where(false()).values(hour=table.c.hour))


def take_snapshot(
    *, session: Session, event_id: int, at: datetime | None = None, force: bool = False
) -> SnapshotRow | None:
    """Keep the current roll-up; once per clock hour unless ``force``.

    Returns the snapshot taken, or None when this hour already has one, also when
    another console took it at the same moment. A timer in the app calls it (the hour
    boundaries are the same in UTC and China time); a snapshot kept by hand
    (``force``) is one more, outside the hours.
    """
    require(session, Permission.READ_REGISTER)
    _lock_snapshots(session)
    now = at or utcnow()
    _event(session, event_id)
    hour = None if force else _hour(now.astimezone(UTC))
    if hour is not None:
        last = session.scalar(
            select(func.max(RollupSnapshot.taken_at)).where(RollupSnapshot.event_id == event_id)
        )
        if last is not None and _hour(last) >= hour:
            return None
    data = rollup_to_dict(rollup(session=session, event_id=event_id))
    data["at"] = now.isoformat()
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    snapshot = RollupSnapshot(event_id=event_id, taken_at=now, hour=hour, data=text)
    try:
        with (
            session.begin_nested(),
            bulk_operation(
                session, table_name="rollup_snapshots", source=f"snapshot event {event_id}"
            ) as counter,
        ):
            session.add(snapshot)
            session.flush()
            counter["rows"] = 1
    except IntegrityError:  # another console kept this hour's snapshot meanwhile
        return None
    return SnapshotRow(snapshot.id, event_id, now)


def list_snapshots(*, session: Session, event_id: int) -> list[SnapshotRow]:
    require(session, Permission.READ_REGISTER)
    rows = session.execute(
        select(RollupSnapshot.id, RollupSnapshot.event_id, RollupSnapshot.taken_at)
        .where(RollupSnapshot.event_id == event_id)
        .order_by(RollupSnapshot.taken_at, RollupSnapshot.id)
    )
    return [SnapshotRow(*row) for row in rows]


def load_snapshot(*, session: Session, snapshot_id: int) -> dict[str, Any] | None:
    require(session, Permission.READ_REGISTER)
    text = session.scalar(select(RollupSnapshot.data).where(RollupSnapshot.id == snapshot_id))
    return json.loads(text) if text is not None else None


@dataclass(frozen=True, slots=True)
class FigureChange:
    scope: str  # "county", "town", "village", "kind", "shelter"
    key: str  # code, kind or shelter id
    name: str
    field: str
    old: float | int | None
    new: float | int | None

    @property
    def delta(self) -> float | int | None:
        if self.old is None or self.new is None:
            return None
        return self.new - self.old


_SHELTER_FIELDS = ("occupants", "arrivals", "returned", "expected")


def compare_snapshots(older: dict[str, Any] | None, newer: dict[str, Any]) -> list[FigureChange]:
    """Every figure that differs between two roll-ups (as rollup_to_dict gives them)."""
    older = older or {}
    changes: list[FigureChange] = []

    def compare(
        scope: str,
        key: str,
        name: str,
        old: dict[str, Any] | None,
        new: dict[str, Any] | None,
        fields: Sequence[str],
    ) -> None:
        for name_of_field in fields:
            a = (old or {}).get(name_of_field, 0 if old is None else None)
            b = (new or {}).get(name_of_field, 0 if new is None else None)
            if a != b:
                changes.append(FigureChange(scope, key, name, name_of_field, a, b))

    county_new = newer.get("county", {})
    compare(
        "county",
        county_new.get("code", ""),
        county_new.get("name", ""),
        older.get("county"),
        county_new,
        FIGURE_FIELDS,
    )
    for scope, plural, fields in (
        ("town", "towns", FIGURE_FIELDS),
        ("village", "villages", FIGURE_FIELDS),
        ("kind", "kinds", FIGURE_FIELDS),
        ("shelter", "shelters", _SHELTER_FIELDS),
    ):
        old_map = older.get(plural, {})
        new_map = newer.get(plural, {})
        for key in sorted(set(old_map) | set(new_map)):
            entry = new_map.get(key) or old_map.get(key) or {}
            compare(scope, key, entry.get("name", key), old_map.get(key), new_map.get(key), fields)
    return changes


@dataclass(frozen=True)
class SnapshotDiff:
    since: datetime | None  # when the last snapshot was taken; None: there is none
    changes: list[FigureChange]


def changes_since_last_snapshot(*, session: Session, event_id: int) -> SnapshotDiff:
    """What changed in the roll-up since the last snapshot ("since the last report")."""
    require(session, Permission.READ_REGISTER)
    last = session.execute(
        select(RollupSnapshot.taken_at, RollupSnapshot.data)
        .where(RollupSnapshot.event_id == event_id)
        .order_by(RollupSnapshot.taken_at.desc(), RollupSnapshot.id.desc())
        .limit(1)
    ).first()
    current = rollup_to_dict(rollup(session=session, event_id=event_id))
    if last is None:
        return SnapshotDiff(None, compare_snapshots(None, current))
    return SnapshotDiff(last[0], compare_snapshots(json.loads(last[1]), current))
