"""``import_households``: read, choose the village, validate in blocks, write all or nothing."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import bindparam, update
from sqlalchemy.orm import Session

from models.base import collector_paused, utcnow
from models.clock import display_zone
from models.database import insert_many
from models.events import active_event
from models.fields import year_number
from models.geo.crs import normalise_crs
from models.imports.framework import ImportSteps, Job, Writer, import_file, repeated
from models.imports.households.checks import _check_in_county, _match_existing
from models.imports.households.columns import _COMPARED, _HOUSEHOLDS, BATCH, BLOCK, COLUMNS
from models.imports.households.parser import _Parser
from models.imports.households.rows import _is_seq_only, _Row
from models.imports.households.village import (
    _Context,
    _context,
    _load_shapely_meanwhile,
    _title_text,
    _Village,
    _villages,
    village_from_title,
    year_from_title,
)
from models.imports.problems import ImportFileError, ImportProblem
from models.imports.report import CancelToken, ImportReport, ProgressCallback
from models.imports.spreadsheet import (
    OnTable,
    Table,
    file_problem,
    read_workbook,
    table_from_workbook,
)
from models.messages import fill
from models.text_index import replace_texts
from models.transfers import (
    CHECK_IN,
    HOUSEHOLD_NAMES,
    household_search_values,
    open_transfers,
    register_year,
    unique_card_codes,
)
from models.users import actor_of


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
    """Import a village transfer list; see the package docstring.

    Returns the report; writes into ``session`` only when no row was refused (or
    ``valid_only``), not in a dry run, and not when cancelled. Never commits.
    When an event is active and the list is of the register year in force, the
    new households get their transfer records at once. Raises PermissionDenied
    without IMPORT_DATA, ValueError for an unknown ``crs``.
    """
    return import_file(
        "households",
        session=session,
        path=path,
        village_code=village_code,
        year=year,
        crs=crs,
        dry_run=dry_run,
        valid_only=valid_only,
        progress=progress,
        cancel=cancel,
    )


@dataclass
class _ListFile(OnTable):
    """The list as read: its table and the title above the header."""

    table: Table
    title: str


class HouseholdSteps(ImportSteps[_ListFile, list[_Row]]):
    """``import households``: the village and year, validation in blocks, the write, and
    during an event the village's transfer records."""

    audit_table = "households"

    def __init__(self, job: Job) -> None:
        super().__init__(job)
        job.options["crs"] = normalise_crs(job.options["crs"])
        self.ctx: _Context | None = None

    def running(self) -> AbstractContextManager[Any]:
        return collector_paused()

    @staticmethod
    def reader(path: Path, options: Mapping[str, Any]) -> _ListFile:
        _load_shapely_meanwhile()
        workbook = read_workbook(path)
        try:
            table = table_from_workbook(workbook, COLUMNS, None)
        except ImportFileError as error:
            error.checksum = workbook.checksum
            raise
        sheet = next(s for s in workbook.sheets if s.name == table.sheet)
        return _ListFile(table, _title_text(sheet.rows[: table.header_rows[0] - 1]))

    def rows(self, source: _ListFile) -> int:
        return len(source.table.rows)

    def validate(self, source: _ListFile) -> list[_Row]:
        job, table = self.job, source.table
        village = _choose_village(
            job.session, job.report.file, table, source.title, job.options["village_code"]
        )
        year = job.options["year"]
        if year is None:
            year = year_from_title(source.title) or utcnow().astimezone(display_zone()).year
        year = year_number(year)  # the option was checked already; a title says 20xx
        self.ctx = _context(job.session, village, year, job.options["crs"])
        plan = _validate(table, self.ctx, job)
        if not job.report.rows_read:
            raise ImportFileError(
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
        return plan

    def write(self, plan: list[_Row], writer: Writer) -> int:
        assert self.ctx is not None
        return _write(self.job.session, self.ctx, plan, writer)

    def after_write(self, plan: list[_Row]) -> None:
        assert self.ctx is not None
        _open_for_active_event(self.job.session, self.ctx.year, self.ctx.village.id)


def _choose_village(
    session: Session, file: str, table: Table, title: str, village_code: str | None
) -> _Village:
    if village_code is not None:
        code = village_code.strip()
        found = _villages(session, code)
        if not found:
            raise file_problem(
                file,
                fill(
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


def _validate(table: Table, ctx: _Context, job: Job) -> list[_Row]:
    report = job.report
    parsed: list[_Row] = []
    others = [i for key, i in table.columns.items() if key != "seq"]
    parser = _Parser(table, ctx, report, job.kind.ranges)
    for start in range(0, len(table.rows), BLOCK):
        job.check_cancel()
        job.progress(start)
        block = table.rows[start : start + BLOCK]
        filled = [row for row in block if not _is_seq_only(row, others)]
        report.rows_skipped += len(block) - len(filled)
        report.rows_read += len(filled)
        parsed += parser.parse(filled)
    report.rows_skipped += table.skipped
    _check_in_county(parsed, ctx, table, report)

    # The same householder and mobile twice: every such row is refused, in one problem
    # naming the rows (thousands of rows filled down cost one problem, not one per row).
    named = [item for item in parsed if item.values["householder_name"]]
    for (name, phone), positions in repeated([item.key for item in named]).items():
        items = [named[p] for p in positions]
        report.add(
            replace(
                table.problem(
                    items[0].row,
                    "name",
                    name,
                    fill(
                        QCoreApplication.translate(
                            "Import", "The household of %1 (mobile %2) is listed %3 times."
                        ),
                        name,
                        phone or QCoreApplication.translate("Import", "none"),
                        f"{len(items):,}",
                    ),
                ),
                more_rows=tuple(item.row.number for item in items[1:]),
            )
        )
        for item in items:
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
    return plan


def _write(session: Session, ctx: _Context, plan: list[_Row], writer: Writer) -> int:
    """New households with new card codes, then the changed ones, in batches."""
    new = [item for item in plan if item.match is None]
    changed = [item for item in plan if item.match is not None]
    codes = unique_card_codes(session, len(new))
    placed = {"year": ctx.year, "village_id": ctx.village.id}
    for batch in writer.batches(list(zip(new, codes, strict=True)), BATCH):
        insert_many(
            session,
            _HOUSEHOLDS,
            [_columns(item, placed, card_code=code) for item, code in batch],
        )
    hh = _HOUSEHOLDS
    for rows in writer.batches(changed, BATCH):
        session.execute(
            update(hh)
            .where(hh.c.id == bindparam("hid"))
            .values({c: bindparam(c) for c in _columns(rows[0])}),
            [{**_columns(item), "hid": item.match.id} for item in rows if item.match is not None],
        )
    # A stored household is matched by its name, but the index follows any rename.
    replace_texts(
        session,
        HOUSEHOLD_NAMES,
        [
            (item.match.id, item.match.name, item.values["householder_name"])
            for item in changed
            if item.match is not None and item.match.name != item.values["householder_name"]
        ],
    )
    return len(plan)


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
