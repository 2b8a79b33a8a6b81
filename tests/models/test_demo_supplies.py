"""The demo county's supplies: five county warehouses, a warehouse per town, a store per
village, 60 items, a year of movements whose balances the ledger check proves, batches near
or past expiry, villages missing kit items; on the typhoon, issues during the event, two on
a leader's word pending, boats out on loan and one transfer in transit."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from sqlalchemy import func, select

from models.areas import Division
from models.checks import check_database
from models.database import Database
from models.demo.supplies import VILLAGE_KIT, build_supplies_scenario
from models.supplies import (
    Movement,
    SupplyItem,
    alerts,
    kit_compliance,
    list_warehouses,
    out_on_loan,
    pending_paperwork,
    stock,
    stock_card,
    transfers_in_transit,
)
from tests.conftest import ADMIN, DEMO_BUILT_AT


def test_demo_county_holds_warehouses_items_and_a_year_of_movements(demo_db: Database) -> None:
    with demo_db.session(ADMIN) as session:
        warehouses = list_warehouses(session=session)
        levels = Counter(w.level for w in warehouses)
        villages = session.scalar(
            select(func.count()).select_from(Division).where(Division.level == "village")
        )
        towns = session.scalar(
            select(func.count()).select_from(Division).where(Division.level == "town")
        )
        assert levels["county"] == 5 and levels["agreement"] == 2
        assert levels["village"] == villages and levels["town"] == towns + 1  # forward point
        assert session.scalar(select(func.count()).select_from(SupplyItem)) == 60
        first = session.scalar(select(func.min(Movement.at)))
        assert first is not None and (DEMO_BUILT_AT - first).days >= 330
        kinds = Counter(alert.kind for alert in alerts(session=session))
        assert kinds["expiring"] and kinds["expired"] and kinds["below_minimum"]
        held = stock(session=session)
        kit_items = {
            i.id
            for i in session.scalars(
                select(SupplyItem).where(SupplyItem.code.in_([c for c, _q in VILLAGE_KIT]))
            )
        }
        village_ids = {w.id for w in warehouses if w.level == "village"}
        complete = Counter(
            r.warehouse_id
            for r in held
            if r.warehouse_id in village_ids and r.item_id in kit_items and r.available > 0
        )
        missing = [v for v in village_ids if complete[v] < len(VILLAGE_KIT)]
        assert 0 < len(missing) < len(village_ids) // 2
        compliance = kit_compliance(session=session)
        lacking = [v for v in compliance if not v.complete]
        assert 0 < len(lacking) < len(compliance) // 2
        assert all(s.held < s.required for v in lacking for s in v.missing)
        main = next(w.id for w in warehouses if w.code == "CK01")
        jackets = next(i for i in held if i.warehouse_id == main and i.item_code == "WZ004")
        card = stock_card(session=session, warehouse_id=main, item_id=jackets.item_id)
        assert card[-1].balance == jackets.on_hand and all(line.balance >= 0 for line in card)
        assert check_database(session=session) == []


def test_typhoon_scenario_issues_loans_pending_paperwork_and_a_transfer(
    typhoon_db: Database,
) -> None:
    with typhoon_db.session(ADMIN, write=True) as session:
        written = build_supplies_scenario(session=session, now=DEMO_BUILT_AT)
    assert written == 8
    with typhoon_db.session(ADMIN) as session:
        pending = pending_paperwork(session=session)
        assert [p.ordered_by for p in pending] == ["李明华（副县长）"] * 2
        (moving,) = transfers_in_transit(session=session)
        forward = next(
            w for w in list_warehouses(session=session) if w.id == moving.to_warehouse_id
        )
        assert "前置点" in forward.name
        at_forward = stock(session=session, warehouse_id=forward.id)
        assert at_forward and all(r.available == 0 and r.in_transit_in > 0 for r in at_forward)
        loans = {loan.item_name: loan.out for loan in out_on_loan(session=session)}
        assert loans["冲锋舟"] == Decimal(4) and loans["船外机"] == Decimal(4)
        assert check_database(session=session) == []
