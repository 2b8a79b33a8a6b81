"""The columns of a typhoon track file, and reading its table.

One column per key the import reads (time, lon, lat, pressure, wind, radii per force
and quadrant, forecast, code, name) with the labels Chinese and English forms give
them; header cells as archives and bulletins write them (``typhoon_headers``) are read
as the column they name, with the unit their values are in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from models.imports.problems import ImportFileError
from models.imports.spreadsheet import (
    HEADER_SCAN_ROWS,
    Column,
    OnTable,
    Table,
    column_letter,
    header_key,
    read_workbook,
    table_from_workbook,
)
from models.imports.typhoon_headers import Header, read_header
from models.typhoons import FORCES, QUADRANTS

_FORCE_WORDS = {7: ("七", "7"), 10: ("十", "10"), 12: ("十二", "12")}
_QUADRANT_WORDS = {
    "ne": ("东北", "ne", "northeast"),
    "se": ("东南", "se", "southeast"),
    "sw": ("西南", "sw", "southwest"),
    "nw": ("西北", "nw", "northwest"),
}
_UNITS = ("", "(km)", "(公里)", "(千米)")


def _radius_prefixes(force: int) -> list[str]:
    chinese, digits = _FORCE_WORDS[force]
    return [
        f"{chinese}级风圈半径",
        f"{chinese}级风圈",
        f"{digits}级风圈半径",
        f"{digits}级风圈",
        f"{chinese}级风半径",
        f"{digits}级风半径",
        f"r{digits}",
        f"radius{digits}",
        f"force{digits}radius",
        f"force-{digits}radius",
        f"r{digits}radius",
    ]


def _radius_columns() -> list[Column]:
    columns: list[Column] = []
    for force in FORCES:
        prefixes = _radius_prefixes(force)
        columns.append(Column(f"r{force}", tuple(p + u for p in prefixes for u in _UNITS)))
        for quadrant in QUADRANTS:
            aliases: list[str] = []
            for word in _QUADRANT_WORDS[quadrant]:
                for prefix in prefixes:
                    for unit in _UNITS:
                        aliases += [
                            f"{prefix}{unit}{word}",
                            f"{prefix}{unit}_{word}",
                            f"{prefix}{unit}-{word}",
                            f"{prefix}({word}){unit}",
                            f"{prefix}{word}{unit}",
                            f"{prefix}_{word}{unit}",
                        ]
            # The label shown to the user first: 七级风圈半径东北.
            columns.append(Column(f"r{force}_{quadrant}", tuple(dict.fromkeys(aliases))))
    return columns


COLUMNS = (
    Column(
        "time",
        (
            "时间",
            "时次",
            "日期时间",
            "北京时间",
            "时间(北京时)",
            "时间(北京时间)",
            "观测时间",
            "预报时间",
            "时刻",
            "time",
            "datetime",
            "date_time",
            "date/time",
            "at",
            "timestamp",
        ),
        required=True,
    ),
    Column(
        "lon",
        (
            "经度",
            "中心经度",
            "东经",
            "经度(°e)",
            "经度(度)",
            "经度(°)",
            "longitude",
            "lon",
            "lng",
            "long",
        ),
        required=True,
    ),
    Column(
        "lat",
        ("纬度", "中心纬度", "北纬", "纬度(°n)", "纬度(度)", "纬度(°)", "latitude", "lat"),
        required=True,
    ),
    Column(
        "pressure",
        (
            "中心气压",
            "气压",
            "中心气压(hpa)",
            "中心气压(百帕)",
            "气压(hpa)",
            "pressure",
            "pressure(hpa)",
            "pressure_hpa",
            "pres",
            "mslp",
        ),
    ),
    Column(
        "wind",
        (
            "最大风速",
            "近中心最大风速",
            "中心最大风速",
            "最大风速(m/s)",
            "近中心最大风速(m/s)",
            "最大风速(米/秒)",
            "maxwind",
            "max_wind",
            "max_wind_ms",
            "maxwind(m/s)",
            "wind",
            "wind(m/s)",
            "vmax",
        ),
    ),
    *_radius_columns(),
    Column(
        "forecast",
        (
            "预报",
            "是否预报",
            "预报/实况",
            "实况/预报",
            "类型",
            "性质",
            "forecast",
            "is_forecast",
            "kind",
            "type",
        ),
    ),
    Column("code", ("台风编号", "编号", "国内编号", "code", "typhooncode", "typhoon_code")),
    Column(
        "name", ("台风名称", "名称", "中文名称", "中文名", "name", "typhoonname", "typhoon_name")
    ),
)


_BY_KEY = {column.key: column for column in COLUMNS}


@dataclass
class TrackSource(OnTable):
    """The track's table, and how the columns whose headers gave a unit or zone are read."""

    table: Table
    headers: dict[str, Header]  # column key -> scale and zone, from its header


def read_track(path: str | Path) -> TrackSource:
    """The first sheet with a track's columns, headers as archives write them understood.

    A header cell ``typhoon_headers`` recognises and the column list does not is read
    as the column it names; the columns not used are listed under their own labels.
    """
    workbook = read_workbook(path)
    known = {key: {header_key(a) for a in column.aliases} for key, column in _BY_KEY.items()}
    found: dict[tuple[str, int, int], tuple[str, Header]] = {}  # (sheet, row, col) -> label
    for sheet in workbook.sheets:
        for r, row in enumerate(sheet.rows[: HEADER_SCAN_ROWS + 1]):
            for c, cell in enumerate(row):
                if not isinstance(cell, str) or not cell.strip():
                    continue
                header = read_header(cell)
                if header is None or header.key not in known:
                    continue
                found[sheet.name, r, c] = (cell, header)
                if header_key(cell) not in known[header.key]:
                    row[c] = header.key  # each key is one of its column's aliases
    try:
        table = table_from_workbook(workbook, COLUMNS, None)
    except ImportFileError as error:
        error.checksum = workbook.checksum
        raise
    rows = [r - 1 for r in table.header_rows]
    originals = {
        c: label for (name, r, c), (label, _) in found.items() if name == table.sheet and r in rows
    }
    table.unused_columns = [_original(entry, originals) for entry in table.unused_columns]
    headers: dict[str, Header] = {}
    for key, index in table.columns.items():
        own = [
            h
            for (name, r, c), (_, h) in found.items()
            if name == table.sheet and r in rows and c == index
        ]
        if own:
            headers[key] = own[-1]
        elif key[:1] == "r" and "_" in key:  # a quadrant under a group header such as R7 (nmi)
            group = [
                (c, h)
                for (name, r, c), (_, h) in found.items()
                if name == table.sheet and r in rows and c <= index and h.key == key.split("_")[0]
            ]
            if group:
                headers[key] = max(group, key=lambda item: item[0])[1]
    return TrackSource(table, headers)


def _original(entry: str, originals: dict[int, str]) -> str:
    """An unused column as "F R34_NE": its own label where the reader replaced it."""
    letter = entry.partition(" ")[0]
    for index, original in originals.items():
        if column_letter(index) == letter:
            return f"{letter} {original}"
    return entry
