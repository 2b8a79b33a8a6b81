"""Dates as rosters hold them: a date cell, an Excel serial number, or a text typed as
``2025.6.30``, ``2025/06/30``, ``2025-6-30``, ``2025年6月30日`` or ``20250630``, read by
the spreadsheet cells' one date reading (`models.imports.spreadsheet.parse_cell_date`)."""

from __future__ import annotations

from datetime import date

from models.imports.spreadsheet import parse_cell_date


def read_date(value: object) -> date | None:
    """The date a cell means; None when blank; ValueError when it is no date."""
    return parse_cell_date(value)
