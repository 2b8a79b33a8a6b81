"""The demo's duty log on the typhoon scenario names the rescue teams and warehouses it is
about as references: a search by a team's or a warehouse's name finds those entries."""

from __future__ import annotations

from sqlalchemy import select

from models.command import LogFilter, list_entries
from models.database import Database
from models.supplies.tables import Warehouse
from models.teams.tables import Team
from models.users import Actor

VIEWER = Actor(name="viewer", role="viewer")


def test_the_demo_log_names_a_team_and_warehouses_by_reference(scenario_db: Database) -> None:
    with scenario_db.session(VIEWER) as session:
        brigade = session.scalars(select(Team).where(Team.name == "县综合性应急救援大队")).one()
        main = session.scalars(select(Warehouse).where(Warehouse.code == "CK01")).one()
        forward = session.scalars(select(Warehouse).where(Warehouse.forward_point)).one()
        by_team = list_entries(session=session, where=LogFilter(team_id=brigade.id))
        by_main = list_entries(session=session, where=LogFilter(warehouse_id=main.id))
        by_forward = list_entries(session=session, where=LogFilter(resource_text="前置点"))
        referenced = [
            row
            for row in list_entries(session=session)
            if row.team_id is not None or row.warehouse_id is not None
        ]
    assert [(r.resource, r.kind) for r in by_team] == [("县综合性应急救援大队", "action")]
    assert [r.resource for r in by_main] == ["县防汛物资仓库"] and "编织袋" in by_main[0].content
    assert [r.warehouse_id for r in by_forward] == [forward.id]
    assert forward.name in by_forward[0].content  # the entry names the point it is about
    assert len(referenced) == 4 and all(r.event_id is not None for r in referenced)
