"""Search keys for finding rows by Chinese text, pinyin, pinyin initials and digits.

A key is one lowercase string that holds every searched text, its full pinyin
(张三 -> zhangsan), its pinyin initials (zs) and, for texts with digits and
separators, the bare digits (0576-86123456 -> 057686123456). ``matches`` is a
substring test per query word, so 张三 is found by "zs", "zhangsan", "张" or
by the last digits of the phone.

Pinyin is looked up once per distinct character (pypinyin's character table,
first reading, no tones) and applied with ``str.translate``; this loses the phrase context
pypinyin would use for a whole text (重庆 gives "zhongqing", 曾 gives "ceng"),
which is the price of keys for tens of thousands of rows in a fraction of a
second.
"""

from __future__ import annotations

import importlib.util
import re
import threading
import unicodedata
from pathlib import Path

# Between the texts of one key, so a query never matches across two fields.
SEPARATOR = "\x1f"

_NON_DIGIT = re.compile(r"\D+")
_DIGIT = re.compile(r"\d")


# Toneless first readings of U+3400..U+9FFF, one word per code point ("-": none),
# made from pypinyin's character table by ``write_readings_file`` and shipped, so
# loading it is one str.split (a few ms) rather than ``import pypinyin`` (0.2-0.3 s
# holding the GIL, which freezes the UI thread while a worker builds keys).
READINGS_FILE = Path(__file__).resolve().parent.parent / "resources" / "pinyin" / "readings.txt"
FIRST_CODE, LAST_CODE = 0x3400, 0x9FFF
_readings: list[str] | None = None
_readings_lock = threading.Lock()


def _load_readings() -> list[str]:
    global _readings
    with _readings_lock:
        if _readings is None:
            _readings = READINGS_FILE.read_text(encoding="ascii").split()
    return _readings


def _pinyin_of(char: str) -> str | None:
    """The pinyin of one character without tones, or None when it has none."""
    code = ord(char)
    if not FIRST_CODE <= code <= LAST_CODE:
        return None
    syllable = _load_readings()[code - FIRST_CODE]
    return None if syllable == "-" else syllable


def readings_text() -> str:
    """The content of READINGS_FILE, made from the installed pypinyin's table."""
    import json

    spec = importlib.util.find_spec("pypinyin")
    assert spec is not None and spec.submodule_search_locations
    path = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"
    table = {int(k): v for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
    words = []
    for code in range(FIRST_CODE, LAST_CODE + 1):
        first = table.get(code, "").split(",")[0].replace("ü", "v")
        plain = "".join(
            c for c in unicodedata.normalize("NFD", first) if not unicodedata.combining(c)
        ).lower()
        words.append(plain if plain.isascii() and plain.isalpha() else "-")
    lines = [" ".join(words[i : i + 32]) for i in range(0, len(words), 32)]
    return "\n".join(lines) + "\n"


def write_readings_file() -> None:
    """Regenerate READINGS_FILE after upgrading pypinyin."""
    READINGS_FILE.parent.mkdir(parents=True, exist_ok=True)
    READINGS_FILE.write_text(readings_text(), encoding="ascii")


class _PinyinTable(dict[int, str]):
    """A ``str.translate`` table that looks a character up the first time it is met.

    Known characters are found at C speed; ``__missing__`` runs once per
    distinct character (a dict write is atomic, so worker threads may share it).
    """

    def __init__(self, initials: bool) -> None:
        super().__init__()
        self.initials = initials

    def __missing__(self, code: int) -> str:
        char = chr(code)
        syllable = _pinyin_of(char)
        value = char if syllable is None else (syllable[0] if self.initials else syllable)
        self[code] = value
        return value


_FULL = _PinyinTable(initials=False)
_INITIAL = _PinyinTable(initials=True)


def with_pinyin(text: str) -> tuple[str, str] | None:
    """(full pinyin, initials) of a lowercase text, or None when it has no Han character."""
    full = text.translate(_FULL)
    if full == text:
        return None
    return full, text.translate(_INITIAL)


_parts: dict[str, str] = {}  # text -> its part of a key; most texts repeat (villages, posts)
_PARTS_KEPT = 200_000


def _part(value: object) -> str:
    text = str(value).strip().lower()
    if not text or text.isdigit():
        return text
    pieces = [text]
    if not text.isascii():
        pinyin = with_pinyin(text)
        if pinyin is not None:
            pieces.extend(pinyin)
    # Bare digits let "86123456" find "0576-86123456"; a masked number gives
    # none, so its hidden digits can never be probed through the search.
    if "*" not in text and _DIGIT.search(text):
        digits = _NON_DIGIT.sub("", text)
        if len(digits) >= 3:
            pieces.append(digits)
    return SEPARATOR.join(pieces)


def _remember(text: str) -> str:
    if len(_parts) >= _PARTS_KEPT:
        _parts.clear()
    part = _parts[text] = _part(text)
    return part


def search_key(*texts: str | None) -> str:
    """One lowercase string holding the texts, their pinyin, initials and bare digits."""
    get = _parts.get
    parts = []
    for text in texts:
        if text:
            part = get(text) or _remember(text if isinstance(text, str) else str(text))
            if part:
                parts.append(part)
    return SEPARATOR.join(parts)


def query_terms(query: str) -> tuple[str, ...]:
    """The lowercase words of a query; every one must be found in a key."""
    return tuple(query.lower().split())


def matches(key: str, query: str | tuple[str, ...]) -> bool:
    """Whether every word of the query occurs in the key (an empty query matches all)."""
    terms = query_terms(query) if isinstance(query, str) else query
    return all(term in key for term in terms)


def pinyin_sort_key(text: str | None) -> str:
    """A key that orders Chinese text by pinyin (then by the text itself)."""
    if not text:
        return ""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return lowered.translate(_FULL) + SEPARATOR + lowered


def warm_up() -> None:
    """Load the pinyin table now rather than on the first search."""
    _pinyin_of("中")
