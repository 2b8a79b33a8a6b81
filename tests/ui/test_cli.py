"""The command line as a user meets it: exit codes, messages, who acts, no tracebacks."""

from __future__ import annotations

import getpass
import json
import re
import subprocess
from pathlib import Path

import pytest

from models.audit import read_audit
from models.database import Database
from tests.cli_helpers import run_main
from tests.conftest import ADMIN


def test_help_and_usage_errors(tmp_path: Path) -> None:
    assert run_main("--help").returncode == 0
    for sub in ("demo", "db", "user", "import", "export", "print", "screenshot"):
        result = run_main(sub, "--help")
        assert result.returncode == 0, sub
    bad = run_main("no-such-command")
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr


def test_messages_are_chinese_by_default_and_english_on_request(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.sqlite'}"
    zh = run_main("--db", db, "db", "upgrade")
    en = run_main("--lang", "en", "--db", db, "db", "upgrade")
    assert zh.returncode == en.returncode == 0
    assert "数据库" in zh.stdout
    assert "database is up to date" in en.stdout.lower()


def test_user_add_reads_the_password_from_stdin_and_login_works(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'u.sqlite'}"
    added = run_main("--db", url, "user", "add", "chief", "--role", "admin", stdin="long-secret\n")
    assert added.returncode == 0, added.stderr
    # Now act as chief: right password adds a user, wrong password is refused (exit 1).
    ok = run_main(
        "--db",
        url,
        "--user",
        "chief",
        "user",
        "add",
        "li",
        "--role",
        "clerk",
        env={"ECC_PASSWORD": "long-secret"},
        stdin="clerk-secret\n",
    )
    assert ok.returncode == 0, ok.stderr
    wrong = run_main("--db", url, "--user", "chief", "db", "check", env={"ECC_PASSWORD": "not-it"})
    assert wrong.returncode == 1
    assert "Traceback" not in wrong.stderr
    # A clerk may not add users.
    clerk = run_main(
        "--db",
        url,
        "--user",
        "li",
        "user",
        "add",
        "x",
        "--role",
        "viewer",
        env={"ECC_PASSWORD": "clerk-secret"},
    )
    assert clerk.returncode == 1


def test_local_operator_is_audited_as_the_os_user(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'o.sqlite'}"
    first = run_main("--db", url, "user", "add", "chief", "--role", "admin", stdin="long-secret\n")
    assert first.returncode == 0, first.stderr
    # Once the database has an administrator, the local operator manages no users.
    result = run_main("--db", url, "user", "add", "wang", "--role", "duty", stdin="duty-secret\n")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    db = Database(url)
    with db.session(ADMIN) as session:
        rows = read_audit(session=session)
    db.dispose()
    assert [json.loads(r.changes or "{}").get("name") for r in rows] == ["chief"]
    assert rows[0].actor == f"os:{getpass.getuser()}"


def test_postgresql_requires_a_user(pg_url: str) -> None:
    result = run_main("--db", pg_url, "db", "check")
    assert result.returncode == 2
    assert "--user" in result.stderr


def test_unexpected_error_is_one_line_and_logged_without_personal_data(tmp_path: Path) -> None:
    folder = tmp_path / "13912345678"
    folder.mkdir()
    (folder / "x.sqlite").mkdir()  # a directory where the database file should be
    result = run_main("--db", f"sqlite:///{folder / 'x.sqlite'}", "db", "check")
    assert result.returncode == 3
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert len(result.stderr.strip().splitlines()) == 1
    log = (tmp_path / "data" / "logs" / "console.log").read_text(encoding="utf-8")
    assert "Traceback" in log  # the details are for the support engineer
    assert "13912345678" not in log


@pytest.mark.parametrize("page", ["dashboard", "register", "settings", "map"])
def test_screenshot_writes_a_png(tmp_path: Path, page: str) -> None:
    out = tmp_path / f"{page}.png"
    result = run_main(
        "--db",
        f"sqlite:///{tmp_path / 's.sqlite'}",
        "screenshot",
        page,
        "-o",
        str(out),
        "--size",
        "1200x800",
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)


@pytest.mark.slow
def test_typhoon_scenario_screenshot_shows_the_event_mid_way(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'typhoon.sqlite'}"
    built = run_main("--db", url, "demo", "--scenario", "typhoon")
    assert built.returncode == 0, built.stderr
    assert "2606" in built.stdout  # the event in progress is named
    out = tmp_path / "transfers.png"
    shot = run_main("--db", url, "screenshot", "transfers", "-o", str(out))
    assert shot.returncode == 0, shot.stderr
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    # Response level II's orange marks the event in the status bar and the page's banner.
    orange = QColor("#f07800").rgb()
    bottom = [image.pixel(x, y) for x in range(0, 400, 2) for y in range(960, 1000, 2)]
    assert sum(1 for p in bottom if p == orange) > 200


def test_export_transfer_rollup_and_print_shelter_arrivals(
    demo_db: Database, tmp_path: Path
) -> None:
    import openpyxl

    from models.demo import build_demo_transfers
    from models.events import start_event
    from models.exports.rollup import rollup_values
    from models.transfers import rollup

    with demo_db.session(ADMIN) as session:
        event = start_event(session=session, name="台风演示")
        build_demo_transfers(session=session, event_id=event.id)
        session.commit()
    with demo_db.session(ADMIN) as session:
        data = rollup(session=session, event_id=event.id)
    shelter = max(data.shelters, key=lambda s: s.arrivals)
    xlsx, pdf = tmp_path / "rollup.xlsx", tmp_path / "arrivals.pdf"
    exported = run_main(
        "--db", demo_db.url, "export", "transfer-rollup", "--event", str(event.id), "-o", str(xlsx)
    )
    assert exported.returncode == 0, exported.stderr
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    names = [r[0] for r in rows]
    for town in data.towns:
        assert rows[names.index(town.name)][1:8] == rollup_values(town.figures)
    printed = run_main(
        "--db",
        demo_db.url,
        "print",
        "shelter-arrivals",
        "--event",
        str(event.id),
        "--shelter",
        str(shelter.id),
        "-o",
        str(pdf),
    )
    assert printed.returncode == 0, printed.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_transfer_rollup_and_arrivals_refusals_and_usage(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.sqlite'}"
    out = tmp_path / "out"
    unknown = run_main(
        "--db", db, "export", "transfer-rollup", "--event", "9999", "-o", f"{out}.xlsx"
    )
    assert unknown.returncode == 1
    assert "9999" in unknown.stderr and "Traceback" not in unknown.stderr
    assert not Path(f"{out}.xlsx").exists()
    printed = run_main(
        "--db",
        db,
        "print",
        "shelter-arrivals",
        "--event",
        "9999",
        "--shelter",
        "1",
        "-o",
        f"{out}.pdf",
    )
    assert printed.returncode == 1
    assert "9999" in printed.stderr and "Traceback" not in printed.stderr
    for args in (
        ("export", "transfer-rollup", "-o", f"{out}.xlsx"),
        ("export", "transfer-rollup", "--event", "1", "--template", "-o", f"{out}.xlsx"),
        ("print", "shelter-arrivals", "--event", "1", "-o", f"{out}.pdf"),
    ):
        usage = run_main("--db", db, *args)
        assert usage.returncode == 2, args
        assert "Traceback" not in usage.stderr


def test_map_export_writes_an_offline_page(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "county.html"
    result = run_main("--lang", "en", "--db", demo_db.url, "map", "export", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "features on the map" in result.stdout
    html = out.read_text(encoding="utf-8")
    assert "L.map" in html or "leaflet" in html.lower()
    assert not re.search(r"""https?://|(?:src|href)\s*=\s*["']//""", html)


def test_an_unmasked_export_needs_the_permission_and_is_audited_once(
    demo_db: Database, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from models.areas import Division
    from models.audit import AuditRecord

    with demo_db.session(ADMIN) as session:
        village = session.scalar(select(Division.code).where(Division.level == "village"))
    for name, role in (("li", "planner"), ("wang", "duty")):
        added = run_main(
            "--db",
            demo_db.url,
            "--user",
            "admin",
            "user",
            "add",
            name,
            "--role",
            role,
            env={"ECC_PASSWORD": "demo-admin", "ECC_NEW_PASSWORD": "long-secret"},
        )
        assert added.returncode == 0, added.stderr

    def export(user: str, *extra: str) -> subprocess.CompletedProcess[str]:
        return run_main(
            "--db",
            demo_db.url,
            "--user",
            user,
            "export",
            "households",
            "--village",
            str(village),
            *extra,
            "-o",
            str(tmp_path / f"{user}{len(extra)}.xlsx"),
            env={"ECC_PASSWORD": "long-secret"},
        )

    refused = export("li", "--unmasked")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert not (tmp_path / "li1.xlsx").exists()
    assert export("li").returncode == 0  # masked: allowed, nothing audited
    assert export("wang", "--unmasked").returncode == 0
    with demo_db.session(ADMIN) as session:
        records = session.scalars(select(AuditRecord).where(AuditRecord.action == "unmask")).all()
    assert [(r.actor, r.table_name) for r in records] == [("wang", "households")]
    assert json.loads(records[0].changes or "{}")["export"] == "wang1.xlsx"
