"""Reading spreadsheets as the duty room gets them, and cleaning their cells.

``read_table`` opens an ``.xlsx``/``.xlsm``/``.xls``/``.ods`` (python-calamine) or
``.csv``/``.txt`` file (UTF-8 with or without BOM, GBK/GB18030, UTF-16 from
Excel's "Unicode text"), picks the sheet whose header has the required
columns, finds the header row below any title rows (combining a two-row header
with merged group cells, e.g. 责任人 over 姓名/职务/手机) and returns the data rows
with their Excel row numbers. Blank rows, total rows (合计/总计/小计), notes under
the table (注：, 填表人：...) and repeated header rows are left out.

Any file-level failure raises :class:`ImportFileError` with a problem for the
report. The cell helpers (``clean_text``, ``number_text``, ``parse_count``,
``half_width``, ``column_letter``) are shared by every import.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import cast

import python_calamine
from PySide6.QtCore import QCoreApplication

from models.imports.report import ImportFileError, ImportProblem

CellValue = str | int | float | bool | date | datetime | time | timedelta | None

HEADER_SCAN_ROWS = 20
"""How many rows from the top of a sheet may hold titles and the header."""

TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})

# --------------------------------------------------------------------------
# Cell helpers
# --------------------------------------------------------------------------

# Full-width digits, Latin letters and the ideographic space to ASCII. Other
# full-width punctuation (（）：，) is data as entered and stays.
_HALF_WIDTH: dict[int, int | None] = {}
for _first, _last in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)):  # ０-９ Ａ-Ｚ ａ-ｚ
    _HALF_WIDTH.update({code: code - 0xFEE0 for code in range(_first, _last + 1)})
_HALF_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2007: 0x20, 0x202F: 0x20})
_HALF_WIDTH.update({code: 0x20 for code in range(0x2000, 0x200B)})
_HALF_WIDTH.update({0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None, 0xFEFF: None})

# Everything full-width in the ASCII block, for matching header labels.
_HALF_WIDTH_ALL = dict(_HALF_WIDTH)
_HALF_WIDTH_ALL.update({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")
_ODD_SPACE = re.compile(r"[^\S ]")  # whitespace other than a plain space (tabs, line breaks)
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_COUNT = re.compile(r"(\d+)(?:\.0+)?\s*(人|户|名|个|位|口|间|处|艘|只|台|顶|套|件|张|条|辆|座|头)?")
_TOTAL = re.compile(rf"^(合计|总计|小计|共计|累计|总数|total|subtotal)(?![{_CJK}])", re.IGNORECASE)
_NOTE = re.compile(
    r"^(注|说明|备注|填表人|填报人|审核人|审核|制表人|制表|负责人|联系人|联系电话|"
    r"填表日期|填报日期|制表日期|填报单位|单位负责人)\s*\d*\s*[:：]"
)


def half_width(text: str) -> str:
    """Full-width digits and Latin letters to ASCII; odd spaces (U+3000, NBSP...) to
    plain spaces; zero-width characters removed."""
    return text.translate(_HALF_WIDTH)


def _float_text(value: float) -> str:
    if value != value or value in (float("inf"), float("-inf")):
        return ""
    if value.is_integer():
        return str(int(value))
    text = format(Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def clean_text(value: CellValue) -> str:
    """A cell as text, the way the user meant it.

    Numbers stored as numbers lose Excel's ".0" and exponent (13912345678.0 ->
    "13912345678"); dates become ISO dates; text gets full-width digits and
    letters made half-width, surrounding spaces (also U+3000 and NBSP) removed,
    runs of spaces collapsed and spaces between Chinese characters dropped
    ("张  三" -> "张三").
    """
    if value is None:
        return ""
    if isinstance(value, str):
        if not value:
            return ""
        text = half_width(value).strip()
        if not text:
            return ""
        if " " not in text and not _ODD_SPACE.search(text):
            return text  # most cells: nothing to collapse
        text = _SPACE_BETWEEN_CJK.sub("", text)
        return _SPACES.sub(" ", text)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float_text(value)
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes" if value.second == 0 else "seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return half_width(str(value)).strip()


# What clean_text changes in a text: whitespace and the characters half_width translates.
_UNCLEAN = re.compile("[\\s" + "".join(re.escape(chr(code)) for code in _HALF_WIDTH) + "]")


def _all_text(values: list[CellValue]) -> bool:
    return set(map(type, values)) <= {str}


def clean_texts(values: Iterable[CellValue], cache: dict[str, str] | None = None) -> list[str]:
    """``[clean_text(value) for value in values]``, cheaper on a column of a long list.

    A column of texts without whitespace or full-width characters (most columns) is
    clean as it is, found in one search. Otherwise a text met before (village, shelter
    and post names repeat down a list) is looked up in ``cache`` (pass the same dict
    for the next rows of the column), and a text that needs nothing but half-width
    characters and trimming skips the rest.
    """
    values = list(values)
    if _all_text(values) and _UNCLEAN.search("\0".join(cast(list[str], values))) is None:
        return cast(list[str], values)
    if cache is None:
        cache = {}
    get = cache.get
    table = _HALF_WIDTH
    texts: list[str] = []
    append = texts.append
    for value in values:
        if type(value) is str:
            text = get(value)
            if text is None:
                text = value.translate(table).strip()
                # Printable text holds no whitespace but plain spaces (a test checks).
                if not text or " " in text or not text.isprintable():
                    text = clean_text(value)
                cache[value] = text
            append(text)
        elif value is None:
            append("")
        else:
            append(clean_text(value))
    return texts


def number_text(value: CellValue) -> str:
    """A code, mobile or identity number as text, all spaces removed.

    Numbers stored as numbers and text in exponent form are turned back into
    their digits ("1.3912345678E10" -> "13912345678", "331081001.0" ->
    "331081001"). An exponent form that has lost digits ("1.39123E+10", what
    Excel shows for a long number in a narrow column) is returned as it is, so
    validation refuses it instead of importing a wrong number.
    """
    text = _SPACES.sub("", clean_text(value))
    if text and _NUMBER.fullmatch(text) and ("." in text or "e" in text.lower()):
        try:
            number = Decimal(text)
        except InvalidOperation:
            return text
        if number == number.to_integral_value():
            exponent = number.as_tuple().exponent
            if "e" in text.lower() and isinstance(exponent, int) and exponent > 0:
                return text  # trailing digits were lost
            return str(int(number))
    return text


def number_texts(values: Iterable[CellValue], cache: dict[str, str] | None = None) -> list[str]:
    """``[number_text(value) for value in values]``; texts of plain ASCII digits (most
    mobiles) pass as they are, other texts are looked up in ``cache`` or worked out."""
    values = list(values)
    if _all_text(values):
        digits = "".join(cast(list[str], values))
        if not digits or (digits.isdigit() and digits.isascii()):
            return cast(list[str], values)
    if cache is None:
        cache = {}
    get = cache.get
    texts: list[str] = []
    append = texts.append
    for value in values:
        if type(value) is str:
            if value.isdigit() and value.isascii():
                append(value)
                continue
            text = get(value)
            if text is None:
                text = cache[value] = number_text(value)
            append(text)
        elif value is None:
            append("")
        else:
            append(number_text(value))
    return texts


def parse_count(value: CellValue) -> int | None:
    """A count of people, households or items: 3, 3.0, "3", "3人", "３ 户" -> 3.

    Blank -> None. Anything else (negative, fractional, words) raises ValueError.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        if value < 0:
            raise ValueError(value)
        return value
    if isinstance(value, float):
        if value < 0 or not value.is_integer():
            raise ValueError(value)
        return int(value)
    text = _SPACES.sub("", clean_text(value))
    if not text:
        return None
    match = _COUNT.fullmatch(text)
    if match is None:
        raise ValueError(value)
    return int(match.group(1))


