"""The plans page: the plan system as a tree with status and deadline marks, the overdue
items, the search of plan texts, and the screenshot a user takes of it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from models.database import Database
from models.plans import PlanFields, get_plan, save_plan
from tests.cli_helpers import run_main
from tests.models.plan_helpers import PLANNER, VIEWER, add_typhoon_plan, add_units
from ui.plans.page import PlansPage


def _page(qtbot: QtBot, db: Database) -> PlansPage:
    page = PlansPage(db, VIEWER)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=5000):
        page.show()
    return page


def test_the_tree_shows_each_plan_under_its_parent_with_its_deadlines(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    with sqlite_db.session(PLANNER, write=True) as session:
        add_units(session)
        save_plan(
            session=session,
            fields=PlanFields("ZT-01", "温岭市突发事件总体应急预案", "overall", status="filed"),
        )
        add_typhoon_plan(session, issued_on=date(2022, 5, 10))
        save_plan(
            session=session,
            fields=PlanFields(
                "ZX-01",
                "温岭市防台风应急预案",
                "special",
                doc_number="温政办发〔2024〕12号",
                issued_on=date(2022, 5, 10),
                parent_code="ZT-01",
            ),
            plan_id=get_plan(session=session, code="ZX-01").id,
        )
    page = _page(qtbot, sqlite_db)
    QAbstractItemModelTester(page.deadline_model)
    QAbstractItemModelTester(page.tree_model)
    root = page.tree_model.item(0, 0)
    assert root.text().startswith("ZT-01")
    assert root.child(0, 0).text() == "ZX-01  温岭市防台风应急预案"
    assert root.child(0, 3).text().startswith("⚠")  # filing, evaluation and drill overdue
    kinds = [page.deadline_model.display_text(r, 2) for r in range(page.deadline_model.rowCount())]
    assert kinds == ["Filing", "Evaluation", "Drill"]
    assert "days overdue" in page.deadline_model.display_text(0, 4)
    assert page.summary_label.text() == "2 plans; 3 items overdue, 0 due within 30 days."
    page.tree_view.clicked.emit(page.tree_model.indexFromItem(root.child(0, 0)))
    qtbot.waitUntil(lambda: "Steps of its life" in page.details_tab.toPlainText(), timeout=5000)
    assert page.tabs.currentWidget() is page.details_tab
    assert "2024年版" in page.details_tab.toPlainText()
    page.search_edit.setText("渔船")
    with qtbot.waitSignal(page.ready, timeout=5000):
        page.search_edit.returnPressed.emit()
    assert page.search_model.rowCount() == 1
    assert "【渔船】" in page.search_model.display_text(0, 4)


def test_an_empty_library_says_how_to_fill_it(qtbot: QtBot, sqlite_db: Database) -> None:
    page = _page(qtbot, sqlite_db)
    assert page.is_empty()


def test_screenshot_plans_as_typed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    built = run_main("--db", url, "demo", env=env, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    done = run_main("--db", url, "screenshot", "plans", "-o", str(tmp_path / "p.png"), env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "p.png").stat().st_size > 20_000


def test_a_duty_officer_activates_the_plan_and_ticks_an_action(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    from models.events import start_event
    from tests.models.plan_helpers import DUTY

    with sqlite_db.session(PLANNER, write=True) as session:
        add_units(session)
        add_typhoon_plan(session)
    with sqlite_db.session(DUTY, write=True) as session:
        start_event(session=session, name="2606号台风防御", kind="typhoon")
    page = PlansPage(sqlite_db, DUTY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=5000):
        page.show()
    tab = page.checklist_tab
    assert "no plan activated" in tab.state_label.text()
    tab.code_edit.setText("ZX-01")
    tab.stage_combo.setCurrentIndex(tab.stage_combo.findData("IV"))
    with qtbot.waitSignal(page.ready, timeout=5000):
        tab.activate_button.click()
    QAbstractItemModelTester(tab.model)
    assert tab.model.rowCount() == 4 and "0 of 4 actions done" in tab.state_label.text()
    tab.view.selectRow(0)
    tab.note_edit.setText("全部回港")
    with qtbot.waitSignal(page.ready, timeout=5000):
        tab.tick_button.click()
    assert "1 of 4 actions done" in tab.state_label.text()
    assert tab.model.display_text(0, 7) == "全部回港"
    tab.activate_button.click()  # the same plan again: refused in place
    qtbot.waitUntil(lambda: "already" in page.banner.text(), timeout=5000)


def test_a_viewer_cannot_activate(qtbot: QtBot, sqlite_db: Database) -> None:
    page = _page(qtbot, sqlite_db)
    assert not page.checklist_tab.activate_button.isEnabled()
    assert not page.checklist_tab.tick_button.isEnabled()


def test_a_kept_file_opens_with_the_system_viewer(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    from models.plans import attach_file
    from tests.models.plan_helpers import docx_bytes

    content = docx_bytes("第一章 总则")
    with sqlite_db.session(PLANNER, write=True) as session:
        add_units(session)
        version = add_typhoon_plan(session)
        kept = attach_file(session=session, version_id=version, name="预案.docx", content=content)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    page = _page(qtbot, sqlite_db)
    page.tree_view.clicked.emit(page.tree_model.index(0, 0))
    qtbot.waitUntil(lambda: "预案.docx" in page.details_tab.toPlainText(), timeout=5000)
    page.details_tab.open_requested.emit(kept.id)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert opened[0].endswith("预案.docx") and Path(opened[0]).read_bytes() == content


def test_a_deadline_past_the_official_calendar_is_marked_estimated(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib
    from datetime import timedelta

    from models.base import utcnow

    counting = importlib.import_module("models.plans.deadlines")  # the package hides the module

    today = utcnow().date()
    # As the console will be once the installed calendar's last year has passed.
    monkeypatch.setattr(counting, "CALENDAR_LAST_YEAR", today.year - 1)
    counting.add_working_days.cache_clear()
    try:
        with sqlite_db.session(PLANNER, write=True) as session:
            save_plan(
                session=session,
                fields=PlanFields(
                    "ZX-09",
                    "温岭市气象灾害应急预案",
                    "special",
                    doc_number="温政办发〔2026〕30号",
                    issued_on=today - timedelta(days=7),
                    status="published",
                ),
            )
        page = _page(qtbot, sqlite_db)
        filing = page.deadline_model.display_text(0, 3)
        assert filing.endswith("(estimated)")
        assert f"Dates marked estimated fall after {today.year - 1}" in page.summary_label.text()
    finally:
        counting.add_working_days.cache_clear()
