"""The contingency plan library's tables: plans and the steps of their life, versions with
their document files and structured content (stages, triggers, actions), drills with their
follow-ups, and plans activated during an event with their checklists."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.text_index import register_text

CODE_LIMIT, TITLE_LIMIT, DOC_NUMBER_LIMIT, PERSON_LIMIT = 40, 200, 60, 40
FILE_NAME_LIMIT = 200


class Plan(Base):
    """A contingency plan (应急预案) of the county's plan system."""

    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE_LIMIT), unique=True)
    title: Mapped[str] = mapped_column(String(TITLE_LIMIT))
    plan_class: Mapped[str] = mapped_column(String(20))
    category: Mapped[str | None] = mapped_column(String(20))
    event_type: Mapped[str | None] = mapped_column(String(30))
    owner_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("member_units.id", ondelete="RESTRICT"), index=True
    )
    approver_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("member_units.id", ondelete="RESTRICT")
    )
    doc_number: Mapped[str | None] = mapped_column(String(DOC_NUMBER_LIMIT))
    issued_on: Mapped[date | None] = mapped_column(Date)
    filed_on: Mapped[date | None] = mapped_column(Date)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("plans.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(20))
    # The revision timetable (修订时间表): when the next revision is to be finished.
    revision_due: Mapped[date | None] = mapped_column(Date)
    # Years between evaluations; None: the library's default.
    evaluation_years: Mapped[int | None] = mapped_column(Integer)
    evaluated_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class PlanStep(Base):
    """One step of a plan's life (drafting, expert review, publication, filing …)."""

    __tablename__ = "plan_steps"
    __table_args__ = ({"info": {"console_rights": "append"}},)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="RESTRICT"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    on: Mapped[date] = mapped_column(Date)
    person: Mapped[str | None] = mapped_column(String(PERSON_LIMIT))
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(60))
    recorded_at: Mapped[datetime]


class PlanVersion(Base):
    """A version of a plan: its documents and its structured content. ``search_text``
    holds the title, the structured content and the documents' extracted text, in the
    text index."""

    __tablename__ = "plan_versions"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="RESTRICT"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(60))
    issued_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime]


class PlanFile(Base):
    """A document file of a version (PDF, DOCX, WPS …), kept in the database."""

    __tablename__ = "plan_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(FILE_NAME_LIMIT))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    extracted_text: Mapped[str | None] = mapped_column(Text)


class PlanStage(Base):
    """One response stage of a version: the sea-typhoon stage or Ⅳ … Ⅰ, with its trigger."""

    __tablename__ = "plan_stages"
    __table_args__ = (UniqueConstraint("version_id", "level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), index=True
    )
    level: Mapped[str] = mapped_column(String(4))
    trigger: Mapped[str | None] = mapped_column(Text)


class PlanAction(Base):
    """One action of a stage: its group, its text, the responsible unit and time limit."""

    __tablename__ = "plan_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(
        ForeignKey("plan_stages.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    group: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("member_units.id", ondelete="RESTRICT"), index=True
    )
    time_limit_minutes: Mapped[int | None] = mapped_column(Integer)


class PlanDrill(Base):
    """A drill (演练) of a plan."""

    __tablename__ = "plan_drills"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="RESTRICT"), index=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    organisers: Mapped[str | None] = mapped_column(Text)
    participants: Mapped[str | None] = mapped_column(Text)
    scenario: Mapped[str | None] = mapped_column(Text)
    findings: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(60))


class DrillFollowUp(Base):
    """A follow-up action of a drill, tracked until it is closed."""

    __tablename__ = "drill_follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    drill_id: Mapped[int] = mapped_column(
        ForeignKey("plan_drills.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(80))
    due_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class DrillExercise(Base):
    """A plan action a drill exercised."""

    __tablename__ = "drill_exercises"

    drill_id: Mapped[int] = mapped_column(
        ForeignKey("plan_drills.id", ondelete="CASCADE"), primary_key=True
    )
    action_id: Mapped[int] = mapped_column(
        ForeignKey("plan_actions.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class PlanActivation(Base):
    """A plan activated for an event at a stage; its checklist is ``ChecklistItem``."""

    __tablename__ = "plan_activations"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="RESTRICT"), index=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="RESTRICT"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("plan_versions.id", ondelete="RESTRICT"))
    stage: Mapped[str] = mapped_column(String(4))
    activated_at: Mapped[datetime]
    activated_by: Mapped[str] = mapped_column(String(60))
    ended_at: Mapped[datetime | None]
    ended_by: Mapped[str | None] = mapped_column(String(60))


class ChecklistItem(Base):
    """One action on an activated plan's checklist; its time limit runs from ``added_at``."""

    __tablename__ = "plan_checklist_items"
    __table_args__ = (UniqueConstraint("activation_id", "action_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    activation_id: Mapped[int] = mapped_column(
        ForeignKey("plan_activations.id", ondelete="CASCADE"), index=True
    )
    action_id: Mapped[int] = mapped_column(ForeignKey("plan_actions.id", ondelete="RESTRICT"))
    level: Mapped[str] = mapped_column(String(4))
    added_at: Mapped[datetime]
    done_at: Mapped[datetime | None]
    done_by: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(Text)


PLAN_TEXTS = register_text("plan_text", PlanVersion.search_text)
