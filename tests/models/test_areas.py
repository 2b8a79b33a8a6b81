"""The geography register: listing by division, validation, saving, audit and permissions."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import Point, box
from sqlalchemy import select

from models.areas import (
    DangerZone,
    DangerZoneInput,
    Division,
    Grid,
    GridInput,
    Shelter,
    ShelterInput,
    WorkingGroupMember,
    WorkingGroupMemberInput,
    get_danger_zone,
    get_grid,
    get_shelter,
    get_working_group_member,
    list_danger_zones,
    list_grids,
    list_shelters,
    list_villages,
    list_working_group_members,
    save_danger_zone,
    save_grid,
    save_shelter,
    save_working_group_member,
)
from models.audit import AuditRecord
from models.database import Database
from models.fields import normalize_phone
from models.refusals import ValidationError
from models.users import Actor, PermissionDenied
from tests.conftest import ADMIN

VIEWER = Actor(name="test-viewer", role="viewer")
CLERK = Actor(name="test-clerk", role="clerk")
DUTY = Actor(name="test-duty", role="duty")


def build_sample_county(db: Database) -> dict[str, int]:
    """A small county: 2 towns, 4 villages, grids, zones, shelters and members. Returns ids."""
    ids: dict[str, int] = {}
    with db.session(ADMIN) as session:
        county = Division(code="331081", name="温岭市", level="county")
        session.add(county)
        session.flush()
        ids["county"] = county.id
        towns = {
            "chengdong": ("331081001", "城东街道"),
            "shitang": ("331081101", "石塘镇"),
        }
        for key, (code, name) in towns.items():
            town = Division(code=code, name=name, level="town", parent_id=county.id)
            session.add(town)
            session.flush()
            ids[key] = town.id
        villages = {
            "donghui": ("331081001001", "东辉社区", "chengdong"),
            "sanxing": ("331081001002", "三星村", "chengdong"),
            "liruo": ("331081101001", "里箬村", "shitang"),
            "donghai": ("331081101002", "东海村", "shitang"),
        }
        for key, (code, name, town_key) in villages.items():
            village = Division(code=code, name=name, level="village", parent_id=ids[town_key])
            session.add(village)
            session.flush()
            ids[key] = village.id
        grids = [
            (
                "g_zhangsan",
                "331081001001-01",
                "东辉第一网格",
                "donghui",
                "张三",
                "网格长",
                "13912345678",
            ),
            ("g_lisi", "331081001002-01", "三星网格", "sanxing", "李四", "网格员", "0576-86123456"),
            ("g_wangwu", "331081101001-01", "里箬网格", "liruo", "王五", None, "13800001111"),
        ]
        for key, code, name, village, person, post, phone in grids:
            grid = Grid(
                code=code,
                name=name,
                village_id=ids[village],
                person_name=person,
                person_post=post,
                person_phone=phone,
            )
            session.add(grid)
            session.flush()
            ids[key] = grid.id
        point = DangerZone(
            code="WL-SH-001",
            name="里箬山洪隐患点",
            kind="flash_flood",
            is_point=True,
            village_id=ids["liruo"],
            grid_id=ids["g_wangwu"],
            location="里箬村后山",
        )
        point.geometry = Point(121.55, 28.27)
        area = DangerZone(
            code="WL-DZ-002",
            name="东海滑坡危险区",
            kind="geological",
            is_point=False,
            village_id=ids["donghai"],
        )
        area.geometry = box(121.50, 28.20, 121.52, 28.22)
        session.add_all([point, area])
        session.flush()
        ids["z_point"], ids["z_area"] = point.id, area.id
        school = Shelter(
            name="石塘镇中心小学",
            village_id=ids["liruo"],
            level="town",
            capacity=300,
            safety_certified=True,
            manager_name="陈八",
            manager_phone="13566667777",
            address="石塘镇里箬路1号",
        )
        school.geometry = Point(121.551, 28.268)
        hall = Shelter(
            name="东辉文化礼堂",
            village_id=ids["donghui"],
            level="village",
            capacity=120,
            manager_name="周九",
            manager_phone="0576-86220000",
        )
        session.add_all([school, hall])
        session.flush()
        ids["s_school"], ids["s_hall"] = school.id, hall.id
        head = WorkingGroupMember(
            village_id=ids["donghui"], post="head", name="赵六", phone="13700002222"
        )
        mover = WorkingGroupMember(
            village_id=ids["liruo"], post="transfer", name="钱七", phone="13600003333"
        )
        session.add_all([head, mover])
        session.flush()
        ids["m_head"], ids["m_mover"] = head.id, mover.id
    return ids


@pytest.fixture
def county(db: Database) -> dict[str, int]:
    return build_sample_county(db)


def problems(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {field: message for field, message in error.value.problems}


# -- listing -------------------------------------------------------------------------


def test_listing_by_division(db: Database, county: dict[str, int]) -> None:
    with db.session(ADMIN) as session:
        everything = list_grids(session=session)
        assert [row.person_name for row in everything] == ["张三", "李四", "王五"]
        assert list_grids(session=session, division_id=county["county"]) == everything
        town = list_grids(session=session, division_id=county["chengdong"])
        assert {row.village_name for row in town} == {"东辉社区", "三星村"}
        village = list_grids(session=session, division_id=county["liruo"])
        assert [(row.name, row.village_name, row.town_name) for row in village] == [
            ("里箬网格", "里箬村", "石塘镇")
        ]
        assert list_grids(session=session, division_id=county["donghai"]) == []
        assert len(list_danger_zones(session=session, division_id=county["shitang"])) == 2
        assert len(list_shelters(session=session, division_id=county["chengdong"])) == 1
        assert [
            m.name for m in list_working_group_members(session=session, division_id=county["liruo"])
        ] == ["钱七"]


def test_rows_carry_what_the_tables_show(db: Database, county: dict[str, int]) -> None:
    with db.session(ADMIN) as session:
        zones = {row.code: row for row in list_danger_zones(session=session)}
        point, area = zones["WL-SH-001"], zones["WL-DZ-002"]
        assert (point.is_point, point.lon, point.lat, point.has_area) == (
            True,
            121.55,
            28.27,
            False,
        )
        assert point.grid_name == "里箬网格"
        assert area.has_area and area.lon == pytest.approx(121.51) and area.grid_name is None
        shelter = get_shelter(session=session, shelter_id=county["s_school"])
        assert shelter is not None
        assert (shelter.capacity, shelter.safety_certified, shelter.lon) == (300, True, 121.551)
        assert shelter.manager_phone == "13566667777"
        assert get_grid(session=session, grid_id=999_999) is None
        villages = list_villages(session=session)
        assert [(v.name, v.town_name) for v in villages][:2] == [
            ("东辉社区", "城东街道"),
            ("三星村", "城东街道"),
        ]


def test_viewer_sees_masked_phones(db: Database, county: dict[str, int]) -> None:
    with db.session(VIEWER) as session:
        grids = {row.person_name: row.person_phone for row in list_grids(session=session)}
        assert grids == {"张三": "139****5678", "李四": "0576-****3456", "王五": "138****1111"}
        assert get_grid(session=session, grid_id=county["g_zhangsan"]).person_phone == "139****5678"
        assert {s.manager_phone for s in list_shelters(session=session)} == {
            "135****7777",
            "0576-****0000",
        }
        member = get_working_group_member(session=session, member_id=county["m_head"])
        assert member is not None and member.phone == "137****2222"
    with db.session(CLERK) as session:
        assert list_grids(session=session)[0].person_phone == "13912345678"


def test_reading_needs_an_actor(db: Database, county: dict[str, int]) -> None:
    with pytest.raises(PermissionDenied), db.session(None) as session:
        list_grids(session=session)


# -- saving ----------------------------------------------------------------------------


def test_add_grid_and_audit(db: Database, county: dict[str, int]) -> None:
    with db.session(DUTY) as session:
        grid_id = save_grid(
            session=session,
            data=GridInput(
                code=" 331081101002-01 ",
                name="东海网格",
                village_id=county["donghai"],
                person_name="孙十",
                person_post="网格员",
                person_phone="139 0000 1234",
            ),
        )
    with db.session(ADMIN) as session:
        row = get_grid(session=session, grid_id=grid_id)
        assert row is not None
        assert (row.code, row.person_phone, row.village_name) == (
            "331081101002-01",
            "13900001234",
            "东海村",
        )
        record = session.scalars(
            select(AuditRecord).where(
                AuditRecord.table_name == "grids", AuditRecord.row_id == str(grid_id)
            )
        ).one()
        assert (record.actor, record.action) == ("test-duty", "insert")


def test_edit_grid_records_only_what_changed(db: Database, county: dict[str, int]) -> None:
    with db.session(ADMIN) as session:
        row = get_grid(session=session, grid_id=county["g_zhangsan"])
        assert row is not None
        save_grid(
            session=session,
            data=GridInput(
                id=row.id,
                code=row.code,
                name=row.name,
                village_id=row.village_id,
                person_name="张三丰",
                person_post=row.person_post,
                person_phone=row.person_phone,
            ),
        )
    with db.session(ADMIN) as session:
        assert get_grid(session=session, grid_id=county["g_zhangsan"]).person_name == "张三丰"
        records = session.scalars(
            select(AuditRecord).where(
                AuditRecord.table_name == "grids", AuditRecord.action == "update"
            )
        ).all()
        assert len(records) == 1
        assert json.loads(records[0].changes) == {"person_name": ["张三", "张三丰"]}


def test_grid_validation(db: Database, county: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as error, db.session(ADMIN) as session:
        save_grid(
            session=session,
            data=GridInput(
                code="331081001002-01",
                name=" ",
                village_id=county["chengdong"],
                person_name="",
                person_phone="1391234567",
            ),
        )
    found = problems(error)
    assert set(found) == {"code", "name", "village_id", "person_name", "person_phone"}
    assert "another grid" in found["code"].lower()
    assert "not a village" in found["village_id"]
    assert "0576-86123456" in found["person_phone"]
    with db.session(ADMIN) as session:
        assert len(list_grids(session=session)) == 3  # nothing written


def test_too_long_text_is_refused(db: Database, county: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as error, db.session(ADMIN) as session:
        save_grid(
            session=session,
            data=GridInput(
                code="X1", name="网" * 61, village_id=county["liruo"], person_name="王五"
            ),
        )
    assert problems(error) == {"name": "Too long: at most 60 characters."}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13912345678", "13912345678"),
        ("139-1234-5678", "13912345678"),
        ("+86 139 1234 5678", "13912345678"),
        ("0576-86123456", "0576-86123456"),
        ("057686123456", "0576-86123456"),
        ("010-12345678", "010-12345678"),
        ("02112345678", "021-12345678"),
        ("0576-86123456-801", "0576-86123456-801"),
        ("12912345678", None),
        ("1391234567", None),
        ("86123456", None),
        ("电话", None),
    ],
)
def test_normalize_phone(text: str, expected: str | None) -> None:
    assert normalize_phone(text) == expected


def test_danger_zone_point_and_validation(db: Database, county: dict[str, int]) -> None:
    with db.session(ADMIN) as session:
        zone_id = save_danger_zone(
            session=session,
            data=DangerZoneInput(
                code="WL-LD-003",
                name="三星低洼易涝点",
                kind="waterlogging",
                village_id=county["sanxing"],
                lon="121.401",
                lat=28.35,
            ),
        )
    with db.session(ADMIN) as session:
        row = get_danger_zone(session=session, zone_id=zone_id)
        assert row is not None and (row.is_point, row.lon, row.lat) == (True, 121.401, 28.35)
        zone = session.get(DangerZone, zone_id)
        assert zone is not None and zone.geometry.equals(Point(121.401, 28.35))
    with pytest.raises(ValidationError) as error, db.session(ADMIN) as session:
        save_danger_zone(
            session=session,
            data=DangerZoneInput(
                code="WL-SH-001",
                name="x",
                kind="volcano",
                village_id=county["sanxing"],
                grid_id=county["g_wangwu"],
                lon="121.4",
                lat=None,
            ),
        )
    found = problems(error)
    assert set(found) == {"code", "kind", "grid_id", "lat"}
    assert "another village" in found["grid_id"]
    with pytest.raises(ValidationError) as error, db.session(ADMIN) as session:
        save_danger_zone(
            session=session,
            data=DangerZoneInput(
                code="N1",
                name="x",
                kind="geological",
                village_id=county["sanxing"],
                lon=28.35,
                lat=121.4,
            ),
        )
    assert "swapped" in problems(error)["lon"]
    with pytest.raises(ValidationError) as error, db.session(ADMIN) as session:
        save_danger_zone(
            session=session,
            data=DangerZoneInput(
                code="N1",
                name="x",
                kind="geological",
                village_id=county["sanxing"],
                lon="東經121",
                lat=190,
            ),
        )
    assert set(problems(error)) == {"lon"}


def test_editing_an_area_zone_keeps_its_outline(db: Database, county: dict[str, int]) -> None:
    with db.session(ADMIN) as session:
        row = get_danger_zone(session=session, zone_id=county["z_area"])
        assert row is not None
        save_danger_zone(
            session=session,
            data=DangerZoneInput(
                id=row.id,
                code=row.code,
                name="东海村滑坡危险区",
                kind=row.kind,
                village_id=row.village_id,
                is_point=False,
                lon=row.lon,
                lat=row.lat,
            ),
        )
    with db.session(ADMIN) as session:
        zone = session.get(DangerZone, county["z_area"])
        assert zone is not None and zone.name == "东海村滑坡危险区"
        assert zone.geometry.equals(box(121.50, 28.20, 121.52, 28.22))


def test_shelter_save_and_validation(db: Database, county: dict[str, int]) -> None:
    with db.session(ADMIN) as session:
        shelter_id = save_shelter(
            session=session,
            data=ShelterInput(
                name="东海村文化礼堂",
                village_id=county["donghai"],
                level="village",
                capacity="80",
                manager_name="吴一",
                manager_phone="0576 86221111",
                lon=121.51,
                lat=28.21,
            ),
        )
        row = get_shelter(session=session, shelter_id=shelter_id)
        assert row is not None and (row.capacity, row.manager_phone) == (80, "0576-86221111")
    with pytest.raises(ValidationError) as error, db.session(ADMIN) as session:
        save_shelter(
            session=session,
            data=ShelterInput(
                name="石塘镇中心小学",
                village_id=county["liruo"],
                level="province",
                capacity=-5,
                lon=200,
                lat=28.2,
            ),
        )
    assert set(problems(error)) == {"name", "level", "capacity", "lon"}
    for capacity in ("many", None, 2.5, True):
        with pytest.raises(ValidationError) as error, db.session(ADMIN) as session:
            save_shelter(
                session=session,
                data=ShelterInput(
                    name="新场所", village_id=county["liruo"], level="village", capacity=capacity
                ),
            )
        assert set(problems(error)) == {"capacity"}


def test_shelter_edit_moves_the_point(db: Database, county: dict[str, int]) -> None:
    with db.session(ADMIN) as session:
        row = get_shelter(session=session, shelter_id=county["s_school"])
        assert row is not None
        save_shelter(
            session=session,
            data=ShelterInput(
                id=row.id,
                name=row.name,
                village_id=row.village_id,
                level=row.level,
                capacity=350,
                safety_certified=True,
                manager_name=row.manager_name,
                manager_phone=row.manager_phone,
                address=row.address,
                lon=121.56,
                lat=28.27,
            ),
        )
    with db.session(ADMIN) as session:
        row = get_shelter(session=session, shelter_id=county["s_school"])
        assert row is not None and (row.capacity, row.lon, row.lat) == (350, 121.56, 28.27)
        changes = json.loads(
            session.scalars(
                select(AuditRecord.changes).where(
                    AuditRecord.table_name == "shelters", AuditRecord.action == "update"
                )
            ).one()
        )
        assert set(changes) == {"capacity", "geom", "min_lon", "max_lon", "min_lat", "max_lat"}


def test_working_group_member(db: Database, county: dict[str, int]) -> None:
    with db.session(ADMIN) as session:
        member_id = save_working_group_member(
            session=session,
            data=WorkingGroupMemberInput(
                village_id=county["donghai"], post="patroller", name="郑二", phone="13511112222"
            ),
        )
        row = get_working_group_member(session=session, member_id=member_id)
        assert row is not None and (row.post, row.village_name) == ("patroller", "东海村")
    with pytest.raises(ValidationError) as error, db.session(ADMIN) as session:
        save_working_group_member(
            session=session,
            data=WorkingGroupMemberInput(
                village_id=county["donghui"], post="head", name="赵六", phone="110"
            ),
        )
    assert set(problems(error)) == {"name", "phone"}
    with pytest.raises(ValidationError) as error, db.session(ADMIN) as session:
        save_working_group_member(
            session=session, data=WorkingGroupMemberInput(village_id=None, post="chief", name="")
        )
    assert set(problems(error)) == {"village_id", "post", "name"}


def test_saving_a_deleted_record_is_refused(db: Database, county: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as error, db.session(ADMIN) as session:
        save_grid(
            session=session,
            data=GridInput(
                id=987_654, code="X", name="X", village_id=county["liruo"], person_name="X"
            ),
        )
    assert list(problems(error)) == [""]


def test_viewer_and_clerk_cannot_save(db: Database, county: dict[str, int]) -> None:
    for actor in (VIEWER, CLERK):
        with pytest.raises(PermissionDenied), db.session(actor) as session:
            save_grid(
                session=session,
                data=GridInput(code="V1", name="V", village_id=county["liruo"], person_name="V"),
            )
        with pytest.raises(PermissionDenied), db.session(actor) as session:
            save_shelter(
                session=session,
                data=ShelterInput(
                    name="V", village_id=county["liruo"], level="village", capacity=1
                ),
            )
        with pytest.raises(PermissionDenied), db.session(actor) as session:
            save_danger_zone(
                session=session,
                data=DangerZoneInput(
                    code="V1", name="V", kind="geological", village_id=county["liruo"]
                ),
            )
        with pytest.raises(PermissionDenied), db.session(actor) as session:
            save_working_group_member(
                session=session,
                data=WorkingGroupMemberInput(village_id=county["liruo"], post="head", name="V"),
            )
    with db.session(ADMIN) as session:
        assert len(list_grids(session=session)) == 3
