"""``import teams``, ``import members`` and ``import experts`` with every roster case real
rosters contain, each in a file made as counties type them in WPS."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.database import Database
from models.geo.crs import wgs84_to_gcj02
from models.imports.framework import run_import
from models.imports.report import ImportReport
from models.teams import Insurance, Rescuer, Team, list_experts, list_members, list_teams
from tests.conftest import ADMIN
from tests.models.teams.rosters import (
    SOUND_TEAMS,
    TOWN,
    VILLAGE,
    ident,
    member_row,
    roster,
    save,
    small_county,
    teams_file,
)

SQUAD = "礁山村应急救援小分队"


@pytest.fixture
def county(sqlite_db: Database, tmp_path: Path) -> Database:
    small_county(sqlite_db)
    report = run_import(
        db=sqlite_db,
        actor=ADMIN,
        kind="teams",
        path=teams_file(tmp_path / "队伍.xlsx", SOUND_TEAMS),
    )
    assert report.ok and report.inserted == 3, report.problems
    return sqlite_db


def members(db: Database, path: Path, **options: object) -> ImportReport:
    return run_import(db=db, actor=ADMIN, kind="members", path=path, options=options)


def reasons(report: ImportReport) -> str:
    return "\n".join(p.describe() for p in report.problems)


def people(db: Database) -> dict[str, Rescuer]:
    with db.session(ADMIN) as session:
        found = {r.name: r for r in session.scalars(select(Rescuer))}
        session.expunge_all()
    return found


# -- teams ----------------------------------------------------------------------------


def test_teams_with_classes_specialties_grades_and_homes(db: Database, tmp_path: Path) -> None:
    small_county(db)
    report = run_import(
        db=db, actor=ADMIN, kind="teams", path=teams_file(tmp_path / "t.xlsx", SOUND_TEAMS)
    )
    assert report.ok and report.inserted == 3
    with db.session(ADMIN) as session:
        teams = {t.name: t for t in list_teams(session=session)}
    town = teams["松门镇综合应急救援队"]
    assert town.team_class == "town_team" and town.home == TOWN
    assert town.leader_mobile == "13905761001" and town.contact_mobile == "0576-86660001"
    assert teams[SQUAD].home == VILLAGE and teams[SQUAD].team_class == "village_squad"
    assert teams["温岭蓝天救援队"].specialties == (("mountain", 3), ("water", 2))
    assert teams["温岭蓝天救援队"].leader_mobile == "13905761003"
    again = run_import(
        db=db, actor=ADMIN, kind="teams", path=teams_file(tmp_path / "t.xlsx", SOUND_TEAMS)
    )
    assert (again.inserted, again.updated) == (0, 3)


def test_bases_copied_from_amap_are_converted_with_crs_gcj02(
    sqlite_db: Database, tmp_path: Path
) -> None:
    small_county(sqlite_db)
    lon, lat = wgs84_to_gcj02(121.566, 28.347)
    row = [*SOUND_TEAMS[0][:7], lon, lat, *SOUND_TEAMS[0][9:]]
    path = teams_file(tmp_path / "t.xlsx", [row])
    report = run_import(
        db=sqlite_db, actor=ADMIN, kind="teams", path=path, options={"crs": "gcj02"}
    )
    assert report.ok
    with sqlite_db.session(ADMIN) as session:
        (team,) = list_teams(session=session)
    assert team.lon == pytest.approx(121.566, abs=1e-5)
    assert team.lat == pytest.approx(28.347, abs=1e-5)


def test_a_team_list_with_unknown_words_names_row_column_and_reason(
    sqlite_db: Database, tmp_path: Path
) -> None:
    small_county(sqlite_db)
    rows = [
        [1, "甲队", "民兵连", "水域救援", TOWN, "", "", 121.5, 28.3, "", "", "", "", ""],
        [2, "乙队", "突击队", "挖掘机", TOWN, "", "", 121.5, 28.3, "", "", "", "", ""],
        [3, "丙队", "突击队", "水域救援", "大溪镇", "", "", 28.3, 121.5, "", "", "", "", ""],
        [4, "甲队", "突击队", "水域救援", TOWN, "无此村", "", "", "", "", "12345", "", "", ""],
    ]
    report = run_import(
        db=sqlite_db, actor=ADMIN, kind="teams", path=teams_file(tmp_path / "t.xlsx", rows)
    )
    assert not report.ok and report.rows_written == 0
    text = reasons(report)
    assert "row 3, column C" in text and "民兵连" in text
    assert "挖掘机" in text and "大溪镇" in text and "swapped" in text
    assert "无此村" in text and "甲队" in text and "row 6, column K" in text


# -- members: which team ----------------------------------------------------------------


def test_the_title_names_the_team(county: Database, tmp_path: Path) -> None:
    path = roster(tmp_path / "花名册.xlsx", [member_row(1, post="队长"), member_row(2)])
    report = members(county, path)
    assert report.ok and report.inserted == 2, reasons(report)
    with county.session(ADMIN) as session:
        rows = list_members(session=session)
    assert {r.team for r in rows} == {SQUAD}
    assert [r.post for r in rows] == ["leader", "member"]


def test_team_option_gives_the_team_of_a_roster_without_title(
    county: Database, tmp_path: Path
) -> None:
    path = roster(tmp_path / "名单.xlsx", [member_row(1)], title=None)
    refused = members(county, path)
    assert not refused.ok and "--team" in reasons(refused)
    report = members(county, path, team="温岭蓝天救援队")
    assert report.ok
    with county.session(ADMIN) as session:
        assert [r.team for r in list_members(session=session)] == ["温岭蓝天救援队"]


def test_an_unknown_or_ambiguous_team_refuses_the_file(county: Database, tmp_path: Path) -> None:
    unknown = members(
        county, roster(tmp_path / "a.xlsx", [member_row(1)], title="大溪镇救援队队员花名册")
    )
    assert not unknown.ok and "大溪镇救援队" in reasons(unknown) and "title" in reasons(unknown)
    ambiguous = members(
        county, roster(tmp_path / "b.xlsx", [member_row(1)], title=None), team="救援"
    )
    assert not ambiguous.ok
    assert "several" in reasons(ambiguous) and "温岭蓝天救援队" in reasons(ambiguous)
    with county.session(ADMIN) as session:
        assert list_members(session=session) == []


def test_a_team_column_puts_each_row_in_its_team_and_one_person_in_two(
    county: Database, tmp_path: Path
) -> None:
    rows = [member_row(1), member_row(1, post="副队长"), member_row(2)]
    path = roster(
        tmp_path / "全县.xlsx",
        rows,
        title="温岭市救援队员花名册",
        team_column=[SQUAD, "温岭蓝天救援队", "温岭蓝天救援队"],
    )
    report = members(county, path)
    assert report.ok and report.inserted == 3, reasons(report)
    with county.session(ADMIN) as session:
        rows_read = list_members(session=session)
        assert session.scalar(select(func.count()).select_from(Rescuer)) == 2
        assert session.scalar(select(func.count()).select_from(Insurance)) == 2
    assert {(r.team, r.post) for r in rows_read if r.name == "队员001"} == {
        (SQUAD, "member"),
        ("温岭蓝天救援队", "deputy"),
    }
    bad = roster(tmp_path / "坏.xlsx", [member_row(3)], title=None, team_column=["不存在队"])
    refused = members(county, bad)
    assert not refused.ok and "row 4, column Q" in reasons(refused)


# -- members: identity numbers ----------------------------------------------------------


def test_identity_numbers_excel_turned_into_numbers_are_refused(
    county: Database, tmp_path: Path
) -> None:
    rows = [
        member_row(1, id="3.31081E+17"),
        member_row(2, id=float(ident(2)[:17] + "0")),
        member_row(3),
    ]
    report = members(county, roster(tmp_path / "科学计数.xlsx", rows))
    assert not report.ok and report.rows_written == 0
    text = reasons(report)
    assert "row 4, column E" in text and "3.31081E+17" in text and "scientific" in text
    assert "row 5, column E" in text and "15" in text
    assert people(county) == {}


def test_lower_case_x_fifteen_digits_and_wrong_check_digits(
    county: Database, tmp_path: Path
) -> None:
    with_x = "11010519491231002x"
    rows = [
        member_row(1, id=with_x, name="李晓", sex="女", birth="1949-12-31"),
        member_row(2, id="331081850312021", birth=""),
        member_row(3, id=ident(3)[:-1] + ("1" if ident(3)[-1] != "1" else "2")),
    ]
    path = roster(tmp_path / "号码.xlsx", rows)
    report = members(county, path)
    assert not report.ok and "check digit" in reasons(report) and "row 6" in reasons(report)
    report = run_import(db=county, actor=ADMIN, kind="members", path=path, valid_only=True)
    assert report.rows_written == 2
    found = people(county)
    assert found["李晓"].id_number == "11010519491231002X"
    assert (
        found["队员002"].id_number
        == ident(2, month_day="0312")[:6] + "19850312021" + found["队员002"].id_number[-1]
    )
    assert found["队员002"].birth_date == date(1985, 3, 12) and found["队员002"].sex == "M"


def test_the_given_birth_date_and_sex_must_agree_with_the_number(
    county: Database, tmp_path: Path
) -> None:
    rows = [member_row(1, birth="1990年1月1日"), member_row(2, sex="女")]
    report = members(county, roster(tmp_path / "不符.xlsx", rows))
    text = reasons(report)
    assert "row 4, column D" in text and "1990-01-01" in text and "1985-03-12" in text
    assert "row 5, column C" in text


def test_the_same_person_twice_in_a_roster_is_one_cause(county: Database, tmp_path: Path) -> None:
    rows = [member_row(1), member_row(2), member_row(1), member_row(4)]
    report = members(county, roster(tmp_path / "重复.xlsx", rows))
    assert not report.ok
    (problem,) = report.problems
    assert "4、6" in problem.reason and problem.column == "E"


def test_one_number_under_two_names_is_refused(county: Database, tmp_path: Path) -> None:
    assert members(county, roster(tmp_path / "a.xlsx", [member_row(1)])).ok
    report = members(county, roster(tmp_path / "b.xlsx", [member_row(1, name="别人")]))
    assert not report.ok and "队员001" in reasons(report) and "别人" in reasons(report)


# -- members: dates, mobiles, layout ---------------------------------------------------


def test_dates_typed_every_way_and_excel_serials(county: Database, tmp_path: Path) -> None:
    rows = [
        member_row(1, ins_to="2026.6.30"),
        member_row(2, ins_to="2026/06/30"),
        member_row(3, ins_to="2026年6月30日"),
        member_row(4, ins_to=46203),  # what a date cell formatted as a number shows
        member_row(5, birth=date(1985, 3, 12), ins_to="20260630"),
    ]
    report = members(county, roster(tmp_path / "日期.xlsx", rows))
    assert report.ok, reasons(report)
    with county.session(ADMIN) as session:
        ends = set(session.scalars(select(Insurance.ends)))
    assert ends == {date(2026, 6, 30)}
    bad = members(county, roster(tmp_path / "坏日期.xlsx", [member_row(6, ins_to="明年六月")]))
    assert not bad.ok and "row 4, column N" in reasons(bad) and "2025.6.30" in reasons(bad)


def test_mobiles_with_spaces_and_dashes(county: Database, tmp_path: Path) -> None:
    rows = [
        member_row(1, mobile="139 0576 0001"),
        member_row(2, mobile="139-0576-0002"),
        member_row(3, mobile=13905760003),
        member_row(4, mobile="+86 139 0576 0004"),
    ]
    assert members(county, roster(tmp_path / "手机.xlsx", rows)).ok
    assert sorted(p.mobile or "" for p in people(county).values()) == [
        f"1390576000{n}" for n in range(1, 5)
    ]


def test_merged_headers_certificates_total_and_blank_separator_rows(
    county: Database, tmp_path: Path
) -> None:
    blank = [None] * 16
    rows = [
        member_row(1, cert="潜水员证", cert_no="D-001", cert_to="2027.5.1"),
        blank,
        member_row(2),
        ["", "合计", "2人"] + [None] * 13,
    ]
    report = members(county, roster(tmp_path / "合并.xlsx", rows))
    assert report.ok and report.inserted == 2 and report.rows_skipped == 1, reasons(report)
    with county.session(ADMIN) as session:
        first = next(r for r in list_members(session=session) if r.name == "队员001")
    assert first.certificates == (("潜水员证", date(2027, 5, 1)),)
    assert first.insurance_ends == date(2026, 12, 31)
    assert first.emergency_contact == "家属" and first.emergency_mobile == "0576-86660000"


def test_a_roster_saved_as_xls(county: Database, tmp_path: Path) -> None:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("花名册")
    sheet.write(0, 0, f"{SQUAD}队员花名册")
    for c, label in enumerate(["序号", "姓名", "性别", "身份证号", "手机", "保险到期"]):
        sheet.write(1, c, label)
    for r, n in enumerate((1, 2), start=2):
        for c, value in enumerate([n, f"队员{n}", "男", ident(n), f"1390576000{n}", "2026.12.31"]):
            sheet.write(r, c, value)
    book.save(str(tmp_path / "花名册.xls"))
    report = members(county, tmp_path / "花名册.xls")
    assert report.ok and report.inserted == 2, reasons(report)


# -- experts ----------------------------------------------------------------------------


def test_experts_with_two_level_fields_and_periods(sqlite_db: Database, tmp_path: Path) -> None:
    lines = [
        ["温岭市应急管理专家库"],
        [
            "序号",
            "姓名",
            "专业领域",
            "二级分类",
            "专业",
            "工作单位",
            "职称",
            "聘期",
            "手机",
            "是否可用",
        ],
        [
            1,
            "周水利",
            "自然灾害",
            "防汛抗旱",
            "水工结构",
            "市水利局",
            "高级工程师",
            "2024.1.1-2026.12.31",
            "139 0576 2001",
            "是",
        ],
        [
            2,
            "吴化工",
            "事故灾难",
            "危险化学品",
            "化工安全",
            "某化工公司",
            "正高级工程师",
            "2024年1月-2026年12月",
            "13905762002",
            "否",
        ],
        [3, "郑地质", "防汛抗旱", "", "", "市资规局", "", "", "", ""],
    ]
    report = run_import(
        db=sqlite_db, actor=ADMIN, kind="experts", path=save(tmp_path / "专家.xlsx", lines)
    )
    assert report.ok and report.inserted == 3, reasons(report)
    with sqlite_db.session(ADMIN) as session:
        experts = {e.name: e for e in list_experts(session=session)}
    assert (experts["周水利"].field, experts["周水利"].subfield) == ("natural", "防汛抗旱")
    assert experts["周水利"].appointed_to == date(2026, 12, 31)
    assert experts["吴化工"].appointed_from == date(2024, 1, 1) and not experts["吴化工"].available
    assert experts["郑地质"].field == "natural"
    bad = [
        lines[0],
        lines[1],
        [1, "钱某", "天文", "", "", "", "", "", "", ""],
        [2, "孙某", "自然灾害", "天文观测", "", "", "", "", "", ""],
    ]
    refused = run_import(
        db=sqlite_db, actor=ADMIN, kind="experts", path=save(tmp_path / "坏.xlsx", bad)
    )
    assert not refused.ok and "天文" in reasons(refused) and "防汛抗旱" in reasons(refused)


def test_teams_are_stored_once(county: Database) -> None:
    with county.session(ADMIN) as session:
        assert session.scalar(select(func.count()).select_from(Team)) == 3
