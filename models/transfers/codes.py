"""Card codes (opaque, with a check character, unique across households and objects)
and the derived search columns of names and mobiles."""

from __future__ import annotations

import json
import operator
import random
import re
import secrets
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.search import SEPARATOR, search_key, with_pinyin

CARD_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L look-alikes
CARD_LENGTH = 10
_CARD_INDEX = {c: i for i, c in enumerate(CARD_ALPHABET)}
_CARD_RE = re.compile(rf"^(?:[A-Z]{{2,8}}[:：])?([{CARD_ALPHABET}]{{{CARD_LENGTH}}})$")


def _check_char(body: str) -> str:
    """A weighted mod-31 check character: catches any single wrong or swapped pair."""
    total = sum((i + 1) * _CARD_INDEX[c] for i, c in enumerate(body))
    return CARD_ALPHABET[total % len(CARD_ALPHABET)]


def new_card_code(rng: random.Random | None = None) -> str:
    """An opaque card code: 9 random characters and a check character."""
    if rng is None:
        base = len(CARD_ALPHABET)
        limit = 256 - 256 % base  # bytes at or above this would favour the first letters
        picks: list[str] = []
        while len(picks) < CARD_LENGTH - 1:
            picks.extend(CARD_ALPHABET[b % base] for b in secrets.token_bytes(16) if b < limit)
        body = "".join(picks[: CARD_LENGTH - 1])
    else:
        body = "".join(rng.choice(CARD_ALPHABET) for _ in range(CARD_LENGTH - 1))
    return body + _check_char(body)


# Random bytes to code characters as new_card_code draws them: a byte at or above
# _CARD_LIMIT is dropped (it would favour the first letters), the others taken modulo
# the alphabet's length.
_CARD_LIMIT = 256 - 256 % len(CARD_ALPHABET)
_CARD_DROPPED = bytes(range(_CARD_LIMIT, 256))
_CARD_LETTERS = bytes(ord(CARD_ALPHABET[b % len(CARD_ALPHABET)]) for b in range(256))
_CARD_WEIGHTS = range(1, CARD_LENGTH)


def new_card_codes(count: int) -> list[str]:
    """``count`` codes made as ``new_card_code()`` makes one, from one draw of random bytes."""
    size = CARD_LENGTH - 1
    need = count * size
    drawn = b""
    while len(drawn) < need:  # about 3% of the bytes are dropped
        drawn += secrets.token_bytes(need + need // 16 + 64).translate(None, _CARD_DROPPED)
    letters = drawn[:need].translate(_CARD_LETTERS).decode("ascii")
    index, alphabet, weights = _CARD_INDEX.__getitem__, CARD_ALPHABET, _CARD_WEIGHTS
    base = len(alphabet)
    codes = []
    for start in range(0, need, size):  # _check_char, inlined
        body = letters[start : start + size]
        codes.append(body + alphabet[sum(map(operator.mul, weights, map(index, body))) % base])
    return codes


def parse_card_code(text: str) -> str | None:
    """The card code in a scanned or typed text (a prefix like ``ECC:`` allowed), or None.

    Lower case and full-width characters are accepted, as a keyboard-wedge scanner
    with the Chinese input method on would deliver them.
    """
    from models.imports.spreadsheet import half_width

    match = _CARD_RE.match(half_width(text).strip().upper())
    if match is None:
        return None
    code = match.group(1)
    return code if _check_char(code[:-1]) == code[-1] else None


# The codes of a batch already held, in one statement whatever the batch's size: the
# batch travels as one parameter (a JSON array on SQLite, a text array on PostgreSQL).
# Asked 500 codes per statement, 20,000 took 0.11-0.22 s; in one, 0.03 s.
_HELD_CODES = (
    "SELECT {code} FROM {codes} WHERE {code} IN (SELECT card_code FROM households)"
    " OR {code} IN (SELECT card_code FROM transfer_objects)"
)
# (the batch as rows, their column, the batch as a parameter)
_CODE_LISTS: dict[str, tuple[str, str, Callable[[Sequence[str]], Any]]] = {
    "sqlite": ("json_each(:codes)", "value", json.dumps),
    "postgresql": ("unnest(CAST(:codes AS text[])) AS code", "code", list),
}


def _held_codes(session: Session, codes: Sequence[str]) -> set[str]:
    rows, column, encode = _CODE_LISTS[session.get_bind().dialect.name]
    return set(
        session.scalars(text(_HELD_CODES.format(codes=rows, code=column)), {"codes": encode(codes)})
    )


def unique_card_codes(session: Session, count: int, rng: random.Random | None = None) -> list[str]:
    """``count`` new codes, none already held by a household or an object."""
    codes: list[str] = []
    taken: set[str] = set()
    while len(codes) < count:
        missing = count - len(codes)
        fresh = (
            set(new_card_codes(missing))
            if rng is None
            else {new_card_code(rng) for _ in range(missing)}
        ) - taken
        fresh -= set(codes)
        batch = sorted(fresh)
        clash = _held_codes(session, batch) if batch else set()
        taken |= clash
        codes.extend(code for code in batch if code not in clash)
    return codes[:count]


def name_search_columns(name: str) -> tuple[str, str]:
    """(full pinyin, pinyin initials) of a name, lower case, without separators."""
    text = name.strip().lower()
    if not text.isascii() and not text.isdigit() and SEPARATOR not in text:
        pinyin = with_pinyin(text)  # what search_key holds after the text itself
        if pinyin is not None:
            return pinyin[0].replace(" ", "")[:120], pinyin[1].replace(" ", "")[:30]
    parts = search_key(name).split(SEPARATOR)
    if len(parts) >= 3 and not text.isascii():
        return parts[1].replace(" ", "")[:120], parts[2].replace(" ", "")[:30]
    plain = re.sub(r"\s+", "", text)
    return plain[:120], plain[:30]


def phone_last4(phone: str | None) -> str | None:
    if phone and phone.isdigit() and phone.isascii():
        digits = phone
    else:
        digits = re.sub(r"\D", "", phone or "")
    return digits[-4:] if len(digits) >= 4 else None


def household_search_values(name: str, phone: str | None) -> dict[str, Any]:
    """The derived search columns of a household, for inserts and updates."""
    pinyin, initials = name_search_columns(name)
    return {"name_pinyin": pinyin, "name_initials": initials, "phone_last4": phone_last4(phone)}
