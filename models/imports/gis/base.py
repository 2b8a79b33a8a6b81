"""The state one import carries through its steps, and how a problem is recorded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import shapely
from PySide6.QtCore import QCoreApplication
from shapely.geometry.base import BaseGeometry
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.areas import Division
from models.geo.projections import SourceCrs
from models.imports.gis.features import _Feature, _Source
from models.imports.report import CancelToken, ImportReport
from models.imports.spreadsheet import Column, clean_text, number_text
from models.messages import fill


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

    def refuse(self, feature: _Feature, key: str | None, value: str, reason: str) -> None:
        label = self.label(feature)
        if label:
            reason = fill(QCoreApplication.translate("Import", "%1: %2"), label, reason)
        self.report.add(self.source.problem(feature, key, value, reason, self.spec))
        self.refused.add(feature.number)
