"""Positions, pressures, winds, radii and forecast marks read from cells and fields, and the checks along a track."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from models.geo.distance import great_circle_km
from models.messages import QT_TRANSLATE_NOOP, fill
from models.refusals import InvalidValue
from models.typhoons.tables import (
    PRESSURE_RANGE,
    QUADRANTS,
    RADIUS_MAX,
    SPEED_MAX_KMH,
    TRACK_LAT_RANGE,
    TRACK_LON_RANGE,
    WIND_MAX,
    Radii,
)
from models.typhoons.times import _FULL_WIDTH_DIGITS, format_time
from models.typhoons.tracks import TrackPoint


def parse_number(value: object) -> float | None:
    """A number from a cell or a form field; None when empty. Raises ValueError."""
    if isinstance(value, bool):
        raise ValueError(value)
    if value is None:
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().translate(_FULL_WIDTH_DIGITS)
        text = re.sub(
            r"\s*(km|公里|千米|hpa|百帕|m/s|米/秒|米每秒|°|度)$", "", text, flags=re.IGNORECASE
        )
        if not text:
            return None
        number = float(text)
    if math.isnan(number) or math.isinf(number):
        raise ValueError(value)
    return number


def check_position(
    lon: object, lat: object
) -> tuple[tuple[float, float] | None, list[tuple[str, str]]]:
    """The centre as (lon, lat) and the problems as (field, message), field "lon" or "lat"."""
    values: list[float | None] = []
    problems: list[tuple[str, str]] = []
    for field, value in (("lon", lon), ("lat", lat)):
        try:
            number = parse_number(value)
        except (TypeError, ValueError):
            problems.append(
                (
                    field,
                    QCoreApplication.translate(
                        "Typhoon", "Enter a number in decimal degrees, such as 121.5."
                    ),
                )
            )
            number = None
        else:
            if number is None:
                problems.append(
                    (
                        field,
                        QCoreApplication.translate("Typhoon", "The longitude is empty.")
                        if field == "lon"
                        else QCoreApplication.translate("Typhoon", "The latitude is empty."),
                    )
                )
        values.append(number)
    x, y = values
    if x is None or y is None:
        return None, problems
    lon_ok = TRACK_LON_RANGE[0] <= x <= TRACK_LON_RANGE[1]
    lat_ok = TRACK_LAT_RANGE[0] <= y <= TRACK_LAT_RANGE[1]
    if (
        not lon_ok
        and TRACK_LAT_RANGE[0] <= x <= TRACK_LAT_RANGE[1]
        and (TRACK_LON_RANGE[0] <= y <= TRACK_LON_RANGE[1])
    ):
        return None, [
            (
                "lon",
                QCoreApplication.translate(
                    "Typhoon",
                    "Longitude and latitude look swapped: the longitude of a typhoon here is the "
                    "larger number (90 to 180 degrees east).",
                ),
            )
        ]
    if not lon_ok:
        problems.append(
            (
                "lon",
                QCoreApplication.translate(
                    "Typhoon",
                    "The longitude must be between 90 and 180 degrees east (Northwest Pacific and "
                    "South China Sea).",
                ),
            )
        )
    if not lat_ok:
        problems.append(
            (
                "lat",
                QCoreApplication.translate(
                    "Typhoon", "The latitude must be between 0 and 60 degrees north."
                ),
            )
        )
    return ((x, y) if lon_ok and lat_ok else None), problems


def parse_pressure(value: object) -> int | None:
    """Central pressure in whole hPa; None when empty. Raises ValueError with a message."""
    try:
        number = parse_number(value)
    except (TypeError, ValueError):
        raise InvalidValue(
            QCoreApplication.translate(
                "Typhoon", "The central pressure must be a number of hPa, such as 950."
            )
        ) from None
    if number is None:
        return None
    if not PRESSURE_RANGE[0] <= number <= PRESSURE_RANGE[1]:
        raise InvalidValue(
            QCoreApplication.translate(
                "Typhoon", "The central pressure must be between 850 and 1020 hPa."
            )
        )
    return round(number)


def parse_wind(value: object) -> float | None:
    """Maximum wind in m/s; None when empty. Raises ValueError with a message."""
    try:
        number = parse_number(value)
    except (TypeError, ValueError):
        raise InvalidValue(
            QCoreApplication.translate(
                "Typhoon", "The maximum wind must be a number of m/s, such as 45."
            )
        ) from None
    if number is None:
        return None
    if not 0 <= number <= WIND_MAX:
        raise InvalidValue(
            QCoreApplication.translate("Typhoon", "The maximum wind must be between 0 and 100 m/s.")
        )
    return number


_DIRECTION_WORDS = {
    "东北": "ne",
    "东南": "se",
    "西南": "sw",
    "西北": "nw",
    "ne": "ne",
    "se": "se",
    "sw": "sw",
    "nw": "nw",
}
_DIRECTED = re.compile(r"(东北|东南|西南|西北|ne|se|sw|nw)\D*?(-?\d+(?:\.\d+)?)", re.IGNORECASE)
_RANGE = re.compile(r"^(\d+(?:\.\d+)?)\s*[-~～—至到]\s*(\d+(?:\.\d+)?)$")


def parse_radii(value: object) -> Radii | None:
    """Wind radii in km: one value for all quadrants, or four for NE/SE/SW/NW.

    Four values are written "300/280/250/260" (also with commas, semicolons or
    spaces) or with directions, "东北300 东南280 西南250 西北260". A range such
    as "300-350" (as bulletins write it) counts as its larger value. None when
    empty; raises ValueError with a message for the user.
    """
    if isinstance(value, tuple | list):
        if len(value) != 4:
            raise InvalidValue(
                QCoreApplication.translate(
                    "Typhoon", "Give one radius, or four for the NE, SE, SW and NW quadrants."
                )
            )
        radii = [parse_radius(v) for v in value]
        if all(r is None for r in radii):
            return None
        if any(r is None for r in radii):
            raise InvalidValue(
                QCoreApplication.translate(
                    "Typhoon", "Give the radius of all four quadrants, or of none."
                )
            )
        return _four(radii)
    if value is None or isinstance(value, int | float):
        radius = parse_radius(value)
        return None if radius is None else (radius,) * 4
    text = str(value).strip().translate(_FULL_WIDTH_DIGITS)
    text = re.sub(r"(km|公里|千米)", "", text, flags=re.IGNORECASE).strip()
    if not text:
        return None
    directed = _DIRECTED.findall(text)
    if directed:
        found: dict[str, float | None] = {}
        for word, number in directed:
            found[_DIRECTION_WORDS[word.lower()]] = parse_radius(number)
        if set(found) != set(QUADRANTS):
            raise InvalidValue(
                QCoreApplication.translate(
                    "Typhoon", "Give the radius of all four quadrants: NE, SE, SW and NW."
                )
            )
        return _four([found[q] for q in QUADRANTS])
    span = _RANGE.match(text)
    if span:
        radius = parse_radius(max(float(span.group(1)), float(span.group(2))))
        return None if radius is None else (radius,) * 4
    parts = [part for part in re.split(r"[/,，;；、|\s]+", text) if part]
    if len(parts) == 1:
        radius = parse_radius(parts[0])
        return None if radius is None else (radius,) * 4
    if len(parts) != 4:
        raise InvalidValue(
            QCoreApplication.translate(
                "Typhoon",
                "Give one radius, or four for the NE, SE, SW and NW quadrants, such as 300/280/250/260.",
            )
        )
    return _four([parse_radius(part) for part in parts])


def _four(values: Sequence[float | None]) -> Radii:
    ne, se, sw, nw = (v if v is not None else 0.0 for v in values)
    return (ne, se, sw, nw)


def parse_radius(value: object) -> float | None:
    """One radius in km; None when empty. Raises ValueError with a message for the user."""
    try:
        number = parse_number(value)
    except (TypeError, ValueError):
        raise InvalidValue(
            QCoreApplication.translate("Typhoon", "A radius must be a number of kilometres.")
        ) from None
    if number is None:
        return None
    if number < 0:
        raise InvalidValue(QCoreApplication.translate("Typhoon", "A radius cannot be negative."))
    if number > RADIUS_MAX:
        raise InvalidValue(
            QCoreApplication.translate(
                "Typhoon", "A radius of more than 1500 km is not a typhoon's; check the unit (km)."
            )
        )
    return number


_FORECAST_WORDS = {"是", "预报", "y", "yes", "true", "1", "forecast", "f/c", "fc", "√", "预测"}
_OBSERVED_WORDS = {
    "否",
    "实况",
    "观测",
    "实测",
    "n",
    "no",
    "false",
    "0",
    "observed",
    "obs",
    "analysis",
    "历史",
    "×",
}


def parse_forecast(value: object) -> bool:
    """Whether a point is a forecast: 是/预报/yes/1 or 否/实况/no/0; empty is observed."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = str(value if value is not None else "").strip().lower()
    if not text:
        return False
    if text in _FORECAST_WORDS:
        return True
    if text in _OBSERVED_WORDS:
        return False
    raise InvalidValue(
        QCoreApplication.translate(
            "Typhoon",
            "Write 是 or 预报 for a forecast point, 否 or 实况 (or leave empty) for an observed one.",
        )
    )


