"""What the typhoon's wind circles reach, on the demo county at scale 10, beside
vectorised brute-force ``shapely.intersects`` over the same features and shapes.

The figure times one query batch as the console runs it after the register is
loaded: drawing the shapes (force-7 and force-10 circles now, and the areas they
sweep along the forecast), building one STRtree per layer, and querying each tree
with each shape (``predicate="intersects"``). Loading the geometries from the
database is not included. The database is left as it was: the demo typhoon is
added inside a transaction that is rolled back.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import shapely
from sqlalchemy.orm import Session

from maps.reach import ReachIndex, load_register
from maps.typhoon import FeatureIndex, reach_circles
from models.database import Database
from models.typhoons import TyphoonTrack, build_demo_typhoon, load_track
from models.users import Actor
from tests.perf.common import Figure, demo_database, median_of, timed
from ui.map.typhoon import DEFAULT_CHOICE, AtTime, slider_times
from ui.map.typhoon_reach import at_answer

SCALE = 10
RUNS = 7
TARGET = 0.2
UI_TARGET = 0.02  # a fifth of the 100 ms a UI-thread tick may be late
BENCH_ACTOR = Actor(name="bench", role="admin")


def run(folder: Path) -> list[Figure]:
    database = Database(demo_database(folder, SCALE))
    session = Session(database.engine)
    session.info["actor"] = BENCH_ACTOR
    try:
        typhoon_id = build_demo_typhoon(session=session)  # no-op once the demo writes it
        track = load_track(session=session, typhoon_id=typhoon_id)
        assert track is not None
        layers = load_register(session=session)
        index = ReachIndex.load(session=session)  # the register and the households, as the map
    finally:
        session.rollback()
        session.close()
        database.dispose()
    arrays = {layer: (data.ids, data.geometries) for layer, data in layers.items()}
    features = sum(len(data.ids) for data in layers.values())

    answer: dict[str, dict[str, np.ndarray]] = {}

    def batch() -> float:
        start = time.perf_counter()
        shapes = reach_circles(track)
        result = FeatureIndex.from_arrays(arrays).reach(shapes)
        elapsed = time.perf_counter() - start
        answer.update(result.hits)
        return elapsed

    everything = np.concatenate([data.geometries for data in layers.values()])
    all_ids = np.concatenate([data.ids for data in layers.values()])
    all_layers = np.concatenate([[layer] * len(data.ids) for layer, data in layers.items()])
    brute_answer: dict[str, dict[str, np.ndarray]] = {}

    def brute() -> float:
        shapes = reach_circles(track)  # fresh shapes, as unprepared as the batch gets them
        start = time.perf_counter()
        for name, shape in shapes.items():
            if shape is None:
                continue
            shapely.prepare(shape)
            hit = shapely.intersects(shape, everything)  # prepared only as first argument
            brute_answer[name] = {
                layer: np.sort(all_ids[hit & (all_layers == layer)]) for layer in layers
            }
        return time.perf_counter() - start

    batch()  # warm up
    seconds = median_of(RUNS, batch)
    baseline = median_of(RUNS, brute)
    for name, by_layer in brute_answer.items():  # same answer, or the figure means nothing
        for layer, ids in by_layer.items():
            if not np.array_equal(ids, answer[name][layer]):
                raise AssertionError(f"STRtree and brute force differ: {name} {layer}")
    return [
        Figure(
            f"wind-circle reach, scale {SCALE} ({features:,} features, 4 shapes; "
            "shapes + STRtrees + queries)",
            seconds,
            TARGET,
            "brute-force shapely.intersects, prepared shapes",
            baseline,
        ),
        *slider_step(track, index, everything),
    ]


def slider_step(track: TyphoonTrack, index: ReachIndex, everything: np.ndarray) -> list[Figure]:
    """One step of the map's time slider as the process computing the reach answers it
    (``ui.map.typhoon_reach.at_answer``): the circles and the track as GeoJSON, the reach
    of the features and of the register year's households with their people, and the
    chosen count's features listed, written as the line the panel reads. Baseline: brute
    force over the same features and household points.

    And the UI thread's share of the step: reading that line into what the panel shows
    (``AtTime.answered``), beside parsing the same JSON alone."""
    households = index.households
    assert households is not None and len(households.ids)
    times = slider_times(track)
    stops = [t for t in times if track.current is not None and t >= track.current.at]
    steps = iter(stops * RUNS)
    lines: list[str] = []

    def step() -> float:
        at = next(steps)
        start = time.perf_counter()
        answer = at_answer(track, index.table(track, at), *DEFAULT_CHOICE)
        lines.append(json.dumps({"id": 1, "ok": True, **answer}))
        return time.perf_counter() - start

    def brute() -> float:
        shapes = reach_circles(track, stops[0])
        start = time.perf_counter()
        for shape in shapes.values():
            if shape is None:
                continue
            shapely.prepare(shape)
            shapely.intersects(shape, everything)
            shapely.contains_xy(shape, households.lon, households.lat)
        return time.perf_counter() - start

    step()  # warm up
    seconds = median_of(RUNS, step)
    baseline = median_of(RUNS, brute)
    longest = max(lines, key=len)
    read = median_of(RUNS, lambda: timed(lambda: AtTime.answered(json.loads(longest))))
    parse = median_of(RUNS, lambda: timed(lambda: json.loads(longest)))
    return [
        Figure(
            f"map time slider step, scale {SCALE} (the features above and "
            f"{len(households.ids):,} households; circles, counts, chosen count listed)",
            seconds,
            TARGET,
            "brute force over the same features and household points",
            baseline,
        ),
        Figure(
            f"the step's answer read on the UI thread, scale {SCALE} "
            f"({len(longest.encode()) / 1e3:,.0f} kB)",
            read,
            UI_TARGET,
            "parsing its JSON alone",
            parse,
        ),
    ]
