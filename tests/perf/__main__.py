"""Benchmarks: ``bash .ci/run perf [--smoke] [NAME ...]`` runs every ``tests/perf/bench_*.py``
(or the named ones) and prints each figure beside its target and a raw baseline
measured in the same run. Not part of the default test run. Exit 1 when a figure
misses its target.

``--smoke`` measures each figure once and exits 0 even over target: a check that the
benchmarks still run (the README's command test uses it), not a measurement."""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
# Benchmarks that make widgets draw them offscreen: a duty-room machine or CI may have no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ui.binding import keep_singletons_alive, skip_feature_scan  # noqa: E402

keep_singletons_alive()  # as main.py does
skip_feature_scan()
from tests.perf import common  # noqa: E402
from tests.perf.common import Figure  # noqa: E402


def main(args: list[str]) -> int:
    common.SMOKE = "--smoke" in args
    names = [a for a in args if a != "--smoke"]
    benches = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    if names:
        benches = [b for b in benches if b.removeprefix("bench_") in names or b in names]
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmp:  # shared: demo databases are built once
        for bench in benches:
            module = importlib.import_module(f"tests.perf.{bench}")
            figures += module.run(Path(tmp))
    width = max(len(f.name) for f in figures)
    print(f"{'benchmark':<{width}}  {'measured':>9}  {'target':>8}  baseline")
    for f in figures:
        print(
            f"{f.name:<{width}}  {f.seconds:8.3f}s  {f.target:7.3f}s  "
            f"{f.baseline:.3f}s ({f.baseline_name})  {'ok' if f.ok else 'OVER TARGET'}"
        )
    return 0 if common.SMOKE or all(f.ok for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
