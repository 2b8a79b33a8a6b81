"""The event bar: the active event with its response level, or the offer to start one.

Shared by every page that works during an event (transfers now; the command and duty
log pages next), so each shows the event the same way. The bar shows and offers;
the page that holds it asks, writes and reloads when a button's signal arrives, so
its messages and its reload stay the page's own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from models.events import EventRow
from models.users import Actor, Permission
from ui.common.event_text import event_summary
from ui.common.styles import EVENT_BANNER


class EventBar(QWidget):
    """Banner of the active event; start, response level, returns and end for those allowed.

    ``show_event`` shows an event (or none) and the buttons the actor may use; ``show_text``
    puts a passing state in the banner (loading, starting, a failure). The buttons only
    emit their signal.
    """

    start_clicked = Signal()
    level_clicked = Signal()
    returns_clicked = Signal()
    end_clicked = Signal()

    def __init__(self, actor: Actor, no_event_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.no_event_text = no_event_text  # what the page offers once an event starts
        banner = QHBoxLayout(self)
        banner.setContentsMargins(0, 0, 0, 0)
        self.event_label = QLabel(self.tr("Loading…"))
        self.event_label.setWordWrap(True)
        self.event_label.setTextFormat(Qt.TextFormat.RichText)
        self.event_label.setStyleSheet(EVENT_BANNER + "font-size: 15px;")
        banner.addWidget(self.event_label, 1)
        self.start_button = QPushButton(self.tr("Start an event…"))
        self.start_button.setVisible(False)
        self.start_button.clicked.connect(self.start_clicked)
        banner.addWidget(self.start_button)
        self.manage = self.actor.can(Permission.MANAGE_EVENTS)
        self.level_button = QPushButton(self.tr("Response level…"))
        self.level_button.clicked.connect(self.level_clicked)
        self.returns_button = QPushButton(self.tr("Mark returns…"))
        self.returns_button.setToolTip(
            self.tr("Once the response is lifted: everyone moved from a village is home again.")
        )
        self.returns_button.clicked.connect(self.returns_clicked)
        self.end_button = QPushButton(self.tr("End the event…"))
        self.end_button.clicked.connect(self.end_clicked)
        self.event_buttons = (self.level_button, self.returns_button, self.end_button)
        for button in self.event_buttons:
            button.setVisible(False)
            banner.addWidget(button)

    def show_text(self, text: str) -> None:
        self.event_label.setText(text)

    def show_event(self, event: EventRow | None, *, busy: bool) -> None:
        """The event (or none) and the buttons the actor may use; ``busy``: a write is under
        way, so they show disabled."""
        if event is None:
            self.event_label.setText(self.no_event_text)
            self.start_button.setVisible(self.manage)
            self.start_button.setEnabled(self.manage and not busy)
            for button in self.event_buttons:
                button.setVisible(False)
            return
        self.start_button.setVisible(False)
        for button in (self.level_button, self.end_button):
            button.setVisible(self.manage)
            button.setEnabled(not busy)
        self.returns_button.setVisible(
            self.actor.can(Permission.CHECK_IN) and event.response_lifted
        )
        self.returns_button.setEnabled(not busy)
        self.event_label.setText(event_summary(event))

    def set_actions_enabled(self, enabled: bool) -> None:
        """The level, returns and end buttons, while a write runs or after it."""
        for button in self.event_buttons:
            button.setEnabled(enabled)
