"""The map page: a folium page (maps.folium_page) with Leaflet from the XStatic package,
the page's own scripts, and one data file per layer.

``write_page`` writes a folder the console's web view loads from disk::

    map.html            folium's page: its map, the page's assets (resources/map/page.j2),
                        the mouse position plugin; nothing from the network
    leaflet/            Leaflet's script, style sheet and images, copied from XStatic-Leaflet
    mouse_position.js   resources/map/mouse_position.js (folium's MousePosition plugin)
    overlays.js         resources/map/overlays.js (names, overview, event corner, basemap)
    tools.js            resources/map/tools.js (measure, draw an area, Nearest)
    map.js              resources/map/console.js (layers, legend and layer panel, click,
                        fly-to, notices); resources/map/console.css is inlined
    config.js           layer titles and styles, legend, texts, labels, basemap, event
                        (translated in Python)
    data/NN.js          one layer each: property columns and packed geometries (JSON.parse)

``export_page`` writes the same page as ONE file with everything inlined, for any
browser with no network; there a click opens a popup instead of the console's panel.

folium's own page would load Leaflet and its plugins from CDNs, and its per-feature
objects cannot build tens of thousands of features in two seconds: here folium makes
the page (map, template, plugin) while each layer is one data file (maps.geometry.pack)
turned into Leaflet polygons, lines and markers on one shared canvas renderer, styled by
a property (maps.layers.styles documents the style spec). A layer of more than
LARGE_LAYER features is drawn, and its file loaded, only from LARGE_LAYER_MIN_ZOOM on.

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
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from maps.basemap import Basemap, basemap_for
from maps.folium_page import Asset, build_document
from maps.layers import LayerData, field_labels
from maps.overlays import basemap_line, event_corner, overlay_texts, overview_rings, place_labels

if TYPE_CHECKING:
    from collections.abc import Sequence

    from models.database import Database
    from models.settings import Settings
    from models.users import Actor

CONTEXT = "MapPage"
MARK_COLOUR = "#7b1fa2"  # features the console marks (what a typhoon's wind reaches)
PAGE_NAME = "map.html"

CJK_FONTS = (
    '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'
)

ASSETS_DIR = Path(__file__).resolve().parent.parent / "resources" / "map"
"""The page's own script and style sheet, kept as files so they read as JavaScript and CSS."""


def leaflet_dir() -> Path:
    import xstatic.pkg.leaflet

    return Path(xstatic.pkg.leaflet.BASE_DIR)


@cache
def page_style() -> str:
    """The page's style sheet (resources/map/console.css) with the CJK fonts put in."""
    return (ASSETS_DIR / "console.css").read_text(encoding="utf-8").replace("FONTS", CJK_FONTS)


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
    layers: Sequence[LayerData],
    basemap: Basemap,
    *,
    bridge: bool,
    popups: bool,
    event: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """What config.js holds: everything but the layers' data (``event``: the event
    corner, maps.overlays.event_corner)."""
    notices = [basemap.notice] if basemap.notice else []
    texts = page_texts() | overlay_texts()
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
        "labels": place_labels(layers),
        "overview": overview_rings(layers),
        "event": event,
        "basemap_line": basemap_line(basemap),
    }


def _config_script(config: dict[str, Any], *, inline: bool) -> str:
    text = json.dumps(config, ensure_ascii=False, separators=(",", ":"))
    if inline:
        text = text.replace("</", "<\\/")
    return f"window.ECC_CONFIG={text};window.ECC_DATA=[];\n"


PAGE_SCRIPTS = ("mouse_position.js", "overlays.js", "tools.js", "console.js")
"""The page's own scripts under resources/map, in the order the page runs them."""


@cache
def page_asset(name: str) -> str:
    """One of the page's own scripts (resources/map), read once per process."""
    return (ASSETS_DIR / name).read_text(encoding="utf-8")


def _mouse_texts() -> dict[str, str]:
    return {"separator": " , ", "empty": ""}


