"""``import households``: a village's transfer list (行政村危险区人员转移清单).

The standard Zhejiang list, one row per household, with exactly the columns of
DOMAIN.md (序号 ... 备注; the two groups of three may sit under merged group
headers 责任人 / 预警责任人) and our optional extra columns after 备注 (网格, 老人,
残疾, 卧床, 儿童, 孕妇). Read from .xlsx or .xls (python-calamine, which also gives
the merged header cells), validated, reported, and written all or nothing.

Which village: ``village_code``, else the title above the header
(``某某镇某某村危险区人员转移清单``): the village names found in it, narrowed by a
town name found in it; none or several is a refusal. Which year: ``year``, else
a year in the title (``2026年``), else this year.

Matching a re-imported list: a row is the household of the same village and
year with the same householder name and mobile; failing that, the one household
of that name in the same danger zone that no other row matched (a changed
mobile). Matched households keep their card code and are updated; the others
are inserted with new codes; households missing from the file are left as they
are. A masked mobile (139****5678, as in a masked export) is accepted for a
matched household whose stored number masks to the same, and keeps that number.

The columns 类别, 有无安全鉴定, 避灾场所管理员 and its mobile describe the danger
zone and the shelter, which come from the geography register; they are written by
the export and not read back. Coordinates are converted from GCJ-02 or BD-09
only when ``crs`` says so.
"""

from __future__ import annotations

import functools
import importlib
import math
import operator
import re
import sys
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QCoreApplication
from sqlalchemy import Table as SqlTable
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from models.areas import LAT_RANGE, LON_RANGE, DangerZone, Division, Grid, Shelter, normalize_phone
from models.audit import bulk_operation
from models.base import collector_paused, utcnow
from models.database import insert_many
from models.events import active_event
from models.geo.crs import CGCS2000, WGS84, normalise_crs, to_wgs84
from models.imports.problems import ImportFileError, ImportProblem
from models.imports.report import (
    CancelToken,
    ImportCancelled,
    ImportReport,
    ProgressCallback,
    check_cancel,
)
from models.imports.spreadsheet import (
    CellValue,
    Column,
    DataRow,
    Table,
    clean_text,
    clean_texts,
    file_problem,
    half_width,
    header_key,
    is_blank,
    number_texts,
    parse_count,
    read_workbook,
    table_from_workbook,
)
from models.privacy import mask_phone
from models.transfers import (
    CHECK_IN,
    Household,
    display_zone,
    household_search_values,
    open_transfers,
    register_year,
    unique_card_codes,
)
from models.users import Permission, actor_of, require

# The template's columns in order (DOMAIN.md), then our extras. The first alias is
# the label the export writes.
TEMPLATE_COLUMNS = (
    Column("seq", ("序号", "编号")),
    Column(
        "zone",
        ("危险区（点）名称", "危险区名称", "危险点名称", "危险区（点）", "隐患点名称", "危险区"),
        required=True,
    ),
    Column("category", ("类别", "类型", "危险区类别", "灾害类别")),
    Column("location", ("位置", "具体位置", "地址", "住址")),
    Column("lon", ("经度",)),
    Column("lat", ("纬度",)),
    Column("name", ("户主姓名", "户主"), required=True),
    Column("residents", ("居住人数", "人数", "常住人数", "家庭人数"), required=True),
    Column("phone", ("户主手机", "户主手机号", "户主电话", "户主联系电话")),
    Column("t_name", ("责任人姓名", "转移责任人姓名", "责任人")),
    Column("t_post", ("责任人职务", "转移责任人职务")),
    Column("t_phone", ("责任人手机", "转移责任人手机", "责任人手机号", "责任人电话")),
    Column("w_name", ("预警责任人姓名", "预警责任人")),
    Column("w_post", ("预警责任人职务",)),
    Column("w_phone", ("预警责任人手机", "预警责任人手机号", "预警责任人电话")),
    Column("shelter", ("避灾场所名称", "避灾场所", "避灾安置场所", "安置场所名称", "安置点")),
    Column("certified", ("有无安全鉴定", "安全鉴定")),
    Column("manager", ("避灾场所管理员", "管理员")),
    Column("manager_phone", ("避灾场所管理员手机", "管理员手机", "管理员电话")),
    Column("note", ("备注",)),
)
EXTRA_COLUMNS = (
    Column("grid", ("网格", "所属网格", "网格名称")),
    Column("elderly", ("老人", "老人数", "老年人")),
    Column("disabled", ("残疾", "残疾人")),
    Column("bedridden", ("卧床", "卧床人员")),
    Column("children", ("儿童",)),
    Column("pregnant", ("孕妇",)),
)
COLUMNS = TEMPLATE_COLUMNS + EXTRA_COLUMNS
VULNERABLE = ("elderly", "disabled", "bedridden", "children", "pregnant")
_PHONES = (
    ("phone", "householder_phone"),
    ("t_phone", "transfer_person_phone"),
    ("w_phone", "warning_person_phone"),
)
_TEXTS = (
    ("location", "location", 120),
    ("t_post", "transfer_person_post", 30),
    ("w_name", "warning_person_name", 30),
    ("w_post", "warning_person_post", 30),
    ("t_name", "transfer_person_name", 30),
    ("note", "note", 200),
)
BATCH = 1000
BLOCK = 500  # rows validated between looks at the cancel button
_HOUSEHOLDS = cast(SqlTable, Household.__table__)
# A household may lie this far (degrees, about 2 km) outside the county outline.
COUNTY_MARGIN = 0.02
_MASKED = re.compile(r"^1\d{2}\*{4}\d{4}$")
# A column of mobiles as normalize_phone gives them (number texts hold no whitespace).
_MOBILES = re.compile(r"1[3-9][0-9]{9}(?:\n1[3-9][0-9]{9})*")
_YEAR = re.compile(r"(20\d{2})\s*年")
_DMS = re.compile(
    r"^\s*(\d{1,3})\s*[°度]\s*(?:(\d{1,2}(?:\.\d+)?)\s*['′’分]\s*)?"
    r"(?:(\d{1,2}(?:\.\d+)?)\s*(?:\"|″|”|''|′′|秒)\s*)?([NSEW东西南北]?)\s*$"
)


