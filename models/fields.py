"""Hand-entered fields checked the one way every form, import and command shares: text
lengths and control characters, mobiles and landlines, codes from a list, longitude and
latitude within China, years, the numbers of records, and the plausible range of every
number the console stores (``Range``: a form checks it through ``FieldChecker.count``, an
import kind declares it in ``ImportKind.ranges`` and checks a column with
``models.imports.framework.out_of_range``, ``db check`` flags stored values outside it: one
range, the same on SQLite and PostgreSQL)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from models.messages import fill
from models.refusals import InvalidValue, ValidationError

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(0\d{2,3})-?(\d{7,8})(-\d{1,6})?$")
# China's extent with a margin; a pair outside it is usually swapped or mistyped.
LON_RANGE = (73.0, 136.0)
LAT_RANGE = (3.0, 54.0)
YEARS = (2000, 2100)
"""The years a register may be kept for."""
MAX_RECORD_ID = 2**31 - 1
"""The largest record number both backends store (PostgreSQL's INTEGER)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control_characters(text: str) -> bool:
    """NUL and the other control characters (not tab or line breaks): PostgreSQL refuses
    NUL in text, and none of them is meant in a name or a search."""
    return _CONTROL.search(text) is not None


def without_control_characters(text: str) -> str:
    return _CONTROL.sub("", text)


def year_number(value: object) -> int:
    """A register year as typed (2026); InvalidValue outside ``YEARS``."""
    text = str(value).strip()
    low, high = YEARS
    if not (text.isascii() and text.isdigit() and len(text) == 4) or not low <= int(text) <= high:
        raise InvalidValue(
            fill(
                QCoreApplication.translate(
                    "Register", "Not a year: give a year from %1 to %2, such as 2026 (given: %3)."
                ),
                str(low),
                str(high),
                text[:40],
            )
        )
    return int(text)


def record_number(value: object) -> int:
    """A record's number as typed (an event's, a shelter's); InvalidValue for anything no
    record can have."""
    number = as_record_number(str(value))
    if number is None:
        raise InvalidValue(
            fill(
                QCoreApplication.translate(
                    "Register", "Not a record number: give a whole number from 1 to %1 (given: %2)."
                ),
                str(MAX_RECORD_ID),
                str(value).strip()[:40],
            )
        )
    return number


def as_record_number(text: str) -> int | None:
    """The record number ``text`` names, None when no record can have it."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_RECORD_ID)):
        return None
    number = int(text)
    return number if 1 <= number <= MAX_RECORD_ID else None


@dataclass(frozen=True)
class Range:
    """A plausible range of a number: outside it the number is mistyped (or made to harm:
    a household of a billion people would swell the figures reported upward)."""

    low: float
    high: float

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int | float) and self.low <= value <= self.high

    def text(self) -> str:
        """ "1 to 2,000", as messages name the range."""
        return f"{_number(self.low)} – {_number(self.high)}"


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


HOUSEHOLD_RESIDENTS = Range(1, 2_000)
"""People living in one household (a care home or a workers' dormitory listed as one)."""
HOUSEHOLD_PEOPLE = Range(0, HOUSEHOLD_RESIDENTS.high)
"""The elderly, disabled, bedridden, children, pregnant of a household."""
SHELTER_CAPACITY = Range(0, 100_000)
"""Persons a shelter takes in (a stadium: tens of thousands)."""
OBJECT_HEAD_COUNT = Range(1, 100_000)
"""People of another transfer object (a boat's crew, a building site's workers)."""
TOWN_FIGURE = Range(0, 10_000_000)
"""A figure phoned in by a town: people to move, moved, sheltered (a county: 1-2 million)."""
# A typhoon's track point (the same as ``models.typhoons.tables``' checks of hand entry).
TYPHOON_PRESSURE = Range(850, 1020)  # hPa
TYPHOON_WIND = Range(0, 100)  # m/s
TYPHOON_RADIUS = Range(0, 1500)  # km


def normalize_phone(text: str | None) -> str | None:
    """A mobile as 11 digits, a landline as 0576-86123456[-ext]; None when neither.

    Spaces, a +86 prefix and dashes inside a mobile are dropped. A landline's
    area code has 3 digits for 010 and 02x, 4 otherwise.
    """
    if text is None:
        return None
    compact = re.sub(r"\s+", "", text)
    if compact.startswith("+86"):
        compact = compact[3:]
    if _MOBILE.match(compact.replace("-", "")):
        return compact.replace("-", "")
    match = _LANDLINE.match(compact)
    if match is None:
        return None
    area, number, extension = match.groups()
    if "-" not in compact[: len(area) + 1]:
        # Written without a dash: split the area code by the numbering plan.
        digits = area + number
        cut = 3 if digits[:2] in ("01", "02") else 4
        area, number = digits[:cut], digits[cut:]
        if not 7 <= len(number) <= 8:
            return None
    return f"{area}-{number}{extension or ''}"


class FieldChecker:
    """Cleans the fields of a hand-entered record, collecting every problem (field,
    message) so the user sees them all at once; ``done`` refuses with them."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def add(self, field: str, message: str) -> None:
        self.problems.append((field, message))

    def text(
        self, field: str, value: str | None, limit: int, missing: str | None = None
    ) -> str | None:
        """Stripped text, or None when empty; ``missing`` is the message when required."""
        text = (value or "").strip()
        if not text:
            if missing is not None:
                self.add(field, missing)
            return None
        if has_control_characters(text):
            self.add(
                field,
                QCoreApplication.translate(
                    "Register", "Contains control characters (such as NUL): remove them."
                ),
            )
        if len(text) > limit:
            self.add(
                field,
                fill(
                    QCoreApplication.translate("Register", "Too long: at most %1 characters."),
                    str(limit),
                ),
            )
        return text

    def phone(self, field: str, value: str | None) -> str | None:
        text = (value or "").strip()
        if not text:
            return None
        phone = normalize_phone(text)
        if phone is None:
            self.add(
                field,
                QCoreApplication.translate(
                    "Register",
                    "Not a mobile number (11 digits starting with 13 to 19) or a landline number (such as 0576-86123456).",
                ),
            )
            return text
        return phone

    def code(
        self, field: str, value: str | None, known: Mapping[str, object], message: str
    ) -> str | None:
        code = (value or "").strip()
        if code not in known:
            self.add(field, message)
            return None
        return code

    def point(self, lon: float | str | None, lat: float | str | None) -> tuple[float, float] | None:
        """A (lon, lat) pair within China, None when both are empty."""
        values: list[float | None] = []
        for field, value in (("lon", lon), ("lat", lat)):
            if value is None or (isinstance(value, str) and not value.strip()):
                values.append(None)
                continue
            try:
                number = float(value)
            except (TypeError, ValueError):
                number = float("nan")
            if number != number:  # NaN: not a number at all
                self.add(
                    field,
                    QCoreApplication.translate(
                        "Register", "Enter a number in decimal degrees, such as 121.38."
                    ),
                )
                return None
            values.append(number)
        x, y = values
        if x is None and y is None:
            return None
        if x is None or y is None:
            self.add(
                "lon" if x is None else "lat",
                QCoreApplication.translate(
                    "Register", "Give both longitude and latitude, or neither."
                ),
            )
            return None
        lon_ok = LON_RANGE[0] <= x <= LON_RANGE[1]
        lat_ok = LAT_RANGE[0] <= y <= LAT_RANGE[1]
        if (
            not lon_ok
            and not lat_ok
            and LAT_RANGE[0] <= x <= LAT_RANGE[1]
            and LON_RANGE[0] <= y <= LON_RANGE[1]
        ):
            self.add(
                "lon",
                QCoreApplication.translate(
                    "Register",
                    "Longitude and latitude look swapped: longitude is the larger number in China.",
                ),
            )
            return None
        if not lon_ok:
            self.add(
                "lon",
                QCoreApplication.translate(
                    "Register", "Longitude must be between 73 and 136 degrees east (China)."
                ),
            )
        if not lat_ok:
            self.add(
                "lat",
                QCoreApplication.translate(
                    "Register", "Latitude must be between 3 and 54 degrees north (China)."
                ),
            )
        return (x, y) if lon_ok and lat_ok else None

    def count(self, field: str, value: object, limits: Range, message: str) -> int | None:
        """A whole number within ``limits``; ``message`` (translated) when it is not one or
        lies below them, the range named when it lies above."""
        number: int | None
        try:
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError(value)
            number = int(str(value).strip()) if not isinstance(value, int | float) else int(value)
        except (TypeError, ValueError, OverflowError):
            number = None
        if number is None or number < limits.low:
            self.add(field, message)
            return None
        if number not in limits:
            self.add(field, implausible(limits))
            return None
        return number

    def done(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)


def implausible(limits: Range) -> str:
    """The refusal of a number outside its plausible range, naming it."""
    return fill(
        QCoreApplication.translate(
            "Register", "Not plausible: the number must lie between %1 (the plausible range)."
        ),
        limits.text(),
    )
