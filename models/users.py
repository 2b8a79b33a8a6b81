"""Users, roles and permissions, and who is acting in a session.

The acting user travels in ``session.info["actor"]``; domain functions call
``require(session, Permission.X)`` so a permission holds whatever the caller is
(GUI, command line or test), not only where a button is hidden.
"""

from __future__ import annotations

import enum
import getpass
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from PySide6.QtCore import QCoreApplication
from sqlalchemy import Boolean, Integer, String, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, utcnow
from models.fields import FieldChecker, has_control_characters
from models.messages import fill
from models.meta import MetaEntry
from models.operators import computer_name
from models.refusals import Conflict, NotFound, PermissionDenied, Refused

ROLE_NAMES = ("admin", "duty", "planner", "clerk", "viewer")
# The local operator: on SQLite without --user, the operating-system user at this machine.
# Not a role a user can be given; the last column of the matrix.
LOCAL_ROLE = "local"
ROLE_COLUMNS = (*ROLE_NAMES, LOCAL_ROLE)


class Permission(enum.Enum):
    READ_REGISTER = "read_register"
    EDIT_REGISTER = "edit_register"
    IMPORT_DATA = "import_data"
    SEE_PERSONAL = "see_personal"
    UNMASK_EXPORTS = "unmask_exports"
    CHECK_IN = "check_in"
    MANAGE_EVENTS = "manage_events"
    MANAGE_USERS = "manage_users"
    READ_AUDIT = "read_audit"
    ADMINISTER_DATABASE = "administer_database"
    WRITE_DUTY_LOG = "write_duty_log"
    EDIT_PLANS = "edit_plans"
    RUN_PLANS = "run_plans"
    ISSUE_SUPPLIES = "issue_supplies"
    RECEIVE_SUPPLIES = "receive_supplies"
    COUNT_SUPPLIES = "count_supplies"
    MANAGE_SUPPLY_CATALOGUE = "manage_supply_catalogue"
    MANAGE_TEAMS = "manage_teams"


