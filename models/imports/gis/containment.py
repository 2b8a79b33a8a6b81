"""What ``db check`` asks of the register's outlines, asked of an import before it writes.

A grid, danger zone or shelter lies within the outline of its village; a village within
its town's, a town within the county's (``models.checks``, give or take its TOLERANCE).
An import that would break one of these refuses the feature that would, naming the other
side; with ``reassign`` a grid, zone or shelter outside the village it names goes to the
village whose outline holds it, and the report says so. A division's outline in the file
is measured against its parent and children as they will be after the import (the file's
where it brings them, else the stored ones), until no accepted outline breaks a rule.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication
from shapely.geometry.base import BaseGeometry
from sqlalchemy import select

from models.areas import DangerZone, Division, Grid, Shelter
from models.checks import TOLERANCE
from models.imports.gis.base import _ImportBase, _Item
from models.messages import QT_TRANSLATE_NOOP, fill

METRES_PER_DEGREE = 111_000.0
"""For telling the user how far a shape sticks out: about, not surveyed."""

FIT_DEGREES = 5e-6
"""An outline straying from its parent's, its children's or its grids' by at most this much
(about half a metre: what a conversion from BD-09 and back, or another program's rounding,
leaves) is fitted to them, and the report says so; further, it is refused."""


def covered(containers: list[BaseGeometry], shapes: list[BaseGeometry]) -> np.ndarray:
    """Pairwise: whether each container covers its shape, give or take ``db check``'s
    TOLERANCE (shared edges are computed, not copied)."""
    if not shapes:
        return np.zeros(0, dtype=bool)
    outer = np.array(containers, dtype=object)
    inner = np.array(shapes, dtype=object)
    shapely.prepare(outer)  # a container repeated is prepared once, for all its shapes
    inside = np.asarray(shapely.covers(outer, inner), dtype=bool)
    doubtful = np.flatnonzero(~inside)
    if len(doubtful):
        # Each container grown once, however many of its shapes are in doubt.
        unique = {id(shape): shape for shape in outer[doubtful]}
        grown = dict(zip(unique, shapely.buffer(list(unique.values()), TOLERANCE), strict=True))
        shapely.prepare(list(grown.values()))
        near = np.array([grown[id(shape)] for shape in outer[doubtful]], dtype=object)
        inside[doubtful] = shapely.covers(near, inner[doubtful])
    return inside


def _outside_degrees(container: BaseGeometry, shape: BaseGeometry) -> float:
    """How far the farthest vertex of ``shape`` lies outside ``container``, in degrees."""
    points = shapely.points(shapely.get_coordinates(shape))
    return float(np.max(shapely.distance(container, points))) if len(points) else 0.0


def _metres(degrees: float) -> str:
    metres = degrees * METRES_PER_DEGREE
    return f"{metres:.0f}" if metres >= 1 else f"{metres:.2f}"


def outside_by(container: BaseGeometry, shape: BaseGeometry) -> str:
    """How far (metres, about) the farthest vertex of ``shape`` lies outside ``container``."""
    return _metres(_outside_degrees(container, shape))


def _fit(
    outline: BaseGeometry,
    misfits: list[tuple[BaseGeometry, BaseGeometry, float]],
    *,
    outline_is: BaseGeometry,
) -> BaseGeometry | None:
    """``outline`` grown over what it should hold and cut to what should hold it (pairs of
    (outer, inner) where it is one of them), or None when that leaves no valid area."""
    held = [inner for outer, inner, _ in misfits if outer is outline_is]
    holders = [outer for outer, inner, _ in misfits if inner is outline_is]
    shape = shapely.union_all([outline, *held]) if held else outline
    for holder in holders:
        shape = shapely.intersection(shape, holder)
    shape = shapely.make_valid(shape, method="structure", keep_collapsed=False)
    if shape.geom_type == "GeometryCollection":
        parts = [g for g in shape.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        shape = shapely.union_all(parts) if parts else shapely.Polygon()
    if shape.is_empty or shape.geom_type not in ("Polygon", "MultiPolygon"):
        return None
    return shapely.orient_polygons(shape)  # RFC 7946 order, as every outline imported


@dataclass(frozen=True)
class _Outline:
    code: str
    name: str
    level: str
    geometry: BaseGeometry

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class _Containment(_ImportBase):
    """The checks of place ``db check`` makes, made before anything is written."""

    reassign: bool = False

    # grids, danger zones, shelters ------------------------------------------------------

    def _village_outlines(self) -> dict[int, tuple[str, BaseGeometry]]:
        return {
            id_: (f"{code} {name}", shapely.from_wkb(geom))
            for id_, code, name, geom in self.session.execute(
                select(Division.id, Division.code, Division.name, Division.geom).where(
                    Division.level == "village", Division.geom.is_not(None)
                )
            )
        }

    def within_villages(self, items: list[_Item]) -> None:
        """Each feature within its village's outline (a village without one: nothing to
        check); else moved (``reassign``) or refused."""
        outlines = self._village_outlines()
        if not outlines:
            return
        placed = [
            item
            for item in items
            if item.geometry is not None and item.values.get("village_id") in outlines
        ]
        inside = covered(
            [outlines[item.values["village_id"]][1] for item in placed],
            [item.geometry for item in placed if item.geometry is not None],
        )
        strays = [item for item, ok in zip(placed, inside, strict=True) if not ok]
        if not strays:
            return
        ids = list(outlines)
        tree = shapely.STRtree([outlines[i][1] for i in ids])
        for item in strays:
            assert item.geometry is not None
            own_id = item.values["village_id"]
            own_label, own = outlines[own_id]
            homes = sorted(
                ids[int(i)]
                for i in tree.query(item.geometry, predicate="covered_by")
                if ids[int(i)] != own_id
            )
            if self.reassign and homes:
                home = homes[0]
                item.values["village_id"] = home
                if isinstance(item.key, tuple):  # shelters: known by village and name
                    item.key = (home, item.key[1])
                self.note(
                    item.feature,
                    fill(
                        QCoreApplication.translate(
                            "Import",
                            "Outside the village %1 named in the file (by about %2 m); moved to the village %3, whose outline holds it.",
                        ),
                        own_label,
                        outside_by(own, item.geometry),
                        outlines[home][0],
                    ),
                )
                continue
            if homes:
                advice = fill(
                    QCoreApplication.translate(
                        "Import",
                        "It lies in the village %1: correct the village code, or import with --reassign to move it there.",
                    ),
                    outlines[homes[0]][0],
                )
            else:
                advice = QCoreApplication.translate(
                    "Import", "No village's outline holds it whole: correct its geometry."
                )
            self.refuse(
                item.feature,
                "village_code",
                own_label,
                fill(
                    QCoreApplication.translate(
                        "Import", "It lies outside its village %1 (by about %2 m). %3"
                    ),
                    own_label,
                    outside_by(own, item.geometry),
                    advice,
                ),
            )
            item.ok = False

    # division outlines ------------------------------------------------------------------

    def nesting(self, items: list[_Item]) -> None:
        """Each outline in the file within its parent's and around its children's and (a
        village) its grids', danger zones' and shelters', as they will be after the import;
        the outlines that break a rule are refused until the rest keep every rule."""
        stored: dict[str, _Outline] = {}
        parent_id: dict[str, int] = {}
        for code, name, level, geom, parent in self.session.execute(
            select(Division.code, Division.name, Division.level, Division.geom, Division.parent_id)
        ):
            if geom is not None:
                stored[code] = _Outline(code, name, level, shapely.from_wkb(geom))
            if parent is not None:
                parent_id[code] = parent
        code_of_id = {id_: code for code, (id_, _, _) in self.divisions.items()}
        parent_code = {code: code_of_id.get(id_, "") for code, id_ in parent_id.items()}
        children: dict[str, list[str]] = {}
        for code, above in parent_code.items():
            children.setdefault(above, []).append(code)

        candidates: dict[str, _Item] = {
            str(item.key): item
            for item in items
            if item.ok
            and item.geometry is not None
            and item.feature.number not in self.refused
            and str(item.key) in self.divisions
        }
        new = {
            code: _Outline(code, self.divisions[code][1], self.divisions[code][2], item.geometry)
            for code, item in candidates.items()
            if item.geometry is not None
        }
        contents = self._village_contents(
            {self.divisions[code][0] for code, outline in new.items() if outline.level == "village"}
        )
        accepted = set(new)
        reasons: dict[str, str] = {}
        fitted: dict[str, float] = {}  # code -> how far (degrees) its outline was moved
        while accepted:
            after = stored | {code: new[code] for code in accepted}
            # (blamed code, outer, inner, template: %1 the other, %2 metres, the other)
            pairs: list[tuple[str, BaseGeometry, BaseGeometry, str, str]] = []
            for code in sorted(accepted):
                outline = new[code]
                container = after.get(parent_code.get(code, ""))
                if container is not None:
                    pairs.append(
                        (code, container.geometry, outline.geometry, _OUTSIDE, str(container))
                    )
                for child in children.get(code, ()):
                    if child in after:
                        pairs.append(
                            (
                                code,
                                outline.geometry,
                                after[child].geometry,
                                _LEAVES,
                                str(after[child]),
                            )
                        )
                for template, name, shape in contents.get(self.divisions[code][0], ()):
                    pairs.append((code, outline.geometry, shape, template, name))
            inside = covered([p[1] for p in pairs], [p[2] for p in pairs])
            failed: dict[str, list[str]] = {}
            misfits: dict[str, list[tuple[BaseGeometry, BaseGeometry, float]]] = {}
            for (code, outer, inner, template, name), ok in zip(pairs, inside, strict=True):
                if not ok:
                    by = _outside_degrees(outer, inner)
                    misfits.setdefault(code, []).append((outer, inner, by))
                    failed.setdefault(code, []).append(
                        fill(
                            QCoreApplication.translate("Import", template),
                            name,
                            _metres(by),
                        )
                    )
            if not failed:
                break
            refitted = False
            for code, found in misfits.items():
                if code in fitted or max(by for _, _, by in found) > FIT_DEGREES:
                    continue
                fit = _fit(new[code].geometry, found, outline_is=new[code].geometry)
                if fit is not None:
                    new[code] = replace(new[code], geometry=fit)
                    fitted[code] = max(by for _, _, by in found)
                    refitted = True
            if refitted:
                continue  # measured again as fitted
            for code, whys in failed.items():
                accepted.discard(code)
                shown = "; ".join(whys[:3])
                if len(whys) > 3:
                    shown += fill(
                        QCoreApplication.translate("Import", "; and %1 more"), str(len(whys) - 3)
                    )
                reasons[code] = shown
        for code, by in fitted.items():
            if code in accepted:
                item = candidates[code]
                item.geometry = new[code].geometry
                self.note(
                    item.feature,
                    fill(
                        QCoreApplication.translate(
                            "Import",
                            "The outline was fitted to the outlines around and within it: it strayed from them by at most %1 m (up to %2 m is fitted).",
                        ),
                        _metres(by),
                        _metres(FIT_DEGREES),
                    ),
                )
        for code, reason in reasons.items():
            item = candidates[code]
            self.refuse(
                item.feature,
                None,
                "",
                fill(
                    QCoreApplication.translate(
                        "Import",
                        "The outline would fail the database check: %1. Correct the outlines so that they nest.",
                    ),
                    reason,
                ),
            )
            item.ok = False

    def _village_contents(
        self, village_ids: set[int]
    ) -> dict[int, list[tuple[str, str, BaseGeometry]]]:
        """Per village id among ``village_ids``, its stored grids, danger zones and
        shelters: (template, name, shape)."""
        contents: dict[int, list[tuple[str, str, BaseGeometry]]] = {}
        if not village_ids:
            return contents
        kinds = (
            (Grid, Grid.code, _GRID),
            (DangerZone, DangerZone.code, _ZONE),
            (Shelter, Shelter.name, _SHELTER),
        )
        for model, ident, template in kinds:
            rows = [
                row
                for row in self.session.execute(
                    select(model.village_id, ident, model.geom).where(model.geom.is_not(None))
                )
                if row[0] in village_ids
            ]
            shapes = shapely.from_wkb([row[2] for row in rows]) if rows else []
            for (village_id, name, _), shape in zip(rows, shapes, strict=True):
                contents.setdefault(village_id, []).append((template, str(name), shape))
        return contents


_OUTSIDE = QT_TRANSLATE_NOOP("Import", "it lies outside %1 (by about %2 m)")
_LEAVES = QT_TRANSLATE_NOOP("Import", "it leaves %1 outside (by about %2 m)")
_GRID = QT_TRANSLATE_NOOP("Import", "it leaves the grid %1 outside (by about %2 m)")
_ZONE = QT_TRANSLATE_NOOP("Import", "it leaves the danger zone %1 outside (by about %2 m)")
_SHELTER = QT_TRANSLATE_NOOP("Import", "it leaves the shelter %1 outside (by about %2 m)")
