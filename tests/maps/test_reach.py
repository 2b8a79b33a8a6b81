"""What the demo typhoon's wind circles reach in the demo county, checked against brute
force, and the Excel export read back."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import openpyxl
import pytest
import shapely
from sqlalchemy import select

from maps.reach import (
    CIRCLES,
    LAYERS,
    OutsideTrack,
    TyphoonNotFound,
    circle_label,
    compute_reach,
    export_reach_xlsx,
    layer_label,
)
from maps.typhoon import reach_circles
from models.areas import DangerZone, Division, Grid, Shelter
from models.database import Database
from models.transfers import Household
from models.typhoons import BEIJING, build_demo_typhoon, load_track
from models.users import Actor
from tests.conftest import ADMIN

VIEWER = Actor(name="test-viewer", role="viewer")
COASTAL_TOWNS = {"石塘镇", "松门镇", "箬横镇", "滨海镇"}
HILL_TOWNS = {"大溪镇", "温峤镇", "泽国镇"}


@pytest.fixture
def typhoon_id(demo_db: Database) -> int:
    """The demo typhoon in the demo county (built here until the demo builder writes it)."""
    with demo_db.session(ADMIN) as session:
        return build_demo_typhoon(session=session)


def town_names(table_rows: list, flag: str) -> set[str]:
    return {row.name for row in table_rows if row.layer == "town" and getattr(row, flag)}


def test_force7_reaches_the_coast_first_and_the_county_by_landfall(
    demo_db: Database, typhoon_id: int
) -> None:
    with demo_db.session(VIEWER) as session:
        early = compute_reach(
            session=session, typhoon_id=typhoon_id, at=datetime(2026, 8, 9, 10, tzinfo=BEIJING)
        )
        now = compute_reach(session=session, typhoon_id=typhoon_id)
        landfall = compute_reach(
            session=session,
            typhoon_id=typhoon_id,
            at=datetime(2026, 8, 10, 2, tzinfo=BEIJING),
            along_forecast=False,
        )
    # Twelve hours before landfall the outer gales touch the eastern coast only.
    reached = town_names(early.rows, "force7_now")
    assert reached >= COASTAL_TOWNS and not reached & HILL_TOWNS
    assert town_names(early.rows, "force10_now") == set()
    assert early.count("town").force10_forecast == 16  # the forecast brings storm force to all
    # At the last bulletin (20:00) gales cover the county, storm force its eastern part.
    assert now.at == datetime(2026, 8, 9, 20, tzinfo=BEIJING)
    assert now.count("town").force7_now == now.count("town").total == 16
    storm = town_names(now.rows, "force10_now")
    assert storm >= COASTAL_TOWNS and not storm & HILL_TOWNS
    # At landfall everything is inside the force-10 circle.
    for count in landfall.counts:
        assert count.total > 0
        assert count.force10_now == count.total, count
        assert count.force7_forecast == 0  # not asked for
    village_counts = now.count("village")
    assert 0 < village_counts.force10_now < village_counts.force7_now


@pytest.mark.parametrize("hour", [10, 20])  # circles that cut across the county
def test_strtree_answer_equals_brute_force(demo_db: Database, typhoon_id: int, hour: int) -> None:
    at = datetime(2026, 8, 9, hour, tzinfo=BEIJING)
    with demo_db.session(ADMIN) as session:
        table = compute_reach(session=session, typhoon_id=typhoon_id, at=at)
        track = load_track(session=session, typhoon_id=typhoon_id)
        assert track is not None
        sources = {
            "town": select(Division.id, Division.geom).where(Division.level == "town"),
            "village": select(Division.id, Division.geom).where(Division.level == "village"),
            "grid": select(Grid.id, Grid.geom),
            "danger_zone": select(DangerZone.id, DangerZone.geom),
            "shelter": select(Shelter.id, Shelter.geom),
        }
        loaded = {
            layer: [(i, g) for i, g in session.execute(stmt) if g is not None]
            for layer, stmt in sources.items()
        }
    shapes = reach_circles(track, at)
    partial = 0
    for layer, rows in loaded.items():
        ids = np.array([i for i, _ in rows])
        geometries = shapely.from_wkb([g for _, g in rows])
        for circle in CIRCLES:
            shape = shapes[circle]
            expected = set() if shape is None else set(ids[shapely.intersects(geometries, shape)])
            got = {row.id for row in table.rows if row.layer == layer and getattr(row, circle)}
            assert got == expected, (layer, circle)
            assert getattr(table.count(layer), circle) == len(expected)
            partial += 0 < len(expected) < len(rows)
    assert partial >= 5  # the circles cut through every layer, not all-or-nothing

    # Households (the register year's): by their point; their people summed.
    with demo_db.session(ADMIN) as session:
        households = session.execute(
            select(Household.id, Household.lon, Household.lat, Household.residents)
        ).all()
    assert households and all(h.lon is not None for h in households)  # the demo locates all
    for circle in CIRCLES:
        shape = shapes[circle]
        inside = [
            h
            for h in households
            if shape is not None and shape.intersects(shapely.Point(h.lon, h.lat))
        ]
        got = {row.id for row in table.rows if row.layer == "household" and getattr(row, circle)}
        assert got == {h.id for h in inside}, circle
        assert getattr(table.count("people"), circle) == sum(h.residents for h in inside)
    counted = table.count("household")
    assert any(0 < getattr(counted, circle) < len(households) for circle in CIRCLES)


def test_rows_name_town_and_village(demo_db: Database, typhoon_id: int) -> None:
    with demo_db.session(ADMIN) as session:
        table = compute_reach(session=session, typhoon_id=typhoon_id)
    layers = [row.layer for row in table.rows]
    assert layers == sorted(layers, key=list(LAYERS).index)  # grouped in layer order
    for row in table.rows:
        assert row.name
        if row.layer != "town":
            assert row.town and (row.village or row.layer == "village")
        assert any(getattr(row, circle) for circle in CIRCLES)
    zone = next(row for row in table.rows if row.layer == "danger_zone")
    assert zone.code and zone.detail  # the zone's type
    shelter = next(row for row in table.rows if row.layer == "shelter")
    assert "Capacity" in shelter.detail


def test_export_reads_back_with_the_counts(
    demo_db: Database, typhoon_id: int, tmp_path: Path
) -> None:
    with demo_db.session(VIEWER) as session:
        table = compute_reach(session=session, typhoon_id=typhoon_id)
    path = export_reach_xlsx(table, tmp_path / "out" / "reach.xlsx")
    workbook = openpyxl.load_workbook(path, read_only=True)
    counts_sheet, details_sheet = workbook.worksheets
    counts = list(counts_sheet.iter_rows(values_only=True))
    assert "2606" in counts[0][0] and "演示台风" in counts[0][0]
    assert "2026-08-09 20:00" in counts[1][0]
    assert list(counts[2]) == ["Layer", "In the county", *map(circle_label, CIRCLES)]
    for line, count in zip(counts[3:], table.counts, strict=True):
        assert list(line) == [
            layer_label(count.layer),
            count.total,
            count.force7_now,
            count.force10_now,
            count.force7_forecast,
            count.force10_forecast,
        ]
    details = list(details_sheet.iter_rows(values_only=True))
    assert details[2][:3] == ("Layer", "Code", "Name")
    body = details[3:]
    assert len(body) == len(table.rows)
    for index, circle in enumerate(CIRCLES):
        column = 6 + index
        flagged = sum(1 for line in body if line[column] == "Yes")
        assert flagged == sum(getattr(c, circle) for c in table.counts if c.layer != "people")
    villages = [line for line in body if line[0] == layer_label("village")]
    assert len(villages) == table.count("village").force7_now


def test_export_without_the_forecast_and_outside_the_track(
    demo_db: Database, typhoon_id: int, tmp_path: Path
) -> None:
    with demo_db.session(ADMIN) as session:
        track = load_track(session=session, typhoon_id=typhoon_id)
        assert track is not None
        for outside in (
            track.points[-1].at + timedelta(days=1),
            track.points[0].at - timedelta(minutes=1),
        ):
            with pytest.raises(OutsideTrack) as refused:
                compute_reach(session=session, typhoon_id=typhoon_id, at=outside)
            # The message gives the track's span (Beijing time by default).
            assert "2026-08-08 08:00" in refused.value.message
            assert "2026-08-11 20:00" in refused.value.message
        table = compute_reach(
            session=session, typhoon_id=typhoon_id, at=track.points[-1].at, along_forecast=False
        )
        with pytest.raises(TyphoonNotFound):
            compute_reach(session=session, typhoon_id=typhoon_id + 100)
    # The last forecast point, far inland and weakened: no gale reaches the county.
    assert table.rows == [] and all(c.force7_now == 0 for c in table.counts)
    assert table.radii_known
    path = export_reach_xlsx(table, tmp_path / "reach.xlsx")
    header = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))[2]
    assert list(header) == [
        "Layer",
        "In the county",
        circle_label("force7_now"),
        circle_label("force10_now"),
    ]
