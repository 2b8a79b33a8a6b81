"""Imports every module that defines tables, so Base.metadata is complete."""

import models.command  # noqa: F401  (levels, incidents, member units)
from models import (  # noqa: F401
    areas,
    audit,
    drawn_areas,
    events,
    meta,
    pg_roles,
    plans,
    supplies,
    transfers,
    typhoons,
    users,
)
from models.teams import tables as _teams  # noqa: F401  (rescue teams, experts)
