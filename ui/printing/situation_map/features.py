"""The map frame: the village, its neighbours, grids, danger zones and shelters, labelled."""

from __future__ import annotations

import math

import shapely
from PySide6.QtCore import QCoreApplication
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from shapely.geometry.base import BaseGeometry
from sqlalchemy.orm import Session

from maps.geometry import load_wkb
from models.areas import DangerZoneRow, ShelterRow
from models.labels import DANGER_KINDS
from models.messages import fill
from models.village_map import village_outlines
from ui.printing.layout import Box, font_name
from ui.printing.situation_map.labels import (
    Labeller,
    around_area,
    around_point,
    label_point,
    text_size,
)
from ui.printing.situation_map.legend import Legend, draw_north_arrow, draw_scale_bar
from ui.printing.situation_map.projection import (
    Projection,
    Sheet,
    distance_text,
    extent,
    projection_for,
)
from ui.printing.situation_map.symbols import (
    BOUNDARY_COLOUR,
    GRID_INK,
    GRID_LINE,
    INK,
    LABEL_SIZE,
    NEIGHBOUR_INK,
    NEIGHBOUR_LINE,
    OUTSIDE_COLOUR,
    POINT_RADIUS,
    SHELTER_INK,
    SHELTER_RADIUS,
    draw_edge_arrow,
    draw_shelter,
    draw_symbol,
    kind_style,
    stroke_fill,
)

TINY_AREA = 2.5 * mm  # an area smaller than this on paper also gets its kind's symbol


def _is_area(shape: BaseGeometry) -> bool:
    return shape.geom_type in ("Polygon", "MultiPolygon")


def short_name(name: str, village: str) -> str:
    """A grid's name without its village's (第1网格 on the village's own sheet)."""
    return name[len(village) :] if name.startswith(village) and len(name) > len(village) else name


def _capacity_text(capacity: int) -> str:
    return fill(QCoreApplication.translate("Printing", "Capacity %1 persons"), str(capacity))


class _MapDrawer:
    """Draws the map frame's content, bottom to top, then the labels over it all."""

    def __init__(
        self,
        canvas: Canvas,
        session: Session,
        sheet: Sheet,
        frame: Box,
        proj: Projection,
        ratio: int,
    ) -> None:
        self.canvas, self.session, self.sheet, self.frame = canvas, session, sheet, frame
        self.proj, self.ratio = proj, ratio
        self.labels = Labeller(frame)
        self.zones = {z.id: z for z in sheet.data.zones}
        self.kinds: dict[str, tuple[bool, bool]] = {}
        self.neighbours: list[tuple[str, BaseGeometry]] = []
        self.grids: dict[int, BaseGeometry] = {}
        self.areas: list[tuple[int, BaseGeometry]] = []
        self.points: list[tuple[DangerZoneRow, float, float]] = []
        self.shelters: list[tuple[ShelterRow, float, float]] = []
        self.arrows: list[tuple[ShelterRow, float, float, float, float]] = []

    def draw(self) -> Legend:
        self.draw_neighbours()
        village = (
            self.proj.geometry(self.sheet.village_shape)
            if self.sheet.village_shape is not None
            else None
        )
        if village is not None:
            stroke_fill(self.canvas, village, fill="#ffffff")
        self.draw_grids()
        self.draw_areas()
        if village is not None:  # the boundary over the areas, with a white halo
            stroke_fill(self.canvas, village, stroke="#ffffff", width=3.2, stroke_alpha=0.8)
            stroke_fill(self.canvas, village, stroke=BOUNDARY_COLOUR, width=1.5)
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
        return Legend(
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
            stroke_fill(self.canvas, shape, fill="#ffffff", fill_alpha=0.45)
            stroke_fill(self.canvas, shape, stroke=NEIGHBOUR_LINE, width=0.6, dash=(3, 2))
            self.neighbours.append((outline.name, shape))

    def draw_grids(self) -> None:
        self.grids = {i: self.proj.geometry(g) for i, g in self.sheet.grids.items()}
        for shape in self.grids.values():
            stroke_fill(self.canvas, shape, stroke=GRID_LINE, width=0.7, stroke_alpha=0.85)

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
            colour, _symbol = kind_style(kind)
            stroke_fill(self.canvas, shape, fill=colour, fill_alpha=0.3)
            stroke_fill(self.canvas, shape, stroke=colour, width=0.9, stroke_alpha=0.9)
            self._note_kind(kind, area=True)

    def draw_points(self) -> None:
        """Hazard points as their kind's symbol; areas too small to see get one as well."""
        for zone_id, shape in self.areas:
            x0, y0, x1, y1 = shape.bounds
            if max(x1 - x0, y1 - y0) < TINY_AREA:
                kind = self.zones[zone_id].kind
                colour, symbol = kind_style(kind)
                centre = shape.centroid
                draw_symbol(self.canvas, symbol, centre.x, centre.y, POINT_RADIUS * 0.8, colour)
                self._note_kind(kind, point=True)
                r = POINT_RADIUS * 0.8
                self.labels.block((centre.x - r, centre.y - r, centre.x + r, centre.y + r))
            elif x1 - x0 < 15 * mm and y1 - y0 < 15 * mm:  # keep other labels off it
                self.labels.block((x0, y0, x1, y1))
        for zone, x, y in self.points:
            colour, symbol = kind_style(zone.kind)
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
                around_point(x, y, SHELTER_RADIUS),
                must=True,
            )
        for shelter, ax, ay, angle, distance in self.arrows:
            back = (ax - math.cos(angle) * 4 * mm, ay - math.sin(angle) * 4 * mm)
            rounded = round(distance, -2) if distance >= 1000 else round(distance, -1)
            text = fill(
                QCoreApplication.translate("Printing", "%1, %2 away"),
                _capacity_text(shelter.capacity),
                distance_text(rounded),
            )
            labels.place(
                [shelter.name, text],
                hei,
                LABEL_SIZE,
                SHELTER_INK,
                around_point(*back, 3 * mm),
                must=True,
            )
        for zone, x, y in self.points:
            labels.place(
                [zone.name], song, LABEL_SIZE, INK, around_point(x, y, POINT_RADIUS), must=True
            )
        for zone_id, shape in sorted(self.areas, key=lambda item: item[1].area):
            x, y = label_point(shape)
            lines = [self.zones[zone_id].name]
            labels.place(
                lines,
                song,
                LABEL_SIZE,
                INK,
                around_area(x, y, shape, text_size(lines, song, LABEL_SIZE)),
                must=True,
            )
        village_name = self.sheet.data.village.name
        for grid in self.sheet.data.grids:
            shape = self.grids.get(grid.id)
            if shape is None:
                continue
            x, y = label_point(shape)
            labels.place(
                [short_name(grid.name, village_name)],
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
            x, y = label_point(visible)
            labels.place(
                [name],
                kai,
                LABEL_SIZE + 1,
                NEIGHBOUR_INK,
                [(x, y, "c"), (x, y + 4 * mm, "c"), (x, y - 4 * mm, "c")],
                must=False,
            )


def draw_map(canvas: Canvas, session: Session, sheet: Sheet, frame: Box, scale: float) -> Legend:
    """The map frame: its content clipped to it, and its border."""
    box = extent(sheet)
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
        legend = Legend({}, False, False, False, False, False)
    else:
        proj, ratio = projection_for(box, frame, scale)
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
