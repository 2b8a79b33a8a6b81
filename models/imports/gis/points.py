"""CSV/Excel with longitude and latitude, as villages keep shelters and hazard points."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication
from shapely.geometry import Point

from models.geo.projections import parse_degrees
from models.imports.gis.features import _Feature, _Source
from models.imports.gis.shapes import _kind_label
from models.imports.spreadsheet import CellValue, Column, clean_text, file_problem, read_table
from models.messages import fill


def _read_spreadsheet(path: Path, kind: str, spec: Sequence[Column]) -> _Source:
    if not any(c.key == "lon" for c in spec):
        raise file_problem(
            path.name,
            fill(
                QCoreApplication.translate(
                    "Import",
                    "A spreadsheet holds points only, and %1 are areas: import a GeoJSON file or a Shapefile.",
                ),
                _kind_label(kind),
            ),
        )
    columns = [
        Column(c.key, c.aliases, required=c.required or c.key in ("lon", "lat")) for c in spec
    ]
    table = read_table(path, columns)
    source = _Source(
        file=table.file,
        checksum=table.checksum,
        sheet=table.sheet,
        columns={key: table.letter(key) or "" for key in table.columns},
        table=True,
        skipped=table.skipped,
        unused_columns=table.unused_columns,
    )
    for row in table.rows:
        values = {key: table.cell(row, key) for key in table.columns}
        feature = _Feature(number=row.number, values=values, geometry=None)
        coordinates: list[float] = []
        for key in ("lon", "lat"):
            value = values.get(key)
            number = _degrees(value)
            if number is None:
                text = clean_text(value)
                feature.problem = (
                    key,
                    text,
                    QCoreApplication.translate(
                        "Import",
                        "Enter the longitude and latitude in degrees, such as 121.38 or 121°22'48\".",
                    )
                    if text
                    else QCoreApplication.translate(
                        "Import",
                        "The coordinate is empty: every row needs its longitude and latitude.",
                    ),
                )
                break
            coordinates.append(number)
        if feature.problem is None:
            feature.geometry = Point(coordinates)
        source.features.append(feature)
    return source


def _degrees(value: CellValue) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        number = float(value)
        return number if np.isfinite(number) else None
    return parse_degrees(clean_text(value))
