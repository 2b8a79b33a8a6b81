"""Read raster tiles from an MBTiles file (SQLite), for the map's offline basemap.

MBTiles stores rows in TMS order (row 0 at the south); web maps ask in XYZ order
(y 0 at the north), so a request for (z, x, y) reads ``tile_row = 2**z - 1 - y``.
The file is opened read-only; no Qt here (ui.map.view serves the tiles to the page).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

from models.refusals import Refused

CONTENT_TYPES = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
    "pbf": "application/x-protobuf",
}


class MBTilesError(Refused):
    """The file is not an MBTiles file (no tiles table, or not SQLite at all)."""


@dataclass(frozen=True)
class MBTilesInfo:
    name: str
    format: str  # png, jpg, webp, pbf ... ("" when the metadata does not say and no tile tells)
    min_zoom: int
    max_zoom: int
    bounds: tuple[float, float, float, float] | None  # west, south, east, north
    tile_count: int
    attribution: str = ""  # the metadata's credit line, as plain text


def sniff_format(data: bytes) -> str:
    """The image format of a tile from its first bytes ("" when unknown)."""
    if data.startswith(b"\x89PNG"):
        return "png"
    if data.startswith(b"\xff\xd8"):
        return "jpg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"\x1f\x8b"):
        return "pbf"  # gzip: vector tiles
    return ""


class MBTiles:
    """One MBTiles file, opened read-only. Usable from one thread at a time."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise MBTilesError(f"no such file: {self.path}")
        uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
        try:
            self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            names = {
                row[0]
                for row in self._conn.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                )
            }
        except sqlite3.DatabaseError as exc:
            raise MBTilesError(f"not an SQLite file: {self.path}") from exc
        if "tiles" not in names:
            self._conn.close()
            raise MBTilesError(f"no tiles table in {self.path}")
        self._has_metadata = "metadata" in names
        self._format: str | None = None

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> MBTiles:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def metadata(self) -> dict[str, str]:
        if not self._has_metadata:
            return {}
        return {
            str(name): str(value)
            for name, value in self._conn.execute("SELECT name, value FROM metadata")
        }

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile at XYZ (z, x, y), or None when the file has none there."""
        if z < 0 or not (0 <= x < 2**z and 0 <= y < 2**z):
            return None
        row = self._conn.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
            (z, x, (1 << z) - 1 - y),
        ).fetchone()
        return bytes(row[0]) if row is not None and row[0] is not None else None

    @property
    def format(self) -> str:
        if self._format is None:
            declared = self.metadata().get("format", "").strip().lower()
            if not declared:
                row = self._conn.execute("SELECT tile_data FROM tiles LIMIT 1").fetchone()
                declared = sniff_format(bytes(row[0])) if row and row[0] is not None else ""
            self._format = declared
        return self._format

    def content_type(self, data: bytes | None = None) -> str:
        kind = sniff_format(data) if data else ""
        return CONTENT_TYPES.get(kind or self.format, "application/octet-stream")

    def info(self) -> MBTilesInfo:
        meta = self.metadata()
        low, high, count = self._conn.execute(
            "SELECT MIN(zoom_level), MAX(zoom_level), COUNT(*) FROM tiles"
        ).fetchone()
        return MBTilesInfo(
            name=meta.get("name", self.path.stem),
            format=self.format,
            min_zoom=_int(meta.get("minzoom"), low if low is not None else 0),
            max_zoom=_int(meta.get("maxzoom"), high if high is not None else 18),
            bounds=_bounds(meta.get("bounds", "")),
            tile_count=int(count or 0),
            attribution=plain_text(meta.get("attribution", "")),
        )


def plain_text(text: str) -> str:
    """An attribution as plain text: MBTiles metadata may hold HTML (a link, &copy;)."""
    import html

    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", text or "")).split())


def _int(text: str | None, default: int) -> int:
    try:
        return int(float(text)) if text is not None else default
    except ValueError:
        return default


def _bounds(text: str) -> tuple[float, float, float, float] | None:
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        return None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        return None
    return west, south, east, north
