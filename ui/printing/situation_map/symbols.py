"""How the sheet draws the register: the console map's colours and point symbols on paper.

Colours come from maps.layers, so the printed map matches the screen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import shapely
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from shapely.geometry.base import BaseGeometry

from maps.layers import DANGER_STYLE, GRID_PATH, OTHER_DANGER, SHELTER_COLOUR, VILLAGE_PATH

BOUNDARY_COLOUR = "#1b1b1b"
OUTSIDE_COLOUR = "#eef0f2"  # land outside the village: the village stands out white
POINT_RADIUS = 2.3 * mm
SHELTER_RADIUS = 2.6 * mm
LABEL_SIZE = 7.0
INK = "#1b1b1b"
SHELTER_INK = "#0d5c26"
GRID_INK = "#2d5f99"
NEIGHBOUR_INK = "#7d8790"
GRID_LINE = str(GRID_PATH["color"])  # the screen's colours
NEIGHBOUR_LINE = str(VILLAGE_PATH["color"])


def kind_style(kind: str) -> tuple[str, str]:
    """A danger kind's colour and point symbol, as on the console's map."""
    return DANGER_STYLE.get(kind, OTHER_DANGER)


def _path(canvas: Canvas, shape: BaseGeometry) -> Any:
    """A reportlab path of a (projected) geometry's rings and lines."""
    path = canvas.beginPath()
    for part in shapely.get_parts(shape):
        if part.geom_type == "Polygon":
            rings = [part.exterior, *part.interiors]
        elif part.geom_type in ("LineString", "LinearRing"):
            rings = [part]
        else:
            continue
        for ring in rings:
            coords = list(ring.coords)
            if len(coords) < 2:
                continue
            path.moveTo(*coords[0])
            for point in coords[1:]:
                path.lineTo(*point)
            if ring.geom_type == "LinearRing":
                path.close()
    return path


def stroke_fill(
    canvas: Canvas,
    shape: BaseGeometry,
    *,
    stroke: str | None = None,
    width: float = 0.5,
    stroke_alpha: float = 1.0,
    fill: str | None = None,
    fill_alpha: float = 1.0,
    dash: Sequence[float] | None = None,
) -> None:
    """Stroke and/or fill a projected geometry; holes stay holes."""
    canvas.saveState()
    if stroke:
        canvas.setStrokeColor(colors.HexColor(stroke))
        canvas.setStrokeAlpha(stroke_alpha)
        canvas.setLineWidth(width)
        canvas.setLineJoin(1)
        if dash:
            canvas.setDash(list(dash))
    if fill:
        canvas.setFillColor(colors.HexColor(fill))
        canvas.setFillAlpha(fill_alpha)
    canvas.drawPath(
        _path(canvas, shape), stroke=1 if stroke else 0, fill=1 if fill else 0, fillMode=0
    )  # even-odd: holes stay holes
    canvas.restoreState()


def symbol_points(shape: str, x: float, y: float, r: float) -> list[tuple[float, float]] | None:
    """The corners of a point symbol, as the map page draws them (maps.pages), y upwards;
    None for a circle."""
    inner = None
    if shape == "triangle":
        n, start, r = 3, -90.0, r * 1.25
    elif shape == "triangle_down":
        n, start, r = 3, 90.0, r * 1.25
    elif shape == "square":
        n, start, r = 4, 45.0, r * 1.15
    elif shape == "diamond":
        n, start, r = 4, -90.0, r * 1.25
    elif shape == "pentagon":
        n, start, r = 5, -90.0, r * 1.1
    elif shape == "hexagon":
        n, start, r = 6, 0.0, r * 1.05
    elif shape == "star":
        n, start, r = 5, -90.0, r * 1.35
        inner = r * 0.45
    else:
        return None
    steps = n * 2 if inner else n
    points = []
    for i in range(steps):
        a = math.radians(start + i * 360 / steps)
        rr = inner if inner and i % 2 else r
        points.append((x + rr * math.cos(a), y - rr * math.sin(a)))
    return points


def draw_symbol(
    canvas: Canvas,
    shape: str,
    x: float,
    y: float,
    r: float,
    fill: str,
    *,
    outline: str = "#ffffff",
    width: float = 0.6,
) -> None:
    canvas.saveState()
    canvas.setFillColor(colors.HexColor(fill))
    canvas.setStrokeColor(colors.HexColor(outline))
    canvas.setLineWidth(width)
    canvas.setLineJoin(1)
    corners = symbol_points(shape, x, y, r)
    if corners is None:
        canvas.circle(x, y, r, stroke=1, fill=1)
    else:
        path = canvas.beginPath()
        path.moveTo(*corners[0])
        for point in corners[1:]:
            path.lineTo(*point)
        path.close()
        canvas.drawPath(path, stroke=1, fill=1)
    canvas.restoreState()


def draw_shelter(canvas: Canvas, x: float, y: float, r: float = SHELTER_RADIUS) -> None:
    """The shelter symbol: the map's green circle, with a small white roof so it reads
    as a shelter on paper too."""
    draw_symbol(canvas, "circle", x, y, r, SHELTER_COLOUR, width=0.8)
    canvas.saveState()
    canvas.setStrokeColor(colors.white)
    canvas.setLineWidth(max(r * 0.16, 0.4))
    canvas.setLineJoin(1)
    canvas.setLineCap(1)
    path = canvas.beginPath()
    path.moveTo(x - r * 0.55, y - r * 0.05)
    path.lineTo(x, y + r * 0.5)
    path.lineTo(x + r * 0.55, y - r * 0.05)
    path.moveTo(x - r * 0.35, y - r * 0.15)
    path.lineTo(x - r * 0.35, y - r * 0.5)
    path.lineTo(x + r * 0.35, y - r * 0.5)
    path.lineTo(x + r * 0.35, y - r * 0.15)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def draw_edge_arrow(canvas: Canvas, x: float, y: float, angle: float, size: float = 3 * mm) -> None:
    """A green arrow at (x, y) pointing ``angle`` radians (0 = east): a shelter that way."""
    canvas.saveState()
    canvas.translate(x, y)
    canvas.rotate(math.degrees(angle))
    canvas.setFillColor(colors.HexColor(SHELTER_COLOUR))
    canvas.setStrokeColor(colors.white)
    canvas.setLineWidth(0.6)
    path = canvas.beginPath()
    path.moveTo(size, 0)
    path.lineTo(-size * 0.6, size * 0.65)
    path.lineTo(-size * 0.25, 0)
    path.lineTo(-size * 0.6, -size * 0.65)
    path.close()
    canvas.drawPath(path, stroke=1, fill=1)
    canvas.restoreState()
