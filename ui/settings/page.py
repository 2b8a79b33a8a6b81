"""Settings of this workstation: database, language, time zone and map tile source."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.database import Database, display_url
from models.settings import Settings
from models.users import Actor

TIMEZONES = ("Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "UTC")


class SettingsPage(QWidget):
    saved = Signal()

    def __init__(
        self, db: Database, actor: Actor, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        title = QLabel(self.tr("Settings"))
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        layout.addWidget(title)

        database_box = QGroupBox(self.tr("Database"))
        form = QFormLayout(database_box)
        self.current_label = QLabel(display_url(db.url))
        form.addRow(self.tr("In use now"), self.current_label)
        self.database_edit = QLineEdit(settings.database_url)
        self.database_edit.setPlaceholderText(self.tr(
            "empty: the SQLite file in the user data directory; or "
            "postgresql://user@server/database"
        ))
        form.addRow(self.tr("Database URL"), self.database_edit)
        form.addRow("", QLabel(self.tr(
            "--db on the command line and the ECC_DATABASE_URL variable take precedence. "
            "Takes effect at the next start."
        )))
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
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addStretch(1)

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
        s.save()
        self.status_label.setText(self.tr("Saved. Language and database apply at the next start."))
        self.saved.emit()
