"""Resident identity card numbers (居民身份证号码, GB 11643-1999) as rosters hold them.

18 characters: a 6-digit region code, the birth date as YYYYMMDD, a 3-digit sequence whose
last digit is odd for men and even for women, and a check character (ISO 7064 MOD 11-2,
0-9 or X). The first-generation cards' 15 digits (YYMMDD, born in the 1900s, no check
character) are converted to 18. A lower-case x is read as X.

A spreadsheet cell that Excel took for a number kept only 15 significant digits: an
18-digit number so stored, or shown in scientific notation (3.31081E+17), has lost digits
that nothing can bring back, and is refused saying so rather than imported wrong.

``read_id_number`` returns an ``IdNumber`` (the number, birth date and sex it carries) or
raises ``BadIdNumber`` (an ``InvalidValue``) with the reason in the user's language;
``disagreements`` compares it with a birth date and sex given beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication

from models.messages import fill
from models.refusals import InvalidValue

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ZEROS = 48 * sum(_WEIGHTS)  # what the digits' character codes add beyond their values
_CHECK = "10X98765432"
_SCIENTIFIC = re.compile(r"^[+-]?\d+(\.\d*)?[eE][+-]?\d+$")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u3000]")
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)} | {0xFF38: 88, 0xFF58: 120}
EARLIEST_BIRTH = date(1900, 1, 1)


class BadIdNumber(InvalidValue):
    """An identity number that cannot be a real one, with the reason."""


@dataclass(frozen=True, slots=True)
class IdNumber:
    number: str  # 18 characters, upper-case X
    birth_date: date
    sex: str  # "M" or "F"
    converted_from_15: bool = False
    lower_case_x: bool = False


def check_character(first17: str) -> str:
    """The 18th character of a number whose first 17 digits are given."""
    total = sum(map(int.__mul__, first17.encode("ascii"), _WEIGHTS)) - _ZEROS
    return _CHECK[total % 11]


def _refuse(text: str, *values: str) -> BadIdNumber:
    """The refusal of a translated ``text`` with ``values`` filled in."""
    return BadIdNumber(fill(text, *values))


def read_id_number(value: object, *, today: date | None = None) -> IdNumber:
    """The identity number in a cell or a typed text; BadIdNumber saying why it is none.

    ``value`` may be a text (spaces, dashes and full-width digits are removed), an int, or
    a float (a cell Excel stored as a number): 15 digits survive that, 18 do not."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise _refuse(QCoreApplication.translate("IdNumber", "The identity number is missing."))
    if isinstance(value, bool):
        raise _refuse(
            QCoreApplication.translate("IdNumber", "Not an identity number: %1"), str(value)
        )
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")) or not value.is_integer():
            raise _refuse(
                QCoreApplication.translate("IdNumber", "Not an identity number: %1"), repr(value)
            )
        digits = str(int(value))
        if len(digits) > 15:
            raise _refuse(
                QCoreApplication.translate(
                    "IdNumber",
                    "Excel stored this identity number as a number and kept only its first 15 "
                    "digits (%1): the rest are lost. Format the column as text and type the number "
                    "again from the card.",
                ),
                digits,
            )
        return _parse(digits, today)
    if isinstance(value, int):
        return _parse(str(value), today)
    text = str(value)
    if not (len(text) == 18 and text.isascii() and text[:17].isdigit()):
        # Anything but a plain 18-character number: full-width digits, spaces, dashes.
        text = _SEPARATORS.sub("", text.translate(_FULL_WIDTH))
    if _SCIENTIFIC.match(text):
        raise _refuse(
            QCoreApplication.translate(
                "IdNumber",
                "The identity number %1 is in scientific notation: Excel took it for a number and "
                "kept only 15 digits, so the rest are lost. Format the column as text and type the "
                "number again from the card.",
            ),
            str(value).strip(),
        )
    return _parse(text, today)


