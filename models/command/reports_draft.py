"""A report's first draft, made from the event's facts: its kind and grade, the response
level and its changes, the contingency plans active and their checklists' progress, the
incidents logged, the transfer figures, the rescue teams and supplies committed, and what
changed since the previous report. The text is an official document's and stays Chinese
whatever the console's language; the officer edits it before the leader signs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.clock import display_zone
from models.command.incidents import EventIncident
from models.command.levels import EventGradeChange, EventLevelChange
from models.command.reports_forces import (
    supplies_paragraph,
    supply_facts,
    team_facts,
    teams_paragraph,
)
from models.command.reports_tables import report_name
from models.events import Event
from models.plans.tables import ChecklistItem, Plan, PlanActivation

KIND_ZH = {
    "typhoon": "台风",
    "rainstorm": "暴雨",
    "flood": "洪水",
    "geological": "地质灾害",
    "forest_fire": "森林火灾",
    "accident": "事故",
    "other": "突发事件",
}
GRADE_ZH = {"general": "一般", "large": "较大", "major": "重大", "extra": "特别重大"}
LEVEL_ZH = {"sea": "海上防台风", "IV": "Ⅳ级", "III": "Ⅲ级", "II": "Ⅱ级", "I": "Ⅰ级"}
INCIDENT_ZH = {
    "landslide": "山体滑坡",
    "flooding": "积水内涝",
    "collapse": "房屋倒塌",
    "accident": "事故",
    "trapped": "人员被困",
    "other": "险情",
}
FIGURES = ("people_to_move", "moved", "sheltered", "relatives", "forced", "refused")


def when_zh(at: datetime) -> str:
    """8月9日20时30分, in the display zone."""
    local = at.astimezone(display_zone())
    return f"{local.month}月{local.day}日{local.hour}时{local.minute:02d}分"


def level_zh(level: str | None, kind: str) -> str:
    """防台风Ⅱ级应急响应, 海上防台风应急响应; 应急响应终止 for None."""
    if level is None:
        return "应急响应终止"
    if level == "sea":
        return "海上防台风应急响应"
    domain = "防台风" if kind == "typhoon" else "防汛"
    return f"{domain}{LEVEL_ZH.get(level, level)}应急响应"


@dataclass(frozen=True)
class Draft:
    title: str
    text: str
    facts: str  # JSON, compared with by the next report


def gather_facts(session: Session, event: Event, at: datetime) -> dict[str, Any]:
    """What the draft is made from, kept with the report so the next one can say what
    changed since."""
    from models.transfers import rollup

    county = rollup(session=session, event_id=event.id).county
    data = county.as_dict()
    figures = {name: int(data[name]) for name in FIGURES}
    figures["still_at_home"] = int(county.still_at_home)
    level_changes = session.scalar(
        select(EventLevelChange.id)
        .where(EventLevelChange.event_id == event.id, EventLevelChange.at <= at)
        .order_by(EventLevelChange.id.desc())
        .limit(1)
    )
    incidents = session.scalar(
        select(EventIncident.id)
        .where(EventIncident.event_id == event.id, EventIncident.at <= at)
        .order_by(EventIncident.id.desc())
        .limit(1)
    )
    grades = session.scalar(
        select(EventGradeChange.id)
        .where(EventGradeChange.event_id == event.id, EventGradeChange.at <= at)
        .order_by(EventGradeChange.id.desc())
        .limit(1)
    )
    return {
        "at": at.isoformat(),
        "grade": event.grade,
        "level": event.response_level,
        "last_level_change": level_changes or 0,
        "last_incident": incidents or 0,
        "last_grade_change": grades or 0,
        "figures": figures,
        "teams": team_facts(session, event, at),
        "supplies": supply_facts(session, event, at),
    }


def make_draft(
    session: Session,
    event: Event,
    kind: str,
    sequence: int,
    at: datetime,
    previous: dict[str, Any] | None,
    previous_name: str | None,
) -> Draft:
    facts = gather_facts(session, event, at)
    name = report_name(kind, sequence)
    title = f"关于{_subject(event)}{_work(event)}工作情况的{name}"
    paragraphs = [_opening(event, at)]
    paragraphs += _levels(session, event, previous, at)
    paragraphs += _plans(session, event, at)
    paragraphs += _incidents(session, event, previous, at)
    figures = _figures(facts["figures"], (previous or {}).get("figures"), at, previous_name)
    if figures:
        paragraphs.append(figures)
    before = previous or {}
    # A previous report made before these facts were kept says nothing of them to compare.
    for paragraph in (
        teams_paragraph(facts["teams"], before.get("teams"), when_zh(at), previous_name),
        supplies_paragraph(facts["supplies"], before.get("supplies"), when_zh(at), previous_name),
    ):
        if paragraph:
            paragraphs.append(paragraph)
    if kind == "final":
        ended = event.ended_at or at
        paragraphs.append(
            f"{when_zh(ended)}，{_subject(event)}{_work(event)}工作结束。"
            "下一步，我县将做好转移人员有序返回、灾后恢复和损失核查工作。"
        )
    else:
        paragraphs.append(
            "下一步，我县将继续严格落实24小时值班和领导带班制度，密切监视事态发展，"
            "全力做好人员转移安置和应急处置各项工作，有关情况及时续报。"
        )
    return Draft(title, "\n".join(paragraphs), json.dumps(facts, ensure_ascii=False))


def _subject(event: Event) -> str:
    """The event's name without a closing 防御 or 应对 (2606号台风“海葵”防御)."""
    for word in ("防御", "应对"):
        if event.name.endswith(word) and len(event.name) > len(word):
            return event.name[: -len(word)]
    return event.name


