"""The printed supplies reports' figures, on both backends: a town's warehouse and its
village stores are summed into the town's area, the county's warehouses into 县级 (County
level), a transfer in transit shows at both ends; one town is listed alone; an unknown
town is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.areas import Division
from models.database import Database
from models.refusals import NotFound
from models.supplies import ReceiptLine, WarehouseFields, receive, save_warehouse
from models.supplies.reports import kit_report, stock_report
from models.supplies.tables import Warehouse
from tests.conftest import ADMIN
from tests.models.test_supplies import make_inventory


def test_stock_summed_by_area_and_listed_by_warehouse(db: Database) -> None:
    ids = make_inventory(db)
    with db.session(ADMIN, write=True) as session:
        town = Division(code="331081001", name="东镇", level="town")
        other = Division(code="331081002", name="西镇", level="town")
        session.add_all([town, other])
        session.flush()
        village = Division(code="331081001001", name="一村", level="village", parent_id=town.id)
        session.add(village)
        session.flush()
        store = save_warehouse(
            session=session,
            fields=WarehouseFields("V1", "一村储备点", "village", division_id=village.id),
        ).id
        session.get_one(Warehouse, ids["town"]).division_id = town.id
        receive(
            session=session,
            warehouse_id=ids["town"],
            lines=[ReceiptLine(ids["bag"], Decimal(800), "A")],
        )
        receive(
            session=session, warehouse_id=store, lines=[ReceiptLine(ids["bag"], Decimal(200), "B")]
        )
        receive(
            session=session,
            warehouse_id=ids["county"],
            lines=[ReceiptLine(ids["bag"], Decimal(5000), "C")],
        )
    with db.session(ADMIN) as session:
        _, by_area = stock_report(session=session, by_area=True)
        name, by_warehouse = stock_report(session=session, by_area=False, town="331081001")
        with pytest.raises(NotFound, match="南镇"):
            stock_report(session=session, by_area=True, town="南镇")
        _, kits = kit_report(session=session, town="东镇")
    assert [(r.area, r.item_code, r.on_hand, r.warehouses) for r in by_area] == [
        ("County level", "BZD", Decimal(5000), 1),
        ("东镇", "BZD", Decimal(1000), 2),
    ]
    assert name == "东镇"
    assert [(r.warehouse, r.on_hand) for r in by_warehouse] == [
        ("东镇物资仓库", Decimal(800)),
        ("一村储备点", Decimal(200)),
    ]
    assert [k.village for k in kits] == ["一村"] and kits[0].complete  # no kit set
