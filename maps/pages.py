"""The map page: Leaflet from the XStatic package, our script, and one data file per layer.

``write_page`` writes a folder the console's web view loads from disk::

    map.html        the page (names its scripts; nothing from the network)
    leaflet/        Leaflet's script, style sheet and images, copied from XStatic-Leaflet
    map.js          the page script (layers, legend and layer panel, click, fly-to, notices)
    config.js       layer titles and styles, legend, texts, basemap (translated in Python)
    data/NN.js      one layer each: property columns and packed geometries (JSON.parse)

``export_page`` writes the same page as ONE file with everything inlined, for any
browser with no network; there a click opens a popup instead of the console's panel.

Why not folium: its page loads Leaflet, jQuery and Bootstrap from CDNs, and its
per-feature objects cannot build tens of thousands of features in two seconds.
Here each layer is one data file (maps.geometry.pack) turned into Leaflet
polygons, lines and markers on one shared canvas renderer, styled by a property
(maps.layers documents the style spec). A layer of more than LARGE_LAYER features
is drawn, and its file loaded, only from LARGE_LAYER_MIN_ZOOM on.

Leaflet's own files name two URLs that are never fetched: the SVG namespace and a
link in the attribution prefix (which this page does not show). Their ``//`` is
written ``\\/\\/`` in the copies, which JavaScript reads as the same string, so a
plain text search of the folder for ``http://`` or ``https://`` finds nothing, and
any real network reference added later stands out.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication

from maps.layers import LayerData, field_labels
from models.settings import TileSource

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from models.database import Database
    from models.settings import Settings
    from models.users import Actor

CONTEXT = "MapPage"
MARK_COLOUR = "#7b1fa2"  # features the console marks (what a typhoon's wind reaches)
PAGE_NAME = "map.html"
TILES_URL = "tiles://mbtiles/{z}/{x}/{y}"
"""Where the page asks for MBTiles tiles; ui.map.view answers the ``tiles`` scheme."""

CJK_FONTS = (
    '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'
)


def leaflet_dir() -> Path:
    import xstatic.pkg.leaflet

    return Path(xstatic.pkg.leaflet.BASE_DIR)


# -- basemap ------------------------------------------------------------------------------


@dataclass
class Basemap:
    """The basemap the page draws under the vectors, and why it cannot when misconfigured."""

    kind: str = "none"  # none | mbtiles | xyz
    url: str = ""  # Leaflet tile URL template
    options: dict[str, Any] = field(default_factory=dict)  # L.tileLayer options
    notice: str = ""  # shown on the map: the configured source cannot be used
    mbtiles_path: str = ""  # for the tiles scheme handler

    def to_page(self) -> dict[str, Any]:
        return {"kind": self.kind, "url": self.url, "options": self.options}


_RASTER_FORMATS = {"png", "jpg", "jpeg", "webp"}
_KEY_FIELDS = ("{key}", "{tk}", "{token}")


def basemap_for(source: TileSource | None) -> Basemap:
    """The basemap of the settings; a problem gives kind "none" and a notice saying why."""
    if source is None or source.kind in ("", "none"):
        return Basemap()
    if source.kind == "mbtiles":
        return _mbtiles_basemap(source.mbtiles_path.strip())
    if source.kind == "xyz":
        return _xyz_basemap(source.url_template.strip(), source.key.strip())
    return Basemap(
        notice=QCoreApplication.translate(
            "MapPage",
            'Basemap: the tile source type "%1" is unknown; the map is drawn without a '
            "basemap. Check the tile source in Settings.",
        ).replace("%1", source.kind)
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
            notice=QCoreApplication.translate(
                "MapPage",
                "Basemap: the MBTiles file %1 was not found; the map is drawn without a basemap.",
            ).replace("%1", str(path))
        )
    try:
        with MBTiles(path) as tiles:
            info = tiles.info()
    except (MBTilesError, sqlite3.Error, OSError):
        return Basemap(
            notice=QCoreApplication.translate(
                "MapPage",
                "Basemap: %1 is not a readable MBTiles file; the map is drawn without a basemap.",
            ).replace("%1", str(path))
        )
    if info.format and info.format not in _RASTER_FORMATS:
        return Basemap(
            notice=QCoreApplication.translate(
                "MapPage",
                "Basemap: %1 holds %2 tiles, which this map cannot draw (it needs PNG, "
                "JPEG or WebP images); the map is drawn without a basemap.",
            )
            .replace("%1", str(path))
            .replace("%2", info.format)
        )
    if info.tile_count == 0:
        return Basemap(
            notice=QCoreApplication.translate(
                "MapPage",
                "Basemap: the MBTiles file %1 holds no tiles; the map is drawn without a basemap.",
            ).replace("%1", str(path))
        )
    options: dict[str, Any] = {
        "maxZoom": 18,
        "minNativeZoom": info.min_zoom,
        "maxNativeZoom": info.max_zoom,
    }
    if info.bounds is not None:
        west, south, east, north = info.bounds
        options["bounds"] = [[south, west], [north, east]]
    return Basemap(kind="mbtiles", url=TILES_URL, options=options, mbtiles_path=str(path))


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
    return Basemap(kind="xyz", url=url, options=options)


# -- texts ---------------------------------------------------------------------------------


def page_texts() -> dict[str, Any]:
    """Every text the page shows, translated here so the catalogue covers them."""
    return {
        "title": QCoreApplication.translate("MapPage", "Risk map"),
        "panel": QCoreApplication.translate("MapPage", "Layers and legend"),
        "hide": QCoreApplication.translate("MapPage", "Hide"),
        "show": QCoreApplication.translate("MapPage", "Layers"),
        "notes": [
            QCoreApplication.translate(
                "MapPage",
                "Filled areas are danger zones; symbols are hazard points, one shape per type.",
            )
        ],
        "tiles_failed": QCoreApplication.translate(
            "MapPage",
            "Basemap: %1 tiles could not be loaded; the map is drawn without them. "
            "Check the tile source in Settings.",
        ),
        "zoom_in": QCoreApplication.translate("MapPage", "zoom in to see"),
        "empty": QCoreApplication.translate(
            "MapPage",
            "Nothing to draw yet: no boundaries, grids, danger zones or shelters have "
            "a location. Build the demo county or import boundaries.",
        ),
        "fields": field_labels(),
    }


# -- writing the page --------------------------------------------------------------------------


def _offline(text: str) -> str:
    """Leaflet's never-fetched URLs written so a search for http:// finds none (see above)."""
    return re.sub(r"(https?):(//)", r"\1:\\/\\/", text).replace(
        "//# sourceMappingURL=leaflet.js.map", ""
    )


