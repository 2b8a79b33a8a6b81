"""The header found under title rows and merged group cells, and the data rows below it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models.imports.problems import ImportFileError, ImportProblem
from models.imports.spreadsheet.cells import (
    CellValue,
    _may_be_marked,
    clean_text,
    column_letter,
    header_key,
    is_blank,
    is_blank_row,
    is_note_row,
    is_total_row,
)
from models.imports.spreadsheet.files import Sheet, Workbook, file_problem, read_workbook
from models.messages import fill

HEADER_SCAN_ROWS = 20
"""How many rows from the top of a sheet may hold titles and the header."""


@dataclass(frozen=True)
class Column:
    """A column an import understands: its key, the header labels that name it."""

    key: str
    aliases: tuple[str, ...]
    required: bool = False

    @property
    def label(self) -> str:
        """The name shown to the user (the first alias, as written in the template)."""
        return self.aliases[0]


@dataclass(frozen=True, slots=True)
class DataRow:
    number: int  # Excel row number, 1-based
    cells: list[CellValue]


@dataclass
class Table:
    """The data of the chosen sheet below its header, with the columns found."""

    file: str
    checksum: str
    sheet: str
    header_rows: tuple[int, ...]  # Excel row numbers of the header (one or two)
    columns: dict[str, int]  # Column.key -> 0-based column index
    rows: list[DataRow] = field(default_factory=list)
    skipped: int = 0  # total rows, notes and repeated headers
    unused_columns: list[str] = field(default_factory=list)  # "F 身份证号": labelled, not read
    unreadable: dict[tuple[int, int], str] = field(default_factory=dict)
    """(Excel row number, 0-based column) -> an error such as ``#N/A`` or an uncomputed
    ``=formula``, which the row's cells hold as empty: a kind refuses it rather than
    take it for a blank (``Sheet.unreadable``)."""

    def has(self, key: str) -> bool:
        return key in self.columns

    def cell(self, row: DataRow, key: str) -> CellValue:
        index = self.columns.get(key)
        if index is None or index >= len(row.cells):
            return None
        return row.cells[index]

    def text(self, row: DataRow, key: str) -> str:
        return clean_text(self.cell(row, key))

    def letter(self, key: str) -> str | None:
        index = self.columns.get(key)
        return column_letter(index) if index is not None else None

    def problem(self, row: DataRow, key: str | None, value: str, reason: str) -> ImportProblem:
        return ImportProblem(
            file=self.file,
            sheet=self.sheet,
            row=row.number,
            column=self.letter(key) if key is not None else None,
            value=value,
            reason=reason,
        )


def _filled_grid(sheet: Sheet, limit: int) -> list[list[CellValue]]:
    """The top ``limit`` rows with merged ranges filled with their top-left value."""
    grid = [list(row) for row in sheet.rows[:limit]]
    for first_row, first_col, last_row, last_col in sheet.merged or ():
        if first_row >= limit or first_row >= len(grid):
            continue
        source = grid[first_row]
        value = source[first_col] if first_col < len(source) else None
        for r in range(first_row, min(last_row, limit - 1, len(grid) - 1) + 1):
            row = grid[r]
            if len(row) <= last_col:
                row.extend([""] * (last_col + 1 - len(row)))
            for c in range(first_col, last_col + 1):
                row[c] = value
    return grid


def _labels_single(row: Sequence[CellValue]) -> list[list[str]]:
    return [[header_key(value)] if not is_blank(value) else [] for value in row]


def _labels_double(
    top: Sequence[CellValue], bottom: Sequence[CellValue], *, fill_groups: bool
) -> list[list[str]]:
    """Candidate labels of each column of a two-row header: group + sub label first,
    then the sub label alone, then the group alone."""
    width = max(len(top), len(bottom))
    top_keys = [header_key(top[c]) if c < len(top) else "" for c in range(width)]
    bottom_keys = [header_key(bottom[c]) if c < len(bottom) else "" for c in range(width)]
    if fill_groups:
        # Without merge information: a group label stands over the sub labels to its
        # right until the next group label or a column without a sub label.
        for c in range(1, width):
            if not top_keys[c] and bottom_keys[c] and bottom_keys[c - 1] and top_keys[c - 1]:
                top_keys[c] = top_keys[c - 1]
    labels: list[list[str]] = []
    for upper, lower in zip(top_keys, bottom_keys, strict=True):
        if upper and lower and upper != lower:
            labels.append([upper + lower, lower, upper])
        elif upper or lower:
            labels.append([upper or lower])
        else:
            labels.append([])
    return labels


@lru_cache(maxsize=64)
def _alias_keys(column: Column) -> frozenset[str]:
    """A column's aliases reduced for matching, once per column rather than per row tried."""
    return frozenset(header_key(alias) for alias in column.aliases)


