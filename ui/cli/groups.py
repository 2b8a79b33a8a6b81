"""The command groups, in the order ``--help`` lists them: a new group is one module and one line here."""

from __future__ import annotations

from collections.abc import Callable

from ui.cli import (
    cmd_db,
    cmd_demo,
    cmd_export,
    cmd_import,
    cmd_map,
    cmd_print,
    cmd_screenshot,
    cmd_user,
)
from ui.cli.core import Commands

GROUPS: tuple[Callable[[Commands], None], ...] = (
    cmd_demo.register,
    cmd_db.register,
    cmd_user.register,
    cmd_import.register,
    cmd_export.register,
    cmd_print.register,
    cmd_map.register,
    cmd_screenshot.register,
)
