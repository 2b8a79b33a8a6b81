"""The teams' kinds in the damaged-file corpus: sound files made from the demo county's
teams (a team list, a roster titled with a demo team's name, the expert pool)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.areas import Division
from models.teams import Team
from models.teams.identity import check_character
from tests.models.imports.damaged_files import Sound, Table


def _ident(n: int) -> str:
    first17 = f"33108119900101{n:02d}1"
    return first17 + check_character(first17)


def team_sounds(session: Session) -> dict[str, Sound]:
    town = session.scalars(
        select(Division).where(Division.level == "town").order_by(Division.code)
    ).first()
    assert town is not None
    lon = (town.min_lon or 121.4) + 0.01
    lat = (town.min_lat or 28.3) + 0.01
    sounds: dict[str, Sound] = {}
    sounds["teams"] = Sound(
        "teams",
        Table(
            ["队伍名称", "队伍类别", "专业", "所在乡镇", "经度", "纬度", "队长", "队长电话"],
            [
                [
                    f"{town.name}第{n}救援分队",
                    "突击队",
                    "水域救援",
                    town.name,
                    lon,
                    lat,
                    "陈队长",
                    f"1390576{n:04d}",
                ]
                for n in range(1, 5)
            ],
            "应急救援队伍名册",
        ),
        numeric=[4, 5],
        text=[0, 6],
        required=[0],
    )
    team = session.scalars(select(Team).order_by(Team.name)).first()
    assert team is not None, "the demo county holds teams"
    sounds["members"] = Sound(
        "members",
        Table(
            ["序号", "姓名", "性别", "身份证号码", "手机号码", "职务", "保险截止日期"],
            [
                [n, f"测试队员{n}", "男", _ident(n), f"139 0576 {n:04d}", "队员", "2099.12.31"]
                for n in range(1, 6)
            ],
            f"{team.name}队员花名册",
        ),
        numeric=[3, 4],
        text=[1],
        required=[1, 3],
    )
    sounds["experts"] = Sound(
        "experts",
        Table(
            ["姓名", "专业领域", "二级分类", "工作单位", "职称", "聘期", "手机"],
            [
                [
                    "测试专家一",
                    "自然灾害",
                    "防汛抗旱",
                    "县水利局",
                    "高级工程师",
                    "2024.1.1-2026.12.31",
                    "13905769001",
                ],
                [
                    "测试专家二",
                    "事故灾难",
                    "危险化学品",
                    "某化工公司",
                    "正高级工程师",
                    "2024.1.1-2026.12.31",
                    "13905769002",
                ],
                ["测试专家三", "公共卫生", "医疗救治", "县人民医院", "主任医师", "", ""],
            ],
            "应急管理专家库",
        ),
        numeric=[6],
        text=[0, 3],
        required=[0],
    )
    return sounds
