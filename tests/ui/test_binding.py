"""The console outlives the Qt binding's reference-count defect (see ui/binding.py).

PySide6 6.12.0 on Python 3.11 takes a reference from None with every void call and
from True or False with calls answering a bool; the console left open on the transfers
page died within five minutes. ``keep_singletons_alive`` (main.py, and this test run's
conftest) gives the three a count no session can use up.

The binding's import hook reads the whole source of every module imported after it, for a
feature the console does not use; ``skip_feature_scan`` (main.py, the conftest) stops that.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from ui.binding import HEADROOM, keep_singletons_alive, skip_feature_scan


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None, True and False are immortal")
def test_void_and_bool_calls_cannot_exhaust_none_true_and_false(qapp: QApplication) -> None:
    label = QLabel()
    for _ in range(1_000):
        label.setText("x")
        label.setVisible(label.isHidden())
    keep_singletons_alive()  # a second call adds nothing
    for singleton in (None, True, False):
        assert HEADROOM // 2 < sys.getrefcount(singleton) < HEADROOM + HEADROOM // 2


def test_a_module_imported_after_the_binding_is_not_read_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    skip_feature_scan()
    skip_feature_scan()  # a second call changes nothing
    (tmp_path / "binding_probe_module.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    read: list[object] = []
    real = inspect.getsource

    def recording(obj: object) -> str:
        read.append(obj)
        return real(obj)  # type: ignore[arg-type]

    monkeypatch.setattr(inspect, "getsource", recording)
    module = __import__("binding_probe_module")  # as an import statement does: through the hook
    assert module.VALUE == 1
    assert read == []
