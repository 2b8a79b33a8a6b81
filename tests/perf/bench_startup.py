"""Start-up to the main window shown on the demo county, beside a bare PySide6 window."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.perf.common import ROOT, Figure, demo_database, median_of


def time_process(*args: str) -> float:
    """Seconds from starting the process to its "shown" line (its exit is not counted)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    _, errors = process.communicate()
    if not line.startswith("shown"):
        raise RuntimeError(f"{args} did not show its window:\n{errors[-2000:]}")
    return elapsed


def run(folder: Path) -> list[Figure]:
    url = demo_database(folder, 1)
    probe = ("-m", "tests.perf.startup_probe")
    time_process(*probe, "console", url)  # warm the file caches
    console = median_of(5, lambda: time_process(*probe, "console", url))
    bare = median_of(5, lambda: time_process(*probe, "bare"))
    return [
        Figure("start-up to main window, demo county", console, 2.0, "bare PySide6 window", bare)
    ]
