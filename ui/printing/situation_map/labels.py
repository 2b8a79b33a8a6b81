"""Labels on the map that do not overlap each other, the symbols or the map's furniture."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import shapely
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from ui.printing.layout import Box

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


class Labeller:
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


def around_point(x: float, y: float, r: float) -> list[tuple[float, float, str]]:
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


def around_area(
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


def text_size(lines: Sequence[str], face: str, size: float) -> tuple[float, float]:
    return (
        max(pdfmetrics.stringWidth(line, face, size) for line in lines),
        size * 1.15 * len(lines),
    )


def label_point(shape: BaseGeometry) -> tuple[float, float]:
    """Where an area's label goes: the pole of inaccessibility of its largest part."""
    parts = [p for p in shapely.get_parts(shape) if p.geom_type == "Polygon"]
    if not parts:
        centre = shape.centroid
        return centre.x, centre.y
    largest = max(parts, key=lambda p: p.area)
    point = polylabel(largest, tolerance=max(math.sqrt(largest.area) / 50, 0.1))
    return point.x, point.y
