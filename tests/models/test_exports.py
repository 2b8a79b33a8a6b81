"""``export households``: the filled list in the template's layout, masking and its audit,
and the empty template; an export imports back unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from models.audit import AuditRecord
from models.database import Database
from models.exports import export_households, export_template
from models.exports.households import ExportRefused
from models.imports import format_report
from models.imports.households import import_households
from models.transfers import Household
from models.users import Actor, PermissionDenied
from tests.conftest import ADMIN
from tests.models.test_transfers import Register, add_household, make_register

# DOMAIN.md, "Personnel transfer": the template's columns, in order, then our extras.
DOMAIN_COLUMNS = [
    "序号",
    "危险区（点）名称",
    "类别",
    "位置",
    "经度",
    "纬度",
    "户主姓名",
    "居住人数",
    "户主手机",
    "责任人姓名",
    "责任人职务",
    "责任人手机",
    "预警责任人姓名",
    "预警责任人职务",
    "预警责任人手机",
    "避灾场所名称",
    "有无安全鉴定",
    "避灾场所管理员",
    "避灾场所管理员手机",
    "备注",
]
EXTRAS = ["网格", "老人", "残疾", "卧床", "儿童", "孕妇"]
DUTY = Actor(name="duty", role="duty")
PLANNER = Actor(name="planner", role="planner")
VIEWER = Actor(name="viewer", role="viewer")


@pytest.fixture
def register(db: Database) -> Register:
    with db.session(ADMIN) as session:
        reg = make_register(session)
        first = add_household(
            session,
            reg.a1,
            reg.zones["z1"],
            "张三",
            5,
            shelter_id=reg.shelters["S1"],
            phone="13912345678",
        )
        household = session.get(Household, first)
        assert household is not None
        household.lon, household.lat = 121.381234, 28.371234
        household.elderly, household.note, household.grid_id = 2, "独居老人", reg.grid_a1
        household.warning_person_name, household.warning_person_phone = "李预警", "13800000005"
        add_household(session, reg.a1, reg.zones["z1"], "李四", 3, phone="13812340001")
        add_household(session, reg.b1, reg.zones["z3"], "赵六", 2)  # another village
    return reg


def sheet_rows(path: Path) -> list[list[object]]:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def test_the_filled_list_has_the_template_layout(
    db: Database, register: Register, tmp_path: Path
) -> None:
    with db.session(DUTY) as session:
        result = export_households(
            session=session, path=tmp_path / "东门.xlsx", village_code="331081001001", year=2026
        )
    assert (result.rows, result.masked, result.village_code) == (2, True, "331081001001")
    rows = sheet_rows(result.path)
    assert rows[0][0] == "太平街道东门社区危险区人员转移清单（2026年）"
    assert rows[1] == DOMAIN_COLUMNS + EXTRAS
    assert len(rows) == 4
    zhang = dict(zip(rows[1], rows[2], strict=True))
    assert zhang["序号"] == 1
    assert zhang["危险区（点）名称"] == "东门社区后山溪山洪危险区"
    assert zhang["类别"] == "山洪"
    assert (zhang["经度"], zhang["纬度"]) == (121.381234, 28.371234)
    assert (zhang["户主姓名"], zhang["居住人数"]) == ("张三", 5)
    assert zhang["户主手机"] == "139****5678"  # masked by default
    assert zhang["责任人手机"] == "139****0003"
    assert zhang["预警责任人手机"] == "138****0005"
    assert zhang["避灾场所名称"] == "东门社区文化礼堂避灾安置点"
    assert (zhang["有无安全鉴定"], zhang["避灾场所管理员"]) == ("有", "李管理")
    assert zhang["避灾场所管理员手机"] == "138****0002"
    assert (zhang["备注"], zhang["网格"], zhang["老人"]) == ("独居老人", "东门社区第1网格", 2)
    with db.session(ADMIN) as session:  # a masked export is not an event worth auditing
        assert not session.scalars(select(AuditRecord).where(AuditRecord.action == "unmask")).all()


def test_unmasked_only_for_roles_that_may_and_audited(
    db: Database, register: Register, tmp_path: Path
) -> None:
    with db.session(PLANNER) as session, pytest.raises(PermissionDenied):
        export_households(
            session=session, path=tmp_path / "p.xlsx", village_code="331081001001", unmasked=True
        )
    assert not (tmp_path / "p.xlsx").exists()
    with db.session(DUTY) as session:
        result = export_households(
            session=session, path=tmp_path / "u.xlsx", village_code="331081001001", unmasked=True
        )
    assert not result.masked
    rows = sheet_rows(result.path)
    assert rows[2][8] == "13912345678"
    with db.session(ADMIN) as session:
        audit = session.execute(
            select(AuditRecord.actor, AuditRecord.table_name, AuditRecord.changes).where(
                AuditRecord.action == "unmask"
            )
        ).all()
    assert [(a, t) for a, t, _ in audit] == [("duty", "households")]
    assert json.loads(audit[0][2]) == {
        "export": "u.xlsx",
        "village": "331081001001",
        "year": 2026,
        "rows": 2,
    }
    with db.session(VIEWER) as session:  # viewers export masked lists only
        assert export_households(
            session=session, path=tmp_path / "v.xlsx", village_code="331081001001"
        ).masked
        with pytest.raises(ExportRefused):
            export_households(session=session, path=tmp_path / "x.xlsx", village_code="1")


def test_export_then_import_round_trip(db: Database, register: Register, tmp_path: Path) -> None:
    with db.session(ADMIN) as session:
        before = {h.householder_name: h.card_code for h in session.scalars(select(Household))}
        unmasked = export_households(
            session=session, path=tmp_path / "full.xlsx", village_code="331081001001", unmasked=True
        ).path
        masked = export_households(
            session=session, path=tmp_path / "masked.xlsx", village_code="331081001001"
        ).path
    for path in (unmasked, masked):
        with db.session(ADMIN) as session:
            report = import_households(session=session, path=path)
        assert report.ok, format_report(report)
        assert (report.inserted, report.updated, report.unchanged) == (0, 0, 2)
    with db.session(ADMIN) as session:
        after = {h.householder_name: h.card_code for h in session.scalars(select(Household))}
        zhang = session.scalar(select(Household).where(Household.householder_name == "张三"))
        assert zhang is not None and zhang.householder_phone == "13912345678"
    assert after == before
    # A masked number for a new household cannot stand for anything: refused.
    workbook = openpyxl.load_workbook(masked)
    sheet = workbook.active
    assert sheet is not None
    sheet.append([3, "东门社区后山溪山洪危险区", None, None, None, None, "王五", 2, "137****1234"])
    workbook.save(masked)
    with db.session(ADMIN) as session:
        report = import_households(session=session, path=masked)
    assert [(p.row, p.column, p.value) for p in report.problems] == [(5, "I", "137****1234")]
    assert "masked" in report.problems[0].reason


def test_the_empty_template(tmp_path: Path) -> None:
    result = export_template(path=tmp_path / "template.xlsx")
    rows = sheet_rows(result.path)
    assert "危险区人员转移清单" in str(rows[0][0])
    assert rows[1] == DOMAIN_COLUMNS + EXTRAS
    assert [r[0] for r in rows[2:]] == list(range(1, 31))
    assert all(v is None for r in rows[2:] for v in r[1:])
    bare = export_template(path=tmp_path / "bare.xlsx", extras=False)
    assert sheet_rows(bare.path)[1] == DOMAIN_COLUMNS


def test_a_filled_template_imports(db: Database, register: Register, tmp_path: Path) -> None:
    path = export_template(path=tmp_path / "t.xlsx").path
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "太平街道东门社区危险区人员转移清单（2026年）"
    for column, value in enumerate(
        [
            "东门社区后山溪山洪危险区",
            "山洪",
            "后山路3号",
            121.4,
            28.4,
            "王五",
            "2人",
            "13712341234",
        ],
        start=2,
    ):
        sheet.cell(row=3, column=column, value=value)
    workbook.save(path)
    with db.session(DUTY) as session:
        report = import_households(session=session, path=path)
    assert report.ok, format_report(report)
    assert (report.inserted, report.rows_skipped) == (1, 29)  # the other numbered rows
