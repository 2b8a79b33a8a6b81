"""Rosters and the readiness report as workbooks: masked unless the role may unmask and
asks to (audited); an unmasked roster imports again as it was."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from models.audit import AuditRecord
from models.database import Database
from models.exports.teams import export_readiness, export_roster
from models.imports.framework import run_import
from models.refusals import PermissionDenied
from models.teams import list_members
from models.users import Actor
from tests.cli_helpers import run_main
from tests.conftest import ADMIN
from tests.models.teams.rosters import (
    SOUND_TEAMS,
    ident,
    member_row,
    roster,
    small_county,
    teams_file,
)

DUTY = Actor(name="duty", role="duty")
PLANNER = Actor(name="planner", role="planner")
SQUAD = "礁山村应急救援小分队"


def _county(db: Database, tmp_path: Path) -> None:
    small_county(db)
    assert run_import(
        db=db, actor=ADMIN, kind="teams", path=teams_file(tmp_path / "t.xlsx", SOUND_TEAMS)
    ).ok
    rows = [member_row(1, post="队长", cert="救生员证", cert_to="2027.5.1"), member_row(2)]
    assert run_import(db=db, actor=ADMIN, kind="members", path=roster(tmp_path / "r.xlsx", rows)).ok


def _rows(path: Path) -> list[tuple[object, ...]]:
    sheet = openpyxl.load_workbook(path).worksheets[0]
    return list(sheet.iter_rows(values_only=True))


def test_a_roster_is_masked_unless_asked_and_allowed(sqlite_db: Database, tmp_path: Path) -> None:
    _county(sqlite_db, tmp_path)
    with sqlite_db.session(DUTY) as session:
        masked = export_roster(session=session, path=tmp_path / "m.xlsx", team=SQUAD)
    assert masked.masked and masked.rows == 2
    lines = _rows(tmp_path / "m.xlsx")
    assert lines[0][0] == f"{SQUAD}队员花名册"
    assert lines[2][4] == "331081********" + ident(1)[-4:] and lines[2][5] == "139****0001"
    with pytest.raises(PermissionDenied), sqlite_db.session(PLANNER) as session:
        export_roster(session=session, path=tmp_path / "p.xlsx", unmasked=True)
    with sqlite_db.session(DUTY, write=True) as session:
        full = export_roster(session=session, path=tmp_path / "f.xlsx", unmasked=True)
        records = session.scalars(select(AuditRecord).where(AuditRecord.action == "unmask")).all()
    assert not full.masked and len(records) == 1
    assert _rows(tmp_path / "f.xlsx")[2][4] == ident(1)


def test_an_unmasked_roster_imports_again(sqlite_db: Database, tmp_path: Path) -> None:
    _county(sqlite_db, tmp_path)
    with sqlite_db.session(DUTY, write=True) as session:
        export_roster(session=session, path=tmp_path / "f.xlsx", unmasked=True)
        before = list_members(session=session)
    again = run_import(db=sqlite_db, actor=ADMIN, kind="members", path=tmp_path / "f.xlsx")
    assert again.ok and (again.inserted, again.updated) == (0, 2)
    with sqlite_db.session(DUTY) as session:
        assert list_members(session=session) == before


def test_the_readiness_report_has_a_row_per_team_and_a_total(
    sqlite_db: Database, tmp_path: Path
) -> None:
    _county(sqlite_db, tmp_path)
    with sqlite_db.session(PLANNER) as session:
        export_readiness(session=session, path=tmp_path / "r.xlsx")
    lines = _rows(tmp_path / "r.xlsx")
    assert [line[1] for line in lines[2:5]] == sorted(t[1] for t in SOUND_TEAMS)
    assert lines[-1][0] == "合计" and lines[-1][4] == 2


@pytest.mark.slow
def test_export_a_roster_as_typed(tmp_path: Path) -> None:
    path = tmp_path / "console.sqlite"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    _county(db, tmp_path)
    db.dispose()
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    out = tmp_path / "花名册.xlsx"
    done = run_main(
        "--lang",
        "zh_CN",
        "--db",
        str(path),
        "export",
        "team-roster",
        "-o",
        str(out),
        "--team",
        SQUAD,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert _rows(out)[2][1] == "队员001"
    unknown = run_main(
        "--lang",
        "zh_CN",
        "--db",
        str(path),
        "export",
        "team-roster",
        "-o",
        str(out),
        "--team",
        "无此队",
        env=env,
    )
    assert unknown.returncode == 1 and "无此队" in unknown.stdout + unknown.stderr
    report = run_main(
        "--db", str(path), "export", "team-readiness", "-o", str(tmp_path / "r.xlsx"), env=env
    )
    assert report.returncode == 0, report.stdout + report.stderr
