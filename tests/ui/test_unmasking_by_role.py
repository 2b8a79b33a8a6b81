"""Full mobiles leave the console only for roles that may unmask them, and then with an
audit record: the printed village list and transfer cards and the exported map page, as
typed on the command line by the demo's clerk, planner and duty officer."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pdfplumber
from sqlalchemy import select

from models.audit import AuditRecord
from models.database import Database
from models.transfers import list_households
from tests.cli_helpers import run_main
from tests.conftest import ADMIN

MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
MASKED = re.compile(r"1[3-9]\d\*{4}\d{4}")


def _village(db: Database) -> str:
    with db.session(ADMIN) as session:
        rows = list_households(session=session, masked=False)
    return Counter(r.village_code for r in rows).most_common(1)[0][0]


def _run(db: Database, role: str, *command: str) -> None:
    result = run_main(
        "--lang", "en", "--db", db.url, "--user", role, *command,
        env={"ECC_PASSWORD": f"demo-{role}"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _unmask_records(db: Database) -> list[tuple[str, dict[str, object]]]:
    with db.session(ADMIN) as session:
        records = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "unmask").order_by(AuditRecord.id)
        ).all()
    return [(r.actor, json.loads(r.changes or "{}")) for r in records]


def test_clerk_and_planner_print_and_export_masked_mobiles_and_nothing_is_audited(
    demo_db: Database, tmp_path: Path
) -> None:
    village = _village(demo_db)
    for role in ("clerk", "planner"):
        listed, cards, page = (
            tmp_path / f"{role}{n}" for n in ("-list.pdf", "-cards.pdf", ".html")
        )
        _run(demo_db, role, "print", "transfer-list", "--village", village, "-o", str(listed))
        _run(demo_db, role, "print", "transfer-cards", "--village", village, "-o", str(cards))
        _run(demo_db, role, "map", "export", "-o", str(page))
        for pdf in (listed, cards):
            text = _pdf_text(pdf)
            assert MASKED.search(text) and not MOBILE.search(text), (role, pdf.name)
        html = page.read_text(encoding="utf-8")
        assert len(MASKED.findall(html)) > 2000 and not MOBILE.search(html), role
    assert _unmask_records(demo_db) == []


def test_the_duty_officer_gets_full_mobiles_and_each_document_is_audited(
    demo_db: Database, tmp_path: Path
) -> None:
    village = _village(demo_db)
    listed, page = tmp_path / "list.pdf", tmp_path / "county.html"
    _run(demo_db, "duty", "print", "transfer-list", "--village", village, "-o", str(listed))
    _run(demo_db, "duty", "map", "export", "-o", str(page))
    assert MOBILE.search(_pdf_text(listed)) and not MASKED.search(_pdf_text(listed))
    html = page.read_text(encoding="utf-8")
    assert len(MOBILE.findall(html)) > 2000 and not MASKED.search(html)
    records = _unmask_records(demo_db)
    assert [
        (actor, detail.get("print") or detail.get("document")) for actor, detail in records
    ] == [
        ("duty", "transfer-list"),
        ("duty", "map"),
    ]
    detail = records[1][1]
    assert detail["export"] == "county.html"
    assert isinstance(detail["rows"], int) and detail["rows"] > 2000
    assert set(detail["tables"]) >= {"grids", "shelters"}  # type: ignore[arg-type]
