"""A plan activated during an event: the checklist of the actions of its stage and every
lower one, each with its responsible unit and a time limit counted from when the action
joined the list; actions ticked with time and note. Raising the stage adds the new
stages' actions and keeps what is done; lowering or ending keeps the record. A level
change of the event (``ResponseLevelChanged``) moves its active plans with it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.command.units import MemberUnit
from models.domain_events import EventEnded, PlanActivated, ResponseLevelChanged, emit, subscribe
from models.events import Event
from models.fields import FieldChecker
from models.messages import fill
from models.plans.codes import FINAL_STATUSES, IN_FORCE, STAGE_ORDER, stage_rank, stages_up_to
from models.plans.library import PlanRow, plan_by_code, plan_row
from models.plans.tables import (
    ChecklistItem,
    Plan,
    PlanAction,
    PlanActivation,
    PlanStage,
)
from models.plans.versions import latest_version_id
from models.refusals import Conflict, NotFound
from models.users import Permission, actor_of, require


def _t(text: str) -> str:
    return QCoreApplication.translate("Plans", text)


@dataclass(frozen=True, slots=True)
class ActivationRow:
    id: int
    event_id: int
    plan_code: str
    plan_title: str
    stage: str
    activated_at: datetime
    activated_by: str
    ended_at: datetime | None


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    id: int
    level: str
    group: str
    text: str
    unit: str | None
    time_limit_minutes: int | None
    due_at: datetime | None
    done_at: datetime | None
    done_by: str | None
    note: str | None
    above_stage: bool  # its stage is above the one in force (the plan was lowered)

    def overdue(self, now: datetime) -> bool:
        return self.done_at is None and self.due_at is not None and self.due_at < now


def activate_plan(
    *,
    session: Session,
    code: str,
    stage: str,
    event_id: int | None = None,
    at: datetime | None = None,
) -> ActivationRow:
    """Activate the plan's latest version for the event (the one in progress when
    ``event_id`` is None) at ``stage``: its checklist holds that stage's actions and every
    lower stage's. Announces ``PlanActivated``."""
    actor = require(session, Permission.RUN_PLANS)
    plan = plan_by_code(session, code)
    event = _event_in_progress(session, event_id)
    if stage not in STAGE_ORDER:
        raise Conflict(
            fill(QCoreApplication.translate("Plans", "Unknown response stage: %1"), stage)
        )
    if stage == "sea" and event.kind != "typhoon":
        raise Conflict(
            QCoreApplication.translate("Plans", "The sea-typhoon stage is for typhoon events only.")
        )
    if plan.status in FINAL_STATUSES:
        raise Conflict(
            fill(
                QCoreApplication.translate("Plans", "The plan %1 is no longer in force."), plan.code
            )
        )
    version_id = latest_version_id(session, plan.id)
    if version_id is None:
        raise Conflict(
            fill(
                QCoreApplication.translate("Plans", "The plan %1 has no version to activate."),
                plan.code,
            )
        )
    running = session.scalar(
        select(PlanActivation.id).where(
            PlanActivation.event_id == event.id,
            PlanActivation.plan_id == plan.id,
            PlanActivation.ended_at.is_(None),
        )
    )
    if running is not None:
        raise Conflict(
            fill(
                QCoreApplication.translate(
                    "Plans", "The plan %1 is active for this event already."
                ),
                plan.code,
            )
        )
    now = utcnow()
    when = at or now
    if when < event.started_at or when > now:
        raise Conflict(
            QCoreApplication.translate(
                "Plans", "A plan is activated between the event's start and now."
            )
        )
    activation = PlanActivation(
        event_id=event.id,
        plan_id=plan.id,
        version_id=version_id,
        stage=stage,
        activated_at=when,
        activated_by=actor.name,
    )
    session.add(activation)
    session.flush()
    _add_items(session, activation, stage, when)
    emit(PlanActivated(event.id, plan.id, activation.id, stage), session=session)
    return _row(session, activation)


# The type of the county's special plan that answers each kind of event (a rainstorm is
# met by the flood plan); kinds missing here have no plan to offer.
PLAN_TYPE_OF_EVENT = {
    "typhoon": "typhoon",
    "rainstorm": "flood",
    "flood": "flood",
    "geological": "geological",
    "forest_fire": "forest_fire",
}


