from __future__ import annotations

from pytestqt.qtbot import QtBot

from models.database import Database
from models.demo import DEMO_ACCOUNTS
from models.meta import DEMO_ACCOUNTS_KEY, DEMO_KEY, set_meta
from models.users import create_user, has_users
from tests.conftest import ADMIN
from ui.login import FirstAdminDialog, LoginDialog


def add_user(db: Database, name: str, role: str, password: str) -> None:
    with db.session(ADMIN) as session:
        create_user(session=session, name=name, role=role, password=password)


def test_wrong_password_keeps_the_dialog_open_with_a_message(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    add_user(sqlite_db, "wang", "duty", "right-pass")
    dialog = LoginDialog(None, sqlite_db, user="wang")
    qtbot.addWidget(dialog)
    dialog.password_edit.setText("wrong-pass")
    dialog.try_login()
    assert dialog.actor is None
    assert "Wrong user name or password" in dialog.message_label.text()
    dialog.password_edit.setText("right-pass")
    dialog.try_login()
    assert dialog.actor is not None and dialog.actor.role == "duty"
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_demo_database_shows_its_accounts_and_others_do_not(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    plain = LoginDialog(None, sqlite_db)
    qtbot.addWidget(plain)
    assert "demo-admin" not in "".join(
        w.text() for w in plain.findChildren(type(plain.message_label))
    )
    with sqlite_db.session(ADMIN) as session:  # a demo rebuilt over a county with users
        set_meta(session=session, key=DEMO_KEY, value="1")
    rebuilt = LoginDialog(None, sqlite_db)
    qtbot.addWidget(rebuilt)
    assert "demo-admin" not in "".join(
        w.text() for w in rebuilt.findChildren(type(rebuilt.message_label))
    )
    with sqlite_db.session(ADMIN) as session:  # a demo built from empty
        set_meta(session=session, key=DEMO_ACCOUNTS_KEY, value=",".join(DEMO_ACCOUNTS))
    demo = LoginDialog(None, sqlite_db)
    qtbot.addWidget(demo)
    texts = "".join(w.text() for w in demo.findChildren(type(demo.message_label)))
    assert "demo-admin" in texts and "viewer" in texts


def test_first_start_sets_the_administrator_password(qtbot: QtBot, sqlite_db: Database) -> None:
    dialog = FirstAdminDialog(None, sqlite_db)
    qtbot.addWidget(dialog)
    dialog.password_edit.setText("abc")
    dialog.repeat_edit.setText("abd")
    dialog.try_create()
    assert "differ" in dialog.message_label.text()
    dialog.repeat_edit.setText("abc")
    dialog.try_create()
    assert "at least 8" in dialog.message_label.text()
    with sqlite_db.session(None) as session:
        assert not has_users(session=session)
    dialog.password_edit.setText("long-enough")
    dialog.repeat_edit.setText("long-enough")
    dialog.try_create()
    assert dialog.result() == FirstAdminDialog.DialogCode.Accepted
    with sqlite_db.session(None) as session:
        assert has_users(session=session)
