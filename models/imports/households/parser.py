"""Data rows to households, a block of rows and one column at a time, each refusal into the report."""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any, cast

from PySide6.QtCore import QCoreApplication

from models.fields import LAT_RANGE, LON_RANGE, Range, implausible, normalize_phone
from models.geo.crs import CGCS2000, WGS84, to_wgs84
from models.imports.framework import out_of_range
from models.imports.households.columns import (
    _MASKED,
    _MOBILES,
    _PHONES,
    _TEXTS,
    VULNERABLE,
    _key,
)
from models.imports.households.rows import (
    _INF,
    _NOT_A_COUNT,
    _coordinate,
    _counts,
    _first,
    _in_range,
    _Row,
)
from models.imports.households.village import _Context
from models.imports.problems import ImportProblem
from models.imports.report import ImportReport
from models.imports.spreadsheet import (
    CellValue,
    DataRow,
    Table,
    clean_text,
    clean_texts,
    number_texts,
)
from models.messages import fill


class _Parser:
    """Turns data rows into households, refusing what is wrong.

    Works on a block of rows at a time, one column after another: the cells of a column
    are cleaned together, and a text met before (zone, shelter, post, responsible
    person) is cleaned and looked up once per import. The checks are those of one row
    after another; the block's refusals are reported in the order a user reads them.
    """

    def __init__(
        self,
        table: Table,
        ctx: _Context,
        report: ImportReport,
        ranges: Mapping[str, Range] | None = None,
    ) -> None:
        self.table = table
        self.ctx = ctx
        self.report = report
        self.ranges = ranges or {}  # the kind's plausible ranges, by column key
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
        if self.table.unreadable:
            self.unreadable()

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

    def unreadable(self) -> None:
        """Cells Excel could not compute (``#N/A``, a formula never calculated) are read as
        empty; refused instead, so that a re-import never takes them for blanks (a stored
        household's coordinates or mobile erased without a word)."""
        found = self.table.unreadable
        columns = sorted(self.table.columns.items(), key=lambda item: item[1])
        cells = {
            (j, self.table.letter(key))
            for j, row in enumerate(self.rows)
            for key, index in columns
            if (row.number, index) in found
        }
        if not cells:
            return
        # This is the one cause: other refusals of the same cells (as if blank) go.
        self.problems = [(j, p) for j, p in self.problems if (j, p.column) not in cells]
        for j, row in enumerate(self.rows):
            for key, index in columns:
                text = found.get((row.number, index))
                if text is None:
                    continue
                self.refuse(
                    j,
                    key,
                    text,
                    QCoreApplication.translate(
                        "Import",
                        "The cell holds no value that could be read (an error or a formula "
                        "never calculated). Enter the value itself, or empty the cell.",
                    ),
                )

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
        implausible = self.implausible("residents", raw, counts)
        if not refused and not implausible:
            return cast(list[int], counts)
        wrong = set(implausible)
        return [
            count if count is not None and count >= 1 and j not in wrong else 0
            for j, count in enumerate(counts)
        ]

    def implausible(
        self, key: str, raw: list[CellValue], numbers: Sequence[float | None]
    ) -> list[int]:
        """The rows whose number lies outside the column's plausible range, refused naming
        it (a refused count below the range, such as 0 residents, is left to its own check)."""
        limits = self.ranges.get(key)
        if limits is None:
            return []
        positions = [
            j
            for j in out_of_range(numbers, limits)
            if (number := numbers[j]) is not None and number > limits.low
        ]
        for j in positions:
            self.refuse(j, key, clean_text(raw[j]), implausible(limits))
        return positions

    def vulnerable(self, key: str, residents: list[int]) -> list[int]:
        raw = self.column(key)
        counts = [count or 0 for count in _counts(raw, self.counts)]
        if min(counts) >= 0 and not any(map(operator.gt, counts, residents)):
            return counts  # neither refusal below can apply
        for j in self.implausible(key, raw, counts):
            counts[j] = 0  # one cause once: not also "more than the residents"
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
                    fill(
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
                fill(QCoreApplication.translate("Import", "Longer than %1 characters."), limit),
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
                fill(
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
                fill(
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
            fill(
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
