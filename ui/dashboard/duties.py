"""The dashboard's duties: the next report upward due, counted down each second (red when
overdue); the plans' deadlines overdue and falling due soon; the supplies' alerts (below
minimum, expired, expiring) and the issues whose paperwork is pending; the rescue teams
out (assembling, dispatched, on scene) and pre-positioned. Each card opens its page (the
reports upward: the dispatch page)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QPushButton, QWidget
from sqlalchemy.orm import Session

from models.base import utcnow
from models.clock import display_time, duration_text
from models.command.reports_due import DueReport, due_reports
from models.messages import fill
from models.plans import DeadlineCounts, deadline_counts
from models.plans.deadlines import SOON_DAYS
from models.supplies import alerts, pending_paperwork
from models.teams import status_counts
from ui.common.styles import ERROR_COLOUR
from ui.common.widgets import Card, card_grid

# The tables the duties are read from (the dashboard follows their changes).
DUTY_TABLES = frozenset(
    {
        "events",
        "event_reports",
        "report_deadlines",
        "event_level_changes",
        "event_grade_changes",
        "event_incidents",
        "plans",
        "plan_steps",
        "plan_drills",
        "drill_follow_ups",
        "supply_movements",
        "supply_balances",
        "supply_batches",
        "supply_minimums",
        "supply_warehouses",
        "supply_items",
        "teams",
    }
)
# A team in one of these statuses is out on a task.
OUT_STATUSES = ("assembling", "dispatched", "on_scene")
TICK_MS = 1000


@dataclass(frozen=True)
class Duties:
    """What the duties cards show, read off the UI thread."""

    due: tuple[DueReport, ...] = ()  # soonest first
    deadlines: DeadlineCounts = field(default_factory=lambda: DeadlineCounts(0, 0))
    alerts: dict[str, int] = field(default_factory=dict)  # by kind
    pending: int = 0  # issues whose paperwork is pending
    teams: dict[str, int] = field(default_factory=dict)  # by status


def load_duties(*, session: Session) -> Duties:
    kinds = Counter(alert.kind for alert in alerts(session=session))
    return Duties(
        tuple(due_reports(session=session)),
        deadline_counts(session=session),
        dict(kinds),
        len(pending_paperwork(session=session)),
        status_counts(session=session),
    )


def time_left(due: DueReport, now: datetime) -> str:
    """12:34 or 1:02:03 left; overdue: the time past the deadline, after a minus sign."""
    seconds = int((due.written_due - now).total_seconds())
    return ("−" if seconds < 0 else "") + duration_text(seconds)


class DutyCards(QObject):
    """The four cards in a row, the report's counting down each second."""

    open_page = Signal(str)  # the page a card's button opens

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.widget, self.cards = card_grid(
            [
                ("report", self.tr("Next report upward")),
                ("plans", self.tr("Plan deadlines overdue")),
                ("supplies", self.tr("Supplies alerts")),
                ("teams", self.tr("Rescue teams out")),
            ],
            columns=4,
        )
        self.report_button = self._link(
            self.cards["report"], self.tr("Open the dispatch page"), "dispatch"
        )
        self.plans_button = self._link(self.cards["plans"], self.tr("Open the plans page"), "plans")
        self.supplies_button = self._link(
            self.cards["supplies"], self.tr("Open the supplies page"), "supplies"
        )
        self.teams_button = self._link(
            self.cards["teams"], self.tr("Open the rescue teams page"), "teams"
        )
        self.due: tuple[DueReport, ...] = ()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    def _link(self, card: Card, text: str, key: str) -> QPushButton:
        button = QPushButton(text)
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setStyleSheet("text-align: left; color: #1f5f99; padding: 0; font-size: 12px;")
        button.clicked.connect(lambda: self.open_page.emit(key))
        layout = card.layout()
        assert layout is not None
        layout.addWidget(button)
        return button

    def show_duties(self, duties: Duties) -> None:
        self.due = duties.due
        self.tick()
        if self.due:
            self.timer.start()
        else:
            self.timer.stop()
        counts = duties.deadlines
        self.cards["plans"].show_value(
            counts.overdue,
            fill(self.tr("%1 more due within %2 days"), f"{counts.soon:,}", str(SOON_DAYS))
            if counts.overdue or counts.soon
            else fill(self.tr("Nothing overdue or due within %1 days."), str(SOON_DAYS)),
            alert=bool(counts.overdue),
        )
        found, pending = duties.alerts, duties.pending
        note = (
            fill(
                self.tr("%1 below minimum · %2 expired · %3 expiring"),
                f"{found.get('below_minimum', 0):,}",
                f"{found.get('expired', 0):,}",
                f"{found.get('expiring', 0):,}",
            )
            if found
            else self.tr("No stock below minimum, expired or expiring")
        )
        note += " · " + fill(self.tr("Paperwork pending: %1"), f"{pending:,}")
        self.cards["supplies"].show_value(sum(found.values()), note, alert=bool(found))
        teams = duties.teams
        self.cards["teams"].show_value(
            sum(teams.get(s, 0) for s in OUT_STATUSES),
            fill(
                self.tr("%1 on scene · %2 pre-positioned · %3 of %4 on standby"),
                f"{teams.get('on_scene', 0):,}",
                f"{teams.get('prepositioned', 0):,}",
                f"{teams.get('standby', 0):,}",
                f"{sum(teams.values()):,}",
            )
            if teams
            else self.tr("No rescue team is registered yet."),
        )

    def tick(self) -> None:
        card = self.cards["report"]
        if not self.due:
            card.value_label.setText("—")
            card.value_label.setStyleSheet("")
            card.note_label.setText(self.tr("No report upward is due."))
            return
        now = utcnow()
        first = self.due[0]
        overdue = first.written_due < now
        card.value_label.setText(time_left(first, now))
        card.value_label.setStyleSheet(f"color: {ERROR_COLOUR};" if overdue else "")
        note = fill(
            self.tr("%1 of %2, in writing by %3")
            if not overdue
            else self.tr("%1 of %2 overdue: it was due in writing by %3"),
            first.name,
            first.event_name,
            display_time(first.written_due, short=True),
        )
        if len(self.due) > 1:
            note += fill(self.tr(" (%1 more due)"), str(len(self.due) - 1))
        card.note_label.setText(note)
