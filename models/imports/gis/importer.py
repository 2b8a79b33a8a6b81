"""``import_gis`` and its steps: read, convert, check, compare, then write all or nothing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from models.geo.projections import SourceCrs
from models.imports.framework import ImportSteps, Writer, import_file
from models.imports.gis.base import _Item
from models.imports.gis.columns import _COLUMNS, _TABLE_NAMES, KINDS
from models.imports.gis.containment import _Containment
from models.imports.gis.coordinates import _file_crs, _Geometries, _given_crs
from models.imports.gis.features import _check_named, _check_required, _named_columns, _Source
from models.imports.gis.readers import _read_source
from models.imports.gis.rows import _Rows
from models.imports.gis.writer import _Writer
from models.imports.report import CancelToken, ImportReport, ProgressCallback
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
    **options: Any,
) -> ImportReport:
    """Import boundaries, grids, danger zones or shelters from a GIS or spreadsheet file.

    ``kind`` is one of KINDS; ``crs`` (wgs84, cgcs2000, gcj02, bd09 or EPSG:NNNN)
    overrides what the file declares; ``code_field`` and ``name_field`` name the
    attributes holding the code and the name; ``reassign`` moves a feature lying outside
    the village it names to the village containing it. Returns the report; writes into ``session``
    only when nothing was refused (or ``valid_only``), not in a dry run and not when
    cancelled. Never commits. Raises PermissionDenied without IMPORT_DATA.
    """
    kind = (kind or "").strip().lower().replace("_", "-")
    if kind not in KINDS:
        require(session, Permission.IMPORT_DATA)
        report = ImportReport(file=Path(path).name, dry_run=dry_run, valid_only=valid_only)
        report.fail(
            file_problem(
                Path(path).name,
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
    return import_file(
        kind,
        session=session,
        path=path,
        crs=crs,
        dry_run=dry_run,
        valid_only=valid_only,
        progress=progress,
        cancel=cancel,
        **options,
    )


@dataclass
class _MapFile:
    """The file as read, and the coordinate system the user stated (None: the file's)."""

    source: _Source
    given: SourceCrs | None

    @property
    def checksum(self) -> str:
        return self.source.checksum

    @property
    def sheet(self) -> str:
        return self.source.sheet

    @property
    def unused_columns(self) -> list[str]:
        return self.source.unused_columns


class GisSteps(ImportSteps[_MapFile, list[_Item]]):
    """``import boundaries|grids|danger-zones|shelters`` (the kind in ``options["kind"]``)."""

    importer: _Importer | None = None

    @property
    def audit_table(self) -> str:
        return _TABLE_NAMES[self.job.options["kind"]]

    @staticmethod
    def reader(path: Path, options: Mapping[str, Any]) -> _MapFile:
        kind = options["kind"]
        given = _given_crs(path.name, options["crs"])
        named = {
            key: str(options[f"{key}_field"])
            for key in ("code", "name")
            if options.get(f"{key}_field")
        }
        spec = _named_columns(_COLUMNS[kind], named)
        source = _read_source(path, kind, spec)
        _check_named(source, spec, named)
        return _MapFile(source, given)

    def rows(self, source: _MapFile) -> int:
        return len(source.source.features)

    def validate(self, source: _MapFile) -> list[_Item]:
        job, read = self.job, source.source
        kind = job.options["kind"]
        spec = _COLUMNS[kind]
        if not read.features:
            raise file_problem(
                read.file,
                QCoreApplication.translate("Import", "The file holds no features."),
                sheet=read.sheet,
            )
        _check_required(read, spec)
        stated = source.given or _file_crs(read)
        job.report.rows_read = len(read.features)
        job.report.rows_skipped = read.skipped
        importer = _Importer(job.session, kind, spec, read, stated, job.report, job.cancel)
        importer.reassign = bool(job.options.get("reassign"))
        self.importer = importer
        importer.geometries()
        job.check_cancel()
        return importer.plan()

    def write(self, plan: list[_Item], writer: Writer) -> int:
        assert self.importer is not None
        return self.importer.write(plan, writer)


class _Importer(_Geometries, _Rows, _Containment, _Writer):
    """Validation and writing of one import; problems go into the report as found."""

    def plan(self) -> list[_Item]:
        parsed = [item for item in map(self._parse, self.features) if item is not None]
        if self.kind == "boundaries":
            self.nesting(parsed)
        else:
            self.within_villages(parsed)
        items = self._unique(parsed)
        return self._compare(items)
