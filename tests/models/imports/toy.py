"""A toy import kind, as a new module would add one: one module of steps and one registry
entry, nothing else. It imports counties ("code, name, people") into the divisions table.

``python -m tests.models.imports.toy ARGS`` runs the command line with the toy kind
registered (``TOY_DIVISIONS_MAX_BYTES`` also lowers the divisions kind's size limit).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from models.areas import Division
from models.imports.framework import ImportSteps, Writer, out_of_range, repeated
from models.imports.registry import KINDS, ImportKind, Option, Range, register
from models.imports.spreadsheet import Column, Table, number_text, parse_count, read_table
from models.messages import QT_TRANSLATE_NOOP

COLUMNS = (
    Column("code", ("代码", "code"), required=True),
    Column("name", ("名称", "name"), required=True),
    Column("people", ("人口", "people")),
)

TOY = ImportKind(
    "toys",
    QT_TRANSLATE_NOOP("ImportDialog", "Toy counties"),
    "tests.models.imports.toy:ToySteps",
    options=(
        Option(
            "prefix",
            "--prefix",
            "Name prefix",
            "a text put before every name",
            metavar="TEXT",
            default="",
        ),
    ),
    ranges={"people": Range(1, 10_000_000)},
)


class ToySteps(ImportSteps[Table, list[dict[str, Any]]]):
    audit_table = "divisions"

    @staticmethod
    def reader(path: Path, options: Mapping[str, Any]) -> Table:
        return read_table(path, COLUMNS)

    def rows(self, source: Table) -> int:
        return len(source.rows)

    def validate(self, source: Table) -> list[dict[str, Any]]:
        job, table = self.job, source
        report = job.report
        report.read_from(table)
        refused: set[int] = set()
        codes = [number_text(table.cell(row, "code")) for row in table.rows]
        for position, code in enumerate(codes):
            job.check_cancel()
            if not (len(code) == 6 and code.isdigit()):
                report.add(table.problem(table.rows[position], "code", code, "not six digits"))
                refused.add(position)
        # One cause once: a repeated code is one problem naming all its rows.
        for code, positions in repeated(codes).items():
            numbers = ", ".join(str(table.rows[p].number) for p in positions)
            first = table.rows[positions[0]]
            report.add(table.problem(first, "code", code, f"repeated in rows {numbers}"))
            refused.update(positions)
        people: list[float | None] = [parse_count(table.cell(row, "people")) for row in table.rows]
        for position in out_of_range(people, job.kind.ranges["people"]):
            report.add(table.problem(table.rows[position], "people", str(people[position]), "?"))
            refused.add(position)
        prefix = job.options["prefix"]
        plan = [
            {"code": code, "name": prefix + table.text(row, "name"), "level": "county"}
            for position, (row, code) in enumerate(zip(table.rows, codes, strict=True))
            if position not in refused
        ]
        report.inserted = len(plan)
        return plan

    def write(self, plan: list[dict[str, Any]], writer: Writer) -> int:
        for batch in writer.batches(plan, 2):
            self.job.session.execute(insert(Division), list(batch))
        return len(plan)


if __name__ == "__main__":
    from ui.binding import keep_singletons_alive, skip_feature_scan

    keep_singletons_alive()
    skip_feature_scan()
    from ui.cli import main

    register(TOY)
    if os.environ.get("TOY_DIVISIONS_MAX_BYTES"):
        limit = int(os.environ["TOY_DIVISIONS_MAX_BYTES"])
        register(replace(KINDS["divisions"], max_bytes=limit))
    sys.exit(main(sys.argv[1:]))