def _leaflet_css() -> str:
    """Leaflet's style sheet without its comments (one names a bug tracker's URL)."""
    css = (leaflet_dir() / "leaflet.css").read_text(encoding="utf-8")
    return re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)


def _js_string(text: str, *, inline: bool) -> str:
    """JSON text as a single-quoted JavaScript string literal (JSON escapes control
    characters itself; U+2028 and U+2029 are allowed in string literals since ES2019)."""
    body = text.replace("\\", "\\\\").replace("'", "\\'")
    if inline:
        body = body.replace("</", "<\\/")
    return "'" + body + "'"


PAGE_PROPERTIES = ("id", "name")
"""Properties every feature carries in the console's page; the console looks up the rest."""

LARGE_LAYER = 10_000
"""A layer with more features than this is drawn from LARGE_LAYER_MIN_ZOOM on (see below)."""

LARGE_LAYER_MIN_ZOOM = 13
"""At zoom 13 a 1400-pixel window shows about 25 km; tens of thousands of responsibility
grids drawn at county scale are a grey blur and cost seconds on every load and zoom, so a
layer that large is drawn (and its data file loaded) when the officer zooms in."""


def _columns(layer: LayerData, order: list[int], full: bool) -> dict[str, list[Any]]:
    """The properties the page gets, one list per property, in the packed order."""
    properties = layer.features.properties
    ordered = [properties[i] for i in order]
    if full:
        keys = list(dict.fromkeys(key for props in properties for key in props))
    else:
        keys = list(PAGE_PROPERTIES)
        if layer.style.get("by"):
            keys.append(layer.style["by"])
        if layer.style.get("radius_by"):
            keys.append(layer.style["radius_by"]["property"])
        keys = list(dict.fromkeys(keys))
    keys = [key for key in keys if key != "layer"]  # the page knows each layer's key
    return {key: [props.get(key) for props in ordered] for key in keys}


def layer_payload(layer: LayerData, *, full: bool = True) -> str:
    """A layer's data for the page: properties as columns, and packed geometries.

    Geometries are packed by maps.geometry.pack (areas, then lines, then points) and
    the property columns follow that order. Not ``full``: only what the page needs to
    draw and to name a clicked feature (the console holds the rest).
    """
    order, groups = layer.features.pack()
    return (
        '{"columns":'
        + json.dumps(_columns(layer, order, full), ensure_ascii=False, separators=(",", ":"))
        + f',"scale":{10**layer.features.decimals},"groups":'
        + json.dumps(groups, separators=(",", ":"))
        + "}"
    )


def _data_script(index: int, layer: LayerData, *, inline: bool, full: bool) -> str:
    payload = _js_string(layer_payload(layer, full=full), inline=inline)
    return f"ECC_DATA[{index}]=JSON.parse({payload});\n"


def min_zoom(layer: LayerData) -> float | None:
    """The zoom from which the page draws the layer (None: always)."""
    explicit = layer.style.get("min_zoom")
    if explicit is not None:
        return float(explicit)
    return LARGE_LAYER_MIN_ZOOM if layer.count > LARGE_LAYER else None


def _bounds(layers: Sequence[LayerData]) -> list[list[float]] | None:
    """[[south, west], [north, east]] of the boundary layers, else of everything drawn."""
    for keys in (("county",), ("towns", "villages"), None):
        boxes = [
            b
            for layer in layers
            if keys is None or layer.key in keys
            if (b := layer.features.bounds()) is not None
        ]
        if boxes:
            west = min(b[0] for b in boxes)
            south = min(b[1] for b in boxes)
            east = max(b[2] for b in boxes)
            north = max(b[3] for b in boxes)
            return [[south, west], [north, east]]
    return None


def page_config(
    layers: Sequence[LayerData], basemap: Basemap, *, bridge: bool, popups: bool
) -> dict[str, Any]:
    """What config.js holds: everything but the layers' data."""
    notices = [basemap.notice] if basemap.notice else []
    texts = page_texts()
    if not any(layer.count for layer in layers):
        notices.append(texts["empty"])
    specs = []
    for layer in layers:
        spec = layer.to_page()
        spec["min_zoom"] = min_zoom(layer)
        specs.append(spec)
    return {
        "layers": specs,
        "basemap": basemap.to_page(),
        "notices": notices,
        "bounds": _bounds(layers),
        "texts": texts,
        "bridge": bridge,
        "popups": popups,
        "font": CJK_FONTS,
        "mark_colour": MARK_COLOUR,
    }


