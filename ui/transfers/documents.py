"""The documents the transfers page writes (PDFs and workbooks), imported only when one is
written, in a worker: reportlab, numpy and openpyxl take about 0.4 s to import, which the
console's start-up (every page is built before the window shows) must not pay."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

# name -> (module, function); every function takes session= and path= keywords.
DOCUMENTS = {
    "rollup_pdf": ("ui.printing.transfers", "print_transfer_rollup"),
    "rollup_xlsx": ("models.exports.rollup", "export_transfer_rollup"),
    "list_pdf": ("ui.printing.transfers", "print_transfer_list"),
    "cards_pdf": ("ui.printing.transfers", "print_transfer_cards"),
    "arrivals_pdf": ("ui.printing.transfers", "print_shelter_arrivals"),
    "situation_map_pdf": ("ui.printing.situation_map", "print_situation_map"),
    "list_xlsx": ("models.exports.households", "export_households"),
    "template_xlsx": ("ui.transfers.documents", "_template"),
}
MAP_PAPERS = ("A4", "A3")  # ui.printing.layout.MAP_PAPERS (a test keeps them the same)


@dataclass(frozen=True)
class Refusal:
    """A document that could not be written, and why (for the user)."""

    message: str

    def __str__(self) -> str:
        return self.message


def _template(*, session: Session, path: str) -> object:
    from models.exports.households import export_template

    return export_template(path=path)


def document(name: str) -> Callable[..., object]:
    """The function writing document ``name``; a refusal comes back as a Refusal."""

    def write(*, session: Session, **arguments: Any) -> object:
        from models.exports.households import ExportRefused
        from ui.printing.transfers import PrintRefused

        module, function = DOCUMENTS[name]
        action = getattr(importlib.import_module(module), function)
        try:
            return action(session=session, **arguments)
        except (ExportRefused, PrintRefused) as exc:  # raised before anything is written
            return Refusal(str(exc))

    return write
