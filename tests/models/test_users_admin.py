from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from models.audit import audit_table_names, read_audit
from models.database import Database
from models.refusals import Refused
from models.users import (
    Actor,
    LoginRefused,
    PermissionDenied,
    User,
    UserRow,
    authenticate,
    create_user,
    list_users,
    reset_password,
    set_user_active,
    set_user_role,
)
from tests.conftest import ADMIN

CHIEF = Actor("chief", "admin")
DUTY = Actor("duty1", "duty")


def add_users(db: Database) -> dict[str, int]:
    """chief (admin), duty1 (duty), clerk1 (clerk); returns their ids by name."""
    with db.session(None) as session:
        create_user(session=session, name="chief", role="admin", password="chief-pass")
    with db.session(CHIEF) as session:
        create_user(session=session, name="duty1", role="duty", password="duty-pass")
        create_user(session=session, name="clerk1", role="clerk", password="clerk-pass")
    with db.session(CHIEF) as session:
        return {row.name: row.id for row in list_users(session=session)}


def user(db: Database, user_id: int) -> UserRow:
    with db.session(CHIEF) as session:
        return next(row for row in list_users(session=session) if row.id == user_id)


def audit_of(db: Database, user_id: int) -> list[tuple[str, str, dict]]:
    """(action, actor, changes) of the users row, oldest first."""
    with db.session(ADMIN) as session:
        rows = read_audit(session=session, table_name="users")
    return [
        (r.action, r.actor, json.loads(r.changes or "{}"))
        for r in reversed(rows)
        if r.row_id == str(user_id)
    ]


def test_list_users_shows_plain_rows_sorted_by_name(db: Database) -> None:
    ids = add_users(db)
    with db.session(CHIEF) as session:
        rows = list_users(session=session)
    assert [(r.name, r.role, r.active, r.failed_logins) for r in rows] == [
        ("chief", "admin", True, 0),
        ("clerk1", "clerk", True, 0),
        ("duty1", "duty", True, 0),
    ]
    assert rows[0].id == ids["chief"]
    assert rows[0].created_at.tzinfo is not None
    assert not hasattr(rows[0], "password_hash")


def test_role_change_is_saved_and_audited_with_the_acting_admin(db: Database) -> None:
    ids = add_users(db)
    with db.session(CHIEF) as session:
        set_user_role(session=session, user_id=ids["clerk1"], role="planner")
    assert user(db, ids["clerk1"]).role == "planner"
    assert audit_of(db, ids["clerk1"])[-1] == ("update", "chief", {"role": ["clerk", "planner"]})
    with pytest.raises(Refused, match="Unknown role"), db.session(CHIEF) as session:
        set_user_role(session=session, user_id=ids["clerk1"], role="boss")


def test_deactivation_stops_logins_and_activation_restores_them(db: Database) -> None:
    ids = add_users(db)
    with db.session(CHIEF) as session:
        set_user_active(session=session, user_id=ids["duty1"], active=False)
    assert user(db, ids["duty1"]).active is False
    with pytest.raises(LoginRefused), db.session(None) as session:
        authenticate(session=session, name="duty1", password="duty-pass")
    with db.session(CHIEF) as session:
        set_user_active(session=session, user_id=ids["duty1"], active=True)
    with db.session(None) as session:
        assert authenticate(session=session, name="duty1", password="duty-pass") == DUTY
    assert audit_of(db, ids["duty1"])[-2:] == [
        ("update", "chief", {"active": [True, False]}),
        ("update", "chief", {"active": [False, True]}),
    ]


def test_the_last_active_administrator_cannot_be_demoted_or_deactivated(db: Database) -> None:
    ids = add_users(db)
    other_admin = Actor("os:operator", "admin")  # an admin who is not the chief
    with (
        pytest.raises(Refused, match="last active administrator"),
        db.session(other_admin) as session,
    ):
        set_user_role(session=session, user_id=ids["chief"], role="duty")
    with (
        pytest.raises(Refused, match="last active administrator"),
        db.session(other_admin) as session,
    ):
        set_user_active(session=session, user_id=ids["chief"], active=False)
    assert user(db, ids["chief"]).role == "admin"
    assert user(db, ids["chief"]).active is True

    # With a second active administrator the first may go; then the second is the last.
    with db.session(CHIEF) as session:
        set_user_role(session=session, user_id=ids["duty1"], role="admin")
    with db.session(Actor("duty1", "admin")) as session:
        set_user_role(session=session, user_id=ids["chief"], role="viewer")
    assert user(db, ids["chief"]).role == "viewer"
    with (
        pytest.raises(Refused, match="last active administrator"),
        db.session(other_admin) as session,
    ):
        set_user_role(session=session, user_id=ids["duty1"], role="clerk")

    # An inactive administrator does not count: promoting chief back and deactivating
    # duty1 leaves chief the last one.
    with db.session(Actor("duty1", "admin")) as session:
        set_user_role(session=session, user_id=ids["chief"], role="admin")
    with db.session(CHIEF) as session:
        set_user_active(session=session, user_id=ids["duty1"], active=False)
    with (
        pytest.raises(Refused, match="last active administrator"),
        db.session(other_admin) as session,
    ):
        set_user_active(session=session, user_id=ids["chief"], active=False)
    # ... but an inactive administrator may be demoted.
    with db.session(CHIEF) as session:
        set_user_role(session=session, user_id=ids["duty1"], role="duty")


