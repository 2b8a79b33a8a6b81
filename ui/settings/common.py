"""What the settings tabs share: the tables' translation context and short messages."""

from __future__ import annotations

C = "SettingsColumns"  # translation context of the tables' column headers


def short_error(error: OSError) -> str:
    """The first line of a file error (a path and why), for the settings file."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:300]
