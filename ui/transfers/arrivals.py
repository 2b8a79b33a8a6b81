"""One shelter's arrivals during the event (who, how many, when), for its manager,
with a printable list; a shelter that cannot take everyone still assigned to it says
by how many, and the nearest shelters with room."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.arrivals import ShelterArrivals, list_shelter_arrivals
from models.clock import display_time
from models.database import Database
from models.events import EventRow
from models.messages import QT_TRANSLATE_NOOP, fill
from models.transfers import overflow_text
from models.users import Actor
from ui.common.operations import problem_text
from ui.common.styles import ALERT_COLOUR
from ui.common.table import RIGHT, Column, RowTableModel, fit_columns, setup_table_view
from ui.common.worker import run_in_background
from ui.printing.registry import Format, document


def _time(at: datetime) -> str:
    return display_time(at, short=True)


@dataclass(frozen=True, slots=True)
class ArrivalLine:
    id: int
    at: datetime
    name: str
    village: str
    phone: str | None
    count: int
    listed: int
    actor: str
    place: str | None


COLUMNS = (
    Column("at", QT_TRANSLATE_NOOP("Columns", "Time"), formatter=_time),
    Column("name", QT_TRANSLATE_NOOP("Columns", "Household"), max_width=200),
    Column("village", QT_TRANSLATE_NOOP("Columns", "Town and village"), max_width=200),
    Column("phone", QT_TRANSLATE_NOOP("Columns", "Mobile")),
    Column("count", QT_TRANSLATE_NOOP("Columns", "People"), alignment=RIGHT),
    Column("listed", QT_TRANSLATE_NOOP("Columns", "Residents"), alignment=RIGHT),
    Column("actor", QT_TRANSLATE_NOOP("Columns", "Entered by")),
    Column("place", QT_TRANSLATE_NOOP("Columns", "Where")),
)


def load_arrivals(
    db: Database, actor: Actor, event_id: int, shelter_id: int
) -> ShelterArrivals | None:
    with db.session(actor) as session:
        return list_shelter_arrivals(session=session, event_id=event_id, shelter_id=shelter_id)


class ArrivalsDialog(QDialog):
    loaded = Signal()

    def __init__(
        self,
        db: Database,
        actor: Actor,
        event: EventRow,
        shelter_id: int,
        shelter_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.transfer_event = db, actor, event
        self.shelter_id, self.shelter_name = shelter_id, shelter_name
        self.setWindowTitle(fill(self.tr("Arrivals: %1"), shelter_name))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self.tr("Loading…"))
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("font-size: 15px;")
        layout.addWidget(self.summary_label)
        self.overflow_label = QLabel()  # more assigned than it can take: where the rest go
        self.overflow_label.setWordWrap(True)
        self.overflow_label.setStyleSheet(f"color: {ALERT_COLOUR}; font-weight: bold;")
        self.overflow_label.hide()
        layout.addWidget(self.overflow_label)
        self.model = RowTableModel(COLUMNS, parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        setup_table_view(self.view)
        layout.addWidget(self.view, 1)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.print_button = QPushButton(self.tr("Print the arrivals list…"))
        self.print_button.clicked.connect(self.print_list)
        buttons.addWidget(self.print_button)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        run_in_background(
            load_arrivals,
            self._loaded,
            owner=self,
            db=db,
            actor=actor,
            event_id=event.id,
            shelter_id=shelter_id,
        )

    def _loaded(self, data: ShelterArrivals | None, error: BaseException | None) -> None:
        if data is None:
            self.summary_label.setText(
                fill(self.tr("The arrivals could not be loaded: %1"), problem_text(error))
            )
            self.loaded.emit()
            return
        lines = [
            ArrivalLine(
                r.change_id,
                r.at,
                r.name,
                f"{r.town_name} {r.village_name}",
                r.phone,
                r.count,
                r.listed,
                r.actor,
                r.place,
            )
            for r in data.rows
        ]
        self.model.set_rows(lines)
        fit_columns(self.view, self.model)
        self.summary_label.setText(
            fill(
                self.tr(
                    "%1: %2 people arrived in %3 check-ins during %4; %5 in the shelter now "
                    "(capacity %6)."
                ),
                self.shelter_name,
                f"{data.arrived:,}",
                str(len(lines)),
                self.transfer_event.name,
                f"{data.present:,}",
                f"{data.capacity:,}",
            )
        )
        self.overflow_label.setText(
            "⚠ " + overflow_text(data.overflow, with_name=False) if data.overflow else ""
        )
        self.overflow_label.setVisible(data.overflow is not None)
        self.loaded.emit()

    def print_list(self) -> None:
        """The shelter's arrivals list in the print preview."""
        from ui.common.print_preview import open_document

        self.print_button.setEnabled(False)

        def said(text: str, _ok: bool) -> None:
            self.print_button.setEnabled(True)
            self.message_label.setText(text)

        open_document(
            self,
            db=self.db,
            actor=self.actor,
            spec=document("shelter-arrivals", Format.PDF),
            options={"event": self.transfer_event.id, "shelter": self.shelter_id},
            names={"shelter": self.shelter_name},
            on_message=said,
        )