def _match(labels: list[list[str]], columns: Sequence[Column]) -> dict[str, int]:
    """Which column index each known column is in (first match from the left)."""
    wanted = {column.key: _alias_keys(column) for column in columns}
    found: dict[str, int] = {}
    used: set[int] = set()
    # Most specific first: a combined label beats a bare sub label.
    for rank in range(3):
        for column in columns:
            if column.key in found:
                continue
            for index, candidates in enumerate(labels):
                if index in used or rank >= len(candidates):
                    continue
                if candidates[rank] in wanted[column.key]:
                    found[column.key] = index
                    used.add(index)
                    break
    return found


def _score(found: dict[str, int], columns: Sequence[Column]) -> tuple[int, int]:
    required = sum(1 for c in columns if c.required and c.key in found)
    return required, len(found)


class OnTable:
    """A reader's result that holds a ``Table`` with what the kind adds: the file's
    checksum, the sheet and the columns not read are the table's."""

    table: Table

    @property
    def checksum(self) -> str:
        return self.table.checksum

    @property
    def sheet(self) -> str:
        return self.table.sheet

    @property
    def unused_columns(self) -> list[str]:
        return self.table.unused_columns


@dataclass
class _HeaderGuess:
    rows: tuple[int, ...]  # 0-based
    found: dict[str, int]
    score: tuple[int, int]


def _has_group_over(sheet: Sheet, top: int, grid: list[list[CellValue]]) -> bool:
    """Row ``top`` holds a merged group cell over filled sub labels in the row below,
    beside other labels (a title row is one merged cell with nothing beside it)."""
    if not sheet.merged or top + 1 >= len(grid):
        return False
    upper, below = sheet.rows[top], grid[top + 1]
    for first_row, first_col, last_row, last_col in sheet.merged:
        if first_row == top and last_row == top and last_col > first_col:
            cells = [below[c] if c < len(below) else None for c in range(first_col, last_col + 1)]
            beside = [v for c, v in enumerate(upper) if not first_col <= c <= last_col]
            if all(isinstance(v, str) and not is_blank(v) for v in cells) and not is_blank_row(
                beside
            ):
                return True
    return False


def locate_header(sheet: Sheet, columns: Sequence[Column]) -> _HeaderGuess | None:
    """The best header among the top rows: one row, or two when the second adds labels
    (or sits under a merged group cell)."""
    grid = _filled_grid(sheet, HEADER_SCAN_ROWS + 1)
    singles = [_match(_labels_single(row), columns) for row in grid]
    scores = [_score(found, columns) for found in singles]
    best: _HeaderGuess | None = None
    for top in range(min(HEADER_SCAN_ROWS, len(grid))):
        if is_blank_row(grid[top]):
            continue
        guess = _HeaderGuess((top,), singles[top], scores[top])
        if top + 1 < len(grid) and not is_blank_row(grid[top + 1]):
            found2 = _match(
                _labels_double(grid[top], grid[top + 1], fill_groups=sheet.merged is None),
                columns,
            )
            score2 = _score(found2, columns)
            # Two rows only when together they name more than either row alone (a
            # title above a header does not), or the top row holds a merged group.
            alone = max(scores[top], scores[top + 1])
            if score2 > alone or (score2 == alone and found2 and _has_group_over(sheet, top, grid)):
                guess = _HeaderGuess((top, top + 1), found2, score2)
        if guess.found and (best is None or guess.score > best.score):
            best = guess
    return best


def _missing_text(missing: Iterable[Column]) -> str:
    return "、".join(column.label for column in missing)


def read_table(path: str | Path, columns: Sequence[Column], *, sheet: str | None = None) -> Table:
    """The data rows of the first sheet whose header has every required column.

    Raises ImportFileError for a missing or unreadable file, a file without
    data, or no sheet with the required columns.
    """
    workbook = read_workbook(path)
    try:
        return table_from_workbook(workbook, columns, sheet)
    except ImportFileError as error:
        error.checksum = workbook.checksum
        raise


