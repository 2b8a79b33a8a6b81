"""A member changed in place, certificates and insurance recorded one by one, and a team's
reach in minutes, on both backends."""

from __future__ import annotations

from datetime import date

import pytest

from models.database import Database
from models.refusals import NotFound, PermissionDenied, ValidationError
from models.teams import (
    CertificateFields,
    InsuranceFields,
    MemberFields,
    add_certificate,
    add_insurance,
    list_members,
    member_entry,
    readiness,
    save_member,
    save_team,
    set_class_rule,
    set_team_settings,
    team_reach,
)
from tests.models.teams.test_teams import ADMIN, CLERK, DUTY, PLANNER, TODAY, ident, member, team


def _squad(db: Database) -> int:
    with db.session(ADMIN, write=True) as session:
        return save_team(
            session=session,
            fields=team("礁山村小分队", 121.58, 28.36, {"water": None}, team_class="village_squad"),
        ).id


def test_a_member_is_changed_in_place_keeping_a_number_the_role_sees_masked(
    db: Database,
) -> None:
    squad = _squad(db)
    with db.session(ADMIN, write=True) as session:
        first = save_member(session=session, team_id=squad, fields=member(1))
        save_member(session=session, team_id=squad, fields=member(2))
    with db.session(PLANNER) as session:
        entry = member_entry(session=session, membership_id=first.membership_id)
    assert entry is not None and not entry.id_number_full and "****" in entry.id_number
    changed = MemberFields(
        name="队员一", id_number=None, mobile="139-0576-0101", post="deputy", skills="游泳"
    )
    with db.session(PLANNER, write=True) as session:
        row = save_member(
            session=session, team_id=squad, fields=changed, membership_id=first.membership_id
        )
    assert (row.name, row.post, row.skills, row.sex) == ("队员一", "deputy", "游泳", "M")
    with db.session(ADMIN) as session:
        rows = {m.name: m for m in list_members(session=session, team_id=squad)}
    assert rows["队员一"].id_number == ident(1) and rows["队员一"].mobile == "13905760101"
    assert len(rows) == 2  # changed in place, not added
    taken = MemberFields(name="队员一", id_number=ident(2))
    with (
        pytest.raises(ValidationError, match="registered for 队员2"),
        db.session(DUTY, write=True) as session,
    ):
        save_member(session=session, team_id=squad, fields=taken, membership_id=first.membership_id)
    with pytest.raises(PermissionDenied), db.session(CLERK, write=True) as session:
        save_member(
            session=session, team_id=squad, fields=changed, membership_id=first.membership_id
        )


def test_insurance_recorded_makes_a_member_deployable_and_repeats_are_refused(
    db: Database,
) -> None:
    squad = _squad(db)
    with db.session(ADMIN, write=True) as session:
        rescuer = save_member(
            session=session, team_id=squad, fields=member(3, insured_until=None)
        ).rescuer_id
    with db.session(ADMIN) as session:
        assert readiness(session=session, today=TODAY).deployable == 0
    policy = InsuranceFields(ends=date(2026, 12, 31), policy="P-3", starts=date(2026, 1, 1))
    with db.session(DUTY, write=True) as session:
        add_insurance(session=session, rescuer_id=rescuer, fields=policy)
        add_certificate(
            session=session,
            rescuer_id=rescuer,
            fields=CertificateFields("潜水员证", "QS-3", "台州市体育局", date(2027, 6, 30)),
        )
    with db.session(ADMIN) as session:
        assert readiness(session=session, today=TODAY).deployable == 1
        (row,) = list_members(session=session, team_id=squad)
    assert row.certificates == (("潜水员证", date(2027, 6, 30)),)
    with pytest.raises(ValidationError) as refused, db.session(DUTY, write=True) as session:
        add_insurance(session=session, rescuer_id=rescuer, fields=policy)
    assert refused.value.messages_for("policy") == ["This policy is recorded already."]
    backwards = InsuranceFields(ends=date(2025, 1, 1), starts=date(2026, 1, 1))
    with (
        pytest.raises(ValidationError, match="ends before it starts"),
        db.session(DUTY, write=True) as session,
    ):
        add_insurance(session=session, rescuer_id=rescuer, fields=backwards)
    with (
        pytest.raises(ValidationError, match="recorded already"),
        db.session(DUTY, write=True) as session,
    ):
        add_certificate(
            session=session, rescuer_id=rescuer, fields=CertificateFields("潜水员证", "QS-3")
        )


def test_a_teams_reach_follows_its_class_speed_and_the_road_factor(db: Database) -> None:
    squad = _squad(db)
    with db.session(ADMIN, write=True) as session:
        assert team_reach(session=session, team_id=squad).radius_km == pytest.approx(
            30 * 0.25 / 1.4
        )
        set_class_rule(session=session, team_class="village_squad", speed_kmh=36)
        set_team_settings(session=session, road_factor=1.2)
        reach = team_reach(session=session, team_id=squad, minutes=10)
    assert reach.radius_km == pytest.approx(36 * 10 / 60 / 1.2)
    assert (reach.lon, reach.lat, reach.speed_kmh) == (121.58, 28.36, 36)
    with pytest.raises(NotFound), db.session(ADMIN) as session:
        team_reach(session=session, team_id=squad + 1000)
