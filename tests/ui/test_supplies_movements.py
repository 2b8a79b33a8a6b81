"""Movements typed on the supplies page, as a duty officer or clerk would with the keyboard:
an issue on a leader's word counted at once and its slip completed later, a receipt with
its lot and expiry, a transfer with its vehicle received at the other end, a return
naming its issue, a write-off of an expired batch; refusals in the page's banner in
Chinese with nothing written; each role offered only the kinds it may record."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget
from sqlalchemy import func, select

from models.database import Database
from models.demo.supplies import COUNTY_WAREHOUSES, build_supplies_scenario
from models.supplies import out_on_loan, pending_paperwork, stock, transfers_in_transit
from models.supplies.tables import Movement, SupplyItem, Transfer, Warehouse
from models.users import Actor
from tests.conftest import ADMIN, DEMO_BUILT_AT
from ui.i18n import install_translators
from ui.supplies.movement_forms import (
    ArrivalForm,
    CompleteForm,
    IssueForm,
    ReceiptForm,
    ReturnForm,
    TransferForm,
    WriteOffForm,
)
from ui.supplies.movements import MovementsPanel
from ui.supplies.page import SuppliesPage

DUTY = Actor("duty", "duty")


@pytest.fixture
def county(typhoon_db: Database) -> Database:
    with typhoon_db.session(ADMIN, write=True) as session:
        build_supplies_scenario(session=session, now=DEMO_BUILT_AT)
    return typhoon_db


def _page(qtbot: Any, db: Database, actor: Actor = DUTY) -> SuppliesPage:
    page = SuppliesPage(db, actor)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    with qtbot.waitSignal(page.ready, timeout=30_000):
        page.show()
    if page.movements is not None:
        with qtbot.waitSignal(page.movements.choices_loaded, timeout=30_000):
            page.movements.reload()
    return page


def _type(widget: QWidget, text: str) -> None:
    """Typed: keys for ASCII, Chinese as an input method commits it."""
    widget.setFocus()
    if text.isascii():
        QTest.keyClicks(widget, text)
        return
    edit = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    assert isinstance(edit, QLineEdit)
    edit.insert(text)


def _save(qtbot: Any, panel: MovementsPanel) -> Any:
    """Ctrl+Enter in the shown form; the outcome once written or refused."""
    with qtbot.waitSignal(panel.finished, timeout=30_000) as signal:
        focus = QApplication.focusWidget() or panel
        QTest.keyClick(focus, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return signal.args[0]


def _ids(db: Database) -> tuple[dict[str, int], dict[str, int]]:
    with db.session(ADMIN) as session:
        warehouses = dict(session.execute(select(Warehouse.code, Warehouse.id)).all())
        items = dict(session.execute(select(SupplyItem.code, SupplyItem.id)).all())
    return warehouses, items


def _available(db: Database, warehouse: int, item: int) -> Decimal:
    with db.session(ADMIN) as session:
        rows = stock(session=session, warehouse_id=warehouse, item_id=item)
    return rows[0].available if rows else Decimal(0)


def _choose(page: SuppliesPage, key: str) -> Any:
    """Alt+N as the hint says, N the kind's place in the list."""
    panel = page.movements
    assert panel is not None
    number = [k for k, _t in panel.kinds].index(key) + 1
    QTest.keyClick(page.tabs, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentWidget() is panel and panel.kind == key
    return panel.form


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    install_translators("zh_CN")
    yield
    install_translators("en")


def test_an_issue_on_a_leaders_word_counts_at_once_and_its_slip_is_completed_later(
    qtbot: Any, county: Database
) -> None:
    warehouses, items = _ids(county)
    main, jackets = warehouses[COUNTY_WAREHOUSES[0][0]], items["WZ004"]
    before = _available(county, main, jackets)
    page = _page(qtbot, county)
    form = _choose(page, "issue")
    assert isinstance(form, IssueForm)
    with county.session(ADMIN) as session:
        main_name = session.scalar(select(Warehouse.name).where(Warehouse.id == main))
    _type(form.warehouse_combo, main_name)
    QTest.keyClick(form.warehouse_combo, Qt.Key.Key_Tab)
    _type(form.goods.item_combo, "WZ004")
    _type(form.goods.quantity_edit, "30")
    QTest.keyClick(form.goods.quantity_edit, Qt.Key.Key_Return)  # the line added
    assert form.goods.list.count() == 1
    form.word_check.setChecked(True)
    _type(form.ordered_edit, "李明华")
    outcome = _save(qtbot, page.movements)
    assert outcome.ok, outcome.problem
    assert page.banner.kind == "info" and outcome.value.slip in page.banner.text()
    assert _available(county, main, jackets) == before - 30
    with county.session(ADMIN) as session:
        pending = pending_paperwork(session=session)
    assert len(pending) == 3 and pending[-1].ordered_by == "李明华"

    # The slip follows: completed from the pending list, the issue leaves it.
    form = _choose(page, "complete")
    assert isinstance(form, CompleteForm)
    qtbot.waitUntil(lambda: form.pending_combo.count() == 3, timeout=10_000)
    form.pending_combo.setCurrentIndex(form.pending_combo.findData(pending[-1].movement_id))
    _type(form.recipient_edit, "城关镇转移安置点")
    _type(form.reason_edit, "出库单补签")
    assert _save(qtbot, page.movements).ok
    with county.session(ADMIN) as session:
        left = pending_paperwork(session=session)
        done = session.get(Movement, pending[-1].movement_id)
        assert done is not None and done.recipient == "城关镇转移安置点"
    assert [p.movement_id for p in left] == [p.movement_id for p in pending[:2]]


def test_refusals_are_shown_in_the_banner_in_chinese_and_nothing_is_written(
    qtbot: Any, county: Database, chinese: None
) -> None:
    page = _page(qtbot, county)
    with county.session(ADMIN) as session:
        movements = session.scalar(select(func.count()).select_from(Movement))
    form = _choose(page, "issue")
    form.warehouse_combo.setCurrentIndex(0)
    _type(form.goods.item_combo, "WZ001")
    _type(form.goods.quantity_edit, "100000")
    _type(form.recipient_edit, "某镇")
    outcome = _save(qtbot, page.movements)
    assert not outcome.ok and page.banner.kind == "error"
    assert "可用" in page.banner.text(), page.banner.text()  # 只有 … 可用
    assert form.goods.quantity_edit.text() == "100000"  # kept as typed
    # No leader named for an issue on a leader's word.
    form.goods.quantity_edit.setText("1")
    form.word_check.setChecked(True)
    assert not _save(qtbot, page.movements).ok
    assert "领导" in page.banner.text(), page.banner.text()
    # A transfer with a phone that is no phone.
    form = _choose(page, "transfer")
    assert isinstance(form, TransferForm)
    form.from_combo.setCurrentIndex(0)
    form.to_combo.setCurrentIndex(1)
    _type(form.goods.item_combo, "WZ004")
    _type(form.goods.quantity_edit, "1")
    _type(form.phone_edit, "12ab")
    assert not _save(qtbot, page.movements).ok
    assert "电话" in page.banner.text() or "手机" in page.banner.text(), page.banner.text()
    # An item the catalogue does not hold.
    form.goods.clear()
    _type(form.goods.item_combo, "不存在的物资")
    _type(form.goods.quantity_edit, "1")
    assert not _save(qtbot, page.movements).ok
    assert "物资" in page.banner.text(), page.banner.text()
    with county.session(ADMIN) as session:
        assert session.scalar(select(func.count()).select_from(Movement)) == movements


def test_receipt_transfer_arrival_return_and_write_off_through_the_forms(
    qtbot: Any, county: Database
) -> None:
    _warehouses, items = _ids(county)
    page = _page(qtbot, county, ADMIN)
    panel = page.movements
    assert panel is not None

    # A receipt of life jackets with lot and expiry.
    form = _choose(page, "receipt")
    assert isinstance(form, ReceiptForm)
    target = form.warehouse_combo.itemData(0)
    form.warehouse_combo.setCurrentIndex(0)
    before = _available(county, target, items["WZ004"])
    _type(form.goods.item_combo, "WZ004")
    _type(form.goods.quantity_edit, "200")
    _type(form.lot_edit, "L2026-09")
    form.expiry_edit.setDate(form.expiry_edit.date().fromString("2031-08-31", "yyyy-MM-dd"))
    _type(form.supplier_edit, "省应急物资储备库")
    assert _save(qtbot, panel).ok
    assert _available(county, target, items["WZ004"]) == before + 200

    # A transfer to another warehouse with its vehicle: in transit, then received.
    form = _choose(page, "transfer")
    assert isinstance(form, TransferForm)
    other = form.to_combo.itemData(1)
    form.from_combo.setCurrentIndex(form.from_combo.findData(target))
    form.to_combo.setCurrentIndex(1)
    _type(form.goods.item_combo, "WZ004")
    _type(form.goods.quantity_edit, "50")
    _type(form.requested_edit, "80")
    QTest.keyClick(form.goods.quantity_edit, Qt.Key.Key_Return)
    for edit, text in (
        (form.transport_edit, "货车"),
        (form.plate_edit, "浙J7B123"),
        (form.driver_edit, "王师傅"),
        (form.phone_edit, "13905761234"),
    ):
        _type(edit, text)
    assert _save(qtbot, panel).ok
    with county.session(ADMIN) as session:
        sent = [t for t in transfers_in_transit(session=session) if t.to_warehouse_id == other]
    assert len(sent) == 1 and sent[0].vehicle_plate == "浙J7B123"
    assert sent[0].lines[0][3] == 80 and sum(line[4] for line in sent[0].lines) == 50
    assert _available(county, target, items["WZ004"]) == before + 150
    form = _choose(page, "arrival")
    assert isinstance(form, ArrivalForm)
    qtbot.waitUntil(lambda: form.transit_combo.findData(sent[0].id) >= 0, timeout=10_000)
    form.transit_combo.setCurrentIndex(form.transit_combo.findData(sent[0].id))
    arrived_before = _available(county, other, items["WZ004"])
    first_line = sent[0].lines[0]
    received, _back, lost = form.line_edits[first_line[0]]
    assert received.text() == str(first_line[4])  # whole, unless told otherwise
    received.setText(str(first_line[4] - 5))
    _type(lost, "5")
    assert not _save(qtbot, panel).ok  # a loss needs its reason
    _type(form.reason_edit, "途中落水5件")
    assert _save(qtbot, panel).ok
    with county.session(ADMIN) as session:
        transfer = session.get(Transfer, sent[0].id)
        assert transfer is not None and transfer.status == "received"
    assert _available(county, other, items["WZ004"]) == arrived_before + 45

    # Boats come back from the issue to the fire brigade (named by the issue).
    form = _choose(page, "return")
    assert isinstance(form, ReturnForm)
    qtbot.waitUntil(lambda: form.loan_combo.count() > 0, timeout=10_000)
    index = next(
        i for i in range(form.loan_combo.count()) if "消防救援大队" in form.loan_combo.itemText(i)
    )
    form.loan_combo.setCurrentIndex(index)
    assert set(form.quantity_edits) == {items["WZ001"], items["WZ003"]}
    form.quantity_edits[items["WZ001"]].setText("3")
    form.quantity_edits[items["WZ003"]].setText("")
    issue_id = form.loan_combo.itemData(index)
    assert _save(qtbot, panel).ok
    with county.session(ADMIN) as session:
        returned = session.scalars(
            select(Movement).where(Movement.kind == "return", Movement.issue_id == issue_id)
        ).one()
        assert returned.warehouse_id is not None
    # Asking to return more than is out is refused.
    form.loan_combo.setCurrentIndex(form.loan_combo.findData(issue_id))
    qtbot.waitUntil(lambda: items["WZ001"] in form.quantity_edits, timeout=10_000)
    form.quantity_edits[items["WZ001"]].setText("5")
    assert not _save(qtbot, panel).ok and page.banner.kind == "error"
    # The last boat was wrecked in the rescue: written off the issue, off the loan list.
    form.quantity_edits[items["WZ001"]].setText("1")
    form.quantity_edits[items["WZ003"]].setText("")
    form.lost_check.setChecked(True)
    form.cause_combo.set_code("damaged")
    form.reason_edit.setText("救援中触礁损毁")
    assert _save(qtbot, panel).ok
    with county.session(ADMIN) as session:
        loans = [loan for loan in out_on_loan(session=session) if loan.issue_id == issue_id]
    assert [(loan.item_id, loan.out) for loan in loans] == [(items["WZ003"], 4)]

    # A write-off of the received jackets' batch, damaged, with its reason.
    form = _choose(page, "write_off")
    assert isinstance(form, WriteOffForm)
    with qtbot.waitSignal(form.batches_loaded, timeout=10_000):
        form.warehouse_combo.setCurrentIndex(form.warehouse_combo.findData(other))
        form.item_combo.setCurrentIndex(form.item_combo.findData(items["WZ004"]))
    lots = [form.batch_combo.itemText(i) for i in range(form.batch_combo.count())]
    form.batch_combo.setCurrentIndex(next(i for i, t in enumerate(lots) if "expired" not in t))
    held = _available(county, other, items["WZ004"])
    _type(form.quantity_edit, "2")
    form.cause_combo.set_code("damaged")
    assert not _save(qtbot, panel).ok  # no reason given
    _type(form.reason_edit, "搬运中破损")
    assert _save(qtbot, panel).ok
    assert _available(county, other, items["WZ004"]) == held - 2


@pytest.mark.parametrize(
    ("role", "kinds"),
    [
        ("clerk", ["receipt", "return", "arrival"]),
        ("planner", None),
        ("viewer", None),
        ("duty", ["receipt", "issue", "complete", "return", "transfer", "arrival", "write_off"]),
    ],
)
def test_each_role_is_offered_the_kinds_it_may_record(
    qtbot: Any, sqlite_db: Database, role: str, kinds: list[str] | None
) -> None:
    page = SuppliesPage(sqlite_db, Actor(role, role))
    qtbot.addWidget(page)
    if kinds is None:
        assert page.movements is None
        tabs = [page.tabs.widget(i) for i in range(page.tabs.count())]
        assert not any(isinstance(tab, MovementsPanel) for tab in tabs)
        return
    assert page.movements is not None
    assert [k for k, _t in page.movements.kinds] == kinds


def test_the_nearest_stock_from_a_village_is_found_on_the_page(
    qtbot: Any, county: Database
) -> None:
    page = _page(qtbot, county, Actor("viewer", "viewer"))  # reading it needs no right
    panel = page.nearest
    with qtbot.waitSignal(panel.loaded, timeout=30_000):
        page.tabs.setCurrentWidget(panel)  # its lists are read when first shown
    assert panel.village_combo.count() > 600
    _type(panel.item_combo, "WZ004")
    panel.village_combo.setEditText(panel.village_combo.itemText(5))
    _type(panel.quantity_edit, "abc")
    with qtbot.waitSignal(panel.answered, timeout=30_000):
        QTest.keyClick(panel.quantity_edit, Qt.Key.Key_Return)
    assert page.banner.kind == "error"  # no number: refused, named in the banner
    panel.quantity_edit.setText("2000")
    with qtbot.waitSignal(panel.answered, timeout=30_000):
        QTest.keyClick(panel.quantity_edit, Qt.Key.Key_Return)
    found = panel.result
    assert found is not None and found.item == "救生衣" and page.banner.kind == ""
    rows = panel.model.rows()
    assert len([r for r in rows if r.take > 0]) > 1  # several warehouses, nearest first
    assert [r.distance_km for r in rows] == sorted(r.distance_km for r in rows)
    assert sum(r.take for r in rows) == 2000 and "2000" in panel.summary.text()
    # From a point typed as LON,LAT.
    panel.village_combo.setEditText("121.38,28.37")
    with qtbot.waitSignal(panel.answered, timeout=30_000):
        QTest.keyClick(panel.quantity_edit, Qt.Key.Key_Return)
    assert panel.result is not found and panel.result.place == "121.38000,28.37000"
