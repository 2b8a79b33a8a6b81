"""During an event: which towns and villages lag (below the completion threshold) or
stall (no change for N hours), their responsible persons to call, and the county's
completion rate over time from the hourly snapshots."""

from __future__ import annotations

from datetime import timedelta

from models.areas import WorkingGroupMember
from models.database import Database
from models.overview import responsible_persons
from models.transfers import completion_history, needs_attention, rollup, take_snapshot
from tests.conftest import ADMIN
from tests.models.test_transfers import DUTY_A, T0, VIEWER, make_scenario, move


def test_lagging_and_stalled_towns_and_villages(db: Database) -> None:
    sc = make_scenario(db)
    reg, r = sc.register, sc.records
    move(db, r["h1"], "sheltered", at=T0 + timedelta(hours=1))  # 东门社区: 5 of 8 moved
    with db.session(DUTY_A) as session:
        data = rollup(session=session, event_id=sc.event_id)

        def names(hours: float, percent: float = 50, stale: float = 2) -> dict[str, object]:
            found = needs_attention(
                session=session,
                data=data,
                lag_percent=percent,
                stale_hours=stale,
                now=T0 + timedelta(hours=hours),
            )
            return {
                "towns": [(t.name, t.below, t.stalled) for t in found.towns],
                "villages": [(v.name, v.town, v.below, v.stalled) for v in found.villages],
                "town_villages": found.town_villages,
            }

        two_hours = names(2)
        assert two_hours["towns"] == [  # the worst first
            ("石塘镇", True, True),  # nothing moved, nothing changed since the event began
            ("太平街道", True, False),  # 5 of 31: below 50 %, but 东门社区 moved an hour ago
        ]
        assert two_hours["villages"] == [
            ("西门社区", "太平街道", True, True),  # 0 of 23, the most still at home first
            ("东海村", "石塘镇", True, True),
        ]
        assert two_hours["town_villages"] == {reg.town_a: (reg.a2,), reg.town_b: (reg.b1,)}
        # Four hours in, 东门社区 (62.5 %) has had no change for three hours: it stalls.
        assert ("东门社区", "太平街道", False, True) in names(4)["villages"]
        # An event younger than the stale time stalls nothing; without a threshold and a
        # stale time nothing needs attention.
        assert all(not stalled for *_rest, stalled in names(1.5)["villages"])  # type: ignore[attr-defined]
        assert names(4, percent=0, stale=0) == {"towns": [], "villages": [], "town_villages": {}}


def test_the_contact_list_puts_the_village_head_first_and_masks_phones_by_role(
    db: Database,
) -> None:
    sc = make_scenario(db)
    reg = sc.register
    with db.session(ADMIN) as session:
        session.add_all(
            [
                WorkingGroupMember(
                    village_id=reg.a1, post="rescue", name="抢险员", phone="13700000003"
                ),
                WorkingGroupMember(
                    village_id=reg.a1, post="transfer", name="转移员", phone="13700000002"
                ),
                WorkingGroupMember(
                    village_id=reg.a1, post="head", name="村长", phone="13700000001"
                ),
                WorkingGroupMember(
                    village_id=reg.b1, post="head", name="别村村长", phone="13700000009"
                ),
            ]
        )
    with db.session(DUTY_A) as session:
        contacts = responsible_persons(session=session, village_ids=[reg.a1])
    assert [(c.role, c.name) for c in contacts][:2] == [("head", "村长"), ("transfer", "转移员")]
    assert [c.role for c in contacts][2:] == ["grid", "rescue"]
    assert {c.village for c in contacts} == {"东门社区"} and contacts[0].town == "太平街道"
    assert contacts[0].phone == "13700000001"
    grid = next(c for c in contacts if c.role == "grid")
    assert grid.detail  # the grid's name
    with db.session(VIEWER) as session:
        masked = responsible_persons(session=session, village_ids=[reg.a1, reg.b1])
    assert [c.phone for c in masked if c.role == "head"] == ["137****0001", "137****0009"]
    assert all("****" in (c.phone or "****") for c in masked)


def test_completion_over_time_comes_from_the_hourly_snapshots(db: Database) -> None:
    sc = make_scenario(db)
    r = sc.records
    with db.session(DUTY_A) as session:
        take_snapshot(session=session, event_id=sc.event_id, at=T0 + timedelta(minutes=30))
    move(db, r["h1"], "sheltered", at=T0 + timedelta(hours=1))
    with db.session(DUTY_A) as session:
        take_snapshot(session=session, event_id=sc.event_id, at=T0 + timedelta(hours=1, minutes=5))
    move(db, r["h3"], "relatives", at=T0 + timedelta(hours=1, minutes=30))
    with db.session(DUTY_A) as session:
        data = rollup(session=session, event_id=sc.event_id)
        history = completion_history(session=session, event_id=sc.event_id, now=data)
    assert [p.at for p in history[:2]] == [
        T0 + timedelta(minutes=30),
        T0 + timedelta(hours=1, minutes=5),
    ]
    assert [p.moved for p in history] == [0, 5, 9]
    assert history[-1].at == data.at
    to_move = data.county.people_to_move
    assert [p.people_to_move for p in history] == [to_move] * 3
    assert history[-1].completion_rate == 9 / to_move
