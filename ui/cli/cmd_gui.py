"""The console window: what ``main.py`` runs with no subcommand, and ``demo --open`` after building."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.messages import fill
from ui.cli.core import Context, UsageError, read_secret


def open_console(ctx: Context) -> int:
    """Opens the window on the context's database after the login dialog (``--user`` fills its
    name). ``--smoke`` logs ``--user`` in with its password (ECC_PASSWORD or standard input),
    waits for the first page and closes the window."""
    from models.pg_roles import MigrationPending
    from ui.app import run_console

    password = None
    if getattr(ctx.args, "smoke", False):
        if not ctx.args.user:
            raise UsageError(
                QCoreApplication.translate("CommandLine", "--smoke needs --user NAME.")
            )
        password = read_secret(
            fill(QCoreApplication.translate("CommandLine", "Password for %1: "), ctx.args.user)
        )
    try:
        db = ctx.db
    except MigrationPending as refused:  # said in a window too: a desktop start has no terminal
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            None, QCoreApplication.translate("CommandLine", "Database upgrade needed"), str(refused)
        )
        raise
    return run_console(db, ctx.settings, user=ctx.args.user, smoke_password=password)
