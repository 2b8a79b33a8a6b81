"""One household row as parsed, and the cell readers for counts and coordinates that the parser runs column by column."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, cast

from models.imports.households.columns import _DMS
from models.imports.households.village import _Existing
from models.imports.problems import ImportProblem
from models.imports.spreadsheet import CellValue, DataRow, clean_text, is_blank, parse_count


@dataclass(slots=True)
class _Row:
    row: DataRow
    values: dict[str, Any]  # exactly the _COMPARED columns
    masked: dict[str, str] = field(default_factory=dict)  # field -> masked value as given
    ok: bool = True
    match: _Existing | None = None
    grid_given: bool = False
    point: tuple[CellValue, CellValue] | None = None  # the coordinates as written, when valid

    @property
    def key(self) -> tuple[str, str]:
        phone = self.masked.get("householder_phone") or self.values.get("householder_phone")
        return self.values["householder_name"], phone or ""


def _is_seq_only(row: DataRow, others: list[int]) -> bool:
    """A pre-numbered empty row: only 序号 filled (``others``: the other columns' indexes)."""
    cells = row.cells
    size = len(cells)
    if others and others[0] < size and not is_blank(cells[others[0]]):
        return False  # most rows: the first of the other columns is filled
    return all(is_blank(cells[i]) for i in others if i < size)


def _coordinate(value: CellValue) -> float | None:
    """Decimal degrees, or degrees-minutes-seconds (121°22′48″); None when not a number."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = clean_text(value)
    try:
        return float(text)
    except ValueError:
        pass
    match = _DMS.match(text)
    if match is None:
        return None
    degrees, minutes, seconds, hemisphere = match.groups()
    number = float(degrees) + float(minutes or 0) / 60 + float(seconds or 0) / 3600
    return -number if hemisphere in ("S", "W", "南", "西") else number


_NOT_A_COUNT = -1  # parse_count never gives a negative number
_INF = float("inf")


def _count(value: CellValue) -> int | None:
    try:
        return parse_count(value)
    except ValueError:
        return _NOT_A_COUNT


def _counts(values: list[CellValue], cache: dict[str, int | None]) -> list[int | None]:
    """``parse_count`` of each cell, _NOT_A_COUNT where it raises; numbers (what a
    spreadsheet mostly holds) decided inline, each distinct text once."""
    kinds = set(map(type, values))
    if kinds == {int} and min(cast(list[int], values)) >= 0:
        return list(cast(list[int], values))
    if (
        kinds == {float}
        and all(map(float.is_integer, cast(list[float], values)))
        and min(cast(list[float], values)) >= 0
    ):
        return list(map(int, cast(list[float], values)))
    counts: list[int | None] = []
    append = counts.append
    for value in values:
        if type(value) is int:
            append(value if value >= 0 else _NOT_A_COUNT)
        elif type(value) is float:
            append(int(value) if value >= 0 and value.is_integer() else _NOT_A_COUNT)
        elif type(value) is str:
            append(cache[value] if value in cache else cache.setdefault(value, _count(value)))
        else:
            append(_count(value))
    return counts


def _first(pair: tuple[int, ImportProblem]) -> int:
    return pair[0]


def _in_range(values: list[CellValue], bounds: tuple[float, float]) -> bool:
    """Every cell a number of degrees within ``bounds``, written as a number."""
    if set(map(type, values)) != {float}:
        return False
    numbers = cast(list[float], values)
    return (
        all(map(math.isfinite, numbers)) and bounds[0] <= min(numbers) and max(numbers) <= bounds[1]
    )
