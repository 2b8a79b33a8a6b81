"""``supplies nearest`` as typed: the nearest available stock from a village, several
warehouses by distance when one is not enough; an unknown item refused (exit 1), a
quantity that is no number or a missing place a usage mistake (exit 2)."""

from __future__ import annotations

import pytest

from models.database import Database
from tests.cli_helpers import run_main


@pytest.mark.slow
def test_supplies_nearest_as_typed(demo_db: Database) -> None:
    demo_db.dispose()
    base = ("--lang", "en", "--db", demo_db.url, "supplies", "nearest")
    found = run_main(
        *base,
        "--item",
        "救生衣",
        "--quantity",
        "1500",
        "--village",
        "石塘村",
        "--level",
        "town",
        "--level",
        "county",
    )
    assert found.returncode == 0, found.stderr
    lines = found.stdout.splitlines()
    assert lines[0].startswith("Nearest available stock of 1500 件 救生衣 from 石塘村")
    sources = lines[1:-1]
    distances = [float(line.split()[0]) for line in sources]
    assert len(sources) >= 2 and distances == sorted(distances)  # several, nearest first
    assert "县防汛物资仓库" in found.stdout and lines[-1].startswith("Enough from")
    assert "村物资储备点" not in found.stdout  # village stores left out by --level
    point = run_main(*base, "--item", "WZ001", "--quantity", "500", "--at", "121.38,28.37")
    assert point.returncode == 0, point.stderr
    assert "Not enough in the county" in point.stdout
    unknown = run_main(*base, "--item", "潜水艇", "--quantity", "1", "--village", "石塘村")
    assert unknown.returncode == 1 and "潜水艇" in unknown.stderr + unknown.stdout
    for wrong in (
        ("--item", "救生衣", "--quantity", "很多", "--village", "石塘村"),
        ("--item", "救生衣", "--quantity", "5"),
    ):
        mistake = run_main(*base, *wrong)
        assert mistake.returncode == 2, (wrong, mistake.stdout, mistake.stderr)
