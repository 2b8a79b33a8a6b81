"""Typhoons and their tracks: observed and forecast points with wind radii.

Radii are in kilometres per quadrant (NE, SE, SW, NW) for force-7, force-10 and
force-12 winds; a track given with one radius stores it in all four quadrants.

Below the tables: plain rows (``TrackPoint``, ``TyphoonTrack``) for pages and
``maps.typhoon``, listing and loading, hand entry, the readers of times, positions
and radii that hand entry and ``models.imports.typhoon`` share, and the demo typhoon.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    case,
    func,
    insert,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, utcnow
from models.users import Permission, actor_of, require


class Typhoon(Base):
    __tablename__ = "typhoons"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)  # e.g. 2606
    name: Mapped[str] = mapped_column(String(40))  # e.g. 烟花
    name_en: Mapped[str | None] = mapped_column(String(40))
    source: Mapped[str | None] = mapped_column(String(200))  # file imported, or "manual"
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TyphoonPoint(Base):
    __tablename__ = "typhoon_points"
    __table_args__ = (UniqueConstraint("typhoon_id", "at", name="typhoon_time"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    typhoon_id: Mapped[int] = mapped_column(
        ForeignKey("typhoons.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column()
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    pressure_hpa: Mapped[int | None] = mapped_column(Integer)
    max_wind_ms: Mapped[float | None] = mapped_column(Float)
    r7_ne: Mapped[float | None] = mapped_column(Float)
    r7_se: Mapped[float | None] = mapped_column(Float)
    r7_sw: Mapped[float | None] = mapped_column(Float)
    r7_nw: Mapped[float | None] = mapped_column(Float)
    r10_ne: Mapped[float | None] = mapped_column(Float)
    r10_se: Mapped[float | None] = mapped_column(Float)
    r10_sw: Mapped[float | None] = mapped_column(Float)
    r10_nw: Mapped[float | None] = mapped_column(Float)
    r12_ne: Mapped[float | None] = mapped_column(Float)
    r12_se: Mapped[float | None] = mapped_column(Float)
    r12_sw: Mapped[float | None] = mapped_column(Float)
    r12_nw: Mapped[float | None] = mapped_column(Float)
    is_forecast: Mapped[bool] = mapped_column(Boolean, default=False)


# -- plain rows ---------------------------------------------------------------------

QUADRANTS = ("ne", "se", "sw", "nw")
FORCES = (7, 10, 12)

Radii = tuple[float, float, float, float]
"""Wind radii in km for the NE, SE, SW and NW quadrants."""

BEIJING = timezone(timedelta(hours=8), "Beijing")
"""Times written without an offset are Beijing time (no daylight saving since 1991)."""

# Where a typhoon of the Northwest Pacific and the South China Sea can be: a pair
# outside this box is mistyped, swapped or from another basin.
TRACK_LON_RANGE = (90.0, 180.0)
TRACK_LAT_RANGE = (0.0, 60.0)
PRESSURE_RANGE = (850, 1020)
WIND_MAX = 100.0
RADIUS_MAX = 1500.0
# Typhoons move at up to ~80 km/h after recurving; faster means a mistyped position.
SPEED_MAX_KMH = 150.0

# GB/T 19201-2006 tropical cyclone grades by 2-minute mean maximum wind near the centre.
INTENSITY_GRADES: tuple[tuple[float, object], ...] = (  # QT_TRANSLATE_NOOP is typed object
    (51.0, QT_TRANSLATE_NOOP("Typhoon", "Super typhoon")),
    (41.5, QT_TRANSLATE_NOOP("Typhoon", "Severe typhoon")),
    (32.7, QT_TRANSLATE_NOOP("Typhoon", "Typhoon")),
    (24.5, QT_TRANSLATE_NOOP("Typhoon", "Severe tropical storm")),
    (17.2, QT_TRANSLATE_NOOP("Typhoon", "Tropical storm")),
    (10.8, QT_TRANSLATE_NOOP("Typhoon", "Tropical depression")),
)


def intensity_label(max_wind_ms: float | None) -> str:
    """The grade of a tropical cyclone by its maximum wind, translated; "" when unknown."""
    if max_wind_ms is None:
        return ""
    for floor, source in INTENSITY_GRADES:
        if max_wind_ms >= floor:
            return QCoreApplication.translate("Typhoon", str(source))
    return ""


@dataclass(frozen=True, slots=True)
class TrackPoint:
    """One point of a track: an aware UTC time, the centre and its winds.

    A radius tuple is None when the track gives no such circle at that point.
    """

    at: datetime
    lon: float
    lat: float
    pressure_hpa: int | None = None
    max_wind_ms: float | None = None
    r7: Radii | None = None
    r10: Radii | None = None
    r12: Radii | None = None
    is_forecast: bool = False

    def radii(self, force: int) -> Radii | None:
        return {7: self.r7, 10: self.r10, 12: self.r12}[force]


@dataclass(frozen=True, slots=True)
class TyphoonTrack:
    """A typhoon with its points in time order."""

    id: int
    code: str
    name: str
    name_en: str | None
    source: str | None
    points: tuple[TrackPoint, ...]

    @property
    def observed(self) -> tuple[TrackPoint, ...]:
        return tuple(p for p in self.points if not p.is_forecast)

    @property
    def forecast(self) -> tuple[TrackPoint, ...]:
        return tuple(p for p in self.points if p.is_forecast)

    @property
    def current(self) -> TrackPoint | None:
        """The latest observed point (the "now" of the last bulletin), else the first point."""
        observed = self.observed
        if observed:
            return observed[-1]
        return self.points[0] if self.points else None

    @property
    def title(self) -> str:
        return typhoon_title(self.code, self.name)


def typhoon_title(code: str, name: str) -> str:
    return (
        QCoreApplication.translate("Typhoon", "Typhoon %1 %2")
        .replace("%1", code)
        .replace("%2", name)
    )


@dataclass(frozen=True, slots=True)
class TyphoonRow:
    """A typhoon in a list: its span in time and how many points it has."""

    id: int
    code: str
    name: str
    name_en: str | None
    source: str | None
    first_at: datetime | None
    last_at: datetime | None
    points: int
    forecast_points: int


# -- listing and loading --------------------------------------------------------------


def list_typhoons(*, session: Session) -> list[TyphoonRow]:
    """Every typhoon, the most recent track first."""
    require(session, Permission.READ_REGISTER)
    forecast = func.sum(case((TyphoonPoint.is_forecast, 1), else_=0))
    rows = session.execute(
        select(
            Typhoon.id,
            Typhoon.code,
            Typhoon.name,
            Typhoon.name_en,
            Typhoon.source,
            func.min(TyphoonPoint.at),
            func.max(TyphoonPoint.at),
            func.count(TyphoonPoint.id),
            forecast,
        )
        .outerjoin(TyphoonPoint, TyphoonPoint.typhoon_id == Typhoon.id)
        .group_by(Typhoon.id, Typhoon.code, Typhoon.name, Typhoon.name_en, Typhoon.source)
    )
    typhoons = [
        TyphoonRow(
            id_,
            code,
            name,
            name_en,
            source,
            _aware(first),
            _aware(last),
            count,
            int(forecast_count or 0),
        )
        for id_, code, name, name_en, source, first, last, count, forecast_count in rows
    ]
    typhoons.sort(
        key=lambda t: (t.last_at is not None, t.last_at or datetime.min.replace(tzinfo=UTC), t.id),
        reverse=True,
    )
    return typhoons


def _aware(value: datetime | None) -> datetime | None:
    """Aggregates bypass the column type on SQLite: make them aware UTC again."""
    if value is None:
        return None
    if isinstance(value, str):  # SQLite returns min()/max() of a datetime column as text
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def latest_typhoon_id(*, session: Session) -> int | None:
    """The typhoon whose track reaches latest in time (the one a duty room watches now)."""
    require(session, Permission.READ_REGISTER)
    row = session.execute(
        select(TyphoonPoint.typhoon_id)
        .order_by(TyphoonPoint.at.desc(), TyphoonPoint.typhoon_id.desc())
        .limit(1)
    ).first()
    if row is not None:
        return int(row[0])
    return session.scalar(select(Typhoon.id).order_by(Typhoon.id.desc()).limit(1))


def typhoon_id_for(*, session: Session, key: str) -> int | None:
    """The typhoon a user names on the command line: by its code (2606), else by its id."""
    require(session, Permission.READ_REGISTER)
    key = key.strip()
    found = session.scalar(select(Typhoon.id).where(Typhoon.code == key))
    if found is None and key.isdigit():
        found = session.scalar(select(Typhoon.id).where(Typhoon.id == int(key)))
    return int(found) if found is not None else None


def _radii_of(values: Sequence[float | None]) -> Radii | None:
    if all(v is None for v in values):
        return None
    ne, se, sw, nw = (float(v) if v is not None else 0.0 for v in values)
    return (ne, se, sw, nw)


def load_track(*, session: Session, typhoon_id: int) -> TyphoonTrack | None:
    """A typhoon and its points as plain rows; None when there is no such typhoon."""
    require(session, Permission.READ_REGISTER)
    typhoon = session.execute(
        select(Typhoon.id, Typhoon.code, Typhoon.name, Typhoon.name_en, Typhoon.source).where(
            Typhoon.id == typhoon_id
        )
    ).first()
    if typhoon is None:
        return None
    p = TyphoonPoint
    rows = session.execute(
        select(
            p.at,
            p.lon,
            p.lat,
            p.pressure_hpa,
            p.max_wind_ms,
            p.r7_ne,
            p.r7_se,
            p.r7_sw,
            p.r7_nw,
            p.r10_ne,
            p.r10_se,
            p.r10_sw,
            p.r10_nw,
            p.r12_ne,
            p.r12_se,
            p.r12_sw,
            p.r12_nw,
            p.is_forecast,
        )
        .where(p.typhoon_id == typhoon_id)
        .order_by(p.at)
    )
    points = tuple(
        TrackPoint(
            at=row[0],
            lon=row[1],
            lat=row[2],
            pressure_hpa=row[3],
            max_wind_ms=row[4],
            r7=_radii_of(row[5:9]),
            r10=_radii_of(row[9:13]),  # type: ignore[arg-type]
            r12=_radii_of(row[13:17]),  # type: ignore[arg-type]
            is_forecast=bool(row[17]),
        )
        for row in rows
    )
    return TyphoonTrack(*typhoon, points=points)


def point_columns(point: TrackPoint) -> dict[str, Any]:
    """The column values of a TyphoonPoint row for a track point (without typhoon_id)."""
    values: dict[str, Any] = {
        "at": point.at,
        "lon": point.lon,
        "lat": point.lat,
        "pressure_hpa": point.pressure_hpa,
        "max_wind_ms": point.max_wind_ms,
        "is_forecast": point.is_forecast,
    }
    for force in FORCES:
        radii = point.radii(force)
        for quadrant, value in zip(QUADRANTS, radii or (None,) * 4, strict=True):
            values[f"r{force}_{quadrant}"] = value
    return values


# -- reading values: shared by hand entry and the import -------------------------------


_TIME = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*[Tt]?\s*(\d{1,2})(?:\s*[:：时点]\s*(\d{1,2})?\s*分?(?:\s*[:：]\s*(\d{1,2})\s*秒?)?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?$"
)
_COMPACT_TIME = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?$")


def _offset(text: str | None) -> tzinfo:
    if not text:
        return BEIJING
    if text in ("Z", "z"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_time(value: object) -> datetime:
    """A track time as aware UTC: ISO 8601 with an offset, or Beijing time without one.

    Also 2026/8/9 20:00, 2026年8月9日20时, 2026080920 (YYYYMMDDHH[MM]) and
    spreadsheet date-times. A date without an hour is refused. Raises ValueError
    with a message for the user.
    """
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        raise ValueError(
            QCoreApplication.translate(
                "Typhoon", "Give the hour as well as the date, such as 2026-08-09 20:00."
            )
        )
    else:
        text = str(value if value is not None else "").strip()
        if not text:
            raise ValueError(QCoreApplication.translate("Typhoon", "The time is empty."))
        text = text.translate(_FULL_WIDTH_DIGITS)
        moment = _parse_time_text(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BEIJING)
    return moment.astimezone(UTC)


_FULL_WIDTH_DIGITS = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)} | {
    0xFF1A: ord(":"),
    0xFF0B: ord("+"),
    0xFF0D: ord("-"),
    0x3000: ord(" "),
}


def _parse_time_text(text: str) -> datetime:
    bad = ValueError(
        QCoreApplication.translate(
            "Typhoon",
            "Not a time: write it as 2026-08-09 20:00 (Beijing time) or with an offset, "
            "such as 2026-08-09T12:00Z.",
        )
    )
    compact = _COMPACT_TIME.match(text)
    if compact:
        year, month, day, hour, minute = compact.groups()
        parts: tuple[str | None, ...] = (year, month, day, hour, minute, None, None)
    else:
        match = _TIME.match(text)
        if match is None:
            try:
                moment = datetime.fromisoformat(text)
            except ValueError:
                raise bad from None
            if len(text) <= 10:  # a date alone
                raise ValueError(
                    QCoreApplication.translate(
                        "Typhoon", "Give the hour as well as the date, such as 2026-08-09 20:00."
                    )
                )
            return moment
        parts = match.groups()
        if parts[3] is None:
            raise ValueError(
                QCoreApplication.translate(
                    "Typhoon", "Give the hour as well as the date, such as 2026-08-09 20:00."
                )
            )
    year, month, day, hour, minute, second, offset = parts
    try:
        return datetime(
            int(year or 0),
            int(month or 0),
            int(day or 0),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            tzinfo=_offset(offset),
        )
    except ValueError:
        raise bad from None


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
        raise ValueError(
            QCoreApplication.translate(
                "Typhoon", "The central pressure must be a number of hPa, such as 950."
            )
        ) from None
    if number is None:
        return None
    if not PRESSURE_RANGE[0] <= number <= PRESSURE_RANGE[1]:
        raise ValueError(
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
        raise ValueError(
            QCoreApplication.translate(
                "Typhoon", "The maximum wind must be a number of m/s, such as 45."
            )
        ) from None
    if number is None:
        return None
    if not 0 <= number <= WIND_MAX:
        raise ValueError(
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
            raise ValueError(
                QCoreApplication.translate(
                    "Typhoon", "Give one radius, or four for the NE, SE, SW and NW quadrants."
                )
            )
        radii = [parse_radius(v) for v in value]
        if all(r is None for r in radii):
            return None
        if any(r is None for r in radii):
            raise ValueError(
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
            raise ValueError(
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
        raise ValueError(
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
        raise ValueError(
            QCoreApplication.translate("Typhoon", "A radius must be a number of kilometres.")
        ) from None
    if number is None:
        return None
    if number < 0:
        raise ValueError(QCoreApplication.translate("Typhoon", "A radius cannot be negative."))
    if number > RADIUS_MAX:
        raise ValueError(
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
    raise ValueError(
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
                problems.append((force, quadrant, message.replace("%1", quadrant_label(quadrant))))
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


def distance_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance (haversine on a 6371 km sphere)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def speed_problems(points: Sequence[TrackPoint]) -> list[tuple[int, str]]:
    """Jumps no typhoon makes, as (index of the later point, message); points in time order."""
    problems: list[tuple[int, str]] = []
    for index in range(1, len(points)):
        a, b = points[index - 1], points[index]
        hours = (b.at - a.at).total_seconds() / 3600
        if hours <= 0:
            continue
        speed = distance_km(a.lon, a.lat, b.lon, b.lat) / hours
        if speed > SPEED_MAX_KMH:
            problems.append(
                (
                    index,
                    QCoreApplication.translate(
                        "Typhoon",
                        "From the point before (%1) the centre would move %2 km/h; no typhoon moves "
                        "faster than 150 km/h. Check the longitude and latitude of both points.",
                    )
                    .replace("%1", format_time(a.at))
                    .replace("%2", f"{speed:.0f}"),
                )
            )
    return problems


def format_time(at: datetime, tz: tzinfo = BEIJING) -> str:
    """A track time as the duty room reads it: 2026-08-09 20:00 (in ``tz``, Beijing by default)."""
    return at.astimezone(tz).strftime("%Y-%m-%d %H:%M")


# -- hand entry -------------------------------------------------------------------------


@dataclass(frozen=True)
class PointInput:
    """One point as typed in a form: text or numbers, checked by ``save_typhoon``."""

    at: datetime | str
    lon: float | str | None
    lat: float | str | None
    pressure_hpa: int | float | str | None = None
    max_wind_ms: float | str | None = None
    r7: Radii | float | str | None = None  # one radius, or four (NE, SE, SW, NW)
    r10: Radii | float | str | None = None
    r12: Radii | float | str | None = None
    is_forecast: bool | str = False


def check_points(
    points: Sequence[PointInput],
) -> tuple[list[TrackPoint], list[tuple[int, str, str]]]:
    """The points as track points in time order, and the problems as (index, field, message).

    ``index`` is the position in ``points``; fields are those of PointInput.
    """
    problems: list[tuple[int, str, str]] = []
    parsed: list[tuple[int, TrackPoint]] = []
    for index, data in enumerate(points):
        point, found = _check_point(data)
        problems.extend((index, field, message) for field, message in found)
        if point is not None:
            parsed.append((index, point))
    by_time: dict[datetime, list[int]] = {}
    for index, point in parsed:
        by_time.setdefault(point.at, []).append(index)
    duplicates = {at for at, indices in by_time.items() if len(indices) > 1}
    for at in sorted(duplicates):
        for index in by_time[at]:
            problems.append(
                (
                    index,
                    "at",
                    QCoreApplication.translate(
                        "Typhoon", "Another point has the same time %1."
                    ).replace("%1", format_time(at)),
                )
            )
    kept = sorted(((i, p) for i, p in parsed if p.at not in duplicates), key=lambda ip: ip[1].at)
    track = [p for _, p in kept]
    for position, message in speed_problems(track):
        problems.append((kept[position][0], "lon", message))
    problems.sort(key=lambda p: p[0])
    return track, problems


def _check_point(data: PointInput) -> tuple[TrackPoint | None, list[tuple[str, str]]]:
    problems: list[tuple[str, str]] = []
    at: datetime | None = None
    try:
        at = parse_time(data.at)
    except ValueError as error:
        problems.append(("at", str(error)))
    centre, found = check_position(data.lon, data.lat)
    problems.extend(found)
    values: dict[str, Any] = {}
    for field, parser in (
        ("pressure_hpa", parse_pressure),
        ("max_wind_ms", parse_wind),
        ("r7", parse_radii),
        ("r10", parse_radii),
        ("r12", parse_radii),
        ("is_forecast", parse_forecast),
    ):
        try:
            values[field] = parser(getattr(data, field))
        except ValueError as error:
            problems.append((field, str(error)))
            values[field] = None
    for force, _quadrant, message in radii_order_problems(
        values["r7"], values["r10"], values["r12"]
    ):
        problems.append((f"r{force}", message))
    if problems or at is None or centre is None:
        return None, problems
    return TrackPoint(at=at, lon=centre[0], lat=centre[1], **values), []


def save_typhoon(
    *,
    session: Session,
    code: str,
    name: str,
    points: Sequence[PointInput],
    name_en: str | None = None,
    typhoon_id: int | None = None,
    source: str = "manual",
) -> int:
    """Add a typhoon entered by hand, or replace the name and points of ``typhoon_id``.

    Raises ValidationError with (field, message) pairs: "code", "name", "name_en",
    "points" (the track as a whole) or "points[i].field" for point i of ``points``.
    """
    require(session, Permission.EDIT_REGISTER)
    from models.areas import ValidationError  # the register's error type (areas imports much)

    problems: list[tuple[str, str]] = []
    typhoon = session.get(Typhoon, typhoon_id) if typhoon_id is not None else None
    if typhoon_id is not None and typhoon is None:
        raise ValidationError(
            [
                (
                    "",
                    QCoreApplication.translate(
                        "Typhoon",
                        "This typhoon no longer exists; another user may have deleted it.",
                    ),
                )
            ]
        )
    code = (code or "").strip()
    name = (name or "").strip()
    name_en = (name_en or "").strip() or None
    if not code:
        problems.append(
            (
                "code",
                QCoreApplication.translate("Typhoon", "Enter the typhoon's code, such as 2606."),
            )
        )
    elif len(code) > 12:
        problems.append(
            (
                "code",
                QCoreApplication.translate("Typhoon", "The code is longer than 12 characters."),
            )
        )
    else:
        taken = select(Typhoon.id).where(Typhoon.code == code)
        if typhoon_id is not None:
            taken = taken.where(Typhoon.id != typhoon_id)
        if session.scalar(taken.limit(1)) is not None:
            problems.append(
                (
                    "code",
                    QCoreApplication.translate("Typhoon", "Another typhoon already has this code."),
                )
            )
    if not name:
        problems.append(
            ("name", QCoreApplication.translate("Typhoon", "Enter the typhoon's name."))
        )
    elif len(name) > 40:
        problems.append(
            (
                "name",
                QCoreApplication.translate("Typhoon", "The name is longer than 40 characters."),
            )
        )
    if name_en is not None and len(name_en) > 40:
        problems.append(
            (
                "name_en",
                QCoreApplication.translate("Typhoon", "The name is longer than 40 characters."),
            )
        )
    track, point_problems = check_points(points)
    problems.extend(
        (f"points[{index}].{field}", message) for index, field, message in point_problems
    )
    if not points:
        problems.append(
            (
                "points",
                QCoreApplication.translate("Typhoon", "Enter at least one point of the track."),
            )
        )
    if problems:
        raise ValidationError(problems)
    if typhoon is None:
        typhoon = Typhoon(code=code, name=name, name_en=name_en, source=source)
        session.add(typhoon)
        session.flush()
    else:
        for key, value in (("code", code), ("name", name), ("name_en", name_en)):
            if getattr(typhoon, key) != value:
                setattr(typhoon, key, value)
        old = {
            p.at: p
            for p in session.scalars(
                select(TyphoonPoint).where(TyphoonPoint.typhoon_id == typhoon.id)
            )
        }
        keep = {p.at for p in track}
        for at, row in old.items():
            if at not in keep:
                session.delete(row)
        session.flush()
        for point in track:
            stored = old.get(point.at)
            if stored is not None:
                for key, value in point_columns(point).items():
                    if getattr(stored, key) != value:
                        setattr(stored, key, value)
        track = [p for p in track if p.at not in old]
    for point in track:
        session.add(TyphoonPoint(typhoon_id=typhoon.id, **point_columns(point)))
    session.flush()
    return typhoon.id


def delete_typhoon(*, session: Session, typhoon_id: int) -> None:
    """Remove a typhoon and its track (each point audited)."""
    require(session, Permission.EDIT_REGISTER)
    typhoon = session.get(Typhoon, typhoon_id)
    if typhoon is None:
        return
    for point in session.scalars(select(TyphoonPoint).where(TyphoonPoint.typhoon_id == typhoon_id)):
        session.delete(point)
    session.flush()
    session.delete(typhoon)
    session.flush()


# -- the demo typhoon ---------------------------------------------------------------------

DEMO_CODE = "2606"
DEMO_NAME = "演示台风"
DEMO_NAME_EN = "Demo"
DEMO_SOURCE = "demo (shaped like Lekima, 1909, which landed at Wenling)"

# Beijing time, lon, lat, hPa, m/s, force-7 / force-10 / force-12 radii (NE, SE, SW, NW),
# forecast. Like Lekima (利奇马, 1909): north-west from the sea east-south-east of the
# county, a severe-to-super typhoon, landfall on the county's coast about 01:45 on the
# 10th, then north across Zhejiang while filling. "Now" is the last observed point.
_DEMO_TRACK: tuple[
    tuple[str, float, float, int, float, Radii, Radii | None, Radii | None, bool], ...
] = (
    (
        "2026-08-08 08:00",
        126.90,
        24.30,
        950,
        45.0,
        (300, 280, 240, 250),
        (110, 100, 80, 90),
        (50, 45, 35, 40),
        False,
    ),
    (
        "2026-08-08 11:00",
        126.55,
        24.55,
        945,
        48.0,
        (310, 290, 250, 260),
        (120, 110, 90, 100),
        (55, 50, 40, 45),
        False,
    ),
    (
        "2026-08-08 14:00",
        126.20,
        24.80,
        940,
        50.0,
        (320, 300, 250, 270),
        (130, 120, 100, 110),
        (60, 55, 45, 50),
        False,
    ),
    (
        "2026-08-08 17:00",
        125.85,
        25.05,
        935,
        52.0,
        (330, 310, 260, 270),
        (140, 130, 100, 110),
        (70, 60, 50, 55),
        False,
    ),
    (
        "2026-08-08 20:00",
        125.50,
        25.35,
        930,
        55.0,
        (340, 320, 260, 280),
        (150, 140, 110, 120),
        (80, 70, 50, 60),
        False,
    ),
    (
        "2026-08-09 02:00",
        124.75,
        25.95,
        930,
        55.0,
        (350, 330, 270, 290),
        (150, 140, 110, 120),
        (80, 70, 55, 60),
        False,
    ),
    (
        "2026-08-09 08:00",
        123.95,
        26.60,
        935,
        52.0,
        (350, 330, 270, 280),
        (150, 140, 110, 120),
        (80, 70, 50, 60),
        False,
    ),
    (
        "2026-08-09 14:00",
        123.10,
        27.25,
        935,
        52.0,
        (340, 320, 260, 280),
        (150, 130, 110, 120),
        (75, 65, 50, 55),
        False,
    ),
    (
        "2026-08-09 17:00",
        122.70,
        27.55,
        938,
        50.0,
        (340, 320, 260, 280),
        (140, 130, 100, 120),
        (70, 60, 50, 55),
        False,
    ),
    (
        "2026-08-09 20:00",
        122.30,
        27.85,
        940,
        50.0,
        (330, 310, 250, 270),
        (140, 120, 100, 110),
        (70, 60, 50, 50),
        False,
    ),
    (
        "2026-08-09 23:00",
        121.92,
        28.07,
        945,
        48.0,
        (320, 300, 250, 260),
        (130, 120, 100, 110),
        (65, 60, 45, 50),
        True,
    ),
    (
        "2026-08-10 02:00",
        121.52,
        28.30,
        950,
        45.0,
        (300, 280, 240, 250),
        (120, 110, 90, 100),
        (60, 50, 40, 45),
        True,
    ),
    (
        "2026-08-10 08:00",
        121.05,
        28.75,
        965,
        38.0,
        (260, 250, 200, 220),
        (90, 80, 60, 70),
        (30, 25, 20, 25),
        True,
    ),
    (
        "2026-08-10 20:00",
        120.60,
        29.75,
        980,
        28.0,
        (220, 200, 160, 180),
        (50, 40, 30, 40),
        None,
        True,
    ),
    ("2026-08-11 08:00", 120.35, 31.00, 988, 23.0, (180, 160, 120, 140), None, None, True),
    ("2026-08-11 20:00", 120.30, 32.40, 992, 20.0, (150, 130, 100, 120), None, None, True),
)


def demo_track_points() -> list[TrackPoint]:
    """The demo typhoon's points, fixed in 2026 so every build writes the same rows."""
    return [
        TrackPoint(
            at=datetime.fromisoformat(when).replace(tzinfo=BEIJING).astimezone(UTC),
            lon=lon,
            lat=lat,
            pressure_hpa=pressure,
            max_wind_ms=wind,
            r7=tuple(float(v) for v in r7) if r7 else None,  # type: ignore[arg-type]
            r10=tuple(float(v) for v in r10) if r10 else None,  # type: ignore[arg-type]
            r12=tuple(float(v) for v in r12) if r12 else None,  # type: ignore[arg-type]
            is_forecast=forecast,
        )
        for when, lon, lat, pressure, wind, r7, r10, r12, forecast in _DEMO_TRACK
    ]


