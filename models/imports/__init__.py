"""Spreadsheet and GIS imports: parse -> validate -> report -> write all or nothing.

``problems`` names what an import refuses, ``report`` holds what every import
returns, ``spreadsheet`` reads files and cleans cells, ``registry`` declares each
kind once (options, permission, size limit, steps) for the command line and the
dialog, ``framework`` runs any kind (permission, read, validate, the gate, the
write in a savepoint with one audit record), and one module or package per kind
holds its steps (``divisions``, ``households``, ``typhoon``, ``gis``). The arrows
run one way: problems <- spreadsheet <- report <- registry <- framework <- the kinds.
"""

from __future__ import annotations

from models.imports.problems import ImportFileError, ImportProblem
from models.imports.report import ImportReport, format_report

__all__ = ["ImportFileError", "ImportProblem", "ImportReport", "format_report"]
