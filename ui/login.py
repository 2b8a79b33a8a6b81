"""Login, and the first start of a new database (the administrator sets a password)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from models.audit import log_in
from models.database import Database
from models.meta import DEMO_ACCOUNTS_KEY, get_meta
from models.users import Actor, create_user, validate_new_password
from ui.common.operations import run_operation_now
from ui.common.styles import ERROR_STYLE


class LoginDialog(QDialog):
    def __init__(self, parent: QWidget | None, db: Database, user: str | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Log in - Emergency Command Console"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Emergency Command Console"))
        title.setStyleSheet("font-size: 20px; font-weight: bold; padding: 6px 0;")
        layout.addWidget(title)
        form = QFormLayout()
        self.name_edit = QLineEdit(user or "")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.name_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        layout.addLayout(form)
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        with db.session(None) as session:  # written only in a demo built from empty
            demo = get_meta(session=session, key=DEMO_ACCOUNTS_KEY)
        if demo:
            from models.demo import DEMO_ACCOUNTS

            accounts = "<br>".join(
                f"{n} / {DEMO_ACCOUNTS[n]}" for n in demo.split(",") if n in DEMO_ACCOUNTS
            )
            note = QLabel(
                self.tr("This is a demo database. Demo accounts (user / password):")
                + f"<br><tt>{accounts}</tt>"
            )
            note.setStyleSheet("background: #fff8e0; border: 1px solid #e0c060; padding: 6px;")
            layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password_edit if user else self.name_edit).setFocus()

    def try_login(self) -> None:
        # A writing unit of work: failed attempts are counted and every attempt is audited.
        outcome = run_operation_now(
            self.db,
            None,
            log_in,
            show=self.message_label,
            name=self.name_edit.text(),
            password=self.password_edit.text(),
            where="console",
        )
        if not outcome.ok:
            self.password_edit.selectAll()
            self.password_edit.setFocus()
            return
        self.actor = outcome.value
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, db: Database, user: str | None = None
    ) -> tuple[Actor | None, bool]:
        dialog = cls(parent, db, user)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.actor, accepted


class FirstAdminDialog(QDialog):
    """A new database has no users: the administrator sets the first password here."""

    def __init__(self, parent: QWidget | None, db: Database) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("First start: create the administrator"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This database has no users yet. Choose the administrator's name and password. "
                "There is no default password."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit("admin")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Administrator name"), self.name_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow(self.tr("Repeat password"), self.repeat_edit)
        layout.addLayout(form)
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.password_edit.setFocus()

    def try_create(self) -> None:
        password = self.password_edit.text()
        if password != self.repeat_edit.text():
            self.message_label.setText(self.tr("The two passwords differ."))
            return
        problem = validate_new_password(password)
        if problem:
            self.message_label.setText(problem)
            return
        outcome = run_operation_now(
            self.db,
            None,
            create_user,
            show=self.message_label,
            name=self.name_edit.text(),
            role="admin",
            password=password,
        )
        if outcome.ok:
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database) -> tuple[str, bool]:
        dialog = cls(parent, db)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.name_edit.text().strip(), accepted
