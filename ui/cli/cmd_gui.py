"""The console window: what ``main.py`` runs with no subcommand, and ``demo --open`` after building."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.cli.core import Context


def open_console(ctx: Context) -> int:
    """Opens the window on the context's database after the login dialog (``--user`` fills its name)."""
    from models.pg_roles import MigrationPending
    from ui.app import run_console

    try:
        db = ctx.db
    except MigrationPending as refused:  # said in a window too: a desktop start has no terminal
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            None, QCoreApplication.translate("CommandLine", "Database upgrade needed"), str(refused)
        )
        raise
    return run_console(db, ctx.settings, user=ctx.args.user)
