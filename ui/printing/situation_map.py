"""The village flood situation map (村级防汛形势图), printed to PDF.

One landscape sheet (A4, or A3 for a wall): the title, the map on the left, the
legend and the table of responsible persons on the right, the making unit and
date at the bottom. The map shows the village boundary (neighbouring villages
faint), its responsibility grids, its danger zones filled in their kind's colour
(hazard points as their kind's symbol) and the shelters with names and
capacities, in the colours and symbols of the console's map (maps.layers), so
the paper matches the screen. Shelters the village sends people to that lie too
far away for the sheet are shown as arrows at the frame's edge with their
distance.

The projection is equirectangular scaled by the cosine of the central latitude
(a village is a few kilometres across: no visible distortion); the scale is
rounded to a round ratio and the scale bar measures it.

Mobiles are printed in full for roles that may see personal information (the
sheet hangs in the village's duty room; cadres call these numbers; the printout
is audited), masked for the others, as on the village transfer list.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel
from sqlalchemy.orm import Session

from maps.geometry import load_wkb
from maps.layers import (
    DANGER_STYLE,
    GRID_PATH,
    OTHER_DANGER,
    SHELTER_COLOUR,
    VILLAGE_PATH,
)
from models.areas import DangerZoneRow, ShelterRow
from models.audit import record_event
from models.base import utcnow
from models.labels import DANGER_KINDS, WORKING_GROUP_POSTS, label
from models.privacy import can_see_personal
from models.transfers import display_zone
from models.users import Permission, actor_of, require
from models.village_map import VillageMap, read_village_map, village_outlines
from ui.printing.layout import MAP_PAPERS, Box, escape, font_name, map_sheet, map_sheet_canvas
from ui.printing.transfers import PrintRefused, PrintResult

METRES_PER_DEGREE = 6_371_008.8 * math.pi / 180  # mean Earth radius
POINTS_PER_METRE = 72 / 0.0254  # on paper
NICE_RATIOS = (1, 1.2, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 7.5, 8, 9)
PAD = 0.06  # of the features' extent, around it
REACH = 0.6  # shelters elsewhere within this share of the extent's size widen the map
SIMPLIFY_POINTS = 0.2  # about 0.07 mm

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


# -- projection --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Projection:
    """Longitude and latitude to points on the sheet: equirectangular, scaled by the
    cosine of the central latitude, ``ppm`` design points per metre on the ground."""

    lon0: float
    lat0: float
    ppm: float
    x0: float
    y0: float

    @property
    def kx(self) -> float:
        return math.cos(math.radians(self.lat0)) * METRES_PER_DEGREE * self.ppm

    @property
    def ky(self) -> float:
        return METRES_PER_DEGREE * self.ppm

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return self.x0 + (lon - self.lon0) * self.kx, self.y0 + (lat - self.lat0) * self.ky

    def array(self, coords: np.ndarray) -> np.ndarray:
        out = np.empty_like(coords[:, :2])
        out[:, 0] = self.x0 + (coords[:, 0] - self.lon0) * self.kx
        out[:, 1] = self.y0 + (coords[:, 1] - self.lat0) * self.ky
        return out

    def lonlat(self, x: float, y: float) -> tuple[float, float]:
        return self.lon0 + (x - self.x0) / self.kx, self.lat0 + (y - self.y0) / self.ky

    def geometry(self, geom: BaseGeometry) -> BaseGeometry:
        """The geometry in sheet points, without detail finer than the printer's dot."""
        return shapely.simplify(
            shapely.transform(geom, self.array), SIMPLIFY_POINTS, preserve_topology=True
        )


def _metres(box: tuple[float, float, float, float], lat0: float) -> tuple[float, float]:
    """Width and height of a lon/lat box in metres."""
    k = math.cos(math.radians(lat0)) * METRES_PER_DEGREE
    return (box[2] - box[0]) * k, (box[3] - box[1]) * METRES_PER_DEGREE


def nice_ratio(ratio: float) -> int:
    """The round scale ratio at or above ``ratio`` (7,300 -> 8,000; 11,000 -> 12,000)."""
    if ratio <= 1:
        return 1
    power = 10 ** math.floor(math.log10(ratio))
    step = next((s for s in NICE_RATIOS if s * power >= ratio * (1 - 1e-9)), 10)
    return round(step * power)


def scale_bar_length(metres_per_point: float, longest: float) -> float:
    """The longest round distance (1, 2 or 5 x 10^n metres) drawn no longer than
    ``longest`` points."""
    most = metres_per_point * longest
    power = 10 ** math.floor(math.log10(most))
    for step in (5, 2, 1):
        if step * power <= most:
            return float(step * power)
    return float(power)


def distance_text(metres: float) -> str:
    if metres >= 1000:
        return QCoreApplication.translate("Printing", "%1 km").replace("%1", f"{metres / 1000:g}")
    return QCoreApplication.translate("Printing", "%1 m").replace("%1", f"{metres:g}")


# -- labels that do not overlap ----------------------------------------------------------


Rect = tuple[float, float, float, float]  # x0, y0, x1, y1


def _overlap(a: Rect, b: Rect) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


@dataclass(frozen=True)
class _Label:
    lines: tuple[str, ...]
    face: str
    size: float
    colour: str
    rect: Rect


