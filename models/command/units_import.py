"""``import units FILE``: the member units' list as a county types it (单位名称, 简称, 类别,
值班电话, 联系人, 手机, 备注). A unit already registered under the same name is updated;
the whole list is checked first and written all or nothing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from models.command.units import UNIT_KINDS, MemberUnit, UnitFields, check_unit
from models.fields import FieldChecker
from models.imports.framework import ImportSteps, Writer, repeated
from models.imports.spreadsheet import Column, Table, read_table
from models.labels import code_for
from models.messages import fill

COLUMNS = (
    Column("name", ("单位名称", "单位", "名称", "成员单位", "name", "unit"), required=True),
    Column("abbreviation", ("简称", "单位简称", "abbreviation")),
    Column("kind", ("类别", "单位类别", "类型", "kind")),
    Column("duty_phone", ("值班电话", "电话", "办公电话", "duty phone")),
    Column("contact", ("联系人", "联络员", "contact")),
    Column("contact_phone", ("手机", "联系人手机", "手机号码", "联系电话", "mobile")),
    Column("note", ("备注", "note")),
)
_KIND_WORDS = {"成员单位": "member", "乡镇": "town", "镇街": "town", "上级": "superior"}
_KIND_WORDS |= {"其他": "other"}


@dataclass
class UnitPlan:
    rows: list[tuple[int | None, dict[str, str | None]]]  # (id of the unit updated, values)

    def __len__(self) -> int:
        return len(self.rows)


class UnitSteps(ImportSteps[Table, UnitPlan]):
    audit_table = "member_units"

    @staticmethod
    def reader(path: Path, options: Mapping[str, Any]) -> Table:
        return read_table(path, COLUMNS)

    def rows(self, source: Table) -> int:
        return len(source.rows)

    def validate(self, source: Table) -> UnitPlan | None:
        report = self.job.report
        report.rows_read = len(source.rows)
        report.rows_skipped = source.skipped
        existing = {unit.name: unit for unit in self.job.session.scalars(select(MemberUnit))}
        names = [source.text(row, "name") for row in source.rows]
        refused: set[int] = set()
        for name, positions in repeated(names).items():
            if not name:
                continue
            first = source.rows[positions[0]]
            report.add(
                source.problem(
                    first,
                    "name",
                    name,
                    fill(
                        QCoreApplication.translate(
                            "Units", "The unit %1 appears more than once (rows %2)."
                        ),
                        name,
                        "、".join(str(source.rows[p].number) for p in positions),
                    ),
                )
            )
            refused.update(positions)
        plan = UnitPlan([])
        for position, row in enumerate(source.rows):
            self.job.check_cancel()
            kind_text = source.text(row, "kind")
            kind = (
                _KIND_WORDS.get(kind_text) or code_for(UNIT_KINDS, kind_text) or kind_text
                if kind_text
                else "member"
            )
            fields = UnitFields(
                name=source.text(row, "name"),
                abbreviation=source.text(row, "abbreviation"),
                kind=kind,
                duty_phone=source.text(row, "duty_phone"),
                contact=source.text(row, "contact"),
                contact_phone=source.text(row, "contact_phone"),
                note=source.text(row, "note"),
            )
            checker = FieldChecker()
            values = check_unit(checker, fields)
            if checker.problems:
                for field, message in checker.problems:
                    report.add(source.problem(row, field, source.text(row, field) or "", message))
                continue
            if position in refused:
                continue
            unit = existing.get(values["name"] or "")
            if unit is None:
                report.inserted += 1
                plan.rows.append((None, values))
            elif all(getattr(unit, key) == value for key, value in values.items()):
                report.unchanged += 1
            else:
                report.updated += 1
                plan.rows.append((unit.id, values))
        return plan

    def write(self, plan: UnitPlan, writer: Writer) -> int:
        session = self.job.session
        written = 0
        for batch in writer.batches(plan.rows, 200):
            for unit_id, values in batch:
                unit = session.get(MemberUnit, unit_id) if unit_id is not None else MemberUnit()
                assert unit is not None
                for key, value in values.items():
                    setattr(unit, key, value)
                session.add(unit)
                written += 1
            session.flush()
        return written
