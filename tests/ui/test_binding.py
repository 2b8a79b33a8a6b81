"""The Qt binding keeps Python's reference counts.

PySide6 6.12.0 on Python 3.11 returns None from every void method without taking a
reference: a console left open on the transfers page drained None's count by about 120
a second and died with "Fatal Python error: none_dealloc: deallocating None" within
minutes. pyproject.toml keeps PySide6 below 6.12; this test fails on a binding that
does it again.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_void_calls_leave_none_alive(qapp: QApplication) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(1_000):  # few enough not to bring the count to zero here
        label.setText("x")
        label.setVisible(False)
    assert abs(sys.getrefcount(None) - before) < 500
