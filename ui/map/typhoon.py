"""The typhoon beside the map: a time slider for its wind circles and what they reach.

The typhoons and the latest one's track are read off the UI thread. What its circles
reach is computed in a process of its own (ui.map.typhoon_reach, which keeps the
register indexed): for each time chosen on the slider it answers the circles, the
counts and the features of the chosen count, and the page shows them. A click on a
count lists the features behind it and marks them on the map.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSlider,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.messages import QT_TRANSLATE_NOOP, fill
from models.typhoons import format_time, typhoon_title
from models.users import Actor, Permission
from ui.common.operations import failure_text
from ui.common.styles import ALERT_COLOUR
from ui.common.table import RIGHT, Column, RowTableModel, fit_columns, setup_table_view
from ui.common.worker import run_in_background
from ui.map.typhoon_reach import CIRCLES, LIST_LIMIT, ON_MAP, Answer, ReachChild
from ui.printing.registry import Format, document

if TYPE_CHECKING:
    from models.typhoons import TyphoonTrack

log = logging.getLogger(__name__)

STEP = timedelta(hours=1)
SLIDE_DELAY_MS = 150
DEFAULT_CHOICE = ("village", "force10_now")  # where the strongest winds are


def _number(value: int) -> str:
    return f"{value:,}"


COUNT_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Reached")),
    Column(
        "force7_now",
        QT_TRANSLATE_NOOP("Columns", "Force 7\nnow"),
        formatter=_number,
        alignment=RIGHT,
    ),
    Column(
        "force10_now",
        QT_TRANSLATE_NOOP("Columns", "Force 10\nnow"),
        formatter=_number,
        alignment=RIGHT,
    ),
    Column(
        "force7_forecast",
        QT_TRANSLATE_NOOP("Columns", "Force 7\nahead"),
        formatter=_number,
        alignment=RIGHT,
    ),
    Column(
        "force10_forecast",
        QT_TRANSLATE_NOOP("Columns", "Force 10\nahead"),
        formatter=_number,
        alignment=RIGHT,
    ),
)
FIRST_CIRCLE_COLUMN = 1
FEATURE_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Name"), max_width=200),
    Column("town", QT_TRANSLATE_NOOP("Columns", "Town / street"), max_width=120),
    Column("village", QT_TRANSLATE_NOOP("Columns", "Village / community"), max_width=140),
    Column("detail", QT_TRANSLATE_NOOP("Columns", "Detail"), max_width=200),
)


@dataclass(frozen=True, slots=True)
class CountLine:
    id: str  # the reach layer: town, village, grid, danger_zone, shelter
    name: str
    total: int
    force7_now: int | None  # None: no wind radii known at the time
    force10_now: int | None
    force7_forecast: int
    force10_forecast: int


@dataclass(frozen=True, slots=True)
class FeatureLine:
    id: int
    layer: str
    name: str
    town: str
    village: str
    detail: str


@dataclass(frozen=True)
class Listing:
    """The features behind one count: the first LIST_LIMIT listed, every id to mark."""

    layer: str
    circle: str
    lines: list[FeatureLine]
    ids: list[int]  # empty for what the map does not draw (households)

    @classmethod
    def answered(cls, listing: dict[str, Any]) -> Listing:
        lines = [FeatureLine(*line) for line in listing["lines"]]
        return cls(listing["layer"], listing["circle"], lines, listing["ids"])


@dataclass(frozen=True)
class Loaded:
    """The typhoon, for any number of times; ``token`` names this load to the process
    computing the reach (a new load: the register indexed again)."""

    track: TyphoonTrack
    times: list[datetime]  # the slider's stops: every hour, and every track point
    start: int  # the stop of the latest observed point
    typhoons: list[tuple[int, str]]  # every typhoon (id, title), the latest first
    token: str


@dataclass(frozen=True)
class AtTime:
    at: datetime
    point_text: str  # the typhoon at that time: position, pressure, wind, radii
    collection: dict[str, Any]  # the track and its circles at that time (GeoJSON)
    radii_text: str  # what the counts "at the time" rest on, when not the track's radii
    counts: list[CountLine]
    listing: Listing  # of the count chosen when it was computed

    @classmethod
    def answered(cls, answer: Answer) -> AtTime:
        return cls(
            at=datetime.fromisoformat(answer["at"]),
            point_text=answer["point_text"],
            collection=answer["collection"],
            radii_text=answer["radii_text"],
            counts=[CountLine(*line) for line in answer["counts"]],
            listing=Listing.answered(answer["listing"]),
        )


def load_typhoon(*, db: Database, actor: Actor, typhoon_id: int | None = None) -> Loaded | None:
    """A typhoon (default: the latest); None when there is no typhoon with points."""
    from models.typhoons import latest_typhoon_id, list_typhoons, load_track

    with db.session(actor) as session:
        typhoons = [
            (t.id, typhoon_title(t.code, t.name))
            for t in list_typhoons(session=session)
            if t.points
        ]
        if typhoon_id not in {id_ for id_, _title in typhoons}:
            typhoon_id = latest_typhoon_id(session=session)
        track = load_track(session=session, typhoon_id=typhoon_id) if typhoon_id else None
        if track is None or not track.points:
            return None
    times = slider_times(track)
    current = track.current
    start = times.index(current.at) if current is not None else 0
    return Loaded(track, times, start, typhoons, uuid.uuid4().hex)


def slider_times(track: TyphoonTrack) -> list[datetime]:
    """Every whole hour between the first and the last point, and every point's time."""
    first, last = track.points[0].at, track.points[-1].at
    stops = {point.at for point in track.points}
    at = first.replace(minute=0, second=0, microsecond=0)
    while at <= last:
        if at >= first:
            stops.add(at)
        at += STEP
    return sorted(stops)


