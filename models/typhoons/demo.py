"""The demo typhoon: a fixed track past the demo county, placed in time around the
moment the demo is built, for demos, screenshots and tests.

The track's shape is fixed (positions, pressures, winds, radii and the hours between
points); its times follow the build: its latest observed point ("now" of the latest
bulletin) is the latest 3-hourly synoptic time (00, 03, … UTC) at or before the
build, the forecast runs two days on. A build at a pinned time writes the same rows
every time: a build between 12:00 and 15:00 UTC on 9 August 2026 writes the track
as listed below.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from models.base import utcnow
from models.typhoons.tables import BEIJING, Radii, Typhoon, TyphoonPoint
from models.typhoons.tracks import TrackPoint, point_columns
from models.users import Permission, actor_of, require

DEMO_CODE = "2606"
DEMO_NAME = "演示台风"
DEMO_NAME_EN = "Demo"
DEMO_SOURCE = "demo (shaped like Lekima, 1909, which landed at Wenling)"

# Beijing time, lon, lat, hPa, m/s, force-7 / force-10 / force-12 radii (NE, SE, SW, NW),
# forecast. Like Lekima (利奇马, 1909): north-west from the sea east-south-east of the
# county, a severe-to-super typhoon, landfall on the county's coast about 01:45 on the
# 10th, then north across Zhejiang while filling. "Now" is the last observed point
# (SHAPE_NOW); a build moves every time by the same offset (demo_track_points).
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


SHAPE_NOW = datetime(2026, 8, 9, 20, tzinfo=BEIJING)  # the listed track's latest observation
SYNOPTIC_HOURS = 3


def bulletin_time(now: datetime) -> datetime:
    """The latest 3-hourly synoptic time (UTC) at or before ``now``: when the latest
    bulletin's observed position is for."""
    at = now.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    return at - timedelta(hours=at.hour % SYNOPTIC_HOURS)


def demo_track_points(now: datetime | None = None) -> list[TrackPoint]:
    """The demo typhoon's points for a build at ``now`` (default: the present): its latest
    observed point at ``bulletin_time(now)``, the others at the same hours from it."""
    offset = bulletin_time(now or utcnow()) - SHAPE_NOW
    return [
        TrackPoint(
            at=datetime.fromisoformat(when).replace(tzinfo=BEIJING).astimezone(UTC) + offset,
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


def build_demo_typhoon(*, session: Session, now: datetime | None = None) -> int:
    """Write the demo typhoon, placed for a build at ``now`` (default: the present), into
    the caller's transaction (never commits); returns its id.

    Already there (by its code): nothing is written and its id is returned
    (``place_demo_typhoon`` moves it in time). Inside the demo builder's bulk operation
    it adds to that one audit record; called on its own it writes a bulk audit record of
    its own.
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
        return _write_demo_typhoon(session, now)
    from models.audit import bulk_operation  # audit imports users; keep this module light

    with bulk_operation(session, table_name="typhoon_points", source="demo typhoon") as counter:
        typhoon_id = _write_demo_typhoon(session, now)
        counter["rows"] = len(_DEMO_TRACK) + 1
    return typhoon_id


def place_demo_typhoon(*, session: Session, now: datetime) -> int | None:
    """Move the demo typhoon's track in time for a scenario at ``now``: its points are
    written again, its latest observation at ``bulletin_time(now)``. The demo typhoon
    only (by its code and source); None when there is none. Never commits."""
    typhoon_id = session.scalar(
        select(Typhoon.id).where(Typhoon.code == DEMO_CODE, Typhoon.source == DEMO_SOURCE)
    )
    if typhoon_id is None:
        return None
    latest = session.scalar(
        select(TyphoonPoint.at)
        .where(TyphoonPoint.typhoon_id == typhoon_id, TyphoonPoint.is_forecast.is_(False))
        .order_by(TyphoonPoint.at.desc())
        .limit(1)
    )
    if latest is not None and latest == bulletin_time(now):
        return int(typhoon_id)  # already there
    if session.info.get("audit_suspended"):
        _place(session, typhoon_id, now)
        return int(typhoon_id)
    from models.audit import bulk_operation

    with bulk_operation(session, table_name="typhoon_points", source="demo typhoon") as counter:
        _place(session, typhoon_id, now)
        counter["rows"] = len(_DEMO_TRACK)
    return int(typhoon_id)


def _place(session: Session, typhoon_id: int, now: datetime) -> None:
    points = demo_track_points(now)
    session.execute(delete(TyphoonPoint).where(TyphoonPoint.typhoon_id == typhoon_id))
    session.execute(
        insert(TyphoonPoint),
        [{"typhoon_id": typhoon_id, **point_columns(point)} for point in points],
    )
    session.execute(update(Typhoon).where(Typhoon.id == typhoon_id).values(created_at=points[0].at))


def _write_demo_typhoon(session: Session, now: datetime | None) -> int:
    points = demo_track_points(now)
    session.execute(
        insert(Typhoon).values(
            code=DEMO_CODE,
            name=DEMO_NAME,
            name_en=DEMO_NAME_EN,
            source=DEMO_SOURCE,
            created_at=points[0].at,  # entered when its first bulletin came
        )
    )
    typhoon_id = session.scalar(select(Typhoon.id).where(Typhoon.code == DEMO_CODE))
    assert typhoon_id is not None
    session.execute(
        insert(TyphoonPoint),
        [{"typhoon_id": typhoon_id, **point_columns(point)} for point in points],
    )
    return int(typhoon_id)
