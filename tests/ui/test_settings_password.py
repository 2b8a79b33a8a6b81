"""The settings page keeps a database password out of settings.json and off the screen."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from models import credentials
from models.database import Database
from models.settings import Settings
from tests.conftest import ADMIN
from ui.settings.page import SettingsPage


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def test_a_url_typed_with_its_password_is_saved_without_it(
    qtbot: QtBot, sqlite_db: Database, no_keyring: None
) -> None:
    page = SettingsPage(sqlite_db, ADMIN, Settings())
    qtbot.addWidget(page)
    page.show()
    page.database_edit.setText("postgresql://ecc_console:Typed-Secret@dbhost/ecc")
    with qtbot.waitSignal(page.saved):
        page.save_button.click()
    assert page.database_edit.text() == "postgresql://ecc_console@dbhost/ecc"
    path = Path(os.environ["ECC_CONFIG_DIR"]) / "settings.json"
    assert "Typed-Secret" not in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert credentials.stored_password(page.database_edit.text()) == "Typed-Secret"
