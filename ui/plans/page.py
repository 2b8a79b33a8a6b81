"""The plans page: the plan system at a glance as a tree (status colours, deadline marks),
the overdue and soon-due items, the search of the plans' texts, and for planners the
forms that keep the library (a plan, a step of its life, a version with its files, its
stages and actions, a drill and its follow-ups)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.events import active_event
from models.exports.plans import DEADLINE_KINDS
from models.messages import QT_TRANSLATE_NOOP, fill
from models.plans import (
    ActivationRow,
    ChecklistRow,
    DeadlineRow,
    SearchHit,
    TreeNode,
    activate_plan,
    activations,
    calendar_note,
    checklist,
    deadlines,
    plan_tree,
    search_plans,
    tick_action,
)
from models.plans.codes import PLAN_CLASSES, STATUSES
from models.users import Actor, Permission
from ui.common.operations import Outcome, run_operation
from ui.common.page import Page
from ui.common.styles import ALERT_COLOUR, ERROR_COLOUR, NOTE_COLOUR, OK_COLOUR
from ui.common.table import Column, RowTableModel, fit_columns, setup_table_view
from ui.plans.checklist import ChecklistTab
from ui.plans.content_forms import CloseFollowUpForm, ContentForm, DrillForm
from ui.plans.details import DetailsTab, PlanDetails, file_to_open, load_details
from ui.plans.forms import EvaluationForm, PlanForm, StatusForm, VersionForm

PLAN_ID = Qt.ItemDataRole.UserRole + 1  # the tree's plan id beside its code

STATUS_COLOURS = {
    "scheduled": ALERT_COLOUR,
    "drafting": ALERT_COLOUR,
    "review": ALERT_COLOUR,
    "approved": NOTE_COLOUR,
    "published": NOTE_COLOUR,
    "filed": OK_COLOUR,
    "superseded": NOTE_COLOUR,
    "abolished": NOTE_COLOUR,
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlansPage", text)


def _kind(code: str) -> str:
    return _tr(DEADLINE_KINDS.get(code, code))


def _days(left: int) -> str:
    if left < 0:
        return fill(QCoreApplication.translate("PlansPage", "%1 days overdue"), str(-left))
    return fill(QCoreApplication.translate("PlansPage", "due in %1 days"), str(left))


@dataclass(frozen=True, slots=True)
class DeadlineLine:
    """A deadline as the page lists it: a date counted past the official calendar's last
    year marked estimated."""

    plan_code: str
    title: str
    kind: str
    due_text: str
    days_left: int
    detail: str

    @classmethod
    def of(cls, row: DeadlineRow) -> DeadlineLine:
        due = row.due.isoformat()
        if row.estimated:
            due = fill(QCoreApplication.translate("PlansPage", "%1 (estimated)"), due)
        return cls(row.plan_code, row.title, row.kind, due, row.days_left, row.detail)


DEADLINE_COLUMNS = (
    Column("plan_code", QT_TRANSLATE_NOOP("PlansPage", "Code"), "PlansPage"),
    Column("title", QT_TRANSLATE_NOOP("PlansPage", "Plan"), "PlansPage", max_width=360),
    Column("kind", QT_TRANSLATE_NOOP("PlansPage", "Deadline"), "PlansPage", formatter=_kind),
    Column("due_text", QT_TRANSLATE_NOOP("PlansPage", "Due"), "PlansPage"),
    Column("days_left", QT_TRANSLATE_NOOP("PlansPage", "State"), "PlansPage", formatter=_days),
    Column("detail", QT_TRANSLATE_NOOP("PlansPage", "Detail"), "PlansPage", max_width=360),
)
SEARCH_COLUMNS = (
    Column("plan_code", QT_TRANSLATE_NOOP("PlansPage", "Code"), "PlansPage"),
    Column("title", QT_TRANSLATE_NOOP("PlansPage", "Plan"), "PlansPage", max_width=300),
    Column("version_name", QT_TRANSLATE_NOOP("PlansPage", "Version"), "PlansPage"),
    Column("occurrences", QT_TRANSLATE_NOOP("PlansPage", "Matches"), "PlansPage", formatter=str),
    Column("passage", QT_TRANSLATE_NOOP("PlansPage", "Passage"), "PlansPage", max_width=700),
)


@dataclass(frozen=True)
class PlansView:
    tree: list[TreeNode]
    deadlines: list[DeadlineRow]
    event_name: str | None
    activation: ActivationRow | None
    checklist: list[ChecklistRow]


def load_plans(*, db: Database, actor: Actor) -> PlansView:
    with db.session(actor) as session:
        event = active_event(session=session)
        active = (
            [a for a in activations(session=session, event_id=event.id) if a.ended_at is None]
            if event is not None
            else []
        )
        return PlansView(
            plan_tree(session=session),
            deadlines(session=session),
            event.name if event is not None else None,
            active[-1] if active else None,
            checklist(session=session, activation_id=active[-1].id) if active else [],
        )


def load_search(*, db: Database, actor: Actor, query: str) -> list[SearchHit]:
    with db.session(actor) as session:
        return search_plans(session=session, query=query)


class PlansPage(Page):
    details_shown = Signal()  # a plan's details shown in the detail tab

    watched_tables = frozenset(
        {
            "plans",
            "plan_steps",
            "plan_versions",
            "plan_drills",
            "drill_follow_ups",
            "plan_activations",
            "plan_checklist_items",
            "events",
        }
    )

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, self.tr("Contingency plans"), parent)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Search titles, actions and documents (two characters or more)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(320)
        self.search_edit.returnPressed.connect(self._search)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.header.addStretch(1)
        self.header.addWidget(self.search_edit)
        self.header.addWidget(self.refresh_button)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.tree_model = QStandardItemModel(0, 4, self)
        self.tree_model.setHorizontalHeaderLabels(
            [self.tr("Plan"), self.tr("Class"), self.tr("Status"), self.tr("Deadlines")]
        )
        self.tree_view = QTreeView()
        self.tree_view.setModel(self.tree_model)
        self.tree_view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree_view.setUniformRowHeights(True)
        self.tree_view.setAlternatingRowColors(True)
        tree_header = self.tree_view.header()
        tree_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree_header.setStretchLastSection(False)
        for column, width in ((1, 100), (2, 84), (3, 110)):
            tree_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            tree_header.resizeSection(column, width)

        self.deadline_model = RowTableModel(DEADLINE_COLUMNS, parent=self)
        self.deadline_view = QTableView()
        self.deadline_view.setModel(self.deadline_model)
        setup_table_view(self.deadline_view)
        self.search_model = RowTableModel(SEARCH_COLUMNS, parent=self)
        self.search_view = QTableView()
        self.search_view.setModel(self.search_model)
        setup_table_view(self.search_view)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.deadline_view, self.tr("Overdue and due soon"))
        self.tabs.addTab(self.search_view, self.tr("Search results"))
        self.checklist_tab = ChecklistTab(actor.can(Permission.RUN_PLANS))
        self.checklist_tab.activate_requested.connect(self._activate)
        self.checklist_tab.tick_requested.connect(self._tick)
        self.tabs.addTab(self.checklist_tab, self.tr("Event checklist"))
        self.details_tab = DetailsTab()
        self.details_tab.open_requested.connect(self._open_file)
        self.details_tab.compare_requested.connect(self._compare)
        self.details_tab.content_requested.connect(self._edit_content)
        self.details_tab.close_requested.connect(self._close_follow_up)
        self.details_tab.evaluate_requested.connect(lambda _plan_id: self._record_evaluation())
        self.chosen_code: str | None = None
        self.chosen_id: int | None = None
        self.compared_version: int | None = None
        self._files = tempfile.TemporaryDirectory(prefix="plans-")
        self.opened_file: Path | None = None  # the file last handed to the system viewer
        self.tabs.addTab(self.details_tab, self.tr("Plan"))
        self.tree_view.clicked.connect(self._chosen)

        self.may_edit = actor.can(Permission.EDIT_PLANS)
        self.new_plan_button = QPushButton(self.tr("New plan…"))
        self.new_plan_button.clicked.connect(self._new_plan)
        self.edit_plan_button = QPushButton(self.tr("Edit…"))
        self.edit_plan_button.clicked.connect(self._edit_plan)
        self.status_button = QPushButton(self.tr("Next step…"))
        self.status_button.clicked.connect(self._next_step)
        self.version_button = QPushButton(self.tr("New version…"))
        self.version_button.clicked.connect(self._new_version)
        self.content_button = QPushButton(self.tr("Stages and actions…"))
        self.content_button.clicked.connect(lambda: self._edit_content(None))
        self.drill_button = QPushButton(self.tr("Record a drill…"))
        self.drill_button.clicked.connect(self._record_drill)
        self.plan_buttons = (
            self.edit_plan_button,
            self.status_button,
            self.version_button,
            self.content_button,
            self.drill_button,
        )
        edit_row = QHBoxLayout()
        for button in (self.new_plan_button, *self.plan_buttons):
            button.setVisible(self.may_edit)
            button.setEnabled(button is self.new_plan_button)
            edit_row.addWidget(button)
        edit_row.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.summary_label)
        left_layout.addWidget(self.tree_view, 1)
        left_layout.addLayout(edit_row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        body = QWidget()
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(splitter)
        self.add_body(
            body,
            self.tr(
                "No plans are registered yet. Import the plan register "
                "(python main.py import plans FILE) or build the demo county (python main.py demo)."
            ),
        )
        self.refresh()

    def refresh(self) -> None:
        self.load(load_plans, self._show, db=self.db, actor=self.actor)

    def _show(self, view: PlansView) -> None:
        self.show_empty(not view.tree)
        marks: dict[str, list[DeadlineRow]] = {}
        for row in view.deadlines:
            marks.setdefault(row.plan_code, []).append(row)
        self.tree_model.removeRows(0, self.tree_model.rowCount())
        parents: list[QStandardItem] = []
        root = self.tree_model.invisibleRootItem()
        for node in view.tree:
            plan = node.plan
            title = QStandardItem(f"{plan.code}  {plan.title}")
            title.setData(plan.code, Qt.ItemDataRole.UserRole)
            title.setData(plan.id, PLAN_ID)
            kind = QStandardItem(QCoreApplication.translate("Plans", PLAN_CLASSES[plan.plan_class]))
            status = QStandardItem(QCoreApplication.translate("Plans", STATUSES[plan.status]))
            status.setForeground(QBrush(QColor(STATUS_COLOURS.get(plan.status, NOTE_COLOUR))))
            due = marks.get(plan.code, [])
            overdue = [r for r in due if r.overdue]
            mark = QStandardItem(
                ("⚠ " + "、".join(_kind(r.kind) for r in overdue))
                if overdue
                else ("△ " + "、".join(_kind(r.kind) for r in due) if due else "")
            )
            if due:
                mark.setForeground(QBrush(QColor(ERROR_COLOUR if overdue else ALERT_COLOUR)))
                mark.setToolTip(
                    "\n".join(f"{_kind(r.kind)} {r.due} {_days(r.days_left)}" for r in due)
                )
            items = [title, kind, status, mark]
            del parents[node.depth :]
            (parents[-1] if parents else root).appendRow(items)
            parents.append(title)
        self.tree_view.expandToDepth(0)
        self._choose_again()
        self.deadline_model.set_rows([DeadlineLine.of(row) for row in view.deadlines])
        fit_columns(self.deadline_view, self.deadline_model)
        self.checklist_tab.show_checklist(view.event_name, view.activation, view.checklist)
        overdue_count = sum(1 for r in view.deadlines if r.overdue)
        summary = fill(
            self.tr("%1 plans; %2 items overdue, %3 due within 30 days."),
            str(len(view.tree)),
            str(overdue_count),
            str(len(view.deadlines) - overdue_count),
        )
        if any(r.estimated for r in view.deadlines):
            summary += "\n" + calendar_note()
        self.summary_label.setText(summary)
        self.ready.emit()

    def _chosen(self, index: QModelIndex) -> None:
        first = index.siblingAtColumn(0)
        code = first.data(Qt.ItemDataRole.UserRole)
        if code:
            if code != self.chosen_code:
                self.compared_version = None
            self.chosen_code, self.chosen_id = str(code), int(first.data(PLAN_ID))
            for button in self.plan_buttons:
                button.setEnabled(True)
            self._load_details()

    def _choose_again(self) -> None:
        """The plan chosen before a reload (by id: its code may have changed) chosen again;
        nothing chosen when it is gone."""
        if self.chosen_id is None:
            return
        found = self.tree_model.match(
            self.tree_model.index(0, 0),
            PLAN_ID,
            self.chosen_id,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        if not found:
            self.chosen_code = self.chosen_id = None
            for button in self.plan_buttons:
                button.setEnabled(False)
            return
        self.tree_view.setCurrentIndex(found[0])
        self.tree_view.scrollTo(found[0])
        if self.chosen_code is None:
            self._chosen(found[0])

    def _load_details(self) -> None:
        if self.chosen_code is None:
            return
        run_operation(
            self.db,
            self.actor,
            load_details,
            owner=self,
            on_done=self._details,
            show=self.banner,
            write=False,
            code=self.chosen_code,
            version_id=self.compared_version,
            may_edit=self.may_edit,
        )

    def _details(self, outcome: Outcome[PlanDetails]) -> None:
        if outcome.ok and outcome.value is not None:
            self.details_tab.show_details(outcome.value)
            self.tabs.setCurrentWidget(self.details_tab)
            self.details_shown.emit()
        elif outcome.refusal is not None:  # the plan is gone or renamed: nothing chosen
            self.chosen_code = self.chosen_id = None
            for button in self.plan_buttons:
                button.setEnabled(False)

    def _compare(self, version_id: int) -> None:
        self.compared_version = version_id
        self._load_details()

    # -- the planner's forms ---------------------------------------------------------------

    def _after(self, saved: tuple[int | None, bool]) -> None:
        if saved[1]:
            self.refresh()
            self._load_details()

    def _new_plan(self) -> None:
        saved_id, accepted = PlanForm.edit(self, self.db, self.actor)
        if accepted and saved_id is not None:
            self.chosen_id, self.chosen_code = saved_id, None
            self.refresh()

    def _edit_plan(self) -> None:
        if self.chosen_id is not None:
            saved = PlanForm.edit(self, self.db, self.actor, self.chosen_id)
            if saved[1]:
                self.chosen_code = None  # the code may have changed: chosen again by id
                self.refresh()

    def _next_step(self) -> None:
        if self.chosen_code:
            self._after(StatusForm.edit(self, self.db, self.actor, self.chosen_code))

    def _record_evaluation(self) -> None:
        if self.chosen_code:
            self._after(EvaluationForm.edit(self, self.db, self.actor, self.chosen_code))

    def _new_version(self) -> None:
        if self.chosen_code:
            saved = VersionForm.edit(self, self.db, self.actor, self.chosen_code)
            if saved[1]:
                self.compared_version = saved[0]
            self._after(saved)

    def _edit_content(self, version_id: int | None) -> None:
        details = getattr(self.details_tab, "details", None)
        if version_id is None and details is not None and details.versions:
            version_id = details.versions[-1].id
        if version_id is None:
            self.banner.show_info(self.tr("The plan has no version yet: add one first."))
            return
        self.compared_version = version_id
        self._after(ContentForm.edit(self, self.db, self.actor, version_id))

    def _record_drill(self) -> None:
        if self.chosen_code:
            self._after(DrillForm.edit(self, self.db, self.actor, self.chosen_code))

    def _close_follow_up(self, follow_up_id: int) -> None:
        details = getattr(self.details_tab, "details", None)
        action = next(
            (
                f.action
                for drill in (details.drills if details else [])
                for f in drill.follow_ups
                if f.id == follow_up_id
            ),
            "",
        )
        self._after(CloseFollowUpForm.edit(self, self.db, self.actor, follow_up_id, action))

    def _open_file(self, file_id: int) -> None:
        """Write the kept file out and open it with the system's viewer."""
        run_operation(
            self.db,
            self.actor,
            file_to_open,
            owner=self,
            on_done=self._opened,
            show=self.banner,
            write=False,
            file_id=file_id,
            folder=self._files.name,
        )

    def _opened(self, outcome: Outcome[Path]) -> None:
        if outcome.ok and outcome.value is not None:
            self.opened_file = outcome.value
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(outcome.value)))

    def _activate(self, code: str, stage: str) -> None:
        run_operation(
            self.db,
            self.actor,
            activate_plan,
            owner=self,
            on_done=lambda outcome: self.refresh() if outcome.ok else None,
            show=self.banner,
            code=code,
            stage=stage,
        )

    def _tick(self, item_id: int, note: str) -> None:
        run_operation(
            self.db,
            self.actor,
            tick_action,
            owner=self,
            on_done=lambda outcome: self.refresh() if outcome.ok else None,
            show=self.banner,
            item_id=item_id,
            note=note or None,
        )

    def _search(self) -> None:
        query = self.search_edit.text().strip()
        if not query:
            self.search_model.set_rows([])
            return
        self.tabs.setCurrentWidget(self.search_view)
        self.load(load_search, self._found, db=self.db, actor=self.actor, query=query)

    def _found(self, hits: list[SearchHit]) -> None:
        self.search_model.set_rows(hits)
        fit_columns(self.search_view, self.search_model)
        if not hits:
            self.banner.show_info(self.tr("No plan text holds these words."))
        else:
            self.banner.clear_message()
        self.ready.emit()
