"""``import plans FILE`` and ``import plan-actions FILE --plan CODE``: the plan register and
a plan's structured actions as a county types them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from models.database import Database
from models.imports.framework import run_import
from models.plans import list_plans, list_versions, version_content
from models.users import Actor
from tests.cli_helpers import run_main
from tests.models.plan_helpers import add_units

ADMIN = Actor(name="admin", role="admin")
PLAN_HEADER = [
    "预案编号",
    "预案名称",
    "预案类别",
    "事件类别",
    "事件类型",
    "编制单位",
    "文号",
    "印发日期",
    "上级预案",
    "状态",
]
PLANS = [
    [
        "ZT-01",
        "温岭市突发事件总体应急预案",
        "总体预案",
        "",
        "",
        "县应急管理局",
        "温政发〔2023〕1号",
        "2023-03-01",
        "",
        "已备案",
    ],
    [
        "ZX-01",
        "温岭市防台风应急预案",
        "专项预案",
        "自然灾害",
        "台风",
        "县应急管理局",
        "温政办发〔2024〕12号",
        date(2024, 6, 3),
        "ZT-01",
        "已印发",
    ],
    [
        "XZ-01",
        "城东街道防汛防台应急预案",
        "乡镇（街道）预案",
        "自然灾害",
        "洪涝",
        "",
        "",
        "",
        "ZX-01",
        "起草",
    ],
]
ACTION_HEADER = ["响应级别", "启动条件", "任务分组", "任务内容", "责任单位", "时限"]
ACTIONS = [
    ["海上防台风", "台风进入东海", "指挥", "渔船回港避风", "县农业农村局", "6小时"],
    ["Ⅳ级", "预计48小时内影响", "预警", "发布台风蓝色预警", "县气象局", "60"],
    ["Ⅳ级", "", "转移安置", "危险区人员转移准备", "县应急管理局", "1天"],
    ["二级", "预计12小时内影响", "保障", "停运客渡船", "县交通运输局", "2小时"],
]


def write(path: Path, header: list[str], rows: list[list[object]], title: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([title])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _units(db: Database) -> None:
    with db.session(ADMIN, write=True) as session:
        add_units(session)


def test_the_register_and_a_plans_actions_are_imported(db: Database, tmp_path: Path) -> None:
    _units(db)
    report = run_import(
        db=db,
        actor=ADMIN,
        kind="plans",
        path=write(tmp_path / "p.xlsx", PLAN_HEADER, PLANS, "预案目录"),
    )
    assert report.ok and report.inserted == 3, [p.describe() for p in report.problems]
    actions = run_import(
        db=db,
        actor=ADMIN,
        kind="plan-actions",
        path=write(tmp_path / "a.xlsx", ACTION_HEADER, ACTIONS, "防台风预案响应措施"),
        options={"plan": "ZX-01"},
    )
    assert actions.ok and actions.rows_written == 4, [p.describe() for p in actions.problems]
    with db.session(ADMIN) as session:
        plans = {p.code: p for p in list_plans(session=session)}
        (version,) = list_versions(session=session, code="ZX-01")
        content = version_content(session=session, version_id=version.id)
    assert plans["ZX-01"].parent_code == "ZT-01" and plans["XZ-01"].parent_code == "ZX-01"
    assert plans["ZX-01"].issued_on == date(2024, 6, 3) and plans["ZX-01"].status == "published"
    assert plans["ZT-01"].plan_class == "overall" and plans["ZT-01"].status == "filed"
    assert plans["XZ-01"].plan_class == "town" and plans["XZ-01"].status == "drafting"
    assert [(s.level, s.trigger, len(s.actions)) for s in content] == [
        ("sea", "台风进入东海", 1),
        ("IV", "预计48小时内影响", 2),
        ("II", "预计12小时内影响", 1),
    ]
    assert [a.time_limit_minutes for s in content for a in s.actions] == [360, 60, 1440, 120]
    assert content[1].actions[1].group == "transfer"


def test_bad_rows_write_nothing_and_are_named(db: Database, tmp_path: Path) -> None:
    _units(db)
    bad = [*PLANS, ["ZX-02", "", "秘密预案", "", "", "无此单位", "", "2024-13-45", "", ""]]
    report = run_import(
        db=db,
        actor=ADMIN,
        kind="plans",
        path=write(tmp_path / "p.xlsx", PLAN_HEADER, bad, "预案目录"),
    )
    assert not report.ok and report.rows_written == 0
    described = " ".join(p.describe() for p in report.problems)
    for column in ("B", "C", "F", "H"):
        assert f"column {column}" in described, described
    run_import(
        db=db,
        actor=ADMIN,
        kind="plans",
        path=write(tmp_path / "ok.xlsx", PLAN_HEADER, PLANS, "预案目录"),
    )
    wrong = [["Ⅴ级", "", "指挥", "某措施", "无此单位", "很快"]]
    refused = run_import(
        db=db,
        actor=ADMIN,
        kind="plan-actions",
        path=write(tmp_path / "a.xlsx", ACTION_HEADER, wrong, "措施"),
        options={"plan": "ZX-01"},
    )
    assert not refused.ok
    assert {p.column for p in refused.problems} == {"A", "E", "F"}
    missing = run_import(
        db=db,
        actor=ADMIN,
        kind="plan-actions",
        path=write(tmp_path / "b.xlsx", ACTION_HEADER, ACTIONS, "措施"),
        options={"plan": "NONE-1"},
    )
    assert not missing.ok and "NONE-1" in missing.problems[0].describe()


def test_import_plans_and_actions_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    no_units = [[*row[:5], "", *row[6:]] for row in PLANS]  # no member units registered
    plans = write(tmp_path / "预案目录.xlsx", PLAN_HEADER, no_units, "预案目录")
    done = run_main("--lang", "zh_CN", "--db", url, "import", "plans", str(plans), env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    rows = [[*row[:4], "", row[5]] for row in ACTIONS]
    actions = write(tmp_path / "措施.xlsx", ACTION_HEADER, rows, "措施")
    typed = ("--lang", "zh_CN", "--db", url, "import", "plan-actions", str(actions))
    done = run_main(*typed, "--plan", "ZX-01", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    refused = run_main(*typed, "--plan", "ZX-99", env=env)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "没有编号为 ZX-99 的预案" in refused.stdout + refused.stderr


def test_plan_dates_as_cells_hold_them() -> None:
    from models.plans.imports import parse_date

    for value in (
        "2024-06-03",
        "2024/6/3",
        "2024.6.3",
        "2024年6月3日",
        "20240603",
        "２０２４－６－３",
    ):
        assert parse_date(value) == date(2024, 6, 3), value
    assert parse_date(45446) == parse_date(45446.5) == date(2024, 6, 3)  # Excel serial days
    for bad in ("1948-12-31", "2101-01-01", "", 10_000, "2024-02-30"):
        with pytest.raises(ValueError):
            parse_date(bad)
    with pytest.raises(ValueError):
        parse_date("45446", serials=None)  # a day typed on the command line
