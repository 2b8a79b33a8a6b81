"""The console outlives the Qt binding's reference-count defect (see ui/binding.py).

PySide6 6.12.0 on Python 3.11 takes a reference from None with every void call and
from True or False with calls answering a bool; the console left open on the transfers
page died within five minutes. ``keep_singletons_alive`` (main.py, and this test run's
conftest) gives the three a count no session can use up.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from ui.binding import HEADROOM, keep_singletons_alive


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None, True and False are immortal")
def test_void_and_bool_calls_cannot_exhaust_none_true_and_false(qapp: QApplication) -> None:
    label = QLabel()
    for _ in range(1_000):
        label.setText("x")
        label.setVisible(label.isHidden())
    keep_singletons_alive()  # a second call adds nothing
    for singleton in (None, True, False):
        assert HEADROOM // 2 < sys.getrefcount(singleton) < HEADROOM + HEADROOM // 2
