"""``import boundaries|grids|danger-zones|shelters``: the county's map data from GIS files.

Files come from the county GIS office (Shapefiles, loose or zipped, their .dbf
text in GBK or UTF-8, often in a CGCS2000 Gauss-Krüger projection), from web
tools (GeoJSON) or from villages (CSV/Excel with longitude and latitude, for
shelters and hazard points). Coordinates are converted to WGS84 longitude-
latitude (``models.geo.projections``) from the system stated by the caller, else the
Shapefile's .prj or the GeoJSON ``crs`` member, else WGS84.

Boundaries give existing divisions (county, towns, villages, matched by code)
their outline. Grids and danger zones are inserted or updated by code, shelters
by village and name; a value left blank in the file keeps what is stored.
Parse -> validate -> report -> write all or nothing in a savepoint, as every
import does. A problem names the layer (as the sheet), the feature number
counted from 1 (the Excel row for spreadsheets) as the row, the attribute as
the column, and the feature's code and name in its reason.
"""

from __future__ import annotations

import codecs
import io
import json
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication
from shapely.errors import GEOSException
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry import shape as geojson_shape
from shapely.geometry.base import BaseGeometry
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from models.geo.projections import (
    CHINA_EXTENT,
    CrsError,
    SourceCrs,
    crs_from_geojson,
    crs_from_wkt,
    epsg_name,
    gauss_kruger_suggestions,
    looks_projected,
    parse_crs,
    parse_degrees,
    swapped,
    to_lonlat,
    within_extent,
    zone_prefix_fix,
)
from models.areas import DangerZone, Division, Grid, Shelter, normalize_phone
from models.audit import bulk_operation
from models.base import geometry_columns
from models.imports.divisions import normalise_code
from models.imports.report import (
    CancelToken,
    ImportCancelled,
    ImportFileError,
    ImportProblem,
    ImportReport,
    ProgressCallback,
    check_cancel,
)
from models.imports.spreadsheet import (
    TEXT_SUFFIXES,
    CellValue,
    Column,
    clean_text,
    file_checksum,
    file_problem,
    header_key,
    number_text,
    parse_count,
    read_bytes,
    read_table,
)
from models.labels import DANGER_KINDS, SHELTER_LEVELS, code_for
from models.users import Permission, require

KINDS = ("boundaries", "grids", "danger-zones", "shelters")
"""What ``import_gis`` imports, as the command line names it."""

COUNTY_MARGIN_DEGREES = 0.05
"""How far (about 5 km) a feature may reach beyond the county boundary: boundaries from
different sources disagree by hundreds of metres and fishing rafts lie off the coast,
while a wrong zone or a wrong county puts data tens of kilometres away or more."""

SAME_SHAPE_DEGREES = 1e-8
"""Vertices closer than this (about 1 mm) are the same: data that went through a projection
and back is unchanged."""

REPAIR_AREA_TOLERANCE = 0.001
"""An invalid polygon is repaired only when the repair changes its area by less than 0.1%."""

NESTING_MAX_RINGS = 200
DBF_NAME_BYTES = 10
BATCH = 1000
SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
GEOJSON_SUFFIXES = frozenset({".geojson", ".json"})
SHAPEFILE_PARTS = ("shp", "shx", "dbf", "prj", "cpg")

_VILLAGE_CODE = (
    "村代码",
    "村(社区)代码",
    "村社区代码",
    "村居代码",
    "村编码",
    "村级代码",
    "行政村代码",
    "所属村代码",
    "所属村(社区)代码",
    "村区划代码",
    "village_code",
    "village code",
    "village",
    "CJDM",
)
_LON = ("经度", "东经", "经度(°)", "经度(度)", "经度(e)", "lon", "lng", "long", "longitude")
_LAT = ("纬度", "北纬", "纬度(°)", "纬度(度)", "纬度(n)", "lat", "latitude")

_COLUMNS: dict[str, tuple[Column, ...]] = {
    "boundaries": (
        Column(
            "code",
            (
                "区划代码",
                "代码",
                "行政区划代码",
                "区划编码",
                "统计用区划代码",
                "编码",
                "code",
                "adcode",
                "division_code",
                "division code",
                "XZQDM",
                "QHDM",
            ),
            required=True,
        ),
        Column("name", ("名称", "区划名称", "行政区划名称", "name", "XZQMC", "QHMC")),
    ),
    "grids": (
        Column(
            "code",
            (
                "网格编码",
                "网格代码",
                "网格编号",
                "编码",
                "编号",
                "code",
                "grid_code",
                "grid code",
                "WGBM",
            ),
            required=True,
        ),
        Column(
            "name", ("网格名称", "名称", "name", "grid_name", "grid name", "WGMC"), required=True
        ),
        Column("village_code", _VILLAGE_CODE, required=True),
        Column(
            "person",
            ("责任人", "网格责任人", "责任人姓名", "网格长", "person", "person_name", "ZRR"),
        ),
        Column("post", ("职务", "责任人职务", "post", "person_post")),
        Column(
            "phone",
            (
                "电话",
                "手机",
                "联系电话",
                "责任人电话",
                "责任人手机",
                "手机号码",
                "phone",
                "mobile",
                "person_phone",
            ),
        ),
    ),
    "danger-zones": (
        Column(
            "code",
            (
                "编码",
                "危险区编码",
                "危险区代码",
                "隐患点编码",
                "风险网格编码",
                "编号",
                "代码",
                "code",
                "zone_code",
            ),
            required=True,
        ),
        Column(
            "name",
            ("名称", "危险区名称", "危险区(点)名称", "隐患点名称", "风险网格名称", "name"),
            required=True,
        ),
        Column(
            "kind",
            ("类别", "类型", "灾害类型", "危险区类型", "危险区类别", "隐患类型", "kind", "type"),
            required=True,
        ),
        Column("village_code", _VILLAGE_CODE, required=True),
        Column(
            "grid_code",
            ("网格编码", "所属网格", "所属网格编码", "网格代码", "grid_code", "grid code", "grid"),
        ),
        Column("location", ("位置", "地点", "详细位置", "location")),
        Column("note", ("备注", "说明", "note", "remark")),
        Column("lon", _LON),
        Column("lat", _LAT),
    ),
    "shelters": (
        Column(
            "name",
            ("名称", "场所名称", "避灾场所名称", "安置场所名称", "避灾安置场所名称", "name"),
            required=True,
        ),
        Column("village_code", _VILLAGE_CODE, required=True),
        Column("level", ("级别", "等级", "场所级别", "level")),
        Column("capacity", ("容纳人数", "可容纳人数", "容量", "容纳量", "capacity")),
        Column(
            "certified",
            (
                "安全鉴定",
                "有无安全鉴定",
                "是否安全鉴定",
                "是否鉴定",
                "safety_certified",
                "certified",
            ),
        ),
        Column("manager", ("管理员", "管理员姓名", "避灾场所管理员", "manager", "manager_name")),
        Column(
            "manager_phone",
            (
                "管理员电话",
                "管理员手机",
                "避灾场所管理员手机",
                "联系电话",
                "电话",
                "手机",
                "manager_phone",
                "phone",
            ),
        ),
        Column("address", ("地址", "详细地址", "位置", "address")),
        Column("lon", _LON),
        Column("lat", _LAT),
    ),
}

