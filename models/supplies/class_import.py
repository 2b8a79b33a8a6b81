"""``import item-classes FILE``: the GB/T 38565-2020 class table as the county has it
(分类代码, 分类名称, 说明). A class row may give its code in full (``1010100``) or by its
levels only (``1``, ``101``, ``10101``): both are the same class. Every class below the top
needs its parent in the file or the table already held. A class held under its code takes
the new name; classes not in the file stay (an item may carry them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from models.fields import FieldChecker
from models.imports.framework import ImportSteps, Writer, repeated
from models.imports.spreadsheet import Column, Table, read_table
from models.messages import fill
from models.supplies.catalogue import standard_code_problem
from models.supplies.classes import NAME_LIMIT, ItemClass, full_code, level_of, parent_of
from models.supplies.tables import SupplyItem

COLUMNS = (
    Column("code", ("分类代码", "代码", "编码", "分类编码", "类别代码", "code"), required=True),
    Column("name", ("分类名称", "名称", "类别名称", "物资类别", "name"), required=True),
    Column("note", ("说明", "备注", "note")),
)


@dataclass
class ClassPlan:
    rows: list[tuple[str, int, str, bool]] = field(default_factory=list)  # code, level, name, new

    def __len__(self) -> int:
        return len(self.rows)


class ItemClassSteps(ImportSteps[Table, ClassPlan]):
    """The class table: a class already held under its code takes the new name; classes
    not in the file stay (an item may carry them)."""

    audit_table = "supply_item_classes"

    @staticmethod
    def reader(path: Path, options: Mapping[str, Any]) -> Table:
        return read_table(path, COLUMNS)

    def rows(self, source: Table) -> int:
        return len(source.rows)

    def validate(self, source: Table) -> ClassPlan | None:
        session, report = self.job.session, self.job.report
        report.rows_read, report.rows_skipped = len(source.rows), source.skipped
        held = {c.code: c.name for c in session.scalars(select(ItemClass))}
        codes = [full_code(source.text(row, "code")) for row in source.rows]
        refused: set[int] = set()
        for code, positions in repeated(codes).items():
            if code is None:
                continue
            report.add(
                source.problem(
                    source.rows[positions[1]],
                    "code",
                    source.text(source.rows[positions[1]], "code"),
                    fill(
                        QCoreApplication.translate(
                            "Supplies", "The class %1 appears more than once (rows %2)."
                        ),
                        code,
                        "、".join(str(source.rows[p].number) for p in positions),
                    ),
                )
            )
            refused.update(positions)
        in_file = {code for code in codes if code is not None}
        plan = ClassPlan()
        orphans = []
        for position, (row, code) in enumerate(zip(source.rows, codes, strict=True)):
            self.job.check_cancel()
            checker = FieldChecker()
            written = source.text(row, "code")
            if code is None:
                checker.add(
                    "code",
                    QCoreApplication.translate(
                        "Supplies",
                        "A GB/T 38565-2020 class code has 1, 3, 5 or 7 digits "
                        "(levels 1+2+2+2), such as 2 or 2010100.",
                    ),
                )
            else:
                problem = standard_code_problem(code)
                if problem:
                    checker.add("code", problem)
            name = checker.text(
                "name",
                source.text(row, "name"),
                NAME_LIMIT,
                QCoreApplication.translate("Supplies", "Give the name."),
            )
            if checker.problems:
                for key, message in checker.problems:
                    report.add(source.problem(row, key, source.text(row, key), message))
                continue
            assert code is not None and name is not None
            parent = parent_of(code)
            if parent is not None and parent not in in_file and parent not in held:
                orphans.append(
                    source.problem(
                        row,
                        "code",
                        written,
                        fill(
                            QCoreApplication.translate(
                                "Supplies",
                                "The class one level up, %1, is neither in the file nor held.",
                            ),
                            parent,
                        ),
                    )
                )
                continue
            if position in refused:
                continue
            if code not in held:
                report.inserted += 1
                plan.rows.append((code, level_of(code), name, True))
            elif held[code] == name:
                report.unchanged += 1
            else:
                report.updated += 1
                plan.rows.append((code, level_of(code), name, False))
        report.add_together(orphans)
        classes = set(held) | in_file
        strays = session.scalars(
            select(SupplyItem.code)
            .where(SupplyItem.standard_code.is_not(None))
            .where(SupplyItem.standard_code.not_in(classes))
            .order_by(SupplyItem.code)
        ).all()
        if strays:
            report.notes.append(
                fill(
                    QCoreApplication.translate(
                        "Supplies",
                        "%1 items of the catalogue carry codes the table does not hold "
                        "(such as %2): correct them in the catalogue.",
                    ),
                    len(strays),
                    "、".join(strays[:5]),
                )
            )
        return plan

    def write(self, plan: ClassPlan, writer: Writer) -> int:
        session = self.job.session
        written = 0
        for batch in writer.batches(plan.rows, 500):
            for code, level, name, new in batch:
                if new:
                    session.add(ItemClass(code=code, level=level, name=name))
                else:
                    found = session.get(ItemClass, code)
                    assert found is not None
                    found.name = name
                written += 1
            session.flush()
        return written