# The role-permission matrix, one row per permission (docs/architecture.md shows the same
# table; a test keeps them equal). A module that adds a permission adds its row here.
# The local operator keeps the machine and the data in it (maintenance, imports, masked
# exports and printouts) but sees no personal number in full and manages no user (except
# the first administrator of a database without users: ``create_user``).
# fmt: off
ROLE_MATRIX: dict[Permission, tuple[int, int, int, int, int, int]] = {
    #                                admin duty planner clerk viewer local
    Permission.READ_REGISTER:       (1,    1,   1,      1,    1,     1),
    Permission.EDIT_REGISTER:       (1,    1,   1,      0,    0,     0),
    Permission.IMPORT_DATA:         (1,    1,   1,      0,    0,     1),
    Permission.SEE_PERSONAL:        (1,    1,   1,      1,    0,     0),
    Permission.UNMASK_EXPORTS:      (1,    1,   0,      0,    0,     0),
    Permission.CHECK_IN:            (1,    1,   1,      0,    0,     0),
    Permission.MANAGE_EVENTS:       (1,    1,   0,      0,    0,     0),
    Permission.MANAGE_USERS:        (1,    0,   0,      0,    0,     0),
    Permission.READ_AUDIT:          (1,    0,   0,      0,    0,     0),
    Permission.ADMINISTER_DATABASE: (1,    0,   0,      0,    0,     1),
    Permission.WRITE_DUTY_LOG:      (1,    1,   0,      1,    0,     0),
    Permission.EDIT_PLANS:          (1,    0,   1,      0,    0,     0),
    Permission.RUN_PLANS:           (1,    1,   0,      0,    0,     0),
    Permission.ISSUE_SUPPLIES:      (1,    1,   0,      0,    0,     0),
    Permission.RECEIVE_SUPPLIES:    (1,    1,   0,      1,    0,     0),
    Permission.COUNT_SUPPLIES:      (1,    1,   0,      1,    0,     0),
    Permission.MANAGE_SUPPLY_CATALOGUE: (1, 0,  1,      0,    0,     0),
    Permission.MANAGE_TEAMS:        (1,    1,   1,      0,    0,     0),
}
# fmt: on
ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    role: frozenset(p for p, allowed in ROLE_MATRIX.items() if allowed[column])
    for column, role in enumerate(ROLE_COLUMNS)
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: a database user, or the local operating-system user on SQLite."""

    name: str
    role: str

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS.get(self.role, frozenset())

    @classmethod
    def local_operator(cls) -> Actor:
        try:
            who = getpass.getuser()
        except Exception:
            who = "unknown"
        return cls(name=f"os:{who}", role=LOCAL_ROLE)


def actor_of(session: Session) -> Actor | None:
    actor = session.info.get("actor")
    return actor if isinstance(actor, Actor) else None


def require(session: Session, permission: Permission) -> Actor:
    """The acting user, if allowed to do what ``permission`` names; else PermissionDenied."""
    actor = actor_of(session)
    if actor is None or not actor.can(permission):
        raise PermissionDenied(
            fill(
                QCoreApplication.translate("Users", "You are not allowed to do this (needs: %1)."),
                permission.value,
            )
        )
    return actor


NAME_LENGTH = 40
"""The longest user name both backends store."""


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH), unique=True)
    role: Mapped[str] = mapped_column(String(10))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Set by a successful login (a Core update: the login itself is in the audit log).
    last_login_at: Mapped[datetime | None] = mapped_column()


class LoginFailures(Base):
    """Failed logins of one user name at one workstation since its last success there.

    Kept per workstation so that wrong passwords typed at one console slow that console
    only: nobody can lock the duty account out of every workstation. Kept by name, known
    or not, so an unknown name is slowed and answered exactly like a real one.
    """

    __tablename__ = "login_failures"

    workstation: Mapped[str] = mapped_column(String(80), primary_key=True)
    user_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    last_failed_at: Mapped[datetime] = mapped_column()


# argon2id at OWASP's recommended minimum (19 MiB, two passes, one lane): about 45 ms
# per hash on the 2-core test machines. Hashes of earlier releases (scrypt, n=2**14)
# still verify and are replaced at the owner's next successful login.
PASSWORD_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# A hash of a random password nobody knows, made with PASSWORD_HASHER's parameters: an
# unknown or inactive name is checked against it, so it costs what a real check costs.
_NOBODY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$aGlrbSIJRQjkYv/g60Y2kg$C1K8eh4uAcf1nB8BsnOFXvfAvUCEkLAb9c0X5PgTXRY"


def hash_password(password: str) -> str:
    return PASSWORD_HASHER.hash(password)


def verify_password(password: str, stored: str) -> bool:
    if stored.startswith("scrypt$"):
        return _verify_scrypt(password, stored)
    try:
        return PASSWORD_HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def _verify_scrypt(password: str, stored: str) -> bool:
    """A hash of earlier releases: ``scrypt$n$r$p$salt$digest``."""
    try:
        _scheme, n, r, p, salt, digest = stored.split("$")
        candidate = hashlib.scrypt(
            password.encode(), salt=bytes.fromhex(salt), dklen=32, n=int(n), r=int(r), p=int(p)
        )
    except ValueError:
        return False
    return hmac.compare_digest(candidate.hex(), digest)


def needs_rehash(stored: str) -> bool:
    """True for a hash that is not argon2id at today's parameters."""
    if stored.startswith("scrypt$"):
        return True
    try:
        return PASSWORD_HASHER.check_needs_rehash(stored)
    except (InvalidHashError, ValueError):
        return True


MIN_PASSWORD_LENGTH = 8


def validate_new_password(password: str) -> str | None:
    """A reason the password cannot be used, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return fill(
            QCoreApplication.translate("Users", "The password must have at least %1 characters."),
            str(MIN_PASSWORD_LENGTH),
        )
    return None


def has_users(*, session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(User)))


# Written in the transaction that creates the first administrator of a database: the
# primary key lets only one of several concurrent first creations commit.
FIRST_ADMIN_KEY = "first_administrator"


def may_add_user(*, session: Session, role: str) -> bool:
    """Refuses what ``create_user`` would refuse for the acting user and ``role``, before
    anyone types a password; True when the new user would be the database's first."""
    if role not in ROLE_NAMES:
        raise Refused(fill(QCoreApplication.translate("Users", "Unknown role: %1"), role))
    first = not has_users(session=session)
    actor = actor_of(session)
    if not first:
        if actor is not None and actor.role == LOCAL_ROLE:
            raise PermissionDenied(
                QCoreApplication.translate(
                    "Users",
                    "This database has users already: an administrator adds users (--user NAME).",
                )
            )
        require(session, Permission.MANAGE_USERS)
    elif role != "admin" and not (actor is not None and actor.can(Permission.MANAGE_USERS)):
        raise Refused(
            QCoreApplication.translate(
                "Users", "The first user of a database must be an administrator (--role admin)."
            )
        )
    return first


