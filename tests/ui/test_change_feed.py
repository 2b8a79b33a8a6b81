"""The window's change feed hears commits made by another process, on both backends."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from models import changes
from models.database import Database
from ui.common.change_feed import ChangeFeed, touches

ROOT = Path(__file__).resolve().parents[2]
OTHER_PROCESS = r"""
import sys
sys.path.insert(0, sys.argv[1])
from models.areas import Division
from models.database import Database
from models.users import Actor
db = Database(sys.argv[2])
with db.session(Actor(name="elsewhere", role="admin")) as session:
    session.add(Division(code="331081", name="温岭市", level="county"))
db.dispose()
"""


def test_a_commit_elsewhere_reaches_the_feed(qtbot: QtBot, db: Database) -> None:
    feed = ChangeFeed(db)
    try:
        with qtbot.waitSignal(feed.changed, timeout=10_000) as signal:
            subprocess.run(
                [sys.executable, "-c", OTHER_PROCESS, str(ROOT), db.url], check=True, timeout=60
            )
        tables = signal.args[0]
        if db.is_sqlite:  # data_version says only that something changed
            assert tables == frozenset({changes.ANY})
        else:  # PostgreSQL's notification names the table
            assert tables == frozenset({"divisions"})
        assert touches(tables, frozenset({"divisions"}))
        assert not touches(frozenset({"events"}), frozenset({"divisions"}))
    finally:
        feed.close()
