"""The map's furniture: scale bar, north arrow, and the legend of what the map drew."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import shapely
from PySide6.QtCore import QCoreApplication
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from models.labels import DANGER_KINDS, label
from models.messages import fill
from ui.printing.layout import font_name
from ui.printing.situation_map.labels import Rect
from ui.printing.situation_map.projection import distance_text, scale_bar_length
from ui.printing.situation_map.symbols import (
    BOUNDARY_COLOUR,
    GRID_LINE,
    NEIGHBOUR_LINE,
    POINT_RADIUS,
    SHELTER_RADIUS,
    draw_edge_arrow,
    draw_shelter,
    draw_symbol,
    kind_style,
    stroke_fill,
)


@dataclass(frozen=True)
class Legend:
    kinds: dict[str, tuple[bool, bool]]  # kind -> (areas drawn, point symbols drawn)
    boundary: bool
    neighbours: bool
    grids: bool
    shelters: bool
    off_map: bool


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
    ratio_text = fill(QCoreApplication.translate("Printing", "Scale 1:%1"), str(ratio))
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


def heading(canvas: Canvas, text: str, x: float, top: float, width: float) -> float:
    """A side panel heading centred in ``width``; returns where the content below starts."""
    size = 11
    canvas.setFont(font_name("hei"), size)
    canvas.setFillColor(colors.black)
    canvas.drawCentredString(x + width / 2, top - size * 0.9, text)
    return top - size * 1.5


def legend_entries(legend: Legend) -> list[tuple[str, Any]]:
    """(label, how to draw its symbol) in the legend's order."""
    entries: list[tuple[str, Any]] = []
    for kind, (area, point) in legend.kinds.items():
        colour, symbol = kind_style(kind)
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
            stroke_fill(canvas, swatch, fill=colour, fill_alpha=0.3)
            stroke_fill(canvas, swatch, stroke=colour, width=0.9, stroke_alpha=0.9)
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


def draw_legend(
    canvas: Canvas, entries: list[tuple[str, Any]], x: float, top: float, width: float
) -> float:
    """The legend, in two columns when its labels fit; returns where it ends."""
    top = heading(canvas, QCoreApplication.translate("Printing", "Legend"), x, top, width)
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
