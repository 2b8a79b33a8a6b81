"""The basemap under the map page's vectors, from the workstation's tile source.

A source that cannot be used gives no basemap and a notice saying why, so the officer
sees what to fix in Settings instead of an empty grey map.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from PySide6.QtCore import QCoreApplication

from models.messages import fill
from models.settings import TileSource

TILES_URL = "tiles://mbtiles/{z}/{x}/{y}"
"""Where the page asks for MBTiles tiles; ui.map.view answers the ``tiles`` scheme."""


@dataclass
class Basemap:
    """The basemap the page draws under the vectors, and why it cannot when misconfigured."""

    kind: str = "none"  # none | mbtiles | xyz
    url: str = ""  # Leaflet tile URL template
    options: dict[str, Any] = field(default_factory=dict)  # L.tileLayer options
    notice: str = ""  # shown on the map: the configured source cannot be used
    mbtiles_path: str = ""  # for the tiles scheme handler
    name: str = ""  # the MBTiles file's name, or the tile server's host (never its key)
    attribution: str = ""  # the source's credit line, plain text
    console_only: bool = False  # an exported page: named, drawn by the console only

    def to_page(self) -> dict[str, Any]:
        if self.console_only:
            return {"kind": "none", "url": "", "options": {}}
        return {"kind": self.kind, "url": self.url, "options": self.options}

    def exported(self) -> Basemap:
        """The basemap of a page that leaves the console: named with its attribution, not
        drawn (an MBTiles file is served by the console only, and the exported page opens
        offline without asking the network for anything); a source that cannot be used,
        none."""
        if self.kind in ("mbtiles", "xyz"):
            return replace(self, console_only=True)
        return Basemap()


_RASTER_FORMATS = {"png", "jpg", "jpeg", "webp"}
_KEY_FIELDS = ("{key}", "{tk}", "{token}")


def basemap_for(source: TileSource | None) -> Basemap:
    """The basemap of the settings; a problem gives kind "none" and a notice saying why."""
    if source is None or source.kind in ("", "none"):
        return Basemap()
    credit = " ".join(source.attribution.split())
    if source.kind == "mbtiles":
        basemap = _mbtiles_basemap(source.mbtiles_path.strip())
        return (
            replace(basemap, attribution=credit) if credit and basemap.kind != "none" else basemap
        )
    if source.kind == "xyz":
        basemap = _xyz_basemap(source.url_template.strip(), source.key.strip())
        return replace(basemap, attribution=credit) if basemap.kind != "none" else basemap
    return Basemap(
        notice=fill(
            QCoreApplication.translate(
                "MapPage",
                'Basemap: the tile source type "%1" is unknown; the map is drawn without a '
                "basemap. Check the tile source in Settings.",
            ),
            source.kind,
        )
    )


def _mbtiles_basemap(path_text: str) -> Basemap:
    from maps.tiles import MBTiles, MBTilesError

    if not path_text:
        return Basemap(
            notice=QCoreApplication.translate(
                "MapPage",
                "Basemap: no MBTiles file is chosen; the map is drawn without a basemap. "
                "Choose the file in Settings.",
            )
        )
    path = Path(path_text).expanduser()
    if not path.is_file():
        return Basemap(
            notice=fill(
                QCoreApplication.translate(
                    "MapPage",
                    "Basemap: the MBTiles file %1 was not found; the map is drawn without a basemap.",
                ),
                str(path),
            )
        )
    try:
        with MBTiles(path) as tiles:
            info = tiles.info()
    except (MBTilesError, sqlite3.Error, OSError):
        return Basemap(
            notice=fill(
                QCoreApplication.translate(
                    "MapPage",
                    "Basemap: %1 is not a readable MBTiles file; the map is drawn without a basemap.",
                ),
                str(path),
            )
        )
    if info.format and info.format not in _RASTER_FORMATS:
        return Basemap(
            notice=fill(
                QCoreApplication.translate(
                    "MapPage",
                    "Basemap: %1 holds %2 tiles, which this map cannot draw (it needs PNG, "
                    "JPEG or WebP images); the map is drawn without a basemap.",
                ),
                str(path),
                info.format,
            )
        )
    if info.tile_count == 0:
        return Basemap(
            notice=fill(
                QCoreApplication.translate(
                    "MapPage",
                    "Basemap: the MBTiles file %1 holds no tiles; the map is drawn without a basemap.",
                ),
                str(path),
            )
        )
    options: dict[str, Any] = {
        "maxZoom": 18,
        "minNativeZoom": info.min_zoom,
        "maxNativeZoom": info.max_zoom,
    }
    if info.bounds is not None:
        west, south, east, north = info.bounds
        options["bounds"] = [[south, west], [north, east]]
    return Basemap(
        kind="mbtiles",
        url=TILES_URL,
        options=options,
        mbtiles_path=str(path),
        name=path.name,
        attribution=info.attribution,
    )


def _xyz_basemap(template: str, key: str) -> Basemap:
    if not template:
        return Basemap(
            notice=QCoreApplication.translate(
                "MapPage",
                "Basemap: no tile URL template is set; the map is drawn without a "
                "basemap. Enter it in Settings.",
            )
        )
    has_y = "{y}" in template or "{-y}" in template
    if not ("{z}" in template and "{x}" in template and has_y):
        return Basemap(
            notice=QCoreApplication.translate(
                "MapPage",
                "Basemap: the tile URL template must contain {z}, {x} and {y}; the map "
                "is drawn without a basemap.",
            )
        )
    if not re.match(r"^(https?|tiles|file)://", template, re.IGNORECASE):
        return Basemap(
            notice=QCoreApplication.translate(
                "MapPage",
                "Basemap: the tile URL template must start with http:// or https://; the "
                "map is drawn without a basemap.",
            )
        )
    if any(name in template for name in _KEY_FIELDS) and not key:
        return Basemap(
            notice=QCoreApplication.translate(
                "MapPage",
                "Basemap: the tile URL template needs a key, and none is set; the map is "
                "drawn without a basemap. Enter the key in Settings.",
            )
        )
    url = template
    for name in _KEY_FIELDS:
        url = url.replace(name, quote(key, safe=""))
    options: dict[str, Any] = {"maxZoom": 18}
    if "{s}" in url:
        options["subdomains"] = "01234567" if "tianditu" in url.lower() else "abc"
    return Basemap(kind="xyz", url=url, options=options, name=urlsplit(template).hostname or "")
