"""The supplies inventory on both backends: warehouses and the catalogue, receipts and
issues first-expiring first, never negative, expired stock shown but never available,
returns and the out-on-loan list, issues on a leader's word, transfers in transit, counts,
write-offs, alerts, and `db check` catching a balance edited behind the ledger's back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text

from models.checks import check_database
from models.database import Database
from models.events import start_event
from models.refusals import PermissionDenied, ValidationError
from models.supplies import (
    Arrival,
    BatchQuantity,
    IssueLine,
    ItemFields,
    ReceiptLine,
    ShortOfStock,
    TransferLineIn,
    WarehouseFields,
    adjust_to_count,
    alerts,
    complete_paperwork,
    county_stock_by_item,
    issue,
    out_on_loan,
    pending_paperwork,
    receive,
    receive_transfer,
    return_goods,
    save_item,
    save_warehouse,
    send_transfer,
    set_minimum,
    standard_code_problem,
    stock,
    stock_card,
    write_off,
    write_off_loan,
)
from models.users import Actor
from tests.conftest import ADMIN

TODAY = date(2026, 8, 1)
DUTY = Actor(name="duty", role="duty")
CLERK = Actor(name="clerk", role="clerk")
PLANNER = Actor(name="planner", role="planner")
VIEWER = Actor(name="viewer", role="viewer")


def make_inventory(db: Database) -> dict[str, int]:
    """Two warehouses, life jackets (shelf life), an assault boat (returnable), woven bags."""
    with db.session(ADMIN, write=True) as session:
        ids = {
            "county": save_warehouse(
                session=session,
                fields=WarehouseFields(
                    "CK01", "县防汛物资仓库", "county", lon=121.4, lat=28.6, manager="王强"
                ),
            ).id,
            "town": save_warehouse(
                session=session, fields=WarehouseFields("TK01", "东镇物资仓库", "town")
            ).id,
            "jacket": save_item(
                session=session,
                fields=ItemFields(
                    "JSY",
                    "救生衣",
                    "lifesaving",
                    "件",
                    shelf_life_days=1825,
                    standard_code="2010101",
                ),
            ).id,
            "boat": save_item(
                session=session,
                fields=ItemFields("CFZ", "冲锋舟", "lifesaving", "艘", returnable=True),
            ).id,
            "bag": save_item(
                session=session, fields=ItemFields("BZD", "编织袋", "flood_materials", "条")
            ).id,
        }
    return ids


def _available(db: Database, warehouse: int, item: int) -> Decimal:
    with db.session(ADMIN) as session:
        rows = stock(session=session, warehouse_id=warehouse, item_id=item, today=TODAY)
    return rows[0].available if rows else Decimal(0)


def test_issue_takes_first_expiring_batch_and_never_goes_negative(db: Database) -> None:
    ids = make_inventory(db)
    with db.session(DUTY, write=True) as session:
        receive(
            session=session,
            warehouse_id=ids["county"],
            lines=[
                ReceiptLine(ids["jacket"], Decimal(30), "B2", expiry_date=date(2029, 1, 1)),
                ReceiptLine(ids["jacket"], Decimal(20), "B1", expiry_date=date(2027, 1, 1)),
                ReceiptLine(ids["jacket"], Decimal(5), "OLD", expiry_date=date(2026, 1, 1)),
            ],
        )
    with db.session(DUTY, write=True) as session:
        issued = issue(
            session=session,
            warehouse_id=ids["county"],
            lines=[IssueLine(ids["jacket"], Decimal(25))],
            recipient="东村",
            today=TODAY,
        )
    # 20 of the batch expiring in 2027 first, then 5 of the 2029 one; the expired never.
    assert [q for _i, _b, q, _c in issued.lines] == [Decimal(20), Decimal(5)]
    assert issued.slip.endswith("-0001")
    with db.session(ADMIN) as session:
        (row,) = stock(session=session, warehouse_id=ids["county"], today=TODAY)
    assert (row.on_hand, row.expired, row.available) == (Decimal(30), Decimal(5), Decimal(25))
    with pytest.raises(ShortOfStock) as refused, db.session(DUTY, write=True) as session:
        issue(
            session=session,
            warehouse_id=ids["county"],
            lines=[IssueLine(ids["jacket"], Decimal(26))],
            recipient="东村",
            today=TODAY,
        )
    assert "25" in str(refused.value) and "26" in str(refused.value)
    assert _available(db, ids["county"], ids["jacket"]) == Decimal(25)
    with db.session(ADMIN) as session:
        assert check_database(session=session) == []


def test_fractional_quantities_and_large_counts_add_up_exactly(db: Database) -> None:
    ids = make_inventory(db)
    with db.session(DUTY, write=True) as session:
        receive(
            session=session,
            warehouse_id=ids["county"],
            lines=[
                ReceiptLine(ids["bag"], Decimal(12000)),
                ReceiptLine(ids["bag"], Decimal("0.1")),
            ],
        )
        issue(
            session=session,
            warehouse_id=ids["county"],
            lines=[IssueLine(ids["bag"], Decimal("0.3"))],
            recipient="东村",
        )
    assert _available(db, ids["county"], ids["bag"]) == Decimal("11999.8")


def test_permissions_follow_the_role_matrix(db: Database) -> None:
    ids = make_inventory(db)
    with db.session(CLERK, write=True) as session:
        receive(
            session=session, warehouse_id=ids["county"], lines=[ReceiptLine(ids["bag"], Decimal(5))]
        )
    for actor in (CLERK, PLANNER, VIEWER):
        with pytest.raises(PermissionDenied), db.session(actor, write=True) as session:
            issue(
                session=session,
                warehouse_id=ids["county"],
                lines=[IssueLine(ids["bag"], Decimal(1))],
                recipient="x",
            )
    with pytest.raises(PermissionDenied), db.session(DUTY, write=True) as session:
        save_item(session=session, fields=ItemFields("X", "X", "other", "件"))
    with db.session(PLANNER, write=True) as session:
        save_item(session=session, fields=ItemFields("X", "X", "other", "件"))


def test_catalogue_checks_every_field_at_once(db: Database) -> None:
    with pytest.raises(ValidationError) as refused, db.session(ADMIN, write=True) as session:
        save_item(
            session=session,
            fields=ItemFields(
                "",
                "水泵",
                "pumps",
                "",
                rating="fast",
                shelf_life_days="-3",
                standard_code="4010101",
            ),
        )
    fields = {field for field, _m in refused.value.problems}
    assert {"code", "category", "unit", "rating", "shelf_life_days", "standard_code"} <= fields
    assert standard_code_problem("2010101") is None
    assert standard_code_problem("2000000") is None
    assert standard_code_problem("2009901") is not None  # a level after one left at 00
    assert standard_code_problem("201010") is not None
    with pytest.raises(ValidationError), db.session(ADMIN, write=True) as session:
        save_warehouse(session=session, fields=WarehouseFields("A1", "协议仓", "agreement"))


def test_leader_word_issue_counts_at_once_and_stays_pending(db: Database) -> None:
    ids = make_inventory(db)
    with db.session(DUTY, write=True) as session:
        receive(
            session=session,
            warehouse_id=ids["county"],
            lines=[ReceiptLine(ids["bag"], Decimal(100))],
        )
    with pytest.raises(ValidationError), db.session(DUTY, write=True) as session:
        issue(
            session=session,
            warehouse_id=ids["county"],
            lines=[IssueLine(ids["bag"], Decimal(10))],
            recipient=None,
            paperwork_pending=True,
            ordered_by="李副县长",
        )  # no event in progress
    with db.session(ADMIN, write=True) as session:
        start_event(session=session, name="台风", open_records=False)
    with db.session(DUTY, write=True) as session:
        pending = issue(
            session=session,
            warehouse_id=ids["county"],
            lines=[IssueLine(ids["bag"], Decimal(40))],
            recipient=None,
            paperwork_pending=True,
            ordered_by="李副县长",
        )
    assert _available(db, ids["county"], ids["bag"]) == Decimal(60)
    with db.session(DUTY) as session:
        (row,) = pending_paperwork(session=session)
    assert (row.movement_id, row.ordered_by) == (pending.id, "李副县长")
    with db.session(DUTY, write=True) as session:
        complete_paperwork(session=session, movement_id=pending.id, recipient="东村")
    with db.session(DUTY) as session:
        assert pending_paperwork(session=session) == []


def test_returnable_items_stay_on_loan_until_returned_or_written_off(db: Database) -> None:
    ids = make_inventory(db)
    with db.session(DUTY, write=True) as session:
        receive(
            session=session,
            warehouse_id=ids["county"],
            lines=[ReceiptLine(ids["boat"], Decimal(4))],
        )
        out = issue(
            session=session,
            warehouse_id=ids["county"],
            lines=[IssueLine(ids["boat"], Decimal(3))],
            recipient="消防救援大队",
        )
    batch = out.lines[0][1]
    with db.session(DUTY) as session:
        (loan,) = out_on_loan(session=session)
    assert (loan.out, loan.recipient) == (Decimal(3), "消防救援大队")
    with db.session(CLERK, write=True) as session:
        return_goods(session=session, issue_id=out.id, lines=[BatchQuantity(batch, Decimal(2))])
    with pytest.raises(ValidationError), db.session(DUTY, write=True) as session:
        write_off_loan(
            session=session,
            issue_id=out.id,
            lines=[BatchQuantity(batch, Decimal(1))],
            cause="lost",
            reason="",
        )
    with db.session(DUTY, write=True) as session:
        write_off_loan(
            session=session,
            issue_id=out.id,
            lines=[BatchQuantity(batch, Decimal(1))],
            cause="lost",
            reason="救援中被洪水冲走",
        )
    with db.session(DUTY) as session:
        assert out_on_loan(session=session) == []
    assert _available(db, ids["county"], ids["boat"]) == Decimal(3)
    with db.session(ADMIN) as session:
        assert check_database(session=session) == []


def test_transfer_in_transit_is_available_at_neither_and_on_both_ledgers(db: Database) -> None:
    ids = make_inventory(db)
    with db.session(DUTY, write=True) as session:
        receive(
            session=session,
            warehouse_id=ids["county"],
            lines=[ReceiptLine(ids["bag"], Decimal(1000))],
        )
        sent = send_transfer(
            session=session,
            from_warehouse_id=ids["county"],
            to_warehouse_id=ids["town"],
            lines=[TransferLineIn(ids["bag"], Decimal(400), requested=Decimal(500))],
            transport="货车",
            vehicle_plate="浙J12345",
            driver="张师傅",
            driver_phone="13912345678",
        )
    with db.session(ADMIN) as session:
        rows = {r.warehouse_id: r for r in stock(session=session, item_id=ids["bag"])}
        (county,) = county_stock_by_item(session=session)
        town_card = stock_card(session=session, warehouse_id=ids["town"], item_id=ids["bag"])
        county_card = stock_card(session=session, warehouse_id=ids["county"], item_id=ids["bag"])
    assert (rows[ids["county"]].available, rows[ids["county"]].in_transit_out) == (600, 400)
    assert (rows[ids["town"]].available, rows[ids["town"]].in_transit_in) == (0, 400)
    assert (county.available, county.in_transit_out) == (600, 400)
    assert [(c.kind, c.in_transit) for c in town_card] == [("transfer_in", True)]
    assert [c.balance for c in county_card] == [1000, 600]
    line_id = sent.lines[0][0]
    with pytest.raises(ValidationError), db.session(CLERK, write=True) as session:
        receive_transfer(
            session=session, transfer_id=sent.id, arrivals={line_id: Arrival(Decimal(390))}
        )  # 10 unaccounted for
    with db.session(CLERK, write=True) as session:
        receive_transfer(
            session=session,
            transfer_id=sent.id,
            arrivals={line_id: Arrival(Decimal(390), returned=Decimal(8), lost=Decimal(2))},
            reason="2条破损遗失",
        )
    assert _available(db, ids["town"], ids["bag"]) == Decimal(390)
    assert _available(db, ids["county"], ids["bag"]) == Decimal(608)
    with db.session(ADMIN) as session:
        assert check_database(session=session) == []


def test_count_write_off_and_alerts(db: Database) -> None:
    ids = make_inventory(db)
    with db.session(DUTY, write=True) as session:
        received = receive(
            session=session,
            warehouse_id=ids["county"],
            lines=[
                ReceiptLine(ids["jacket"], Decimal(50), expiry_date=date(2026, 9, 1)),
                ReceiptLine(ids["jacket"], Decimal(5), expiry_date=date(2026, 7, 1)),
            ],
        )
    soon, old = received.lines[0][1], received.lines[1][1]
    with db.session(ADMIN, write=True) as session:
        set_minimum(
            session=session, warehouse_id=ids["county"], item_id=ids["jacket"], minimum=Decimal(60)
        )
    with db.session(ADMIN) as session:
        kinds = {a.kind for a in alerts(session=session, expiry_days=60, today=TODAY)}
    assert kinds == {"below_minimum", "expiring", "expired"}
    with db.session(DUTY, write=True) as session:
        write_off(
            session=session,
            warehouse_id=ids["county"],
            lines=[BatchQuantity(old, Decimal(5))],
            cause="expired",
            reason="过期",
        )
    with db.session(CLERK, write=True) as session:
        counted = adjust_to_count(
            session=session,
            warehouse_id=ids["county"],
            counted=[BatchQuantity(soon, Decimal(48))],
            reason="盘点短少2件",
        )
    assert counted is not None and counted.lines[0][3] == Decimal(-2)
    assert _available(db, ids["county"], ids["jacket"]) == Decimal(48)
    with db.session(ADMIN) as session:
        assert check_database(session=session) == []


def test_db_check_catches_a_balance_edited_behind_the_ledger(db: Database) -> None:
    ids = make_inventory(db)
    with db.session(DUTY, write=True) as session:
        receive(
            session=session,
            warehouse_id=ids["county"],
            lines=[ReceiptLine(ids["bag"], Decimal(100))],
        )
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE supply_balances SET quantity = quantity + 7000"))
    with db.session(ADMIN) as session:
        problems = check_database(session=session)
    assert len(problems) == 1 and "107" in problems[0] and "100" in problems[0]


def test_village_kit_compliance_counts_available_stock_of_village_stores(db: Database) -> None:
    from models.areas import Division
    from models.supplies import kit_compliance, set_kit_item

    with db.session(ADMIN, write=True) as session:
        town = Division(code="331081001", name="东镇", level="town")
        session.add(town)
        session.flush()
        villages = [
            Division(code=f"33108100100{n}", name=f"{n}村", level="village", parent_id=town.id)
            for n in (1, 2)
        ]
        session.add_all(villages)
        session.flush()
        store = save_warehouse(
            session=session,
            fields=WarehouseFields("V1", "1村储备点", "village", division_id=villages[0].id),
        ).id
    ids = make_inventory(db)
    with db.session(ADMIN, write=True) as session:
        set_kit_item(session=session, item_id=ids["jacket"], quantity=Decimal(10))
        set_kit_item(session=session, item_id=ids["bag"], quantity=Decimal(500))
        receive(
            session=session,
            warehouse_id=store,
            lines=[
                ReceiptLine(ids["jacket"], Decimal(10), expiry_date=date(2030, 1, 1)),
                ReceiptLine(ids["bag"], Decimal(500), expiry_date=date(2026, 1, 1)),
            ],
        )
    with db.session(ADMIN) as session:
        report = {v.village: v for v in kit_compliance(session=session, today=TODAY)}
    assert [s.item_name for s in report["1村"].missing] == ["编织袋"]  # its bags expired
    assert len(report["2村"].missing) == 2 and not report["2村"].complete
