"""The settings page: this workstation's settings, and for administrators users and the audit log.

Three tabs. "Workstation" (database, language, time zone, map tiles) is for
everyone and writes settings.json. "Users" (needs MANAGE_USERS) adds users,
changes roles, activates and deactivates them and resets passwords; every
change is one unit of work through ``models.users`` and so lands in the audit
log. "Audit log" (needs READ_AUDIT) reads that log, filtered, newest first,
loaded off the UI thread; it has nothing that edits or deletes.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from models.audit import AuditRow, audit_table_names, read_audit
from models.database import Database, display_url
from models.labels import ROLES, label
from models.search import pinyin_sort_key
from models.settings import Settings
from models.users import (
    ROLE_NAMES,
    Actor,
    Permission,
    PermissionDenied,
    UserRow,
    create_user,
    list_users,
    reset_password,
    set_user_active,
    set_user_role,
)
from ui.common.table import (
    CENTRE,
    RIGHT,
    Column,
    RowTableModel,
    SearchProxyModel,
    fit_columns,
    setup_table_view,
)
from ui.common.worker import run_in_background
from ui.main_window import zone

log = logging.getLogger(__name__)

TIMEZONES = ("Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "UTC")
AUDIT_LIMIT = 2000  # rows the audit tab shows at most; narrower filters reach older ones
FILTER_DELAY_MS = 350

ERROR_STYLE = "color: #b00020;"
BANNER_ERROR = ("background: #fdecea; color: #8a1c1c; border-left: 4px solid #c62828;"
                " padding: 6px;")
BANNER_INFO = ("background: #e8f3ea; color: #1d4d24; border-left: 4px solid #3c8d40;"
               " padding: 6px;")

C = "SettingsColumns"

AUDIT_ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("AuditLog", "Added"),
    "update": QT_TRANSLATE_NOOP("AuditLog", "Changed"),
    "delete": QT_TRANSLATE_NOOP("AuditLog", "Deleted"),
    "bulk": QT_TRANSLATE_NOOP("AuditLog", "Bulk operation"),
    "login": QT_TRANSLATE_NOOP("AuditLog", "Login"),
}

# (key, label, how far back); None: no limit.
AUDIT_PERIODS: tuple[tuple[str, str, timedelta | None], ...] = (
    ("day", QT_TRANSLATE_NOOP("AuditLog", "Last 24 hours"), timedelta(hours=24)),
    ("week", QT_TRANSLATE_NOOP("AuditLog", "Last 7 days"), timedelta(days=7)),
    ("month", QT_TRANSLATE_NOOP("AuditLog", "Last 30 days"), timedelta(days=30)),
    ("all", QT_TRANSLATE_NOOP("AuditLog", "All time"), None),
)


def local_time(at: datetime, tz: ZoneInfo) -> str:
    """An aware UTC time as the duty room reads it: 2026-07-20 14:03:05."""
    return at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")


def action_label(action: str) -> str:
    source = AUDIT_ACTIONS.get(action)
    return QCoreApplication.translate("AuditLog", source) if source else action


def _value_text(value: Any) -> str:
    if value is None:
        return "∅"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


SUMMARY_MAX = 400


def summarise_changes(action: str, changes: str | None, rows: int | None) -> str:
    """The changes of one audit record on one line: ``name: 温岭市 → 温岭; active: …``."""
    try:
        values = json.loads(changes) if changes else {}
    except ValueError:
        values = changes or ""
    if not isinstance(values, dict):
        text = _value_text(values)
    elif action == "update":
        parts = []
        for key, pair in values.items():
            if key == "password" and pair == "changed":  # see models.audit: never the hash
                parts.append(QCoreApplication.translate("AuditLog", "password changed"))
            elif isinstance(pair, list) and len(pair) == 2:
                parts.append(f"{key}: {_value_text(pair[0])} → {_value_text(pair[1])}")
            else:
                parts.append(f"{key}: {_value_text(pair)}")
        text = "; ".join(parts)
    else:
        text = ", ".join(f"{key}={_value_text(value)}" for key, value in values.items()
                         if value is not None)
    if action == "bulk" and rows is not None:
        count = QCoreApplication.translate("AuditLog", "%1 rows").replace("%1", f"{rows:,}")
        text = f"{count}; {text}" if text else count
    text = " ".join(text.split())  # one line, whatever the values hold
    return text if len(text) <= SUMMARY_MAX else text[: SUMMARY_MAX - 1] + "…"


def _short_error(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:300]


def _banner(label_widget: QLabel, text: str, *, error: bool) -> None:
    label_widget.setStyleSheet(BANNER_ERROR if error else BANNER_INFO)
    label_widget.setText(text)
    label_widget.setVisible(bool(text))


# -- the settings page -----------------------------------------------------------------


class SettingsPage(QWidget):
    saved = Signal()

    def __init__(
        self, db: Database, actor: Actor, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        title = QLabel(self.tr("Settings"))
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        layout.addWidget(title)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.workstation_tab = self._build_workstation_tab()
        self.tabs.addTab(self.workstation_tab, self.tr("Workstation"))
        self.users_tab: UsersTab | None = None
        self.audit_tab: AuditTab | None = None
        if actor.can(Permission.MANAGE_USERS):
            self.users_tab = UsersTab(db, actor, settings)
            self.tabs.addTab(self.users_tab, self.tr("Users"))
        if actor.can(Permission.READ_AUDIT):
            self.audit_tab = AuditTab(db, actor, settings)
            self.tabs.addTab(self.audit_tab, self.tr("Audit log"))
        self.tabs.currentChanged.connect(self._tab_changed)

    def _build_workstation_tab(self) -> QWidget:
        settings = self.settings
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 12, 12, 12)

        database_box = QGroupBox(self.tr("Database"))
        form = QFormLayout(database_box)
        self.current_label = QLabel(display_url(self.db.url))
        self.current_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("In use now"), self.current_label)
        self.database_edit = QLineEdit(settings.database_url)
        self.database_edit.setPlaceholderText(self.tr(
            "empty: the SQLite file in the user data directory; or "
            "postgresql://user@server/database"
        ))
        form.addRow(self.tr("Database URL"), self.database_edit)
        note = QLabel(self.tr(
            "--db on the command line and the ECC_DATABASE_URL variable take precedence. "
            "Takes effect at the next start."
        ))
        note.setStyleSheet("color: #555;")
        form.addRow("", note)
        layout.addWidget(database_box)

        general_box = QGroupBox(self.tr("Language and time"))
        form = QFormLayout(general_box)
        self.language_combo = QComboBox()
        self.language_combo.addItem("简体中文", "zh_CN")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        form.addRow(self.tr("Language"), self.language_combo)
        self.timezone_combo = QComboBox()
        for name in TIMEZONES:
            self.timezone_combo.addItem(
                self.tr("Beijing time (Asia/Shanghai)") if name == "Asia/Shanghai" else name, name
            )
        self.timezone_combo.setCurrentIndex(max(0, self.timezone_combo.findData(settings.timezone)))
        form.addRow(self.tr("Time zone"), self.timezone_combo)
        layout.addWidget(general_box)

        tiles_box = QGroupBox(self.tr("Map tile source"))
        form = QFormLayout(tiles_box)
        self.tiles_combo = QComboBox()
        self.tiles_combo.addItem(self.tr("None (boundaries on a plain background)"), "none")
        self.tiles_combo.addItem(self.tr("MBTiles file"), "mbtiles")
        self.tiles_combo.addItem(self.tr("Tile server URL (XYZ/WMTS)"), "xyz")
        tiles = settings.tile_source
        self.tiles_combo.setCurrentIndex(max(0, self.tiles_combo.findData(tiles.kind)))
        form.addRow(self.tr("Basemap"), self.tiles_combo)
        self.mbtiles_edit = QLineEdit(tiles.mbtiles_path)
        browse = QPushButton(self.tr("Browse..."))
        browse.clicked.connect(self._browse_mbtiles)
        row = QHBoxLayout()
        row.addWidget(self.mbtiles_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("MBTiles file"), row)
        self.url_edit = QLineEdit(tiles.url_template)
        self.url_edit.setPlaceholderText("http://tiles.intranet/{z}/{x}/{y}.png")
        form.addRow(self.tr("URL template"), self.url_edit)
        self.key_edit = QLineEdit(tiles.key)
        self.key_edit.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        form.addRow(self.tr("Key"), self.key_edit)
        layout.addWidget(tiles_box)

        buttons = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addStretch(1)

        # A small window scrolls the form rather than squeezing it.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        return scroll

    def _browse_mbtiles(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose an MBTiles file"), "", self.tr("MBTiles (*.mbtiles)")
        )
        if path:
            self.mbtiles_edit.setText(path)

    def save(self) -> None:
        s = self.settings
        s.database_url = self.database_edit.text().strip()
        s.language = self.language_combo.currentData()
        s.timezone = self.timezone_combo.currentData()
        s.tile_source.kind = self.tiles_combo.currentData()
        s.tile_source.mbtiles_path = self.mbtiles_edit.text().strip()
        s.tile_source.url_template = self.url_edit.text().strip()
        s.tile_source.key = self.key_edit.text().strip()
        try:
            s.save()
        except OSError as exc:
            self.status_label.setStyleSheet(ERROR_STYLE)
            self.status_label.setText(
                self.tr("The settings could not be saved: %1").replace("%1", _short_error(exc)))
            return
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Saved. Language and database apply at the next start."))
        self.saved.emit()

    # -- tabs ------------------------------------------------------------------------------

    def _tab_changed(self, _index: int) -> None:
        # Read again each time: other administrators and workstations change users and
        # add audit records meanwhile.
        current = self.tabs.currentWidget()
        if isinstance(current, UsersTab | AuditTab):
            current.reload()

    def refresh(self) -> None:
        """F5: reload what the current tab shows from the database."""
        current = self.tabs.currentWidget()
        if isinstance(current, UsersTab | AuditTab):
            current.reload()


# -- users -------------------------------------------------------------------------------


def _role_order(role: str) -> int:
    return ROLE_NAMES.index(role) if role in ROLE_NAMES else len(ROLE_NAMES)


def _active_text(active: bool) -> str:
    return (QCoreApplication.translate("UsersTab", "Active") if active
            else QCoreApplication.translate("UsersTab", "Deactivated"))


def _user_columns(tz: Callable[[], ZoneInfo]) -> tuple[Column, ...]:
    return (
        Column("name", QT_TRANSLATE_NOOP("SettingsColumns", "User name"), C,
               sort_key=pinyin_sort_key),
        Column("role", QT_TRANSLATE_NOOP("SettingsColumns", "Role"), C,
               lambda v: label(ROLES, v), sort_key=_role_order),
        Column("active", QT_TRANSLATE_NOOP("SettingsColumns", "Status"), C, _active_text, CENTRE),
        Column("failed_logins", QT_TRANSLATE_NOOP("SettingsColumns", "Failed logins"), C,
               alignment=RIGHT),
        Column("created_at", QT_TRANSLATE_NOOP("SettingsColumns", "Created"), C,
               lambda v: local_time(v, tz())),
    )


class UsersTab(QWidget):
    """The user list and the administrator's actions on it."""

    def __init__(self, db: Database, actor: Actor, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.settings = settings
        self.loaded = False
        self.model = RowTableModel(
            _user_columns(lambda: zone(self.settings.timezone)),
            search_texts=lambda row: (row.name, label(ROLES, row.role)), parent=self)
        self.proxy = SearchProxyModel(self)
        self.proxy.setSourceModel(self.model)

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
        for button in (self.add_button, self.role_button, self.active_button,
                       self.password_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        layout.addWidget(self.message_label)
        self.view = QTableView()
        setup_table_view(self.view)
        self.view.setModel(self.proxy)
        layout.addWidget(self.view, 1)
        note = QLabel(self.tr(
            "Changes apply at the user's next login. Deactivated users cannot log in; "
            "their past work stays in the audit log."))
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
        try:
            with self.db.session(self.actor) as session:
                rows = list_users(session=session)
        except (PermissionDenied, SQLAlchemyError) as exc:
            log.warning("user list not loaded: %s", type(exc).__name__)
            self.show_message(
                self.tr("The user list could not be loaded: %1").replace("%1", _short_error(exc)),
                error=True)
            return
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
        self.proxy.set_query(text)
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.rowCount()
        active = sum(1 for row in self.model.rows() if row.active)
        self.count_label.setText(
            self.tr("%1 users, %2 active").replace("%1", str(total)).replace("%2", str(active)))

    # -- selection -------------------------------------------------------------------------

    def selected_user(self) -> UserRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.proxy.row_at(rows[0].row()) if rows else None

    def select_user(self, user_id: int) -> bool:
        row = self.proxy.proxy_row_for_id(user_id)
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
        _banner(self.message_label, text, error=error)

    # -- actions ---------------------------------------------------------------------------

    def add_user(self) -> None:
        user_id, accepted = AddUserDialog.ask(self, self.db, self.actor)
        if accepted and user_id is not None:
            self.reload(select_id=user_id)
            row = self.model.row_for_id(user_id)
            name = self.model.row_at(row).name if row is not None else ""
            self.show_message(self.tr("User %1 added.").replace("%1", name))

    def change_role(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        role, accepted = RoleDialog.ask(self, self.db, self.actor, user)
        if accepted and role is not None:
            self.reload(select_id=user.id)
            self.show_message(self.tr("%1 is now: %2.").replace("%1", user.name)
                              .replace("%2", label(ROLES, role)))

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        _done, accepted = PasswordDialog.ask(self, self.db, self.actor, user)
        if accepted:
            self.reload(select_id=user.id)
            self.show_message(self.tr("The password of %1 was reset. Tell them the new password "
                                      "in person, not by message.").replace("%1", user.name))

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        activate = not user.active
        if activate:
            question = self.tr("Allow %1 to log in again?").replace("%1", user.name)
            title = self.tr("Activate user")
        else:
            question = self.tr(
                "Deactivate %1? They will not be able to log in until an administrator "
                "activates them again.").replace("%1", user.name)
            title = self.tr("Deactivate user")
        answer = QMessageBox.question(
            self, title, question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        problem = _run_change(self.db, self.actor, lambda session: set_user_active(
            session=session, user_id=user.id, active=activate))
        if problem:
            self.show_message(problem, error=True)
            self.reload(select_id=user.id)
            return
        self.reload(select_id=user.id)
        self.show_message(
            (self.tr("%1 can log in again.") if activate else self.tr("%1 is deactivated."))
            .replace("%1", user.name))


def _run_change(db: Database, actor: Actor, change: Callable[[Any], Any]) -> str | None:
    """Run one change in its own unit of work; a message for the user if it was refused."""
    try:
        with db.session(actor) as session:
            change(session)
    except (ValueError, PermissionDenied) as exc:
        return str(exc)
    except SQLAlchemyError as exc:
        log.warning("user change failed: %s", type(exc).__name__)
        return QCoreApplication.translate(
            "UsersTab", "The database refused the change: %1").replace("%1", _short_error(exc))
    return None


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
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
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

    def _save(self, change: Callable[[Any], Any]) -> bool:
        problem = _run_change(self.db, self.actor, change)
        if problem:
            self.message_label.setText(problem)
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
                session=session, name=self.name_edit.text(), role=self.role_combo.currentData(),
                password=self.password_edit.text()).id

        if not self._save(change):
            self.user_id = None

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, actor: Actor) -> tuple[int | None, bool]:
        dialog = cls(parent, db, actor)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.user_id, accepted


class RoleDialog(_UserDialog):
    def __init__(self, parent: QWidget | None, db: Database, actor: Actor, user: UserRow) -> None:
        super().__init__(parent, db, actor,
                         QCoreApplication.translate("RoleDialog", "Change role"))
        self.user = user
        self.role_combo = _role_combo(user.role)
        self.form.addRow(self.tr("User"), QLabel(user.name))
        self.form.addRow(self.tr("Role"), self.role_combo)
        self.role_combo.setFocus()

    def try_save(self) -> None:
        role = self.role_combo.currentData()
        self._save(lambda session: set_user_role(session=session, user_id=self.user.id, role=role))

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, actor: Actor,
            user: UserRow) -> tuple[str | None, bool]:
        dialog = cls(parent, db, actor, user)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.role_combo.currentData() if accepted else None), accepted