class TyphoonPanel(QWidget):
    """The latest typhoon: choose a time, see its circles and what they reach."""

    circles = Signal(dict)  # GeoJSON: the track and the circles at the chosen time
    marked = Signal(str, list)  # reach layer, ids of the features to mark on the map
    feature_chosen = Signal(str, int)  # reach layer, id: show it on the map
    settled = Signal()  # the time's figures are shown (or there is no typhoon)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.loaded: Loaded | None = None
        self.shown: AtTime | None = None
        self.listing: Listing | None = None
        self.choice = DEFAULT_CHOICE
        self.busy = False
        self._wanted: datetime | None = None
        self.reach = ReachChild(db.url, actor, self)

        box = QVBoxLayout(self)
        box.setContentsMargins(0, 6, 0, 0)
        self.title_label = QLabel(self.tr("Loading the typhoon …"))
        self.title_label.setStyleSheet("font-size: 16px; font-weight: bold; color: #17324d;")
        self.title_label.setWordWrap(True)
        self.typhoon_combo = QComboBox()
        self.typhoon_combo.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.typhoon_combo.activated.connect(self._typhoon_chosen)
        self.typhoon_combo.hide()
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.typhoon_combo, 1)
        self.new_button = QPushButton(self.tr("New…"))
        self.new_button.setToolTip(self.tr("Enter a typhoon by hand"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Add the new bulletin's points, or correct the track"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Import a track from a CSV or Excel file"))
        self.new_button.clicked.connect(self.enter_typhoon)
        self.edit_button.clicked.connect(self.edit_typhoon)
        self.import_button.clicked.connect(self.import_track)
        self.new_button.setEnabled(actor.can(Permission.EDIT_REGISTER))
        self.edit_button.setEnabled(False)
        self.import_button.setEnabled(actor.can(Permission.IMPORT_DATA))
        for button in (self.new_button, self.edit_button, self.import_button):
            top.addWidget(button)
        box.addLayout(top)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setEnabled(False)
        self.slider.setToolTip(self.tr("The time of the wind circles (arrow keys: one hour)"))
        box.addWidget(self.slider)
        row = QHBoxLayout()
        self.time_label = QLabel()
        self.time_label.setStyleSheet("font-weight: bold;")
        row.addWidget(self.time_label, 1)
        self.latest_button = QPushButton(self.tr("Latest bulletin"))
        self.latest_button.setToolTip(self.tr("Back to the latest observed position"))
        self.latest_button.clicked.connect(self.show_latest)
        row.addWidget(self.latest_button)
        box.addLayout(row)
        self.point_label = QLabel()
        self.point_label.setWordWrap(True)
        self.point_label.setStyleSheet("color: #3a4a5a;")
        box.addWidget(self.point_label)

        self.radii_label = QLabel()
        self.radii_label.setWordWrap(True)
        self.radii_label.setStyleSheet(f"color: {ALERT_COLOUR}; font-weight: bold;")
        self.radii_label.hide()
        box.addWidget(self.radii_label)
        self.count_model = RowTableModel(COUNT_COLUMNS, parent=self)
        self.count_view = QTableView()
        self.count_view.setModel(self.count_model)
        setup_table_view(self.count_view)
        self.count_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.count_view.verticalHeader().hide()
        self.count_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.count_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Figures whole, whatever the language: each count column as wide as its header and
        # its widest figure; the layer names take the rest and wrap (seven rows: cheap).
        self.count_view.setWordWrap(True)
        self.count_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.count_view.setSortingEnabled(False)  # seven rows in a fixed order
        header = self.count_view.horizontalHeader()
        header.setSortIndicatorShown(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.count_view.setToolTip(
            self.tr("Click a count to list those features and mark them on the map.")
        )
        self.count_view.clicked.connect(self._count_clicked)
        box.addWidget(self.count_view)
        self.choice_label = QLabel()
        self.choice_label.setWordWrap(True)
        box.addWidget(self.choice_label)
        self.feature_model = RowTableModel(FEATURE_COLUMNS, parent=self)
        self.feature_view = QTableView()
        self.feature_view.setModel(self.feature_model)
        setup_table_view(self.feature_view)
        self.feature_view.setToolTip(self.tr("Double-click to show it on the map."))
        self.feature_view.activated.connect(self._feature_activated)
        box.addWidget(self.feature_view, 1)
        self.export_button = QPushButton(self.tr("Export the reach table to Excel…"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        box.addWidget(self.export_button)

        self._slide_timer = QTimer(self)
        self._slide_timer.setSingleShot(True)
        self._slide_timer.setInterval(SLIDE_DELAY_MS)
        self._slide_timer.timeout.connect(self._compute_chosen)
        self.slider.valueChanged.connect(self._slid)

    # -- loading ----------------------------------------------------------------------------

    def load(self, typhoon_id: int | None = None) -> None:
        """Load the typhoon again (the register or the track changed); default: the one
        shown, else the latest."""
        if typhoon_id is None and self.loaded is not None:
            typhoon_id = self.loaded.track.id
        self.busy = True
        run_in_background(
            load_typhoon,
            self._loaded,
            owner=self,
            db=self.db,
            actor=self.actor,
            typhoon_id=typhoon_id,
        )

    def _typhoon_chosen(self, index: int) -> None:
        typhoon_id = self.typhoon_combo.itemData(index)
        if self.loaded is not None and typhoon_id != self.loaded.track.id:
            self.shown = None
            self.load(typhoon_id)

    def _loaded(self, loaded: Loaded | None, error: BaseException | None) -> None:
        self.busy = False
        if loaded is None:
            if error is not None:
                log.error("typhoon not loaded: %r", error)
                self.title_label.setText(
                    self.tr("The typhoon could not be loaded. Details are in the log file.")
                )
            else:
                self.title_label.setText(
                    self.tr(
                        "No typhoon is entered: enter one by hand "
                        "(New…) or import its track (Import…)."
                    )
                )
            self._show_figures(False)
            self.settled.emit()
            return
        self._show_figures(True)
        keep = self.shown.at if self.shown is not None else None
        self.loaded = loaded
        self.title_label.setText(loaded.track.title)
        self.typhoon_combo.clear()
        for typhoon_id, title in loaded.typhoons:
            self.typhoon_combo.addItem(title, typhoon_id)
        self.typhoon_combo.setCurrentIndex(self.typhoon_combo.findData(loaded.track.id))
        several = len(loaded.typhoons) > 1  # a choice only when there is one to make
        self.typhoon_combo.setVisible(several)
        self.title_label.setVisible(not several)
        self.edit_button.setEnabled(self.actor.can(Permission.EDIT_REGISTER))
        self.slider.blockSignals(True)
        self.slider.setRange(0, len(loaded.times) - 1)
        stop = loaded.times.index(keep) if keep in loaded.times else loaded.start
        self.slider.setValue(stop)
        self.slider.blockSignals(False)
        self.slider.setEnabled(True)
        self._show_time_text(stop)
        self.show_time(loaded.times[stop])

    def _show_figures(self, shown: bool) -> None:
        """The slider, the counts and the lists, only when there is a typhoon to show."""
        for widget in (
            self.slider,
            self.time_label,
            self.latest_button,
            self.count_view,
            self.feature_view,
            self.export_button,
        ):
            widget.setVisible(shown)

    def show_latest(self) -> None:
        if self.loaded is not None:
            self.slider.setValue(self.loaded.start)

    def _slid(self, stop: int) -> None:
        self._show_time_text(stop)
        self._slide_timer.start()

    def _show_time_text(self, stop: int) -> None:
        if self.loaded is None:
            return
        at = self.loaded.times[stop]
        forecast = at > self.loaded.times[self.loaded.start]
        state = self.tr("forecast") if forecast else self.tr("observed")
        self.time_label.setText(fill(self.tr("%1 Beijing time (%2)"), format_time(at), state))

    def _compute_chosen(self) -> None:
        if self.loaded is not None:
            self.show_time(self.loaded.times[self.slider.value()])

    def show_time(self, at: datetime) -> None:
        """Compute the circles and the reach at ``at``; one computation at a time."""
        if self.loaded is None:
            return
        self._wanted = at
        if self.busy:
            return
        self.busy = True
        self.reach.ask(self._request("at", at), self._computed)

    def _request(self, do: str, at: datetime, **more: Any) -> dict[str, Any]:
        assert self.loaded is not None
        layer, circle = self.choice
        return {
            "do": do,
            "typhoon_id": self.loaded.track.id,
            "token": self.loaded.token,
            "at": at.isoformat(),
            "layer": layer,
            "circle": circle,
            **more,
        }

    def _computed(self, answer: Answer | None, error: str | None) -> None:
        self.busy = False
        if answer is None:
            log.error("typhoon reach not computed: %s", error)
            self.point_label.setText(
                self.tr("What the wind reaches could not be computed. Details are in the log file.")
            )
            self.settled.emit()
            return
        result = AtTime.answered(answer)
        if self._wanted is not None and self._wanted != result.at:
            self.show_time(self._wanted)  # the slider moved on meanwhile
            return
        self.shown = result
        self.point_label.setText(result.point_text.split("\n", 2)[-1].replace("\n", " · "))
        self.radii_label.setText(result.radii_text)
        self.radii_label.setVisible(bool(result.radii_text))
        self.count_model.set_rows(result.counts)
        self._fit_counts()
        self.count_view.resizeRowsToContents()
        self.count_view.setFixedHeight(self._table_height(self.count_view, len(result.counts)))
        self.export_button.setEnabled(True)
        self.circles.emit(result.collection)
        self.listing = result.listing
        self._show_choice()
        self.settled.emit()

    def _fit_counts(self) -> None:
        """Each count column as wide as its header's longest line and its widest figure."""
        model, view = self.count_model, self.count_view
        header = view.horizontalHeader()
        figures, labels = view.fontMetrics(), header.fontMetrics()
        for column in range(FIRST_CIRCLE_COLUMN, model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            texts = [model.display_text(row, column) for row in range(model.rowCount())]
            width = max(
                [labels.horizontalAdvance(line) for line in title.splitlines()]
                + [figures.horizontalAdvance(text) for text in texts]
            )
            header.resizeSection(column, width + 14)

    @staticmethod
    def _table_height(view: QTableView, rows: int) -> int:
        heights = sum(view.rowHeight(row) for row in range(rows))
        return view.horizontalHeader().sizeHint().height() + heights + 2 * view.frameWidth()

    # -- what a count holds ------------------------------------------------------------------

    def _count_clicked(self, index: QModelIndex) -> None:
        if index.column() < FIRST_CIRCLE_COLUMN:
            return
        line = self.count_model.row_at(index.row())
        self.choice = (line.id, CIRCLES[index.column() - FIRST_CIRCLE_COLUMN])
        self._show_choice()

    def _show_choice(self) -> None:
        """Show the chosen count's features: listed now if at hand, else listed off the UI
        thread (thousands of rows at scale)."""
        if self.shown is None:
            return
        layer, circle = self.choice
        listing = self.listing
        if listing is None or (listing.layer, listing.circle) != self.choice:
            self.listing = None
            shown = self.shown
            self.reach.ask(
                self._request("list", shown.at),
                lambda found, error: self._listed(shown, found, error),
            )
            return
        self.feature_model.set_rows(listing.lines)
        self.feature_view.setColumnHidden(1, layer == "town")  # its own town
        self.feature_view.setColumnHidden(2, layer in ("town", "village"))
        fit_columns(self.feature_view, self.feature_model)
        row = next((n for n, c in enumerate(self.shown.counts) if c.id == layer), None)
        if row is not None:
            column = FIRST_CIRCLE_COLUMN + CIRCLES.index(circle)
            self.count_view.setCurrentIndex(self.count_model.index(row, column))
        count = next(c for c in self.shown.counts if c.id == layer)
        reached = getattr(count, circle)
        if reached is None:
            text = fill(
                self.tr("%1 reached by the %2: not known, no wind radii are known at this time."),
                count.name,
                circle_text(circle),
            )
        else:
            text = fill(
                self.tr("%1 reached by the %2: %3 of %4, marked on the map.")
                if layer in ON_MAP
                else self.tr("%1 reached by the %2: %3 of %4."),
                count.name,
                circle_text(circle),
                f"{reached:,}",
                f"{count.total:,}",
            )
        if len(listing.lines) == LIST_LIMIT:
            text += " " + fill(
                self.tr("The first %1 are listed; the export holds them all."), f"{LIST_LIMIT:,}"
            )
        self.choice_label.setText(text)
        self.marked.emit(layer, listing.ids)

    def _listed(self, shown: AtTime, answer: Answer | None, error: str | None) -> None:
        if answer is None:
            log.error("reached features not listed: %s", error)
            return
        listing = Listing.answered(answer["listing"])
        if self.shown is shown and (listing.layer, listing.circle) == self.choice:
            self.listing = listing
            self._show_choice()

    def _feature_activated(self, index: QModelIndex) -> None:
        line = self.feature_model.row_at(index.row())
        if line.layer in ON_MAP:
            self.feature_chosen.emit(line.layer, line.id)

    # -- entering and importing tracks -------------------------------------------------------

    def enter_typhoon(self) -> None:
        self._edit(None)

    def edit_typhoon(self) -> None:
        if self.loaded is not None:
            self._edit(self.loaded.track)

    def _edit(self, track: TyphoonTrack | None) -> None:
        from ui.map.typhoon_dialog import TyphoonDialog

        dialog = TyphoonDialog(self.db, self.actor, track, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.shown = None
            self.load(dialog.saved_id)  # the circles follow; the feed redraws the rest
        dialog.deleteLater()

    def import_track(self) -> None:
        from ui.common.import_dialog import ImportDialog

        dialog = ImportDialog(self.db, self.actor, "typhoon", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.shown = None
            self.loaded = None
            self.load()  # an imported track is the latest, or replaces one with its code
        dialog.deleteLater()

    # -- export ------------------------------------------------------------------------------

    def export(self) -> None:
        self.export_to(None)

    def export_to(self, path: str | None) -> None:
        """The reach table shown, as a workbook (``path`` None: asked); written by the
        process that holds the table."""
        from ui.common.print_preview import saved_text, workbook_path

        if self.shown is None or self.loaded is None:
            return
        shown = self.shown
        target = workbook_path(
            self,
            document("typhoon-reach", Format.EXCEL),
            {"typhoon": self.loaded.track.code, "stamp": f"{shown.at:%Y%m%d%H%M}"},
            path,
        )
        if target is None:  # the save dialog was cancelled
            return
        self.export_button.setEnabled(False)

        def written(answer: Answer | None, error: str | None) -> None:
            self.export_button.setEnabled(True)
            if answer is None:
                log.error("reach table not exported: %s", error)
                self.choice_label.setText(failure_text(write=False))
            else:
                self.choice_label.setText(answer["problem"] or saved_text(target))

        self.reach.ask(self._request("export", shown.at, path=str(target)), written)

    def close_reach(self) -> None:
        """The page closes: no more answers from the process computing the reach."""
        self.reach.close()


def circle_text(circle: str) -> str:
    return {
        "force7_now": QCoreApplication.translate("TyphoonPanel", "force-7 circle at this time"),
        "force10_now": QCoreApplication.translate("TyphoonPanel", "force-10 circle at this time"),
        "force7_forecast": QCoreApplication.translate(
            "TyphoonPanel", "force-7 wind from this time on"
        ),
        "force10_forecast": QCoreApplication.translate(
            "TyphoonPanel", "force-10 wind from this time on"
        ),
    }[circle]
