"""Started as a subprocess by the start-up benchmark; prints when its window is shown.

python -m tests.perf.startup_probe bare
python -m tests.perf.startup_probe console DATABASE_URL
"""

from __future__ import annotations

import gc
import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("hello"))
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    print("shown", flush=True)


def console(url: str) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    from models.database import Database
    from models.settings import Settings
    from models.users import Actor
    from ui.app import make_gui_application
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    gc.freeze()  # as main.py does once its modules are imported
    gc.enable()
    app = make_gui_application()
    install_translators("zh_CN")
    db = Database(url)
    db.upgrade()
    window = MainWindow(db, Actor("duty", "duty"), Settings())
    window.resize(1600, 1000)
    loop = QEventLoop()
    window.pages["dashboard"].ready.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(20_000, loop.quit)
    window.show()
    loop.exec()
    app.processEvents()
    print("shown", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        gc.disable()
        from ui.binding import keep_singletons_alive, skip_feature_scan

        keep_singletons_alive()  # as main.py does
        skip_feature_scan()
        console(sys.argv[2])
