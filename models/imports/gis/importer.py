"""``import_gis``: read, convert, check, compare, then write all or nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from models.imports.gis.base import _Item
from models.imports.gis.columns import _COLUMNS, KINDS
from models.imports.gis.coordinates import _file_crs, _Geometries, _given_crs
from models.imports.gis.features import _check_required
from models.imports.gis.readers import _read_source
from models.imports.gis.rows import _Rows
from models.imports.gis.writer import _Writer
from models.imports.problems import ImportFileError
from models.imports.report import (
    CancelToken,
    ImportCancelled,
    ImportReport,
    ProgressCallback,
    check_cancel,
)
from models.imports.spreadsheet import file_problem
from models.messages import fill
from models.users import Permission, require


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
                fill(
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


class _Importer(_Geometries, _Rows, _Writer):
    """Validation and writing of one import; problems go into the report as found."""

    def plan(self) -> list[_Item]:
        parsed = [self._parse(feature) for feature in self.features]
        items = self._unique([item for item in parsed if item is not None])
        return self._compare(items)
