"""The Qt application: creation, fonts, first start, login and the main window."""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from models.database import Database
from models.settings import Settings

log = logging.getLogger(__name__)

# CJK faces in order of preference: Debian (WenQuanYi, Noto), Windows, Kylin/UOS.
UI_FONTS = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "Source Han Sans SC",
            "WenQuanYi Zen Hei", "SimHei")


def make_gui_application() -> QApplication:
    if sys.platform.startswith("linux") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
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
            QCoreApplication.translate(
                "App",
                "Something went wrong (%1). Nothing you saved is lost. The details are in the "
                "log file for the support engineer.",
            ).replace("%1", kind.__name__),
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