def _work(event: Event) -> str:
    return "防御" if event.kind == "typhoon" else "应对"


def _opening(event: Event, at: datetime) -> str:
    kind = KIND_ZH.get(event.kind, "突发事件")
    grade = f"，初判为{GRADE_ZH[event.grade]}{kind}事件" if event.grade in GRADE_ZH else ""
    number = f"（编号{event.number}）" if event.number else ""
    return f"{when_zh(event.started_at)}起，{_subject(event)}{number}影响我县{grade}。现将截至{when_zh(at)}有关情况报告如下。"


def _levels(
    session: Session, event: Event, previous: dict[str, Any] | None, at: datetime
) -> list[str]:
    after = int((previous or {}).get("last_level_change", 0))
    changes = session.scalars(
        select(EventLevelChange)
        .where(
            EventLevelChange.event_id == event.id,
            EventLevelChange.id > after,
            EventLevelChange.at <= at,
        )
        .order_by(EventLevelChange.at, EventLevelChange.id)
    ).all()
    lines = []
    for change in changes:
        number = f"（{change.doc_number}）" if change.doc_number else ""
        verb = "终止应急响应" if change.new is None else f"启动{level_zh(change.new, event.kind)}"
        if change.old is not None and change.new is not None:
            verb = f"将{level_zh(change.old, event.kind)}调整为{level_zh(change.new, event.kind)}"
        lines.append(
            f"{when_zh(change.at)}，县防指{verb}{number}，签发人{change.signer}。{change.reason}"
        )
    latest = session.scalars(
        select(EventLevelChange)
        .where(EventLevelChange.event_id == event.id, EventLevelChange.at <= at)
        .order_by(EventLevelChange.at.desc(), EventLevelChange.id.desc())
        .limit(1)
    ).first()
    current = latest.new if latest is not None else event.response_level
    if not changes and previous is not None:
        lines.append(f"目前，我县{level_zh(current, event.kind)}维持不变。")
    elif not changes and current is not None:
        lines.append(f"目前，我县处于{level_zh(current, event.kind)}。")
    return lines


def _plans(session: Session, event: Event, at: datetime) -> list[str]:
    """Each plan active for the event at ``at``: its stage and how many of its checklist's
    actions were done by then."""
    active = session.execute(
        select(PlanActivation.id, PlanActivation.stage, Plan.title)
        .join(Plan, Plan.id == PlanActivation.plan_id)
        .where(
            PlanActivation.event_id == event.id,
            PlanActivation.activated_at <= at,
            (PlanActivation.ended_at.is_(None)) | (PlanActivation.ended_at > at),
        )
        .order_by(PlanActivation.activated_at, PlanActivation.id)
    ).all()
    lines = []
    for activation_id, stage, title in active:
        listed = ChecklistItem.activation_id == activation_id, ChecklistItem.added_at <= at
        total = session.scalar(select(func.count()).select_from(ChecklistItem).where(*listed))
        done = session.scalar(
            select(func.count())
            .select_from(ChecklistItem)
            .where(*listed, ChecklistItem.done_at <= at)
        )
        lines.append(
            f"县防指按《{title}》{LEVEL_ZH.get(stage, stage)}响应开展处置，"
            f"预案规定的{total or 0}项响应措施已完成{done or 0}项。"
        )
    return lines


def _incidents(
    session: Session, event: Event, previous: dict[str, Any] | None, at: datetime
) -> list[str]:
    after = int((previous or {}).get("last_incident", 0))
    incidents = session.scalars(
        select(EventIncident)
        .where(EventIncident.event_id == event.id, EventIncident.id > after, EventIncident.at <= at)
        .order_by(EventIncident.at, EventIncident.id)
    ).all()
    return [
        f"{when_zh(i.at)}，{i.place}发生{INCIDENT_ZH.get(i.kind, '险情')}。{i.description}"
        for i in incidents
    ]


def _figures(
    now: dict[str, int],
    before: dict[str, int] | None,
    at: datetime,
    previous_name: str | None,
) -> str:
    if not now or (not now.get("people_to_move") and not now.get("moved")):
        return ""
    rate = now["moved"] / now["people_to_move"] * 100 if now["people_to_move"] else 100.0
    text = (
        f"截至{when_zh(at)}，全县需转移{now['people_to_move']}人，已转移{now['moved']}人"
        f"（其中进入避灾安置场所{now['sheltered']}人、投亲靠友{now['relatives']}人、"
        f"强制转移{now['forced']}人），尚未转移{now['still_at_home']}人，"
        f"拒绝转移{now['refused']}人，转移完成率{rate:.1f}%。"
    )
    if before:
        gained = now["moved"] - before.get("moved", 0)
        since = previous_name or "上次报告"
        text += f"较{since}新增转移{gained}人。" if gained else f"较{since}无新增转移。"
    return text