def column_letter(index: int) -> str:
    """Excel's column letters for a 0-based index: 0 -> "A", 25 -> "Z", 26 -> "AA"."""
    if index < 0:
        raise ValueError(index)
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def header_key(value: CellValue) -> str:
    """A header label reduced for matching: half-width, no spaces or line breaks,
    no required-field marks (*, (必填)), Chinese brackets as ASCII, lower case."""
    text = clean_text(value).translate(_HALF_WIDTH_ALL)
    text = _SPACES.sub("", text).replace("*", "").replace("※", "")
    for mark in ("(必填)", "(选填)", "(可选)", "(必填项)"):
        text = text.replace(mark, "")
    return text.lower()


# First characters of the words that mark total and note rows: a cheap test that
# spares cleaning every cell of every row.
_MARK_START = frozenset("合总小共累tTsS注说备填审制负联单")


def _may_be_marked(cells: Sequence[CellValue]) -> bool:
    seen = 0
    for value in cells:
        if value is None or value == "":
            continue
        if isinstance(value, str):
            text = value.lstrip(" \t\r\n\u3000\xa0")
            if not text:
                continue
            if text[0] in _MARK_START:
                return True
        seen += 1
        if seen == 3:
            break
    return False


def _is_blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip(" \t\r\n\u3000\xa0"))