_TABLE_NAMES = {
    "boundaries": "divisions",
    "grids": "grids",
    "danger-zones": "danger_zones",
    "shelters": "shelters",
}

# Chinese words for the codes of models.labels (the labels themselves match too).
_DANGER_WORDS = {
    "flash_flood": ("山洪", "山洪灾害", "山洪危险区", "溪沟", "山洪沟"),
    "geological": ("地质灾害", "地灾", "滑坡", "泥石流", "崩塌", "地面塌陷"),
    "waterlogging": ("低洼易涝", "低洼", "易涝", "内涝", "低洼地", "城市内涝"),
    "dilapidated_housing": ("危旧房", "危房", "旧房", "危旧房屋"),
    "seawall": ("海塘", "海岛", "海塘海岛", "海塘、海岛", "沿海", "海堤", "堤塘"),
    "work_shed": ("工棚", "在建工地", "工地", "工棚、在建工地", "工棚工地"),
    "fishing_raft": ("渔排", "渔船", "渔船、渔排", "渔船渔排", "养殖渔排"),
    "scenic_spot": ("景区", "景点", "旅游景区"),
}
_LEVEL_WORDS = {
    "county": ("县级", "县", "市级", "区级", "county"),
    "town": ("镇级", "乡镇级", "乡级", "街道级", "乡镇", "镇", "街道", "town"),
    "village": ("村级", "村", "社区", "村(社区)级", "社区级", "village"),
}
_YES = {"是", "有", "已鉴定", "合格", "通过", "y", "yes", "true", "1", "√"}
_NO = {"否", "无", "未鉴定", "不合格", "没有", "n", "no", "false", "0", "×"}

_DANGER_OF_WORD = {header_key(w): code for code, words in _DANGER_WORDS.items() for w in words}
_LEVEL_OF_WORD = {header_key(w): code for code, words in _LEVEL_WORDS.items() for w in words}

_POLYGONAL = ("Polygon", "MultiPolygon")


