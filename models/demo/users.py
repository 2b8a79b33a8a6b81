"""The demo accounts: one per role, named after it, with a published password.

Written only in a database built as a demo from empty (no users, no data, or a demo
database rebuilt): a database with users of its own never gets accounts whose passwords
anyone can read in the README. The names written are kept in ``DEMO_ACCOUNTS_KEY``, which
the login screen lists.
"""

from __future__ import annotations

from models.demo.common import DemoBuild, DemoStep, _insert
from models.meta import DEMO_ACCOUNTS_KEY, set_meta
from models.users import User, hash_password

DEMO_ACCOUNTS: dict[str, str] = {
    "admin": "demo-admin",
    "duty": "demo-duty",
    "planner": "demo-planner",
    "clerk": "demo-clerk",
    "viewer": "demo-viewer",
}


def _write(build: DemoBuild) -> None:
    """The demo accounts, when the builder found no user (a rebuild keeps the users it finds)."""
    if not build.with_accounts:
        return
    accounts = tuple(DEMO_ACCOUNTS)
    _insert(
        build.session,
        User,
        [
            {"name": name, "role": name, "password_hash": hash_password(DEMO_ACCOUNTS[name])}
            for name in accounts
        ],
    )
    set_meta(session=build.session, key=DEMO_ACCOUNTS_KEY, value=",".join(accounts))
    build.add(users=len(accounts), accounts=accounts)


STEP = DemoStep("users", _write)
