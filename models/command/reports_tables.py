"""The tables of reports upward: the reports of an event, to whom each was sent, and the
deadlines by report kind and event grade."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.messages import QT_TRANSLATE_NOOP

# The kinds of report upward, in the order an event has them.
REPORT_KINDS = {
    "initial": QT_TRANSLATE_NOOP("Label", "Initial report"),
    "followup": QT_TRANSLATE_NOOP("Label", "Follow-up report"),
    "daily": QT_TRANSLATE_NOOP("Label", "Daily report"),
    "final": QT_TRANSLATE_NOOP("Label", "Final report"),
}
ANY_GRADE = "any"  # a deadline for events of every grade not named otherwise
SIGNER_LIMIT = 40
TITLE_LIMIT = 200
TEXT_LIMIT = 20000


class EventReport(Base):
    """A report of an event: drafted, edited, signed (and numbered), sent."""

    __tablename__ = "event_reports"
    __table_args__ = (
        UniqueConstraint("event_id", "kind", "sequence"),
        CheckConstraint("kind IN ('initial', 'followup', 'daily', 'final')", name="kind"),
        CheckConstraint("sent_at IS NULL OR signed_at IS NOT NULL", name="sent_signed"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    sequence: Mapped[int] = mapped_column(Integer)  # 0 the initial and final, N the Nth
    title: Mapped[str] = mapped_column(String(TITLE_LIMIT))
    text: Mapped[str] = mapped_column(Text)
    facts: Mapped[str] = mapped_column(Text)  # JSON: what the draft was made from
    drafted_at: Mapped[datetime]
    drafted_by: Mapped[str] = mapped_column(String(60))
    edited_at: Mapped[datetime | None]
    edited_by: Mapped[str | None] = mapped_column(String(60))
    signer: Mapped[str | None] = mapped_column(String(SIGNER_LIMIT))
    signed_at: Mapped[datetime | None]
    signed_by: Mapped[str | None] = mapped_column(String(60))  # who recorded the signature
    doc_number: Mapped[str | None] = mapped_column(String(60))
    sent_at: Mapped[datetime | None]
    sent_by: Mapped[str | None] = mapped_column(String(60))


class ReportRecipient(Base):
    """A unit a report was sent to (its name kept as it was then)."""

    __tablename__ = "event_report_recipients"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("event_reports.id", ondelete="CASCADE"), index=True
    )
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("member_units.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(80))


class ReportDeadline(Base):
    """How long after its occasion a report kind is due, for events of a grade
    (``ANY_GRADE``: every grade without a row of its own): by phone (None: no phone
    report asked) and in writing."""

    __tablename__ = "report_deadlines"
    __table_args__ = (UniqueConstraint("kind", "grade"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    grade: Mapped[str] = mapped_column(String(10))
    phone_minutes: Mapped[int | None] = mapped_column(Integer)
    written_minutes: Mapped[int] = mapped_column(Integer)


@dataclass(frozen=True, slots=True)
class ReportRow:
    id: int
    event_id: int
    kind: str
    sequence: int
    title: str
    text: str
    drafted_at: datetime
    drafted_by: str
    edited_at: datetime | None
    signer: str | None
    signed_at: datetime | None
    doc_number: str | None
    sent_at: datetime | None
    sent_by: str | None
    recipients: tuple[str, ...]

    @property
    def state(self) -> str:
        """draft, signed or sent."""
        if self.sent_at is not None:
            return "sent"
        return "signed" if self.signed_at is not None else "draft"

    @property
    def name(self) -> str:
        """首报, 续报一, 日报二, 终报: the report's name on paper (always Chinese)."""
        return report_name(self.kind, self.sequence)


_DIGITS = "零一二三四五六七八九"


def chinese_count(number: int) -> str:
    """一 … 九十九."""
    if not 0 < number < 100:
        return str(number)
    tens, units = divmod(number, 10)
    if tens == 0:
        return _DIGITS[units]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else "")


def report_name(kind: str, sequence: int) -> str:
    if kind == "initial":
        return "首报"
    if kind == "final":
        return "终报"
    word = "续报" if kind == "followup" else "日报"
    return word + chinese_count(sequence)


def report_row(report: EventReport, recipients: tuple[str, ...]) -> ReportRow:
    return ReportRow(
        report.id,
        report.event_id,
        report.kind,
        report.sequence,
        report.title,
        report.text,
        report.drafted_at,
        report.drafted_by,
        report.edited_at,
        report.signer,
        report.signed_at,
        report.doc_number,
        report.sent_at,
        report.sent_by,
        recipients,
    )
