"""The roll-up as a chart: one stacked bar per town (in shelters, with relatives, forcibly
moved, still at home), so the towns that lag stand out at a glance."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from models.messages import QT_TRANSLATE_NOOP
from models.transfers import AreaFigures

SEGMENTS = (
    ("sheltered", QT_TRANSLATE_NOOP("TransfersChart", "In shelters"), "#1f7a3f"),
    ("relatives", QT_TRANSLATE_NOOP("TransfersChart", "With relatives or friends"), "#58a55c"),
    ("forced", QT_TRANSLATE_NOOP("TransfersChart", "Forcibly moved"), "#a0c878"),
    ("still_at_home", QT_TRANSLATE_NOOP("TransfersChart", "Still at home"), "#d9822b"),
)


class TownChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.chart_ = QChart()
        self.chart_.setMargins(QMargins(4, 4, 4, 4))
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(self.chart_)
        self.shown_towns: list[str] = []

    def show_towns(self, towns: list[AreaFigures]) -> None:
        """Replace the bars; the towns that lag most come first (at the top)."""
        chart = self.chart_
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        ordered = sorted(
            towns, key=lambda t: (t.figures.completion_rate or 0, t.code), reverse=True
        )  # horizontal bars stack bottom-up
        series = QHorizontalStackedBarSeries()
        for key, title, colour in SEGMENTS:
            bar = QBarSet(QCoreApplication.translate("TransfersChart", title))
            bar.setColor(QColor(colour))
            bar.setBorderColor(QColor(colour))
            for town in ordered:
                bar.append(getattr(town.figures, key))
            series.append(bar)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        self.shown_towns = [t.name for t in reversed(ordered)]
        categories = QBarCategoryAxis()
        categories.append([t.name for t in ordered])
        font = QFont(categories.labelsFont())
        font.setPixelSize(11)  # sixteen towns must fit without eliding their names
        categories.setLabelsFont(font)
        categories.setTruncateLabels(False)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setTitleText(QCoreApplication.translate("TransfersChart", "People"))
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        values.applyNiceNumbers()
