"""``export households``: a village's transfer list in the template's layout, or an
empty template for a village to fill.

The layout is the one ``import households`` reads: a title row naming town,
village and year, one header row with exactly the template's columns (DOMAIN.md)
and our extra columns after 备注, then one row per household. Mobiles are masked
(139****5678) unless ``unmasked`` is asked for by a role with UNMASK_EXPORTS;
that choice is recorded in the audit log. A masked list can be imported back:
the masked numbers of households already in the register keep their stored
numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.areas import Division
from models.base import utcnow
from models.clock import display_zone
from models.exports.sheet import (
    COORDINATE,
    TEXT,
    body_row,
    column_widths,
    header_row,
    new_workbook,
    print_setup,
    save,
    title_row,
)
from models.imports.households import EXTRA_COLUMNS, TEMPLATE_COLUMNS
from models.messages import fill
from models.privacy import audit_unmasked, unmasking
from models.refusals import Refused
from models.transfers import HouseholdRow, list_households, register_year
from models.users import Permission, require

# The danger-zone kinds as the list's 类别 column writes them (data, not UI text).
CATEGORY = {
    "flash_flood": "山洪",
    "geological": "地质灾害",
    "waterlogging": "低洼易涝",
    "dilapidated_housing": "危旧房",
    "seawall": "海塘海岛",
    "work_shed": "工棚和在建工地",
    "fishing_raft": "渔船渔排",
    "scenic_spot": "景区",
}
TEMPLATE_ROWS = 30  # numbered empty rows in the template, for printing and filling in
_WIDTHS = {
    "seq": 6,
    "zone": 24,
    "category": 10,
    "location": 26,
    "lon": 12,
    "lat": 11,
    "name": 10,
    "residents": 9,
    "phone": 14,
    "t_name": 10,
    "t_post": 12,
    "t_phone": 14,
    "w_name": 10,
    "w_post": 12,
    "w_phone": 14,
    "shelter": 26,
    "certified": 8,
    "manager": 10,
    "manager_phone": 14,
    "note": 18,
    "grid": 16,
}
_PHONE_KEYS = {"phone", "t_phone", "w_phone", "manager_phone"}


class ExportRefused(Refused):
    """The export cannot be made as asked; the message is for the user."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    masked: bool
    village_code: str | None = None
    year: int | None = None


def _cells(row: HouseholdRow, number: int) -> dict[str, object]:
    return {
        "seq": number,
        "zone": row.danger_zone_name,
        "category": CATEGORY.get(row.danger_kind or "", row.danger_kind),
        "location": row.location,
        "lon": row.lon,
        "lat": row.lat,
        "name": row.householder_name,
        "residents": row.residents,
        "phone": row.householder_phone,
        "t_name": row.transfer_person_name,
        "t_post": row.transfer_person_post,
        "t_phone": row.transfer_person_phone,
        "w_name": row.warning_person_name,
        "w_post": row.warning_person_post,
        "w_phone": row.warning_person_phone,
        "shelter": row.shelter_name,
        "certified": None
        if row.shelter_certified is None
        else ("有" if row.shelter_certified else "无"),
        "manager": row.shelter_manager,
        "manager_phone": row.shelter_manager_phone,
        "note": row.note,
        "grid": row.grid_name,
        "elderly": row.elderly,
        "disabled": row.disabled,
        "bedridden": row.bedridden,
        "children": row.children,
        "pregnant": row.pregnant,
    }


def _write(
    path: Path, title: str, rows: list[dict[str, object]], extras: bool, numbered_blank: int = 0
) -> None:
    columns = list(TEMPLATE_COLUMNS) + (list(EXTRA_COLUMNS) if extras else [])
    workbook, sheet = new_workbook("转移清单")
    title_row(sheet, title, span=len(columns))
    header = header_row(sheet, [column.label for column in columns], height=32)
    column_widths(sheet, [_WIDTHS.get(column.key, 7) for column in columns])
    formats = {
        index: TEXT if column.key in _PHONE_KEYS else COORDINATE
        for index, column in enumerate(columns)
        if column.key in _PHONE_KEYS or column.key in ("lon", "lat")
    }
    body = rows or [{"seq": n} for n in range(1, numbered_blank + 1)]
    for values in body:
        body_row(sheet, [values.get(column.key) for column in columns], formats=formats)
    print_setup(sheet, header=header)
    save(workbook, path)


def export_households(
    *,
    session: Session,
    path: str | Path,
    village_code: str | None = None,
    village_id: int | None = None,
    year: int | None = None,
    unmasked: bool = False,
    extras: bool = True,
) -> ExportResult:
    """Write a village's filled transfer list to an .xlsx file.

    ``year`` defaults to the register year in force. ``unmasked`` needs
    UNMASK_EXPORTS (else PermissionDenied) and is audited. Raises ExportRefused
    for an unknown village.
    """
    require(session, Permission.READ_REGISTER)
    masked = unmasking(session, unmasked=unmasked)
    query = select(Division.id, Division.code, Division.name, Division.parent_id).where(
        Division.level == "village"
    )
    if village_id is not None:
        query = query.where(Division.id == village_id)
    elif village_code is not None:
        query = query.where(Division.code == village_code.strip())
    else:
        raise ExportRefused(
            QCoreApplication.translate("Export", "Choose the village whose list to export.")
        )
    found = session.execute(query).first()
    if found is None:
        raise ExportRefused(
            fill(
                QCoreApplication.translate("Export", "No village or community has the code %1."),
                str(village_code or village_id),
            )
        )
    vid, code, name, parent = found
    town = session.scalar(select(Division.name).where(Division.id == parent)) or ""
    if year is None:
        year = register_year(session=session) or utcnow().astimezone(display_zone()).year
    households = list_households(session=session, village_id=vid, year=year, masked=masked)
    path = Path(path)
    title = f"{town}{name}危险区人员转移清单（{year}年）"
    _write(path, title, [_cells(row, n) for n, row in enumerate(households, start=1)], extras)
    if not masked:
        audit_unmasked(
            session,
            document="households",
            path=path,
            subject={"village": code, "year": year},
            rows=len(households),
        )
    return ExportResult(path, len(households), masked, code, year)


def export_template(*, path: str | Path, extras: bool = True) -> ExportResult:
    """Write an empty transfer list for a village to fill (title to complete, numbered rows)."""
    path = Path(path)
    _write(
        path,
        "××镇（街道）××村（社区）危险区人员转移清单（20××年）",
        [],
        extras,
        numbered_blank=TEMPLATE_ROWS,
    )
    return ExportResult(path, 0, True)
