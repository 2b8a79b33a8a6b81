"""``db check``: what is wrong with a database, in words an administrator can act on.

The checks read everything once and do the spatial work vectorised with shapely,
so a county of a few thousand grids and danger zones checks in a fraction of a
second.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication
from sqlalchemy import ColumnElement, select, text
from sqlalchemy.orm import Session, aliased

import models.all_tables  # noqa: F401  (every indexed text registered)
from models.areas import DangerZone, Division, Grid, Shelter, WorkingGroupMember
from models.fields import Range
from models.labels import DANGER_KINDS, SHELTER_LEVELS, WORKING_GROUP_POSTS
from models.messages import fill
from models.supplies import ledger_problems
from models.teams import insurance_cover_problems
from models.text_index import differences, indexed_texts
from models.users import Permission, require

# Geometries may stray this far (degrees, about 0.1 mm) outside their container:
# shared edges are computed, not copied.
TOLERANCE = 1e-9
# More problems of one kind than this are summed up in one line.
MAX_PER_KIND = 50

_CODE_LENGTH = {"county": 6, "town": 9, "village": 12}
_PARENT_LEVEL = {"town": "county", "village": "town"}


class _Problems:
    """Collected messages, at most MAX_PER_KIND of each kind plus a count of the rest."""

    def __init__(self) -> None:
        self._kinds: dict[str, list[str]] = {}
        self._extra: dict[str, int] = {}

    def add(self, template: str, *values: object) -> None:
        """A problem: ``template`` is a translated message with %1, %2... for ``values``."""
        listed = self._kinds.setdefault(template, [])
        if len(listed) < MAX_PER_KIND:
            listed.append(fill(template, *values))
        else:
            self._extra[template] = self._extra.get(template, 0) + 1

    def messages(self) -> list[str]:
        result: list[str] = []
        for template, listed in self._kinds.items():
            result.extend(listed)
            if template in self._extra:
                result.append(
                    fill(
                        QCoreApplication.translate(
                            "Checks", "... and %1 more problems like the one above."
                        ),
                        self._extra[template],
                    )
                )
        return result


def _table_label(table: str) -> str:
    labels = {
        "divisions": QCoreApplication.translate("Checks", "Division"),
        "grids": QCoreApplication.translate("Checks", "Grid"),
        "danger_zones": QCoreApplication.translate("Checks", "Danger zone"),
        "shelters": QCoreApplication.translate("Checks", "Shelter"),
        "working_group_members": QCoreApplication.translate("Checks", "Working group member"),
    }
    return labels.get(table, table)


def check_database(*, session: Session) -> list[str]:
    """Every problem found, one message each; an empty list means the database is sound."""
    require(session, Permission.READ_REGISTER)
    problems = _Problems()
    if session.get_bind().dialect.name == "sqlite":
        _check_sqlite(session, problems)
    divisions = _check_divisions(session, problems)
    _check_village_references(session, problems)
    _check_codes(session, problems)
    _check_geometry(session, problems, divisions)
    _check_text_index(session, problems)
    _check_plausible(session, problems)
    ledger_problems(session, problems.add)
    insurance_cover_problems(session, problems.add)
    return problems.messages()


# -- storage --------------------------------------------------------------------


def _check_sqlite(session: Session, problems: _Problems) -> None:
    for (line,) in session.execute(text("PRAGMA integrity_check")):
        if line != "ok":
            problems.add(QCoreApplication.translate("Checks", "SQLite integrity check: %1"), line)
    for table, rowid, parent, _fk in session.execute(text("PRAGMA foreign_key_check")):
        problems.add(
            QCoreApplication.translate(
                "Checks", "Row %1 of table %2 refers to a missing row of table %3."
            ),
            rowid,
            table,
            parent,
        )


def _check_text_index(session: Session, problems: _Problems) -> None:
    """The text index holds exactly the bigrams of its texts: an entry missing would hide a
    row from a search for part of its text (a household from check-in)."""
    for indexed in indexed_texts():
        found = differences(session, indexed)
        column = f"{indexed.table.name}.{indexed.text.name}"
        if found.missing:
            problems.add(
                QCoreApplication.translate(
                    "Checks",
                    "The text index lacks %1 entries of %2 (rows %3): a search for part "
                    "of the text may not find these rows.",
                ),
                found.missing,
                column,
                ", ".join(str(r) for r in found.missing_rows),
            )
        if found.extra:
            problems.add(
                QCoreApplication.translate(
                    "Checks", "The text index holds %1 entries of %2 that no text has (rows %3)."
                ),
                found.extra,
                column,
                ", ".join(str(r) for r in found.extra_rows),
            )


# -- divisions and references -----------------------------------------------------


@dataclass(frozen=True)
class _Division:
    code: str
    name: str
    level: str
    parent_id: int | None

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


def _check_divisions(session: Session, problems: _Problems) -> dict[int, _Division]:
    rows = session.execute(
        select(Division.id, Division.code, Division.name, Division.level, Division.parent_id)
    )
    divisions = {row.id: _Division(row.code, row.name, row.level, row.parent_id) for row in rows}
    for division in divisions.values():
        level = division.level
        if level not in _CODE_LENGTH:
            problems.add(
                QCoreApplication.translate("Checks", "Division %1 has an unknown level %2."),
                division,
                level,
            )
            continue
        length = _CODE_LENGTH[level]
        if len(division.code) != length or not division.code.isdigit():
            problems.add(
                QCoreApplication.translate(
                    "Checks", "Division %1: the code should have %2 digits."
                ),
                division,
                length,
            )
        parent = divisions.get(division.parent_id) if division.parent_id is not None else None
        if level == "county":
            if division.parent_id is not None:
                problems.add(
                    QCoreApplication.translate("Checks", "County %1 has a parent division."),
                    division,
                )
            continue
        if parent is None or parent.level != _PARENT_LEVEL[level]:
            if level == "town":
                problems.add(
                    QCoreApplication.translate("Checks", "Town %1 does not belong to a county."),
                    division,
                )
            else:
                problems.add(
                    QCoreApplication.translate(
                        "Checks", "Village %1 does not belong to a town or street."
                    ),
                    division,
                )
        elif not division.code.startswith(parent.code):
            problems.add(
                QCoreApplication.translate(
                    "Checks", "Division %1: the code does not start with the code of its parent %2."
                ),
                division,
                parent,
            )
    return divisions


def _check_village_references(session: Session, problems: _Problems) -> None:
    """Grids, danger zones, shelters and working groups belong to villages."""
    for entity, ident in (
        (Grid, Grid.code),
        (DangerZone, DangerZone.code),
        (Shelter, Shelter.name),
        (WorkingGroupMember, WorkingGroupMember.id),
    ):
        rows = session.execute(
            select(ident, Division.code, Division.name, Division.level)
            .join(Division, Division.id == entity.village_id)
            .where(Division.level != "village")
        )
        for name, code, division_name, _level in rows:
            if entity is WorkingGroupMember:
                name = f"#{name}"  # members are named by id: their names are personal
            problems.add(
                QCoreApplication.translate(
                    "Checks", "%1 %2 belongs to %3, which is not a village or community."
                ),
                _table_label(entity.__tablename__),
                name,
                f"{code} {division_name}",
            )
    own_grid = aliased(Grid)
    crossed = session.execute(
        select(DangerZone.code, own_grid.code)
        .join(own_grid, own_grid.id == DangerZone.grid_id)
        .where(own_grid.village_id != DangerZone.village_id)
    )
    for zone_code, grid_code in crossed:
        problems.add(
            QCoreApplication.translate(
                "Checks", "Danger zone %1 is attached to grid %2 of another village."
            ),
            zone_code,
            grid_code,
        )


def _unknown(session: Session, ident: Any, column: Any, known: Sequence[str]) -> list[Any]:
    condition: ColumnElement[bool] = column.not_in(list(known))
    return list(session.execute(select(ident, column).where(condition)))


def _check_codes(session: Session, problems: _Problems) -> None:
    for code, kind in _unknown(session, DangerZone.code, DangerZone.kind, list(DANGER_KINDS)):
        problems.add(
            QCoreApplication.translate("Checks", "Danger zone %1 has an unknown kind %2."),
            code,
            kind,
        )
    for name, level in _unknown(session, Shelter.name, Shelter.level, list(SHELTER_LEVELS)):
        problems.add(
            QCoreApplication.translate("Checks", "Shelter %1 has an unknown level %2."), name, level
        )
    for member, post in _unknown(
        session, WorkingGroupMember.id, WorkingGroupMember.post, list(WORKING_GROUP_POSTS)
    ):
        problems.add(
            QCoreApplication.translate(
                "Checks", "Working group member #%1 holds an unknown post %2."
            ),
            member,
            post,
        )
    for name, capacity in session.execute(
        select(Shelter.name, Shelter.capacity).where(Shelter.capacity < 0)
    ):
        problems.add(
            QCoreApplication.translate("Checks", "Shelter %1 has a negative capacity (%2)."),
            name,
            capacity,
        )


# -- geometry -------------------------------------------------------------------


@dataclass
class _Shapes:
    """One table's geometries, parsed, side by side with their ids and containers."""

    table: str
    names: list[str]
    owners: np.ndarray  # id of the containing division, or -1
    geoms: np.ndarray  # shapely geometries or None
    readable: np.ndarray  # bool: present and parsed


