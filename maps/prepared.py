"""A map page prepared in a folder (maps.prepare, in a process of its own), as the console
reads it: a small summary at once, and a feature's properties or a search's entries from
the features file when the officer asks, one query each.

Only the standard library here: the console's UI thread imports this module, and
maps.prepare's imports (folium, numpy, shapely) would hold it for a second.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

FEATURES_NAME = "features.sqlite"
SUMMARY_NAME = "summary.json"


class Found(NamedTuple):
    """A feature the search box found: its layer and id, and the text shown."""

    layer: str
    id: int
    text: str


@dataclass(frozen=True)
class LayerSummary:
    """What the console knows of a layer it shows: its title, counts and field labels."""

    key: str
    title: str  # translated
    count: int
    missing: int  # rows without a location, not drawn
    labels: dict[str, str]  # property -> translated label, in display order


@dataclass
class PreparedMap:
    """A page prepared in ``folder``; properties and searches read from its features file."""

    folder: Path
    page: Path
    layers: list[LayerSummary]
    basemap_kind: str
    mbtiles_path: str
    seconds: float  # taken to prepare it (0: not known)
    labels: dict[str, str]  # the fields any layer may show -> translated labels
    features_ready: bool = False  # the features file is written (properties, search)
    _connection: sqlite3.Connection | None = field(default=None, repr=False)

    @classmethod
    def from_summary(cls, folder: Path, summary: dict[str, Any]) -> PreparedMap:
        return cls(
            folder=folder,
            page=folder / str(summary["page"]),
            layers=[LayerSummary(**layer) for layer in summary["layers"]],
            basemap_kind=str(summary["basemap"]["kind"]),
            mbtiles_path=str(summary["basemap"]["mbtiles_path"]),
            seconds=float(summary.get("seconds", 0.0)),
            labels=dict(summary["labels"]),
        )

    def layer(self, key: str) -> LayerSummary | None:
        return next((layer for layer in self.layers if layer.key == key), None)

    def _uri(self) -> str:
        return (self.folder / FEATURES_NAME).as_uri() + "?mode=ro"

    def _db(self) -> sqlite3.Connection:
        if self._connection is None:
            self._connection = sqlite3.connect(self._uri(), uri=True)
        return self._connection

    def properties(self, layer: str, feature_id: int) -> dict[str, Any] | None:
        """All display properties of a feature (the page holds only a few); None before
        the features file is written."""
        if not self.features_ready:
            return None
        row = (
            self._db()
            .execute("SELECT props FROM features WHERE layer = ? AND id = ?", (layer, feature_id))
            .fetchone()
        )
        if row is None:
            return None
        props: dict[str, Any] = json.loads(row[0])
        return props

    def search(self, terms: Sequence[str], limit: int) -> list[Found]:
        """The first ``limit`` entries whose search key holds every term (models.search).
        Callable from any thread: a connection of its own (SQLite lets the interpreter go
        while it scans)."""
        if not terms or not self.features_ready:
            return []
        where = " AND ".join("instr(key, ?) > 0" for _term in terms)
        with contextlib.closing(sqlite3.connect(self._uri(), uri=True)) as connection:
            rows = connection.execute(
                f"SELECT layer, id, text FROM entries WHERE {where} ORDER BY rowid LIMIT ?",
                (*terms, limit),
            ).fetchall()
        return [Found(layer, int(id_), text) for layer, id_, text in rows]

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
