"""Imports every module that defines tables, so Base.metadata is complete."""

from models import areas, audit, events, meta, transfers, typhoons, users  # noqa: F401
