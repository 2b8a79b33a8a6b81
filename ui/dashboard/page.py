"""The dashboard: the county at a glance for the duty officer; during an event each
town's transfer progress, the lagging ones marked, and the towns and villages that need
attention with their responsible persons one click away."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QTableView, QTabWidget, QVBoxLayout, QWidget

from models.clock import display_time
from models.database import Database
from models.events import EventRow, active_event
from models.labels import DANGER_KINDS, label
from models.messages import QT_TRANSLATE_NOOP, fill
from models.overview import Overview, TownFigures, county_overview, town_figures
from models.transfers import Attention, Rollup, rollup
from models.users import Actor
from ui.common.event_text import event_summary
from ui.common.page import Page
from ui.common.styles import ALERT_COLOUR, CARD_STYLE, EVENT_BANNER, NOTE_COLOUR, SECTION_TITLE
from ui.common.table import (
    RIGHT,
    Column,
    RowTableModel,
    count_text,
    fit_columns,
    percent_text,
    setup_table_view,
)
from ui.common.widgets import card_grid
from ui.dashboard.duties import DUTY_TABLES, Duties, DutyCards, load_duties
from ui.transfers.attention import AttentionLine, AttentionTable, attention_lines, reason_text
from ui.transfers.loading import load_attention

TOWN_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Town / street"), max_width=200),
    Column("code", QT_TRANSLATE_NOOP("Columns", "Division code")),
    Column(
        "villages", QT_TRANSLATE_NOOP("Columns", "Villages"), formatter=count_text, alignment=RIGHT
    ),
    Column("grids", QT_TRANSLATE_NOOP("Columns", "Grids"), formatter=count_text, alignment=RIGHT),
    Column(
        "danger_zones",
        QT_TRANSLATE_NOOP("Columns", "Danger zones"),
        formatter=count_text,
        alignment=RIGHT,
    ),
    Column(
        "shelters", QT_TRANSLATE_NOOP("Columns", "Shelters"), formatter=count_text, alignment=RIGHT
    ),
    Column(
        "shelter_capacity",
        QT_TRANSLATE_NOOP("Columns", "Shelter capacity"),
        formatter=count_text,
        alignment=RIGHT,
    ),
    Column(
        "working_group_members",
        QT_TRANSLATE_NOOP("Columns", "Working group members"),
        formatter=count_text,
        alignment=RIGHT,
    ),
)


@dataclass(frozen=True, slots=True)
class TownLine:
    """A town's register figures and, during an event, its transfer progress."""

    id: int
    code: str
    name: str
    villages: int
    grids: int
    danger_zones: int
    shelters: int
    shelter_capacity: int
    working_group_members: int
    people_to_move: int | None = None
    moved: int | None = None
    still_at_home: int | None = None
    completion_rate: float | None = None
    attention: str | None = None  # why it lags, marked


PROGRESS_COLUMNS = (
    Column(
        "people_to_move",
        QT_TRANSLATE_NOOP("Columns", "People to move"),
        formatter=count_text,
        alignment=RIGHT,
    ),
    Column("moved", QT_TRANSLATE_NOOP("Columns", "Moved"), formatter=count_text, alignment=RIGHT),
    Column(
        "still_at_home",
        QT_TRANSLATE_NOOP("Columns", "Still at home"),
        formatter=count_text,
        alignment=RIGHT,
    ),
    Column(
        "completion_rate",
        QT_TRANSLATE_NOOP("Columns", "Completion rate"),
        formatter=percent_text,
        alignment=RIGHT,
    ),
    Column("attention", QT_TRANSLATE_NOOP("Columns", "Attention"), max_width=260),
)
DASHBOARD_TOWN_COLUMNS = (TOWN_COLUMNS[0], *PROGRESS_COLUMNS, *TOWN_COLUMNS[1:])
PROGRESS_KEYS = frozenset(c.key for c in PROGRESS_COLUMNS)


def town_lines(
    towns: list[TownFigures], rolled: Rollup | None, attention: Attention | None
) -> list[TownLine]:
    """The register's towns with their event figures and, for lagging ones, why."""
    figures = {t.id: t.figures for t in rolled.towns} if rolled is not None else {}
    why = (
        {t.id: "⚠ " + reason_text(t, attention) for t in attention.towns}
        if attention is not None
        else {}
    )
    lines = []
    for town in towns:
        f = figures.get(town.id)
        lines.append(
            TownLine(
                town.id,
                town.code,
                town.name,
                town.villages,
                town.grids,
                town.danger_zones,
                town.shelters,
                town.shelter_capacity,
                town.working_group_members,
                f.people_to_move if f else None,
                f.moved if f else None,
                f.still_at_home if f else None,
                f.completion_rate if f else None,
                why.get(town.id),
            )
        )
    return lines


