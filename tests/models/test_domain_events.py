"""Domain events: lower modules announce, higher ones react in the same unit of work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import domain_events
from models.database import Database
from models.domain_events import EventEnded, EventStarted, ResponseLevelChanged, subscribe
from models.events import Event, end_event, set_response_level, start_event
from models.refusals import Refused
from models.users import Actor

DUTY = Actor(name="duty", role="duty")
ROOT = Path(__file__).resolve().parents[2]


def test_the_subscribers_are_loaded_by_the_first_announcement() -> None:
    """Starting an event opens transfer records even where nothing imported transfers."""
    code = (
        "import sys\n"
        "from models.domain_events import EventEnded, emit\n"
        "import models.events\n"
        "before = 'models.transfers' in sys.modules\n"
        "emit(EventEnded(0), session=None)\n"
        "print(before, 'models.transfers' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True"]


def test_handlers_hear_what_events_announce(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    heard: list[object] = []
    for kind in (EventStarted, ResponseLevelChanged, EventEnded):
        monkeypatch.setitem(
            domain_events._handlers, kind, list(domain_events._handlers.get(kind, []))
        )
        subscribe(kind)(lambda event, *, session: heard.append(event))
    with db.session(DUTY) as session:
        event = start_event(session=session, name="台风", response_level="IV")
        set_response_level(session=session, event_id=event.id, response_level="II")
        set_response_level(session=session, event_id=event.id, response_level="II")  # no change
        end_event(session=session, event_id=event.id)
    assert heard == [
        EventStarted(event.id, open_records=True),
        ResponseLevelChanged(event.id, "IV", "II"),
        EventEnded(event.id),
    ]


def test_a_refusing_handler_leaves_nothing_written(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(
        domain_events._handlers, EventStarted, list(domain_events._handlers.get(EventStarted, []))
    )

    @subscribe(EventStarted)
    def refuse(_event: EventStarted, *, session: object) -> None:
        raise Refused("不行")

    with pytest.raises(Refused, match="不行"), db.session(DUTY) as session:
        start_event(session=session, name="台风")
    with db.session(DUTY) as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 0