def radii_order_problems(
    r7: Radii | None, r10: Radii | None, r12: Radii | None
) -> list[tuple[int, str, str]]:
    """Force-10 winds lie inside force-7 winds, force-12 inside force-10.

    Returns (force of the inner circle, quadrant, message) for the first quadrant
    where the inner radius is the larger one.
    """
    problems: list[tuple[int, str, str]] = []
    for inner, outer, force, message in (
        (
            r10,
            r7,
            10,
            QCoreApplication.translate(
                "Typhoon",
                "The force-10 radius is larger than the force-7 radius in the %1 quadrant.",
            ),
        ),
        (
            r12,
            r10,
            12,
            QCoreApplication.translate(
                "Typhoon",
                "The force-12 radius is larger than the force-10 radius in the %1 quadrant.",
            ),
        ),
    ):
        if inner is None or outer is None:
            continue
        for quadrant, a, b in zip(QUADRANTS, inner, outer, strict=True):
            if a > b:
                problems.append((force, quadrant, fill(message, quadrant_label(quadrant))))
                break
    return problems


_QUADRANT_LABELS = {
    "ne": QT_TRANSLATE_NOOP("Typhoon", "NE"),
    "se": QT_TRANSLATE_NOOP("Typhoon", "SE"),
    "sw": QT_TRANSLATE_NOOP("Typhoon", "SW"),
    "nw": QT_TRANSLATE_NOOP("Typhoon", "NW"),
}


def quadrant_label(quadrant: str) -> str:
    return QCoreApplication.translate("Typhoon", str(_QUADRANT_LABELS[quadrant]))


def speed_problems(points: Sequence[TrackPoint]) -> list[tuple[int, str]]:
    """Jumps no typhoon makes, as (index of the later point, message); points in time order."""
    problems: list[tuple[int, str]] = []
    for index in range(1, len(points)):
        a, b = points[index - 1], points[index]
        hours = (b.at - a.at).total_seconds() / 3600
        if hours <= 0:
            continue
        speed = great_circle_km(a.lon, a.lat, b.lon, b.lat) / hours
        if speed > SPEED_MAX_KMH:
            problems.append(
                (
                    index,
                    fill(
                        QCoreApplication.translate(
                            "Typhoon",
                            "From the point before (%1) the centre would move %2 km/h; no typhoon moves "
                            "faster than 150 km/h. Check the longitude and latitude of both points.",
                        ),
                        format_time(a.at),
                        f"{speed:.0f}",
                    ),
                )
            )
    return problems
