"""``import typhoon``: a typhoon's track from a CSV or Excel file.

One row per track point: time (ISO 8601 with an offset, or Beijing time without
one), longitude, latitude, central pressure (hPa), maximum wind (m/s), the radii
in km of force-7, force-10 and force-12 winds (one value; four as
"300/280/250/260" for NE/SE/SW/NW in one cell; or one column per quadrant such
as r7_ne or 七级风圈半径 over 东北/东南/西南/西北) and whether the point is a
forecast. English or Chinese headers, also as archives and bulletins write them
with units and separators (``Time_UTC``, ``Lat(N)``, ``Wind (kt)``, ``R7_NE_km``,
``R30_NE (nmi)``: ``typhoon_headers``); a unit in the header converts the values,
a zone in the time's header (UTC) reads times without an offset in that zone.

Archives give radii at some points only (every 6 hours while positions come every
3, none once the storm weakens): the report says at how many points, and that no
wind circle can be drawn when no point has any. Every column not read is listed.

The typhoon is named by ``code``/``name``, else by 台风编号/台风名称 columns, else
by a file name such as ``2606_演示台风.csv``. A file for a typhoon already in the
database is the newer bulletin: its points are added or updated by time, and the
forecast points of the earlier bulletin that it does not repeat are removed.
Parse -> validate -> report -> write all or nothing, as one bulk audit record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from models.imports.framework import ImportSteps, Job, Writer, import_file
from models.imports.problems import ImportProblem, rows_text
from models.imports.report import CancelToken, ImportReport, ProgressCallback
from models.imports.spreadsheet import DataRow, Table, clean_text
from models.imports.typhoon_columns import TrackSource, read_track
from models.imports.typhoon_headers import KM_PER_NAUTICAL_MILE, MS_PER_KNOT, Header
from models.messages import fill
from models.typhoons import (
    BEIJING,
    FORCES,
    QUADRANTS,
    RADII_GAP_HOURS,
    Radii,
    TrackPoint,
    Typhoon,
    TyphoonPoint,
    check_position,
    format_time,
    parse_forecast,
    parse_number,
    parse_pressure,
    parse_radii,
    parse_radius,
    parse_time,
    parse_wind,
    point_columns,
    radii_order_problems,
    speed_problems,
)

CODE_MAX = 12
NAME_MAX = 40

_FILE_NAME = re.compile(r"^(\d{4})[\s_\-—]*(\S.*)?$")


@dataclass
class TyphoonImportReport(ImportReport):
    """The import report with the typhoon it wrote to and the superseded forecast points."""

    typhoon_id: int | None = None
    code: str = ""
    name: str = ""
    superseded: int = 0  # earlier forecast points removed (also counted in a dry run)


@dataclass
class _Parsed:
    row: DataRow
    point: TrackPoint


def _value(table: Table, row: DataRow, key: str) -> str:
    return clean_text(table.cell(row, key))


def _scaled(radii: Radii | None, scale: float) -> Radii | None:
    if radii is None or scale == 1.0:
        return radii
    ne, se, sw, nw = (round(value * scale, 1) for value in radii)
    return (ne, se, sw, nw)


def _parse_radii_of(
    table: Table, row: DataRow, force: int, report: ImportReport, headers: Mapping[str, Header]
) -> tuple[bool, Radii | None, dict[str, str]]:
    """(ok, radii in km, column key per quadrant) of one force in one row."""
    keys = [f"r{force}_{q}" for q in QUADRANTS]
    quadrant_columns = {q: k for q, k in zip(QUADRANTS, keys, strict=True) if table.has(k)}
    cells = {q: table.cell(row, k) for q, k in quadrant_columns.items()}
    filled = {q: v for q, v in cells.items() if clean_text(v)}
    single = f"r{force}"
    if filled:
        values: dict[str, float | None] = {}
        ok = True
        for quadrant in QUADRANTS:
            key = quadrant_columns.get(quadrant)
            if quadrant not in filled:
                target = key if key is not None else next(iter(quadrant_columns.values()))
                report.add(
                    table.problem(
                        row,
                        target,
                        "",
                        QCoreApplication.translate(
                            "Typhoon", "Give the radius of all four quadrants, or of none."
                        ),
                    )
                )
                ok = False
                continue
            try:
                radius = parse_radius(filled[quadrant])
                scale = headers[key].scale if key is not None and key in headers else 1.0
                values[quadrant] = radius * scale if radius is not None else None
            except ValueError as error:
                report.add(table.problem(row, key, _value(table, row, key or single), str(error)))
                ok = False
        if not ok:
            return False, None, quadrant_columns
        ne, se, sw, nw = (values[q] or 0.0 for q in QUADRANTS)
        return True, (ne, se, sw, nw), quadrant_columns
    if not table.has(single):
        return True, None, {}
    try:
        scale = headers[single].scale if single in headers else 1.0
        return True, _scaled(parse_radii(table.cell(row, single)), scale), {}
    except ValueError as error:
        report.add(table.problem(row, single, _value(table, row, single), str(error)))
        return False, None, {}


def _in_units(value: object, header: Header | None) -> object:
    """A number read in the header's unit (knots, tenths of a degree) converted; text as is
    when it is no number (the parser refuses it with its own reason)."""
    if header is None or header.scale == 1.0:
        return value
    try:
        number = parse_number(value)
    except (TypeError, ValueError):
        return value
    return None if number is None else round(number * header.scale, 4)


def _parse_row(
    table: Table, row: DataRow, report: ImportReport, headers: Mapping[str, Header]
) -> tuple[datetime | None, TrackPoint | None]:
    """The row's time (when readable) and its point (None when anything was refused)."""
    ok = True
    at: datetime | None = None
    zone = headers["time"].zone if "time" in headers else None
    try:
        at = parse_time(table.cell(row, "time"), zone or BEIJING)
    except ValueError as error:
        report.add(table.problem(row, "time", _value(table, row, "time"), str(error)))
        ok = False
    centre, found = check_position(
        _in_units(table.cell(row, "lon"), headers.get("lon")),
        _in_units(table.cell(row, "lat"), headers.get("lat")),
    )
    for field, message in found:
        report.add(table.problem(row, field, _value(table, row, field), message))
        ok = False
    scalars: dict[str, Any] = {}
    for key, field, parser in (
        ("pressure", "pressure_hpa", parse_pressure),
        ("wind", "max_wind_ms", parse_wind),
        ("forecast", "is_forecast", parse_forecast),
    ):
        try:
            cell = _in_units(table.cell(row, key), headers.get(key)) if table.has(key) else None
            scalars[field] = parser(cell) if table.has(key) else None
        except ValueError as error:
            report.add(table.problem(row, key, _value(table, row, key), str(error)))
            ok = False
    radii: dict[int, Radii | None] = {}
    quadrant_columns: dict[int, dict[str, str]] = {}
    for force in FORCES:
        good, radii[force], quadrant_columns[force] = _parse_radii_of(
            table, row, force, report, headers
        )
        ok = ok and good
    for force, quadrant, message in radii_order_problems(radii[7], radii[10], radii[12]):
        key = quadrant_columns[force].get(quadrant, f"r{force}")
        report.add(table.problem(row, key, _value(table, row, key), message))
        ok = False
    if not ok or at is None or centre is None:
        return at, None
    return at, TrackPoint(
        at=at,
        lon=centre[0],
        lat=centre[1],
        pressure_hpa=scalars["pressure_hpa"],
        max_wind_ms=scalars["max_wind_ms"],
        r7=radii[7],
        r10=radii[10],
        r12=radii[12],
        is_forecast=bool(scalars["is_forecast"]),
    )


