"""The small dialog asking what danger zone a saved drawn area is registered as: its type
and its name."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from models.labels import DANGER_KINDS, label


class RegisterZoneDialog(QDialog):
    """Type and name of the danger zone a saved area becomes."""

    def __init__(self, area_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register as a danger zone"))
        form = QFormLayout(self)
        note = QLabel(
            self.tr(
                "The area becomes a danger zone of the register in each village whose "
                "outline it covers, with the village's next danger zone code."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.kind_combo = QComboBox()
        for code in DANGER_KINDS:
            self.kind_combo.addItem(label(DANGER_KINDS, code), code)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData("geological"))
        form.addRow(self.tr("Type"), self.kind_combo)
        self.name_edit = QLineEdit(area_name)
        self.name_edit.setMaxLength(80)
        form.addRow(self.tr("Name"), self.name_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @classmethod
    def ask(cls, area_name: str, parent: QWidget | None = None) -> tuple[tuple[str, str], bool]:
        """((type code, name), accepted)."""
        dialog = cls(area_name, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        value = (str(dialog.kind_combo.currentData()), dialog.name_edit.text())
        dialog.deleteLater()
        return value, accepted
