"""The command page's forms, each a ``RecordForm`` saving through one domain function:
starting an event, a response level change (signer chosen from the day's roster, or
typed), a grade change, ending the event (lifting its response with a history row), an
incident under the event, and a shift of the day's roster. The transfers page opens the
level and end forms too, so every level change is kept as history."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QDialog, QLabel, QWidget
from sqlalchemy.orm import Session

from models.base import utcnow
from models.clock import display_zone
from models.command import (
    INCIDENT_KINDS,
    SHIFTS,
    change_grade,
    change_response_level,
    day_roster,
    duty_day,
    end_event_lifting,
    level_label,
    log_incident,
    roster_leaders,
    set_roster,
    shift_now,
)
from models.database import Database
from models.drawn_areas import drawn_area_names
from models.events import EVENT_KINDS, EventRow, start_event
from models.labels import EVENT_GRADES, LEVEL_ORDER, label
from models.messages import fill
from models.refusals import ValidationError
from models.typhoons import list_typhoons
from models.users import Actor
from ui.common.forms import RecordForm
from ui.common.widgets import CodeCombo


def _now_edit() -> QDateTimeEdit:
    """Now, in the workstation's display zone (as every time the console shows)."""
    now = utcnow().astimezone(display_zone())
    edit = QDateTimeEdit(
        QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))
    )
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    return edit


def _picked_time(edit: QDateTimeEdit, shown: QDateTime) -> datetime | None:
    """The time chosen, or None (now) when the user left it as shown."""
    if edit.dateTime() == shown:
        return None
    day, clock = edit.dateTime().date(), edit.dateTime().time()
    local = datetime(
        day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=display_zone()
    )
    return local.astimezone(UTC)


class _EventForm(RecordForm):
    """A form about the event in progress (``event`` known before the fields are built)."""

    def __init__(self, db: Database, actor: Actor, event: EventRow, parent: QWidget | None) -> None:
        self.event_row = event
        super().__init__(db, actor, parent=parent)

    def _load(self, session: Session, record_id: int) -> Any:
        return None

    def _fill(self, session: Session, record: Any) -> None:
        pass


class LevelForm(_EventForm):
    """Raise, lower or lift the response: level, time, the signing leader (from the day's
    roster, or typed), reason and document number, kept as history."""

    def _prepare(self, session: Session) -> None:
        self.leaders = roster_leaders(session=session)

    def _build(self, session: Session) -> None:
        self.setWindowTitle(self.tr("Response level change"))
        self.level_combo = QComboBox()
        for code in LEVEL_ORDER:
            if code == "sea" and self.event_row.kind != "typhoon":
                continue
            self.level_combo.addItem(level_label(code), code)
        self.level_combo.addItem(self.tr("Lifted (no response in force)"), None)
        current = self.event_row.response_level
        higher = [
            c
            for c in LEVEL_ORDER
            if current is None or LEVEL_ORDER.index(c) > LEVEL_ORDER.index(current)
        ]
        start = self.level_combo.findData(higher[0] if higher else current)
        self.level_combo.setCurrentIndex(max(start, 0))
        self.add_field("level", self.tr("New level"), self.level_combo)
        self.time_edit = _now_edit()
        self.shown_time = self.time_edit.dateTime()
        self.add_field("at", self.tr("Takes effect"), self.time_edit)
        self.signer_combo = QComboBox()
        self.signer_combo.setEditable(True)
        self.signer_combo.addItems(self.leaders)
        line = self.signer_combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("The leader on shift who signed"))
        self.add_field("signer", self.tr("Signed by"), self.signer_combo)
        self.line("reason", self.tr("Reason"), 1000, self.tr("Why the level changes"))
        self.line("doc_number", self.tr("Document number"), 60, self.tr("Optional"))
        note = QLabel(
            fill(
                self.tr("Now: %1. Leaders on today's roster are offered as signers."),
                level_label(current),
            )
            if self.leaders
            else fill(
                self.tr("Now: %1. Today's roster names no leader: type the signer's name."),
                level_label(current),
            )
        )
        note.setWordWrap(True)
        self.form_layout.insertRow(0, note)

    def _collect(self) -> dict[str, Any]:
        value = self.level_combo.currentData()
        return {
            "level": str(value) if value is not None else None,
            "signer": self.signer_combo.currentText(),
            "reason": self.text_of("reason"),
            "doc_number": self.text_of("doc_number"),
            "at": _picked_time(self.time_edit, self.shown_time),
        }

    def _save(self, session: Session, data: dict[str, Any]) -> int:
        change_response_level(session=session, event_id=self.event_row.id, **data)
        return self.event_row.id


