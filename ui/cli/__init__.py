"""The command line: ``python main.py [--db URL] [--lang zh_CN|en] [--user NAME] [SUBCOMMAND ...]``.

``core`` holds what every command shares (and the one mapping of exceptions to exit
codes); each ``cmd_*`` module is one command group, listed in ``groups``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ui.cli.cmd_gui import open_console
from ui.cli.core import run_command_line
from ui.cli.groups import GROUPS


def main(argv: Sequence[str]) -> int:
    """``main.py``'s entry: every command group, and the console window without a subcommand."""
    return run_command_line(argv, groups=GROUPS, default=open_console)
