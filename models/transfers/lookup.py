"""The check-in search: households and objects by card code, name, pinyin or
initials, or mobile digits, each with its record for the event."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from sqlalchemy import and_, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from models.areas import DangerZone, Shelter
from models.events import Event
from models.fields import without_control_characters
from models.privacy import can_see_personal, phone_masker
from models.text_index import containing, unindexed, uses_index
from models.transfers.codes import parse_card_code
from models.transfers.common import _Town, _Village
from models.transfers.reading import _record_rows
from models.transfers.register import register_year
from models.transfers.rows import SubjectRow, TransferRow
from models.transfers.tables import (
    HOUSEHOLD_NAMES,
    Household,
    TransferObject,
    TransferRecord,
)
from models.users import Permission, require

_DIGITS = re.compile(r"^\d+$")
_WHEN_NOTHING_FOUND = object()  # marks a search term tried only when earlier ones found none


def _as_is(column: Any) -> Any:
    return column


def find_subjects(
    *,
    session: Session,
    query: str,
    event_id: int | None = None,
    year: int | None = None,
    village_id: int | None = None,
    limit: int = 50,
) -> list[SubjectRow]:
    """Households and objects by card code, name, pinyin or initials, or mobile digits.

    A card code (as scanned) finds its one subject; four digits find mobiles
    ending in them; other digits (roles that see personal information only) a
    part of the mobile; Latin letters the start of the initials or of the full
    pinyin of the name; Chinese text the start of the name, then any part of it.
    With ``event_id`` each row carries its transfer record for that event.
    """
    require(session, Permission.READ_REGISTER)
    from models.imports.spreadsheet import half_width

    # Control characters (a NUL pasted or scanned) mean nothing in a search, and
    # PostgreSQL refuses NUL in text: the same answer on both backends without them.
    text = re.sub(r"\s+", "", half_width(without_control_characters(query or "")))
    if not text:
        return []
    code = parse_card_code(text)
    if year is None and code is None:
        event_at = None
        if event_id is not None:
            event = session.get(Event, event_id)
            event_at = event.started_at if event is not None else None
        year = register_year(session=session, at=event_at)
    text = text.lower()

    # Alternatives tried in turn until ``limit`` rows are found, each with the column
    # to order by: the column its index covers, so the planner keeps to that index.
    h_terms: list[tuple[Any, Any]] = []
    o_terms: list[tuple[Any, Any]] = []
    if code is not None:
        h_terms.append((Household.card_code == code, Household.card_code))
        o_terms.append((TransferObject.card_code == code, TransferObject.card_code))
    elif _DIGITS.match(text):
        if len(text) == 4:
            h_terms.append((Household.phone_last4 == text, Household.phone_last4))
            # Not substr(phone, -4): PostgreSQL's counts from the start, SQLite's from the end.
            o_terms.append(
                (TransferObject.person_phone.endswith(text, autoescape=True), TransferObject.name)
            )
        elif can_see_personal(session) and len(text) >= 5:
            h_terms.append(
                (
                    Household.householder_phone.contains(text, autoescape=True),
                    Household.householder_name,
                )
            )
            o_terms.append(
                (TransferObject.person_phone.contains(text, autoescape=True), TransferObject.name)
            )
        else:
            return []
    elif text.isascii():
        upper = text + "\uffff"
        h_terms.append(
            (
                and_(Household.name_initials >= text, Household.name_initials < upper),
                Household.name_initials,
            )
        )
        h_terms.append(
            (
                and_(Household.name_pinyin >= text, Household.name_pinyin < upper),
                Household.name_pinyin,
            )
        )
        o_terms.append(
            (
                or_(
                    TransferObject.name_initials.contains(text, autoescape=True),
                    TransferObject.name_pinyin.contains(text, autoescape=True),
                ),
                TransferObject.name,
            )
        )
    else:
        h_terms.append(
            (
                and_(
                    Household.householder_name >= text, Household.householder_name < text + "\uffff"
                ),
                Household.householder_name,
            )
        )
        # Any part of the name only when no name starts with the text: typing a full name
        # stays fast. Two characters and more are looked up in the text index; one
        # character scans the year's names (~40 ms at 200,000 households).
        h_terms.append((containing(HOUSEHOLD_NAMES, text), _WHEN_NOTHING_FOUND))
        o_terms.append((TransferObject.name.contains(text, autoescape=True), TransferObject.name))

    mask = phone_masker(session)
    zone = aliased(DangerZone)
    found: list[SubjectRow] = []
    seen: set[tuple[str, int]] = set()
    for subject, entity, terms in (
        ("household", Household, h_terms),
        ("object", TransferObject, o_terms),
    ):
        if entity is Household:
            cols: tuple[Any, ...] = (
                Household.id,
                literal(None),
                Household.card_code,
                Household.householder_name,
                Household.householder_phone,
                Household.residents,
            )
        else:
            cols = (
                TransferObject.id,
                TransferObject.kind,
                TransferObject.card_code,
                TransferObject.name,
                TransferObject.person_phone,
                TransferObject.head_count,
            )
        for term, order in terms:
            if len(found) >= limit:
                break
            scope: list[Any] = []
            # Looked up in the text index: its candidates, not the year's name index,
            # lead the way (a scan for one character keeps to the year's index).
            lead = unindexed if order is _WHEN_NOTHING_FOUND and uses_index(text) else _as_is
            if order is _WHEN_NOTHING_FOUND:
                if found:
                    continue
                order = Household.householder_name
            if year is not None and code is None:
                scope.append(lead(entity.year) == year)
            if village_id is not None:
                scope.append(lead(entity.village_id) == village_id)
            stmt = (
                select(
                    *cols,
                    entity.village_id,
                    _Village.name,
                    func.coalesce(_Town.name, ""),
                    zone.name,
                    entity.location,
                    entity.shelter_id,
                    Shelter.name,
                )
                .join(_Village, _Village.id == entity.village_id)
                .outerjoin(_Town, _Town.id == _Village.parent_id)
                .outerjoin(zone, zone.id == entity.danger_zone_id)
                .outerjoin(Shelter, Shelter.id == entity.shelter_id)
                .where(*scope, term)
                .order_by(order, entity.id)
                .limit(limit - len(found) + len(seen))
            )
            for (
                sid,
                okind,
                card,
                name,
                phone,
                residents,
                vid,
                vname,
                tname,
                zname,
                location,
                shelter_id,
                shelter_name,
            ) in session.execute(stmt):
                if (subject, sid) in seen or len(found) >= limit:
                    continue
                seen.add((subject, sid))
                found.append(
                    SubjectRow(
                        subject,
                        sid,
                        okind,
                        card,
                        name,
                        mask(phone),
                        vid,
                        vname,
                        tname,
                        zname,
                        location,
                        residents,
                        shelter_id,
                        shelter_name,
                    )
                )
    if event_id is not None and found:
        records: dict[tuple[str, int], TransferRow] = {}
        # One query per kind: an OR of the two IN lists makes SQLite (without statistics)
        # walk every record of the event instead of using the two unique indexes.
        for column, kind in (
            (TransferRecord.household_id, "household"),
            (TransferRecord.object_id, "object"),
        ):
            ids = [r.subject_id for r in found if r.subject == kind]
            if ids:
                records.update(
                    ((r.subject, r.subject_id), r)
                    for r in _record_rows(
                        session, [TransferRecord.event_id == event_id, column.in_(ids)], (kind,)
                    )
                )
        found = [replace(r, record=records.get((r.subject, r.subject_id))) for r in found]
    return found