def _parse(text: str, today: date | None) -> IdNumber:
    shown = text[:40]
    lower = text.endswith("x")
    if lower:
        text = text[:-1] + "X"
    if len(text) == 15:
        if not text.isdigit() or not text.isascii():
            raise _refuse(
                QCoreApplication.translate(
                    "IdNumber", "A 15-digit identity number holds digits only: %1"
                ),
                shown,
            )
        birth = _birth(text[:6], "19" + text[6:12], shown, today)
        first17 = text[:6] + "19" + text[6:]
        number = first17 + check_character(first17)
        return IdNumber(number, birth, _sex(text[14]), converted_from_15=True)
    if len(text) != 18:
        raise _refuse(
            QCoreApplication.translate(
                "IdNumber",
                "An identity number has 18 characters (or 15 on an old card); %1 has %2.",
            ),
            shown,
            str(len(text)),
        )
    first17, last = text[:17], text[17]
    if not (first17.isdigit() and first17.isascii()) or not (
        last == "X" or (last.isdigit() and last.isascii())
    ):
        raise _refuse(
            QCoreApplication.translate(
                "IdNumber",
                "An identity number is 17 digits and a last digit or X: %1 holds other characters.",
            ),
            shown,
        )
    birth = _birth(text[:6], text[6:14], shown, today)
    expected = check_character(first17)
    if last != expected:
        if text.endswith("000"):
            raise _refuse(
                QCoreApplication.translate(
                    "IdNumber",
                    "The check digit of %1 is wrong. Its last digits are zeros, as when Excel "
                    "rounded the number to 15 digits: type the number again from the card.",
                ),
                shown,
            )
        raise _refuse(
            QCoreApplication.translate(
                "IdNumber",
                "The check digit of %1 is wrong (it should be %2): a digit was mistyped.",
            ),
            shown,
            expected,
        )
    return IdNumber(text, birth, _sex(text[16]), lower_case_x=lower)


def _birth(region: str, digits: str, shown: str, today: date | None) -> date:
    if region[0] == "0":
        raise _refuse(
            QCoreApplication.translate("IdNumber", "The region code of %1 cannot start with 0."),
            shown,
        )
    try:
        birth = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise _refuse(
            QCoreApplication.translate("IdNumber", "The birth date in %1 (%2) is not a date."),
            shown,
            digits,
        ) from None
    if birth < EARLIEST_BIRTH or birth > (today or date.today()):
        raise _refuse(
            QCoreApplication.translate("IdNumber", "The birth date in %1 (%2) is not possible."),
            shown,
            birth.isoformat(),
        )
    return birth


def _sex(digit: str) -> str:
    return "M" if int(digit) % 2 else "F"


SEX_WORDS = {"男": "M", "女": "F", "m": "M", "f": "F", "male": "M", "female": "F"}


def read_sex(text: str) -> str | None:
    """ "M" or "F" from 男/女 (or M/F, male/female); None for anything else."""
    return SEX_WORDS.get(text.strip().lower())


def disagreements(
    identity: IdNumber, *, birth_date: date | None = None, sex: str | None = None
) -> list[tuple[str, str]]:
    """(field, reason) for a birth date or sex given beside the number that it contradicts."""
    found: list[tuple[str, str]] = []
    if birth_date is not None and birth_date != identity.birth_date:
        found.append(
            (
                "birth_date",
                fill(
                    (
                        QCoreApplication.translate(
                            "IdNumber", "The birth date %1 differs from the identity number's %2."
                        )
                    ),
                    birth_date.isoformat(),
                    identity.birth_date.isoformat(),
                ),
            )
        )
    if sex is not None and sex != identity.sex:
        found.append(
            (
                "sex",
                fill(
                    (
                        QCoreApplication.translate(
                            "IdNumber",
                            "The sex given (%1) differs from the identity number's (%2).",
                        )
                    ),
                    (QCoreApplication.translate("IdNumber", "male"))
                    if sex == "M"
                    else (QCoreApplication.translate("IdNumber", "female")),
                    (QCoreApplication.translate("IdNumber", "male"))
                    if identity.sex == "M"
                    else (QCoreApplication.translate("IdNumber", "female")),
                ),
            )
        )
    return found
