"""Movements entered on the supplies page, made for the keyboard: Alt+1 … Alt+7 choose the
kind (receipt, issue, completing a slip issued on a leader's word, return, transfer,
receiving a transfer, write-off), Tab walks the fields, Enter adds a line of goods,
Ctrl+Enter saves. Each kind is written through the ledger's own function in one writing
unit of work; a refusal is shown in the page's banner and the form keeps what was typed.
Only the kinds the user's role may record are offered."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.messages import QT_TRANSLATE_NOOP
from models.refusals import ValidationError
from models.supplies.entry import (
    BatchChoice,
    MovementChoices,
    batches_at,
    movement_choices,
)
from models.users import Actor, Permission
from ui.common.operations import Outcome, run_operation
from ui.common.styles import NOTE_COLOUR
from ui.common.widgets import Banner
from ui.common.worker import run_in_background
from ui.supplies.entry_widgets import GoodsEditor
from ui.supplies.movement_forms import FORMS, Form, WriteOffForm, kind_title

KINDS: tuple[tuple[str, str, Permission], ...] = (
    (
        "receipt",
        QT_TRANSLATE_NOOP("SupplyMovements", "Receipt (入库)"),
        Permission.RECEIVE_SUPPLIES,
    ),
    ("issue", QT_TRANSLATE_NOOP("SupplyMovements", "Issue (出库)"), Permission.ISSUE_SUPPLIES),
    (
        "complete",
        QT_TRANSLATE_NOOP("SupplyMovements", "Complete a slip (先调后补)"),
        Permission.ISSUE_SUPPLIES,
    ),
    ("return", QT_TRANSLATE_NOOP("SupplyMovements", "Return (归还)"), Permission.RECEIVE_SUPPLIES),
    (
        "transfer",
        QT_TRANSLATE_NOOP("SupplyMovements", "Transfer (调拨)"),
        Permission.ISSUE_SUPPLIES,
    ),
    (
        "arrival",
        QT_TRANSLATE_NOOP("SupplyMovements", "Receive a transfer"),
        Permission.RECEIVE_SUPPLIES,
    ),
    (
        "write_off",
        QT_TRANSLATE_NOOP("SupplyMovements", "Write-off (报损)"),
        Permission.ISSUE_SUPPLIES,
    ),
)


def _load_choices(db: Database, actor: Actor) -> MovementChoices:
    with db.session(actor) as session:
        return movement_choices(session=session)


def _load_batches(db: Database, actor: Actor, warehouse_id: int, item_id: int) -> list[BatchChoice]:
    with db.session(actor) as session:
        return batches_at(session=session, warehouse_id=warehouse_id, item_id=item_id)


class MovementsPanel(QWidget):
    """The kinds the role may record, one form each; ``finished`` after every save
    (written or refused) and ``choices_loaded`` once the lists are read."""

    finished = Signal(object)  # the Outcome
    choices_loaded = Signal()

    def __init__(self, db: Database, actor: Actor, banner: Banner) -> None:
        super().__init__()
        self.db = db
        self.actor = actor
        self.banner = banner
        self.kinds = [(key, title) for key, title, needs in KINDS if actor.can(needs)]
        self.forms: dict[str, Form] = {}
        self.kind_combo = QComboBox()
        self.stack = QStackedWidget()
        for key, title in self.kinds:
            self.kind_combo.addItem(kind_title(title), key)
            form = FORMS[key]()
            self.forms[key] = form
            self.stack.addWidget(form)
        write_off_form = self.forms.get("write_off")
        if isinstance(write_off_form, WriteOffForm):
            write_off_form.read_batches = self._read_batches
        for form in self.forms.values():
            for goods in form.findChildren(GoodsEditor):
                goods.refused.connect(self.banner.show_error)
        self.hint_label = QLabel(
            self.tr(
                "Alt+1 … Alt+%1: kind · Tab: next field · Enter: add the line · Ctrl+Enter: save"
            ).replace("%1", str(len(self.kinds)))
        )
        self.hint_label.setStyleSheet(f"color: {NOTE_COLOUR};")
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save)
        top = QHBoxLayout()
        top.addWidget(self.kind_combo)
        top.addWidget(self.hint_label, 1)
        top.addWidget(self.save_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.addLayout(top)
        box.addWidget(self.stack)
        box.addStretch(1)
        self.kind_combo.currentIndexChanged.connect(self.stack.setCurrentIndex)
        self.kind_combo.currentIndexChanged.connect(self._freshen)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        self._saving = False
        self._choices: MovementChoices | None = None
        self._stale: set[str] = set()

    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData() or "")

    @property
    def form(self) -> Form:
        return self.forms[self.kind]

    def choose(self, key: str) -> bool:
        """Show ``key``'s form with focus on its first field; False when not offered."""
        index = self.kind_combo.findData(key)
        if index < 0:
            return False
        self.kind_combo.setCurrentIndex(index)
        first = self.form.form.itemAt(0, QFormLayout.ItemRole.FieldRole)
        widget = first.widget() if first is not None else None
        if widget is not None:
            widget.setFocus()
        return True

    def reload(self) -> None:
        """Read what the forms offer again (after a save, or a change elsewhere)."""
        run_in_background(
            _load_choices, self._choices_arrived, owner=self, db=self.db, actor=self.actor
        )

    def _choices_arrived(
        self, choices: MovementChoices | None, error: BaseException | None
    ) -> None:
        """The shown form takes the lists now, the others when they are next shown (a
        form's lists cost the UI thread tens of milliseconds)."""
        if choices is not None:
            self._choices = choices
            self._stale = set(self.forms)
            self._freshen()
        self.choices_loaded.emit()

    def _freshen(self) -> None:
        key = self.kind
        if self._choices is not None and key in self._stale:
            self._stale.discard(key)
            self.forms[key].set_choices(self._choices)

    def _read_batches(self, warehouse_id: int, item_id: int) -> None:
        form = self.forms["write_off"]
        assert isinstance(form, WriteOffForm)

        def arrived(batches: list[BatchChoice] | None, error: BaseException | None) -> None:
            form.show_batches(batches or [])

        run_in_background(
            _load_batches,
            arrived,
            owner=self,
            db=self.db,
            actor=self.actor,
            warehouse_id=warehouse_id,
            item_id=item_id,
        )

    def save(self) -> None:
        """Write the shown form's movement; a refusal stays in the banner, the form as typed."""
        if self._saving or not self.kinds:
            return
        form = self.form
        try:
            work, arguments = form.collect()
        except ValidationError as refusal:
            self.banner.show_error(refusal.message)
            self.finished.emit(Outcome(refusal=refusal))
            return
        self._saving = True
        self.save_button.setEnabled(False)

        def done(outcome: Outcome[Any]) -> None:
            self._saving = False
            self.save_button.setEnabled(True)
            if outcome.ok:
                self.banner.show_info(form.saved_text(outcome.value))
                form.clear()
                self.reload()
            self.finished.emit(outcome)

        run_operation(
            self.db, self.actor, work, owner=self, on_done=done, show=self.banner, **arguments
        )


def movements_tab(page: Any) -> MovementsPanel | None:
    """The panel as the last tab of the supplies page, for a role that may record a kind;
    Alt+1 … Alt+N anywhere on the page open it on that kind."""
    actor: Actor = page.actor
    if not any(actor.can(needs) for _k, _t, needs in KINDS):
        return None
    panel = MovementsPanel(page.db, actor, page.banner)
    index = page.tabs.addTab(panel, QCoreApplication.translate("SupplyMovements", "Movements"))
    page.tabs.setTabToolTip(
        index, QCoreApplication.translate("SupplyMovements", "Record a movement")
    )
    for number, (key, _title) in enumerate(panel.kinds, start=1):
        shortcut = QShortcut(QKeySequence(f"Alt+{number}"), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda key=key: _open(page, panel, key))
    return panel


def _open(page: Any, panel: MovementsPanel, key: str) -> None:
    page.tabs.setCurrentWidget(panel)
    panel.choose(key)
