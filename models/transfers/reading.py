"""Records as the check-in panel shows them: one, an event's, or a subject's
(created when a household was listed after the event started)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import func, literal, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from models.areas import DangerZone, Shelter
from models.events import acting_name
from models.privacy import phone_masker
from models.transfers.common import CHECK_IN, _Town, _Village
from models.transfers.errors import TransferRefused
from models.transfers.records import _event, _object_kind
from models.transfers.rows import TransferRow
from models.transfers.tables import Household, TransferObject, TransferRecord
from models.transfers.tallies import _apply_tallies, _tally_state, _town_of
from models.users import Permission, require


def _record_rows(
    session: Session, where: Iterable[Any], kinds: Sequence[str] = ("household", "object")
) -> list[TransferRow]:
    """Transfer rows of households and objects (or only ``kinds``) matching the conditions
    on TransferRecord."""
    conditions = list(where)
    mask = phone_masker(session)
    zone = aliased(DangerZone)
    common = (
        TransferRecord.id,
        TransferRecord.event_id,
        TransferRecord.village_id,
        _Village.name,
        func.coalesce(_Town.name, ""),
        TransferRecord.kind,
        TransferRecord.residents,
        TransferRecord.status,
        TransferRecord.away,
        TransferRecord.refused,
        TransferRecord.sheltered,
        TransferRecord.relatives,
        TransferRecord.forced,
        TransferRecord.back_sheltered,
        TransferRecord.back_relatives,
        TransferRecord.back_forced,
        TransferRecord.shelter_id,
        Shelter.name,
        TransferRecord.refusal_reason,
        TransferRecord.authorised_by,
        TransferRecord.version,
        TransferRecord.updated_at,
        TransferRecord.updated_by,
        zone.name,
    )
    rows: list[TransferRow] = []
    for subject, entity, fk in (
        ("household", Household, TransferRecord.household_id),
        ("object", TransferObject, TransferRecord.object_id),
    ):
        if subject not in kinds:
            continue
        if entity is Household:
            extra: tuple[Any, ...] = (
                Household.id,
                literal(None),
                Household.card_code,
                Household.householder_name,
                Household.householder_phone,
                Household.location,
            )
        else:
            extra = (
                TransferObject.id,
                TransferObject.kind,
                TransferObject.card_code,
                TransferObject.name,
                TransferObject.person_phone,
                TransferObject.location,
            )
        stmt = (
            select(*common, *extra)
            .join(entity, entity.id == fk)
            .join(_Village, _Village.id == TransferRecord.village_id)
            .outerjoin(_Town, _Town.id == _Village.parent_id)
            .outerjoin(Shelter, Shelter.id == TransferRecord.shelter_id)
            .outerjoin(zone, zone.id == entity.danger_zone_id)
            .where(*conditions)
        )
        for row in session.execute(stmt):
            (
                rid,
                eid,
                vid,
                vname,
                tname,
                kind,
                residents,
                status,
                away,
                refused,
                sheltered,
                relatives,
                forced,
                bs,
                br,
                bf,
                shelter_id,
                shelter_name,
                reason,
                authorised,
                version,
                updated_at,
                updated_by,
                zone_name,
                sid,
                okind,
                code,
                name,
                phone,
                location,
            ) = row
            rows.append(
                TransferRow(
                    rid,
                    eid,
                    subject,
                    sid,
                    okind,
                    code,
                    name,
                    mask(phone),
                    vid,
                    vname,
                    tname,
                    zone_name,
                    kind,
                    location,
                    residents,
                    status,
                    away,
                    refused,
                    sheltered,
                    relatives,
                    forced,
                    bs + br + bf,
                    sheltered - bs,
                    shelter_id,
                    shelter_name,
                    reason,
                    authorised,
                    version,
                    updated_at,
                    updated_by,
                )
            )
    return rows


def get_transfer(*, session: Session, record_id: int) -> TransferRow | None:
    require(session, Permission.READ_REGISTER)
    rows = _record_rows(session, [TransferRecord.id == record_id])
    return rows[0] if rows else None


def list_transfers(
    *,
    session: Session,
    event_id: int,
    village_id: int | None = None,
    shelter_id: int | None = None,
    status: str | None = None,
) -> list[TransferRow]:
    """An event's records, optionally of one village, shelter or status, by village and name."""
    require(session, Permission.READ_REGISTER)
    where: list[Any] = [TransferRecord.event_id == event_id]
    if village_id is not None:
        where.append(TransferRecord.village_id == village_id)
    if shelter_id is not None:
        where.append(TransferRecord.shelter_id == shelter_id)
    if status is not None:
        where.append(TransferRecord.status == status)
    rows = _record_rows(session, where)
    rows.sort(key=lambda r: (r.village_id, r.subject, r.name, r.record_id))
    return rows


def record_for(
    *,
    session: Session,
    event_id: int,
    household_id: int | None = None,
    object_id: int | None = None,
) -> TransferRow:
    """The record of a household or object for the event, created when missing
    (a household listed after the event started)."""
    require(session, CHECK_IN)
    if (household_id is None) == (object_id is None):
        raise ValueError("give exactly one of household_id and object_id")
    fk = TransferRecord.household_id if household_id is not None else TransferRecord.object_id
    subject_id = household_id if household_id is not None else object_id
    found = session.scalar(
        select(TransferRecord.id).where(TransferRecord.event_id == event_id, fk == subject_id)
    )
    if found is None:
        _event(session, event_id)
        values: dict[str, Any]
        if household_id is not None:
            household = session.get(Household, household_id)
            if household is None:
                raise TransferRefused(
                    QCoreApplication.translate(
                        "Transfers", "This household is no longer on the list."
                    )
                )
            kind = (
                session.scalar(
                    select(DangerZone.kind).where(DangerZone.id == household.danger_zone_id)
                )
                or ""
            )
            values = {
                "household_id": household.id,
                "village_id": household.village_id,
                "kind": kind,
                "residents": household.residents,
                "shelter_id": household.shelter_id,
            }
        else:
            obj = session.get(TransferObject, object_id)
            if obj is None:
                raise TransferRefused(
                    QCoreApplication.translate(
                        "Transfers", "This transfer object is no longer on the list."
                    )
                )
            zone_kind = session.scalar(
                select(DangerZone.kind).where(DangerZone.id == obj.danger_zone_id)
            )
            values = {
                "object_id": obj.id,
                "village_id": obj.village_id,
                "kind": _object_kind(zone_kind, obj.kind),
                "residents": obj.head_count,
                "shelter_id": obj.shelter_id,
            }
        try:
            with session.begin_nested():
                record = TransferRecord(
                    event_id=event_id, updated_by=acting_name(session), **values
                )
                session.add(record)
                session.flush()
                _apply_tallies(
                    session,
                    event_id,
                    [],
                    [_tally_state(record, _town_of(session, record.village_id))],
                )
        except IntegrityError:  # another workstation created it meanwhile
            pass
        found = session.scalar(
            select(TransferRecord.id).where(TransferRecord.event_id == event_id, fk == subject_id)
        )
    row = get_transfer(session=session, record_id=int(found))  # type: ignore[arg-type]
    assert row is not None
    return row
