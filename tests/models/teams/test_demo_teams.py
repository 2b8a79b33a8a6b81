"""The demo county's rescue forces at scale 1, and the typhoon scenario's statuses."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from models.database import Database
from models.demo.teams import preposition_demo_teams
from models.teams import (
    Membership,
    Rescuer,
    TeamStatusChange,
    list_experts,
    list_teams,
    nearest_teams,
    readiness,
)
from tests.conftest import ADMIN, DEMO_BUILT_AT
from tests.models.conftest import BuiltDemo


def test_the_demo_county_has_its_teams_members_and_experts(demo: BuiltDemo) -> None:
    summary = demo.summary
    assert 640 <= summary.teams <= 700
    assert 14_000 <= summary.rescuers <= 16_500 and summary.team_members > summary.rescuers
    with demo.database.session(ADMIN) as session:
        teams = list_teams(session=session)
        classes = Counter(t.team_class for t in teams)
        experts = list_experts(session=session)
        county = readiness(session=session)
        two_teams = session.scalar(
            select(func.count()).select_from(
                select(Membership.rescuer_id)
                .group_by(Membership.rescuer_id)
                .having(func.count() > 1)
                .subquery()
            )
        )
        people = session.scalar(select(func.count()).select_from(Rescuer))
    assert classes["town_team"] == 16
    assert 600 <= classes["village_squad"] + classes["assault_team"] <= 660
    assert (
        sum(
            n for c, n in classes.items() if c not in ("town_team", "village_squad", "assault_team")
        )
        == 12
    )
    assert len(experts) == 54 and len({e.field for e in experts}) == 5
    assert two_teams and people == summary.rescuers
    assert 0 < county.deployable < county.members
    assert county.below_size and county.expiring and county.equipment_out


def test_the_nearest_water_team_to_a_village(demo: BuiltDemo) -> None:
    with demo.database.session(ADMIN) as session:
        team = next(t for t in list_teams(session=session, specialty="water") if t.lon)
        found = nearest_teams(
            session=session, lon=team.lon, lat=team.lat, specialty="water", head_count=10
        )
    assert found.offered and found.offered[0].minutes < 20
    assert all(o.deployable > 0 for o in found.offered)


def test_the_typhoon_scenario_puts_teams_on_the_move(demo_template: Path, tmp_path: Path) -> None:
    copy = tmp_path / "typhoon.sqlite"
    copy.write_bytes(demo_template.read_bytes())
    db = Database(f"sqlite:///{copy}")
    with db.session(ADMIN, write=True) as session:
        preposition_demo_teams(session=session, now=DEMO_BUILT_AT)
    with db.session(ADMIN) as session:
        statuses = Counter(t.status for t in list_teams(session=session))
        changes = session.scalar(select(func.count()).select_from(TeamStatusChange))
    db.dispose()
    assert statuses["prepositioned"] and statuses["dispatched"] and statuses["on_scene"]
    assert changes >= statuses["prepositioned"] + statuses["dispatched"] + statuses["on_scene"]


def test_the_nearest_deployable_water_team_for_a_village(demo: BuiltDemo) -> None:
    from models.areas import Division
    from models.teams import division_point

    with demo.database.session(ADMIN) as session:
        village = session.scalars(
            select(Division).where(Division.level == "village").order_by(Division.code)
        ).first()
        assert village is not None
        lon, lat = division_point(session=session, division_id=village.id)
        found = nearest_teams(session=session, lon=lon, lat=lat, specialty="water", head_count=15)
    assert found.offered and found.offered[0].minutes < 30
    assert [o.minutes for o in found.offered] == sorted(o.minutes for o in found.offered)
    assert found.offered[0].equipment or found.offered[0].deployable


def test_the_demo_keeps_each_persons_insurance_cover(demo: BuiltDemo) -> None:
    from models.teams import insurance_cover_problems

    with demo.database.session(ADMIN) as session:
        problems: list[object] = []
        insurance_cover_problems(session, lambda *values: problems.append(values))
        insured = session.scalar(
            select(func.count()).select_from(Rescuer).where(Rescuer.insured_until.is_not(None))
        )
        people = session.scalar(select(func.count()).select_from(Rescuer))
    assert problems == []
    assert insured and people and 0.95 * people < insured < people  # about 1 % uninsured
