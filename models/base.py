"""Declarative base, naming convention and the column types every domain shares."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import DateTime, Float, LargeBinary, MetaData, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

if TYPE_CHECKING:  # shapely (with numpy) is imported where geometry is used, not at start-up
    from shapely.geometry.base import BaseGeometry

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetime stored as UTC on both SQLite and PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime; store aware datetimes only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class GeometryMixin:
    """Geometry as WKB plus a bounding box, so both backends can filter by area."""

    geom: Mapped[bytes | None] = mapped_column(LargeBinary)
    min_lon: Mapped[float | None] = mapped_column(Float, index=True)
    min_lat: Mapped[float | None] = mapped_column(Float)
    max_lon: Mapped[float | None] = mapped_column(Float)
    max_lat: Mapped[float | None] = mapped_column(Float)

    @property
    def geometry(self) -> BaseGeometry | None:
        from shapely import wkb

        return wkb.loads(self.geom) if self.geom is not None else None

    @geometry.setter
    def geometry(self, shape: BaseGeometry | None) -> None:
        for key, value in geometry_columns(shape).items():
            setattr(self, key, value)


def geometry_columns(shape: BaseGeometry | None) -> dict[str, Any]:
    """The column values of GeometryMixin for a shape (for bulk inserts too)."""
    if shape is None or shape.is_empty:
        return {"geom": None, "min_lon": None, "min_lat": None, "max_lon": None, "max_lat": None}
    min_lon, min_lat, max_lon, max_lat = shape.bounds
    return {
        "geom": shape.wkb,
        "min_lon": min_lon,
        "min_lat": min_lat,
        "max_lon": max_lon,
        "max_lat": max_lat,
    }


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while many short-lived rows are made (an
    import's few hundred thousand objects, a roll-up's thousands of rows): they hold no
    reference cycles, reference counting frees them, and every full collection they set
    off walked each object of the process (0.1-0.4 s an import, up to a third of a
    roll-up's time where long-lived objects are not frozen)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
