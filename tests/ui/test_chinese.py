"""In Chinese, the users' language, every page of the console speaks Chinese: no English
sentence is left on a label, button, tab, field hint or table header. Shown on the demo
county during the demo typhoon, so the event's texts are there too."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from models.database import Database
from models.settings import Settings
from models.users import Actor
from ui.common.pages import PAGE_KEYS
from ui.i18n import install_translators
from ui.main_window import MainWindow

# Three English words in a row: an untranslated sentence or label.
ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,}){2,}")
TAG = re.compile(r"<[^>]+>")
PATH = re.compile(r"\S*[/\\]\S*")  # a database URL or a file path is not language


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    install_translators("zh_CN")
    yield
    install_translators("en")


def shown_texts(root: QWidget) -> list[str]:
    """The texts a user reads on ``root`` as it is shown (rich text without its tags)."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount())
            ]
    return [PATH.sub(" ", TAG.sub(" ", text)) for text in texts if text]


def test_every_page_speaks_chinese(qtbot: QtBot, typhoon_db: Database, chinese: None) -> None:
    window = MainWindow(typhoon_db, Actor("duty", "duty"), Settings(language="zh_CN"))
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    english: dict[str, list[str]] = {}
    for key in PAGE_KEYS:
        page = window.show_page(key)
        qtbot.wait(100)  # the page's loads start, then end
        qtbot.waitUntil(
            lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=30_000
        )
        qtbot.wait(100)
        found = [text for text in shown_texts(page) if ENGLISH.search(text)]
        if found:
            english[key] = found
    found = [text for text in shown_texts(window.statusBar()) if ENGLISH.search(text)]
    if found:
        english["status bar"] = found
    assert english == {}, "\n".join(f"{k}: {t!r}" for k, v in english.items() for t in v)
    assert (
        "应转移人数" in window.pages["dashboard"].event_cards["people_to_move"].title_label.text()
    )
