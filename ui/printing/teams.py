"""Rescue teams on paper (A4 landscape lists, embedded Chinese fonts): a team's roster with
the leader's signature and the date, the county's readiness report, the expert list.

A printout shows identity numbers and mobiles in full only to roles that may unmask them
(``models.privacy.output_masking``), and such a printout is audited."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from models.base import utcnow
from models.clock import display_time
from models.labels import label
from models.messages import fill
from models.privacy import audit_unmasked, output_masking
from models.teams import (
    EXPERT_FIELDS,
    MEMBER_STATUSES,
    POSTS,
    TEAM_CLASSES,
    TEAM_STATUSES,
    find_team,
    list_experts,
    list_members,
    readiness,
)
from models.users import Permission, actor_of, require
from ui.printing.layout import build_list_pdf


@dataclass(frozen=True)
class TeamPrint:
    path: Path
    pages: int
    rows: int
    masked: bool = True


def _printed(session: Session) -> tuple[str, str]:
    actor = actor_of(session)
    when = fill(QCoreApplication.translate("Printing", "Printed %1"), display_time(utcnow()))
    return (actor.name if actor else ""), when


def print_team_roster(*, session: Session, path: str | Path, team: str) -> TeamPrint:
    """One team's roster: post, name, sex, identity number, mobile, certificates and the
    insurance's end, signed by the team leader and dated."""
    require(session, Permission.READ_REGISTER)
    path = Path(path)
    found = find_team(session=session, name=team)
    masked = output_masking(session)
    members = list_members(session=session, team_id=found.id)
    author, printed = _printed(session)
    rows = [
        [
            n,
            m.name,
            "男" if m.sex == "M" else "女" if m.sex == "F" else "",
            label(POSTS, m.post),
            m.id_number or "",
            m.mobile or "",
            label(MEMBER_STATUSES, m.status),
            "、".join(f"{kind}（{expires or '—'}）" for kind, expires in m.certificates),
            str(m.insurance_ends or ""),
        ]
        for n, m in enumerate(members, start=1)
    ]
    pages = build_list_pdf(
        path,
        title=f"{found.name}队员花名册",
        columns=[
            "序号",
            "姓名",
            "性别",
            "职务",
            "身份证号码",
            "手机号码",
            "状态",
            "证书（有效期）",
            "保险截止",
        ],
        widths_mm=[10, 20, 10, 18, 42, 28, 14, 80, 24],
        align=["number", "left", "center", "left", "left", "left", "center", "left", "center"],
        rows=rows,
        subtitle_left=label(TEAM_CLASSES, found.team_class),
        subtitle_right=fill(QCoreApplication.translate("Printing", "Members: %1"), str(len(rows))),
        signature=QCoreApplication.translate("Printing", "Signature of the team leader:"),
        note=printed,
        author=author,
    )
    if not masked:
        audit_unmasked(
            session,
            document="team-roster",
            path=path,
            subject={"team": found.name},
            rows=len(rows),
            table="rescuers",
        )
    return TeamPrint(path, pages, len(rows), masked)


def print_readiness(*, session: Session, path: str | Path) -> TeamPrint:
    """The county's readiness: a row per team and the county's total."""
    require(session, Permission.READ_REGISTER)
    path = Path(path)
    county = readiness(session=session)
    author, printed = _printed(session)
    rows = [
        [
            n,
            t.name,
            label(TEAM_CLASSES, t.team_class),
            label(TEAM_STATUSES, t.status),
            t.members,
            t.deployable,
            t.required_size or "",
            "是" if t.below_size else "",
            t.expiring_certificates + t.expiring_insurance,
            t.equipment_out,
        ]
        for n, t in enumerate(county.teams, start=1)
    ]
    pages = build_list_pdf(
        path,
        title="救援力量战备情况表",
        columns=[
            "序号",
            "队伍",
            "类别",
            "状态",
            "在岗",
            "可出动",
            "应有",
            "人数不足",
            "即将到期",
            "停用装备",
        ],
        widths_mm=[12, 70, 40, 18, 18, 18, 18, 20, 20, 20],
        align=[
            "number",
            "left",
            "left",
            "center",
            "number",
            "number",
            "number",
            "center",
            "number",
            "number",
        ],
        rows=rows,
        total_row=[
            "合计",
            f"{len(county.teams)}支",
            "",
            "",
            county.members,
            county.deployable,
            "",
            f"{len(county.below_size)}支",
            county.expiring,
            county.equipment_out,
        ],
        note=printed,
        author=author,
        sign_off=(("填报人：", ""), ("审核人：", "")),
    )
    return TeamPrint(path, pages, len(rows))


def print_experts(*, session: Session, path: str | Path) -> TeamPrint:
    """The expert pool by field: office phones, and mobiles as the role may print them."""
    require(session, Permission.READ_REGISTER)
    path = Path(path)
    masked = output_masking(session)
    experts = list_experts(session=session)
    author, printed = _printed(session)
    rows = [
        [
            n,
            e.name,
            label(EXPERT_FIELDS, e.field),
            e.subfield or "",
            e.organisation,
            e.title or "",
            f"{e.appointed_from or ''}—{e.appointed_to or ''}",
            e.office_phone or "",
            e.mobile or "",
            "是" if e.available else "否",
        ]
        for n, e in enumerate(experts, start=1)
    ]
    pages = build_list_pdf(
        path,
        title="应急管理专家库名单",
        columns=[
            "序号",
            "姓名",
            "专业领域",
            "二级分类",
            "工作单位",
            "职称",
            "聘期",
            "办公电话",
            "手机",
            "可用",
        ],
        widths_mm=[12, 20, 24, 24, 44, 28, 42, 30, 28, 12],
        align=[
            "number",
            "left",
            "left",
            "left",
            "left",
            "left",
            "center",
            "left",
            "left",
            "center",
        ],
        rows=rows,
        note=printed,
        author=author,
    )
    if not masked:
        audit_unmasked(
            session, document="experts", path=path, subject={}, rows=len(rows), table="experts"
        )
    return TeamPrint(path, pages, len(rows), masked)