def _load_shapes(
    session: Session, problems: _Problems, entity: Any, ident: Any, owner: Any
) -> _Shapes:
    rows = session.execute(
        select(
            ident,
            owner,
            entity.geom,
            entity.min_lon,
            entity.min_lat,
            entity.max_lon,
            entity.max_lat,
        )
    ).all()
    table = entity.__tablename__
    label = _table_label(table)
    names = [str(row[0]) for row in rows]
    owners = np.array([-1 if row[1] is None else row[1] for row in rows], dtype=np.int64)
    blobs = np.array([row[2] for row in rows], dtype=object)
    present = np.array([b is not None for b in blobs], dtype=bool)
    geoms = np.full(len(rows), None, dtype=object)
    if present.any():
        geoms[present] = shapely.from_wkb(blobs[present], on_invalid="ignore")
    readable = present & ~shapely.is_missing(geoms)
    for i in np.flatnonzero(present & ~readable):
        problems.add(
            QCoreApplication.translate("Checks", "%1 %2: the geometry cannot be read."),
            label,
            names[i],
        )
    valid = np.zeros(len(rows), dtype=bool)
    valid[readable] = shapely.is_valid(geoms[readable])
    for i in np.flatnonzero(readable & ~valid):
        problems.add(
            QCoreApplication.translate("Checks", "%1 %2: the geometry is invalid (%3)."),
            label,
            names[i],
            shapely.is_valid_reason(geoms[i]),
        )
    _check_boxes(problems, label, names, rows, geoms, readable, present)
    return _Shapes(table, names, owners, geoms, readable & valid)


