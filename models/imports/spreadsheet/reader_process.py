"""The spreadsheet reader's own process: ``python reader_process.py MAX_ROWS MAX_COLUMNS
MAX_MEMORY`` reads an .xlsx/.xls/.ods file's bytes from standard input and writes its sheets
to standard output (a pickle), so that a reader crashing on a hostile file (python-calamine
aborts the whole process when a sheet's range does not fit in memory) ends this process,
not the console. ``models.imports.spreadsheet.files`` runs it and turns its answer into
sheets or a refusal.

Run by its path, it imports nothing of the console (no Qt, no package ``__init__``), only
the standard library and python-calamine, so it starts in a few tens of milliseconds.
Before python-calamine builds a sheet (a dense grid from A1 to the farthest cell), the
sheet's extent is checked: for an .xlsx, its declared ``<dimension>`` and, when that
says too much, the cells its XML holds (streamed, never all in memory); for every format
the grid python-calamine reports before it becomes Python lists; and the process may use
only so much memory, so a file lying about its extent is refused as unreadable. Its
answer is one of:

- ``("sheets", [(name, rows, merged or None, hidden, unreadable cells), ...])``
- ``("too_large", sheet name, last row, last column index)`` (1-based row, 0-based column)
- ``("password",)``, ``("error", text)`` (the reader's own message about a damaged file)
"""

from __future__ import annotations

import io
import pickle
import re
import sys
import zipfile
from typing import Any

# A cell holding something (not ``<c r="A9" s="1"/>``, a formatted empty cell).
_VALUED = re.compile(rb'<c\b[^>]*?\sr="([A-Za-z]+)(\d+)"[^>/]*>')
_SHEET = re.compile(rb'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_RELATION = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')
_RELATION_REVERSED = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')
CHUNK = 1 << 20


def column_index(letters: bytes) -> int:
    """0-based: b"A" -> 0, b"XFD" -> 16383."""
    index = 0
    for letter in letters.upper():
        index = index * 26 + letter - 64
    return index - 1


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part ("xl/worksheets/sheet1.xml") -> the sheet's name as the user sees it."""
    try:
        workbook = archive.read("xl/workbook.xml")
        relations = archive.read("xl/_rels/workbook.xml.rels")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return {}
    targets = {key: target for key, target in _RELATION.findall(relations)}
    targets.update({key: target for target, key in _RELATION_REVERSED.findall(relations)})
    names: dict[str, str] = {}
    for name, key in _SHEET.findall(workbook):
        target = targets.get(key)
        if target is None:
            continue
        part = target.decode("utf-8", "replace").lstrip("/")
        if not part.startswith("xl/"):
            part = "xl/" + part
        names[part] = _unescape(name.decode("utf-8", "replace"))
    return names


def _unescape(text: str) -> str:
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'")):
        text = text.replace(entity, char)
    return text.replace("&amp;", "&")


Unreadable = dict[tuple[int, int], str]
"""(0-based row, column) -> what the cell holds instead of a value: an error such as
``#N/A``, or ``=formula`` never computed. python-calamine gives both as empty cells."""


def survey_xlsx(
    data: bytes, max_rows: int, max_columns: int
) -> tuple[tuple[str, int, int] | None, dict[str, Unreadable]]:
    """The first worksheet holding a value beyond the limits, as (sheet, last row, last
    column), or None; and each sheet's unreadable cells. A sheet's declared
    ``<dimension>`` within the limits is taken at its word here (python-calamine's own
    extent is checked again before its grid becomes Python lists, and this process's
    memory is limited, so a lie costs a refusal, not the console); a sheet declaring
    more, or nothing, is looked at cell by cell, since formatted empty cells (which
    python-calamine skips) make Excel declare more than the values reach. Without a
    declared extent, the row numbers and the wide cell references decide first."""
    unreadable: dict[str, Unreadable] = {}
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = [
            n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")
        ]
    except (zipfile.BadZipFile, OSError, ValueError):
        return None, unreadable  # python-calamine says what is wrong with it
    names = _sheet_names(archive)
    for part in parts:
        name = names.get(part, part.rsplit("/", 1)[-1])
        cells: Unreadable = {}
        try:
            quick = [0, 0]
            declared = _scan(archive, part, cells, quick, None)
            if cells:
                unreadable[name] = cells
            seen = declared or (quick[0], quick[1])
            if seen[0] <= max_rows and seen[1] < max_columns:
                continue
            reach = [0, 0]
            _scan(archive, part, None, None, reach)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            continue  # a damaged part: python-calamine reports it
        if reach[0] > max_rows or reach[1] >= max_columns:
            return (name, reach[0], reach[1]), unreadable
    return None, unreadable


_ROW = re.compile(rb'<row\b[^>]*?\sr="(\d+)"')
# Cell references of two or more letters (column AA onwards): few in a list, so cheap to find.
_WIDE = re.compile(rb' r="([A-Za-z]{2,})(\d+)"')  # a space first: found ten times faster
_DIMENSION = re.compile(rb'<dimension\s+ref="[A-Za-z]*\d*:?([A-Za-z]*)(\d*)"')