class PasswordDialog(_UserDialog):
    def __init__(self, parent: QWidget | None, db: Database, actor: Actor, user: UserRow) -> None:
        super().__init__(parent, db, actor,
                         QCoreApplication.translate("PasswordDialog", "Reset password"))
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
        self._save(lambda session: reset_password(
            session=session, user_id=self.user.id, password=password))

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, actor: Actor,
            user: UserRow) -> tuple[None, bool]:
        dialog = cls(parent, db, actor, user)
        return None, dialog.exec() == QDialog.DialogCode.Accepted


# -- audit log ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditLine:
    """One audit record as the table shows it; the summary is made in the worker."""

    id: int | None
    at: datetime
    actor: str
    action: str
    table_name: str
    row_id: str | None
    summary: str
    changes: str | None
    rows: int | None


@dataclass(frozen=True)
class AuditFilter:
    table_name: str | None = None
    actor: str | None = None
    action: str | None = None
    text: str | None = None
    since: datetime | None = None


@dataclass(frozen=True)
class AuditLoad:
    lines: list[AuditLine]
    limited: bool  # more records match than were loaded
    tables: list[str]


def _line(row: AuditRow) -> AuditLine:
    return AuditLine(row.id, row.at, row.actor, row.action, row.table_name, row.row_id,
                     summarise_changes(row.action, row.changes, row.rows),
                     row.changes, row.rows)


