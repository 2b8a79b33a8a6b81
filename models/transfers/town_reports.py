"""Figures a town phoned in, kept apart from the listed households' figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.areas import Division
from models.base import utcnow
from models.events import acting_name
from models.fields import TOWN_FIGURE, implausible
from models.transfers.common import CHECK_IN, _rows_as
from models.transfers.errors import TransferRefused
from models.transfers.records import _event
from models.transfers.tables import TownReport
from models.users import Permission, require


@dataclass(frozen=True, slots=True)
class TownReportRow:
    id: int
    town_id: int
    town_name: str
    reported_at: datetime
    source: str
    people_to_move: int
    moved: int
    sheltered: int
    relatives: int
    forced: int
    refused: int
    note: str | None
    entered_by: str


def add_town_report(
    *,
    session: Session,
    event_id: int,
    town_id: int,
    source: str,
    people_to_move: int,
    moved: int,
    sheltered: int = 0,
    relatives: int = 0,
    forced: int = 0,
    refused: int = 0,
    reported_at: datetime | None = None,
    note: str | None = None,
) -> TownReportRow:
    """Record figures a town phoned in. The latest report of each town counts; the
    figures stay apart from the listed households' (they may overlap)."""
    require(session, CHECK_IN)
    _event(session, event_id)
    town = session.get(Division, town_id)
    if town is None or town.level != "town":
        raise TransferRefused(QCoreApplication.translate("Transfers", "Choose a town or street."))
    source = source.strip()
    if not source:
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers", "Say who reported the figures (name, post or phone call)."
            )
        )
    values = {
        "people_to_move": people_to_move,
        "moved": moved,
        "sheltered": sheltered,
        "relatives": relatives,
        "forced": forced,
        "refused": refused,
    }
    for value in values.values():
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise TransferRefused(
                QCoreApplication.translate(
                    "Transfers", "Figures are whole numbers of people, 0 or more."
                )
            )
        if value not in TOWN_FIGURE:
            raise TransferRefused(implausible(TOWN_FIGURE))
    if sheltered + relatives + forced > moved:
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers",
                "In shelters, with relatives and forcibly moved together cannot exceed the people moved.",
            )
        )
    if moved > people_to_move:
        raise TransferRefused(
            QCoreApplication.translate(
                "Transfers", "The people moved cannot exceed the people to move."
            )
        )
    report = TownReport(
        event_id=event_id,
        town_id=town_id,
        source=source[:120],
        reported_at=reported_at or utcnow(),
        note=(note or "").strip() or None,
        entered_by=acting_name(session),
        **values,
    )
    session.add(report)
    session.flush()
    return TownReportRow(
        report.id,
        town_id,
        town.name,
        report.reported_at,
        report.source,
        people_to_move,
        moved,
        sheltered,
        relatives,
        forced,
        refused,
        report.note,
        report.entered_by,
    )


def list_town_reports(*, session: Session, event_id: int) -> list[TownReportRow]:
    """Every report of the event, in time order."""
    require(session, Permission.READ_REGISTER)
    rows = session.execute(
        select(
            TownReport.id,
            TownReport.town_id,
            Division.name,
            TownReport.reported_at,
            TownReport.source,
            TownReport.people_to_move,
            TownReport.moved,
            TownReport.sheltered,
            TownReport.relatives,
            TownReport.forced,
            TownReport.refused,
            TownReport.note,
            TownReport.entered_by,
        )
        .join(Division, Division.id == TownReport.town_id)
        .where(TownReport.event_id == event_id)
        .order_by(TownReport.reported_at, TownReport.id)
    )
    return _rows_as(TownReportRow, rows)
