"""The demo county's rescue forces: at scale 1 a comprehensive team per town (16), a rescue
squad or an assault team per village (about 640), a dozen professional, social and
enterprise teams, about 15,000 members (some in two teams) with accident insurance and
certificates (some expired, some expiring within 30 days), equipment (some out of
service), 54 experts in the five fields; on the typhoon scenario coastal teams are
pre-positioned and some dispatched or on scene, each change in the status history."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.areas import Division
from models.database import insert_many
from models.demo.common import DemoBuild, DemoStep, _rng
from models.demo.people import _People
from models.teams.codes import DEFAULT_SECOND_FIELDS
from models.teams.identity import check_character
from models.teams.insured import insurance_cover, write_insurance_cover
from models.teams.tables import (
    Certificate,
    Expert,
    Insurance,
    Membership,
    Rescuer,
    Team,
    TeamEquipment,
    TeamSpecialty,
    TeamStatusChange,
)

REGION = "331081"
# (name, class, specialties with grades, members, supervising unit)
COUNTY_TEAMS: tuple[tuple[str, str, dict[str, int | None], int, str], ...] = (
    (
        "县综合性应急救援大队",
        "county_brigade",
        {"comprehensive": None, "water": None},
        80,
        "县应急管理局",
    ),
    ("县消防救援大队特勤站", "fire", {"collapse": None, "water": None}, 60, "县消防救援大队"),
    ("县消防救援大队城东站", "fire", {"comprehensive": None}, 45, "县消防救援大队"),
    ("县森林消防队", "forest_fire", {"forest_fire": None, "mountain": None}, 40, "县林业局"),
    ("县危化品应急救援队", "professional", {"hazmat": None}, 35, "县应急管理局"),
    ("县紧急医学救援队", "professional", {"medical": None}, 30, "县卫生健康局"),
    ("县蓝天救援队", "social", {"water": 2, "mountain": 3}, 60, "县应急管理局"),
    ("县红豹应急救援队", "social", {"water": 3, "collapse": 3}, 40, "县应急管理局"),
    ("县公羊救援队", "social", {"collapse": 2, "medical": 3}, 45, "县应急管理局"),
    ("县海豚潜水救援队", "social", {"diving": 2, "sea": 3}, 25, "县应急管理局"),
    ("县石化企业专职救援队", "enterprise", {"hazmat": None}, 30, "县应急管理局"),
    ("县电镀园区应急救援队", "enterprise", {"hazmat": None}, 20, "县应急管理局"),
)
EQUIPMENT = {
    "water": ("冲锋舟", "橡皮艇", "救生衣", "抛投器"),
    "sea": ("救生筏", "救生衣"),
    "diving": ("潜水装具", "水下照明灯"),
    "mountain": ("绳索救援套装", "担架"),
    "collapse": ("生命探测仪", "破拆工具组"),
    "forest_fire": ("风力灭火机", "水泵"),
    "hazmat": ("防化服", "气体检测仪"),
    "medical": ("急救包", "自动体外除颤器"),
    "comprehensive": ("发电机", "照明灯组", "油锯", "应急通信台"),
    "logistics": ("帐篷", "炊事车"),
}
CERTIFICATES = {
    "water": ("救生员证", "中国救生协会"),
    "diving": ("潜水员证", "中国潜水运动协会"),
    "sea": ("船员适任证书", "海事局"),
    "medical": ("红十字救护员证", "县红十字会"),
    "hazmat": ("危险化学品作业证", "县应急管理局"),
    "mountain": ("绳索救援技术证书", "省应急救援协会"),
    "collapse": ("建筑物倒塌搜救证书", "省应急救援协会"),
}
EXPERT_TITLES = ("正高级工程师", "高级工程师", "教授", "副教授", "主任医师", "副主任医师", "研究员")
EXPERT_ORGANISATIONS = {
    "accident": ("县应急管理局", "县交通运输局", "某石化公司", "县消防救援大队"),
    "natural": ("县水利局", "县气象局", "县自然资源和规划局", "县林业局"),
    "public_health": ("县人民医院", "县疾控中心", "县市场监管局"),
    "social_security": ("县公安局", "县信访局", "县委网信办"),
    "integrated": ("县应急管理局", "县通信发展办公室", "县心理咨询中心"),
}


_BIRTHS = [date(1965, 1, 1) + timedelta(days=n) for n in range(38 * 365)]
_BIRTH_TEXTS = [f"{REGION}{birth:%Y%m%d}" for birth in _BIRTHS]


def _id_number(rng: random.Random, taken: set[str], sex: str) -> tuple[str, date]:
    while True:
        day = int(rng.random() * len(_BIRTHS))
        sequence = int(rng.random() * 500) * 2 + (1 if sex == "M" else 0)
        first17 = f"{_BIRTH_TEXTS[day]}{sequence:03d}"
        if first17 not in taken:
            taken.add(first17)
            return first17 + check_character(first17), _BIRTHS[day]


def _family(rng: random.Random) -> str | None:
    """An emergency contact as rosters give one (家属 and a relation), for about half."""
    draw = rng.random()
    return None if draw < 0.5 else "配偶" if draw < 0.8 else "父母" if draw < 0.95 else "子女"


def _point(rng: random.Random, box: tuple[Any, Any, Any, Any]) -> tuple[float | None, float | None]:
    min_lon, min_lat, max_lon, max_lat = box
    if min_lon is None:
        return None, None
    return (
        round(min_lon + (max_lon - min_lon) * (0.4 + 0.2 * rng.random()), 6),
        round(min_lat + (max_lat - min_lat) * (0.4 + 0.2 * rng.random()), 6),
    )


def _write(build: DemoBuild) -> None:
    session, rng = build.session, _rng(build.scale, "teams")
    people = _People(rng)
    today = build.now.date()
    divisions = session.execute(
        select(
            Division.id,
            Division.name,
            Division.level,
            Division.parent_id,
            Division.min_lon,
            Division.min_lat,
            Division.max_lon,
            Division.max_lat,
        ).order_by(Division.code)
    ).all()
    towns = [d for d in divisions if d.level == "town"]
    town_names = {d.id: d.name for d in towns}
    county = next((d for d in divisions if d.level == "county"), None)
    # (name, class, specialties, size, supervisor, division, box)
    plans: list[tuple[str, str, dict[str, int | None], int, str, int | None, tuple]] = []
    for name, team_class, specialties, size, supervisor in COUNTY_TEAMS:
        box = (
            (county.min_lon, county.min_lat, county.max_lon, county.max_lat)
            if county
            else (None,) * 4
        )
        plans.append(
            (name, team_class, specialties, size, supervisor, county.id if county else None, box)
        )
    for town in towns:
        size = rng.randint(46, 58)  # a few below the required 50
        plans.append(
            (
                f"{town.name}综合应急救援队",
                "town_team",
                {"comprehensive": None, "water": None},
                size,
                f"{town.name}人民政府",
                town.id,
                (town.min_lon, town.min_lat, town.max_lon, town.max_lat),
            )
        )
    for village in (d for d in divisions if d.level == "village"):
        town = town_names.get(village.parent_id or -1, "")
        assault = rng.random() < 0.25
        plans.append(
            (
                f"{town}{village.name}{'防汛抢险突击队' if assault else '应急救援小分队'}",
                "assault_team" if assault else "village_squad",
                {"water": None} if rng.random() < 0.6 else {"comprehensive": None},
                rng.randint(26, 33) if assault else rng.randint(17, 23),
                f"{town}人民政府",
                village.id,
                (village.min_lon, village.min_lat, village.max_lon, village.max_lat),
            )
        )
    seen: set[str] = set()
    for position, plan in enumerate(plans):  # names unique, whatever the scale repeats
        name = plan[0]
        while name in seen:
            name = f"{plan[0]}{len(seen) % 97 + 2}"
        seen.add(name)
        plans[position] = (name, *plan[1:])
    team_rows = []
    for name, team_class, _specialties, _size, supervisor, division_id, box in plans:
        lon, lat = _point(rng, box)
        team_rows.append(
            {
                "name": name,
                "team_class": team_class,
                "division_id": division_id,
                "lon": lon,
                "lat": lat,
                "address": None,
                "leader": None,
                "leader_mobile": None,
                "contact": people.name(),
                "contact_mobile": people.mobile(),
                "second_contact": None,
                "second_contact_mobile": None,
                "supervisor": supervisor,
                "status": "standby",
                "status_at": None,
                "note": None,
            }
        )
    taken: set[str] = set()
    person_rows: list[dict[str, Any]] = []
    members: list[tuple[int, int, str]] = []  # (team id, person index, post)
    for team_id, plan in enumerate(plans):  # the plan's position until the teams are written
        for n in range(plan[3]):
            if n > 2 and person_rows and rng.random() < 0.04:
                index = rng.randrange(len(person_rows))  # someone already in another team
                if any(m[0] == team_id and m[1] == index for m in members[-n:]):
                    continue
            else:
                sex = "M" if rng.random() < 0.88 else "F"
                number, birth = _id_number(rng, taken, sex)
                index = len(person_rows)
                person_rows.append(
                    {
                        "name": people.name(),
                        "sex": sex,
                        "birth_date": birth,
                        "id_number": number,
                        "mobile": people.mobile(),
                        "skills": None,
                        "emergency_contact": family if (family := _family(rng)) else None,
                        "emergency_mobile": people.mobile() if family else None,
                    }
                )
            post = "leader" if n == 0 else "deputy" if n == 1 else "safety" if n == 2 else "member"
            members.append((team_id, index, post))
    for team_id, index, post in members:
        if post == "leader":
            team_rows[team_id]["leader"] = person_rows[index]["name"]
            team_rows[team_id]["leader_mobile"] = person_rows[index]["mobile"]
    insert_many(session, Team.__table__, team_rows)  # type: ignore[arg-type]
    team_ids = dict(session.execute(select(Team.name, Team.id)).all())
    insert_many(
        session,
        TeamSpecialty.__table__,  # type: ignore[arg-type]
        [
            {"team_id": team_ids[plan[0]], "specialty": code, "grade": grade}
            for plan in plans
            for code, grade in plan[2].items()
        ],
    )

    members = [(team_ids[plans[t][0]], index, post) for t, index, post in members]
    insert_many(session, Rescuer.__table__, person_rows)  # type: ignore[arg-type]
    ids = dict(session.execute(select(Rescuer.id_number, Rescuer.id)).all())
    person_ids = [ids[row["id_number"]] for row in person_rows]
    membership_rows = [
        {
            "team_id": team_id,
            "rescuer_id": person_ids[index],
            "post": post,
            "joined": today - timedelta(days=rng.randrange(30, 3000)),
            "status": "active" if rng.random() < 0.97 else "inactive",
        }
        for team_id, index, post in members
    ]
    insert_many(session, Membership.__table__, membership_rows)  # type: ignore[arg-type]

    year_end = date(today.year, 12, 31)
    insurance_rows: list[dict[str, Any]] = []
    for person_id in person_ids:
        draw = rng.random()
        if draw < 0.01:
            continue  # none: flagged
        if draw < 0.04:
            ends = today - timedelta(days=rng.randint(1, 90))  # expired
        elif draw < 0.08:
            ends = today + timedelta(days=rng.randint(0, 29))  # expiring
        else:
            ends = (
                year_end if year_end > today + timedelta(days=30) else date(today.year + 1, 12, 31)
            )
        insurance_rows.append(
            {
                "rescuer_id": person_id,
                "kind": "团体人身意外伤害保险",
                "policy": f"PICC{today.year}{person_id:07d}",
                "insurer": "中国人民财产保险股份有限公司",
                "starts": min(ends - timedelta(days=364), today - timedelta(days=30)),
                "ends": ends,
            }
        )
    insert_many(session, Insurance.__table__, insurance_rows)  # type: ignore[arg-type]
    write_insurance_cover(
        session,
        {r["rescuer_id"]: insurance_cover([(r["starts"], r["ends"])]) for r in insurance_rows},
    )
    specialties_of = {team_ids[p[0]]: p[2] for p in plans}
    certificate_rows = []
    for team_id, index, _post in members:
        person_id = person_ids[index]
        for code in specialties_of[team_id]:
            if code not in CERTIFICATES or rng.random() > 0.3:
                continue
            kind, issuer = CERTIFICATES[code]
            draw = rng.random()
            expires = (
                today - timedelta(days=rng.randint(1, 200))
                if draw < 0.06
                else today + timedelta(days=rng.randint(0, 29))
                if draw < 0.12
                else today + timedelta(days=rng.randint(60, 1400))
            )
            certificate_rows.append(
                {
                    "rescuer_id": person_id,
                    "kind": kind,
                    "number": f"{code[:2].upper()}{person_id:07d}",
                    "issuer": issuer,
                    "expires": expires,
                }
            )
    certificate_rows = list({(r["rescuer_id"], r["kind"]): r for r in certificate_rows}.values())
    insert_many(session, Certificate.__table__, certificate_rows)  # type: ignore[arg-type]
    equipment_rows = []
    for plan in plans:
        team_id = team_ids[plan[0]]
        kinds = sorted({k for code in plan[2] for k in EQUIPMENT.get(code, ())})
        for kind in rng.sample(kinds, min(len(kinds), rng.randint(2, 4))):
            draw = rng.random()
            equipment_rows.append(
                {
                    "team_id": team_id,
                    "kind": kind,
                    "count": rng.randint(1, 6)
                    if kind not in ("救生衣", "急救包")
                    else rng.randint(10, 40),
                    "state": "out_of_service"
                    if draw < 0.07
                    else "lost"
                    if draw < 0.08
                    else "working",
                    "note": None,
                }
            )
    insert_many(session, TeamEquipment.__table__, equipment_rows)  # type: ignore[arg-type]
    experts = _experts(build, rng, people)
    changes = (
        preposition_demo_teams(session=session, now=build.now, scale=build.scale)
        if build.scenario == "typhoon"
        else 0
    )
    build.add(
        teams=len(team_rows),
        team_members=len(membership_rows),
        rescuers=len(person_rows),
        experts=experts,
        team_rows=len(team_rows)
        + sum(len(p[2]) for p in plans)
        + len(person_rows)
        + len(membership_rows)
        + len(insurance_rows)
        + len(certificate_rows)
        + len(equipment_rows)
        + experts
        + changes,
    )


def _experts(build: DemoBuild, rng: random.Random, people: _People) -> int:
    """54 experts (at every scale), about a fifth in each field, on three-year terms."""
    rows = []
    fields = list(DEFAULT_SECOND_FIELDS)
    start = date(build.now.year - 1, 1, 1)
    for n in range(54):
        field = fields[n % len(fields)]
        rows.append(
            {
                "name": people.name(),
                "field": field,
                "subfield": rng.choice(DEFAULT_SECOND_FIELDS[field]),
                "specialty": None,
                "organisation": rng.choice(EXPERT_ORGANISATIONS[field]),
                "title": rng.choice(EXPERT_TITLES),
                "appointed_from": start,
                "appointed_to": date(start.year + 3, 12, 31) - timedelta(days=365),
                "office_phone": f"0576-861{n:05d}",
                "mobile": people.mobile(),
                "available": rng.random() < 0.9,
                "note": None,
            }
        )
    rows = list({(r["name"], r["organisation"]): r for r in rows}.values())
    insert_many(build.session, Expert.__table__, rows)  # type: ignore[arg-type]
    return len(rows)


def preposition_demo_teams(*, session: Session, now: datetime, scale: int = 1) -> int:
    """The typhoon scenario's team statuses: the water teams of towns, the county and
    social forces pre-positioned six hours before ``now``, some assault teams too; every
    fourth of them dispatched three hours before, every eighth on scene an hour before.
    Each change is in the status history; returns the changes written."""
    rng = _rng(scale, "teams-typhoon")
    water = set(
        session.scalars(select(TeamSpecialty.team_id).where(TeamSpecialty.specialty == "water"))
    )
    chosen = []
    for team_id, team_class in session.execute(select(Team.id, Team.team_class).order_by(Team.id)):
        if (team_class in ("town_team", "social", "county_brigade") and team_id in water) or (
            team_class == "assault_team" and rng.random() < 0.15
        ):
            chosen.append(team_id)
    rows = []
    final: dict[int, tuple[str, datetime]] = {}
    for position, team_id in enumerate(chosen):
        steps = [("standby", "prepositioned", 6, "台风预置：前置到沿海乡镇待命")]
        if position % 4 == 1:
            steps.append(("prepositioned", "dispatched", 3, "县防指调令：转移群众、排查险情"))
        if position % 8 == 1:
            steps.append(("dispatched", "on_scene", 1, "到达现场开展救援"))
        for old, new, hours, reason in steps:
            at = now - timedelta(hours=hours, minutes=rng.randrange(50))
            rows.append(
                {
                    "team_id": team_id,
                    "at": at,
                    "old": old,
                    "new": new,
                    "place": None,
                    "reason": reason,
                    "recorded_by": "demo",
                    "cause_table": None,
                    "cause_id": None,
                }
            )
            final[team_id] = (new, at)
    insert_many(session, TeamStatusChange.__table__, rows)  # type: ignore[arg-type]
    table = Team.__table__
    for team_id, (status, at) in final.items():
        session.execute(
            table.update().where(table.c.id == team_id).values(status=status, status_at=at)  # type: ignore[attr-defined]
        )
    return len(rows)


STEP = DemoStep("teams", _write)
