"""Imports every module that defines tables, so Base.metadata is complete."""

from models import (  # noqa: F401
    areas,
    audit,
    events,
    meta,
    pg_roles,
    transfers,
    typhoons,
    users,
)
from models.command import incidents, levels, units  # noqa: F401