def table_from_workbook(workbook: Workbook, columns: Sequence[Column], sheet: str | None) -> Table:
    """``read_table`` for a workbook already read, whose sheets the caller needs too."""
    file = workbook.file
    candidates = workbook.sheets
    if sheet is not None:
        candidates = [s for s in workbook.sheets if s.name == sheet]
        if not candidates:
            raise file_problem(
                file,
                fill(
                    QCoreApplication.translate("Import", "The file has no sheet named %1."), sheet
                ),
            )
    else:
        # Visible sheets first; a hidden sheet only when no visible one fits.
        candidates = [s for s in candidates if not s.hidden] + [s for s in candidates if s.hidden]
    filled = [s for s in candidates if not all(is_blank_row(r) for r in s.rows)]
    if not filled:
        if len(candidates) == 1:
            raise file_problem(
                file,
                QCoreApplication.translate("Import", "The sheet is empty."),
                sheet=candidates[0].name,
            )
        raise file_problem(file, QCoreApplication.translate("Import", "The file holds no data."))
    required = [c for c in columns if c.required]
    best_partial: tuple[Sheet, _HeaderGuess] | None = None
    for candidate in filled:
        guess = locate_header(candidate, columns)
        if guess is None:
            continue
        if all(c.key in guess.found for c in required):
            return _table(workbook, candidate, guess, columns)
        if best_partial is None or guess.score > best_partial[1].score:
            best_partial = (candidate, guess)
    if best_partial is not None:
        bad_sheet, guess = best_partial
        missing = [c for c in required if c.key not in guess.found]
        raise file_problem(
            file,
            fill(
                QCoreApplication.translate("Import", "The header lacks the required column(s) %1."),
                _missing_text(missing),
            ),
            sheet=bad_sheet.name,
            row=guess.rows[0] + 1,
        )
    raise file_problem(
        file,
        fill(
            QCoreApplication.translate(
                "Import", "No header with the required columns %1 was found in the first %2 rows."
            ),
            _missing_text(required),
            str(HEADER_SCAN_ROWS),
        ),
        sheet=filled[0].name,
    )


def _unused(sheet: Sheet, header_rows: tuple[int, ...], used: set[int]) -> list[str]:
    """The labelled header columns the import does not read, as "F 身份证号"."""
    rows = [sheet.rows[r] for r in header_rows]
    width = max(len(row) for row in rows)
    unused: list[str] = []
    for index in range(width):
        if index in used:
            continue
        labels = dict.fromkeys(
            clean_text(row[index]) for row in rows if index < len(row) and not is_blank(row[index])
        )
        if labels:
            unused.append(f"{column_letter(index)} {'/'.join(labels)}")
    return unused


def _table(
    workbook: Workbook, sheet: Sheet, guess: _HeaderGuess, columns: Sequence[Column]
) -> Table:
    table = Table(
        file=workbook.file,
        checksum=workbook.checksum,
        sheet=sheet.name,
        header_rows=tuple(r + 1 for r in guess.rows),
        columns=dict(guess.found),
    )
    used = sorted(guess.found.values())
    table.unused_columns = _unused(sheet, guess.rows, set(used))
    table.unreadable = {(r + 1, c): text for (r, c), text in sheet.unreadable.items()}
    last_header = sheet.rows[guess.rows[-1]]
    header_cells = [header_key(last_header[i]) if i < len(last_header) else "" for i in used]
    rows = table.rows
    start = guess.rows[-1] + 1
    first = used[0]
    for number, cells in enumerate(sheet.rows[start:], start=start + 1):
        # Only the columns the import reads decide whether a row is blank.
        size = len(cells)
        for i in used:
            if i < size and not is_blank(cells[i]):
                break
        else:
            continue
        if _may_be_marked(cells) and (is_total_row(cells) or is_note_row(cells)):
            table.skipped += 1
            continue
        lead = cells[first] if first < size else None
        if (
            isinstance(lead, str)
            and header_key(lead) == header_cells[0]
            and [header_key(cells[i] if i < size else None) for i in used] == header_cells
        ):  # the header repeated (sheets pasted together, printed page headers)
            table.skipped += 1
            continue
        rows.append(DataRow(number, cells))
    if not rows:
        raise file_problem(
            workbook.file,
            QCoreApplication.translate("Import", "There are no data rows under the header."),
            sheet=sheet.name,
            row=guess.rows[-1] + 1,
        )
    return table
