"""``db upgrade | backup PATH [--force] | restore FILE | check``: the database's own upkeep."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models.database import BackupRefused, Database, damaged_sqlite_file, pg_tool
from models.messages import fill
from ui.cli.core import (
    EXIT_OK,
    EXIT_REFUSED,
    Commands,
    Context,
    require_admin,
    require_user_option,
    say,
)


def register(commands: Commands) -> None:
    """Adds ``db`` and its actions to the command line."""
    db = commands.add_parser(
        "db",
        help=QCoreApplication.translate(
            "CommandLine", "upgrade, back up, restore or check the database"
        ),
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
    backup.add_argument(
        "--force",
        action="store_true",
        help=QCoreApplication.translate("CommandLine", "replace PATH if it exists"),
    )
    restore = actions.add_parser(
        "restore",
        help=QCoreApplication.translate(
            "CommandLine",
            "replace the database with a backup (SQLite: the current file is kept in the "
            "backups folder; PostgreSQL: into an empty database only)",
        ),
    )
    restore.add_argument("file", metavar="FILE")
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
            "CommandLine",
            "check integrity and invariants (exit 1 on problems or a pending migration)",
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
        return _backup(ctx)
    if action == "restore":
        return _restore(ctx)
    return _check(ctx)


def _backup(ctx: Context) -> int:
    """Refuses an existing PATH without --force, and a missing pg_dump before anything."""
    target = Path(ctx.args.path)
    if target.exists() and not ctx.args.force:
        raise BackupRefused(
            fill(
                QCoreApplication.translate(
                    "CommandLine",
                    "%1 already exists. Choose another name, or add --force to replace it.",
                ),
                str(target),
            )
        )
    if target.is_dir():
        raise BackupRefused(
            fill(
                QCoreApplication.translate(
                    "CommandLine", "%1 is a folder: give the name of the backup file."
                ),
                str(target),
            )
        )
    if not ctx.db_is_sqlite:
        pg_tool("pg_dump")
    require_admin(ctx)
    ctx.db.backup(target)
    say(fill(QCoreApplication.translate("CommandLine", "Backup written to %1"), str(target)))
    return EXIT_OK


def _restore(ctx: Context) -> int:
    """SQLite: the local operator or an administrator (a damaged file needs no login);
    PostgreSQL: whoever holds the server's credentials, into an empty database only
    (it has no users to log in as). The database is not upgraded before."""
    from models.backups import restore

    db = ctx.database_as_it_is()
    if db.is_sqlite:
        require_admin(ctx)
    restored = restore(db, Path(ctx.args.file))
    if restored.kept is not None:
        say(
            fill(
                QCoreApplication.translate("CommandLine", "The database as it was is kept in %1"),
                str(restored.kept),
            )
        )
    say(
        fill(
            QCoreApplication.translate("CommandLine", "Restored from %1 (revision %2)."),
            ctx.args.file,
            restored.revision,
        )
    )
    if restored.upgraded:
        say(
            fill(
                QCoreApplication.translate("CommandLine", "Database upgraded to revision %1."),
                str(db.head_revision()),
            )
        )
    return EXIT_OK


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
    """A pending migration is reported (exit 1), not run: checking changes nothing. A
    SQLite file that is no database any more is a problem found too."""
    from sqlalchemy.exc import DatabaseError

    require_user_option(ctx)
    try:
        return _check_database(ctx)
    except DatabaseError as error:
        if not damaged_sqlite_file(error):
            raise
        say(
            fill(
                QCoreApplication.translate(
                    "CommandLine",
                    "The database file is damaged (%1). Restore the last backup with "
                    "db restore FILE.",
                ),
                str(getattr(error, "orig", error)),
            )
        )
        return EXIT_REFUSED


def _check_database(ctx: Context) -> int:
    from models.checks import check_database
    from models.pg_roles import (
        administrators_made_outside,
        connection_warnings,
        migration_pending,
    )

    db = ctx.database_as_it_is()
    current, head = db.current_revision(), db.head_revision()
    if current != head and current is not None and not db.is_sqlite:
        say(str(migration_pending(current, head)))  # only the tables' owner may upgrade
        return EXIT_REFUSED
    if current != head:
        say(
            QCoreApplication.translate(
                "CommandLine", "The database holds no console tables yet: run db upgrade."
            )
            if current is None
            else fill(
                QCoreApplication.translate(
                    "CommandLine",
                    "A migration is pending: the database is at revision %1, this console "
                    "needs %2. Run db upgrade (it backs up a SQLite file first), then check "
                    "again.",
                ),
                current,
                str(head),
            )
        )
        return EXIT_REFUSED
    with db.session(ctx.actor) as session:
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
