"""Which reader a file goes to, by its suffix or first bytes; zip archives are opened here."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models.imports.gis.columns import GEOJSON_SUFFIXES, SHAPEFILE_PARTS, SPREADSHEET_SUFFIXES
from models.imports.gis.features import _damaged, _Source
from models.imports.gis.geojson import _read_geojson
from models.imports.gis.points import _read_spreadsheet
from models.imports.gis.shapefile import _read_loose_shapefile, _read_shapefile
from models.imports.problems import ImportFileError
from models.imports.spreadsheet import (
    TEXT_SUFFIXES,
    Column,
    file_checksum,
    file_problem,
    read_bytes,
)
from models.messages import fill


def _read_source(path: Path, kind: str, spec: Sequence[Column]) -> _Source:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES or suffix in SPREADSHEET_SUFFIXES:
        return _read_spreadsheet(path, kind, spec)
    if suffix in (".shp", ".dbf", ".shx", ".prj", ".cpg"):
        return _read_loose_shapefile(path, spec)
    data = read_bytes(path)
    checksum = file_checksum(data)
    try:
        if not data.strip():
            raise file_problem(
                path.name, QCoreApplication.translate("Import", "The file is empty.")
            )
        if suffix == ".zip" or data.startswith(b"PK\x03\x04"):
            return _read_zip(path.name, checksum, data, path, kind, spec)
        if suffix in GEOJSON_SUFFIXES or data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            return _read_geojson(path.name, checksum, data, path.stem, spec)
        raise file_problem(
            path.name,
            QCoreApplication.translate(
                "Import",
                "This is not a GIS file. Use GeoJSON, a Shapefile (.shp with its .dbf, or zipped), or CSV/Excel with longitude and latitude.",
            ),
        )
    except ImportFileError as error:
        error.checksum = checksum
        raise


def _zip_name(info: zipfile.ZipInfo) -> str:
    """A member name as written: Windows zips store Chinese names in GBK without saying so."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _read_zip(
    file: str, checksum: str, data: bytes, path: Path, kind: str, spec: Sequence[Column]
) -> _Source:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise _damaged(file, error) from None
    with archive:
        return _read_archive(file, checksum, archive, path, kind, spec)


def _read_archive(
    file: str,
    checksum: str,
    archive: zipfile.ZipFile,
    path: Path,
    kind: str,
    spec: Sequence[Column],
) -> _Source:
    members = [
        m
        for m in archive.infolist()
        if not m.is_dir()
        and "__MACOSX" not in m.filename
        and not m.filename.rsplit("/", 1)[-1].startswith("._")
    ]
    names = {m.filename.lower() for m in members}
    if names & {"xl/workbook.xml", "xl/workbook.bin", "content.xml"}:
        return _read_spreadsheet(path, kind, spec)
    shps = [m for m in members if m.filename.lower().endswith(".shp")]
    if len(shps) > 1:
        raise file_problem(
            file,
            fill(
                QCoreApplication.translate(
                    "Import",
                    "The zip file holds several Shapefiles (%1): import them one at a time.",
                ),
                "、".join(_zip_name(m).rsplit("/", 1)[-1] for m in shps),
            ),
        )

    def read(member: zipfile.ZipInfo) -> bytes:
        try:
            return archive.read(member)
        except RuntimeError as error:  # encrypted
            raise file_problem(
                file,
                QCoreApplication.translate(
                    "Import",
                    "The zip file is protected by a password. Unpack it and import the Shapefile.",
                ),
            ) from error
        except (zipfile.BadZipFile, ValueError, OSError, EOFError) as error:
            raise _damaged(file, error) from None

    if shps:
        base = shps[0].filename[:-4].lower()
        parts = {
            m.filename[len(base) + 1 :].lower(): read(m)
            for m in members
            if m.filename.lower().startswith(base + ".")
            and m.filename[len(base) + 1 :].lower() in SHAPEFILE_PARTS
        }
        layer = _zip_name(shps[0]).rsplit("/", 1)[-1][:-4]
        return _read_shapefile(file, checksum, layer, parts, spec)
    geojsons = [m for m in members if m.filename.lower().endswith((".geojson", ".json"))]
    if len(geojsons) == 1:
        layer = _zip_name(geojsons[0]).rsplit("/", 1)[-1].rsplit(".", 1)[0]
        return _read_geojson(file, checksum, read(geojsons[0]), layer, spec)
    raise file_problem(
        file,
        QCoreApplication.translate(
            "Import",
            "The zip file holds no Shapefile (.shp with its .dbf) and no single GeoJSON file.",
        ),
    )
