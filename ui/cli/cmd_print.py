"""``print DOCUMENT -o FILE.pdf``: every PDF of ``ui.printing.registry`` (Chinese fonts embedded)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.cli.core import Commands
from ui.cli.documents import register_documents
from ui.printing.registry import Format


def register(commands: Commands) -> None:
    """Adds ``print`` to the command line, one subcommand per document."""
    register_documents(
        commands,
        Format.PDF,
        QCoreApplication.translate(
            "CommandLine", "print a document to PDF (Chinese fonts embedded)"
        ),
    )
