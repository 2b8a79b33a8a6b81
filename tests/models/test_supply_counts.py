"""Stock counts (盘点) on both backends: the count sheet lists every batch on the books,
counted quantities are posted as one count adjustment with its reason in the same unit of
work as the count's record, a count that finds what the books say posts nothing, and the
record keeps who, when, every line and its difference. Also the GB/T 38565-2020 class
table: item codes checked against it once imported, by structure before."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from models.checks import check_database
from models.database import Database
from models.refusals import NotFound, PermissionDenied, ValidationError
from models.supplies import (
    BatchQuantity,
    ItemClass,
    ItemFields,
    Movement,
    ReceiptLine,
    StockCount,
    count_lines,
    count_rows,
    count_sheet,
    counted_quantity,
    find_warehouse,
    receive,
    record_count,
    resolve_lines,
    save_item,
    stock,
)
from tests.conftest import ADMIN
from tests.models.test_supplies import CLERK, DUTY, TODAY, VIEWER, make_inventory


def _stocked(db: Database) -> dict[str, int]:
    ids = make_inventory(db)
    with db.session(DUTY, write=True) as session:
        receive(
            session=session,
            warehouse_id=ids["county"],
            lines=[
                ReceiptLine(ids["jacket"], Decimal(30), "B1", expiry_date=date(2027, 1, 1)),
                ReceiptLine(ids["jacket"], Decimal(5), "OLD", expiry_date=date(2026, 1, 1)),
                ReceiptLine(ids["bag"], Decimal(12000)),
                ReceiptLine(ids["boat"], Decimal(2)),
            ],
        )
    return ids


def test_count_sheet_lists_every_batch_on_the_books(db: Database) -> None:
    ids = _stocked(db)
    with db.session(VIEWER) as session:
        sheet = count_sheet(session=session, warehouse_id=ids["county"], today=TODAY)
        assert find_warehouse(session, "CK01") == find_warehouse(session, "县防汛物资仓库")
        with pytest.raises(NotFound):
            find_warehouse(session, "没有的仓库")
    assert sheet.warehouse == "县防汛物资仓库" and sheet.manager == "王强"
    assert [(line.item_code, line.lot, line.book, line.expired) for line in sheet.lines] == [
        ("BZD", "", Decimal(12000), False),
        ("CFZ", "", Decimal(2), False),
        ("JSY", "OLD", Decimal(5), True),  # expired stock is counted too
        ("JSY", "B1", Decimal(30), False),
    ]


def test_differences_are_posted_as_one_adjustment_and_the_count_is_kept(db: Database) -> None:
    ids = _stocked(db)
    with db.session(CLERK, write=True) as session:
        sheet = count_sheet(session=session, warehouse_id=ids["county"], today=TODAY)
        batch = {(line.item_code, line.lot): line.batch_id for line in sheet.lines}
        lines = resolve_lines(
            session,
            ids["county"],
            [
                ("BZD", None, counted_quantity("11,950")),
                ("JSY", "B1", Decimal(31)),
                ("JSY", "OLD", Decimal(5)),
            ],
        )
        assert [line.batch_id for line in lines] == [
            batch[("BZD", "")],
            batch[("JSY", "B1")],
            batch[("JSY", "OLD")],
        ]
        row = record_count(
            session=session,
            warehouse_id=ids["county"],
            counted=lines,
            reason="年中盘点：编织袋受潮短少",
            counted_by="王强、李明",
        )
    assert (row.lines, row.differences, row.recorded_by, row.counted_by) == (
        3,
        2,
        "clerk",
        "王强、李明",
    )
    assert row.slip.endswith("-0001") and row.movement_id is not None
    with db.session(VIEWER) as session:
        movement = session.get(Movement, row.movement_id)
        assert movement is not None and movement.kind == "adjustment"
        assert movement.reason == "年中盘点：编织袋受潮短少"
        kept = count_lines(session=session, count_id=row.id)
        assert [(k.item_code, k.lot, k.book, k.counted, k.difference) for k in kept] == [
            ("BZD", "", Decimal(12000), Decimal(11950), Decimal(-50)),
            ("JSY", "OLD", Decimal(5), Decimal(5), Decimal(0)),
            ("JSY", "B1", Decimal(30), Decimal(31), Decimal(1)),
        ]
        figures = {
            r.item_code: r.on_hand
            for r in stock(session=session, warehouse_id=ids["county"], today=TODAY)
        }
        assert figures == {"BZD": Decimal(11950), "CFZ": Decimal(2), "JSY": Decimal(36)}
        assert [r.id for r in count_rows(session=session, warehouse_id=ids["county"])] == [row.id]
        assert check_database(session=session) == []


def test_a_count_finding_the_books_right_posts_nothing(db: Database) -> None:
    ids = _stocked(db)
    with db.session(CLERK, write=True) as session:
        lines = resolve_lines(session, ids["county"], [("CFZ", None, Decimal(2))])
        row = record_count(session=session, warehouse_id=ids["county"], counted=lines)
    assert (row.differences, row.slip, row.movement_id) == (0, "", None)
    with db.session(VIEWER) as session:
        assert session.scalar(select(func.count()).select_from(Movement)) == 1  # the receipt


def test_count_refusals_leave_nothing_behind(db: Database) -> None:
    ids = _stocked(db)
    with db.session(CLERK) as session:
        with pytest.raises(ValidationError) as several:
            resolve_lines(session, ids["county"], [("JSY", None, Decimal(1))])
        assert "B1" in str(several.value) and "OLD" in str(several.value)
        with pytest.raises(ValidationError):
            resolve_lines(session, ids["county"], [("NOPE", None, Decimal(1))])
    for text in ("-1", "1.2345", "十", "1e400"):
        with pytest.raises(ValidationError):
            counted_quantity(text)
    with db.session(CLERK, write=True) as session:
        lines = resolve_lines(session, ids["county"], [("CFZ", None, Decimal(1))])
    with pytest.raises(ValidationError) as no_reason, db.session(CLERK, write=True) as session:
        record_count(session=session, warehouse_id=ids["county"], counted=lines)
    assert "reason" in [field for field, _m in no_reason.value.problems]
    with pytest.raises(ValidationError), db.session(CLERK, write=True) as session:
        record_count(
            session=session,
            warehouse_id=ids["county"],
            counted=[lines[0], BatchQuantity(lines[0].batch_id, Decimal(3))],
            reason="重复",
        )
    with pytest.raises(PermissionDenied), db.session(VIEWER, write=True) as session:
        record_count(session=session, warehouse_id=ids["county"], counted=lines, reason="x")
    with db.session(VIEWER) as session:
        assert session.scalar(select(func.count()).select_from(StockCount)) == 0
        assert session.scalar(select(func.count()).select_from(Movement)) == 1


def test_item_codes_checked_against_the_class_table_once_imported(db: Database) -> None:
    make_inventory(db)  # the life jacket carries 2010101, accepted by structure alone
    with db.session(ADMIN, write=True) as session:
        session.add_all(
            [
                ItemClass(code="2000000", level=1, name="应急装备及配套物资"),
                ItemClass(code="2010000", level=2, name="个体防护装备"),
                ItemClass(code="2010100", level=3, name="水上救生防护"),
            ]
        )
    with pytest.raises(ValidationError) as refused, db.session(ADMIN, write=True) as session:
        save_item(
            session=session,
            fields=ItemFields("JSY2", "救生衣", "lifesaving", "件", standard_code="2010101"),
        )
    assert "2010101" in str(refused.value)
    with db.session(ADMIN, write=True) as session:
        session.add(ItemClass(code="2010101", level=4, name="救生衣"))
    with db.session(ADMIN, write=True) as session:
        saved = save_item(
            session=session,
            fields=ItemFields("JSY2", "救生衣", "lifesaving", "件", standard_code="2010101"),
        )
    assert saved.standard_code == "2010101"
    with db.session(ADMIN, write=True) as session:  # a class removed behind the catalogue
        session.delete(session.get(ItemClass, "2010101"))
    with db.session(ADMIN) as session:
        found = check_database(session=session)
    assert len(found) == 2 and all("2010101" in f for f in found)  # 救生衣 and its copy
