"""Quantities and dates as counties write them in their stock sheets: ``50``, ``50件``,
``1.2万条``, ``3,000 m²``, ``５０ 件``; ``2026-08-01``, ``2026/8/1``, ``2026.8.1``,
``20260801``, ``2026年8月1日``, ``2026年8月`` and the spreadsheet's own dates."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from models.imports.spreadsheet import CellValue, clean_text, date_text, half_width, parse_cell_date

_MULTIPLIERS = {"": 1, "十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000}
_QUANTITY = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*([十百千万亿]?)\s*(.*)$")
_UNIT_ALIASES = {
    "平方米": "m²",
    "平米": "m²",
    "㎡": "m²",
    "m2": "m²",
    "立方米": "m³",
    "方": "m³",
    "m3": "m³",
    "公斤": "kg",
    "千克": "kg",
    "吨": "t",
    "米": "m",
    "升": "L",
    "l": "L",
    "张床": "床",
}
_MONTH = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?")


class CellProblem(ValueError):
    """A cell that cannot be read as asked; the caller words the reason."""


@dataclass(frozen=True, slots=True)
class WrittenQuantity:
    quantity: Decimal
    unit: str | None  # the unit written beside the number, normalised; None when none


def unit_key(unit: str) -> str:
    """A unit as compared: 平方米 and ㎡ are m², 公斤 is kg."""
    text = half_width(unit).strip().replace(" ", "")
    return _UNIT_ALIASES.get(text, _UNIT_ALIASES.get(text.lower(), text))


def parse_quantity(value: CellValue) -> WrittenQuantity | None:
    """A quantity with its unit as written; None for a blank cell; CellProblem for
    anything else than a number, optionally with 十/百/千/万/亿 and a unit."""
    if value is None or value == "":
        return None
    if isinstance(value, bool | date):
        raise CellProblem(value)
    if isinstance(value, int | float):
        number = Decimal(str(value))
        unit = None
    else:
        text = half_width(clean_text(value)).replace(",", "").replace("，", "").strip()
        if not text:
            return None
        match = _QUANTITY.match(text)
        if match is None:
            raise CellProblem(value)
        try:
            number = Decimal(match.group(1)) * _MULTIPLIERS[match.group(2)]
        except InvalidOperation as error:
            raise CellProblem(value) from error
        unit = unit_key(match.group(3)) or None
        if unit is not None and (len(unit) > 10 or re.search(r"[0-9]", unit) is not None):
            raise CellProblem(value)
    if not number.is_finite():
        raise CellProblem(value)
    return WrittenQuantity(number, unit)


def parse_date(value: CellValue, *, end_of_month: bool = False) -> date | None:
    """A date as the spreadsheet cells' date reading takes it (no Excel serial days: a
    number in a stock sheet's date column is no date), or a month alone (``2027年5月``,
    ``2027-5``): its first day, or its last with ``end_of_month`` (an expiry).
    None for a blank cell; CellProblem otherwise."""
    try:
        return parse_cell_date(value, serials=None)
    except ValueError as error:
        if not isinstance(value, str):
            raise CellProblem(value) from error
        month = _MONTH.fullmatch(date_text(value))
        if month is None:
            raise CellProblem(value) from error
    year, number = int(month.group(1)), int(month.group(2))
    try:
        last = calendar.monthrange(year, number)[1]
        return date(year, number, last if end_of_month else 1)
    except (ValueError, calendar.IllegalMonthError) as error:
        raise CellProblem(value) from error


def parse_shelf_life(value: CellValue) -> int | None:
    """A shelf life in days from ``365``, ``365天``, ``18个月``, ``5年``; None when blank."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise CellProblem(value)
    if isinstance(value, int | float):
        if float(value) != int(value):
            raise CellProblem(value)
        return int(value)
    text = half_width(clean_text(value)).replace(" ", "")
    if not text:
        return None
    match = re.fullmatch(r"(\d+)(天|日|个月|月|年)?", text)
    if match is None:
        raise CellProblem(value)
    number = int(match.group(1))
    return number * {None: 1, "天": 1, "日": 1, "个月": 30, "月": 30, "年": 365}[match.group(2)]


def parse_flag(value: CellValue) -> bool | None:
    """是/否, Y/N, √, 1/0, true/false; None when blank; CellProblem otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    text = half_width(clean_text(value)).strip().lower()
    if text in ("是", "y", "yes", "√", "1", "true", "可", "可归还", "需归还", "开", "启用", "在用"):
        return True
    if text in ("否", "n", "no", "×", "0", "false", "不", "不可", "", "关闭", "停用"):
        return False if text else None
    raise CellProblem(value)
