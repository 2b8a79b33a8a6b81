"""The nearest stock of an item from a place: open warehouses by straight-line distance,
several when one is not enough, counting only available stock (expired batches and goods
in transit count nowhere); a return given by item; on both backends."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from models.database import Database
from models.geo.distance import great_circle_km
from models.refusals import Conflict, InvalidValue, NotFound, PermissionDenied, ValidationError
from models.supplies import (
    IssueLine,
    ItemFields,
    ReceiptLine,
    TransferLineIn,
    WarehouseFields,
    issue,
    receive,
    save_item,
    save_warehouse,
    send_transfer,
)
from models.supplies.entry import movement_choices, return_items, write_off_items
from models.supplies.nearby import (
    find_item,
    nearest_stock,
    parse_point,
    parse_quantity,
)
from models.users import Actor
from tests.conftest import ADMIN

TODAY = date(2026, 8, 1)
HERE = (121.40, 28.40)


def _county(db: Database) -> dict[str, int]:
    """Four warehouses 1, 3, 6 and 9 km north of HERE (the 6 km one closed), jackets."""
    ids: dict[str, int] = {}
    with db.session(ADMIN, write=True) as session:
        for code, km in (
            ("W1", 1),
            ("W3", 3),
            ("W6", 6),
            ("W9", 9),
        ):
            ids[code] = save_warehouse(
                session=session,
                fields=WarehouseFields(
                    code, f"仓库{code}", "town", lon=HERE[0], lat=HERE[1] + km / 111.2, open=True
                ),
            ).id
        ids["jacket"] = save_item(
            session=session, fields=ItemFields("JSY", "救生衣", "lifesaving", "件")
        ).id
        ids["boat"] = save_item(
            session=session, fields=ItemFields("CFZ", "冲锋舟", "lifesaving", "艘", returnable=True)
        ).id
        for code, good, expired in (
            ("W1", 40, 500),
            ("W3", 100, 0),
            ("W6", 900, 0),
            ("W9", 300, 0),
        ):
            lines = [
                ReceiptLine(
                    ids["jacket"], Decimal(good), lot="A", expiry_date=TODAY + timedelta(days=900)
                )
            ]
            if expired:
                lines.append(
                    ReceiptLine(
                        ids["jacket"], Decimal(expired), lot="OLD", expiry_date=date(2020, 1, 1)
                    )
                )
            receive(session=session, warehouse_id=ids[code], lines=lines)
        receive(
            session=session, warehouse_id=ids["W1"], lines=[ReceiptLine(ids["boat"], Decimal(4))]
        )
        # The 3 km warehouse sends 60 away: in transit, available at neither end.
        send_transfer(
            session=session,
            from_warehouse_id=ids["W3"],
            to_warehouse_id=ids["W1"],
            lines=[TransferLineIn(ids["jacket"], Decimal(60))],
            today=TODAY,
        )
    with db.session(ADMIN, write=True) as session:
        from models.supplies.tables import Warehouse

        closed = session.get(Warehouse, ids["W6"])
        assert closed is not None
        closed.open = False
    return ids


def _nearest(db: Database, ids: dict[str, int], quantity: int) -> object:
    with db.session(ADMIN) as session:
        return nearest_stock(
            session=session,
            item_id=ids["jacket"],
            quantity=Decimal(quantity),
            lon=HERE[0],
            lat=HERE[1],
            today=TODAY,
        )


def test_nearest_stock_counts_available_only_and_takes_several_by_distance(db: Database) -> None:
    ids = _county(db)
    found = _nearest(db, ids, 30)
    assert found.enough and [s.warehouse_id for s in found.sources][:1] == [ids["W1"]]
    first = found.sources[0]
    assert first.available == 40 and first.take == 30  # the expired 500 count nowhere
    assert first.distance_km == pytest.approx(1.0, abs=0.01)
    # 200: 40 nearest, the 40 left at 3 km (60 in transit), then 120 of the 9 km one;
    # the closed warehouse at 6 km is not offered.
    found = _nearest(db, ids, 200)
    assert [(s.warehouse_id, s.available, s.take) for s in found.sources] == [
        (ids["W1"], 40, 40),
        (ids["W3"], 40, 40),
        (ids["W9"], 300, 120),
    ]
    assert found.enough and found.short == 0
    found = _nearest(db, ids, 1000)
    assert not found.enough and found.short == 1000 - 380
    assert [s.distance_km for s in found.sources] == sorted(s.distance_km for s in found.sources)


def test_items_are_found_by_code_or_name_and_quantities_and_points_are_checked(
    db: Database,
) -> None:
    ids = _county(db)
    with db.session(ADMIN) as session:
        assert find_item(session, "JSY")[0] == ids["jacket"]
        assert find_item(session, "救生衣") == (ids["jacket"], "救生衣", "件")
        assert find_item(session, "冲锋")[0] == ids["boat"]  # a part naming one item
        with pytest.raises(NotFound):
            find_item(session, "发电机")
        with pytest.raises(ValidationError):
            nearest_stock(
                session=session, item_id=ids["jacket"], quantity=Decimal(0), lon=121, lat=28
            )
    assert parse_quantity("1,500") == 1500
    for bad in ("abc", "-3", "0", "1e30"):
        with pytest.raises(InvalidValue):
            parse_quantity(bad)
    assert parse_point("121.38,28.37") == (121.38, 28.37)
    for bad in ("121.38", "x,y", "0,0"):
        with pytest.raises(InvalidValue):
            parse_point(bad)
    assert great_circle_km(121.0, 28.0, 121.0, 29.0) == pytest.approx(111.2, abs=0.1)


def test_a_return_given_by_item_settles_the_issue(db: Database) -> None:
    ids = _county(db)
    with db.session(ADMIN, write=True) as session:
        issued = issue(
            session=session,
            warehouse_id=ids["W1"],
            lines=[IssueLine(ids["boat"], Decimal(3))],
            recipient="消防救援大队",
            today=TODAY,
        )
    with db.session(ADMIN) as session:
        (loan,) = movement_choices(session=session).loans
    assert loan.issue_id == issued.id and loan.goods[0][3] == 3
    with db.session(ADMIN, write=True) as session, pytest.raises(Conflict):
        return_items(session=session, issue_id=issued.id, lines=[(ids["boat"], Decimal(4))])
    with db.session(ADMIN, write=True) as session:
        back = return_items(session=session, issue_id=issued.id, lines=[(ids["boat"], Decimal(2))])
    assert back.kind == "return" and back.lines[0][3] == 2
    with db.session(ADMIN) as session:
        (loan,) = movement_choices(session=session).loans
    assert loan.goods[0][3] == 1
    # The last boat was wrecked: written off the issue (a clerk may not), off the loan list.
    clerk = Actor("clerk", "clerk")
    with db.session(clerk, write=True) as session, pytest.raises(PermissionDenied):
        write_off_items(
            session=session,
            issue_id=issued.id,
            lines=[(ids["boat"], Decimal(1))],
            cause="damaged",
            reason="触礁",
        )
    with db.session(ADMIN, write=True) as session:
        gone = write_off_items(
            session=session,
            issue_id=issued.id,
            lines=[(ids["boat"], Decimal(1))],
            cause="damaged",
            reason="触礁",
        )
    assert gone.kind == "write_off" and gone.lines[0][3] == 0  # left with the issue
    with db.session(ADMIN) as session:
        assert movement_choices(session=session).loans == []