def _fill(text: str, *values: object) -> str:
    """A translated message with %1, %2... replaced (from the highest, so %1 spares %10)."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


# -- reading --------------------------------------------------------------------------


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
        QCoreApplication.translate(
            "Import", "The file is damaged or incomplete and cannot be read (%1)."
        ).replace("%1", str(error)[:200]),
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


def _check_required(source: _Source, spec: Sequence[Column]) -> None:
    missing = [c for c in spec if c.required and c.key not in source.columns]
    if missing:
        raise file_problem(
            source.file,
            QCoreApplication.translate(
                "Import", "The attribute table lacks the required field(s) %1."
            ).replace("%1", "、".join(c.label for c in missing)),
            sheet=source.sheet,
        )


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


# GeoJSON


def _read_geojson(
    file: str, checksum: str, data: bytes, stem: str, spec: Sequence[Column]
) -> _Source:
    text: str | None = None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise file_problem(
            file,
            QCoreApplication.translate("Import", "The text of the file is neither UTF-8 nor GBK."),
        )
    try:
        document = json.loads(text)
    except ValueError as error:
        raise file_problem(
            file,
            QCoreApplication.translate("Import", "This is not valid GeoJSON (%1).").replace(
                "%1", str(error)[:200]
            ),
        ) from None
    kind = document.get("type") if isinstance(document, dict) else None
    if kind == "FeatureCollection" and isinstance(document.get("features"), list):
        items: list[Any] = document["features"]
    elif kind == "Feature":
        items = [document]
    elif (isinstance(kind, str) and "coordinates" in document) or kind == "GeometryCollection":
        items = [{"type": "Feature", "geometry": document, "properties": {}}]
    else:
        raise file_problem(
            file,
            QCoreApplication.translate(
                "Import",
                "This is JSON but not GeoJSON: it holds no FeatureCollection, Feature or geometry.",
            ),
        )
    name = document.get("name")
    source = _Source(
        file=file,
        checksum=checksum,
        sheet=name.strip() if isinstance(name, str) and name.strip() else stem,
        columns={},
    )
    try:
        source.crs = crs_from_geojson(document.get("crs"))
    except CrsError as error:
        source.crs_error = error
    raw: list[tuple[dict[str, Any], Any, str | None]] = []
    names: dict[str, None] = {}
    for item in items:
        if not isinstance(item, dict):
            raw.append(
                ({}, None, QCoreApplication.translate("Import", "This is not a GeoJSON feature."))
            )
            continue
        properties = item.get("properties")
        properties = properties if isinstance(properties, dict) else {}
        names.update(dict.fromkeys(str(k) for k in properties))
        raw.append((properties, item.get("geometry"), None))
    matched = _match_columns(names, spec)
    source.columns = matched
    for number, (properties, geometry, problem) in enumerate(raw, start=1):
        values = {key: _cell(properties.get(name)) for key, name in matched.items()}
        feature = _Feature(number=number, values=values, geometry=None)
        if problem is not None:
            feature.problem = (None, "", problem)
        elif geometry is not None:
            try:
                feature.geometry = _from_geojson(geometry)
            except Exception as error:  # shapely reports bad coordinates in several ways
                kind_name = geometry.get("type", "") if isinstance(geometry, dict) else ""
                feature.problem = (
                    None,
                    str(kind_name),
                    QCoreApplication.translate(
                        "Import", "The geometry cannot be read (%1)."
                    ).replace("%1", str(error)[:120]),
                )
        source.features.append(feature)
    return source


def _ring(coordinates: Any) -> np.ndarray:
    ring = np.asarray(coordinates, dtype=float)
    if ring.ndim != 2 or ring.shape[1] < 2:
        raise ValueError("a ring must be a list of positions")
    return ring[:, :2]


def _from_geojson(geometry: Any) -> BaseGeometry:
    """A GeoJSON geometry as shapely; polygons straight from numpy arrays (shapely's own
    ``shape`` walks every position in Python, several times slower on dense outlines)."""
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if kind == "Polygon" and isinstance(coordinates, list) and coordinates:
        return shapely.polygons(
            _ring(coordinates[0]), holes=[_ring(h) for h in coordinates[1:]] or None
        )
    if kind == "MultiPolygon" and isinstance(coordinates, list) and coordinates:
        parts = [
            shapely.polygons(_ring(p[0]), holes=[_ring(h) for h in p[1:]] or None)
            for p in coordinates
        ]
        return shapely.multipolygons(parts)
    return geojson_shape(geometry)


def _cell(value: Any) -> CellValue:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


# Shapefiles


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
            QCoreApplication.translate("Import", "The Shapefile %1 lacks its .shp file.").replace(
                "%1", stem
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
            QCoreApplication.translate(
                "Import", "The zip file holds several Shapefiles (%1): import them one at a time."
            ).replace("%1", "、".join(_zip_name(m).rsplit("/", 1)[-1] for m in shps)),
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
            QCoreApplication.translate("Import", "The Shapefile %1 lacks its .shp file.").replace(
                "%1", layer
            ),
        )
    if "dbf" not in parts:
        raise file_problem(
            file,
            QCoreApplication.translate(
                "Import",
                "The Shapefile %1 lacks its .dbf attribute table; copy the .dbf beside the .shp.",
            ).replace("%1", layer),
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
                    QCoreApplication.translate(
                        "Import", "The geometry cannot be read (%1)."
                    ).replace("%1", str(error)[:120]),
                )
        source.features.append(feature)
    return source


def _by_nesting(rings: list[np.ndarray]) -> BaseGeometry | None:
    """Polygons from rings by how they nest (outer, hole, island in the hole...), whatever
    their orientation: the faithful reading of a Shapefile written with rings the wrong way
    round. None unless every ring is simple and no two rings cross."""
    if not rings or len(rings) > NESTING_MAX_RINGS:
        return None
    polygons = [Polygon(ring) for ring in rings if len(ring) >= 4]
    if len(polygons) != len(rings) or not all(p.is_valid and p.area > 0 for p in polygons):
        return None
    order = sorted(range(len(polygons)), key=lambda i: -polygons[i].area)
    parent: dict[int, int | None] = {}
    depth: dict[int, int] = {}
    for position, i in enumerate(order):
        parent[i] = None
        depth[i] = 0
        for j in reversed(order[:position]):  # smallest enclosing ring first
            if polygons[j].contains(polygons[i]):
                parent[i] = j
                depth[i] = depth[j] + 1
                break
            if polygons[j].overlaps(polygons[i]):
                return None
    shells: dict[int, list[int]] = {i: [] for i in order if depth[i] % 2 == 0}
    for i in order:
        if depth[i] % 2 == 1:
            owner = parent[i]
            assert owner is not None
            shells[owner].append(i)
    parts = [
        Polygon(polygons[s].exterior.coords, [polygons[h].exterior.coords for h in holes])
        for s, holes in shells.items()
    ]
    result: BaseGeometry = parts[0] if len(parts) == 1 else MultiPolygon(parts)
    return result if result.is_valid else None


# Spreadsheets


def _read_spreadsheet(path: Path, kind: str, spec: Sequence[Column]) -> _Source:
    if not any(c.key == "lon" for c in spec):
        raise file_problem(
            path.name,
            QCoreApplication.translate(
                "Import",
                "A spreadsheet holds points only, and %1 are areas: import a GeoJSON file or a Shapefile.",
            ).replace("%1", _kind_label(kind)),
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


# -- checking ---------------------------------------------------------------------------


def _kind_label(kind: str) -> str:
    return {
        "boundaries": QCoreApplication.translate("Import", "boundaries"),
        "grids": QCoreApplication.translate("Import", "responsibility grids"),
        "danger-zones": QCoreApplication.translate("Import", "danger zones"),
        "shelters": QCoreApplication.translate("Import", "shelters"),
    }[kind]


def _pair(x: float, y: float) -> str:
    if abs(x) > 360 or abs(y) > 360:
        return f"{x:.1f}, {y:.1f}"
    return f"{x:.6f}, {y:.6f}"


def _first_xy(geometry: BaseGeometry) -> tuple[float, float]:
    coords = shapely.get_coordinates(geometry)
    return (float(coords[0, 0]), float(coords[0, 1])) if len(coords) else (float("nan"),) * 2


def _allowed_types(kind: str) -> tuple[str, ...]:
    return _POLYGONAL if kind in ("boundaries", "grids") else ("Point", *_POLYGONAL)


def _normalise_type(geometry: BaseGeometry) -> BaseGeometry:
    """A one-point MultiPoint as a Point, a collection of one shape as that shape."""
    if geometry.geom_type in ("MultiPoint", "GeometryCollection") and len(geometry.geoms) == 1:
        return geometry.geoms[0]
    return geometry


def _type_reason(kind: str, geometry: BaseGeometry) -> str:
    if kind in ("boundaries", "grids"):
        return _fill(
            QCoreApplication.translate(
                "Import", "The geometry is a %1, but %2 must be areas (polygons)."
            ),
            geometry.geom_type,
            _kind_label(kind),
        )
    return _fill(
        QCoreApplication.translate(
            "Import", "The geometry is a %1, but %2 must be points or areas (polygons)."
        ),
        geometry.geom_type,
        _kind_label(kind),
    )


def _repair(geometry: BaseGeometry, *, shapefile: bool) -> tuple[BaseGeometry | None, str]:
    """A valid polygonal geometry, or None and why not.

    Only faithful repairs. Rings are read by how they nest when a Shapefile had them the
    wrong way round (its format tells holes by orientation) or a polygon lists its hole
    before its outline. Otherwise ``shapely.make_valid``, when the area changes by less
    than 0.1% and the result is still polygons only: a ring that touches itself at a
    point (the inverted holes some GIS software writes). A bow-tie (edges crossing)
    changes its area and is refused.
    """
    if geometry.is_valid:
        return geometry, ""
    reason = shapely.is_valid_reason(geometry)
    if shapefile or geometry.geom_type == "Polygon":
        rings = [
            np.asarray(r.coords)[:, :2]
            for p in getattr(geometry, "geoms", [geometry])
            for r in (p.exterior, *p.interiors)
        ]
        nested = _by_nesting(rings)
        if nested is not None and (shapefile or nested.geom_type == "Polygon"):
            return nested, ""
    repaired = shapely.make_valid(geometry)
    if repaired.geom_type not in _POLYGONAL:
        return None, _fill(
            QCoreApplication.translate(
                "Import",
                "The geometry is invalid (%1); repairing it would leave lines or points, so it is refused. Correct it in the GIS software.",
            ),
            reason,
        )
    before, after = abs(geometry.area), repaired.area
    if before <= 0:
        return None, _fill(
            QCoreApplication.translate(
                "Import",
                "The geometry is invalid (%1): its outline crosses itself so that, as drawn, it encloses no area. It is refused; correct it in the GIS software.",
            ),
            reason,
        )
    change = abs(after - before) / before
    if change >= REPAIR_AREA_TOLERANCE:
        return None, _fill(
            QCoreApplication.translate(
                "Import",
                "The geometry is invalid (%1); repairing it would change its area by %2%, so it is refused. Correct it in the GIS software.",
            ),
            reason,
            f"{change * 100:.1f}",
        )
    return repaired, ""


@dataclass
class _Item:
    feature: _Feature
    key: Any  # what identifies the row (code, or (village id, name) for shelters)
    values: dict[str, Any]  # column values to write (None: keep what is stored)
    geometry: BaseGeometry | None = None
    ok: bool = True


# -- the import ---------------------------------------------------------------------------


def import_gis(
    *,
    session: Session,
    kind: str,
    path: str | Path,
    crs: str | None = None,
    dry_run: bool = False,
    valid_only: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ImportReport:
    """Import boundaries, grids, danger zones or shelters from a GIS or spreadsheet file.

    ``kind`` is one of KINDS; ``crs`` (wgs84, cgcs2000, gcj02, bd09 or EPSG:NNNN)
    overrides what the file declares. Returns the report; writes into ``session``
    only when nothing was refused (or ``valid_only``), not in a dry run and not when
    cancelled. Never commits. Raises PermissionDenied without IMPORT_DATA.
    """
    require(session, Permission.IMPORT_DATA)
    path = Path(path)
    report = ImportReport(file=path.name, dry_run=dry_run, valid_only=valid_only)
    kind = (kind or "").strip().lower().replace("_", "-")
    if kind not in KINDS:
        report.fail(
            file_problem(
                path.name,
                _fill(
                    QCoreApplication.translate(
                        "Import",
                        "Unknown kind of map data %1: use boundaries, grids, danger-zones or shelters.",
                    ),
                    kind,
                ),
            )
        )
        return report
    spec = _COLUMNS[kind]
    try:
        check_cancel(cancel)
        given = _given_crs(path.name, crs)
        source = _read_source(path, kind, spec)
        report.checksum = source.checksum
        report.sheet = source.sheet
        if not source.features:
            raise file_problem(
                source.file,
                QCoreApplication.translate("Import", "The file holds no features."),
                sheet=source.sheet,
            )
        _check_required(source, spec)
        stated = given or _file_crs(source)
    except ImportFileError as error:
        report.fail(error)
        return report
    except ImportCancelled:
        report.cancelled = True
        return report
    report.rows_read = len(source.features)
    report.rows_skipped = source.skipped
    total = 2 * len(source.features)
    if progress is not None:
        progress(0, total)
    try:
        importer = _Importer(session, kind, spec, source, stated, report, cancel)
        importer.geometries()
        check_cancel(cancel)
        plan = importer.plan()
        report.sort_problems()
        if progress is not None:
            progress(len(source.features), total)
        accepted = report.inserted + report.updated + report.unchanged
        if dry_run or (report.problems and not valid_only) or not accepted:
            if progress is not None:
                progress(total, total)
            return report
        importer.write(plan, progress, total)
    except ImportFileError as error:
        report.problems.clear()
        report.inserted = report.updated = report.unchanged = 0
        report.fail(error)
    except ImportCancelled:
        report.cancelled = True
        report.rows_written = 0
    return report


def _given_crs(file: str, crs: str | None) -> SourceCrs | None:
    """The coordinate system the user stated, None when not stated."""
    if crs is None or not crs.strip():
        return None
    try:
        return parse_crs(crs)
    except CrsError:
        raise file_problem(
            file,
            _fill(
                QCoreApplication.translate(
                    "Import",
                    "Unknown coordinate system %1: use wgs84, cgcs2000, gcj02, bd09 or EPSG:NNNN (for example EPSG:4549).",
                ),
                crs,
            ),
        ) from None


def _file_crs(source: _Source) -> SourceCrs:
    """The coordinate system the file declares, else WGS84."""
    if source.crs_error is not None:
        error = source.crs_error
        if error.reason == "unidentified":
            message = _fill(
                QCoreApplication.translate(
                    "Import",
                    "The file's coordinate system %1 has no EPSG code. State it with --crs EPSG:NNNN (for example EPSG:4549).",
                ),
                error.name,
            )
        else:
            message = _fill(
                QCoreApplication.translate(
                    "Import",
                    "The file's coordinate system cannot be read (%1). State it with --crs.",
                ),
                (error.name or error.text).strip()[:80],
            )
        raise file_problem(source.file, message, sheet=source.sheet)
    return source.crs or parse_crs(None)


class _Importer:
    """Validation and writing of one import; problems go into the report as found."""

    def __init__(
        self,
        session: Session,
        kind: str,
        spec: Sequence[Column],
        source: _Source,
        crs: SourceCrs,
        report: ImportReport,
        cancel: CancelToken | None,
    ) -> None:
        self.session = session
        self.kind = kind
        self.spec = spec
        self.source = source
        self.crs = crs
        self.report = report
        self.cancel = cancel
        self.features = source.features
        self.refused: set[int] = set()  # feature numbers with a problem
        self.converted: dict[int, BaseGeometry] = {}  # feature number -> lon-lat geometry
        self.divisions: dict[str, tuple[int, str, str]] = {
            code: (id_, name, level)
            for id_, code, name, level in session.execute(
                select(Division.id, Division.code, Division.name, Division.level)
            )
        }
        self.counties: list[tuple[str, BaseGeometry]] = [
            (f"{code} {name}", shapely.from_wkb(geom))
            for code, name, geom in session.execute(
                select(Division.code, Division.name, Division.geom).where(
                    Division.level == "county", Division.geom.is_not(None)
                )
            )
        ]

    # problems

    def label(self, feature: _Feature) -> str:
        values = feature.values
        code = number_text(values.get("code")) if "code" in values else ""
        name = clean_text(values.get("name"))
        return " ".join(part for part in (code, name) if part)

    def refuse(self, feature: _Feature, key: str | None, value: str, reason: str) -> None:
        label = self.label(feature)
        if label:
            reason = _fill(QCoreApplication.translate("Import", "%1: %2"), label, reason)
        self.report.add(self.source.problem(feature, key, value, reason, self.spec))
        self.refused.add(feature.number)

    # geometry

    def geometries(self) -> None:
        """Convert and check every geometry; the good ones end up in ``converted``."""
        candidates: list[_Feature] = []
        raw: list[BaseGeometry] = []
        allowed = _allowed_types(self.kind)
        for feature in self.features:
            if feature.problem is not None:
                key, value, reason = feature.problem
                self.refuse(feature, key, value, reason)
                continue
            geometry = feature.geometry
            if geometry is None or geometry.is_empty:
                self.refuse(
                    feature,
                    None,
                    "",
                    QCoreApplication.translate("Import", "The feature has no geometry."),
                )
                continue
            geometry = _normalise_type(geometry)
            if geometry.geom_type not in allowed:
                self.refuse(feature, None, geometry.geom_type, _type_reason(self.kind, geometry))
                continue
            candidates.append(feature)
            raw.append(geometry)
        if not candidates:
            return
        source = shapely.force_2d(np.array(raw, dtype=object))
        self._check_units(source)
        check_cancel(self.cancel)
        lonlat = to_lonlat(source, self.crs)
        inside = within_extent(lonlat, CHINA_EXTENT)
        exchanged = np.zeros(len(raw), dtype=bool)
        if not inside.all():
            exchanged[~inside] = swapped(source[~inside], self.crs)
        good: list[tuple[_Feature, BaseGeometry]] = []
        for feature, original, converted, ok, swap in zip(
            candidates, source, lonlat, inside, exchanged, strict=True
        ):
            shown = _pair(*_first_xy(original))
            if swap:
                self.refuse(
                    feature,
                    None,
                    shown,
                    QCoreApplication.translate(
                        "Import",
                        "Easting and northing look swapped: the northing (the larger number) comes first.",
                    )
                    if self.crs.projected
                    else QCoreApplication.translate(
                        "Import",
                        "Longitude and latitude look swapped: in China the longitude is the larger number.",
                    ),
                )
                continue
            if not ok:
                x, y = _first_xy(converted)
                if not (np.isfinite(x) and np.isfinite(y)):
                    self.refuse(
                        feature,
                        None,
                        shown,
                        _fill(
                            QCoreApplication.translate(
                                "Import",
                                "The coordinates cannot be converted from %1: check the coordinate system (--crs).",
                            ),
                            self.crs.name,
                        ),
                    )
                else:
                    self.refuse(
                        feature,
                        None,
                        shown,
                        _fill(
                            QCoreApplication.translate(
                                "Import",
                                "Outside China (longitude %1, latitude %2 after conversion from %3): check the coordinate system (--crs).",
                            ),
                            f"{x:.4f}",
                            f"{y:.4f}",
                            self.crs.name,
                        ),
                    )
                continue
            if converted.geom_type in _POLYGONAL:
                try:
                    repaired, reason = _repair(converted, shapefile=feature.shapefile)
                except (GEOSException, ValueError) as error:
                    repaired, reason = (
                        None,
                        _fill(
                            QCoreApplication.translate(
                                "Import", "The geometry cannot be checked (%1)."
                            ),
                            str(error)[:120],
                        ),
                    )
                if repaired is None:
                    self.refuse(feature, None, shapely.is_valid_reason(converted), reason)
                    continue
                converted = repaired
            good.append((feature, converted))
        if not good:
            return
        shapes = np.array([g for _, g in good], dtype=object)
        polygonal = np.isin(shapely.get_type_id(shapes), [3, 6])
        if polygonal.any():
            shapes[polygonal] = shapely.orient_polygons(shapes[polygonal])  # RFC 7946 order
        region, county = self._reference(good)
        if region is not None:
            inside_county = shapely.covered_by(shapes, region)
        else:
            inside_county = np.ones(len(good), dtype=bool)
        for (feature, _), shape, ok in zip(good, shapes, inside_county, strict=True):
            if not ok and not (self.kind == "boundaries" and self._is_county(feature)):
                centre = shape.representative_point()
                self.refuse(
                    feature,
                    None,
                    _pair(centre.x, centre.y),
                    _fill(
                        QCoreApplication.translate(
                            "Import",
                            "More than %1 km outside the county %2: check the coordinate system (--crs) and that the data belongs to this county.",
                        ),
                        round(COUNTY_MARGIN_DEGREES * 100),
                        county,
                    ),
                )
                continue
            self.converted[feature.number] = shape

    def _check_units(self, source: np.ndarray) -> None:
        """Refuse the whole file when its numbers do not fit the stated coordinate system."""
        bounds = shapely.bounds(source)
        finite = np.isfinite(bounds).all(axis=1)
        if not finite.any():
            return
        bounds = bounds[finite]
        metres = np.array([looks_projected(tuple(b)) for b in bounds])
        easting = float(np.median((bounds[:, 0] + bounds[:, 2]) / 2))
        if not self.crs.projected and metres.all():
            codes = gauss_kruger_suggestions(easting, self._county_lon())
            example = (
                ", ".join(f"EPSG:{c} ({epsg_name(c)})" for c in codes) or "EPSG:4513 - EPSG:4554"
            )
            raise file_problem(
                self.source.file,
                _fill(
                    QCoreApplication.translate(
                        "Import",
                        "The coordinates are metres of a projection, not degrees of %1. State the coordinate system with --crs, for example %2.",
                    ),
                    self.crs.name,
                    example,
                ),
                sheet=self.source.sheet,
            )
        if self.crs.projected and not metres.any():
            raise file_problem(
                self.source.file,
                _fill(
                    QCoreApplication.translate(
                        "Import",
                        "The coordinates look like degrees of longitude and latitude, but %1 is a projection in metres. State the right coordinate system with --crs (wgs84 for degrees).",
                    ),
                    self.crs.name,
                ),
                sheet=self.source.sheet,
            )
        if self.crs.projected:
            fix = zone_prefix_fix(self.crs, easting)
            if fix is not None:
                raise file_problem(
                    self.source.file,
                    _fill(
                        QCoreApplication.translate(
                            "Import",
                            "The eastings (about %1 m) do not fit %2: the zone number in front is missing or extra. Use --crs EPSG:%3 (%4).",
                        ),
                        f"{easting:.0f}",
                        self.crs.name,
                        fix,
                        epsg_name(fix),
                    ),
                    sheet=self.source.sheet,
                )

    def _county_lon(self) -> float | None:
        return float(self.counties[0][1].centroid.x) if self.counties else None

    def _is_county(self, feature: _Feature) -> bool:
        code, _ = normalise_code(number_text(feature.values.get("code")))
        return code is not None and len(code) == 6

    def _reference(
        self, good: list[tuple[_Feature, BaseGeometry]]
    ) -> tuple[BaseGeometry | None, str]:
        """The county's outline enlarged by the margin (from the file when it brings the
        county's boundary, else from the database), and the county's name."""
        county: BaseGeometry | None = None
        name = ""
        if self.kind == "boundaries":
            for feature, geometry in good:
                if self._is_county(feature) and geometry.geom_type in _POLYGONAL:
                    county, name = geometry, self.label(feature)
                    break
        if county is None:
            if not self.counties:
                return None, ""
            county = shapely.union_all([shape for _, shape in self.counties])
            name = "、".join(label for label, _ in self.counties)
        region = shapely.buffer(shapely.simplify(county, 0.001), COUNTY_MARGIN_DEGREES, quad_segs=4)
        shapely.prepare(region)
        return region, name

    # attributes

    def text(self, item: _Item, key: str, limit: int, *, required: str | None = None) -> str | None:
        feature = item.feature
        value = clean_text(feature.values.get(key))
        if not value:
            if required is not None:
                self.refuse(feature, key, "", required)
                item.ok = False
            return None
        if len(value) > limit:
            self.refuse(
                feature,
                key,
                value,
                _fill(
                    QCoreApplication.translate("Import", "Too long: at most %1 characters."), limit
                ),
            )
            item.ok = False
        return value

    def phone(self, item: _Item, key: str) -> str | None:
        value = clean_text(item.feature.values.get(key))
        if not value:
            return None
        phone = normalize_phone(number_text(value))
        if phone is None:
            self.refuse(
                item.feature,
                key,
                value,
                QCoreApplication.translate(
                    "Import",
                    "Not a mobile number (11 digits starting with 13 to 19) or a landline number (such as 0576-86123456).",
                ),
            )
            item.ok = False
        return phone

    def village(self, item: _Item) -> int | None:
        feature = item.feature
        raw = number_text(feature.values.get("village_code"))
        if not raw:
            self.refuse(
                feature,
                "village_code",
                "",
                QCoreApplication.translate("Import", "The village code is empty."),
            )
            item.ok = False
            return None
        code, reason = normalise_code(raw)
        known = self.divisions.get(code or "")
        if known is not None and known[2] == "village":
            return known[0]
        if known is not None:
            reason = _fill(
                QCoreApplication.translate(
                    "Import", "%1 is the code of %2, not of a village or community."
                ),
                code,
                known[1],
            )
        elif reason is None:
            reason = _fill(
                QCoreApplication.translate(
                    "Import",
                    "Unknown village code %1: no village or community in the database has it.",
                ),
                code,
            )
        self.refuse(feature, "village_code", raw, reason)
        item.ok = False
        return None

    def plan(self) -> list[_Item]:
        parsed = [self._parse(feature) for feature in self.features]
        items = self._unique([item for item in parsed if item is not None])
        return self._compare(items)

    def _parse(self, feature: _Feature) -> _Item | None:
        item = _Item(feature=feature, key=None, values={})
        if feature.number in self.refused:
            item.ok = False
        item.geometry = self.converted.get(feature.number)
        getattr(self, "_parse_" + self.kind.replace("-", "_"))(item)
        if item.key is None:
            return None
        if item.geometry is None:
            item.ok = False
        return item

    def _code(self, item: _Item, limit: int) -> None:
        feature = item.feature
        code = number_text(feature.values.get("code"))
        if not code:
            self.refuse(
                feature, "code", "", QCoreApplication.translate("Import", "The code is empty.")
            )
            item.ok = False
        elif len(code) > limit:
            self.refuse(
                feature,
                "code",
                code,
                _fill(
                    QCoreApplication.translate("Import", "Too long: at most %1 characters."), limit
                ),
            )
            item.ok = False
        else:
            item.key = code

    def _parse_boundaries(self, item: _Item) -> None:
        feature = item.feature
        raw = number_text(feature.values.get("code"))
        code, reason = normalise_code(raw)
        if code is not None and code not in self.divisions:
            reason = _fill(
                QCoreApplication.translate(
                    "Import",
                    "No division has the code %1: import the division list first (import divisions).",
                ),
                code,
            )
        if reason is not None:
            self.refuse(feature, "code", raw, reason)
            item.ok = False
        item.key = code or raw or None

    def _parse_grids(self, item: _Item) -> None:
        self._code(item, 24)
        item.values = {
            "name": self.text(
                item,
                "name",
                60,
                required=QCoreApplication.translate("Import", "The name is empty."),
            ),
            "village_id": self.village(item),
            "person_name": self.text(item, "person", 30),
            "person_post": self.text(item, "post", 30),
            "person_phone": self.phone(item, "phone"),
        }

    def _parse_danger_zones(self, item: _Item) -> None:
        self._code(item, 24)
        feature = item.feature
        kind_text = clean_text(feature.values.get("kind"))
        kind = _DANGER_OF_WORD.get(header_key(kind_text)) or (
            code_for(cast(dict[str, str], DANGER_KINDS), kind_text) if kind_text else None
        )
        if kind is None:
            self.refuse(
                feature,
                "kind",
                kind_text,
                QCoreApplication.translate(
                    "Import",
                    "Unknown type of danger zone: write one of 山洪, 地质灾害, 低洼易涝, 危旧房, 海塘, 工棚, 渔排, 景区.",
                )
                if kind_text
                else QCoreApplication.translate("Import", "The type is empty."),
            )
            item.ok = False
        village_id = self.village(item)
        item.values = {
            "name": self.text(
                item,
                "name",
                80,
                required=QCoreApplication.translate("Import", "The name is empty."),
            ),
            "kind": kind,
            "village_id": village_id,
            "location": self.text(item, "location", 120),
            "note": self.text(item, "note", 200),
            "grid_code": number_text(feature.values.get("grid_code")) or None,
        }

    def _parse_shelters(self, item: _Item) -> None:
        feature = item.feature
        name = self.text(
            item, "name", 80, required=QCoreApplication.translate("Import", "The name is empty.")
        )
        village_id = self.village(item)
        level_text = clean_text(feature.values.get("level"))
        level = None
        if level_text:
            level = _LEVEL_OF_WORD.get(header_key(level_text)) or code_for(
                cast(dict[str, str], SHELTER_LEVELS), level_text
            )
            if level is None:
                self.refuse(
                    feature,
                    "level",
                    level_text,
                    QCoreApplication.translate(
                        "Import", "Unknown shelter level: write 县级, 镇级 or 村级."
                    ),
                )
                item.ok = False
        capacity: int | None = None
        try:
            capacity = parse_count(feature.values.get("capacity"))
        except ValueError:
            self.refuse(
                feature,
                "capacity",
                clean_text(feature.values.get("capacity")),
                QCoreApplication.translate(
                    "Import", "The capacity must be a whole number of persons."
                ),
            )
            item.ok = False
        certified_text = clean_text(feature.values.get("certified")).lower()
        certified: bool | None = None
        if certified_text in _YES:
            certified = True
        elif certified_text in _NO:
            certified = False
        elif certified_text:
            self.refuse(
                feature,
                "certified",
                certified_text,
                QCoreApplication.translate("Import", "Write 是 or 否."),
            )
            item.ok = False
        item.values = {
            "name": name,
            "village_id": village_id,
            "level": level,
            "capacity": capacity,
            "safety_certified": certified,
            "manager_name": self.text(item, "manager", 30),
            "manager_phone": self.phone(item, "manager_phone"),
            "address": self.text(item, "address", 120),
        }
        if name and village_id is not None:
            item.key = (village_id, name)

    def _unique(self, items: list[_Item]) -> list[_Item]:
        """A code (or shelter) twice in the file: every feature carrying it is refused."""
        by_key: dict[Any, list[_Item]] = {}
        for item in items:
            by_key.setdefault(item.key, []).append(item)
        unit = (
            QCoreApplication.translate("Import", "rows")
            if self.source.table
            else QCoreApplication.translate("Import", "features")
        )
        for key, group in by_key.items():
            if len(group) == 1:
                continue
            numbers = ", ".join(str(i.feature.number) for i in group)
            shown = key[1] if isinstance(key, tuple) else key
            column = "name" if isinstance(key, tuple) else "code"
            for item in group:
                self.refuse(
                    item.feature,
                    column,
                    str(shown),
                    _fill(
                        QCoreApplication.translate(
                            "Import", "%1 appears more than once in the file (%2 %3)."
                        ),
                        shown,
                        unit,
                        numbers,
                    ),
                )
                item.ok = False
        return items

    def _compare(self, items: list[_Item]) -> list[_Item]:
        """The rows to write; counts inserted, updated and unchanged in the report."""
        existing = self._existing()
        grids = self._grid_villages() if self.kind == "danger-zones" else {}
        plan: list[_Item] = []
        for item in items:
            current = existing.get(item.key)
            if item.ok:
                self._complete(item, current, grids)
            if not item.ok or item.feature.number in self.refused:
                continue
            assert item.geometry is not None
            item.values.update(geometry_columns(item.geometry))
            if current is None:
                self.report.inserted += 1
            elif _same(current, item.values):
                self.report.unchanged += 1
                continue
            else:
                self.report.updated += 1
            plan.append(item)
        return plan

    def _complete(
        self, item: _Item, current: dict[str, Any] | None, grids: dict[str, tuple[int, int]]
    ) -> None:
        """The full row: blank values keep what is stored; a new row must have every
        required value."""
        feature = item.feature
        given = item.values
        grid_code = given.pop("grid_code", None)
        if current is not None:
            values = dict(current)
            values.update({k: v for k, v in given.items() if v is not None})
        else:
            values = dict(given)
            if self.kind != "boundaries" and self.kind != "shelters":
                values["code"] = item.key
        if self.kind == "grids" and values.get("person_name") is None:
            self.refuse(
                feature,
                "person",
                "",
                QCoreApplication.translate(
                    "Import", "The responsible person is empty: a new grid needs one."
                ),
            )
            item.ok = False
        if self.kind == "danger-zones":
            values["is_point"] = item.geometry is not None and item.geometry.geom_type == "Point"
            values.setdefault("grid_id", None)
            if grid_code is not None:
                grid = grids.get(grid_code)
                if grid is None or grid[1] != values.get("village_id"):
                    self.refuse(
                        feature,
                        "grid_code",
                        grid_code,
                        QCoreApplication.translate(
                            "Import", "No grid of this village has this code."
                        ),
                    )
                    item.ok = False
                else:
                    values["grid_id"] = grid[0]
        if self.kind == "shelters":
            if values.get("level") is None:
                self.refuse(
                    feature,
                    "level",
                    "",
                    QCoreApplication.translate(
                        "Import",
                        "The level is empty: a new shelter needs one (县级, 镇级 or 村级).",
                    ),
                )
                item.ok = False
            if values.get("capacity") is None:
                self.refuse(
                    feature,
                    "capacity",
                    "",
                    QCoreApplication.translate(
                        "Import", "The capacity is empty: a new shelter needs one."
                    ),
                )
                item.ok = False
            if values.get("safety_certified") is None:
                values["safety_certified"] = False
        item.values = values

    def _existing(self) -> dict[Any, dict[str, Any]]:
        """The stored rows by what identifies them (boundaries: id and geometry only)."""
        model: Any = _MODELS[self.kind]
        names = (
            ("id", *_GEOMETRY_KEYS)
            if self.kind == "boundaries"
            else tuple(c.key for c in model.__table__.columns)
        )
        key_columns = ("code",) if self.kind != "shelters" else ("village_id", "name")
        columns = [getattr(model, name) for name in dict.fromkeys((*names, *key_columns))]
        existing: dict[Any, dict[str, Any]] = {}
        for row in self.session.execute(select(*columns)):
            mapping = dict(row._mapping)
            key = (
                mapping["code"]
                if self.kind != "shelters"
                else (mapping["village_id"], mapping["name"])
            )
            existing[key] = {k: mapping[k] for k in names}
        return existing

    def _grid_villages(self) -> dict[str, tuple[int, int]]:
        return {
            code: (id_, village_id)
            for id_, code, village_id in self.session.execute(
                select(Grid.id, Grid.code, Grid.village_id)
            )
        }

    # writing

    def write(self, plan: list[_Item], progress: ProgressCallback | None, total: int) -> None:
        """Write the plan inside a savepoint, so a cancel leaves nothing behind."""
        check_cancel(self.cancel)
        session = self.session
        model: Any = _MODELS[self.kind]
        new = [i.values for i in plan if "id" not in i.values]
        changed = [i.values for i in plan if "id" in i.values]
        done = 0
        half = len(self.features)
        nested = session.begin_nested()
        try:
            with bulk_operation(
                session,
                table_name=_TABLE_NAMES[self.kind],
                source=self.source.file,
                checksum=self.source.checksum,
            ) as counter:
                for rows, statement in ((new, insert(model)), (changed, update(model))):
                    for start in range(0, len(rows), BATCH):
                        check_cancel(self.cancel)
                        batch = rows[start : start + BATCH]
                        session.execute(statement, batch)
                        done += len(batch)
                        if progress is not None:
                            progress(half + done * half // max(1, len(plan)), total)
                if model is DangerZone and changed:
                    from models.transfers import sync_transfers  # transfers imports areas

                    sync_transfers(session=session, zone_ids=[v["id"] for v in changed])
                counter["rows"] = len(plan)
            check_cancel(self.cancel)
        except BaseException:
            nested.rollback()
            raise
        nested.commit()
        self.report.rows_written = len(plan)
        if progress is not None:
            progress(total, total)


def _same(current: dict[str, Any], values: dict[str, Any]) -> bool:
    """Whether writing ``values`` would change nothing that matters: the same attributes and
    the same shape (vertices in another order or rings the other way round are the same)."""
    if any(current.get(k) != v for k, v in values.items() if k not in _GEOMETRY_KEYS):
        return False
    old, new = current.get("geom"), values.get("geom")
    if old == new:
        return True
    if old is None or new is None:
        return False
    return bool(
        shapely.equals_exact(
            shapely.normalize(shapely.from_wkb(old)),
            shapely.normalize(shapely.from_wkb(new)),
            SAME_SHAPE_DEGREES,
        )
    )


_MODELS: dict[str, Any] = {
    "boundaries": Division,
    "grids": Grid,
    "danger-zones": DangerZone,
    "shelters": Shelter,
}
_GEOMETRY_KEYS = ("geom", "min_lon", "min_lat", "max_lon", "max_lat")
