"""Drills (演练) of plans: date, kind, organisers, participants, scenario, findings, the
plan actions exercised, and follow-up actions with owners and due dates until closed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.fields import FieldChecker
from models.messages import fill
from models.plans.codes import DRILL_KINDS
from models.plans.library import plan_by_code
from models.plans.tables import (
    DrillExercise,
    DrillFollowUp,
    PlanAction,
    PlanDrill,
    PlanStage,
    PlanVersion,
)
from models.refusals import Conflict, NotFound
from models.users import Permission, require


def _t(text: str) -> str:
    return QCoreApplication.translate("Plans", text)


@dataclass(frozen=True, slots=True)
class FollowUpFields:
    action: str
    owner: str
    due_on: date


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    id: int
    action: str
    owner: str
    due_on: date
    closed_on: date | None
    note: str | None


@dataclass(frozen=True, slots=True)
class DrillRow:
    id: int
    plan_code: str
    held_on: date
    kind: str
    organisers: str | None
    participants: str | None
    scenario: str | None
    findings: str | None
    exercised: tuple[int, ...]
    follow_ups: tuple[FollowUpRow, ...]


def record_drill(
    *,
    session: Session,
    code: str,
    held_on: date,
    kind: str,
    organisers: str | None = None,
    participants: str | None = None,
    scenario: str | None = None,
    findings: str | None = None,
    exercised: Sequence[int] = (),
    follow_ups: Sequence[FollowUpFields] = (),
) -> DrillRow:
    """Record a drill of the plan; ``exercised`` names actions of the plan's versions."""
    actor = require(session, Permission.EDIT_PLANS)
    plan = plan_by_code(session, code)
    checker = FieldChecker()
    checker.code(
        "kind",
        kind,
        DRILL_KINDS,
        fill(QCoreApplication.translate("Plans", "Unknown kind of drill: %1"), kind),
    )
    values = {
        "organisers": checker.text("organisers", organisers, 1000),
        "participants": checker.text("participants", participants, 2000),
        "scenario": checker.text("scenario", scenario, 4000),
        "findings": checker.text("findings", findings, 4000),
    }
    if held_on > utcnow().date():
        checker.add(
            "held_on",
            QCoreApplication.translate("Plans", "A drill cannot be recorded before it is held."),
        )
    own_actions = set(
        session.scalars(
            select(PlanAction.id)
            .join(PlanStage, PlanStage.id == PlanAction.stage_id)
            .join(PlanVersion, PlanVersion.id == PlanStage.version_id)
            .where(PlanVersion.plan_id == plan.id, PlanAction.id.in_(list(exercised)))
        )
    )
    if own_actions != set(exercised):
        checker.add(
            "exercised",
            QCoreApplication.translate(
                "Plans", "Some actions exercised are not actions of this plan."
            ),
        )
    for n, follow_up in enumerate(follow_ups):
        checker.text(
            f"follow_ups[{n}].action",
            follow_up.action,
            2000,
            QCoreApplication.translate("Plans", "Describe the action."),
        )
        checker.text(
            f"follow_ups[{n}].owner",
            follow_up.owner,
            80,
            QCoreApplication.translate("Plans", "Name who owns it."),
        )
    checker.done()
    drill = PlanDrill(plan_id=plan.id, held_on=held_on, kind=kind, recorded_by=actor.name, **values)
    session.add(drill)
    session.flush()
    for action_id in sorted(own_actions):
        session.add(DrillExercise(drill_id=drill.id, action_id=action_id))
    for follow_up in follow_ups:
        session.add(
            DrillFollowUp(
                drill_id=drill.id,
                action=follow_up.action.strip(),
                owner=follow_up.owner.strip(),
                due_on=follow_up.due_on,
            )
        )
    session.flush()
    return _row(session, drill)


def close_follow_up(
    *, session: Session, follow_up_id: int, closed_on: date, note: str | None = None
) -> FollowUpRow:
    """Close a drill's follow-up action."""
    require(session, Permission.EDIT_PLANS)
    follow_up = session.get(DrillFollowUp, follow_up_id)
    if follow_up is None:
        raise NotFound(
            QCoreApplication.translate("Plans", "This follow-up action no longer exists.")
        )
    if follow_up.closed_on is not None:
        raise Conflict(
            QCoreApplication.translate("Plans", "This follow-up action is closed already.")
        )
    held_on = session.scalar(select(PlanDrill.held_on).where(PlanDrill.id == follow_up.drill_id))
    if held_on is not None and closed_on < held_on:
        raise Conflict(
            QCoreApplication.translate(
                "Plans", "A follow-up action cannot be closed before its drill."
            )
        )
    checker = FieldChecker()
    follow_up.note = checker.text("note", note, 2000)
    checker.done()
    follow_up.closed_on = closed_on
    session.flush()
    return _follow_up(follow_up)


def list_drills(*, session: Session, code: str | None = None) -> list[DrillRow]:
    """Drills, latest first; of one plan when ``code`` is given."""
    require(session, Permission.READ_REGISTER)
    query = select(PlanDrill).order_by(PlanDrill.held_on.desc(), PlanDrill.id.desc())
    if code is not None:
        query = query.where(PlanDrill.plan_id == plan_by_code(session, code).id)
    return [_row(session, drill) for drill in session.scalars(query)]


def _follow_up(f: DrillFollowUp) -> FollowUpRow:
    return FollowUpRow(f.id, f.action, f.owner, f.due_on, f.closed_on, f.note)


def _row(session: Session, drill: PlanDrill) -> DrillRow:
    from models.plans.tables import Plan

    code = session.scalar(select(Plan.code).where(Plan.id == drill.plan_id)) or ""
    exercised = tuple(
        session.scalars(
            select(DrillExercise.action_id)
            .where(DrillExercise.drill_id == drill.id)
            .order_by(DrillExercise.action_id)
        )
    )
    follow_ups = tuple(
        _follow_up(f)
        for f in session.scalars(
            select(DrillFollowUp)
            .where(DrillFollowUp.drill_id == drill.id)
            .order_by(DrillFollowUp.id)
        )
    )
    return DrillRow(
        drill.id,
        code,
        drill.held_on,
        drill.kind,
        drill.organisers,
        drill.participants,
        drill.scenario,
        drill.findings,
        exercised,
        follow_ups,
    )
