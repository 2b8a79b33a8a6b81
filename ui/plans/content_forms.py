"""The planner's forms for a version's structured content (for each response stage its
trigger and its actions, each with group, responsible unit and time limit), for a drill
with its follow-up actions and the plan actions it exercised, and for closing a
follow-up action."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from models.command import list_units
from models.database import Database
from models.labels import RESPONSE_LEVELS
from models.messages import fill
from models.plans import (
    ActionFields,
    FollowUpFields,
    StageFields,
    close_follow_up,
    list_versions,
    record_drill,
    set_content,
    version_content,
)
from models.plans.codes import ACTION_GROUPS, DRILL_KINDS, STAGE_ORDER
from models.plans.imports import parse_minutes
from models.refusals import ValidationError
from models.users import Actor
from ui.common.forms import RecordForm
from ui.common.widgets import CodeCombo
from ui.plans.forms import PlanAdditionForm, date_edit, picked_date, translated
from ui.plans.rows_editor import EditColumn, RowsEditor


def level_label(code: str) -> str:
    return QCoreApplication.translate("Label", RESPONSE_LEVELS.get(code, code))


def limit_text(minutes: int | None) -> str:
    """A time limit as typed back: hours when whole, else minutes."""
    if minutes is None:
        return ""
    if minutes % 60 == 0:
        return fill(QCoreApplication.translate("PlanForms", "%1 h"), str(minutes // 60))
    return fill(QCoreApplication.translate("PlanForms", "%1 min"), str(minutes))


def _parse_limit(text: str) -> int:
    """A time limit typed as 30, 30 min, 2 h, 2小时, 1天 (minutes)."""
    cleaned = text.strip().lower()
    cleaned = re.sub(r"\s*(minutes?|mins?)$", "分钟", cleaned)
    cleaned = re.sub(r"\s*(hours?|hrs?)$", "小时", cleaned)
    cleaned = re.sub(r"\s*(days?|d)$", "天", cleaned)
    return parse_minutes(cleaned)


class StageTab(QWidget):
    """One response stage: its trigger and its actions."""

    def __init__(self, level: str, units: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self.trigger_edit = QPlainTextEdit()
        self.trigger_edit.setFixedHeight(56)
        self.trigger_edit.setPlaceholderText(
            self.tr("When this stage starts (trigger conditions); empty with no action: none")
        )
        self.action_rows = RowsEditor(
            [
                EditColumn(self.tr("Group"), "choice", translated(ACTION_GROUPS), 150),
                EditColumn(self.tr("Action")),
                EditColumn(
                    self.tr("Responsible unit"),
                    "choice",
                    {"": "", **{name: name for name in units}},
                    160,
                ),
                EditColumn(self.tr("Time limit"), "text", width=90),
            ],
            self.tr("Add action"),
            self.tr("Remove action"),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Trigger")))
        layout.addWidget(self.trigger_edit)
        layout.addWidget(self.action_rows, 1)

    def is_empty(self) -> bool:
        return not self.trigger_edit.toPlainText().strip() and not self.action_rows.rows()


class ContentForm(RecordForm):
    """A version's structured content, a tab per stage (the sea-typhoon stage, Ⅳ … Ⅰ);
    a stage with neither trigger nor action is left out. Refused for a version an
    activation or a drill refers to (a changed plan is then a new version)."""

    def __init__(
        self, db: Database, actor: Actor, version_id: int, *, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, actor, version_id, parent=parent)

    def _prepare(self, session: Session) -> None:
        self.unit_names = [u.name for u in list_units(session=session)]

    def _build(self, session: Session) -> None:
        self.setWindowTitle(self.tr("Stages and actions of the version"))
        self.setMinimumSize(900, 560)
        self.tabs = QTabWidget()
        self.stage_tabs: dict[str, StageTab] = {}
        for level in STAGE_ORDER:
            tab = StageTab(level, self.unit_names)
            self.stage_tabs[level] = tab
            self.tabs.addTab(tab, level_label(level))
        hint = QLabel(
            self.tr(
                "Double-click a cell to change it. Time limits such as 30 min, 2 h, 2小时 or 1天."
            )
        )
        hint.setWordWrap(True)
        self.form_layout.addRow(hint)
        self.add_field("stages", "", self.tabs)

    def _load(self, session: Session, record_id: int) -> Any:
        return version_content(session=session, version_id=record_id)

    def _fill(self, session: Session, record: Any) -> None:
        for stage in record:
            tab = self.stage_tabs[stage.level]
            tab.trigger_edit.setPlainText(stage.trigger or "")
            for action in stage.actions:
                tab.action_rows.add_row(
                    [
                        action.group,
                        action.text,
                        action.unit or "",
                        limit_text(action.time_limit_minutes),
                    ]
                )
        first = next((n for n, s in enumerate(STAGE_ORDER) if not self.stage_tabs[s].is_empty()), 0)
        self.tabs.setCurrentIndex(first)

    def _collect(self) -> list[tuple[str, str, list[list[object]]]]:
        return [
            (level, tab.trigger_edit.toPlainText(), tab.action_rows.rows())
            for level, tab in self.stage_tabs.items()
            if not tab.is_empty()
        ]

    def _save(self, session: Session, data: list[tuple[str, str, list[list[object]]]]) -> int:
        assert self.record_id is not None
        problems: list[tuple[str, str]] = []
        stages = []
        where: dict[str, str] = {}  # the domain's field names as the user sees them
        for n, (level, trigger, rows) in enumerate(data):
            actions = []
            where[f"stages[{n}].trigger"] = fill(self.tr("%1, trigger"), level_label(level))
            for m, (group, text, unit, limit) in enumerate(rows):
                place = fill(self.tr("%1, action %2"), level_label(level), str(m + 1))
                for field in ("group", "text", "unit", "time_limit"):
                    where[f"stages[{n}].actions[{m}].{field}"] = place
                minutes = None
                if str(limit or "").strip():
                    try:
                        minutes = _parse_limit(str(limit))
                    except ValueError:
                        problems.append(
                            (
                                "stages",
                                f"{place}: "
                                + fill(
                                    self.tr("Not a time limit: %1 (such as 30 min, 2 h or 1天)."),
                                    str(limit),
                                ),
                            )
                        )
                actions.append(
                    ActionFields(
                        str(group or ""), str(text or ""), str(unit or "") or None, minutes
                    )
                )
            stages.append(StageFields(level, trigger, actions))
        if problems:
            raise ValidationError(problems)
        try:
            set_content(session=session, version_id=self.record_id, stages=stages)
        except ValidationError as refused:
            raise ValidationError(
                [
                    ("stages", f"{where[field]}: {message}" if field in where else message)
                    for field, message in refused.problems
                ]
            ) from None
        return self.record_id


class DrillForm(PlanAdditionForm):
    """A drill of a plan: date, kind, organisers, participants, scenario, findings, the
    actions of the plan's latest version it exercised, and follow-up actions with owners
    and due dates."""

    def _prepare(self, session: Session) -> None:
        versions = list_versions(session=session, code=self.code)
        self.stages = (
            version_content(session=session, version_id=versions[-1].id) if versions else []
        )

    def _build(self, session: Session) -> None:
        self.setWindowTitle(fill(self.tr("Drill of %1"), self.code))
        self.setMinimumWidth(760)
        self.held_edit = date_edit()
        self.add_field("held_on", self.tr("Held on"), self.held_edit)
        self.kind_combo = CodeCombo(translated(DRILL_KINDS))
        self.add_field("kind", self.tr("Kind"), self.kind_combo)
        self.line("organisers", self.tr("Organisers"), 1000)
        self.line("participants", self.tr("Participants"), 2000)
        self.scenario_edit = QPlainTextEdit()
        self.scenario_edit.setFixedHeight(50)
        self.add_field("scenario", self.tr("Scenario"), self.scenario_edit)
        self.findings_edit = QPlainTextEdit()
        self.findings_edit.setFixedHeight(50)
        self.add_field("findings", self.tr("Findings"), self.findings_edit)
        self.exercised_model = QStandardItemModel(self)
        for stage in self.stages:
            for action in stage.actions:
                item = QStandardItem(f"{level_label(stage.level)}  {action.text}")
                item.setCheckable(True)
                item.setEditable(False)
                item.setData(action.id, Qt.ItemDataRole.UserRole)
                self.exercised_model.appendRow(item)
        self.exercised_view = QListView()
        self.exercised_view.setModel(self.exercised_model)
        self.exercised_view.setFixedHeight(100)
        self.add_field("exercised", self.tr("Actions exercised"), self.exercised_view)
        self.follow_ups = RowsEditor(
            [
                EditColumn(self.tr("Follow-up action")),
                EditColumn(self.tr("Owner"), width=150),
                EditColumn(self.tr("Due"), "date", width=110),
            ],
            self.tr("Add follow-up"),
            self.tr("Remove follow-up"),
        )
        self.follow_ups.setMinimumHeight(140)
        self.add_field("follow_ups", self.tr("Follow-up actions"), self.follow_ups)

    def check_action(self, action_id: int) -> None:
        """Mark a plan action as exercised (as a click on its box does)."""
        for row in range(self.exercised_model.rowCount()):
            item = self.exercised_model.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == action_id:
                item.setCheckState(Qt.CheckState.Checked)

    def _collect(self) -> dict[str, Any]:
        exercised = [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (
                self.exercised_model.item(row) for row in range(self.exercised_model.rowCount())
            )
            if item.checkState() == Qt.CheckState.Checked
        ]
        return {
            "held_on": picked_date(self.held_edit),
            "kind": self.kind_combo.code() or "",
            "organisers": self.text_of("organisers"),
            "participants": self.text_of("participants"),
            "scenario": self.scenario_edit.toPlainText(),
            "findings": self.findings_edit.toPlainText(),
            "exercised": exercised,
            "follow_ups": self.follow_ups.rows(),
        }

    def _save(self, session: Session, data: dict[str, Any]) -> int:
        follow_ups = []
        problems = []
        for n, (action, owner, due) in enumerate(data.pop("follow_ups")):
            if not due:
                problems.append(
                    (
                        "follow_ups",
                        fill(self.tr("Follow-up %1: give its due date."), str(n + 1)),
                    )
                )
                continue
            follow_ups.append(
                FollowUpFields(str(action or ""), str(owner or ""), date.fromisoformat(str(due)))
            )
        if problems:
            raise ValidationError(problems)
        try:
            drill = record_drill(session=session, code=self.code, follow_ups=follow_ups, **data)
        except ValidationError as refused:
            raise ValidationError(
                [
                    (
                        "follow_ups" if field.startswith("follow_ups[") else field,
                        fill(
                            self.tr("Follow-up %1: %2"),
                            str(int(field.split("[")[1].split("]")[0]) + 1),
                            message,
                        )
                        if field.startswith("follow_ups[")
                        else message,
                    )
                    for field, message in refused.problems
                ]
            ) from None
        return drill.id


class CloseFollowUpForm(RecordForm):
    """Close a drill's follow-up action on a date, with a note."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        follow_up_id: int,
        action: str,
        *,
        parent: QWidget | None = None,
    ) -> None:
        self.action = action
        super().__init__(db, actor, follow_up_id, parent=parent)

    def _build(self, session: Session) -> None:
        self.setWindowTitle(self.tr("Close a follow-up action"))
        shown = QLabel(self.action)
        shown.setWordWrap(True)
        self.form_layout.addRow(shown)
        self.closed_edit = date_edit()
        self.add_field("closed_on", self.tr("Closed on"), self.closed_edit)
        self.line("note", self.tr("Note"), 2000, self.tr("What was done"))

    def _load(self, session: Session, record_id: int) -> Any:
        return record_id

    def _fill(self, session: Session, record: Any) -> None:
        pass

    def _collect(self) -> dict[str, Any]:
        return {"closed_on": picked_date(self.closed_edit), "note": self.text_of("note")}

    def _save(self, session: Session, data: dict[str, Any]) -> int:
        assert self.record_id is not None
        close_follow_up(session=session, follow_up_id=self.record_id, **data)
        return self.record_id