def is_blank_row(cells: Sequence[CellValue]) -> bool:
    return all(_is_blank(value) for value in cells)


def _leading_texts(cells: Sequence[CellValue], count: int = 3) -> list[str]:
    texts: list[str] = []
    for value in cells:
        if _is_blank(value):
            continue
        texts.append(_SPACES.sub("", clean_text(value)))
        if len(texts) == count:
            break
    return texts


def is_total_row(cells: Sequence[CellValue]) -> bool:
    """A 合计/总计/小计 row: one of its first three filled cells says so."""
    return any(_TOTAL.match(text) for text in _leading_texts(cells))


def is_note_row(cells: Sequence[CellValue]) -> bool:
    """A note or signature line under a table: 注：..., 填表人：..., 联系电话：..."""
    texts = _leading_texts(cells, 1)
    return bool(texts) and bool(_NOTE.match(texts[0]))


# --------------------------------------------------------------------------
# Files and sheets
# --------------------------------------------------------------------------


@dataclass
class Sheet:
    """The cells of one sheet: ``rows[i]`` is Excel row ``i + 1``, cells from column A.

    ``merged`` holds merged ranges as 0-based (first_row, first_col, last_row,
    last_col); None when the reader cannot tell (CSV, old python-calamine).
    """

    name: str
    rows: list[list[CellValue]]
    merged: list[tuple[int, int, int, int]] | None = None
    hidden: bool = False


@dataclass
class Workbook:
    file: str
    checksum: str
    sheets: list[Sheet]


def file_problem(
    file: str, reason: str, *, sheet: str | None = None, row: int | None = None
) -> ImportFileError:
    return ImportFileError(
        ImportProblem(file=file, sheet=sheet, row=row, column=None, value="", reason=reason)
    )


