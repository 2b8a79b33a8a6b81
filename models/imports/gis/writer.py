"""Rows compared with what is stored, completed, and written (the framework holds the savepoint)."""

from __future__ import annotations

from typing import Any

import shapely
from PySide6.QtCore import QCoreApplication
from sqlalchemy import insert, select, update

from models.areas import DangerZone, Division, Grid, Shelter
from models.base import geometry_columns
from models.imports.framework import Writer
from models.imports.gis.base import _ImportBase, _Item
from models.imports.gis.columns import BATCH, SAME_SHAPE_DEGREES
from models.imports.problems import rows_text
from models.messages import fill


class _Writer(_ImportBase):
    """Duplicates, the comparison with stored rows, and the batched write."""

    def _unique(self, items: list[_Item]) -> list[_Item]:
        """A code (or shelter) twice in the file: every feature carrying it is refused."""
        by_key: dict[Any, list[_Item]] = {}
        for item in items:
            by_key.setdefault(item.key, []).append(item)
        unit = (
            QCoreApplication.translate("Import", "rows")
            if self.source.table
            else QCoreApplication.translate("Import", "features")
        )
        for key, group in by_key.items():
            if len(group) == 1:
                continue
            # Short whatever the count, and the same for every row: reported as one.
            numbers = rows_text([i.feature.number for i in group])
            shown = key[1] if isinstance(key, tuple) else key
            column = "name" if isinstance(key, tuple) else "code"
            reason = fill(
                QCoreApplication.translate(
                    "Import", "%1 appears more than once in the file (%2 %3)."
                ),
                shown,
                unit,
                numbers,
            )
            for item in group:
                self.refuse(item.feature, column, str(shown), reason)
                item.ok = False
        return items

    def _compare(self, items: list[_Item]) -> list[_Item]:
        """The rows to write; counts inserted, updated and unchanged in the report."""
        existing = self._existing()
        grids = self._grid_villages() if self.kind == "danger-zones" else {}
        plan: list[_Item] = []
        for item in items:
            current = existing.get(item.key)
            if item.ok:
                self._complete(item, current, grids)
            if not item.ok or item.feature.number in self.refused:
                continue
            assert item.geometry is not None
            item.values.update(geometry_columns(item.geometry))
            if current is None:
                self.report.inserted += 1
            elif _same(current, item.values):
                self.report.unchanged += 1
                continue
            else:
                self.report.updated += 1
            plan.append(item)
        return plan

    def _complete(
        self, item: _Item, current: dict[str, Any] | None, grids: dict[str, tuple[int, int]]
    ) -> None:
        """The full row: blank values keep what is stored; a new row must have every
        required value."""
        feature = item.feature
        given = item.values
        grid_code = given.pop("grid_code", None)
        if current is not None:
            values = dict(current)
            values.update({k: v for k, v in given.items() if v is not None})
        else:
            values = dict(given)
            if self.kind != "boundaries" and self.kind != "shelters":
                values["code"] = item.key
        if self.kind == "grids" and values.get("person_name") is None:
            self.refuse(
                feature,
                "person",
                "",
                QCoreApplication.translate(
                    "Import", "The responsible person is empty: a new grid needs one."
                ),
            )
            item.ok = False
        if self.kind == "danger-zones":
            values["is_point"] = item.geometry is not None and item.geometry.geom_type == "Point"
            values.setdefault("grid_id", None)
            if grid_code is not None:
                grid = grids.get(grid_code)
                if grid is None or grid[1] != values.get("village_id"):
                    self.refuse(
                        feature,
                        "grid_code",
                        grid_code,
                        QCoreApplication.translate(
                            "Import", "No grid of this village has this code."
                        ),
                    )
                    item.ok = False
                else:
                    values["grid_id"] = grid[0]
        if self.kind == "shelters":
            if values.get("level") is None:
                self.refuse(
                    feature,
                    "level",
                    "",
                    QCoreApplication.translate(
                        "Import",
                        "The level is empty: a new shelter needs one (县级, 镇级 or 村级).",
                    ),
                )
                item.ok = False
            if values.get("capacity") is None:
                self.refuse(
                    feature,
                    "capacity",
                    "",
                    QCoreApplication.translate(
                        "Import", "The capacity is empty: a new shelter needs one."
                    ),
                )
                item.ok = False
            if values.get("safety_certified") is None:
                values["safety_certified"] = False
        item.values = values

    def _existing(self) -> dict[Any, dict[str, Any]]:
        """The stored rows by what identifies them (boundaries: id and geometry only)."""
        model: Any = _MODELS[self.kind]
        names = (
            ("id", *_GEOMETRY_KEYS)
            if self.kind == "boundaries"
            else tuple(c.key for c in model.__table__.columns)
        )
        key_columns = ("code",) if self.kind != "shelters" else ("village_id", "name")
        columns = [getattr(model, name) for name in dict.fromkeys((*names, *key_columns))]
        existing: dict[Any, dict[str, Any]] = {}
        for row in self.session.execute(select(*columns)):
            mapping = dict(row._mapping)
            key = (
                mapping["code"]
                if self.kind != "shelters"
                else (mapping["village_id"], mapping["name"])
            )
            existing[key] = {k: mapping[k] for k in names}
        return existing

    def _grid_villages(self) -> dict[str, tuple[int, int]]:
        return {
            code: (id_, village_id)
            for id_, code, village_id in self.session.execute(
                select(Grid.id, Grid.code, Grid.village_id)
            )
        }

    def write(self, plan: list[_Item], writer: Writer) -> int:
        """Inserts, then updates, in batches; changed danger zones bring their transfer
        records up to date."""
        session = self.session
        model: Any = _MODELS[self.kind]
        new = [i.values for i in plan if "id" not in i.values]
        changed = [i.values for i in plan if "id" in i.values]
        for rows, statement in ((new, insert(model)), (changed, update(model))):
            for batch in writer.batches(rows, BATCH):
                session.execute(statement, batch)
        if model is DangerZone and changed:
            from models.transfers import sync_transfers  # transfers imports areas

            sync_transfers(session=session, zone_ids=[v["id"] for v in changed])
        return len(plan)


def _same(current: dict[str, Any], values: dict[str, Any]) -> bool:
    """Whether writing ``values`` would change nothing that matters: the same attributes and
    the same shape (vertices in another order or rings the other way round are the same)."""
    if any(current.get(k) != v for k, v in values.items() if k not in _GEOMETRY_KEYS):
        return False
    old, new = current.get("geom"), values.get("geom")
    if old == new:
        return True
    if old is None or new is None:
        return False
    return bool(
        shapely.equals_exact(
            shapely.normalize(shapely.from_wkb(old)),
            shapely.normalize(shapely.from_wkb(new)),
            SAME_SHAPE_DEGREES,
        )
    )


_MODELS: dict[str, Any] = {
    "boundaries": Division,
    "grids": Grid,
    "danger-zones": DangerZone,
    "shelters": Shelter,
}
_GEOMETRY_KEYS = ("geom", "min_lon", "min_lat", "max_lon", "max_lat")
