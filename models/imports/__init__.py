"""Spreadsheet and GIS imports: parse -> validate -> report -> write all or nothing.

``report`` holds what every import returns, ``spreadsheet`` reads files and
cleans cells, and one module per kind of data does the rest (``divisions``).
"""

from models.imports.report import ImportFileError, ImportProblem, ImportReport, format_report

__all__ = ["ImportFileError", "ImportProblem", "ImportReport", "format_report"]
