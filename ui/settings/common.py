"""What the settings tabs share: styles, messages and times."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

ERROR_STYLE = "color: #b00020;"
BANNER_ERROR = "background: #fdecea; color: #8a1c1c; border-left: 4px solid #c62828; padding: 6px;"
BANNER_INFO = "background: #e8f3ea; color: #1d4d24; border-left: 4px solid #3c8d40; padding: 6px;"

C = "SettingsColumns"  # translation context of the tables' column headers


def short_error(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:300]


def banner(label_widget: QLabel, text: str, *, error: bool) -> None:
    label_widget.setStyleSheet(BANNER_ERROR if error else BANNER_INFO)
    label_widget.setText(text)
    label_widget.setVisible(bool(text))
