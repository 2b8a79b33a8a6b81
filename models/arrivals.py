"""A shelter's arrivals during an event, as its manager needs them on paper.

``models.transfers.shelter_arrivals`` gives the history rows (who recorded what,
when); the manager also needs to find and call the people: the householder or
object, its village, the mobile (the householder's, or the responsible person's
for a work shed, raft or scenic spot) and how many were listed. Departures
(people who left the shelter or returned home) are summed so the list agrees
with the shelter's occupancy in the roll-up. A shelter that cannot take everyone
still assigned to it carries its overflow and the nearest shelters with room
(``models.transfers.overflow``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from models.areas import Division, Shelter
from models.operators import operator_name
from models.privacy import can_see_personal, mask_phone
from models.transfers import (
    Household,
    Overflow,
    TransferChange,
    TransferObject,
    TransferRecord,
    overflow_of,
    rollup,
)
from models.users import Permission, require


@dataclass(frozen=True, slots=True)
class ArrivalRow:
    """People of one household or object checked in at the shelter at one time."""

    change_id: int
    record_id: int
    at: datetime
    count: int  # people who arrived with this check-in
    subject: str  # "household" or "object"
    object_kind: str | None  # for objects: work_shed, construction_site...
    name: str  # householder or object name
    phone: str | None  # householder's or responsible person's; masked unless allowed
    village_name: str
    town_name: str
    listed: int  # residents of the household, head count of the object
    actor: str  # who recorded the arrival, as printed (``models.operators.operator_name``)
    place: str | None  # where: the workstation's configured name or the shelter


@dataclass(frozen=True)
class ShelterArrivals:
    shelter_id: int
    shelter_name: str
    capacity: int
    manager_name: str | None
    village_name: str
    town_name: str
    rows: list[ArrivalRow]
    departed: int  # people who left the shelter or returned home since
    masked: bool
    # More people in it and still assigned to it than it can take, and the nearest
    # shelters with room (None: everyone assigned fits).
    overflow: Overflow | None = None

    @property
    def arrived(self) -> int:
        return sum(row.count for row in self.rows)

    @property
    def present(self) -> int:
        return self.arrived - self.departed


def _as_stored(value: str | None) -> str | None:
    return value


_Village = aliased(Division, name="arrival_village")
_Town = aliased(Division, name="arrival_town")


def list_shelter_arrivals(
    *,
    session: Session,
    event_id: int,
    shelter_id: int,
    masked: bool | None = None,
) -> ShelterArrivals | None:
    """Everyone checked in at the shelter during the event, in time order; None when
    the shelter is not in the register.

    Phones are masked for roles without SEE_PERSONAL, or always with ``masked=True``;
    ``masked=False`` is for callers that checked the permission and audit it.
    """
    require(session, Permission.READ_REGISTER)
    shelter = session.execute(
        select(
            Shelter.id,
            Shelter.name,
            Shelter.capacity,
            Shelter.manager_name,
            func.coalesce(_Village.name, ""),
            func.coalesce(_Town.name, ""),
        )
        .outerjoin(_Village, _Village.id == Shelter.village_id)
        .outerjoin(_Town, _Town.id == _Village.parent_id)
        .where(Shelter.id == shelter_id)
    ).first()
    if shelter is None:
        return None
    is_masked = not can_see_personal(session) if masked is None else masked
    mask = mask_phone if is_masked else _as_stored
    stmt = (
        select(
            TransferChange.id,
            TransferChange.record_id,
            TransferChange.at,
            TransferChange.count,
            TransferRecord.household_id,
            TransferObject.kind,
            func.coalesce(Household.householder_name, TransferObject.name, ""),
            func.coalesce(Household.householder_phone, TransferObject.person_phone),
            _Village.name,
            func.coalesce(_Town.name, ""),
            TransferRecord.residents,
            TransferChange.actor,
            TransferChange.place,
        )
        .join(TransferRecord, TransferRecord.id == TransferChange.record_id)
        .outerjoin(Household, Household.id == TransferRecord.household_id)
        .outerjoin(TransferObject, TransferObject.id == TransferRecord.object_id)
        .join(_Village, _Village.id == TransferRecord.village_id)
        .outerjoin(_Town, _Town.id == _Village.parent_id)
        .where(
            TransferChange.event_id == event_id,
            TransferChange.shelter_id == shelter_id,
            TransferChange.to_status == "sheltered",
        )
        .order_by(TransferChange.at, TransferChange.id)
    )
    rows = [
        ArrivalRow(
            change_id,
            record_id,
            at,
            count,
            "household" if household_id is not None else "object",
            kind,
            name,
            mask(phone),
            village,
            town,
            listed,
            operator_name(actor),
            place,
        )
        for (
            change_id,
            record_id,
            at,
            count,
            household_id,
            kind,
            name,
            phone,
            village,
            town,
            listed,
            actor,
            place,
        ) in session.execute(stmt)
    ]
    departed = (
        session.scalar(
            select(func.coalesce(func.sum(TransferChange.count), 0)).where(
                TransferChange.event_id == event_id,
                TransferChange.shelter_id == shelter_id,
                TransferChange.from_status == "sheltered",
            )
        )
        or 0
    )
    (id_, name, capacity, manager, village, town) = shelter
    occupancy = rollup(session=session, event_id=event_id).shelters
    here = next((s for s in occupancy if s.id == id_), None)
    return ShelterArrivals(
        id_,
        name,
        capacity,
        manager,
        village,
        town,
        rows,
        int(departed),
        is_masked,
        overflow_of(here, occupancy) if here is not None else None,
    )
