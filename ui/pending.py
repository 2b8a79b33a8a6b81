"""Pages whose issues are not built yet: what is already known, and plainly what is not there."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from models.database import Database
from models.messages import QT_TRANSLATE_NOOP, fill
from models.overview import Overview
from models.users import Actor
from ui.common.overview_loader import read_overview
from ui.common.page import Page
from ui.common.styles import BANNER_WARNING

# What each page will hold, said plainly until it is built.
NOT_YET = {
    "teams": QT_TRANSLATE_NOOP(
        "PendingPage",
        "The rescue team roster (teams, members, skills, certificates and insurance) is not "
        "built yet.",
    ),
    "supplies": QT_TRANSLATE_NOOP(
        "PendingPage",
        "The supplies inventory (warehouses, stock movements and village flood kits) is not "
        "built yet.",
    ),
    "plans": QT_TRANSLATE_NOOP(
        "PendingPage",
        "The contingency plan library (plans, versions, revision schedules and drills) is not "
        "built yet.",
    ),
    "dispatch": QT_TRANSLATE_NOOP(
        "PendingPage",
        "Dispatch orders in official format (teams and supplies sent where they are needed) are "
        "not built yet. Events and response levels are started and changed on the Transfers "
        "page for now.",
    ),
    "dutylog": QT_TRANSLATE_NOOP(
        "PendingPage",
        "The duty log (calls, instructions and reports of each shift) is not built yet.",
    ),
}


# What the register already holds that each page will build on (%1 towns, %2 villages,
# %3 grids, %5 shelters, %8 working group members).
KNOWN = {
    "teams": QT_TRANSLATE_NOOP(
        "PendingPage",
        "Known now: %8 members of village flood working groups in %2 villages, including the "
        "rescue posts.",
    ),
    "supplies": QT_TRANSLATE_NOOP(
        "PendingPage", "Known now: %5 shelters in %1 towns that will hold stocked supplies."
    ),
    "plans": QT_TRANSLATE_NOOP(
        "PendingPage",
        "Known now: the county's %1 towns and %2 villages, the units plans assign actions to.",
    ),
    "dispatch": QT_TRANSLATE_NOOP(
        "PendingPage",
        "Known now: %1 towns, %2 villages and %3 responsibility grids that orders will be "
        "addressed to.",
    ),
    "dutylog": QT_TRANSLATE_NOOP(
        "PendingPage",
        "Known now: %3 responsibility grids with named persons and %8 working group members "
        "to call.",
    ),
}
EMPTY = QT_TRANSLATE_NOOP(
    "PendingPage",
    "The database is empty: build the demo county (python main.py demo) or import your "
    "county's divisions (python main.py import divisions FILE).",
)


def known_text(key: str, o: Overview) -> str:
    """What the register already knows that this page will build on."""
    if not o.villages:
        return QCoreApplication.translate("PendingPage", EMPTY)
    text = QCoreApplication.translate("PendingPage", KNOWN[key])
    # %4, %6 and %7 are in no text: zeros keep the numbering
    figures = (o.towns, o.villages, o.grids, 0, o.shelters, 0, 0, o.working_group_members)
    return fill(text, *(f"{value:,}" for value in figures))


_TEXT = "padding: 10px; font-size: 15px;"


class PendingPage(Page):
    def __init__(
        self, key: str, title: str, db: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, actor, title, parent)
        self.key = key
        layout = self.layout_
        self.missing_label = QLabel(QCoreApplication.translate("PendingPage", NOT_YET[key]))
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet(BANNER_WARNING + _TEXT)
        layout.addWidget(self.missing_label)
        self.known_label = QLabel()
        self.known_label.setWordWrap(True)
        self.known_label.setStyleSheet(_TEXT)
        self.known_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.known_label)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        self.load(read_overview, self._show, db=self.db, actor=self.actor)

    def _show(self, overview: Overview) -> None:
        self.known_label.setText(known_text(self.key, overview))
        self.ready.emit()
