"""The coordinate system stated or declared, and every geometry converted and checked against it."""

from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication
from shapely.errors import GEOSException
from shapely.geometry.base import BaseGeometry

from models.geo.projections import (
    CHINA_EXTENT,
    CrsError,
    SourceCrs,
    epsg_name,
    gauss_kruger_suggestions,
    looks_projected,
    parse_crs,
    swapped,
    to_lonlat,
    within_extent,
    zone_prefix_fix,
)
from models.imports.gis.base import _ImportBase, division_code
from models.imports.gis.columns import _POLYGONAL, COUNTY_MARGIN_DEGREES
from models.imports.gis.features import _Feature, _Source
from models.imports.gis.shapes import (
    _allowed_types,
    _first_xy,
    _normalise_type,
    _pair,
    _repair,
    _type_reason,
)
from models.imports.report import check_cancel
from models.imports.spreadsheet import file_problem, number_text
from models.messages import fill


def _given_crs(file: str, crs: str | None) -> SourceCrs | None:
    """The coordinate system the user stated, None when not stated."""
    if crs is None or not crs.strip():
        return None
    try:
        return parse_crs(crs)
    except CrsError:
        raise file_problem(
            file,
            fill(
                QCoreApplication.translate(
                    "Import",
                    "Unknown coordinate system %1: use wgs84, cgcs2000, gcj02, bd09 or EPSG:NNNN (for example EPSG:4549).",
                ),
                crs,
            ),
        ) from None


def _file_crs(source: _Source) -> SourceCrs:
    """The coordinate system the file declares, else WGS84."""
    if source.crs_error is not None:
        error = source.crs_error
        if error.reason == "unidentified":
            message = fill(
                QCoreApplication.translate(
                    "Import",
                    "The file's coordinate system %1 has no EPSG code. State it with --crs EPSG:NNNN (for example EPSG:4549).",
                ),
                error.name,
            )
        else:
            message = fill(
                QCoreApplication.translate(
                    "Import",
                    "The file's coordinate system cannot be read (%1). State it with --crs.",
                ),
                (error.name or error.text).strip()[:80],
            )
        raise file_problem(source.file, message, sheet=source.sheet)
    return source.crs or parse_crs(None)


