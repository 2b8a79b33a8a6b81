"""The risk map at demo scale 10 (28,000 grids, 27,000 danger zones): building the page,
preparing it as the console does (in its own process, with the features file beside the
page), then loading and drawing it in an offscreen web view with the network blocked,
and what the console's UI thread then reads from the prepared files.

Baselines measured in the same run: ``json.dumps`` of the same features as plain GeoJSON
(full precision, every property), an empty Leaflet page loaded the same way, and the
search run over the entries held in memory, as the console did when it held the layers.
``python -m tests.perf.bench_map probe PAGE`` is the child process that loads one page.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.perf import common
from tests.perf.common import ROOT, Figure, demo_database, median_of, timed

SCALE = 10
RUNS = 3


def _layers(url: str) -> list:
    from maps.layers import register_layers
    from models.database import Database
    from models.users import Actor

    db = Database(url)
    try:
        with db.session(Actor(name="bench", role="admin")) as session:
            return register_layers(session=session)
    finally:
        db.dispose()


def build_once(url: str, folder: Path) -> float:
    from maps.pages import write_page

    shutil.rmtree(folder, ignore_errors=True)

    def build() -> None:
        write_page(folder, _layers(url))

    return timed(build)


def raw_features(url: str) -> list[dict]:
    """The same features as plain GeoJSON dicts: full precision, all properties."""
    from maps.geometry import load_wkb
    from models.areas import DangerZone, Division, Grid, Shelter
    from models.database import Database
    from models.users import Actor

    layers = _layers(url)
    db = Database(url)
    shapes = {}
    with db.session(Actor(name="bench", role="admin")) as session:
        for model, keys in (
            (Division, ("county", "towns", "villages")),
            (Grid, ("grids",)),
            (DangerZone, ("danger.",)),
            (Shelter, ("shelters",)),
        ):
            rows = session.execute(
                model.__table__.select().with_only_columns(
                    model.__table__.c.id, model.__table__.c.geom
                )
            ).all()
            geoms = load_wkb([geom for _id, geom in rows])
            for (id_, _geom), shape in zip(rows, geoms, strict=True):
                for key in keys:
                    shapes[(key, id_)] = shape
    db.dispose()
    collections = []
    for layer in layers:
        prefix = "danger." if layer.key.startswith("danger.") else layer.key
        collections.append(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "geometry": shapes[(prefix, props["id"])].__geo_interface__,
                        "properties": props,
                    }
                    for props in layer.features.properties
                ],
            }
        )
    return collections


def probe_load(page: Path) -> float:
    """Seconds from load() to the page's drawn signal, in a fresh process (cold web engine)."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.perf.bench_map", "probe", str(page)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "QTWEBENGINE_CHROMIUM_FLAGS": os.environ.get(
                "QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox"
            ),
        },
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"map probe failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    answer = json.loads(lines[-1])
    if answer.get("blocked"):
        raise RuntimeError(f"the map page asked the network for {answer['blocked']}")
    return float(answer["seconds"])


class Preparer:
    """The console's preparing process (python -m ui.map.preparer), kept between builds as
    the map page keeps it: a build is timed from the request to the page's answer (the
    console shows the page then), and on to the features file's."""

    def __init__(self, url: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ui.map.preparer"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        self.asked = 0
        self._say({"url": url, "actor": ["bench", "admin"], "language": "zh_CN"})

    def _say(self, message: dict) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()

    def prepare(self, folder: Path) -> tuple[float, float]:
        """Seconds to the page, and from the page to the features file."""
        shutil.rmtree(folder, ignore_errors=True)
        self.asked += 1
        start = time.perf_counter()
        self._say({"id": self.asked, "folder": str(folder), "tiles_available": True})
        times = []
        for stage in ("page", "features"):
            answer = self._answer()
            times.append(time.perf_counter() - start)
            if not answer.get("ok") or answer.get("stage") != stage:
                raise RuntimeError(f"map not prepared: {answer}")
        return times[0], times[1] - times[0]

    def _answer(self) -> dict:
        assert self.process.stdout is not None
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=60)