def _name_typhoon(
    table: Table, path: Path, code: str | None, name: str | None, report: TyphoonImportReport
) -> tuple[bool, str]:
    """Settle the typhoon's code and name into the report; False when it cannot be named.

    Returns (ok, name from the file name): that name serves only a new typhoon.
    """
    ok = True
    fallback_name = ""
    for key, given in (("code", code), ("name", name)):
        value = (given or "").strip()
        if not value and table.has(key):
            seen: dict[str, DataRow] = {}
            for row in table.rows:
                text = _value(table, row, key)
                if text:
                    seen.setdefault(text, row)
            if len(seen) > 1:
                first, second = list(seen)[:2]
                report.add(
                    table.problem(
                        seen[second],
                        key,
                        second,
                        fill(
                            QCoreApplication.translate(
                                "Typhoon",
                                "The file holds more than one typhoon (%1 and %2); import one per file.",
                            ),
                            first,
                            second,
                        ),
                    )
                )
                ok = False
            value = next(iter(seen), "")
        if not value:
            match = _FILE_NAME.match(path.stem)
            if match and key == "code":
                value = match.group(1)
            elif match:
                fallback_name = (match.group(2) or "").strip()
        setattr(report, key, value)
    if not report.code:
        report.add(
            ImportProblem(
                report.file,
                table.sheet,
                None,
                None,
                "",
                QCoreApplication.translate(
                    "Typhoon",
                    "The typhoon's code is not known: give it when importing, in a column "
                    "台风编号, or in the file name (such as 2606_name.csv).",
                ),
            )
        )
        return False, fallback_name
    if len(report.code) > CODE_MAX:
        report.add(
            ImportProblem(
                report.file,
                table.sheet,
                None,
                None,
                report.code,
                QCoreApplication.translate("Typhoon", "The code is longer than 12 characters."),
            )
        )
        ok = False
    if len(report.name) > NAME_MAX:
        report.add(
            ImportProblem(
                report.file,
                table.sheet,
                None,
                None,
                report.name,
                QCoreApplication.translate("Typhoon", "The name is longer than 40 characters."),
            )
        )
        ok = False
    return ok, fallback_name


