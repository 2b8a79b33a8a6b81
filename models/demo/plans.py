"""The demo's contingency plan system: one overall plan, 38 special plans, departmental
plans, the 16 towns' flood plans and some village plans, with versions, the typhoon plan's
stages and actions across the member units, two years of drills with open follow-ups, a
few evaluations and drills overdue; on the typhoon scenario the typhoon plan activated at
Ⅳ and raised to Ⅱ with the event's level, some actions done."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.areas import Division
from models.command import MemberUnit
from models.demo.common import DemoBuild, DemoStep, _rng
from models.events import Event
from models.plans.tables import (
    ChecklistItem,
    DrillExercise,
    DrillFollowUp,
    Plan,
    PlanAction,
    PlanActivation,
    PlanDrill,
    PlanStage,
    PlanStep,
    PlanVersion,
)

# (code, title, event category, event type, owning unit)
SPECIAL: tuple[tuple[str, str, str, str, str], ...] = (
    ("ZX-01", "防台风应急预案", "natural", "typhoon", "县应急管理局"),
    ("ZX-02", "防汛应急预案", "natural", "flood", "县水利局"),
    ("ZX-03", "地质灾害应急预案", "natural", "geological", "县自然资源和规划局"),
    ("ZX-04", "森林火灾应急预案", "natural", "forest_fire", "县应急管理局"),
    ("ZX-05", "抗旱应急预案", "natural", "drought", "县水利局"),
    ("ZX-06", "地震应急预案", "natural", "earthquake", "县应急管理局"),
    ("ZX-07", "低温雨雪冰冻灾害应急预案", "natural", "snow_freeze", "县气象局"),
    ("ZX-08", "海洋灾害应急预案", "natural", "marine", "县农业农村局"),
    ("ZX-09", "气象灾害应急预案", "natural", "other", "县气象局"),
    ("ZX-10", "自然灾害救助应急预案", "natural", "other", "县应急管理局"),
    ("ZX-11", "农业重大有害生物及外来生物入侵突发事件应急预案", "natural", "other", "县农业农村局"),
    ("ZX-12", "危险化学品事故应急预案", "accident", "hazardous_chemicals", "县应急管理局"),
    ("ZX-13", "生产安全事故应急预案", "accident", "production_safety", "县应急管理局"),
    ("ZX-14", "道路交通事故应急预案", "accident", "road_traffic", "县交通运输局"),
    ("ZX-15", "水上搜救应急预案", "accident", "marine", "县交通运输局"),
    ("ZX-16", "火灾事故应急预案", "accident", "fire", "县消防救援大队"),
    ("ZX-17", "大面积停电事件应急预案", "accident", "power", "国网县供电公司"),
    ("ZX-18", "突发环境事件应急预案", "accident", "environment", "县应急管理局"),
    ("ZX-19", "建设工程事故应急预案", "accident", "production_safety", "县应急管理局"),
    ("ZX-20", "特种设备事故应急预案", "accident", "production_safety", "县应急管理局"),
    ("ZX-21", "城市供水突发事件应急预案", "accident", "other", "县水利局"),
    ("ZX-22", "燃气事故应急预案", "accident", "other", "县应急管理局"),
    ("ZX-23", "通信保障应急预案", "accident", "other", "县应急管理局"),
    ("ZX-24", "渔业船舶水上安全事故应急预案", "accident", "marine", "县农业农村局"),
    ("ZX-25", "水库大坝安全事故应急预案", "accident", "flood", "县水利局"),
    ("ZX-26", "突发公共卫生事件应急预案", "health", "epidemic", "县应急管理局"),
    ("ZX-27", "传染病疫情应急预案", "health", "epidemic", "县应急管理局"),
    ("ZX-28", "食品安全事故应急预案", "health", "food_safety", "县应急管理局"),
    ("ZX-29", "药品安全事件应急预案", "health", "food_safety", "县应急管理局"),
    ("ZX-30", "动物疫情应急预案", "health", "epidemic", "县农业农村局"),
    ("ZX-31", "群体性事件应急预案", "security", "mass_incident", "县应急管理局"),
    ("ZX-32", "粮食应急预案", "security", "other", "县农业农村局"),
    ("ZX-33", "金融突发事件应急预案", "security", "other", "县应急管理局"),
    ("ZX-34", "涉外突发事件应急预案", "security", "other", "县应急管理局"),
    ("ZX-35", "网络与信息安全事件应急预案", "security", "other", "县应急管理局"),
    ("ZX-36", "民族宗教群体性事件应急预案", "security", "mass_incident", "县应急管理局"),
    ("ZX-37", "旅游突发事件应急预案", "accident", "other", "县交通运输局"),
    ("ZX-38", "校园安全事件应急预案", "security", "other", "县应急管理局"),
)
DEPARTMENTAL: tuple[tuple[str, str, str, str, str], ...] = (
    ("BM-01", "水利工程防汛抢险应急预案", "natural", "flood", "县水利局"),
    ("BM-02", "公路交通突发事件应急预案", "accident", "road_traffic", "县交通运输局"),
    ("BM-03", "气象灾害预警服务应急预案", "natural", "typhoon", "县气象局"),
    ("BM-04", "农业防灾减灾应急预案", "natural", "typhoon", "县农业农村局"),
    ("BM-05", "地质灾害应急调查处置预案", "natural", "geological", "县自然资源和规划局"),
    ("BM-06", "电力设施防台抢修应急预案", "accident", "power", "国网县供电公司"),
    ("BM-07", "消防救援队伍抗洪抢险应急预案", "natural", "flood", "县消防救援大队"),
    ("BM-08", "应急物资保障预案", "natural", "other", "县应急管理局"),
)
VILLAGE_PLANS_PER_TOWN = 2
VILLAGE_TOWNS = 6

# The typhoon plan's actions per stage: (group, action, unit, minutes). A stage's text is
# the same action list each member unit takes at that stage, then the stage's own actions.
_STAGE_TRIGGERS = {
    "sea": "台风进入东海海域，预计72小时内可能影响本县海域",
    "IV": "预计48小时内台风将影响本县，或已发布台风蓝色预警",
    "III": "预计24小时内台风将影响本县，或已发布台风黄色预警",
    "II": "预计12小时内台风将影响本县，或已发布台风橙色预警",
    "I": "台风将在本县或邻近地区登陆，或已发布台风红色预警",
}
_EVERY_UNIT = {
    "sea": ("command", "{unit}落实海上防台风响应，主要负责人在岗带班", 120),
    "IV": ("command", "{unit}进入Ⅳ级应急响应状态，落实24小时值班", 60),
    "III": ("command", "{unit}分管负责人到岗指挥，派员进驻县防指", 60),
    "II": ("command", "{unit}主要负责人坐镇指挥，工作组下沉一线", 60),
    "I": ("command", "{unit}全员在岗，服从县防指统一调度", 30),
}
_OWN_ACTIONS: dict[str, tuple[tuple[str, str, str, int], ...]] = {
    "sea": (
        ("transfer", "组织渔船回港避风，逐船核对", "县农业农村局", 360),
        ("transfer", "海上养殖和作业人员撤离上岸", "县农业农村局", 720),
        ("support", "停航海上客运航线", "县交通运输局", 240),
        ("information", "发布海上防台风提示", "县气象局", 60),
        ("warning", "滚动发布台风路径和海上风力预报", "县气象局", 180),
        ("command", "县防指召开防台风会商会", "县应急管理局", 120),
        ("warning", "向沿海乡镇（街道）发出防台风工作通知", "县应急管理局", 60),
        ("support", "检查海塘、水闸运行状况", "县水利局", 240),
    ),
    "IV": (
        ("warning", "发布台风蓝色预警并向乡镇叫应", "县气象局", 30),
        ("command", "县防指发布Ⅳ级应急响应令", "县应急管理局", 30),
        ("support", "水库、山塘预泄腾库", "县水利局", 480),
        ("rescue", "消防救援队伍集结待命", "县消防救援大队", 120),
        ("support", "检查电力设施，抢修队伍待命", "国网县供电公司", 240),
        ("warning", "地质灾害隐患点巡查", "县自然资源和规划局", 360),
        ("information", "通过新闻媒体发布台风防御指引", "县气象局", 120),
        ("transfer", "核对危险区人员转移清单", "县应急管理局", 240),
    ),
    "III": (
        ("transfer", "危旧房、低洼地、工棚人员转移准备", "县应急管理局", 240),
        ("transfer", "开放避灾安置场所，落实管理员", "县应急管理局", 180),
        ("support", "在建工地停工，塔吊落钩", "县交通运输局", 240),
        ("rescue", "抢险物资前置到沿海乡镇", "县应急管理局", 360),
        ("warning", "发布山洪、地质灾害气象风险预警", "县自然资源和规划局", 120),
        ("medical", "医疗救护队伍待命", "县应急管理局", 120),
        ("support", "加固广告牌、行道树和临时设施", "县交通运输局", 360),
        ("warning", "每三小时报送一次防御工作情况", "县应急管理局", 180),
    ),
    "II": (
        ("transfer", "危险区人员全部转移到位", "县应急管理局", 360),
        ("support", "停止户外集会和旅游景区营业", "县交通运输局", 240),
        ("support", "交通管制，停运客渡船和公交线路", "县交通运输局", 120),
        ("rescue", "抢险救援队伍驻点待命", "县消防救援大队", 120),
        ("information", "通过广播电视和短信发布防台风提示", "县气象局", 60),
        ("medical", "医院做好收治伤员准备", "县应急管理局", 180),
        ("support", "抢修队伍前置到重要变电站", "国网县供电公司", 180),
        ("warning", "每两小时报送一次转移和灾情信息", "县应急管理局", 120),
    ),
    "I": (
        ("command", "宣布进入紧急防汛期", "县应急管理局", 60),
        ("support", "停课、停工、停业、停运", "县应急管理局", 120),
        ("rescue", "调派驻军和民兵参与抢险", "县应急管理局", 180),
        ("transfer", "组织群众就近避险，严禁外出", "县应急管理局", 60),
        ("support", "启用备用电源，保障重要用户供电", "国网县供电公司", 120),
        ("information", "每小时发布一次灾情和防御情况", "县应急管理局", 60),
        ("rescue", "水上救援力量在低洼地带待命", "县消防救援大队", 60),
        ("medical", "设立临时医疗救护点", "县应急管理局", 120),
    ),
}
STAGES = ("sea", "IV", "III", "II", "I")
SCENARIO_DONE = 14  # actions of the scenario's checklist ticked done


def _typhoon_actions(units: dict[str, int]) -> dict[str, list[tuple[str, str, int | None, int]]]:
    member_units = [name for name in units if name != "市防汛防台抗旱指挥部办公室"]
    content: dict[str, list[tuple[str, str, int | None, int]]] = {}
    for stage in STAGES:
        group, template, minutes = _EVERY_UNIT[stage]
        actions: list[tuple[str, str, int | None, int]] = [
            (group, template.format(unit=name), units[name], minutes) for name in member_units
        ]
        actions += [
            (group, text, units.get(unit), limit)
            for group, text, unit, limit in _OWN_ACTIONS[stage]
        ]
        content[stage] = actions
    return content


def _write(build: DemoBuild) -> None:
    session = build.session
    today = build.now.date()
    rng = _rng(build.scale, "plans")
    units = {
        name: unit_id for unit_id, name in session.execute(select(MemberUnit.id, MemberUnit.name))
    }
    towns = list(
        session.execute(
            select(Division.id, Division.name)
            .where(Division.level == "town")
            .order_by(Division.code)
        )
    )
    plans: list[Plan] = []
    steps: list[PlanStep] = []

    def plan(
        code: str,
        title: str,
        plan_class: str,
        category: str | None,
        event_type: str | None,
        owner: str | None,
        issued_days_ago: int | None,
        status: str = "filed",
        parent: Plan | None = None,
    ) -> Plan:
        issued = today - timedelta(days=issued_days_ago) if issued_days_ago is not None else None
        row = Plan(
            code=code,
            title=title,
            plan_class=plan_class,
            category=category,
            event_type=event_type,
            owner_unit_id=units.get(owner or ""),
            approver_unit_id=units.get("县应急管理局") if plan_class != "overall" else None,
            doc_number=f"温政办发〔{issued.year}〕{int(code[-2:]) + 10}号" if issued else None,
            issued_on=issued,
            filed_on=_filed(issued) if status == "filed" and issued else None,
            status=status,
            parent_id=parent.id if parent is not None else None,
        )
        session.add(row)
        session.flush()
        plans.append(row)
        when = issued or today - timedelta(days=30)
        for step_status, days in _history(status):
            steps.append(
                PlanStep(
                    plan_id=row.id,
                    status=step_status,
                    on=when + timedelta(days=days),
                    person="县应急管理局预案科",
                    note=None,
                    recorded_by="demo",
                    recorded_at=build.now,
                )
            )
        return row

    overall = plan(
        "ZT-01", "温岭市突发事件总体应急预案", "overall", None, None, "县应急管理局", 700
    )
    special: dict[str, Plan] = {}
    for n, (code, title, category, event_type, owner) in enumerate(SPECIAL):
        ago = 1300 + n if n in (2, 14, 26) else 150 + (n * 53) % 900  # three overdue
        status = "filed"
        if n in (5, 17):
            status = "scheduled"
        elif n == 8:
            status = "drafting"
        elif n == 11:
            status = "review"
        elif n == 20:
            ago, status = 60, "published"  # filing overdue
        elif n == 21:
            ago, status = 6, "published"  # filing due soon
        row = plan(
            code, f"温岭市{title}", "special", category, event_type, owner, ago, status, overall
        )
        if status in ("scheduled", "drafting", "review"):
            row.revision_due = today + timedelta(days=(n * 37) % 200 - 60)
        special[code] = row
    for n, (code, title, category, event_type, owner) in enumerate(DEPARTMENTAL):
        plan(
            code,
            f"{owner}{title}",
            "departmental",
            category,
            event_type,
            owner,
            300 + n * 150,
            "filed",
            overall,
        )
    flood = special["ZX-02"]
    town_plans = []
    for n, (_town_id, name) in enumerate(towns):
        town_plans.append(
            plan(
                f"XZ-{n + 1:02d}",
                f"{name}防汛防台应急预案",
                "town",
                "natural",
                "flood",
                None,
                120 + n * 20,
                "filed",
                flood,
            )
        )
    villages = list(
        session.execute(
            select(Division.name, Division.parent_id)
            .where(Division.level == "village")
            .order_by(Division.code)
        )
    )
    town_index = {town_id: n for n, (town_id, _name) in enumerate(towns)}
    taken: dict[int, int] = {}
    v = 0
    for name, parent_id in villages:
        n = town_index.get(parent_id, 99) if parent_id is not None else 99
        if n >= VILLAGE_TOWNS or taken.get(n, 0) >= VILLAGE_PLANS_PER_TOWN:
            continue
        taken[n] = taken.get(n, 0) + 1
        v += 1
        plan(
            f"CJ-{v:03d}",
            f"{name}防汛防台应急预案",
            "village",
            "natural",
            "flood",
            None,
            90 + v * 11,
            "filed",
            town_plans[n],
        )
    session.add_all(steps)
    session.flush()

    versions = 0
    actions = 0
    typhoon_versions: list[PlanVersion] = []
    content = _typhoon_actions(units)
    for row in plans:
        count = 2 if row.plan_class in ("overall", "special") and int(row.code[-2:]) % 4 == 1 else 1
        for number in range(1, count + 1):
            version = PlanVersion(
                plan_id=row.id,
                number=number,
                name=f"{(row.issued_on or today).year - (count - number) * 3}年版",
                issued_on=(row.issued_on - timedelta(days=(count - number) * 1100))
                if row.issued_on
                else None,
                search_text=f"{row.title}\n{row.title}适用于本县行政区域内{_type_words(row)}的预防和应对工作。",
                created_by="demo",
                created_at=build.now,
            )
            session.add(version)
            versions += 1
            if row.code == "ZX-01":
                typhoon_versions.append(version)
    session.flush()
    for number, version in enumerate(typhoon_versions, 1):
        texts = [version.search_text]
        for stage in STAGES:
            stage_actions = content[stage]
            if number == 1:  # the earlier version: fewer actions, no sea-typhoon stage
                if stage == "sea":
                    continue
                stage_actions = stage_actions[:-2]
            row_stage = PlanStage(
                version_id=version.id, level=stage, trigger=_STAGE_TRIGGERS[stage]
            )
            session.add(row_stage)
            session.flush()
            texts.append(_STAGE_TRIGGERS[stage])
            for position, (group, text, unit_id, minutes) in enumerate(stage_actions, 1):
                session.add(
                    PlanAction(
                        stage_id=row_stage.id,
                        position=position,
                        group=group,
                        text=text,
                        unit_id=unit_id,
                        time_limit_minutes=minutes,
                    )
                )
                texts.append(text)
                actions += 1
        version.search_text = "\n".join(texts)
    session.flush()

    drills, follow_ups = _drills(session, plans, today, rng)
    activated = _scenario(session, build) if build.scenario == "typhoon" else 0
    build.add(
        plans=len(plans),
        plan_rows=len(plans) + len(steps) + versions + actions + drills + follow_ups + activated,
    )


def _type_words(plan: Plan) -> str:
    return plan.title.removeprefix("温岭市").removesuffix("应急预案") or "突发事件"


def _filed(issued: date) -> date:
    return issued + timedelta(days=18)


def _history(status: str) -> list[tuple[str, int]]:
    """The steps leading to ``status``, in days from its issue (or from a month ago)."""
    if status == "filed":
        return [
            ("drafting", -150),
            ("review", -60),
            ("approved", -20),
            ("published", 0),
            ("filed", 18),
        ]
    if status == "published":
        return [("drafting", -150), ("review", -60), ("approved", -20), ("published", 0)]
    if status == "scheduled":
        return [("published", -400), ("filed", -380), ("scheduled", 0)]
    if status == "review":
        return [("drafting", -60), ("review", 0)]
    return [("drafting", 0)]


def _drills(session: Session, plans: list[Plan], today: date, rng: object) -> tuple[int, int]:
    """Two years of drills of the special and departmental plans, with follow-ups; some
    plans drilled last more than three years ago (overdue)."""
    import random

    assert isinstance(rng, random.Random)
    drilled = [
        p
        for p in plans
        if p.plan_class in ("special", "departmental") and p.status in ("filed", "published")
    ]
    kinds = ("tabletop", "functional", "full_scale", "unscripted")
    drills = follow_ups = 0
    for n, plan in enumerate(drilled):
        if n % 7 == 3:
            held = [today - timedelta(days=1200 + n * 3)]  # overdue: over three years ago
        elif n % 5 == 4:
            continue  # never drilled
        else:
            held = sorted(today - timedelta(days=rng.randint(20, 730)) for _ in range(1 + n % 2))
        for day in held:
            drill = PlanDrill(
                plan_id=plan.id,
                held_on=day,
                kind=kinds[(n + drills) % 4],
                organisers="县应急管理局、" + ("县水利局" if n % 2 else "县消防救援大队"),
                participants="相关乡镇（街道）、县防指成员单位",
                scenario=f"{plan.title.removeprefix('温岭市').removesuffix('应急预案')}情景下的应急处置",
                findings="部分单位信息报送不及时；预警叫应名单需更新",
                recorded_by="demo",
            )
            session.add(drill)
            session.flush()
            drills += 1
            for k, (action, owner) in enumerate(
                (("更新预警叫应名单", "县应急管理局"), ("补充抢险物资储备", "县水利局"))[
                    : 1 + n % 2
                ]
            ):
                due = day + timedelta(days=60 + 30 * k)
                closed = (
                    due - timedelta(days=5)
                    if due < today - timedelta(days=20) and (n % 4 or (today - due).days > 300)
                    else None
                )
                session.add(
                    DrillFollowUp(
                        drill_id=drill.id, action=action, owner=owner, due_on=due, closed_on=closed
                    )
                )
                follow_ups += 1
    typhoon = next(p for p in plans if p.code == "ZX-01")
    latest = session.scalar(
        select(PlanDrill.id)
        .where(PlanDrill.plan_id == typhoon.id)
        .order_by(PlanDrill.held_on.desc())
        .limit(1)
    )
    exercised = 0
    if latest is not None:
        ids = session.scalars(
            select(PlanAction.id)
            .join(PlanStage, PlanStage.id == PlanAction.stage_id)
            .join(PlanVersion, PlanVersion.id == PlanStage.version_id)
            .where(
                PlanVersion.plan_id == typhoon.id, PlanVersion.number == 2, PlanStage.level == "IV"
            )
            .order_by(PlanAction.id)
            .limit(6)
        ).all()
        session.add_all(DrillExercise(drill_id=latest, action_id=i) for i in ids)
        exercised = len(ids)
    session.flush()
    return drills, follow_ups + exercised


def _scenario(session: Session, build: DemoBuild) -> int:
    """The typhoon plan activated at Ⅳ when the event went to Ⅳ, raised with it to Ⅲ and
    Ⅱ; the first actions of each stage done."""
    event = session.scalar(select(Event).where(Event.ended_at.is_(None)))
    if event is None:
        return 0
    plan_id = session.scalar(select(Plan.id).where(Plan.code == "ZX-01"))
    version_id = session.scalar(
        select(PlanVersion.id)
        .where(PlanVersion.plan_id == plan_id)
        .order_by(PlanVersion.number.desc())
        .limit(1)
    )
    assert plan_id is not None and version_id is not None
    start: datetime = event.started_at
    activated_at = start + timedelta(hours=2)
    activation = PlanActivation(
        event_id=event.id,
        plan_id=plan_id,
        version_id=version_id,
        stage="II",
        activated_at=activated_at,
        activated_by="demo",
    )
    session.add(activation)
    session.flush()
    added = {
        "sea": activated_at,
        "IV": activated_at,
        "III": start + timedelta(hours=4.5),
        "II": start + timedelta(hours=6),
    }
    rows = session.execute(
        select(PlanAction.id, PlanStage.level)
        .join(PlanStage, PlanStage.id == PlanAction.stage_id)
        .where(PlanStage.version_id == version_id, PlanStage.level.in_(list(added)))
        .order_by(PlanAction.id)
    ).all()
    done = 0
    for n, (action_id, level) in enumerate(rows):
        at = added[level]
        finished = None
        if level in ("sea", "IV") and n % 2 == 0 and done < SCENARIO_DONE:
            finished = at + timedelta(minutes=20 + n * 3)
            done += 1
        session.add(
            ChecklistItem(
                activation_id=activation.id,
                action_id=action_id,
                level=level,
                added_at=at,
                done_at=min(finished, build.now) if finished else None,
                done_by="值班员" if finished else None,
                note="已落实" if finished else None,
            )
        )
    session.flush()
    return 1 + len(rows)


STEP = DemoStep("plans", _write)
