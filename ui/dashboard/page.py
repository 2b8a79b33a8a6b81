"""The dashboard: the county at a glance for the duty officer."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QTableView, QVBoxLayout, QWidget

from models.clock import display_time
from models.database import Database
from models.events import EventRow, active_event
from models.labels import DANGER_KINDS, label
from models.messages import fill
from models.overview import Overview, TownFigures, county_overview, town_figures
from models.transfers import Rollup, rollup
from models.users import Actor
from ui.common.change_feed import ReloadWhenShown, touches
from ui.common.event_text import event_summary
from ui.common.table import RIGHT, Column, RowTableModel, fit_columns, setup_table_view
from ui.common.worker import run_in_background


def _count(value: int) -> str:
    return f"{value:,}"


TOWN_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Town / street"), max_width=200),
    Column("code", QT_TRANSLATE_NOOP("Columns", "Division code")),
    Column("villages", QT_TRANSLATE_NOOP("Columns", "Villages"), formatter=_count, alignment=RIGHT),
    Column("grids", QT_TRANSLATE_NOOP("Columns", "Grids"), formatter=_count, alignment=RIGHT),
    Column(
        "danger_zones",
        QT_TRANSLATE_NOOP("Columns", "Danger zones"),
        formatter=_count,
        alignment=RIGHT,
    ),
    Column("shelters", QT_TRANSLATE_NOOP("Columns", "Shelters"), formatter=_count, alignment=RIGHT),
    Column(
        "shelter_capacity",
        QT_TRANSLATE_NOOP("Columns", "Shelter capacity"),
        formatter=_count,
        alignment=RIGHT,
    ),
    Column(
        "working_group_members",
        QT_TRANSLATE_NOOP("Columns", "Working group members"),
        formatter=_count,
        alignment=RIGHT,
    ),
)

# Tables whose changes show on the dashboard: the register's figures and the event's.
WATCHED = frozenset(
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
CHANGE_DELAY_MS = 1000  # changes arriving within this time are loaded together


@dataclass(frozen=True)
class DashboardData:
    """What the dashboard shows: the register at a glance, and the event in progress with
    its county transfer figures."""

    overview: Overview
    towns: list[TownFigures] = field(default_factory=list)
    event: EventRow | None = None
    rollup: Rollup | None = None


def load_dashboard(db: Database, actor: Actor) -> DashboardData:
    with db.session(actor) as session:
        overview, towns = county_overview(session=session), town_figures(session=session)
        event = active_event(session=session)
        data = rollup(session=session, event_id=event.id) if event is not None else None
    return DashboardData(overview, towns, event, data)


ALERT_COLOUR = "#b03000"  # as the transfers page's shelter warning
CARD_STYLE = (
    "QFrame#card { background: white; border: 1px solid #d5dde5; border-radius: 6px; }"
    "QLabel#cardValue { font-size: 30px; font-weight: bold; color: #17324d; }"
    "QLabel#cardTitle { font-size: 14px; color: #4a5a6a; }"
    "QLabel#cardNote { font-size: 12px; color: #6a7a8a; }"
)


class Card(QFrame):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("cardTitle")
        self.value_label = QLabel("—")
        self.value_label.setObjectName("cardValue")
        self.note_label = QLabel("")
        self.note_label.setObjectName("cardNote")
        self.note_label.setWordWrap(True)
        for widget in (self.title_label, self.value_label, self.note_label):
            layout.addWidget(widget)

    def show_value(self, value: int, note: str = "", *, alert: bool = False) -> None:
        """``alert``: the figure needs action (drawn in the warning colour)."""
        self.value_label.setText(f"{value:,}")
        self.note_label.setText(note)
        self.value_label.setStyleSheet(f"color: {ALERT_COLOUR};" if alert else "")


class DashboardPage(QWidget):
    ready = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.setStyleSheet(CARD_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        self.title_label = QLabel(self.tr("Dashboard"))
        self.title_label.setStyleSheet("font-size: 22px; font-weight: bold;")
        layout.addWidget(self.title_label)
        self.event_label = QLabel(self.tr("No event is in progress."))
        self.event_label.setWordWrap(True)
        self.event_label.setTextFormat(Qt.TextFormat.RichText)
        self.event_label.setStyleSheet(
            "background: #eef3f8; border-left: 4px solid #1f5fbf; padding: 8px; color: #333;"
        )
        layout.addWidget(self.event_label)
        # The event's county figures, as the transfers page counts them.
        self.event_cards = {
            "people_to_move": Card(self.tr("People to move")),
            "moved": Card(self.tr("Moved")),
            "still_at_home": Card(self.tr("Still at home")),
            "full_shelters": Card(self.tr("Shelters full")),
        }
        self.event_row = QWidget()
        event_grid = QGridLayout(self.event_row)
        event_grid.setContentsMargins(0, 0, 0, 0)
        event_grid.setSpacing(14)
        for index, card in enumerate(self.event_cards.values()):
            event_grid.addWidget(card, 0, index)
        self.event_row.setVisible(False)
        layout.addWidget(self.event_row)
        grid = QGridLayout()
        grid.setSpacing(14)
        self.cards = {
            "towns": Card(self.tr("Towns and streets")),
            "villages": Card(self.tr("Villages and communities")),
            "grids": Card(self.tr("Responsibility grids")),
            "danger_zones": Card(self.tr("Danger zones and hazard points")),
            "shelters": Card(self.tr("Shelters")),
            "members": Card(self.tr("Village working group members")),
        }
        for index, card in enumerate(self.cards.values()):
            grid.addWidget(card, index // 3, index % 3)
        layout.addLayout(grid)
        self.kinds_label = QLabel()
        self.kinds_label.setTextFormat(Qt.TextFormat.RichText)
        self.kinds_label.setWordWrap(True)
        self.kinds_label.setStyleSheet("font-size: 14px; padding-top: 8px;")
        layout.addWidget(self.kinds_label)
        self.towns_label = QLabel(self.tr("Towns and streets at a glance"))
        self.towns_label.setStyleSheet("font-size: 16px; font-weight: bold; padding-top: 6px;")
        layout.addWidget(self.towns_label)
        self.town_model = RowTableModel(TOWN_COLUMNS, parent=self)
        self.town_view = QTableView()
        self.town_view.setModel(self.town_model)
        setup_table_view(self.town_view)
        layout.addWidget(self.town_view, 1)
        self.reloader = ReloadWhenShown(self, self.refresh, CHANGE_DELAY_MS)
        self.refresh()

    def refresh(self) -> None:
        run_in_background(load_dashboard, self._show, owner=self, db=self.db, actor=self.actor)

    def data_changed(self, tables: frozenset[str]) -> None:
        """From the change feed: reload soon if shown, else when next shown."""
        if touches(tables, WATCHED):
            self.reloader.changed()

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

    def _show(self, data: DashboardData | None, error: BaseException | None) -> None:
        overview, towns = (data.overview, data.towns) if data is not None else (None, [])
        if data is not None:
            self._show_event(data)
        self.town_model.set_rows(towns)
        fit_columns(self.town_view, self.town_model)
        self.towns_label.setVisible(bool(towns))
        self.town_view.setVisible(bool(towns))
        if overview is None:
            self.kinds_label.setText(
                fill(self.tr("The figures could not be loaded: %1"), type(error).__name__)
            )
            self.ready.emit()
            return
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
        elif not overview.villages:
            self.kinds_label.setText(
                self.tr(
                    "The database is empty. Build the demo county with <tt>python main.py demo</tt> "
                    "or import your county's divisions with "
                    "<tt>python main.py import divisions FILE</tt>."
                )
            )
        self.ready.emit()