def read_figures(folder: Path, url: str) -> tuple[float, float, float]:
    """What the console reads from a prepared page: the worst of the UI thread's reads (the
    summary, a feature's properties for the details panel); a search for a rare name that
    scans every entry (run in a worker, off the UI thread); and that search over the
    entries in memory."""
    from maps.layers import search_entries
    from maps.prepared import SUMMARY_NAME, PreparedMap
    from models.search import matches, query_terms

    page = folder / "map.html"
    layers = _layers(url)
    entries = search_entries(layers)
    village = next(layer for layer in layers if layer.key == "villages").features.properties[0]
    rare = query_terms("zzzz 没有")
    searched: list[float] = []

    def read() -> float:
        start = time.perf_counter()
        with (folder / SUMMARY_NAME).open(encoding="utf-8") as file:
            prepared = PreparedMap.from_summary(folder, json.load(file))
        prepared.features_ready = True  # the preparing process said so (Preparer.prepare)
        worst = time.perf_counter() - start
        assert prepared.page == page
        worst = max(worst, timed(lambda: prepared.properties("villages", village["id"])))
        searched.append(
            max(
                timed(lambda: prepared.search(query_terms("石塘"), 50)),
                timed(lambda: prepared.search(rare, 50)),
            )
        )
        read_back = prepared.properties("villages", village["id"]) or {}
        assert read_back["name"] == village["name"]  # labels in Chinese there
        assert prepared.search(query_terms("村"), 50)
        prepared.close()
        return worst

    def in_memory() -> None:
        [e for e in entries if matches(e.key, rare)][:50]

    ui_thread = median_of(RUNS, read)
    return (
        ui_thread,
        sorted(searched)[len(searched) // 2],
        median_of(RUNS, lambda: timed(in_memory)),
    )


def run(folder: Path) -> list[Figure]:
    from maps.pages import write_page

    url = demo_database(folder, SCALE)
    pages = folder / "map-pages"
    build_once(url, pages / "warm")  # warm the file cache and imports
    built = median_of(RUNS, lambda: build_once(url, pages / "full"))
    preparer = Preparer(url)
    try:
        preparer.prepare(pages / "warm-prepared")  # the process's first build
        runs = 1 if common.SMOKE else RUNS
        stages = [preparer.prepare(pages / "prepared") for _run in range(runs)]
        prepared = sorted(page for page, _features in stages)[len(stages) // 2]
        features = sorted(features for _page, features in stages)[len(stages) // 2]
    finally:
        preparer.close()
    read, search, scanned = read_figures(pages / "prepared", url)
    collections = raw_features(url)
    dumped = median_of(
        RUNS, lambda: timed(lambda: [json.dumps(c, ensure_ascii=False) for c in collections])
    )
    empty = write_page(pages / "empty", [])
    page = pages / "full" / "map.html"
    probe_load(empty)  # first web engine start of the run
    loaded = median_of(RUNS, lambda: probe_load(page))
    bare = median_of(RUNS, lambda: probe_load(empty))
    listed, brute = area_figures(url)
    return [
        Figure(
            f"map page built, demo scale {SCALE}",
            built,
            2.0,
            "json.dumps of the same features",
            dumped,
        ),
        Figure(
            f"map page prepared in its own process, demo scale {SCALE}",
            prepared,
            2.0,
            "json.dumps of the same features",
            dumped,
        ),
        Figure(
            f"then its features file (details, search), demo scale {SCALE}",
            features,
            2.0,
            "json.dumps of the same features",
            dumped,
        ),
        Figure(
            f"map page loaded and drawn, demo scale {SCALE}",
            loaded,
            5.0,
            "empty Leaflet page",
            bare,
        ),
        Figure(
            f"worst read of a prepared map by the UI thread, demo scale {SCALE}",
            read,
            0.02,
            "a search over the entries in memory",
            scanned,
        ),
        Figure(
            f"map search, a rare name scanning every entry (worker), demo scale {SCALE}",
            search,
            0.1,
            "the same search over the entries in memory",
            scanned,
        ),
        Figure(
            f"drawn area of 5 km radius listed, demo scale {SCALE}",
            listed,
            0.2,
            "brute force: every feature and household tested",
            brute,
        ),
    ]


AREA = {"type": "Circle", "center": [121.38, 28.37], "radius": 5000.0}
"""A 5 km circle around the county seat (the demo's densest part)."""


def area_figures(url: str) -> tuple[float, float]:
    """Seconds to list what a 5 km circle holds with the loaded index (maps.area), and with
    a brute force over the same arrays without the trees; both lists must agree."""
    import numpy as np
    import shapely

    from maps.area import AreaIndex, area_shape
    from models.database import Database
    from models.users import Actor

    db = Database(url)
    try:
        with db.session(Actor(name="bench", role="admin")) as session:
            index = AreaIndex.load(session=session)
    finally:
        db.dispose()
    polygon = area_shape(AREA)
    contents = index.contents(AREA)

    def brute() -> dict[str, int]:
        counts = {}
        zones: np.ndarray = np.empty(0)
        for layer in ("village", "grid", "danger_zone", "shelter"):
            data = index.reach.layers[layer]
            hit = data.ids[shapely.intersects(data.geometries, polygon)]
            counts[layer] = len(hit)
            if layer == "danger_zone":
                zones = hit
        people = index.reach.households
        assert people is not None
        located = ~np.isnan(people.lon)
        inside = np.zeros(len(people.ids), dtype=bool)
        inside[located] = shapely.contains_xy(polygon, people.lon[located], people.lat[located])
        inside[~located] = np.isin(people.zones[~located], zones)
        counts["household"] = int(inside.sum())
        return counts

    expected = brute()
    for layer, count in expected.items():
        if contents.counts[layer] != count:
            raise RuntimeError(
                f"area lists disagree on {layer}: {contents.counts[layer]} != {count}"
            )
    listed = median_of(RUNS, lambda: timed(lambda: index.contents(AREA)))
    baseline = median_of(RUNS, lambda: timed(brute))
    return listed, baseline


def _probe(page: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from ui.map.view import register_schemes

    register_schemes()
    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication(["bench_map"])
    from ui.map.view import MapView

    view = MapView()
    view.resize(1400, 900)
    blocker = view.block_network()
    view.show()
    loop = QEventLoop()
    summary: dict = {}
    view.drawn.connect(lambda s: (summary.update(s), loop.quit()))
    view.failed.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    start = time.perf_counter()
    view.show_page(page)
    loop.exec()
    seconds = time.perf_counter() - start
    ok = bool(summary.get("drawn"))
    print(
        json.dumps(
            {
                "seconds": seconds,
                "drawn": ok,
                "blocked": blocker.blocked,
                "timings": summary.get("timings"),
                "layers": summary.get("layers"),
            }
        ),
        flush=True,
    )
    del app
    os._exit(0 if ok else 1)  # a measuring child: skip Qt WebEngine's slow, fragile teardown


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "probe":
        sys.exit(_probe(Path(sys.argv[2])))
    sys.exit("usage: python -m tests.perf.bench_map probe PAGE (or run: bash .ci/run perf map)")
