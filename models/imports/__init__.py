"""Spreadsheet and GIS imports: parse -> validate -> report -> write all or nothing.

``problems`` names what an import refuses, ``report`` holds what every import
returns, ``spreadsheet`` reads files and cleans cells, and one module or package
per kind of data does the rest (``divisions``, ``households``, ``typhoon``,
``gis``); ``kinds`` maps each kind to its import function. The arrows run one
way: problems <- spreadsheet <- report (its type hints only) <- the kinds.
"""

from __future__ import annotations

from models.imports.problems import ImportFileError, ImportProblem
from models.imports.report import ImportReport, format_report

__all__ = ["ImportFileError", "ImportProblem", "ImportReport", "format_report"]
