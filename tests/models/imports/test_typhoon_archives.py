"""`import typhoon` of tracks as best-track archives and bulletins write them: English
headers with units and separators, radii at every other point and none once the storm
weakens; the columns not read listed; radii interpolated between the points that give them.

Runs on SQLite and, with ECC_TEST_DATABASE_URL, on PostgreSQL (the `db` fixture).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from maps.typhoon import circles_at, interpolate, track_geojson
from models.database import Database
from models.imports import format_report
from models.imports.typhoon import import_typhoon
from models.imports.typhoon_headers import read_header
from models.typhoons import load_track
from tests.conftest import ADMIN

ARCHIVE_HEADER = (
    "Time_UTC,Lat(N),Lon_E,Pressure (hPa),Wind_speed_m/s,"
    "R7_NE_km,R7 SE (km),R7_SW_km,R7_NW_km,R10_NE_km,R10 SE (km),R10_SW_km,R10_NW_km,"
    "Grade,USA_R34_NE (nmi)"
)
R7 = ("350,330,270,280", "340,320,260,280", "330,310,250,270", "300,280,240,250", "260,250,200,220")
R10 = ("150,140,110,120", "150,130,110,120", "140,120,100,110", "120,110,90,100", "90,80,60,70")
# Positions every 3 hours, radii every 6 (the 3-hourly points leave them empty), none
# for the last two points once the storm has weakened. Landfall near 18:00 UTC.
POSITIONS = (
    ("2026-09-01 00:00", 26.60, 123.95, 935, 52),
    ("2026-09-01 03:00", 26.95, 123.50, 935, 52),
    ("2026-09-01 06:00", 27.25, 123.10, 935, 52),
    ("2026-09-01 09:00", 27.55, 122.70, 938, 50),
    ("2026-09-01 12:00", 27.85, 122.30, 940, 50),
    ("2026-09-01 15:00", 28.07, 121.92, 945, 48),
    ("2026-09-01 18:00", 28.30, 121.52, 950, 45),
    ("2026-09-01 21:00", 28.50, 121.30, 960, 40),
    ("2026-09-02 00:00", 28.75, 121.05, 965, 38),
    ("2026-09-02 03:00", 29.10, 120.90, 975, 30),
    ("2026-09-02 06:00", 29.40, 120.75, 980, 28),
)
EMPTY_RADII = ",,,,,,,"


def archive_rows(given: tuple[int, ...] = (0, 2, 4, 6, 8)) -> list[str]:
    """The rows, radii at the positions ``given`` (every 6 hours until the storm weakens)."""
    rows = []
    for index, (at, lat, lon, pressure, wind) in enumerate(POSITIONS):
        radii = f"{R7[index // 2]},{R10[index // 2]}" if index in given else EMPTY_RADII
        rows.append(f"{at},{lat},{lon},{pressure},{wind},{radii},TY,")
    return rows


def write_track(folder: Path, header: str = ARCHIVE_HEADER, rows: list[str] | None = None) -> Path:
    """The archive's track as a CSV file, as a duty room saves it from a bulletin table."""
    path = folder / "2611_Archive.csv"
    path.write_text("\n".join([header, *(rows or archive_rows())]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("label", "key", "scale"),
    [
        ("Time_UTC", "time", 1.0),
        ("ISO_TIME", "time", 1.0),
        ("Lat(N)", "lat", 1.0),
        ("LAT(0.1°N)", "lat", 0.1),
        ("Lon_E", "lon", 1.0),
        ("Pressure (hPa)", "pressure", 1.0),
        ("Wind_speed_m/s", "wind", 1.0),
        ("Vmax (kt)", "wind", 0.514444),
        ("R7_NE_km", "r7_ne", 1.0),
        ("R10 SE (km)", "r10_se", 1.0),
        ("R12_NW", "r12_nw", 1.0),
        ("radius_7_ne", "r7_ne", 1.0),
        ("Force-10 radius SW (km)", "r10_sw", 1.0),
        ("R30_NE (nmi)", "r7_ne", 1.852),  # China's bulletins: 30 kt is the force-7 circle
        ("R64_SE", "r12_se", 1.0),
        ("R7", "r7", 1.0),
    ],
)
def test_headers_as_archives_write_them(label: str, key: str, scale: float) -> None:
    header = read_header(label)
    assert header is not None and header.key == key and header.scale == pytest.approx(scale)


@pytest.mark.parametrize("label", ["USA_R34_NE", "Grade", "SID", "Storm speed", "Remark"])
def test_headers_the_import_does_not_read(label: str) -> None:
    assert read_header(label) is None  # R34 is the force-8 gale: not taken for force 7


def test_archive_track_imports_its_radii_and_lists_the_columns_not_read(
    db: Database, tmp_path: Path
) -> None:
    path = write_track(tmp_path)
    with db.session(ADMIN) as session:
        report = import_typhoon(session=session, path=path, name="Archive")
        session.commit()
    assert report.ok, format_report(report)
    assert (report.code, report.inserted) == ("2611", len(POSITIONS))
    assert report.unused_columns == ["N Grade", "O USA_R34_NE (nmi)"]
    text = format_report(report)
    assert "Grade" in text and "USA_R34_NE" in text
    assert "Wind radii are given at 5 of 11 points" in text
    assert "Column A: times without an offset are read as UTC." in text
    with db.session(ADMIN) as session:
        assert report.typhoon_id is not None
        track = load_track(session=session, typhoon_id=report.typhoon_id)
    assert track is not None
    assert track.points[0].at == datetime(2026, 9, 1, 0, tzinfo=UTC)  # UTC, not Beijing
    assert [p.r7 is not None for p in track.points] == [
        i % 2 == 0 and i < 9 for i in range(len(POSITIONS))
    ]
    assert track.points[0].r7 == (350.0, 330.0, 270.0, 280.0)
    assert track.points[0].r10 == (150.0, 140.0, 110.0, 120.0)

    # Between two points that give radii the circles do not vanish: interpolated, marked.
    landfall, after = track.points[6], track.points[7]
    assert after.r7 is None  # as stored: the archive gives none at 21:00
    at_after = interpolate(track, after.at)
    assert at_after is not None and at_after.radii_interpolated
    assert at_after.r7 == pytest.approx((280.0, 265.0, 220.0, 235.0))
    assert at_after.r10 == pytest.approx((105.0, 95.0, 75.0, 85.0))
    circles = circles_at(track, after.at)
    assert circles[7] is not None and circles[10] is not None
    half_hour = interpolate(track, landfall.at + timedelta(minutes=30))
    assert half_hour is not None and half_hour.radii_interpolated and half_hour.r10 is not None
    features = track_geojson(track, after.at)["features"]
    marks = {
        f["properties"]["time"]: f["properties"]["radii"]
        for f in features
        if f["properties"]["kind"] == "track_point"
    }
    assert marks["2026-09-02 05:00"] == "interpolated"  # 21:00 UTC, in Beijing time
    assert marks["2026-09-02 02:00"] == "given"
    assert marks["2026-09-02 14:00"] == "none"  # weakened: no radii, none carried
    drawn = {  # the page draws each kind of point with its own symbol
        f["properties"]["time"]: f["properties"]["mark"]
        for f in features
        if f["properties"]["kind"] == "track_point"
    }
    assert drawn["2026-09-02 05:00"] == "track_point_interpolated"
    assert drawn["2026-09-02 02:00"] == "track_point"
    assert drawn["2026-09-02 14:00"] == "track_point_no_radii"
    current = next(f for f in features if f["properties"].get("current"))
    assert "interpolated" in current["properties"]["label"]

    # After the last point with radii no circle is carried on.
    assert circles_at(track, track.points[-1].at) == {7: None, 10: None, 12: None}
    last = interpolate(track, track.points[-1].at)
    assert last is not None and not last.has_radii


def test_radii_are_not_interpolated_across_a_long_gap(db: Database, tmp_path: Path) -> None:
    # Radii at 00:00 and then not before 18:00: 18 hours, more than the 12 allowed.
    rows = archive_rows(given=(0, 6, 8))
    with db.session(ADMIN) as session:
        report = import_typhoon(session=session, path=write_track(tmp_path, rows=rows), name="A")
        session.commit()
    assert report.ok, format_report(report)
    with db.session(ADMIN) as session:
        assert report.typhoon_id is not None
        track = load_track(session=session, typhoon_id=report.typhoon_id)
    assert track is not None
    gap = interpolate(track, track.points[3].at)
    assert gap is not None and not gap.has_radii
    near = interpolate(track, track.points[7].at)  # 18:00 to 00:00: six hours
    assert near is not None and near.radii_interpolated


def test_a_track_without_radii_says_no_wind_circles_can_be_drawn(
    db: Database, tmp_path: Path
) -> None:
    # Radii under headers the import cannot read (JTWC's 34-kt gale radii in nautical miles).
    header = "ISO_TIME,LAT,LON,USA_PRES,USA_WIND (kt),USA_R34_NE,USA_R34_SE,USA_R34_SW,USA_R34_NW"
    rows = [
        f"{at},{lat},{lon},{pressure},{round(wind / 0.514444)},120,110,90,100"
        for at, lat, lon, pressure, wind in POSITIONS
    ]
    with db.session(ADMIN) as session:
        report = import_typhoon(
            session=session, path=write_track(tmp_path, header, rows), name="No radii"
        )
        session.commit()
    assert report.ok
    text = format_report(report)
    assert "no wind circles can be drawn" in text
    assert [c.split(" ", 1)[1] for c in report.unused_columns] == [
        "USA_PRES",
        "USA_R34_NE",
        "USA_R34_SE",
        "USA_R34_SW",
        "USA_R34_NW",
    ]
    assert "Columns E: wind in knots, converted to metres per second." in text
    with db.session(ADMIN) as session:
        assert report.typhoon_id is not None
        track = load_track(session=session, typhoon_id=report.typhoon_id)
    assert track is not None and not any(p.has_radii for p in track.points)
    assert track.points[0].at == datetime(2026, 9, 1, 0, tzinfo=UTC)  # ISO_TIME is UTC
    assert track.points[0].max_wind_ms == pytest.approx(52, abs=0.3)


def test_radii_in_nautical_miles_under_a_grouped_header(db: Database, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Time (BJT)", "Lon", "Lat", "R30 (nmi)", None, None, None])
    sheet.append([None, None, None, "NE", "SE", "SW", "NW"])
    sheet.append(["2026-09-01 08:00", 123.95, 26.60, 100, 90, 80, 70])
    sheet.append(["2026-09-01 14:00", 123.10, 27.25, 100, 90, 80, 70])
    sheet.merge_cells("D1:G1")
    path = tmp_path / "2612_Grouped.xlsx"
    workbook.save(path)
    with db.session(ADMIN) as session:
        report = import_typhoon(session=session, path=path, name="Grouped")
        session.commit()
    assert report.ok, format_report(report)
    with db.session(ADMIN) as session:
        assert report.typhoon_id is not None
        track = load_track(session=session, typhoon_id=report.typhoon_id)
    assert track is not None
    assert track.points[0].at == datetime(2026, 9, 1, 0, tzinfo=UTC)  # Beijing time
    assert track.points[0].r7 == pytest.approx((185.2, 166.7, 148.2, 129.6), abs=0.05)


def test_the_map_legend_explains_the_marked_points(db: Database, tmp_path: Path) -> None:
    from maps.layers.typhoon import typhoon_layers

    with db.session(ADMIN) as session:
        import_typhoon(session=session, path=write_track(tmp_path), name="Archive")
        session.commit()
    with db.session(ADMIN) as session:
        (layer,) = typhoon_layers(session=session)
    labels = [entry.text() for entry in layer.legend]
    assert "Track point, wind radii interpolated" in labels
    assert "Track point, no wind radii known" in labels
