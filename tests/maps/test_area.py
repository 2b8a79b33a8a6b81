"""What a drawn area holds (maps.area), during an event and with a kind a module adds."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from shapely.geometry import Point
from sqlalchemy import select

from maps.area import AreaIndex, area_layer_title, nearest_of_kinds, nearest_shelters
from maps.layers import AreaKind, add_area_kind
from maps.layers import registry as layer_registry
from models.database import Database
from models.transfers import TransferRecord
from tests.conftest import ADMIN

CIRCLE = {"type": "Circle", "center": [121.38, 28.37], "radius": 4000.0}


def test_during_an_event_the_households_still_at_home_come_first(typhoon_db: Database) -> None:
    with typhoon_db.session(ADMIN) as session:
        index = AreaIndex.load(session=session)
        states = dict(
            session.execute(
                select(TransferRecord.household_id, TransferRecord.status).where(
                    TransferRecord.household_id.is_not(None)
                )
            ).all()
        )
    contents = index.contents(CIRCLE)
    assert contents.during_event
    rows = contents.rows("household")
    flags = [row.at_home for row in rows]
    assert True in flags and False in flags  # the scenario has moved some already
    first_away = flags.index(False)
    assert all(flags[:first_away]) and not any(flags[first_away:])
    for row in rows:
        assert row.at_home == (states[row.id] in ("to_move", "refused", "returned"))
    shelters = contents.rows("shelter")
    free = [int(row.detail) for row in shelters]
    assert free == sorted(free, reverse=True)  # the most room first
    assert contents.counts["people"] > contents.counts["household"] > 0


@pytest.fixture
def depots() -> Iterator[None]:
    """A kind a module adds (as teams or supplies would), removed afterwards."""
    kind = AreaKind(
        key="test_depots",
        title="Depots",
        load=lambda *, session: (
            np.array([7, 8]),
            np.array([Point(121.381, 28.371), Point(121.9, 28.9)], dtype=object),
            [("D7", "近处仓库", "", "", ""), ("D8", "远处仓库", "", "", "")],
        ),
        nearest=True,
    )
    add_area_kind(kind)
    yield
    del layer_registry._AREA_KINDS[kind.key]


def test_a_kind_a_module_adds_is_listed_and_named_by_nearest(
    demo_db: Database, depots: None
) -> None:
    with demo_db.session(ADMIN) as session:
        index = AreaIndex.load(session=session)
    contents = index.contents(CIRCLE)
    assert contents.ids("test_depots") == [7]
    assert area_layer_title("test_depots") == "Depots"
    named = [r for r in nearest_of_kinds(index, lng=121.38, lat=28.37) if r.layer == "test_depots"]
    assert [row.id for row in named] == [7, 8]
    assert named[0].distance_km == pytest.approx(0.146, abs=0.01)
    shelters = nearest_shelters(index, lng=121.38, lat=28.37)
    distances = [row.distance_km for row in shelters]
    assert len(shelters) == 5 and distances == sorted(distances)
    assert all(row.free and row.free > 0 for row in shelters)


def test_drawn_areas_are_saved_by_unique_name_on_both_backends(db: Database) -> None:
    from models.drawn_areas import delete_drawn_area, list_drawn_areas, save_drawn_area
    from models.refusals import Conflict, InvalidValue, PermissionDenied
    from models.users import Actor

    square = {
        "type": "Polygon",
        "coordinates": [[[121.3, 28.3], [121.4, 28.3], [121.4, 28.4], [121.3, 28.3]]],
    }
    with db.session(ADMIN, write=True) as session:
        area_id = save_drawn_area(session=session, name=" 堤防决口 ", geometry=square)
        save_drawn_area(session=session, name="化工泄漏", geometry=CIRCLE)
    with db.session(ADMIN, write=True) as session, pytest.raises(Conflict):
        save_drawn_area(session=session, name="堤防决口", geometry=CIRCLE)
    for bad in ({"type": "Point", "coordinates": [121, 28]}, {"type": "Circle", "radius": 5}):
        with db.session(ADMIN, write=True) as session, pytest.raises(InvalidValue):
            save_drawn_area(session=session, name="x", geometry=bad)
    viewer = Actor(name="v", role="viewer")
    with db.session(viewer, write=True) as session, pytest.raises(PermissionDenied):
        save_drawn_area(session=session, name="y", geometry=CIRCLE)
    with db.session(viewer) as session:
        saved = list_drawn_areas(session=session)
    assert [(a.name, a.geometry["type"]) for a in saved] == [
        ("化工泄漏", "Circle"),
        ("堤防决口", "Polygon"),
    ]
    assert saved[1].geometry == square and saved[1].created_by == ADMIN.name
    with db.session(ADMIN, write=True) as session:
        delete_drawn_area(session=session, area_id=area_id)
    with db.session(ADMIN) as session:
        assert [a.name for a in list_drawn_areas(session=session)] == ["化工泄漏"]
