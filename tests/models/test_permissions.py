"""The role-permission matrix: one table in the code, the same in docs/architecture.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.database import Database
from models.events import start_event
from models.refusals import PermissionDenied
from models.transfers import record_transfer
from models.users import (
    ROLE_COLUMNS,
    ROLE_MATRIX,
    ROLE_PERMISSIONS,
    Actor,
    Permission,
    require,
)

ARCHITECTURE = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"


def documented_matrix() -> dict[str, tuple[int, ...]]:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    section = text.split("### Roles and permissions", 1)[1]
    rows: dict[str, tuple[int, ...]] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| permission"):
            assert cells[1:] == list(ROLE_COLUMNS)
        elif line.startswith("|") and not line.startswith("|---"):
            rows[cells[0]] = tuple(1 if cell == "x" else 0 for cell in cells[1:])
        elif rows:
            break
    return rows


def test_the_documented_matrix_is_the_code_matrix() -> None:
    assert documented_matrix() == {
        permission.value: allowed for permission, allowed in ROLE_MATRIX.items()
    }


def test_every_permission_has_a_row_and_roles_follow_it() -> None:
    assert set(ROLE_MATRIX) == set(Permission)
    assert Permission.MANAGE_USERS in ROLE_PERMISSIONS["admin"]
    assert Permission.MANAGE_USERS not in ROLE_PERMISSIONS["duty"]
    assert Permission.CHECK_IN in ROLE_PERMISSIONS["duty"]
    assert Permission.CHECK_IN not in ROLE_PERMISSIONS["clerk"]
    assert ROLE_PERMISSIONS["viewer"] == frozenset({Permission.READ_REGISTER})


def test_check_in_and_events_are_their_own_permissions(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A role that may edit the register but not check in or run events is refused both."""
    editor_only = ROLE_PERMISSIONS["duty"] - {Permission.CHECK_IN, Permission.MANAGE_EVENTS}
    monkeypatch.setitem(ROLE_PERMISSIONS, "duty", editor_only)
    duty = Actor(name="duty", role="duty")
    assert duty.can(Permission.EDIT_REGISTER)
    with pytest.raises(PermissionDenied, match="check_in"), db.session(duty) as session:
        record_transfer(session=session, record_id=1, status="sheltered", expected_version=None)
    with pytest.raises(PermissionDenied, match="manage_events"), db.session(duty) as session:
        start_event(session=session, name="台风")


def test_the_local_operator_keeps_the_machine_and_never_unmasks(db: Database) -> None:
    """Elsewhere SQLite without --user acted as an administrator, unmasked exports included."""
    from models.privacy import can_see_personal, unmasking
    from models.users import create_user

    local = Actor.local_operator()
    assert local.role == "local" and local.name.startswith("os:")
    allowed = {p for p in Permission if local.can(p)}
    assert allowed == {
        Permission.READ_REGISTER,  # masked exports and printouts, db check
        Permission.IMPORT_DATA,
        Permission.ADMINISTER_DATABASE,  # demo, db upgrade | backup | restore
    }
    with db.session(local) as session:
        assert not can_see_personal(session)
        assert unmasking(session, unmasked=False)  # masked: allowed
        with pytest.raises(PermissionDenied, match="unmask_exports"):
            unmasking(session, unmasked=True)
    with db.session(local, write=True) as session:  # the first administrator: allowed
        create_user(session=session, name="chief", role="admin", password="long-enough")
    with pytest.raises(PermissionDenied), db.session(local, write=True) as session:
        create_user(session=session, name="wang", role="duty", password="long-enough")
    with pytest.raises(PermissionDenied), db.session(local) as session:
        require(session, Permission.MANAGE_USERS)


def test_events_and_levels_are_managed_by_administrators_and_duty_officers_only(
    db: Database,
) -> None:
    """A planner prepares the register and plans; the response is the duty room's."""
    assert {
        role for role in ROLE_COLUMNS if Permission.MANAGE_EVENTS in ROLE_PERMISSIONS[role]
    } == {"admin", "duty"}
    planner = Actor(name="li", role="planner")
    with pytest.raises(PermissionDenied, match="manage_events"), db.session(planner) as session:
        start_event(session=session, name="台风")
