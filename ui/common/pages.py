"""The page registry: every page of the console, once, in rail order.

The window builds its rail, shortcuts (Ctrl+1 … Ctrl+0) and pages from it, links between
pages and ``screenshot PAGE`` name pages by its keys. A page's code is imported only when
the page is first built. A new module adds its page with one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication

from models.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from models.database import Database
    from models.settings import Settings
    from models.users import Actor

PageMaker = Callable[["Database", "Actor", "Settings"], "QWidget"]


class PageSpec(NamedTuple):
    key: str  # the rail's item data, links' and ``screenshot``'s page name
    title: str  # untranslated; context "MainWindow"
    make: Callable[[], PageMaker]  # imports the page's code, returns its constructor
    deferred: bool = False  # built once the window is idle (its loads are heavy)

    def translated_title(self) -> str:
        return QCoreApplication.translate("MainWindow", self.title)


def _dashboard() -> PageMaker:
    from ui.dashboard.page import DashboardPage

    return lambda db, actor, _settings: DashboardPage(db, actor)


def _map() -> PageMaker:
    from ui.map.page import MapPage

    return lambda db, actor, settings: MapPage(db, actor, settings)


def _transfers() -> PageMaker:
    from ui.transfers.page import TransfersPage

    return lambda db, actor, _settings: TransfersPage(db, actor)


def _supplies() -> PageMaker:
    from ui.supplies.page import SuppliesPage

    return lambda db, actor, _settings: SuppliesPage(db, actor)


def _register() -> PageMaker:
    from ui.register.page import RegisterPage

    return lambda db, actor, _settings: RegisterPage(db, actor)


def _dutylog() -> PageMaker:
    from ui.dutylog.page import DutyLogPage

    return lambda db, actor, _settings: DutyLogPage(db, actor)


def _plans() -> PageMaker:
    from ui.plans.page import PlansPage

    return lambda db, actor, _settings: PlansPage(db, actor)


def _settings() -> PageMaker:
    from ui.settings.page import SettingsPage

    return lambda db, actor, settings: SettingsPage(db, actor, settings)


def _command() -> PageMaker:
    from ui.command.page import CommandPage

    return lambda db, actor, _settings: CommandPage(db, actor)


def _teams() -> PageMaker:
    from ui.teams.page import TeamsPage

    return lambda db, actor, _settings: TeamsPage(db, actor)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("dashboard", QT_TRANSLATE_NOOP("MainWindow", "Dashboard"), _dashboard),
    PageSpec("map", QT_TRANSLATE_NOOP("MainWindow", "Risk map"), _map, deferred=True),
    PageSpec("transfers", QT_TRANSLATE_NOOP("MainWindow", "Transfers"), _transfers),
    PageSpec("teams", QT_TRANSLATE_NOOP("MainWindow", "Rescue teams"), _teams),
    PageSpec("supplies", QT_TRANSLATE_NOOP("MainWindow", "Supplies"), _supplies),
    PageSpec("plans", QT_TRANSLATE_NOOP("MainWindow", "Contingency plans"), _plans),
    PageSpec("dispatch", QT_TRANSLATE_NOOP("MainWindow", "Dispatch"), _command),
    PageSpec("dutylog", QT_TRANSLATE_NOOP("MainWindow", "Duty log"), _dutylog),
    PageSpec("register", QT_TRANSLATE_NOOP("MainWindow", "Geography register"), _register),
    PageSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings"), _settings),
)
PAGE_KEYS: tuple[str, ...] = tuple(spec.key for spec in PAGES)
_BY_KEY = {spec.key: spec for spec in PAGES}


def page_factory(key: str) -> PageMaker:
    """The constructor of a page, its code imported now."""
    return _BY_KEY[key].make()
