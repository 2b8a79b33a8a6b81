"""``import households``: the village transfer list as villages really fill it.

Formatting mess is normalised and imported; each real error is refused with the
sheet, Excel row, column letter, value and reason; nothing is written unless
every row is good (or only the valid rows were asked for). Runs on SQLite and,
with ECC_TEST_DATABASE_URL, on PostgreSQL.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from models.areas import Division
from models.audit import AuditRecord
from models.database import Database
from models.events import start_event
from models.geo.crs import wgs84_to_gcj02
from models.imports import format_report
from models.imports.households import import_households, village_from_title
from models.imports.report import ImportReport
from models.text_index import differences
from models.transfers import (
    HOUSEHOLD_NAMES,
    Household,
    TransferRecord,
    find_subjects,
    get_transfer,
    record_for,
    tallies_match_records,
)
from models.users import Actor, PermissionDenied
from tests.conftest import ADMIN
from tests.models.test_transfers import Register, add_household, make_register

HEADER_TOP: list[Any] = [
    "序号",
    "危险区（点）名称",
    "类别",
    "位置",
    "经度",
    "纬度",
    "户主姓名",
    "居住人数",
    "户主手机",
    "责任人",
    None,
    None,
    "预警责任人",
    None,
    None,
    "避灾场所名称",
    "有无安全鉴定",
    "避灾场所管理员",
    "避灾场所管理员手机",
    "备注",
    "网格",
    "老人",
    "残疾",
    "卧床",
    "儿童",
    "孕妇",
]
HEADER_SUB: list[Any] = [None] * 9 + ["姓名", "职务", "手机", "姓名", "职务", "手机"] + [None] * 11
FLAT_HEADER = [
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
ZONE = "东门社区后山溪山洪危险区"
SHELTER = "东门社区文化礼堂避灾安置点"
TITLE = "太平街道东门社区危险区人员转移清单（2026年）"
PLANNER = Actor(name="planner", role="planner")


def row(
    seq: Any = None,
    *,
    zone: Any = ZONE,
    location: Any = "后山路1号",
    lon: Any = 121.38,
    lat: Any = 28.37,
    name: Any = "张三",
    residents: Any = 3,
    phone: Any = "13912345678",
    t_name: Any = "王网格",
    t_post: Any = "网格长",
    t_phone: Any = "13700000001",
    w_name: Any = "李预警",
    w_post: Any = "监测员",
    w_phone: Any = "13800000005",
    shelter: Any = SHELTER,
    note: Any = None,
    grid: Any = None,
    elderly: Any = None,
    disabled: Any = None,
    bedridden: Any = None,
    children: Any = None,
    pregnant: Any = None,
) -> list[Any]:
    return [
        seq,
        zone,
        "山洪",
        location,
        lon,
        lat,
        name,
        residents,
        phone,
        t_name,
        t_post,
        t_phone,
        w_name,
        w_post,
        w_phone,
        shelter,
        "有",
        "李管理",
        "13800000002",
        note,
        grid,
        elderly,
        disabled,
        bedridden,
        children,
        pregnant,
    ]


def write_list(
    path: Path,
    rows: list[list[Any]],
    *,
    title: str | None = TITLE,
    merged_groups: bool = True,
    subtitle: str | None = None,
    sheet: str = "Sheet1",
) -> Path:
    """The list as a village fills it: a merged title, a two-row header with merged group
    cells (or the flat one-row header), then the rows."""
    workbook = openpyxl.Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = sheet
    width = len(HEADER_TOP)
    if title is not None:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    if subtitle is not None:
        ws.append([subtitle])
    if merged_groups:
        top = ws.max_row + 1 if ws.max_row > 1 or title is not None else 1
        ws.append(HEADER_TOP)
        ws.append(HEADER_SUB)
        for column, value in enumerate(HEADER_TOP, start=1):
            if value is not None and value not in ("责任人", "预警责任人"):
                ws.merge_cells(
                    start_row=top, start_column=column, end_row=top + 1, end_column=column
                )
        ws.merge_cells(start_row=top, start_column=10, end_row=top, end_column=12)
        ws.merge_cells(start_row=top, start_column=13, end_row=top, end_column=15)
    else:
        ws.append(FLAT_HEADER)
        rows = [r[:20] for r in rows]
    for values in rows:
        ws.append(values)
    workbook.save(path)
    return path


def run(db: Database, path: Path, actor: Actor = ADMIN, **options: Any) -> ImportReport:
    with db.session(actor) as session:
        return import_households(session=session, path=path, **options)


def households(db: Database) -> dict[str, dict[str, Any]]:
    with db.session(ADMIN) as session:
        table = Household.__table__
        return {r.householder_name: dict(r._mapping) for r in session.execute(select(table))}


def problems(report: ImportReport) -> list[tuple[str | None, int | None, str | None, str]]:
    return [(p.sheet, p.row, p.column, p.value) for p in report.problems]


@pytest.fixture
def register(db: Database) -> Register:
    with db.session(ADMIN) as session:
        return make_register(session)


# -- formatting mess, normalised ------------------------------------------------------------


def test_a_messy_real_looking_list_imports_cleanly(
    db: Database, register: Register, tmp_path: Path
) -> None:
    rows = [
        row(
            1,
            name=" 张　三 ",
            residents="3人",
            phone=13912345678,
            location=" 后山路１２号 ",
            t_phone="１３７００００００01",
            w_phone="1.3800000005E10",
            lon="１２１.３８",
            note="独居老人",
            grid="东门社区第1网格",
            elderly="1人",
            children=1,
        ),
        [None] * 26,  # a blank row
        row(
            2,
            name="李四",
            residents=2.0,
            phone="138 1234 0001",
            lon=None,
            lat=None,
            shelter=" 太平街道中心小学避灾安置场所 ",
            t_name=" 王 网格 ",
        ),
        row(
            3,
            name="王五",
            residents="４",
            phone=None,
            lon="121°22′48″",
            lat="28°22′12″",
            shelter=None,
            pregnant="1",
        ),
        [4] + [None] * 25,  # a pre-numbered empty row
        ["合计", None, None, None, None, None, None, "9人"] + [None] * 18,
    ]
    path = write_list(
        tmp_path / "东门社区转移清单.xlsx",
        rows,
        subtitle="填报单位：东门社区　　填报日期：2026年5月1日",
    )
    report = run(db, path)
    assert report.ok, format_report(report)
    assert (report.rows_read, report.inserted, report.rows_written) == (3, 3, 3)
    assert report.rows_skipped == 2  # the 合计 row and the numbered empty row
    found = households(db)
    assert set(found) == {"张三", "李四", "王五"}
    zhang = found["张三"]
    assert (zhang["year"], zhang["village_id"]) == (2026, register.a1)
    assert zhang["residents"] == 3
    assert zhang["householder_phone"] == "13912345678"
    assert zhang["transfer_person_phone"] == "13700000001"
    assert zhang["warning_person_phone"] == "13800000005"
    assert zhang["location"] == "后山路12号"
    assert (zhang["lon"], zhang["lat"]) == (pytest.approx(121.38), pytest.approx(28.37))
    assert (zhang["elderly"], zhang["children"], zhang["note"]) == (1, 1, "独居老人")
    assert zhang["shelter_id"] == register.shelters["S1"]
    assert zhang["grid_id"] == register.grid_a1
    assert zhang["danger_zone_id"] == register.zones["z1"]
    assert (zhang["name_initials"], zhang["phone_last4"]) == ("zs", "5678")
    li = found["李四"]
    assert (li["residents"], li["householder_phone"]) == (2, "13812340001")
    assert li["transfer_person_name"] == "王网格"
    assert li["shelter_id"] == register.shelters["S3"]
    assert li["grid_id"] == register.grid_a1  # the danger zone's grid when none is given
    wang = found["王五"]
    assert (wang["residents"], wang["householder_phone"], wang["pregnant"]) == (4, None, 1)
    assert (wang["lon"], wang["lat"]) == (pytest.approx(121.38), pytest.approx(28.37))
    assert all(len(h["card_code"]) == 10 for h in found.values())
    with db.session(ADMIN) as session:
        audit = session.execute(
            select(AuditRecord.action, AuditRecord.rows, AuditRecord.changes).where(
                AuditRecord.table_name == "households"
            )
        ).all()
    assert [(a, n) for a, n, _ in audit] == [("bulk", 3)]
    assert json.loads(audit[0][2])["source"] == "东门社区转移清单.xlsx"


def test_flat_header_and_legacy_xls(db: Database, register: Register, tmp_path: Path) -> None:
    import xlwt

    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("东门社区")
    sheet.write_merge(0, 0, 0, 25, "太平街道东门社区危险区人员转移清单")
    for column, value in enumerate(HEADER_TOP):
        if value in ("责任人", "预警责任人"):
            sheet.write_merge(1, 1, column, column + 2, value)
        elif value is not None:
            sheet.write_merge(1, 2, column, column, value)
    for column, value in enumerate(HEADER_SUB):
        if value is not None:
            sheet.write(2, column, value)
    for r, values in enumerate(
        [row(1, phone=13912345678.0, residents=3.0), row(2, name="李四", phone="13812340001")],
        start=3,
    ):
        for column, value in enumerate(values):
            if value is not None:
                sheet.write(r, column, value)
    path = tmp_path / "东门社区.xls"
    workbook.save(str(path))
    report = run(db, path, year=2026)
    assert report.ok, format_report(report)
    assert report.sheet == "东门社区" and report.inserted == 2
    assert households(db)["张三"]["householder_phone"] == "13912345678"
    assert households(db)["张三"]["transfer_person_phone"] == "13700000001"

    flat = write_list(tmp_path / "flat.xlsx", [row(1, name="王五")], merged_groups=False)
    report = run(db, flat)
    assert report.ok, format_report(report)
    assert households(db)["王五"]["warning_person_phone"] == "13800000005"


# -- real errors, refused -------------------------------------------------------------------


def test_each_real_error_is_refused_with_where_and_why(
    db: Database, register: Register, tmp_path: Path
) -> None:
    rows = [
        row(1, name="甲", phone="1391234567"),  # row 3: a mobile of 10 digits
        row(2, name="乙", residents=0),  # row 4
        row(3, name="丙", residents="三人"),  # row 5
        row(4, name="丁", phone="13900000009"),  # row 6: listed twice
        row(5, name="丁", phone="13900000009"),  # row 7
        row(6, name="戊", shelter="不存在的避灾点"),  # row 8
        row(7, name="己", lon=28.37, lat=121.38),  # row 9: swapped
        row(8, name="庚", lon=120.1, lat=30.2),  # row 10: outside the county
        row(9, name="辛", zone="不存在的危险区"),  # row 11
        row(10, name="癸"),  # row 12: good
    ]
    # Title in row 1, the one-row header in row 2.
    path = write_list(tmp_path / "bad.xlsx", rows, merged_groups=False)
    report = run(db, path)
    assert not report.ok and report.exit_code == 1
    assert report.rows_written == 0
    assert households(db) == {}  # nothing written
    assert problems(report) == [
        ("Sheet1", 3, "I", "1391234567"),
        ("Sheet1", 4, "H", "0"),
        ("Sheet1", 5, "H", "三人"),
        ("Sheet1", 6, "G", "丁"),
        ("Sheet1", 8, "P", "不存在的避灾点"),
        ("Sheet1", 9, "E", "28.37"),
        ("Sheet1", 10, "E", "120.1"),
        ("Sheet1", 11, "B", "不存在的危险区"),
    ]
    reasons = [p.reason for p in report.problems]
    assert "mobile" in reasons[0]
    assert "at least 1" in reasons[1] and "at least 1" in reasons[2]
    assert "is listed 2 times" in reasons[3] and report.problems[3].rows == (6, 7)
    assert "No shelter" in reasons[4]
    assert "swapped" in reasons[5]
    assert "outside the county" in reasons[6]
    assert "No danger zone" in reasons[7]
    text = format_report(report)
    assert 'Sheet Sheet1, row 3, column I, value "1391234567"' in text
    assert "Nothing was written" in text
    # The extra columns: a count of elderly above the residents (title, two header rows).
    extra = write_list(tmp_path / "extra.xlsx", [row(1, name="壬", elderly=5)])
    report = run(db, extra)
    assert [(p.row, p.column, p.value) for p in report.problems] == [(4, "V", "5")]
    assert "More than the 3 residents" in report.problems[0].reason


def test_only_the_valid_rows_when_asked(db: Database, register: Register, tmp_path: Path) -> None:
    rows = [row(1, name="甲", phone="12345"), row(2, name="乙"), row(3, name="丙", residents="")]
    path = write_list(tmp_path / "some.xlsx", rows)
    dry = run(db, path, valid_only=True, dry_run=True)
    assert (dry.inserted, dry.rows_written) == (1, 0) and households(db) == {}
    report = run(db, path, valid_only=True)
    assert (report.inserted, report.rows_written, report.refused_rows) == (1, 1, 2)
    assert report.exit_code == 4  # written in part
    assert set(households(db)) == {"乙"}
    assert "Only the valid rows were imported" in format_report(report)


def test_the_village_comes_from_the_title_or_the_code(
    db: Database, register: Register, tmp_path: Path
) -> None:
    with db.session(ADMIN) as session:
        town_a = session.get(Division, register.town_a)
        assert town_a is not None
        session.add(
            Division(code="331081001003", name="东湖村", level="village", parent_id=register.town_a)
        )
        session.add(
            Division(code="331081101202", name="东湖村", level="village", parent_id=register.town_b)
        )
    unknown = run(
        db, write_list(tmp_path / "u.xlsx", [row(1)], title="某某镇某某村危险区人员转移清单")
    )
    assert unknown.file_failed and "No village" in unknown.problems[0].reason
    ambiguous = run(db, write_list(tmp_path / "a.xlsx", [row(1)], title="东湖村危险区人员转移清单"))
    assert ambiguous.file_failed and "several villages" in ambiguous.problems[0].reason
    assert "太平街道东湖村" in ambiguous.problems[0].reason
    untitled = run(db, write_list(tmp_path / "n.xlsx", [row(1)], title=None))
    assert untitled.file_failed and "--village" in untitled.problems[0].reason
    assert households(db) == {}
    # With the town in the title, or the code given, the village is known.
    with db.session(ADMIN) as session:
        villages = list(
            session.execute(
                select(Division.id, Division.code, Division.name, Division.parent_id).where(
                    Division.level == "village"
                )
            )
        )
    report = run(
        db,
        write_list(
            tmp_path / "code.xlsx",
            [row(1, zone="东海村东段海塘", shelter=None)],
            title="东湖村危险区人员转移清单",
        ),
        village_code="331081101201",
        year=2027,
    )
    assert report.ok, format_report(report)
    assert households(db)["张三"]["village_id"] == register.b1
    assert households(db)["张三"]["year"] == 2027
    bad_code = run(db, write_list(tmp_path / "bc.xlsx", [row(1)]), village_code="331081999999")
    assert bad_code.file_failed and "331081999999" in bad_code.problems[0].reason
    del villages


def test_village_from_title_prefers_the_longer_name() -> None:
    from models.imports.households.village import _Village

    villages = [
        _Village(1, "1", "东门社区", 10, "太平街道"),
        _Village(2, "2", "新东门社区", 10, "太平街道"),
        _Village(3, "3", "东湖村", 10, "太平街道"),
        _Village(4, "4", "东湖村", 11, "石塘镇"),
    ]
    assert village_from_title("太平街道新东门社区危险区人员转移清单", villages)[0] is villages[1]
    assert village_from_title("东门社区 危险区人员转移清单", villages)[0] is villages[0]
    assert village_from_title("石塘镇东湖村危险区人员转移清单", villages)[0] is villages[3]
    assert village_from_title("东湖村危险区人员转移清单", villages)[0] is None


# -- re-import, coordinates, events, permissions -------------------------------------------------


def test_a_reimport_keeps_the_card_codes(db: Database, register: Register, tmp_path: Path) -> None:
    first = write_list(tmp_path / "2026.xlsx", [row(1), row(2, name="李四", phone="13812340001")])
    assert run(db, first).inserted == 2
    codes = {name: h["card_code"] for name, h in households(db).items()}
    again = run(db, first)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 2)
    second = write_list(
        tmp_path / "2026-v2.xlsx",
        [
            row(1, residents=4),  # more residents
            row(2, name="李四", phone="13812349999"),  # a new mobile: matched by name and zone
            row(3, name="王五", phone="13700009999"),  # new
        ],
    )
    report = run(db, second)
    assert (report.inserted, report.updated, report.unchanged) == (1, 2, 0), format_report(report)
    found = households(db)
    assert found["张三"]["card_code"] == codes["张三"] and found["张三"]["residents"] == 4
    assert found["李四"]["card_code"] == codes["李四"]
    assert found["李四"]["householder_phone"] == "13812349999"
    assert found["王五"]["card_code"] not in codes.values()
    assert len(found) == 3


def test_a_list_imported_again_keeps_the_text_index(
    db: Database, register: Register, tmp_path: Path
) -> None:
    """New households of each import are found by a part of their name at once."""
    first = write_list(tmp_path / "2026.xlsx", [row(1, name="张伟明"), row(2, name="李晓红")])
    assert run(db, first).inserted == 2
    second = write_list(
        tmp_path / "2026-v2.xlsx",
        [
            row(1, name="张伟明", residents=5),  # changed
            row(2, name="李晓红"),
            row(3, name="王晓明", phone="13700009999"),  # new
        ],
    )
    report = run(db, second)
    assert (report.inserted, report.updated, report.unchanged) == (1, 1, 1)
    with db.session(ADMIN) as session:
        assert differences(session, HOUSEHOLD_NAMES).ok
        found = find_subjects(session=session, query="晓明", year=2026)
        assert [r.name for r in found] == ["王晓明"]
        assert sorted(r.name for r in find_subjects(session=session, query="晓", year=2026)) == [
            "李晓红",
            "王晓明",
        ]


def test_gcj02_coordinates_are_converted_only_when_asked(
    db: Database, register: Register, tmp_path: Path
) -> None:
    lon, lat = wgs84_to_gcj02(121.40, 28.40)
    path = write_list(tmp_path / "gcj.xlsx", [row(1, lon=round(lon, 7), lat=round(lat, 7))])
    report = run(db, path, crs="gcj02")
    assert report.ok, format_report(report)
    stored = households(db)["张三"]
    assert stored["lon"] == pytest.approx(121.40, abs=1e-6)
    assert stored["lat"] == pytest.approx(28.40, abs=1e-6)
    assert run(db, path).updated == 1  # as WGS84 the same numbers are another place
    assert households(db)["张三"]["lon"] == pytest.approx(lon, abs=1e-6)
    with pytest.raises(ValueError):
        run(db, path, crs="mercator")


def test_households_listed_during_an_event_get_records(
    db: Database, register: Register, tmp_path: Path
) -> None:
    """During the event a village's list brings its new households' records, and a list
    imported again moves its changed households' records (residents, shelter) at once;
    records of other villages are not touched."""
    with db.session(ADMIN) as session:
        event = start_event(session=session, name="台风")
        other = add_household(session, register.b1, register.zones["z3"], "赵六", 2)
        elsewhere = record_for(session=session, event_id=event.id, household_id=other)
    first = write_list(tmp_path / "late.xlsx", [row(1), row(2, name="李四", phone="13812340001")])
    assert run(db, first, year=None).ok

    def records() -> dict[str, tuple[int, int | None, int]]:
        with db.session(ADMIN) as session:
            assert tallies_match_records(session=session, event_id=event.id)
            return {
                name: (residents, shelter, version)
                for name, residents, shelter, version in session.execute(
                    select(
                        Household.householder_name,
                        TransferRecord.residents,
                        TransferRecord.shelter_id,
                        TransferRecord.version,
                    ).join(Household, Household.id == TransferRecord.household_id)
                )
            }

    s1, s3 = register.shelters["S1"], register.shelters["S3"]
    assert records() == {"张三": (3, s1, 1), "李四": (3, s1, 1), "赵六": (2, None, 1)}
    again = write_list(
        tmp_path / "late-v2.xlsx",
        [
            row(1, residents=5),  # two more residents
            row(2, name="李四", phone="13812340001", shelter="太平街道中心小学避灾安置场所"),
            row(3, name="王五", phone="13700009999"),  # new
        ],
    )
    report = run(db, again, actor=PLANNER, year=None)
    assert (report.inserted, report.updated) == (1, 2), format_report(report)
    assert records() == {
        "张三": (5, s1, 2),
        "李四": (3, s3, 2),
        "赵六": (2, None, 1),
        "王五": (3, s1, 1),
    }
    with db.session(ADMIN) as session:
        assert get_transfer(session=session, record_id=elsewhere.record_id) == elsewhere


def test_dry_run_cancel_progress_and_permission(
    db: Database, register: Register, tmp_path: Path
) -> None:
    path = write_list(tmp_path / "l.xlsx", [row(1), row(2, name="李四", phone=None)])
    dry = run(db, path, dry_run=True)
    assert (dry.inserted, dry.rows_written) == (2, 0) and households(db) == {}

    class Cancel:
        cancelled = True

    cancelled = run(db, path, cancel=Cancel())
    assert cancelled.cancelled and households(db) == {}
    seen: list[tuple[int, int]] = []
    run(db, path, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    with pytest.raises(PermissionDenied):
        run(db, path, actor=Actor(name="viewer", role="viewer"))
    assert run(db, path, actor=PLANNER).unchanged == 2


@pytest.mark.slow
@pytest.mark.serial  # measures time: run alone
def test_a_list_of_2000_rows_imports_quickly(
    db: Database, register: Register, tmp_path: Path
) -> None:
    rows = [
        row(n, name=f"住户{n}", phone=f"139{n:08d}", residents=f"{n % 6 + 1}人")
        for n in range(1, 2001)
    ]
    path = write_list(tmp_path / "big.xlsx", rows)
    started = time.perf_counter()
    report = run(db, path)
    seconds = time.perf_counter() - started
    assert report.ok and report.inserted == 2000
    assert seconds < 10, seconds  # about 0.5 s here
