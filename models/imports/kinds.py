"""The one table from a kind of file to the function that imports it (CLI and dialog)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from models.imports.report import ImportReport

GIS_KINDS = ("boundaries", "grids", "danger-zones", "shelters")
IMPORT_KINDS = ("divisions", "households", "typhoon", *GIS_KINDS)


def importer_for(kind: str) -> tuple[Callable[..., ImportReport], dict[str, Any]]:
    """The import function for ``kind`` and the fixed options it needs (GIS: its kind)."""
    if kind == "divisions":
        from models.imports.divisions import import_divisions

        return import_divisions, {}
    if kind == "households":
        from models.imports.households import import_households

        return import_households, {}
    if kind == "typhoon":
        from models.imports.typhoon import import_typhoon

        return import_typhoon, {}
    if kind in GIS_KINDS:
        from models.imports.gis import import_gis

        return import_gis, {"kind": kind}
    raise ValueError(f"unknown kind of import: {kind}")
