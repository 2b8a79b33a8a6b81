"""Supplies slips printed as typed (`print supply-slip --movement ID -o FILE`): a transfer
slip names both warehouses, the vehicle and the driver (his mobile masked for a role that
may not print personal numbers), the goods with their batches, the slip's number per
warehouse and year, and the signature line; a movement that does not exist is refused."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pdfplumber

from models.database import Database
from models.supplies import ReceiptLine, TransferLineIn, receive, send_transfer
from models.supplies.tables import Movement
from tests.cli_helpers import run_main
from tests.conftest import ADMIN
from tests.models.test_supplies import make_inventory


def test_a_transfer_slip_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    db = Database(url)
    db.upgrade()
    ids = make_inventory(db)
    with db.session(ADMIN, write=True) as session:
        receive(
            session=session,
            warehouse_id=ids["county"],
            lines=[ReceiptLine(ids["bag"], Decimal(5000), "2026A")],
        )
        send_transfer(
            session=session,
            from_warehouse_id=ids["county"],
            to_warehouse_id=ids["town"],
            lines=[TransferLineIn(ids["bag"], Decimal(2000))],
            transport="货车",
            vehicle_plate="浙J12345",
            driver="张师傅",
            driver_phone="13912345678",
        )
        movement = session.query(Movement).filter_by(kind="transfer_out").one().id
    db.dispose()
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    out = tmp_path / "slip.pdf"
    done = run_main(
        "--lang",
        "zh_CN",
        "--db",
        url,
        "print",
        "supply-slip",
        "--movement",
        str(movement),
        "-o",
        str(out),
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    with pdfplumber.open(out) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    for expected in (
        "调拨单",
        "县防汛物资仓库",
        "东镇物资仓库",
        "浙J12345",
        "张师傅",
        "编织袋",
        "2026A",
    ):
        assert expected in text, expected
    assert "CK01-" in text and "-0001" in text
    assert "收货人" in text and "139****5678" in text and "13912345678" not in text
    missing = run_main(
        "--lang",
        "zh_CN",
        "--db",
        url,
        "print",
        "supply-slip",
        "--movement",
        "999",
        "-o",
        str(tmp_path / "x.pdf"),
        env=env,
    )
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
