"""How an event in progress is named on the pages that show it (transfers, dashboard)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from models.clock import display_time
from models.events import EVENT_KINDS, EventRow
from models.labels import RESPONSE_COLOURS, RESPONSE_LEVELS, label
from models.messages import fill


def event_summary(event: EventRow) -> str:
    """Rich text: the event's name and kind, its response level in the level's colour, and
    when it started."""
    if event.response_level:
        colour = RESPONSE_COLOURS.get(event.response_level, "#333")
        level = (
            f"<b style='color:{colour}'>"
            f"{html.escape(label(RESPONSE_LEVELS, event.response_level))}</b>"
        )
        response = fill(QCoreApplication.translate("EventText", "Response: %1"), level)
    else:
        response = QCoreApplication.translate("EventText", "No emergency response in force")
    return fill(
        QCoreApplication.translate("EventText", "Event: %1 (%4) · %2 · started %3"),
        f"<b>{html.escape(event.name)}</b>",
        response,
        display_time(event.started_at),
        html.escape(label(EVENT_KINDS, event.kind)),
    )