def file_checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: Path) -> bytes:
    """The bytes of a file to import, or an ImportFileError saying plainly why not."""
    file = path.name
    if not path.exists():
        raise file_problem(
            file,
            QCoreApplication.translate("Import", "The file %1 does not exist.").replace(
                "%1", str(path)
            ),
        )
    if path.is_dir():
        raise file_problem(
            file,
            QCoreApplication.translate("Import", "%1 is a folder, not a file.").replace(
                "%1", str(path)
            ),
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise file_problem(
            file,
            QCoreApplication.translate("Import", "The file cannot be read: %1").replace(
                "%1", error.strerror or str(error)
            ),
        ) from None


_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_OOXML = "EncryptionInfo".encode("utf-16-le")


def read_workbook(path: str | Path) -> Workbook:
    """Every sheet of a spreadsheet or CSV file. Raises ImportFileError."""
    path = Path(path)
    data = read_bytes(path)
    file = path.name
    checksum = file_checksum(data)
    try:
        sheets = _read_sheets(data, file, path)
    except ImportFileError as error:
        error.checksum = checksum
        raise
    return Workbook(file=file, checksum=checksum, sheets=sheets)


def _read_sheets(data: bytes, file: str, path: Path) -> list[Sheet]:
    if not data.strip():
        raise file_problem(file, QCoreApplication.translate("Import", "The file is empty."))
    suffix = path.suffix.lower()
    head = data[:2048]
    if head.startswith(_OLE_MAGIC):
        if _ENCRYPTED_OOXML in data:
            raise _password_problem(file)
        sheets = _read_calamine(data, file)
    elif head.startswith(_ZIP_MAGIC):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except (zipfile.BadZipFile, ValueError, OSError) as error:
            raise _damaged(file, error) from None
        if not names & {"xl/workbook.xml", "xl/workbook.bin", "content.xml"}:
            raise _not_spreadsheet(file)
        sheets = _read_calamine(data, file)
    elif head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        raise file_problem(
            file,
            QCoreApplication.translate(
                "Import",
                "This is a web page or XML file saved under a spreadsheet name. Open it in Excel or WPS and save it as .xlsx, then import that file.",
            ),
        )
    elif suffix in TEXT_SUFFIXES:
        sheets = [_read_csv(data, file, path.stem)]
    else:
        raise _not_spreadsheet(file)
    return sheets


def _password_problem(file: str) -> ImportFileError:
    return file_problem(
        file,
        QCoreApplication.translate(
            "Import",
            "The file is protected by a password. Open it in Excel or WPS, remove the password, save it and import it again.",
        ),
    )


def _not_spreadsheet(file: str) -> ImportFileError:
    return file_problem(
        file,
        QCoreApplication.translate(
            "Import", "This is not a spreadsheet. Use an .xlsx, .xls or .csv file."
        ),
    )


def _read_calamine(data: bytes, file: str) -> list[Sheet]:
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise _password_problem(file) from None
    except Exception as error:  # calamine reports malformed files in several ways
        raise _calamine_problem(file, error) from None
    sheets: list[Sheet] = []
    try:
        for index, meta in enumerate(workbook.sheets_metadata):
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue
            sheet = workbook.get_sheet_by_index(index)
            rows = cast(list[list[CellValue]], sheet.to_python(skip_empty_area=False))
            merged_ranges = getattr(sheet, "merged_cell_ranges", None)
            merged = (
                [(a[0], a[1], b[0], b[1]) for a, b in merged_ranges]
                if merged_ranges is not None
                else None
            )
            sheets.append(
                Sheet(
                    name=meta.name,
                    rows=rows,
                    merged=merged,
                    hidden=meta.visible != python_calamine.SheetVisibleEnum.Visible,
                )
            )
    except python_calamine.PasswordError:
        raise _password_problem(file) from None
    except Exception as error:
        raise _calamine_problem(file, error) from None
    finally:
        workbook.close()
    return sheets


def _calamine_problem(file: str, error: Exception) -> ImportFileError:
    message = str(error).lower()
    if isinstance(error, python_calamine.PasswordError) or "password" in message:
        return _password_problem(file)
    if "detect" in message:
        return _not_spreadsheet(file)
    return _damaged(file, error)


def _damaged(file: str, error: Exception) -> ImportFileError:
    return file_problem(
        file,
        QCoreApplication.translate(
            "Import", "The file is damaged or incomplete and cannot be read (%1)."
        ).replace("%1", str(error)[:200]),
    )


def _decode_text(data: bytes, file: str) -> tuple[str, str | None]:
    """The text of a CSV file and, for UTF-16 (Excel's "Unicode text"), its tab delimiter."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "\t"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        raise _not_spreadsheet(file)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding), None
        except UnicodeDecodeError:
            continue
    raise file_problem(
        file,
        QCoreApplication.translate(
            "Import",
            "The text of the file is neither UTF-8 nor GBK. Save it from Excel or WPS as .xlsx or as CSV (UTF-8).",
        ),
    )


def _read_csv(data: bytes, file: str, sheet_name: str) -> Sheet:
    text, delimiter = _decode_text(data, file)
    if delimiter is None:
        first = text.split("\n", 5)[:5]
        sample = "\n".join(first)
        counts = {d: sample.count(d) for d in (",", "\t", ";", "|")}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    try:
        rows: list[list[CellValue]] = [
            list(record)
            for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as error:
        raise _damaged(file, error) from None
    return Sheet(name=sheet_name, rows=rows, merged=None)


# --------------------------------------------------------------------------
# Tables: header and data rows
# --------------------------------------------------------------------------


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
    return [[header_key(value)] if not _is_blank(value) else [] for value in row]


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


def _match(labels: list[list[str]], columns: Sequence[Column]) -> dict[str, int]:
    """Which column index each known column is in (first match from the left)."""
    wanted = {column.key: {header_key(alias) for alias in column.aliases} for column in columns}
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
            if all(isinstance(v, str) and not _is_blank(v) for v in cells) and not is_blank_row(
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
        return _read_table(workbook, columns, sheet)
    except ImportFileError as error:
        error.checksum = workbook.checksum
        raise


def _read_table(workbook: Workbook, columns: Sequence[Column], sheet: str | None) -> Table:
    file = workbook.file
    candidates = workbook.sheets
    if sheet is not None:
        candidates = [s for s in workbook.sheets if s.name == sheet]
        if not candidates:
            raise file_problem(
                file,
                QCoreApplication.translate("Import", "The file has no sheet named %1.").replace(
                    "%1", sheet
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
            QCoreApplication.translate(
                "Import", "The header lacks the required column(s) %1."
            ).replace("%1", _missing_text(missing)),
            sheet=bad_sheet.name,
            row=guess.rows[0] + 1,
        )
    raise file_problem(
        file,
        QCoreApplication.translate(
            "Import", "No header with the required columns %1 was found in the first %2 rows."
        )
        .replace("%1", _missing_text(required))
        .replace("%2", str(HEADER_SCAN_ROWS)),
        sheet=filled[0].name,
    )


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
    last_header = sheet.rows[guess.rows[-1]]
    header_cells = [header_key(last_header[i]) if i < len(last_header) else "" for i in used]
    rows = table.rows
    start = guess.rows[-1] + 1
    first = used[0]
    for number, cells in enumerate(sheet.rows[start:], start=start + 1):
        # Only the columns the import reads decide whether a row is blank.
        size = len(cells)
        for i in used:
            if i < size and not _is_blank(cells[i]):
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
