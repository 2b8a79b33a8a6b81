"""The roll-up as charts.

``TownChart``: one stacked bar per town (in shelters, with relatives, forcibly moved,
still at home), the towns that lag most on top, every town named beside its bar with
its completion rate, the lagging ones marked. Painted here rather than by Qt Charts,
whose category axis drops the labels that do not fit (7 of 16 towns at 1366x768):
each row keeps a readable height, and the chart grows taller than its tab (which
scrolls) rather than leave a town unnamed.

``ProgressChart``: the county's completion rate over time since the event began, from
the hourly snapshots (Qt Charts).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QDateTime, QMargins, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QWidget

from models.clock import display_zone
from models.messages import QT_TRANSLATE_NOOP
from models.transfers import AreaFigures, ProgressPoint
from ui.common.styles import ALERT_COLOUR

SEGMENTS = (
    ("sheltered", QT_TRANSLATE_NOOP("TransfersChart", "In shelters"), "#1f7a3f"),
    ("relatives", QT_TRANSLATE_NOOP("TransfersChart", "With relatives or friends"), "#58a55c"),
    ("forced", QT_TRANSLATE_NOOP("TransfersChart", "Forcibly moved"), "#a0c878"),
    ("still_at_home", QT_TRANSLATE_NOOP("TransfersChart", "Still at home"), "#d9822b"),
)
ROW_HEIGHT = 20  # pixels per town: a label of the 12-pixel font and a gap
LEGEND_HEIGHT = 24
MARK = "⚠ "


class TownBars(QWidget):
    """The painted bars; ``TownChart`` holds it in a scroll area."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.towns: list[AreaFigures] = []  # in the order shown, top first
        self.marked: frozenset[int] = frozenset()
        self.font_ = QFont(self.font())
        self.font_.setPixelSize(12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_towns(self, towns: Sequence[AreaFigures], marked: Collection[int]) -> None:
        self.towns = list(towns)
        self.marked = frozenset(marked)
        self.setMinimumHeight(self.needed_height())
        self.updateGeometry()
        self.update()

    def needed_height(self) -> int:
        return LEGEND_HEIGHT + ROW_HEIGHT * len(self.towns) + 8

    def sizeHint(self) -> QSize:
        return QSize(600, self.needed_height())

    def label(self, town: AreaFigures) -> str:
        return (MARK if town.id in self.marked else "") + town.name

    def row_height(self) -> float:
        """Rows share the height there is, never less than ``ROW_HEIGHT``."""
        if not self.towns:
            return ROW_HEIGHT
        return max(ROW_HEIGHT, (self.height() - LEGEND_HEIGHT - 8) / len(self.towns))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font_)
        metrics = QFontMetrics(self.font_)
        width = self.width()
        # The legend, left to right.
        x = 8.0
        for _key, title, colour in SEGMENTS:
            text = QCoreApplication.translate("TransfersChart", title)
            painter.fillRect(QRectF(x, 7, 12, 12), QColor(colour))
            painter.setPen(QColor("#333333"))
            painter.drawText(QRectF(x + 16, 2, width, 20), Qt.AlignmentFlag.AlignVCenter, text)
            x += 16 + metrics.horizontalAdvance(text) + 18
        if not self.towns:
            return
        name_width = max(metrics.horizontalAdvance(self.label(t)) for t in self.towns) + 12
        rate_width = metrics.horizontalAdvance("100.0%") + 12
        bar_left = name_width
        bar_room = max(40.0, width - name_width - rate_width - 8)
        largest = max((t.figures.people_to_move for t in self.towns), default=0) or 1
        row = self.row_height()
        top = float(LEGEND_HEIGHT)
        for town in self.towns:
            f = town.figures
            lagging = town.id in self.marked
            painter.setPen(QColor(ALERT_COLOUR if lagging else "#222222"))
            bold = QFont(self.font_)
            bold.setBold(lagging)
            painter.setFont(bold)
            painter.drawText(
                QRectF(0, top, name_width - 6, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.label(town),
            )
            x = float(bar_left)
            bar_height = min(row * 0.7, 16.0)
            y = top + (row - bar_height) / 2
            for key, _title, colour in SEGMENTS:
                part = getattr(f, key) / largest * bar_room
                if part > 0:
                    painter.fillRect(QRectF(x, y, part, bar_height), QColor(colour))
                    x += part
            rate = f.completion_rate
            painter.drawText(
                QRectF(x + 4, top, rate_width, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                "—" if rate is None else f"{rate * 100:.1f}%",
            )
            painter.setFont(self.font_)
            top += row


class TownChart(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars = TownBars()
        self.setWidget(self.bars)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.shown_towns: list[str] = []  # top first
        self.marked_towns: list[str] = []

    def show_towns(self, towns: list[AreaFigures], lagging: Collection[int] = ()) -> None:
        """Replace the bars; the towns that lag most come first (at the top), those in
        ``lagging`` (ids) marked."""
        ordered = sorted(towns, key=lambda t: (t.figures.completion_rate or 0, t.code))
        self.bars.set_towns(ordered, lagging)
        self.shown_towns = [t.name for t in ordered]
        self.marked_towns = [t.name for t in ordered if t.id in set(lagging)]

    def labels(self) -> list[str]:
        """The text beside each bar, top first."""
        return [self.bars.label(t) for t in self.bars.towns]


class ProgressChart(QChartView):
    """The county's completion rate (percent) at each hourly snapshot and now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(200)
        self.chart_ = QChart()
        self.chart_.setMargins(QMargins(4, 4, 4, 4))
        self.chart_.legend().hide()
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(self.chart_)
        self.points: list[tuple[datetime, float]] = []

    def show_history(self, history: Sequence[ProgressPoint], threshold: float | None) -> None:
        chart = self.chart_
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.points = [
            (p.at, p.completion_rate * 100) for p in history if p.completion_rate is not None
        ]
        series = QLineSeries()
        series.setPen(QPen(QColor("#1f5fbf"), 2))
        series.setPointsVisible(True)
        zone = display_zone()
        for at, rate in self.points:
            series.append(
                QDateTime(at.astimezone(zone).replace(tzinfo=None)).toMSecsSinceEpoch(), rate
            )
        chart.addSeries(series)
        chart.setTitle(
            QCoreApplication.translate("TransfersChart", "Completion rate since the event began")
        )
        times = QDateTimeAxis()
        span = (self.points[-1][0] - self.points[0][0]).total_seconds() if self.points else 0
        times.setFormat("HH:mm" if span < 20 * 3600 else "MM-dd HH:mm")
        times.setTickCount(4)
        chart.addAxis(times, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(times)
        if self.points:
            first, last = self.points[0][0], self.points[-1][0]
            times.setRange(
                QDateTime(first.astimezone(zone).replace(tzinfo=None)),
                QDateTime(last.astimezone(zone).replace(tzinfo=None)),
            )
        values = QValueAxis()
        values.setRange(0, 100)
        values.setLabelFormat("%d%%")
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        if threshold is not None and self.points:
            line = QLineSeries()
            line.setPen(QPen(QColor(ALERT_COLOUR), 1, Qt.PenStyle.DashLine))
            for at, _rate in (self.points[0], self.points[-1]):
                line.append(
                    QDateTime(at.astimezone(zone).replace(tzinfo=None)).toMSecsSinceEpoch(),
                    threshold * 100,
                )
            chart.addSeries(line)
            line.attachAxis(times)
            line.attachAxis(values)
