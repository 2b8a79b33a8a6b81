"""The transfer lists before and between events: what the register year holds, the
planner's checks (shelters too small for whom they are assigned, households with no
responsible person, danger zones nobody listed), and the village documents: import a
list, export a filled list or the empty template, print the list or the cards."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.areas import VillageOption, list_villages
from models.database import Database
from models.labels import DANGER_KINDS, label
from models.messages import QT_TRANSLATE_NOOP, fill
from models.transfers import ListCounts, PlannerChecks, list_counts, planner_checks
from models.users import Actor, Permission
from ui.common.import_dialog import ImportDialog
from ui.common.operations import problem_text
from ui.common.styles import ERROR_STYLE, SECTION_TITLE
from ui.common.table import RIGHT, Column, RowTableModel, fit_columns, setup_table_view
from ui.common.widgets import VillageCombo
from ui.common.worker import run_in_background
from ui.printing.registry import PAPER, Document, Format, Option, document

OVERFULL_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Shelter"), max_width=240),
    Column("village_name", QT_TRANSLATE_NOOP("Columns", "Village / community"), max_width=160),
    Column("capacity", QT_TRANSLATE_NOOP("Columns", "Capacity"), alignment=RIGHT),
    Column("assigned_people", QT_TRANSLATE_NOOP("Columns", "People assigned"), alignment=RIGHT),
    Column("households", QT_TRANSLATE_NOOP("Columns", "Households"), alignment=RIGHT),
    Column("objects", QT_TRANSLATE_NOOP("Columns", "Other objects"), alignment=RIGHT),
)
NO_PERSON_COLUMNS = (
    Column("village_name", QT_TRANSLATE_NOOP("Columns", "Village / community"), max_width=160),
    Column("householder_name", QT_TRANSLATE_NOOP("Columns", "Household"), max_width=160),
    Column("danger_zone_name", QT_TRANSLATE_NOOP("Columns", "Danger zone"), max_width=280),
)
EMPTY_ZONE_COLUMNS = (
    Column("code", QT_TRANSLATE_NOOP("Columns", "Code")),
    Column("name", QT_TRANSLATE_NOOP("Columns", "Danger zone"), max_width=280),
    Column(
        "kind",
        QT_TRANSLATE_NOOP("Columns", "Danger zone type"),
        formatter=lambda v: label(DANGER_KINDS, v),
    ),
    Column("village_name", QT_TRANSLATE_NOOP("Columns", "Village / community"), max_width=160),
)


@dataclass(frozen=True)
class ListsLoaded:
    counts: ListCounts
    checks: PlannerChecks
    villages: list[VillageOption]


def load_lists(db: Database, actor: Actor) -> ListsLoaded:
    with db.session(actor) as session:
        counts = list_counts(session=session)
        return ListsLoaded(
            counts,
            planner_checks(session=session, year=counts.year),
            list_villages(session=session),
        )


class VillageDialog(QDialog):
    """Choose the village a document is for."""

    def __init__(
        self,
        title: str,
        villages: list[VillageOption],
        parent: QWidget | None,
        papers: tuple[str, ...] = (),
        flags: tuple[Option, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.combo = VillageCombo(villages)
        form.addRow(self.tr("Village:"), self.combo)
        self.paper_combo = QComboBox()
        self.paper_combo.addItems(list(papers))
        if papers:
            form.addRow(self.tr("Paper (landscape):"), self.paper_combo)
        self.flag_boxes = {option.name: QCheckBox(option.help_text) for option in flags}
        for box in self.flag_boxes.values():
            form.addRow("", box)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.codes = {v.id: v.code for v in villages}
        self.names = {v.id: v.name for v in villages}

    def _accept(self) -> None:
        if self.combo.village_id() is None:
            self.error_label.setText(self.tr("Choose the village from the list."))
            return
        self.accept()

    def village_code(self) -> str:
        village_id = self.combo.village_id()
        assert village_id is not None
        return self.codes[village_id]

    def paper(self) -> str:
        return self.paper_combo.currentText()

    def flags(self) -> dict[str, bool]:
        return {name: box.isChecked() for name, box in self.flag_boxes.items()}

    def village_name(self) -> str:
        village_id = self.combo.village_id()
        return self.names.get(village_id or 0, "")


class TransferListsPanel(QWidget):
    loaded = Signal()
    document_done = Signal(str)  # the message shown after an export or print

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.data: ListsLoaded | None = None
        self.loading = False
        self.village_id: int | None = None  # chosen first in the village dialogs
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.summary_label = QLabel(self.tr("Loading the transfer lists…"))
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("font-size: 15px;")
        layout.addWidget(self.summary_label)
        # Three buttons a row: six in one row made the page 1,300 px wide in English.
        buttons = QGridLayout()
        self.import_button = QPushButton(self.tr("Import a village's list…"))
        self.import_button.clicked.connect(self.import_list)
        self.import_button.setEnabled(actor.can(Permission.IMPORT_DATA))
        self.export_button = QPushButton(self.tr("Export a village's list…"))
        self.export_button.clicked.connect(self.export_list)
        self.template_button = QPushButton(self.tr("Empty template…"))
        self.template_button.clicked.connect(self.export_empty)
        self.print_list_button = QPushButton(self.tr("Print a village's list…"))
        self.print_list_button.clicked.connect(lambda: self.print_document("transfer-list"))
        self.print_cards_button = QPushButton(self.tr("Print transfer cards…"))
        self.print_cards_button.clicked.connect(lambda: self.print_document("transfer-cards"))
        self.print_map_button = QPushButton(self.tr("Print a village's situation map…"))
        self.print_map_button.setToolTip(
            self.tr(
                "村级防汛形势图: the village with its danger zones, shelters, grids and "
                "responsible persons, A4 or A3 landscape"
            )
        )
        self.print_map_button.clicked.connect(self.print_map)
        for number, button in enumerate(
            (
                self.import_button,
                self.export_button,
                self.template_button,
                self.print_list_button,
                self.print_cards_button,
                self.print_map_button,
            )
        ):
            buttons.addWidget(button, number // 3, number % 3)
        buttons.setColumnStretch(3, 1)
        layout.addLayout(buttons)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        checks_title = QLabel(self.tr("Checks before the season"))
        checks_title.setStyleSheet(SECTION_TITLE)
        layout.addWidget(checks_title)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.overfull_model = self._add_table(OVERFULL_COLUMNS)
        self.no_person_model = self._add_table(NO_PERSON_COLUMNS)
        self.empty_zone_model = self._add_table(EMPTY_ZONE_COLUMNS)
        layout.addWidget(self.tabs, 1)

    def _add_table(self, columns: tuple[Column, ...]) -> RowTableModel:
        model = RowTableModel(columns, parent=self)
        view = QTableView()
        view.setModel(model)
        setup_table_view(view)
        self.tabs.addTab(view, "")
        return model

    # -- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.loading:
            return
        self.loading = True
        run_in_background(load_lists, self._loaded, owner=self, db=self.db, actor=self.actor)

    def _loaded(self, data: ListsLoaded | None, error: BaseException | None) -> None:
        self.loading = False
        if data is None:
            self.summary_label.setText(
                fill(self.tr("The transfer lists could not be loaded: %1"), problem_text(error))
            )
            self.loaded.emit()
            return
        self.data = data
        counts, checks = data.counts, data.checks
        if counts.year is None:
            self.summary_label.setText(
                self.tr(
                    "No transfer list has been imported yet. Import each village's list "
                    "(行政村危险区人员转移清单), or give villages the empty template to fill."
                )
            )
        else:
            self.summary_label.setText(
                fill(
                    self.tr(
                        "Transfer lists of %1: %2 households (%3 people) and %4 other "
                        "objects (%5 people) in %6 villages."
                    ),
                    str(counts.year),
                    f"{counts.households:,}",
                    f"{counts.residents:,}",
                    f"{counts.objects:,}",
                    f"{counts.object_people:,}",
                    f"{counts.villages:,}",
                )
            )
        # One element type for the three tables (mypy joins their row lists to object).
        tables: tuple[tuple[RowTableModel, Sequence[object], str], ...] = (
            (self.overfull_model, checks.overfull_shelters, self.tr("Shelters too small (%1)")),
            (
                self.no_person_model,
                checks.households_without_person,
                self.tr("Households with no responsible person (%1)"),
            ),
            (
                self.empty_zone_model,
                checks.zones_without_households,
                self.tr("Danger zones with nobody listed (%1)"),
            ),
        )
        for index, (model, rows, title) in enumerate(tables):
            model.set_rows(list(rows))
            view = self.tabs.widget(index)
            assert isinstance(view, QTableView)
            fit_columns(view, model)
            self.tabs.setTabText(index, fill(title, f"{len(rows):,}"))
        self.loaded.emit()

    # -- documents -----------------------------------------------------------------------------

    def import_list(self) -> None:
        _report, accepted = ImportDialog.run(self, self.db, self.actor, kind="households")
        if accepted:
            self.refresh()

    def _village(
        self, title: str, papers: tuple[str, ...] = (), flags: tuple[Option, ...] = ()
    ) -> VillageDialog | None:
        if self.data is None:
            return None
        self.village_dialog = VillageDialog(title, self.data.villages, self, papers, flags)
        dialog = self.village_dialog
        dialog.combo.set_village_id(self.village_id)
        return dialog if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _allowed(self, spec: Document) -> tuple[Option, ...]:
        """The document's check-box options this user may choose (unmasking needs its
        permission)."""
        return tuple(
            option
            for option in spec.options
            if option.kind == "flag"
            and option.name != "template"
            and (option.permission is None or self.actor.can(option.permission))
        )

    def export_list(self) -> None:
        spec = document("households", Format.EXCEL)
        dialog = self._village(self.tr("Export a village's list"), flags=self._allowed(spec))
        if dialog is not None:
            options = {"village": dialog.village_code(), **dialog.flags()}
            self._open(spec, options, village=dialog.village_name())

    def export_empty(self) -> None:
        self._open(document("households", Format.EXCEL), {"template": True}, village="")

    def print_document(self, key: str) -> None:
        spec = document(key, Format.PDF)
        dialog = self._village(spec.title_text)
        if dialog is not None:
            self._open(spec, {"village": dialog.village_code()}, village=dialog.village_name())

    def print_map(self) -> None:
        spec = document("situation-map", Format.PDF)
        dialog = self._village(spec.title_text, PAPER.choices)
        if dialog is not None:
            options = {"village": dialog.village_code(), "paper": dialog.paper()}
            self._open(spec, options, village=dialog.village_name())

    def _open(self, spec: Document, options: dict[str, Any], **names: str) -> None:
        """A PDF into the print preview, a workbook saved where the user chooses."""
        from ui.common.print_preview import open_document

        def said(text: str, _ok: bool) -> None:
            self.message_label.setText(text)
            self.document_done.emit(text)

        open_document(
            self,
            db=self.db,
            actor=self.actor,
            spec=spec,
            options=options,
            names=names,
            on_message=said,
        )