class EndEventForm(_EventForm):
    """End the event; a response in force is lifted with it, signed and explained.
    ``note``: what the opening page adds (the people still at home)."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        event: EventRow,
        parent: QWidget | None = None,
        *,
        note: str = "",
    ) -> None:
        self.note = note
        super().__init__(db, actor, event, parent)

    def _prepare(self, session: Session) -> None:
        self.leaders = roster_leaders(session=session)

    def _build(self, session: Session) -> None:
        self.setWindowTitle(self.tr("End the event"))
        self.save_button.setText(self.tr("End the event"))
        text = fill(
            self.tr("End the event %1? Check-in stops; the records and their history are kept."),
            self.event_row.name,
        )
        if self.event_row.response_level is not None:
            text += "\n" + fill(
                self.tr("The response (%1) is lifted with it and the lifting kept in its history."),
                level_label(self.event_row.response_level),
            )
        if self.note:
            text += "\n" + self.note
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.form_layout.addRow(intro)
        self.signer_combo = QComboBox()
        self.signer_combo.setEditable(True)
        self.signer_combo.addItems(self.leaders)
        self.add_field("signer", self.tr("Signed by"), self.signer_combo)
        self.line("reason", self.tr("Reason"), 1000, self.tr("Default: the event ended"))
        self.line("doc_number", self.tr("Document number"), 60, self.tr("Optional"))
        if self.event_row.response_level is None:
            for name in ("signer", "reason", "doc_number"):
                self.fields[name].setEnabled(False)

    def _collect(self) -> dict[str, Any]:
        return {
            "signer": self.signer_combo.currentText(),
            "reason": self.text_of("reason"),
            "doc_number": self.text_of("doc_number"),
        }

    def _save(self, session: Session, data: dict[str, Any]) -> int:
        end_event_lifting(session=session, event_id=self.event_row.id, **data)
        return self.event_row.id


class GradeForm(_EventForm):
    def _build(self, session: Session) -> None:
        self.setWindowTitle(self.tr("Event grade"))
        self.grade_combo = CodeCombo(EVENT_GRADES)
        self.grade_combo.set_code(self.event_row.grade)
        self.add_field("grade", self.tr("Grade"), self.grade_combo)
        self.line("reason", self.tr("Reason"), 1000)

    def _collect(self) -> dict[str, Any]:
        return {"grade": self.grade_combo.code() or "", "reason": self.text_of("reason")}

    def _save(self, session: Session, data: dict[str, Any]) -> int:
        change_grade(session=session, event_id=self.event_row.id, **data)
        return self.event_row.id


class IncidentForm(_EventForm):
    """A landslide or an accident during the event, with its place."""

    def _build(self, session: Session) -> None:
        self.setWindowTitle(self.tr("Log an incident"))
        self.kind_combo = CodeCombo(INCIDENT_KINDS)
        self.add_field("kind", self.tr("Kind"), self.kind_combo)
        self.line("place", self.tr("Place"), 200, self.tr("Where it happened"))
        self.line("division", self.tr("Town or village code"), 12, self.tr("Optional"))
        self.line("description", self.tr("What happened"), 2000)
        self.time_edit = _now_edit()
        self.shown_time = self.time_edit.dateTime()
        self.add_field("at", self.tr("Time"), self.time_edit)

    def _collect(self) -> dict[str, Any]:
        return {
            "kind": self.kind_combo.code() or "",
            "place": self.text_of("place"),
            "division_code": self.text_of("division") or None,
            "description": self.text_of("description"),
            "at": _picked_time(self.time_edit, self.shown_time),
        }

    def _save(self, session: Session, data: dict[str, Any]) -> int:
        return log_incident(session=session, event_id=self.event_row.id, **data).id


class RosterForm(RecordForm):
    """Who is on duty for a shift of today's duty day; a shift already set shows as it is."""

    def _prepare(self, session: Session) -> None:
        self.day = duty_day()
        self.rows = {row.shift: row for row in day_roster(session=session, day=self.day)}

    def _build(self, session: Session) -> None:
        self.setWindowTitle(fill(self.tr("Duty roster of %1"), self.day.isoformat()))
        self.shift_combo = CodeCombo(SHIFTS)
        self.add_field("shift", self.tr("Shift"), self.shift_combo)
        self.line("officers", self.tr("Officers on duty"), 120, self.tr("Names, separated by 、"))
        self.line("leader", self.tr("Leader on shift"), 40)
        self.line("leader_phone", self.tr("Leader's phone"), 40, self.tr("Optional"))
        self.shift_combo.currentIndexChanged.connect(self._shift_chosen)
        self.shift_combo.set_code(shift_now())
        self._shift_chosen()

    def _shift_chosen(self) -> None:
        row = self.rows.get(self.shift_combo.code() or "")
        self.set_text("officers", row.officers if row else "")
        self.set_text("leader", row.leader if row else "")
        self.set_text("leader_phone", row.leader_phone if row else "")

    def _load(self, session: Session, record_id: int) -> Any:
        return None

    def _fill(self, session: Session, record: Any) -> None:
        pass

    def _collect(self) -> dict[str, Any]:
        return {
            "shift": self.shift_combo.code() or "",
            "officers": self.text_of("officers"),
            "leader": self.text_of("leader"),
            "leader_phone": self.text_of("leader_phone"),
        }

    def _save(self, session: Session, data: dict[str, Any]) -> int:
        set_roster(session=session, day=self.day, **data)
        return 0