def plan_to_offer(*, session: Session, event_id: int) -> PlanRow | None:
    """The plan to offer for activation once the event's level changed: None while a plan
    is active for the event or the event has ended; else the special plan whose type
    answers the event's kind, not superseded or abolished, with a version (one in force
    first, then by code), or None when there is none."""
    require(session, Permission.READ_REGISTER)
    event = session.get(Event, event_id)
    if event is None or event.ended_at is not None:
        return None
    active = session.scalar(
        select(PlanActivation.id).where(
            PlanActivation.event_id == event_id, PlanActivation.ended_at.is_(None)
        )
    )
    plan_type = PLAN_TYPE_OF_EVENT.get(event.kind)
    if active is not None or plan_type is None:
        return None
    candidates = list(
        session.execute(
            select(Plan.id, Plan.status)
            .where(
                Plan.plan_class == "special",
                Plan.event_type == plan_type,
                Plan.status.not_in(FINAL_STATUSES),
            )
            .order_by(Plan.code)
        )
    )
    candidates.sort(key=lambda row: row.status not in IN_FORCE)
    for plan_id, _status in candidates:
        if latest_version_id(session, plan_id) is not None:
            return plan_row(session, plan_id)
    return None


def change_stage(
    *, session: Session, activation_id: int, stage: str, at: datetime | None = None
) -> ActivationRow:
    """Raise or lower an active plan's stage: raising adds the new stages' actions (their
    time limits counted from ``at``), lowering keeps every action on the list."""
    require(session, Permission.RUN_PLANS)
    activation = _active(session, activation_id)
    if stage not in STAGE_ORDER:
        raise Conflict(
            fill(QCoreApplication.translate("Plans", "Unknown response stage: %1"), stage)
        )
    if stage == activation.stage:
        raise Conflict(QCoreApplication.translate("Plans", "The plan is at this stage already."))
    _move(session, activation, stage, at or utcnow())
    return _row(session, activation)


def end_activation(
    *, session: Session, activation_id: int, at: datetime | None = None
) -> ActivationRow:
    """End the plan's response; its checklist stays as it was."""
    actor = require(session, Permission.RUN_PLANS)
    activation = _active(session, activation_id)
    activation.ended_at = at or utcnow()
    activation.ended_by = actor.name
    session.flush()
    return _row(session, activation)


def tick_action(
    *, session: Session, item_id: int, done_at: datetime | None = None, note: str | None = None
) -> ChecklistRow:
    """Mark an action of an active plan's checklist done, with its time and a note."""
    actor = require(session, Permission.RUN_PLANS)
    item = session.get(ChecklistItem, item_id)
    if item is None:
        raise NotFound(QCoreApplication.translate("Plans", "This action is not on a checklist."))
    activation = _active(session, item.activation_id)
    if item.done_at is not None:
        raise Conflict(QCoreApplication.translate("Plans", "This action is marked done already."))
    checker = FieldChecker()
    text = checker.text("note", note, 1000)
    checker.done()
    now = utcnow()
    when = done_at or now
    if when < activation.activated_at or when > now:
        raise Conflict(
            QCoreApplication.translate(
                "Plans", "An action is done between the plan's activation and now."
            )
        )
    item.done_at, item.done_by, item.note = when, actor.name, text
    session.flush()
    return next(
        row for row in checklist(session=session, activation_id=activation.id) if row.id == item.id
    )


def _event_in_progress(session: Session, event_id: int | None) -> Event:
    if event_id is None:
        event = session.scalar(select(Event).where(Event.ended_at.is_(None)))
    else:
        event = session.get(Event, event_id)
    if event is None or event.ended_at is not None:
        raise Conflict(
            QCoreApplication.translate("Plans", "A plan is activated for an event in progress.")
        )
    return event


def _active(session: Session, activation_id: int) -> PlanActivation:
    activation = session.get(PlanActivation, activation_id)
    if activation is None:
        raise NotFound(QCoreApplication.translate("Plans", "This activation no longer exists."))
    if activation.ended_at is not None:
        raise Conflict(QCoreApplication.translate("Plans", "The plan's response has ended."))
    return activation


def _move(session: Session, activation: PlanActivation, stage: str, at: datetime) -> None:
    if stage_rank(stage) > stage_rank(activation.stage):
        _add_items(session, activation, stage, at)
    activation.stage = stage
    session.flush()


