"""The console's map prepared as files: the page and its layer data (maps.pages), and
beside them what the console asks of the layers later, so the process that shows the
page holds none of the layers (maps.prepared reads them there).

``prepare_page`` and then ``write_features`` run in a process of its own
(ui/map/preparer.py): reading the layers and writing their files hold the interpreter
for seconds at scale, and a thread of the console's process doing it made the console's
UI thread wait for the interpreter. They write into the page's folder::

    map.html, data/ ...   the page (maps.pages.write_page), written first: the console
                          shows it while the file below is written
    features.sqlite       every feature's display properties (layer, id -> JSON) for the
                          details panel, and the search box's entries (text and search
                          key, models.search) in display order
    summary.json          the summary below, also the answer to whoever asked

``prepare_page`` returns a small summary (layers with their titles, counts and field labels, the
basemap, the seconds taken) that ``maps.prepared.PreparedMap`` reads in the console; a
feature's properties and a search are one query of the file each, asked when the
officer does.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from maps.basemap import Basemap, basemap_for
from maps.layers import LayerData, field_labels, search_entries
from maps.overlays import event_corner
from maps.pages import write_page
from maps.prepared import SUMMARY_NAME

if TYPE_CHECKING:
    from models.database import Database
    from models.settings import TileSource
    from models.users import Actor

_SCHEMA = (
    "CREATE TABLE features (layer TEXT NOT NULL, id INTEGER NOT NULL, props TEXT NOT NULL,"
    " PRIMARY KEY (layer, id)) WITHOUT ROWID",
    "CREATE TABLE entries (layer TEXT NOT NULL, id INTEGER NOT NULL, text TEXT NOT NULL,"
    " key TEXT NOT NULL)",
)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_features(path: Path, layers: Sequence[LayerData]) -> None:
    """The layers' display properties and search entries as one SQLite file at ``path``."""
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
        for statement in _SCHEMA:
            connection.execute(statement)
        for layer in layers:
            connection.executemany(
                "INSERT OR REPLACE INTO features VALUES (?, ?, ?)",
                (
                    (layer.key, int(props["id"]), _dumps(props))
                    for props in layer.features.properties
                ),
            )
        connection.executemany(
            "INSERT INTO entries VALUES (?, ?, ?, ?)",
            ((e.layer, e.id, e.text, e.key) for e in search_entries(layers)),
        )
        connection.commit()
    finally:
        connection.close()


def layer_summary(layer: LayerData) -> dict[str, Any]:
    return {
        "key": layer.key,
        "title": layer.title_text,
        "count": layer.count,
        "missing": layer.missing,
        "labels": layer.field_labels(),
    }


def prepare_page(
    db: Database,
    actor: Actor,
    folder: Path,
    tile_source: TileSource | None = None,
    *,
    tiles_available: bool = True,
) -> tuple[dict[str, Any], list[LayerData]]:
    """Read the layers (one session) and write the page and the summary into ``folder``;
    returns the summary and the layers, for ``write_features`` once the page is shown.

    ``tiles_available``: whether the console showing the page serves tiles:// (else an
    MBTiles basemap becomes a notice).
    """
    from maps.layers import console_layers

    start = time.perf_counter()
    with db.session(actor) as session:
        layers = console_layers(session=session)
        event = event_corner(session)
    basemap = basemap_for(tile_source)
    if basemap.kind == "mbtiles" and not tiles_available:
        basemap = Basemap(
            notice=QCoreApplication.translate(
                "MapPage",
                "Basemap: this window cannot read MBTiles files (the tiles scheme was not "
                "registered at start-up); the map is drawn without a basemap.",
            )
        )
    folder = Path(folder)
    page = write_page(folder, layers, basemap=basemap, bridge=True, event=event)
    summary = {
        "page": page.name,
        "layers": [layer_summary(layer) for layer in layers],
        "basemap": {"kind": basemap.kind, "mbtiles_path": basemap.mbtiles_path},
        "labels": field_labels(),
    }
    (folder / SUMMARY_NAME).write_text(_dumps(summary), encoding="utf-8")
    return summary | {"seconds": time.perf_counter() - start}, layers
