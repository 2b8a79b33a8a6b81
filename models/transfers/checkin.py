"""Check-in: moving a record's people between states (locked, version-checked and
tallied in one step), and marking a village's returns once the response is lifted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.areas import Shelter
from models.base import utcnow
from models.clock import display_time
from models.events import Event, acting_name
from models.messages import fill
from models.operators import workstation_name
from models.transfers.common import (
    CHECK_IN,
    MOVED_STATES,
    TRANSFER_STATUSES,
    _table,
)
from models.transfers.errors import TransferConflict, TransferRefused
from models.transfers.reading import _record_rows, get_transfer
from models.transfers.records import _event, derive_status
from models.transfers.rows import TransferRow
from models.transfers.tables import TransferChange, TransferRecord
from models.transfers.tallies import _apply_tallies, _tally_state, _town_of
from models.users import require


@dataclass(frozen=True)
class _Counts:
    residents: int
    away: int
    refused: int
    sheltered: int
    relatives: int
    forced: int
    back_sheltered: int
    back_relatives: int
    back_forced: int

    def available(self, state: str) -> int:
        if state == "to_move":
            return (
                self.residents
                - self.away
                - self.refused
                - self.sheltered
                - self.relatives
                - self.forced
            )
        if state in ("away", "refused"):
            return int(getattr(self, state))
        if state in MOVED_STATES:
            return int(getattr(self, state)) - int(getattr(self, "back_" + state))
        if state == "returned":
            return self.back_sheltered + self.back_relatives + self.back_forced
        raise KeyError(state)


def _counts(record: TransferRecord) -> _Counts:
    return _Counts(
        record.residents,
        record.away,
        record.refused,
        record.sheltered,
        record.relatives,
        record.forced,
        record.back_sheltered,
        record.back_relatives,
        record.back_forced,
    )


def _status_label(status: str) -> str:
    source = TRANSFER_STATUSES.get(status)
    return QCoreApplication.translate("Label", str(source)) if source else status


def _lock_records(session: Session, *conditions: Any) -> None:
    """Take the write lock on the records first (SQLite: the database, PostgreSQL: the rows),
    so what is read next is what the change applies to."""
    table = _table(TransferRecord)
    session.execute(update(table).where(*conditions).values(version=table.c.version))


def record_transfer(
    *,
    session: Session,
    record_id: int,
    status: str,
    expected_version: int | None,
    count: int | None = None,
    from_status: str | None = None,
    shelter_id: int | None = None,
    reason: str | None = None,
    authorised_by: str | None = None,
    where: str | None = None,
    at: datetime | None = None,
) -> TransferRow:
    """Move ``count`` people of a record from ``from_status`` to ``status``.

    ``count`` None: everyone available in ``from_status``. ``from_status`` None: the
    usual origin (to_move; refusing people for a forced move when there are any;
    for a return, every moved state in turn: shelter, relatives, forced).
    ``expected_version`` is the version the user saw; when the record changed since,
    TransferConflict names who changed it and when, and nothing is written (None
    skips the check, for scripts). Refusals need ``reason``, forced moves
    ``authorised_by``, moves to a shelter a shelter (given or assigned); returns
    are recorded only once the response is lifted. ``where`` is the workstation or
    shelter (default: this computer's name). Raises TransferRefused.
    """
    require(session, CHECK_IN)
    if status not in TRANSFER_STATUSES:
        raise TransferRefused(
            fill(QCoreApplication.translate("Transfers", "Unknown transfer status: %1"), status)
        )
    if from_status is not None and from_status not in TRANSFER_STATUSES:
        raise TransferRefused(
            fill(
                QCoreApplication.translate("Transfers", "Unknown transfer status: %1"), from_status
            )
        )
    if count is not None and (isinstance(count, bool) or count < 1):
        raise TransferRefused(
            QCoreApplication.translate("Transfers", "The number of people must be at least 1.")
        )

    _lock_records(session, _table(TransferRecord).c.id == record_id)
    record = session.get(TransferRecord, record_id, populate_existing=True)
    if record is None:
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers", "This transfer record no longer exists; reload the list."
            )
        )
    if expected_version is not None and record.version != expected_version:
        raise TransferConflict(
            fill(
                QCoreApplication.translate(
                    "Transfers",
                    "%1 changed this household's record at %2. Nothing was saved; check the current state and enter the change again.",
                ),
                record.updated_by,
                display_time(record.updated_at, seconds=True),
            ),
            changed_by=record.updated_by,
            changed_at=record.updated_at,
            current=get_transfer(session=session, record_id=record_id),
        )
    event = _event(session, record.event_id)
    counts = _counts(record)
    town_id = _town_of(session, record.village_id)
    before = _tally_state(record, town_id)

    # Where the people come from: one state, or for returns every moved state in turn.
    if from_status is None:
        if status == "returned":
            sources = [s for s in MOVED_STATES if counts.available(s) > 0]
        elif status == "forced" and counts.refused > 0:
            sources = ["refused"]
        elif status == "to_move":
            raise TransferRefused(
                QCoreApplication.translate(
                    "Transfers", "Say from which state the people go back to 'to move'."
                )
            )
        else:
            sources = ["to_move"]
    else:
        sources = [from_status]
    if status in sources:
        raise TransferRefused(
            QCoreApplication.translate("Transfers", "The people are already in this state.")
        )
    if status == "returned" and any(s not in MOVED_STATES for s in sources):
        raise TransferRefused(
            QCoreApplication.translate("Transfers", "Only people who were moved can return home.")
        )
    if "returned" in sources:
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers",
                "People who returned home are not moved again in the same event; correct the record through the register instead.",
            )
        )
    available = sum(counts.available(s) for s in sources)
    if status == "returned" and available == 0:
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers", "Nobody of this record has been moved, so nobody can return."
            )
        )
    wanted = available if count is None else count
    if wanted < 1 or wanted > available:
        raise TransferRefused(
            fill(
                QCoreApplication.translate(
                    "Transfers",
                    "Only %1 people of this record are in the state %2; %3 cannot be moved.",
                ),
                available,
                _status_label(sources[0] if len(sources) == 1 else "sheltered"),
                wanted,
            )
        )

    reason = (reason or "").strip() or None
    authorised_by = (authorised_by or "").strip() or None
    if status == "refused" and not reason:
        raise TransferRefused(
            QCoreApplication.translate("Transfers", "Give the reason for the refusal.")
        )
    if status == "forced" and not authorised_by:
        raise TransferRefused(
            QCoreApplication.translate("Transfers", "Say who authorised the forced move.")
        )
    if status == "returned" and not _response_lifted(event):
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers",
                "The response is still in force; returns are recorded after it is lifted.",
            )
        )
    if reason and len(reason) > 200:
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers", "The reason is too long: at most 200 characters."
            )
        )
    target = record.shelter_id
    if status == "sheltered":
        target = shelter_id if shelter_id is not None else record.shelter_id
        if target is None:
            raise TransferRefused(
                QCoreApplication.translate("Transfers", "Choose the shelter the people arrived at.")
            )
        if session.get(Shelter, target) is None:
            raise TransferRefused(
                QCoreApplication.translate(
                    "Transfers", "This shelter is no longer in the register."
                )
            )
        here = counts.available("sheltered")
        if here > 0 and record.shelter_id is not None and target != record.shelter_id:
            current = session.scalar(select(Shelter.name).where(Shelter.id == record.shelter_id))
            raise TransferRefused(
                fill(
                    QCoreApplication.translate(
                        "Transfers",
                        "%1 people of this household are in %2. Record them leaving it before checking people in at another shelter.",
                    ),
                    here,
                    current or "?",
                )
            )

    # Everything checked: change the record (nothing above has touched it).
    record.shelter_id = target
    who = acting_name(session)
    when = at or utcnow()
    place = (where or "").strip()[:80] or workstation_name()
    moves: list[tuple[str, int]] = []
    left = wanted
    for source in sources:
        take = min(left, counts.available(source))
        if take:
            moves.append((source, take))
            left -= take
    for source, take in moves:
        if status == "returned":
            setattr(record, "back_" + source, getattr(record, "back_" + source) + take)
            continue
        if source != "to_move":
            setattr(record, source, getattr(record, source) - take)
        if status != "to_move":
            setattr(record, status, getattr(record, status) + take)
    if status == "refused":
        record.refusal_reason = reason
    if status == "forced":
        record.authorised_by = authorised_by
    if record.refused == 0 and record.forced == 0:
        record.refusal_reason = None  # the reason stays while someone refuses or was forced
    record.status = derive_status(
        record.residents,
        record.away,
        record.refused,
        record.sheltered,
        record.relatives,
        record.forced,
        record.back_sheltered,
        record.back_relatives,
        record.back_forced,
    )
    record.updated_at = when
    record.updated_by = who
    session.flush()  # the version counter rises here
    _apply_tallies(session, record.event_id, [before], [_tally_state(record, town_id)])
    for source, take in moves:
        session.add(
            TransferChange(
                record_id=record.id,
                event_id=record.event_id,
                at=when,
                actor=who,
                place=place,
                from_status=source,
                to_status=status,
                count=take,
                shelter_id=record.shelter_id if "sheltered" in (status, source) else None,
                reason=reason if status in ("refused", "to_move", "away") else None,
                authorised_by=authorised_by if status == "forced" else None,
                version=record.version,
            )
        )
    session.flush()
    kind = "household" if record.household_id is not None else "object"
    return _record_rows(session, [TransferRecord.id == record.id], (kind,))[0]


def _response_lifted(event: Event) -> bool:
    return event.ended_at is not None or event.response_level is None


@dataclass(frozen=True)
class ReturnsMarked:
    records: int
    people: int


def mark_returns(
    *,
    session: Session,
    event_id: int,
    village_id: int,
    where: str | None = None,
    at: datetime | None = None,
) -> ReturnsMarked:
    """Everyone moved from a village is home again: one action once the response is lifted.

    The UI asks for confirmation first. Refusing and away residents are left as they are.
    """
    require(session, CHECK_IN)
    table = _table(TransferRecord)
    _lock_records(session, table.c.event_id == event_id, table.c.village_id == village_id)
    event = _event(session, event_id)
    if not _response_lifted(event):
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers",
                "The response is still in force; returns are recorded after it is lifted.",
            )
        )
    records = session.scalars(
        select(TransferRecord)
        .where(
            TransferRecord.event_id == event_id,
            TransferRecord.village_id == village_id,
            (TransferRecord.sheltered + TransferRecord.relatives + TransferRecord.forced)
            > (
                TransferRecord.back_sheltered
                + TransferRecord.back_relatives
                + TransferRecord.back_forced
            ),
        )
        .execution_options(populate_existing=True)
    ).all()
    who = acting_name(session)
    when = at or utcnow()
    place = (where or "").strip()[:80] or workstation_name()
    moves: list[tuple[TransferRecord, str, int]] = []
    town_id = _town_of(session, village_id)
    before = [_tally_state(record, town_id) for record in records]
    for record in records:
        for state in MOVED_STATES:
            take = getattr(record, state) - getattr(record, "back_" + state)
            if take > 0:
                setattr(record, "back_" + state, getattr(record, state))
                moves.append((record, state, take))
        record.status = derive_status(
            record.residents,
            record.away,
            record.refused,
            record.sheltered,
            record.relatives,
            record.forced,
            record.back_sheltered,
            record.back_relatives,
            record.back_forced,
        )
        record.updated_at = when
        record.updated_by = who
    session.flush()
    _apply_tallies(session, event_id, before, [_tally_state(r, town_id) for r in records])
    for record, state, take in moves:
        session.add(
            TransferChange(
                record_id=record.id,
                event_id=event_id,
                at=when,
                actor=who,
                place=place,
                from_status=state,
                to_status="returned",
                count=take,
                shelter_id=record.shelter_id if state == "sheltered" else None,
                version=record.version,
            )
        )
    session.flush()
    return ReturnsMarked(records=len(records), people=sum(take for _, _, take in moves))
