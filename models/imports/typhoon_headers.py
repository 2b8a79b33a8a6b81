"""Header labels of typhoon tracks as archives and bulletins write them.

Best-track archives, agency bulletins and the tables people make from them label
their columns in English with units and separators: ``Time_UTC``, ``Lat(N)``,
``Lon_E``, ``Pressure (hPa)``, ``Wind_speed_m/s``, ``Vmax (kt)``, ``R7_NE_km``,
``R10 SE (km)``, ``radius_7_ne``, ``R30_NE (nmi)``. A label is split into words,
its units taken out, and what remains matched against the words of each column;
the label then stands for the import's own column, with the unit its values are in.

Wind thresholds in knots name the Chinese wind forces as China's bulletins do:
30 kt the force-7 circle, 50 kt force 10, 64 kt force 12. A 34-kt radius (JTWC and
IBTrACS ``R34``) is the force-8 gale and is not read as force 7.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, tzinfo

from models.imports.spreadsheet import half_width
from models.typhoons import BEIJING

KM_PER_NAUTICAL_MILE = 1.852
MS_PER_KNOT = 0.514444


@dataclass(frozen=True, slots=True)
class Header:
    """What a label names: the import's column key, and how to read its values."""

    key: str  # time, lon, lat, pressure, wind, r7, r7_ne, ...
    scale: float = 1.0  # multiply read numbers by this (nautical miles to km, knots to m/s)
    zone: tzinfo | None = None  # times without an offset are in this zone (None: Beijing)


_WORD = re.compile(r"[a-z]+|\d+(?:\.\d+)?|°[a-z]?|[\u4e00-\u9fff]+")

# Units and words that only say how a value is written.
_KM = {"km", "公里", "千米"}
_NMI = {"nmi", "nm", "海里", "nmile", "nmiles"}
_KNOTS = {"kt", "kts", "knot", "knots", "节"}
_MS = {"mps", "ms", "米秒"}
_PRESSURE_UNITS = {"hpa", "mb", "mbar", "百帕"}
_DEGREES = {"deg", "degree", "degrees", "°", "°n", "°e", "度"}
_UTC = {"utc", "gmt", "z", "世界时"}
_BEIJING = {"bjt", "bj", "cst", "北京时", "北京时间", "beijing"}

_QUADRANTS = {
    "ne": "ne",
    "northeast": "ne",
    "东北": "ne",
    "se": "se",
    "southeast": "se",
    "东南": "se",
    "sw": "sw",
    "southwest": "sw",
    "西南": "sw",
    "nw": "nw",
    "northwest": "nw",
    "西北": "nw",
}
_FORCE_NUMBERS = {"7": 7, "10": 10, "12": 12}
_KNOT_THRESHOLDS = {"30": 7, "50": 10, "64": 12}
_RADIUS_WORDS = {"r", "rad", "radius", "radii", "风圈", "风圈半径", "半径"}
_FILLERS = {"force", "level", "grade", "bf", "beaufort", "wind", "winds", "级", "of", "the"}

