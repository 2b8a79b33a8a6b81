"""The reports panel on its own: the event's reports listed, a due report counting down,
draft / edit / sign / send through the buttons and dialogs (replaced here), refusals in
its banner, buttons by state and role; rendered in Chinese and English."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from models.command import list_reports
from models.database import Database
from models.events import active_event
from models.users import Actor
from tests.conftest import ADMIN
from ui.command import reports_panel
from ui.command.reports_panel import ReportsPanel

VIEWER = Actor(name="viewer", role="viewer")


def _event_id(db: Database) -> int:
    with db.session(ADMIN) as session:
        event = active_event(session=session)
    assert event is not None
    return event.id


def _panel(qtbot: QtBot, db: Database, actor: Actor = ADMIN) -> ReportsPanel:
    panel = ReportsPanel(db, actor)
    qtbot.addWidget(panel)
    panel.resize(900, 420)
    panel.show()
    panel.set_event(_event_id(db))
    qtbot.waitUntil(lambda: panel.due_label.text() != "", timeout=20_000)
    return panel


def _wait_rows(qtbot: QtBot, panel: ReportsPanel, count: int) -> None:
    qtbot.waitUntil(lambda: panel.model.rowCount() == count, timeout=20_000)


def test_a_report_drafted_edited_signed_and_sent_from_the_panel(
    qtbot: QtBot, typhoon_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = _panel(qtbot, typhoon_db)
    qtbot.waitUntil(lambda: "首报" in panel.due_label.text(), timeout=20_000)
    assert not panel.sign_button.isEnabled() and not panel.print_button.isEnabled()
    panel.draft("followup")  # refused: the initial report comes first
    qtbot.waitUntil(lambda: panel.banner.kind == "error", timeout=20_000)
    assert "initial" in panel.banner.text()
    panel.draft("initial")
    _wait_rows(qtbot, panel, 1)
    qtbot.waitUntil(lambda: panel.edit_button.isEnabled(), timeout=20_000)
    assert panel.model.row_at(0).name == "首报" and not panel.send_button.isEnabled()

    monkeypatch.setattr(
        reports_panel.ReportTextDialog,
        "edit",
        classmethod(lambda cls, parent, title, text: ((title, text + "\n补充情况。"), True)),
    )
    panel.edit_button.click()  # the banner still says "drafted" until the text is saved
    qtbot.waitUntil(lambda: "saved" in panel.banner.text(), timeout=20_000)
    monkeypatch.setattr(reports_panel, "ask_signer", lambda parent: ("王建军", True))
    panel.sign_button.click()
    qtbot.waitUntil(lambda: panel.send_button.isEnabled(), timeout=20_000)
    assert panel.model.row_at(0).doc_number and not panel.edit_button.isEnabled()
    chosen: list[list[str]] = []

    def choose(cls: Any, parent: Any, units: list[str]) -> tuple[list[str], bool]:
        chosen.append(units)
        return ["县应急管理局"], True

    monkeypatch.setattr(reports_panel.SendDialog, "choose", classmethod(choose))
    panel.send_button.click()
    qtbot.waitUntil(lambda: panel.model.row_at(0).state == "sent", timeout=20_000)
    assert "县水利局" in chosen[0]  # the member units offered
    assert panel.print_options() == {"event": _event_id(typhoon_db), "report": 0}
    with typhoon_db.session(ADMIN) as session:
        (report,) = list_reports(session=session, event_id=_event_id(typhoon_db))
    assert report.text.endswith("补充情况。") and report.signer == "王建军"
    assert report.recipients == ("县应急管理局",)
    qtbot.waitUntil(lambda: "首报" not in panel.due_label.text(), timeout=20_000)


def test_a_viewer_sees_the_reports_but_writes_nothing(qtbot: QtBot, typhoon_db: Database) -> None:
    panel = _panel(qtbot, typhoon_db, VIEWER)
    assert not panel.draft_button.isEnabled()
    assert not panel.sign_button.isEnabled() and not panel.send_button.isEnabled()


def test_the_countdown_text() -> None:
    from datetime import UTC, datetime, timedelta

    from models.command import DueReport

    now = datetime(2026, 8, 9, 1, 0, tzinfo=UTC)
    due = DueReport(1, "台风", "initial", 0, now, now + timedelta(minutes=15),
                    now + timedelta(minutes=35), 35 * 60)  # fmt: skip
    assert "35:00" in reports_panel.countdown_text(due, now)
    late = reports_panel.countdown_text(due, now + timedelta(minutes=40))
    assert "5:00" in late and "35:00" not in late


@pytest.fixture(params=["zh_CN", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    from ui.i18n import install_translators

    install_translators(request.param)
    yield request.param
    install_translators("en")


def test_the_panel_rendered_offscreen(
    qtbot: QtBot, typhoon_db: Database, language: str, tmp_path: Path
) -> None:
    from models.command import draft_report, send_report, sign_report

    with typhoon_db.session(ADMIN, write=True) as session:
        event_id = _event_id(typhoon_db)
        first = draft_report(session=session, event_id=event_id, kind="initial")
        sign_report(session=session, report_id=first.id, signer="王建军")
        send_report(session=session, report_id=first.id, to=["市防指办", "应急局"])
        draft_report(session=session, event_id=event_id, kind="followup")
    panel = _panel(qtbot, typhoon_db)
    _wait_rows(qtbot, panel, 2)
    panel.resize(1000, 360)
    texts = [panel.title_label.text(), panel.sign_button.text()]
    if language == "zh_CN":
        assert texts == ["向上级报告", "签发…"]
    else:
        assert texts == ["Reports upward", "Sign…"]
    shot = os.environ.get("ECC_PANEL_SHOT")  # a path to look at the panel
    image = panel.grab()
    assert image.width() >= 900
    if shot:
        image.save(f"{shot}-{language}.png")
