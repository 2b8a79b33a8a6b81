"""Loads the county overview off the UI thread for the pages that show it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from models.database import Database
from models.overview import Overview, TownFigures, county_overview, town_figures
from models.users import Actor
from ui.common.worker import run_in_background


def _load(db: Database, actor: Actor) -> Overview:
    with db.session(actor) as session:
        return county_overview(session=session)


def _load_with_towns(db: Database, actor: Actor) -> tuple[Overview, list[TownFigures]]:
    with db.session(actor) as session:
        return county_overview(session=session), town_figures(session=session)


def load_overview(
    db: Database,
    actor: Actor,
    on_done: Callable[[Overview | None, BaseException | None], None],
    owner: QObject,
) -> None:
    run_in_background(_load, on_done, owner=owner, db=db, actor=actor)


def load_overview_with_towns(
    db: Database,
    actor: Actor,
    on_done: Callable[[tuple[Overview, list[TownFigures]] | None, BaseException | None], None],
    owner: QObject,
) -> None:
    run_in_background(_load_with_towns, on_done, owner=owner, db=db, actor=actor)
