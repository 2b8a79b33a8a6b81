"""The console's colours and style sheets, in one place so every page says "refused",
"done" and "look here" the same way."""

from __future__ import annotations

ERROR_COLOUR = "#b00020"  # a refusal or a failure, as text
OK_COLOUR = "#1f7a3f"  # saved, done
NOTE_COLOUR = "#4a5a6a"  # neither: a hint, a state
ALERT_COLOUR = "#b03000"  # a figure that needs action (a full shelter)

ERROR_STYLE = f"color: {ERROR_COLOUR};"
ERROR_BOLD = f"color: {ERROR_COLOUR}; font-weight: bold;"

BANNER_ERROR = "background: #fdecea; color: #8a1c1c; border-left: 4px solid #c62828; padding: 6px;"
BANNER_INFO = "background: #e8f3ea; color: #1d4d24; border-left: 4px solid #3c8d40; padding: 6px;"
BANNER_WARNING = (
    "background: #fff8e1; color: #6d4c00; border-left: 4px solid #f9a825; padding: 6px;"
)
# The active event (or the offer to start one) at the top of a page.
EVENT_BANNER = "background: #eef3f8; border-left: 4px solid #1f5fbf; padding: 8px; color: #333;"
# An event's facts under the event banner (the command page).
EVENT_DETAILS = "background: #f7f9fb; border: 1px solid #d5dde5; padding: 6px; color: #333;"
# A page with nothing to show yet: what is missing and how to fill it.
EMPTY_STATE = (
    "background: #f4f7fa; border: 1px solid #d5dde5; border-radius: 6px;"
    " padding: 24px; font-size: 14px;"
)

PAGE_TITLE = "font-size: 22px; font-weight: bold;"
SECTION_TITLE = "font-size: 16px; font-weight: bold; padding-top: 6px;"

CARD_STYLE = (
    "QFrame#card { background: white; border: 1px solid #d5dde5; border-radius: 6px; }"
    "QLabel#cardValue { font-size: 30px; font-weight: bold; color: #17324d; }"
    "QLabel#cardTitle { font-size: 14px; color: #4a5a6a; }"
    "QLabel#cardNote { font-size: 12px; color: #6a7a8a; }"
)
