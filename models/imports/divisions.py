"""``import divisions``: the county's towns and villages with their codes and names.

A real county starts from its own division list: the statistics bureau's
table (统计用区划代码, 12 digits for every level) or a list the county keeps
(6/9/12 digits). Codes are stored as 6 (county), 9 (town or street) and 12
(village or community) digits; level and parent follow from the code. All
divisions belong to one county. Existing codes get the name from the file;
new codes are inserted. Parse -> validate -> report -> write all or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from models.areas import Division
from models.imports.framework import ImportSteps, Job, Writer, import_file
from models.imports.problems import ImportProblem
from models.imports.report import CancelToken, ImportReport, ProgressCallback
from models.imports.spreadsheet import (
    Column,
    DataRow,
    Table,
    file_problem,
    header_key,
    number_text,
    read_table,
)
from models.messages import fill

COLUMNS = (
    Column(
        "code",
        (
            "区划代码",
            "代码",
            "统计用区划代码",
            "行政区划代码",
            "区划编码",
            "区划代码(12位)",
            "统计用区划代码(12位)",
            "编码",
            "code",
            "division code",
            "division_code",
        ),
        required=True,
    ),
    Column(
        "name",
        (
            "名称",
            "区划名称",
            "单位名称",
            "行政区划名称",
            "区域名称",
            "乡镇(街道)/村(社区)名称",
            "name",
            "division name",
            "division_name",
        ),
        required=True,
    ),
    Column("level", ("级别", "层级", "区划级别", "类型", "level")),
    Column(
        "parent",
        (
            "上级代码",
            "上级区划代码",
            "上级编码",
            "父级代码",
            "parent",
            "parent code",
            "parent_code",
        ),
    ),
)

LEVEL_BY_LENGTH = {6: "county", 9: "town", 12: "village"}
LEVELS = ("county", "town", "village")
NAME_MAX = Division.__table__.c.name.type.length or 60  # type: ignore[attr-defined]
BATCH = 1000

_LEVEL_WORDS = {
    "county": {
        "county",
        "县",
        "区",
        "市",
        "县级",
        "区县",
        "县区",
        "县市区",
        "县(市、区)",
        "县(市,区)",
        "县级市",
        "市辖区",
    },
    "town": {
        "town",
        "street",
        "township",
        "乡",
        "镇",
        "街道",
        "乡镇",
        "镇街",
        "乡镇街道",
        "乡级",
        "镇级",
        "乡镇级",
        "街道级",
        "乡(镇、街道)",
        "乡镇(街道)",
        "镇(街道)",
    },
    "village": {
        "village",
        "community",
        "村",
        "社区",
        "村级",
        "村居",
        "村社",
        "村(社区)",
        "社区级",
        "居委会",
        "村委会",
        "行政村",
        "村(居)",
    },
}
_LEVEL_OF_WORD = {header_key(w): level for level, words in _LEVEL_WORDS.items() for w in words}


@dataclass
class _Row:
    row: DataRow
    code: str
    name: str
    level: str
    ok: bool = True  # False: refused for its name, level or parent column

    @property
    def parent_code(self) -> str | None:
        return {"county": None, "town": self.code[:6], "village": self.code[:9]}[self.level]


def normalise_code(text: str) -> tuple[str | None, str | None]:
    """(code, None) with the code as 6/9/12 digits, or (None, reason)."""
    if not text:
        return None, QCoreApplication.translate("Import", "The code is empty.")
    if not text.isascii() or not text.isdigit():
        return None, QCoreApplication.translate("Import", "The code must contain digits only.")
    if len(text) == 12:
        # Statistics form: 331081000000 county, 331081001000 town, 331081001001 village.
        if text[6:] == "000000":
            text = text[:6]
        elif text[9:] == "000":
            text = text[:9]
    if len(text) not in LEVEL_BY_LENGTH:
        return None, fill(
            QCoreApplication.translate(
                "Import",
                "The code must have 6 digits (county), 9 (town or street) or 12 (village or community), not %1.",
            ),
            str(len(text)),
        )
    if text[4:6] == "00":
        return None, QCoreApplication.translate(
            "Import", "This is the code of a province or city, not of a county."
        )
    if len(text) >= 9 and text[6:9] == "000":
        return None, QCoreApplication.translate(
            "Import", "The town part of the code (digits 7 to 9) is 000."
        )
    return text, None


def _level_of(value: str) -> str | None:
    return _LEVEL_OF_WORD.get(header_key(value))


def _level_label(level: str) -> str:
    return {
        "county": QCoreApplication.translate("Import", "county"),
        "town": QCoreApplication.translate("Import", "town or street"),
        "village": QCoreApplication.translate("Import", "village or community"),
    }[level]


def _parse_row(table: Table, row: DataRow, report: ImportReport) -> _Row | None:
    """The row's code, name and level, with its problems in the report; None when the
    code itself is unusable, ``ok`` False when something else was refused."""
    refused = False
    raw_code = number_text(table.cell(row, "code"))
    code, reason = normalise_code(raw_code)
    if reason is not None:
        report.add(table.problem(row, "code", raw_code, reason))
        refused = True

    name = table.text(row, "name")
    if not name:
        report.add(
            table.problem(
                row, "name", name, QCoreApplication.translate("Import", "The name is empty.")
            )
        )
        refused = True
    elif len(name) > NAME_MAX:
        report.add(
            table.problem(
                row,
                "name",
                name,
                fill(
                    QCoreApplication.translate("Import", "The name is longer than %1 characters."),
                    str(NAME_MAX),
                ),
            )
        )
        refused = True

    level = LEVEL_BY_LENGTH[len(code)] if code is not None else None
    if table.has("level"):
        given = table.text(row, "level")
        if given:
            stated = _level_of(given)
            if stated is None:
                report.add(
                    table.problem(
                        row,
                        "level",
                        given,
                        QCoreApplication.translate(
                            "Import",
                            "Unknown level: write county, town or village (县, 镇/街道, 村/社区).",
                        ),
                    )
                )
                refused = True
            elif level is not None and stated != level:
                report.add(
                    table.problem(
                        row,
                        "level",
                        given,
                        fill(
                            QCoreApplication.translate(
                                "Import",
                                "The level does not match the code, which is the code of a %1.",
                            ),
                            _level_label(level),
                        ),
                    )
                )
                refused = True

    if table.has("parent") and code is not None and level != "county":
        given_parent = number_text(table.cell(row, "parent"))
        if given_parent:
            parent, _ = normalise_code(given_parent)
            expected = code[:6] if level == "town" else code[:9]
            if parent != expected:
                report.add(
                    table.problem(
                        row,
                        "parent",
                        given_parent,
                        fill(
                            QCoreApplication.translate(
                                "Import",
                                "The parent code does not match the code; it should be %1.",
                            ),
                            expected,
                        ),
                    )
                )
                refused = True

    if code is None or level is None:
        return None
    return _Row(row=row, code=code, name=name, level=level, ok=not refused)


def import_divisions(
    *,
    session: Session,
    path: str | Path,
    dry_run: bool = False,
    valid_only: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    county: str | None = None,
    county_name: str | None = None,
) -> ImportReport:
    """Import the county's divisions from a spreadsheet or CSV file.

    ``county`` and ``county_name`` name the county of a list without its row (the
    statistics bureau's). Returns the report; writes into ``session`` only when no row was refused
    (or ``valid_only``), not in a dry run, and not when cancelled. Never commits.
    Raises PermissionDenied without IMPORT_DATA.
    """
    return import_file(
        "divisions",
        session=session,
        path=path,
        dry_run=dry_run,
        valid_only=valid_only,
        progress=progress,
        cancel=cancel,
        county=county,
        county_name=county_name,
    )


class DivisionSteps(ImportSteps[Table, list[_Row]]):
    """``import divisions``: read the table, validate in level order, write level by level."""

    audit_table = "divisions"

    @staticmethod
    def reader(path: Path, options: Mapping[str, Any]) -> Table:
        return read_table(path, COLUMNS)

    def rows(self, source: Table) -> int:
        return len(source.rows)

    def validate(self, source: Table) -> list[_Row]:
        self.job.report.read_from(source)
        return _validate(self.job, source)

    def write(self, plan: list[_Row], writer: Writer) -> int:
        return _write(self.job.session, plan, writer)


def _validate(job: Job, table: Table) -> list[_Row]:
    """The rows to write, in level order; problems go into the report."""
    session, report = job.session, job.report
    parsed: list[_Row] = []
    for index, row in enumerate(table.rows):
        if index % 500 == 0:
            job.check_cancel()
            job.progress(index)
        item = _parse_row(table, row, report)
        if item is not None:
            parsed.append(item)

    # A code twice in the file: every row carrying it is refused.
    by_code: dict[str, list[_Row]] = {}
    for item in parsed:
        by_code.setdefault(item.code, []).append(item)
    candidates: list[_Row] = []
    refused_at: dict[str, int] = {}  # code -> row of a refused row carrying it
    for code, items in by_code.items():
        if len(items) == 1:
            if items[0].ok:
                candidates.append(items[0])
            else:
                refused_at[code] = items[0].row.number
            continue
        # One problem for the code, naming its rows (a code filled down is one cause).
        first = items[0].row
        report.add(
            replace(
                table.problem(
                    first,
                    "code",
                    number_text(table.cell(first, "code")),
                    fill(
                        QCoreApplication.translate(
                            "Import", "The code %1 appears %2 times in the file."
                        ),
                        code,
                        f"{len(items):,}",
                    ),
                ),
                more_rows=tuple(i.row.number for i in items[1:]),
            )
        )
        refused_at[code] = items[0].row.number

    existing = {
        code: (id_, name, level)
        for code, id_, name, level in session.execute(
            select(Division.code, Division.id, Division.name, Division.level)
        )
    }
    db_counties = {code for code, (_, _, level) in existing.items() if level == "county"}
    db_towns = {code for code, (_, _, level) in existing.items() if level == "town"}

    accepted: dict[str, _Row] = {}
    candidates.sort(key=lambda i: (LEVELS.index(i.level), i.row.number))

    refused: list[ImportProblem] = []  # reported together: one line per cause
    cause: dict[str, str] = {}  # code -> the reason its children share (a county missing)

    def refuse(item: _Row, reason: str) -> None:
        refused.append(
            table.problem(item.row, "code", number_text(table.cell(item.row, "code")), reason)
        )
        refused_at[item.code] = item.row.number

    file_county: _Row | None = _named_county(job, table, candidates, existing)
    if file_county is not None:
        accepted[file_county.code] = file_county
    for item in candidates:
        if item.level == "county":
            if file_county is not None:
                refuse(
                    item,
                    fill(
                        QCoreApplication.translate(
                            "Import",
                            "The file holds more than one county; the first is %1 in row %2.",
                        ),
                        file_county.code,
                        str(file_county.row.number),
                    ),
                )
            elif db_counties and item.code not in db_counties:
                other = sorted(db_counties)[0]
                refuse(
                    item,
                    fill(
                        QCoreApplication.translate(
                            "Import",
                            "The database already holds the county %1 %2; a second county cannot be imported.",
                        ),
                        other,
                        existing[other][1],
                    ),
                )
            else:
                file_county = item
                accepted[item.code] = item
            continue

        parent = item.parent_code or ""
        if item.level == "town":
            known = parent in db_counties or parent in accepted
        else:
            known = parent in db_towns or parent in accepted
        if known:
            accepted[item.code] = item
            continue
        if parent in cause:
            refuse(item, cause[parent])
            cause[item.code] = cause[parent]
            continue
        if parent in refused_at:
            refuse(
                item,
                fill(
                    QCoreApplication.translate("Import", "Its parent %1 was refused (row %2)."),
                    parent,
                    str(refused_at[parent]),
                ),
            )
            continue
        the_county = (
            file_county.code if file_county else (sorted(db_counties)[0] if db_counties else None)
        )
        if the_county is not None and parent[:6] != the_county:
            cause[item.code] = fill(
                QCoreApplication.translate(
                    "Import",
                    "The code belongs to the county %1, not to the county %2 being imported.",
                ),
                parent[:6],
                the_county,
            )
            refuse(item, cause[item.code])
        elif item.level == "town":
            cause[item.code] = fill(
                QCoreApplication.translate(
                    "Import",
                    "Its county %1 is neither in the file nor in the database: add the county's "
                    "row, or name the county (--county %1 --county-name NAME; in the import "
                    "dialog, County code and County name).",
                ),
                parent,
            )
            refuse(item, cause[item.code])
        else:
            refuse(
                item,
                fill(
                    QCoreApplication.translate(
                        "Import", "Its town %1 is neither in the file nor in the database."
                    ),
                    parent,
                ),
            )

    report.add_together(refused)
    _note_development_zones(report, table, accepted.values())
    plan: list[_Row] = []
    for item in accepted.values():
        current = existing.get(item.code)
        if current is None:
            report.inserted += 1
        elif current[1] != item.name:
            report.updated += 1
        else:
            report.unchanged += 1
            continue
        plan.append(item)
    return plan


def _named_county(
    job: Job, table: Table, candidates: list[_Row], existing: dict[str, tuple[int, str, str]]
) -> _Row | None:
    """The county named by the options (``county``, ``county_name``) for a list without
    its row, as a row to import; None when none is named or the file has the county's row.
    A name without a code takes the code all the list's codes start with."""
    given_code = str(job.options.get("county") or "").strip()
    name = str(job.options.get("county_name") or "").strip()
    if not given_code and not name:
        return None
    in_file = [item for item in candidates if item.level == "county"]
    if not given_code:
        prefixes = {item.code[:6] for item in candidates}
        if len(prefixes) != 1:
            raise file_problem(
                table.file,
                fill(
                    QCoreApplication.translate(
                        "Import",
                        "The codes of the list belong to %1 counties (%2): name the county's code too (--county).",
                    ),
                    str(len(prefixes)),
                    "、".join(sorted(prefixes)[:5]),
                ),
                sheet=table.sheet,
            )
        given_code = prefixes.pop()
    code, reason = normalise_code(given_code)
    if code is None or len(code) != 6:
        raise file_problem(
            table.file,
            fill(
                QCoreApplication.translate("Import", "The county code %1 is not a county's: %2"),
                given_code,
                reason or QCoreApplication.translate("Import", "a county's code has 6 digits."),
            ),
            sheet=table.sheet,
        )
    if in_file:
        if in_file[0].code != code:
            raise file_problem(
                table.file,
                fill(
                    QCoreApplication.translate(
                        "Import", "The file's row %1 is the county %2, not the county %3 named."
                    ),
                    str(in_file[0].row.number),
                    in_file[0].code,
                    code,
                ),
                sheet=table.sheet,
            )
        return None
    held = {c: n for c, (_, n, level) in existing.items() if level == "county"}
    if held and code not in held:
        other = sorted(held)[0]
        raise file_problem(
            table.file,
            fill(
                QCoreApplication.translate(
                    "Import",
                    "The database already holds the county %1 %2; a second county cannot be imported.",
                ),
                other,
                held[other],
            ),
            sheet=table.sheet,
        )
    if not name:
        if code not in held:
            raise file_problem(
                table.file,
                fill(
                    QCoreApplication.translate(
                        "Import",
                        "The county %1 is new to the database: name it too (--county-name).",
                    ),
                    code,
                ),
                sheet=table.sheet,
            )
        name = held[code]
    if len(name) > NAME_MAX:
        raise file_problem(
            table.file,
            fill(
                QCoreApplication.translate(
                    "Import", "The county's name is longer than %1 characters."
                ),
                str(NAME_MAX),
            ),
            sheet=table.sheet,
        )
    return _Row(row=DataRow(0, []), code=code, name=name, level="county")


DEVELOPMENT_ZONES = range(400, 600)
"""Town-level codes of the statistics list that are not towns: development zones, farms
and the like (类似乡级单位). They hold communities and villages like a town and are
imported as town-level divisions; the report names them."""


def _note_development_zones(report: ImportReport, table: Table, rows: Iterable[_Row]) -> None:
    zones = sorted(
        (
            item
            for item in rows
            if item.level == "town" and int(item.code[6:9]) in DEVELOPMENT_ZONES
        ),
        key=lambda item: item.row.number,
    )
    if not zones:
        return
    first = zones[0]
    report.add_change(
        replace(
            table.problem(
                first.row,
                "code",
                first.code,
                fill(
                    QCoreApplication.translate(
                        "Import",
                        "%1 development zones or similar units (town codes 400 to 599: %2) "
                        "are imported as towns, holding their communities and villages.",
                    ),
                    str(len(zones)),
                    "、".join(f"{item.code} {item.name}" for item in zones[:5])
                    + ("…" if len(zones) > 5 else ""),
                ),
            ),
            more_rows=tuple(item.row.number for item in zones[1:]),
        )
    )


def _write(session: Session, plan: list[_Row], writer: Writer) -> int:
    """Parents first: each level's inserts find their parents' ids."""
    ids: dict[str, int] = {}
    for depth, level in enumerate(LEVELS):
        # Parents (inserted by the previous round) and this level's existing rows.
        rows = session.execute(
            select(Division.code, Division.id).where(
                Division.level.in_(LEVELS[max(0, depth - 1) : depth + 1])
            )
        )
        ids.update((code, id_) for code, id_ in rows)
        new = [i for i in plan if i.level == level and i.code not in ids]
        changed = [
            {"id": ids[i.code], "name": i.name} for i in plan if i.level == level and i.code in ids
        ]
        for batch in writer.batches(new, BATCH):
            session.execute(
                insert(Division),
                [
                    {
                        "code": i.code,
                        "name": i.name,
                        "level": i.level,
                        "parent_id": ids.get(i.parent_code) if i.parent_code else None,
                    }
                    for i in batch
                ],
            )
        for changes in writer.batches(changed, BATCH):
            session.execute(update(Division), changes)
    return len(plan)
