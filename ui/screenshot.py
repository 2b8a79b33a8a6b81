"""Render a page of the main window offscreen to a PNG (docs and visual tests)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from models.database import Database
from models.settings import Settings
from models.users import Actor
from ui.main_window import MainWindow

READY_TIMEOUT_MS = 30_000
SETTLE_MS = 300


def take_screenshot(
    db: Database,
    actor: Actor,
    settings: Settings,
    page_key: str,
    output: Path,
    size: tuple[int, int],
) -> None:
    window = MainWindow(db, actor, settings)
    window.resize(*size)
    page = window.show_page(page_key)
    loop = QEventLoop()
    ready = getattr(page, "ready", None)
    if ready is not None:
        ready.connect(loop.quit)
    QTimer.singleShot(READY_TIMEOUT_MS, loop.quit)
    window.show()
    if ready is not None:
        loop.exec()
    for _ in range(5):  # let layouts and paints settle
        QApplication.processEvents()
    settle = QEventLoop()  # a web view composites its last drawing a few frames later
    QTimer.singleShot(SETTLE_MS, settle.quit)
    settle.exec()
    output.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(output)):
        raise OSError(f"could not write {output}")
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)  # loads still running end before exit
