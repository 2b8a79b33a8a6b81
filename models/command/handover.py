"""Shift handover (交接班): the officer handing over and the officer taking over each
confirm with their own password a summary of the shift's entries, the follow-ups still
open and the open items (遗留问题) the next shift must pursue. The handover is kept (never
changed, as the log) and written into the duty log."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from sqlalchemy import ForeignKey, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, utcnow
from models.command.dutylog import (
    LOG_KINDS,
    WRITE_DUTY_LOG,
    DutyLogRefused,
    write_console_entry,
)
from models.command.dutylog_rows import DutyLogRow, LogFilter, list_entries, open_follow_ups
from models.events import active_event
from models.fields import FieldChecker
from models.labels import label
from models.messages import fill
from models.pg_roles import CONSOLE_RIGHTS
from models.users import Actor, User, require, verify_password

# A shift without an earlier handover is taken to have started this long before it.
DEFAULT_SHIFT = timedelta(hours=12)
OPEN_ITEMS_LIMIT = 4000


class DutyHandover(Base):
    __tablename__ = "duty_handovers"
    __table_args__ = ({"info": {CONSOLE_RIGHTS: "append"}},)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    shift_start: Mapped[datetime]
    from_user: Mapped[str] = mapped_column(String(60))
    to_user: Mapped[str] = mapped_column(String(60))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="RESTRICT"))
    entries: Mapped[int]
    open_follow_ups: Mapped[int]
    summary: Mapped[str] = mapped_column(Text)
    open_items: Mapped[str | None] = mapped_column(Text)
    log_entry_id: Mapped[int] = mapped_column(ForeignKey("duty_log.id", ondelete="RESTRICT"))


@dataclass(frozen=True, slots=True)
class HandoverDraft:
    """What a handover will confirm: the shift's entries and the open follow-ups."""

    shift_start: datetime
    at: datetime
    event_id: int | None
    entries: tuple[DutyLogRow, ...]
    open_follow_ups: tuple[DutyLogRow, ...]

    @property
    def summary(self) -> str:
        """Entries by kind, one line: 来电 12, 指令 3 …"""
        counts = Counter(row.kind for row in self.entries)
        parts = [f"{label(LOG_KINDS, kind)} {n}" for kind, n in sorted(counts.items())]
        return "; ".join(parts) if parts else QCoreApplication.translate("DutyLog", "No entries.")


@dataclass(frozen=True, slots=True)
class HandoverRow:
    id: int
    at: datetime
    shift_start: datetime
    from_user: str
    to_user: str
    event_id: int | None
    entries: int
    open_follow_ups: int
    summary: str
    open_items: str | None
    log_entry_id: int


def _row(h: DutyHandover) -> HandoverRow:
    return HandoverRow(
        h.id,
        h.at,
        h.shift_start,
        h.from_user,
        h.to_user,
        h.event_id,
        h.entries,
        h.open_follow_ups,
        h.summary,
        h.open_items,
        h.log_entry_id,
    )


def last_handover(*, session: Session) -> HandoverRow | None:
    latest = session.scalar(
        select(DutyHandover).order_by(DutyHandover.at.desc(), DutyHandover.id.desc()).limit(1)
    )
    return _row(latest) if latest is not None else None


def get_handover(*, session: Session, handover_id: int | None = None) -> HandoverRow | None:
    """A handover by id, or the latest when no id is given."""
    if handover_id is None:
        return last_handover(session=session)
    found = session.get(DutyHandover, handover_id)
    return _row(found) if found is not None else None


def draft_handover(*, session: Session, now: datetime | None = None) -> HandoverDraft:
    """The shift since the last handover (or the last 12 hours): its entries, the open
    follow-ups, for the event in progress."""
    moment = now or utcnow()
    last = last_handover(session=session)
    start = last.at if last is not None else moment - DEFAULT_SHIFT
    event = active_event(session=session)
    entries = list_entries(session=session, where=LogFilter(since=start, until=moment), limit=None)
    entries = [row for row in reversed(entries) if row.kind != "handover"]  # oldest first
    follow_ups = open_follow_ups(session=session)
    return HandoverDraft(
        start, moment, event.id if event else None, tuple(entries), tuple(follow_ups)
    )


def _officer(session: Session, name: str, password: str, wrong: str) -> Actor:
    """The officer confirming with the password; ``wrong`` the refusal when it is not his."""
    user = session.scalar(select(User).where(User.name == name.strip()))
    if user is None or not user.active or not verify_password(password, user.password_hash):
        raise DutyLogRefused(wrong)
    officer = Actor(user.name, user.role)
    if not officer.can(WRITE_DUTY_LOG):
        raise DutyLogRefused(
            fill(
                QCoreApplication.translate(
                    "DutyLog", "%1 may not keep the duty log, so cannot take part in a handover."
                ),
                user.name,
            )
        )
    return officer


def hand_over(
    *,
    session: Session,
    from_user: str,
    from_password: str,
    to_user: str,
    to_password: str,
    open_items: str | None = None,
    now: datetime | None = None,
) -> HandoverRow:
    """Confirm a handover with both officers' passwords; keep it and log it."""
    require(session, WRITE_DUTY_LOG)
    checker = FieldChecker()
    items = checker.text("open_items", open_items, OPEN_ITEMS_LIMIT)
    checker.done()
    giving = _officer(
        session,
        from_user,
        from_password,
        QCoreApplication.translate(
            "DutyLog",
            "The name or password of the officer handing over is wrong: nothing was handed over.",
        ),
    )
    taking = _officer(
        session,
        to_user,
        to_password,
        QCoreApplication.translate(
            "DutyLog",
            "The name or password of the officer taking over is wrong: nothing was handed over.",
        ),
    )
    if giving.name == taking.name:
        raise DutyLogRefused(
            QCoreApplication.translate("DutyLog", "The officer taking over must be someone else.")
        )
    draft = draft_handover(session=session, now=now)
    text = fill(
        QCoreApplication.translate(
            "DutyLog", "Shift handed over by %1 to %2: %3 entries, %4 follow-ups open."
        ),
        giving.name,
        taking.name,
        str(len(draft.entries)),
        str(len(draft.open_follow_ups)),
    )
    if items:
        text += " " + fill(QCoreApplication.translate("DutyLog", "Open items: %1"), items)
    log_id = write_console_entry(
        session=session, kind="handover", content=text, event_id=draft.event_id, at=draft.at
    )
    handover = DutyHandover(
        at=draft.at,
        shift_start=draft.shift_start,
        from_user=giving.name,
        to_user=taking.name,
        event_id=draft.event_id,
        entries=len(draft.entries),
        open_follow_ups=len(draft.open_follow_ups),
        summary=draft.summary,
        open_items=items,
        log_entry_id=log_id,
    )
    session.add(handover)
    session.flush()
    return _row(handover)


def handover_entries(*, session: Session, handover: HandoverRow) -> list[DutyLogRow]:
    """The entries of a handover's shift, oldest first (the handover's own excluded)."""
    rows = list_entries(
        session=session,
        where=LogFilter(since=handover.shift_start, until=handover.at),
        limit=None,
    )
    rows.reverse()
    return [row for row in rows if row.kind != "handover"]
