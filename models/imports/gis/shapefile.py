"""Shapefiles from the county GIS office, loose or zipped: .dbf text in GBK or UTF-8, .prj, .cpg."""

from __future__ import annotations

import codecs
import io
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from shapely.geometry import shape as geojson_shape

from models.geo.projections import CrsError, crs_from_wkt
from models.imports.gis.columns import SHAPEFILE_PARTS
from models.imports.gis.features import _cell, _damaged, _Feature, _match_columns, _Source
from models.imports.problems import ImportFileError
from models.imports.spreadsheet import Column, file_checksum, file_problem, read_bytes
from models.messages import fill


def _read_loose_shapefile(path: Path, spec: Sequence[Column]) -> _Source:
    """A .shp with its companions beside it (the user may have picked any of them)."""
    folder, stem = path.parent, path.stem
    found: dict[str, Path] = {}
    if folder.is_dir():
        for candidate in folder.iterdir():
            ext = candidate.suffix.lower().lstrip(".")
            if candidate.stem == stem and ext in SHAPEFILE_PARTS and candidate.is_file():
                found[ext] = candidate
    if "shp" not in found:
        if not path.exists():
            read_bytes(path)  # raises "does not exist"
        raise file_problem(
            path.name,
            fill(
                QCoreApplication.translate("Import", "The Shapefile %1 lacks its .shp file."), stem
            ),
        )
    parts = {ext: read_bytes(p) for ext, p in found.items()}
    # The shapes and their attributes together make the file that was imported.
    checksum = file_checksum(b"".join(parts.get(ext, b"") for ext in SHAPEFILE_PARTS))
    try:
        return _read_shapefile(path.name, checksum, stem, parts, spec)
    except ImportFileError as error:
        error.checksum = checksum
        raise


def _cpg_encoding(data: bytes | None) -> str | None:
    if not data:
        return None
    text = data.decode("ascii", "ignore").strip().lower()
    aliases = {
        "65001": "utf-8",
        "936": "gb18030",
        "ansi 936": "gb18030",
        "cp936": "gb18030",
        "gbk": "gb18030",
        "gb2312": "gb18030",
        "gb18030": "gb18030",
        "950": "big5",
        "system": None,
    }
    if text in aliases:
        return aliases[text]
    try:
        return codecs.lookup(text).name
    except LookupError:
        return None


def _read_shapefile(
    file: str, checksum: str, layer: str, parts: dict[str, bytes], spec: Sequence[Column]
) -> _Source:
    import shapefile

    if "shp" not in parts:
        raise file_problem(
            file,
            fill(
                QCoreApplication.translate("Import", "The Shapefile %1 lacks its .shp file."), layer
            ),
        )
    if "dbf" not in parts:
        raise file_problem(
            file,
            fill(
                QCoreApplication.translate(
                    "Import",
                    "The Shapefile %1 lacks its .dbf attribute table; copy the .dbf beside the .shp.",
                ),
                layer,
            ),
        )
    stated = _cpg_encoding(parts.get("cpg"))
    # A .cpg is trusted (undecodable bytes replaced); without one, UTF-8 then GBK.
    attempts = [(stated, "replace")] if stated else [("utf-8", "strict"), ("gb18030", "strict")]
    fields: list[str] = []
    records: list[tuple[list[Any], Any]] = []
    decoded: str | None = None
    for encoding, errors in attempts:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # pyshp warns about ring orientation
                with shapefile.Reader(
                    shp=io.BytesIO(parts["shp"]),
                    shx=io.BytesIO(parts["shx"]) if "shx" in parts else None,
                    dbf=io.BytesIO(parts["dbf"]),
                    encoding=encoding,
                    encodingErrors=errors,
                ) as reader:
                    fields = [
                        f[0] if isinstance(f, tuple | list) else f.name for f in reader.fields[1:]
                    ]
                    records = [(list(sr.record), sr.shape) for sr in reader.iterShapeRecords()]
            decoded = encoding
            break
        except UnicodeDecodeError:
            continue
        except Exception as error:  # pyshp raises many kinds on damaged files
            if "decode" in str(error).lower():
                continue
            raise _damaged(file, error) from None
    if decoded is None:
        raise file_problem(
            file,
            QCoreApplication.translate(
                "Import", "The text of the attribute table (.dbf) is neither UTF-8 nor GBK."
            ),
        )
    source = _Source(file=file, checksum=checksum, sheet=layer, columns={})
    if "prj" in parts:
        try:
            source.crs = crs_from_wkt(parts["prj"].decode("utf-8", "replace"))
        except CrsError as error:
            source.crs_error = error
    matched = _match_columns(fields, spec, dbf_encoding=decoded)
    source.columns = matched
    source.unused_columns = [name for name in fields if name not in matched.values()]
    index = {name: i for i, name in enumerate(fields)}
    for number, (record, shape) in enumerate(records, start=1):
        values = {
            key: _cell(record[index[name]]) if index[name] < len(record) else None
            for key, name in matched.items()
        }
        feature = _Feature(number=number, values=values, geometry=None, shapefile=True)
        if shape.shapeType != shapefile.NULL and shape.points:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # rings the wrong way round: see _repair
                    feature.geometry = geojson_shape(shape.__geo_interface__)
            except Exception as error:
                type_name = getattr(shape, "shapeTypeName", "")
                feature.problem = (
                    None,
                    str(type_name),
                    fill(
                        QCoreApplication.translate("Import", "The geometry cannot be read (%1)."),
                        str(error)[:120],
                    ),
                )
        source.features.append(feature)
    return source
