"""Exports: the registers written back out in the layouts villages and towns use.

``households`` writes the village transfer list (filled, or an empty template).
Personal numbers are masked unless the user chose otherwise and may; that choice
is audited.
"""

from models.exports.households import ExportResult, export_households, export_template

__all__ = ["ExportResult", "export_households", "export_template"]
