"""Settings kept in a JSON file in the user configuration directory.

Plain Python (no Qt) so the command line and the window read the same file.
``ECC_CONFIG_DIR`` and ``ECC_DATA_DIR`` move the directories (tests use them).

The file is readable by its owner only (mode 0600) and holds no database password: a
PostgreSQL URL saved with one keeps it in ``models.credentials`` instead, and a file
written by an older version loses it at the next load.
"""

from __future__ import annotations

import json
import os
from contextlib import suppress
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from models.credentials import remember
from models.paths import APP_NAME, config_dir, data_dir, write_private

__all__ = ["APP_NAME", "Settings", "TileSource", "config_dir", "data_dir", "settings_path"]


def settings_path() -> Path:
    return config_dir() / "settings.json"


@dataclass
class TileSource:
    kind: str = "none"  # none | mbtiles | xyz
    mbtiles_path: str = ""
    url_template: str = ""
    key: str = ""
    attribution: str = ""  # the tile server's credit line, shown on the map


@dataclass
class Settings:
    database_url: str = ""
    language: str = "zh_CN"
    timezone: str = "Asia/Shanghai"
    # This workstation as check-ins record it and lists print it (empty: the computer's name).
    workstation_name: str = ""
    # During an event: towns and villages below this completion rate (percent), or with no
    # check-in for this many hours, are shown to the duty officer.
    lag_percent: int = 60
    stale_hours: int = 2
    tile_source: TileSource = field(default_factory=TileSource)

    @classmethod
    def load(cls) -> Settings:
        path = settings_path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        loaded = cls._from(raw)
        if _has_password(loaded.database_url) or _readable_by_others(path):
            with suppress(OSError):  # a read-only folder: used as it is
                loaded.save()  # the password moves to the credential store, the mode to 0600
        return loaded

    @classmethod
    def _from(cls, raw: dict[str, Any]) -> Settings:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in raw.items() if k in known}
        tiles: dict[str, Any] = values.pop("tile_source", None) or {}
        tile_known = {f.name for f in fields(TileSource)}
        return cls(
            **values, tile_source=TileSource(**{k: v for k, v in tiles.items() if k in tile_known})
        )

    def save(self) -> None:
        """Write the file (mode 0600), the database password kept apart."""
        if _has_password(self.database_url):
            self.database_url = remember(self.database_url)
        write_private(
            settings_path(), json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n"
        )


def _has_password(url: str) -> bool:
    if "://" not in url:
        return False
    from sqlalchemy import make_url

    try:
        return make_url(url).password is not None
    except Exception:  # not a URL SQLAlchemy reads: nothing to keep apart
        return False


def _readable_by_others(path: Path) -> bool:
    try:
        return os.name == "posix" and bool(path.stat().st_mode & 0o077)
    except OSError:
        return False
