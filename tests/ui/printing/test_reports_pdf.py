"""``python main.py print event-report --event ID [--report N|final] -o FILE.pdf`` as typed:
the report in the official layout (read back: the type area, 16 pt body, fonts embedded,
the red issuer mark, the number and the signer), and the exit codes of its mistakes."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from models.command import draft_report, find_report, issuer, send_report, sign_report
from models.database import Database
from models.events import active_event
from tests.cli_helpers import run_main
from tests.conftest import ADMIN
from tests.ui.printing.test_official_pdf import MM, TOLERANCE, _font_files, _lines, _text


def _mm(points: float) -> float:
    return points / MM


def _characters(text: str) -> float:
    """Full-width characters a line holds (a figure or a Latin letter is half of one)."""
    return sum(1 if ord(c) > 0xFF else 0.5 for c in text)


def _reports(db: Database) -> tuple[int, str, str]:
    """The scenario's event with its initial report sent and follow-up 1 signed."""
    with db.session(ADMIN, write=True) as session:
        event = active_event(session=session)
        assert event is not None
        first = draft_report(session=session, event_id=event.id, kind="initial")
        sign_report(session=session, report_id=first.id, signer="王建军")
        send_report(session=session, report_id=first.id, to=["市防指办", "县应急管理局"])
        one = draft_report(session=session, event_id=event.id, kind="followup")
        signed = sign_report(session=session, report_id=one.id, signer="李明华")
        name = issuer(session=session).name
    assert signed.doc_number
    return event.id, signed.doc_number, name


@pytest.fixture
def reported(typhoon_db: Database) -> tuple[Database, int, str, str]:
    """The demo county's member units are registered already."""
    return (typhoon_db, *_reports(typhoon_db))


def test_a_follow_up_prints_in_the_official_layout(
    reported: tuple[Database, int, str, str], tmp_path: Path
) -> None:
    db, event_id, number, issuer_name = reported
    out = tmp_path / "续报一.pdf"
    printed = run_main(
        "--db", db.url, "print", "event-report", "--event", str(event_id), "--report", "1",
        "-o", str(out),
    )  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    with pdfplumber.open(out) as pdf:
        first = pdf.pages[0]
        texts = [_text(line) for line in _lines(first)]
        assert issuer_name + "文件" in texts
        mark = next(line for line in _lines(first) if _text(line) == issuer_name + "文件")
        assert {tuple(c["non_stroking_color"]) for c in mark} == {(1, 0, 0)}
        assert number + "签发人：李明华" in texts
        with db.session(ADMIN) as session:
            title = find_report(session=session, event_id=event_id, which=1).title
        assert title.startswith("关于") and title.endswith("续报一")
        assert title in "".join(texts)  # over two centred lines in 22 pt
        body = [
            line
            for page in pdf.pages
            for line in _lines(page)
            if {round(c["size"]) for c in line} == {16} and 37 + 60 < _mm(line[0]["top"]) < 37 + 225
        ]
        assert body
        for line in body:
            assert _mm(line[0]["x0"]) >= 28 - TOLERANCE
            assert _mm(line[-1]["x1"]) <= 28 + 156 + TOLERANCE
            assert _characters(_text(line)) <= 28
        full = [line for line in body if _characters(_text(line)) >= 27]
        assert full  # the body fills lines of 28 characters
        every = "".join(_text(line) for page in pdf.pages for line in _lines(page))
        assert "新增转移" in every or "较首报" in every  # what changed since the initial report
        assert all(keys == {"FontFile2"} for keys in _font_files(pdf).values())


def test_the_latest_and_the_initial_report_and_the_mistakes(
    reported: tuple[Database, int, str, str], tmp_path: Path
) -> None:
    db, event_id, number, _issuer = reported
    latest = run_main(
        "--db", db.url, "print", "event-report", "--event", str(event_id), "-o", str(tmp_path / "a.pdf")
    )  # fmt: skip
    assert latest.returncode == 0, latest.stderr
    initial = run_main(
        "--db", db.url, "print", "event-report", "--event", str(event_id), "--report", "0",
        "-o", str(tmp_path / "b.pdf"),
    )  # fmt: skip
    assert initial.returncode == 0, initial.stderr
    with pdfplumber.open(tmp_path / "a.pdf") as pdf:
        assert number in "".join(_text(line) for line in _lines(pdf.pages[0]))
    with pdfplumber.open(tmp_path / "b.pdf") as pdf:
        texts = "".join(_text(line) for page in pdf.pages for line in _lines(page))
    assert "签发人：王建军" in texts and "首报" in texts
    assert "市防汛防台抗旱指挥部办公室、县应急管理局：" in texts  # the units it was sent to
    final = run_main(
        "--db", db.url, "print", "event-report", "--event", str(event_id), "--report", "final",
        "-o", str(tmp_path / "c.pdf"),
    )  # fmt: skip
    assert final.returncode == 1 and "终报" in final.stderr
    unknown = run_main(
        "--db", db.url, "print", "event-report", "--event", "999", "-o", str(tmp_path / "d.pdf")
    )  # fmt: skip
    assert unknown.returncode == 1 and "Traceback" not in unknown.stderr
    malformed = run_main(
        "--db", db.url, "print", "event-report", "--event", str(event_id), "--report", "two",
        "-o", str(tmp_path / "e.pdf"),
    )  # fmt: skip
    assert malformed.returncode == 2 and "two" in malformed.stderr
    assert not (tmp_path / "c.pdf").exists() and not (tmp_path / "e.pdf").exists()


def test_the_daily_report_prints_by_name(
    reported: tuple[Database, int, str, str], tmp_path: Path
) -> None:
    from models.command import set_daily_rule

    db, event_id, _number, _issuer = reported
    with db.session(ADMIN, write=True) as session:
        set_daily_rule(session=session, after_hours=6, hour=20)  # the event is 9 hours old
        daily = draft_report(session=session, event_id=event_id, kind="daily")
        signed = sign_report(session=session, report_id=daily.id, signer="王建军")
    out = tmp_path / "日报.pdf"
    printed = run_main(
        "--lang", "zh_CN", "--db", db.url, "print", "event-report", "--event", str(event_id),
        "--report", "daily", "-o", str(out),
    )  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    with pdfplumber.open(out) as pdf:
        texts = "".join(_text(line) for page in pdf.pages for line in _lines(page))
    assert "日报一" in texts and str(signed.doc_number) in texts
    second = run_main(
        "--lang", "zh_CN", "--db", db.url, "print", "event-report", "--event", str(event_id),
        "--report", "daily2", "-o", str(tmp_path / "日报二.pdf"),
    )  # fmt: skip
    assert second.returncode == 1 and "日报二" in second.stderr, second.stderr
    assert "Traceback" not in second.stderr and not (tmp_path / "日报二.pdf").exists()