class _Geometries(_ImportBase):
    """Conversion to longitude-latitude and the checks of units, extent and county."""

    def geometries(self) -> None:
        """Convert and check every geometry; the good ones end up in ``converted``."""
        candidates: list[_Feature] = []
        raw: list[BaseGeometry] = []
        allowed = _allowed_types(self.kind)
        for feature in self.features:
            if feature.problem is not None:
                key, value, reason = feature.problem
                self.refuse(feature, key, value, reason)
                continue
            geometry = feature.geometry
            if geometry is None or geometry.is_empty:
                self.refuse(
                    feature,
                    None,
                    "",
                    QCoreApplication.translate("Import", "The feature has no geometry."),
                )
                continue
            geometry = _normalise_type(geometry)
            if geometry.geom_type not in allowed:
                self.refuse(feature, None, geometry.geom_type, _type_reason(self.kind, geometry))
                continue
            candidates.append(feature)
            raw.append(geometry)
        if not candidates:
            return
        source = shapely.force_2d(np.array(raw, dtype=object))
        self._check_units(source)
        check_cancel(self.cancel)
        lonlat = to_lonlat(source, self.crs)
        inside = within_extent(lonlat, CHINA_EXTENT)
        exchanged = np.zeros(len(raw), dtype=bool)
        if not inside.all():
            exchanged[~inside] = swapped(source[~inside], self.crs)
        good: list[tuple[_Feature, BaseGeometry]] = []
        repairs: dict[int, tuple[str, float]] = {}  # feature number -> (why invalid, area change)
        for feature, original, converted, ok, swap in zip(
            candidates, source, lonlat, inside, exchanged, strict=True
        ):
            shown = _pair(*_first_xy(original))
            if swap:
                self.refuse(
                    feature,
                    None,
                    shown,
                    QCoreApplication.translate(
                        "Import",
                        "Easting and northing look swapped: the northing (the larger number) comes first.",
                    )
                    if self.crs.projected
                    else QCoreApplication.translate(
                        "Import",
                        "Longitude and latitude look swapped: in China the longitude is the larger number.",
                    ),
                )
                continue
            if not ok:
                x, y = _first_xy(converted)
                if not (np.isfinite(x) and np.isfinite(y)):
                    self.refuse(
                        feature,
                        None,
                        shown,
                        fill(
                            QCoreApplication.translate(
                                "Import",
                                "The coordinates cannot be converted from %1: check the coordinate system (--crs).",
                            ),
                            self.crs.name,
                        ),
                    )
                else:
                    self.refuse(
                        feature,
                        None,
                        shown,
                        fill(
                            QCoreApplication.translate(
                                "Import",
                                "Outside China (longitude %1, latitude %2 after conversion from %3): check the coordinate system (--crs).",
                            ),
                            f"{x:.4f}",
                            f"{y:.4f}",
                            self.crs.name,
                        ),
                    )
                continue
            if converted.geom_type in _POLYGONAL:
                try:
                    repaired, reason, change = _repair(converted, shapefile=feature.shapefile)
                except (GEOSException, ValueError) as error:
                    repaired, reason, change = (
                        None,
                        fill(
                            QCoreApplication.translate(
                                "Import", "The geometry cannot be checked (%1)."
                            ),
                            str(error)[:120],
                        ),
                        None,
                    )
                if repaired is None:
                    self.refuse(feature, None, shapely.is_valid_reason(converted), reason)
                    continue
                if change is not None:
                    repairs[feature.number] = (shapely.is_valid_reason(converted), change)
                converted = repaired
            good.append((feature, converted))
        if not good:
            return
        shapes = np.array([g for _, g in good], dtype=object)
        polygonal = np.isin(shapely.get_type_id(shapes), [3, 6])
        if polygonal.any():
            shapes[polygonal] = shapely.orient_polygons(shapes[polygonal])  # RFC 7946 order
        region, county = self._reference(good)
        if region is not None:
            inside_county = shapely.covered_by(shapes, region)
        else:
            inside_county = np.ones(len(good), dtype=bool)
        for (feature, _), shape, ok in zip(good, shapes, inside_county, strict=True):
            if not ok and not (self.kind == "boundaries" and self._is_county(feature)):
                centre = shape.representative_point()
                self.refuse(
                    feature,
                    None,
                    _pair(centre.x, centre.y),
                    fill(
                        QCoreApplication.translate(
                            "Import",
                            "More than %1 km outside the county %2: check the coordinate system (--crs) and that the data belongs to this county.",
                        ),
                        round(COUNTY_MARGIN_DEGREES * 100),
                        county,
                    ),
                )
                continue
            self.converted[feature.number] = shape
            if feature.number in repairs:
                self.repaired(feature, *repairs[feature.number])

    def _check_units(self, source: np.ndarray) -> None:
        """Refuse the whole file when its numbers do not fit the stated coordinate system."""
        bounds = shapely.bounds(source)
        finite = np.isfinite(bounds).all(axis=1)
        if not finite.any():
            return
        bounds = bounds[finite]
        metres = np.array([looks_projected(tuple(b)) for b in bounds])
        easting = float(np.median((bounds[:, 0] + bounds[:, 2]) / 2))
        if not self.crs.projected and metres.all():
            codes = gauss_kruger_suggestions(easting, self._county_lon())
            example = (
                ", ".join(f"EPSG:{c} ({epsg_name(c)})" for c in codes) or "EPSG:4513 - EPSG:4554"
            )
            raise file_problem(
                self.source.file,
                fill(
                    QCoreApplication.translate(
                        "Import",
                        "The coordinates are metres of a projection, not degrees of %1. State the coordinate system with --crs, for example %2.",
                    ),
                    self.crs.name,
                    example,
                ),
                sheet=self.source.sheet,
            )
        if self.crs.projected and not metres.any():
            raise file_problem(
                self.source.file,
                fill(
                    QCoreApplication.translate(
                        "Import",
                        "The coordinates look like degrees of longitude and latitude, but %1 is a projection in metres. State the right coordinate system with --crs (wgs84 for degrees).",
                    ),
                    self.crs.name,
                ),
                sheet=self.source.sheet,
            )
        if self.crs.projected:
            fix = zone_prefix_fix(self.crs, easting)
            if fix is not None:
                raise file_problem(
                    self.source.file,
                    fill(
                        QCoreApplication.translate(
                            "Import",
                            "The eastings (about %1 m) do not fit %2: the zone number in front is missing or extra. Use --crs EPSG:%3 (%4).",
                        ),
                        f"{easting:.0f}",
                        self.crs.name,
                        fix,
                        epsg_name(fix),
                    ),
                    sheet=self.source.sheet,
                )

    def _county_lon(self) -> float | None:
        return float(self.counties[0][1].centroid.x) if self.counties else None

    def _is_county(self, feature: _Feature) -> bool:
        code, _ = division_code(number_text(feature.values.get("code")))
        return code is not None and len(code) == 6

    def _reference(
        self, good: list[tuple[_Feature, BaseGeometry]]
    ) -> tuple[BaseGeometry | None, str]:
        """The county's outline enlarged by the margin (from the file when it brings the
        county's boundary, else from the database), and the county's name."""
        county: BaseGeometry | None = None
        name = ""
        if self.kind == "boundaries":
            for feature, geometry in good:
                if self._is_county(feature) and geometry.geom_type in _POLYGONAL:
                    county, name = geometry, self.label(feature)
                    break
        if county is None:
            if not self.counties:
                return None, ""
            county = shapely.union_all([shape for _, shape in self.counties])
            name = "、".join(label for label, _ in self.counties)
        region = shapely.buffer(shapely.simplify(county, 0.001), COUNTY_MARGIN_DEGREES, quad_segs=4)
        shapely.prepare(region)
        return region, name
