"""Coordinate systems met in Chinese county data: WGS84/CGCS2000, GCJ-02 and BD-09.

Coordinates are stored as WGS84 longitude-latitude (CGCS2000, EPSG:4490, agrees
to within metres). Points copied from Amap or Tencent maps are GCJ-02, offset by
hundreds of metres; points from Baidu maps are BD-09, GCJ-02 with a further
offset. The forward formulas are the published GCJ-02 and BD-09 obfuscations;
GCJ-02 has no closed inverse, so ``gcj02_to_wgs84`` iterates the forward one
until it agrees to about a millimetre. Outside China GCJ-02 equals WGS84.
"""

from __future__ import annotations

import math

WGS84 = "wgs84"
CGCS2000 = "cgcs2000"
GCJ02 = "gcj02"
BD09 = "bd09"
KNOWN = (WGS84, CGCS2000, GCJ02, BD09)

# Krasovsky 1940 ellipsoid, as the GCJ-02 algorithm uses it.
_A = 6378245.0
_EE = 0.00669342162296594323
_X_PI = math.pi * 3000.0 / 180.0


def out_of_china(lon: float, lat: float) -> bool:
    """Whether GCJ-02 leaves the point unchanged (the algorithm's own rough box)."""
    return not (72.004 <= lon <= 137.8347 and 0.8293 <= lat <= 55.8271)


def _offset_lat(x: float, y: float) -> float:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return ret


def _offset_lon(x: float, y: float) -> float:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return ret


def wgs84_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    if out_of_china(lon, lat):
        return lon, lat
    d_lat = _offset_lat(lon - 105.0, lat - 35.0)
    d_lon = _offset_lon(lon - 105.0, lat - 35.0)
    rad_lat = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrt_magic) * math.pi)
    d_lon = (d_lon * 180.0) / (_A / sqrt_magic * math.cos(rad_lat) * math.pi)
    return lon + d_lon, lat + d_lat


def gcj02_to_wgs84(lon: float, lat: float, *, tolerance: float = 1e-9) -> tuple[float, float]:
    """The WGS84 point whose GCJ-02 image is (lon, lat), found by fixed-point iteration.

    The offset changes slowly, so each step gains about three digits; a tolerance of
    1e-9 degrees (0.1 mm) is reached in three or four steps.
    """
    if out_of_china(lon, lat):
        return lon, lat
    x, y = lon, lat
    for _ in range(30):
        gx, gy = wgs84_to_gcj02(x, y)
        dx, dy = gx - lon, gy - lat
        x, y = x - dx, y - dy
        if abs(dx) < tolerance and abs(dy) < tolerance:
            break
    return x, y


def gcj02_to_bd09(lon: float, lat: float) -> tuple[float, float]:
    z = math.sqrt(lon * lon + lat * lat) + 0.00002 * math.sin(lat * _X_PI)
    theta = math.atan2(lat, lon) + 0.000003 * math.cos(lon * _X_PI)
    return z * math.cos(theta) + 0.0065, z * math.sin(theta) + 0.006


def bd09_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    x, y = lon - 0.0065, lat - 0.006
    z = math.sqrt(x * x + y * y) - 0.00002 * math.sin(y * _X_PI)
    theta = math.atan2(y, x) - 0.000003 * math.cos(x * _X_PI)
    return z * math.cos(theta), z * math.sin(theta)


def wgs84_to_bd09(lon: float, lat: float) -> tuple[float, float]:
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def bd09_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


def normalise_crs(name: str | None) -> str:
    """A CRS name as given on the command line or in a form ("GCJ-02", "bd09"...)."""
    key = (name or WGS84).strip().lower().replace("-", "").replace("_", "")
    aliases = {
        "wgs84": WGS84,
        "epsg4326": WGS84,
        "4326": WGS84,
        "cgcs2000": CGCS2000,
        "epsg4490": CGCS2000,
        "4490": CGCS2000,
        "gcj02": GCJ02,
        "gcj": GCJ02,
        "amap": GCJ02,
        "tencent": GCJ02,
        "bd09": BD09,
        "bd09ll": BD09,
        "baidu": BD09,
    }
    if key not in aliases:
        raise ValueError(f"unknown coordinate system: {name}")
    return aliases[key]


def to_wgs84(lon: float, lat: float, crs: str) -> tuple[float, float]:
    """A point given in ``crs`` as stored: WGS84/CGCS2000 longitude-latitude."""
    crs = normalise_crs(crs)
    if crs == GCJ02:
        return gcj02_to_wgs84(lon, lat)
    if crs == BD09:
        return bd09_to_wgs84(lon, lat)
    return lon, lat


def from_wgs84(lon: float, lat: float, crs: str) -> tuple[float, float]:
    """A stored point as ``crs`` shows it (for links to Amap or Baidu maps)."""
    crs = normalise_crs(crs)
    if crs == GCJ02:
        return wgs84_to_gcj02(lon, lat)
    if crs == BD09:
        return wgs84_to_bd09(lon, lat)
    return lon, lat
