"""A shelter's arrivals for its manager: who (with village and mobile), how many, when,
and departures, agreeing with the shelter's occupancy in the roll-up."""

from __future__ import annotations

from models.arrivals import list_shelter_arrivals
from models.database import Database
from models.transfers import rollup, shelter_arrivals
from tests.conftest import ADMIN
from tests.models.test_transfers import DUTY_A, VIEWER, make_scenario, move


def test_arrivals_name_village_mobile_count_and_departures(db: Database) -> None:
    sc = make_scenario(db)
    r, s = sc.records, sc.register.shelters
    move(db, r["h1"], "sheltered", 3, where="东门社区文化礼堂")
    move(db, r["h2"], "relatives")  # not at a shelter: not on the list
    move(db, r["o1"], "sheltered", shelter_id=s["S1"], where="东门社区文化礼堂")  # 6 on the raft
    move(db, r["h1"], "sheltered", 2, where="东门社区文化礼堂")
    move(db, r["o1"], "to_move", 1, from_status="sheltered")  # one went back for the boat
    move(db, r["h3"], "sheltered")  # another shelter
    with db.session(DUTY_A) as session:
        arrivals = list_shelter_arrivals(session=session, event_id=sc.event_id, shelter_id=s["S1"])
        history = shelter_arrivals(session=session, event_id=sc.event_id, shelter_id=s["S1"])
        occupancy = next(
            x for x in rollup(session=session, event_id=sc.event_id).shelters if x.id == s["S1"]
        )
    assert arrivals is not None and not arrivals.masked
    assert arrivals.shelter_name == "东门社区文化礼堂避灾安置点"
    assert (arrivals.capacity, arrivals.manager_name) == (10, "李管理")
    assert [
        (a.name, a.count, a.listed, a.subject, a.village_name, a.town_name, a.phone)
        for a in arrivals.rows
    ] == [
        ("张三", 3, 5, "household", "东门社区", "太平街道", "13912345678"),
        ("东海村1号渔排", 6, 6, "object", "东海村", "石塘镇", "13600000004"),
        ("张三", 2, 5, "household", "东门社区", "太平街道", "13912345678"),
    ]
    assert arrivals.rows[1].object_kind == "fishing_raft"
    assert [(a.change_id, a.at, a.actor, a.place) for a in arrivals.rows] == [
        (h.id, h.at, h.actor, h.place) for h in history
    ]
    assert all(a.actor == "duty-a" and a.place == "东门社区文化礼堂" for a in arrivals.rows)
    assert (arrivals.arrived, arrivals.departed, arrivals.present) == (11, 1, 10)
    assert occupancy.occupants == arrivals.present


def test_viewers_get_masked_mobiles_and_unknown_shelters_none(db: Database) -> None:
    sc = make_scenario(db)
    s = sc.register.shelters
    move(db, sc.records["h1"], "sheltered", 3)
    with db.session(VIEWER) as session:
        arrivals = list_shelter_arrivals(session=session, event_id=sc.event_id, shelter_id=s["S1"])
        assert (
            list_shelter_arrivals(session=session, event_id=sc.event_id, shelter_id=99_999) is None
        )
    assert arrivals is not None and arrivals.masked
    assert [a.phone for a in arrivals.rows] == ["139****5678"]
    with db.session(ADMIN) as session:
        forced = list_shelter_arrivals(
            session=session, event_id=sc.event_id, shelter_id=s["S1"], masked=True
        )
        other = list_shelter_arrivals(session=session, event_id=sc.event_id + 1, shelter_id=s["S1"])
    assert forced is not None and [a.phone for a in forced.rows] == ["139****5678"]
    assert other is not None and other.rows == [] and other.arrived == 0


def test_arrivals_name_the_operator_and_the_configured_workstation(db: Database) -> None:
    """Who recorded an arrival reads as a person (the local operator not as ``os:root``);
    where, as the workstation's configured name (the computer's name until one is set)."""
    import platform

    from PySide6.QtCore import QCoreApplication

    from models.settings import Settings
    from models.users import Actor

    sc = make_scenario(db)
    r, s = sc.records, sc.register.shelters
    move(db, r["h1"], "sheltered", 1)  # before a name is configured
    settings = Settings.load()
    settings.workstation_name = "  城关镇安置点登记台  "
    settings.save()
    move(db, r["h1"], "sheltered", 1)
    move(db, r["h1"], "sheltered", 1, actor=Actor("os:zhouwei", "admin"))
    with db.session(DUTY_A) as session:
        arrivals = list_shelter_arrivals(session=session, event_id=sc.event_id, shelter_id=s["S1"])
    assert arrivals is not None
    assert [a.place for a in arrivals.rows] == [
        platform.node()[:80] or "?",
        "城关镇安置点登记台",
        "城关镇安置点登记台",
    ]
    local = QCoreApplication.translate("Operators", "%1 (this computer's account)")
    assert [a.actor for a in arrivals.rows] == ["duty-a", "duty-a", local.replace("%1", "zhouwei")]
    assert not any(a.actor.startswith("os:") for a in arrivals.rows)
