"""The towns and villages the duty officer must be told about during an event (below the
completion threshold, or no change for N hours: ``models.transfers.progress``), and, one
click away, the contact list of their responsible persons (village head, transfer group,
grid persons, the village's working group; phones masked by role).

Used by the transfers page (its "Attention" tab) and the dashboard.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from models.database import Database
from models.labels import WORKING_GROUP_POSTS, label
from models.messages import QT_TRANSLATE_NOOP, fill
from models.overview import Contact, responsible_persons
from models.transfers import Attention, Lagging
from models.users import Actor
from ui.common.operations import problem_text
from ui.common.styles import ALERT_COLOUR
from ui.common.table import (
    RIGHT,
    Column,
    RowTableModel,
    count_text,
    fit_columns,
    percent_text,
    setup_table_view,
)
from ui.common.worker import run_in_background


@dataclass(frozen=True, slots=True)
class AttentionLine:
    id: tuple[str, int]
    level: str
    name: str
    town: str
    completion_rate: float | None
    still_at_home: int
    reason: str
    village_ids: tuple[int, ...]  # whose responsible persons to call


ATTENTION_COLUMNS = (
    Column("level", QT_TRANSLATE_NOOP("Columns", "Level"), max_width=110),
    Column("name", QT_TRANSLATE_NOOP("Columns", "Name"), max_width=200),
    Column("town", QT_TRANSLATE_NOOP("Columns", "Town / street"), max_width=140),
    Column(
        "completion_rate",
        QT_TRANSLATE_NOOP("Columns", "Completion rate"),
        formatter=percent_text,
        alignment=RIGHT,
    ),
    Column(
        "still_at_home",
        QT_TRANSLATE_NOOP("Columns", "Still at home"),
        formatter=count_text,
        alignment=RIGHT,
    ),
    Column("reason", QT_TRANSLATE_NOOP("Columns", "Why"), max_width=320),
)


def reason_text(row: Lagging, attention: Attention) -> str:
    parts = []
    if row.below:
        parts.append(
            fill(
                QCoreApplication.translate("Attention", "below %1"),
                f"{attention.threshold * 100:.0f}%",
            )
        )
    if row.stalled:
        parts.append(
            fill(
                QCoreApplication.translate("Attention", "no change for %1 h"),
                f"{attention.stale_hours:g}",
            )
        )
    return QCoreApplication.translate("Attention", ", ").join(parts)


def attention_lines(attention: Attention | None) -> list[AttentionLine]:
    """The lagging towns first, then the villages, each the worst first."""
    if attention is None:
        return []
    town = QCoreApplication.translate("Attention", "Town")
    village = QCoreApplication.translate("Attention", "Village")
    reasons = {  # translated once: thousands of villages at the demo's scale 10
        (below, stalled): reason_text(
            Lagging("", 0, "", "", "", 0, 0, None, below, stalled), attention
        )
        for below in (False, True)
        for stalled in (False, True)
    }
    return [
        AttentionLine(
            (row.level, row.id),
            town if row.level == "town" else village,
            row.name,
            row.town,
            row.completion_rate,
            row.still_at_home,
            reasons[row.below, row.stalled],
            attention.town_villages.get(row.id, ()) if row.level == "town" else (row.id,),
        )
        for row in (*attention.towns, *attention.villages)
    ]


def summary_text(attention: Attention) -> str:
    """One line for a banner: how many towns and villages, and the rule."""
    return fill(
        QCoreApplication.translate(
            "Attention",
            "⚠ %1 towns and %2 villages need attention: completion below %3 or no change "
            "for %4 h (Settings). Click one for its responsible persons.",
        ),
        str(len(attention.towns)),
        str(len(attention.villages)),
        f"{attention.threshold * 100:.0f}%",
        f"{attention.stale_hours:g}",
    )


class AttentionTable(QWidget):
    """The summary line and the table; a click on a row opens its contact list."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.shown: Attention | None = None  # what the table lists
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet(f"color: {ALERT_COLOUR}; font-weight: bold;")
        layout.addWidget(self.summary_label)
        self.model = RowTableModel(ATTENTION_COLUMNS, parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        setup_table_view(self.view)
        self.view.setToolTip(self.tr("Click a town or village for its responsible persons."))
        self.view.clicked.connect(self.open_contacts)
        layout.addWidget(self.view, 1)
        self.dialog: ContactsDialog | None = None

    def show_attention(
        self, attention: Attention | None, lines: Sequence[AttentionLine] | None = None
    ) -> None:
        """``lines``: ``attention_lines(attention)`` made off the UI thread, when it was."""
        self.shown = attention
        if lines is None:
            lines = attention_lines(attention) if attention is not None else []
        self.model.set_rows(lines)
        fit_columns(self.view, self.model)
        self.summary_label.setText(
            summary_text(attention)
            if attention is not None and attention.count
            else self.tr("No town or village lags behind now.")
        )

    def open_contacts(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        line: AttentionLine = self.model.row_at(index.row())
        self.dialog = ContactsDialog(self.db, self.actor, line, self)
        self.dialog.show()


@dataclass(frozen=True, slots=True)
class ContactLine:
    id: int
    village: str
    role: str
    name: str
    phone: str | None
    detail: str


def _role(code: str) -> str:
    if code == "grid":
        return QCoreApplication.translate("Attention", "Grid person")
    return label(WORKING_GROUP_POSTS, code)


CONTACT_COLUMNS = (
    Column("village", QT_TRANSLATE_NOOP("Columns", "Village / community"), max_width=200),
    Column("role", QT_TRANSLATE_NOOP("Columns", "Responsibility"), formatter=_role, max_width=160),
    Column("name", QT_TRANSLATE_NOOP("Columns", "Name"), max_width=120),
    Column("phone", QT_TRANSLATE_NOOP("Columns", "Phone")),
    Column("detail", QT_TRANSLATE_NOOP("Columns", "Grid"), max_width=260),
)


def load_contacts(db: Database, actor: Actor, village_ids: tuple[int, ...]) -> list[Contact]:
    with db.session(actor) as session:
        return responsible_persons(session=session, village_ids=village_ids)


class ContactsDialog(QDialog):
    """The responsible persons of a lagging town's villages or of one village."""

    def __init__(
        self, db: Database, actor: Actor, line: AttentionLine, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill(self.tr("Responsible persons: %1"), line.name))
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        heading = QLabel(
            fill(
                self.tr("%1 %2: completion %3, %4 still at home (%5)."),
                line.level,
                line.name,
                percent_text(line.completion_rate) if line.completion_rate is not None else "—",
                count_text(line.still_at_home),
                line.reason,
            )
        )
        heading.setWordWrap(True)
        heading.setStyleSheet("font-size: 15px;")
        layout.addWidget(heading)
        self.model = RowTableModel(CONTACT_COLUMNS, parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        setup_table_view(self.view)
        layout.addWidget(self.view, 1)
        self.status_label = QLabel(self.tr("Loading…"))
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        run_in_background(
            load_contacts,
            self._loaded,
            owner=self,
            db=db,
            actor=actor,
            village_ids=line.village_ids,
        )

    def _loaded(self, contacts: list[Contact] | None, error: BaseException | None) -> None:
        if contacts is None:
            self.status_label.setText(
                fill(self.tr("The contacts could not be loaded: %1"), problem_text(error))
            )
            return
        self.model.set_rows(
            [
                ContactLine(n, f"{c.town} {c.village}", c.role, c.name, c.phone, c.detail)
                for n, c in enumerate(contacts)
            ]
        )
        fit_columns(self.view, self.model)
        self.status_label.setText(
            fill(self.tr("%1 persons to call."), str(len(contacts)))
            if contacts
            else self.tr("No responsible person is registered for these villages.")
        )
