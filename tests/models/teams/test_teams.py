"""Teams, members, status history, readiness and the nearest team, on both backends."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from models.database import Database
from models.refusals import PermissionDenied, ValidationError
from models.teams import (
    CertificateFields,
    InsuranceFields,
    MemberFields,
    TeamFields,
    change_status,
    expiring,
    list_members,
    list_teams,
    nearest_teams,
    readiness,
    save_equipment,
    save_member,
    save_team,
    set_class_rule,
    set_required_certificates,
    status_history,
)
from models.teams.identity import check_character
from models.users import Actor

ADMIN = Actor(name="admin", role="admin")
DUTY = Actor(name="duty", role="duty")
PLANNER = Actor(name="planner", role="planner")
CLERK = Actor(name="clerk", role="clerk")
VIEWER = Actor(name="viewer", role="viewer")
TODAY = date(2026, 8, 1)


def ident(n: int, year: int = 1985, sex: str = "M") -> str:
    sequence = f"{n % 100:02d}{1 if sex == 'M' else 2}"
    first17 = f"331081{year}0312{sequence}"
    return first17 + check_character(first17)


def member(
    n: int, *, insured_until: date | None = date(2026, 12, 31), **more: object
) -> MemberFields:
    return MemberFields(
        name=f"队员{n}",
        id_number=ident(n),
        mobile=f"1390576{n:04d}",
        insurance=InsuranceFields(ends=insured_until, policy=f"P{n}") if insured_until else None,
        **more,  # type: ignore[arg-type]
    )


def team(
    name: str, lon: float, lat: float, specialties: dict[str, int | None], **more: object
) -> TeamFields:
    return TeamFields(
        name=name,
        team_class=str(more.pop("team_class", "town_team")),
        specialties=specialties,
        lon=lon,
        lat=lat,
        leader="陈队长",
        leader_mobile="139 0576 8888",
        **more,  # type: ignore[arg-type]
    )


def test_a_team_is_entered_and_its_mobiles_masked_by_role(db: Database) -> None:
    with db.session(PLANNER, write=True) as session:
        row = save_team(session=session, fields=team("城东救援队", 121.4, 28.4, {"water": None}))
    assert row.leader_mobile == "13905768888" and row.specialties == (("water", None),)
    assert row.status == "standby"
    with db.session(VIEWER) as session:
        (listed,) = list_teams(session=session)
    assert listed.leader_mobile == "139****8888"


def test_team_entry_gathers_every_problem_and_needs_the_permission(db: Database) -> None:
    bad = TeamFields(
        name="", team_class="army", specialties={"juggling": 4}, lon=200, lat=28, leader_mobile="12"
    )
    with pytest.raises(ValidationError) as refused, db.session(ADMIN, write=True) as session:
        save_team(session=session, fields=bad)
    fields = {field for field, _message in refused.value.problems}
    assert {"name", "team_class", "specialties", "lon", "leader_mobile"} <= fields
    with pytest.raises(PermissionDenied, match="manage_teams"), db.session(CLERK, write=True) as s:
        save_team(session=s, fields=team("城西救援队", 121.3, 28.4, {}))


def test_status_changes_keep_who_when_where_why_and_the_cause(db: Database) -> None:
    with db.session(DUTY, write=True) as session:
        team_id = save_team(session=session, fields=team("松门救援队", 121.5, 28.3, {})).id
        at = datetime(2026, 8, 9, 10, 0, tzinfo=UTC)
        change_status(
            session=session,
            team_id=team_id,
            status="prepositioned",
            reason="台风“海葵”预置",
            place="松门镇海塘",
            at=at,
        )
        change_status(
            session=session,
            team_id=team_id,
            status="dispatched",
            reason="山塘险情",
            at=at + timedelta(hours=2),
            cause=("dispatch_orders", 7),
        )
        with pytest.raises(ValidationError) as refused:
            change_status(session=session, team_id=team_id, status="dispatched", reason="")
        assert {f for f, _m in refused.value.problems} == {"status", "reason"}
        with pytest.raises(ValidationError):
            change_status(session=session, team_id=team_id, status="on_scene", reason="到场", at=at)
    with db.session(VIEWER) as session:
        history = status_history(session=session, team_id=team_id)
        (listed,) = list_teams(session=session, status="dispatched")
    assert [(h.old, h.new) for h in history] == [
        ("standby", "prepositioned"),
        ("prepositioned", "dispatched"),
    ]
    assert history[0].place == "松门镇海塘" and history[0].recorded_by == "duty"
    assert (history[1].cause_table, history[1].cause_id) == ("dispatch_orders", 7)
    assert listed.id == team_id


def test_a_person_in_two_teams_is_one_person(db: Database) -> None:
    with db.session(ADMIN, write=True) as session:
        east = save_team(session=session, fields=team("城东救援队", 121.4, 28.4, {})).id
        west = save_team(session=session, fields=team("城西救援队", 121.3, 28.4, {})).id
        save_member(session=session, team_id=east, fields=member(1, post="leader"))
        save_member(session=session, team_id=west, fields=member(1))
        with pytest.raises(ValidationError) as refused:
            save_member(
                session=session,
                team_id=west,
                fields=MemberFields(name="别人", id_number=ident(1)),
            )
        assert "队员1" in refused.value.problems[0][1]
        rows = list_members(session=session)
    assert len(rows) == 2 and len({r.rescuer_id for r in rows}) == 1
    assert {(r.team, r.post) for r in rows} == {("城东救援队", "leader"), ("城西救援队", "member")}


def test_identity_numbers_unmasked_only_with_the_unmask_permission(db: Database) -> None:
    with db.session(ADMIN, write=True) as session:
        team_id = save_team(session=session, fields=team("城东救援队", 121.4, 28.4, {})).id
        save_member(session=session, team_id=team_id, fields=member(2))
    shown = {}
    for actor in (ADMIN, DUTY, PLANNER, CLERK, VIEWER):
        with db.session(actor) as session:
            (row,) = list_members(session=session)
            shown[actor.role] = (row.id_number, row.mobile)
    assert shown["admin"][0] == ident(2) and shown["duty"][0] == ident(2)
    assert shown["planner"][0] == "331081********" + ident(2)[-4:]
    assert shown["planner"][1] == "13905760002"  # planners see mobiles on screen
    assert shown["viewer"] == ("331081********" + ident(2)[-4:], "139****0002")


def test_member_entry_checks_the_number_against_birth_date_and_sex(db: Database) -> None:
    with db.session(ADMIN, write=True) as session:
        team_id = save_team(session=session, fields=team("城东救援队", 121.4, 28.4, {})).id
        with pytest.raises(ValidationError) as refused:
            save_member(
                session=session,
                team_id=team_id,
                fields=member(3, birth_date=date(1990, 1, 1), sex="F"),
            )
    assert {f for f, _m in refused.value.problems} == {"birth_date", "sex"}


def _county(db: Database) -> dict[str, int]:
    """Three water teams around a village at (121.40, 28.40) and one mountain team."""
    with db.session(ADMIN, write=True) as session:
        ids = {
            name: save_team(session=session, fields=team(name, lon, 28.40, specs)).id
            for name, lon, specs in (
                ("近队", 121.42, {"water": None}),
                ("中队", 121.50, {"water": None, "diving": None}),
                ("远队", 121.70, {"water": None}),
                ("山队", 121.41, {"mountain": None}),
                ("出动队", 121.401, {"water": None}),
            )
        }
        for n in range(5):
            save_member(
                session=session,
                team_id=ids["近队"],
                fields=member(10 + n, insured_until=date(2026, 7, 1)),
            )
        for n in range(3):
            save_member(session=session, team_id=ids["中队"], fields=member(20 + n))
        save_member(
            session=session,
            team_id=ids["中队"],
            fields=member(23, insured_until=date(2026, 8, 20)),
        )
        for n in range(25):
            save_member(session=session, team_id=ids["远队"], fields=member(30 + n))
        save_member(session=session, team_id=ids["出动队"], fields=member(60))
        change_status(session=session, team_id=ids["出动队"], status="dispatched", reason="险情")
        save_equipment(session=session, team_id=ids["中队"], kind="冲锋舟", count=2)
        save_equipment(
            session=session, team_id=ids["中队"], kind="橡皮艇", count=1, state="out_of_service"
        )
    return ids


def test_the_nearest_deployable_water_team_and_why_others_are_not_offered(db: Database) -> None:
    ids = _county(db)
    with db.session(DUTY) as session:
        found = nearest_teams(
            session=session, lon=121.40, lat=28.40, specialty="water", head_count=4, today=TODAY
        )
    assert [o.name for o in found.offered] == ["中队", "远队"]
    middle = found.offered[0]
    assert middle.deployable == 4 and middle.enough and middle.equipment == (("冲锋舟", 2),)
    assert middle.road_km == pytest.approx(9.78 * 1.4, rel=0.02)
    assert middle.minutes == pytest.approx(middle.road_km / 40 * 60)
    why = {n.name: n.reason for n in found.not_offered}
    assert set(why) == {"近队", "出动队"}
    assert "2026-07-01" in why["近队"] and "出动队" in why
    assert ids["山队"] not in {o.team_id for o in found.offered}


def test_a_required_certificate_makes_members_without_it_not_deployable(db: Database) -> None:
    ids = _county(db)
    with db.session(PLANNER, write=True) as session:
        set_required_certificates(session=session, specialty="diving", kinds=["潜水员证"])
        save_member(
            session=session,
            team_id=ids["中队"],
            fields=member(
                20,
                certificates=(
                    CertificateFields("潜水员证", "D-1", "中国潜水协会", date(2027, 1, 1)),
                ),
            ),
        )
        save_member(
            session=session,
            team_id=ids["中队"],
            fields=member(
                21,
                certificates=(CertificateFields("潜水员证", "D-2", None, date(2026, 5, 1)),),
            ),
        )
        found = nearest_teams(
            session=session, lon=121.40, lat=28.40, specialty="diving", head_count=2, today=TODAY
        )
        water = nearest_teams(
            session=session, lon=121.40, lat=28.40, specialty="water", today=TODAY
        )
    (offer,) = found.offered
    assert offer.deployable == 1 and not offer.enough
    assert {o.name: o.deployable for o in water.offered}["中队"] == 4  # water needs none


def test_readiness_counts_deployable_expiring_out_of_service_and_under_strength(
    db: Database,
) -> None:
    _county(db)
    with db.session(PLANNER, write=True) as session:
        set_class_rule(session=session, team_class="town_team", required_size=20, speed_kmh=40)
        county = readiness(session=session, today=TODAY)
        soon = expiring(session=session, today=TODAY)
    by_name = {t.name: t for t in county.teams}
    assert (by_name["近队"].members, by_name["近队"].deployable) == (5, 0)
    assert dict(by_name["近队"].not_deployable) == {"Accident insurance expired": 5}
    assert by_name["中队"].expiring_insurance == 1 and by_name["中队"].equipment_out == 1
    assert {t.name for t in county.below_size} == {"近队", "中队", "山队", "出动队"}
    assert county.members == 35 and county.deployable == 30
    assert [(row.name, row.days_left) for row in soon] == [("队员23", 19)]


def test_the_county_cover_names_villages_no_team_reaches_in_time(db: Database) -> None:
    from sqlalchemy import insert

    from models.areas import Division
    from models.teams import cover

    _county(db)
    with db.session(ADMIN, write=True) as session:
        session.execute(
            insert(Division),
            [
                {"id": 1, "code": "331081", "name": "县", "level": "county"},
                {"id": 2, "code": "331081101", "name": "镇", "level": "town", "parent_id": 1},
                *[
                    {
                        "id": 3 + n,
                        "code": f"33108110120{n}",
                        "name": name,
                        "level": "village",
                        "parent_id": 2,
                        "min_lon": lon - 0.005,
                        "max_lon": lon + 0.005,
                        "min_lat": 28.395,
                        "max_lat": 28.405,
                    }
                    for n, (name, lon) in enumerate((("近村", 121.50), ("远村", 122.30)))
                ],
            ],
        )
    with db.session(PLANNER) as session:
        far = cover(session=session, specialty="water", minutes=15)
        diving = cover(session=session, specialty="diving", minutes=15)
        hazmat = cover(session=session, specialty="hazmat", minutes=15)
    assert [(v.name, v.team) for v in far] == [("远村", "远队")]
    assert far[0].minutes is not None and far[0].minutes > 60
    assert {v.name for v in diving} == {"远村"} and diving[0].team == "中队"
    assert {v.name for v in hazmat} == {"近村", "远村"} and hazmat[0].minutes is None


def test_readiness_counted_by_the_database_equals_the_member_by_member_count(
    db: Database,
) -> None:
    """Without required certificates the database counts; with one (for a specialty no team
    has) every member is worked out: the same figures."""
    _county(db)
    with db.session(PLANNER, write=True) as session:
        save_member(
            session=session,
            team_id=list_teams(session=session, specialty="diving")[0].id,
            fields=member(
                70, certificates=(CertificateFields("潜水员证", "D-9", None, date(2026, 8, 15)),)
            ),
        )
        by_database = readiness(session=session, today=TODAY)
        set_required_certificates(session=session, specialty="sea", kinds=["船员证"])
        by_member = readiness(session=session, today=TODAY)
    assert by_database == by_member
    assert any(t.expiring_certificates for t in by_member.teams)
