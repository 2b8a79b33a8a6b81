"""Reads the county overview in a worker (``Page.load``) for the pages that show it."""

from __future__ import annotations

from models.database import Database
from models.overview import Overview, county_overview
from models.users import Actor


def read_overview(db: Database, actor: Actor) -> Overview:
    with db.session(actor) as session:
        return county_overview(session=session)
