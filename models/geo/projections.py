"""Coordinates of imported data, from the system they came in to stored longitude-latitude.

County data arrives in geographic WGS84 or CGCS2000 (equal for our purposes),
in GCJ-02 (Amap, Tencent) or BD-09 (Baidu) copied from web maps, or in a
projected CGCS2000 Gauss-Krüger zone from the county GIS office. The latter are
EPSG:4491-4554; for a county near 121.4°E (Wenling) the 3-degree zone with
central meridian 120°E is EPSG:4549 (easting without zone prefix, about 637 km)
or EPSG:4528 ("zone 40", the same easting with 40 000 000 added). Anything else
pyproj knows by EPSG code works too (Beijing 1954, Xi'an 1980, Web Mercator...).

Everything works on arrays: ``to_lonlat`` converts a whole array of shapely
geometries in one ``shapely.transform`` call. GCJ-02 and BD-09 go through
``models.geo.crs.to_wgs84`` point by point (each distinct point once). No Qt here:
failures raise :class:`CrsError` with a code the caller turns into a message.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely

from models.geo.crs import BD09, CGCS2000, GCJ02, WGS84, normalise_crs, to_wgs84

if TYPE_CHECKING:
    import pyproj

Extent = tuple[float, float, float, float]
"""(min_lon, min_lat, max_lon, max_lat)."""

CHINA_EXTENT: Extent = (73.0, 3.0, 136.0, 54.0)
"""China with a margin (the register's LON_RANGE and LAT_RANGE): a point outside is a mistake."""

GEOGRAPHIC_KEYS = (WGS84, CGCS2000, GCJ02, BD09)

# CGCS2000 Gauss-Krüger EPSG codes: 6-degree zones 13-23 with the zone number in
# front of the easting, then the same by central meridian without it; likewise
# the 3-degree zones 25-45.
GK6_ZONE_FIRST, GK6_CM_FIRST = 4491, 4502  # zone 13 / CM 75°E ... zone 23 / CM 135°E
GK3_ZONE_FIRST, GK3_CM_FIRST = 4513, 4534  # zone 25 / CM 75°E ... zone 45 / CM 135°E
GK_RANGE = range(4491, 4555)


class CrsError(ValueError):
    """A coordinate system that cannot be used.

    ``reason`` is ``"unknown"`` (not a name or EPSG code we or pyproj know),
    ``"unidentified"`` (a valid definition, as in a .prj, without an EPSG code:
    ``name`` says what it calls itself) or ``"unreadable"`` (not a definition).
    """

    def __init__(self, reason: str, text: str, name: str = "") -> None:
        super().__init__(f"{reason} coordinate system: {name or text}")
        self.reason = reason
        self.text = text
        self.name = name


@dataclass(frozen=True)
class SourceCrs:
    """The coordinate system data was given in: one of ``GEOGRAPHIC_KEYS`` or ``EPSG:NNNN``."""

    key: str
    name: str
    projected: bool = False

    @property
    def epsg(self) -> int | None:
        return int(self.key[5:]) if self.key.startswith("EPSG:") else None

    @property
    def identity(self) -> bool:
        """Stored as given: WGS84 or CGCS2000 longitude-latitude."""
        return self.key in (WGS84, CGCS2000)

    def __str__(self) -> str:
        return self.key


_NAMES = {
    WGS84: "WGS84",
    CGCS2000: "CGCS2000 (EPSG:4490)",
    GCJ02: "GCJ-02",
    BD09: "BD-09",
}
_EPSG_TEXT = re.compile(r"^(?:epsg)?\s*:{0,2}\s*(\d{4,6})$", re.IGNORECASE)


def _named(key: str) -> SourceCrs:
    return SourceCrs(key, _NAMES[key])


def _from_epsg(code: int, text: str) -> SourceCrs:
    if code == 4326:
        return _named(WGS84)
    if code == 4490:
        return _named(CGCS2000)
    import pyproj
    from pyproj.exceptions import CRSError

    try:
        crs = pyproj.CRS.from_epsg(code)
    except CRSError:
        raise CrsError("unknown", text) from None
    return SourceCrs(f"EPSG:{code}", crs.name, projected=crs.is_projected)


def _identify(crs: pyproj.CRS, text: str) -> SourceCrs:
    """The EPSG code of a parsed definition (OGC CRS84 counts as WGS84)."""
    if crs.to_string() == "OGC:CRS84":
        return _named(WGS84)
    code = crs.to_epsg(min_confidence=70)
    if code is None:
        raise CrsError("unidentified", text, crs.name)
    return _from_epsg(code, text)


def parse_crs(text: str | None) -> SourceCrs:
    """The coordinate system a user stated: wgs84, cgcs2000, gcj02, bd09 (and their
    spellings, see ``models.geo.crs.normalise_crs``), ``EPSG:NNNN`` or a bare EPSG number.

    None or blank means WGS84. Raises CrsError.
    """
    if text is None or not text.strip():
        return _named(WGS84)
    text = text.strip()
    match = _EPSG_TEXT.match(text)
    if match:
        return _from_epsg(int(match.group(1)), text)
    try:
        return _named(normalise_crs(text))
    except ValueError:
        pass
    import pyproj
    from pyproj.exceptions import CRSError

    try:
        crs = pyproj.CRS.from_user_input(text)
    except CRSError:
        raise CrsError("unknown", text) from None
    return _identify(crs, text)


def crs_from_wkt(wkt: str) -> SourceCrs:
    """The coordinate system of a Shapefile's .prj (ESRI or OGC WKT). Raises CrsError."""
    import pyproj
    from pyproj.exceptions import CRSError

    text = wkt.strip().lstrip("\ufeff")
    if not text:
        raise CrsError("unreadable", wkt)
    try:
        crs = pyproj.CRS.from_wkt(text)
    except CRSError:
        raise CrsError("unreadable", wkt) from None
    return _identify(crs, text)


def crs_from_geojson(member: Any) -> SourceCrs | None:
    """The coordinate system named by a GeoJSON (2008) ``crs`` member; None when absent.

    RFC 7946 dropped the member, but GIS software still writes it for projected data
    (``{"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4549"}}``).
    """
    if not isinstance(member, dict):
        return None
    properties = member.get("properties")
    name = properties.get("name") if isinstance(properties, dict) else None
    if not isinstance(name, str) or not name.strip():
        return None
    return parse_crs(name)


# -- converting -----------------------------------------------------------------------


@lru_cache(maxsize=32)
def _transformer(key: str) -> pyproj.Transformer:
    """Cached: building a transformer reads the PROJ database (pyproj >= 3.1 makes
    transformers safe to share between threads)."""
    import pyproj

    return pyproj.Transformer.from_crs(key, "EPSG:4326", always_xy=True)


def _pointwise(
    function: Callable[[float, float], tuple[float, float]],
) -> Callable[[np.ndarray], np.ndarray]:
    def convert(coords: np.ndarray) -> np.ndarray:
        if not len(coords):
            return coords
        # Neighbouring polygons share their borders: convert each distinct point once.
        unique, inverse = np.unique(coords, axis=0, return_inverse=True)
        out = np.array([function(float(x), float(y)) for x, y in unique], dtype=float)
        return out[inverse.reshape(-1)]

    return convert


def converter(crs: SourceCrs) -> Callable[[np.ndarray], np.ndarray]:
    """A function from an (N, 2) array of coordinates in ``crs`` to WGS84 lon-lat.

    Points pyproj cannot convert come out as inf.
    """
    if crs.identity:
        return lambda coords: coords
    if crs.key in (GCJ02, BD09):
        key = crs.key
        return _pointwise(lambda x, y: to_wgs84(x, y, key))
    transformer = _transformer(crs.key)

    def project(coords: np.ndarray) -> np.ndarray:
        if not len(coords):
            return coords
        x, y = transformer.transform(coords[:, 0], coords[:, 1], errcheck=False)
        return np.column_stack([x, y])

    return project


def transform_coords(coords: np.ndarray, crs: SourceCrs) -> np.ndarray:
    """An (N, 2) array of coordinates in ``crs`` as WGS84 lon-lat."""
    return converter(crs)(np.asarray(coords, dtype=float).reshape(-1, 2))


def to_lonlat(geometries: Any, crs: SourceCrs) -> Any:
    """Geometries (one, or an array; None stays None) in ``crs`` as WGS84 lon-lat, 2D."""
    flat = shapely.force_2d(geometries)
    if crs.identity:
        return flat
    return shapely.transform(flat, converter(crs))


def swap_xy(geometries: Any) -> Any:
    return shapely.transform(geometries, lambda coords: coords[:, ::-1])


# -- checking -------------------------------------------------------------------------


def within_extent(geometries: np.ndarray, extent: Extent = CHINA_EXTENT) -> np.ndarray:
    """Per geometry: whether its bounds are finite and inside ``extent`` (None: False)."""
    bounds = shapely.bounds(np.asarray(geometries, dtype=object))
    with np.errstate(invalid="ignore"):
        return (
            np.isfinite(bounds).all(axis=1)
            & (bounds[:, 0] >= extent[0])
            & (bounds[:, 1] >= extent[1])
            & (bounds[:, 2] <= extent[2])
            & (bounds[:, 3] <= extent[3])
        )


def swapped(source: np.ndarray, crs: SourceCrs, extent: Extent = CHINA_EXTENT) -> np.ndarray:
    """Per geometry in source coordinates: whether it lands outside ``extent`` as given but
    inside with its two coordinates exchanged (latitude before longitude; in a projection,
    northing before easting). In China longitude is the larger number of a pair."""
    source = np.asarray(source, dtype=object)
    result = np.zeros(len(source), dtype=bool)
    present = ~shapely.is_missing(source) & ~shapely.is_empty(source)
    if not present.any():
        return result
    outside = present & ~within_extent(to_lonlat(source, crs), extent)
    if outside.any():
        exchanged = to_lonlat(swap_xy(source[outside]), crs)
        result[outside] = within_extent(exchanged, extent)
    return result


def looks_projected(bounds: Extent) -> bool:
    """Coordinates beyond ±180/±90: metres of a projection, not degrees."""
    min_x, min_y, max_x, max_y = bounds
    return max(abs(min_x), abs(max_x)) > 180 or max(abs(min_y), abs(max_y)) > 90


def gauss_kruger_epsg(
    central_meridian: int, *, zone_prefix: bool, three_degree: bool = True
) -> int | None:
    """The CGCS2000 Gauss-Krüger EPSG code of a central meridian (75...135°E)."""
    if three_degree:
        if central_meridian % 3 or not 75 <= central_meridian <= 135:
            return None
        index = (central_meridian - 75) // 3
        return (GK3_ZONE_FIRST if zone_prefix else GK3_CM_FIRST) + index
    if (central_meridian - 75) % 6 or not 75 <= central_meridian <= 135:
        return None
    index = (central_meridian - 75) // 6
    return (GK6_ZONE_FIRST if zone_prefix else GK6_CM_FIRST) + index


def gauss_kruger_suggestions(easting: float, near_lon: float | None = None) -> list[int]:
    """EPSG codes of CGCS2000 Gauss-Krüger systems in which ``easting`` makes sense.

    An easting of eight digits carries its zone number (40 637 202 m: 3-degree zone 40,
    EPSG:4528). Without a prefix the zone cannot be told from the number: ``near_lon``
    (the county's longitude) picks the 3-degree zone, then the 6-degree one.
    """
    if not math.isfinite(easting):
        return []
    if easting >= 1e7:
        zone = int(easting // 1e6)
        if 25 <= zone <= 45:
            return [GK3_ZONE_FIRST + zone - 25]
        if 13 <= zone <= 23:
            return [GK6_ZONE_FIRST + zone - 13]
        return []
    if near_lon is None or not 0 < easting < 1e6:
        return []
    codes = [
        gauss_kruger_epsg(3 * round(near_lon / 3), zone_prefix=False),
        gauss_kruger_epsg(6 * math.floor(near_lon / 6) + 3, zone_prefix=False, three_degree=False),
    ]
    return [code for code in codes if code is not None]


def zone_prefix_fix(crs: SourceCrs, easting: float) -> int | None:
    """The Gauss-Krüger EPSG code to use instead of ``crs`` when the eastings disagree with
    it about the zone prefix (eight-digit eastings in a system without one, or the reverse);
    None when they agree or ``crs`` is not one of those systems."""
    code = crs.epsg
    if code is None or code not in GK_RANGE or not math.isfinite(easting):
        return None
    prefixed = easting >= 1e7
    if GK3_ZONE_FIRST <= code < GK3_CM_FIRST:  # 3-degree, zone prefix
        return None if prefixed else GK3_CM_FIRST + code - GK3_ZONE_FIRST
    if code >= GK3_CM_FIRST:  # 3-degree, no prefix
        if not prefixed:
            return None
        suggestion = gauss_kruger_suggestions(easting)
        return suggestion[0] if suggestion else None
    if code < GK6_CM_FIRST:  # 6-degree, zone prefix
        return None if prefixed else GK6_CM_FIRST + code - GK6_ZONE_FIRST
    if not prefixed:  # 6-degree, no prefix
        return None
    suggestion = gauss_kruger_suggestions(easting)
    return suggestion[0] if suggestion else None


def epsg_name(code: int) -> str:
    """The name pyproj gives an EPSG code (for messages)."""
    try:
        return _from_epsg(code, str(code)).name
    except CrsError:
        return f"EPSG:{code}"


# -- text -------------------------------------------------------------------------------

_DMS = re.compile(
    r"^(?P<deg>\d+(?:\.\d+)?)\s*(?:°|度|:|\s)\s*"
    r"(?:(?P<min>\d+(?:\.\d+)?)\s*(?:'|′|’|分|:|\s)?\s*)?"
    r"(?:(?P<sec>\d+(?:\.\d+)?)\s*(?:\"|″|”|''|′′|秒)?\s*)?$"
)
_HEMISPHERE = re.compile(r"^(?:东经|北纬|[NEne])\s*|\s*(?:[NEne]|东经|北纬)$")


def parse_degrees(text: str) -> float | None:
    """Decimal degrees from "121.38", "121.38°", "121°22'48\"E", "东经121度22分48秒";
    None when the text is no such thing (west and south are not accepted)."""
    value = text.strip().replace("º", "°")
    value = _HEMISPHERE.sub("", value).strip()
    if not value:
        return None
    try:
        number = float(value.rstrip("°度").strip())
    except ValueError:
        pass
    else:
        return number if math.isfinite(number) else None
    match = _DMS.match(value)
    if match is None:
        return None
    degrees = float(match.group("deg"))
    minutes = float(match.group("min") or 0)
    seconds = float(match.group("sec") or 0)
    if minutes >= 60 or seconds >= 60:
        return None
    return degrees + minutes / 60 + seconds / 3600
