"""The state one import carries through its steps, and how a problem is recorded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import shapely
from PySide6.QtCore import QCoreApplication
from shapely.geometry.base import BaseGeometry
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.areas import Division
from models.geo.projections import SourceCrs
from models.imports.divisions import normalise_code
from models.imports.gis.columns import COUNTRY_PREFIX, REPAIR_AREA_TOLERANCE
from models.imports.gis.features import _Feature, _Source
from models.imports.gis.shapes import _percent
from models.imports.report import CancelToken, ImportReport
from models.imports.spreadsheet import Column, clean_text, number_text
from models.messages import fill


def division_code(raw: str) -> tuple[str | None, str | None]:
    """A division code as a boundary file writes it (with or without the country prefix
    156 of ``gb`` fields), as ``normalise_code`` returns it."""
    if (
        raw.isascii()
        and raw.isdigit()
        and raw.startswith(COUNTRY_PREFIX)
        and len(raw) in (9, 12, 15)
    ):
        code, _ = normalise_code(raw[len(COUNTRY_PREFIX) :])
        if code is not None:
            return code, None  # no province's code starts with 15 6
    return normalise_code(raw)


@dataclass
class _Item:
    feature: _Feature
    key: Any  # what identifies the row (code, or (village id, name) for shelters)
    values: dict[str, Any]  # column values to write (None: keep what is stored)
    geometry: BaseGeometry | None = None
    ok: bool = True


class _ImportBase:
    """What one import knows: its file, report, the divisions and counties; problems are recorded here."""

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

    def repaired(self, feature: _Feature, invalid: str, change: float) -> None:
        """A repaired outline, accepted: the report says what was wrong and how much of
        the area the repair changed."""
        reason = fill(
            QCoreApplication.translate(
                "Import",
                "The geometry was invalid (%1) and was repaired; the area changed by %2% (at most %3% is accepted).",
            ),
            invalid,
            _percent(change),
            _percent(REPAIR_AREA_TOLERANCE),
        )
        self.note(feature, reason)

    def note(self, feature: _Feature, reason: str, key: str | None = None) -> None:
        """Something the import changed in accepting a feature, for the report."""
        label = self.label(feature)
        if label:
            reason = fill(QCoreApplication.translate("Import", "%1: %2"), label, reason)
        problem = self.source.problem(feature, key, "", reason, self.spec)
        self.report.add_change(problem if key is not None else replace(problem, column=None))

    def refuse(self, feature: _Feature, key: str | None, value: str, reason: str) -> None:
        label = self.label(feature)
        if label:
            reason = fill(QCoreApplication.translate("Import", "%1: %2"), label, reason)
        self.report.add(self.source.problem(feature, key, value, reason, self.spec))
        self.refused.add(feature.number)
