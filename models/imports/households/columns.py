"""The village transfer list's columns as DOMAIN.md has them, our extras, and the words met in their cells."""

from __future__ import annotations

import functools
import re
from typing import cast

from sqlalchemy import Table as SqlTable

from models.imports.spreadsheet import Column, header_key
from models.transfers import Household

# The template's columns in order (DOMAIN.md), then our extras. The first alias is
# the label the export writes.
TEMPLATE_COLUMNS = (
    Column("seq", ("序号", "编号")),
    Column(
        "zone",
        ("危险区（点）名称", "危险区名称", "危险点名称", "危险区（点）", "隐患点名称", "危险区"),
        required=True,
    ),
    Column("category", ("类别", "类型", "危险区类别", "灾害类别")),
    Column("location", ("位置", "具体位置", "地址", "住址")),
    Column("lon", ("经度",)),
    Column("lat", ("纬度",)),
    Column("name", ("户主姓名", "户主"), required=True),
    Column("residents", ("居住人数", "人数", "常住人数", "家庭人数"), required=True),
    Column("phone", ("户主手机", "户主手机号", "户主电话", "户主联系电话")),
    Column("t_name", ("责任人姓名", "转移责任人姓名", "责任人")),
    Column("t_post", ("责任人职务", "转移责任人职务")),
    Column("t_phone", ("责任人手机", "转移责任人手机", "责任人手机号", "责任人电话")),
    Column("w_name", ("预警责任人姓名", "预警责任人")),
    Column("w_post", ("预警责任人职务",)),
    Column("w_phone", ("预警责任人手机", "预警责任人手机号", "预警责任人电话")),
    Column("shelter", ("避灾场所名称", "避灾场所", "避灾安置场所", "安置场所名称", "安置点")),
    Column("certified", ("有无安全鉴定", "安全鉴定")),
    Column("manager", ("避灾场所管理员", "管理员")),
    Column("manager_phone", ("避灾场所管理员手机", "管理员手机", "管理员电话")),
    Column("note", ("备注",)),
)
EXTRA_COLUMNS = (
    Column("grid", ("网格", "所属网格", "网格名称")),
    Column("elderly", ("老人", "老人数", "老年人")),
    Column("disabled", ("残疾", "残疾人")),
    Column("bedridden", ("卧床", "卧床人员")),
    Column("children", ("儿童",)),
    Column("pregnant", ("孕妇",)),
)
COLUMNS = TEMPLATE_COLUMNS + EXTRA_COLUMNS
VULNERABLE = ("elderly", "disabled", "bedridden", "children", "pregnant")
_PHONES = (
    ("phone", "householder_phone"),
    ("t_phone", "transfer_person_phone"),
    ("w_phone", "warning_person_phone"),
)
_TEXTS = (
    ("location", "location", 120),
    ("t_post", "transfer_person_post", 30),
    ("w_name", "warning_person_name", 30),
    ("w_post", "warning_person_post", 30),
    ("t_name", "transfer_person_name", 30),
    ("note", "note", 200),
)
BATCH = 1000
BLOCK = 500  # rows validated between looks at the cancel button
_HOUSEHOLDS = cast(SqlTable, Household.__table__)
# A household may lie this far (degrees, about 2 km) outside the county outline.
COUNTY_MARGIN = 0.02
_MASKED = re.compile(r"^1\d{2}\*{4}\d{4}$")
# A column of mobiles as normalize_phone gives them (number texts hold no whitespace).
_MOBILES = re.compile(r"1[3-9][0-9]{9}(?:\n1[3-9][0-9]{9})*")
_YEAR = re.compile(r"(20\d{2})\s*年")
_DMS = re.compile(
    r"^\s*(\d{1,3})\s*[°度]\s*(?:(\d{1,2}(?:\.\d+)?)\s*['′’分]\s*)?"
    r"(?:(\d{1,2}(?:\.\d+)?)\s*(?:\"|″|”|''|′′|秒)\s*)?([NSEW东西南北]?)\s*$"
)


@functools.lru_cache(maxsize=4096)
def _key(text: str) -> str:
    """Names compared as the user means them: half-width, no spaces, brackets alike."""
    return header_key(text)


# Household columns an import sets (and compares to tell updated from unchanged rows).
_COMPARED = (
    "danger_zone_id",
    "grid_id",
    "location",
    "lon",
    "lat",
    "householder_name",
    "householder_phone",
    "residents",
    *VULNERABLE,
    "transfer_person_name",
    "transfer_person_post",
    "transfer_person_phone",
    "warning_person_name",
    "warning_person_post",
    "warning_person_phone",
    "shelter_id",
    "note",
)
