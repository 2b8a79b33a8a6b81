"""``user add NAME [--role ROLE] | list | deactivate NAME | activate NAME``: accounts,
including the first administrator of a new database.

The acting user's password comes from ECC_PASSWORD (or the first line of standard input);
a new user's password from ECC_NEW_PASSWORD, its own prompt, or the next line of standard
input, never from the acting user's.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QCoreApplication

from models.labels import ROLES, label
from models.messages import fill
from models.users import ROLE_NAMES, Actor
from ui.cli.core import EXIT_OK, Commands, Context, UsageError, read_secret, say

NEW_PASSWORD_VARIABLE = "ECC_NEW_PASSWORD"


def register(commands: Commands) -> None:
    """Adds ``user`` and its actions to the command line."""
    user = commands.add_parser(
        "user",
        help=QCoreApplication.translate("CommandLine", "manage users"),
        description=QCoreApplication.translate(
            "CommandLine",
            "Manage users (administrators; on a database without users the local operator "
            "creates the first administrator). The acting user's password comes from "
            "ECC_PASSWORD or standard input; a new user's password from ECC_NEW_PASSWORD, a "
            "prompt, or the next line of standard input.",
        ),
    )
    actions = user.add_subparsers(dest="user_action", metavar="ACTION", required=True)
    add_help = QCoreApplication.translate(
        "CommandLine",
        "add a user (password from ECC_NEW_PASSWORD, a prompt or standard input; "
        "the first user of a database is its administrator)",
    )
    add = actions.add_parser(
        "add",
        help=add_help,
        description=QCoreApplication.translate(
            "CommandLine",
            "Add a user. The new user's password comes from ECC_NEW_PASSWORD, else its own "
            "prompt, else the next line of standard input; never from ECC_PASSWORD, which "
            "holds the password of the administrator acting with --user. The first user of "
            "a database without users is its administrator (no --user needed).",
        ),
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument(
        "--role",
        choices=ROLE_NAMES,
        help=QCoreApplication.translate(
            "CommandLine", "the user's role (admin for the first user of a database)"
        ),
    )
    actions.add_parser(
        "list",
        help=QCoreApplication.translate(
            "CommandLine", "list the users: name, role, active or not, last login"
        ),
    )
    for action, text in (
        ("deactivate", QCoreApplication.translate("CommandLine", "stop a user's logins")),
        ("activate", QCoreApplication.translate("CommandLine", "allow a user's logins again")),
    ):
        parser = actions.add_parser(action, help=text)
        parser.add_argument("name", metavar="NAME")
    user.set_defaults(handler=run)


def run(ctx: Context) -> int:
    """Runs the chosen action."""
    action = ctx.args.user_action
    if action == "add":
        return _add(ctx)
    if action == "list":
        return _list(ctx)
    return _set_active(ctx, active=action == "activate")


def _add(ctx: Context) -> int:
    """Adds the user; the first user of a database without users is its administrator and
    needs nobody's permission."""
    from models.users import create_user, has_users, may_add_user

    args = ctx.args
    with ctx.db.session(None) as session:
        first = not has_users(session=session)
    # Without --user, on either backend, the local operator asks for the first
    # administrator (refused below once a user exists). With --user the acting user logs
    # in first: its password is read before the new user's.
    actor = ctx.actor if args.user else Actor.local_operator()
    # Without --user the request is for the first administrator, refused below if another
    # user exists; with --user an administrator names the new user's role.
    role = args.role or ("admin" if first or not args.user else None)
    if role is None:
        raise UsageError(
            QCoreApplication.translate(
                "CommandLine", "Name the new user's role: --role admin|duty|planner|clerk|viewer"
            )
        )
    with ctx.db.session(actor) as session:  # refused before anyone types a password
        may_add_user(session=session, role=role)
    password = read_secret(
        fill(QCoreApplication.translate("CommandLine", "Password for %1: "), args.name),
        confirm=True,
        variable=NEW_PASSWORD_VARIABLE,
    )
    with ctx.db.session(actor, write=True) as session:
        create_user(session=session, name=args.name, role=role, password=password)
    say(
        fill(
            QCoreApplication.translate("CommandLine", "User %1 added with role %2."),
            args.name,
            role,
        )
    )
    return EXIT_OK


def _list(ctx: Context) -> int:
    """One line per user: name, role, active or not, last login (no password, no hash)."""
    from models.clock import display_time
    from models.users import list_users

    with ctx.db.session(ctx.actor) as session:
        rows = list_users(session=session)
    never = QCoreApplication.translate("CommandLine", "never")
    table = [
        (
            QCoreApplication.translate("CommandLine", "User"),
            QCoreApplication.translate("CommandLine", "Role"),
            QCoreApplication.translate("CommandLine", "Status"),
            QCoreApplication.translate("CommandLine", "Last login"),
        )
    ]
    for row in rows:
        table.append(
            (
                row.name,
                f"{row.role} {label(ROLES, row.role)}",
                QCoreApplication.translate("CommandLine", "active")
                if row.active
                else QCoreApplication.translate("CommandLine", "deactivated"),
                display_time(row.last_login_at) if row.last_login_at else never,
            )
        )
    widths = [max(_width(line[i]) for line in table) for i in range(4)]
    for line in table:
        say("  ".join(_pad(cell, widths[i]) for i, cell in enumerate(line)).rstrip())
    return EXIT_OK


def _width(text: str) -> int:
    """Columns on a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _set_active(ctx: Context, *, active: bool) -> int:
    """Stops or allows a user's logins; the last active administrator stays."""
    from models.users import find_user, set_user_active

    name = ctx.args.name
    with ctx.db.session(ctx.actor, write=True) as session:
        set_user_active(
            session=session, user_id=find_user(session=session, name=name), active=active
        )
    say(
        fill(
            QCoreApplication.translate("CommandLine", "User %1 may log in again.")
            if active
            else QCoreApplication.translate("CommandLine", "User %1 may no longer log in."),
            name,
        )
    )
    return EXIT_OK
