"""The transfers page's figures: the county's cards, and the tabs of tables beside check-in.

The tabs hold the towns and villages that need attention (one click to their responsible
persons), the towns, villages and danger zone types, the charts (every town's bar, and
the completion rate over time), the changes since the last hourly report and the towns'
phoned-in figures; the shelter occupancy table is below them. The page fills both from
one load (``show_attention``, ``show_figures``, ``show_changes``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.clock import display_time
from models.database import Database
from models.labels import DANGER_KINDS, label
from models.messages import fill
from models.transfers import AreaFigures, Overflow, Rollup, room_text
from models.users import Actor, Permission
from ui.common.styles import ALERT_COLOUR, NOTE_COLOUR, SECTION_TITLE
from ui.common.table import Column, RowTableModel, fit_columns, setup_table_view
from ui.common.widgets import card_grid
from ui.transfers.attention import AttentionTable
from ui.transfers.charts import ProgressChart, TownChart
from ui.transfers.loading import Loaded
from ui.transfers.rows import (
    CHANGE_COLUMNS,
    FIGURES,
    KIND_COLUMNS,
    REPORT_COLUMNS,
    SCOPES,
    SHELTER_COLUMNS,
    SHELTER_FIGURES,
    SHELTER_RATE_COLUMN,
    TOWN_COLUMNS,
    VILLAGE_COLUMNS,
    ChangeLine,
    ShelterLine,
    TownLine,
    count_text,
    percent_text,
)


class FigureCards(QWidget):
    """The county's figures as big numbers, and the towns' phoned-in figures below them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        grid, self.cards = card_grid(
            [(key, QCoreApplication.translate("TransfersPage", title)) for key, title in FIGURES],
            columns=len(FIGURES),
        )
        layout.addWidget(grid)
        self.reported_label = QLabel()
        self.reported_label.setWordWrap(True)
        self.reported_label.setStyleSheet("color: #4a5a6a;")
        self.reported_label.setVisible(False)
        layout.addWidget(self.reported_label)

    def show_figures(self, data: Rollup) -> None:
        county = data.county
        for key, card in self.cards.items():
            if key == "completion_rate":
                rate = county.completion_rate
                card.value_label.setText(percent_text(rate) if rate is not None else "—")
                card.note_label.setText(self.tr("moved / people to move"))
            else:
                card.show_value(getattr(county, key))
        self.cards["people_to_move"].note_label.setText(
            fill(
                self.tr("%1 listed, %2 away"), count_text(county.subjects), count_text(county.away)
            )
        )
        reported = data.reported
        if reported.people_to_move:
            self.reported_label.setText(
                fill(
                    self.tr(
                        "Phoned in by towns (counted separately): %1 to move, %2 moved, latest at %3"
                    ),
                    count_text(reported.people_to_move),
                    count_text(reported.moved),
                    display_time(reported.reported_at) if reported.reported_at else "—",
                )
            )
        self.reported_label.setVisible(bool(reported.people_to_move))


# The occupancy table keeps its header and three shelters in view (the full ones sort
# first) however tall the tabs above it would grow.
SHELTER_TABLE_MIN_HEIGHT = 110


