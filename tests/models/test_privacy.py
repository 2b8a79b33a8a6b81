"""Masking of mobiles, landlines and identity card numbers."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from models.audit import AuditRecord
from models.database import Database
from models.privacy import (
    audit_unmasked,
    can_see_personal,
    mask_id_number,
    mask_phone,
    phone_masker,
    unmasking,
)
from models.users import Actor, PermissionDenied


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13912345678", "139****5678"),
        (" 139-1234-5678 ", "139****5678"),
        ("0576-86123456", "0576-****3456"),
        ("010 12345678", "010-****5678"),
        ("0576-86123456-801", "0576-****3456"),
        ("86123456", "861****3456"),
        ("12345", "****"),
        ("", ""),
        (None, None),
    ],
)
def test_mask_phone(phone: str | None, masked: str | None) -> None:
    assert mask_phone(phone) == masked


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("33108119800101123X", "331081********123X"),
        ("33108119800101123x", "331081********123X"),
        ("331081800101123", "331081******123"),
        ("AB1234", "A****4"),
        ("", ""),
        (None, None),
    ],
)
def test_mask_id_number(number: str | None, masked: str | None) -> None:
    assert mask_id_number(number) == masked


@pytest.mark.parametrize(
    ("role", "sees"),
    [("admin", True), ("duty", True), ("planner", True), ("clerk", True), ("viewer", False)],
)
def test_who_sees_personal_information(db: Database, role: str, sees: bool) -> None:
    with db.session(Actor(name="someone", role=role)) as session:
        assert can_see_personal(session) is sees
        shown = phone_masker(session)("13912345678")
        assert shown == ("13912345678" if sees else "139****5678")
    with db.session(None) as session:
        assert phone_masker(session)("13912345678") == "139****5678"


def _unmask_records(db: Database) -> list[tuple[str, str, dict[str, object]]]:
    with db.session(Actor(name="auditor", role="admin")) as session:
        records = session.scalars(select(AuditRecord).where(AuditRecord.action == "unmask"))
        return [(r.actor, r.table_name, json.loads(r.changes or "{}")) for r in records]


def test_an_unmasked_document_is_audited_once_naming_who_and_what(db: Database) -> None:
    with db.session(Actor(name="wang", role="duty")) as session:
        assert unmasking(session, unmasked=True) is False
        assert audit_unmasked(
            session,
            document="situation-map",
            path="/tmp/out/东门村.pdf",
            subject={"village": "331081001001"},
            rows={"working_group_members": 5, "grids": 2, "shelters": 0},
        )
        assert not audit_unmasked(  # nothing written in full: nothing to audit
            session, document="transfer-list", path="x.pdf", subject={}, rows=0
        )
        session.commit()
    assert _unmask_records(db) == [
        (
            "wang",
            "working_group_members",
            {
                "print": "situation-map",
                "file": "东门村.pdf",
                "village": "331081001001",
                "rows": 7,
                "tables": {"working_group_members": 5, "grids": 2},
            },
        )
    ]


def test_a_masked_document_writes_no_record_and_unmasking_needs_the_permission(
    db: Database,
) -> None:
    with db.session(Actor(name="li", role="planner")) as session:
        assert unmasking(session, unmasked=False) is True
        with pytest.raises(PermissionDenied):
            unmasking(session, unmasked=True)
        session.commit()
    assert _unmask_records(db) == []
