from __future__ import annotations

import hashlib
import json
import os
import statistics
import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from models.audit import log_in, read_audit
from models.database import Database
from models.refusals import Refused
from models.users import (
    Actor,
    LoginFailures,
    LoginRefused,
    Permission,
    PermissionDenied,
    User,
    authenticate,
    create_user,
    has_users,
    hash_password,
    login_delay,
    require,
    verify_password,
)
from tests.conftest import ADMIN


def scrypt_hash(password: str) -> str:
    """A hash as earlier releases stored it (scrypt, n=2**14)."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, n=2**14, r=8, p=1)
    return f"scrypt$16384$8$1${salt.hex()}${digest.hex()}"


def test_password_hash_is_salted_argon2id_at_owasp_parameters() -> None:
    first, second = hash_password("correct horse"), hash_password("correct horse")
    assert first != second
    # OWASP's password storage guidance: argon2id, 19 MiB, 2 iterations, 1 lane.
    assert first.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert verify_password("correct horse", first)
    assert not verify_password("wrong horse", first)
    assert not verify_password("correct horse", "not a hash")


def test_a_scrypt_hash_is_replaced_at_the_next_successful_login(db: Database) -> None:
    with db.session(ADMIN) as session:
        create_user(session=session, name="old", role="duty", password="old-password")
        session.execute(update(User).values(password_hash=scrypt_hash("old-password")))
    with pytest.raises(LoginRefused), db.session(None) as session:
        log_in(session=session, name="old", password="wrong-pass", where="console")
    with db.session(ADMIN) as session:
        assert session.scalar(select(User.password_hash)).startswith("scrypt$")
    with db.session(None) as session:
        log_in(session=session, name="old", password="old-password", where="console")
    with db.session(ADMIN) as session:
        stored = session.scalar(select(User.password_hash))
        changes = [
            (r.actor, json.loads(r.changes or "{}"))
            for r in read_audit(session=session, table_name="users")
            if r.action == "update"
        ]
    assert stored.startswith("$argon2id$")
    assert changes == [("old", {"password": "changed"})]  # never the hash
    with db.session(None) as session:  # the new hash checks the same password
        assert log_in(session=session, name="old", password="old-password", where="x").role == (
            "duty"
        )


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


def attempt(db: Database, name: str, password: str, workstation: str) -> str:
    """One login at ``workstation``: "ok" or the refusal's message."""
    try:
        with db.session(None, write=True) as session:
            log_in(
                session=session,
                name=name,
                password=password,
                where="console",
                workstation=workstation,
            )
    except LoginRefused as refused:
        return str(refused)
    return "ok"


def move_failures_back(db: Database, minutes: int = 5) -> None:
    """As if the last failures were ``minutes`` earlier (the longest wait is five)."""
    with db.session(ADMIN) as session:
        for row in session.scalars(select(LoginFailures)):
            row.last_failed_at -= timedelta(minutes=minutes)


def let_the_wait_pass(db: Database) -> None:
    move_failures_back(db)


def test_failures_slow_this_workstation_only(db: Database) -> None:
    with db.session(ADMIN) as session:
        create_user(session=session, name="duty1", role="duty", password="right-pass")
    assert attempt(db, "duty1", "right-pass", "ws-a") == "ok"
    for _ in range(3):
        assert "Wrong" in attempt(db, "duty1", "wrong-pass", "ws-a")
    # After three failures the next attempt there must wait, even with the right password...
    assert "seconds" in attempt(db, "duty1", "right-pass", "ws-a")
    # ...but the duty officer at the next console logs in at once.
    assert attempt(db, "duty1", "right-pass", "ws-b") == "ok"
    let_the_wait_pass(db)
    assert attempt(db, "duty1", "right-pass", "ws-a") == "ok"
    with db.session(ADMIN) as session:
        assert session.scalar(select(LoginFailures.failures)) is None  # forgotten on success
        assert session.scalar(select(User.last_login_at)) is not None


def test_a_wrong_password_every_five_minutes_locks_nobody_out(db: Database) -> None:
    """Elsewhere, one wrong password every five minutes kept the account locked everywhere."""
    with db.session(ADMIN) as session:
        create_user(session=session, name="duty1", role="duty", password="right-pass")
    for _ in range(12):
        attempt(db, "duty1", "wrong-pass", "ws-hostile")
        let_the_wait_pass(db)
    assert attempt(db, "duty1", "right-pass", "ws-duty-room") == "ok"


