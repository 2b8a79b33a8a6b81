"""Settings kept in a JSON file in the user configuration directory.

Plain Python (no Qt) so the command line and the window read the same file.
``ECC_CONFIG_DIR`` and ``ECC_DATA_DIR`` move the directories (tests use them).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

APP_NAME = "emergency-command-console"


def config_dir() -> Path:
    return Path(os.environ.get("ECC_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME))


def settings_path() -> Path:
    return config_dir() / "settings.json"


def data_dir() -> Path:
    return Path(os.environ.get("ECC_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))


@dataclass
class TileSource:
    kind: str = "none"  # none | mbtiles | xyz
    mbtiles_path: str = ""
    url_template: str = ""
    key: str = ""


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
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in raw.items() if k in known}
        tiles = values.pop("tile_source", None) or {}
        tile_known = {f.name for f in fields(TileSource)}
        return cls(
            **values, tile_source=TileSource(**{k: v for k, v in tiles.items() if k in tile_known})
        )

    def save(self) -> None:
        path = settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(path)
