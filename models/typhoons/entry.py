"""A typhoon entered by hand or its bulletin's points added: every point checked, then saved or deleted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.messages import fill
from models.refusals import ValidationError
from models.typhoons.readings import (
    check_position,
    parse_forecast,
    parse_pressure,
    parse_radii,
    parse_wind,
    radii_order_problems,
    speed_problems,
)
from models.typhoons.tables import Radii, Typhoon, TyphoonPoint
from models.typhoons.times import format_time, parse_time
from models.typhoons.tracks import TrackPoint, point_columns
from models.users import Permission, require


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
                    fill(
                        QCoreApplication.translate(
                            "Typhoon", "Another point has the same time %1."
                        ),
                        format_time(at),
                    ),
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
