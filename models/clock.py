"""The one clock: the zone times are shown in, and how a stored time reads to the duty room.

Times are stored aware in UTC; everything a user sees (pages, printouts, exports, the
status bar) goes through ``display_time`` in the workstation's configured zone.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Shanghai"
_zone_read: tuple[Path, tuple[int, int, int] | None, ZoneInfo] | None = None


def zone(name: str) -> ZoneInfo:
    """The zone of that name, or Beijing time when the name is unknown or malformed."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def display_zone() -> ZoneInfo:
    """The zone times are shown in (the workstation setting, Asia/Shanghai by default);
    the settings file is read again only when it has changed."""
    global _zone_read
    from models.settings import Settings, settings_path

    path = settings_path()
    try:
        status = path.stat()
        stamp: tuple[int, int, int] | None = (status.st_ino, status.st_mtime_ns, status.st_size)
    except OSError:
        stamp = None
    if _zone_read is not None and _zone_read[:2] == (path, stamp):
        return _zone_read[2]
    try:
        found = zone(Settings.load().timezone)
    except (OSError, ValueError, TypeError):  # an unreadable or hand-broken settings file
        found = ZoneInfo(DEFAULT_ZONE)
    _zone_read = (path, stamp, found)
    return found


def display_time(
    at: datetime, *, seconds: bool = False, short: bool = False, tz: ZoneInfo | None = None
) -> str:
    """A stored time as the duty room reads it: 2026-07-20 14:03 (with ``seconds``:
    14:03:05; ``short``, for narrow columns: 07-20 14:03), in ``tz`` or else the display
    zone. A naive time is taken as UTC."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    layout = "%m-%d %H:%M" if short else "%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M"
    return at.astimezone(tz or display_zone()).strftime(layout)


def duration_text(seconds: int) -> str:
    """A span of time as a countdown shows it: 12:34, or 1:02:03 from an hour on (the
    absolute value: the caller says whether it is left or past)."""
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
