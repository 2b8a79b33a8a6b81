"""The rescue teams page (救援队伍): the teams with filters by class, specialty and status
and a search, the chosen team's members, equipment and status history; the county's
readiness (deployable members, expiring certificates and insurance, teams below their
size); the expert pool."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.labels import label
from models.messages import fill
from models.teams import SPECIALTIES, TEAM_CLASSES, TEAM_STATUSES
from models.users import Actor, Permission
from ui.common.page import Page
from ui.common.table import Column, RowTableModel, fit_columns, setup_table_view
from ui.common.worker import run_in_background
from ui.teams.forms import (
    CertificateForm,
    EquipmentForm,
    InsuranceForm,
    MemberForm,
    StatusForm,
    TeamForm,
)
from ui.teams.rows import (
    COUNTY_MEMBER_COLUMNS,
    COVER_MINUTES,
    EQUIPMENT_COLUMNS,
    EXPERT_COLUMNS,
    EXPIRING_COLUMNS,
    HISTORY_COLUMNS,
    MEMBER_COLUMNS,
    TEAM_COLUMNS,
    TeamDetail,
    TeamsData,
    load_all_members,
    load_team_detail,
    load_teams,
)

SEARCH_DELAY_MS = 180


def _table(columns: tuple[Column, ...], parent: QWidget) -> tuple[QTableView, RowTableModel]:
    model = RowTableModel(columns, parent=parent)
    view = QTableView()
    view.setModel(model)
    setup_table_view(view)
    return view, model


class TeamsPage(Page):
    show_reach = Signal(int)  # a team's id: its 15-minute reach drawn on the map
    watched_tables: ClassVar[frozenset[str]] = frozenset(
        {
            "teams",
            "team_specialties",
            "team_equipment",
            "team_status_changes",
            "team_memberships",
            "rescuers",
            "rescuer_certificates",
            "rescuer_insurance",
            "experts",
        }
    )

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, self.tr("Rescue teams"), parent)
        self._team_id: int | None = None
        self._specialty_sets: set[frozenset[str]] = set()
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Search teams, towns, leaders, pinyin initials or phone digits")
        )
        self.class_combo = self._combo(self.tr("All classes"), TEAM_CLASSES)
        self.specialty_combo = self._combo(self.tr("All specialties"), SPECIALTIES)
        self.status_combo = self._combo(self.tr("All statuses"), TEAM_STATUSES)
        self.count_label = QLabel()
        self.header.addStretch(1)

        self.tabs = QTabWidget()
        # Teams: the table above, the chosen team's members, equipment and history below.
        teams_tab = QWidget()
        teams_layout = QVBoxLayout(teams_tab)
        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 2)
        for combo in (self.class_combo, self.specialty_combo, self.status_combo):
            bar.addWidget(combo)
        bar.addWidget(self.count_label, 1)
        teams_layout.addLayout(bar)
        self.can_manage = actor.can(Permission.MANAGE_TEAMS)
        actions = QHBoxLayout()
        self.new_team_button = QPushButton(self.tr("New team..."))
        self.edit_team_button = QPushButton(self.tr("Edit team..."))
        self.status_button = QPushButton(self.tr("Change status..."))
        self.reach_button = QPushButton(self.tr("Show reach on map"))
        self.reach_button.setToolTip(
            self.tr("Draw on the map how far the team gets in 15 minutes from its base")
        )
        for button in (self.new_team_button, self.edit_team_button, self.status_button):
            actions.addWidget(button)
            button.setVisible(self.can_manage)
        actions.addWidget(self.reach_button)
        actions.addStretch(1)
        teams_layout.addLayout(actions)
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().Vertical)
        self.team_view, self.team_model = _table(TEAM_COLUMNS, self)
        splitter.addWidget(self.team_view)
        self.detail = QTabWidget()
        self.member_view, self.member_model = _table(MEMBER_COLUMNS, self)
        self.equipment_view, self.equipment_model = _table(EQUIPMENT_COLUMNS, self)
        self.history_view, self.history_model = _table(HISTORY_COLUMNS, self)
        self.add_member_button = QPushButton(self.tr("Add member..."))
        self.edit_member_button = QPushButton(self.tr("Edit member..."))
        self.certificate_button = QPushButton(self.tr("Record certificate..."))
        self.insurance_button = QPushButton(self.tr("Record insurance..."))
        self.detail.addTab(
            self._with_buttons(
                self.member_view,
                self.add_member_button,
                self.edit_member_button,
                self.certificate_button,
                self.insurance_button,
            ),
            self.tr("Members"),
        )
        self.add_equipment_button = QPushButton(self.tr("Add equipment..."))
        self.edit_equipment_button = QPushButton(self.tr("Edit equipment..."))
        self.detail.addTab(
            self._with_buttons(
                self.equipment_view, self.add_equipment_button, self.edit_equipment_button
            ),
            self.tr("Equipment"),
        )
        self.detail.addTab(self.history_view, self.tr("Status history"))
        splitter.addWidget(self.detail)
        splitter.setSizes([420, 300])
        teams_layout.addWidget(splitter, 1)
        self.tabs.addTab(teams_tab, self.tr("Teams"))

        # Every member of the county, read when the tab is first opened.
        members_tab = QWidget()
        members_layout = QVBoxLayout(members_tab)
        member_bar = QHBoxLayout()
        self.member_search = QLineEdit()
        self.member_search.setClearButtonEnabled(True)
        self.member_search.setPlaceholderText(
            self.tr("Search members: name, pinyin initials, phone digits or identity number")
        )
        member_bar.addWidget(self.member_search, 2)
        self.member_count = QLabel()
        member_bar.addWidget(self.member_count, 1)
        members_layout.addLayout(member_bar)
        self.all_member_view, self.all_member_model = _table(COUNTY_MEMBER_COLUMNS, self)
        members_layout.addWidget(self.all_member_view, 1)
        self.tabs.addTab(members_tab, self.tr("All members"))
        self._members_stale = True

        readiness_tab = QWidget()
        readiness_layout = QVBoxLayout(readiness_tab)
        self.readiness_label = QLabel()
        self.readiness_label.setWordWrap(True)
        readiness_layout.addWidget(self.readiness_label)
        readiness_layout.addWidget(QLabel(self.tr("Certificates and insurance expiring soon")))
        self.expiring_view, self.expiring_model = _table(EXPIRING_COLUMNS, self)
        readiness_layout.addWidget(self.expiring_view, 1)
        self.tabs.addTab(readiness_tab, self.tr("Readiness"))

        self.expert_view, self.expert_model = _table(EXPERT_COLUMNS, self)
        self.tabs.addTab(self.expert_view, self.tr("Experts"))
        self.add_body(
            self.tabs,
            self.tr(
                "No rescue team is registered yet. Import the teams (导入: 救援队伍), then "
                "their rosters (队员花名册) and the expert pool; or build the demo county."
            ),
        )

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.class_combo.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.specialty_combo.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.status_combo.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self._member_timer = QTimer(self)
        self._member_timer.setSingleShot(True)
        self._member_timer.setInterval(SEARCH_DELAY_MS)
        self._member_timer.timeout.connect(self._search_members)
        self.member_search.textChanged.connect(lambda _text: self._member_timer.start())
        self.tabs.currentChanged.connect(lambda _i: self._members_shown())
        selection = self.team_view.selectionModel()
        selection.currentRowChanged.connect(lambda current, _previous: self._team_chosen())
        self.new_team_button.clicked.connect(self.new_team)
        self.edit_team_button.clicked.connect(self.edit_team)
        self.status_button.clicked.connect(self.change_status)
        self.reach_button.clicked.connect(self._reach_asked)
        self.add_member_button.clicked.connect(self.add_member)
        self.edit_member_button.clicked.connect(self.edit_member)
        self.certificate_button.clicked.connect(self.record_certificate)
        self.insurance_button.clicked.connect(self.record_insurance)
        self.add_equipment_button.clicked.connect(self.add_equipment)
        self.edit_equipment_button.clicked.connect(self.edit_equipment)
        for view in (self.member_view, self.equipment_view):
            view.selectionModel().currentRowChanged.connect(
                lambda _current, _previous: self._enable_actions()
            )
        if self.can_manage:
            self.team_view.doubleClicked.connect(lambda _index: self.edit_team())
            self.member_view.doubleClicked.connect(lambda _index: self.edit_member())
            self.equipment_view.doubleClicked.connect(lambda _index: self.edit_equipment())
        self._enable_actions()
        self.refresh()

    def _with_buttons(self, view: QTableView, *buttons: QPushButton) -> QWidget:
        """A table with its entry buttons below (shown to roles that manage teams)."""
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(view, 1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
            button.setVisible(self.can_manage)
        row.addStretch(1)
        box.addLayout(row)
        return holder

    def _enable_actions(self) -> None:
        chosen = self._team_id is not None
        for button in (
            self.edit_team_button,
            self.status_button,
            self.reach_button,
            self.add_member_button,
            self.add_equipment_button,
        ):
            button.setEnabled(chosen)
        member = self._current(self.member_view, self.member_model) is not None
        for button in (self.edit_member_button, self.certificate_button, self.insurance_button):
            button.setEnabled(chosen and member)
        equipment = self._current(self.equipment_view, self.equipment_model) is not None
        self.edit_equipment_button.setEnabled(chosen and equipment)

    def _combo(self, everything: str, codes: dict[str, str]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for code in codes:
            combo.addItem(label(codes, code), code)
        return combo

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.load(load_teams, self._loaded, db=self.db, actor=self.actor)

    def _members_shown(self) -> None:
        if self.tabs.currentIndex() != 1 or not self._members_stale:
            return
        self._members_stale = False

        def arrived(
            result: tuple[list[Any], list[str]] | None, error: BaseException | None
        ) -> None:
            if error is not None or result is None:
                self._members_stale = True
                self.load_failed(error)
                return
            lines, keys = result
            self.all_member_model.set_rows(lines, keys)
            fit_columns(self.all_member_view, self.all_member_model)
            self._search_members()
            self.ready.emit()

        run_in_background(load_all_members, arrived, owner=self, db=self.db, actor=self.actor)

    def _search_members(self) -> None:
        self.all_member_model.set_query(self.member_search.text())
        shown, total = self.all_member_model.rowCount(), self.all_member_model.total_rows()
        self.member_count.setText(
            fill(self.tr("%1 members"), f"{total:,}")
            if shown == total
            else fill(self.tr("%1 of %2 members"), f"{shown:,}", f"{total:,}")
        )

    def _loaded(self, data: TeamsData) -> None:
        self.banner.hide()
        self._members_stale = True
        self._members_shown()
        self._specialty_sets = {team.specialty_codes for team in data.teams}
        self.team_model.set_rows(data.teams, data.team_keys)
        self.expert_model.set_rows(data.experts, data.expert_keys)
        self.expiring_model.set_rows(data.expiring)
        self._apply_filters()
        county = data.county
        self.readiness_label.setText(
            fill(
                self.tr(
                    "%1 teams, %2 members on duty, %3 deployable. %4 teams below their required "
                    "size; %5 certificates or policies expire within %6 days; %7 items of "
                    "equipment out of service."
                ),
                f"{len(county.teams):,}",
                f"{county.members:,}",
                f"{county.deployable:,}",
                f"{len(county.below_size):,}",
                f"{county.expiring:,}",
                str(county.expiring_days),
                f"{county.equipment_out:,}",
            )
            + "\n"
            + (
                fill(
                    self.tr("No water-rescue team reaches %1 villages within %2 minutes: %3"),
                    f"{len(data.uncovered):,}",
                    str(COVER_MINUTES),
                    "、".join(data.uncovered[:12]) + ("…" if len(data.uncovered) > 12 else ""),
                )
                if data.uncovered
                else fill(
                    self.tr("A water-rescue team reaches every village within %1 minutes."),
                    str(COVER_MINUTES),
                )
            )
        )
        for view, model in (
            (self.team_view, self.team_model),
            (self.expert_view, self.expert_model),
            (self.expiring_view, self.expiring_model),
        ):
            fit_columns(view, model)
        self.show_empty(not data.teams and not data.experts)
        if self.team_model.rowCount() and self._team_id is None:
            self.team_view.selectRow(0)
        elif self._team_id is not None:
            self._load_detail(self._team_id)
        else:
            self.ready.emit()

    def _apply_search(self) -> None:
        self.team_model.set_query(self.search_edit.text())
        self._show_count()

    def _apply_filters(self) -> None:
        self.team_model.set_column_filter("team_class", self.class_combo.currentData())
        self.team_model.set_column_filter("status", self.status_combo.currentData())
        specialty = self.specialty_combo.currentData()
        # A team has several specialties: the sets holding the one chosen pass.
        self.team_model.set_membership_filter(
            "specialty_codes",
            None
            if specialty is None
            else {codes for codes in self._specialty_sets if specialty in codes},
        )
        self._apply_search()

    def _show_count(self) -> None:
        shown, total = self.team_model.rowCount(), self.team_model.total_rows()
        self.count_label.setText(
            fill(self.tr("%1 teams"), f"{total:,}")
            if shown == total
            else fill(self.tr("%1 of %2 teams"), f"{shown:,}", f"{total:,}")
        )

    def _team_chosen(self) -> None:
        index = self.team_view.currentIndex()
        if not index.isValid():
            return
        row: Any = self.team_model.row_at(index.row())
        self._team_id = row.id
        self._enable_actions()
        self._load_detail(row.id)

    @staticmethod
    def _current(view: QTableView, model: RowTableModel) -> Any:
        index = view.currentIndex()
        return model.row_at(index.row()) if index.isValid() else None

    # -- entry ------------------------------------------------------------------------------

    def _saved(self, accepted: bool, message: str) -> None:
        if accepted:
            self.banner.show_info(message)
            self.refresh()

    def new_team(self) -> None:
        team_id, accepted = TeamForm.edit(self, self.db, self.actor)
        if accepted:
            self._team_id = team_id
        self._saved(accepted, self.tr("The team is saved."))

    def edit_team(self) -> None:
        if self._team_id is not None:
            _id, accepted = TeamForm.edit(self, self.db, self.actor, self._team_id)
            self._saved(accepted, self.tr("The team is saved."))

    def change_status(self) -> None:
        if self._team_id is not None:
            _id, accepted = StatusForm.edit(self, self.db, self.actor, self._team_id)
            self._saved(accepted, self.tr("The status change is recorded in the team's history."))

    def add_member(self) -> None:
        if self._team_id is not None:
            _id, accepted = MemberForm.edit(self, self.db, self.actor, team_id=self._team_id)
            self._saved(accepted, self.tr("The member is saved."))

    def edit_member(self) -> None:
        member = self._current(self.member_view, self.member_model)
        if self._team_id is not None and member is not None:
            _id, accepted = MemberForm.edit(
                self, self.db, self.actor, member.id, team_id=self._team_id
            )
            self._saved(accepted, self.tr("The member is saved."))

    def record_certificate(self) -> None:
        member = self._current(self.member_view, self.member_model)
        if member is not None:
            _id, accepted = CertificateForm.edit(
                self, self.db, self.actor, member.rescuer_id, person=member.name
            )
            self._saved(accepted, self.tr("The certificate is recorded."))

    def record_insurance(self) -> None:
        member = self._current(self.member_view, self.member_model)
        if member is not None:
            _id, accepted = InsuranceForm.edit(
                self, self.db, self.actor, member.rescuer_id, person=member.name
            )
            self._saved(accepted, self.tr("The insurance policy is recorded."))

    def add_equipment(self) -> None:
        if self._team_id is not None:
            _id, accepted = EquipmentForm.edit(self, self.db, self.actor, team_id=self._team_id)
            self._saved(accepted, self.tr("The equipment is saved."))

    def edit_equipment(self) -> None:
        item = self._current(self.equipment_view, self.equipment_model)
        if self._team_id is not None and item is not None:
            _id, accepted = EquipmentForm.edit(
                self, self.db, self.actor, item.id, team_id=self._team_id
            )
            self._saved(accepted, self.tr("The equipment is saved."))

    def _reach_asked(self) -> None:
        if self._team_id is not None:
            self.show_reach.emit(self._team_id)

    def _load_detail(self, team_id: int) -> None:
        def arrived(result: TeamDetail | None, error: BaseException | None) -> None:
            if error is not None or result is None:
                self.load_failed(error)
                return
            if team_id != self._team_id:
                return
            self.member_model.set_rows(result.members, result.member_keys)
            self.equipment_model.set_rows(result.equipment)
            self.history_model.set_rows(result.history)
            self._enable_actions()
            fit_columns(self.member_view, self.member_model)
            fit_columns(self.equipment_view, self.equipment_model)
            fit_columns(self.history_view, self.history_model)
            self.ready.emit()

        run_in_background(
            load_team_detail, arrived, owner=self, db=self.db, actor=self.actor, team_id=team_id
        )
