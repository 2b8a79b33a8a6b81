"""``import experts FILE``: the expert pool's list (姓名, 专业领域 with its second level,
专业, 工作单位, 职称, 聘期, 办公电话, 手机, 是否可用). The first-level field is one of the
five (事故灾难, 自然灾害, 公共卫生, 社会安全, 综合管理); the second level one configured
under it. An expert already registered at the same organisation is updated."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from models.fields import FieldChecker
from models.imports.framework import ImportSteps, Writer, repeated
from models.imports.spreadsheet import Column, DataRow, Table, clean_text
from models.labels import code_for
from models.messages import fill
from models.teams.codes import EXPERT_FIELD_WORDS, EXPERT_FIELDS
from models.teams.dates import read_date
from models.teams.experts import ExpertFields, check_expert, subfields
from models.teams.imports.common import TitledTable, date_of, phone_of, read_titled
from models.teams.tables import Expert

COLUMNS = (
    Column("name", ("姓名", "专家姓名", "name"), required=True),
    Column("field", ("专业领域", "一级分类", "领域", "类别", "专家类别", "专业类别", "field")),
    Column("subfield", ("二级分类", "专业组", "专业领域二级", "二级类别", "subfield")),
    Column("specialty", ("专业", "专业特长", "研究方向", "专长", "specialty")),
    Column("organisation", ("工作单位", "单位", "所在单位", "organisation")),
    Column("title", ("职称", "职务/职称", "职称职务", "职务", "title")),
    Column("appointed", ("聘期", "聘任期限", "聘任期")),
    Column("appointed_from", ("聘期起", "聘任起始", "聘任时间", "聘期开始")),
    Column("appointed_to", ("聘期止", "聘任截止", "聘期结束", "聘期至")),
    Column("office_phone", ("办公电话", "座机", "office phone")),
    Column("mobile", ("手机", "手机号码", "联系电话", "mobile")),
    Column("available", ("是否可用", "状态", "可用", "available")),
    Column("note", ("备注", "note")),
)
_PERIOD = re.compile(r"^(.+?)\s*(?:-|—|–|~|～|至|到)\s*(.+)$")
_YES = {"是", "可用", "在岗", "正常", "有效", "yes", "y", "1", "true"}
_NO = {"否", "不可用", "停用", "暂停", "解聘", "no", "n", "0", "false"}


@dataclass
class ExpertPlan:
    rows: list[tuple[int | None, dict[str, object]]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)


def _period(text: str) -> tuple[date | None, date | None] | None:
    """2024.1.1-2026.12.31 or 2024年1月-2026年12月 as two dates; None when unreadable."""
    match = _PERIOD.match(text)
    if match is None:
        return None
    ends: list[date | None] = []
    for part in match.groups():
        part = part.strip()
        try:
            ends.append(read_date(part))
        except ValueError:
            month = re.fullmatch(r"(\d{4})\s*[./年]\s*(\d{1,2})\s*月?", part)
            if month is None:
                return None
            try:
                ends.append(date(int(month.group(1)), int(month.group(2)), 1))
            except ValueError:
                return None
    return ends[0], ends[1]


class ExpertSteps(ImportSteps[TitledTable, ExpertPlan]):
    audit_table = "experts"

    @staticmethod
    def reader(path: Path, options: Mapping[str, Any]) -> TitledTable:
        return read_titled(path, COLUMNS)

    def rows(self, source: TitledTable) -> int:
        return len(source.table.rows)

    def validate(self, source: TitledTable) -> ExpertPlan | None:
        job, table = self.job, source.table
        report = job.report
        report.read_from(table)
        known = subfields(session=job.session)
        existing = {(e.name, e.organisation): e.id for e in job.session.scalars(select(Expert))}
        keys = [(table.text(r, "name"), table.text(r, "organisation")) for r in table.rows]
        refused: set[int] = set()
        for key, positions in repeated(keys).items():
            if not key[0]:
                continue
            report.add(
                table.problem(
                    table.rows[positions[0]],
                    "name",
                    key[0],
                    fill(
                        QCoreApplication.translate(
                            "TeamsImport", "The expert %1 appears more than once (rows %2)."
                        ),
                        key[0],
                        "、".join(str(table.rows[p].number) for p in positions),
                    ),
                )
            )
            refused.update(positions)
        plan = ExpertPlan()
        for position, row in enumerate(table.rows):
            job.check_cancel()
            values = self._row(table, row, known)
            if values is None or position in refused:
                continue
            expert_id = existing.get((str(values["name"]), str(values["organisation"])))
            if expert_id is None:
                report.inserted += 1
            else:
                report.updated += 1
            plan.rows.append((expert_id, values))
        return plan

    def _row(
        self, table: Table, row: DataRow, known: dict[str, tuple[str, ...]]
    ) -> dict[str, object] | None:
        report = self.job.report
        refused = False

        def refuse(key: str | None, message: str) -> None:
            nonlocal refused
            refused = True
            value = clean_text(table.cell(row, key)) if key in table.columns else ""
            report.add(table.problem(row, key if key in table.columns else None, value, message))

        field_text = table.text(row, "field")
        subfield = table.text(row, "subfield") or None
        first = EXPERT_FIELD_WORDS.get(field_text) or code_for(EXPERT_FIELDS, field_text)
        if first is None and field_text:
            # A single column may name the second level only (防汛抗旱): its first level.
            owners = [f for f, names in known.items() if field_text in names]
            if len(owners) == 1:
                first, subfield = owners[0], subfield or field_text
        if first is None and not field_text and subfield:
            owners = [f for f, names in known.items() if subfield in names]
            first = owners[0] if len(owners) == 1 else None
        dates: dict[str, date | None] = {}
        for key in ("appointed_from", "appointed_to"):
            dates[key], why = date_of(table, row, key)
            if why is not None:
                refuse(key, why)
        period = table.text(row, "appointed")
        if period:
            ends = _period(period)
            if ends is None:
                refuse(
                    "appointed",
                    QCoreApplication.translate(
                        "TeamsImport", "Write the appointment period as 2024.1.1-2026.12.31."
                    ),
                )
            else:
                dates["appointed_from"] = dates["appointed_from"] or ends[0]
                dates["appointed_to"] = dates["appointed_to"] or ends[1]
        available_text = table.text(row, "available").lower()
        available = True
        if available_text in _NO:
            available = False
        elif available_text and available_text not in _YES:
            refuse("available", QCoreApplication.translate("TeamsImport", "Write 是 or 否."))
        fields = ExpertFields(
            name=table.text(row, "name"),
            field=first or field_text,
            subfield=subfield,
            specialty=table.text(row, "specialty") or None,
            organisation=table.text(row, "organisation") or None,
            title=table.text(row, "title") or None,
            appointed_from=dates["appointed_from"],
            appointed_to=dates["appointed_to"],
            office_phone=phone_of(table, row, "office_phone"),
            mobile=phone_of(table, row, "mobile"),
            available=available,
            note=table.text(row, "note") or None,
        )
        checker = FieldChecker()
        values = check_expert(checker, fields, known)
        if not field_text and first is None:
            checker.problems = [(k, m) for k, m in checker.problems if k != "field"]
            checker.add(
                "field",
                QCoreApplication.translate(
                    "TeamsImport",
                    "Give the field: 事故灾难, 自然灾害, 公共卫生, 社会安全 or 综合管理.",
                ),
            )
        for key, message in checker.problems:
            refuse(key, message)
        return None if refused else values

    def write(self, plan: ExpertPlan, writer: Writer) -> int:
        session = self.job.session
        written = 0
        for batch in writer.batches(plan.rows, 200):
            for expert_id, values in batch:
                expert = session.get(Expert, expert_id) if expert_id is not None else Expert()
                assert expert is not None
                for key, value in values.items():
                    setattr(expert, key, value)
                session.add(expert)
                written += 1
            session.flush()
        return written
