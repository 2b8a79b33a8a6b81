"""The demo's command data: the headquarters' member units, today's duty roster, and on
the typhoon scenario the event's number, grade, area and level history (the sea-typhoon
stage, Ⅳ, Ⅲ, Ⅱ) with the leaders who signed each change and why, and one landslide
logged under it."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from models.base import utcnow
from models.command import EventIncident, EventLevelChange, MemberUnit, RosterShift, duty_day
from models.demo.common import DemoBuild, DemoStep
from models.events import Event, active_event

# name, abbreviation, kind, duty phone, contact, contact's mobile (fictitious numbers)
UNITS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("县应急管理局", "应急局", "member", "0576-86100110", "周晓东", "13905761001"),
    ("县水利局", "水利局", "member", "0576-86100220", "陈建国", "13905761002"),
    ("县自然资源和规划局", "资规局", "member", "0576-86100330", "林海涛", "13905761003"),
    ("县气象局", "气象局", "member", "0576-86100440", "王雨晴", "13905761004"),
    ("县农业农村局", "农业农村局", "member", "0576-86100550", "郑海波", "13905761005"),
    ("县交通运输局", "交通局", "member", "0576-86100660", "李志强", "13905761006"),
    ("县消防救援大队", "消防大队", "member", "0576-86100119", "金振华", "13905761007"),
    ("国网县供电公司", "供电公司", "member", "0576-86100770", "徐立新", "13905761008"),
    ("市防汛防台抗旱指挥部办公室", "市防指办", "superior", "0576-88100001", "何主任", ""),
)

# (hours after the event's start, level, signer, reason, document number)
LEVEL_HISTORY: tuple[tuple[float, str, str, str, str], ...] = (
    (
        0,
        "sea",
        "李明华（副县长）",
        "台风进入东海，渔船回港、海上作业人员上岸",
        "县防指〔2026〕21号",
    ),
    (
        2,
        "IV",
        "李明华（副县长）",
        "预计24小时内影响我县，启动防台风Ⅳ级应急响应",
        "县防指〔2026〕22号",
    ),
    (4.5, "III", "王建军（县长）", "七级风圈12小时内可能影响沿海，升级为Ⅲ级", "县防指〔2026〕23号"),
    (
        6,
        "II",
        "王建军（县长）",
        "预计在我县沿海登陆，升级为Ⅱ级，危旧房、低洼地人员全部转移",
        "县防指〔2026〕24号",
    ),
)


# shift, officers, leader on shift, leader's phone (fictitious)
ROSTER: tuple[tuple[str, str, str, str], ...] = (
    ("day", "张明、陈洁", "李明华（副县长）", "13905762001"),
    ("night", "王强、赵丽", "王建军（县长）", "13905762002"),
)


def add_level_history(*, session: Session, event: Event, recorded_by: str = "demo") -> int:
    """The demo event's level changes up to its level in force (Ⅱ); the rows written."""
    old: str | None = None
    for hours, level, signer, reason, number in LEVEL_HISTORY:
        at: datetime = event.started_at + timedelta(hours=hours)
        session.add(
            EventLevelChange(
                event_id=event.id,
                at=at,
                old=old,
                new=level,
                signer=signer,
                reason=reason,
                doc_number=number,
                recorded_by=recorded_by,
            )
        )
        old = level
    event.response_level = old
    session.flush()
    return len(LEVEL_HISTORY)


def _write(build: DemoBuild) -> None:
    session = build.session
    for name, abbreviation, kind, duty, contact, mobile in UNITS:
        session.add(
            MemberUnit(
                name=name,
                abbreviation=abbreviation,
                kind=kind,
                duty_phone=duty,
                contact=contact,
                contact_phone=mobile or None,
            )
        )
    today = duty_day()
    for shift, officers, leader, phone in ROSTER:
        session.add(
            RosterShift(
                day=today,
                shift=shift,
                officers=officers,
                leader=leader,
                leader_phone=phone,
                set_by="demo",
                set_at=utcnow(),
            )
        )
    session.flush()
    changes = incidents = 0
    if build.scenario == "typhoon":
        from models.typhoons import DEMO_CODE

        current = active_event(session=session)
        event = session.get(Event, current.id) if current is not None else None
        if event is not None:
            event.number = f"{event.started_at:%Y}-{DEMO_CODE[-2:]}"
            event.grade = "large"
            event.typhoon_code = DEMO_CODE
            event.area = "全县"
            changes = add_level_history(session=session, event=event)
            session.add(
                EventIncident(
                    event_id=event.id,
                    kind="landslide",
                    place="山后村后山公路边坡",
                    at=event.started_at + timedelta(hours=7),
                    description="边坡小规模滑塌，约20立方米土石堵塞村道，无人员伤亡，已设警戒",
                    recorded_by="demo",
                )
            )
            incidents = 1
    build.add(
        member_units=len(UNITS),
        level_changes=changes,
        roster_shifts=len(ROSTER),
        incidents=incidents,
    )


STEP = DemoStep("command", _write)
