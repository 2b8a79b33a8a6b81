from __future__ import annotations

import pytest
from sqlalchemy import select, update

from models.database import Database
from models.refusals import Refused
from models.users import (
    Actor,
    LoginRefused,
    Permission,
    PermissionDenied,
    User,
    authenticate,
    create_user,
    hash_password,
    login_delay,
    require,
    verify_password,
)
from tests.conftest import ADMIN


def test_password_hash_is_salted_scrypt_and_verifies() -> None:
    first, second = hash_password("correct horse"), hash_password("correct horse")
    assert first != second and first.startswith("scrypt$")
    assert verify_password("correct horse", first)
    assert not verify_password("wrong horse", first)


def test_first_admin_needs_no_permission_but_later_users_do(db: Database) -> None:
    with db.session(None) as session:
        create_user(session=session, name="chief", role="admin", password="s3cret-pass")
    with pytest.raises(PermissionDenied), db.session(None) as session:
        create_user(session=session, name="second", role="admin", password="s3cret-pass")
    with pytest.raises(PermissionDenied), db.session(Actor("d", "duty")) as session:
        create_user(session=session, name="clerk1", role="clerk", password="s3cret-pass")
    with db.session(ADMIN) as session:
        create_user(session=session, name="clerk1", role="clerk", password="s3cret-pass")
    with db.session(ADMIN) as session:
        assert session.scalars(select(User.name).order_by(User.name)).all() == ["chief", "clerk1"]


def test_short_password_and_duplicate_name_are_refused(db: Database) -> None:
    with pytest.raises(Refused), db.session(ADMIN) as session:
        create_user(session=session, name="a", role="duty", password="short")
    with db.session(ADMIN) as session:
        create_user(session=session, name="a", role="duty", password="long-enough")
    with pytest.raises(Refused), db.session(ADMIN) as session:
        create_user(session=session, name="a", role="viewer", password="long-enough")


def test_login_returns_the_role_and_failures_slow_down(db: Database) -> None:
    with db.session(ADMIN) as session:
        create_user(session=session, name="duty1", role="duty", password="right-pass")
    with db.session(None) as session:
        actor = authenticate(session=session, name="duty1", password="right-pass")
    assert actor == Actor("duty1", "duty")
    for _ in range(4):
        with db.session(None) as session:
            try:
                authenticate(session=session, name="duty1", password="wrong-pass")
            except LoginRefused:
                session.commit()
    # After four failures the next attempt must wait, even with the right password.
    with pytest.raises(LoginRefused, match="seconds"), db.session(None) as session:
        authenticate(session=session, name="duty1", password="right-pass")
    with db.session(ADMIN) as session:  # let the wait pass
        session.execute(update(User).values(last_failed_at=None))
    with db.session(None) as session:
        assert authenticate(session=session, name="duty1", password="right-pass").role == "duty"
        assert session.scalar(select(User.failed_logins)) == 0


def test_login_delay_grows_and_is_capped() -> None:
    assert login_delay(2).total_seconds() == 0
    assert login_delay(3).total_seconds() == 1
    assert login_delay(6).total_seconds() == 8
    assert login_delay(50).total_seconds() == 300


def test_unknown_user_gets_the_same_answer_as_a_wrong_password(db: Database) -> None:
    with pytest.raises(LoginRefused) as unknown, db.session(None) as session:
        authenticate(session=session, name="nobody", password="whatever1")
    with db.session(ADMIN) as session:
        create_user(session=session, name="x", role="viewer", password="right-pass")
    with pytest.raises(LoginRefused) as wrong, db.session(None) as session:
        authenticate(session=session, name="x", password="wrong-pass")
    assert str(unknown.value) == str(wrong.value)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("admin", True), ("duty", False), ("planner", False), ("clerk", False), ("viewer", False)],
)
def test_only_administrators_read_the_audit(db: Database, role: str, allowed: bool) -> None:
    with db.session(Actor("someone", role)) as session:
        if allowed:
            require(session, Permission.READ_AUDIT)
        else:
            with pytest.raises(PermissionDenied):
                require(session, Permission.READ_AUDIT)
