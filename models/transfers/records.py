"""Opening an event's records for the register and keeping them in step with register
edits made during the event; the one status a record shows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import and_, bindparam, case, func, insert, literal, or_, select, update
from sqlalchemy.orm import Session, aliased

from models.areas import DangerZone
from models.audit import bulk_operation
from models.base import UTCDateTime, utcnow
from models.domain_events import EventStarted, RegisterRowsChanged, subscribe
from models.events import Event, acting_name
from models.transfers.common import CHECK_IN, MOVED_STATES, OBJECT_DANGER_KIND, _table
from models.transfers.errors import TransferRefused
from models.transfers.register import register_year
from models.transfers.tables import _COUNTS, Household, TransferObject, TransferRecord
from models.transfers.tallies import _tally_new_records, rebuild_tallies
from models.users import require


def _event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise TransferRefused(
            QCoreApplication.translate("Transfers", "This event no longer exists.")
        )
    return event


def open_transfers(
    *, session: Session, event_id: int, year: int | None = None, village_id: int | None = None
) -> int:
    """Give every household and object of the register year (of one village with
    ``village_id``) a record for the event.

    Idempotent: subjects that have one keep it; records of subjects whose residents,
    danger zone or assigned shelter changed in the register since are brought up to
    date (unless that would contradict counts already recorded; ``sync_transfers``).
    Returns the number of records created. One bulk audit record.
    """
    require(session, CHECK_IN)
    event = _event(session, event_id)
    if year is None:
        year = register_year(session=session, at=event.started_at)
        if year is None:
            return 0
    now = utcnow()
    who = acting_name(session)
    table = _table(TransferRecord)
    zone = aliased(DangerZone)

    def records() -> tuple[int, int]:
        """How many records the event has, and the last one's id (one pass of its index)."""
        count, last = session.execute(
            select(func.count(), func.max(TransferRecord.id)).where(
                TransferRecord.event_id == event_id
            )
        ).one()
        return count or 0, last or 0

    # Counted: INSERT ... SELECT reports no row count on every driver.
    before, last_id = records()
    with bulk_operation(
        session,
        table_name="transfer_records",
        source=f"open transfers event {event_id} year {year}",
    ) as counter:
        existing_h = (
            select(TransferRecord.id)
            .where(TransferRecord.event_id == event_id, TransferRecord.household_id == Household.id)
            .exists()
        )
        households = (
            select(
                literal(event_id),
                Household.id,
                Household.village_id,
                func.coalesce(zone.kind, ""),
                Household.residents,
                literal("to_move"),
                Household.shelter_id,
                literal(1),
                literal(now, UTCDateTime()),
                literal(who),
                *[literal(0) for _ in _COUNTS],
            )
            .outerjoin(zone, zone.id == Household.danger_zone_id)
            .where(Household.year == year, ~existing_h, *_in_village(Household, village_id))
        )
        columns = [
            "event_id",
            "household_id",
            "village_id",
            "kind",
            "residents",
            "status",
            "shelter_id",
            "version",
            "updated_at",
            "updated_by",
            *_COUNTS,
        ]
        session.execute(insert(table).from_select(columns, households))
        existing_o = (
            select(TransferRecord.id)
            .where(
                TransferRecord.event_id == event_id, TransferRecord.object_id == TransferObject.id
            )
            .exists()
        )
        # Rolled up under the zone's kind, else under the danger kind of their own kind.
        own = func.coalesce(zone.kind, TransferObject.kind)
        kind_of_object = case(
            *[(own == k, literal(v)) for k, v in OBJECT_DANGER_KIND.items() if k != v], else_=own
        )
        objects = (
            select(
                literal(event_id),
                TransferObject.id,
                TransferObject.village_id,
                kind_of_object,
                TransferObject.head_count,
                literal("to_move"),
                TransferObject.shelter_id,
                literal(1),
                literal(now, UTCDateTime()),
                literal(who),
                *[literal(0) for _ in _COUNTS],
            )
            .outerjoin(zone, zone.id == TransferObject.danger_zone_id)
            .where(
                TransferObject.year == year, ~existing_o, *_in_village(TransferObject, village_id)
            )
        )
        columns[1] = "object_id"
        session.execute(insert(table).from_select(columns, objects))
        created = records()[0] - before
        synced = _sync_records(session, event_id, who, now, village_id=village_id)
        counter["rows"] = created + synced
        if synced:  # changed records: their old contributions are not known here
            rebuild_tallies(session=session, event_id=event_id)
        elif created:
            _tally_new_records(session, event_id, last_id)
    return created