def test_old_failures_are_forgotten(db: Database) -> None:
    with db.session(ADMIN) as session:
        create_user(session=session, name="duty1", role="duty", password="right-pass")
    for _ in range(5):
        attempt(db, "duty1", "wrong-pass", "ws-a")
    move_failures_back(db, minutes=31)
    assert attempt(db, "duty1", "right-pass", "ws-a") == "ok"


def test_an_unknown_name_gets_the_same_messages_as_a_known_one(db: Database) -> None:
    with db.session(ADMIN) as session:
        create_user(session=session, name="duty1", role="duty", password="right-pass")
    known = [attempt(db, "duty1", "wrong-pass", "ws-a") for _ in range(5)]
    unknown = [attempt(db, "nobody", "wrong-pass", "ws-a") for _ in range(5)]
    assert known == unknown
    assert "seconds" in unknown[-1]  # the lock-out message, for a name that does not exist


@pytest.mark.serial  # compares two durations: run alone
def test_an_unknown_name_costs_the_time_a_known_one_does(db: Database) -> None:
    """Elsewhere an unknown name took twice as long: two hashes instead of one."""
    with db.session(ADMIN) as session:
        create_user(session=session, name="duty1", role="duty", password="right-pass")
    times: dict[str, list[float]] = {"duty1": [], "nobody": []}
    for i in range(9):
        for name in times:  # interleaved, each at a workstation of its own (no waiting)
            start = time.perf_counter()
            message = attempt(db, name, "wrong-pass", f"ws-{name}-{i}")
            times[name].append(time.perf_counter() - start)
            assert "Wrong" in message
    known, unknown = (statistics.median(times[n]) for n in ("duty1", "nobody"))
    assert abs(unknown - known) < 0.25 * known, (known, unknown)


def test_login_delay_grows_and_is_capped() -> None:
    assert login_delay(2).total_seconds() == 0
    assert login_delay(3).total_seconds() == 1
    assert login_delay(6).total_seconds() == 8
    assert login_delay(50).total_seconds() == 300


def test_first_user_must_be_an_administrator_and_names_are_bounded(db: Database) -> None:
    local = Actor.local_operator()
    with pytest.raises(Refused, match="first user"), db.session(local, write=True) as session:
        create_user(session=session, name="wang", role="duty", password="long-enough")
    with pytest.raises(Refused, match="40"), db.session(local, write=True) as session:
        create_user(session=session, name="x" * 41, role="admin", password="long-enough")
    with db.session(local, write=True) as session:
        create_user(session=session, name="chief", role="admin", password="long-enough")
    with pytest.raises(PermissionDenied), db.session(local, write=True) as session:
        create_user(session=session, name="wang", role="duty", password="long-enough")


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


def test_two_first_administrators_at_once_make_one(db: Database) -> None:
    """Both see a database without users; the second waits for the first and is refused
    (elsewhere three concurrent first users were all created on PostgreSQL)."""
    local = Actor.local_operator()
    outcome: list[BaseException | None] = []
    with db.session(local, write=True) as first:
        create_user(session=first, name="chief", role="admin", password="long-enough")

        def second() -> None:
            try:
                with db.session(local, write=True) as session:
                    assert not has_users(session=session) or db.is_sqlite
                    create_user(session=session, name="zhang", role="admin", password="long-enough")
            except Refused as refused:
                outcome.append(refused)
            else:
                outcome.append(None)

        thread = threading.Thread(target=second)
        thread.start()
        thread.join(0.5)
        assert thread.is_alive()  # waiting for the first to commit
    thread.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], Refused)
    with db.session(ADMIN) as session:
        assert session.scalars(select(User.name)).all() == ["chief"]


def test_absurd_names_are_answered_not_crashed_on(db: Database) -> None:
    """Elsewhere a name over 40 characters or with a NUL failed on PostgreSQL (exit 3)."""
    with db.session(ADMIN) as session:
        create_user(session=session, name="duty1", role="duty", password="right-pass")
    for name in ("x" * 300, "du\x00ty1", "\x00"):
        assert "Wrong" in attempt(db, name, "right-pass", "ws-a")
    for name in ("x" * 41, "a\x00b", "tab\there"):
        with pytest.raises(Refused), db.session(ADMIN) as session:
            create_user(session=session, name=name, role="viewer", password="long-enough")
