"""Map imports never leave the database failing its own check (`db check`).

A grid, danger zone or shelter outside the outline of the village it names is refused,
naming the feature and the village, or moved with `reassign` to the village holding it;
a village outline that would leave its grids outside, or a town outline its villages, is
refused. After each import `db check` passes. The county of tests/models/imports/
test_gis.py: 东门村 the west half, 西门村 the east half; both backends (the `db` fixture).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shapely.geometry import Point, box
from sqlalchemy import select

from models.areas import DangerZone, Division, Shelter
from models.checks import check_database
from models.database import Database
from models.imports import format_report
from tests.cli_helpers import run_main
from tests.conftest import ADMIN
from tests.models.imports.test_gis import (
    COUNTY,
    EAST_VILLAGE,
    WEST_VILLAGE,
    county,  # noqa: F401  (the fixture)
    geometry_of,
    run,
    snapshot,
    write_geojson,
)

WEST_HALF, EAST_HALF = box(121.30, 28.30, 121.40, 28.50), box(121.40, 28.30, 121.50, 28.50)


def outlined(db: Database, tmp_path: Path) -> Database:
    path = write_geojson(
        tmp_path / "村界.geojson",
        [
            ({"区划代码": "331081001", "名称": "太平街道"}, COUNTY),
            ({"区划代码": EAST_VILLAGE, "名称": "东门村"}, WEST_HALF),
            ({"区划代码": WEST_VILLAGE, "名称": "西门村"}, EAST_HALF),
        ],
    )
    report = run(db, "boundaries", path)
    assert report.ok, format_report(report)
    return db


def sound(db: Database) -> bool:
    with db.session(ADMIN) as session:
        return check_database(session=session) == []


def village_of(db: Database, model: Any, **where: Any) -> str | None:
    with db.session(ADMIN) as session:
        stmt = select(Division.code).join(model, model.village_id == Division.id)
        for key, value in where.items():
            stmt = stmt.where(getattr(model, key) == value)
        return session.scalar(stmt)


def zones_file(tmp_path: Path) -> Path:
    return write_geojson(
        tmp_path / "危险区.geojson",
        [
            (
                {"编码": "Z01", "名称": "东沟", "类别": "山洪", "村代码": EAST_VILLAGE},
                box(121.32, 28.32, 121.33, 28.33),
            ),
            # Named 东门村 but drawn in 西门村 (the east half).
            (
                {"编码": "Z02", "名称": "西坡", "类别": "地质灾害", "村代码": EAST_VILLAGE},
                Point(121.45, 28.40),
            ),
            # Across both villages: no village holds it whole.
            (
                {"编码": "Z03", "名称": "跨村", "类别": "低洼易涝", "村代码": EAST_VILLAGE},
                box(121.38, 28.40, 121.42, 28.42),
            ),
        ],
    )


def test_a_danger_zone_outside_its_village_is_refused_naming_both(
    county: Database,  # noqa: F811
    tmp_path: Path,
) -> None:
    db = outlined(county, tmp_path)
    before = snapshot(db)

    report = run(db, "danger-zones", zones_file(tmp_path))

    assert report.rows_written == 0 and snapshot(db) == before
    reasons = {p.row: p.reason for p in report.problems}
    assert sorted(reasons) == [2, 3]
    assert reasons[2].startswith(
        "Z02 西坡: It lies outside its village 331081001001 东门村 (by about"
    )
    assert (
        "It lies in the village 331081001002 西门村: correct the village code, or import with --reassign"
        in reasons[2]
    )
    assert "No village's outline holds it whole" in reasons[3]
    assert all(p.column == "村代码" for p in report.problems)

    valid = run(db, "danger-zones", zones_file(tmp_path), valid_only=True)
    assert valid.rows_written == 1
    assert sound(db)


def test_reassign_moves_a_danger_zone_to_the_village_holding_it(
    county: Database,  # noqa: F811
    tmp_path: Path,
) -> None:
    db = outlined(county, tmp_path)

    report = run(db, "danger-zones", zones_file(tmp_path), reassign=True, valid_only=True)

    assert [p.row for p in report.problems] == [3]  # across two villages: still refused
    assert report.rows_written == 2
    assert village_of(db, DangerZone, code="Z01") == EAST_VILLAGE
    assert village_of(db, DangerZone, code="Z02") == WEST_VILLAGE
    [moved] = report.changes
    assert moved.row == 2
    assert "moved to the village 331081001002 西门村, whose outline holds it" in moved.reason
    assert "Accepted with a change (1):" in format_report(report)
    assert sound(db)


def test_shelters_outside_their_village(county: Database, tmp_path: Path) -> None:  # noqa: F811
    db = outlined(county, tmp_path)
    shelter = {"名称": "西门小学", "村代码": EAST_VILLAGE, "级别": "村级", "容纳人数": 300}
    path = write_geojson(tmp_path / "避灾场所.geojson", [(shelter, Point(121.46, 28.45))])

    refused = run(db, "shelters", path)
    assert refused.rows_written == 0
    assert "It lies outside its village 331081001001 东门村" in refused.problems[0].reason

    moved = run(db, "shelters", path, reassign=True)
    assert moved.ok, format_report(moved)
    assert village_of(db, Shelter, name="西门小学") == WEST_VILLAGE
    # Imported again as the file names it: the moved shelter is found, not doubled.
    again = run(db, "shelters", path, reassign=True)
    assert again.ok and again.unchanged == 1
    assert sound(db)


def test_a_village_outline_that_leaves_its_grids_outside_is_refused(
    county: Database,  # noqa: F811
    tmp_path: Path,
) -> None:
    db = outlined(county, tmp_path)
    grid = {"网格编码": "G01", "网格名称": "一网格", "村代码": EAST_VILLAGE, "责任人": "王伟"}
    grids = run(
        db,
        "grids",
        write_geojson(tmp_path / "网格.geojson", [(grid, box(121.31, 28.31, 121.35, 28.35))]),
    )
    assert grids.ok, format_report(grids)
    before = snapshot(db)

    narrow = write_geojson(
        tmp_path / "新村界.geojson",
        [({"区划代码": EAST_VILLAGE, "名称": "东门村"}, box(121.33, 28.30, 121.40, 28.50))],
    )
    report = run(db, "boundaries", narrow)

    assert report.rows_written == 0 and snapshot(db) == before
    [problem] = report.problems
    assert problem.reason.startswith(
        "331081001001 东门村: The outline would fail the database check: it leaves the grid G01 outside (by about"
    )
    assert geometry_of(db, Division, code=EAST_VILLAGE).equals(WEST_HALF)
    assert sound(db)


def test_a_town_outline_must_hold_its_villages_and_a_village_lie_in_its_town(
    county: Database,  # noqa: F811
    tmp_path: Path,
) -> None:
    db = outlined(county, tmp_path)
    path = write_geojson(
        tmp_path / "镇界.geojson",
        [
            ({"区划代码": "331081001", "名称": "太平街道"}, WEST_HALF),  # loses 西门村
            ({"区划代码": WEST_VILLAGE, "名称": "西门村"}, box(121.40, 28.30, 121.55, 28.50)),
        ],
    )
    report = run(db, "boundaries", path)
    reasons = sorted(p.reason for p in report.problems)
    assert len(reasons) == 2, format_report(report)
    assert (
        "331081001 太平街道: The outline would fail the database check: it leaves 331081001002 西门村 outside"
        in reasons[0]
    )
    assert (
        "331081001002 西门村: The outline would fail the database check: it lies outside 331081001 太平街道"
        in reasons[1]
    )
    assert report.rows_written == 0
    assert sound(db)


def test_the_command_line_as_typed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    divisions = tmp_path / "divisions.csv"
    divisions.write_text(
        f"代码,名称\n331081,温岭市\n331081001,太平街道\n{EAST_VILLAGE},东门村\n{WEST_VILLAGE},西门村\n",
        encoding="utf-8",
    )
    assert run_main("--db", url, "import", "divisions", str(divisions)).returncode == 0
    outlines = write_geojson(
        tmp_path / "村界.geojson",
        [
            ({"code": "331081", "name": "温岭市"}, COUNTY),
            ({"code": "331081001", "name": "太平街道"}, COUNTY),
            ({"code": EAST_VILLAGE, "name": "东门村"}, WEST_HALF),
            ({"code": WEST_VILLAGE, "name": "西门村"}, EAST_HALF),
        ],
    )
    assert run_main("--db", url, "import", "boundaries", str(outlines)).returncode == 0
    zones = str(zones_file(tmp_path))

    refused = run_main("--lang", "en", "--db", url, "import", "danger-zones", zones)
    assert refused.returncode == 1
    assert "It lies outside its village 331081001001 东门村" in refused.stdout
    moved = run_main("--db", url, "import", "danger-zones", zones, "--reassign", "--valid-only")
    assert "Traceback" not in moved.stderr
    assert run_main("--db", url, "db", "check").returncode == 0


def test_an_outline_straying_by_centimetres_is_fitted_and_reported(
    county: Database,  # noqa: F811
    tmp_path: Path,
) -> None:
    """A conversion from BD-09 and back, or another program's rounding, moves a shared
    edge by centimetres: the outline is fitted to its town and its grids, not refused."""
    db = outlined(county, tmp_path)
    grid = {"网格编码": "G01", "网格名称": "一网格", "村代码": EAST_VILLAGE, "责任人": "王伟"}
    edge = box(121.30, 28.31, 121.35, 28.35)  # on the village's western edge
    assert run(db, "grids", write_geojson(tmp_path / "网格.geojson", [(grid, edge)])).ok
    # 10 cm west of the town's edge and 10 cm short of the grid's.
    # Its eastern edge redrawn 100 m inside: the change the file brings.
    redrawn = box(121.30 - 1e-6, 28.30, 121.399, 28.50).difference(
        box(121.30, 28.33, 121.300001, 28.34)
    )

    report = run(
        db,
        "boundaries",
        write_geojson(
            tmp_path / "新村界.geojson", [({"区划代码": EAST_VILLAGE, "名称": "东门村"}, redrawn)]
        ),
    )

    assert report.ok and report.rows_written == 1, format_report(report)
    [fitted] = report.changes
    assert (
        "was fitted to the outlines around and within it: it strayed from them by at most 0.11 m"
        in fitted.reason
    )
    stored = geometry_of(db, Division, code=EAST_VILLAGE)
    assert (
        stored is not None
        and stored.symmetric_difference(box(121.30, 28.30, 121.399, 28.50)).area < 1e-12
    )
    assert sound(db)

    far = box(121.30 - 1e-4, 28.30, 121.40, 28.50)  # 11 m out: refused
    refused = run(
        db,
        "boundaries",
        write_geojson(
            tmp_path / "外扩.geojson", [({"区划代码": EAST_VILLAGE, "名称": "东门村"}, far)]
        ),
    )
    assert (
        not refused.ok
        and "it lies outside 331081001 太平街道 (by about 11 m)" in refused.problems[0].reason
    )