def _check_boxes(
    problems: _Problems,
    label: str,
    names: list[str],
    rows: Sequence[Any],
    geoms: np.ndarray,
    readable: np.ndarray,
    present: np.ndarray,
) -> None:
    if not rows:
        return
    stored = np.array([[np.nan if v is None else v for v in row[3:7]] for row in rows], dtype=float)
    actual = np.full((len(rows), 4), np.nan)
    non_empty = readable & ~shapely.is_empty(geoms)
    actual[non_empty] = shapely.bounds(geoms[non_empty])
    both_nan = np.isnan(stored) & np.isnan(actual)
    close = np.abs(stored - actual) <= TOLERANCE
    wrong = ~(both_nan | close).all(axis=1)
    wrong &= readable | ~present  # an unreadable geometry is reported already
    for i in np.flatnonzero(wrong):
        problems.add(
            QCoreApplication.translate(
                "Checks", "%1 %2: the bounding box does not match the geometry."
            ),
            label,
            names[i],
        )


def _check_geometry(session: Session, problems: _Problems, divisions: dict[int, _Division]) -> None:
    div = _load_shapes(session, problems, Division, Division.code, Division.id)
    shape_of = {
        int(i): g for i, g, ok in zip(div.owners, div.geoms, div.readable, strict=True) if ok
    }
    shapely.prepare(list(shape_of.values()))
    # Divisions lie inside their parents.
    known = [divisions.get(int(i)) for i in div.owners]  # rows may come and go meanwhile
    div.names = [str(d) if d else str(i) for d, i in zip(known, div.owners, strict=True)]
    div.owners = np.array([(d.parent_id if d else None) or -1 for d in known], dtype=np.int64)
    _check_within(problems, div, shape_of, divisions)

    zones = _load_shapes(session, problems, DangerZone, DangerZone.code, DangerZone.village_id)
    for entity, ident in ((Grid, Grid.code), (Shelter, Shelter.name)):
        _check_within(
            problems,
            _load_shapes(session, problems, entity, ident, entity.village_id),
            shape_of,
            divisions,
        )
    _check_within(problems, zones, shape_of, divisions)
    flags = {
        code: is_point
        for code, is_point in session.execute(select(DangerZone.code, DangerZone.is_point))
    }
    for name, geom, ok in zip(zones.names, zones.geoms, zones.readable, strict=True):
        if not ok or flags.get(name) is None:
            continue
        drawn_as_point = geom.geom_type == "Point"
        if flags[name] and not drawn_as_point:
            problems.add(
                QCoreApplication.translate(
                    "Checks", "Danger zone %1 is marked as a hazard point but drawn as an area."
                ),
                name,
            )
        elif not flags[name] and drawn_as_point:
            problems.add(
                QCoreApplication.translate(
                    "Checks", "Danger zone %1 is marked as an area but drawn as a point."
                ),
                name,
            )