def create_user(*, session: Session, name: str, role: str, password: str) -> User:
    """Add a user. Needs MANAGE_USERS, except for the first user of a database without
    users, who must be an administrator and is created by one caller only."""
    first = may_add_user(session=session, role=role)
    name = name.strip()
    if not name:
        raise Refused(QCoreApplication.translate("Users", "The user name is empty."))
    checker = FieldChecker()
    checker.text("name", name, NAME_LENGTH)
    if checker.problems:
        raise Refused(
            fill(
                QCoreApplication.translate("Users", "The user name cannot be used: %1"),
                checker.problems[0][1],
            )
        )
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise Refused(
            QCoreApplication.translate("Users", "A user name cannot hold control characters.")
        )
    if session.scalar(select(User.id).where(User.name == name)) is not None:
        raise Conflict(
            fill(QCoreApplication.translate("Users", "The user %1 already exists."), name)
        )
    problem = validate_new_password(password)
    if problem:
        raise Refused(problem)
    if first:
        _claim_first_admin(session, name)
    user = User(name=name, role=role, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    return user


def _claim_first_admin(session: Session, name: str) -> None:
    """Only one of several concurrent creations of the first user gets the key (a Core
    insert: the user's own row is the audited fact): on
    PostgreSQL the others wait for it and fail on its primary key (on SQLite the write
    lock taken at the start of the unit of work orders them, and later ones find a user)."""
    try:
        with session.begin_nested():
            session.execute(insert(MetaEntry).values(key=FIRST_ADMIN_KEY, value=name[:200]))
    except IntegrityError:
        raise Conflict(
            QCoreApplication.translate(
                "Users",
                "Another administrator was created at the same time; log in as that "
                "administrator to add users.",
            )
        ) from None


def login_delay(failed_logins: int) -> timedelta:
    """Wait imposed before the next attempt: none for three failures, then doubling to 5 min."""
    if failed_logins < 3:
        return timedelta(0)
    return timedelta(seconds=min(2 ** (failed_logins - 3), 300))


# Failures older than this are forgotten: a wrong password now and then keeps nobody out.
FAILURES_FORGOTTEN_AFTER = timedelta(minutes=30)


class LoginRefused(Refused):
    """Wrong name or password, or too soon after failures; the message is for the user."""


def authenticate(
    *, session: Session, name: str, password: str, workstation: str | None = None
) -> Actor:
    """Check a password; failures slow the next attempts of this name at this workstation.

    Unknown, inactive and known names take the same path and the same time (one password
    hash, the same reads and writes) and get the same messages. A successful login whose
    stored hash is not argon2id at today's parameters stores a new one.
    """
    wrong = QCoreApplication.translate("Users", "Wrong user name or password.")
    name = name.strip().replace("\x00", "\ufffd")  # PostgreSQL refuses NUL in a text
    key_name = name[:60]
    where = (workstation or computer_name())[:80]
    now = utcnow()
    failures = session.execute(
        select(LoginFailures.failures, LoginFailures.last_failed_at).where(
            LoginFailures.workstation == where, LoginFailures.user_name == key_name
        )
    ).first()
    count = 0
    if failures is not None and now - failures.last_failed_at < FAILURES_FORGOTTEN_AFTER:
        count = failures.failures
        wait = failures.last_failed_at + login_delay(count) - now
        if wait > timedelta(0):
            raise LoginRefused(
                fill(
                    QCoreApplication.translate(
                        "Users", "Too many failed attempts. Try again in %1 seconds."
                    ),
                    str(int(wait.total_seconds()) + 1),
                )
            )
    user = (
        None  # no name holds one; PostgreSQL refuses a NUL even in a query
        if has_control_characters(name)
        else session.scalar(select(User).where(User.name == name))
    )
    known = user is not None and user.active
    stored = user.password_hash if user is not None and user.active else _NOBODY_HASH
    if not verify_password(password, stored) or not known:
        _count_failure(session, where, key_name, count + 1, now, exists=failures is not None)
        raise LoginRefused(wrong)
    assert user is not None
    if failures is not None:
        session.execute(
            delete(LoginFailures).where(
                LoginFailures.workstation == where, LoginFailures.user_name == key_name
            )
        )
    session.execute(update(User).where(User.id == user.id).values(last_login_at=now))
    actor = Actor(name=user.name, role=user.role)
    if needs_rehash(user.password_hash):
        _store_new_hash(session, user, password, actor)
    return actor


def _count_failure(
    session: Session, where: str, name: str, count: int, now: datetime, *, exists: bool
) -> None:
    """Core statements: the counter is not audited (the login attempt is, by log_in)."""
    values = {"failures": count, "last_failed_at": now}
    key = (LoginFailures.workstation == where, LoginFailures.user_name == name)
    if exists:
        session.execute(update(LoginFailures).where(*key).values(values))
        return
    try:
        with session.begin_nested():
            session.execute(
                insert(LoginFailures).values(workstation=where, user_name=name, **values)
            )
    except IntegrityError:  # counted meanwhile by a second attempt from this workstation
        session.execute(update(LoginFailures).where(*key).values(values))


def _store_new_hash(session: Session, user: User, password: str, actor: Actor) -> None:
    """The upgrade of an older hash, audited as the user's own change of it."""
    before = session.info.get("actor")
    session.info["actor"] = actor
    try:
        user.password_hash = hash_password(password)
        session.flush()
    finally:
        session.info["actor"] = before


def forget_failures(*, session: Session, name: str) -> None:
    """Failed logins of ``name`` at every workstation are forgotten (a password reset)."""
    session.execute(delete(LoginFailures).where(LoginFailures.user_name == name.strip()[:60]))


# -- administration: the user list, roles, activation and password resets ----------------


@dataclass(frozen=True)
class UserRow:
    """A user as the administration table shows it (no password hash)."""

    id: int
    name: str
    role: str
    active: bool
    failed_logins: int  # at every workstation, in the last FAILURES_FORGOTTEN_AFTER
    created_at: datetime
    last_login_at: datetime | None = None


def list_users(*, session: Session) -> list[UserRow]:
    """Every user, by name; administrators only."""
    require(session, Permission.MANAGE_USERS)
    recent = (
        select(LoginFailures.user_name, func.sum(LoginFailures.failures).label("failures"))
        .where(LoginFailures.last_failed_at > utcnow() - FAILURES_FORGOTTEN_AFTER)
        .group_by(LoginFailures.user_name)
        .subquery()
    )
    result = session.execute(
        select(
            User.id,
            User.name,
            User.role,
            User.active,
            func.coalesce(recent.c.failures, 0),
            User.created_at,
            User.last_login_at,
        )
        .outerjoin(recent, recent.c.user_name == User.name)
        .order_by(User.name)
    )
    return [UserRow(*row) for row in result]


def find_user(*, session: Session, name: str) -> int:
    """The id of the user called ``name``; NotFound when there is none."""
    require(session, Permission.MANAGE_USERS)
    user_id = session.scalar(select(User.id).where(User.name == name.strip()))
    if user_id is None:
        raise NotFound(fill(QCoreApplication.translate("Users", "No user is called %1."), name))
    return user_id


def _user_for_change(session: Session, user_id: int) -> tuple[User, int]:
    """The user to change and how many active administrators there are.

    The active administrators' rows are locked first, in id order, so two
    administrators demoting each other at once cannot both succeed (PostgreSQL;
    SQLite lets one writer at a time anyway).
    """
    admin_ids = session.scalars(
        select(User.id)
        .where(User.role == "admin", User.active.is_(True))
        .order_by(User.id)
        .with_for_update()
    ).all()
    user = session.get(User, user_id, populate_existing=True)
    if user is None:
        raise NotFound(
            QCoreApplication.translate("Users", "This user no longer exists; reload the list.")
        )
    return user, len(admin_ids)


def _refuse_losing_last_admin(user: User, active_admins: int) -> None:
    if user.role == "admin" and user.active and active_admins <= 1:
        raise Conflict(
            fill(
                QCoreApplication.translate(
                    "Users",
                    "%1 is the last active administrator. Make another user an administrator first.",
                ),
                user.name,
            )
        )


def set_user_role(*, session: Session, user_id: int, role: str) -> None:
    """Give a user another role; the last active administrator keeps theirs."""
    require(session, Permission.MANAGE_USERS)
    if role not in ROLE_NAMES:
        raise Refused(fill(QCoreApplication.translate("Users", "Unknown role: %1"), role))
    user, active_admins = _user_for_change(session, user_id)
    if user.role == role:
        return
    if role != "admin":
        _refuse_losing_last_admin(user, active_admins)
    user.role = role
    session.flush()


def set_user_active(*, session: Session, user_id: int, active: bool) -> None:
    """Allow or stop a user's logins; nobody deactivates themselves or the last administrator."""
    acting = require(session, Permission.MANAGE_USERS)
    user, active_admins = _user_for_change(session, user_id)
    if user.active == active:
        return
    if not active:
        if user.name == acting.name:
            raise Refused(
                QCoreApplication.translate(
                    "Users", "You cannot deactivate yourself. Ask another administrator."
                )
            )
        _refuse_losing_last_admin(user, active_admins)
    user.active = active
    session.flush()


def reset_password(*, session: Session, user_id: int, password: str) -> None:
    """Set a new password and forget earlier failed logins, so the user can log in at once."""
    require(session, Permission.MANAGE_USERS)
    problem = validate_new_password(password)
    if problem:
        raise Refused(problem)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(
            QCoreApplication.translate("Users", "This user no longer exists; reload the list.")
        )
    user.password_hash = hash_password(password)
    session.flush()
    forget_failures(session=session, name=user.name)