class StartEventForm(RecordForm):
    """Start an event: kind, name and number, grade, the typhoon it follows, area."""

    collected: dict[str, Any] | None = None

    def _prepare(self, session: Session) -> None:
        self.typhoons = [(t.code, f"{t.code} {t.name}") for t in list_typhoons(session=session)]
        self.drawn_areas = drawn_area_names(session=session)

    def _build(self, session: Session) -> None:
        self.setWindowTitle(self.tr("Start an event"))
        self.save_button.setText(self.tr("Start"))
        self.kind_combo = CodeCombo(EVENT_KINDS)
        self.add_field("kind", self.tr("Kind"), self.kind_combo)
        self.line("name", self.tr("Name"), 80, self.tr("Such as 2606号台风防御"))
        self.line("number", self.tr("Number"), 40, self.tr("Optional, such as 2026-06"))
        self.grade_combo = CodeCombo(EVENT_GRADES, empty_text=self.tr("Not graded yet"))
        self.add_field("grade", self.tr("Grade"), self.grade_combo)
        self.typhoon_combo = QComboBox()
        self.typhoon_combo.addItem(self.tr("None"), None)
        for code, title in self.typhoons:
            self.typhoon_combo.addItem(title, code)
        self.add_field("typhoon", self.tr("Typhoon followed"), self.typhoon_combo)
        self.line("area", self.tr("Area"), 200, self.tr("The county, or the towns concerned"))
        self.drawn_area_combo = QComboBox()
        self.drawn_area_combo.addItem(self.tr("None"), None)
        for name in self.drawn_areas:
            self.drawn_area_combo.addItem(name, name)
        self.drawn_area_combo.setToolTip(self.tr("An area drawn on the map and saved there"))
        self.add_field("drawn_area", self.tr("Drawn area"), self.drawn_area_combo)

    def _load(self, session: Session, record_id: int) -> Any:
        return None

    def _fill(self, session: Session, record: Any) -> None:
        pass

    def _collect(self) -> dict[str, Any]:
        typhoon = self.typhoon_combo.currentData()
        return {
            "kind": self.kind_combo.code() or "typhoon",
            "name": self.text_of("name"),
            "number": self.text_of("number"),
            "grade": self.grade_combo.code(),
            "typhoon_code": str(typhoon) if typhoon is not None else None,
            "area": self.text_of("area"),
            "drawn_area": self.drawn_area_combo.currentData(),
        }

    def accept(self) -> None:
        """Collect only: starting opens a transfer record for every household on the
        register, which the page runs off the UI thread (``collected`` holds the fields)."""
        self._clear_errors()
        self.collected = self._collect()
        if not self.collected["name"].strip():
            self._show_problems(ValidationError([("name", self.tr("Give the event a name."))]))
            return
        QDialog.accept(self)

    def _save(self, session: Session, data: dict[str, Any]) -> int:
        return start_event(session=session, **data).id


def grade_text(code: str | None) -> str:
    return label(EVENT_GRADES, code) if code else ""
