from __future__ import annotations

from models.areas import DangerZone, Division, Grid, Shelter, WorkingGroupMember
from models.database import Database
from models.overview import county_overview, town_figures
from models.users import Actor
from tests.conftest import ADMIN


def build(db: Database) -> None:
    with db.session(ADMIN) as s:
        county = Division(code="331081", name="温岭市", level="county")
        s.add(county)
        s.flush()
        towns = [
            Division(code=f"33108110{i}", name=n, level="town", parent_id=county.id)
            for i, n in ((1, "泽国镇"), (2, "大溪镇"))
        ]
        s.add_all(towns)
        s.flush()
        villages = [
            Division(
                code=f"{towns[i % 2].code}00{i}",
                name=f"村{i}",
                level="village",
                parent_id=towns[i % 2].id,
            )
            for i in range(1, 4)
        ]
        s.add_all(villages)
        s.flush()
        # town 1 (泽国镇) gets villages 2; town 2 (大溪镇) gets villages 1 and 3
        s.add_all(
            [
                Grid(code="G1", name="一网格", village_id=villages[0].id, person_name="张三"),
                Grid(code="G2", name="二网格", village_id=villages[2].id, person_name="李四"),
                DangerZone(
                    code="D1",
                    name="滑坡",
                    kind="geological",
                    village_id=villages[0].id,
                    is_point=True,
                ),
                DangerZone(code="D2", name="易涝", kind="waterlogging", village_id=villages[1].id),
                Shelter(name="小学", village_id=villages[1].id, level="village", capacity=200),
                Shelter(
                    name="礼堂",
                    village_id=villages[2].id,
                    level="town",
                    capacity=800,
                    safety_certified=True,
                ),
                WorkingGroupMember(village_id=villages[0].id, post="head", name="王五"),
            ]
        )


def test_county_and_town_figures_add_up(db: Database) -> None:
    build(db)
    with db.session(Actor("v", "viewer")) as session:
        overview = county_overview(session=session)
        towns = {t.name: t for t in town_figures(session=session)}
    assert (overview.towns, overview.villages, overview.grids, overview.danger_zones) == (
        2,
        3,
        2,
        2,
    )
    assert (overview.hazard_points, overview.shelters, overview.shelter_capacity) == (1, 2, 1000)
    assert overview.certified_shelters == 1 and overview.working_group_members == 1
    assert overview.danger_by_kind == {"geological": 1, "waterlogging": 1}
    zeguo, daxi = towns["泽国镇"], towns["大溪镇"]
    assert (zeguo.villages, zeguo.grids, zeguo.danger_zones, zeguo.shelter_capacity) == (
        1,
        0,
        1,
        200,
    )
    assert (daxi.villages, daxi.grids, daxi.danger_zones, daxi.shelter_capacity) == (2, 2, 1, 800)
    assert daxi.working_group_members == 1 and zeguo.working_group_members == 0
