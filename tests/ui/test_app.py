"""The application's look: a CJK face is chosen, so Chinese is drawn, not boxes."""

from __future__ import annotations

from PySide6.QtGui import QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication

from ui.app import UI_FONTS, apply_ui_font


def test_ui_font_is_a_cjk_face_that_has_the_glyphs(qapp: QApplication) -> None:
    previous = qapp.font()
    try:
        apply_ui_font(qapp)
        font = qapp.font()
        assert QFontInfo(font).family() in UI_FONTS
        metrics = QFontMetrics(font)
        for char in "应急指挥调度台温岭市泽国镇避灾安置场所":
            assert metrics.inFontUcs4(ord(char)), char
    finally:
        qapp.setFont(previous)