def _fill(template: str, *values: object) -> str:
    return re.sub(
        r"%(\d)",
        lambda m: (
            str(values[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(values) else m.group(0)
        ),
        template,
    )


@functools.lru_cache(maxsize=4096)
def _key(text: str) -> str:
    """Names compared as the user means them: half-width, no spaces, brackets alike."""
    return header_key(text)


# -- the register the file refers to ---------------------------------------------------------


@dataclass
class _Village:
    id: int
    code: str
    name: str
    town_id: int | None
    town_name: str
    county_geom: Any = None  # prepared shapely geometry of the county, or None


@dataclass
class _Existing:
    id: int
    name: str
    phone: str | None
    zone_id: int | None
    values: dict[str, Any]


@dataclass
class _Context:
    village: _Village
    year: int
    crs: str
    zones: dict[str, list[tuple[int, int | None]]]  # name or code key -> (id, grid id)
    grids: dict[str, list[int]]
    shelters: dict[str, list[tuple[int, int, int | None]]]  # key -> (id, village, town)
    existing: list[_Existing]


def _villages(session: Session, code: str | None = None) -> list[_Village]:
    """The villages in code order (only the one of ``code`` when given)."""
    towns = {
        id_: name
        for id_, name in session.execute(
            select(Division.id, Division.name).where(Division.level == "town")
        )
    }
    query = (
        select(Division.id, Division.code, Division.name, Division.parent_id)
        .where(Division.level == "village")
        .order_by(Division.code)
    )
    if code is not None:
        query = query.where(Division.code == code)
    return [
        _Village(id_, village_code, name, parent, towns.get(parent or -1, ""))
        for id_, village_code, name, parent in session.execute(query)
    ]


def _title_text(rows: list[list[CellValue]]) -> str:
    return "".join(clean_text(cell) for row in rows for cell in row if clean_text(cell))


def village_from_title(title: str, villages: list[_Village]) -> tuple[_Village | None, str | None]:
    """The village a title names, or (None, reason)."""
    text = re.sub(r"\s+", "", half_width(title))
    if not text:
        return None, QCoreApplication.translate(
            "Import",
            "The file has no title naming the village above the header. Give the village code (--village).",
        )
    spans: list[tuple[_Village, int, int]] = []
    for village in villages:
        start = text.find(village.name)
        while start >= 0:
            spans.append((village, start, start + len(village.name)))
            start = text.find(village.name, start + 1)
    # A name inside a longer one found at the same place (东门社区 in 新东门社区) does not count.
    kept = [
        (v, a, b)
        for v, a, b in spans
        if not any(a2 <= a and b <= b2 and (b2 - a2) > (b - a) for _v2, a2, b2 in spans)
    ]
    candidates = list({v.id: v for v, _a, _b in kept}.values())
    towns = {v.town_name for v in villages if v.town_name and v.town_name in text}
    if towns and len(candidates) > 1:
        narrowed = [v for v in candidates if v.town_name in towns]
        candidates = narrowed or candidates
    if len(candidates) == 1:
        return candidates[0], None
    if not candidates:
        return None, _fill(
            QCoreApplication.translate(
                "Import",
                'No village or community of the register is named in the title "%1". Give the village code (--village).',
            ),
            title,
        )
    names = "、".join(f"{v.town_name}{v.name}" for v in candidates[:6])
    return None, _fill(
        QCoreApplication.translate(
            "Import",
            'The title "%1" could name several villages (%2). Give the village code (--village).',
        ),
        title,
        names,
    )


def year_from_title(title: str) -> int | None:
    match = _YEAR.search(half_width(title))
    return int(match.group(1)) if match else None


def _context(session: Session, village: _Village, year: int, crs: str) -> _Context:
    zones: dict[str, list[tuple[int, int | None]]] = defaultdict(list)
    for id_, code, name, grid_id in session.execute(
        select(DangerZone.id, DangerZone.code, DangerZone.name, DangerZone.grid_id).where(
            DangerZone.village_id == village.id
        )
    ):
        zones[_key(name)].append((id_, grid_id))
        if _key(code) != _key(name):
            zones[_key(code)].append((id_, grid_id))
    grids: dict[str, list[int]] = defaultdict(list)
    for id_, code, name in session.execute(
        select(Grid.id, Grid.code, Grid.name).where(Grid.village_id == village.id)
    ):
        grids[_key(name)].append(id_)
        if _key(code) != _key(name):
            grids[_key(code)].append(id_)
    town_of = dict(
        session.execute(
            select(Division.id, Division.parent_id).where(Division.level == "village")
        ).all()
    )
    shelters: dict[str, list[tuple[int, int, int | None]]] = defaultdict(list)
    for id_, name, village_id in session.execute(
        select(Shelter.id, Shelter.name, Shelter.village_id)
    ):
        shelters[_key(name)].append((id_, village_id, town_of.get(village_id)))
    columns = [
        Household.id,
        Household.householder_name,
        Household.householder_phone,
        Household.danger_zone_id,
        *[_HOUSEHOLDS.c[c] for c in _COMPARED],
    ]
    existing = [
        _Existing(row[0], row[1], row[2], row[3], dict(zip(_COMPARED, row[4:], strict=True)))
        for row in session.execute(
            select(*columns)
            .where(Household.village_id == village.id, Household.year == year)
            .order_by(Household.id)
        )
    ]
    county = _county_geometry(session, village)
    village.county_geom = county
    return _Context(village, year, crs, dict(zones), dict(grids), dict(shelters), existing)


def _load_shapely_meanwhile() -> None:
    """Import shapely (with numpy: 0.1-0.2 s the first time) in the background while the
    file is read, for the county check: python-calamine parses without holding the GIL.
    The first ``import shapely`` of this thread waits for it (the module's import lock)."""
    if "shapely" not in sys.modules:
        threading.Thread(
            target=importlib.import_module, args=("shapely",), daemon=True, name="import shapely"
        ).start()


def _county_geometry(session: Session, village: _Village) -> Any:
    county_id = session.scalar(select(Division.parent_id).where(Division.id == village.town_id))
    geom = (
        session.scalar(select(Division.geom).where(Division.id == county_id))
        if county_id is not None
        else None
    )
    if geom is None:
        return None
    import shapely

    shape = shapely.from_wkb(geom).buffer(COUNTY_MARGIN)
    shapely.prepare(shape)
    return shape


# -- rows ---------------------------------------------------------------------------------------

# Household columns an import sets (and compares to tell updated from unchanged rows).
_COMPARED = (
    "danger_zone_id",
    "grid_id",
    "location",
    "lon",
    "lat",
    "householder_name",
    "householder_phone",
    "residents",
    *VULNERABLE,
    "transfer_person_name",
    "transfer_person_post",
    "transfer_person_phone",
    "warning_person_name",
    "warning_person_post",
    "warning_person_phone",
    "shelter_id",
    "note",
)


@dataclass(slots=True)
class _Row:
    row: DataRow
    values: dict[str, Any]  # exactly the _COMPARED columns
    masked: dict[str, str] = field(default_factory=dict)  # field -> masked value as given
    ok: bool = True
    match: _Existing | None = None
    grid_given: bool = False
    point: tuple[CellValue, CellValue] | None = None  # the coordinates as written, when valid

    @property
    def key(self) -> tuple[str, str]:
        phone = self.masked.get("householder_phone") or self.values.get("householder_phone")
        return self.values["householder_name"], phone or ""


def _is_seq_only(row: DataRow, others: list[int]) -> bool:
    """A pre-numbered empty row: only 序号 filled (``others``: the other columns' indexes)."""
    cells = row.cells
    size = len(cells)
    if others and others[0] < size and not is_blank(cells[others[0]]):
        return False  # most rows: the first of the other columns is filled
    return all(is_blank(cells[i]) for i in others if i < size)


def _coordinate(value: CellValue) -> float | None:
    """Decimal degrees, or degrees-minutes-seconds (121°22′48″); None when not a number."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = clean_text(value)
    try:
        return float(text)
    except ValueError:
        pass
    match = _DMS.match(text)
    if match is None:
        return None
    degrees, minutes, seconds, hemisphere = match.groups()
    number = float(degrees) + float(minutes or 0) / 60 + float(seconds or 0) / 3600
    return -number if hemisphere in ("S", "W", "南", "西") else number


_NOT_A_COUNT = -1  # parse_count never gives a negative number
_INF = float("inf")


def _count(value: CellValue) -> int | None:
    try:
        return parse_count(value)
    except ValueError:
        return _NOT_A_COUNT


def _counts(values: list[CellValue], cache: dict[str, int | None]) -> list[int | None]:
    """``parse_count`` of each cell, _NOT_A_COUNT where it raises; numbers (what a
    spreadsheet mostly holds) decided inline, each distinct text once."""
    kinds = set(map(type, values))
    if kinds == {int} and min(cast(list[int], values)) >= 0:
        return list(cast(list[int], values))
    if (
        kinds == {float}
        and all(map(float.is_integer, cast(list[float], values)))
        and min(cast(list[float], values)) >= 0
    ):
        return list(map(int, cast(list[float], values)))
    counts: list[int | None] = []
    append = counts.append
    for value in values:
        if type(value) is int:
            append(value if value >= 0 else _NOT_A_COUNT)
        elif type(value) is float:
            append(int(value) if value >= 0 and value.is_integer() else _NOT_A_COUNT)
        elif type(value) is str:
            append(cache[value] if value in cache else cache.setdefault(value, _count(value)))
        else:
            append(_count(value))
    return counts


class _Parser:
    """Turns data rows into households, refusing what is wrong.

    Works on a block of rows at a time, one column after another: the cells of a column
    are cleaned together, and a text met before (zone, shelter, post, responsible
    person) is cleaned and looked up once per import. The checks are those of one row
    after another; the block's refusals are reported in the order a user reads them.
    """

    def __init__(self, table: Table, ctx: _Context, report: ImportReport) -> None:
        self.table = table
        self.ctx = ctx
        self.report = report
        self.texts: dict[str, str] = {}
        self.numbers: dict[str, str] = {}
        self.counts: dict[str, int | None] = {}
        self.zones: dict[str, tuple[int | None, int | None, str | None]] = {}
        self.grids: dict[str, tuple[int | None, str | None]] = {}
        self.shelters: dict[str, tuple[int | None, str | None]] = {}
        self.project = ctx.crs not in (WGS84, CGCS2000)
        # The block being parsed: its rows, refusals (row index, problem) and refused rows.
        self.rows: list[DataRow] = []
        self.points: list[tuple[CellValue, CellValue] | None] = []
        self.cells: list[list[CellValue]] = []
        self.width = 0
        self.problems: list[tuple[int, ImportProblem]] = []
        self.refused: list[bool] = []

    def refuse(self, j: int, key: str, value: str, reason: str) -> None:
        self.problems.append((j, self.table.problem(self.rows[j], key, value, reason)))
        self.refused[j] = True

    def column(self, key: str) -> list[CellValue]:
        i = self.table.columns.get(key)
        if i is None:
            return [None] * len(self.rows)
        if i < self.width:
            return [cells[i] for cells in self.cells]
        return [cells[i] if i < len(cells) else None for cells in self.cells]

    def parse(self, rows: list[DataRow]) -> list[_Row]:
        if not rows:
            return []
        self.rows, self.problems, self.refused = rows, [], [False] * len(rows)
        self.cells = [row.cells for row in rows]
        self.width = min(map(len, self.cells))
        fields = ["householder_name", "residents"]
        names = self.names()
        residents = self.residents()
        columns: list[list[Any]] = [names, residents]
        for key in VULNERABLE:
            fields.append(key)
            columns.append(self.vulnerable(key, residents))
        for key, field_name, limit in _TEXTS:
            fields.append(field_name)
            columns.append(self.text(key, limit))
        masked: dict[int, dict[str, str]] = defaultdict(dict)
        for key, field_name in _PHONES:
            fields.append(field_name)
            columns.append(self.phones(key, field_name, masked))
        zones, zone_grids = self.zone_ids()
        grids, grid_given = self.grid_ids(zone_grids)
        fields += ["danger_zone_id", "grid_id", "shelter_id", "lon", "lat"]
        columns += [zones, grids, self.shelter_ids(), *self.places()]
        points = self.points

        self.problems.sort(key=_first)  # stable: a row's refusals stay in the order of its checks
        for _j, problem in self.problems:
            self.report.add(problem)
        refused = self.refused
        return [
            _Row(
                row,
                dict(zip(fields, values, strict=True)),
                masked.get(j) or {},
                not refused[j],
                None,
                grid_given[j],
                points[j],
            )
            for j, (row, values) in enumerate(zip(rows, zip(*columns, strict=True), strict=True))
        ]

    def names(self) -> list[str]:
        names = clean_texts(self.column("name"), self.texts)
        if all(names) and max(map(len, names)) <= 30:
            return names
        for j in [j for j, name in enumerate(names) if not name or len(name) > 30]:
            if not names[j]:
                self.refuse(
                    j,
                    "name",
                    "",
                    QCoreApplication.translate("Import", "The householder's name is empty."),
                )
            else:
                self.refuse(
                    j,
                    "name",
                    names[j],
                    QCoreApplication.translate("Import", "The name is longer than 30 characters."),
                )
        return names

    def residents(self) -> list[int]:
        raw = self.column("residents")
        counts = _counts(raw, self.counts)
        refused = [j for j, count in enumerate(counts) if count is None or count < 1]
        for j in refused:
            self.refuse(
                j,
                "residents",
                clean_text(raw[j]),
                QCoreApplication.translate(
                    "Import",
                    "The number of residents must be a whole number of at least 1 (such as 3 or 3人).",
                ),
            )
        if not refused:
            return cast(list[int], counts)
        return [count if count is not None and count >= 1 else 0 for count in counts]

    def vulnerable(self, key: str, residents: list[int]) -> list[int]:
        raw = self.column(key)
        counts = [count or 0 for count in _counts(raw, self.counts)]
        if min(counts) >= 0 and not any(map(operator.gt, counts, residents)):
            return counts  # neither refusal below can apply
        for j in [
            j
            for j, (count, of) in enumerate(zip(counts, residents, strict=True))
            if count == _NOT_A_COUNT or (of and count > of)
        ]:
            if counts[j] == _NOT_A_COUNT:
                self.refuse(
                    j,
                    key,
                    clean_text(raw[j]),
                    QCoreApplication.translate(
                        "Import",
                        "Not a count of people: write a whole number such as 2, or leave the cell empty.",
                    ),
                )
                counts[j] = 0
            if residents[j] and counts[j] > residents[j]:
                self.refuse(
                    j,
                    key,
                    clean_text(raw[j]),
                    _fill(
                        QCoreApplication.translate(
                            "Import", "More than the %1 residents of the household."
                        ),
                        residents[j],
                    ),
                )
        return counts

    def text(self, key: str, limit: int) -> list[str | None]:
        texts = clean_texts(self.column(key), self.texts)
        if max(map(len, texts)) <= limit:
            return [text or None for text in texts]
        for j in [j for j, text in enumerate(texts) if len(text) > limit]:
            self.refuse(
                j,
                key,
                texts[j],
                _fill(QCoreApplication.translate("Import", "Longer than %1 characters."), limit),
            )
        return [text or None for text in texts]

    def phones(
        self, key: str, field_name: str, masked: dict[int, dict[str, str]]
    ) -> list[str | None]:
        texts = number_texts(self.column(key), self.numbers)
        if _MOBILES.fullmatch("\n".join(texts)):
            return list(texts)  # every one a mobile as normalize_phone gives it
        phones: list[str | None] = []
        append = phones.append
        for j, text in enumerate(texts):
            if not text:
                append(None)
            elif (
                len(text) == 11
                and text.isdigit()
                and text.isascii()
                and text[0] == "1"
                and text[1] in "3456789"
            ):
                append(text)  # a mobile as normalize_phone gives it
            elif _MASKED.match(text):
                masked[j][field_name] = text
                append(None)
            else:
                phone = normalize_phone(text)
                if phone is None:
                    self.refuse(
                        j,
                        key,
                        text,
                        QCoreApplication.translate(
                            "Import",
                            "Not a valid mobile number (11 digits starting with 13 to 19) or landline (such as 0576-86123456).",
                        ),
                    )
                append(phone)
        return phones

    def zone_ids(self) -> tuple[list[int | None], list[int | None]]:
        """The danger zone of each row and that zone's grid."""
        known = self.zones
        texts = clean_texts(self.column("zone"), self.texts)
        for text in set(texts).difference(known):
            if text:
                known[text] = self.zone(text)
        if all(texts) and all(known[text][2] is None for text in set(texts)):
            every = list(map(known.__getitem__, texts))  # every row's zone is known
            return [zone for zone, _g, _r in every], [grid for _z, grid, _r in every]
        zones: list[int | None] = []
        grids: list[int | None] = []
        for j, text in enumerate(texts):
            if not text:
                self.refuse(
                    j, "zone", "", QCoreApplication.translate("Import", "The danger zone is empty.")
                )
                zones.append(None)
                grids.append(None)
                continue
            found = known.get(text)
            if found is None:
                found = known[text] = self.zone(text)
            zone_id, grid_id, reason = found
            if reason is not None:
                self.refuse(j, "zone", text, reason)
            zones.append(zone_id)
            grids.append(grid_id)
        return zones, grids

    def zone(self, text: str) -> tuple[int | None, int | None, str | None]:
        """(zone, its grid, None), or (None, None, why not), for a zone's name or code."""
        ctx = self.ctx
        found = ctx.zones.get(_key(text), [])
        if not found:
            return (
                None,
                None,
                _fill(
                    QCoreApplication.translate(
                        "Import",
                        "No danger zone or hazard point of this name in %1. Add it to the register first.",
                    ),
                    ctx.village.name,
                ),
            )
        if len({z for z, _g in found}) > 1:
            return (
                None,
                None,
                _fill(
                    QCoreApplication.translate(
                        "Import",
                        "Several danger zones of %1 have this name; write the zone's code instead.",
                    ),
                    ctx.village.name,
                ),
            )
        return found[0][0], found[0][1], None

    def grid_ids(self, zone_grids: list[int | None]) -> tuple[list[int | None], list[bool]]:
        """The grid of each row (the zone's when none is given) and whether one was given."""
        known = self.grids
        texts = clean_texts(self.column("grid"), self.texts)
        for text in set(texts).difference(known):
            if text:
                known[text] = self.grid(text)
        if all(known[text][1] is None for text in set(texts) if text):
            return (
                [
                    known[text][0] if text else grid
                    for text, grid in zip(texts, zone_grids, strict=True)
                ],
                [bool(text) for text in texts],
            )
        grids = list(zone_grids)
        for j, text in enumerate(texts):
            if not text:
                continue
            grid = known.get(text)
            if grid is None:
                grid = known[text] = self.grid(text)
            grid_id, reason = grid
            if reason is None:
                grids[j] = grid_id
            else:
                self.refuse(j, "grid", text, reason)
        return grids, [bool(text) for text in texts]

    def grid(self, text: str) -> tuple[int | None, str | None]:
        ctx = self.ctx
        grids = ctx.grids.get(_key(text), [])
        if len(set(grids)) == 1:
            return grids[0], None
        return None, (
            _fill(
                QCoreApplication.translate("Import", "No responsibility grid of this name in %1."),
                ctx.village.name,
            )
            if not grids
            else QCoreApplication.translate(
                "Import", "Several grids have this name; write the grid's code instead."
            )
        )

    def shelter_ids(self) -> list[int | None]:
        known = self.shelters
        texts = clean_texts(self.column("shelter"), self.texts)
        for text in set(texts).difference(known):
            if text and text not in ("无", "/", "-", "—"):
                known[text] = self.shelter(text)
        if all(known.get(text, (None, None))[1] is None for text in set(texts)):
            return [known[text][0] if text in known else None for text in texts]
        shelters: list[int | None] = []
        for j, text in enumerate(texts):
            if not text or text in ("无", "/", "-", "—"):
                shelters.append(None)
                continue
            shelter = known.get(text)
            if shelter is None:
                shelter = known[text] = self.shelter(text)
            shelter_id, reason = shelter
            if reason is not None:
                self.refuse(j, "shelter", text, reason)
            shelters.append(shelter_id)
        return shelters

    def shelter(self, text: str) -> tuple[int | None, str | None]:
        ctx = self.ctx
        options = ctx.shelters.get(_key(text), [])
        if len(options) > 1:
            options = (
                [o for o in options if o[1] == ctx.village.id]
                or [o for o in options if o[2] == ctx.village.town_id]
                or options
            )
        if not options:
            return None, QCoreApplication.translate(
                "Import", "No shelter of this name in the register."
            )
        if len(options) > 1:
            return None, QCoreApplication.translate(
                "Import",
                "Several shelters outside this town have this name; the list cannot say which one.",
            )
        return options[0][0], None

    def places(self) -> tuple[list[float | None], list[float | None]]:
        """Longitude and latitude of each row as stored; ``self.points`` the cells as
        written where the point is valid (checked against the county later)."""
        given_lons, given_lats = self.column("lon"), self.column("lat")
        if (
            not self.project
            and _in_range(given_lons, LON_RANGE)
            and _in_range(given_lats, LAT_RANGE)
        ):
            self.points = list(zip(given_lons, given_lats, strict=True))
            return (
                [round(x, 7) for x in cast(list[float], given_lons)],
                [round(y, 7) for y in cast(list[float], given_lats)],
            )
        lons: list[float | None] = []
        lats: list[float | None] = []
        self.points = []
        for j, (lon_raw, lat_raw) in enumerate(zip(given_lons, given_lats, strict=True)):
            place = self.place(j, lon_raw, lat_raw)
            if place is None:
                lons.append(None)
                lats.append(None)
                self.points.append(None)
            else:
                lons.append(place[0])
                lats.append(place[1])
                self.points.append((lon_raw, lat_raw))
        return lons, lats

    def place(self, j: int, lon_raw: CellValue, lat_raw: CellValue) -> tuple[float, float] | None:
        lon_text: str | None = None
        lat_text: str | None = None
        lon: float | None
        lat: float | None
        if (
            type(lon_raw) is float
            and type(lat_raw) is float
            and -_INF < lon_raw < _INF
            and -_INF < lat_raw < _INF
        ):
            lon, lat = lon_raw, lat_raw  # as _coordinate gives them; their texts are not empty
        else:
            lon_text, lat_text = clean_text(lon_raw), clean_text(lat_raw)
            if not lon_text and not lat_text:
                return None
            lon, lat = _coordinate(lon_raw), _coordinate(lat_raw)
            if not lon_text or not lat_text:
                key, text = ("lon", lon_text) if not lon_text else ("lat", lat_text)
                self.refuse(
                    j,
                    key,
                    text,
                    QCoreApplication.translate(
                        "Import", "Give both longitude and latitude, or neither."
                    ),
                )
                return None
            if lon is None:
                self.refuse(
                    j,
                    "lon",
                    lon_text,
                    QCoreApplication.translate(
                        "Import", "Not a longitude: write decimal degrees such as 121.38."
                    ),
                )
                return None
            if lat is None:
                self.refuse(
                    j,
                    "lat",
                    lat_text,
                    QCoreApplication.translate(
                        "Import", "Not a latitude: write decimal degrees such as 28.37."
                    ),
                )
                return None
        lon_ok = LON_RANGE[0] <= lon <= LON_RANGE[1]
        lat_ok = LAT_RANGE[0] <= lat <= LAT_RANGE[1]
        if lon_ok and lat_ok:
            x, y = to_wgs84(lon, lat, self.ctx.crs) if self.project else (lon, lat)
            return round(x, 7), round(y, 7)
        if lon_text is None or lat_text is None:
            lon_text, lat_text = clean_text(lon_raw), clean_text(lat_raw)
        if (
            not lon_ok
            and LAT_RANGE[0] <= lon <= LAT_RANGE[1]
            and LON_RANGE[0] <= lat <= LON_RANGE[1]
        ):
            self.refuse(
                j,
                "lon",
                lon_text,
                QCoreApplication.translate(
                    "Import",
                    "Longitude and latitude look swapped: longitude is the larger number in China.",
                ),
            )
        elif not lon_ok:
            self.refuse(
                j,
                "lon",
                lon_text,
                QCoreApplication.translate(
                    "Import", "Longitude must be between 73 and 136 degrees east (China)."
                ),
            )
        else:
            self.refuse(
                j,
                "lat",
                lat_text,
                QCoreApplication.translate(
                    "Import", "Latitude must be between 3 and 54 degrees north (China)."
                ),
            )
        return None


def _first(pair: tuple[int, ImportProblem]) -> int:
    return pair[0]


def _in_range(values: list[CellValue], bounds: tuple[float, float]) -> bool:
    """Every cell a number of degrees within ``bounds``, written as a number."""
    if set(map(type, values)) != {float}:
        return False
    numbers = cast(list[float], values)
    return (
        all(map(math.isfinite, numbers)) and bounds[0] <= min(numbers) and max(numbers) <= bounds[1]
    )


def _check_in_county(rows: list[_Row], ctx: _Context, table: Table, report: ImportReport) -> None:
    """Refuse points outside the county (with a margin), all rows in one vectorised test."""
    county = ctx.village.county_geom
    placed = [item for item in rows if item.point is not None]
    if county is None or not placed:
        return
    import numpy as np
    import shapely

    xs = np.array([item.values["lon"] for item in placed])
    ys = np.array([item.values["lat"] for item in placed])
    inside = shapely.contains_xy(county, xs, ys)
    swapped = shapely.contains_xy(county, ys, xs)
    for item, ok, crossed in zip(placed, inside, swapped, strict=True):
        if ok:
            continue
        lon_raw, lat_raw = item.point or (None, None)
        lon_text, lat_text = clean_text(lon_raw), clean_text(lat_raw)
        if crossed:
            reason = QCoreApplication.translate("Import", "Longitude and latitude look swapped.")
        else:
            reason = _fill(
                QCoreApplication.translate(
                    "Import",
                    "The point (%1, %2) lies outside the county. Check the numbers and the coordinate system (WGS84, GCJ-02 or BD-09).",
                ),
                lon_text,
                lat_text,
            )
        report.add(table.problem(item.row, "lon", lon_text, reason))
        item.ok = False


def _match_existing(rows: list[_Row], ctx: _Context, table: Table, report: ImportReport) -> None:
    """Find each row's household in the register (see the module docstring)."""
    by_key: dict[tuple[str, str], list[_Existing]] = defaultdict(list)
    by_masked: dict[tuple[str, str], list[_Existing]] = defaultdict(list)
    for household in ctx.existing:
        by_key[(household.name, household.phone or "")].append(household)
        if household.phone:
            by_masked[(household.name, mask_phone(household.phone) or "")].append(household)
    taken: set[int] = set()
    for item in rows:
        name, phone = item.key
        source = by_masked if "householder_phone" in item.masked else by_key
        found = source.get((name, phone))
        if not found:
            continue
        candidates = [h for h in found if h.id not in taken]
        if len(candidates) == 1:
            item.match = candidates[0]
            taken.add(candidates[0].id)
    # A changed mobile: the one household of that name in the same zone (only rows whose
    # name and zone some household has can find one: the others are not counted).
    by_name_zone: dict[tuple[str, int | None], list[Any]] = defaultdict(list)
    for h in ctx.existing:
        by_name_zone[(h.name, h.zone_id)].append(h)
    pending = [
        (item, name_zone)
        for item in rows
        if item.match is None
        and (name_zone := (item.values["householder_name"], item.values["danger_zone_id"]))
        in by_name_zone
    ]
    file_count: dict[tuple[str, int | None], int] = defaultdict(int)
    for _item, name_zone in pending:
        file_count[name_zone] += 1
    for item, name_zone in pending:
        if name_zone[1] is None or file_count[name_zone] != 1:
            continue
        same = [h for h in by_name_zone[name_zone] if h.id not in taken]
        if len(same) == 1:
            item.match = same[0]
            taken.add(same[0].id)
    # Masked numbers stand for the stored ones of the matched household only.
    for item in rows:
        if not item.masked:
            continue
        for column, masked in item.masked.items():
            stored = item.match.values.get(column) if item.match is not None else None
            if stored is not None and mask_phone(stored) == masked:
                item.values[column] = stored
                continue
            key = {c: k for k, c in _PHONES}[column]
            report.add(
                table.problem(
                    item.row,
                    key,
                    masked,
                    QCoreApplication.translate(
                        "Import",
                        "The number is masked. Enter the full number (only a number already in the register for this household may stay masked).",
                    ),
                )
            )
            item.ok = False


def import_households(
    *,
    session: Session,
    path: str | Path,
    village_code: str | None = None,
    year: int | None = None,
    crs: str = "wgs84",
    dry_run: bool = False,
    valid_only: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ImportReport:
    """Import a village transfer list; see the module docstring.

    Returns the report; writes into ``session`` only when no row was refused (or
    ``valid_only``), not in a dry run, and not when cancelled. Never commits.
    When an event is active and the list is of the register year in force, the
    new households get their transfer records at once. Raises PermissionDenied
    without IMPORT_DATA, ValueError for an unknown ``crs``.
    """
    require(session, Permission.IMPORT_DATA)
    crs = normalise_crs(crs)
    with collector_paused():
        return _import(
            session, Path(path), village_code, year, crs, dry_run, valid_only, progress, cancel
        )


def _import(
    session: Session,
    path: Path,
    village_code: str | None,
    year: int | None,
    crs: str,
    dry_run: bool,
    valid_only: bool,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> ImportReport:
    report = ImportReport(file=path.name, dry_run=dry_run, valid_only=valid_only)
    _load_shapely_meanwhile()
    try:
        workbook = read_workbook(path)
        try:
            table = table_from_workbook(workbook, COLUMNS, None)
        except ImportFileError as error:
            error.checksum = workbook.checksum
            raise
        sheet = next(s for s in workbook.sheets if s.name == table.sheet)
        title = _title_text(sheet.rows[: table.header_rows[0] - 1])
        village = _choose_village(session, path.name, table, title, village_code)
    except ImportFileError as error:
        report.fail(error)
        return report
    report.checksum = table.checksum
    report.sheet = table.sheet
    if year is None:
        year = year_from_title(title) or utcnow().astimezone(display_zone()).year
    if not 2000 <= year <= 2100:
        raise ValueError(f"implausible year {year}")

    try:
        ctx = _context(session, village, year, crs)
        plan = _validate(table, ctx, report, progress, cancel)
        if not report.rows_read:
            report.fail(
                ImportFileError(
                    ImportProblem(
                        file=table.file,
                        sheet=table.sheet,
                        row=table.header_rows[-1],
                        column=None,
                        value="",
                        reason=QCoreApplication.translate(
                            "Import", "There are no households under the header."
                        ),
                    ),
                    checksum=table.checksum,
                )
            )
            return report
        report.sort_problems()
        accepted = report.inserted + report.updated + report.unchanged
        # Also an import that changes nothing is recorded: who imported which file, when.
        if dry_run or (report.problems and not valid_only) or not accepted:
            if progress is not None:
                progress(2 * max(1, len(table.rows)), 2 * max(1, len(table.rows)))
            return report
        _write(session, table, ctx, report, plan, progress, cancel)
    except ImportCancelled:
        report.cancelled = True
        report.rows_written = 0
        return report
    _open_for_active_event(session, year, village.id)
    return report


def _choose_village(
    session: Session, file: str, table: Table, title: str, village_code: str | None
) -> _Village:
    if village_code is not None:
        code = village_code.strip()
        found = _villages(session, code)
        if not found:
            raise file_problem(
                file,
                _fill(
                    QCoreApplication.translate(
                        "Import", "No village or community has the code %1."
                    ),
                    code,
                ),
                sheet=table.sheet,
            )
        return found[0]
    village, reason = village_from_title(title, _villages(session))
    if village is None:
        raise file_problem(file, reason or "", sheet=table.sheet)
    return village


def _validate(
    table: Table,
    ctx: _Context,
    report: ImportReport,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> list[_Row]:
    total = 2 * max(1, len(table.rows))
    parsed: list[_Row] = []
    others = [i for key, i in table.columns.items() if key != "seq"]
    parser = _Parser(table, ctx, report)
    for start in range(0, len(table.rows), BLOCK):
        check_cancel(cancel)
        if progress is not None:
            progress(start, total)
        block = table.rows[start : start + BLOCK]
        filled = [row for row in block if not _is_seq_only(row, others)]
        report.rows_skipped += len(block) - len(filled)
        report.rows_read += len(filled)
        parsed += parser.parse(filled)
    report.rows_skipped += table.skipped
    _check_in_county(parsed, ctx, table, report)

    # The same householder and mobile twice: every such row is refused.
    by_key: dict[tuple[str, str], list[_Row]] = defaultdict(list)
    for item in parsed:
        if item.values["householder_name"]:
            by_key[item.key].append(item)
    for (name, phone), items in by_key.items():
        if len(items) < 2:
            continue
        numbers = ", ".join(str(i.row.number) for i in items)
        for item in items:
            report.add(
                table.problem(
                    item.row,
                    "name",
                    name,
                    _fill(
                        QCoreApplication.translate(
                            "Import",
                            "The household of %1 (mobile %2) is listed more than once (rows %3).",
                        ),
                        name,
                        phone or QCoreApplication.translate("Import", "none"),
                        numbers,
                    ),
                )
            )
            item.ok = False
    _match_existing([i for i in parsed if i.ok], ctx, table, report)

    plan: list[_Row] = []
    for item in parsed:
        if not item.ok:
            continue
        if item.match is not None and not item.grid_given:
            # No grid in the file (the template has no such column): keep the stored one.
            item.values["grid_id"] = item.match.values["grid_id"]
        if item.match is None:
            report.inserted += 1
        elif all(item.match.values.get(c) == item.values.get(c) for c in _COMPARED):
            report.unchanged += 1
            continue
        else:
            report.updated += 1
        plan.append(item)
    if progress is not None:
        progress(len(table.rows), total)
    return plan


def _write(
    session: Session,
    table: Table,
    ctx: _Context,
    report: ImportReport,
    plan: list[_Row],
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> None:
    """Write inside a savepoint, so a cancel leaves nothing behind."""
    check_cancel(cancel)
    total = 2 * max(1, len(table.rows))
    new = [item for item in plan if item.match is None]
    changed = [item for item in plan if item.match is not None]
    nested = session.begin_nested()
    try:
        with bulk_operation(
            session, table_name="households", source=table.file, checksum=table.checksum
        ) as counter:
            codes = unique_card_codes(session, len(new))
            done = 0
            for start in range(0, len(new), BATCH):
                check_cancel(cancel)
                batch = new[start : start + BATCH]
                placed = {"year": ctx.year, "village_id": ctx.village.id}
                insert_many(
                    session,
                    _HOUSEHOLDS,
                    [
                        _columns(item, placed, card_code=code)
                        for item, code in zip(batch, codes[start : start + BATCH], strict=True)
                    ],
                )
                done += len(batch)
                if progress is not None:
                    progress(len(table.rows) + done * len(table.rows) // len(plan), total)
            hh = _HOUSEHOLDS
            for start in range(0, len(changed), BATCH):
                check_cancel(cancel)
                batch = changed[start : start + BATCH]
                session.execute(
                    update(hh)
                    .where(hh.c.id == bindparam("hid"))
                    .values({c: bindparam(c) for c in _columns(batch[0])}),
                    [
                        {**_columns(item), "hid": item.match.id}
                        for item in batch
                        if item.match is not None
                    ],
                )
                done += len(batch)
                if progress is not None:
                    progress(len(table.rows) + done * len(table.rows) // len(plan), total)
            counter["rows"] = len(plan)
        check_cancel(cancel)
    except BaseException:
        nested.rollback()
        raise
    nested.commit()
    report.rows_written = len(plan)
    if progress is not None:
        progress(total, total)


def _columns(item: _Row, *more: dict[str, Any], **named: Any) -> dict[str, Any]:
    """The household's columns (``_COMPARED`` and the search columns), with ``more``."""
    values = item.values.copy()  # the _COMPARED columns
    values.update(
        household_search_values(values["householder_name"], values["householder_phone"]), **named
    )
    for extra in more:
        values.update(extra)
    return values


def _open_for_active_event(session: Session, year: int, village_id: int) -> None:
    """Listed during an event: the village's new households get their records now, and
    the records of its changed households follow (residents, zone, shelter)."""
    actor = actor_of(session)
    if actor is None or not actor.can(CHECK_IN):
        return
    event = active_event(session=session)
    if event is None or register_year(session=session, at=event.started_at) != year:
        return
    open_transfers(session=session, event_id=event.id, year=year, village_id=village_id)


__all__ = ["COLUMNS", "EXTRA_COLUMNS", "TEMPLATE_COLUMNS", "ImportProblem", "import_households"]