class FigureTabs(QWidget):
    """The tabs of tables and the shelter occupancy below them.

    ``snapshot_button`` and ``report_button`` only ask: the page writes. A double click in
    ``shelter_view`` opens the shelter's arrivals (the page connects it).
    """

    def __init__(self, actor: Actor, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.lagging_towns: set[int] = set()
        self.overflows: tuple[Overflow, ...] = ()
        tables_layout = QVBoxLayout(self)
        tables_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        # Lagging and stalled towns and villages, first: the duty officer is told.
        self.attention = AttentionTable(db, actor)
        self.tabs.addTab(self.attention, self.tr("Attention"))
        self.town_model, self.town_view = self._add_table(
            TOWN_COLUMNS, self.tr("Towns and streets")
        )
        self.village_model, self.village_view = self._add_table(
            VILLAGE_COLUMNS, self.tr("Villages and communities")
        )
        self.kind_model, self.kind_view = self._add_table(
            KIND_COLUMNS, self.tr("By danger zone type")
        )
        self.chart = TownChart()
        self.progress_chart = ProgressChart()
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.chart)
        charts.addWidget(self.progress_chart)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)
        self.tabs.addTab(charts, self.tr("Chart"))
        self.since_label = QLabel()
        self.snapshot_button = QPushButton(self.tr("Keep the figures now as a report"))
        self.snapshot_button.setToolTip(
            self.tr(
                "The figures are kept every hour by themselves; keep them now as well, for "
                "example right after reporting upward."
            )
        )
        self.change_model, self.change_view = self._add_table(
            CHANGE_COLUMNS, self.tr("Since the last report"), self.since_label, self.snapshot_button
        )
        self.report_button = QPushButton(self.tr("Enter a town's figures…"))
        self.report_button.setEnabled(self.actor.can(Permission.CHECK_IN))
        self.report_model, self.report_view = self._add_table(
            REPORT_COLUMNS,
            self.tr("Phoned in by towns"),
            QLabel(
                self.tr(
                    "Figures phoned in by towns, counted separately from the households "
                    "on the lists; the latest of each town counts."
                )
            ),
            self.report_button,
        )
        tables_layout.addWidget(self.tabs, 3)
        shelters_row = QHBoxLayout()
        shelters_title = QLabel(self.tr("Shelter occupancy"))
        shelters_title.setStyleSheet(SECTION_TITLE)
        shelters_row.addWidget(shelters_title)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(
            f"color: {ALERT_COLOUR}; font-weight: bold; padding-top: 6px;"
        )
        shelters_row.addWidget(self.warning_label, 1)
        tables_layout.addLayout(shelters_row)
        self.shelter_model = RowTableModel(SHELTER_COLUMNS, parent=self)
        self.shelter_view = QTableView()
        self.shelter_view.setModel(self.shelter_model)
        setup_table_view(self.shelter_view)
        self.shelter_view.sortByColumn(SHELTER_RATE_COLUMN, Qt.SortOrder.DescendingOrder)
        self.shelter_view.setToolTip(self.tr("Double-click a shelter for its arrivals list."))
        self.shelter_view.setMinimumHeight(SHELTER_TABLE_MIN_HEIGHT)
        tables_layout.addWidget(self.shelter_view, 2)

    def _add_table(
        self,
        columns: tuple[Column, ...],
        title: str,
        note: QLabel | None = None,
        button: QPushButton | None = None,
    ) -> tuple[RowTableModel, QTableView]:
        """A tab holding a table, with a note and a button above it when given."""
        model = RowTableModel(columns, parent=self)
        view = QTableView()
        view.setModel(model)
        setup_table_view(view)
        if note is None:
            self.tabs.addTab(view, title)
            return model, view
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 4, 0, 0)
        top = QHBoxLayout()
        note.setWordWrap(True)
        top.addWidget(note, 1)
        if button is not None:
            top.addWidget(button)
        layout.addLayout(top)
        layout.addWidget(view, 1)
        self.tabs.addTab(tab, title)
        return model, view

    def set_actions_enabled(self, enabled: bool) -> None:
        """The snapshot and town report buttons, while a write runs or after it."""
        self.report_button.setEnabled(enabled and self.actor.can(Permission.CHECK_IN))
        self.snapshot_button.setEnabled(enabled)

    def show_figures(self, data: Rollup) -> None:
        def lines(areas: list[AreaFigures], parents: dict[int, str]) -> list[TownLine]:
            return [
                TownLine(
                    a.id,
                    a.name,
                    parents.get(a.parent_id or 0, ""),
                    f.people_to_move,
                    f.moved,
                    f.sheltered,
                    f.relatives,
                    f.forced,
                    f.refused,
                    f.still_at_home,
                    f.completion_rate,
                )
                for a in areas
                for f in (a.figures,)
            ]

        town_names = {t.id: t.name for t in data.towns}
        for model, view, rows in (
            (self.town_model, self.town_view, lines(data.towns, {})),
            (self.village_model, self.village_view, lines(data.villages, town_names)),
            (
                self.kind_model,
                self.kind_view,
                [
                    TownLine(
                        k.kind,
                        label(DANGER_KINDS, k.kind),
                        "",
                        f.people_to_move,
                        f.moved,
                        f.sheltered,
                        f.relatives,
                        f.forced,
                        f.refused,
                        f.still_at_home,
                        f.completion_rate,
                    )
                    for k in data.kinds
                    for f in (k.figures,)
                ],
            ),
        ):
            model.set_rows(rows)
            fit_columns(view, model)
        self.chart.show_towns(data.towns, self.lagging_towns)
        overflowing = {o.id: o for o in self.overflows}
        separator = QCoreApplication.translate("Overflow", "; ")
        shelters = [
            ShelterLine(
                s.id,
                s.name,
                s.capacity,
                s.occupants,
                s.arrivals,
                s.expected,
                s.rate,
                s.state,
                o.over if o else None,
                (separator.join(map(room_text, o.nearest)) or self.tr("none has room"))
                if o
                else None,
            )
            for s in data.shelters
            for o in (overflowing.get(s.id),)
        ]
        self.shelter_model.set_rows(shelters)
        fit_columns(self.shelter_view, self.shelter_model)
        full = data.full_shelters
        nearly = len(data.warnings) - full
        warning = (
            fill(self.tr("⚠ %1 full, %2 above 90%"), str(full), str(nearly))
            if data.warnings
            else ""
        )
        if overflowing:
            warning += "  " + fill(
                self.tr("%1 people assigned beyond capacity at %2 shelters: see the last columns"),
                count_text(sum(o.over for o in overflowing.values())),
                str(len(overflowing)),
            )
        self.warning_label.setText(warning)

    def show_attention(self, result: Loaded) -> None:
        """The lagging and stalled towns and villages and the overflowing shelters (before
        ``show_figures``: the chart marks the towns, the occupancy table the overflows),
        and the county's completion over time."""
        attention = result.attention
        self.lagging_towns = {t.id for t in attention.towns} if attention else set()
        self.overflows = result.overflows
        self.attention.show_attention(attention, result.attention_lines)
        count = attention.count if attention else 0
        index = self.tabs.indexOf(self.attention)
        self.tabs.setTabText(
            index, fill(self.tr("⚠ Attention (%1)"), str(count)) if count else self.tr("Attention")
        )
        self.tabs.tabBar().setTabTextColor(index, QColor(ALERT_COLOUR if count else NOTE_COLOUR))
        self.progress_chart.show_history(result.history, attention.threshold if attention else None)

    def show_changes(self, result: Loaded) -> None:
        """The figures changed since the last hourly report, and the towns' phoned-in ones."""
        if result.since is None:
            self.since_label.setText(
                self.tr(
                    "No report has been kept yet in this event: the figures are kept every hour."
                )
            )
        else:
            self.since_label.setText(
                fill(
                    self.tr("Changes since the figures kept at %1 (%2 figures changed)."),
                    display_time(result.since),
                    str(len(result.changes)),
                )
            )
        names = dict(FIGURES) | SHELTER_FIGURES
        order = {scope: n for n, scope in enumerate(SCOPES)}
        changes = sorted(result.changes, key=lambda c: (order.get(c.scope, 9), c.key, c.field))
        self.change_model.set_rows(
            [
                ChangeLine(
                    (c.scope, c.key, c.field),
                    QCoreApplication.translate("TransfersPage", SCOPES.get(c.scope, c.scope)),
                    label(DANGER_KINDS, c.name) if c.scope == "kind" else c.name,
                    QCoreApplication.translate(
                        "Columns"
                        if c.field in SHELTER_FIGURES and c.field != "returned"
                        else "TransfersPage",
                        names.get(c.field, c.field),
                    ),
                    c.old,
                    c.new,
                    c.delta,
                )
                for c in changes
            ]
        )
        fit_columns(self.change_view, self.change_model)
        self.report_model.set_rows(list(result.reports))
        fit_columns(self.report_view, self.report_model)
