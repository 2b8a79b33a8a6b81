from __future__ import annotations

import json

import pytest
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import DBAPIError

from models.areas import Division
from models.audit import AuditLogReadOnly, AuditRecord, bulk_operation, read_audit
from models.database import Database
from models.users import Actor, PermissionDenied
from tests.conftest import ADMIN

DUTY = Actor("zhang.san", "duty")


def add_county(db: Database) -> int:
    with db.session(DUTY) as session:
        county = Division(code="331081", name="温岭市", level="county")
        session.add(county)
        session.flush()
        return county.id


def test_insert_update_delete_are_recorded_with_who_and_values(db: Database) -> None:
    county_id = add_county(db)
    with db.session(DUTY) as session:
        session.get(Division, county_id).name = "温岭"
    with db.session(DUTY) as session:
        session.delete(session.get(Division, county_id))
    with db.session(ADMIN) as session:
        rows = list(reversed(read_audit(session=session)))
    assert [(r.action, r.table_name, r.actor) for r in rows] == [
        ("insert", "divisions", "zhang.san"),
        ("update", "divisions", "zhang.san"),
        ("delete", "divisions", "zhang.san"),
    ]
    assert all(r.row_id == str(county_id) for r in rows)
    assert json.loads(rows[0].changes)["name"] == "温岭市"
    assert json.loads(rows[1].changes) == {"name": ["温岭市", "温岭"]}
    assert rows[1].at.tzinfo is not None


def test_a_rolled_back_change_leaves_no_audit(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session(DUTY) as session:
        session.add(Division(code="331081", name="温岭市", level="county"))
        session.flush()
        raise RuntimeError("user cancelled")
    with db.session(ADMIN) as session:
        assert read_audit(session=session) == []


def test_bulk_operation_is_one_record(db: Database) -> None:
    with (
        db.session(DUTY) as session,
        bulk_operation(
            session, table_name="divisions", source="towns.xlsx", checksum="abc"
        ) as counter,
    ):
        for i in range(5):
            session.add(Division(code=f"33108100{i}", name=f"镇{i}", level="town"))
        counter["rows"] = 5
    with db.session(ADMIN) as session:
        rows = read_audit(session=session)
    assert len(rows) == 1
    assert (rows[0].action, rows[0].rows) == ("bulk", 5)
    assert json.loads(rows[0].changes) == {"source": "towns.xlsx", "checksum": "abc"}


def test_the_app_cannot_edit_the_audit_log(db: Database) -> None:
    add_county(db)
    with pytest.raises(AuditLogReadOnly), db.session(ADMIN) as session:
        record = session.scalars(select(AuditRecord)).first()
        record.actor = "someone else"
        session.flush()
    # Even plain SQL through the same engine is refused by the database's triggers.
    for statement in (update(AuditRecord).values(actor="x"), delete(AuditRecord)):
        with pytest.raises(DBAPIError), db.engine.begin() as conn:
            conn.execute(statement)
    with db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(AuditRecord)).scalar() == 1
        assert conn.execute(text("SELECT actor FROM audit_log")).scalar() == "zhang.san"


def test_only_administrators_read_the_audit_log(db: Database) -> None:
    add_county(db)
    with pytest.raises(PermissionDenied), db.session(DUTY) as session:
        read_audit(session=session)


def test_logins_are_recorded_whether_they_succeed_or_not(db: Database) -> None:
    from models.audit import log_in
    from models.users import LoginRefused, create_user

    with db.session(ADMIN) as session:
        create_user(session=session, name="wang", role="duty", password="right-pass")
    with pytest.raises(LoginRefused), db.session(None) as session:
        log_in(session=session, name="wang", password="wrong", where="console")
    with db.session(None) as session:
        assert (
            log_in(session=session, name="wang", password="right-pass", where="console").role
            == "duty"
        )
    with db.session(ADMIN) as session:
        logins = [r for r in read_audit(session=session) if r.action == "login"]
    assert [(r.actor, json.loads(r.changes)["result"]) for r in logins] == [
        ("wang", "ok"),
        ("wang", "refused"),
    ]
