"""Enter a typhoon by hand, or add a new bulletin's points to one.

The points are typed as a duty officer reads them from a bulletin: Beijing time,
the centre, pressure, wind, and each wind radius as one value or four (NE/SE/SW/NW,
"300/280/250/260"). ``models.typhoons.save_typhoon`` checks everything; what it
refuses is shown on the cell it is about, and nothing is saved.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.messages import QT_TRANSLATE_NOOP, fill
from models.refusals import ValidationError
from models.typhoons import (
    BEIJING,
    PointInput,
    Radii,
    TyphoonTrack,
    format_time,
    parse_time,
    save_typhoon,
)
from models.users import Actor
from ui.common.operations import run_operation_now
from ui.common.styles import BANNER_ERROR

# (PointInput field, header): the table's columns in order.
POINT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("at", QT_TRANSLATE_NOOP("TyphoonDialog", "Time (Beijing)")),
    ("lon", QT_TRANSLATE_NOOP("TyphoonDialog", "Longitude °E")),
    ("lat", QT_TRANSLATE_NOOP("TyphoonDialog", "Latitude °N")),
    ("pressure_hpa", QT_TRANSLATE_NOOP("TyphoonDialog", "Pressure hPa")),
    ("max_wind_ms", QT_TRANSLATE_NOOP("TyphoonDialog", "Max wind m/s")),
    ("r7", QT_TRANSLATE_NOOP("TyphoonDialog", "Force-7 radius km")),
    ("r10", QT_TRANSLATE_NOOP("TyphoonDialog", "Force-10 radius km")),
    ("r12", QT_TRANSLATE_NOOP("TyphoonDialog", "Force-12 radius km")),
    ("is_forecast", QT_TRANSLATE_NOOP("TyphoonDialog", "Forecast")),
)
FIELDS = tuple(field for field, _header in POINT_COLUMNS)
FORECAST_COLUMN = FIELDS.index("is_forecast")
NEXT_POINT = timedelta(hours=3)  # bulletins come every three hours in a landfall
ERROR_BRUSH = QBrush(QColor("#fdecea"))


def _number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return ""
    return f"{value:.{digits}f}" if digits else f"{value:g}"


def _radii(radii: Radii | None) -> str:
    if radii is None:
        return ""
    if len(set(radii)) == 1:
        return f"{radii[0]:g}"
    return "/".join(f"{r:g}" for r in radii)


class TyphoonDialog(QDialog):
    """A typhoon's code, names and points; ``saved_id`` after it was saved."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        track: TyphoonTrack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.typhoon_id = track.id if track is not None else None
        self.saved_id: int | None = None
        self.setWindowTitle(
            self.tr("Enter a typhoon by hand")
            if track is None
            else self.tr("Edit the typhoon's track")
        )
        self.resize(1100, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.code_edit = QLineEdit(track.code if track else "")
        self.code_edit.setPlaceholderText(self.tr("Such as 2606"))
        self.name_edit = QLineEdit(track.name if track else "")
        self.name_edit.setPlaceholderText(self.tr("Such as 烟花"))
        self.name_en_edit = QLineEdit((track.name_en or "") if track else "")
        form.addRow(self.tr("Number:"), self.code_edit)
        form.addRow(self.tr("Chinese name:"), self.name_edit)
        form.addRow(self.tr("English name:"), self.name_en_edit)
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "One row per bulletin point, in Beijing time. A radius is one value, or four for "
                "the NE, SE, SW and NW quadrants (300/280/250/260); leave it empty when the "
                "bulletin gives none. Tick Forecast for the forecast points."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #4a5a6a;")
        layout.addWidget(hint)

        self.table = QTableWidget(0, len(POINT_COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("TyphoonDialog", header) for _f, header in POINT_COLUMNS]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 150)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        layout.addWidget(self.table, 1)
        for point in track.points if track is not None else ():
            self._add_row(
                [
                    format_time(point.at),
                    _number(point.lon, 2),
                    _number(point.lat, 2),
                    _number(point.pressure_hpa),
                    _number(point.max_wind_ms),
                    _radii(point.r7),
                    _radii(point.r10),
                    _radii(point.r12),
                ],
                point.is_forecast,
            )

        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add a point"))
        self.add_button.setToolTip(self.tr("A copy of the last point, three hours later (Ins)"))
        self.add_button.clicked.connect(self.add_point)
        self.remove_button = QPushButton(self.tr("Remove the point"))
        self.remove_button.setToolTip(self.tr("Remove the selected point (Del)"))
        self.remove_button.clicked.connect(self.remove_point)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self).activated.connect(self.add_point)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table).activated.connect(self.remove_point)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(BANNER_ERROR)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if not self.table.rowCount():
            self.add_point()

    # -- rows ---------------------------------------------------------------------------

    def _add_row(self, texts: list[str], forecast: bool) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(texts):
            self.table.setItem(row, column, QTableWidgetItem(text))
        check = QTableWidgetItem()
        check.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
        )
        check.setCheckState(Qt.CheckState.Checked if forecast else Qt.CheckState.Unchecked)
        self.table.setItem(row, FORECAST_COLUMN, check)
        return row

    def add_point(self) -> None:
        """A new row: the last point three hours later, or an empty one."""
        last = self.table.rowCount() - 1
        if last < 0:
            row = self._add_row([""] * FORECAST_COLUMN, False)
        else:
            texts = [self.cell(last, column) for column in range(FORECAST_COLUMN)]
            try:
                texts[0] = format_time(parse_time(texts[0]) + NEXT_POINT, BEIJING)
            except ValueError:
                texts[0] = ""
            row = self._add_row(texts, self.is_forecast(last))
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def remove_point(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def is_forecast(self, row: int) -> bool:
        item = self.table.item(row, FORECAST_COLUMN)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def points(self) -> list[PointInput]:
        return [
            PointInput(
                at=self.cell(row, FIELDS.index("at")),  # empty is refused as an empty time
                **{
                    field: self.cell(row, column) or None
                    for column, field in enumerate(FIELDS[:FORECAST_COLUMN])
                    if field != "at"
                },
                is_forecast=self.is_forecast(row),
            )
            for row in range(self.table.rowCount())
        ]

    # -- saving -------------------------------------------------------------------------

    def accept(self) -> None:
        """Save the typhoon; on refusal mark the cells and say why, and stay open."""
        self._clear_marks()
        outcome = run_operation_now(
            self.db,
            self.actor,
            save_typhoon,
            code=self.code_edit.text(),
            name=self.name_edit.text(),
            name_en=self.name_en_edit.text(),
            points=self.points(),
            typhoon_id=self.typhoon_id,
        )
        if isinstance(outcome.refusal, ValidationError):
            self._show_problems(outcome.refusal.problems)
            return
        if not outcome.ok:  # refused otherwise, or failed: say so, keep what was typed
            self._show_messages([outcome.problem or ""])
            return
        self.saved_id = outcome.value
        super().accept()

    def _clear_marks(self) -> None:
        self.error_label.hide()
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is not None:
                    item.setBackground(QBrush())
                    item.setToolTip("")

    def _show_problems(self, problems: list[tuple[str, str]]) -> None:
        lines = []
        captions = {
            "code": self.tr("Number"),
            "name": self.tr("Chinese name"),
            "name_en": self.tr("English name"),
        }
        for field, message in problems:
            if field.startswith("points[") and "]." in field:
                index_text, point_field = field[len("points[") :].split("].", 1)
                row, column = int(index_text), FIELDS.index(point_field)
                item = self.table.item(row, column)
                if item is not None:
                    item.setBackground(ERROR_BRUSH)
                    item.setToolTip(message)
                header = QCoreApplication.translate("TyphoonDialog", POINT_COLUMNS[column][1])
                lines.append(fill(self.tr("Row %1, %2: %3"), str(row + 1), header, message))
            elif field in captions:
                lines.append(f"{captions[field]}: {message}")
            else:
                lines.append(message)
        self._show_messages(lines)

    def _show_messages(self, lines: list[str]) -> None:
        self.error_label.setText("\n".join(lines))
        self.error_label.show()
