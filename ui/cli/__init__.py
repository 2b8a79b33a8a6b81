"""The command line: ``python main.py [--db URL] [--lang zh_CN|en] [--user NAME] [SUBCOMMAND ...]``.

``core`` holds what every command shares (and the one mapping of exceptions to exit
codes); each ``cmd_*`` module is one command group, listed in ``groups``.
"""

from __future__ import annotations

from ui.cli.core import main

__all__ = ["main"]
