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
import os
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from sqlalchemy import Boolean, Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, utcnow
from models.fields import FieldChecker, has_control_characters
from models.messages import fill
from models.refusals import Conflict, NotFound, PermissionDenied, Refused

ROLE_NAMES = ("admin", "duty", "planner", "clerk", "viewer")


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


# The role-permission matrix, one row per permission (docs/architecture.md shows the same
# table; a test keeps them equal). A module that adds a permission adds its row here.
# fmt: off
ROLE_MATRIX: dict[Permission, tuple[int, int, int, int, int]] = {
    #                                admin duty planner clerk viewer
    Permission.READ_REGISTER:       (1,    1,   1,      1,    1),
    Permission.EDIT_REGISTER:       (1,    1,   1,      0,    0),
    Permission.IMPORT_DATA:         (1,    1,   1,      0,    0),
    Permission.SEE_PERSONAL:        (1,    1,   1,      1,    0),
    Permission.UNMASK_EXPORTS:      (1,    1,   0,      0,    0),
    Permission.CHECK_IN:            (1,    1,   1,      0,    0),
    Permission.MANAGE_EVENTS:       (1,    1,   1,      0,    0),
    Permission.MANAGE_USERS:        (1,    0,   0,      0,    0),
    Permission.READ_AUDIT:          (1,    0,   0,      0,    0),
    Permission.ADMINISTER_DATABASE: (1,    0,   0,      0,    0),
}
# fmt: on
ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    role: frozenset(p for p, allowed in ROLE_MATRIX.items() if allowed[column])
    for column, role in enumerate(ROLE_NAMES)
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
        return cls(name=f"os:{who}", role="admin")


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
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


# scrypt is memory-hard: n=2**14, r=8 uses 16 MiB per hash.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(
        password.encode(), salt=bytes.fromhex(salt), dklen=32, n=int(n), r=int(r), p=int(p)
    )
    return hmac.compare_digest(candidate.hex(), digest)


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


def create_user(*, session: Session, name: str, role: str, password: str) -> User:
    """Add a user. Needs MANAGE_USERS, except for the first administrator of a new database."""
    if has_users(session=session) or role != "admin":
        require(session, Permission.MANAGE_USERS)
    if role not in ROLE_NAMES:
        raise Refused(fill(QCoreApplication.translate("Users", "Unknown role: %1"), role))
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
    if session.scalar(select(User.id).where(User.name == name)) is not None:
        raise Conflict(
            fill(QCoreApplication.translate("Users", "The user %1 already exists."), name)
        )
    problem = validate_new_password(password)
    if problem:
        raise Refused(problem)
    user = User(name=name, role=role, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    return user


def login_delay(failed_logins: int) -> timedelta:
    """Wait imposed before the next attempt: none for three failures, then doubling to 5 min."""
    if failed_logins < 3:
        return timedelta(0)
    return timedelta(seconds=min(2 ** (failed_logins - 3), 300))


class LoginRefused(Refused):
    """Wrong name or password, or too soon after failures; the message is for the user."""


def authenticate(*, session: Session, name: str, password: str) -> Actor:
    """Check a password; failures are counted in the database so every process slows down."""
    wrong = QCoreApplication.translate("Users", "Wrong user name or password.")
    user = (
        None  # no name holds one; PostgreSQL refuses a NUL even in a query
        if has_control_characters(name)
        else session.scalar(select(User).where(User.name == name.strip()))
    )
    if user is None or not user.active:
        verify_password(password, hash_password("timing"))  # same cost as a real check
        raise LoginRefused(wrong)
    now = utcnow()
    if user.last_failed_at is not None:
        wait = user.last_failed_at + login_delay(user.failed_logins) - now
        if wait > timedelta(0):
            raise LoginRefused(
                fill(
                    QCoreApplication.translate(
                        "Users", "Too many failed attempts. Try again in %1 seconds."
                    ),
                    str(int(wait.total_seconds()) + 1),
                )
            )
    # The session runs as nobody while counting failures: the login itself is audited.
    if not verify_password(password, user.password_hash):
        user.failed_logins += 1
        user.last_failed_at = now
        raise LoginRefused(wrong)
    user.failed_logins = 0
    user.last_failed_at = None
    return Actor(name=user.name, role=user.role)


# -- administration: the user list, roles, activation and password resets ----------------


@dataclass(frozen=True)
class UserRow:
    """A user as the administration table shows it (no password hash)."""

    id: int
    name: str
    role: str
    active: bool
    failed_logins: int
    created_at: datetime


def list_users(*, session: Session) -> list[UserRow]:
    """Every user, by name; administrators only."""
    require(session, Permission.MANAGE_USERS)
    result = session.execute(
        select(
            User.id, User.name, User.role, User.active, User.failed_logins, User.created_at
        ).order_by(User.name)
    )
    return [UserRow(*row) for row in result]


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
    user.failed_logins = 0
    user.last_failed_at = None
    session.flush()
