"""The maintained sums of an event's records, changed with them in one transaction
so the roll-up reads a few thousand rows instead of every record."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, func, insert, literal, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.areas import Division
from models.transfers.common import _table
from models.transfers.tables import _COUNTS, TransferRecord, TransferTally
from models.users import Permission, require

TALLY_FIELDS = ("subjects", "residents", *_COUNTS, "remaining")
_TallyKey = tuple[str, int, str]


@dataclass(frozen=True)
class _TallyState:
    """What one record adds to the tallies."""

    keys: tuple[_TallyKey, ...]
    values: tuple[int, ...]


def _tally_state(record: TransferRecord, town_id: int | None) -> _TallyState:
    counts = [int(getattr(record, name)) for name in _COUNTS]
    remaining = record.residents - sum(counts[:5])
    keys: list[_TallyKey] = [("v", record.village_id, ""), ("t", town_id or 0, record.kind)]
    if record.shelter_id is not None:
        keys.append(("s", record.shelter_id, ""))
    return _TallyState(tuple(keys), (1, record.residents, *counts, remaining))


def _town_of(session: Session, village_id: int) -> int | None:
    return session.scalar(select(Division.parent_id).where(Division.id == village_id))


def _apply_tallies(
    session: Session, event_id: int, before: Sequence[_TallyState], after: Sequence[_TallyState]
) -> None:
    """Add the difference between record states to the tallies (creating rows as needed)."""
    deltas: dict[_TallyKey, list[int]] = {}
    for sign, states in ((-1, before), (1, after)):
        for state in states:
            for key in state.keys:
                delta = deltas.setdefault(key, [0] * len(TALLY_FIELDS))
                for i, value in enumerate(state.values):
                    delta[i] += sign * value
    _add_to_tallies(session, event_id, deltas)


def _add_to_tallies(session: Session, event_id: int, deltas: dict[_TallyKey, list[int]]) -> None:
    """Add ``deltas`` (TALLY_FIELDS per key) to the tallies, creating rows as needed."""
    table = _table(TransferTally)
    for key in sorted(deltas):  # one order everywhere: no lock cycles between workstations
        delta = deltas[key]
        if not any(delta):
            continue
        scope, area_id, kind = key
        where = (
            table.c.event_id == event_id,
            table.c.scope == scope,
            table.c.area_id == area_id,
            table.c.kind == kind,
        )
        change = {name: table.c[name] + d for name, d in zip(TALLY_FIELDS, delta, strict=True) if d}
        result = cast(
            CursorResult[Any], session.execute(update(table).where(*where).values(change))
        )
        if result.rowcount:
            continue
        try:
            with session.begin_nested():
                session.execute(
                    insert(table).values(
                        event_id=event_id,
                        scope=scope,
                        area_id=area_id,
                        kind=kind,
                        **dict(zip(TALLY_FIELDS, delta, strict=True)),
                    )
                )
        except IntegrityError:  # created meanwhile by another workstation
            session.execute(update(table).where(*where).values(change))


def _tally_selects(event_id: int, *conditions: Any) -> list[Any]:
    """The tallies of the event's records meeting ``conditions``, one SELECT per scope:
    (event_id, scope, area_id, kind, *TALLY_FIELDS)."""
    r = _table(TransferRecord)
    remaining = r.c.residents - r.c.away - r.c.refused - r.c.sheltered - r.c.relatives - r.c.forced
    sums = [
        func.count(),
        func.sum(r.c.residents),
        *[func.sum(r.c[name]) for name in _COUNTS],
        func.sum(remaining),
    ]
    town = func.coalesce(Division.parent_id, 0)
    selects = []
    for scope, area, kind, source in (
        ("v", r.c.village_id, literal(""), r),
        ("t", town, r.c.kind, r.join(Division, Division.id == r.c.village_id)),
        ("s", r.c.shelter_id, literal(""), r),
    ):
        stmt = (
            select(literal(event_id), literal(scope), area, kind, *sums)
            .select_from(source)
            .where(r.c.event_id == event_id, *conditions)
        )
        if scope == "s":
            stmt = stmt.where(r.c.shelter_id.is_not(None))
        selects.append(stmt.group_by(area, *([kind] if scope == "t" else [])))
    return selects


def rebuild_tallies(*, session: Session, event_id: int) -> None:
    """Recompute an event's tallies from its records (after bulk writes)."""
    require(session, Permission.READ_REGISTER)
    table = _table(TransferTally)
    session.execute(table.delete().where(table.c.event_id == event_id))
    for stmt in _tally_selects(event_id):
        session.execute(
            insert(table).from_select(["event_id", "scope", "area_id", "kind", *TALLY_FIELDS], stmt)
        )


def _tally_new_records(session: Session, event_id: int, after_id: int) -> None:
    """Add the records created after ``after_id`` to the tallies (cheaper than rebuilding
    every tally of a county's records): one grouped read of the new records by village,
    town, kind and shelter, folded here into the three scopes of ``_tally_selects``."""
    r = _table(TransferRecord)
    remaining = r.c.residents - r.c.away - r.c.refused - r.c.sheltered - r.c.relatives - r.c.forced
    # The new records are the last rows of the table, read by id. The event compared as an
    # expression keeps SQLite from walking the index of every record of the event instead.
    event = r.c.event_id + 0 if after_id else r.c.event_id
    groups = session.execute(
        select(
            r.c.village_id,
            Division.id.is_not(None),
            func.coalesce(Division.parent_id, 0),
            r.c.kind,
            r.c.shelter_id,
            func.count(),
            func.sum(r.c.residents),
            *[func.sum(r.c[name]) for name in _COUNTS],
            func.sum(remaining),
        )
        .select_from(r.outerjoin(Division, Division.id == r.c.village_id))
        .where(event == event_id, r.c.id > after_id)
        .group_by(r.c.village_id, Division.id, Division.parent_id, r.c.kind, r.c.shelter_id)
    )
    deltas: dict[_TallyKey, list[int]] = {}
    for village_id, has_division, town_id, kind, shelter_id, *sums in groups:
        values = [int(v or 0) for v in sums]
        keys: list[_TallyKey] = [("v", int(village_id), "")]
        if has_division:  # as the join of _tally_selects
            keys.append(("t", int(town_id), kind))
        if shelter_id is not None:
            keys.append(("s", int(shelter_id), ""))
        for key in keys:
            total = deltas.setdefault(key, [0] * len(TALLY_FIELDS))
            for i, value in enumerate(values):
                total[i] += value
    _add_to_tallies(session, event_id, deltas)


def tallies_match_records(*, session: Session, event_id: int) -> bool:
    """Whether the maintained tallies equal a recomputation (for checks and tests)."""
    require(session, Permission.READ_REGISTER)
    table = _table(TransferTally)
    columns = [table.c.scope, table.c.area_id, table.c.kind, *[table.c[f] for f in TALLY_FIELDS]]

    def current() -> set[tuple[Any, ...]]:
        return {
            tuple(row)
            for row in session.execute(select(*columns).where(table.c.event_id == event_id))
            if any(row[3:])
        }

    kept = current()
    nested = session.begin_nested()
    try:
        rebuild_tallies(session=session, event_id=event_id)
        fresh = current()
    finally:
        nested.rollback()
    return kept == fresh
