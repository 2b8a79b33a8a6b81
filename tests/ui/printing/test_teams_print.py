"""Rescue teams on paper: a roster masked or in full by role (audited), the readiness
report with its total, the expert list; all through the documents registry."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from sqlalchemy import select

from models.audit import AuditRecord
from models.database import Database
from models.imports.framework import run_import
from models.users import Actor
from tests.conftest import ADMIN
from tests.models.teams.rosters import (
    SOUND_TEAMS,
    ident,
    member_row,
    roster,
    save,
    small_county,
    teams_file,
)
from ui.printing.registry import Format, document

DUTY = Actor(name="duty", role="duty")
PLANNER = Actor(name="planner", role="planner")
SQUAD = "礁山村应急救援小分队"


def _county(db: Database, tmp_path: Path) -> None:
    small_county(db)
    assert run_import(
        db=db, actor=ADMIN, kind="teams", path=teams_file(tmp_path / "t.xlsx", SOUND_TEAMS)
    ).ok
    rows = [member_row(1, post="队长"), member_row(2)]
    assert run_import(db=db, actor=ADMIN, kind="members", path=roster(tmp_path / "r.xlsx", rows)).ok
    experts = [
        ["姓名", "专业领域", "二级分类", "工作单位", "手机"],
        ["周水利", "自然灾害", "防汛抗旱", "县水利局", "13905762001"],
    ]
    assert run_import(
        db=db, actor=ADMIN, kind="experts", path=save(tmp_path / "e.xlsx", experts)
    ).ok


def _text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_a_roster_prints_masked_for_a_planner_and_in_full_for_duty(
    sqlite_db: Database, tmp_path: Path
) -> None:
    _county(sqlite_db, tmp_path)
    spec = document("team-roster", Format.PDF)
    with sqlite_db.session(PLANNER, write=True) as session:
        masked = spec.make(session=session, path=tmp_path / "p.pdf", team=SQUAD)
    text = _text(tmp_path / "p.pdf")
    assert masked.masked and f"{SQUAD}队员花名册" in text and ident(1) not in text
    assert "331081********" in text and "队员001" in text
    with sqlite_db.session(DUTY, write=True) as session:
        full = spec.make(session=session, path=tmp_path / "d.pdf", team=SQUAD)
        audits = session.scalars(select(AuditRecord).where(AuditRecord.action == "unmask")).all()
    assert not full.masked and ident(1) in _text(tmp_path / "d.pdf") and len(audits) == 1


def test_the_readiness_report_and_the_expert_list(sqlite_db: Database, tmp_path: Path) -> None:
    _county(sqlite_db, tmp_path)
    with sqlite_db.session(PLANNER, write=True) as session:
        report = document("team-readiness", Format.PDF).make(
            session=session, path=tmp_path / "r.pdf"
        )
        experts = document("experts", Format.PDF).make(session=session, path=tmp_path / "e.pdf")
    assert report.pages == 1 and report.rows == 3
    text = _text(tmp_path / "r.pdf")
    assert "救援力量战备情况表" in text and "合计" in text and "温岭蓝天救援队" in text
    assert experts.rows == 1 and "周水利" in _text(tmp_path / "e.pdf")
    assert "139****2001" in _text(tmp_path / "e.pdf")