_SIMPLE: dict[str, set[tuple[str, ...]]] = {
    "time": {
        ("time",),
        ("datetime",),
        ("date", "time"),
        ("iso", "time"),
        ("isotime",),
        ("timestamp",),
        ("valid", "time"),
        ("obs", "time"),
        ("observation", "time"),
        ("time", "stamp"),
        ("date",),
        ("时间",),
    },
    "lat": {("lat",), ("latitude",), ("center", "lat"), ("centre", "lat"), ("纬度",)},
    "lon": {
        ("lon",),
        ("lng",),
        ("long",),
        ("longitude",),
        ("center", "lon"),
        ("centre", "lon"),
        ("经度",),
    },
    "pressure": {
        ("pressure",),
        ("pres",),
        ("mslp",),
        ("min", "pressure"),
        ("minimum", "pressure"),
        ("central", "pressure"),
        ("center", "pressure"),
        ("centre", "pressure"),
        ("气压",),
        ("中心气压",),
    },
    "wind": {
        ("wind",),
        ("wind", "speed"),
        ("windspeed",),
        ("max", "wind"),
        ("maxwind",),
        ("max", "wind", "speed"),
        ("maximum", "wind"),
        ("maximum", "wind", "speed"),
        ("max", "sustained", "wind"),
        ("vmax",),
        ("usa", "wind"),
        ("最大风速",),
        ("近中心最大风速",),
    },
    "forecast": {("forecast",), ("is", "forecast"), ("obs", "forecast"), ("kind",)},
    "code": {("code",), ("typhoon", "code"), ("storm", "code"), ("tc", "code"), ("typhoon", "no")},
    "name": {("name",), ("typhoon", "name"), ("storm", "name"), ("tc", "name")},
}
_SIMPLE_KEYS = {words: key for key, forms in _SIMPLE.items() for words in forms}


def _words(label: str) -> list[str]:
    text = half_width(label).lower().replace("m/s", " mps ").replace("米/秒", " 米秒 ")
    return _WORD.findall(text)


def read_header(label: str) -> Header | None:
    """The column a label names, or None when it names none the import reads."""
    words = _words(label)
    if not words:
        return None
    scale, zone = 1.0, None
    rest: list[str] = []
    for word in words:
        if word in _KM or word in _MS or word in _PRESSURE_UNITS or word in _DEGREES:
            continue
        if word in _NMI:
            scale = KM_PER_NAUTICAL_MILE
        elif word in _KNOTS:
            scale = MS_PER_KNOT
        elif word in _UTC:
            zone = UTC
        elif word in _BEIJING:
            zone = BEIJING
        elif word == "0.1":
            scale = 0.1  # positions in tenths of a degree, as the CMA archive writes them
        else:
            rest.append(word)
    radius = _radius(rest, knots=scale == MS_PER_KNOT)
    if radius is not None:
        scale = KM_PER_NAUTICAL_MILE if scale == KM_PER_NAUTICAL_MILE else 1.0
    key = radius or _simple(rest)
    if key is None:
        return None
    if key not in ("lat", "lon", "wind") and not key.startswith("r"):
        scale = 1.0
    if key != "time":
        zone = None
    elif zone is None and rest in (["iso", "time"], ["isotime"]):
        zone = UTC  # IBTrACS: ISO_TIME in UTC
    return Header(key, scale, zone)


def _simple(words: list[str]) -> str | None:
    found = _SIMPLE_KEYS.get(tuple(words))
    if found is not None:
        return found
    # A hemisphere letter after a position: Lat(N), Lon_E, LAT_N.
    if len(words) == 2 and (words[0], words[1]) in (
        ("lat", "n"),
        ("latitude", "n"),
        ("lon", "e"),
        ("long", "e"),
        ("lng", "e"),
        ("longitude", "e"),
    ):
        return _SIMPLE_KEYS[(words[0],)]
    return None


def _radius(words: list[str], *, knots: bool) -> str | None:
    """``r7_ne`` for R7_NE, radius_7_ne, r10 se, R30_NE (30 kt): force and quadrant."""
    force: int | None = None
    quadrant: str | None = None
    named_radius = False
    for word in words:
        if word in _RADIUS_WORDS:
            named_radius = True
        elif word in _QUADRANTS and quadrant is None:
            quadrant = _QUADRANTS[word]
        elif word in _FORCE_NUMBERS and force is None and not knots:
            force = _FORCE_NUMBERS[word]
        elif word in _KNOT_THRESHOLDS and force is None:
            force = _KNOT_THRESHOLDS[word]
        elif word in _FILLERS:
            continue
        else:
            return None
    if not named_radius or force is None:
        return None
    return f"r{force}_{quadrant}" if quadrant else f"r{force}"
