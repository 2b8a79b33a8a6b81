"""The demo county: counts, geography that tiles, terrain, determinism, refusal and audit."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import replace

import numpy as np
import pytest
import shapely
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.areas import DangerZone, Division, Grid, Shelter, WorkingGroupMember
from models.audit import AuditRecord
from models.base import Base
from models.checks import check_database
from models.database import Database
from models.demo import DEMO_ACCOUNTS, DemoRefused, build_demo
from models.labels import DANGER_KINDS, SHELTER_LEVELS, WORKING_GROUP_POSTS
from models.meta import DEMO_ACCOUNTS_KEY, DEMO_KEY, MetaEntry, get_meta
from models.text_index import differences
from models.transfers import HOUSEHOLD_NAMES, Household
from models.users import (
    Actor,
    LoginRefused,
    PermissionDenied,
    User,
    authenticate,
    create_user,
)
from tests.conftest import ADMIN
from tests.models.conftest import BuiltDemo, scratch

TOWNS = {
    "太平街道",
    "城东街道",
    "城西街道",
    "城北街道",
    "横峰街道",
    "泽国镇",
    "大溪镇",
    "松门镇",
    "箬横镇",
    "新河镇",
    "石塘镇",
    "滨海镇",
    "温峤镇",
    "城南镇",
    "坞根镇",
    "石桥头镇",
}
MOBILE = re.compile(r"^1[3-9]\d{9}$")


def _count(session: Session, entity: type[Base], *where: object) -> int:
    return session.scalar(select(func.count()).select_from(entity).where(*where)) or 0


def _shapes(session: Session, level: str) -> dict[int, shapely.Geometry]:
    rows = session.execute(select(Division.id, Division.geom).where(Division.level == level))
    return {i: shapely.from_wkb(g) for i, g in rows}


def _within(container: shapely.Geometry, shape: shapely.Geometry) -> bool:
    return bool(container.covers(shape) or container.buffer(1e-9).covers(shape))


def _rows_digest(database: Database) -> str:
    """A hash of every row the demo writes (ids included), except password salts and times
    (of creation, and of the last login a test made)."""
    digest = hashlib.sha256()
    skip = {("users", "password_hash"), ("users", "created_at"), ("users", "last_login_at")}
    with database.session(ADMIN) as session:
        for name in (
            "divisions",
            "grids",
            "danger_zones",
            "shelters",
            "working_group_members",
            "users",
            "app_meta",
        ):
            table = Base.metadata.tables[name]
            columns = [c for c in table.columns if (name, c.name) not in skip]
            order = list(table.primary_key.columns)
            for row in session.execute(select(*columns).order_by(*order)):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


# -- what the build wrote ---------------------------------------------------------


def test_counts_at_scale_one(demo: BuiltDemo) -> None:
    summary = demo.summary
    with demo.database.session(ADMIN) as session:
        assert _count(session, Division, Division.level == "county") == summary.counties == 1
        assert _count(session, Division, Division.level == "town") == summary.towns == 16
        villages = _count(session, Division, Division.level == "village")
        assert villages == summary.villages
        assert 600 <= villages <= 680
        assert 2600 <= _count(session, Grid) == summary.grids <= 3000
        assert 2500 <= _count(session, DangerZone) == summary.danger_zones <= 2900
        assert 130 <= _count(session, Shelter) == summary.shelters <= 170
        members = _count(session, WorkingGroupMember)
        assert members == summary.working_group_members == villages * len(WORKING_GROUP_POSTS)
        assert _count(session, User) == summary.users == len(DEMO_ACCOUNTS)
        assert get_meta(session=session, key=DEMO_KEY) == "1"


def test_codes_and_names(demo: BuiltDemo) -> None:
    with demo.database.session(ADMIN) as session:
        rows = session.execute(
            select(Division.id, Division.code, Division.name, Division.level, Division.parent_id)
        ).all()
    by_id = {r.id: r for r in rows}
    county = [r for r in rows if r.level == "county"]
    assert [(r.code, r.name) for r in county] == [("331081", "温岭市")]
    towns = [r for r in rows if r.level == "town"]
    assert {r.name for r in towns} == TOWNS
    for town in towns:
        assert re.fullmatch(r"331081\d{3}", town.code)
        assert by_id[town.parent_id].level == "county"
    names_per_town: dict[int, list[str]] = {}
    for village in (r for r in rows if r.level == "village"):
        parent = by_id[village.parent_id]
        assert parent.level == "town"
        assert re.fullmatch(r"\d{12}", village.code) and village.code.startswith(parent.code)
        assert village.name.endswith(("村", "社区"))
        names_per_town.setdefault(parent.id, []).append(village.name)
    for town_id, names in names_per_town.items():
        assert len(names) == len(set(names)), by_id[town_id].name
        kinds = Counter("社区" if n.endswith("社区") else "村" for n in names)
        if by_id[town_id].name.endswith("街道"):
            assert kinds["社区"] > kinds["村"]
        else:
            assert kinds["村"] > kinds["社区"]


def test_towns_and_villages_tile_the_county(demo: BuiltDemo) -> None:
    with demo.database.session(ADMIN) as session:
        county = next(iter(_shapes(session, "county").values()))
        towns = list(_shapes(session, "town").values())
        villages = list(_shapes(session, "village").values())
        parent = {
            village: town
            for village, town in session.execute(
                select(Division.id, Division.parent_id).where(Division.level == "village")
            )
        }
        village_by_id = _shapes(session, "village")
        town_by_id = _shapes(session, "town")
    for layer in (towns, villages):
        assert all(shape.is_valid and shape.geom_type == "Polygon" for shape in layer)
        union = shapely.union_all(layer)
        total = sum(shape.area for shape in layer)
        assert abs(total - union.area) <= 1e-9 * union.area  # no overlaps
        assert union.symmetric_difference(county).area <= 1e-9 * county.area  # no gaps
    assert county.bounds[0] > 121.1 and county.bounds[2] < 121.7
    assert county.bounds[1] > 28.1 and county.bounds[3] < 28.65
    for town_id, town in town_by_id.items():
        own = shapely.union_all([g for v, g in village_by_id.items() if parent[v] == town_id])
        assert own.symmetric_difference(town).area <= 1e-9 * town.area


def test_grids_and_danger_zones_lie_in_their_villages(demo: BuiltDemo) -> None:
    with demo.database.session(ADMIN) as session:
        villages = _shapes(session, "village")
        grids = {
            gid: (vid, shapely.from_wkb(geom))
            for gid, vid, geom in session.execute(select(Grid.id, Grid.village_id, Grid.geom))
        }
        zones = session.execute(
            select(DangerZone.village_id, DangerZone.grid_id, DangerZone.geom, DangerZone.is_point)
        ).all()
        shelters = session.execute(select(Shelter.village_id, Shelter.geom)).all()
    area_of_grids: Counter[int] = Counter()
    for village_id, grid in grids.values():
        assert grid.is_valid and grid.geom_type == "Polygon"
        assert _within(villages[village_id], grid)
        area_of_grids[village_id] += grid.area
    for village_id, village in villages.items():  # the grids cover their village
        assert area_of_grids[village_id] == pytest.approx(village.area, rel=1e-9)
    for village_id, grid_id, geom, is_point in zones:
        zone = shapely.from_wkb(geom)
        assert zone.is_valid and (zone.geom_type == "Point") == is_point
        assert grids[grid_id][0] == village_id
        assert villages[village_id].contains(zone)  # strictly inside
        assert _within(grids[grid_id][1], zone)
    assert sum(1 for z in zones if not z.is_point) > len(zones) / 2  # mostly areas
    for village_id, geom in shelters:
        assert villages[village_id].contains(shapely.from_wkb(geom))


def test_danger_kinds_follow_the_terrain(demo: BuiltDemo) -> None:
    with demo.database.session(ADMIN) as session:
        west, _, east, _ = next(iter(_shapes(session, "county").values())).bounds
        rows = session.execute(select(DangerZone.kind, DangerZone.geom, DangerZone.name)).all()
    kinds = Counter(kind for kind, _, _ in rows)
    assert set(kinds) == set(DANGER_KINDS)
    lon: dict[str, list[float]] = {kind: [] for kind in DANGER_KINDS}
    for kind, geom, _ in rows:
        lon[kind].append(shapely.from_wkb(geom).centroid.x)
    western_third = west + (east - west) / 3
    eastern_strip = east - (east - west) / 5
    for kind in ("fishing_raft", "seawall"):
        assert min(lon[kind]) > western_third, kind
    for kind in ("flash_flood", "geological", "scenic_spot"):
        assert max(lon[kind]) < eastern_strip, kind
    assert np.mean(lon["flash_flood"]) < np.mean(lon["waterlogging"]) < np.mean(lon["seawall"])
    assert any("滑坡隐患点" in name for _, _, name in rows)
    assert any(name.endswith("渔排") for _, _, name in rows)


def test_shelters_people_and_working_groups(demo: BuiltDemo) -> None:
    with demo.database.session(ADMIN) as session:
        shelters = session.execute(
            select(
                Shelter.level,
                Shelter.capacity,
                Shelter.safety_certified,
                Shelter.manager_name,
                Shelter.manager_phone,
            )
        ).all()
        posts = session.execute(
            select(WorkingGroupMember.village_id, WorkingGroupMember.post, WorkingGroupMember.phone)
        ).all()
        grid_people = session.execute(
            select(Grid.person_name, Grid.person_post, Grid.person_phone)
        ).all()
        villages = _count(session, Division, Division.level == "village")
    ranges = {"village": (50, 300), "town": (300, 1500), "county": (1500, 3000)}
    assert {s.level for s in shelters} == set(SHELTER_LEVELS)
    for shelter in shelters:
        low, high = ranges[shelter.level]
        assert low <= shelter.capacity <= high
        assert 2 <= len(shelter.manager_name) <= 4 and MOBILE.match(shelter.manager_phone)
    assert sum(s.safety_certified for s in shelters) > 0.75 * len(shelters)
    per_village = Counter(village for village, _, _ in posts)
    assert len(per_village) == villages and set(per_village.values()) == {len(WORKING_GROUP_POSTS)}
    assert Counter(post for _, post, _ in posts) == {p: villages for p in WORKING_GROUP_POSTS}
    assert all(MOBILE.match(phone) for _, _, phone in posts)
    assert all(MOBILE.match(phone) and 2 <= len(name) <= 4 for name, _, phone in grid_people)
    assert "网格长" in {post for _, post, _ in grid_people}


def test_demo_accounts_log_in(demo: BuiltDemo) -> None:
    with demo.database.session(None) as session:
        for name, password in DEMO_ACCOUNTS.items():
            actor = authenticate(session=session, name=name, password=password)
            assert actor == Actor(name=name, role=name)


def test_the_build_is_one_bulk_audit_record(demo: BuiltDemo) -> None:
    with demo.database.session(ADMIN) as session:
        records = session.execute(select(AuditRecord)).scalars().all()
    assert len(records) == 1
    record = records[0]
    assert (record.action, record.table_name, record.actor) == ("bulk", "demo", ADMIN.name)
    assert record.rows == demo.summary.rows
    assert "demo scale 1" in (record.changes or "")


def test_the_build_passes_the_database_check(demo: BuiltDemo) -> None:
    with demo.database.session(ADMIN) as session:
        assert check_database(session=session) == []


def test_the_households_names_are_in_the_text_index(demo: BuiltDemo) -> None:
    """The build's bulk insert indexes every householder's name (check-in's search)."""
    with demo.database.session(ADMIN) as session:
        found = differences(session, HOUSEHOLD_NAMES)
        households = _count(session, Household)
    assert households > 0 and found.ok, found


def test_two_builds_write_the_same_rows(demo: BuiltDemo, reference_demo: Database) -> None:
    """Two fresh SQLite builds agree, and so does PostgreSQL."""
    assert _rows_digest(demo.database) == _rows_digest(reference_demo)


# -- refusal, replacement, permissions ---------------------------------------------


def test_refuses_a_database_that_holds_data(demo: BuiltDemo) -> None:
    with scratch(demo.database) as session, pytest.raises(DemoRefused):
        build_demo(session=session)


def test_a_database_with_users_takes_the_demo_without_demo_accounts(db: Database) -> None:
    """Elsewhere the demo added accounts with published passwords beside a real administrator."""
    with db.session(None) as session:
        create_user(session=session, name="root", role="admin", password="s3cret-pass")
    with db.session(ADMIN) as session:
        create_user(session=session, name="duty", role="viewer", password="own-password")
    with db.session(ADMIN) as session:
        summary = build_demo(session=session)
    assert summary.accounts == () and summary.users == 0
    with db.session(None) as session:
        assert authenticate(session=session, name="root", password="s3cret-pass").role == "admin"
        assert authenticate(session=session, name="duty", password="own-password").role == "viewer"
        assert session.scalars(select(User.name).order_by(User.name)).all() == ["duty", "root"]
        assert get_meta(session=session, key=DEMO_ACCOUNTS_KEY) is None  # none to list
        for name, password in DEMO_ACCOUNTS.items():
            with pytest.raises(LoginRefused):
                authenticate(session=session, name=name, password=password)


def test_force_on_a_county_not_built_as_a_demo_needs_a_backup(db: Database) -> None:
    """Elsewhere ``demo --force`` replaced a county built by import, without a backup."""
    from models.demo import replaces_other_data

    with db.session(None) as session:
        create_user(session=session, name="root", role="admin", password="s3cret-pass")
    with db.session(ADMIN) as session:
        session.add(Division(code="330000", name="某县", level="county"))
    with db.session(ADMIN) as session:
        assert replaces_other_data(session=session)
        with pytest.raises(DemoRefused, match="backup"):
            build_demo(session=session, force=True)
    with db.session(ADMIN) as session:
        assert session.scalar(select(Division.name)) == "某县"
        summary = build_demo(session=session, force=True, backed_up=True)
    assert summary.accounts == ()
    with db.session(ADMIN) as session:
        assert not replaces_other_data(session=session)  # a demo database now
        assert session.scalar(select(func.count()).where(Division.code == "330000")) == 0
        assert session.scalars(select(User.name)).all() == ["root"]


def test_force_replaces_everything_but_the_audit_log(demo: BuiltDemo) -> None:
    with scratch(demo.database) as session:
        session.add(MetaEntry(key="other", value="x"))
        session.flush()
        summary = build_demo(session=session, force=True)
        # A demo database needs no backup; its demo accounts exist already and are kept.
        assert summary == replace(demo.summary, users=0, accounts=())
        assert _count(session, Division) == 1 + 16 + summary.villages
        assert _count(session, Grid) == summary.grids
        assert get_meta(session=session, key="other") == "x"  # facts about the database stay
        assert get_meta(session=session, key=DEMO_ACCOUNTS_KEY) == ",".join(DEMO_ACCOUNTS)
        bulk = (
            session.execute(select(AuditRecord.rows).where(AuditRecord.action == "bulk"))
            .scalars()
            .all()
        )
        assert bulk == [demo.summary.rows, summary.rows]  # the first build's record stays
        assert check_database(session=session) == []


def test_a_viewer_may_not_build(db: Database) -> None:
    with db.session(Actor("v", "viewer")) as session, pytest.raises(PermissionDenied):
        build_demo(session=session)
    with db.session(ADMIN) as session:
        assert _count(session, Division) == 0
        assert _count(session, AuditRecord) == 0


def test_a_bad_scale_is_refused(db: Database) -> None:
    with db.session(ADMIN) as session:
        for scale in (0, -1, 1000):
            with pytest.raises(ValueError, match="scale"):
                build_demo(session=session, scale=scale)


def test_nothing_is_written_when_the_build_fails(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import models.demo.builder

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("killed half way")

    monkeypatch.setattr(models.demo.builder, "set_meta", broken)
    with pytest.raises(RuntimeError), sqlite_db.session(ADMIN) as session:
        build_demo(session=session)
    with sqlite_db.session(ADMIN) as session:
        assert _count(session, Division) == 0 and _count(session, AuditRecord) == 0


@pytest.mark.slow
def test_scale_two_doubles_the_register(sqlite_db: Database, demo: BuiltDemo) -> None:
    if demo.database.engine.dialect.name != "sqlite":
        pytest.skip("one backend is enough for the scale")
    calls: list[tuple[int, int]] = []
    with sqlite_db.session(ADMIN) as session:
        summary = build_demo(session=session, scale=2, progress=lambda d, t: calls.append((d, t)))
    one = demo.summary
    assert summary.towns == 16
    assert summary.villages == 2 * one.villages
    assert summary.grids == 2 * one.grids
    assert summary.danger_zones == 2 * one.danger_zones
    assert summary.shelters == 2 * one.shelters
    assert summary.working_group_members == 2 * one.working_group_members
    assert calls and calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    with sqlite_db.session(ADMIN) as session:
        assert get_meta(session=session, key=DEMO_KEY) == "2"
        assert check_database(session=session) == []
