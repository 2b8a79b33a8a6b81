"""Plain rows for pages and ``maps.typhoon``: typhoons listed, and a track loaded with its points."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from models.fields import as_record_number
from models.messages import fill
from models.typhoons.tables import FORCES, QUADRANTS, Radii, Typhoon, TyphoonPoint
from models.users import Permission, require


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
    radii_interpolated: bool = False  # the radii are not the track's own (see fill_radii)

    def radii(self, force: int) -> Radii | None:
        return {7: self.r7, 10: self.r10, 12: self.r12}[force]

    @property
    def has_radii(self) -> bool:
        """Whether any wind circle is known here (a point giving some radii says which
        circles there are: the others have no wind of their force)."""
        return self.r7 is not None or self.r10 is not None or self.r12 is not None


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


RADII_GAP_HOURS = 12
"""Radii are interpolated between two points that give them at most this far apart."""


def fill_radii(points: Sequence[TrackPoint]) -> tuple[TrackPoint, ...]:
    """The points with radii interpolated where the track gives none.

    Archives give radii at some points only (every 6 hours while positions come every
    3) and none once the storm weakens. A point without radii between two points that
    give some, at most RADII_GAP_HOURS apart, takes their radii linearly in time (a
    force given at only one of them has no circle between: the storm strengthened or
    weakened), marked ``radii_interpolated``. Before the first and after the last point
    with radii nothing is carried: no wind circle is known there.
    """
    given = [i for i, p in enumerate(points) if p.has_radii]
    if len(given) == len(points) or len(given) < 2:
        return tuple(points)
    gap = timedelta(hours=RADII_GAP_HOURS)
    filled = list(points)
    for left, right in pairwise(given):
        before, after = points[left], points[right]
        if right - left < 2 or after.at - before.at > gap:
            continue
        span = (after.at - before.at).total_seconds()
        for i in range(left + 1, right):
            share = (points[i].at - before.at).total_seconds() / span
            filled[i] = replace(
                points[i],
                r7=mix_radii(before.r7, after.r7, share),
                r10=mix_radii(before.r10, after.r10, share),
                r12=mix_radii(before.r12, after.r12, share),
                radii_interpolated=True,
            )
    return tuple(filled)


def mix_radii(a: Radii | None, b: Radii | None, share: float) -> Radii | None:
    """Radii ``share`` of the way from ``a`` to ``b``; None unless both are given."""
    if a is None or b is None:
        return None
    ne, se, sw, nw = (x + (y - x) * share for x, y in zip(a, b, strict=True))
    return (ne, se, sw, nw)


def typhoon_title(code: str, name: str) -> str:
    return fill(QCoreApplication.translate("Typhoon", "Typhoon %1 %2"), code, name)


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
    number = as_record_number(key)  # none for a number no record can have
    if found is None and number is not None:
        found = session.scalar(select(Typhoon.id).where(Typhoon.id == number))
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
