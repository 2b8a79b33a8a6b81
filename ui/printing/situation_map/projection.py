"""What one situation map draws and where it lies on the sheet.

The projection is equirectangular scaled by the cosine of the central latitude (a
village is a few kilometres across: no visible distortion); the scale is rounded to a
round ratio and the scale bar measures it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication
from shapely.geometry.base import BaseGeometry

from maps.geometry import load_wkb
from models.areas import ShelterRow
from models.messages import fill
from models.village_map import VillageMap
from ui.printing.layout import Box

METRES_PER_DEGREE = 6_371_008.8 * math.pi / 180  # mean Earth radius
POINTS_PER_METRE = 72 / 0.0254  # on paper
NICE_RATIOS = (1, 1.2, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 7.5, 8, 9)
PAD = 0.06  # of the features' extent, around it
REACH = 0.6  # shelters elsewhere within this share of the extent's size widen the map
SIMPLIFY_POINTS = 0.2  # about 0.07 mm


@dataclass(frozen=True)
class Projection:
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
        return fill(QCoreApplication.translate("Printing", "%1 km"), f"{metres / 1000:g}")
    return fill(QCoreApplication.translate("Printing", "%1 m"), f"{metres:g}")


def load_geometries(blobs: dict[int, bytes], ids: Sequence[int]) -> dict[int, BaseGeometry]:
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


@dataclass
class Sheet:
    """What one situation map draws, gathered before drawing."""

    data: VillageMap
    village_shape: BaseGeometry | None
    grids: dict[int, BaseGeometry]
    zones: dict[int, BaseGeometry]
    shelters: dict[int, BaseGeometry]


def extent(sheet: Sheet) -> tuple[float, float, float, float] | None:
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


def _shelter(sheet: Sheet, shelter_id: int) -> ShelterRow:
    return next(s for s in sheet.data.shelters if s.id == shelter_id)


def projection_for(
    box: tuple[float, float, float, float], frame: Box, scale: float
) -> tuple[Projection, int]:
    """The projection that shows ``box`` (padded) in ``frame`` at a round ratio."""
    lon0, lat0 = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    width, height = _metres(box, lat0)
    width = max(width, 200.0) * (1 + 2 * PAD)
    height = max(height, 200.0) * (1 + 2 * PAD)
    ppm = min(frame.width / width, frame.height / height)  # design points per metre
    ratio = nice_ratio(POINTS_PER_METRE / (ppm * scale))
    ppm = POINTS_PER_METRE / (ratio * scale)
    return Projection(lon0, lat0, ppm, frame.x + frame.width / 2, frame.y + frame.height / 2), ratio
