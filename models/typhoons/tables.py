"""The typhoon and track point tables, and the quantities and ranges a track point holds."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QCoreApplication
from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow
from models.messages import QT_TRANSLATE_NOOP


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
