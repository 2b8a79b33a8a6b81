"""The transfers page's loads and searches off the UI thread, each in its own unit of work
(its writes go through ``ui.common.operations``). What takes time beyond reading (the
attention list's rows, the shelters' overflows) is made here too, not on the UI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from models.database import Database
from models.events import EventRow, active_event
from models.settings import Settings
from models.transfers import (
    DEFAULT_LAG_PERCENT,
    DEFAULT_STALE_HOURS,
    Attention,
    FigureChange,
    Overflow,
    ProgressPoint,
    Rollup,
    SubjectRow,
    TownReportRow,
    compare_snapshots,
    completion_history,
    find_subjects,
    list_snapshots,
    list_town_reports,
    load_snapshot,
    needs_attention,
    overflows,
    register_year,
    rollup,
    rollup_to_dict,
)
from models.users import Actor
from ui.transfers.attention import AttentionLine, attention_lines


@dataclass(frozen=True)
class Loaded:
    event: EventRow | None
    rollup: Rollup | None
    since: datetime | None = None  # when the last hourly snapshot was taken
    changes: tuple[FigureChange, ...] = ()  # since then (villages left out: too many)
    reports: tuple[TownReportRow, ...] = ()
    year: int | None = None  # the register year the event's lists are from
    attention: Attention | None = None  # lagging and stalled towns and villages
    attention_lines: tuple[AttentionLine, ...] = ()  # the same as the table shows them
    overflows: tuple[Overflow, ...] = ()  # shelters that cannot take everyone assigned
    history: tuple[ProgressPoint, ...] = ()  # the county's completion, hour by hour


def load_transfers(db: Database, actor: Actor) -> Loaded:
    with db.session(actor) as session:
        event = active_event(session=session)
        if event is None:
            return Loaded(None, None)
        data = rollup(session=session, event_id=event.id)
        snapshots = list_snapshots(session=session, event_id=event.id)
        last = load_snapshot(session=session, snapshot_id=snapshots[-1].id) if snapshots else None
        reports = list_town_reports(session=session, event_id=event.id)
        year = register_year(session=session, at=event.started_at)
        attention = load_attention(session, data)
        history = completion_history(session=session, event_id=event.id, now=data)
    changes = (
        tuple(c for c in compare_snapshots(last, rollup_to_dict(data)) if c.scope != "village")
        if last is not None
        else ()
    )
    return Loaded(
        event,
        data,
        snapshots[-1].taken_at if snapshots else None,
        changes,
        tuple(reversed(reports)),
        year,
        attention,
        tuple(attention_lines(attention)),
        tuple(overflows(data.shelters)),
        tuple(history),
    )


def load_attention(session: Session, data: Rollup) -> Attention:
    """The lagging and stalled towns and villages by this workstation's settings."""
    settings = Settings.load()
    return needs_attention(
        session=session,
        data=data,
        lag_percent=_number(settings.lag_percent, DEFAULT_LAG_PERCENT),
        stale_hours=_number(settings.stale_hours, DEFAULT_STALE_HOURS),
    )


def _number(value: object, default: float) -> float:
    """A setting as a number; a hand-edited settings file may hold anything."""
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def search_subjects(
    db: Database, actor: Actor, query: str, event_id: int, year: int | None
) -> list[SubjectRow]:
    with db.session(actor) as session:
        return find_subjects(session=session, query=query, event_id=event_id, year=year)
