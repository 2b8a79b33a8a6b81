"""Rescue teams' workbooks: a roster (one team's, or every team's with a 所属队伍 column) in
the columns ``import members`` reads, and the county's readiness report. Identity numbers
and mobiles are masked unless the role may unmask them and asks to; the choice is audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from models.base import utcnow
from models.clock import display_time
from models.exports.sheet import (
    add_sheet,
    body_row,
    column_widths,
    header_row,
    new_workbook,
    print_setup,
    save,
    title_row,
)
from models.labels import label
from models.masking import mask_id_number, mask_phone
from models.messages import fill
from models.privacy import audit_unmasked, unmasking
from models.teams import (
    MEMBER_STATUSES,
    POSTS,
    TEAM_CLASSES,
    TEAM_STATUSES,
    expiring,
    find_team,
    list_members,
    readiness,
)
from models.users import Permission, require

ROSTER_HEADER = (
    "序号",
    "姓名",
    "性别",
    "出生日期",
    "身份证号码",
    "手机号码",
    "职务",
    "所属队伍",
    "状态",
    "证书名称",
    "证书有效期至",
    "保险截止日期",
    "紧急联系人",
    "紧急联系人电话",
)
ROSTER_WIDTHS = (6, 10, 6, 12, 21, 14, 10, 26, 8, 18, 13, 13, 10, 15)
READINESS_HEADER = (
    "序号",
    "队伍名称",
    "类别",
    "状态",
    "在岗人数",
    "可出动人数",
    "应有人数",
    "人数不足",
    "不可出动原因",
    "即将到期证书",
    "即将到期保险",
    "停用装备",
)


@dataclass(frozen=True)
class TeamExport:
    path: Path
    rows: int
    masked: bool


def export_roster(
    *, session: Session, path: str | Path, team: str | None = None, unmasked: bool = False
) -> TeamExport:
    """One team's roster (``team``: its name), else every team's; masked unless
    ``unmasked`` (UNMASK_EXPORTS, audited)."""
    require(session, Permission.READ_REGISTER)
    masked = unmasking(session, unmasked=unmasked)
    team_id = find_team(session=session, name=team).id if team else None
    members = list_members(session=session, team_id=team_id)
    title = f"{team}队员花名册" if team else "救援队员花名册"
    workbook, sheet = new_workbook("花名册")
    title_row(sheet, title, span=len(ROSTER_HEADER))
    header = header_row(sheet, ROSTER_HEADER)
    for n, m in enumerate(members, start=1):
        first = m.certificates[0] if m.certificates else None
        body_row(
            sheet,
            [
                n,
                m.name,
                "男" if m.sex == "M" else "女" if m.sex == "F" else "",
                m.birth_date,
                mask_id_number(m.id_number) if masked else m.id_number,
                mask_phone(m.mobile) if masked else m.mobile,
                label(POSTS, m.post),
                m.team,
                label(MEMBER_STATUSES, m.status),
                first[0] if first else "",
                first[1] if first else None,
                m.insurance_ends,
                m.emergency_contact,
                mask_phone(m.emergency_mobile) if masked else m.emergency_mobile,
            ],
        )
    column_widths(sheet, ROSTER_WIDTHS)
    print_setup(sheet, header=header)
    path = save(workbook, path)
    if not masked:
        audit_unmasked(
            session,
            document="team-roster",
            path=path,
            subject={"team": team or "*"},
            rows=len(members),
            table="rescuers",
        )
    return TeamExport(path, len(members), masked)


def export_readiness(
    *, session: Session, path: str | Path, today: date | None = None
) -> TeamExport:
    """The county's readiness: a row per team, then the certificates and policies expiring
    soon (names only: no personal numbers)."""
    require(session, Permission.READ_REGISTER)
    county = readiness(session=session, today=today)
    soon = expiring(session=session, today=today)
    workbook, sheet = new_workbook("战备情况")
    title_row(
        sheet,
        fill(
            QCoreApplication.translate("TeamExport", "Rescue forces readiness (%1)"),
            display_time(utcnow()),
        ),
        span=len(READINESS_HEADER),
    )
    header = header_row(sheet, READINESS_HEADER)
    for n, t in enumerate(county.teams, start=1):
        body_row(
            sheet,
            [
                n,
                t.name,
                label(TEAM_CLASSES, t.team_class),
                label(TEAM_STATUSES, t.status),
                t.members,
                t.deployable,
                t.required_size,
                "是" if t.below_size else "",
                "；".join(f"{reason} {count}人" for reason, count in t.not_deployable),
                t.expiring_certificates,
                t.expiring_insurance,
                t.equipment_out,
            ],
        )
    body_row(
        sheet,
        [
            "合计",
            f"{len(county.teams)}支",
            "",
            "",
            county.members,
            county.deployable,
            None,
            f"{len(county.below_size)}支",
            "",
            sum(t.expiring_certificates for t in county.teams),
            sum(t.expiring_insurance for t in county.teams),
            county.equipment_out,
        ],
    )
    column_widths(sheet, (6, 30, 16, 8, 9, 10, 9, 9, 40, 12, 12, 9))
    print_setup(sheet, header=header)
    other = add_sheet(workbook, "即将到期")
    title_row(
        other,
        fill(
            QCoreApplication.translate("TeamExport", "Expiring within %1 days"),
            str(county.expiring_days),
        ),
        span=6,
    )
    header2 = header_row(other, ("序号", "姓名", "所属队伍", "证书或保险", "到期日", "剩余天数"))
    for n, row in enumerate(soon, start=1):
        body_row(other, [n, row.name, row.teams, row.kind, row.expires, row.days_left])
    column_widths(other, (6, 10, 30, 20, 12, 9))
    print_setup(other, header=header2)
    path = save(workbook, path)
    return TeamExport(path, len(county.teams), True)