class _Labeller:
    """Greedy placement: each label takes the first candidate position that overlaps
    nothing placed before it (symbols, furniture, other labels) and stays in the frame;
    a label that must show takes the least overlapping one when none is free."""

    def __init__(self, frame: Box) -> None:
        inset = 1 * mm
        self.frame = (
            frame.x + inset,
            frame.y + inset,
            frame.x + frame.width - inset,
            frame.top - inset,
        )
        self.taken: list[Rect] = []
        self.labels: list[_Label] = []

    def block(self, rect: Rect) -> None:
        self.taken.append(rect)

    def _cost(self, rect: Rect) -> float:
        f = self.frame
        if rect[0] < f[0] or rect[1] < f[1] or rect[2] > f[2] or rect[3] > f[3]:
            return math.inf
        return sum(_overlap(rect, other) for other in self.taken)

    def place(
        self,
        lines: Sequence[str],
        face: str,
        size: float,
        colour: str,
        candidates: Iterable[tuple[float, float, str]],
        *,
        must: bool,
    ) -> bool:
        """``candidates``: (x, y, anchor) with anchor one of "l", "r", "c", "t", "b" and the
        diagonals "tl", "tr", "bl", "br": which side of the box (x, y) touches."""
        pad = 0.6
        leading = size * 1.15
        width = max(pdfmetrics.stringWidth(line, face, size) for line in lines) + 2 * pad
        height = leading * len(lines) + 2 * pad
        best: tuple[float, Rect] | None = None
        for x, y, anchor in candidates:
            left = {"l": x, "tl": x, "bl": x, "r": x - width, "tr": x - width, "br": x - width}.get(
                anchor, x - width / 2
            )
            bottom = {
                "b": y,
                "bl": y,
                "br": y,
                "t": y - height,
                "tl": y - height,
                "tr": y - height,
            }.get(anchor, y - height / 2)
            rect = (left, bottom, left + width, bottom + height)
            cost = self._cost(rect)
            if cost == 0:
                best = (0, rect)
                break
            if best is None or cost < best[0]:
                best = (cost, rect)
        if best is None or (best[0] > 0 and not must):
            return False
        rect = best[1]
        if math.isinf(best[0]):  # keep it on the sheet: pull it into the frame
            f = self.frame
            dx = max(f[0] - rect[0], 0) - max(rect[2] - f[2], 0)
            dy = max(f[1] - rect[1], 0) - max(rect[3] - f[3], 0)
            rect = (rect[0] + dx, rect[1] + dy, rect[2] + dx, rect[3] + dy)
        self.taken.append(rect)
        self.labels.append(_Label(tuple(lines), face, size, colour, rect))
        return True

    def draw(self, canvas: Canvas) -> None:
        for item in self.labels:
            x0, y0, x1, y1 = item.rect
            canvas.saveState()
            canvas.setFillColor(colors.white)
            canvas.setFillAlpha(0.72)
            canvas.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)
            canvas.restoreState()
            canvas.setFillColor(colors.HexColor(item.colour))
            canvas.setFont(item.face, item.size)
            leading = item.size * 1.15
            top = y1 - 0.6 - item.size * 0.88
            for number, line in enumerate(item.lines):
                canvas.drawCentredString((x0 + x1) / 2, top - number * leading, line)


def _around_point(x: float, y: float, r: float) -> list[tuple[float, float, str]]:
    g = r + 0.8
    d = r * 0.75 + 0.5
    return [
        (x + g, y, "l"),
        (x - g, y, "r"),
        (x, y + g, "b"),
        (x, y - g, "t"),
        (x + d, y + d, "bl"),
        (x - d, y + d, "br"),
        (x + d, y - d, "tl"),
        (x - d, y - d, "tr"),
        (x + g + 3 * mm, y, "l"),
        (x - g - 3 * mm, y, "r"),
        (x, y + g + 3 * mm, "b"),
        (x, y - g - 3 * mm, "t"),
    ]


def _around_area(
    x: float, y: float, shape: BaseGeometry, size: tuple[float, float]
) -> list[tuple[float, float, str]]:
    """Candidates for an area's label of ``size`` (width, height): inside when it fits,
    else beside the area first, so a small area is not hidden under its own name."""
    x0, y0, x1, y1 = shape.bounds
    inside = [(x, y, "c"), (x, y + 3 * mm, "c"), (x, y - 3 * mm, "c")]
    beside = [
        (x, y1 + 0.8, "b"),
        (x, y0 - 0.8, "t"),
        (x1 + 0.8, y, "l"),
        (x0 - 0.8, y, "r"),
        (x1 + 0.5, y1 + 0.5, "bl"),
        (x0 - 0.5, y1 + 0.5, "br"),
        (x1 + 0.5, y0 - 0.5, "tl"),
        (x0 - 0.5, y0 - 0.5, "tr"),
    ]
    for step in (4 * mm, 8 * mm):
        beside += [
            (x, y1 + step, "b"),
            (x, y0 - step, "t"),
            (x1 + step, y, "l"),
            (x0 - step, y, "r"),
        ]
    fits = size[0] <= (x1 - x0) * 0.9 and size[1] <= (y1 - y0) * 0.6
    return inside + beside if fits else beside + inside


def _text_size(lines: Sequence[str], face: str, size: float) -> tuple[float, float]:
    return (
        max(pdfmetrics.stringWidth(line, face, size) for line in lines),
        size * 1.15 * len(lines),
    )


