"""``export DOCUMENT -o FILE.xlsx``: every workbook of ``ui.printing.registry``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.cli.core import Commands
from ui.cli.documents import register_documents
from ui.printing.registry import Format


def register(commands: Commands) -> None:
    """Adds ``export`` to the command line, one subcommand per workbook."""
    register_documents(
        commands, Format.EXCEL, QCoreApplication.translate("CommandLine", "export data to a file")
    )
