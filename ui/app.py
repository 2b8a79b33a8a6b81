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
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from models.database import Database
from models.messages import fill
from models.refusals import NotFound, PermissionDenied
from models.settings import Settings

log = logging.getLogger(__name__)

SMOKE_TIMEOUT_MS = 60_000  # --smoke: the first page is shown well before this

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


def missing_window_library() -> str | None:
    """The system library the X11 (xcb) platform cannot load, or None.

    Without one Qt aborts the process (exit 134) with a message naming another
    library; loading the plugin first names the one missing (about 8 ms).
    """
    wanted = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or wanted not in ("", "xcb"):
        return None
    if not wanted and os.environ.get("WAYLAND_DISPLAY"):
        return None
    import ctypes

    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        name = str(error).split(":", 1)[0].strip()
        return name if name != str(plugin) else None
    return None


def debian_package(library: str) -> str:
    """The Debian package that usually holds a shared library: libxcb-icccm.so.4 ->
    libxcb-icccm4, libxkbcommon-x11.so.0 -> libxkbcommon-x11-0."""
    stem, _, version = library.partition(".so.")
    stem = stem.lower()
    return f"{stem}-{version}" if stem[-1:].isdigit() else f"{stem}{version}"


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


def run_console(
    db: Database, settings: Settings, *, user: str | None = None, smoke_password: str | None = None
) -> int:
    """First start (set the administrator password), login, then the main window.

    With ``smoke_password`` (``--smoke``) the login dialog is filled and confirmed by
    itself, and the window closes once its first page is shown: a check that this
    desktop can run the console, exit 0 when it did.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    from models.users import has_users
    from ui.login import FirstAdminDialog, LoginDialog
    from ui.main_window import MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_error_dialog()
    smoke = smoke_password is not None
    with db.session(None) as session:
        first = not has_users(session=session)
    if first:
        if smoke:
            raise NotFound(
                QCoreApplication.translate(
                    "App", "This database has no users yet: nobody can log in."
                )
            )
        _name, accepted = FirstAdminDialog.ask(None, db)
        if not accepted:
            return 0
    dialog = LoginDialog(None, db, user)
    if smoke:

        def log_in_by_itself() -> None:
            dialog.password_edit.setText(smoke_password or "")
            dialog.try_login()
            if dialog.result() != QDialog.DialogCode.Accepted:
                refusal = dialog.message_label.text()
                dialog.reject()
                raise_after[0] = PermissionDenied(refusal)

        raise_after: list[PermissionDenied | None] = [None]
        QTimer.singleShot(0, log_in_by_itself)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    actor = dialog.actor
    if smoke and raise_after[0] is not None:
        raise raise_after[0]
    if not accepted or actor is None:
        return 0
    window = MainWindow(db, actor, settings)
    if smoke:
        first_page = window.pages["dashboard"]  # the page the window opens on

        def shown() -> None:
            print(
                fill(
                    QCoreApplication.translate(
                        "App", "The console window opened on the %1 platform; %2 is logged in."
                    ),
                    QGuiApplication.platformName(),
                    actor.name,
                ),
                flush=True,
            )
            window.close()

        first_page.ready.connect(shown)  # type: ignore[attr-defined]
        QTimer.singleShot(SMOKE_TIMEOUT_MS, app.quit)
    window.show()
    code = app.exec()
    if smoke and window.isVisible():
        raise TimeoutError("the console window did not finish its first page")
    return code
