"""A saved drawn area registered as danger zones of the register: one per village whose
outline it covers, with the village's next code, passing ``db check``."""

from __future__ import annotations

import pytest
import shapely
from shapely.geometry import box
from sqlalchemy import select

from models.areas import DangerZone, Division
from models.checks import check_database
from models.database import Database
from models.drawn_areas import area_polygon, register_as_danger_zones, save_drawn_area
from models.refusals import Conflict, InvalidValue, PermissionDenied, ValidationError
from models.users import Actor
from tests.conftest import ADMIN

VIEWER = Actor("viewer", "viewer")


def two_villages(db: Database) -> dict[str, int]:
    """A county of one town and two square villages side by side at 121.0-121.2 E, 28.0-28.1 N,
    the first holding a danger zone coded -D001 already."""
    with db.session(ADMIN, write=True) as session:
        county = Division(code="331081", name="温岭市", level="county")
        county.geometry = box(121.0, 28.0, 121.2, 28.1)
        session.add(county)
        session.flush()
        town = Division(code="331081101", name="石塘镇", level="town", parent_id=county.id)
        town.geometry = box(121.0, 28.0, 121.2, 28.1)
        session.add(town)
        session.flush()
        ids = {}
        for code, name, west in (
            ("331081101001", "里箬村", 121.0),
            ("331081101002", "东海村", 121.1),
        ):
            village = Division(code=code, name=name, level="village", parent_id=town.id)
            village.geometry = box(west, 28.0, west + 0.1, 28.1)
            session.add(village)
            session.flush()
            ids[name] = village.id
        zone = DangerZone(
            code="331081101001-D001", name="后山", kind="flash_flood", village_id=ids["里箬村"]
        )
        zone.geometry = box(121.01, 28.01, 121.02, 28.02)
        session.add(zone)
    return ids


def test_an_area_over_two_villages_becomes_a_zone_in_each(db: Database) -> None:
    ids = two_villages(db)
    circle = {"type": "Circle", "center": [121.1, 28.05], "radius": 2000}
    with db.session(ADMIN, write=True) as session:
        area_id = save_drawn_area(session=session, name="石塘山体滑坡", geometry=circle)
    with db.session(ADMIN, write=True) as session:
        zones = register_as_danger_zones(
            session=session, area_id=area_id, kind="geological", name="石塘滑坡"
        )
    assert [(z.code, z.name) for z in zones] == [
        ("331081101001-D002", "石塘滑坡（里箬村）"),
        ("331081101002-D001", "石塘滑坡（东海村）"),
    ]
    assert sum(z.share for z in zones) == pytest.approx(1.0, abs=1e-6)
    with db.session(ADMIN) as session:
        stored = session.scalars(
            select(DangerZone).where(DangerZone.kind == "geological").order_by(DangerZone.code)
        ).all()
        assert [z.village_id for z in stored] == [ids["里箬村"], ids["东海村"]]
        assert all(not z.is_point and "石塘山体滑坡" in (z.note or "") for z in stored)
        parts = [z.geometry for z in stored]
        whole = area_polygon(circle)
        assert shapely.union_all(parts).symmetric_difference(whole).area < whole.area * 1e-6
        assert check_database(session=session) == []
    # The same again is refused: the village has a zone of that name.
    with (
        pytest.raises(Conflict, match="石塘滑坡（里箬村）"),
        db.session(ADMIN, write=True) as session,
    ):
        register_as_danger_zones(
            session=session, area_id=area_id, kind="geological", name="石塘滑坡"
        )


def test_an_area_within_one_village_keeps_its_name_and_refusals_say_why(db: Database) -> None:
    two_villages(db)
    square = {
        "type": "Polygon",
        "coordinates": [
            [[121.12, 28.02], [121.15, 28.02], [121.15, 28.04], [121.12, 28.04], [121.12, 28.02]]
        ],
    }
    sea = {"type": "Circle", "center": [121.5, 28.05], "radius": 1000}
    with db.session(ADMIN, write=True) as session:
        inside = save_drawn_area(session=session, name="堤坝决口", geometry=square)
        outside = save_drawn_area(session=session, name="海上", geometry=sea)
    with pytest.raises(ValidationError), db.session(ADMIN, write=True) as session:
        register_as_danger_zones(session=session, area_id=inside, kind="meteor", name=" ")
    with (
        pytest.raises(InvalidValue, match="outside every village"),
        db.session(ADMIN, write=True) as session,
    ):
        register_as_danger_zones(session=session, area_id=outside, kind="seawall", name="海上")
    with pytest.raises(PermissionDenied), db.session(VIEWER, write=True) as session:
        register_as_danger_zones(session=session, area_id=inside, kind="waterlogging", name="x")
    with db.session(ADMIN, write=True) as session:
        zones = register_as_danger_zones(
            session=session, area_id=inside, kind="waterlogging", name="堤坝决口"
        )
    assert [(z.code, z.name, z.share) for z in zones] == [
        ("331081101002-D001", "堤坝决口", pytest.approx(1.0))
    ]
