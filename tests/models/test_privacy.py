"""Masking of mobiles, landlines and identity card numbers."""

from __future__ import annotations

import pytest

from models.database import Database
from models.privacy import can_see_personal, mask_id_number, mask_phone, phone_masker
from models.users import Actor


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