def load_audit(db: Database, actor: Actor, wanted: AuditFilter, limit: int) -> AuditLoad:
    """Runs in a worker thread with its own session."""
    with db.session(actor) as session:
        rows = read_audit(
            session=session, limit=limit + 1, table_name=wanted.table_name, actor=wanted.actor,
            action=wanted.action, text=wanted.text, since=wanted.since)
        tables = audit_table_names(session=session)
    return AuditLoad([_line(row) for row in rows[:limit]], len(rows) > limit, tables)


def _audit_columns(tz: Callable[[], ZoneInfo]) -> tuple[Column, ...]:
    return (
        Column("at", QT_TRANSLATE_NOOP("SettingsColumns", "Time"), C,
               lambda v: local_time(v, tz())),
        Column("actor", QT_TRANSLATE_NOOP("SettingsColumns", "User"), C,
               sort_key=pinyin_sort_key),
        Column("action", QT_TRANSLATE_NOOP("SettingsColumns", "Action"), C, action_label),
        Column("table_name", QT_TRANSLATE_NOOP("SettingsColumns", "Table"), C),
        Column("row_id", QT_TRANSLATE_NOOP("SettingsColumns", "Row"), C, alignment=RIGHT,
               sort_key=lambda v: (0, int(v), "") if v.isdigit() else (1, 0, v), max_width=90),
        Column("summary", QT_TRANSLATE_NOOP("SettingsColumns", "Changes"), C, max_width=900),
    )