def _check_within(
    problems: _Problems,
    shapes: _Shapes,
    shape_of: dict[int, Any],
    divisions: dict[int, _Division],
) -> None:
    """Each geometry lies in its owner's, give or take TOLERANCE."""
    checked = np.array(
        [
            ok and int(owner) in shape_of
            for owner, ok in zip(shapes.owners, shapes.readable, strict=True)
        ],
        dtype=bool,
    )
    if not checked.any():
        return
    index = np.flatnonzero(checked)
    containers = np.array([shape_of[int(o)] for o in shapes.owners[index]], dtype=object)
    inside = shapely.covers(containers, shapes.geoms[index])
    doubtful = index[~inside]
    if len(doubtful):
        owners = sorted({int(o) for o in shapes.owners[doubtful]})
        grown = dict(
            zip(owners, shapely.buffer([shape_of[o] for o in owners], TOLERANCE), strict=True)
        )
        shapely.prepare(list(grown.values()))
        near = shapely.covers(
            np.array([grown[int(o)] for o in shapes.owners[doubtful]], dtype=object),
            shapes.geoms[doubtful],
        )
        label = _table_label(shapes.table)
        for i in doubtful[~near]:
            problems.add(
                QCoreApplication.translate("Checks", "%1 %2 lies outside %3."),
                label,
                shapes.names[i],
                divisions.get(int(shapes.owners[i]), shapes.owners[i]),
            )


# -- plausible numbers ------------------------------------------------------------


def _plausible_columns() -> list[tuple[str, Any, Range]]:
    """(label, column, range): every stored number with its plausible range (``models.fields``,
    the ranges forms and imports check)."""
    from models.fields import (
        HOUSEHOLD_PEOPLE,
        HOUSEHOLD_RESIDENTS,
        OBJECT_HEAD_COUNT,
        SHELTER_CAPACITY,
        TOWN_FIGURE,
        TYPHOON_PRESSURE,
        TYPHOON_RADIUS,
        TYPHOON_WIND,
    )
    from models.transfers import Household, TownReport, TransferObject
    from models.typhoons import TyphoonPoint

    household = QCoreApplication.translate("Checks", "Household")
    town_report = QCoreApplication.translate("Checks", "Town report")
    point = QCoreApplication.translate("Checks", "Typhoon track point")
    radii = [
        getattr(TyphoonPoint, f"r{force}_{q}") for force in (7, 10, 12) for q in QUADRANT_NAMES
    ]
    return [
        (household, Household.residents, HOUSEHOLD_RESIDENTS),
        *(
            (household, getattr(Household, name), HOUSEHOLD_PEOPLE)
            for name in ("elderly", "disabled", "bedridden", "children", "pregnant")
        ),
        (_table_label("shelters"), Shelter.capacity, SHELTER_CAPACITY),
        (
            QCoreApplication.translate("Checks", "Transfer object"),
            TransferObject.head_count,
            OBJECT_HEAD_COUNT,
        ),
        *(
            (town_report, getattr(TownReport, name), TOWN_FIGURE)
            for name in ("people_to_move", "moved", "sheltered", "relatives", "forced", "refused")
        ),
        (point, TyphoonPoint.pressure_hpa, TYPHOON_PRESSURE),
        (point, TyphoonPoint.max_wind_ms, TYPHOON_WIND),
        *((point, column, TYPHOON_RADIUS) for column in radii),
    ]


QUADRANT_NAMES = ("ne", "se", "sw", "nw")


def _check_plausible(session: Session, problems: _Problems) -> None:
    """Numbers stored outside their plausible range (written before the ranges were
    checked, or by hand in SQL): each row named, at most MAX_PER_KIND of a column."""
    template = QCoreApplication.translate(
        "Checks", "%1 %2: %3 is %4, outside its plausible range %5."
    )
    for label, column, limits in _plausible_columns():
        table = column.class_
        outside = (column < limits.low) | (column > limits.high)
        rows = session.execute(
            select(table.id, column).where(outside).order_by(table.id).limit(MAX_PER_KIND + 1)
        ).all()
        for ident, value in rows:
            problems.add(template, label, ident, column.key, value, limits.text())
