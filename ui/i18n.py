"""Loading the translation catalogues: ours (resources/i18n) and Qt's own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")
_installed: list[QTranslator] = []
_language: list[str] = []  # the language installed last (none: the English source texts)


def install_translators(language: str) -> None:
    """Translate the running application into ``language`` (zh_CN or en)."""
    app = QCoreApplication.instance()
    assert app is not None, "create the application first"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _language[:] = [language]
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for directory, name in ((qt_dir, f"qtbase_{language}"), (str(I18N_DIR), language)):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _installed.append(translator)


def installed_language() -> str | None:
    """The language ``install_translators`` installed last; None when it was never called."""
    return _language[0] if _language else None