# Tables whose changes show on the dashboard: the register's figures, the event's, and
# the duties' (reports upward due, plan deadlines, supplies alerts).
WATCHED = (
    frozenset(
        {
            "divisions",
            "grids",
            "danger_zones",
            "shelters",
            "working_group_members",
            "events",
            "transfer_records",
        }
    )
    | DUTY_TABLES
)
CHANGE_DELAY_MS = 1000  # changes arriving within this time are loaded together


@dataclass(frozen=True)
class DashboardData:
    """What the dashboard shows: the register at a glance, and the event in progress with
    its county transfer figures."""

    overview: Overview
    towns: list[TownFigures] = field(default_factory=list)
    event: EventRow | None = None
    rollup: Rollup | None = None
    attention: Attention | None = None
    attention_lines: tuple[AttentionLine, ...] = ()  # made off the UI thread
    duties: Duties = field(default_factory=Duties)


def load_dashboard(db: Database, actor: Actor) -> DashboardData:
    with db.session(actor) as session:
        overview, towns = county_overview(session=session), town_figures(session=session)
        event = active_event(session=session)
        data = rollup(session=session, event_id=event.id) if event is not None else None
        attention = load_attention(session, data) if data is not None else None
        duties = load_duties(session=session)
    return DashboardData(
        overview, towns, event, data, attention, tuple(attention_lines(attention)), duties
    )