def _config_script(config: dict[str, Any], *, inline: bool) -> str:
    text = json.dumps(config, ensure_ascii=False, separators=(",", ":"))
    if inline:
        text = text.replace("</", "<\\/")
    return f"window.ECC_CONFIG={text};window.ECC_DATA=[];\n"


def _html(title: str, head: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_escape_html(title)}</title>\n{head}</head>\n<body>\n"
        '<div id="map"></div>\n<div id="ecc-notice" class="ecc-notice" hidden></div>\n'
        f"{body}</body>\n</html>\n"
    )


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_page(
    folder: Path,
    layers: Sequence[LayerData],
    *,
    basemap: Basemap | None = None,
    bridge: bool = True,
) -> Path:
    """Write the page and its files into ``folder`` (created); returns the page's path.

    ``bridge``: the page talks to the console through QWebChannel (qrc:///qtwebchannel).
    """
    folder = Path(folder)
    basemap = basemap or Basemap()
    (folder / "data").mkdir(parents=True, exist_ok=True)
    _copy_leaflet(folder / "leaflet")
    (folder / "map.js").write_text(MAP_JS, encoding="utf-8")
    config = page_config(layers, basemap, bridge=bridge, popups=not bridge)
    scripts = ['<script src="leaflet/leaflet.js"></script>\n']
    if bridge:
        scripts.append('<script src="qrc:///qtwebchannel/qwebchannel.js"></script>\n')
    scripts.append('<script src="config.js"></script>\n')
    for index, (layer, spec) in enumerate(zip(layers, config["layers"], strict=True)):
        name = f"data/{index:02d}.js"
        (folder / name).write_text(
            _data_script(index, layer, inline=False, full=not bridge), encoding="utf-8"
        )
        if spec["min_zoom"] is not None:
            spec["src"] = name  # loaded by the page when the layer is first drawn
        else:
            scripts.append(f'<script src="{name}"></script>\n')
    scripts.append('<script src="map.js"></script>\n')
    (folder / "config.js").write_text(_config_script(config, inline=False), encoding="utf-8")
    head = f'<link rel="stylesheet" href="leaflet/leaflet.css">\n<style>{MAP_CSS}</style>\n'
    page = folder / PAGE_NAME
    page.write_text(_html(config["texts"]["title"], head, "".join(scripts)), encoding="utf-8")
    return page


def _copy_leaflet(target: Path) -> None:
    source = leaflet_dir()
    (target / "images").mkdir(parents=True, exist_ok=True)
    leaflet_js = (source / "leaflet.js").read_text(encoding="utf-8")
    (target / "leaflet.js").write_text(_offline(leaflet_js), encoding="utf-8")
    (target / "leaflet.css").write_text(_leaflet_css(), encoding="utf-8")
    for image in (source / "images").glob("*.png"):
        shutil.copyfile(image, target / "images" / image.name)


def _inline_css(css: str) -> str:
    """Leaflet's style sheet with its images as data: URLs."""
    images = leaflet_dir() / "images"

    def data_url(match: re.Match[str]) -> str:
        path = images / match.group(1)
        if not path.is_file():
            return match.group(0)
        encoded = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{encoded})"

    return re.sub(r"url\(images/([\w.-]+)\)", data_url, css)


def page_document(layers: Sequence[LayerData], *, basemap: Basemap | None = None) -> str:
    """The whole page as one HTML text, every asset inlined (for export)."""
    basemap = basemap or Basemap()
    source = leaflet_dir()
    leaflet_js = _offline((source / "leaflet.js").read_text(encoding="utf-8"))
    leaflet_css = _inline_css(_leaflet_css())
    config = page_config(layers, basemap, bridge=False, popups=True)
    scripts = [leaflet_js, _config_script(config, inline=True)]
    scripts += [
        _data_script(index, layer, inline=True, full=True) for index, layer in enumerate(layers)
    ]
    scripts.append(MAP_JS)
    for script in scripts[:1] + scripts[-1:]:
        if re.search(r"</script", script, re.IGNORECASE):
            raise ValueError("a script to inline contains </script")
    head = f"<style>{leaflet_css}</style>\n<style>{MAP_CSS}</style>\n"
    body = "".join(f"<script>\n{script}\n</script>\n" for script in scripts)
    return _html(config["texts"]["title"], head, body)


