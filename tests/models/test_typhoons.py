"""Typhoons: the demo track, listing and loading, hand entry and its refusals, and the
readers of times and radii shared with the import.

Runs on SQLite and, with ECC_TEST_DATABASE_URL, on PostgreSQL (the `db` fixture).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from models.audit import AuditRecord, bulk_operation
from models.database import Database
from models.refusals import ValidationError
from models.typhoons import (
    DEMO_CODE,
    PointInput,
    Typhoon,
    TyphoonPoint,
    build_demo_typhoon,
    delete_typhoon,
    demo_track_points,
    intensity_label,
    latest_typhoon_id,
    list_typhoons,
    load_track,
    parse_forecast,
    parse_radii,
    parse_time,
    place_demo_typhoon,
    save_typhoon,
    typhoon_id_for,
)
from models.users import Actor, PermissionDenied
from tests.conftest import ADMIN, DEMO_BUILT_AT

VIEWER = Actor(name="test-viewer", role="viewer")
DUTY = Actor(name="test-duty", role="duty")


def counts(db: Database) -> tuple[int, int]:
    with db.session(ADMIN) as session:
        return (
            session.scalar(select(func.count()).select_from(Typhoon)) or 0,
            session.scalar(select(func.count()).select_from(TyphoonPoint)) or 0,
        )


def test_demo_typhoon_builds_and_loads_back(db: Database) -> None:
    with db.session(ADMIN) as session:
        typhoon_id = build_demo_typhoon(session=session, now=DEMO_BUILT_AT)
    with db.session(VIEWER) as session:
        track = load_track(session=session, typhoon_id=typhoon_id)
        listed = list_typhoons(session=session)
        assert latest_typhoon_id(session=session) == typhoon_id
        assert typhoon_id_for(session=session, key=DEMO_CODE) == typhoon_id
        assert typhoon_id_for(session=session, key=str(typhoon_id)) == typhoon_id
        assert typhoon_id_for(session=session, key="9999") is None
    assert track is not None and track.code == DEMO_CODE
    times = [p.at for p in track.points]
    assert times == sorted(times) and all(t.tzinfo is not None for t in times)
    assert all(t.year == 2026 for t in times)
    # Observed points first, forecast after "now" (20:00 Beijing time on 9 August).
    assert track.current is not None
    assert track.current.at == datetime(2026, 8, 9, 12, tzinfo=UTC)
    assert all(p.at > track.current.at for p in track.forecast)
    assert len(track.forecast) >= 4 and len(track.observed) >= 8
    # Shaped like Lekima: NW from the sea ESE of the county, then landfall on its coast.
    first, last = track.points[0], track.points[-1]
    assert first.lon > 125 and first.lat < 25 and last.lat > 30
    at_sea = track.observed
    assert all(930 <= p.pressure_hpa <= 960 for p in at_sea if p.pressure_hpa)
    assert all(45 <= (p.max_wind_ms or 0) <= 55 for p in at_sea)
    assert all(250 <= max(p.r7 or (0,)) <= 350 for p in at_sea)
    assert all(100 <= max(p.r10 or (0,)) <= 150 for p in at_sea)
    assert all(50 <= max(p.r12 or (0,)) <= 80 for p in at_sea)
    assert all(len(set(p.r7 or ())) > 1 for p in at_sea)  # quadrants differ
    landfall = min(track.forecast, key=lambda p: abs(p.lon - 121.5) + abs(p.lat - 28.3))
    assert abs(landfall.lon - 121.5) < 0.15 and abs(landfall.lat - 28.3) < 0.15
    assert [row.code for row in listed] == [DEMO_CODE]
    assert listed[0].points == len(track.points)
    assert listed[0].forecast_points == len(track.forecast)
    assert listed[0].first_at == times[0] and listed[0].last_at == times[-1]


def test_demo_typhoon_is_placed_around_the_time_the_demo_is_built(db: Database) -> None:
    before = datetime.now(UTC)
    with db.session(ADMIN) as session:
        typhoon_id = build_demo_typhoon(session=session)
        track = load_track(session=session, typhoon_id=typhoon_id)
    assert track is not None and track.current is not None
    # The latest bulletin's position is for the last 3-hourly synoptic time (UTC) before now.
    latest = track.current.at
    assert latest.hour % 3 == 0 and latest.minute == 0
    assert before - timedelta(hours=3) < latest <= datetime.now(UTC)
    assert track.points[-1].at - latest == timedelta(hours=48)  # two days of forecast
    pinned = demo_track_points(DEMO_BUILT_AT)
    assert [p.at - pinned[0].at for p in pinned] == [
        p.at - track.points[0].at for p in track.points
    ]

    # A scenario later on moves the demo typhoon's track to its own time.
    later = datetime(2027, 7, 1, 5, 40, tzinfo=UTC)
    with db.session(ADMIN) as session:
        assert place_demo_typhoon(session=session, now=later) == typhoon_id
    with db.session(VIEWER) as session:
        moved = load_track(session=session, typhoon_id=typhoon_id)
    assert moved is not None and moved.current is not None
    assert moved.current.at == datetime(2027, 7, 1, 3, tzinfo=UTC)
    assert len(moved.points) == len(track.points)


def test_demo_typhoon_is_written_once_with_one_audit_record(db: Database) -> None:
    with db.session(ADMIN) as session:
        first = build_demo_typhoon(session=session)
        assert build_demo_typhoon(session=session) == first
    assert counts(db)[0] == 1
    with db.session(ADMIN) as session:
        records = session.scalars(select(AuditRecord)).all()
    assert [(r.action, r.table_name) for r in records] == [("bulk", "typhoon_points")]
    assert records[0].rows == counts(db)[1] + 1


def test_demo_typhoon_inside_the_demo_builders_bulk_record(db: Database) -> None:
    with (
        db.session(ADMIN) as session,
        bulk_operation(session, table_name="demo", source="demo scale 1") as counter,
    ):
        build_demo_typhoon(session=session)
        assert session.info.get("audit_suspended")  # the outer record stays in charge
        counter["rows"] = 1
    with db.session(ADMIN) as session:
        records = session.scalars(select(AuditRecord)).all()
    assert [(r.action, r.table_name) for r in records] == [("bulk", "demo")]


def test_demo_typhoon_needs_import_or_administration(db: Database) -> None:
    with pytest.raises(PermissionDenied), db.session(VIEWER) as session:
        build_demo_typhoon(session=session)
    with db.session(DUTY) as session:  # duty officers may import
        build_demo_typhoon(session=session)
    assert counts(db)[0] == 1


def sample_points() -> list[PointInput]:
    return [
        PointInput("2026-07-20 08:00", "123.5", "25.0", "960", "40", "300/280/250/260", "120", ""),
        PointInput("2026-07-20 14:00", 123.0, 25.5, 955, 42, (310, 290, 260, 270), 130, 50),
        PointInput("2026-07-20 20:00", "122.5", "26.0", None, None, "320", None, None, "预报"),
    ]


def test_hand_entry_saves_and_replaces_the_track(db: Database) -> None:
    with db.session(DUTY) as session:
        typhoon_id = save_typhoon(
            session=session, code="2605", name="测试", points=sample_points(), name_en="Test"
        )
    with db.session(DUTY) as session:
        track = load_track(session=session, typhoon_id=typhoon_id)
    assert track is not None and track.name_en == "Test" and track.source == "manual"
    assert [p.at for p in track.points] == [
        datetime(2026, 7, 20, h, tzinfo=UTC) for h in (0, 6, 12)
    ]
    assert track.points[0].r7 == (300, 280, 250, 260) and track.points[0].r10 == (120,) * 4
    assert track.points[0].r12 is None
    assert track.points[1].r12 == (50,) * 4
    assert [p.is_forecast for p in track.points] == [False, False, True]

    changed = [sample_points()[0], PointInput("2026-07-21 02:00", 122.0, 26.5, 965, 38, 280)]
    with db.session(DUTY) as session:
        assert (
            save_typhoon(
                session=session, code="2605", name="测试二", points=changed, typhoon_id=typhoon_id
            )
            == typhoon_id
        )
    with db.session(DUTY) as session:
        track = load_track(session=session, typhoon_id=typhoon_id)
        assert track is not None and track.name == "测试二"
        assert [p.at.hour for p in track.points] == [0, 18]
        records = session.scalars(
            select(AuditRecord).where(AuditRecord.table_name == "typhoon_points")
        ).all()
    assert {r.action for r in records} == {"insert", "delete"}  # hand entry: audited per row
    with db.session(DUTY) as session:
        delete_typhoon(session=session, typhoon_id=typhoon_id)
    assert counts(db) == (0, 0)


def refusal(
    db: Database,
    points: list[PointInput],
    code: str = "2605",
    name: str = "测试",
) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught, db.session(DUTY) as session:
        save_typhoon(session=session, code=code, name=name, points=points)
    found: dict[str, list[str]] = {}
    for field, message in caught.value.problems:
        found.setdefault(field, []).append(message)
    return found


def test_hand_entry_refusals_name_the_point_and_field(db: Database) -> None:
    with db.session(DUTY) as session:
        save_typhoon(session=session, code="2601", name="已有", points=sample_points()[:1])
    good = sample_points()
    assert set(refusal(db, good, code="", name="")) == {"code", "name"}
    assert "code" in refusal(db, good, code="2601")
    swapped = [good[0], PointInput("2026-07-20 14:00", "25.5", "123.0")]
    assert "swapped" in refusal(db, swapped)["points[1].lon"][0]
    assert "points[1].lat" in refusal(db, [good[0], PointInput("2026-07-20 14:00", 123, 75)])
    inverted = [PointInput("2026-07-20 14:00", 123, 25, r7="100", r10="120/80/80/80")]
    assert "force-10" in refusal(db, inverted)["points[0].r10"][0]
    negative = [PointInput("2026-07-20 14:00", 123, 25, r7="-10")]
    assert "negative" in refusal(db, negative)["points[0].r7"][0]
    twice = [good[0], good[1], good[0]]
    problems = refusal(db, twice)
    assert set(problems) == {"points[0].at", "points[2].at"}
    jump = [good[0], PointInput("2026-07-20 11:00", 113.5, 25.0)]
    assert "km/h" in refusal(db, jump)["points[1].lon"][0]
    assert "points[0].at" in refusal(db, [PointInput("soon", 123, 25)])
    assert "points" in refusal(db, [])
    assert "points[0].is_forecast" in refusal(
        db, [PointInput("2026-07-20 14:00", 123, 25, is_forecast="maybe")]
    )
    assert "points[0].pressure_hpa" in refusal(
        db, [PointInput("2026-07-20 14:00", 123, 25, pressure_hpa="1100")]
    )
    assert counts(db) == (1, 1)  # only the first typhoon


def test_hand_entry_needs_edit_rights(db: Database) -> None:
    with pytest.raises(PermissionDenied), db.session(VIEWER) as session:
        save_typhoon(session=session, code="2605", name="测试", points=sample_points())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-08-09 20:00", datetime(2026, 8, 9, 12, tzinfo=UTC)),  # Beijing time by default
        ("2026-08-09T20:00:00", datetime(2026, 8, 9, 12, tzinfo=UTC)),
        ("2026-08-09T12:00Z", datetime(2026, 8, 9, 12, tzinfo=UTC)),
        ("2026-08-09T21:00+09:00", datetime(2026, 8, 9, 12, tzinfo=UTC)),
        ("2026-08-09 12:00:00+00:00", datetime(2026, 8, 9, 12, tzinfo=UTC)),
        ("2026/8/9 20:00", datetime(2026, 8, 9, 12, tzinfo=UTC)),
        ("2026年8月9日20时", datetime(2026, 8, 9, 12, tzinfo=UTC)),
        ("2026年8月9日 20:30", datetime(2026, 8, 9, 12, 30, tzinfo=UTC)),
        ("2026080920", datetime(2026, 8, 9, 12, tzinfo=UTC)),
        (datetime(2026, 8, 9, 20), datetime(2026, 8, 9, 12, tzinfo=UTC)),  # a spreadsheet cell
    ],
)
def test_times_are_read_as_beijing_time_unless_offset(text: object, expected: datetime) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text", ["", "2026-08-09", date(2026, 8, 9), "tomorrow", "2026-13-01 08:00", "2026-08-09 25:00"]
)
def test_times_that_are_refused(text: object) -> None:
    with pytest.raises(ValueError):
        parse_time(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("300", (300.0,) * 4),
        (300, (300.0,) * 4),
        ("300 km", (300.0,) * 4),
        ("300/280/250/260", (300.0, 280.0, 250.0, 260.0)),
        ("300，280，250，260", (300.0, 280.0, 250.0, 260.0)),
        ("300 280 250 260", (300.0, 280.0, 250.0, 260.0)),
        ("东北300公里 东南280公里 西南250公里 西北260公里", (300.0, 280.0, 250.0, 260.0)),
        ("SW250 NW260 NE300 SE280", (300.0, 280.0, 250.0, 260.0)),
        ("300-350", (350.0,) * 4),
        ("", None),
        (None, None),
    ],
)
def test_radii_in_one_cell(text: object, expected: tuple[float, ...] | None) -> None:
    assert parse_radii(text) == expected


@pytest.mark.parametrize("text", ["-50", "300/280/250", "东北300 东南280", "lots", "3000"])
def test_radii_that_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_radii(text)


def test_forecast_flags_and_grades() -> None:
    assert [parse_forecast(v) for v in ("是", "预报", "yes", 1, "", None, "否", "实况", "0")] == [
        True,
        True,
        True,
        True,
        False,
        False,
        False,
        False,
        False,
    ]
    assert intensity_label(52) == "Super typhoon"
    assert intensity_label(33) == "Typhoon"
    assert intensity_label(5) == "" and intensity_label(None) == ""


def test_list_typhoons_puts_the_latest_track_first(db: Database) -> None:
    early = [PointInput("2026-06-01 08:00", 125, 20), PointInput("2026-06-01 14:00", 124.8, 20.2)]
    with db.session(DUTY) as session:
        build_demo_typhoon(session=session)
        save_typhoon(session=session, code="2602", name="早", points=early)
        save_typhoon(session=session, code="2603", name="空", points=early[:1])
    with db.session(VIEWER) as session:
        rows = list_typhoons(session=session)
        assert [r.code for r in rows] == [DEMO_CODE, "2602", "2603"]
        assert rows[1].last_at == datetime(2026, 6, 1, 6, tzinfo=UTC)
        assert rows[1].last_at - rows[1].first_at == timedelta(hours=6)
        assert latest_typhoon_id(session=session) == rows[0].id


def test_the_typhoon_scenario_is_coherent_in_time(typhoon_db: Database) -> None:
    """The demo typhoon's latest fix, the event and its records all sit around the time the
    scenario was built (never months apart)."""
    from models.events import Event
    from models.transfers import RollupSnapshot

    with typhoon_db.session(ADMIN) as session:
        (event,) = session.scalars(select(Event).where(Event.ended_at.is_(None))).all()
        started = event.started_at
        snapshot = session.scalars(select(RollupSnapshot.taken_at)).all()
        typhoon_id = typhoon_id_for(session=session, key=DEMO_CODE)
        assert typhoon_id is not None
        track = load_track(session=session, typhoon_id=typhoon_id)
    assert track is not None and track.current is not None
    built = started + timedelta(hours=9)  # level II since nine hours before the build
    assert built - timedelta(hours=3) < track.current.at <= built  # the latest bulletin
    assert track.points[0].at < started < track.current.at  # the event began as it approached
    assert track.points[-1].at > built  # the forecast runs on from now
    assert snapshot and all(started < at <= built for at in snapshot)
    assert abs(built - datetime.now(UTC)) < timedelta(days=1)  # built for today, not August
