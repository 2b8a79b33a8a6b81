"""Typhoons and their tracks: observed and forecast points with wind radii.

Radii are in kilometres per quadrant (NE, SE, SW, NW) for force-7, force-10 and
force-12 winds; a track given with one radius stores it in all four quadrants.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


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
