"""The spreadsheet reader in a process of its own, beside python-calamine reading the same
file in this process: what keeping a crash on a hostile file away from the console costs.

A 20,000-row village list of the template's 26 columns, as .xlsx and as .xls (the size the
list-import figure of ``bench_transfers`` uses). The figure: ``read_workbook`` (starting
the reader's process, its look at the sheet's extent, the read, the sheets handed back),
median of 5, within the household kind's limits. Target: the list import's (3 s), of which
the read is a part. Baseline: python-calamine reading the same file here, median of 5.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import python_calamine

from models.imports.households import COLUMNS
from models.imports.registry import KINDS
from models.imports.spreadsheet import read_workbook
from tests.perf.common import Figure, median_of, timed

ROWS = 20_000
TARGET = 3.0  # the list import's target


def run(folder: Path) -> list[Figure]:
    rng = random.Random(7)
    rows = [_row(n, rng) for n in range(1, ROWS + 1)]
    limits = KINDS["households"].limits
    figures = []
    for suffix, write in (("xlsx", _write_xlsx), ("xls", _write_xls)):
        path = folder / f"reader-list.{suffix}"
        write(path, rows)

        def in_process(path: Path = path) -> float:
            def read() -> None:
                workbook = python_calamine.CalamineWorkbook.from_path(str(path))
                read_rows = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
                workbook.close()
                if len(read_rows) < ROWS:
                    raise AssertionError(f"{path.name}: calamine read {len(read_rows)} rows")

            return timed(read)

        def apart(path: Path = path) -> float:
            def read() -> None:
                (sheet,) = read_workbook(path, limits).sheets
                if len(sheet.rows) < ROWS:
                    raise AssertionError(f"{path.name}: the reader read {len(sheet.rows)} rows")

            return timed(read)

        in_process()  # warm the file cache and the imports
        apart()
        figures.append(
            Figure(
                f"a {ROWS:,}-row village list (.{suffix}) read in the reader's own process "
                "(extent checked, sheets handed back; median of 5)",
                median_of(5, apart),
                TARGET,
                f"python-calamine reading the same .{suffix} in this process",
                median_of(5, in_process),
            )
        )
    return figures


def _row(number: int, rng: random.Random) -> list[Any]:
    return [
        number,
        "后山溪山洪危险区",
        "山洪",
        f"后山路{number}号",
        round(121.3 + rng.random() / 10, 6),
        round(28.3 + rng.random() / 10, 6),
        f"张{number}",
        rng.randint(1, 6),
        f"139{number:08d}",
        "王网格",
        "网格长",
        "13700000001",
        "李预警",
        "监测员",
        "13800000005",
        "文化礼堂避灾安置点",
        "有",
        "李管理",
        "13800000002",
        None,
        None,
        rng.randint(0, 1),
        0,
        0,
        rng.randint(0, 1),
        0,
    ]


def _write_xlsx(path: Path, rows: list[list[Any]]) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("转移清单")
    sheet.append(["太平街道东门社区危险区人员转移清单（2026年）"])
    sheet.append([column.label for column in COLUMNS])
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def _write_xls(path: Path, rows: list[list[Any]]) -> None:
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("转移清单")
    sheet.write(0, 0, "太平街道东门社区危险区人员转移清单（2026年）")
    for column, label in enumerate(column.label for column in COLUMNS):
        sheet.write(1, column, label)
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row):
            if value is not None:
                sheet.write(number, column, value)
    workbook.save(str(path))
