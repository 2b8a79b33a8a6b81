"""Users tab: administrators add users, change roles, (de)activate and reset passwords."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.clock import display_time, zone
from models.database import Database
from models.labels import ROLES, label
from models.messages import QT_TRANSLATE_NOOP, fill
from models.search import pinyin_sort_key
from models.settings import Settings
from models.users import (
    ROLE_NAMES,
    Actor,
    UserRow,
    create_user,
    list_users,
    reset_password,
    set_user_active,
    set_user_role,
)
from ui.common.operations import run_operation_now
from ui.common.styles import ERROR_STYLE
from ui.common.table import (
    CENTRE,
    RIGHT,
    Column,
    RowTableModel,
    fit_columns,
    setup_table_view,
)
from ui.common.widgets import Banner
from ui.settings.common import C

# -- users -------------------------------------------------------------------------------


def _role_order(role: str) -> int:
    return ROLE_NAMES.index(role) if role in ROLE_NAMES else len(ROLE_NAMES)


def _active_text(active: bool) -> str:
    return (
        QCoreApplication.translate("UsersTab", "Active")
        if active
        else QCoreApplication.translate("UsersTab", "Deactivated")
    )


def _user_columns(tz: Callable[[], ZoneInfo]) -> tuple[Column, ...]:
    return (
        Column(
            "name", QT_TRANSLATE_NOOP("SettingsColumns", "User name"), C, sort_key=pinyin_sort_key
        ),
        Column(
            "role",
            QT_TRANSLATE_NOOP("SettingsColumns", "Role"),
            C,
            lambda v: label(ROLES, v),
            sort_key=_role_order,
        ),
        Column("active", QT_TRANSLATE_NOOP("SettingsColumns", "Status"), C, _active_text, CENTRE),
        Column(
            "failed_logins",
            QT_TRANSLATE_NOOP("SettingsColumns", "Failed logins"),
            C,
            alignment=RIGHT,
        ),
        Column(
            "created_at",
            QT_TRANSLATE_NOOP("SettingsColumns", "Created"),
            C,
            lambda v: display_time(v, seconds=True, tz=tz()),
        ),
        Column(
            "last_login_at",
            QT_TRANSLATE_NOOP("SettingsColumns", "Last login"),
            C,
            lambda v: display_time(v, tz=tz()),
        ),
    )


class UsersTab(QWidget):
    """The user list and the administrator's actions on it."""

    def __init__(
        self, db: Database, actor: Actor, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.settings = settings
        self.loaded = False
        self.model = RowTableModel(
            _user_columns(lambda: zone(self.settings.timezone)),
            search_texts=lambda row: (row.name, label(ROLES, row.role)),
            parent=self,
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        bar = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search users"))
        self.search_edit.setMaximumWidth(260)
        self.search_edit.textChanged.connect(self._search)
        bar.addWidget(self.search_edit)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #444; padding: 0 8px;")
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.count_label, 1)
        self.add_button = QPushButton(self.tr("Add user…"))
        self.role_button = QPushButton(self.tr("Change role…"))
        self.active_button = QPushButton(self.tr("Deactivate…"))
        self.password_button = QPushButton(self.tr("Reset password…"))
        for button in (self.add_button, self.role_button, self.active_button, self.password_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.message_label = Banner()
        layout.addWidget(self.message_label)
        self.view = QTableView()
        setup_table_view(self.view)
        self.view.setModel(self.model)
        layout.addWidget(self.view, 1)
        note = QLabel(
            self.tr(
                "Changes apply at the user's next login. Deactivated users cannot log in; "
                "their past work stays in the audit log."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)

        self.add_button.clicked.connect(self.add_user)
        self.role_button.clicked.connect(self.change_role)
        self.active_button.clicked.connect(self.toggle_active)
        self.password_button.clicked.connect(self.reset_password)
        self.view.doubleClicked.connect(lambda _index: self.change_role())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()

    # -- loading ---------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        """Load the user list (a few dozen rows: read in the UI thread, in its own session)."""
        if select_id is None:
            current = self.selected_user()
            select_id = current.id if current is not None else None
        outcome = run_operation_now(
            self.db,
            self.actor,
            list_users,
            write=False,
            show=lambda text: self.show_message(
                fill(self.tr("The user list could not be loaded: %1"), text), error=True
            ),
        )
        if outcome.value is None:
            return
        rows = outcome.value
        first = not self.loaded
        self.loaded = True
        self.model.set_rows(rows)
        if first:
            fit_columns(self.view, self.model)
        if select_id is not None:
            self.select_user(select_id)
        self._update_count()
        self._selection_changed()

    def _search(self, text: str) -> None:
        self.model.set_query(text)
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.total_rows()
        active = sum(1 for row in self.model.rows() if row.active)
        self.count_label.setText(fill(self.tr("%1 users, %2 active"), str(total), str(active)))

    # -- selection -------------------------------------------------------------------------

    def selected_user(self) -> UserRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_user(self, user_id: int) -> bool:
        row = self.model.row_for_id(user_id)
        if row is None:
            return False
        self.view.selectRow(row)
        return True

    def _selection_changed(self) -> None:
        user = self.selected_user()
        for button in (self.role_button, self.active_button, self.password_button):
            button.setEnabled(user is not None)
        if user is not None and not user.active:
            self.active_button.setText(self.tr("Activate…"))
        else:
            self.active_button.setText(self.tr("Deactivate…"))
        if user is not None and user.active and user.name == self.actor.name:
            self.active_button.setEnabled(False)
            self.active_button.setToolTip(self.tr("You cannot deactivate yourself."))
        else:
            self.active_button.setToolTip("")

    def show_message(self, text: str, *, error: bool = False) -> None:
        if error:
            self.message_label.show_error(text)
        else:
            self.message_label.show_info(text)

    # -- actions ---------------------------------------------------------------------------

    def add_user(self) -> None:
        user_id, accepted = AddUserDialog.ask(self, self.db, self.actor)
        if accepted and user_id is not None:
            self.reload(select_id=user_id)
            row = self.model.row_for_id(user_id)
            name = self.model.row_at(row).name if row is not None else ""
            self.show_message(fill(self.tr("User %1 added."), name))

    def change_role(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        role, accepted = RoleDialog.ask(self, self.db, self.actor, user)
        if accepted and role is not None:
            self.reload(select_id=user.id)
            self.show_message(fill(self.tr("%1 is now: %2."), user.name, label(ROLES, role)))

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        _done, accepted = PasswordDialog.ask(self, self.db, self.actor, user)
        if accepted:
            self.reload(select_id=user.id)
            self.show_message(
                fill(
                    self.tr(
                        "The password of %1 was reset. Tell them the new password "
                        "in person, not by message."
                    ),
                    user.name,
                )
            )

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        activate = not user.active
        if activate:
            question = fill(self.tr("Allow %1 to log in again?"), user.name)
            title = self.tr("Activate user")
        else:
            question = fill(
                self.tr(
                    "Deactivate %1? They will not be able to log in until an administrator "
                    "activates them again."
                ),
                user.name,
            )
            title = self.tr("Deactivate user")
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        outcome = run_operation_now(
            self.db,
            self.actor,
            set_user_active,
            user_id=user.id,
            active=activate,
            show=lambda text: self.show_message(text, error=True),
        )
        if not outcome.ok:
            self.reload(select_id=user.id)
            return
        self.reload(select_id=user.id)
        self.show_message(
            fill(
                self.tr("%1 can log in again.") if activate else self.tr("%1 is deactivated."),
                user.name,
            )
        )


class _UserDialog(QDialog):
    """A small form whose Save runs one change; a refusal is shown here and the dialog stays."""

    def __init__(self, parent: QWidget | None, db: Database, actor: Actor, title: str) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _password_pair(self) -> tuple[QLineEdit, QLineEdit]:
        first, second = QLineEdit(), QLineEdit()
        for edit in (first, second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return first, second

    def _passwords_match(self, first: QLineEdit, second: QLineEdit) -> bool:
        if first.text() != second.text():
            self.message_label.setText(self.tr("The two passwords differ."))
            second.selectAll()
            second.setFocus()
            return False
        return True

    def _save(self, change: Callable[..., Any]) -> bool:
        """Run ``change(session=...)`` in one writing unit of work; a refusal stays here."""
        outcome = run_operation_now(self.db, self.actor, change, show=self.message_label)
        if not outcome.ok:
            return False
        self.accept()
        return True

    def try_save(self) -> None:
        raise NotImplementedError


def _role_combo(current: str | None = None) -> QComboBox:
    combo = QComboBox()
    for code in ROLE_NAMES:
        combo.addItem(label(ROLES, code), code)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class AddUserDialog(_UserDialog):
    def __init__(self, parent: QWidget | None, db: Database, actor: Actor) -> None:
        super().__init__(parent, db, actor, QCoreApplication.translate("AddUserDialog", "Add user"))
        self.user_id: int | None = None
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(40)
        self.role_combo = _role_combo("duty")
        self.password_edit, self.repeat_edit = self._password_pair()
        self.form.addRow(self.tr("User name"), self.name_edit)
        self.form.addRow(self.tr("Role"), self.role_combo)
        self.form.addRow(self.tr("Password"), self.password_edit)
        self.form.addRow(self.tr("Repeat password"), self.repeat_edit)
        self.name_edit.setFocus()

    def try_save(self) -> None:
        if not self._passwords_match(self.password_edit, self.repeat_edit):
            return

        def change(session: Any) -> None:
            self.user_id = create_user(
                session=session,
                name=self.name_edit.text(),
                role=self.role_combo.currentData(),
                password=self.password_edit.text(),
            ).id

        if not self._save(change):
            self.user_id = None

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, actor: Actor) -> tuple[int | None, bool]:
        dialog = cls(parent, db, actor)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.user_id, accepted


class RoleDialog(_UserDialog):
    def __init__(self, parent: QWidget | None, db: Database, actor: Actor, user: UserRow) -> None:
        super().__init__(parent, db, actor, QCoreApplication.translate("RoleDialog", "Change role"))
        self.user = user
        self.role_combo = _role_combo(user.role)
        self.form.addRow(self.tr("User"), QLabel(user.name))
        self.form.addRow(self.tr("Role"), self.role_combo)
        self.role_combo.setFocus()

    def try_save(self) -> None:
        role = self.role_combo.currentData()
        self._save(lambda session: set_user_role(session=session, user_id=self.user.id, role=role))

    @classmethod
    def ask(
        cls, parent: QWidget | None, db: Database, actor: Actor, user: UserRow
    ) -> tuple[str | None, bool]:
        dialog = cls(parent, db, actor, user)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.role_combo.currentData() if accepted else None), accepted


class PasswordDialog(_UserDialog):
    def __init__(self, parent: QWidget | None, db: Database, actor: Actor, user: UserRow) -> None:
        super().__init__(
            parent, db, actor, QCoreApplication.translate("PasswordDialog", "Reset password")
        )
        self.user = user
        self.password_edit, self.repeat_edit = self._password_pair()
        self.form.addRow(self.tr("User"), QLabel(user.name))
        self.form.addRow(self.tr("New password"), self.password_edit)
        self.form.addRow(self.tr("Repeat password"), self.repeat_edit)
        self.password_edit.setFocus()

    def try_save(self) -> None:
        if not self._passwords_match(self.password_edit, self.repeat_edit):
            return
        password = self.password_edit.text()
        self._save(
            lambda session: reset_password(session=session, user_id=self.user.id, password=password)
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, db: Database, actor: Actor, user: UserRow
    ) -> tuple[None, bool]:
        dialog = cls(parent, db, actor, user)
        return None, dialog.exec() == QDialog.DialogCode.Accepted
