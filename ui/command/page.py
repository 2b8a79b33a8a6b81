"""The command page (指挥调度): the event in progress and its response.

The shared event bar names the event and its response level in the level's colour and
offers to start, change the level of and end an event; under it the event's facts (kind,
name and number, grade, the typhoon followed, area, start, since when the level holds),
then tabs: the level changes with signer, reason and document number (and the grade
changes), the incidents logged under the event, the duty roster of the day, the member
units' register, and the reports upward. Every write goes through a record form of
``ui.command.dialogs``; loads run off the UI thread (``ui.command.loading``).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.clock import display_time
from models.command import SHIFTS, level_label
from models.database import Database
from models.events import EVENT_KINDS, EventRow, start_event
from models.labels import EVENT_GRADES, RESPONSE_COLOURS, label
from models.messages import fill
from models.plans import ActivationRow, PlanRow, activate_plan, plan_to_offer
from models.users import Actor, Permission
from ui.command.dialogs import (
    EndEventForm,
    GradeForm,
    IncidentForm,
    LevelForm,
    RosterForm,
    StartEventForm,
)
from ui.command.loading import CommandData, load_command
from ui.command.reports_panel import ReportsPanel
from ui.command.tables import (
    grade_model,
    incident_model,
    level_lines,
    level_model,
    roster_model,
    unit_model,
)
from ui.common.event_bar import EventBar
from ui.common.operations import Outcome, run_operation
from ui.common.page import Page
from ui.common.styles import BANNER_WARNING, EVENT_DETAILS, SECTION_TITLE
from ui.common.table import RowTableModel, fit_columns, setup_table_view
from ui.common.widgets import EmptyState

WATCHED = frozenset(
    {
        "events",
        "event_level_changes",
        "event_grade_changes",
        "event_incidents",
        "duty_roster",
        "member_units",
        "event_reports",
        "event_report_recipients",
    }
)


def _table(model: RowTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    setup_table_view(view)
    return view


class CommandPage(Page):
    # ready: after each load is shown
    action_done = Signal()  # after a form saved (the page reloads) or was cancelled
    # A level change saved from this page: (event id, new level or None); the page offers
    # the matching plan here when none is active for the event.
    level_changed = Signal(int, object)

    watched_tables = WATCHED
    change_delay_ms = 200

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, parent=parent)
        self.data: CommandData | None = None
        self.manage = actor.can(Permission.MANAGE_EVENTS)
        self.title_label.setText(self.tr("Command and dispatch"))
        self.header.addStretch(1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.header.addWidget(self.refresh_button)

        self.event_bar = EventBar(
            actor,
            self.tr(
                "No event is in progress. Start one when a typhoon, flood or other hazard "
                "calls for a response: its level changes, incidents and reports are kept here."
            ),
        )
        self.event_bar.start_clicked.connect(self.ask_start)
        self.event_bar.level_clicked.connect(self.ask_level)
        self.event_bar.end_clicked.connect(self.ask_end)
        self.level_changed.connect(self._offer_plan)
        self.layout_.addWidget(self.event_bar)

        # The offer to activate the plan answering the event, after a level change with no
        # plan active; it waits beside the page rather than stopping the officer.
        self.plan_offer = QFrame()
        self.plan_offer.setObjectName("planOffer")
        self.plan_offer.setStyleSheet(f"#planOffer {{{BANNER_WARNING}}}")
        offer = QHBoxLayout(self.plan_offer)
        offer.setContentsMargins(0, 0, 0, 0)
        self.plan_offer_label = QLabel()
        self.plan_offer_label.setWordWrap(True)
        offer.addWidget(self.plan_offer_label, 1)
        self.activate_plan_button = QPushButton(self.tr("Activate the plan"))
        self.activate_plan_button.clicked.connect(self.activate_offered_plan)
        offer.addWidget(self.activate_plan_button)
        self.dismiss_offer_button = QPushButton(self.tr("Not now"))
        self.dismiss_offer_button.clicked.connect(self.plan_offer.hide)
        offer.addWidget(self.dismiss_offer_button)
        self.plan_offer.hide()
        self._offered: tuple[PlanRow, int, str] | None = None
        self.layout_.addWidget(self.plan_offer)

        facts = QHBoxLayout()
        self.details_label = QLabel()
        self.details_label.setTextFormat(Qt.TextFormat.RichText)
        self.details_label.setWordWrap(True)
        self.details_label.setStyleSheet(EVENT_DETAILS)
        facts.addWidget(self.details_label, 1)
        self.grade_button = QPushButton(self.tr("Change the grade…"))
        self.grade_button.clicked.connect(self.ask_grade)
        self.incident_button = QPushButton(self.tr("Log an incident…"))
        self.incident_button.clicked.connect(self.ask_incident)
        buttons = QVBoxLayout()
        buttons.addWidget(self.grade_button)
        buttons.addWidget(self.incident_button)
        buttons.addStretch(1)
        facts.addLayout(buttons)
        self.facts = QWidget()
        self.facts.setLayout(facts)
        self.layout_.addWidget(self.facts)

        self.tabs = QTabWidget()
        self.level_model = level_model()
        self.grade_model = grade_model()
        self.level_view = _table(self.level_model)
        self.grade_view = _table(self.grade_model)
        levels = QWidget()
        levels_box = QVBoxLayout(levels)
        levels_box.setContentsMargins(0, 0, 0, 0)
        levels_box.addWidget(self.level_view, 3)
        self.grade_title = QLabel(self.tr("Grade changes"))
        self.grade_title.setStyleSheet(SECTION_TITLE)
        levels_box.addWidget(self.grade_title)
        levels_box.addWidget(self.grade_view, 1)
        self.levels_state = EmptyState(levels)
        self.tabs.addTab(self.levels_state, self.tr("Response levels"))

        self.incident_model = incident_model()
        self.incident_view = _table(self.incident_model)
        self.incidents_state = EmptyState(self.incident_view)
        self.tabs.addTab(self.incidents_state, self.tr("Incidents"))

        roster = QWidget()
        roster_box = QVBoxLayout(roster)
        roster_box.setContentsMargins(0, 6, 0, 0)
        roster_top = QHBoxLayout()
        self.roster_label = QLabel()
        roster_top.addWidget(self.roster_label, 1)
        self.roster_button = QPushButton(self.tr("Set a shift…"))
        self.roster_button.setVisible(self.manage)
        self.roster_button.clicked.connect(self.ask_roster)
        roster_top.addWidget(self.roster_button)
        roster_box.addLayout(roster_top)
        self.roster_model = roster_model()
        self.roster_view = _table(self.roster_model)
        self.roster_state = EmptyState(self.roster_view)
        roster_box.addWidget(self.roster_state, 1)
        self.tabs.addTab(roster, self.tr("Duty roster"))

        units = QWidget()
        units_box = QVBoxLayout(units)
        units_box.setContentsMargins(0, 6, 0, 0)
        units_top = QHBoxLayout()
        self.unit_search = QLineEdit()
        self.unit_search.setPlaceholderText(
            self.tr("Search units, abbreviations, contacts (pinyin initials too) or phones")
        )
        self.unit_search.textChanged.connect(self._search_units)
        units_top.addWidget(self.unit_search, 1)
        self.import_button = QPushButton(self.tr("Import units…"))
        self.import_button.setVisible(actor.can(Permission.IMPORT_DATA))
        self.import_button.clicked.connect(self.ask_import)
        units_top.addWidget(self.import_button)
        units_box.addLayout(units_top)
        self.unit_model = unit_model()
        self.unit_view = _table(self.unit_model)
        self.units_state = EmptyState(
            self.unit_view,
            self.tr(
                "No member units are registered yet. Import the headquarters' member units "
                "(name, abbreviation, duty phone, contact and mobile) from a spreadsheet with "
                "Import units…, or on the command line: python main.py import units FILE"
            ),
        )
        units_box.addWidget(self.units_state, 1)
        self.tabs.addTab(units, self.tr("Member units"))

        # The reports upward (initial, follow-ups, daily, final) of the event in progress.
        self.reports_panel = ReportsPanel(db, actor)
        self.reports_panel.changed.connect(self.refresh)
        self.tabs.addTab(self.reports_panel, self.tr("Reports upward"))
        self.add_body(self.tabs)
        self.refresh()

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.load(load_command, self._show, db=self.db, actor=self.actor)

    def _show(self, data: CommandData) -> None:
        self.data = data
        event = data.event
        self.event_bar.show_event(event, busy=False)
        self.reports_panel.set_event(event.id if event is not None else None)
        self.event_bar.returns_button.setVisible(False)  # returns are the transfers page's
        self.facts.setVisible(event is not None)
        self.grade_button.setVisible(self.manage)
        self.incident_button.setVisible(self.manage)
        if event is not None:
            self.details_label.setText(self._details(event, data))
        no_event = self.tr("No event is in progress: nothing to show here until one starts.")
        self.level_model.set_rows(level_lines(data.levels))
        self.grade_model.set_rows(list(data.grades))
        self.grade_view.setVisible(bool(data.grades))
        self.grade_title.setText(
            self.tr("Grade changes")
            if data.grades
            else self.tr("Grade changes: none recorded (the grade given at the start holds).")
        )
        self.levels_state.show_empty(
            event is None or not data.levels,
            no_event
            if event is None
            else self.tr(
                "No level change recorded for this event yet. Change the response level with "
                "Response level…: the signer, the reason and the document number are kept here."
            ),
        )
        self.incident_model.set_rows(list(data.incidents))
        self.incidents_state.show_empty(
            event is None or not data.incidents,
            no_event
            if event is None
            else self.tr(
                "No incident logged under this event. A landslide, flooding or an accident "
                "during the event is logged with Log an incident…, with its place."
            ),
        )
        self.roster_model.set_rows(list(data.roster))
        day = data.day.isoformat() if data.day else ""
        self.roster_label.setText(
            fill(self.tr("Duty day %1 (08:00 to 08:00 the next morning)"), day)
        )
        self.roster_state.show_empty(
            not data.roster,
            fill(
                self.tr(
                    "No roster for %1 yet. The duty officer sets who is on duty and the leader "
                    "on shift with Set a shift… (or: python main.py roster set); the leaders "
                    "are then offered as signers of level changes."
                ),
                day,
            ),
        )
        self.unit_model.set_rows(list(data.units))
        self.units_state.show_empty(not data.units)
        for view, model in (
            (self.level_view, self.level_model),
            (self.grade_view, self.grade_model),
            (self.incident_view, self.incident_model),
            (self.roster_view, self.roster_model),
            (self.unit_view, self.unit_model),
        ):
            fit_columns(view, model)
        self.ready.emit()

    def _details(self, event: EventRow, data: CommandData) -> str:
        def row(caption: str, value: str) -> str:
            return f"<tr><td style='color:#4a5a6a; padding-right:10px'>{caption}</td><td>{value}</td></tr>"

        level = event.response_level
        colour = RESPONSE_COLOURS.get(level or "", "#4a5a6a")
        level_text = f"<b style='color:{colour}'>{html.escape(level_label(level))}</b>"
        if data.since is not None:
            level_text += " " + html.escape(fill(self.tr("since %1"), display_time(data.since)))
        name = html.escape(event.name)
        if event.number:
            name += " " + html.escape(fill(self.tr("(No. %1)"), event.number))
        grade = label(EVENT_GRADES, event.grade) or self.tr("not graded")
        if len(data.grades) > 1:
            grade += " " + fill(self.tr("(changed %1 times)"), str(len(data.grades) - 1))
        leaders = "、".join(f"{label(SHIFTS, r.shift)} {r.leader}" for r in data.roster) or self.tr(
            "no roster for today"
        )
        rows = [
            row(self.tr("Event"), f"<b>{name}</b> · {html.escape(label(EVENT_KINDS, event.kind))}"),
            row(self.tr("Grade"), html.escape(grade)),
            row(self.tr("Response"), level_text),
            row(self.tr("Typhoon"), html.escape(data.typhoon or self.tr("none linked"))),
            row(self.tr("Area"), html.escape(self._area_text(event))),
            row(self.tr("Started"), html.escape(display_time(event.started_at))),
            row(self.tr("Leader on shift"), html.escape(leaders)),
        ]
        return "<table>" + "".join(rows) + "</table>"

    def _area_text(self, event: EventRow) -> str:
        """The area as written, and the area drawn on the map when one is named."""
        parts = [event.area] if event.area else []
        if event.drawn_area:
            parts.append(fill(self.tr("drawn area %1"), event.drawn_area))
        return " · ".join(parts) or self.tr("not given")

    def _search_units(self, text: str) -> None:
        self.unit_model.set_query(text)

    # -- writes ------------------------------------------------------------------------------

    def _after(self, saved: bool) -> None:
        if saved:
            self.refresh()
        self.action_done.emit()

    def ask_start(self) -> None:
        dialog = StartEventForm(self.db, self.actor, parent=self)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            fields = dialog.collected
        finally:
            dialog.deleteLater()
        if not accepted or fields is None:
            self.action_done.emit()
            return
        self.event_bar.start_button.setEnabled(False)
        self.event_bar.show_text(self.tr("Starting the event and opening the transfer records…"))
        run_operation(
            self.db,
            self.actor,
            start_event,
            owner=self,
            on_done=self._started,
            show=self.banner,
            **fields,
        )

    def _started(self, outcome: Outcome[EventRow]) -> None:
        if outcome.ok:
            self.banner.show_info(
                fill(
                    self.tr("The event %1 was started."),
                    outcome.value.name if outcome.value else "",
                )
            )
        self._after(True)

    def ask_level(self) -> None:
        event = self.data.event if self.data else None
        if event is None:
            return
        dialog = LevelForm(self.db, self.actor, event, self)
        try:
            saved = dialog.exec() == LevelForm.DialogCode.Accepted
            level = dialog.level_combo.currentData()
        finally:
            dialog.deleteLater()
        if saved:
            self.level_changed.emit(event.id, level)
        self._after(saved)

    def _offer_plan(self, event_id: int, level: str | None) -> None:
        """After a level change with no plan active for the event: look for the plan that
        answers the event's kind, to offer it (an active plan follows the level itself)."""
        self.plan_offer.hide()
        if level is None or not self.actor.can(Permission.RUN_PLANS):
            return
        run_operation(
            self.db,
            self.actor,
            plan_to_offer,
            owner=self,
            on_done=lambda outcome: self._ask_activation(outcome, event_id, level),
            show=self.banner,
            write=False,
            event_id=event_id,
        )

    def _ask_activation(self, outcome: Outcome[PlanRow | None], event_id: int, level: str) -> None:
        plan = outcome.value if outcome.ok else None
        if plan is None:
            self.plan_offer.hide()
            return
        self._offered = (plan, event_id, level)
        self.plan_offer_label.setText(
            fill(
                self.tr(
                    "No contingency plan is active for this event. Activate %1 %2 at %3? "
                    "Its checklist will hold the actions of this stage and every lower one."
                ),
                plan.code,
                plan.title,
                level_label(level),
            )
        )
        self.plan_offer.show()
        self.activate_plan_button.setFocus()

    def activate_offered_plan(self) -> None:
        """Activate the plan offered, at the level the event changed to."""
        if self._offered is None:
            return
        plan, event_id, level = self._offered
        self._offered = None
        self.plan_offer.hide()
        run_operation(
            self.db,
            self.actor,
            activate_plan,
            owner=self,
            on_done=self._plan_activated,
            show=self.banner,
            code=plan.code,
            stage=level,
            event_id=event_id,
        )

    def _plan_activated(self, outcome: Outcome[ActivationRow]) -> None:
        if outcome.ok and outcome.value is not None:
            self.banner.show_info(
                fill(
                    self.tr("The plan %1 %2 was activated at %3."),
                    outcome.value.plan_code,
                    outcome.value.plan_title,
                    level_label(outcome.value.stage),
                )
            )

    def ask_end(self) -> None:
        event = self.data.event if self.data else None
        if event is not None:
            self._after(EndEventForm.edit(self, self.db, self.actor, event)[1])

    def ask_grade(self) -> None:
        event = self.data.event if self.data else None
        if event is not None:
            self._after(GradeForm.edit(self, self.db, self.actor, event)[1])

    def ask_incident(self) -> None:
        event = self.data.event if self.data else None
        if event is not None:
            self._after(IncidentForm.edit(self, self.db, self.actor, event)[1])

    def ask_roster(self) -> None:
        self._after(RosterForm.edit(self, self.db, self.actor)[1])

    def ask_import(self) -> None:
        from ui.common.import_dialog import ImportDialog

        dialog = ImportDialog(self.db, self.actor, "units", self)
        try:
            self._after(dialog.exec() == ImportDialog.DialogCode.Accepted)
        finally:
            dialog.deleteLater()
