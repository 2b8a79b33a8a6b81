"""Checks across rows: places inside the county, and each row matched to its stored household."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtCore import QCoreApplication

from models.imports.households.columns import _PHONES
from models.imports.households.rows import _Row
from models.imports.households.village import _Context, _Existing
from models.imports.report import ImportReport
from models.imports.spreadsheet import Table, clean_text
from models.messages import fill
from models.privacy import mask_phone


def _check_in_county(rows: list[_Row], ctx: _Context, table: Table, report: ImportReport) -> None:
    """Refuse points outside the county (with a margin), all rows in one vectorised test."""
    county = ctx.village.county_geom
    placed = [item for item in rows if item.point is not None]
    if county is None or not placed:
        return
    import numpy as np
    import shapely

    xs = np.array([item.values["lon"] for item in placed])
    ys = np.array([item.values["lat"] for item in placed])
    inside = shapely.contains_xy(county, xs, ys)
    swapped = shapely.contains_xy(county, ys, xs)
    for item, ok, crossed in zip(placed, inside, swapped, strict=True):
        if ok:
            continue
        lon_raw, lat_raw = item.point or (None, None)
        lon_text, lat_text = clean_text(lon_raw), clean_text(lat_raw)
        if crossed:
            reason = QCoreApplication.translate("Import", "Longitude and latitude look swapped.")
        else:
            reason = fill(
                QCoreApplication.translate(
                    "Import",
                    "The point (%1, %2) lies outside the county. Check the numbers and the coordinate system (WGS84, GCJ-02 or BD-09).",
                ),
                lon_text,
                lat_text,
            )
        report.add(table.problem(item.row, "lon", lon_text, reason))
        item.ok = False


def _match_existing(rows: list[_Row], ctx: _Context, table: Table, report: ImportReport) -> None:
    """Find each row's household in the register (see the module docstring)."""
    by_key: dict[tuple[str, str], list[_Existing]] = defaultdict(list)
    by_masked: dict[tuple[str, str], list[_Existing]] = defaultdict(list)
    for household in ctx.existing:
        by_key[(household.name, household.phone or "")].append(household)
        if household.phone:
            by_masked[(household.name, mask_phone(household.phone) or "")].append(household)
    taken: set[int] = set()
    for item in rows:
        name, phone = item.key
        source = by_masked if "householder_phone" in item.masked else by_key
        found = source.get((name, phone))
        if not found:
            continue
        candidates = [h for h in found if h.id not in taken]
        if len(candidates) == 1:
            item.match = candidates[0]
            taken.add(candidates[0].id)
    # A changed mobile: the one household of that name in the same zone (only rows whose
    # name and zone some household has can find one: the others are not counted).
    by_name_zone: dict[tuple[str, int | None], list[Any]] = defaultdict(list)
    for h in ctx.existing:
        by_name_zone[(h.name, h.zone_id)].append(h)
    pending = [
        (item, name_zone)
        for item in rows
        if item.match is None
        and (name_zone := (item.values["householder_name"], item.values["danger_zone_id"]))
        in by_name_zone
    ]
    file_count: dict[tuple[str, int | None], int] = defaultdict(int)
    for _item, name_zone in pending:
        file_count[name_zone] += 1
    for item, name_zone in pending:
        if name_zone[1] is None or file_count[name_zone] != 1:
            continue
        same = [h for h in by_name_zone[name_zone] if h.id not in taken]
        if len(same) == 1:
            item.match = same[0]
            taken.add(same[0].id)
    # Masked numbers stand for the stored ones of the matched household only.
    for item in rows:
        if not item.masked:
            continue
        for column, masked in item.masked.items():
            stored = item.match.values.get(column) if item.match is not None else None
            if stored is not None and mask_phone(stored) == masked:
                item.values[column] = stored
                continue
            key = {c: k for k, c in _PHONES}[column]
            report.add(
                table.problem(
                    item.row,
                    key,
                    masked,
                    QCoreApplication.translate(
                        "Import",
                        "The number is masked. Enter the full number (only a number already in the register for this household may stay masked).",
                    ),
                )
            )
            item.ok = False
