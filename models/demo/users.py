"""The demo accounts: one per role, named after it, with a known password."""

from __future__ import annotations

from sqlalchemy import select

from models.demo.common import DemoBuild, DemoStep, _insert
from models.users import User, hash_password

DEMO_ACCOUNTS: dict[str, str] = {
    "admin": "demo-admin",
    "duty": "demo-duty",
    "planner": "demo-planner",
    "clerk": "demo-clerk",
    "viewer": "demo-viewer",
}


def _write(build: DemoBuild) -> None:
    """The accounts not taken yet (a forced rebuild keeps the accounts it finds)."""
    session = build.session
    taken = set(session.scalars(select(User.name).where(User.name.in_(list(DEMO_ACCOUNTS)))))
    accounts = tuple(name for name in DEMO_ACCOUNTS if name not in taken)
    if accounts:
        _insert(
            session,
            User,
            [
                {"name": name, "role": name, "password_hash": hash_password(DEMO_ACCOUNTS[name])}
                for name in accounts
            ],
        )
    build.add(users=len(accounts), accounts=accounts)


STEP = DemoStep("users", _write)
