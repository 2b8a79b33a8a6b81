"""The response level banner above every page: while a response is in force, a strip in
the level's colour names the level and the event, so no page hides that the county is
at Ⅱ. The window fills it from the same load as its status bar, following the change
feed (commits here, PostgreSQL notifications, SQLite's data_version)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from models.events import EventRow
from models.labels import RESPONSE_COLOURS, RESPONSE_LEVELS, label
from models.messages import fill


class LevelBanner(QLabel):
    """Hidden while no response is in force."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("levelBanner")
        self.setVisible(False)

    def show_event(self, event: EventRow | None) -> None:
        level = event.response_level if event is not None else None
        if event is None or level is None:
            self.clear()
            self.setVisible(False)
            return
        colour = RESPONSE_COLOURS.get(level, "#4a5a6a")
        self.setText(
            fill(
                self.tr("Emergency response in force: %1 · %2"),
                label(RESPONSE_LEVELS, level),
                event.name,
            )
        )
        self.setStyleSheet(
            f"background: {colour}; color: white; font-weight: bold; font-size: 14px;"
            " padding: 4px 24px;"
        )
        self.setVisible(True)
