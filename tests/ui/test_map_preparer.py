"""The map's layers prepared in a process of their own: the page drawn from it on both
backends, what the details and the search read from its files, its failures shown on the
page, and the process ended when the page closes or a newer build replaces it."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from ui.map.view import register_schemes

register_schemes()  # before the QApplication exists (pytest-qt creates it for the first test)

from maps.prepared import FEATURES_NAME  # noqa: E402
from models.database import Database  # noqa: E402
from models.refusals import PermissionDenied  # noqa: E402
from models.settings import Settings  # noqa: E402
from tests.conftest import ADMIN  # noqa: E402
from tests.models.test_areas import build_sample_county  # noqa: E402
from tests.ui.test_map import drawn_layers, open_map  # noqa: E402
from ui.common.child import failure_text  # noqa: E402
from ui.i18n import install_translators  # noqa: E402
from ui.map.page import MapPage  # noqa: E402

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module", autouse=True)
def delete_pages_before_the_profile() -> Iterator[None]:
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def child_pid(page: MapPage) -> int:
    process = page.preparer.child.process
    assert process is not None
    return int(process.processId())


def test_the_map_is_prepared_in_another_process_and_read_from_its_files(
    qtbot: QtBot, db: Database
) -> None:
    build_sample_county(db)
    page, blocker = open_map(qtbot, db)
    pid = child_pid(page)
    assert pid != os.getpid() and alive(pid)
    assert blocker.blocked == []
    layers = drawn_layers(page)
    assert page.summary["layers"] == {layer.key: layer.count for layer in layers}
    assert page.build is not None and (page.build.folder / FEATURES_NAME).is_file()
    shelters = next(layer for layer in layers if layer.key == "shelters")
    props = shelters.features.properties[0]
    assert page.build.properties("shelters", props["id"]) == props  # the details panel's
    assert page.show_feature("shelters", props["id"])
    assert page.details_title.text() == props["name"]
    found = page.matching(props["name"])
    assert ("shelters", props["id"]) in [(entry.layer, entry.id) for entry in found]
    assert page.matching("no such place anywhere") == []
    # A change redraws from the same process: its imports are paid once.
    with qtbot.waitSignal(page.ready, timeout=60_000):
        page.refresh()
    assert child_pid(page) == pid and page.error_label.isHidden()


def test_a_failure_in_the_preparing_process_is_shown_on_the_page(
    qtbot: QtBot, tmp_path: Path, console_log: Path
) -> None:
    """The duty officer reads one sentence in Chinese, never the driver's message or its
    link; the whole error is in the console's log file, where the process writes too."""
    empty = Database(f"sqlite:///{tmp_path / 'never-migrated.sqlite'}")  # no tables at all
    install_translators("zh_CN")
    try:
        page = MapPage(empty, ADMIN, Settings())
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.ready, timeout=60_000):
            page.show()
        assert page.error_label.isVisible()
        assert page.error_label.text() == "无法生成地图：数据未能读取；详情见日志文件。"
        page.close()  # the process ends its line in the log before it takes the next build
        text = console_log.read_text(encoding="utf-8")
        assert "request not answered" in text and "no such table" in text
        assert "Traceback" in text
    finally:
        install_translators("en")
        empty.dispose()
    for shown in ("no such table", "sqlalche.me", "Traceback", "sqlite3"):
        assert shown not in page.error_label.text()


def test_a_refusal_in_a_child_process_is_answered_with_its_own_message() -> None:
    """What the project refuses on purpose reaches the page as its message; any other
    error reaches it as the console's one line for data that could not be read."""
    assert failure_text(PermissionDenied("You are not allowed to do this.")) == (
        "You are not allowed to do this."
    )
    error = OperationalError("SELECT 1", {}, Exception("no such table: villages"))
    assert failure_text(error) == "The data could not be read; the details are in the log file."


def test_a_preparing_process_that_dies_is_reported(qtbot: QtBot, sqlite_db: Database) -> None:
    build_sample_county(sqlite_db)
    page = MapPage(sqlite_db, ADMIN, Settings())
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=60_000):
        page.show()
        os.kill(child_pid(page), signal.SIGKILL)  # while it imports or builds
    assert page.error_label.isVisible()
    assert "the process preparing the map ended" in page.error_label.text()
    with qtbot.waitSignal(page.ready, timeout=60_000):  # the next build starts another
        page.refresh()
    assert page.error_label.isHidden() and page.summary["layers"]["shelters"] == 1


def test_a_newer_build_or_closing_the_page_ends_the_preparing_process(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    build_sample_county(sqlite_db)
    page, _blocker = open_map(qtbot, sqlite_db)
    first = child_pid(page)
    with qtbot.waitSignal(page.ready, timeout=60_000):
        page.refresh()
        busy = child_pid(page)
        page.refresh()  # the register changed again: the build under way is abandoned
    assert busy == first and not alive(first)
    latest = child_pid(page)
    assert page.error_label.isHidden() and page.summary["layers"]["shelters"] == 1
    page.close()  # idle: kept for the next map page, which needs no new process
    assert page.preparer.child.process is None and alive(latest)
    again, _blocker = open_map(qtbot, sqlite_db)
    assert child_pid(again) == latest and again.summary["layers"]["shelters"] == 1
    again.refresh()
    building = child_pid(again)
    again.close()  # while it builds: the build is ended with its process
    assert not alive(building)


def shown_fields(page: MapPage) -> dict[str, str]:
    form = page.details_form
    return {
        form.itemAt(row, form.ItemRole.LabelRole).widget().text(): form.itemAt(
            row, form.ItemRole.FieldRole
        )
        .widget()
        .text()
        for row in range(form.rowCount())
    }


def test_a_feature_clicked_before_its_details_are_written_shows_them_once_they_are(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    """Between the page's answer and the features file's, a click shows what the page
    carries; the rest fills in when the features file is in, the feature still chosen."""
    build_sample_county(sqlite_db)
    page, _blocker = open_map(qtbot, sqlite_db)
    build = page.build
    assert build is not None
    shelters = next(layer for layer in drawn_layers(page) if layer.key == "shelters")
    full = shelters.features.properties[0]
    build.features_ready = False  # as before the preparing process's second answer
    page.view.feature_clicked.emit({"layer": "shelters", "id": full["id"], "name": full["name"]})
    assert page.details.isVisible() and page.details_title.text() == full["name"]
    assert "Capacity (persons)" not in shown_fields(page)
    build.features_ready = True
    page._features(build, None)  # the preparing process's second answer: features written
    assert page.details_title.text() == full["name"]
    assert "Capacity (persons)" in shown_fields(page)
    assert page.current == ("shelters", full["id"])
