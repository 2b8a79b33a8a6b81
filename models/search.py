"""Search keys for finding rows by Chinese text, pinyin, pinyin initials and digits.

A key is one lowercase string that holds every searched text, its full pinyin
(张三 -> zhangsan), its pinyin initials (zs) and, for texts with digits and
separators, the bare digits (0576-86123456 -> 057686123456). ``matches`` is a
substring test per query word, so 张三 is found by "zs", "zhangsan", "张" or
by the last digits of the phone.

Pinyin is looked up once per distinct character (pypinyin, lazy style, no
heteronyms) and applied with ``str.translate``; this loses the phrase context
pypinyin would use for a whole text (重庆 gives "zhongqing", 曾 gives "ceng"),
which is the price of keys for tens of thousands of rows in a fraction of a
second.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

# Between the texts of one key, so a query never matches across two fields.
SEPARATOR = "\x1f"

_FULL: dict[int, str] = {}  # code point of a Han character -> its pinyin
_INITIAL: dict[int, str] = {}  # code point -> first letter of its pinyin
_seen: set[str] = set()  # non-ASCII characters already looked up
_lock = threading.Lock()
_NON_DIGIT = re.compile(r"\D+")
_DIGIT = re.compile(r"\d")


def _learn(chars: Iterable[str]) -> None:
    """Look up the pinyin of characters not seen before (imports pypinyin on first use)."""
    from pypinyin import Style, lazy_pinyin

    with _lock:
        for char in chars:
            if char in _seen:
                continue
            syllables = lazy_pinyin(char, style=Style.NORMAL, errors="default")
            syllable = syllables[0].lower() if len(syllables) == 1 else ""
            if syllable and syllable != char and syllable.isascii() and syllable.isalpha():
                _FULL[ord(char)] = syllable
                _INITIAL[ord(char)] = syllable[0]
            _seen.add(char)


def _with_pinyin(text: str) -> tuple[str, str] | None:
    """(full pinyin, initials) of a lowercase text, or None when it has no Han character."""
    if text.isascii():
        return None
    new = set(text).difference(_seen)
    if new:
        _learn(new)
    full = text.translate(_FULL)
    if full == text:
        return None
    return full, text.translate(_INITIAL)


def search_key(*texts: object) -> str:
    """One lowercase string holding the texts, their pinyin, initials and bare digits."""
    parts: list[str] = []
    for value in texts:
        if value is None:
            continue
        text = str(value).strip().lower()
        if not text:
            continue
        parts.append(text)
        pinyin = _with_pinyin(text)
        if pinyin is not None:
            parts.extend(pinyin)
        # Bare digits let "86123456" find "0576-86123456"; a masked number gives
        # none, so its hidden digits can never be probed through the search.
        if "*" not in text and _DIGIT.search(text):
            digits = _NON_DIGIT.sub("", text)
            if digits != text and len(digits) >= 3:
                parts.append(digits)
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
    pinyin = _with_pinyin(lowered)
    return (pinyin[0] if pinyin else lowered) + SEPARATOR + lowered