def _label_point(shape: BaseGeometry) -> tuple[float, float]:
    """Where an area's label goes: the pole of inaccessibility of its largest part."""
    parts = [p for p in shapely.get_parts(shape) if p.geom_type == "Polygon"]
    if not parts:
        centre = shape.centroid
        return centre.x, centre.y
    largest = max(parts, key=lambda p: p.area)
    point = polylabel(largest, tolerance=max(math.sqrt(largest.area) / 50, 0.1))
    return point.x, point.y


# -- drawing ---------------------------------------------------------------------------------


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


def _stroke_fill(
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


def draw_north_arrow(canvas: Canvas, x: float, top: float, height: float = 13 * mm) -> Rect:
    """A north arrow centred on ``x`` below ``top``; returns the box it covers."""
    width = height * 0.42
    letter = height * 0.34
    box = (x - width * 0.9, top - height - 1 * mm, x + width * 0.9, top)
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.setFillAlpha(0.75)
    canvas.rect(box[0], box[1], box[2] - box[0], box[3] - box[1], stroke=0, fill=1)
    canvas.restoreState()
    canvas.saveState()
    tip = top - letter - 0.8 * mm
    base = top - height
    notch = base + (tip - base) * 0.3
    canvas.setLineWidth(0.6)
    canvas.setStrokeColor(colors.black)
    left = canvas.beginPath()
    left.moveTo(x, tip)
    left.lineTo(x - width / 2, base)
    left.lineTo(x, notch)
    left.close()
    canvas.setFillColor(colors.black)
    canvas.drawPath(left, stroke=1, fill=1)
    right = canvas.beginPath()
    right.moveTo(x, tip)
    right.lineTo(x + width / 2, base)
    right.lineTo(x, notch)
    right.close()
    canvas.setFillColor(colors.white)
    canvas.drawPath(right, stroke=1, fill=1)
    canvas.setFillColor(colors.black)
    canvas.setFont(font_name("hei"), letter)
    canvas.drawCentredString(x, top - letter * 0.9, "N")
    canvas.restoreState()
    return box


def draw_scale_bar(
    canvas: Canvas, x: float, y: float, ppm: float, ratio: int, longest: float = 32 * mm
) -> Rect:
    """A scale bar (two halves, 0 - half - whole) and the ratio, with the bar's bottom
    left at (x, y); returns the box it covers."""
    metres = scale_bar_length(1 / ppm, longest)
    length = metres * ppm
    bar = 1.4 * mm
    face = font_name("song")
    size = 7
    end_text = distance_text(metres)
    ratio_text = QCoreApplication.translate("Printing", "Scale 1:%1").replace("%1", str(ratio))
    end_width = pdfmetrics.stringWidth(end_text, face, size)
    right = x + length + end_width / 2
    box = (
        x - 2.5 * mm,
        y - 2 * mm,
        max(right, x + pdfmetrics.stringWidth(ratio_text, face, size)) + 2.5 * mm,
        y + bar + size * 2.6 + 1.5 * mm,
    )
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.setFillAlpha(0.8)
    canvas.rect(box[0], box[1], box[2] - box[0], box[3] - box[1], stroke=0, fill=1)
    canvas.restoreState()
    canvas.saveState()
    canvas.setLineWidth(0.5)
    canvas.setStrokeColor(colors.black)
    for index in range(4):
        canvas.setFillColor(colors.black if index % 2 == 0 else colors.white)
        canvas.rect(x + index * length / 4, y, length / 4, bar, stroke=1, fill=1)
    canvas.setFillColor(colors.black)
    canvas.setFont(face, size)
    above = y + bar + 1.2
    canvas.drawCentredString(x, above, "0")
    canvas.drawCentredString(
        x + length / 2, above, f"{metres / 2:g}" if metres < 1000 else f"{metres / 2000:g}"
    )
    canvas.drawCentredString(x + length, above, end_text)
    canvas.drawString(x, above + size * 1.35, ratio_text)
    canvas.restoreState()
    return box


# -- the sheet -------------------------------------------------------------------------------


def _load(blobs: dict[int, bytes], ids: Sequence[int]) -> dict[int, BaseGeometry]:
    wanted = [i for i in ids if i in blobs]
    geoms = load_wkb([blobs[i] for i in wanted])
    return {i: g for i, g in zip(wanted, geoms, strict=True) if g is not None and not g.is_empty}


def _bounds(shapes: Iterable[BaseGeometry]) -> tuple[float, float, float, float] | None:
    items = [g for g in shapes if g is not None and not g.is_empty]
    if not items:
        return None
    b = shapely.total_bounds(np.array(items, dtype=object))
    return float(b[0]), float(b[1]), float(b[2]), float(b[3])


def _union(
    a: tuple[float, float, float, float], b: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def _kind_style(kind: str) -> tuple[str, str]:
    return DANGER_STYLE.get(kind, OTHER_DANGER)


def _is_area(shape: BaseGeometry) -> bool:
    return shape.geom_type in ("Polygon", "MultiPolygon")


def _short(name: str, village: str) -> str:
    """A grid's name without its village's (第1网格 on the village's own sheet)."""
    return name[len(village) :] if name.startswith(village) and len(name) > len(village) else name


def _capacity_text(capacity: int) -> str:
    return QCoreApplication.translate("Printing", "Capacity %1 persons").replace(
        "%1", str(capacity)
    )


@dataclass
class _Sheet:
    """What one situation map draws, gathered before drawing."""

    data: VillageMap
    village_shape: BaseGeometry | None
    grids: dict[int, BaseGeometry]
    zones: dict[int, BaseGeometry]
    shelters: dict[int, BaseGeometry]


def _extent(sheet: _Sheet) -> tuple[float, float, float, float] | None:
    """The lon/lat box the map must show: the village, its features, and the shelters
    elsewhere it sends people to when they are near enough not to shrink it much."""
    own = [sheet.village_shape, *sheet.grids.values(), *sheet.zones.values()]
    own += [
        g
        for i, g in sheet.shelters.items()
        if _shelter(sheet, i).village_id == sheet.data.village.id
    ]
    box = _bounds(own)
    elsewhere = {
        i: g
        for i, g in sheet.shelters.items()
        if _shelter(sheet, i).village_id != sheet.data.village.id
    }
    if box is None:
        return _bounds(elsewhere.values())
    lat0 = (box[1] + box[3]) / 2
    width, height = _metres(box, lat0)
    reach = REACH * max(width, height, 300.0)
    inside: set[int] = set()
    for shelter_id, shape in elsewhere.items():
        grown = _union(box, shape.bounds)
        w, h = _metres(grown, lat0)
        if w - width <= reach and h - height <= reach:
            inside.add(shelter_id)
    for shelter_id in inside:
        box = _union(box, elsewhere[shelter_id].bounds)
    return box


def _shelter(sheet: _Sheet, shelter_id: int) -> ShelterRow:
    return next(s for s in sheet.data.shelters if s.id == shelter_id)


def _projection(
    box: tuple[float, float, float, float], frame: Box, scale: float
) -> tuple[_Projection, int]:
    """The projection that shows ``box`` (padded) in ``frame`` at a round ratio."""
    lon0, lat0 = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    width, height = _metres(box, lat0)
    width = max(width, 200.0) * (1 + 2 * PAD)
    height = max(height, 200.0) * (1 + 2 * PAD)
    ppm = min(frame.width / width, frame.height / height)  # design points per metre
    ratio = nice_ratio(POINTS_PER_METRE / (ppm * scale))
    ppm = POINTS_PER_METRE / (ratio * scale)
    return _Projection(
        lon0, lat0, ppm, frame.x + frame.width / 2, frame.y + frame.height / 2
    ), ratio


def print_situation_map(
    *,
    session: Session,
    village_code: str,
    path: str | Path,
    paper: str = "A4",
    unit: str | None = None,
) -> PrintResult:
    """The village flood situation map as a one-page PDF, A4 or A3 landscape.

    ``unit`` is the making unit printed at the bottom (default: the county's
    emergency management bureau).
    """
    path = Path(path)
    paper = (paper or "A4").upper()
    if paper not in MAP_PAPERS:
        raise PrintRefused(
            QCoreApplication.translate(
                "Printing", "The situation map prints on A4 or A3 paper, not %1."
            ).replace("%1", paper)
        )
    require(session, Permission.READ_REGISTER)
    data = read_village_map(session=session, village_code=village_code)
    if data is None:
        raise PrintRefused(
            QCoreApplication.translate(
                "Printing", "No village or community has the code %1."
            ).replace("%1", village_code)
        )
    masked = not can_see_personal(session)
    village = data.village
    rows = _person_rows(data)
    if not masked:
        printed = {
            table: count
            for table, count in (
                ("working_group_members", sum(1 for m in data.members if m.phone)),
                ("grids", sum(1 for g in data.grids if g.person_phone)),
                ("shelters", sum(1 for s in data.shelters if s.manager_phone)),
            )
            if count
        }
        for table, count in printed.items():
            record_event(
                session,
                action="unmask",
                table_name=table,
                detail={
                    "print": "situation-map",
                    "file": path.name,
                    "village": village.code,
                    "rows": count,
                },
            )
        if printed:
            session.flush()

    sheet_layout = map_sheet(paper)
    title = f"{village.town_name}{village.name}村级防汛形势图"
    actor = actor_of(session)
    canvas = map_sheet_canvas(path, sheet_layout, title=title, author=actor.name if actor else "")
    geoms = load_wkb([village.geom]) if village.geom is not None else [None]
    sheet = _Sheet(
        data=data,
        village_shape=geoms[0] if geoms[0] is not None and not geoms[0].is_empty else None,
        grids=_load(data.grid_geoms, [g.id for g in data.grids]),
        zones=_load(data.zone_geoms, [z.id for z in data.zones]),
        shelters=_load(data.shelter_geoms, [s.id for s in data.shelters]),
    )
    frame = sheet_layout.map
    _draw_title(canvas, sheet_layout.title, title)
    legend = _draw_map(canvas, session, sheet, frame, sheet_layout.scale)
    _draw_side(canvas, sheet_layout.side, legend, rows, masked)
    today = utcnow().astimezone(display_zone()).date()
    _draw_footer(
        canvas,
        sheet_layout.footer,
        unit or f"{village.county_name}应急管理局",
        f"{today.year}年{today.month}月{today.day}日",
        masked,
    )
    canvas.showPage()
    canvas.save()
    return PrintResult(path, 1, sum(1 for row in rows if len(row) > 1), masked)


def _draw_title(canvas: Canvas, box: Box, title: str) -> None:
    canvas.setFillColor(colors.black)
    face = font_name("hei")
    size = 20.0
    while pdfmetrics.stringWidth(title, face, size) > box.width and size > 12:
        size -= 1
    canvas.setFont(face, size)
    canvas.drawCentredString(
        box.x + box.width / 2, box.y + (box.height - size) / 2 + size * 0.12, title
    )


@dataclass(frozen=True)
class _Legend:
    kinds: dict[str, tuple[bool, bool]]  # kind -> (areas drawn, point symbols drawn)
    boundary: bool
    neighbours: bool
    grids: bool
    shelters: bool
    off_map: bool


TINY_AREA = 2.5 * mm  # an area smaller than this on paper also gets its kind's symbol


class _MapDrawer:
    """Draws the map frame's content, bottom to top, then the labels over it all."""

    def __init__(
        self,
        canvas: Canvas,
        session: Session,
        sheet: _Sheet,
        frame: Box,
        proj: _Projection,
        ratio: int,
    ) -> None:
        self.canvas, self.session, self.sheet, self.frame = canvas, session, sheet, frame
        self.proj, self.ratio = proj, ratio
        self.labels = _Labeller(frame)
        self.zones = {z.id: z for z in sheet.data.zones}
        self.kinds: dict[str, tuple[bool, bool]] = {}
        self.neighbours: list[tuple[str, BaseGeometry]] = []
        self.grids: dict[int, BaseGeometry] = {}
        self.areas: list[tuple[int, BaseGeometry]] = []
        self.points: list[tuple[DangerZoneRow, float, float]] = []
        self.shelters: list[tuple[ShelterRow, float, float]] = []
        self.arrows: list[tuple[ShelterRow, float, float, float, float]] = []

    def draw(self) -> _Legend:
        self.draw_neighbours()
        village = (
            self.proj.geometry(self.sheet.village_shape)
            if self.sheet.village_shape is not None
            else None
        )
        if village is not None:
            _stroke_fill(self.canvas, village, fill="#ffffff")
        self.draw_grids()
        self.draw_areas()
        if village is not None:  # the boundary over the areas, with a white halo
            _stroke_fill(self.canvas, village, stroke="#ffffff", width=3.2, stroke_alpha=0.8)
            _stroke_fill(self.canvas, village, stroke=BOUNDARY_COLOUR, width=1.5)
        frame = self.frame
        # Furniture before the labels, so they keep off it.
        self.labels.block(
            draw_scale_bar(
                self.canvas, frame.x + 5 * mm, frame.y + 4 * mm, self.proj.ppm, self.ratio
            )
        )
        self.labels.block(
            draw_north_arrow(self.canvas, frame.x + frame.width - 7 * mm, frame.top - 3 * mm)
        )
        self.draw_points()
        self.draw_shelters()
        self.place_labels()
        self.labels.draw(self.canvas)
        ordered = {
            k: self.kinds[k]
            for k in [*DANGER_KINDS, *sorted(set(self.kinds) - set(DANGER_KINDS))]
            if k in self.kinds
        }
        return _Legend(
            ordered,
            self.sheet.village_shape is not None,
            bool(self.neighbours),
            bool(self.grids),
            bool(self.shelters),
            bool(self.arrows),
        )

    def _note_kind(self, kind: str, *, area: bool = False, point: bool = False) -> None:
        had_area, had_point = self.kinds.get(kind, (False, False))
        self.kinds[kind] = (had_area or area, had_point or point)

    def draw_neighbours(self) -> None:
        """Neighbouring villages, faint: what the frame shows of them."""
        frame, proj = self.frame, self.proj
        west, south = proj.lonlat(frame.x, frame.y)
        east, north = proj.lonlat(frame.x + frame.width, frame.top)
        outlines = village_outlines(
            session=self.session,
            bbox=(west, south, east, north),
            exclude=self.sheet.data.village.id,
        )
        for outline, geom in zip(outlines, load_wkb([o.geom for o in outlines]), strict=True):
            if geom is None or geom.is_empty:
                continue
            shape = proj.geometry(geom)
            _stroke_fill(self.canvas, shape, fill="#ffffff", fill_alpha=0.45)
            _stroke_fill(self.canvas, shape, stroke=NEIGHBOUR_LINE, width=0.6, dash=(3, 2))
            self.neighbours.append((outline.name, shape))

    def draw_grids(self) -> None:
        self.grids = {i: self.proj.geometry(g) for i, g in self.sheet.grids.items()}
        for shape in self.grids.values():
            _stroke_fill(self.canvas, shape, stroke=GRID_LINE, width=0.7, stroke_alpha=0.85)

    def draw_areas(self) -> None:
        """Danger zones drawn as areas, large first so small ones stay visible on top."""
        for zone_id, geom in self.sheet.zones.items():
            shape = self.proj.geometry(geom)
            if _is_area(shape):
                self.areas.append((zone_id, shape))
            else:
                centre = shape if shape.geom_type == "Point" else shape.centroid
                self.points.append((self.zones[zone_id], centre.x, centre.y))
        self.areas.sort(key=lambda item: -item[1].area)
        for zone_id, shape in self.areas:
            kind = self.zones[zone_id].kind
            colour, _symbol = _kind_style(kind)
            _stroke_fill(self.canvas, shape, fill=colour, fill_alpha=0.3)
            _stroke_fill(self.canvas, shape, stroke=colour, width=0.9, stroke_alpha=0.9)
            self._note_kind(kind, area=True)

    def draw_points(self) -> None:
        """Hazard points as their kind's symbol; areas too small to see get one as well."""
        for zone_id, shape in self.areas:
            x0, y0, x1, y1 = shape.bounds
            if max(x1 - x0, y1 - y0) < TINY_AREA:
                kind = self.zones[zone_id].kind
                colour, symbol = _kind_style(kind)
                centre = shape.centroid
                draw_symbol(self.canvas, symbol, centre.x, centre.y, POINT_RADIUS * 0.8, colour)
                self._note_kind(kind, point=True)
                r = POINT_RADIUS * 0.8
                self.labels.block((centre.x - r, centre.y - r, centre.x + r, centre.y + r))
            elif x1 - x0 < 15 * mm and y1 - y0 < 15 * mm:  # keep other labels off it
                self.labels.block((x0, y0, x1, y1))
        for zone, x, y in self.points:
            colour, symbol = _kind_style(zone.kind)
            draw_symbol(self.canvas, symbol, x, y, POINT_RADIUS, colour)
            self._note_kind(zone.kind, point=True)
            r = POINT_RADIUS
            self.labels.block((x - r, y - r, x + r, y + r))

    def draw_shelters(self) -> None:
        """Shelters in the frame as symbols; those beyond it as arrows at its edge."""
        frame, proj = self.frame, self.proj
        cx, cy = frame.x + frame.width / 2, frame.y + frame.height / 2
        inset = 5 * mm
        for shelter in self.sheet.data.shelters:
            geom = self.sheet.shelters.get(shelter.id)
            if geom is None:
                continue
            point = geom.centroid
            x, y = proj.xy(point.x, point.y)
            r = SHELTER_RADIUS
            if frame.x + r < x < frame.x + frame.width - r and frame.y + r < y < frame.top - r:
                draw_shelter(self.canvas, x, y)
                self.labels.block((x - r, y - r, x + r, y + r))
                self.shelters.append((shelter, x, y))
                continue
            # Where the line from the centre to the shelter leaves the (inset) frame.
            t = min(
                (frame.width / 2 - inset) / abs(x - cx) if x != cx else math.inf,
                (frame.height / 2 - inset) / abs(y - cy) if y != cy else math.inf,
            )
            ax, ay = cx + (x - cx) * t, cy + (y - cy) * t
            angle = math.atan2(y - cy, x - cx)
            draw_edge_arrow(self.canvas, ax, ay, angle)
            self.labels.block((ax - 3 * mm, ay - 3 * mm, ax + 3 * mm, ay + 3 * mm))
            self.arrows.append((shelter, ax, ay, angle, math.hypot(x - cx, y - cy) / proj.ppm))

    def place_labels(self) -> None:
        """Most important first: shelters, danger zones, then grids and neighbours where
        there is room."""
        labels = self.labels
        hei, song, kai = font_name("hei"), font_name("song"), font_name("kai")
        for shelter, x, y in self.shelters:
            labels.place(
                [shelter.name, _capacity_text(shelter.capacity)],
                hei,
                LABEL_SIZE,
                SHELTER_INK,
                _around_point(x, y, SHELTER_RADIUS),
                must=True,
            )
        for shelter, ax, ay, angle, distance in self.arrows:
            back = (ax - math.cos(angle) * 4 * mm, ay - math.sin(angle) * 4 * mm)
            rounded = round(distance, -2) if distance >= 1000 else round(distance, -1)
            text = (
                QCoreApplication.translate("Printing", "%1, %2 away")
                .replace("%1", _capacity_text(shelter.capacity))
                .replace("%2", distance_text(rounded))
            )
            labels.place(
                [shelter.name, text],
                hei,
                LABEL_SIZE,
                SHELTER_INK,
                _around_point(*back, 3 * mm),
                must=True,
            )
        for zone, x, y in self.points:
            labels.place(
                [zone.name], song, LABEL_SIZE, INK, _around_point(x, y, POINT_RADIUS), must=True
            )
        for zone_id, shape in sorted(self.areas, key=lambda item: item[1].area):
            x, y = _label_point(shape)
            lines = [self.zones[zone_id].name]
            labels.place(
                lines,
                song,
                LABEL_SIZE,
                INK,
                _around_area(x, y, shape, _text_size(lines, song, LABEL_SIZE)),
                must=True,
            )
        village_name = self.sheet.data.village.name
        for grid in self.sheet.data.grids:
            shape = self.grids.get(grid.id)
            if shape is None:
                continue
            x, y = _label_point(shape)
            labels.place(
                [_short(grid.name, village_name)],
                kai,
                LABEL_SIZE - 0.5,
                GRID_INK,
                [(x, y, "c"), (x, y + 3 * mm, "c"), (x, y - 3 * mm, "c")],
                must=False,
            )
        window = shapely.box(
            self.frame.x, self.frame.y, self.frame.x + self.frame.width, self.frame.top
        )
        for name, shape in self.neighbours:
            visible = shape.intersection(window)
            if visible.is_empty or visible.area < (12 * mm) ** 2:
                continue
            x, y = _label_point(visible)
            labels.place(
                [name],
                kai,
                LABEL_SIZE + 1,
                NEIGHBOUR_INK,
                [(x, y, "c"), (x, y + 4 * mm, "c"), (x, y - 4 * mm, "c")],
                must=False,
            )


def _draw_map(canvas: Canvas, session: Session, sheet: _Sheet, frame: Box, scale: float) -> _Legend:
    """The map frame: its content clipped to it, and its border."""
    box = _extent(sheet)
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(frame.x, frame.y, frame.width, frame.height)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.setFillColor(colors.HexColor(OUTSIDE_COLOUR))
    canvas.rect(frame.x, frame.y, frame.width, frame.height, stroke=0, fill=1)
    if box is None:
        canvas.setFont(font_name("song"), 11)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawCentredString(
            frame.x + frame.width / 2,
            frame.y + frame.height / 2,
            QCoreApplication.translate(
                "Printing", "The register has no map data for this village."
            ),
        )
        legend = _Legend({}, False, False, False, False, False)
    else:
        proj, ratio = _projection(box, frame, scale)
        legend = _MapDrawer(canvas, session, sheet, frame, proj, ratio).draw()
    canvas.restoreState()
    _frame(canvas, frame)
    return legend


def _frame(canvas: Canvas, frame: Box) -> None:
    canvas.saveState()
    canvas.setLineWidth(1)
    canvas.setStrokeColor(colors.black)
    canvas.rect(frame.x, frame.y, frame.width, frame.height, stroke=1, fill=0)
    canvas.restoreState()


# -- the side panel: legend and responsible persons ------------------------------------------


def _draw_side(
    canvas: Canvas, box: Box, legend: _Legend, rows: list[list[str]], masked: bool
) -> None:
    canvas.saveState()
    canvas.setLineWidth(1)
    canvas.rect(box.x, box.y, box.width, box.height, stroke=1, fill=0)
    canvas.restoreState()
    pad = 3 * mm
    top = box.top - pad
    entries = _legend_entries(legend)
    if entries:
        top = _draw_legend(canvas, entries, box.x + pad, top, box.width - 2 * pad) - 3 * mm
        canvas.saveState()
        canvas.setLineWidth(0.5)
        canvas.line(box.x, top, box.x + box.width, top)
        canvas.restoreState()
        top -= 3 * mm
    _draw_people(canvas, rows, box.x + pad, top, box.width - 2 * pad, top - (box.y + pad))


def _heading(canvas: Canvas, text: str, x: float, top: float, width: float) -> float:
    size = 11
    canvas.setFont(font_name("hei"), size)
    canvas.setFillColor(colors.black)
    canvas.drawCentredString(x + width / 2, top - size * 0.9, text)
    return top - size * 1.5


def _legend_entries(legend: _Legend) -> list[tuple[str, Any]]:
    """(label, how to draw its symbol) in the legend's order."""
    entries: list[tuple[str, Any]] = []
    for kind, (area, point) in legend.kinds.items():
        colour, symbol = _kind_style(kind)
        entries.append((label(DANGER_KINDS, kind), ("danger", colour, symbol, area, point)))
    if legend.shelters or legend.off_map:
        entries.append((QCoreApplication.translate("Printing", "Shelter"), ("shelter",)))
    if legend.off_map:
        entries.append(
            (QCoreApplication.translate("Printing", "Shelter beyond the map"), ("arrow",))
        )
    if legend.boundary:
        entries.append((QCoreApplication.translate("Printing", "Village boundary"), ("boundary",)))
    if legend.neighbours:
        entries.append(
            (QCoreApplication.translate("Printing", "Neighbouring village"), ("neighbour",))
        )
    if legend.grids:
        entries.append((QCoreApplication.translate("Printing", "Responsibility grid"), ("grid",)))
    return entries


def _legend_symbol(
    canvas: Canvas, how: Any, x: float, y: float, width: float, height: float
) -> None:
    kind = how[0]
    cy = y + height / 2
    canvas.saveState()
    if kind == "danger":
        _tag, colour, symbol, area, point = how
        if area:
            swatch = shapely.box(x, y + 0.5, x + (width / 2 if point else width), y + height - 0.5)
            _stroke_fill(canvas, swatch, fill=colour, fill_alpha=0.3)
            _stroke_fill(canvas, swatch, stroke=colour, width=0.9, stroke_alpha=0.9)
        if point:
            sx = x + width * 0.75 if area else x + width / 2
            draw_symbol(canvas, symbol, sx, cy, POINT_RADIUS * 0.8, colour)
    elif kind == "shelter":
        draw_shelter(canvas, x + width / 2, cy, SHELTER_RADIUS * 0.85)
    elif kind == "arrow":
        draw_edge_arrow(canvas, x + width / 2, cy, 0.0, 2.4 * mm)
    elif kind == "boundary":
        canvas.setLineWidth(1.5)
        canvas.setStrokeColor(colors.HexColor(BOUNDARY_COLOUR))
        canvas.line(x, cy, x + width, cy)
    elif kind == "neighbour":
        canvas.setLineWidth(0.6)
        canvas.setDash([3, 2])
        canvas.setStrokeColor(colors.HexColor(NEIGHBOUR_LINE))
        canvas.line(x, cy, x + width, cy)
    elif kind == "grid":
        canvas.setLineWidth(0.7)
        canvas.setStrokeAlpha(0.85)
        canvas.setStrokeColor(colors.HexColor(GRID_LINE))
        canvas.rect(x + 0.5, y + 0.5, width - 1, height - 1, stroke=1, fill=0)
    canvas.restoreState()


def _draw_legend(
    canvas: Canvas, entries: list[tuple[str, Any]], x: float, top: float, width: float
) -> float:
    """The legend, in two columns when its labels fit; returns where it ends."""
    top = _heading(canvas, QCoreApplication.translate("Printing", "Legend"), x, top, width)
    face = font_name("song")
    symbol_w, symbol_h = 9 * mm, 4.2 * mm
    row = 6 * mm

    def fitting(columns: int, smallest: float) -> float | None:
        room = width / columns - symbol_w - 2 * mm
        size = 9.0
        while size >= smallest:
            if all(pdfmetrics.stringWidth(text, face, size) <= room for text, _ in entries):
                return size
            size -= 0.5
        return None

    # Two columns while the labels fit in them at a readable size, else one.
    columns = 2
    size = fitting(2, 7.5)
    if size is None:
        columns, size = 1, fitting(1, 5.5) or 5.5
    column = width / columns
    rows = math.ceil(len(entries) / columns)
    for index, (text, how) in enumerate(entries):
        col, line = divmod(index, rows)
        left = x + col * column
        y = top - (line + 1) * row + (row - symbol_h) / 2
        _legend_symbol(canvas, how, left, y, symbol_w, symbol_h)
        canvas.setFont(face, size)
        canvas.setFillColor(colors.black)
        canvas.drawString(left + symbol_w + 1.5 * mm, y + symbol_h / 2 - size * 0.35, text)
    return top - rows * row


def _person_rows(data: VillageMap) -> list[list[str]]:
    """The table of responsible persons: section rows (one cell) and person rows."""
    rows: list[list[str]] = []
    if data.members:
        rows.append([QCoreApplication.translate("Printing", "Village flood working group")])
        order = list(WORKING_GROUP_POSTS)
        members = sorted(
            data.members,
            key=lambda m: (order.index(m.post) if m.post in order else len(order), m.id),
        )
        rows += [[label(WORKING_GROUP_POSTS, m.post), m.name, m.phone or ""] for m in members]
    if data.grids:
        rows.append([QCoreApplication.translate("Printing", "Grid leaders")])
        rows += [
            [_short(g.name, data.village.name), g.person_name, g.person_phone or ""]
            for g in data.grids
        ]
    managed = [s for s in data.shelters if s.manager_name or s.manager_phone]
    if managed:
        rows.append([QCoreApplication.translate("Printing", "Shelter managers")])
        rows += [[s.name, s.manager_name or "", s.manager_phone or ""] for s in managed]
    return rows


def _draw_people(
    canvas: Canvas, rows: list[list[str]], x: float, top: float, width: float, height: float
) -> None:
    top = _heading(
        canvas, QCoreApplication.translate("Printing", "Responsible persons"), x, top, width
    )
    height -= 11 * 1.5
    if not rows:
        return
    header = [
        QCoreApplication.translate("Printing", "Duty"),
        QCoreApplication.translate("Printing", "Name"),
        QCoreApplication.translate("Printing", "Phone"),
    ]
    shown = list(rows)
    for size in (10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6, 5.5):
        table = _people_table(header, shown, width, size)
        _w, needed = table.wrap(width, height)
        if needed <= height:
            break
        if size == 5.5:  # still too tall at the smallest type: drop rows from the end
            while needed > height and len(shown) > 1:
                shown.pop()
                more = QCoreApplication.translate("Printing", "%1 more not shown").replace(
                    "%1", str(len(rows) - len(shown))
                )
                table = _people_table(header, [*shown, [more]], width, size)
                _w, needed = table.wrap(width, height)
            break
    table.drawOn(canvas, x, top - needed)


def _people_table(header: list[str], rows: list[list[str]], width: float, size: float) -> Table:
    song, hei = font_name("song"), font_name("hei")
    cell = ParagraphStyle(
        "person", fontName=song, fontSize=size, leading=size * 1.2, wordWrap="CJK"
    )
    head = ParagraphStyle("person_head", parent=cell, fontName=hei, alignment=1)
    section = ParagraphStyle("person_section", parent=cell, fontName=hei)
    data: list[list[Any]] = [[Paragraph(escape(text), head) for text in header]]
    commands: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("FONTNAME", (0, 0), (-1, -1), song),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF6")),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8),
    ]
    for number, row in enumerate(rows, start=1):
        if len(row) == 1:
            data.append([Paragraph(escape(row[0]), section), "", ""])
            commands += [
                ("SPAN", (0, number), (-1, number)),
                ("BACKGROUND", (0, number), (-1, number), colors.HexColor("#F3F3F3")),
            ]
        else:
            data.append([Paragraph(escape(value), cell) for value in row])
    phone = pdfmetrics.stringWidth("13800000000", song, size) + 5
    name = pdfmetrics.stringWidth("欧阳晓明", song, size) + 5
    table = Table(data, colWidths=[width - phone - name, name, phone])
    table.setStyle(TableStyle(commands))
    return table


def _draw_footer(canvas: Canvas, box: Box, unit: str, date: str, masked: bool) -> None:
    face = font_name("song")
    canvas.setFillColor(colors.black)
    canvas.setFont(face, 10)
    canvas.drawString(box.x, box.y + 1.5 * mm, f"制图单位：{unit}　　制图日期：{date}")
    if masked:
        canvas.setFont(face, 7.5)
        canvas.drawRightString(
            box.x + box.width,
            box.y + 1.5 * mm,
            QCoreApplication.translate(
                "Printing", "Mobiles are masked: your role may not see them in full."
            ),
        )
