"""Hostile and absurd files given to ``main.py import`` as a user types it: the exit code,
the Chinese message, and the memory the command (with the reader's own process) took,
measured from a wrapper process (``RUSAGE_CHILDREN``: the largest of its descendants).
Also ``--valid-only``'s exit code 4, "written in part"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_helpers import ROOT, run_main
from tests.models.imports.test_hostile_files import HEADER, raw_xlsx

GIB = 1024**3

_MEASURED = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024, file=sys.stderr)
sys.exit(done.returncode)
"""


def measured(*args: str) -> tuple[subprocess.CompletedProcess[str], int]:
    """``main.py ARGS`` run as typed, and the most memory (bytes) any process of it took."""
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ.copy(),
        timeout=300,
    )
    *_, peak = done.stderr.strip().splitlines()
    return done, int(peak)


pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="resource is POSIX only")


def test_a_value_in_excels_last_cell_is_exit_1_with_a_message_and_little_memory(
    tmp_path: Path,
) -> None:
    path = raw_xlsx(tmp_path / "last.xlsx", [*HEADER, ("XFD1048576", "x")])
    db = f"sqlite:///{tmp_path / 'c.sqlite'}"
    done, peak = measured("--db", db, "import", "households", str(path), "--dry-run")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "超出此类文件最多 200 列" in done.stdout and "XFD" in done.stdout
    assert "Traceback" not in done.stderr and peak < GIB / 2
    last_row = raw_xlsx(tmp_path / "row.xlsx", [*HEADER, ("A1048576", "x")])
    done, peak = measured("--db", db, "import", "households", str(last_row))
    assert done.returncode == 1 and "超出此类文件最多 200,000 行" in done.stdout
    assert peak < GIB / 2


def test_a_dying_reader_is_exit_1_and_this_file_could_not_be_read(tmp_path: Path) -> None:
    path = raw_xlsx(tmp_path / "dense.xlsx", [*HEADER, ("GR200000", "x")])
    db = f"sqlite:///{tmp_path / 'c.sqlite'}"
    done, peak = measured("--db", db, "import", "households", str(path))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "无法读取此文件" in done.stdout
    assert peak < 1.2 * GIB  # the reader's process may take 1 GiB, and no more


def test_half_a_million_identical_rows_stay_under_a_gigabyte(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.sqlite'}"
    million = tmp_path / "identical.csv"
    million.write_text("张三\n" * 500_000, encoding="utf-8")  # about 1 MB
    for kind in ("households", "divisions", "typhoon"):
        done, peak = measured("--db", db, "import", kind, str(million))
        assert done.returncode == 1 and "行" in done.stdout, done.stdout + done.stderr
        assert peak < GIB, (kind, peak)
    at_limit = tmp_path / "repeated.csv"
    at_limit.write_text(
        "统计用区划代码,名称\n" + "331081001001,东门社区\n" * 99_000, encoding="utf-8"
    )
    done, peak = measured("--db", db, "import", "divisions", str(at_limit), "--dry-run")
    assert done.returncode == 1 and peak < GIB
    assert "在文件中出现 99,000 次" in done.stdout
    assert len(done.stdout.encode()) < 4_000


def test_valid_only_writing_the_valid_rows_exits_4_written_in_part(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.sqlite'}"
    path = tmp_path / "区划.csv"
    path.write_text(
        "统计用区划代码,名称\n331081000000,温岭市\n331081001000,太平街道\n331081101000,\n",
        encoding="utf-8",
    )
    refused = run_main("--db", db, "import", "divisions", str(path))
    assert refused.returncode == 1
    checked = run_main("--db", db, "import", "divisions", str(path), "--valid-only", "--dry-run")
    assert checked.returncode == 1  # nothing written
    done = run_main("--db", db, "import", "divisions", str(path), "--valid-only")
    assert done.returncode == 4, done.stdout + done.stderr
    assert "部分写入：新增 2 条，更新 0 条，0 条不变。\n只导入了有效行；1 行被拒绝。" in done.stdout
    again = run_main("--db", db, "import", "divisions", str(path), "--valid-only")
    assert again.returncode == 4 and "部分写入：新增 0 条，更新 0 条，2 条不变。" in again.stdout
    assert "4=部分写入" in run_main("--help").stdout
    assert "部分写入时退出码为4" in run_main("import", "divisions", "--help").stdout
