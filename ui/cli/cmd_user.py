"""``user add NAME --role ROLE``: accounts, including the first administrator of a new database."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.messages import fill
from models.users import Actor
from ui.cli.core import EXIT_OK, Commands, Context, read_secret, say


def register(commands: Commands) -> None:
    """Adds ``user`` and its actions to the command line."""
    user = commands.add_parser(
        "user", help=QCoreApplication.translate("CommandLine", "manage users")
    )
    actions = user.add_subparsers(dest="user_action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        help=QCoreApplication.translate(
            "CommandLine", "add a user (password from a prompt or standard input)"
        ),
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument(
        "--role", required=True, choices=("admin", "duty", "planner", "clerk", "viewer")
    )
    user.set_defaults(handler=run)


def run(ctx: Context) -> int:
    """Adds the user; the first administrator of a new database needs nobody's permission."""
    from models.users import create_user, has_users

    args = ctx.args
    with ctx.db.session(None) as session:
        first = not has_users(session=session)
    actor = Actor.local_operator() if first and not args.user else ctx.actor
    password = read_secret(
        fill(QCoreApplication.translate("CommandLine", "Password for %1: "), args.name),
        confirm=True,
    )
    with ctx.db.session(actor, write=True) as session:
        create_user(session=session, name=args.name, role=args.role, password=password)
    say(
        fill(
            QCoreApplication.translate("CommandLine", "User %1 added with role %2."),
            args.name,
            args.role,
        )
    )
    return EXIT_OK