def _add_items(session: Session, activation: PlanActivation, stage: str, at: datetime) -> None:
    present = set(
        session.scalars(
            select(ChecklistItem.action_id).where(ChecklistItem.activation_id == activation.id)
        )
    )
    actions = session.execute(
        select(PlanAction.id, PlanStage.level)
        .join(PlanStage, PlanStage.id == PlanAction.stage_id)
        .where(
            PlanStage.version_id == activation.version_id,
            PlanStage.level.in_(stages_up_to(stage)),
        )
    )
    for action_id, level in actions:
        if action_id not in present:
            session.add(
                ChecklistItem(
                    activation_id=activation.id, action_id=action_id, level=level, added_at=at
                )
            )
    session.flush()


@subscribe(ResponseLevelChanged)
def _follow_level(change: ResponseLevelChanged, *, session: Session) -> None:
    """The event's active plans follow its response level; lifted: their responses end."""
    at = change.at or utcnow()
    actor = actor_of(session)
    for activation in session.scalars(
        select(PlanActivation).where(
            PlanActivation.event_id == change.event_id, PlanActivation.ended_at.is_(None)
        )
    ):
        if change.new is None:
            activation.ended_at = at
            activation.ended_by = actor.name if actor else None
        elif change.new != activation.stage:
            _move(session, activation, change.new, at)
    session.flush()


@subscribe(EventEnded)
def _end_with_event(ended: EventEnded, *, session: Session) -> None:
    """An event that ends ends its plans' responses; their checklists stay as they were."""
    if not isinstance(session, Session):  # announced outside a unit of work: nothing to end
        return
    event = session.get(Event, ended.event_id)
    at = (event.ended_at if event is not None else None) or utcnow()
    actor = actor_of(session)
    for activation in session.scalars(
        select(PlanActivation).where(
            PlanActivation.event_id == ended.event_id, PlanActivation.ended_at.is_(None)
        )
    ):
        activation.ended_at = at
        activation.ended_by = actor.name if actor else None
    session.flush()


def activations(*, session: Session, event_id: int | None = None) -> list[ActivationRow]:
    """The plans activated (active and ended), of one event when ``event_id`` is given."""
    require(session, Permission.READ_REGISTER)
    query = select(PlanActivation).order_by(PlanActivation.activated_at, PlanActivation.id)
    if event_id is not None:
        query = query.where(PlanActivation.event_id == event_id)
    return [_row(session, a) for a in session.scalars(query)]


def checklist(*, session: Session, activation_id: int) -> list[ChecklistRow]:
    """The activation's actions by stage (lowest first), group and order in the plan."""
    require(session, Permission.READ_REGISTER)
    activation = session.get(PlanActivation, activation_id)
    if activation is None:
        raise NotFound(QCoreApplication.translate("Plans", "This activation no longer exists."))
    rank = stage_rank(activation.stage)
    rows = session.execute(
        select(
            ChecklistItem,
            PlanAction.group,
            PlanAction.text,
            MemberUnit.name,
            PlanAction.time_limit_minutes,
            PlanAction.position,
        )
        .join(PlanAction, PlanAction.id == ChecklistItem.action_id)
        .outerjoin(MemberUnit, MemberUnit.id == PlanAction.unit_id)
        .where(ChecklistItem.activation_id == activation_id)
    )
    out = []
    for item, group, text, unit, limit, position in rows:
        due = item.added_at + timedelta(minutes=limit) if limit is not None else None
        out.append(
            (
                (stage_rank(item.level), group, position, item.id),
                ChecklistRow(
                    item.id,
                    item.level,
                    group,
                    text,
                    unit,
                    limit,
                    due,
                    item.done_at,
                    item.done_by,
                    item.note,
                    stage_rank(item.level) > rank,
                ),
            )
        )
    from models.plans.codes import ACTION_GROUPS

    groups = list(ACTION_GROUPS)
    out.sort(
        key=lambda pair: (
            pair[0][0],
            groups.index(pair[0][1]) if pair[0][1] in groups else 99,
            pair[0][2],
            pair[0][3],
        )
    )
    return [row for _, row in out]


def _row(session: Session, activation: PlanActivation) -> ActivationRow:
    code, title = session.execute(
        select(Plan.code, Plan.title).where(Plan.id == activation.plan_id)
    ).one()
    return ActivationRow(
        activation.id,
        activation.event_id,
        code,
        title,
        activation.stage,
        activation.activated_at,
        activation.activated_by,
        activation.ended_at,
    )