def _scan(
    archive: zipfile.ZipFile,
    part: str,
    unreadable: Unreadable | None,
    quick: list[int] | None,
    reach: list[int] | None,
) -> tuple[int, int] | None:
    """One pass over a worksheet part, streamed in chunks cut after a whole cell: its
    declared extent (last row, last column index) returned, its unreadable cells into
    ``unreadable``; into ``quick`` the last row number and wide column reference (any
    cell, when no extent is declared); into ``reach`` the last row and column of the
    cells holding something; each when given."""
    declared: tuple[int, int] | None = None
    with archive.open(part) as stream:
        tail = b""
        first = True
        while True:
            chunk = stream.read(CHUNK)
            if not chunk:
                break
            block = tail + chunk
            if first:
                first = False
                found = _DIMENSION.search(block, 0, 4096)
                if found is not None and found.group(2):
                    declared = (int(found.group(2)), column_index(found.group(1) or b"A"))
                    quick = None
            cut = block.rfind(b"</c>")
            cut = cut + 4 if cut >= 0 else block.rfind(b"<")
            if cut <= 0:
                tail, body = b"", block
            else:
                tail, body = block[cut:], block[:cut]
            if unreadable is not None:
                _unreadable(body, unreadable)
            if quick is not None:
                for number in _ROW.findall(body):
                    quick[0] = max(quick[0], int(number))
                for letters, number in _WIDE.findall(body):
                    quick[0] = max(quick[0], int(number))
                    quick[1] = max(quick[1], column_index(letters))
            if reach is not None:
                for letters, number in _VALUED.findall(body):
                    reach[0] = max(reach[0], int(number))
                    reach[1] = max(reach[1], column_index(letters))
        if tail and unreadable is not None:
            _unreadable(tail, unreadable)
    return declared


_UNCOMPUTED = (b"</f></c>", b"<v/>", b"<v />", b"<v></v>")
_CELL = re.compile(rb'<c\b([^>]*?)\sr="([A-Za-z]+)(\d+)"([^>]*)>(.*?)</c>', re.S)
_ERROR_VALUE = re.compile(rb"<v>([^<]*)</v>")
_FORMULA = re.compile(rb"<f\b[^>]*>([^<]*)</f>")
_FILLED_VALUE = re.compile(rb"<v>[^<]")


def _unreadable(body: bytes, found: Unreadable) -> None:
    """The cells of ``body`` (whole cells only) holding an error or an uncomputed formula."""
    if b' t="e"' not in body and (
        b"</f>" not in body or not any(mark in body for mark in _UNCOMPUTED)
    ):
        return  # most sheets: not one (two searches when no formula)
    for before, letters, number, after, content in _CELL.findall(body):
        attributes = before + after
        if b't="e"' in attributes:
            value = _ERROR_VALUE.search(content)
            text = value.group(1) if value is not None else b"#ERROR"
        elif b"<f" in content and _FILLED_VALUE.search(content) is None:
            formula = _FORMULA.search(content)
            text = b"=" + (formula.group(1) if formula is not None else b"")
        else:
            continue
        found[(int(number) - 1, column_index(letters))] = _unescape(
            text.decode("utf-8", "replace")
        )[:100]


def read(data: bytes, max_rows: int, max_columns: int) -> tuple[Any, ...]:
    import python_calamine

    unreadable: dict[str, Unreadable] = {}
    if data.startswith(b"PK\x03\x04"):
        beyond, unreadable = survey_xlsx(data, max_rows, max_columns)
        if beyond is not None:
            return ("too_large", *beyond)
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        return ("password",)
    except Exception as error:  # calamine reports malformed files in several ways
        return ("error", str(error))
    sheets: list[tuple[Any, ...]] = []
    try:
        for index, meta in enumerate(workbook.sheets_metadata):
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue
            sheet = workbook.get_sheet_by_index(index)
            end = sheet.end
            if end is not None and (end[0] + 1 > max_rows or end[1] >= max_columns):
                return ("too_large", meta.name, end[0] + 1, end[1])
            rows = sheet.to_python(skip_empty_area=False)
            merged_ranges = getattr(sheet, "merged_cell_ranges", None)
            merged = (
                [(a[0], a[1], b[0], b[1]) for a, b in merged_ranges]
                if merged_ranges is not None
                else None
            )
            hidden = meta.visible != python_calamine.SheetVisibleEnum.Visible
            sheets.append((meta.name, rows, merged, hidden, unreadable.get(meta.name, {})))
    except python_calamine.PasswordError:
        return ("password",)
    except Exception as error:
        return ("error", str(error))
    finally:
        workbook.close()
    return ("sheets", sheets)


def _limit_memory(size: int) -> None:
    """At most ``size`` bytes of data: beyond it an allocation fails (and calamine aborts)."""
    try:
        import resource
    except ImportError:  # Windows: the process still keeps the console safe
        return
    for name in ("RLIMIT_DATA", "RLIMIT_AS"):
        limit = getattr(resource, name, None)
        if limit is not None:
            try:
                resource.setrlimit(limit, (size, size))
            except (ValueError, OSError):
                continue
            return


def main(argv: list[str]) -> int:
    max_rows, max_columns, max_memory = (int(a) for a in argv[:3])
    data = sys.stdin.buffer.read()
    if max_memory > 0:
        _limit_memory(max_memory)
    answer = read(data, max_rows, max_columns)
    sys.stdout.buffer.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
