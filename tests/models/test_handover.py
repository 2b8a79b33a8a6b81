"""Shift handover: both officers confirm with their own passwords; the summary, the open
follow-ups and the open items are kept and logged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from models.command import (
    DutyLogRefused,
    EntryFields,
    LogFilter,
    add_entry,
    draft_handover,
    get_handover,
    hand_over,
    handover_entries,
    list_entries,
)
from models.database import Database
from models.refusals import PermissionDenied
from models.users import Actor, create_user
from tests.conftest import ADMIN

DUTY = Actor(name="wang", role="duty")


def _users(db: Database) -> None:
    with db.session(ADMIN, write=True) as session:
        create_user(session=session, name="root", role="admin", password="root-password-1")
        create_user(session=session, name="wang", role="duty", password="wang-password-1")
        create_user(session=session, name="li", role="duty", password="li-password-1")
        create_user(session=session, name="zhao", role="viewer", password="zhao-password-1")


def _log(db: Database) -> None:
    with db.session(DUTY, write=True) as session:
        add_entry(session=session, fields=EntryFields(kind="call_in", content="石塘镇来电"))
        add_entry(
            session=session,
            fields=EntryFields(
                kind="follow_up",
                content="核实东海村海塘险情",
                follow_up_due=datetime.now(UTC) + timedelta(hours=2),
            ),
        )


def test_a_handover_confirmed_by_both_officers_is_kept_and_logged(db: Database) -> None:
    _users(db)
    _log(db)
    with db.session(DUTY) as session:
        draft = draft_handover(session=session)
    assert len(draft.entries) == 2 and len(draft.open_follow_ups) == 1
    with db.session(DUTY, write=True) as session:
        row = hand_over(
            session=session,
            from_user="wang",
            from_password="wang-password-1",
            to_user="li",
            to_password="li-password-1",
            open_items="东海村海塘需继续巡查",
        )
    assert (row.from_user, row.to_user, row.entries, row.open_follow_ups) == ("wang", "li", 2, 1)
    with db.session(DUTY) as session:
        kept = get_handover(session=session)
        logged = list_entries(session=session, where=LogFilter(kinds=("handover",)))
        entries = handover_entries(session=session, handover=row)
        next_shift = draft_handover(session=session)
    assert kept == row
    assert [e.id for e in logged] == [row.log_entry_id]
    assert "东海村海塘需继续巡查" in logged[0].content
    assert len(entries) == 2
    assert next_shift.entries == ()  # the next shift starts at the handover
    assert len(next_shift.open_follow_ups) == 1  # and inherits the open follow-up


@pytest.mark.parametrize(
    ("giving", "taking", "words"),
    [
        (("wang", "wrong"), ("li", "li-password-1"), "handing over"),
        (("wang", "wang-password-1"), ("li", "wrong"), "taking over"),
        (("wang", "wang-password-1"), ("nobody", "x"), "taking over"),
        (("wang", "wang-password-1"), ("zhao", "zhao-password-1"), "may not keep"),
        (("wang", "wang-password-1"), ("wang", "wang-password-1"), "someone else"),
    ],
)
def test_a_handover_is_refused_without_both_right_passwords(
    db: Database, giving: tuple[str, str], taking: tuple[str, str], words: str
) -> None:
    _users(db)
    with pytest.raises(DutyLogRefused) as refused, db.session(DUTY, write=True) as session:
        hand_over(
            session=session,
            from_user=giving[0],
            from_password=giving[1],
            to_user=taking[0],
            to_password=taking[1],
        )
    assert words in str(refused.value)
    with db.session(DUTY) as session:
        assert get_handover(session=session) is None
        assert list_entries(session=session) == []


def test_a_viewer_cannot_record_a_handover(db: Database) -> None:
    _users(db)
    with pytest.raises(PermissionDenied), db.session(Actor("zhao", "viewer"), write=True) as s:
        hand_over(
            session=s,
            from_user="wang",
            from_password="wang-password-1",
            to_user="li",
            to_password="li-password-1",
        )
