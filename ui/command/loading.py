"""The command page's load, off the UI thread in one unit of work: the event in progress
with its level and grade history and incidents, the day's roster and the member units."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from models.command import (
    GradeChangeRow,
    IncidentRow,
    LevelChangeRow,
    RosterRow,
    UnitRow,
    day_roster,
    duty_day,
    grade_history,
    level_history,
    level_since,
    list_incidents,
    list_units,
)
from models.database import Database
from models.events import EventRow, active_event
from models.typhoons import list_typhoons, typhoon_title
from models.users import Actor


@dataclass(frozen=True)
class CommandData:
    event: EventRow | None
    since: datetime | None = None  # when the level in force was set
    levels: tuple[LevelChangeRow, ...] = ()
    grades: tuple[GradeChangeRow, ...] = ()
    incidents: tuple[IncidentRow, ...] = ()
    day: date | None = None
    roster: tuple[RosterRow, ...] = ()
    units: tuple[UnitRow, ...] = ()
    typhoon: str | None = None  # the followed typhoon's code and name


def load_command(db: Database, actor: Actor) -> CommandData:
    with db.session(actor) as session:
        day = duty_day()
        roster = tuple(day_roster(session=session, day=day))
        units = tuple(list_units(session=session))
        event = active_event(session=session)
        if event is None:
            return CommandData(None, day=day, roster=roster, units=units)
        typhoon = next(
            (
                typhoon_title(t.code, t.name)
                for t in list_typhoons(session=session)
                if t.code == event.typhoon_code
            ),
            event.typhoon_code,
        )
        return CommandData(
            event,
            level_since(session=session, event_id=event.id),
            tuple(level_history(session=session, event_id=event.id)),
            tuple(grade_history(session=session, event_id=event.id)),
            tuple(list_incidents(session=session, event_id=event.id)),
            day,
            roster,
            units,
            typhoon,
        )
