"""The console window: what ``main.py`` runs with no subcommand, and ``demo --open`` after building."""

from __future__ import annotations

from ui.cli.core import Context


def open_console(ctx: Context) -> int:
    """Opens the window on the context's database after the login dialog (``--user`` fills its name)."""
    from ui.app import run_console

    return run_console(ctx.db, ctx.settings, user=ctx.args.user)
