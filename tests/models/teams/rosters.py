"""Rosters as counties type them by hand in WPS: a merged title row, a two-row header with
merged group cells, numbers typed into cells Excel took for numbers, blank separator rows
and a total row; and the small county the tests import them into."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import insert

from models.areas import Division
from models.database import Database
from models.teams.identity import check_character
from tests.conftest import ADMIN

TOWN, VILLAGE = "松门镇", "礁山村"


def ident(n: int, year: int = 1985, sex: str = "M", month_day: str = "0312") -> str:
    sequence = f"{n % 100:02d}{1 if sex == 'M' else 2}"
    first17 = f"331081{year}{month_day}{sequence}"
    return first17 + check_character(first17)


def small_county(db: Database) -> None:
    """A county with one town and one village, and three teams (two named alike)."""
    with db.session(ADMIN, write=True) as session:
        session.execute(
            insert(Division),
            [
                {"id": 1, "code": "331081", "name": "温岭市", "level": "county"},
                {"id": 2, "code": "331081101", "name": TOWN, "level": "town", "parent_id": 1},
                {
                    "id": 3,
                    "code": "331081101201",
                    "name": VILLAGE,
                    "level": "village",
                    "parent_id": 2,
                },
            ],
        )


def save(path: Path, lines: list[list[Any]], merges: list[str] = (), sheet: str = "Sheet1") -> Path:  # type: ignore[assignment]
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for line in lines:
        ws.append(line)
    for cells in merges:
        ws.merge_cells(cells)
    book.save(path)
    return path


TEAM_HEADER = [
    "序号",
    "队伍名称",
    "队伍类别",
    "专业",
    "所在乡镇",
    "所在村",
    "驻地",
    "经度",
    "纬度",
    "队长",
    "队长电话",
    "联系人",
    "联系电话",
    "主管单位",
]


def teams_file(path: Path, rows: list[list[Any]], title: str = "温岭市应急救援队伍名册") -> Path:
    return save(path, [[title], TEAM_HEADER, *rows], merges=["A1:N1"])


SOUND_TEAMS = [
    [
        1,
        "松门镇综合应急救援队",
        "乡镇综合救援队",
        "综合救援、水域救援",
        TOWN,
        "",
        "松门镇政府",
        121.566,
        28.347,
        "林海",
        "139 0576 1001",
        "王强",
        "0576-86660001",
        "松门镇人民政府",
    ],
    [
        2,
        "礁山村应急救援小分队",
        "村级救援小分队",
        "水域救援",
        TOWN,
        VILLAGE,
        "礁山村委",
        121.58,
        28.36,
        "陈礁",
        "13905761002",
        "",
        "",
        "松门镇人民政府",
    ],
    [
        3,
        "温岭蓝天救援队",
        "社会救援力量",
        "水域救援（二级）、山地救援（三级）",
        "",
        "",
        "城东街道",
        121.39,
        28.37,
        "郑蓝",
        "139-0576-1003",
        "",
        "",
        "温岭市应急管理局",
    ],
]


MEMBER_TOP = [
    "序号",
    "姓名",
    "性别",
    "出生日期",
    "身份证号码",
    "手机号码",
    "职务",
    "证书",
    "",
    "",
    "意外伤害保险",
    "",
    "",
    "",
    "紧急联系人",
    "",
]
MEMBER_SUB = [
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "证书名称",
    "证书编号",
    "有效期至",
    "保险公司",
    "保单号",
    "起始日期",
    "截止日期",
    "姓名",
    "电话",
]
MEMBER_MERGES = [
    "A2:A3",
    "B2:B3",
    "C2:C3",
    "D2:D3",
    "E2:E3",
    "F2:F3",
    "G2:G3",
    "H2:J2",
    "K2:N2",
    "O2:P2",
]


def member_row(n: int, **change: Any) -> list[Any]:
    """A member as typed: dates in the ways people write them, mobiles with spaces."""
    row: dict[str, Any] = {
        "no": n,
        "name": f"队员{n:03d}",
        "sex": "男",
        "birth": "1985.3.12",
        "id": ident(n),
        "mobile": f"139 0576 {n:04d}",
        "post": "队员",
        "cert": "",
        "cert_no": "",
        "cert_to": "",
        "insurer": "中国人保",
        "policy": f"PICC2026{n:04d}",
        "ins_from": "2026/01/01",
        "ins_to": "2026年12月31日",
        "ec": "家属",
        "ec_phone": "0576-8666 0000",
    }
    row.update(change)
    return list(row.values())


def roster(
    path: Path,
    rows: list[list[Any]],
    title: str | None = "礁山村应急救援小分队队员花名册",
    *,
    team_column: list[str] | None = None,
) -> Path:
    """A roster with the two-row header of merged groups (证书, 意外伤害保险, 紧急联系人)."""
    top, sub = list(MEMBER_TOP), list(MEMBER_SUB)
    merges = list(MEMBER_MERGES)
    if team_column is not None:
        top.append("所属队伍")
        sub.append("")
        merges.append("Q2:Q3")
        rows = [[*row, team] for row, team in zip(rows, team_column, strict=True)]
    lines: list[list[Any]] = [[title or ""], top, sub, *rows]
    if title:
        merges.append("A1:P1")
    return save(path, lines, merges)
