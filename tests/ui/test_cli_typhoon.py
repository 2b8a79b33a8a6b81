"""`import typhoon` and `map reach --at` as typed, on a track shaped like an archive's:
English headers with units, radii every other point, none once the storm weakens."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from models.database import Database
from tests.cli_helpers import run_main
from tests.models.imports.test_typhoon_archives import write_track


def test_import_and_reach_of_an_archive_track_as_typed(demo_db: Database, tmp_path: Path) -> None:
    track = write_track(tmp_path)
    env = {"ECC_DATABASE_URL": demo_db.url}
    imported = run_main(
        "--lang", "en", "import", "typhoon", str(track), "--name", "Archive", env=env
    )
    assert imported.returncode == 0, imported.stderr
    # Every column the import did not read is named, and what the radii allow is said.
    assert "Columns not used: N Grade、O USA_R34_NE (nmi)" in imported.stdout
    assert "Wind radii are given at 5 of 11 points" in imported.stdout

    # 21:00 UTC (05:00 Beijing time) has no radii in the file: interpolated, not zero.
    out = tmp_path / "landfall.xlsx"
    reach = run_main(
        "--lang", "en", "map", "reach", "--typhoon", "2611", "--at", "2026-09-02T05:00",
        "-o", str(out), env=env,
    )  # fmt: skip
    assert reach.returncode == 0, reach.stderr
    assert "interpolated" in reach.stdout
    counts = list(openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True))
    towns = next(row for row in counts if row[0] == "Towns and streets")
    assert towns[1] == towns[2] == 16  # the whole county inside the force-7 circle
    assert "interpolated" in str(counts[1][0])

    # After the storm weakened the archive gives no radii: said, not a row of zeros.
    weak = tmp_path / "weak.xlsx"
    reach = run_main(
        "--lang", "en", "map", "reach", "--typhoon", "2611", "--at", "2026-09-02T14:00",
        "-o", str(weak), env=env,
    )  # fmt: skip
    assert reach.returncode == 0, reach.stderr
    assert "No wind radii known at this time" in reach.stdout
    counts = list(openpyxl.load_workbook(weak).worksheets[0].iter_rows(values_only=True))
    assert "No wind radii known at this time" in str(counts[1][0])
    towns = next(row for row in counts if row[0] == "Towns and streets")
    assert towns[1] == 16 and towns[2] is None and towns[3] is None

    # A time after the track ends, or before it starts: refused with the track's span.
    for at in ("2026-09-03T08:00", "2026-09-01T07:00"):
        refused = run_main(
            "--lang", "en", "map", "reach", "--typhoon", "2611", "--at", at,
            "-o", str(tmp_path / "none.xlsx"), env=env,
        )  # fmt: skip
        assert refused.returncode == 1, refused.stdout + refused.stderr
        message = refused.stdout + refused.stderr
        assert "from 2026-09-01 08:00 to 2026-09-02 14:00" in message
        assert "Traceback" not in message
        assert not (tmp_path / "none.xlsx").exists()

    # In Chinese, as the duty room reads it.
    zh = run_main(
        "map", "reach", "--typhoon", "2611", "--at", "2026-09-03T08:00",
        "-o", str(tmp_path / "none.xlsx"), env=env,
    )  # fmt: skip
    assert zh.returncode == 1
    assert "2026-09-01 08:00" in zh.stdout + zh.stderr
