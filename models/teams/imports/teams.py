"""``import teams FILE``: the county's list of rescue teams (队伍名称, 类别, 专业 with grades,
所在乡镇, 所在村, 驻地, 经度, 纬度, 队长 and phone, two contacts, 主管单位). Base locations
come in the coordinate system given with ``--crs`` (wgs84 by default; gcj02 for points
copied from Amap or Tencent maps, bd09 from Baidu's). A team already registered under the
same name is updated; the whole list is checked first and written all or nothing."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.areas import Division
from models.fields import FieldChecker
from models.geo.crs import to_wgs84
from models.imports.framework import ImportSteps, Writer, repeated
from models.imports.spreadsheet import Column, DataRow, Table, clean_text, half_width
from models.labels import code_for
from models.messages import fill
from models.teams.codes import CLASS_WORDS, SPECIALTIES, SPECIALTY_WORDS, TEAM_CLASSES
from models.teams.imports.common import TitledTable, phone_of, read_titled, split_list
from models.teams.tables import Team
from models.teams.teams import TeamFields, check_team, set_specialties

COLUMNS = (
    Column("name", ("队伍名称", "救援队名称", "名称", "队名", "name"), required=True),
    Column("team_class", ("队伍类别", "类别", "队伍类型", "类型", "队伍性质", "class")),
    Column("specialties", ("专业", "救援专业", "专业类别", "专业方向", "专长", "specialties")),
    Column("grade", ("等级", "能力等级", "分级", "grade")),
    Column("town", ("所在乡镇", "乡镇", "乡镇(街道)", "镇街", "所属乡镇", "乡镇街道", "town")),
    Column("village", ("所在村", "村(社区)", "村社", "所属村", "村居", "村", "village")),
    Column("address", ("驻地", "驻地地址", "地址", "基地位置", "驻扎地", "address")),
    Column("lon", ("经度", "驻地经度", "lon", "longitude")),
    Column("lat", ("纬度", "驻地纬度", "lat", "latitude")),
    Column("leader", ("队长", "负责人", "队长姓名", "leader")),
    Column("leader_mobile", ("队长电话", "队长手机", "负责人电话", "负责人手机", "leader mobile")),
    Column("contact", ("联系人", "联系人1", "联络员", "contact")),
    Column("contact_mobile", ("联系电话", "联系人电话", "联系人手机", "联系电话1", "手机")),
    Column("second_contact", ("联系人2", "第二联系人", "备用联系人")),
    Column("second_contact_mobile", ("联系电话2", "联系人2电话", "联系人2手机", "备用联系电话")),
    Column("supervisor", ("主管单位", "管理单位", "主管部门", "业务指导单位", "supervisor")),
    Column("note", ("备注", "note")),
)
_GRADE = re.compile(r"[(（]?\s*([一二三123])\s*级\s*[)）]?$")
_GRADE_DIGITS = {"一": 1, "二": 2, "三": 3, "1": 1, "2": 2, "3": 3}


@dataclass
class TeamPlan:
    rows: list[tuple[int | None, dict[str, Any], dict[str, int | None]]] = field(
        default_factory=list
    )  # (team updated, values, specialties)

    def __len__(self) -> int:
        return len(self.rows)


class _Places:
    def __init__(self, session: Session) -> None:
        rows = session.execute(
            select(Division.id, Division.name, Division.level, Division.parent_id)
        ).all()
        self.towns: dict[str, list[int]] = {}
        self.villages: dict[str, list[tuple[int, int | None]]] = {}
        for id_, name, level, parent in rows:
            if level == "town":
                self.towns.setdefault(name, []).append(id_)
            elif level == "village":
                self.villages.setdefault(name, []).append((id_, parent))

    def find(self, town: str, village: str) -> tuple[int | None, str | None, str | None]:
        """(division id, None, None), or (None, column key, reason)."""
        town_ids = self.towns.get(town, []) if town else []
        if town and len(town_ids) != 1:
            return (
                None,
                "town",
                fill(
                    QCoreApplication.translate(
                        "TeamsImport", "No town or street named %1 is registered."
                    ),
                    town,
                ),
            )
        if not village:
            return (town_ids[0] if town_ids else None), None, None
        candidates = [
            v for v, parent in self.villages.get(village, []) if not town_ids or parent in town_ids
        ]
        if len(candidates) == 1:
            return candidates[0], None, None
        if not candidates:
            return (
                None,
                "village",
                fill(
                    QCoreApplication.translate(
                        "TeamsImport", "No village or community named %1 is registered."
                    ),
                    village,
                ),
            )
        return (
            None,
            "village",
            fill(
                QCoreApplication.translate(
                    "TeamsImport", "Several villages are named %1: give the town."
                ),
                village,
            ),
        )


def _class(text: str) -> str | None:
    key = re.sub(r"\s+", "", half_width(text))
    return CLASS_WORDS.get(key) or code_for(TEAM_CLASSES, text)


def _specialties(text: str, grade_text: str) -> tuple[dict[str, int | None], str | None]:
    """Specialty codes with their grades from a cell; or the first word not known."""
    given = _grade(grade_text) if grade_text else None
    default_grade = given if given != -1 else None
    found: dict[str, int | None] = {}
    for word in split_list(text):
        grade = default_grade
        match = _GRADE.search(word)
        if match is not None:
            grade = _GRADE_DIGITS[match.group(1)]
            word = word[: match.start()].strip()
        code = SPECIALTY_WORDS.get(word) or code_for(SPECIALTIES, word)
        if code is None:
            return {}, word
        found[code] = grade
    return found, None


def _grade(text: str) -> int | None:
    match = _GRADE.search(text.strip()) or re.fullmatch(r"\s*([123])\s*", text)
    return _GRADE_DIGITS[match.group(1)] if match else -1


class TeamSteps(ImportSteps[TitledTable, TeamPlan]):
    audit_table = "teams"

    @staticmethod
    def reader(path: Path, options: Mapping[str, Any]) -> TitledTable:
        return read_titled(path, COLUMNS)

    def rows(self, source: TitledTable) -> int:
        return len(source.table.rows)

    def validate(self, source: TitledTable) -> TeamPlan | None:
        job, table = self.job, source.table
        report = job.report
        report.read_from(table)
        crs = job.options.get("crs") or "wgs84"
        places = _Places(job.session)
        existing = {team.name: team for team in job.session.scalars(select(Team))}
        names = [table.text(row, "name") for row in table.rows]
        refused: set[int] = set()
        for name, positions in repeated(names).items():
            if not name:
                continue
            report.add(
                table.problem(
                    table.rows[positions[0]],
                    "name",
                    name,
                    fill(
                        QCoreApplication.translate(
                            "TeamsImport", "The team %1 appears more than once (rows %2)."
                        ),
                        name,
                        "、".join(str(table.rows[p].number) for p in positions),
                    ),
                )
            )
            refused.update(positions)
        plan = TeamPlan()
        for position, row in enumerate(table.rows):
            job.check_cancel()
            problems = self._row(table, row, places, crs)
            if isinstance(problems, list):
                for key, value, message in problems:
                    report.add(table.problem(row, key, value, message))
                continue
            if position in refused:
                continue
            values, specialties = problems
            team = existing.get(str(values["name"]))
            if team is None:
                report.inserted += 1
                plan.rows.append((None, values, specialties))
            else:
                report.updated += 1
                plan.rows.append((team.id, values, specialties))
        return plan

    def _row(
        self, table: Table, row: DataRow, places: _Places, crs: str
    ) -> list[tuple[str | None, str, str]] | tuple[dict[str, Any], dict[str, int | None]]:
        problems: list[tuple[str | None, str, str]] = []
        class_text = table.text(row, "team_class")
        team_class = _class(class_text) if class_text else None
        if class_text and team_class is None:
            problems.append(
                (
                    "team_class",
                    class_text,
                    fill(
                        QCoreApplication.translate(
                            "TeamsImport", "Unknown team class: %1. Known: %2."
                        ),
                        class_text,
                        "、".join(sorted(CLASS_WORDS)[:8]) + "…",
                    ),
                )
            )
        elif not class_text:
            problems.append(
                (
                    "team_class",
                    "",
                    QCoreApplication.translate("TeamsImport", "Give the team's class."),
                )
            )
        specialties, unknown = _specialties(
            table.text(row, "specialties"), table.text(row, "grade")
        )
        if unknown is not None:
            problems.append(
                (
                    "specialties",
                    table.text(row, "specialties"),
                    fill(
                        QCoreApplication.translate("TeamsImport", "Unknown specialty: %1"), unknown
                    ),
                )
            )
        grade_text = table.text(row, "grade")
        if grade_text and _grade(grade_text) == -1:
            problems.append(
                (
                    "grade",
                    grade_text,
                    QCoreApplication.translate(
                        "TeamsImport", "Write the grade as 一级, 二级 or 三级 (一级 highest)."
                    ),
                )
            )
        division_id, where, why = places.find(table.text(row, "town"), table.text(row, "village"))
        if why is not None:
            problems.append((where, table.text(row, where or "town"), why))
        lon, lat = _number(table.cell(row, "lon")), _number(table.cell(row, "lat"))
        if isinstance(lon, float) and isinstance(lat, float) and lon == lon and lat == lat:
            with contextlib.suppress(ValueError, OverflowError):
                lon, lat = to_wgs84(lon, lat, crs)
        fields = TeamFields(
            name=table.text(row, "name"),
            team_class=team_class or "",
            specialties=specialties,
            division_id=division_id,
            lon=lon,  # type: ignore[arg-type]
            lat=lat,  # type: ignore[arg-type]
            address=table.text(row, "address") or None,
            leader=table.text(row, "leader") or None,
            leader_mobile=phone_of(table, row, "leader_mobile"),
            contact=table.text(row, "contact") or None,
            contact_mobile=phone_of(table, row, "contact_mobile"),
            second_contact=table.text(row, "second_contact") or None,
            second_contact_mobile=phone_of(table, row, "second_contact_mobile"),
            supervisor=table.text(row, "supervisor") or None,
            note=table.text(row, "note") or None,
        )
        checker = FieldChecker()
        values = check_team(checker, fields)
        for key, message in checker.problems:
            if key == "team_class" and any(p[0] == "team_class" for p in problems):
                continue
            if key == "specialties" and unknown is not None:
                continue
            column = key if key in table.columns else None
            problems.append((column, clean_text(table.cell(row, key)) if column else "", message))
        if problems:
            return problems
        values["division_id"] = division_id
        return values, specialties

    def write(self, plan: TeamPlan, writer: Writer) -> int:
        session = self.job.session
        written = 0
        for batch in writer.batches(plan.rows, 200):
            for team_id, values, specialties in batch:
                team = session.get(Team, team_id) if team_id is not None else Team(status="standby")
                assert team is not None
                for key, value in values.items():
                    setattr(team, key, value)
                session.add(team)
                session.flush()
                set_specialties(session, team.id, specialties)
                written += 1
        return written


def _number(value: object) -> float | str | None:
    """A coordinate cell: a number, a text holding one, or the text as it is (refused by
    the point check)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return float(value)
    text = clean_text(value)  # type: ignore[arg-type]
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text