class DashboardPage(Page):
    open_page = Signal(str)  # a page the dashboard links to (the plans, the supplies)
    watched_tables = WATCHED
    change_delay_ms = CHANGE_DELAY_MS

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, parent=parent)
        self.setStyleSheet(CARD_STYLE)
        self.title_label.setText(self.tr("Dashboard"))
        layout = self.layout_
        self.event_label = QLabel(self.tr("No event is in progress."))
        self.event_label.setWordWrap(True)
        self.event_label.setTextFormat(Qt.TextFormat.RichText)
        self.event_label.setStyleSheet(EVENT_BANNER)
        layout.addWidget(self.event_label)
        # The event's county figures, as the transfers page counts them.
        self.event_row, self.event_cards = card_grid(
            [
                ("people_to_move", self.tr("People to move")),
                ("moved", self.tr("Moved")),
                ("still_at_home", self.tr("Still at home")),
                ("full_shelters", self.tr("Shelters full")),
            ],
            columns=4,
        )
        self.event_row.setVisible(False)
        layout.addWidget(self.event_row)
        # What is due: the next report upward, the plans' deadlines, the supplies' alerts.
        self.duties = DutyCards(self)
        self.duties.open_page.connect(self.open_page)
        layout.addWidget(self.duties.widget)
        register_cards, self.cards = card_grid(
            [
                ("towns", self.tr("Towns and streets")),
                ("villages", self.tr("Villages and communities")),
                ("grids", self.tr("Responsibility grids")),
                ("danger_zones", self.tr("Danger zones and hazard points")),
                ("shelters", self.tr("Shelters")),
                ("members", self.tr("Village working group members")),
            ],
            columns=6,
        )
        layout.addWidget(register_cards)
        self.kinds_label = QLabel()
        self.kinds_label.setTextFormat(Qt.TextFormat.RichText)
        self.kinds_label.setWordWrap(True)
        self.kinds_label.setStyleSheet("font-size: 14px; padding-top: 8px;")
        layout.addWidget(self.kinds_label)
        towns = QWidget()
        towns_layout = QVBoxLayout(towns)
        towns_layout.setContentsMargins(0, 0, 0, 0)
        self.towns_label = QLabel(self.tr("Towns and streets at a glance"))
        self.towns_label.setStyleSheet(SECTION_TITLE)
        towns_layout.addWidget(self.towns_label)
        self.town_model = RowTableModel(DASHBOARD_TOWN_COLUMNS, parent=self)
        self.town_view = QTableView()
        self.town_view.setModel(self.town_model)
        setup_table_view(self.town_view)
        # During an event: the towns' progress beside their register figures, and the
        # towns and villages that lag, one click from their responsible persons.
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.town_view, self.tr("Towns and streets"))
        self.attention = AttentionTable(db, actor)
        self.tabs.addTab(self.attention, self.tr("Attention"))
        towns_layout.addWidget(self.tabs, 1)
        self.add_body(towns, empty_text="")
        self.refresh()

    def refresh(self) -> None:
        self.load(load_dashboard, self._show, on_failed=self._failed, db=self.db, actor=self.actor)

    def _failed(self, error: BaseException | None) -> None:
        self.town_model.set_rows([])
        self.kinds_label.clear()
        self.load_failed(error)

    def _show_event(self, data: DashboardData) -> None:
        event, rolled = data.event, data.rollup
        self.event_row.setVisible(event is not None and rolled is not None)
        if event is None or rolled is None:
            self.event_label.setText(
                self.tr(
                    "No event is in progress. When one starts (on the Transfers page), its response "
                    "level and the county's transfer figures show here."
                )
            )
            return
        figures, full = rolled.county, rolled.full_shelters
        self.event_label.setText(
            event_summary(event)
            + " · "
            + fill(self.tr("figures as of %1"), display_time(rolled.at))
        )
        c = self.event_cards
        c["people_to_move"].show_value(
            figures.people_to_move, fill(self.tr("%1 away from home"), f"{figures.away:,}")
        )
        rate = figures.completion_rate
        c["moved"].show_value(
            figures.moved,
            fill(self.tr("completion rate %1"), f"{rate * 100:.1f}%" if rate is not None else "—"),
        )
        c["still_at_home"].show_value(
            figures.still_at_home,
            fill(self.tr("of whom %1 refuse to move"), f"{figures.refused:,}"),
        )
        c["full_shelters"].show_value(
            full,
            fill(self.tr("%1 more above 90%"), f"{len(rolled.warnings) - full:,}"),
            alert=bool(full),
        )

    def _show(self, data: DashboardData) -> None:
        self.banner.clear_message()
        overview, towns = data.overview, data.towns
        self._show_event(data)
        self.duties.show_duties(data.duties)
        self._show_towns(data)
        self.show_empty(not towns, self._empty_text())
        if overview.county_name:
            self.title_label.setText(fill(self.tr("Dashboard - %1"), overview.county_name))
        c = self.cards
        c["towns"].show_value(overview.towns)
        c["villages"].show_value(overview.villages)
        c["grids"].show_value(overview.grids)
        c["danger_zones"].show_value(
            overview.danger_zones,
            fill(self.tr("of which %1 hazard points"), f"{overview.hazard_points:,}"),
        )
        c["shelters"].show_value(
            overview.shelters,
            fill(
                self.tr("capacity %1 persons, %2 safety certified"),
                f"{overview.shelter_capacity:,}",
                f"{overview.certified_shelters:,}",
            ),
        )
        c["members"].show_value(overview.working_group_members)
        if overview.danger_zones:
            parts = [
                f"{label(DANGER_KINDS, kind)} <b>{n:,}</b>"
                for kind, n in sorted(overview.danger_by_kind.items(), key=lambda kv: -kv[1])
            ]
            self.kinds_label.setText(self.tr("Danger zones by type: ") + " · ".join(parts))
        else:
            self.kinds_label.clear()
        self.kinds_label.setVisible(bool(overview.danger_zones))
        self.ready.emit()

    def _show_towns(self, data: DashboardData) -> None:
        during = data.rollup is not None
        self.town_model.set_rows(town_lines(data.towns, data.rollup, data.attention))
        for number, column in enumerate(DASHBOARD_TOWN_COLUMNS):
            self.town_view.setColumnHidden(number, column.key in PROGRESS_KEYS and not during)
        fit_columns(self.town_view, self.town_model)
        self.attention.show_attention(data.attention, data.attention_lines)
        index = self.tabs.indexOf(self.attention)
        self.tabs.setTabVisible(index, during)
        count = data.attention.count if data.attention else 0
        self.tabs.setTabText(
            index, fill(self.tr("⚠ Attention (%1)"), str(count)) if count else self.tr("Attention")
        )
        self.tabs.tabBar().setTabTextColor(index, QColor(ALERT_COLOUR if count else NOTE_COLOUR))

    def _empty_text(self) -> str:
        """No towns: the database is empty, and how to fill it."""
        return self.tr(
            "The database is empty. Build the demo county with <tt>python main.py demo</tt> "
            "or import your county's divisions with "
            "<tt>python main.py import divisions FILE</tt>."
        )