def _in_village(
    subject: type[Household] | type[TransferObject], village_id: int | None
) -> list[Any]:
    return [] if village_id is None else [subject.village_id == village_id]


def _object_kind(zone_kind: str | None, own_kind: str) -> str:
    """The kind an object's record is rolled up under: its zone's, else the danger
    kind its own kind belongs to."""
    kind = zone_kind or own_kind
    return OBJECT_DANGER_KIND.get(kind, kind)


def sync_transfers(
    *, session: Session, village_id: int | None = None, zone_ids: Sequence[int] | None = None
) -> int:
    """Bring the records of the events in progress up to date with a register edit:
    a village's households changed (``village_id``) or danger zones' kinds changed
    (``zone_ids``). Called by the register's writes whatever the editor's role, so the
    figures follow the register at once. Returns the number of records changed."""
    events = session.scalars(
        select(Event.id).where(
            Event.ended_at.is_(None),
            select(TransferRecord.id).where(TransferRecord.event_id == Event.id).exists(),
        )
    ).all()
    if not events:
        return 0
    now = utcnow()
    who = acting_name(session)
    changed = 0
    with bulk_operation(
        session, table_name="transfer_records", source="register edited during the event"
    ) as counter:
        for event_id in events:
            synced = _sync_records(
                session, event_id, who, now, village_id=village_id, zone_ids=zone_ids
            )
            if synced:
                rebuild_tallies(session=session, event_id=event_id)
            changed += synced
        counter["rows"] = changed
    return changed


def _sync_records(
    session: Session,
    event_id: int,
    who: str,
    now: datetime,
    *,
    village_id: int | None = None,
    zone_ids: Sequence[int] | None = None,
) -> int:
    """Bring records up to date with register changes made during the event: all of
    the event's records, or those of one village's subjects, or of some zones'."""
    zone = aliased(DangerZone)
    accounted = (
        TransferRecord.away
        + TransferRecord.refused
        + TransferRecord.sheltered
        + TransferRecord.relatives
        + TransferRecord.forced
    )
    in_shelter = TransferRecord.sheltered - TransferRecord.back_sheltered
    scopes: dict[Any, list[Any]] = {}
    for subject in (Household, TransferObject):
        where = _in_village(subject, village_id)
        if village_id is not None:  # a record keeps its subject's village: the index serves
            where.append(TransferRecord.village_id == village_id)
        if zone_ids is not None:
            where.append(subject.danger_zone_id.in_(list(zone_ids)))
        scopes[subject] = where
    stale: list[Any] = list(
        session.execute(
            select(
                TransferRecord.id,
                Household.residents,
                func.coalesce(zone.kind, ""),
                Household.shelter_id,
                TransferRecord.residents,
                TransferRecord.kind,
                TransferRecord.shelter_id,
                accounted,
                in_shelter,
            )
            .join(Household, Household.id == TransferRecord.household_id)
            .outerjoin(zone, zone.id == Household.danger_zone_id)
            .where(TransferRecord.event_id == event_id, *scopes[Household])
            .where(
                or_(
                    TransferRecord.residents != Household.residents,
                    TransferRecord.kind != func.coalesce(zone.kind, ""),
                    and_(
                        in_shelter == 0,
                        TransferRecord.status != "returned",
                        func.coalesce(TransferRecord.shelter_id, -1)
                        != func.coalesce(Household.shelter_id, -1),
                    ),
                )
            )
        )
    )
    # Objects are few, and their kind is mapped here: every record of the scope is compared.
    objects = session.execute(
        select(
            TransferRecord.id,
            TransferObject.head_count,
            zone.kind,
            TransferObject.kind,
            TransferObject.shelter_id,
            TransferRecord.residents,
            TransferRecord.kind,
            TransferRecord.shelter_id,
            accounted,
            in_shelter,
            TransferRecord.status,
        )
        .join(TransferObject, TransferObject.id == TransferRecord.object_id)
        .outerjoin(zone, zone.id == TransferObject.danger_zone_id)
        .where(TransferRecord.event_id == event_id, *scopes[TransferObject])
    ).all()
    for (
        record_id,
        head_count,
        zone_kind,
        own_kind,
        shelter_id,
        old_residents,
        old_kind,
        old_shelter,
        done,
        here,
        status,
    ) in objects:
        stale.append(
            (
                record_id,
                head_count,
                _object_kind(zone_kind, own_kind),
                old_shelter if status == "returned" else shelter_id,
                old_residents,
                old_kind,
                old_shelter,
                done,
                here,
            )
        )
    changes: list[dict[str, Any]] = []
    for (
        record_id,
        residents,
        kind,
        shelter_id,
        old_residents,
        old_kind,
        old_shelter,
        done,
        here,
    ) in stale:
        new_residents = residents if residents >= done else old_residents
        new_shelter = shelter_id if here == 0 else old_shelter
        if (new_residents, kind, new_shelter) == (old_residents, old_kind, old_shelter):
            continue
        changes.append(
            {
                "rid": record_id,
                "residents": new_residents,
                "kind": kind,
                "shelter_id": new_shelter,
                "updated_at": now,
                "updated_by": who,
            }
        )
    if changes:
        table = _table(TransferRecord)
        session.execute(
            update(table)
            .where(table.c.id == bindparam("rid"))
            .values(
                residents=bindparam("residents"),
                kind=bindparam("kind"),
                shelter_id=bindparam("shelter_id"),
                updated_at=bindparam("updated_at"),
                updated_by=bindparam("updated_by"),
                version=table.c.version + 1,
            ),
            changes,
        )
        _refresh_statuses(session, [c["rid"] for c in changes])
    return len(changes)