def build_demo_typhoon(*, session: Session) -> int:
    """Write the demo typhoon into the caller's transaction (never commits); returns its id.

    Already there (by its code): nothing is written and its id is returned. Inside
    the demo builder's bulk operation it adds to that one audit record; called on
    its own it writes a bulk audit record of its own.
    """
    actor = actor_of(session)
    if actor is None or not (
        actor.can(Permission.ADMINISTER_DATABASE) or actor.can(Permission.IMPORT_DATA)
    ):
        require(session, Permission.IMPORT_DATA)  # raises PermissionDenied with the message
    existing = session.scalar(select(Typhoon.id).where(Typhoon.code == DEMO_CODE))
    if existing is not None:
        return int(existing)
    if session.info.get("audit_suspended"):
        return _write_demo_typhoon(session)
    from models.audit import bulk_operation  # audit imports users; keep this module light

    with bulk_operation(session, table_name="typhoon_points", source="demo typhoon") as counter:
        typhoon_id = _write_demo_typhoon(session)
        counter["rows"] = len(_DEMO_TRACK) + 1
    return typhoon_id


def _write_demo_typhoon(session: Session) -> int:
    session.execute(
        insert(Typhoon).values(
            code=DEMO_CODE,
            name=DEMO_NAME,
            name_en=DEMO_NAME_EN,
            source=DEMO_SOURCE,
            created_at=datetime(2026, 8, 8, tzinfo=UTC),
        )
    )
    typhoon_id = session.scalar(select(Typhoon.id).where(Typhoon.code == DEMO_CODE))
    assert typhoon_id is not None
    session.execute(
        insert(TyphoonPoint),
        [{"typhoon_id": typhoon_id, **point_columns(point)} for point in demo_track_points()],
    )
    return int(typhoon_id)
