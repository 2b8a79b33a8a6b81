"""What the village flood situation map reads from the register."""

from __future__ import annotations

from sqlalchemy import select

from models.areas import Division, Shelter
from models.database import Database
from models.transfers import Household, register_year
from models.users import Actor
from models.village_map import read_village_map, village_outlines
from tests.conftest import ADMIN

VIEWER = Actor(name="test-viewer", role="viewer")


def test_a_village_with_its_features_and_the_shelters_it_sends_people_to(demo_db: Database) -> None:
    with demo_db.session(ADMIN) as session:
        year = register_year(session=session)
        rows = session.execute(
            select(Household.village_id, Household.shelter_id).where(
                Household.year == year, Household.shelter_id.is_not(None)
            )
        ).all()
        home = dict(session.execute(select(Shelter.id, Shelter.village_id)).all())
        village_id = next(v for v, s in rows if home[s] != v)  # sends people elsewhere
        code = session.scalar(select(Division.code).where(Division.id == village_id))
        data = read_village_map(session=session, village_code=code or "")
        assert data is not None
        neighbours = village_outlines(
            session=session, bbox=data.village.bbox or (0, 0, 0, 0), exclude=village_id
        )
    assert data.village.id == village_id and data.village.town_name
    assert data.village.county_name and data.village.bbox and data.village.geom
    assert data.grids and all(g.village_id == village_id for g in data.grids)
    assert all(z.village_id == village_id for z in data.zones)
    assert set(data.grid_geoms) == {g.id for g in data.grids}
    assert {s for v, s in rows if v == village_id} <= {s.id for s in data.shelters}
    own = [data.is_own(s) for s in data.shelters]
    assert False in own and own == sorted(own, reverse=True)  # the village's own first
    assert len(data.members) == 7
    assert all(m.phone and "*" not in m.phone for m in data.members)
    assert neighbours and code not in {n.code for n in neighbours}


def test_unknown_village_and_masked_phones_for_a_viewer(demo_db: Database) -> None:
    with demo_db.session(VIEWER) as session:
        assert read_village_map(session=session, village_code="999999999999") is None
        code = session.scalar(
            select(Division.code)
            .where(Division.level == "village")
            .order_by(Division.code)
            .limit(1)
        )
        data = read_village_map(session=session, village_code=code or "")
    assert data is not None
    phones = [m.phone for m in data.members] + [g.person_phone for g in data.grids]
    assert phones and all(p and "****" in p for p in phones)