def import_typhoon(
    *,
    session: Session,
    path: str | Path,
    code: str | None = None,
    name: str | None = None,
    dry_run: bool = False,
    valid_only: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> TyphoonImportReport:
    """Import a typhoon's track from a CSV or spreadsheet file.

    Writes into ``session`` only when nothing was refused (or ``valid_only``), not
    in a dry run and not when cancelled; never commits. Raises PermissionDenied
    without IMPORT_DATA.
    """
    report = import_file(
        "typhoon",
        session=session,
        path=path,
        code=code,
        name=name,
        dry_run=dry_run,
        valid_only=valid_only,
        progress=progress,
        cancel=cancel,
    )
    assert isinstance(report, TyphoonImportReport)
    return report


class TyphoonSteps(ImportSteps[TrackSource, "_Plan"]):
    """``import typhoon``: name the typhoon, check the track, plan against the stored points."""

    report_type = TyphoonImportReport
    audit_table = "typhoon_points"

    @staticmethod
    def reader(path: Path, options: Mapping[str, Any]) -> TrackSource:
        return read_track(path)

    def rows(self, source: TrackSource) -> int:
        return len(source.table.rows)

    def validate(self, source: TrackSource) -> _Plan | None:
        job, table = self.job, source.table
        report = job.report
        assert isinstance(report, TyphoonImportReport)
        report.read_from(table)
        session = job.session
        named, fallback_name = _name_typhoon(
            table, Path(table.file), job.options["code"], job.options["name"], report
        )
        points = _validate(table, report, job, source.headers)
        _note_radii(table, source.headers, points, report)
        existing_id = (
            session.scalar(select(Typhoon.id).where(Typhoon.code == report.code))
            if (report.code)
            else None
        )
        if existing_id is None and not report.name:
            report.name = fallback_name[:NAME_MAX]
        if named and existing_id is None and not report.name:
            report.add(
                ImportProblem(
                    report.file,
                    table.sheet,
                    None,
                    None,
                    report.code,
                    fill(
                        QCoreApplication.translate(
                            "Typhoon",
                            "The typhoon %1 is new: give its name when "
                            "importing or in a column 台风名称.",
                        ),
                        report.code,
                    ),
                )
            )
            named = False
        report.typhoon_id = existing_id
        plan = _plan(session, existing_id, points, report)
        return plan if named and points else None

    def write(self, plan: _Plan, writer: Writer) -> int:
        report = self.job.report
        assert isinstance(report, TyphoonImportReport)
        return _write(self.job.session, report, plan, writer)


def _validate(
    table: Table, report: ImportReport, job: Job, headers: Mapping[str, Header]
) -> list[TrackPoint]:
    """The accepted points in time order; problems go into the report."""
    parsed: list[_Parsed] = []
    by_time: dict[datetime, list[DataRow]] = {}  # also rows refused for something else
    for index, row in enumerate(table.rows):
        if index % 200 == 0:
            job.check_cancel()
            job.progress(index)
        at, point = _parse_row(table, row, report, headers)
        if at is not None:
            by_time.setdefault(at, []).append(row)
        if point is not None:
            parsed.append(_Parsed(row, point))

    repeated: set[datetime] = set()
    for at, rows in by_time.items():
        if len(rows) == 1:
            continue
        repeated.add(at)
        # Short whatever the count, and the same for every row: reported as one.
        reason = fill(
            QCoreApplication.translate("Typhoon", "The time %1 appears more than once (rows %2)."),
            format_time(at),
            rows_text([row.number for row in rows]),
        )
        for row in rows:
            report.add(table.problem(row, "time", _value(table, row, "time"), reason))
    kept = [item for item in parsed if item.point.at not in repeated]
    kept.sort(key=lambda i: i.point.at)
    jumps = speed_problems([i.point for i in kept])
    for position, message in jumps:
        item = kept[position]
        report.add(table.problem(item.row, "lon", _value(table, item.row, "lon"), message))
    refused = {position for position, _ in jumps}
    return [item.point for position, item in enumerate(kept) if position not in refused]


def _note_radii(
    table: Table, headers: Mapping[str, Header], points: list[TrackPoint], report: ImportReport
) -> None:
    """Tell what the track says of its wind circles, and the units the headers converted."""
    given = sum(1 for p in points if any(p.radii(force) is not None for force in FORCES))
    if points and not given:
        report.notes.append(
            QCoreApplication.translate(
                "Typhoon",
                "No point of this track gives wind radii (force 7, 10 or 12): no wind circles "
                "can be drawn, and the reach table cannot say what the winds reach. If the file "
                "has radii, their columns are among those not used: name them like R7_NE_km or "
                "七级风圈半径.",
            )
        )
    elif given < len(points):
        report.notes.append(
            fill(
                QCoreApplication.translate(
                    "Typhoon",
                    "Wind radii are given at %1 of %2 points. Between two points that give "
                    "them, at most %3 hours apart, the map interpolates them (marked as "
                    "interpolated); elsewhere no wind circle is drawn.",
                ),
                str(given),
                str(len(points)),
                str(RADII_GAP_HOURS),
            )
        )
    converted = {
        KM_PER_NAUTICAL_MILE: QCoreApplication.translate(
            "Typhoon", "Columns %1: radii in nautical miles, converted to kilometres."
        ),
        MS_PER_KNOT: QCoreApplication.translate(
            "Typhoon", "Columns %1: wind in knots, converted to metres per second."
        ),
        0.1: QCoreApplication.translate(
            "Typhoon", "Columns %1: positions in tenths of a degree, converted to degrees."
        ),
    }
    letters: dict[float, list[str]] = {}
    for key, header in headers.items():
        letter = table.letter(key) or key
        if header.scale in converted:
            letters.setdefault(header.scale, []).append(letter)
        if header.zone is not None and header.zone is not BEIJING:
            report.notes.append(
                fill(
                    QCoreApplication.translate(
                        "Typhoon", "Column %1: times without an offset are read as UTC."
                    ),
                    letter,
                )
            )
    for scale, found in letters.items():
        report.notes.append(
            fill(converted[scale], "、".join(sorted(found, key=lambda text: (len(text), text))))
        )


@dataclass
class _Plan:
    typhoon_id: int | None
    insert: list[TrackPoint]
    update: list[tuple[int, TrackPoint]]  # point id, new values
    remove: list[int]  # superseded forecast point ids
    rename: bool

    def __len__(self) -> int:
        return len(self.insert) + len(self.update) + len(self.remove)


def _plan(
    session: Session, typhoon_id: int | None, points: list[TrackPoint], report: TyphoonImportReport
) -> _Plan:
    plan = _Plan(typhoon_id, [], [], [], False)
    if typhoon_id is None:
        plan.insert = list(points)
        report.inserted = len(points)
        return plan
    current_name = session.scalar(select(Typhoon.name).where(Typhoon.id == typhoon_id))
    if report.name and report.name != current_name:
        plan.rename = True
    elif not report.name:
        report.name = current_name or ""
    columns = [c for c in TyphoonPoint.__table__.c if c.name not in ("id", "typhoon_id")]
    existing: dict[datetime, tuple[int, dict[str, Any]]] = {}
    for row in session.execute(
        select(TyphoonPoint.id, *columns).where(TyphoonPoint.typhoon_id == typhoon_id)
    ):
        values = dict(zip([c.name for c in columns], row[1:], strict=True))
        existing[values["at"]] = (row[0], values)
    incoming = {p.at for p in points}
    for point in points:
        found = existing.get(point.at)
        if found is None:
            plan.insert.append(point)
            report.inserted += 1
        elif _same(found[1], point_columns(point)):
            report.unchanged += 1
        else:
            plan.update.append((found[0], point))
            report.updated += 1
    plan.remove = [
        id_
        for at, (id_, values) in existing.items()
        if values["is_forecast"] and at not in incoming
    ]
    report.superseded = len(plan.remove)
    return plan


def _same(stored: dict[str, Any], new: dict[str, Any]) -> bool:
    for key, value in new.items():
        old = stored.get(key)
        if key == "is_forecast":
            if bool(old) != bool(value):
                return False
        elif isinstance(value, float) and isinstance(old, int | float):
            if abs(value - old) > 1e-9:
                return False
        elif old != value:
            return False
    return True


def _write(session: Session, report: TyphoonImportReport, plan: _Plan, writer: Writer) -> int:
    """The typhoon, then its superseded, changed and new points."""
    source = report.file[:200]
    typhoon_id = plan.typhoon_id
    if typhoon_id is None:
        session.execute(insert(Typhoon).values(code=report.code, name=report.name, source=source))
        typhoon_id = session.scalar(select(Typhoon.id).where(Typhoon.code == report.code))
    elif plan.rename:
        session.execute(
            update(Typhoon).where(Typhoon.id == typhoon_id).values(name=report.name, source=source)
        )
    else:
        session.execute(update(Typhoon).where(Typhoon.id == typhoon_id).values(source=source))
    assert typhoon_id is not None
    if plan.remove:
        session.execute(delete(TyphoonPoint).where(TyphoonPoint.id.in_(plan.remove)))
        writer.removed = len(plan.remove)
    if plan.update:
        session.execute(
            update(TyphoonPoint),
            [{"id": id_, **point_columns(point)} for id_, point in plan.update],
        )
    writer.check_cancel()
    if plan.insert:
        session.execute(
            insert(TyphoonPoint),
            [{"typhoon_id": typhoon_id, **point_columns(point)} for point in plan.insert],
        )
    report.typhoon_id = typhoon_id
    return len(plan.insert) + len(plan.update)
