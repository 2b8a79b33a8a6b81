"""What every reader hands on: the features as read, and the file's attributes matched to the columns."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication
from shapely.geometry.base import BaseGeometry

from models.fields import without_control_characters
from models.geo.projections import CrsError, SourceCrs
from models.imports.gis.columns import DBF_NAME_BYTES
from models.imports.problems import ImportFileError, ImportProblem
from models.imports.spreadsheet import CellValue, Column, file_problem, header_key
from models.messages import fill


@dataclass
class _Feature:
    """One feature or spreadsheet row as read, its geometry in the file's coordinates."""

    number: int  # 1-based feature number, or the Excel row for spreadsheets
    values: dict[str, CellValue]  # Column.key -> value
    geometry: BaseGeometry | None
    problem: tuple[str | None, str, str] | None = None  # (column key, value, reason)
    shapefile: bool = False  # rings whose roles follow orientation, not structure


@dataclass
class _Source:
    file: str
    checksum: str
    sheet: str
    columns: dict[str, str]  # Column.key -> the attribute name (or column letter) in the file
    features: list[_Feature] = field(default_factory=list)
    crs: SourceCrs | None = None  # what the file declares (.prj, GeoJSON "crs")
    crs_error: CrsError | None = None
    table: bool = False
    skipped: int = 0
    unused_columns: list[str] = field(default_factory=list)  # attributes not read

    def column(self, key: str | None, spec: Sequence[Column]) -> str:
        if key is None:
            key = "lon" if self.table else ""
        if key in self.columns:
            return self.columns[key]
        for column in spec:
            if column.key == key:
                return column.label
        return QCoreApplication.translate("Import", "geometry")

    def problem(
        self, feature: _Feature, key: str | None, value: str, reason: str, spec: Sequence[Column]
    ) -> ImportProblem:
        return ImportProblem(
            file=self.file,
            sheet=self.sheet,
            row=feature.number,
            column=self.column(key, spec),
            value=value,
            reason=reason,
        )


def _damaged(file: str, error: object) -> ImportFileError:
    return file_problem(
        file,
        fill(
            QCoreApplication.translate(
                "Import", "The file is damaged or incomplete and cannot be read (%1)."
            ),
            str(error)[:200],
        ),
    )


def _match_columns(
    names: Iterable[str], spec: Sequence[Column], *, dbf_encoding: str | None = None
) -> dict[str, str]:
    """Which attribute of the file each known column is (first match, most specific alias).

    A .dbf keeps at most 10 bytes of a field name, which in UTF-8 is three Chinese
    characters: with ``dbf_encoding`` a cut name matches the alias it is the start of
    ("网格编" for 网格编码), after the exact names had their turn.
    """
    keyed: dict[str, str] = {}
    for name in names:
        keyed.setdefault(header_key(name.rstrip("\ufffd")), name)
    found: dict[str, str] = {}
    used: set[str] = set()
    for column in spec:
        for alias in column.aliases:
            match = keyed.get(header_key(alias))
            if match is not None and match not in used:
                found[column.key] = match
                used.add(match)
                break
    if dbf_encoding is None:
        return found
    for column in spec:
        if column.key in found:
            continue
        for alias in column.aliases:
            if len(alias.encode(dbf_encoding, "replace")) <= DBF_NAME_BYTES:
                continue
            alias_key = header_key(alias)
            for key, cut in keyed.items():
                if (
                    cut not in used
                    and key
                    and alias_key.startswith(key)
                    and len(cut.rstrip("\ufffd").encode(dbf_encoding, "replace"))
                    > DBF_NAME_BYTES - 4
                ):
                    found[column.key] = cut
                    used.add(cut)
                    break
            if column.key in found:
                break
    return found


def _named_columns(spec: Sequence[Column], named: dict[str, str]) -> tuple[Column, ...]:
    """The kind's columns with the fields the user named (--code-field, --name-field) first
    among their own names and taken from every other column's."""
    taken = {header_key(name) for name in named.values()}
    columns: list[Column] = []
    for column in spec:
        aliases = tuple(a for a in column.aliases if header_key(a) not in taken)
        if column.key in named:
            aliases = (named[column.key], *aliases)
        columns.append(Column(column.key, aliases, required=column.required))
    return tuple(columns)


def _check_named(source: _Source, spec: Sequence[Column], named: dict[str, str]) -> None:
    """A field the user named must be in the file: else the file is refused, listing the
    fields it has."""
    keys = {column.key for column in spec}
    for key, field_name in named.items():
        if key not in keys:
            continue
        found = source.columns.get(key)
        if found is not None and (source.table or header_key(found) == header_key(field_name)):
            continue
        fields = [*source.columns.values(), *source.unused_columns]
        raise file_problem(
            source.file,
            fill(
                QCoreApplication.translate(
                    "Import", "The file has no field %1. Its fields are: %2."
                ),
                field_name,
                "、".join(fields) if fields else "—",
            ),
            sheet=source.sheet,
        )


def _check_required(source: _Source, spec: Sequence[Column]) -> None:
    missing = [c for c in spec if c.required and c.key not in source.columns]
    if missing:
        raise file_problem(
            source.file,
            fill(
                QCoreApplication.translate(
                    "Import", "The attribute table lacks the required field(s) %1."
                ),
                "、".join(c.label for c in missing),
            ),
            sheet=source.sheet,
        )


def _cell(value: Any) -> CellValue:
    """An attribute as a cell; control characters (a NUL, which PostgreSQL refuses in
    text) dropped, as no spreadsheet cell holds them."""
    if isinstance(value, str):
        return without_control_characters(value)
    if value is None or isinstance(value, int | float | bool):
        return value
    return without_control_characters(str(value))
