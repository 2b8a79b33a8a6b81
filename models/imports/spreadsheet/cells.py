"""Cells as villages type them, made comparable: full-width forms, stray spaces, numbers kept as text, total and note rows."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import cast

CellValue = str | int | float | bool | date | datetime | time | timedelta | None


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


def is_blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip(" \t\r\n\u3000\xa0"))


def is_blank_row(cells: Sequence[CellValue]) -> bool:
    return all(is_blank(value) for value in cells)


def _leading_texts(cells: Sequence[CellValue], count: int = 3) -> list[str]:
    texts: list[str] = []
    for value in cells:
        if is_blank(value):
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


# Dates as sheets hold them: a date cell, an Excel serial day, or a text.
_EXCEL_EPOCH = date(1899, 12, 30)
EXCEL_SERIALS = (1, 73_050)  # 1900-01-01 to 2099-12-31 as Excel counts days
_DATE_TEXT = re.compile(r"(\d{4})\s*[./\-年]\s*(\d{1,2})\s*[./\-月]\s*(\d{1,2})\s*日?")
_DATE_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DATE_PUNCTUATION = {code: code - 0xFEE0 for code in range(0xFF0D, 0xFF10)}  # －．／


def date_text(value: CellValue | object) -> str:
    """A cell as the text a date is looked for in: digits and －．／ half-width, odd
    spaces plain, trimmed."""
    return half_width(str(value)).translate(_DATE_PUNCTUATION).strip()


def parse_cell_date(
    value: CellValue | object, *, serials: tuple[int, int] | None = EXCEL_SERIALS
) -> date | None:
    """The day a cell means: a date or date-time cell; a whole number of 8 digits
    (20250630); an Excel serial day within ``serials`` (45838, also as text; None takes
    no serials); a text written ``2025-06-30``, ``2025/6/30``, ``2025.6.30``,
    ``2025年6月30日`` (spaces between the parts allowed), ``20250630``, with full-width
    digits or a midnight time (``2025-06-30 00:00:00``). None for a blank cell;
    ValueError for anything else, also for a day no calendar has (2025.2.30)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        if value != value or value in (float("inf"), float("-inf")) or value != int(value):
            raise ValueError(value)
        number = int(value)
        if serials is not None and serials[0] <= number <= serials[1]:
            return _EXCEL_EPOCH + timedelta(days=number)
        if 10_000_000 <= number <= 99_999_999:
            return _ymd(_DATE_COMPACT.fullmatch(str(number)), value)
        raise ValueError(value)
    text = date_text(value)
    if not text:
        return None
    if text.endswith(" 00:00:00"):
        text = text[: -len(" 00:00:00")].rstrip()
    match = _DATE_TEXT.fullmatch(text) or _DATE_COMPACT.fullmatch(text)
    serial = int(text) if match is None and text.isdigit() and text.isascii() else None
    if serial is not None and serials is not None and serials[0] <= serial <= serials[1]:
        return _EXCEL_EPOCH + timedelta(days=serial)
    return _ymd(match, value)


def _ymd(match: re.Match[str] | None, value: object) -> date:
    if match is None:
        raise ValueError(value)
    year, month, day = (int(part) for part in match.groups())
    return date(year, month, day)  # ValueError for 2025.2.30 or month 13
