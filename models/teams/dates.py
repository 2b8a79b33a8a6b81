"""Dates as rosters hold them: a date cell, an Excel serial number, or a text typed as
``2025.6.30``, ``2025/06/30``, ``2025-6-30``, ``2025年6月30日`` or ``20250630``."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_EXCEL_EPOCH = date(1899, 12, 30)
SERIALS = (1, 73_050)  # 1900-01-01 to 2099-12-31 as Excel counts days
_TEXT = re.compile(r"^(\d{4})\s*[./\-年]\s*(\d{1,2})\s*[./\-月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF0D, 0xFF1A)}


def read_date(value: object) -> date | None:
    """The date a cell means; None when blank; ValueError when it is no date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        if value != value or not value == int(value) or not SERIALS[0] <= value <= SERIALS[1]:
            raise ValueError(value)
        return _EXCEL_EPOCH + timedelta(days=int(value))
    text = str(value).translate(_FULL_WIDTH).strip()
    if not text:
        return None
    if text.endswith(" 00:00:00"):
        text = text[: -len(" 00:00:00")]
    match = _TEXT.match(text) or _COMPACT.match(text)
    if match is None:
        if text.isdigit() and SERIALS[0] <= int(text) <= SERIALS[1]:
            return _EXCEL_EPOCH + timedelta(days=int(text))
        raise ValueError(value)
    year, month, day = (int(part) for part in match.groups())
    return date(year, month, day)  # ValueError for 2025.2.30
