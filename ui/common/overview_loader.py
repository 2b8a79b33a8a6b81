"""Loads the county overview off the UI thread for the pages that show it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from models.database import Database
from models.overview import Overview, county_overview
from models.users import Actor
from ui.common.worker import run_in_background


def _load(db: Database, actor: Actor) -> Overview:
    with db.session(actor) as session:
        return county_overview(session=session)


def load_overview(
    db: Database,
    actor: Actor,
    on_done: Callable[[Overview | None, BaseException | None], None],
    owner: QObject,
) -> None:
    run_in_background(_load, on_done, owner=owner, db=db, actor=actor)