class AuditTab(QWidget):
    """The audit log, read-only: filters, a table of records and the selected record in full."""

    ready = Signal()  # a load has been applied

    def __init__(self, db: Database, actor: Actor, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.settings = settings
        self.loaded = False
        self.limit = AUDIT_LIMIT
        self._generation = 0
        self._fitted = False
        self.model = RowTableModel(_audit_columns(lambda: zone(self.settings.timezone)),
                                   parent=self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        bar = QHBoxLayout()
        self.period_combo = QComboBox()
        for key, text, _delta in AUDIT_PERIODS:
            self.period_combo.addItem(QCoreApplication.translate("AuditLog", text), key)
        self.period_combo.setCurrentIndex(self.period_combo.findData("week"))
        self.table_combo = QComboBox()
        self.table_combo.addItem(self.tr("All tables"), None)
        self.table_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.action_combo = QComboBox()
        self.action_combo.addItem(self.tr("All actions"), None)
        for code in AUDIT_ACTIONS:
            self.action_combo.addItem(action_label(code), code)
        self.actor_edit = QLineEdit()
        self.actor_edit.setClearButtonEnabled(True)
        self.actor_edit.setPlaceholderText(self.tr("User name contains"))
        self.actor_edit.setMaximumWidth(160)
        self.text_edit = QLineEdit()
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.setPlaceholderText(self.tr("Changes contain"))
        self.text_edit.setMinimumWidth(140)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        for widget in (self.period_combo, self.table_combo, self.action_combo):
            bar.addWidget(widget)
        bar.addWidget(self.actor_edit, 1)
        bar.addWidget(self.text_edit, 2)
        bar.addWidget(self.refresh_button)
        layout.addLayout(bar)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet("color: #444;")
        layout.addWidget(self.status_label)

        self.view = QTableView()
        setup_table_view(self.view)
        self.view.setModel(self.model)
        self.detail_edit = QPlainTextEdit()
        self.detail_edit.setReadOnly(True)
        self.detail_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.detail_edit.setPlaceholderText(self.tr("Select a record to see every value."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail_edit)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([500, 160])
        layout.addWidget(splitter, 1)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.reload)
        for combo in (self.period_combo, self.table_combo, self.action_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        for edit in (self.actor_edit, self.text_edit):
            edit.textChanged.connect(lambda _text: self._filter_timer.start())
            edit.returnPressed.connect(self.reload)
        self.refresh_button.clicked.connect(self.reload)
        self.view.selectionModel().selectionChanged.connect(self._show_detail)

    # -- loading ---------------------------------------------------------------------------

    def current_filter(self) -> AuditFilter:
        delta = next((d for key, _t, d in AUDIT_PERIODS
                      if key == self.period_combo.currentData()), None)
        return AuditFilter(
            table_name=self.table_combo.currentData(),
            actor=self.actor_edit.text().strip() or None,
            action=self.action_combo.currentData(),
            text=self.text_edit.text().strip() or None,
            since=datetime.now(UTC) - delta if delta is not None else None,
        )

    def _filters_changed(self) -> None:
        if self.loaded or self._generation:
            self.reload()

    def reload(self) -> None:
        """Read the records that match the filters, in the background; newest first."""
        self._filter_timer.stop()
        self._generation += 1
        generation = self._generation
        self.status_label.setText(self.tr("Loading…"))
        run_in_background(
            load_audit, lambda result, error: self._loaded(generation, result, error),
            db=self.db, actor=self.actor, wanted=self.current_filter(), limit=self.limit)

    def _loaded(self, generation: int, result: AuditLoad | None,
                error: BaseException | None) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # closed, or a newer load is on its way
        if error is not None or result is None:
            self.status_label.setText(
                self.tr("The audit log could not be read: %1")
                .replace("%1", _short_error(error) if error else ""))
            self.status_label.setStyleSheet(ERROR_STYLE)
            return
        self.status_label.setStyleSheet("color: #444;")
        self._set_tables(result.tables)
        selected = self.selected_line()
        self.model.set_rows(result.lines)
        if not self._fitted and result.lines:
            fit_columns(self.view, self.model)
            self._fitted = True
        if selected is not None and (row := self.model.row_for_id(selected.id)) is not None:
            self.view.selectRow(row)
        else:
            self._show_detail()
        count = len(result.lines)
        if result.limited:
            text = self.tr("Showing the latest %1 records; older ones match too. Narrow the "
                           "filters to see them.").replace("%1", f"{count:,}")
        elif count:
            text = self.tr("%1 records, newest first.").replace("%1", f"{count:,}")
        else:
            text = self.tr("No records match these filters.")
        self.status_label.setText(text)
        self.loaded = True
        self.ready.emit()

    def _set_tables(self, tables: list[str]) -> None:
        current = self.table_combo.currentData()
        known = [self.table_combo.itemData(i) for i in range(1, self.table_combo.count())]
        names = sorted(set(tables) | ({current} if current else set()))
        if names == known:
            return
        self.table_combo.blockSignals(True)
        self.table_combo.clear()
        self.table_combo.addItem(self.tr("All tables"), None)
        for name in names:
            self.table_combo.addItem(name, name)
        self.table_combo.setCurrentIndex(max(0, self.table_combo.findData(current)))
        self.table_combo.blockSignals(False)

    # -- the selected record ---------------------------------------------------------------

    def selected_line(self) -> AuditLine | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _show_detail(self) -> None:
        line = self.selected_line()
        if line is None:
            self.detail_edit.clear()
            return
        try:
            changes = json.dumps(json.loads(line.changes), ensure_ascii=False, indent=2) \
                if line.changes else ""
        except ValueError:
            changes = line.changes or ""
        head = [
            f"{local_time(line.at, zone(self.settings.timezone))}  {line.actor}  "
            f"{action_label(line.action)}  {line.table_name}"
            + (f" #{line.row_id}" if line.row_id else ""),
        ]
        if line.rows is not None and line.action == "bulk":
            head.append(QCoreApplication.translate("AuditLog", "%1 rows")
                        .replace("%1", f"{line.rows:,}"))
        self.detail_edit.setPlainText("\n".join([*head, "", changes]).rstrip())
