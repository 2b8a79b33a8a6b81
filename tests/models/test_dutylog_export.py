"""The duty log leaving the screen: the workbook masks callers' phones unless a role that
may asks for them in full (then audited); a forced demo rebuild alone removes the log."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from models.audit import read_audit
from models.command import DutyLogEntry, EntryFields, add_entry
from models.database import Database
from models.demo.builder import _domain_tables, _wipe
from models.events import start_event
from models.exports.dutylog import export_dutylog
from models.refusals import PermissionDenied
from models.users import Actor
from tests.conftest import ADMIN

DUTY = Actor("duty", "duty")
CLERK = Actor("clerk", "clerk")


def _logged(db: Database) -> int:
    with db.session(DUTY, write=True) as session:
        event = start_event(session=session, name="台风防御")
        add_entry(
            session=session,
            fields=EntryFields(
                kind="call_in",
                content="海塘渗水",
                caller_name="陈海",
                caller_phone="13905761234",
                event_id=event.id,
            ),
        )
        return event.id


def _cells(path: Path) -> list[object]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return [c for row in sheet.iter_rows(values_only=True) for c in row]


def test_the_workbook_masks_phones_unless_asked_and_allowed(db: Database, tmp_path: Path) -> None:
    event_id = _logged(db)
    with db.session(CLERK, write=True) as session:
        done = export_dutylog(session=session, path=tmp_path / "a.xlsx", event=event_id)
    assert done.masked and done.rows == 1
    cells = _cells(tmp_path / "a.xlsx")
    assert "海塘渗水" in cells and "139****1234" in cells and "13905761234" not in cells
    with pytest.raises(PermissionDenied), db.session(CLERK, write=True) as session:
        export_dutylog(session=session, path=tmp_path / "b.xlsx", unmasked=True)
    with db.session(DUTY, write=True) as session:
        export_dutylog(session=session, path=tmp_path / "c.xlsx", unmasked=True)
    assert "13905761234" in _cells(tmp_path / "c.xlsx")
    with db.session(ADMIN) as session:
        unmasked = [r for r in read_audit(session=session) if r.action == "unmask"]
    assert len(unmasked) == 1 and unmasked[0].table_name == "duty_log"


def test_a_forced_demo_rebuild_removes_the_log_and_nothing_else_can(db: Database) -> None:
    _logged(db)
    with db.session(ADMIN, write=True) as session:
        _wipe(session, _domain_tables(session))
    with db.session(ADMIN) as session:
        assert session.scalar(select(func.count()).select_from(DutyLogEntry)) == 0
    _logged(db)  # the triggers are back: the log refuses a plain DELETE again
    with pytest.raises(Exception, match="append-only"), db.engine.begin() as conn:
        conn.execute(DutyLogEntry.__table__.delete())
