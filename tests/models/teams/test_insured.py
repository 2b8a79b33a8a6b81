"""Each rescuer's accident insurance cover kept on the person: worked out exactly from the
policies (meeting and overlapping policies, gaps, a renewal that starts later, a policy
without a start), kept by every write of a policy (hand entry, a member changed in place,
a policy added, an import; the demo's is held to it by ``db check`` in
tests/models/test_checks.py and tests/models/teams/test_demo_teams.py), read by
readiness and the nearest teams as the policies say, and a cover changed behind the
policies' back reported by ``db check``."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

from sqlalchemy import select, update

from models.database import Database
from models.imports.framework import run_import
from models.teams import (
    InsuranceCover,
    InsuranceFields,
    MemberFields,
    Rescuer,
    add_insurance,
    expiring,
    insurance_cover,
    insurance_cover_problems,
    nearest_teams,
    readiness,
    save_member,
    save_team,
)
from tests.cli_helpers import run_main
from tests.conftest import ADMIN
from tests.models.teams.rosters import (
    SOUND_TEAMS,
    ident,
    member_row,
    roster,
    small_county,
    teams_file,
)
from tests.models.teams.test_teams import TODAY, team

DAY0 = date(2026, 1, 1)


def _day(n: int) -> date:
    return DAY0 + timedelta(days=n)


def test_the_kept_cover_tells_each_day_as_the_policies_do() -> None:
    # (first day, last day) on a small calendar; None: no start; (6, 4) ends before it starts
    spans = [(None, 3), (0, 2), (3, 5), (4, 6), (7, 9), (8, 8), (10, 12), (6, 4)]
    for count in (1, 2, 3):
        for chosen in combinations(spans, count):
            policies = [(None if s is None else _day(s), _day(e)) for s, e in chosen]
            cover = insurance_cover(policies)
            assert cover.insured_until == max(e for _s, e in policies)
            for n in range(-2, 15):
                day = _day(n)
                truth = any((s is None or s <= day) and day <= e for s, e in policies)
                told = cover.covers(day)
                assert told is truth or (told is None and cover.insurance_gap), (chosen, n)
                if told is None:  # only before a later stretch, with cover before it
                    assert cover.insured_from is not None and day < cover.insured_from
    assert insurance_cover([]) == InsuranceCover(None, None, False)
    meeting = [(_day(0), _day(9)), (_day(10), _day(20))]  # a renewal the day after
    assert insurance_cover(meeting) == InsuranceCover(_day(0), _day(20), False)


def _person(n: int, policies: list[tuple[date | None, date]]) -> MemberFields:
    first = policies[0] if policies else None
    return MemberFields(
        name=f"队员{n}",
        id_number=ident(n),
        insurance=InsuranceFields(ends=first[1], starts=first[0], policy=f"P{n}-0")
        if first
        else None,
    )


def _problems(db: Database) -> list[str]:
    found: list[str] = []
    with db.session(ADMIN) as session:
        insurance_cover_problems(session, lambda template, *values: found.append(str(values)))
    return found


def _cover(db: Database, number: str) -> InsuranceCover:
    with db.session(ADMIN) as session:
        row = session.execute(
            select(Rescuer.insured_from, Rescuer.insured_until, Rescuer.insurance_gap).where(
                Rescuer.id_number == number
            )
        ).one()
    return InsuranceCover(row[0], row[1], bool(row[2]))


def test_readiness_reads_the_policies_where_the_kept_cover_cannot_tell(db: Database) -> None:
    d = date
    people = {  # TODAY is 2026-08-01
        1: [(d(2026, 1, 1), d(2026, 8, 31)), (d(2026, 10, 1), d(2027, 9, 30))],  # gap ahead
        2: [(d(2025, 1, 1), d(2025, 12, 31)), (d(2026, 9, 1), d(2027, 8, 31))],  # in the gap
        3: [(d(2025, 8, 1), d(2026, 7, 31)), (d(2026, 8, 1), d(2027, 7, 31))],  # renewed
        4: [(d(2026, 9, 1), d(2027, 8, 31))],  # starts later
        5: [],  # none
        6: [(None, d(2026, 8, 15))],  # no start, ends within 30 days
        7: [(d(2025, 1, 1), d(2026, 7, 1))],  # ended
    }
    with db.session(ADMIN, write=True) as session:
        squad = save_team(
            session=session, fields=team("礁山村小分队", 121.58, 28.36, {"water": None})
        ).id
        for n, policies in people.items():
            rescuer = save_member(session=session, team_id=squad, fields=_person(n, policies))
            for k, (starts, ends) in enumerate(policies[1:], 1):
                add_insurance(
                    session=session,
                    rescuer_id=rescuer.rescuer_id,
                    fields=InsuranceFields(ends=ends, starts=starts, policy=f"P{n}-{k}"),
                )
    assert _problems(db) == []
    assert _cover(db, ident(1)).covers(TODAY) is None  # only the policies can tell
    with db.session(ADMIN) as session:
        (row,) = readiness(session=session, today=TODAY).teams
        offer = nearest_teams(session=session, lon=121.6, lat=28.4, specialty="water", today=TODAY)
        soon = expiring(session=session, today=TODAY)
    assert (row.members, row.deployable, row.expiring_insurance) == (7, 3, 1)
    assert dict(row.not_deployable) == {
        "Accident insurance expired": 3,
        "No personal accident insurance": 1,
    }
    assert [(o.deployable, o.members) for o in offer.offered] == [(3, 7)]
    assert [(r.name, r.expires) for r in soon if r.what == "insurance"] == [
        ("队员6", d(2026, 8, 15))
    ]


def test_the_cover_agrees_with_the_policies_after_each_write(db: Database, tmp_path: Path) -> None:
    small_county(db)
    teams = run_import(
        db=db, actor=ADMIN, kind="teams", path=teams_file(tmp_path / "队伍.xlsx", SOUND_TEAMS)
    )
    assert teams.ok, teams.problems
    with db.session(ADMIN, write=True) as session:  # hand entry: a member with a policy
        squad = save_team(session=session, fields=team("试点队", 121.5, 28.3, {"water": None})).id
        first = save_member(
            session=session,
            team_id=squad,
            fields=_person(1, [(date(2026, 1, 1), date(2026, 6, 30))]),
        )
    assert _cover(db, ident(1)) == InsuranceCover(date(2026, 1, 1), date(2026, 6, 30), False)
    with db.session(ADMIN, write=True) as session:  # changed in place, with a later policy
        save_member(
            session=session,
            team_id=squad,
            membership_id=first.membership_id,
            fields=MemberFields(
                name="队员1",
                id_number=None,
                insurance=InsuranceFields(
                    ends=date(2027, 6, 30), starts=date(2026, 9, 1), policy="P1-1"
                ),
            ),
        )
    assert _cover(db, ident(1)) == InsuranceCover(date(2026, 9, 1), date(2027, 6, 30), True)
    with db.session(ADMIN, write=True) as session:  # a policy added fills the gap
        add_insurance(
            session=session,
            rescuer_id=first.rescuer_id,
            fields=InsuranceFields(ends=date(2026, 8, 31), starts=date(2026, 7, 1), policy="P1-2"),
        )
    assert _cover(db, ident(1)) == InsuranceCover(date(2026, 1, 1), date(2027, 6, 30), False)
    # An import: a new person in two teams with two policies, a registered one renewed.
    rows = [
        member_row(2, ins_from="2026/01/01", ins_to="2026/03/31", policy="A"),
        member_row(2, ins_from="2026/05/01", ins_to="2026/12/31", policy="B"),
        member_row(1, name="队员1", ins_from="2027/07/01", ins_to="2028/06/30", policy="C"),
        member_row(3, insurer="", policy="", ins_from="", ins_to=""),
    ]
    path = roster(
        tmp_path / "全县.xlsx",
        rows,
        title=None,
        team_column=["礁山村应急救援小分队", "温岭蓝天救援队", "温岭蓝天救援队", "温岭蓝天救援队"],
    )
    report = run_import(db=db, actor=ADMIN, kind="members", path=path)
    assert report.ok, report.problems
    assert _cover(db, ident(2)) == InsuranceCover(date(2026, 5, 1), date(2026, 12, 31), True)
    assert _cover(db, ident(1)) == InsuranceCover(date(2026, 1, 1), date(2028, 6, 30), False)
    assert _cover(db, ident(3)) == InsuranceCover(None, None, False)
    assert _problems(db) == []


def test_db_check_finds_a_cover_changed_behind_the_policies_back(sqlite_db: Database) -> None:
    with sqlite_db.session(ADMIN, write=True) as session:
        squad = save_team(session=session, fields=team("试点队", 121.5, 28.3, {"water": None})).id
        save_member(
            session=session,
            team_id=squad,
            fields=_person(1, [(date(2026, 1, 1), date(2026, 6, 30))]),
        )
    with sqlite_db.session(ADMIN, write=True) as session:
        session.execute(update(Rescuer).values(insured_until=date(2030, 12, 31)))
    with sqlite_db.session(ADMIN) as session:
        (deployable,) = [t.deployable for t in readiness(session=session, today=TODAY).teams]
    assert deployable == 1  # what the changed cover makes readiness believe
    result = run_main("--db", sqlite_db.url, "db", "check")
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert "队员1" in said and "保险" in said
    assert "2026-01-01 – 2030-12-31" in said and "2026-01-01 – 2026-06-30" in said
