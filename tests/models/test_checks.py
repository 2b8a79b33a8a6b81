"""``db check``: a sound database passes, and each kind of damage is named."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
import shapely
from shapely.affinity import translate
from shapely.geometry import Polygon
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from models.areas import DangerZone, Division, Grid, Shelter, WorkingGroupMember
from models.base import geometry_columns
from models.checks import MAX_PER_KIND, check_database
from models.database import Database, sqlite_path
from models.text_index import TextIndexEntry, add_texts
from models.transfers import HOUSEHOLD_NAMES
from models.users import PermissionDenied
from tests.conftest import ADMIN
from tests.models.conftest import BuiltDemo, scratch


def test_an_empty_database_passes(db: Database) -> None:
    with db.session(ADMIN) as session:
        assert check_database(session=session) == []


def test_the_demo_passes(demo: BuiltDemo) -> None:
    with demo.database.session(ADMIN) as session:
        assert check_database(session=session) == []


def test_nobody_may_check(db: Database) -> None:
    with db.session(None) as session, pytest.raises(PermissionDenied):
        check_database(session=session)


# Each breaker damages the demo in a scratch session and returns what the
# report must contain: a phrase and the name or code of the damaged row.
Breaker = Callable[[Session], tuple[str, str]]


def _first(session: Session, column: object, *where: object) -> object:
    return session.execute(select(column).where(*where).limit(1)).scalar_one()  # type: ignore[call-overload]


def _village_code_not_under_its_town(session: Session) -> tuple[str, str]:
    village_id = _first(session, Division.id, Division.level == "village")
    session.execute(update(Division).where(Division.id == village_id).values(code="331081999001"))
    return "does not start with the code of its parent", "331081999001"


def _grid_moved_out_of_its_village(session: Session) -> tuple[str, str]:
    code, geom = session.execute(select(Grid.code, Grid.geom).limit(1)).one()
    moved = translate(shapely.from_wkb(geom), xoff=0.2)
    session.execute(update(Grid).where(Grid.code == code).values(**geometry_columns(moved)))
    return "lies outside", code


def _shelter_box_off(session: Session) -> tuple[str, str]:
    shelter_id, name = session.execute(select(Shelter.id, Shelter.name).limit(1)).one()
    session.execute(
        update(Shelter).where(Shelter.id == shelter_id).values(min_lon=Shelter.min_lon - 0.01)
    )
    return "bounding box", name


def _zone_crosses_itself(session: Session) -> tuple[str, str]:
    code = _first(session, DangerZone.code, DangerZone.is_point.is_(False))
    bowtie = Polygon([(121.3, 28.3), (121.31, 28.31), (121.31, 28.3), (121.3, 28.31)])
    session.execute(
        update(DangerZone).where(DangerZone.code == code).values(**geometry_columns(bowtie))
    )
    return "invalid", str(code)


def _grid_unreadable(session: Session) -> tuple[str, str]:
    code = _first(session, Grid.code)
    session.execute(update(Grid).where(Grid.code == code).values(geom=b"not a geometry"))
    return "cannot be read", str(code)


def _unknown_kind(session: Session) -> tuple[str, str]:
    code = _first(session, DangerZone.code)
    session.execute(update(DangerZone).where(DangerZone.code == code).values(kind="volcano"))
    return "unknown kind volcano", str(code)


def _unknown_level(session: Session) -> tuple[str, str]:
    shelter_id, name = session.execute(select(Shelter.id, Shelter.name).limit(1)).one()
    session.execute(update(Shelter).where(Shelter.id == shelter_id).values(level="province"))
    return "unknown level province", name


def _unknown_post(session: Session) -> tuple[str, str]:
    member = _first(session, WorkingGroupMember.id)
    session.execute(
        update(WorkingGroupMember).where(WorkingGroupMember.id == member).values(post="cook")
    )
    return "unknown post cook", f"#{member}"


def _grid_in_a_town(session: Session) -> tuple[str, str]:
    town = _first(session, Division.id, Division.level == "town")
    code = _first(session, Grid.code)
    session.execute(update(Grid).where(Grid.code == code).values(village_id=town))
    return "not a village or community", str(code)


def _zone_on_a_foreign_grid(session: Session) -> tuple[str, str]:
    code, village = session.execute(select(DangerZone.code, DangerZone.village_id).limit(1)).one()
    foreign = _first(session, Grid.id, Grid.village_id != village)
    session.execute(update(DangerZone).where(DangerZone.code == code).values(grid_id=foreign))
    return "of another village", code


def _town_without_county(session: Session) -> tuple[str, str]:
    code = _first(session, Division.code, Division.level == "town")
    session.execute(update(Division).where(Division.code == code).values(parent_id=None))
    return "does not belong to a county", str(code)


def _short_county_code(session: Session) -> tuple[str, str]:
    session.execute(update(Division).where(Division.level == "county").values(code="33108"))
    return "should have 6 digits", "33108"


def _point_flag_wrong(session: Session) -> tuple[str, str]:
    code = _first(session, DangerZone.code, DangerZone.is_point.is_(False))
    session.execute(update(DangerZone).where(DangerZone.code == code).values(is_point=True))
    return "marked as a hazard point", str(code)


def _index_entry_missing(session: Session) -> tuple[str, str]:
    """A household that the search for a part of its name would no longer find."""
    gram, row_id = session.execute(
        select(TextIndexEntry.gram, TextIndexEntry.row_id)
        .where(TextIndexEntry.kind == HOUSEHOLD_NAMES.kind)
        .order_by(TextIndexEntry.row_id.desc())
        .limit(1)
    ).one()
    session.execute(
        delete(TextIndexEntry).where(
            TextIndexEntry.kind == HOUSEHOLD_NAMES.kind,
            TextIndexEntry.gram == gram,
            TextIndexEntry.row_id == row_id,
        )
    )
    return "text index lacks 1 entries", f"(rows {row_id})"


def _index_entry_left_over(session: Session) -> tuple[str, str]:
    add_texts(session, HOUSEHOLD_NAMES, [(999_999, "无此人")])
    return "that no text has", "(rows 999999)"


BREAKERS = [
    _village_code_not_under_its_town,
    _grid_moved_out_of_its_village,
    _shelter_box_off,
    _zone_crosses_itself,
    _grid_unreadable,
    _unknown_kind,
    _unknown_level,
    _unknown_post,
    _grid_in_a_town,
    _zone_on_a_foreign_grid,
    _town_without_county,
    _short_county_code,
    _point_flag_wrong,
    _index_entry_missing,
    _index_entry_left_over,
]


@pytest.mark.parametrize("breaker", BREAKERS, ids=lambda b: b.__name__.strip("_"))
def test_damage_is_reported(demo: BuiltDemo, breaker: Breaker) -> None:
    with scratch(demo.database) as session:
        phrase, name = breaker(session)
        problems = check_database(session=session)
    assert problems, "nothing found"
    assert any(phrase in p and name in p for p in problems), problems
    assert len(problems) <= 3, problems  # one piece of damage, not a flood of messages


def test_many_problems_of_one_kind_are_summed_up(demo: BuiltDemo) -> None:
    with scratch(demo.database) as session:
        session.execute(update(DangerZone).values(kind="volcano"))
        problems = check_database(session=session)
        zones = session.scalar(select(func.count()).select_from(DangerZone)) or 0
    assert len(problems) == MAX_PER_KIND + 1
    assert problems[-1].startswith("...")
    assert str(zones - MAX_PER_KIND) in problems[-1]


def test_sqlite_foreign_keys_are_checked(sqlite_db: Database) -> None:
    path = sqlite_path(sqlite_db.url)
    assert path is not None
    raw = sqlite3.connect(path)  # foreign keys are off by default outside the app
    with raw:
        raw.execute(
            "INSERT INTO grids (code, name, village_id, person_name) VALUES ('G', 'g', 999, 'p')"
        )
    raw.close()
    with sqlite_db.session(ADMIN) as session:
        problems = check_database(session=session)
    assert any("table grids" in p and "table divisions" in p for p in problems), problems
