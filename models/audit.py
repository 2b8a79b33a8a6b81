"""The audit log: who changed what, written by one session hook.

Every ORM insert, update and delete adds a row here in the same transaction.
A bulk operation (an import, the demo builder) is one row: who, file,
checksum and rows written. The table is append-only: the ORM refuses to
change it and database triggers (see the migration) refuse UPDATE and DELETE.

Personal numbers (mobiles and other phones, identity card numbers) are recorded masked
(139****5678), as a role without personal access sees them: the record shows which
field changed, and roughly from what to what, without keeping the number for ever.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, String, Text, event, insert, inspect, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, utcnow
from models.masking import mask_id_number, mask_phone
from models.operators import computer_name
from models.pg_roles import CONSOLE_RIGHTS, mark_console
from models.users import (
    Actor,
    LoginRefused,
    Permission,
    actor_of,
    authenticate,
    require,
)


class AuditRecord(Base):
    __tablename__ = "audit_log"
    # PostgreSQL's console login role may add and read, never change or empty it.
    __table_args__ = ({"info": {CONSOLE_RIGHTS: "append"}},)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(10))  # insert, update, delete, bulk, login
    table_name: Mapped[str] = mapped_column(String(40), index=True)
    row_id: Mapped[str | None] = mapped_column(String(40))
    changes: Mapped[str | None] = mapped_column(Text)  # JSON
    rows: Mapped[int | None] = mapped_column(Integer)


class AuditLogReadOnly(Exception):
    pass


@event.listens_for(AuditRecord, "before_update")
@event.listens_for(AuditRecord, "before_delete")
def _refuse_change(*_args: Any) -> None:
    raise AuditLogReadOnly("the audit log is append-only")


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


# Columns holding personal numbers, by name; a column named otherwise says so with
# ``mapped_column(..., info={"personal": "phone" | "id_number"})``.
_PHONE_NAME = re.compile(r"(^|_)(phone|mobile|tel|telephone)(_|$)")
_ID_NAME = re.compile(r"(^|_)(id_number|id_card|identity_number|identity_card)(_|$)")


def personal_kind(column: Any) -> str | None:
    """ "phone" or "id_number" for a column holding personal numbers, else None."""
    declared = column.info.get("personal") if hasattr(column, "info") else None
    if declared:
        return str(declared)
    name = str(getattr(column, "key", None) or column.name)
    if _ID_NAME.search(name):
        return "id_number"
    if _PHONE_NAME.search(name):
        return "phone"
    return None


def _masked(kind: str, value: Any) -> Any:
    if not isinstance(value, str):
        return _plain(value)
    return mask_id_number(value) if kind == "id_number" else mask_phone(value)


def _row_changes(obj: Any, action: str) -> tuple[str, dict[str, Any]]:
    state = inspect(obj)
    mapper = state.mapper
    values: dict[str, Any] = {}
    for attr in mapper.column_attrs:
        key = attr.key
        personal = personal_kind(attr.columns[0])
        if personal is not None:
            values.update(_personal_change(state, key, personal, action))
            continue
        if key == "password_hash":
            # The hash never reaches the log; that it changed does.
            if action == "update" and state.attrs[key].history.has_changes():
                values["password"] = "changed"
            continue
        hist = state.attrs[key].history
        if action == "update":
            if hist.has_changes():
                old = hist.deleted[0] if hist.deleted else None
                new = hist.added[0] if hist.added else None
                values[key] = [_plain(old), _plain(new)]
        elif action == "insert":
            values[key] = _plain(getattr(obj, key))
        else:
            old = hist.unchanged or hist.deleted
            values[key] = _plain(old[0] if old else None)
    pk = ",".join(str(v) for v in mapper.primary_key_from_instance(obj))
    return pk, values


def _personal_change(state: Any, key: str, kind: str, action: str) -> dict[str, Any]:
    """A personal number's entry in a record: masked, and only when it changed."""
    hist = state.attrs[key].history
    if action == "update":
        if not hist.has_changes():
            return {}
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        return {key: [_masked(kind, old), _masked(kind, new)]}
    if action == "insert":
        return {key: _masked(kind, getattr(state.obj(), key))}
    old = hist.unchanged or hist.deleted
    return {key: _masked(kind, old[0] if old else None)}


@event.listens_for(Session, "after_begin")
def _mark_transaction(session: Session, _transaction: Any, connection: Any) -> None:
    """On PostgreSQL, mark the transaction as the console's: the role log's trigger tells
    users changed here from users changed in SQL by it (``models.pg_roles``)."""
    if connection.dialect.name == "postgresql":
        actor = actor_of(session)
        mark_console(connection, actor.name if actor else None)


