"""The register year in force, what its lists hold, and its households as rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from models.areas import DangerZone, Grid, Shelter
from models.base import utcnow
from models.clock import display_zone
from models.privacy import phone_masker
from models.transfers.common import _Town, _Village
from models.transfers.rows import HouseholdRow
from models.transfers.tables import Household, TransferObject
from models.users import Permission, require


def register_year(*, session: Session, at: datetime | None = None) -> int | None:
    """The register year in force at ``at`` (default now): the latest year with
    households or objects that is not after the year of ``at``; None when empty."""
    year = (at or utcnow()).astimezone(display_zone()).year
    latest, latest_obj = session.execute(
        select(  # one round trip for both
            select(func.max(Household.year)).where(Household.year <= year).scalar_subquery(),
            select(func.max(TransferObject.year))
            .where(TransferObject.year <= year)
            .scalar_subquery(),
        )
    ).one()
    years = [y for y in (latest, latest_obj) if y is not None]
    return max(years) if years else None


@dataclass(frozen=True, slots=True)
class ListCounts:
    """What the transfer lists of a register year hold."""

    year: int | None
    households: int = 0
    residents: int = 0
    objects: int = 0
    object_people: int = 0
    villages: int = 0  # villages with anything listed


def list_counts(*, session: Session, year: int | None = None) -> ListCounts:
    require(session, Permission.READ_REGISTER)
    if year is None:
        year = register_year(session=session)
    if year is None:
        return ListCounts(None)
    households, residents = session.execute(
        select(func.count(), func.coalesce(func.sum(Household.residents), 0)).where(
            Household.year == year
        )
    ).one()
    objects, people = session.execute(
        select(func.count(), func.coalesce(func.sum(TransferObject.head_count), 0)).where(
            TransferObject.year == year
        )
    ).one()
    villages = session.scalar(
        select(func.count()).select_from(
            select(Household.village_id)
            .where(Household.year == year)
            .union(select(TransferObject.village_id).where(TransferObject.year == year))
            .subquery()
        )
    )
    return ListCounts(
        year, int(households), int(residents), int(objects), int(people), int(villages or 0)
    )


def _household_select() -> Any:
    zone = aliased(DangerZone)
    return (
        select(
            Household.id,
            Household.year,
            Household.village_id,
            _Village.code,
            _Village.name,
            func.coalesce(_Town.name, ""),
            Household.danger_zone_id,
            zone.name,
            zone.kind,
            Household.grid_id,
            Grid.name,
            Household.location,
            Household.lon,
            Household.lat,
            Household.householder_name,
            Household.householder_phone,
            Household.residents,
            Household.elderly,
            Household.disabled,
            Household.bedridden,
            Household.children,
            Household.pregnant,
            Household.transfer_person_name,
            Household.transfer_person_post,
            Household.transfer_person_phone,
            Household.warning_person_name,
            Household.warning_person_post,
            Household.warning_person_phone,
            Household.shelter_id,
            Shelter.name,
            Shelter.safety_certified,
            Shelter.manager_name,
            Shelter.manager_phone,
            Household.note,
            Household.card_code,
        )
        .join(_Village, _Village.id == Household.village_id)
        .outerjoin(_Town, _Town.id == _Village.parent_id)
        .outerjoin(zone, zone.id == Household.danger_zone_id)
        .outerjoin(Grid, Grid.id == Household.grid_id)
        .outerjoin(Shelter, Shelter.id == Household.shelter_id)
    )


def list_households(
    *,
    session: Session,
    village_id: int | None = None,
    year: int | None = None,
    masked: bool | None = None,
) -> list[HouseholdRow]:
    """Households of a year (default: the register year), in list order.

    Phones are masked for roles without SEE_PERSONAL, or always with ``masked=True``;
    ``masked=False`` is for callers that checked a stronger permission themselves.
    """
    require(session, Permission.READ_REGISTER)
    if year is None:
        year = register_year(session=session)
        if year is None:
            return []
    stmt = _household_select().where(Household.year == year)
    if village_id is not None:
        stmt = stmt.where(Household.village_id == village_id)
    stmt = stmt.order_by(_Village.code, Household.id)
    if masked is None:
        mask = phone_masker(session)
    elif masked:
        from models.privacy import mask_phone

        mask = mask_phone
    else:

        def mask(value: str | None) -> str | None:
            return value

    rows = []
    for row in session.execute(stmt):
        values = list(row)
        for index in (15, 24, 27, 32):  # householder, transfer, warning, shelter manager phones
            values[index] = mask(values[index])
        values[30] = None if values[29] is None else bool(values[30])
        rows.append(HouseholdRow(*values))
    return rows
