"""`import typhoon`: a track from CSV or Excel, refused with reasons, all or nothing.

Runs on SQLite and, with ECC_TEST_DATABASE_URL, on PostgreSQL (the `db` fixture).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from models.audit import AuditRecord
from models.database import Database
from models.imports import format_report
from models.imports.typhoon import TyphoonImportReport, import_typhoon
from models.typhoons import Typhoon, TyphoonPoint, load_track
from models.users import Actor, PermissionDenied
from tests.conftest import ADMIN

VIEWER = Actor(name="test-viewer", role="viewer")

CHINESE_HEADER = "时间,经度,纬度,中心气压,最大风速,七级风圈半径,十级风圈半径,十二级风圈半径,预报"
GOOD_ROWS = [
    "2026-08-09 08:00,123.95,26.60,935,52,350/330/270/280,150/140/110/120,80/70/50/60,否",
    "2026-08-09 14:00,123.10,27.25,935,52,340/320/260/280,150/130/110/120,75/65/50/55,否",
    "2026-08-09T12:00:00Z,122.30,27.85,940,50,东北330 东南310 西南250 西北270,140,70,实况",
    "2026-08-10 02:00,121.52,28.30,950,45,300,120,60,预报",
    "2026-08-10 08:00,121.05,28.75,965,38,260,90,,是",
]


def write_csv(path: Path, header: str, rows: list[str]) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def run(db: Database, path: Path, actor: Actor = ADMIN, **options: Any) -> TyphoonImportReport:
    with db.session(actor) as session:
        return import_typhoon(session=session, path=path, **options)


def stored(db: Database) -> tuple[int, int, int]:
    """Typhoons, points and audit records in the database."""
    with db.session(ADMIN) as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Typhoon, TyphoonPoint, AuditRecord)
        )


def test_good_csv_imports_with_beijing_time_and_quadrants(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "2606_演示.csv", CHINESE_HEADER, GOOD_ROWS)
    report = run(db, path)
    assert report.ok, format_report(report)
    assert (report.code, report.name) == ("2606", "演示")
    assert (report.inserted, report.rows_written) == (5, 5)
    with db.session(ADMIN) as session:
        track = load_track(session=session, typhoon_id=report.typhoon_id or 0)
        audit = session.scalars(select(AuditRecord)).all()
    assert track is not None and track.source == "2606_演示.csv"
    times = [p.at for p in track.points]
    assert times == [
        datetime(2026, 8, 9, 0, tzinfo=UTC),
        datetime(2026, 8, 9, 6, tzinfo=UTC),
        datetime(2026, 8, 9, 12, tzinfo=UTC),
        datetime(2026, 8, 9, 18, tzinfo=UTC),
        datetime(2026, 8, 10, 0, tzinfo=UTC),
    ]
    first, _, third, fourth, fifth = track.points
    assert first.r7 == (350, 330, 270, 280) and first.r12 == (80, 70, 50, 60)
    assert third.r7 == (330, 310, 250, 270) and third.r10 == (140,) * 4
    assert fourth.r7 == (300,) * 4 and fifth.r12 is None
    assert first.pressure_hpa == 935 and first.max_wind_ms == 52
    assert [p.is_forecast for p in track.points] == [False, False, False, True, True]
    assert [(a.action, a.table_name, a.rows) for a in audit] == [("bulk", "typhoon_points", 5)]
    assert json.loads(audit[0].changes or "{}")["source"] == "2606_演示.csv"


def test_xlsx_with_quadrant_columns_under_merged_headers(db: Database, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["台风路径"])
    ws.append(
        [
            "时间",
            "经度",
            "纬度",
            "中心气压",
            "最大风速",
            "七级风圈半径(km)",
            None,
            None,
            None,
            "十级风圈半径(km)",
            None,
            None,
            None,
            "是否预报",
        ]
    )
    ws.append([None] * 5 + ["东北", "东南", "西南", "西北"] * 2 + [None])
    for first, last in (("F2", "I2"), ("J2", "M2")):
        ws.merge_cells(f"{first}:{last}")
    for col in "ABCDEN":
        ws.merge_cells(f"{col}2:{col}3")
    ws.append(
        [
            datetime(2026, 8, 9, 20),
            122.3,
            27.85,
            940,
            50,
            330,
            310,
            250,
            270,
            140,
            120,
            100,
            110,
            "否",
        ]
    )
    ws.append(
        [
            datetime(2026, 8, 10, 2),
            121.52,
            28.30,
            950,
            45,
            300,
            280,
            240,
            250,
            None,
            None,
            None,
            None,
            "是",
        ]
    )
    path = tmp_path / "track.xlsx"
    wb.save(path)
    report = run(db, path, code="2606", name="演示台风")
    assert report.ok, format_report(report)
    with db.session(ADMIN) as session:
        track = load_track(session=session, typhoon_id=report.typhoon_id or 0)
    assert track is not None
    assert track.points[0].at == datetime(2026, 8, 9, 12, tzinfo=UTC)
    assert track.points[0].r7 == (330, 310, 250, 270)
    assert track.points[0].r10 == (140, 120, 100, 110)
    assert track.points[1].r10 is None and track.points[1].is_forecast


def test_english_quadrant_columns(db: Database, tmp_path: Path) -> None:
    header = "time,lon,lat,pressure,max_wind,r7_ne,r7_se,r7_sw,r7_nw,r10,forecast"
    rows = ["2026-08-09T20:00+08:00,122.3,27.85,940,50,330,310,250,270,140,no"]
    report = run(db, write_csv(tmp_path / "2606.csv", header, rows), name="Demo")
    assert report.ok, format_report(report)
    with db.session(ADMIN) as session:
        track = load_track(session=session, typhoon_id=report.typhoon_id or 0)
    assert track is not None and track.points[0].r7 == (330, 310, 250, 270)


REFUSALS = [
    # (row as written, column letter, value, words of the reason)
    ("yesterday,122.3,27.85,940,50,300,120,60,否", "A", "yesterday", "Not a time"),
    ("2026-08-09,122.3,27.85,940,50,300,120,60,否", "A", "2026-08-09", "hour"),
    ("2026-08-09 20:00,27.85,122.3,940,50,300,120,60,否", "B", "27.85", "swapped"),
    ("2026-08-09 20:00,200,27.85,940,50,300,120,60,否", "B", "200", "longitude"),
    ("2026-08-09 20:00,122.3,75,940,50,300,120,60,否", "C", "75", "latitude"),
    ("2026-08-09 20:00,122.3,27.85,940,50,-300,120,60,否", "F", "-300", "negative"),
    (
        "2026-08-09 20:00,122.3,27.85,940,50,110,100/120/100/100,60,否",
        "G",
        "100/120/100/100",
        "force-10 radius is larger",
    ),
    ("2026-08-09 20:00,122.3,27.85,940,50,300,120,150,否", "H", "150", "force-12 radius is larger"),
    ("2026-08-09 20:00,122.3,27.85,940,50,300/200,120,60,否", "F", "300/200", "four"),
    ("2026-08-09 20:00,122.3,27.85,1100,50,300,120,60,否", "D", "1100", "pressure"),
    ("2026-08-09 20:00,122.3,27.85,940,50,300,120,60,也许", "I", "也许", "forecast"),
]


@pytest.mark.parametrize(("line", "column", "value", "words"), REFUSALS)
def test_each_refusal_names_row_column_and_value(
    db: Database, tmp_path: Path, line: str, column: str, value: str, words: str
) -> None:
    path = write_csv(tmp_path / "2606_演示.csv", CHINESE_HEADER, [GOOD_ROWS[0], line])
    report = run(db, path)
    assert not report.ok and report.rows_written == 0
    assert [(p.row, p.column, p.value) for p in report.problems] == [(3, column, value)]
    assert words.lower() in report.problems[0].reason.lower()
    assert stored(db) == (0, 0, 0)  # nothing written, not even an audit record
    assert "Nothing was written" in format_report(report)


def test_duplicate_times_refuse_every_row_carrying_them(db: Database, tmp_path: Path) -> None:
    rows = [GOOD_ROWS[0], GOOD_ROWS[1], "2026-08-09T00:00Z,124.0,26.5,935,52,300,120,60,否"]
    report = run(db, write_csv(tmp_path / "2606_x.csv", CHINESE_HEADER, rows))
    assert [(p.row, p.column) for p in report.problems] == [(2, "A"), (4, "A")]
    assert "rows 2, 4" in report.problems[0].reason
    assert stored(db) == (0, 0, 0)


def test_a_jump_no_typhoon_makes_is_refused(db: Database, tmp_path: Path) -> None:
    rows = [GOOD_ROWS[0], "2026-08-09 11:00,113.95,26.60,935,52,300,120,60,否"]
    report = run(db, write_csv(tmp_path / "2606_x.csv", CHINESE_HEADER, rows))
    assert [(p.row, p.column) for p in report.problems] == [(3, "B")]
    assert "km/h" in report.problems[0].reason


def test_valid_only_and_dry_run(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "2606_演示.csv", CHINESE_HEADER, [*GOOD_ROWS, REFUSALS[0][0]])
    dry = run(db, path, dry_run=True)
    assert dry.inserted == 5 and dry.rows_written == 0 and len(dry.problems) == 1
    assert stored(db) == (0, 0, 0)
    report = run(db, path, valid_only=True)
    assert report.rows_written == 5 and len(report.problems) == 1
    assert stored(db) == (1, 5, 1)


def test_a_newer_bulletin_updates_and_supersedes_the_forecast(db: Database, tmp_path: Path) -> None:
    run(db, write_csv(tmp_path / "2606_演示.csv", CHINESE_HEADER, GOOD_ROWS))
    newer = [
        GOOD_ROWS[2],  # unchanged
        "2026-08-10 02:00,121.52,28.30,948,46,300,120,60,否",  # now observed, changed
        "2026-08-10 14:00,120.80,29.20,975,30,220,60,,是",  # new forecast
    ]
    report = run(db, write_csv(tmp_path / "2606_update.csv", CHINESE_HEADER, newer))
    assert report.ok, format_report(report)
    assert (report.inserted, report.updated, report.unchanged, report.superseded) == (1, 1, 1, 1)
    with db.session(ADMIN) as session:
        track = load_track(session=session, typhoon_id=report.typhoon_id or 0)
    assert track is not None and track.name == "演示"  # the name stays as it was
    assert [p.at.strftime("%d %H") for p in track.points] == [
        "09 00",
        "09 06",
        "09 12",
        "09 18",
        "10 06",
    ]
    assert not track.points[3].is_forecast and track.points[3].pressure_hpa == 948
    assert stored(db) == (1, 5, 2)


def test_the_typhoon_must_be_named(db: Database, tmp_path: Path) -> None:
    report = run(db, write_csv(tmp_path / "track.csv", CHINESE_HEADER, GOOD_ROWS))
    assert [p.row for p in report.problems] == [None]
    assert "code" in report.problems[0].reason
    report = run(db, write_csv(tmp_path / "2606.csv", CHINESE_HEADER, GOOD_ROWS))
    assert "name" in report.problems[0].reason
    assert stored(db) == (0, 0, 0)
    header = CHINESE_HEADER + ",台风编号,台风名称"
    rows = [row + ",2606,演示" for row in GOOD_ROWS[:2]]
    assert run(db, write_csv(tmp_path / "track.csv", header, rows)).ok
    rows = [GOOD_ROWS[0] + ",2606,演示", GOOD_ROWS[1] + ",2607,另一个"]
    report = run(db, write_csv(tmp_path / "track2.csv", header, rows))
    assert [(p.row, p.column) for p in report.problems] == [(3, "J"), (3, "K")]


def test_cancel_and_permission(db: Database, tmp_path: Path) -> None:
    class Cancelled:
        cancelled = True

    path = write_csv(tmp_path / "2606_演示.csv", CHINESE_HEADER, GOOD_ROWS)
    assert run(db, path, cancel=Cancelled()).cancelled
    with pytest.raises(PermissionDenied):
        run(db, path, actor=VIEWER)
    assert stored(db) == (0, 0, 0)


def test_a_file_that_is_not_a_track(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "2606_x.csv", "名称,代码", ["温岭,331081"])
    report = run(db, path)
    assert report.file_failed and report.problems[0].column is None
    assert "时间" in report.problems[0].reason
    assert stored(db) == (0, 0, 0)
