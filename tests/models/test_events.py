"""Events: one active at a time, started and ended by whoever may edit the register."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from models.audit import AuditRecord
from models.database import Database
from models.events import (
    EventRefused,
    active_event,
    end_event,
    get_event,
    list_events,
    set_response_level,
    start_event,
)
from models.users import Actor, PermissionDenied

DUTY = Actor(name="duty", role="duty")
VIEWER = Actor(name="viewer", role="viewer")
T0 = datetime(2026, 7, 28, 2, 0, tzinfo=UTC)


def test_start_and_end_an_event(db: Database) -> None:
    with db.session(VIEWER) as session:
        assert active_event(session=session) is None
    with db.session(DUTY) as session:
        event = start_event(
            session=session, name=" 台风“海葵” ", response_level="IV", started_at=T0
        )
    assert (event.name, event.kind, event.response_level, event.created_by) == (
        "台风“海葵”",
        "typhoon",
        "IV",
        "duty",
    )
    assert event.active and not event.response_lifted
    with db.session(VIEWER) as session:
        current = active_event(session=session)
        assert current is not None and current.id == event.id
        assert current.started_at == T0
    with db.session(DUTY) as session:
        raised = set_response_level(session=session, event_id=event.id, response_level="II")
        assert raised.response_level == "II"
        lifted = set_response_level(session=session, event_id=event.id, response_level=None)
        assert lifted.response_lifted and lifted.active
        ended = end_event(session=session, event_id=event.id, ended_at=T0 + timedelta(days=2))
    assert (ended.active, ended.ended_at) == (False, T0 + timedelta(days=2))
    with db.session(VIEWER) as session:
        assert active_event(session=session) is None
        assert get_event(session=session, event_id=event.id) == ended
    with db.session(DUTY) as session:
        audited = session.scalars(
            select(AuditRecord.action).where(AuditRecord.table_name == "events")
        ).all()
    assert audited == ["insert", "update", "update", "update"]


def test_one_event_at_a_time_and_sane_input(db: Database) -> None:
    with db.session(DUTY) as session:
        first = start_event(session=session, name="台风一", started_at=T0)
        with pytest.raises(EventRefused, match="still in progress"):
            start_event(session=session, name="台风二")
        for bad in (
            {"name": " "},
            {"name": "x", "kind": "meteor"},
            {"name": "x", "response_level": "V"},
        ):
            with pytest.raises(EventRefused):
                start_event(session=session, **bad)  # type: ignore[arg-type]
        with pytest.raises(EventRefused, match="before it started"):
            end_event(session=session, event_id=first.id, ended_at=T0 - timedelta(hours=1))
        end_event(session=session, event_id=first.id, ended_at=T0 + timedelta(hours=5))
        with pytest.raises(EventRefused, match="already ended"):
            end_event(session=session, event_id=first.id)
        second = start_event(
            session=session, name="暴雨", kind="rainstorm", started_at=T0 + timedelta(days=3)
        )
    with db.session(VIEWER) as session:
        assert [e.name for e in list_events(session=session)] == ["暴雨", "台风一"]
        current = active_event(session=session)
        assert current is not None and current.id == second.id


def test_viewers_cannot_start_events(db: Database) -> None:
    with db.session(VIEWER) as session, pytest.raises(PermissionDenied):
        start_event(session=session, name="台风")


CIRCLE = {"type": "Circle", "center": [121.4, 28.3], "radius": 1500.0}


def test_an_event_names_an_area_drawn_on_the_map_which_is_kept_while_it_does(
    db: Database,
) -> None:
    from models.drawn_areas import delete_drawn_area, save_drawn_area
    from models.refusals import Conflict, NotFound

    admin = Actor(name="admin", role="admin")
    with db.session(admin, write=True) as session:
        area_id = save_drawn_area(session=session, name="山塘溃坝淹没区", geometry=CIRCLE)
    with pytest.raises(NotFound, match="石塘"), db.session(DUTY, write=True) as session:
        start_event(session=session, name="溃坝", kind="flood", drawn_area="石塘")
    with db.session(DUTY, write=True) as session:
        event = start_event(session=session, name="溃坝", kind="flood", drawn_area="山塘溃坝淹没区")
    assert event.drawn_area == "山塘溃坝淹没区"
    with db.session(VIEWER) as session:
        shown = active_event(session=session)
    assert shown is not None and shown.drawn_area == "山塘溃坝淹没区" and shown.area is None
    with pytest.raises(Conflict, match="溃坝"), db.session(admin, write=True) as session:
        delete_drawn_area(session=session, area_id=area_id)
    with db.session(admin) as session:
        kept = get_event(session=session, event_id=event.id)
    assert kept is not None and kept.drawn_area == "山塘溃坝淹没区"
