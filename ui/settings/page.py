"""The settings page: this workstation's settings, and for administrators users and the audit log.

Three tabs. "Workstation" (database, this workstation's name, when a town or village
needs attention during an event, language, time zone, map tiles) is for everyone and
writes settings.json. "Users" (needs MANAGE_USERS) adds users,
changes roles, activates and deactivates them and resets passwords; every
change is one unit of work through ``models.users`` and so lands in the audit
log. "Audit log" (needs READ_AUDIT) reads that log, filtered, newest first,
loaded off the UI thread; it has nothing that edits or deletes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.database import Database, display_url
from models.messages import fill
from models.operators import computer_name
from models.settings import Settings
from models.transfers import DEFAULT_LAG_PERCENT, DEFAULT_STALE_HOURS
from models.users import (
    Actor,
    Permission,
)
from ui.common.styles import ERROR_STYLE, PAGE_TITLE
from ui.settings.audit import AuditTab
from ui.settings.common import short_error
from ui.settings.users import UsersTab

TIMEZONES = ("Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "UTC")


def _whole(value: object, default: int) -> int:
    """A number setting from a file that may have been edited by hand."""
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default


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
        title.setStyleSheet(PAGE_TITLE)
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
        self.database_edit.setPlaceholderText(
            self.tr(
                "empty: the SQLite file in the user data directory; or "
                "postgresql://user@server/database"
            )
        )
        form.addRow(self.tr("Database URL"), self.database_edit)
        note = QLabel(
            self.tr(
                "--db on the command line and the ECC_DATABASE_URL variable take precedence. "
                "Takes effect at the next start."
            )
        )
        note.setStyleSheet("color: #555;")
        form.addRow("", note)
        layout.addWidget(database_box)

        station_box = QGroupBox(self.tr("This workstation"))
        form = QFormLayout(station_box)
        self.workstation_edit = QLineEdit(settings.workstation_name)
        self.workstation_edit.setMaxLength(80)
        self.workstation_edit.setPlaceholderText(
            fill(self.tr("empty: the computer's name (%1)"), computer_name())
        )
        form.addRow(self.tr("Workstation name"), self.workstation_edit)
        station_note = QLabel(
            self.tr(
                "Recorded with every check-in made here and printed on shelters' arrivals "
                "lists, e.g. 县防指值班室 or 城关镇中心小学安置点."
            )
        )
        station_note.setWordWrap(True)
        station_note.setStyleSheet("color: #555;")
        form.addRow("", station_note)
        layout.addWidget(station_box)

        event_box = QGroupBox(self.tr("During an event"))
        form = QFormLayout(event_box)
        self.lag_spin = QSpinBox()
        self.lag_spin.setRange(0, 100)
        self.lag_spin.setSuffix(" %")
        self.lag_spin.setValue(_whole(settings.lag_percent, DEFAULT_LAG_PERCENT))
        form.addRow(self.tr("Needs attention below the completion rate"), self.lag_spin)
        self.stale_spin = QSpinBox()
        self.stale_spin.setRange(0, 72)
        self.stale_spin.setSuffix(self.tr(" h"))
        self.stale_spin.setSpecialValueText(self.tr("never"))
        self.stale_spin.setValue(_whole(settings.stale_hours, DEFAULT_STALE_HOURS))
        form.addRow(self.tr("Needs attention after no change for"), self.stale_spin)
        layout.addWidget(event_box)

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
        self.attribution_edit = QLineEdit(tiles.attribution)
        self.attribution_edit.setPlaceholderText(self.tr("e.g. © the county's surveying office"))
        self.attribution_edit.setToolTip(
            self.tr("Shown on the map beside the basemap (an MBTiles file's own when empty).")
        )
        form.addRow(self.tr("Attribution"), self.attribution_edit)
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
        s.workstation_name = self.workstation_edit.text().strip()
        s.lag_percent = self.lag_spin.value()
        s.stale_hours = self.stale_spin.value()
        s.language = self.language_combo.currentData()
        s.timezone = self.timezone_combo.currentData()
        s.tile_source.kind = self.tiles_combo.currentData()
        s.tile_source.mbtiles_path = self.mbtiles_edit.text().strip()
        s.tile_source.url_template = self.url_edit.text().strip()
        s.tile_source.key = self.key_edit.text().strip()
        s.tile_source.attribution = self.attribution_edit.text().strip()
        try:
            s.save()
        except OSError as exc:
            self.status_label.setStyleSheet(ERROR_STYLE)
            self.status_label.setText(
                fill(self.tr("The settings could not be saved: %1"), short_error(exc))
            )
            return
        self.database_edit.setText(s.database_url)  # its password, if any, is kept apart
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
