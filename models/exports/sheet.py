"""The one look of every workbook the console writes: a title row, bold headers on a
light blue fill, thin borders, column widths, and a page set up for printing (A4
landscape, fitted to the page width, the header row repeated on every page).

Works on an ordinary worksheet and on a write-only one (a long table such as a
typhoon's reach): cells are appended already styled, and a cell without style is a
plain value, which openpyxl writes several times faster. Personal numbers go through
``models.privacy`` (``unmasking`` before, ``audit_unmasked`` after writing); their
columns keep the text format so Excel shows 13912345678, not 1.39E+10.

Every text is written as text, never as a formula: a name such as ``=HYPERLINK(...)`` or
``=cmd|' /C calc'!A0`` in an imported list would otherwise come back as a live formula.
A text starting with = + - @, a tab or a carriage return is a text cell marked with
Excel's quote prefix (shown as typed, kept as text when the cell is edited); ``cell``,
``append_row`` and every row helper here do it, and ``save`` turns any formula left in an
ordinary sheet back into its text.

openpyxl is imported inside the functions: it loads slowly, and only an export needs it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl import Workbook

TEXT = "@"  # a number kept as text: mobiles, codes
COORDINATE = "0.000000"
PERCENT = "0.0%"
HEADER_FILL = "DDEBF7"
TOTAL_FILL = "F2F2F2"
TITLE_SIZE = 16
# What spreadsheet programs read as the start of a formula (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_RISKY_FIRST = frozenset([*FORMULA_STARTS, "#"])  # and "#N/A" and the other error codes


def new_workbook(title: str, *, write_only: bool = False) -> tuple[Workbook, Any]:
    """A workbook and its first sheet named ``title`` (cut to Excel's 31 characters)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=write_only)
    sheet = workbook.create_sheet(title[:31]) if write_only else workbook.active
    assert sheet is not None
    sheet.title = title[:31]
    return workbook, sheet


def add_sheet(workbook: Workbook, title: str) -> Any:
    """Another sheet of the workbook."""
    return workbook.create_sheet(title[:31])


def cell(
    sheet: Any,
    value: object,
    *,
    bold: bool = False,
    size: float | None = None,
    border: bool = False,
    fill: str | None = None,
    align: str | None = None,
    wrap: bool = False,
    number_format: str | None = None,
) -> Any:
    """A styled cell for ``sheet.append`` (ordinary or write-only sheet)."""
    from openpyxl.cell import WriteOnlyCell

    styled = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        _keep_text(styled, value)
    font, box, paint, alignment = _styles(bold, size, border, fill, align, wrap)
    if font is not None:
        styled.font = font
    if box is not None:
        styled.border = box
    if paint is not None:
        styled.fill = paint
    if alignment is not None:
        styled.alignment = alignment
    if number_format:
        styled.number_format = number_format
    return styled


def _keep_text(target: Any, value: str) -> None:
    """A text cell stays text: openpyxl makes "=..." a formula and "#N/A" an error."""
    if target.data_type != "s":
        target.data_type = "s"
    if value.startswith(FORMULA_STARTS):
        target.quotePrefix = True


def as_text(sheet: Any, value: object) -> object:
    """``value`` as ``sheet.append`` should get it: a text a spreadsheet could read as a
    formula (or an error code) becomes a text cell, anything else stays a plain value."""
    if isinstance(value, str) and value[:1] in _RISKY_FIRST:
        return cell(sheet, value)
    return value


def append_row(sheet: Any, values: Iterable[object]) -> None:
    """Append plain values (the fastest cells to write), texts guarded as by ``as_text``
    (inline: a long export appends hundreds of thousands of values)."""
    sheet.append(
        [cell(sheet, v) if isinstance(v, str) and v[:1] in _RISKY_FIRST else v for v in values]
    )


@lru_cache(maxsize=64)
def _styles(
    bold: bool, size: float | None, border: bool, fill: str | None, align: str | None, wrap: bool
) -> tuple[Any, Any, Any, Any]:
    """The style objects of one combination, made once (openpyxl's are immutable): a body
    row of a 200,000-row export would otherwise build five objects per cell."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin")
    return (
        (Font(bold=bold, size=size) if size else Font(bold=True)) if bold or size else None,
        Border(left=thin, right=thin, top=thin, bottom=thin) if border else None,
        PatternFill("solid", fgColor=fill) if fill else None,
        Alignment(horizontal=align, vertical="center" if align else None, wrap_text=wrap or None)
        if align or wrap
        else None,
    )


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _write_only(sheet: Any) -> bool:
    return not hasattr(sheet, "merge_cells")


def title_row(
    sheet: Any, title: str, *, span: int, size: float = TITLE_SIZE, height: float = 30
) -> int:
    """The title over the first ``span`` columns (merged, centred; on a write-only sheet
    left in its cell); returns its row number."""
    if _write_only(sheet):
        sheet.append([cell(sheet, title, bold=True, size=size)])
        return 1
    sheet.append([cell(sheet, title, bold=True, size=size, align="center")])
    row = sheet.max_row
    sheet.merge_cells(f"A{row}:{_letter(span)}{row}")
    sheet.row_dimensions[row].height = height
    return int(row)


def merged_row(
    sheet: Any, parts: Sequence[tuple[str, int, str | None]], *, height: float | None = None
) -> None:
    """A line of text in merged blocks: (text, columns spanned, alignment) from column A."""
    sheet.append(
        [
            value
            for text, span, align in parts
            for value in (
                cell(sheet, text, align=align) if align else as_text(sheet, text),
                *[None] * (span - 1),
            )
        ]
    )
    row = sheet.max_row
    first = 1
    for _text, span, _align in parts:
        if span > 1:
            sheet.merge_cells(f"{_letter(first)}{row}:{_letter(first + span - 1)}{row}")
        first += span
    if height:
        sheet.row_dimensions[row].height = height


def note_row(sheet: Any, text: str, *, span: int, height: float = 32) -> None:
    """A note across the table, wrapped, top aligned."""
    from openpyxl.styles import Alignment

    sheet.append([cell(sheet, text)])
    row = sheet.max_row
    sheet.merge_cells(f"A{row}:{_letter(span)}{row}")
    sheet.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[row].height = height


def header_row(
    sheet: Any, headers: Iterable[str], *, height: float | None = 30, boxed: bool = True
) -> int:
    """Bold headers (boxed: centred, wrapped, bordered, on the header fill); returns
    the row number on an ordinary sheet."""
    if boxed:
        sheet.append(
            [
                cell(sheet, h, bold=True, border=True, fill=HEADER_FILL, align="center", wrap=True)
                for h in headers
            ]
        )
    else:
        sheet.append([cell(sheet, h, bold=True) for h in headers])
    if _write_only(sheet):
        return 0
    row = sheet.max_row
    if height:
        sheet.row_dimensions[row].height = height
    return int(row)


def body_row(
    sheet: Any,
    values: Sequence[object],
    *,
    formats: Mapping[int, str] | None = None,
    align: Mapping[int, str] | None = None,
    total: bool = False,
) -> None:
    """A bordered row; ``formats`` and ``align`` by column position (0-based); a total
    row bold on the total fill."""
    formats, align = formats or {}, align or {}
    sheet.append(
        [
            cell(
                sheet,
                value,
                border=True,
                bold=total,
                fill=TOTAL_FILL if total else None,
                align=align.get(index),
                number_format=formats.get(index),
            )
            for index, value in enumerate(values)
        ]
    )


def column_widths(sheet: Any, widths: Sequence[float], *, first: int = 1) -> None:
    """Widths in characters from column ``first`` on."""
    for offset, width in enumerate(widths):
        sheet.column_dimensions[_letter(first + offset)].width = width


def print_setup(sheet: Any, *, header: int, freeze: bool = True) -> None:
    """A4 landscape, fitted to the page width, row ``header`` repeated on every page
    and (``freeze``) the rows down to it kept in view."""
    from openpyxl.worksheet.worksheet import Worksheet

    if freeze:
        sheet.freeze_panes = f"A{header + 1}"
    sheet.print_title_rows = f"{header}:{header}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def save(workbook: Workbook, path: str | Path) -> Path:
    """Write the workbook, making its folder; returns the path. The console writes no
    formulas: a text an ordinary sheet got past the helpers above is written as text."""
    for worksheet in workbook.worksheets:
        if not _write_only(worksheet):
            for row in worksheet.iter_rows():
                for each in row:
                    if each.data_type in ("f", "e") and isinstance(each.value, str):
                        _keep_text(each, each.value)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Made in memory, then written: a disk that fails mid-write raises once, cleanly, where
    # openpyxl writing the file itself leaves its zip file to fail again when collected.
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(buffer.getbuffer())
    return path