@event.listens_for(Session, "after_flush")
def _record_flush(session: Session, _context: Any) -> None:
    if session.info.get("audit_suspended"):
        return
    actor = actor_of(session)
    who = actor.name if actor else "anonymous"
    records = []
    for action, objects in (
        ("insert", session.new),
        ("update", session.dirty),
        ("delete", session.deleted),
    ):
        for obj in objects:
            if isinstance(obj, AuditRecord):
                continue
            if action == "update" and not session.is_modified(obj, include_collections=False):
                continue
            pk, values = _row_changes(obj, action)
            records.append(
                {
                    "at": utcnow(),
                    "actor": who,
                    "action": action,
                    "table_name": obj.__tablename__,
                    "row_id": pk,
                    "changes": json.dumps(values, ensure_ascii=False),
                    "rows": 1,
                }
            )
    if records:
        session.connection().execute(insert(AuditRecord), records)


@contextmanager
def bulk_operation(
    session: Session, *, table_name: str, source: str, checksum: str | None = None
) -> Iterator[dict[str, int]]:
    """Suspend per-row auditing and write one record for the whole operation.

    The caller sets ``counter["rows"]`` to the number of rows written. A bulk
    operation inside another is part of the outer one: it writes no record of its
    own, and the outer caller counts its rows.
    """
    counter = {"rows": 0}
    nested = bool(session.info.get("audit_suspended"))
    session.info["audit_suspended"] = True
    try:
        yield counter
        session.flush()
    finally:
        if not nested:
            session.info.pop("audit_suspended", None)
    if nested:
        return
    actor: Actor | None = actor_of(session)
    session.add(
        AuditRecord(
            actor=actor.name if actor else "anonymous",
            action="bulk",
            table_name=table_name,
            changes=json.dumps({"source": source, "checksum": checksum}, ensure_ascii=False),
            rows=counter["rows"],
        )
    )
    session.flush()


def record_event(session: Session, *, action: str, table_name: str, detail: dict[str, Any]) -> None:
    """An audit row for something that is not a row change (a login, an unmasked export)."""
    actor = actor_of(session)
    session.add(
        AuditRecord(
            actor=actor.name if actor else "anonymous",
            action=action,
            table_name=table_name,
            changes=json.dumps(detail, ensure_ascii=False),
        )
    )


def log_in(
    *, session: Session, name: str, password: str, where: str, workstation: str | None = None
) -> Actor:
    """Check a password and record the attempt, kept even when it is refused.

    ``where``: the console or the command line; ``workstation``: the machine failures
    are counted under (this one unless given). Commits the caller's session on refusal
    too, so the failure count (which slows this workstation's next attempts at the name)
    and the audit row survive the LoginRefused raised after it.
    """
    machine = workstation or computer_name()
    try:
        actor = authenticate(session=session, name=name, password=password, workstation=machine)
    except LoginRefused:
        _record_login(session, name, "refused", where, machine)
        session.commit()
        raise
    _record_login(session, actor.name, "ok", where, machine)
    return actor


def _record_login(session: Session, name: str, result: str, where: str, machine: str) -> None:
    session.add(
        AuditRecord(
            actor=name.strip().replace("\x00", "\ufffd")[:60] or "?",  # no NUL on PostgreSQL
            action="login",
            table_name="users",
            changes=json.dumps(
                {"result": result, "where": where, "workstation": machine}, ensure_ascii=False
            ),
        )
    )


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    actor: str
    action: str
    table_name: str
    row_id: str | None
    changes: str | None
    rows: int | None
    id: int | None = None


def read_audit(
    *,
    session: Session,
    limit: int = 1000,
    table_name: str | None = None,
    actor: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    text: str | None = None,
) -> list[AuditRow]:
    """Latest audit rows first, at most ``limit``; administrators only.

    Filters (all optional, combined): the exact table and action, part of the
    actor's name and part of the changes (both case-insensitive), and the time
    ``since <= at < until`` (aware datetimes).
    """
    require(session, Permission.READ_AUDIT)
    query = select(
        AuditRecord.at,
        AuditRecord.actor,
        AuditRecord.action,
        AuditRecord.table_name,
        AuditRecord.row_id,
        AuditRecord.changes,
        AuditRecord.rows,
        AuditRecord.id,
    )
    if table_name:
        query = query.where(AuditRecord.table_name == table_name)
    if action:
        query = query.where(AuditRecord.action == action)
    if actor and actor.strip():
        query = query.where(AuditRecord.actor.icontains(actor.strip(), autoescape=True))
    if text and text.strip():
        query = query.where(AuditRecord.changes.icontains(text.strip(), autoescape=True))
    if since is not None:
        query = query.where(AuditRecord.at >= since)
    if until is not None:
        query = query.where(AuditRecord.at < until)
    result = session.execute(query.order_by(AuditRecord.id.desc()).limit(limit))
    return [AuditRow(*row) for row in result]


def audit_table_names(*, session: Session) -> list[str]:
    """The tables the audit log has records for, sorted; administrators only."""
    require(session, Permission.READ_AUDIT)
    return list(
        session.scalars(select(AuditRecord.table_name).distinct().order_by(AuditRecord.table_name))
    )
