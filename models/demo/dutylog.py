"""The demo's duty log: on the typhoon scenario a day and a night of it — warnings, calls
from towns and member units, instructions relayed, actions (some naming the rescue team or
the warehouse concerned, as references), the level changes the console logged, two
corrections, follow-ups open and closed — and the shift handover between them. Its step
runs after the teams' and the supplies' steps, so the teams and warehouses exist."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.areas import Division
from models.command import DutyHandover, DutyLogEntry, MemberUnit
from models.demo.command import LEVEL_HISTORY
from models.demo.common import DemoBuild, DemoStep
from models.events import Event, active_event
from models.supplies.tables import Warehouse
from models.teams.tables import Team

DAY_OFFICER, NIGHT_OFFICER = "duty", "admin"  # demo accounts (models/demo/users.py)
LEVELS = {"sea": "海上防台风应急响应", "IV": "Ⅳ级", "III": "Ⅲ级", "II": "Ⅱ级", "I": "Ⅰ级"}
KIND_NAMES = {
    "call_in": "来电",
    "call_out": "去电",
    "report_in": "收到报告",
    "warning_in": "收到预警",
    "instruction": "传达指示",
    "action": "处置措施",
    "follow_up_closed": "跟踪办结",
    "correction": "更正",
    "level_change": "响应调整",
}

# (hours before the build, kind, caller's unit, caller, phone, content, instruction,
#  place: "town" / "village" / None, follow-up due in hours after the entry (None: none),
#  closed after hours (None: open), the team or warehouse concerned: "team:NAME",
#  "warehouse:CODE" or "warehouse:forward" (the forward point); None: none)
ENTRIES: tuple[
    tuple[
        float, str, str, str, str, str, str, str | None, float | None, float | None, str | None
    ],
    ...,
] = (
    (23.5, "warning_in", "县气象局", "王雨晴", "0576-86100440",
     "台风蓝色预警：台风将于48小时内影响我县沿海，最大风力8～9级。", "转发各乡镇、成员单位，做好防御准备。",
     None, None, None, None),
    (22.8, "instruction", "市防汛防台抗旱指挥部办公室", "何主任", "0576-88100001",
     "市防指要求各县组织渔船回港避风，海上作业人员全部上岸。", "报带班领导李明华，已通知农业农村局落实。",
     None, 4.0, 3.5, None),
    (21.0, "call_out", "县农业农村局", "郑海波", "13905761005",
     "通知渔船回港避风，统计在港渔船和海上作业人员。", "当晚18时前报回港情况。", None, None, None, None),
    (19.2, "report_in", "县农业农村局", "郑海波", "13905761005",
     "已回港渔船1,126艘，尚有3艘在舟山海域避风。", "继续联系未回港渔船。", None, 6.0, 5.0, None),
    (17.5, "call_in", "{town}人民政府", "陈海", "13905761234",
     "{village}海塘有一处渗水，已安排人员巡查。", "带班领导要求加密巡查，险情扩大立即转移群众。",
     "village", 2.0, None, None),
    (16.0, "warning_in", "县气象局", "王雨晴", "0576-86100440",
     "台风黄色预警：七级风圈预计明天上午影响我县沿海。", "报带班领导，转发各乡镇。", None, None, None, None),
    (14.3, "action", "", "", "", "值班室向各乡镇发送防台风紧急通知，要求落实危旧房人员转移准备。",
     "", None, None, None, None),
    (11.0, "call_in", "{town}人民政府", "林晓", "13905762234",
     "{village}危旧房住户已转移23户58人，另有2户不愿转移。", "带班领导要求做好思想工作，必要时强制转移。",
     "village", 3.0, 2.0, None),
    (8.0, "call_in", "县水利局", "陈建国", "13905761002",
     "全县水库预泄，温岭中型水库已腾出库容120万立方米。", "", None, None, None, None),
    (7.9, "action", "", "", "", "县防汛物资仓库向东部沿海各镇发放编织袋3,000条。",
     "", None, None, None, "warehouse:CK01"),
    (6.5, "instruction", "", "", "", "王建军县长指示：低洼地、危旧房人员今晚20时前全部转移到位。",
     "已通知各乡镇及县转移工作组。", None, 8.0, None, None),
    (5.9, "action", "", "", "", "县综合性应急救援大队携冲锋舟、橡皮艇前置到沿海乡镇待命。",
     "", "town", None, None, "team:县综合性应急救援大队"),
    (4.0, "call_in", "{town}人民政府", "陈海", "13905761234",
     "{village}山体有裂缝，疑似滑坡隐患，已拉警戒线。", "通知资规局派专家现场查看，人员先撤离。",
     "village", 1.0, None, None),
    (3.0, "call_out", "县自然资源和规划局", "林海涛", "13905761003",
     "请派地质灾害专家赴现场查看山体裂缝。", "专家组1小时内出发。", "village", None, None, None),
    (1.5, "report_in", "县消防救援大队", "金振华", "13905761007",
     "消防救援队伍40人、冲锋舟4艘已前置到沿海乡镇。", "", "town", None, None,
     "team:县消防救援大队特勤站"),
    (1.4, "action", "", "", "",
     "县防汛物资仓库调拨编织袋5,000条、救生衣100件、潜水泵6台至{forward}，货车浙J5A321在途。",
     "请{forward}做好接收。", "town", None, None, "warehouse:forward"),
    (0.5, "call_in", "{town}人民政府", "林晓", "13905762234",
     "{village}一处道路积水约40厘米，已设置警示。", "通知交通局和乡镇做好交通管制。", "village",
     0.25, None, None),
)  # fmt: skip
# Corrections: (index of the entry corrected in ENTRIES, minutes after it, new content, reason)
CORRECTIONS: tuple[tuple[int, float, str, str], ...] = (
    (3, 40, "已回港渔船1,162艘，尚有3艘在舟山海域避风。", "数字记错：1,126应为1,162"),
    (8, 25, "全县水库预泄，温岭中型水库已腾出库容210万立方米。", "库容记错：120万应为210万立方米"),
)
HANDOVER_HOURS_AGO = 12.0
OPEN_ITEMS = "{village}海塘渗水点需继续巡查；3艘未回港渔船继续联系。"


def _places(session: Session) -> tuple[str, str, str, str]:
    """A town and one of its villages: codes and names."""
    town = session.execute(
        select(Division.id, Division.code, Division.name)
        .where(Division.level == "town")
        .order_by(Division.code)
        .limit(1)
    ).one()
    village = session.execute(
        select(Division.code, Division.name)
        .where(Division.parent_id == town.id)
        .order_by(Division.code)
        .limit(1)
    ).one()
    return town.code, town.name, village.code, village.name


def _resources(session: Session) -> dict[str, tuple[str, int, str]]:
    """The teams and warehouses the entries name, by their key in ``ENTRIES``: (kind, id,
    name); those the county has not (yet) are left out, and their entries name none."""
    keys = {key for *_, key in ENTRIES if key is not None}
    found: dict[str, tuple[str, int, str]] = {}
    teams = [key.removeprefix("team:") for key in keys if key.startswith("team:")]
    for id_, name in session.execute(select(Team.id, Team.name).where(Team.name.in_(teams))):
        found[f"team:{name}"] = ("team", id_, name)
    codes = [key.removeprefix("warehouse:") for key in keys if key.startswith("warehouse:")]
    for id_, code, name, forward in session.execute(
        select(Warehouse.id, Warehouse.code, Warehouse.name, Warehouse.forward_point)
        .where(Warehouse.code.in_(codes) | Warehouse.forward_point.is_(True))
        .order_by(Warehouse.id)
    ):
        key = "warehouse:forward" if forward else f"warehouse:{code}"
        found.setdefault(key, ("warehouse", id_, name))
    return found


def _write(build: DemoBuild) -> None:
    if build.scenario == "typhoon":
        entries = add_demo_dutylog(session=build.session, now=build.now)
        build.add(duty_log_entries=entries, handovers=1 if entries else 0)


def add_demo_dutylog(*, session: Session, now: datetime) -> int:
    """A day and a night of duty log up to ``now`` around the event in progress, with the
    handover between them; the entries written (none without an event)."""
    current = active_event(session=session)
    if current is None:
        return 0
    event = session.get(Event, current.id)
    assert event is not None
    town_code, town, village_code, village = _places(session)
    resources = _resources(session)
    forward = resources["warehouse:forward"][2] if "warehouse:forward" in resources else "前置点"
    units = {name: id_ for name, id_ in session.execute(select(MemberUnit.name, MemberUnit.id))}

    def entry(at: datetime, recorded_by: str, **values: object) -> DutyLogEntry:
        row = DutyLogEntry(
            at=at,
            recorded_at=at + timedelta(minutes=2),
            event_id=event.id if at >= event.started_at else None,
            recorded_by=recorded_by,
            **values,
        )
        session.add(row)
        session.flush()
        return row

    def officer(at: datetime) -> str:
        return DAY_OFFICER if at < now - timedelta(hours=HANDOVER_HOURS_AGO) else NIGHT_OFFICER

    written: list[DutyLogEntry] = []
    closings: list[tuple[datetime, DutyLogEntry]] = []
    for hours, kind, unit, caller, phone, content, instruction, place, due, closed, key in ENTRIES:
        at = now - timedelta(hours=hours)
        unit_name = unit.format(town=town)
        resource_kind, resource_id, resource = resources.get(key or "", ("", None, None))
        row = entry(
            at,
            officer(at),
            kind=kind,
            caller_unit=unit_name or None,
            caller_unit_id=units.get(unit_name),
            caller_name=caller or None,
            caller_phone=phone or None,
            content=content.format(town=town, village=village, forward=forward),
            instruction=instruction.format(forward=forward) or None,
            division_code=village_code if place == "village" else town_code if place else None,
            resource=resource,
            team_id=resource_id if resource_kind == "team" else None,
            warehouse_id=resource_id if resource_kind == "warehouse" else None,
            follow_up_due=at + timedelta(hours=due) if due is not None else None,
        )
        written.append(row)
        if closed is not None:
            closings.append((at + timedelta(hours=closed), row))
    for hours, level, signer, reason, number in LEVEL_HISTORY:
        at = event.started_at + timedelta(hours=hours)
        written.append(
            entry(
                at,
                officer(at),
                kind="level_change",
                content=f"应急响应调整为{LEVELS[level]}。签发：{signer}。理由：{reason}。文号：{number}。",
            )
        )
    for index, minutes, content, reason in CORRECTIONS:
        old = written[index]
        at = old.at + timedelta(minutes=minutes)
        written.append(
            entry(
                old.at,
                officer(at),
                kind="correction",
                refers_to=old.id,
                caller_unit=old.caller_unit,
                caller_unit_id=old.caller_unit_id,
                caller_name=old.caller_name,
                caller_phone=old.caller_phone,
                content=content,
                instruction=old.instruction,
                division_code=old.division_code,
                resource=old.resource,
                team_id=old.team_id,
                warehouse_id=old.warehouse_id,
                follow_up_due=old.follow_up_due,
                reason=reason,
            )
        )
    corrections = written[-len(CORRECTIONS) :]
    corrected = {written[index].id: corrections[n] for n, (index, *_) in enumerate(CORRECTIONS)}
    closed_at: dict[int, datetime] = {}
    for at, opener in closings:
        target = corrected.get(opener.id, opener)
        closed_at[target.id] = at
        written.append(
            entry(
                at,
                officer(at),
                kind="follow_up_closed",
                refers_to=target.id,
                content="已办结：" + opener.content[:30],
            )
        )
    handover_at = now - timedelta(hours=HANDOVER_HOURS_AGO)
    shift = [e for e in written if now - timedelta(hours=24) <= e.at < handover_at]
    still_open = sum(
        1
        for e in written
        if e.follow_up_due is not None
        and e.at < handover_at
        and e.id not in corrected
        and closed_at.get(e.id, handover_at) >= handover_at
    )
    counts = Counter(e.kind for e in shift)
    summary = "; ".join(f"{KIND_NAMES[kind]} {n}" for kind, n in sorted(counts.items()))
    items = OPEN_ITEMS.format(village=village)
    log = entry(
        handover_at,
        DAY_OFFICER,
        kind="handover",
        content=(
            f"{DAY_OFFICER} 向 {NIGHT_OFFICER} 交班：本班日志 {len(shift)} 条，"
            f"未办结跟踪事项 {still_open} 项。遗留问题：{items}"
        ),
    )
    session.add(
        DutyHandover(
            at=handover_at,
            shift_start=now - timedelta(hours=24),
            from_user=DAY_OFFICER,
            to_user=NIGHT_OFFICER,
            event_id=event.id if handover_at >= event.started_at else None,
            entries=len(shift),
            open_follow_ups=still_open,
            summary=summary,
            open_items=items,
            log_entry_id=log.id,
        )
    )
    session.flush()
    return len(written) + 1


STEP = DemoStep("dutylog", _write)