def test_two_administrators_demoting_each_other_at_once_leave_one(db: Database) -> None:
    ids = add_users(db)
    with db.session(CHIEF) as session:
        set_user_role(session=session, user_id=ids["duty1"], role="admin")
    outcome: list[BaseException | None] = []

    def demote_chief() -> None:
        try:
            with db.session(Actor("duty1", "admin")) as session:
                set_user_role(session=session, user_id=ids["chief"], role="duty")
        except (Refused, DBAPIError) as exc:  # PostgreSQL: refused; SQLite: busy
            outcome.append(exc)
        else:
            outcome.append(None)

    with db.session(CHIEF) as session:
        set_user_role(session=session, user_id=ids["duty1"], role="duty")
        other = threading.Thread(target=demote_chief)
        other.start()
        time.sleep(0.5)  # the other change now waits for this one
    other.join(30)
    assert outcome and outcome[0] is not None
    with db.session(CHIEF) as session:
        admins = session.scalar(
            select(func.count()).select_from(User).where(User.role == "admin", User.active)
        )
    assert admins == 1


def test_an_administrator_cannot_deactivate_themselves(db: Database) -> None:
    ids = add_users(db)
    with db.session(CHIEF) as session:
        set_user_role(session=session, user_id=ids["duty1"], role="admin")
    with (
        pytest.raises(Refused, match="cannot deactivate yourself"),
        db.session(CHIEF) as session,
    ):
        set_user_active(session=session, user_id=ids["chief"], active=False)
    assert user(db, ids["chief"]).active is True


def test_reset_password_then_login_works_and_failures_are_forgotten(db: Database) -> None:
    ids = add_users(db)
    for _ in range(3):  # the third failure imposes a wait before the next attempt
        with db.session(None) as session:
            try:
                authenticate(session=session, name="duty1", password="wrong-pass")
            except LoginRefused:
                session.commit()
    assert user(db, ids["duty1"]).failed_logins == 3
    with pytest.raises(LoginRefused, match="seconds"), db.session(None) as session:
        authenticate(session=session, name="duty1", password="duty-pass")
    with pytest.raises(Refused, match="at least"), db.session(CHIEF) as session:
        reset_password(session=session, user_id=ids["duty1"], password="short")
    with db.session(CHIEF) as session:
        reset_password(session=session, user_id=ids["duty1"], password="brand-new-pass")
    assert user(db, ids["duty1"]).failed_logins == 0
    with db.session(None) as session:  # no waiting after the reset
        assert authenticate(session=session, name="duty1", password="brand-new-pass") == DUTY
    with pytest.raises(LoginRefused), db.session(None) as session:
        authenticate(session=session, name="duty1", password="duty-pass")
    reset = [c for c in audit_of(db, ids["duty1"]) if c[1] == "chief" and c[0] == "update"][-1]
    assert reset[2]["password"] == "changed"  # that it changed, never the hash
    assert "password_hash" not in reset[2]
    with db.session(ADMIN) as session:
        stored = session.scalar(select(User.password_hash).where(User.id == ids["duty1"]))
        salt_and_digest = stored.split("$", 4)[-1]
        assert all(salt_and_digest not in (r.changes or "") for r in read_audit(session=session))


def test_a_missing_user_is_a_message_not_a_crash(db: Database) -> None:
    add_users(db)
    for change in (
        lambda s: set_user_role(session=s, user_id=9999, role="duty"),
        lambda s: set_user_active(session=s, user_id=9999, active=False),
        lambda s: reset_password(session=s, user_id=9999, password="long-enough"),
    ):
        with pytest.raises(Refused, match="no longer exists"), db.session(CHIEF) as session:
            change(session)


def test_a_duty_officer_may_not_manage_users(db: Database) -> None:
    ids = add_users(db)
    for change in (
        lambda s: list_users(session=s),
        lambda s: set_user_role(session=s, user_id=ids["clerk1"], role="admin"),
        lambda s: set_user_active(session=s, user_id=ids["clerk1"], active=False),
        lambda s: reset_password(session=s, user_id=ids["clerk1"], password="long-enough"),
    ):
        with pytest.raises(PermissionDenied), db.session(DUTY) as session:
            change(session)
    assert user(db, ids["clerk1"]).role == "clerk"


def test_read_audit_filters(db: Database) -> None:
    ids = add_users(db)
    with db.session(CHIEF) as session:
        set_user_role(session=session, user_id=ids["clerk1"], role="viewer")
    with db.session(ADMIN) as session:
        everything = read_audit(session=session)
        assert [r.id for r in everything] == sorted((r.id for r in everything), reverse=True)
        assert len(read_audit(session=session, limit=2)) == 2
        assert {r.table_name for r in everything} == {"users"}
        assert audit_table_names(session=session) == ["users"]
        assert read_audit(session=session, table_name="divisions") == []
        updates = read_audit(session=session, action="update")
        assert [json.loads(r.changes) for r in updates] == [{"role": ["clerk", "viewer"]}]
        assert len(read_audit(session=session, actor="CHI")) == 3  # part of the name, any case
        assert {r.actor for r in read_audit(session=session, actor="anon")} == {"anonymous"}
        assert len(read_audit(session=session, text="VIEWER")) == 1
        assert read_audit(session=session, text="%") == []  # LIKE wildcards are literal
        now = datetime.now(UTC)
        assert len(read_audit(session=session, since=now - timedelta(hours=1))) == len(everything)
        assert read_audit(session=session, since=now + timedelta(minutes=1)) == []
        assert read_audit(session=session, until=now - timedelta(hours=1)) == []
    with pytest.raises(PermissionDenied), db.session(DUTY) as session:
        audit_table_names(session=session)
