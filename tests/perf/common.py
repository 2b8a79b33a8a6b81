"""What every benchmark shares: the figure it reports and a demo database to run on."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

ROOT = Path(__file__).resolve().parents[2]
SMOKE = False  # set by ``--smoke``: every figure measured once


@dataclass
class Figure:
    """One measured figure beside its target and a raw baseline measured in the same run."""

    name: str
    seconds: float
    target: float
    baseline_name: str
    baseline: float

    @property
    def ok(self) -> bool:
        return self.seconds <= self.target


def median_of(runs: int, fn: Callable[[], float]) -> float:
    """The median of ``runs`` measurements; one measurement in a smoke run."""
    return statistics.median(fn() for _ in range(1 if SMOKE else runs))


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def demo_database(folder: Path, scale: int) -> str:
    """A SQLite demo county at ``scale`` in ``folder``, built once per benchmark run."""
    path = folder / f"demo-{scale}.sqlite"
    url = f"sqlite:///{path}"
    if not path.exists():
        result = subprocess.run(
            [sys.executable, "main.py", "--db", url, "demo", "--scale", str(scale)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        if result.returncode != 0:
            raise RuntimeError(result.stdout + result.stderr)
    return url


@contextmanager
def server_database(server: str, name: str) -> Iterator[URL]:
    """A database ``name`` of its own on the PostgreSQL ``server`` (the benchmarks' leg
    there), made anew and dropped after; yields its URL."""
    import psycopg
    from psycopg.sql import SQL, Identifier
    from sqlalchemy import make_url

    admin = make_url(server).set(drivername="postgresql").render_as_string(hide_password=False)

    def recreate(*, again: bool) -> None:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(Identifier(name)))
            if again:
                conn.execute(SQL("CREATE DATABASE {}").format(Identifier(name)))

    recreate(again=True)
    try:
        yield make_url(server).set(database=name)
    finally:
        recreate(again=False)
