"""Benchmarks: ``bash .ci/run perf`` prints each figure beside its target and a raw
baseline measured in the same run. Not part of the default test run."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


@dataclass
class Figure:
    name: str
    seconds: float
    target: float
    baseline_name: str
    baseline: float

    @property
    def verdict(self) -> str:
        return "ok" if self.seconds <= self.target else "OVER TARGET"


def median_of(runs: int, fn: Callable[[], float]) -> float:
    return statistics.median(fn() for _ in range(runs))


def time_process(*args: str) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    elapsed = time.perf_counter() - start
    if "shown" not in result.stdout:
        raise RuntimeError(f"{args} did not show its window:\n{result.stderr[-2000:]}")
    return elapsed


def build_demo_database(folder: Path, scale: int) -> str:
    url = f"sqlite:///{folder / f'demo-{scale}.sqlite'}"
    result = subprocess.run([sys.executable, "main.py", "--db", url, "demo", "--scale", str(scale)],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stdout + result.stderr)
    return url


def startup(folder: Path) -> list[Figure]:
    url = build_demo_database(folder, 1)
    time_process("-m", "tests.perf.startup_probe", "console", url)  # warm the file caches
    console = median_of(5, lambda: time_process("-m", "tests.perf.startup_probe", "console", url))
    bare = median_of(5, lambda: time_process("-m", "tests.perf.startup_probe", "bare"))
    return [Figure("start-up to main window on the demo county", console, 2.0,
                   "bare PySide6 window", bare)]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        figures = startup(Path(tmp))
    width = max(len(f.name) for f in figures)
    print(f"{'benchmark':<{width}}  {'measured':>9}  {'target':>7}  baseline")
    for f in figures:
        print(f"{f.name:<{width}}  {f.seconds:8.3f}s  {f.target:6.1f}s  "
              f"{f.baseline:.3f}s ({f.baseline_name})  {f.verdict}")
    return 0 if all(f.seconds <= f.target for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
