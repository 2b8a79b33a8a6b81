"""Track times as bulletins and forms write them, read into aware datetimes and shown back in Beijing time."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

from PySide6.QtCore import QCoreApplication

from models.refusals import InvalidValue
from models.typhoons.tables import BEIJING

_TIME = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*[Tt]?\s*(\d{1,2})(?:\s*[:：时点]\s*(\d{1,2})?\s*分?(?:\s*[:：]\s*(\d{1,2})\s*秒?)?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?$"
)
_COMPACT_TIME = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?$")


def _offset(text: str | None) -> tzinfo | None:
    if not text:
        return None
    if text in ("Z", "z"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_time(value: object, zone: tzinfo = BEIJING) -> datetime:
    """A track time as aware UTC: ISO 8601 with an offset, or ``zone`` time without one
    (Beijing time unless a column says otherwise, such as Time_UTC).

    Also 2026/8/9 20:00, 2026年8月9日20时, 2026080920 (YYYYMMDDHH[MM]) and
    spreadsheet date-times. A date without an hour is refused. Raises ValueError
    with a message for the user.
    """
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        raise InvalidValue(
            QCoreApplication.translate(
                "Typhoon", "Give the hour as well as the date, such as 2026-08-09 20:00."
            )
        )
    else:
        text = str(value if value is not None else "").strip()
        if not text:
            raise InvalidValue(QCoreApplication.translate("Typhoon", "The time is empty."))
        text = text.translate(_FULL_WIDTH_DIGITS)
        moment = _parse_time_text(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC)


_FULL_WIDTH_DIGITS = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)} | {
    0xFF1A: ord(":"),
    0xFF0B: ord("+"),
    0xFF0D: ord("-"),
    0x3000: ord(" "),
}


def _parse_time_text(text: str) -> datetime:
    """The time written in ``text``: naive when it carries no offset."""
    bad = ValueError(
        QCoreApplication.translate(
            "Typhoon",
            "Not a time: write it as 2026-08-09 20:00 (Beijing time) or with an offset, "
            "such as 2026-08-09T12:00Z.",
        )
    )
    compact = _COMPACT_TIME.match(text)
    if compact:
        year, month, day, hour, minute = compact.groups()
        parts: tuple[str | None, ...] = (year, month, day, hour, minute, None, None)
    else:
        match = _TIME.match(text)
        if match is None:
            try:
                moment = datetime.fromisoformat(text)
            except ValueError:
                raise bad from None
            if len(text) <= 10:  # a date alone
                raise InvalidValue(
                    QCoreApplication.translate(
                        "Typhoon", "Give the hour as well as the date, such as 2026-08-09 20:00."
                    )
                )
            return moment
        parts = match.groups()
        if parts[3] is None:
            raise InvalidValue(
                QCoreApplication.translate(
                    "Typhoon", "Give the hour as well as the date, such as 2026-08-09 20:00."
                )
            )
    year, month, day, hour, minute, second, offset = parts
    try:
        return datetime(
            int(year or 0),
            int(month or 0),
            int(day or 0),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            tzinfo=_offset(offset),
        )
    except ValueError:
        raise bad from None


def format_time(at: datetime, tz: tzinfo = BEIJING) -> str:
    """A track time as the duty room reads it: 2026-08-09 20:00 (in ``tz``, Beijing by default)."""
    return at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
