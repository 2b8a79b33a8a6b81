"""A drawn area's lists on paper (from the Area tab and ``print area --name``) and a saved
area registered as a danger zone from the Area tab."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ui.map.view import register_schemes

register_schemes()

from maps.area import AreaIndex  # noqa: E402
from models.areas import DangerZone  # noqa: E402
from models.database import Database  # noqa: E402
from models.drawn_areas import save_drawn_area  # noqa: E402
from models.refusals import NotFound  # noqa: E402
from tests.cli_helpers import run_main  # noqa: E402
from tests.conftest import ADMIN  # noqa: E402
from tests.ui.test_map import open_map  # noqa: E402
from tests.ui.test_map_tools import click_through  # noqa: E402
from ui.common.print_preview import DocumentPreview  # noqa: E402
from ui.map.zone_dialog import RegisterZoneDialog  # noqa: E402
from ui.printing.registry import Format, document  # noqa: E402

pytestmark = pytest.mark.timeout(180)

CIRCLE = {"type": "Circle", "center": [121.38, 28.37], "radius": 1200.0}


@pytest.fixture(scope="module", autouse=True)
def delete_pages_before_the_profile() -> Iterator[None]:
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def pdf_text(path: Path) -> tuple[str, int]:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages), len(pdf.pages)


def test_the_lists_of_an_area_drawn_print_from_the_area_tab(
    qtbot: QtBot, typhoon_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, _blocker = open_map(qtbot, typhoon_db)
    area = page.area
    assert not area.print_button.isEnabled()
    with qtbot.waitSignal(area.answered, timeout=60_000):
        click_through(qtbot, page, "circle", [(28.37, 121.38), (28.38, 121.38)])
    contents = area.contents
    assert contents is not None and contents.during_event
    target = tmp_path / "area.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    with qtbot.waitSignal(area.printed, timeout=60_000):
        area.print_button.click()
    preview = area.findChild(DocumentPreview)
    assert preview is not None and preview.page_count() >= 1
    preview.save_action.trigger()
    preview.close()
    text, _pages = pdf_text(target)
    assert "What the drawn area holds" in text
    assert "Still at home" in text and "Households still at home are listed first." in text
    households = contents.rows("household")
    assert households and households[0].at_home  # those still at home first
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if households[0].name in line)
    last = next(i for i, line in enumerate(lines) if households[-1].name in line)
    assert first < last
    for layer in ("village", "shelter"):
        for row in contents.rows(layer):
            assert row.name in text


def test_a_saved_area_prints_on_the_command_line(typhoon_db: Database, tmp_path: Path) -> None:
    with typhoon_db.session(ADMIN, write=True) as session:
        save_drawn_area(session=session, name="石塘山体滑坡", geometry=CIRCLE)
        contents = AreaIndex.load(session=session).contents(CIRCLE)
    url = f"sqlite:///{tmp_path / 'typhoon.sqlite'}"
    out = tmp_path / "area.pdf"
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    done = run_main(
        "--lang", "zh_CN", "--db", url, "print", "area", "--name", "石塘山体滑坡", "-o", str(out),
        env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text, pages = pdf_text(out)
    assert f"{pages} 页" in done.stdout
    assert "区域“石塘山体滑坡”内对象" in text and "仍在家中" in text
    rows = sum(contents.counts[layer] for layer in contents.layers)
    numbers = [int(n) for n in re.findall(r"^(\d+)\D", text, re.MULTILINE)]
    assert numbers[-1] == rows and rows + 1 not in numbers  # numbered to the last row
    for row in contents.rows("danger_zone") + contents.rows("grid"):
        assert row.name in text
    with pytest.raises(NotFound, match="无此区域"), typhoon_db.session(ADMIN) as session:
        document("area", Format.PDF).make(
            session=session, path=tmp_path / "none.pdf", name="无此区域"
        )
    assert not (tmp_path / "none.pdf").exists()


def test_a_saved_area_is_registered_as_a_danger_zone_from_the_area_tab(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, _blocker = open_map(qtbot, demo_db)
    area = page.area
    with qtbot.waitSignal(area.answered, timeout=60_000):
        click_through(qtbot, page, "circle", [(28.37, 121.38), (28.3745, 121.38)])
    before = area.contents.counts["danger_zone"]  # type: ignore[union-attr]
    assert not area.zone_button.isEnabled()  # only a saved area
    area.name_edit.setText("石塘山体滑坡")
    with qtbot.waitSignal(area.saved_loaded, timeout=10_000):
        area.save()
    assert area.zone_button.isEnabled()
    asked: list[str] = []

    def answer(area_name: str, _parent: object = None) -> tuple[tuple[str, str], bool]:
        asked.append(area_name)
        return ("geological", "石塘滑坡"), True

    monkeypatch.setattr(RegisterZoneDialog, "ask", answer)
    with qtbot.waitSignal(area.registered, timeout=20_000) as registered:
        area.zone_button.click()
    zones = registered.args[0]
    assert asked == ["石塘山体滑坡"] and zones
    assert "Registered as danger zones" in area.summary.text()
    assert all(z.code in area.summary.text() for z in zones)
    with demo_db.session(ADMIN) as session:
        stored = session.scalars(
            select(DangerZone).where(DangerZone.id.in_([z.id for z in zones]))
        ).all()
    assert {z.kind for z in stored} == {"geological"} and len(stored) == len(zones)
    # Listed again, the area now holds its own danger zones.
    with qtbot.waitSignal(area.answered, timeout=60_000):
        area.show_button.click()
    assert area.contents.counts["danger_zone"] == before + len(zones)  # type: ignore[union-attr]
    # The same again is refused in the tab.
    area.zone_button.click()
    qtbot.waitUntil(lambda: "already" in area.problem.text(), timeout=20_000)
    assert "石塘滑坡" in area.problem.text() and "already" in area.problem.text()


def test_the_danger_zone_dialog_offers_every_type(qtbot: QtBot) -> None:
    dialog = RegisterZoneDialog("石塘山体滑坡")
    qtbot.addWidget(dialog)
    assert dialog.kind_combo.count() == 8 and dialog.kind_combo.currentData() == "geological"
    assert dialog.name_edit.text() == "石塘山体滑坡"
