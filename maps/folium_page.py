"""The map page as a folium page: folium's Map (Leaflet from XStatic, no tile layer),
the page's own assets through a template (resources/map/page.j2) and folium's plugins
with their scripts from the project's files.

folium's own page names CDN URLs for Leaflet and for every plugin; here every one of
them is replaced on the instance (``default_js`` / ``default_css``) by a file beside the
console's page or by the file's text inlined in the exported page, so the page never asks
the network for anything.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import folium
from branca.element import MacroElement
from folium.plugins import MousePosition
from folium.template import Template

ASSETS_DIR = Path(__file__).resolve().parent.parent / "resources" / "map"

Asset = tuple[str, str]
"""(kind, value): "css" a style sheet's file, "style" its text, "js" a script's file,
"script" its text."""


@cache
def _template() -> Template:
    return Template((ASSETS_DIR / "page.j2").read_text(encoding="utf-8"))


class PageAssets(MacroElement):
    """The page's title, its style sheets and scripts, and the start of its script."""

    def __init__(self, title: str, assets: list[Asset]) -> None:
        super().__init__()
        self._name = "PageAssets"
        self._template = _template()
        self.title = title
        self.assets = assets


def new_map(*, leaflet: list[Asset]) -> folium.Map:
    """folium's Map with no tile layer; Leaflet from ``leaflet`` (files or inline text)."""
    fmap = folium.Map(
        location=None,
        tiles=None,
        prefer_canvas=True,
        zoom_control=True,
        control_scale=False,
        min_zoom=3,
        maxZoom=18,
        minZoom=3,
        zoomSnap=0.25,
        attributionControl=False,
    )
    fmap.default_js = [(f"leaflet_{i}", v) for i, (k, v) in enumerate(leaflet) if k == "js"]
    fmap.default_css = [(f"leaflet_{i}", v) for i, (k, v) in enumerate(leaflet) if k == "css"]
    return fmap


def mouse_position(*, separator: str, empty: str) -> MousePosition:
    """folium's MousePosition plugin; its script, resources/map/mouse_position.js, is one
    of the page's assets (a file beside the page, or inlined)."""
    plugin = MousePosition(
        position="bottomleft",
        separator=separator,
        empty_string=empty,
        lng_first=True,
        num_digits=5,
    )
    plugin.default_js = []
    plugin.default_css = []
    return plugin


def render(fmap: folium.Map) -> str:
    """The page's HTML text."""
    html: str = fmap.get_root().render()
    return html.replace("<html>", '<html lang="zh-CN">', 1)


def build_document(
    title: str,
    *,
    leaflet: list[Asset],
    assets: list[Asset],
    mouse: dict[str, Any],
) -> str:
    """The page: folium's map, the page's assets, the mouse position (``mouse``: its
    separator and the text shown before the mouse is over the map)."""
    fmap = new_map(leaflet=leaflet)
    PageAssets(title, assets).add_to(fmap)
    mouse_position(separator=mouse["separator"], empty=mouse["empty"]).add_to(fmap)
    return render(fmap)
