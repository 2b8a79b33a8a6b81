"""Audit log tab: the append-only audit log, filtered, newest first; read-only."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.audit import AuditRow, audit_table_names, read_audit
from models.clock import display_time, zone
from models.database import Database
from models.messages import QT_TRANSLATE_NOOP, fill
from models.search import pinyin_sort_key
from models.settings import Settings
from models.users import (
    Actor,
)
from ui.common.operations import problem_text
from ui.common.styles import ERROR_STYLE
from ui.common.table import (
    RIGHT,
    Column,
    RowTableModel,
    fit_columns,
    setup_table_view,
)
from ui.common.worker import run_in_background
from ui.settings.common import C

AUDIT_LIMIT = 2000  # rows the audit tab shows at most; narrower filters reach older ones
FILTER_DELAY_MS = 350

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
        text = ", ".join(
            f"{key}={_value_text(value)}" for key, value in values.items() if value is not None
        )
    if action == "bulk" and rows is not None:
        count = fill(QCoreApplication.translate("AuditLog", "%1 rows"), f"{rows:,}")
        text = f"{count}; {text}" if text else count
    text = " ".join(text.split())  # one line, whatever the values hold
    return text if len(text) <= SUMMARY_MAX else text[: SUMMARY_MAX - 1] + "…"


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
    return AuditLine(
        row.id,
        row.at,
        row.actor,
        row.action,
        row.table_name,
        row.row_id,
        summarise_changes(row.action, row.changes, row.rows),
        row.changes,
        row.rows,
    )


def load_audit(db: Database, actor: Actor, wanted: AuditFilter, limit: int) -> AuditLoad:
    """Runs in a worker thread with its own session."""
    with db.session(actor) as session:
        rows = read_audit(
            session=session,
            limit=limit + 1,
            table_name=wanted.table_name,
            actor=wanted.actor,
            action=wanted.action,
            text=wanted.text,
            since=wanted.since,
        )
        tables = audit_table_names(session=session)
    return AuditLoad([_line(row) for row in rows[:limit]], len(rows) > limit, tables)


def _audit_columns(tz: Callable[[], ZoneInfo]) -> tuple[Column, ...]:
    return (
        Column(
            "at",
            QT_TRANSLATE_NOOP("SettingsColumns", "Time"),
            C,
            lambda v: display_time(v, seconds=True, tz=tz()),
        ),
        Column("actor", QT_TRANSLATE_NOOP("SettingsColumns", "User"), C, sort_key=pinyin_sort_key),
        Column("action", QT_TRANSLATE_NOOP("SettingsColumns", "Action"), C, action_label),
        Column("table_name", QT_TRANSLATE_NOOP("SettingsColumns", "Table"), C),
        Column(
            "row_id",
            QT_TRANSLATE_NOOP("SettingsColumns", "Row"),
            C,
            alignment=RIGHT,
            sort_key=lambda v: (0, int(v), "") if v.isdigit() else (1, 0, v),
            max_width=90,
        ),
        Column("summary", QT_TRANSLATE_NOOP("SettingsColumns", "Changes"), C, max_width=900),
    )


class AuditTab(QWidget):
    """The audit log, read-only: filters, a table of records and the selected record in full."""

    ready = Signal()  # a load has been applied

    def __init__(
        self, db: Database, actor: Actor, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.settings = settings
        self.loaded = False
        self.limit = AUDIT_LIMIT
        self._generation = 0
        self._fitted = False
        self.model = RowTableModel(
            _audit_columns(lambda: zone(self.settings.timezone)), parent=self
        )

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
        delta = next(
            (d for key, _t, d in AUDIT_PERIODS if key == self.period_combo.currentData()), None
        )
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
            load_audit,
            lambda result, error: self._loaded(generation, result, error),
            db=self.db,
            actor=self.actor,
            wanted=self.current_filter(),
            limit=self.limit,
        )

    def _loaded(
        self, generation: int, result: AuditLoad | None, error: BaseException | None
    ) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # closed, or a newer load is on its way
        if error is not None or result is None:
            self.status_label.setText(
                fill(
                    self.tr("The audit log could not be read: %1"),
                    problem_text(error),
                )
            )
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
            text = fill(
                self.tr(
                    "Showing the latest %1 records; older ones match too. Narrow the "
                    "filters to see them."
                ),
                f"{count:,}",
            )
        elif count:
            text = fill(self.tr("%1 records, newest first."), f"{count:,}")
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
            changes = (
                json.dumps(json.loads(line.changes), ensure_ascii=False, indent=2)
                if line.changes
                else ""
            )
        except ValueError:
            changes = line.changes or ""
        head = [
            f"{display_time(line.at, seconds=True, tz=zone(self.settings.timezone))}  {line.actor}  "
            f"{action_label(line.action)}  {line.table_name}"
            + (f" #{line.row_id}" if line.row_id else ""),
        ]
        if line.rows is not None and line.action == "bulk":
            head.append(fill(QCoreApplication.translate("AuditLog", "%1 rows"), f"{line.rows:,}"))
        self.detail_edit.setPlainText("\n".join([*head, "", changes]).rstrip())
