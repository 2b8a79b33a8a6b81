"""``demo --scenario typhoon``: the demo typhoon's event at level II, transfers part
done, towns' phoned-in figures, the last hourly snapshot and arrivals since."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.areas import Division, Shelter
from models.base import utcnow
from models.demo.common import DemoBuild, DemoStep, _rng
from models.demo.transfers import DemoScenario, build_demo_transfers
from models.transfers import TransferRecord
from models.transfers.common import _table
from models.users import Permission, require


@dataclass(frozen=True)
class TyphoonScenario:
    event_id: int
    event_name: str
    transfers: DemoScenario
    snapshot_at: datetime
    later_check_ins: int


SCENARIO_LEVEL = "II"
_LATER_CHECK_INS = 40  # arrivals after the last hourly report: "what changed since"


def build_typhoon_scenario(
    *, session: Session, scale: int = 1, now: datetime | None = None
) -> TyphoonScenario:
    """The demo typhoon's event in progress at ``now`` (default: the present): the demo
    typhoon's latest observation at the last 3-hourly synoptic time before ``now``
    (``place_demo_typhoon``), started nine hours ago at response level II (the demo's
    command step adds the level history that led there), transfers part
    done (``build_demo_transfers``), two towns' phoned-in figures, the last hourly
    roll-up snapshot an hour ago and some arrivals since.

    Needs the demo county with its households and the demo typhoon."""
    from models.events import start_event
    from models.transfers import add_town_report, record_transfer, take_snapshot
    from models.typhoons import DEMO_CODE, DEMO_NAME, place_demo_typhoon

    require(session, Permission.ADMINISTER_DATABASE)
    now = now or utcnow()
    place_demo_typhoon(session=session, now=now)
    rng = _rng(scale, "scenario")
    name = f"{DEMO_CODE}号台风“{DEMO_NAME}”防御"
    event = start_event(
        session=session,
        name=name,
        kind="typhoon",
        response_level=SCENARIO_LEVEL,
        started_at=now - timedelta(hours=9),
        open_records=False,
    )
    transfers = build_demo_transfers(
        session=session, event_id=event.id, scale=scale, now=now - timedelta(hours=1, minutes=5)
    )
    towns = session.execute(
        select(Division.id, Division.name).where(Division.level == "town").order_by(Division.code)
    ).all()
    for (town_id, _town_name), (source, to_move, moved, note) in zip(
        rng.sample(towns, 2),
        (
            ("镇防指 电话报送", 420, 355, "渔船回港人员，不在村级清单"),
            ("镇应急办 电话报送", 180, 120, "在建工地外来务工人员"),
        ),
        strict=True,
    ):
        add_town_report(
            session=session,
            event_id=event.id,
            town_id=town_id,
            source=source,
            people_to_move=to_move,
            moved=moved,
            sheltered=moved - 40,
            relatives=40,
            reported_at=now - timedelta(minutes=rng.randint(20, 90)),
            note=note,
        )
    snapshot_at = now - timedelta(hours=1)
    take_snapshot(session=session, event_id=event.id, at=snapshot_at, force=True)

    table = _table(TransferRecord)
    shelters = _table(Shelter)
    waiting = session.execute(
        select(table.c.id, table.c.version)
        .join(shelters, shelters.c.id == table.c.shelter_id)
        .where(
            table.c.event_id == event.id,
            table.c.status == "to_move",
            table.c.household_id.is_not(None),
            table.c.residents <= 4,
            shelters.c.capacity >= 200,
        )
        .order_by(table.c.id)
    ).all()
    done = 0
    for record_id, version in rng.sample(waiting, min(_LATER_CHECK_INS, len(waiting))):
        record_transfer(
            session=session,
            record_id=record_id,
            status="sheltered",
            expected_version=version,
            where="演示",
            at=now - timedelta(minutes=rng.randint(1, 55)),
        )
        done += 1
    return TyphoonScenario(event.id, event.name, transfers, snapshot_at, done)


def _write(build: DemoBuild) -> None:
    if build.scenario == "typhoon":
        event = build_typhoon_scenario(session=build.session, scale=build.scale, now=build.now)
        build.add(event=event.event_name)


STEP = DemoStep("typhoon scenario", _write)
