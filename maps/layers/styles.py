"""How the console's map draws the register: colours, paths, point symbols.

The printed situation map (ui.printing.situation_map) takes its colours from here,
so paper and screen agree.

The style spec (a JSON-ready dict read by the page script, see maps.pages):

``path``      Leaflet path options for lines and areas (``color``, ``weight``,
              ``fill``, ``fillColor``, ``fillOpacity``, ``dashArray`` ...).
``marker``    path options for points plus ``shape`` (circle, square, diamond,
              triangle, triangle_down, pentagon, hexagon, star) and ``radius``.
``by``        a property whose value picks an entry of ``variants``.
``variants``  value -> {"path": {...}, "marker": {...}, "interactive": bool},
              merged over the defaults.
``radius_by`` {"property", "min", "max", "max_value"}: marker radius growing with
              the square root of a property (a shelter's capacity).
``interactive`` whether features answer clicks (default true).
"""

from __future__ import annotations

from typing import Any

DANGER_STYLE: dict[str, tuple[str, str]] = {  # kind -> (colour, point symbol)
    "flash_flood": ("#1f5fbf", "triangle"),
    "geological": ("#8c510a", "diamond"),
    "waterlogging": ("#0fa3b1", "circle"),
    "dilapidated_housing": ("#d62728", "square"),
    "seawall": ("#2a7f62", "hexagon"),
    "work_shed": ("#f07800", "pentagon"),
    "fishing_raft": ("#7b4fb8", "triangle_down"),
    "scenic_spot": ("#d6409f", "star"),
}
OTHER_DANGER = ("#666666", "circle")

SHELTER_COLOUR = "#1a9641"
# During an event a shelter's marker shows its occupancy (models.transfers.ShelterOccupancy).
OCCUPANCY_COLOURS = {"nearly_full": "#f07800", "full": "#d01010"}

COUNTY_PATH = {
    "color": "#1b1b1b",
    "weight": 3,
    "opacity": 0.9,
    "fill": True,
    "fillColor": "#ffffff",
    "fillOpacity": 0.6,
}  # land lighter than the background
TOWN_PATH = {
    "color": "#4a4a4a",
    "weight": 1.8,
    "opacity": 0.85,
    "fill": False,
    "dashArray": "8 4 2 4",
}
VILLAGE_PATH = {
    "color": "#7d8790",
    "weight": 0.8,
    "opacity": 0.8,
    "fill": False,
    "dashArray": "3 3",
}
GRID_PATH = {"color": "#4f86c6", "weight": 0.6, "opacity": 0.55, "fill": False}


def line_symbol(options: dict[str, Any]) -> dict[str, Any]:
    """A legend symbol drawn as a line with these path options."""
    return {"shape": "line", "options": options}


def danger_path(colour: str) -> dict[str, Any]:
    return {
        "color": colour,
        "weight": 1.2,
        "opacity": 0.9,
        "fill": True,
        "fillColor": colour,
        "fillOpacity": 0.3,
    }


def danger_marker(colour: str, shape: str) -> dict[str, Any]:
    return {
        "shape": shape,
        "radius": 6,
        "color": "#ffffff",
        "weight": 1,
        "opacity": 1,
        "fill": True,
        "fillColor": colour,
        "fillOpacity": 0.95,
    }


def shelter_marker() -> dict[str, Any]:
    return {
        "shape": "circle",
        "radius": 6,
        "color": "#ffffff",
        "weight": 1.5,
        "opacity": 1,
        "fill": True,
        "fillColor": SHELTER_COLOUR,
        "fillOpacity": 0.85,
    }


def shelter_radius(capacity: float, sizing: dict[str, Any]) -> float:
    """The marker radius of a capacity (the page script computes the same)."""
    share = min(max(capacity, 0) / sizing["max_value"], 1.0) ** 0.5
    return float(sizing["min"] + (sizing["max"] - sizing["min"]) * share)