def write_page(
    folder: Path,
    layers: Sequence[LayerData],
    *,
    basemap: Basemap | None = None,
    bridge: bool = True,
    event: dict[str, Any] | None = None,
) -> Path:
    """Write the page and its files into ``folder`` (created); returns the page's path.

    ``bridge``: the page talks to the console through QWebChannel (qrc:///qtwebchannel).
    """
    folder = Path(folder)
    basemap = basemap or Basemap()
    (folder / "data").mkdir(parents=True, exist_ok=True)
    _copy_leaflet(folder / "leaflet")
    config = page_config(layers, basemap, bridge=bridge, popups=not bridge, event=event)
    assets: list[Asset] = [("style", page_style())]
    if bridge:
        assets.append(("js", "qrc:///qtwebchannel/qwebchannel.js"))
    assets.append(("js", "config.js"))
    for index, (layer, spec) in enumerate(zip(layers, config["layers"], strict=True)):
        name = f"data/{index:02d}.js"
        (folder / name).write_text(
            _data_script(index, layer, inline=False, full=not bridge), encoding="utf-8"
        )
        if spec["min_zoom"] is not None:
            spec["src"] = name  # loaded by the page when the layer is first drawn
        else:
            assets.append(("js", name))
    for script in PAGE_SCRIPTS:
        target = "map.js" if script == "console.js" else script
        (folder / target).write_text(page_asset(script), encoding="utf-8")
        assets.append(("js", target))
    (folder / "config.js").write_text(_config_script(config, inline=False), encoding="utf-8")
    page = folder / PAGE_NAME
    document = build_document(
        config["texts"]["title"],
        leaflet=[("js", "leaflet/leaflet.js"), ("css", "leaflet/leaflet.css")],
        assets=assets,
        mouse=_mouse_texts(),
    )
    page.write_text(document, encoding="utf-8")
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


def page_document(
    layers: Sequence[LayerData],
    *,
    basemap: Basemap | None = None,
    event: dict[str, Any] | None = None,
) -> str:
    """The whole page as one HTML text, every asset inlined (for export)."""
    basemap = basemap or Basemap()
    source = leaflet_dir()
    leaflet_js = _offline((source / "leaflet.js").read_text(encoding="utf-8"))
    config = page_config(layers, basemap, bridge=False, popups=True, event=event)
    scripts = [leaflet_js, _config_script(config, inline=True)]
    scripts += [
        _data_script(index, layer, inline=True, full=True) for index, layer in enumerate(layers)
    ]
    scripts += [page_asset(name) for name in PAGE_SCRIPTS]
    for script in scripts[:1] + scripts[-len(PAGE_SCRIPTS) :]:
        if re.search(r"</script", script, re.IGNORECASE):
            raise ValueError("a script to inline contains </script")
    assets: list[Asset] = [("style", _inline_css(_leaflet_css())), ("style", page_style())]
    assets += [("script", script) for script in scripts]
    return build_document(config["texts"]["title"], leaflet=[], assets=assets, mouse=_mouse_texts())


def export_page(
    path: Path,
    layers: Sequence[LayerData],
    *,
    basemap: Basemap | None = None,
    event: dict[str, Any] | None = None,
) -> Path:
    """Write ONE self-contained HTML file that opens offline in any browser."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(page_document(layers, basemap=basemap, event=event), encoding="utf-8")
    tmp.replace(path)
    return path


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    features: dict[str, int]  # layer key -> features drawn
    missing: int  # rows without a location, not on the map
    size: int  # bytes written


def export_map(db: Database, actor: Actor, settings: Settings | None, path: Path) -> ExportSummary:
    """``python main.py map export -o FILE.html``: the register's layers in one offline page.

    The basemap is named with its attribution but not drawn: an MBTiles file is served by
    the console only, and a tile server is network. The file leaves the console: phones are in full only for roles that
    may unmask personal numbers, and that export is audited (``models.privacy``); masked
    for every other role, as on a printout.
    """
    from maps.layers import console_layers
    from models.privacy import audit_unmasked, output_masking

    basemap = basemap_for(settings.tile_source if settings else None).exported()
    with db.session(actor) as session:
        masked = output_masking(session)
        layers = console_layers(session=session)
        event = event_corner(session)
    written = export_page(path, layers, basemap=basemap, event=event)
    if not masked:
        with db.session(actor, write=True) as session:
            audit_unmasked(
                session,
                document="map",
                path=written,
                subject={},
                rows={layer.key: _personal_count(layer) for layer in layers},
            )
    return ExportSummary(
        path=written,
        features={layer.key: layer.count for layer in layers},
        missing=sum(layer.missing for layer in layers),
        size=written.stat().st_size,
    )


def _personal_count(layer: LayerData) -> int:
    """How many features of a layer carry a phone."""
    return sum(
        1
        for props in layer.features.properties
        if any(value for key, value in props.items() if "phone" in key)
    )
