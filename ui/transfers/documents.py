"""The documents the transfers page writes (PDFs and workbooks), imported only when one is
written, in a worker: reportlab, numpy and openpyxl take about 0.4 s to import, which the
console's start-up (every page is built before the window shows) must not pay."""

from __future__ import annotations

import importlib
from collections.abc import Callable
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


def _template(*, session: Session, path: str) -> object:
    from models.exports.households import export_template

    return export_template(path=path)


def document(name: str) -> Callable[..., object]:
    """The function writing document ``name`` (its refusals are ``Refused``, raised before
    anything is written)."""

    def write(*, session: Session, **arguments: Any) -> object:
        module, function = DOCUMENTS[name]
        action = getattr(importlib.import_module(module), function)
        return action(session=session, **arguments)

    return write
