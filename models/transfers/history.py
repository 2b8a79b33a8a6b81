"""The changes of an event's records in time order, and a shelter's arrivals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.areas import Shelter
from models.transfers.common import _rows_as
from models.transfers.tables import Household, TransferChange, TransferObject, TransferRecord
from models.users import Permission, require


@dataclass(frozen=True, slots=True)
class ChangeRow:
    id: int
    record_id: int
    at: datetime
    actor: str
    place: str | None
    from_status: str
    to_status: str
    count: int
    shelter_id: int | None
    shelter_name: str | None
    reason: str | None
    authorised_by: str | None
    version: int
    name: str  # householder or object name


def transfer_history(
    *,
    session: Session,
    event_id: int,
    record_id: int | None = None,
    shelter_id: int | None = None,
    since: datetime | None = None,
    to_status: str | None = None,
) -> list[ChangeRow]:
    """Changes of an event in time order: of one record, at one shelter, or since a time."""
    require(session, Permission.READ_REGISTER)
    stmt = (
        select(
            TransferChange.id,
            TransferChange.record_id,
            TransferChange.at,
            TransferChange.actor,
            TransferChange.place,
            TransferChange.from_status,
            TransferChange.to_status,
            TransferChange.count,
            TransferChange.shelter_id,
            Shelter.name,
            TransferChange.reason,
            TransferChange.authorised_by,
            TransferChange.version,
            func.coalesce(Household.householder_name, TransferObject.name, ""),
        )
        .join(TransferRecord, TransferRecord.id == TransferChange.record_id)
        .outerjoin(Household, Household.id == TransferRecord.household_id)
        .outerjoin(TransferObject, TransferObject.id == TransferRecord.object_id)
        .outerjoin(Shelter, Shelter.id == TransferChange.shelter_id)
        .where(TransferChange.event_id == event_id)
        .order_by(TransferChange.at, TransferChange.id)
    )
    if record_id is not None:
        stmt = stmt.where(TransferChange.record_id == record_id)
    if shelter_id is not None:
        stmt = stmt.where(TransferChange.shelter_id == shelter_id)
    if since is not None:
        stmt = stmt.where(TransferChange.at > since)
    if to_status is not None:
        stmt = stmt.where(TransferChange.to_status == to_status)
    return _rows_as(ChangeRow, session.execute(stmt))


def shelter_arrivals(*, session: Session, event_id: int, shelter_id: int) -> list[ChangeRow]:
    """Who arrived at a shelter, how many and when (for the shelter manager's list)."""
    return transfer_history(
        session=session, event_id=event_id, shelter_id=shelter_id, to_status="sheltered"
    )