def _refresh_statuses(session: Session, record_ids: Sequence[int]) -> None:
    table = _table(TransferRecord)
    for start in range(0, len(record_ids), 500):
        part = list(record_ids[start : start + 500])
        rows = session.execute(
            select(table.c.id, table.c.residents, *[table.c[c] for c in _COUNTS]).where(
                table.c.id.in_(part)
            )
        ).all()
        updates = [
            {"rid": row[0], "status": derive_status(*[int(v) for v in row[1:]])} for row in rows
        ]
        if updates:
            session.execute(
                update(table)
                .where(table.c.id == bindparam("rid"))
                .values(status=bindparam("status")),
                updates,
            )


def derive_status(
    residents: int,
    away: int,
    refused: int,
    sheltered: int,
    relatives: int,
    forced: int,
    back_sheltered: int = 0,
    back_relatives: int = 0,
    back_forced: int = 0,
) -> str:
    """The one status a list shows for a record: refusals first (they need action),
    then people still to move, then where most of the moved people are now."""
    remaining = residents - away - refused - sheltered - relatives - forced
    if refused > 0:
        return "refused"
    if remaining > 0:
        return "to_move"
    here = {
        "sheltered": sheltered - back_sheltered,
        "relatives": relatives - back_relatives,
        "forced": forced - back_forced,
    }
    best = max(MOVED_STATES, key=lambda s: (here[s], -MOVED_STATES.index(s)))
    if here[best] > 0:
        return best
    if back_sheltered + back_relatives + back_forced > 0:
        return "returned"
    if away > 0:
        return "away"
    return "to_move"


# -- what transfers hears from lower modules -------------------------------------------


@subscribe(EventStarted)
def _open_records_of_new_event(started: EventStarted, *, session: Session) -> None:
    """An event started: every household and object gets its record for it at once."""
    if started.open_records:
        open_transfers(session=session, event_id=started.event_id)


@subscribe(RegisterRowsChanged)
def _follow_retyped_zones(change: RegisterRowsChanged, *, session: Session) -> None:
    """A danger zone's kind changed: the events' figures by kind follow at once."""
    if change.table == "danger_zones" and "kind" in change.columns:
        sync_transfers(session=session, zone_ids=list(change.ids))
