"""``import plans FILE`` (the plan register as a county types it: 预案编号, 预案名称, 预案类别,
事件类别, 事件类型, 编制单位, 审批单位, 文号, 印发日期, 上级预案, 状态, 修订期限, 评估周期, 备注)
and ``import plan-actions FILE --plan CODE`` (a plan's structured actions: 响应级别, 启动条件,
任务分组, 任务内容, 责任单位, 时限), checked whole and written all or nothing."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from models.base import utcnow
from models.fields import FieldChecker
from models.imports.framework import ImportSteps, Writer, repeated
from models.imports.spreadsheet import Column, Table, parse_cell_date, read_table
from models.imports.spreadsheet.files import file_problem
from models.messages import fill
from models.plans.codes import (
    ACTION_GROUPS,
    CATEGORIES,
    EVENT_TYPES,
    PLAN_CLASSES,
    STAGE_ORDER,
    STATUSES,
)
from models.plans.library import PlanFields, check_plan
from models.plans.tables import Plan, PlanAction, PlanStage, PlanStep, PlanVersion
from models.plans.versions import (
    IN_USE,
    ActionFields,
    StageFields,
    check_stage,
    in_use,
    latest_version_id,
    refresh_search_text,
)
from models.refusals import ValidationError

PLAN_COLUMNS = (
    Column("code", ("预案编号", "编号", "code"), required=True),
    Column("title", ("预案名称", "名称", "title"), required=True),
    Column("plan_class", ("预案类别", "类别", "class"), required=True),
    Column("category", ("事件类别", "突发事件类别", "category")),
    Column("event_type", ("事件类型", "灾种", "event type")),
    Column("owner", ("编制单位", "牵头单位", "owner")),
    Column("approver", ("审批单位", "批准单位", "approver")),
    Column("doc_number", ("文号", "发文字号", "document number")),
    Column("issued_on", ("印发日期", "发布日期", "issued")),
    Column("parent_code", ("上级预案", "上级预案编号", "parent")),
    Column("status", ("状态", "status")),
    Column("revision_due", ("修订期限", "计划修订时间", "revision due")),
    Column("evaluation_years", ("评估周期", "评估周期（年）", "evaluation years")),
    Column("note", ("备注", "note")),
)
ACTION_COLUMNS = (
    Column("stage", ("响应级别", "级别", "stage"), required=True),
    Column("trigger", ("启动条件", "触发条件", "trigger")),
    Column("group", ("任务分组", "分组", "工作组", "group")),
    Column("text", ("任务内容", "工作任务", "措施", "action"), required=True),
    Column("unit", ("责任单位", "牵头单位", "unit")),
    Column("time_limit", ("时限", "完成时限", "time limit")),
)

_CLASS_WORDS = {"总体": "overall", "专项": "special", "部门": "departmental", "联合": "joint"}
_CLASS_WORDS |= {"乡镇": "town", "街道": "town", "村": "village", "社区": "village"}
_CLASS_WORDS |= {"企业": "enterprise", "单位": "enterprise"}
_CATEGORY_WORDS = {"自然": "natural", "事故": "accident", "卫生": "health", "社会": "security"}
_STATUS_WORDS = {
    "修订": "scheduled",
    "起草": "drafting",
    "编制": "drafting",
    "评审": "review",
    "审批": "approved",
    "批准": "approved",
    "印发": "published",
    "发布": "published",
    "备案": "filed",
    "替代": "superseded",
    "废止": "abolished",
}
_TYPE_WORDS = {
    "台风": "typhoon",
    "防台": "typhoon",
    "洪": "flood",
    "汛": "flood",
    "地质": "geological",
    "森林": "forest_fire",
    "危险化学品": "hazardous_chemicals",
    "危化": "hazardous_chemicals",
    "旱": "drought",
    "地震": "earthquake",
    "雨雪冰冻": "snow_freeze",
    "海洋": "marine",
    "生产安全": "production_safety",
    "道路交通": "road_traffic",
    "火灾": "fire",
    "停电": "power",
    "环境": "environment",
    "疫": "epidemic",
    "食品": "food_safety",
    "群体性": "mass_incident",
    "其他": "other",
}
_STAGE_WORDS = {
    "海上": "sea",
    "sea": "sea",
    "iv": "IV",
    "4": "IV",
    "四": "IV",
    "ⅳ": "IV",
    "iii": "III",
    "3": "III",
    "三": "III",
    "ⅲ": "III",
    "ii": "II",
    "2": "II",
    "二": "II",
    "ⅱ": "II",
    "i": "I",
    "1": "I",
    "一": "I",
    "ⅰ": "I",
}
_GROUP_WORDS = {
    "指挥": "command",
    "预警": "warning",
    "报送": "warning",
    "转移": "transfer",
    "安置": "transfer",
    "抢险": "rescue",
    "救援": "rescue",
    "医疗": "medical",
    "卫生": "medical",
    "保障": "support",
    "宣传": "information",
    "信息发布": "information",
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Plans", text)


def _word(text: str, words: Mapping[str, str], labels: Mapping[str, str]) -> str:
    """The code a cell names: the code itself, its label, or a word it contains."""
    if not text or text in labels:
        return text
    for code, label in labels.items():
        if text in (label, _t(label)):
            return code
    for word, code in words.items():
        if word in text:
            return code
    return text


def stage_code(text: str) -> str:
    """The response stage a cell names (海上防台风, Ⅳ级, 四级, IV, 4 …)."""
    cleaned = text.strip().lower().replace("级", "").replace("应急响应", "").replace("响应", "")
    if "海上" in cleaned:
        return "sea"
    return _STAGE_WORDS.get(cleaned, text.strip())


PLAN_SERIALS = (20_000, 80_000)  # Excel's serial days 1954 to 2119
PLAN_YEARS = (1949, 2100)


def parse_date(value: object, *, serials: tuple[int, int] | None = PLAN_SERIALS) -> date:
    """A date as a cell holds it, read the spreadsheet cells' way (a date, an Excel serial
    day within ``serials``, 2024-06-03, 2024/6/3, 2024.6.3, 2024年6月3日, 20240603), with
    a written year from 1949 to 2100; ValueError otherwise, also for a blank."""
    within = (
        serials is not None
        and isinstance(value, int | float)
        and not isinstance(value, bool)
        and serials[0] <= value <= serials[1]
    )
    if within and isinstance(value, float):
        value = int(value)  # a serial date-time: its day
    found = parse_cell_date(value, serials=serials)
    if found is None:
        raise ValueError(value)
    if isinstance(value, date):
        return found
    if not within and not PLAN_YEARS[0] <= found.year <= PLAN_YEARS[1]:
        raise ValueError(value)
    return found


def parse_minutes(text: str) -> int:
    """A time limit in minutes: 30, 30分钟, 2小时, 1.5小时, 1天; ValueError otherwise."""
    found = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(分钟|分|小时|时|h|天|日|min)?", text.strip().lower())
    if found is None:
        raise ValueError(text)
    amount = float(found.group(1))
    unit = found.group(2) or "分钟"
    factor = {"小时": 60, "时": 60, "h": 60, "天": 1440, "日": 1440}.get(unit, 1)
    minutes = amount * factor
    if minutes != int(minutes) or not 1 <= minutes <= 10**6:
        raise ValueError(text)
    return int(minutes)


@dataclass
class PlanRows:
    rows: list[tuple[int | None, dict[str, object]]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)


class PlanSteps(ImportSteps[Table, PlanRows]):
    audit_table = "plans"

    @staticmethod
    def reader(path: Path, options: Mapping[str, Any]) -> Table:
        return read_table(path, PLAN_COLUMNS)

    def rows(self, source: Table) -> int:
        return len(source.rows)

    def validate(self, source: Table) -> PlanRows | None:
        report = self.job.report
        session = self.job.session
        report.rows_read = len(source.rows)
        report.rows_skipped = source.skipped
        codes = [source.text(row, "code") for row in source.rows]
        refused: set[int] = set()
        for code, positions in repeated(codes).items():
            if not code:
                continue
            report.add(
                source.problem(
                    source.rows[positions[0]],
                    "code",
                    code,
                    fill(
                        QCoreApplication.translate(
                            "Plans", "The plan %1 appears more than once (rows %2)."
                        ),
                        code,
                        "、".join(str(source.rows[p].number) for p in positions),
                    ),
                )
            )
            refused.update(positions)
        existing = {plan.code: plan for plan in session.scalars(select(Plan))}
        in_file = {code for code in codes if code}
        out = PlanRows()
        for position, row in enumerate(source.rows):
            self.job.check_cancel()
            problems: list[tuple[str, str]] = []
            dates: dict[str, date | None] = {}
            for key in ("issued_on", "revision_due"):
                cell = source.cell(row, key)
                dates[key] = None
                if source.text(row, key):
                    try:
                        dates[key] = parse_date(cell)
                    except ValueError:
                        problems.append(
                            (
                                key,
                                QCoreApplication.translate(
                                    "Plans", "Not a date (such as 2024-06-03)."
                                ),
                            )
                        )
            years: int | None = None
            years_text = source.text(row, "evaluation_years").replace("年", "")
            if years_text:
                try:
                    years = int(float(years_text))
                except (ValueError, OverflowError):  # not a number, or infinite
                    problems.append(
                        (
                            "evaluation_years",
                            QCoreApplication.translate("Plans", "Not a number of years."),
                        )
                    )
            parent = source.text(row, "parent_code") or None
            status = _word(source.text(row, "status"), _STATUS_WORDS, STATUSES) or "published"
            if status not in STATUSES:
                problems.append(
                    (
                        "status",
                        fill(
                            QCoreApplication.translate("Plans", "Unknown status of a plan: %1"),
                            status,
                        ),
                    )
                )
            fields = PlanFields(
                code=source.text(row, "code"),
                title=source.text(row, "title"),
                plan_class=_word(source.text(row, "plan_class"), _CLASS_WORDS, PLAN_CLASSES),
                category=_word(source.text(row, "category"), _CATEGORY_WORDS, CATEGORIES) or None,
                event_type=_word(source.text(row, "event_type"), _TYPE_WORDS, EVENT_TYPES) or None,
                owner=source.text(row, "owner") or None,
                approver=source.text(row, "approver") or None,
                doc_number=source.text(row, "doc_number") or None,
                issued_on=dates["issued_on"],
                parent_code=None if parent in in_file else parent,
                status=status,
                revision_due=dates["revision_due"],
                evaluation_years=years,
                note=source.text(row, "note") or None,
            )
            current = existing.get(fields.code or "")
            try:
                values = check_plan(session, fields, current.id if current else None)
            except ValidationError as refusal:
                problems.extend(refusal.problems)
                values = {}
            if problems:
                for key, message in problems:
                    column = key if source.has(key) else None
                    report.add(
                        source.problem(
                            row, column, source.text(row, key) if column else "", message
                        )
                    )
                continue
            if position in refused:
                continue
            values["parent_code"] = parent
            values["status"] = status
            if current is None:
                report.inserted += 1
            else:
                report.updated += 1
            out.rows.append((current.id if current else None, values))
        return out

    def write(self, plan: PlanRows, writer: Writer) -> int:
        session = self.job.session
        actor = self.job.session.info.get("actor")
        recorded_by = getattr(actor, "name", "import")
        written = 0
        parents: list[tuple[Plan, str]] = []
        for batch in writer.batches(plan.rows, 200):
            for plan_id, values in batch:
                parent_code = values.pop("parent_code")
                status = str(values.pop("status"))
                values.pop("parent_id", None)
                found = session.get(Plan, plan_id) if plan_id is not None else None
                row = found or Plan(status=status)
                for key, value in values.items():
                    setattr(row, key, value)
                session.add(row)
                session.flush()
                if found is None:
                    session.add(
                        PlanStep(
                            plan_id=row.id,
                            status=status,
                            on=row.issued_on or utcnow().date(),
                            recorded_by=recorded_by,
                            recorded_at=utcnow(),
                        )
                    )
                if parent_code:
                    parents.append((row, str(parent_code)))
                written += 1
            session.flush()
        ids = {code: plan_id for plan_id, code in session.execute(select(Plan.id, Plan.code))}
        for row, code in parents:
            row.parent_id = ids.get(code)
        session.flush()
        return written


@dataclass
class ActionRows:
    version_id: int | None
    plan_id: int
    stages: list[tuple[str, str | None, list[tuple[str, str, int | None, int | None]]]]
    count: int = 0

    def __len__(self) -> int:
        return self.count


class PlanActionSteps(ImportSteps[Table, ActionRows]):
    audit_table = "plan_actions"

    @staticmethod
    def reader(path: Path, options: Mapping[str, Any]) -> Table:
        return read_table(path, ACTION_COLUMNS)

    def rows(self, source: Table) -> int:
        return len(source.rows)

    def validate(self, source: Table) -> ActionRows | None:
        report = self.job.report
        session = self.job.session
        code = (self.job.options.get("plan") or "").strip()
        plan = session.scalar(select(Plan).where(Plan.code == code)) if code else None
        if plan is None:
            raise file_problem(
                source.file,
                fill(
                    QCoreApplication.translate(
                        "Plans", "No plan with the code %1: register the plan first."
                    ),
                    code,
                )
                if code
                else QCoreApplication.translate(
                    "Plans", "Name the plan the actions belong to (--plan CODE)."
                ),
                sheet=source.sheet,
            )
        version_id = latest_version_id(session, plan.id)
        if version_id is not None and in_use(session, version_id):
            raise file_problem(source.file, _t(IN_USE), sheet=source.sheet)
        report.rows_read = len(source.rows)
        report.rows_skipped = source.skipped
        stages: dict[str, tuple[str | None, list[tuple[str, str, int | None, int | None]]]] = {}
        seen: dict[tuple[str, str], int] = {}
        for row in source.rows:
            self.job.check_cancel()
            problems: list[tuple[str | None, str]] = []
            level = stage_code(source.text(row, "stage"))
            limit: int | None = None
            limit_text = source.text(row, "time_limit")
            if limit_text:
                try:
                    limit = parse_minutes(limit_text)
                except ValueError:
                    problems.append(
                        (
                            "time_limit",
                            QCoreApplication.translate(
                                "Plans", "Not a time limit (such as 30分钟, 2小时 or 1天)."
                            ),
                        )
                    )
            action = ActionFields(
                _word(source.text(row, "group"), _GROUP_WORDS, ACTION_GROUPS) or "command",
                source.text(row, "text"),
                source.text(row, "unit") or None,
                limit,
            )
            trigger = source.text(row, "trigger") or None
            checker = FieldChecker()
            checked = check_stage(session, checker, StageFields(level, trigger, [action]), 0)
            for key, message in checker.problems:
                column = {
                    "stages[0]": "stage",
                    "stages[0].trigger": "trigger",
                    "stages[0].actions[0].group": "group",
                    "stages[0].actions[0].text": "text",
                    "stages[0].actions[0].unit": "unit",
                    "stages[0].actions[0].time_limit": "time_limit",
                }.get(key)
                problems.append((column, message))
            text_key = (level, action.text.strip())
            if not problems and text_key in seen:
                problems.append(
                    (
                        "text",
                        fill(
                            QCoreApplication.translate(
                                "Plans", "The same action is listed at row %1."
                            ),
                            str(seen[text_key]),
                        ),
                    )
                )
            if problems:
                for named, message in problems:
                    where = named if named and source.has(named) else None
                    report.add(
                        source.problem(
                            row, where, source.text(row, where) if where else "", message
                        )
                    )
                continue
            seen[text_key] = row.number
            old_trigger, actions = stages.setdefault(level, (trigger, []))
            if trigger and not old_trigger:
                stages[level] = (trigger, actions)
            actions.extend(checked[2])
            report.inserted += 1
        ordered = sorted(stages.items(), key=lambda item: STAGE_ORDER.index(item[0]))
        return ActionRows(
            version_id,
            plan.id,
            [(level, trigger, actions) for level, (trigger, actions) in ordered],
            report.inserted,
        )

    def write(self, plan: ActionRows, writer: Writer) -> int:
        """The file is the plan's whole structured content: it replaces the latest
        version's stages and actions (a first version is made for a plan without one)."""
        session = self.job.session
        actor = session.info.get("actor")
        version = session.get(PlanVersion, plan.version_id) if plan.version_id else None
        if version is None:
            version = PlanVersion(
                plan_id=plan.plan_id,
                number=1,
                name=QCoreApplication.translate("Plans", "First version"),
                search_text="",
                created_by=getattr(actor, "name", "import"),
                created_at=utcnow(),
            )
            session.add(version)
            session.flush()
        for stage in session.scalars(select(PlanStage).where(PlanStage.version_id == version.id)):
            session.delete(stage)
        session.flush()
        written = 0
        for batch in writer.batches(plan.stages, 1):
            for level, trigger, actions in batch:
                stage = PlanStage(version_id=version.id, level=level, trigger=trigger)
                session.add(stage)
                session.flush()
                for position, (group, text, unit, limit) in enumerate(actions, 1):
                    session.add(
                        PlanAction(
                            stage_id=stage.id,
                            position=position,
                            group=group,
                            text=text,
                            unit_id=unit,
                            time_limit_minutes=limit,
                        )
                    )
                    written += 1
                session.flush()
        refresh_search_text(session, version)
        return written
