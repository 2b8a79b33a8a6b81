"""``db upgrade | backup PATH | check``: the database's own upkeep."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models.database import Database
from models.messages import fill
from ui.cli.core import EXIT_OK, EXIT_REFUSED, Commands, Context, require_admin, say


def register(commands: Commands) -> None:
    """Adds ``db`` and its actions to the command line."""
    db = commands.add_parser(
        "db",
        help=QCoreApplication.translate("CommandLine", "upgrade, back up or check the database"),
    )
    actions = db.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    actions.add_parser(
        "upgrade",
        help=QCoreApplication.translate(
            "CommandLine", "apply pending migrations (backs up a SQLite file first)"
        ),
    )
    backup = actions.add_parser(
        "backup",
        help=QCoreApplication.translate("CommandLine", "write a consistent copy of the database"),
    )
    backup.add_argument("path", metavar="PATH")
    grant = actions.add_parser(
        "grant",
        help=QCoreApplication.translate(
            "CommandLine",
            "PostgreSQL: give a login role what workstations need (run as the owner of the tables)",
        ),
    )
    grant.add_argument("role", metavar="ROLE")
    actions.add_parser(
        "check",
        help=QCoreApplication.translate(
            "CommandLine", "check integrity and invariants (exit 1 on problems)"
        ),
    )
    db.set_defaults(handler=run)


def run(ctx: Context) -> int:
    """Runs the chosen action; ``check`` exits 1 when it finds problems."""
    action = ctx.args.db_action
    if action == "upgrade":
        return _upgrade(ctx)
    if action == "grant":
        return _grant(ctx)
    if action == "backup":
        require_admin(ctx)
        ctx.db.backup(Path(ctx.args.path))
        say(fill(QCoreApplication.translate("CommandLine", "Backup written to %1"), ctx.args.path))
        return EXIT_OK
    return _check(ctx)


def _upgrade(ctx: Context) -> int:
    """Its own engine, not ``ctx.db``: that one upgrades on first use, before anything is reported."""
    db = Database(ctx.url)
    try:
        if not db.needs_upgrade():
            say(
                fill(
                    QCoreApplication.translate(
                        "CommandLine", "The database is up to date (revision %1)."
                    ),
                    str(db.head_revision()),
                )
            )
            return EXIT_OK
        backup = db.upgrade()
        if backup is not None:
            say(
                fill(QCoreApplication.translate("CommandLine", "Backup written to %1"), str(backup))
            )
        say(
            fill(
                QCoreApplication.translate("CommandLine", "Database upgraded to revision %1."),
                str(db.head_revision()),
            )
        )
    finally:
        db.dispose()
    return EXIT_OK


def _grant(ctx: Context) -> int:
    """Like ``db upgrade``, with the owner's connection and no console login."""
    from models.pg_roles import grant_console_role

    db = Database(ctx.url)
    try:
        grant_console_role(db.engine, ctx.args.role, head=db.head_revision())
    finally:
        db.dispose()
    say(
        fill(
            QCoreApplication.translate(
                "CommandLine",
                "Role %1 may now use the console: it reads and writes the register and adds to "
                "the audit log; it may not change the schema, empty a table or alter the logs.",
            ),
            ctx.args.role,
        )
    )
    return EXIT_OK


def _check(ctx: Context) -> int:
    from models.checks import check_database
    from models.pg_roles import administrators_made_outside, connection_warnings

    actor = ctx.actor  # first: on PostgreSQL a missing --user is a usage error
    with ctx.db.session(actor) as session:
        problems = check_database(session=session)
        problems += administrators_made_outside(session=session)
        warnings = connection_warnings(session=session)
    for warning in warnings:
        say(warning)
    if problems:
        for problem in problems:
            say(problem)
        say(
            fill(
                QCoreApplication.translate("CommandLine", "%1 problems found."), str(len(problems))
            )
        )
        return EXIT_REFUSED
    say(QCoreApplication.translate("CommandLine", "The database passed every check."))
    return EXIT_OK