def export_page(path: Path, layers: Sequence[LayerData], *, basemap: Basemap | None = None) -> Path:
    """Write ONE self-contained HTML file that opens offline in any browser."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(page_document(layers, basemap=basemap), encoding="utf-8")
    tmp.replace(path)
    return path


@dataclass
class MapBuild:
    """A page written for the console, with what the console needs beside it."""

    page: Path
    layers: list[LayerData]
    basemap: Basemap
    seconds: float
    lookup: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)

    def properties(self, layer: str, feature_id: int) -> dict[str, Any] | None:
        """All display properties of a feature (the page holds only a few)."""
        return self.lookup.get((layer, feature_id))


def build_map(
    db: Database,
    actor: Actor,
    folder: Path,
    tile_source: TileSource | None = None,
    *,
    sources: Sequence[Callable[..., list[LayerData]]] | None = None,
    tiles_available: bool = True,
) -> MapBuild:
    """Read the layers (one session) and write the console's page into ``folder``.

    ``sources`` are functions ``f(*, session) -> list[LayerData]`` drawn in order
    (default: the register's layers; a typhoon's layers can follow them).
    ``tiles_available``: whether this process can serve tiles:// (else an MBTiles
    basemap becomes a notice).
    """
    from maps.layers import console_layers

    start = time.perf_counter()
    layers: list[LayerData] = []
    with db.session(actor) as session:
        for source in sources or (console_layers,):
            layers.extend(source(session=session))
    basemap = basemap_for(tile_source)
    if basemap.kind == "mbtiles" and not tiles_available:
        basemap = Basemap(
            notice=QCoreApplication.translate(
                "MapPage",
                "Basemap: this window cannot read MBTiles files (the tiles scheme was not "
                "registered at start-up); the map is drawn without a basemap.",
            )
        )
    page = write_page(folder, layers, basemap=basemap, bridge=True)
    lookup = {
        (layer.key, int(props["id"])): props
        for layer in layers
        for props in layer.features.properties
    }
    return MapBuild(
        page=page,
        layers=layers,
        basemap=basemap,
        seconds=time.perf_counter() - start,
        lookup=lookup,
    )


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    features: dict[str, int]  # layer key -> features drawn
    missing: int  # rows without a location, not on the map
    size: int  # bytes written


def export_map(db: Database, actor: Actor, settings: Settings | None, path: Path) -> ExportSummary:
    """``python main.py map export -o FILE.html``: the register's layers in one offline page.

    The basemap is left out: an MBTiles file is served by the console only, and a tile
    server is network. Phones are masked as for ``actor`` on screen.
    """
    from maps.layers import console_layers

    del settings  # the export draws no basemap (see above); kept for a stable signature
    with db.session(actor) as session:
        layers = console_layers(session=session)
    written = export_page(path, layers)
    return ExportSummary(
        path=written,
        features={layer.key: layer.count for layer in layers},
        missing=sum(layer.missing for layer in layers),
        size=written.stat().st_size,
    )


# -- page script and style ------------------------------------------------------------------

MAP_CSS = """
html, body { height: 100%; margin: 0; padding: 0; }
body { font-family: FONTS; }
#map { position: absolute; inset: 0; background: #eef1f4; }
.leaflet-container { font-family: FONTS; background: #eef1f4; }
.ecc-notice { position: absolute; top: 10px; left: 50%; transform: translateX(-50%);
  z-index: 1000; max-width: 70%; background: #fff4d6; color: #5a3b00;
  border: 1px solid #e0a000; border-left: 5px solid #e0a000; border-radius: 4px;
  padding: 8px 12px; font-size: 14px; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
.ecc-notice div + div { margin-top: 4px; }
.ecc-panel { background: rgba(255,255,255,.95); border-radius: 5px; padding: 8px 10px;
  box-shadow: 0 1px 5px rgba(0,0,0,.35); font-size: 13px; color: #222; max-height: 75vh;
  overflow-y: auto; min-width: 200px; }
.ecc-panel-head { display: flex; justify-content: space-between; align-items: center;
  font-weight: bold; font-size: 14px; margin-bottom: 4px; gap: 12px; }
.ecc-panel-head button { font: inherit; font-weight: normal; font-size: 12px; cursor: pointer;
  border: 1px solid #bbb; background: #f6f6f6; border-radius: 3px; padding: 1px 6px; }
.ecc-group { margin-top: 6px; }
.ecc-group-title { color: #555; font-size: 12px; border-bottom: 1px solid #ddd;
  margin-bottom: 2px; }
.ecc-row { display: flex; align-items: center; gap: 5px; padding: 1px 0; cursor: pointer;
  white-space: nowrap; }
.ecc-row input { margin: 0 2px 0 0; }
.ecc-count { color: #888; font-size: 11px; margin-left: auto; padding-left: 8px; }
.ecc-sub { display: flex; align-items: center; gap: 5px; padding-left: 22px; font-size: 12px;
  color: #444; }
.ecc-sym { display: inline-block; width: 22px; height: 16px; flex: none; }
.ecc-note { margin-top: 6px; font-size: 11px; color: #666; max-width: 240px;
  white-space: normal; }
.ecc-dim { color: #999; }
.ecc-hint { display: none; font-size: 11px; color: #999; }
.ecc-dim .ecc-hint { display: inline; }
.ecc-popup-layer { color: #888; font-size: 11px; margin-top: 4px; }
.ecc-popup table { border-collapse: collapse; font-size: 12px; }
.ecc-popup th { text-align: left; color: #666; font-weight: normal; padding: 1px 8px 1px 0;
  vertical-align: top; white-space: nowrap; }
.ecc-popup td { padding: 1px 0; }
.ecc-popup h4 { margin: 0 0 4px 0; font-size: 14px; }
.ecc-highlight { animation: ecc-pulse 1.2s ease-in-out infinite; }
@keyframes ecc-pulse { 0%, 100% { stroke-opacity: 1; } 50% { stroke-opacity: .35; } }
""".replace("FONTS", CJK_FONTS)

MAP_JS = r"""
(function () {
  'use strict';
  var CFG = window.ECC_CONFIG, DATA = window.ECC_DATA;
  var T = CFG.texts;
  var timings = {script: Math.round(performance.now())};

  // -- point symbols on the canvas: one shape per kind, smaller when zoomed out ----------
  function shapePoints(shape, x, y, r) {
    var n, start, inner = null;
    switch (shape) {
      case 'triangle': n = 3; start = -90; r *= 1.25; break;
      case 'triangle_down': n = 3; start = 90; r *= 1.25; break;
      case 'square': n = 4; start = 45; r *= 1.15; break;
      case 'diamond': n = 4; start = -90; r *= 1.25; break;
      case 'pentagon': n = 5; start = -90; r *= 1.1; break;
      case 'hexagon': n = 6; start = 0; r *= 1.05; break;
      case 'star': n = 5; start = -90; r *= 1.35; inner = r * 0.45; break;
      default: return null;
    }
    var pts = [], steps = inner ? n * 2 : n;
    for (var i = 0; i < steps; i++) {
      var a = (start + i * 360 / steps) * Math.PI / 180;
      var rr = inner && i % 2 ? inner : r;
      pts.push([x + rr * Math.cos(a), y + rr * Math.sin(a)]);
    }
    return pts;
  }
  L.Canvas.include({
    _updateShape: function (layer) {
      if (!this._drawing || layer._empty()) { return; }
      var p = layer._point, ctx = this._ctx;
      var pts = shapePoints(layer.options.shape, p.x, p.y, Math.max(layer._radius, 1));
      if (!pts) { return this._updateCircle(layer); }
      ctx.beginPath();
      ctx.moveTo(pts[0][0], pts[0][1]);
      for (var i = 1; i < pts.length; i++) { ctx.lineTo(pts[i][0], pts[i][1]); }
      ctx.closePath();
      this._fillStroke(ctx, layer);
    }
  });
  function symbolScale(zoom) { return Math.max(0.55, Math.min(1, 0.55 + 0.15 * (zoom - 10))); }
  var ShapeMarker = L.CircleMarker.extend({
    _project: function () {
      this._radius = this.options.radius * symbolScale(this._map.getZoom());
      L.CircleMarker.prototype._project.call(this);
    },
    _updatePath: function () {
      if (this._renderer._updateShape) { this._renderer._updateShape(this); }
      else { this._renderer._updateCircle(this); }
    }
  });

  // -- the map -----------------------------------------------------------------------------
  var map = L.map('map', {preferCanvas: true, attributionControl: false, maxZoom: 18,
                          minZoom: 3, zoomSnap: 0.25});
  var canvas = L.canvas({padding: 0.3, tolerance: 4});
  map.createPane('ecc-highlight').style.zIndex = 450;
  map.getPane('ecc-highlight').style.pointerEvents = 'none';
  var highlightRenderer = L.svg({pane: 'ecc-highlight'});
  var highlight = L.layerGroup().addTo(map);
  L.control.scale({imperial: false, position: 'bottomleft'}).addTo(map);
  if (CFG.bounds) { map.fitBounds(CFG.bounds, {padding: [12, 12]}); }
  else { map.setView([30.0, 112.0], 5); }

  // -- notices -----------------------------------------------------------------------------
  var noticeBox = document.getElementById('ecc-notice');
  function addNotice(text) {
    var line = document.createElement('div');
    line.textContent = text;
    noticeBox.appendChild(line);
    noticeBox.hidden = false;
  }
  CFG.notices.forEach(addNotice);

  // -- basemap -----------------------------------------------------------------------------
  var tileStats = {loaded: 0, failed: 0, told: false};
  if (CFG.basemap.kind !== 'none' && CFG.basemap.url) {
    var tiles = L.tileLayer(CFG.basemap.url, CFG.basemap.options).addTo(map);
    tiles.on('tileload', function () { tileStats.loaded++; });
    tiles.on('tileerror', function () {
      tileStats.failed++;
      if (!tileStats.told && tileStats.failed >= 4 && tileStats.loaded === 0) {
        tileStats.told = true;
        addNotice(T.tiles_failed.replace('%1', String(tileStats.failed)));
      }
    });
  }

  // -- styles ------------------------------------------------------------------------------
  function variant(style, props) {
    return (style.by && style.variants && style.variants[props[style.by]]) || {};
  }
  var pathCache = {};
  function pathStyle(key, style, props) {
    var id = key + '|' + (style.by ? props[style.by] : '');
    if (!pathCache[id]) {
      var v = variant(style, props);
      pathCache[id] = L.extend({renderer: canvas}, style.path || {}, v.path || {});
      if (v.interactive === false || (v.interactive === undefined && style.interactive === false)) {
        pathCache[id].interactive = false;
      }
    }
    return pathCache[id];
  }
  function markerStyle(style, props) {
    var o = L.extend({shape: 'circle', radius: 5}, style.marker || {}, variant(style, props).marker || {});
    var rb = style.radius_by;
    if (rb) {
      var value = Number(props[rb.property]) || 0;
      o.radius = rb.min + (rb.max - rb.min) * Math.sqrt(Math.min(Math.max(value, 0) / rb.max_value, 1));
    }
    return o;
  }
  function interactive(style, props) {
    var v = variant(style, props);
    if (v.interactive !== undefined) { return v.interactive; }
    return style.interactive !== false;
  }

  // -- layers: built when first shown; a large layer's data file loads when first needed ----
  var bridge = null, layers = {}, order = [];
  CFG.layers.forEach(function (spec, index) {
    layers[spec.key] = {spec: spec, index: index, group: null, points: [], ids: null,
                        wanted: spec.visible, loading: null};
    order.push(spec.key);
  });
  function ints(base64) {
    var text = atob(base64), bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }
    return new Int32Array(bytes.buffer);
  }
  function reader(group, scale) {
    // Packed geometries (maps.geometry.pack): integer deltas, sizes per nesting level.
    var c = ints(group.coords), ci = 0, x = 0, y = 0, sizes = group.sizes.map(ints);
    var at = sizes.map(function () { return 0; });
    function read(level) {
      if (level < 0) { x += c[ci++]; y += c[ci++]; return L.latLng(y / scale, x / scale); }
      var n = sizes[level][at[level]++], out = new Array(n);
      for (var i = 0; i < n; i++) { out[i] = read(level - 1); }
      return out;
    }
    return function () { return read(sizes.length - 1); };
  }
  function build(item) {
    var spec = item.spec, style = spec.style, data = DATA[item.index];
    var keys = Object.keys(data.columns), columns = keys.map(function (k) { return data.columns[k]; });
    var made = [], p = 0, props = [];
    DATA[item.index] = null;
    data.groups.forEach(function (group) {
      for (var f = 0; f < group.count; f++) {
        var o = {};
        for (var k = 0; k < keys.length; k++) {
          var value = columns[k][props.length];
          if (value !== null) { o[keys[k]] = value; }
        }
        props.push(o);
      }
    });
    data.groups.forEach(function (group) {
      var next = reader(group, data.scale), kind = group.type;
      for (var f = 0; f < group.count; f++, p++) {
        var shape = next(), feature = {type: 'Feature', properties: props[p]}, parts;
        props[p].layer = spec.key;
        if (kind === 'Point' || kind === 'MultiPoint') {
          var options = L.extend(markerStyle(style, props[p]), {renderer: canvas});
          parts = (kind === 'Point' ? [shape] : shape).map(function (latlng) {
            var m = new ShapeMarker(latlng, options);
            item.points.push(m);
            return m;
          });
        } else {
          var path = pathStyle(spec.key, style, props[p]);
          parts = [kind === 'Polygon' || kind === 'MultiPolygon' ? L.polygon(shape, path) : L.polyline(shape, path)];
        }
        for (var i = 0; i < parts.length; i++) {
          parts[i].feature = feature;
          if (!interactive(style, props[p])) { parts[i].options.interactive = false; }
          made.push(parts[i]);
        }
      }
    });
    item.group = L.featureGroup(made);
    item.group.on('click', function (e) { featureClicked(spec.key, e.layer); });
  }
  function load(item, then) {
    // DATA[i] is there for inline layers; a deferred layer names its script in spec.src.
    if (item.group || DATA[item.index]) {
      if (!item.group) { build(item); }
      then();
      return;
    }
    if (!item.spec.src) { return; }
    if (!item.loading) {
      item.loading = [];
      var script = document.createElement('script');
      script.src = item.spec.src;
      script.onload = function () {
        build(item);
        var waiting = item.loading;
        item.loading = null;
        waiting.forEach(function (fn) { fn(); });
      };
      document.body.appendChild(script);
    }
    item.loading.push(then);
  }
  function zoomAllows(item) {
    return !item.spec.min_zoom || map.getZoom() >= item.spec.min_zoom;
  }
  function frontPoints() {
    order.forEach(function (key) {
      var item = layers[key];
      if (item.group && map.hasLayer(item.group)) { item.points.forEach(function (m) { m.bringToFront(); }); }
    });
  }
  function show(item) {
    if (item.group && map.hasLayer(item.group)) { return; }
    load(item, function () {
      if (!item.wanted || !zoomAllows(item) || map.hasLayer(item.group)) { return; }
      // The canvas draws in the order layers arrive: put the later layers back on top.
      item.group.addTo(map);
      order.slice(order.indexOf(item.spec.key) + 1).forEach(function (k) {
        var other = layers[k];
        if (other.group && map.hasLayer(other.group)) { other.group.bringToFront(); }
      });
      frontPoints();
    });
  }
  function sync(item) {
    if (item.wanted && zoomAllows(item)) { show(item); }
    else if (item.group && map.hasLayer(item.group)) { map.removeLayer(item.group); }
    var row = document.querySelector('.ecc-row[data-layer="' + item.spec.key + '"]');
    if (row) {
      row.querySelector('input').checked = item.wanted;
      row.classList.toggle('ecc-dim', item.wanted && !zoomAllows(item));
    }
  }
  function setVisible(key, on) {
    var item = layers[key];
    if (!item) { return false; }
    item.wanted = !!on;
    sync(item);
    return true;
  }
  map.on('zoomend', function () { order.forEach(function (key) { sync(layers[key]); }); });

  // -- layer panel with the legend -------------------------------------------------------
  function symbolSvg(symbol) {
    var o = symbol.options || {};
    var dash = o.dashArray ? ' stroke-dasharray="' + String(o.dashArray).split(/[ ,]+/).map(function (d) { return Math.max(1, d / 2); }).join(' ') + '"' : '';
    var stroke = ' stroke="' + (o.color || '#333') + '" stroke-width="' + Math.min(o.weight || 1, 3) +
      '" stroke-opacity="' + (o.opacity === undefined ? 1 : o.opacity) + '"' + dash;
    var fill = o.fill === false ? ' fill="none"' :
      ' fill="' + (o.fillColor || o.color || '#333') + '" fill-opacity="' + (o.fillOpacity === undefined ? 0.2 : o.fillOpacity) + '"';
    var body;
    if (symbol.shape === 'line') {
      body = '<line x1="1" y1="8" x2="21" y2="8"' + stroke + '/>';
    } else if (symbol.shape === 'area') {
      body = '<rect x="2" y="2" width="18" height="12"' + stroke + fill + '/>';
    } else {
      var r = Math.min(symbol.radius || o.radius || 5, 7.5), pts = shapePoints(symbol.shape, 11, 8, r);
      body = pts ? '<polygon points="' + pts.map(function (p) { return p[0].toFixed(1) + ',' + p[1].toFixed(1); }).join(' ') + '"' + stroke + fill + '/>'
                 : '<circle cx="11" cy="8" r="' + r + '"' + stroke + fill + '/>';
    }
    return '<svg class="ecc-sym" width="22" height="16" viewBox="0 0 22 16">' + body + '</svg>';
  }
  function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c];
    });
  }
  var Panel = L.Control.extend({
    options: {position: 'topright'},
    onAdd: function () {
      var box = L.DomUtil.create('div', 'ecc-panel');
      box.id = 'ecc-panel';
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var html = '<div class="ecc-panel-head"><span>' + escapeHtml(T.panel) +
                 '</span><button type="button" id="ecc-panel-toggle">' + escapeHtml(T.hide) + '</button></div><div id="ecc-panel-body">';
      var group = null;
      order.forEach(function (key) {
        var spec = layers[key].spec, rows = spec.style.legend_rows;
        if (spec.group !== group) {
          if (group !== null) { html += '</div>'; }
          group = spec.group;
          html += '<div class="ecc-group"><div class="ecc-group-title">' + escapeHtml(group) + '</div>';
        }
        html += '<label class="ecc-row" data-layer="' + escapeHtml(key) + '"><input type="checkbox"' +
                (spec.visible ? ' checked' : '') + '>';
        if (!rows) {
          spec.legend.forEach(function (entry) {
            html += '<span title="' + escapeHtml(entry.label) + '">' + symbolSvg(entry.symbol) + '</span>';
          });
        }
        html += '<span>' + escapeHtml(spec.title) + '</span>' +
                (spec.min_zoom ? '<span class="ecc-hint">' + escapeHtml(T.zoom_in) + '</span>' : '') +
                '<span class="ecc-count">' + spec.count.toLocaleString('en-US') + '</span></label>';
        if (rows) {
          spec.legend.forEach(function (entry) {
            html += '<div class="ecc-sub">' + symbolSvg(entry.symbol) + '<span>' + escapeHtml(entry.label) + '</span></div>';
          });
        }
      });
      if (group !== null) { html += '</div>'; }
      (T.notes || []).forEach(function (note) { html += '<div class="ecc-note">' + escapeHtml(note) + '</div>'; });
      box.innerHTML = html + '</div>';
      box.querySelectorAll('.ecc-row').forEach(function (row) {
        var input = row.querySelector('input');
        input.addEventListener('change', function () { setVisible(row.dataset.layer, input.checked); });
      });
      var toggle = box.querySelector('#ecc-panel-toggle'), body = box.querySelector('#ecc-panel-body');
      toggle.addEventListener('click', function () {
        body.hidden = !body.hidden;
        toggle.textContent = body.hidden ? T.show : T.hide;
      });
      return box;
    }
  });
  var panel = new Panel().addTo(map);
  function padding(extra) {
    // Keep what is fitted clear of the layer panel when the window is wide enough for both.
    var box = panel.getContainer(), width = map.getSize().x;
    var right = box && !box.querySelector('#ecc-panel-body').hidden &&
                width > 2.5 * box.offsetWidth ? box.offsetWidth + 12 : 0;
    return {paddingTopLeft: [extra, extra], paddingBottomRight: [right + extra, extra]};
  }
  // Until the officer moves the map, keep the county fitted when the view is resized.
  var autoFit = !!CFG.bounds;
  function fit() { if (CFG.bounds) { map.fitBounds(CFG.bounds, padding(12)); } }
  fit();
  map.on('resize', function () { if (autoFit) { fit(); } });
  ['mousedown', 'wheel', 'keydown', 'touchstart'].forEach(function (name) {
    map.getContainer().addEventListener(name, function () { autoFit = false; }, {passive: true});
  });

  // -- click, highlight, fly to -------------------------------------------------------------
  function showHighlight(feature) {
    highlight.clearLayers();
    var look = {color: '#00b7ff', weight: 4, opacity: 1, fill: false, interactive: false,
                className: 'ecc-highlight', renderer: highlightRenderer};
    var shape = L.geoJSON(feature, {
      renderer: highlightRenderer, interactive: false,
      style: function () { return look; },
      pointToLayer: function (f, latlng) { return L.circleMarker(latlng, L.extend({}, look, {radius: 14, weight: 3})); }
    }).addTo(highlight);
    var bounds = shape.getBounds();
    if (feature.geometry.type !== 'Point' && bounds.isValid() &&
        Math.max(bounds.getNorth() - bounds.getSouth(), bounds.getEast() - bounds.getWest()) < 0.003) {
      // A small area: a ring around it as well, so the eye finds it.
      L.circleMarker(bounds.getCenter(), L.extend({}, look, {radius: 18, weight: 3})).addTo(highlight);
    }
  }
  function popupHtml(key, props) {
    var spec = layers[key] ? layers[key].spec : {}, title = spec.title || key;
    var fields = L.extend({}, T.fields, spec.fields || {});
    var html = '<div class="ecc-popup"><h4>' + escapeHtml(props.name || title) + '</h4><table>';
    Object.keys(fields).forEach(function (field) {
      var value = props[field];
      if (value === null || value === undefined || value === '' || field === 'name') { return; }
      html += '<tr><th>' + escapeHtml(fields[field]) + '</th><td>' + escapeHtml(value) + '</td></tr>';
    });
    return html + '</table><div class="ecc-popup-layer">' + escapeHtml(title) + '</div></div>';
  }
  function featureClicked(key, layer) {
    var props = layer.feature.properties;
    showHighlight(layer.toGeoJSON());
    if (bridge) { bridge.onFeatureClick(JSON.stringify(props)); }
    else if (CFG.popups) {
      var at = layer.getLatLng ? layer.getLatLng() : layer.getBounds().getCenter();
      L.popup({maxWidth: 360}).setLatLng(at).setContent(popupHtml(key, props)).openOn(map);
    }
  }
  function findFeature(item, id) {
    if (!item.ids) {
      item.ids = new Map();
      item.group.eachLayer(function (l) { item.ids.set(String(l.feature.properties.id), l); });
    }
    return item.ids.get(String(id)) || null;
  }
  function flyTo(key, id) {
    autoFit = false;
    var item = layers[key];
    if (!item || (!item.group && !DATA[item.index] && !item.spec.src)) { return false; }
    var found = null;
    load(item, function () {
      var layer = findFeature(item, id);
      found = !!layer;
      if (!layer) { return; }
      showHighlight(layer.toGeoJSON());
      item.wanted = true;
      var after = function () { sync(item); };
      if (layer.getLatLng) { map.flyTo(layer.getLatLng(), Math.max(map.getZoom(), 16), {duration: 0.8}); }
      else { map.flyToBounds(layer.getBounds(), L.extend({maxZoom: 16, duration: 0.8}, padding(40))); }
      map.once('moveend', after);
      after();
    });
    return found === null ? 'loading' : found;
  }
  function screenPoint(key, id) {
    var item = layers[key];
    if (!item || !item.group) { return null; }
    var layer = findFeature(item, id);
    if (!layer) { return null; }
    var p = map.latLngToContainerPoint(layer.getLatLng ? layer.getLatLng() : layer.getBounds().getCenter());
    return {x: p.x, y: p.y};
  }

  // -- from the console: a layer's features replaced (the typhoon at another time) --------
  function replaceLayer(key, collection) {
    var item = layers[key];
    if (!item) { return false; }
    var style = item.spec.style, made = [];
    if (item.group && map.hasLayer(item.group)) { map.removeLayer(item.group); }
    DATA[item.index] = null;
    item.points = [];
    item.ids = null;
    collection.features.forEach(function (feature) {
      var props = feature.properties;
      props.layer = key;
      L.geoJSON(feature, {
        renderer: canvas,
        style: function () { return pathStyle(key, style, props); },
        pointToLayer: function (f, latlng) {
          var marker = new ShapeMarker(latlng, L.extend(markerStyle(style, props), {renderer: canvas}));
          item.points.push(marker);
          return marker;
        }
      }).eachLayer(function (layer) {
        layer.feature = feature;
        if (!interactive(style, props)) { layer.options.interactive = false; }
        made.push(layer);
      });
    });
    item.group = L.featureGroup(made);
    item.group.on('click', function (e) { featureClicked(key, e.layer); });
    sync(item);
    return made.length;
  }

  // -- from the console: features marked (what a typhoon's wind reaches) -------------------
  map.createPane('ecc-marked').style.zIndex = 440;
  map.getPane('ecc-marked').style.pointerEvents = 'none';
  var markRenderer = L.canvas({pane: 'ecc-marked', padding: 0.3});
  var marked = L.layerGroup().addTo(map), markedCount = 0, markGeneration = 0;
  function mark(wanted) {
    // wanted: {layer key: [feature ids]}; a layer not built yet is loaded first.
    var generation = ++markGeneration;
    var look = {renderer: markRenderer, color: CFG.mark_colour, weight: 2, opacity: 0.85,
                fillColor: CFG.mark_colour, fillOpacity: 0.08, interactive: false};
    marked.clearLayers();
    markedCount = 0;
    Object.keys(wanted || {}).forEach(function (key) {
      var item = layers[key];
      if (!item) { return; }
      load(item, function () {
        if (generation !== markGeneration) { return; }
        wanted[key].forEach(function (id) {
          var layer = findFeature(item, id);
          if (!layer) { return; }
          markedCount++;
          if (layer.getLatLng) {
            marked.addLayer(L.circleMarker(layer.getLatLng(), L.extend({}, look, {radius: 10, fillOpacity: 0})));
          } else {
            marked.addLayer(L.polygon(layer.getLatLngs(), look));
          }
        });
      });
    });
    return true;
  }

  // -- what the console (and tests) can ask ------------------------------------------------
  var drawn = false, told = false;
  function summary() {
    var c = map.getCenter();
    var out = {layers: {}, visible: [], deferred: [], drawn: drawn, notices: [],
               noticeShown: !noticeBox.hidden, center: [c.lat, c.lng], zoom: map.getZoom(),
               tiles: tileStats, highlighted: highlight.getLayers().length, timings: timings,
               marked: markedCount, moved: !autoFit};
    order.forEach(function (key) {
      var item = layers[key];
      out.layers[key] = item.group ? item.group.getLayers().length : null;
      if (item.group && map.hasLayer(item.group)) { out.visible.push(key); }
      if (item.wanted && !zoomAllows(item)) { out.deferred.push(key); }
    });
    noticeBox.querySelectorAll('div').forEach(function (d) { out.notices.push(d.textContent); });
    return out;
  }
  function tellReady() {
    if (drawn && bridge && !told) {
      told = true;
      bridge.onReady(JSON.stringify(summary()));
    }
  }
  function setView(view) {
    autoFit = false;
    map.setView(view.center, view.zoom, {animate: false});
    return true;
  }
  window.ECC = {map: map, layers: layers, summary: summary, flyTo: flyTo, setVisible: setVisible,
                screenPoint: screenPoint, addNotice: addNotice, replaceLayer: replaceLayer,
                mark: mark, setView: setView};

  timings.ready = Math.round(performance.now());
  order.forEach(function (key) { sync(layers[key]); });
  frontPoints();
  timings.added = Math.round(performance.now());
  // The canvas redraws on the next animation frame; one frame later it is on screen.
  L.Util.requestAnimFrame(function () {
    timings.frame = Math.round(performance.now());
    L.Util.requestAnimFrame(function () {
      timings.drawn = Math.round(performance.now());
      drawn = true;
      tellReady();
    });
  });
  if (CFG.bridge && window.qt && window.QWebChannel) {
    new QWebChannel(window.qt.webChannelTransport, function (channel) {
      bridge = window.bridge = channel.objects.bridge;
      tellReady();
    });
  }
})();
"""
