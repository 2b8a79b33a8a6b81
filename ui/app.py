"""The Qt application: creation, fonts, first start, login and the main window."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from models.database import Database
from models.messages import fill
from models.settings import Settings

log = logging.getLogger(__name__)

# CJK faces in order of preference: Debian (WenQuanYi, Noto), Windows, Kylin/UOS.
UI_FONTS = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Microsoft YaHei",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "SimHei",
)


def prepare_web_engine() -> None:
    """Before the QApplication: the web engine's flags, and its files read ahead.

    Without the sandbox (root, as on the duty-room images) Chromium needs no zygote
    process either: starting the engine then takes 10-50 ms instead of 60-340 ms.
    The engine's library and resources (about 230 MB) are asked of the disk now, so
    that the map page opened later finds them in memory.
    """
    if sys.platform.startswith("linux") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    if os.environ.get("QTWEBENGINE_DISABLE_SANDBOX") == "1":
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
        for flag in ("--no-sandbox", "--no-zygote"):
            if flag not in flags:
                flags.append(flag)
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)
    read_ahead(web_engine_files())


def web_engine_files() -> list[Path]:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    return [
        qt / "lib" / "libQt6WebEngineCore.so.6",
        qt / "libexec" / "QtWebEngineProcess",
        *sorted((qt / "resources").glob("*")),
    ]


def read_ahead(paths: list[Path]) -> None:
    """Ask the kernel to read files into the page cache in the background."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    for path in paths:
        if not path.is_file():
            continue
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        with contextlib.suppress(OSError):
            advise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
        os.close(fd)


def make_gui_application() -> QApplication:
    prepare_web_engine()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    from ui.map.view import register_schemes  # the map's tiles:// scheme, before the app

    register_schemes()
    app = QApplication.instance() or QApplication(["main.py"])
    assert isinstance(app, QApplication)
    app.setApplicationName("emergency-command-console")
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Emergency Command Console"))
    apply_ui_font(app)
    return app


def apply_ui_font(app: QApplication) -> None:
    available = set(QFontDatabase.families())
    families = [f for f in UI_FONTS if f in available]
    if families:
        font = QFont(app.font())
        font.setFamilies(families)
        font.setPointSize(max(font.pointSize(), 10))
        app.setFont(font)


def install_error_dialog() -> None:
    """An error the code did not expect: logged in full, one plain message on screen."""
    previous = sys.excepthook

    def show(kind: type[BaseException], error: BaseException, trace: Any) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, trace)
            return
        log.error("unexpected error in the console", exc_info=(kind, error, trace))
        QMessageBox.critical(
            QApplication.activeWindow(),
            QCoreApplication.translate("App", "Unexpected error"),
            fill(
                QCoreApplication.translate(
                    "App",
                    "Something went wrong (%1). Nothing you saved is lost. The details are in the "
                    "log file for the support engineer.",
                ),
                kind.__name__,
            ),
        )

    sys.excepthook = show


def run_console(db: Database, settings: Settings, *, user: str | None = None) -> int:
    """First start (set the administrator password), login, then the main window."""
    from models.users import has_users
    from ui.login import FirstAdminDialog, LoginDialog
    from ui.main_window import MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_error_dialog()
    with db.session(None) as session:
        first = not has_users(session=session)
    if first:
        _name, accepted = FirstAdminDialog.ask(None, db)
        if not accepted:
            return 0
    actor, accepted = LoginDialog.ask(None, db, user=user)
    if not accepted or actor is None:
        return 0
    window = MainWindow(db, actor, settings)
    window.show()
    return app.exec()
