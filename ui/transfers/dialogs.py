"""Dialogs of the transfers page: any change of a household's state (part of it, with a
reason or an authorisation), a town's phoned-in figures, and returns by village once the response is lifted.

Each dialog only collects and checks what the user typed; the page saves it off the UI
thread through the domain function, which checks everything again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.labels import label
from models.messages import fill
from models.transfers import TRANSFER_STATUSES, TransferRow
from ui.common.widgets import find_by_any_part

ERROR_STYLE = "color: #c62828; font-weight: bold;"

# The states a duty officer records from the panel, in the order of the list.
CHOICES = ("sheltered", "relatives", "away", "refused", "forced", "returned")


def available(record: TransferRow, status: str) -> int:
    """How many people of the record can go to ``status`` (the domain's usual origin)."""
    if status == "returned":
        return record.moved - record.returned
    if status == "forced" and record.refused > 0:
        return record.refused
    return record.remaining


@dataclass(frozen=True)
class StatusChoice:
    status: str
    count: int
    shelter_id: int | None
    reason: str | None
    authorised_by: str | None

    def arguments(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "count": self.count,
            "shelter_id": self.shelter_id,
            "reason": self.reason,
            "authorised_by": self.authorised_by,
        }


class _Form(QDialog):
    """A form with OK/Cancel and a message line that keeps the dialog open on a refusal."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setVisible(False)
        self.layout_.addWidget(self.intro)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.layout_.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def say(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(True)

    def refuse(self, text: str) -> None:
        self.error_label.setText(text)

    def check(self) -> str | None:
        """The reason the input cannot be accepted, or None."""
        return None

    def _accept(self) -> None:
        problem = self.check()
        if problem:
            self.refuse(problem)
            return
        self.accept()


class StatusDialog(_Form):
    """Record what happened to some or all of a household's (or object's) people."""

    def __init__(
        self,
        record: TransferRow,
        shelters: list[tuple[int, str]],
        parent: QWidget | None = None,
        status: str = "relatives",
    ) -> None:
        super().__init__(self.tr("Record a transfer"), parent)
        self.record = record
        self.say(
            fill(
                self.tr(
                    "%1 (%2 %3): %4 residents; %5 moved, %6 left to move, %7 refused, %8 away."
                ),
                record.name,
                record.town_name,
                record.village_name,
                str(record.residents),
                str(record.moved),
                str(record.remaining),
                str(record.refused),
                str(record.away),
            )
        )
        self.status_combo = QComboBox()
        for code in CHOICES:
            self.status_combo.addItem(label(TRANSFER_STATUSES, code), code)
        self.form.addRow(self.tr("What happened:"), self.status_combo)
        self.count_spin = QSpinBox()
        self.count_spin.setSuffix(self.tr(" people"))
        self.form.addRow(self.tr("How many:"), self.count_spin)
        self.shelter_combo = QComboBox()
        find_by_any_part(self.shelter_combo)
        for shelter_id, name in shelters:
            self.shelter_combo.addItem(name, shelter_id)
        self.form.addRow(self.tr("Shelter:"), self.shelter_combo)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Why they refuse (required)"))
        self.form.addRow(self.tr("Reason:"), self.reason_edit)
        self.authorised_edit = QLineEdit()
        self.authorised_edit.setPlaceholderText(self.tr("Name and post of who ordered it"))
        self.form.addRow(self.tr("Authorised by:"), self.authorised_edit)
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(status)))
        self._status_changed()
        if record.shelter_id is not None:
            self.shelter_combo.setCurrentIndex(self.shelter_combo.findData(record.shelter_id))

    @property
    def status(self) -> str:
        return str(self.status_combo.currentData())

    def _status_changed(self, *_args: object) -> None:
        status = self.status
        most = available(self.record, status)
        self.count_spin.setRange(0 if most == 0 else 1, max(most, 0))
        self.count_spin.setValue(most)
        self.count_spin.setEnabled(most > 1)
        for widget, wanted in (
            (self.shelter_combo, status == "sheltered"),
            (self.reason_edit, status == "refused"),
            (self.authorised_edit, status == "forced"),
        ):
            widget.setEnabled(wanted)
            self.form.setRowVisible(widget, wanted)
        self.refuse("" if most > 0 else self.tr("Nobody of this record can go to this state."))
        self.adjustSize()

    def _shelter_id(self) -> int | None:
        index = self.shelter_combo.findText(self.shelter_combo.currentText())
        return int(self.shelter_combo.itemData(index)) if index >= 0 else None

    def check(self) -> str | None:
        status = self.status
        if available(self.record, status) == 0:
            return self.tr("Nobody of this record can go to this state.")
        if status == "sheltered" and self._shelter_id() is None:
            return self.tr("Choose the shelter from the list.")
        if status == "refused" and not self.reason_edit.text().strip():
            return self.tr("Say why they refuse.")
        if status == "forced" and not self.authorised_edit.text().strip():
            return self.tr("Say who authorised the forced transfer.")
        return None

    def choice(self) -> StatusChoice:
        status = self.status
        return StatusChoice(
            status,
            self.count_spin.value(),
            self._shelter_id() if status == "sheltered" else None,
            self.reason_edit.text().strip() or None if status == "refused" else None,
            self.authorised_edit.text().strip() or None if status == "forced" else None,
        )


@dataclass(frozen=True)
class TownFigures:
    town_id: int
    source: str
    people_to_move: int
    moved: int
    sheltered: int
    relatives: int
    forced: int
    refused: int
    note: str | None
    reported_at: datetime


class TownReportDialog(_Form):
    """Figures a town phoned in, with who reported them."""

    FIELDS = ("people_to_move", "moved", "sheltered", "relatives", "forced", "refused")

    def __init__(self, towns: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Figures phoned in by a town"), parent)
        self.say(
            self.tr(
                "Counted separately from the households on the lists: people the "
                "lists do not hold (fishermen back in port, workers on sites)."
            )
        )
        self.town_combo = QComboBox()
        for town_id, name in towns:
            self.town_combo.addItem(name, town_id)
        self.form.addRow(self.tr("Town / street:"), self.town_combo)
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("Who reported, by what means"))
        self.form.addRow(self.tr("Reported by:"), self.source_edit)
        self.time_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.time_edit.setCalendarPopup(True)
        self.form.addRow(self.tr("Figures as of:"), self.time_edit)
        titles = (
            self.tr("People to move:"),
            self.tr("Moved:"),
            self.tr("In shelters:"),
            self.tr("With relatives:"),
            self.tr("Forcibly moved:"),
            self.tr("Refused:"),
        )
        self.spins: dict[str, QSpinBox] = {}
        for key, title in zip(self.FIELDS, titles, strict=True):
            spin = QSpinBox()
            spin.setRange(0, 10_000_000)
            spin.setGroupSeparatorShown(True)
            self.spins[key] = spin
            self.form.addRow(title, spin)
        self.note_edit = QLineEdit()
        self.form.addRow(self.tr("Note:"), self.note_edit)

    def check(self) -> str | None:
        values = {key: spin.value() for key, spin in self.spins.items()}
        if not self.source_edit.text().strip():
            return self.tr("Say who reported the figures.")
        if self.time_edit.dateTime() > QDateTime.currentDateTime().addSecs(300):
            return self.tr("The time of the figures cannot be in the future.")
        if values["moved"] > values["people_to_move"]:
            return self.tr("The people moved cannot exceed the people to move.")
        if values["sheltered"] + values["relatives"] + values["forced"] > values["moved"]:
            return self.tr(
                "In shelters, with relatives and forcibly moved together cannot "
                "exceed the people moved."
            )
        return None

    def figures(self) -> TownFigures:
        values = {key: spin.value() for key, spin in self.spins.items()}
        at = self.time_edit.dateTime().toSecsSinceEpoch()
        return TownFigures(
            int(self.town_combo.currentData()),
            self.source_edit.text().strip(),
            note=self.note_edit.text().strip() or None,
            reported_at=datetime.fromtimestamp(at, UTC),
            **values,
        )


class ReturnsDialog(_Form):
    """Everyone moved from one village is home again: choose the village, then confirm."""

    def __init__(self, villages: list[tuple[int, str, int]], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Mark returns by village"), parent)
        self.say(
            self.tr(
                "Everyone moved from the village (shelters, relatives, forced) is "
                "recorded as returned home. People who refused or are away stay "
                "as they are. Each household keeps its history."
            )
        )
        self.village_combo = QComboBox()
        find_by_any_part(self.village_combo)
        for village_id, name, moved in villages:
            self.village_combo.addItem(
                fill(self.tr("%1 (%2 people moved)"), name, f"{moved:,}"),
                village_id,
            )
        self.form.addRow(self.tr("Village:"), self.village_combo)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mark as returned"))

    def village_id(self) -> int | None:
        index = self.village_combo.findText(self.village_combo.currentText())
        return int(self.village_combo.itemData(index)) if index >= 0 else None

    def check(self) -> str | None:
        return (
            None if self.village_id() is not None else self.tr("Choose the village from the list.")
        )
