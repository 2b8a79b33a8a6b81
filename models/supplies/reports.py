"""What the printed supplies reports say: the stock by warehouse or summed by area (the
county's own warehouses, then each town with its town warehouse and village stores), and
the village kit compliance by town; both for the whole county or one town."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from models.areas import Division
from models.messages import QT_TRANSLATE_NOOP, fill
from models.refusals import NotFound
from models.supplies.kit import VillageKit, kit_compliance
from models.supplies.stock import stock
from models.supplies.tables import Warehouse, plain
from models.users import Permission, require

COUNTY_AREA = QT_TRANSLATE_NOOP("Supplies", "County level")
"""The area of warehouses in no town: the county's own, agreement storage."""


@dataclass(frozen=True, slots=True)
class ReportLine:
    area: str
    warehouse: str  # "" on a line summed over an area
    item_code: str
    item_name: str
    unit: str
    on_hand: Decimal
    expired: Decimal
    available: Decimal
    in_transit_out: Decimal
    in_transit_in: Decimal
    minimum: Decimal | None  # by warehouse only
    warehouses: int  # holding the item (1 by warehouse)

    @property
    def below_minimum(self) -> bool:
        return self.minimum is not None and self.available < self.minimum


def find_town(session: Session, text: str) -> tuple[int, str]:
    """The town named by its name or division code, as typed on the command line."""
    wanted = (text or "").strip()
    found = session.execute(
        select(Division.id, Division.name).where(
            Division.level == "town", or_(Division.name == wanted, Division.code == wanted)
        )
    ).first()
    if found is None:
        raise NotFound(
            fill(QCoreApplication.translate("Supplies", "No town is named or coded %1."), wanted)
        )
    return int(found[0]), str(found[1])


def _areas(session: Session) -> dict[int, tuple[str, int | None, str, str]]:
    """warehouse id -> (sort key, town id or None, area name, warehouse name)."""
    place = aliased(Division)
    parent = aliased(Division)
    county = QCoreApplication.translate("Supplies", COUNTY_AREA)
    found: dict[int, tuple[str, int | None, str, str]] = {}
    for wid, name, level, pid, pcode, pname, tid, tcode, tname in session.execute(
        select(
            Warehouse.id,
            Warehouse.name,
            place.level,
            place.id,
            place.code,
            place.name,
            parent.id,
            parent.code,
            parent.name,
        )
        .outerjoin(place, place.id == Warehouse.division_id)
        .outerjoin(parent, parent.id == place.parent_id)
    ):
        if level == "town":
            found[wid] = (f"1{pcode}", pid, pname, name)
        elif level == "village" and tid is not None:
            found[wid] = (f"1{tcode}", tid, tname, name)
        else:
            found[wid] = ("0", None, county, name)
    return found


def stock_report(
    *, session: Session, by_area: bool, town: str | None = None, today: date | None = None
) -> tuple[str, list[ReportLine]]:
    """(the town's name or "", the lines): per warehouse and item in area and warehouse
    code order, or per area and item summed over the area's warehouses."""
    require(session, Permission.READ_REGISTER)
    town_id, town_name = find_town(session, town) if town is not None else (None, "")
    areas = _areas(session)
    codes = {w: c for w, c in session.execute(select(Warehouse.id, Warehouse.code))}
    rows = [
        row
        for row in stock(session=session, today=today)
        if town_id is None or areas[row.warehouse_id][1] == town_id
    ]
    if not by_area:
        rows.sort(key=lambda r: (areas[r.warehouse_id][0], codes[r.warehouse_id], r.item_code))
        return town_name, [
            ReportLine(
                areas[r.warehouse_id][2],
                areas[r.warehouse_id][3],
                r.item_code,
                r.item_name,
                r.unit,
                r.on_hand,
                r.expired,
                r.available,
                r.in_transit_out,
                r.in_transit_in,
                r.minimum,
                1,
            )
            for r in rows
        ]
    zero = Decimal(0)
    sums: dict[tuple[str, str], list[Decimal]] = defaultdict(lambda: [zero] * 5)
    held: dict[tuple[str, str], int] = defaultdict(int)
    names: dict[str, tuple[str, str]] = {}
    area_names: dict[str, str] = {}
    for r in rows:
        key = (areas[r.warehouse_id][0], r.item_code)
        area_names[key[0]] = areas[r.warehouse_id][2]
        names[r.item_code] = (r.item_name, r.unit)
        figures = sums[key]
        for n, value in enumerate(
            (r.on_hand, r.expired, r.available, r.in_transit_out, r.in_transit_in)
        ):
            figures[n] += value
        if r.on_hand > 0:
            held[key] += 1
    lines = []
    for area, code in sorted(sums):
        on_hand, expired, available, out, coming = (
            plain(v) if v else zero for v in sums[(area, code)]
        )
        name, unit = names[code]
        lines.append(
            ReportLine(
                area_names[area],
                "",
                code,
                name,
                unit,
                on_hand,
                expired,
                available,
                out,
                coming,
                None,
                held[(area, code)],
            )
        )
    return town_name, lines


def kit_report(
    *, session: Session, town: str | None = None, today: date | None = None
) -> tuple[str, list[VillageKit]]:
    """(the town's name or "", every village's kit compliance, of the town or all)."""
    require(session, Permission.READ_REGISTER)
    town_name = find_town(session, town)[1] if town is not None else ""
    villages = kit_compliance(session=session, today=today)
    if town is not None:
        villages = [v for v in villages if v.town == town_name]
    return town_name, villages
