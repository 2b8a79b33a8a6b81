"""``export transfer-rollup``: the town roll-up in the layout reported upward, read back
with openpyxl and compared with the roll-up itself."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.areas import Division
from models.audit import AuditRecord
from models.clock import display_time
from models.database import Database
from models.demo import build_demo_transfers
from models.events import start_event
from models.exports.households import ExportRefused
from models.exports.rollup import (
    PEOPLE_FORMAT,
    PERCENT_FORMAT,
    export_transfer_rollup,
    rollup_columns,
    rollup_values,
)
from models.transfers import add_town_report, rollup
from models.users import Actor, PermissionDenied
from tests.conftest import ADMIN

VIEWER = Actor(name="test-viewer", role="viewer")
NOBODY = Actor(name="test-nobody", role="none")


def _event_part_done(database: Database, *, phoned: bool = True) -> int:
    """The demo county with an event whose transfers are part done, and one town's
    phoned-in figures."""
    with database.session(ADMIN) as session:
        event = start_event(session=session, name="台风演示")
        build_demo_transfers(session=session, event_id=event.id)
        if phoned:
            town = session.scalars(
                select(Division.id).where(Division.level == "town").order_by(Division.code)
            ).first()
            assert town is not None
            add_town_report(
                session=session,
                event_id=event.id,
                town_id=town,
                source="镇防指 电话报送",
                people_to_move=420,
                moved=355,
                sheltered=315,
                relatives=40,
            )
        session.commit()
    return event.id


def _rows(path: Path) -> list[tuple[openpyxl.cell.Cell, ...]]:
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    return list(sheet.iter_rows())


def _values(cells: tuple[openpyxl.cell.Cell, ...]) -> list[object]:
    values = [c.value for c in cells]
    while values and values[-1] is None:
        values.pop()
    return values


def _export(session: Session, event_id: int, path: Path) -> None:
    export_transfer_rollup(session=session, event_id=event_id, path=path)


def test_rollup_export_has_a_row_per_town_a_total_and_the_time(
    demo_db: Database, tmp_path: Path
) -> None:
    event_id = _event_part_done(demo_db)
    path = tmp_path / "rollup.xlsx"
    with demo_db.session(VIEWER) as session:
        result = export_transfer_rollup(session=session, event_id=event_id, path=path)
        data = rollup(session=session, event_id=event_id)
    rows = _rows(path)
    title = _values(rows[0])
    assert title == [
        QCoreApplication.translate("Export", "%1: transfer of people by town").replace(
            "%1", "台风演示"
        )
    ]
    time_line = QCoreApplication.translate("Export", "Time of the figures: %1").replace(
        "%1", display_time(result.at)
    )
    assert time_line in _values(rows[1])
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", time_line)

    header = [_values(r) for r in rows].index(rollup_columns())
    assert header == 2
    body = rows[header + 1 : header + 1 + len(data.towns)]
    assert result.towns == len(data.towns) > 10
    for cells, town in zip(body, data.towns, strict=True):
        values = _values(cells)
        assert values[0] == town.name
        assert values[1:8] == rollup_values(town.figures)
        assert values[8] == pytest.approx(town.figures.completion_rate, rel=1e-12)
        assert cells[8].number_format == PERCENT_FORMAT
        assert [c.number_format for c in cells[1:8]] == [PEOPLE_FORMAT] * 7  # 12,345
    codes = [town.code for town in data.towns]
    assert codes == sorted(codes)  # in code order

    total = rows[header + 1 + len(data.towns)]
    county = data.county
    assert _values(total)[0] == QCoreApplication.translate("Export", "Total")
    assert _values(total)[1:8] == [
        county.people_to_move,
        county.moved,
        county.sheltered,
        county.relatives,
        county.forced,
        county.refused,
        county.still_at_home,
    ]
    assert total[8].value == pytest.approx(county.completion_rate, rel=1e-12)
    assert total[8].number_format == PERCENT_FORMAT
    assert county.moved > 0 and county.still_at_home > 0  # part done
    # The sum of the town rows is the total row, column by column.
    for column in range(1, 8):
        assert sum(int(cells[column].value or 0) for cells in body) == total[column].value


def test_phoned_in_figures_are_listed_below_and_not_counted(
    demo_db: Database, tmp_path: Path
) -> None:
    event_id = _event_part_done(demo_db)
    path = tmp_path / "rollup.xlsx"
    with demo_db.session(ADMIN) as session:
        result = export_transfer_rollup(session=session, event_id=event_id, path=path)
        data = rollup(session=session, event_id=event_id)
    assert result.reported_towns == 1
    values = [_values(r) for r in _rows(path)]
    reported_town = next(t for t in data.towns if t.reported is not None)
    listed = [v for v in values if v and v[0] == reported_town.name]
    assert len(listed) == 2  # its row in the table, and its phoned-in row below
    table_row, phoned_row = listed
    assert table_row[1:8] == rollup_values(reported_town.figures)
    assert phoned_row[1:8] == [420, 355, 315, 40, 0, 0, 65]
    assert phoned_row[9] == "镇防指 电话报送"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", str(phoned_row[10]))
    totals = [v for v in values if v and v[0] == QCoreApplication.translate("Export", "Total")]
    assert totals[0][1] == data.county.people_to_move  # the table's total leaves them out
    assert totals[1][1:3] == [420, 355]


def test_without_phoned_in_figures_there_is_no_second_table(
    demo_db: Database, tmp_path: Path
) -> None:
    event_id = _event_part_done(demo_db, phoned=False)
    path = tmp_path / "rollup.xlsx"
    with demo_db.session(ADMIN) as session:
        result = export_transfer_rollup(session=session, event_id=event_id, path=path)
    assert result.reported_towns == 0
    values = [_values(r) for r in _rows(path)]
    assert values.count(rollup_columns()) == 1


def test_an_event_nobody_moved_in_yet_shows_no_rate(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.session(ADMIN) as session:
        event = start_event(session=session, name="空事件", open_records=False)
        session.commit()
    path = tmp_path / "empty.xlsx"
    with demo_db.session(ADMIN) as session:
        result = export_transfer_rollup(session=session, event_id=event.id, path=path)
    assert result.towns == 0
    values = [_values(r) for r in _rows(path)]
    header = values.index(rollup_columns())
    assert values[header + 1] == [
        QCoreApplication.translate("Export", "Total"),
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        "—",
    ]


def test_unknown_event_is_refused_and_nothing_is_audited(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    with demo_db.session(ADMIN) as session, pytest.raises(ExportRefused, match="9999"):
        _export(session, 9999, path)
    assert not path.exists()
    with demo_db.session(NOBODY) as session, pytest.raises(PermissionDenied):
        _export(session, 1, path)
    event_id = _event_part_done(demo_db, phoned=False)
    with demo_db.session(ADMIN) as session:
        before = session.scalar(select(AuditRecord.id).order_by(AuditRecord.id.desc()).limit(1))
        _export(session, event_id, path)
        session.commit()
    with demo_db.session(ADMIN) as session:
        after = session.scalar(select(AuditRecord.id).order_by(AuditRecord.id.desc()).limit(1))
    assert after == before  # no personal information in the table: nothing to audit


def test_the_report_upward_names_who_filled_it_in_and_leaves_a_line_for_the_checker(
    demo_db: Database, tmp_path: Path
) -> None:
    """填报人 is the operator (a person, not ``os:root``), 审核人 a place to sign, and the
    people columns, totals too, show thousands separators."""
    event_id = _event_part_done(demo_db)
    filled = QCoreApplication.translate("Export", "Filled in by:")
    checked = QCoreApplication.translate("Export", "Checked by:")
    for actor, shown in (
        (Actor("wang", "duty"), "wang"),
        (
            Actor("os:zhouwei", "admin"),
            QCoreApplication.translate("Operators", "%1 (this computer's account)").replace(
                "%1", "zhouwei"
            ),
        ),
    ):
        path = tmp_path / f"{actor.name}.xlsx".replace(":", "-")
        with demo_db.session(actor) as session:
            export_transfer_rollup(session=session, event_id=event_id, path=path)
        rows = _rows(path)
        texts = [str(c.value) for r in rows for c in r if c.value is not None]
        assert filled + shown in texts
        assert checked in texts  # nothing after it: the checker signs
        total_label = QCoreApplication.translate("Export", "Total")
        totals = [r for r in rows if r[0].value == total_label]
        assert totals and all(c.number_format == PEOPLE_FORMAT for r in totals for c in r[1:8])
        assert totals[0][1].value >= 1000  # a figure the separator shows as 1,234
        header = [_values(r) for r in rows].index(rollup_columns())
        sign_row = next(i for i, r in enumerate(rows) if r[0].value == filled + shown)
        assert sign_row > header + len(totals)  # under the tables
