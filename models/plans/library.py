"""The plan register: plans of the county's "1+N" system, their parents, owning and
approving units, and the steps of their life (status with date, person and note)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication
from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from models.base import utcnow
from models.command.units import MemberUnit
from models.fields import FieldChecker
from models.messages import fill
from models.plans.codes import (
    CATEGORIES,
    EVENT_TYPES,
    FINAL_STATUSES,
    IN_FORCE,
    PLAN_CLASSES,
    STATUS_ORDER,
    STATUSES,
)
from models.plans.tables import (
    CODE_LIMIT,
    DOC_NUMBER_LIMIT,
    PERSON_LIMIT,
    TITLE_LIMIT,
    Plan,
    PlanStep,
)
from models.refusals import Conflict, NotFound
from models.users import Permission, require

EVALUATION_YEARS = (1, 10)  # the plausible years between evaluations of one plan


@dataclass(frozen=True, slots=True)
class PlanRow:
    id: int
    code: str
    title: str
    plan_class: str
    category: str | None
    event_type: str | None
    owner: str | None
    approver: str | None
    doc_number: str | None
    issued_on: date | None
    filed_on: date | None
    parent_code: str | None
    status: str
    revision_due: date | None
    evaluation_years: int | None
    evaluated_on: date | None
    note: str | None


@dataclass(frozen=True, slots=True)
class PlanFields:
    """A plan as entered or imported, before it is checked; units and parent by name/code."""

    code: str | None
    title: str | None
    plan_class: str | None
    category: str | None = None
    event_type: str | None = None
    owner: str | None = None
    approver: str | None = None
    doc_number: str | None = None
    issued_on: date | None = None
    parent_code: str | None = None
    status: str | None = "drafting"
    since: date | None = None  # the date of the status given (a new plan's first step)
    revision_due: date | None = None
    evaluation_years: int | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class StepRow:
    status: str
    on: date
    person: str | None
    note: str | None
    recorded_by: str


def _t(text: str) -> str:
    return QCoreApplication.translate("Plans", text)


def plan_by_code(session: Session, code: str) -> Plan:
    plan = session.scalar(select(Plan).where(Plan.code == code.strip()))
    if plan is None:
        raise NotFound(fill(QCoreApplication.translate("Plans", "No plan with the code %1."), code))
    return plan


def unit_id(session: Session, checker: FieldChecker, field: str, name: str | None) -> int | None:
    """The member unit's id by name or abbreviation; an unknown name goes into ``checker``."""
    text = (name or "").strip()
    if not text:
        return None
    found = session.scalar(
        select(MemberUnit.id).where((MemberUnit.name == text) | (MemberUnit.abbreviation == text))
    )
    if found is None:
        checker.add(
            field,
            fill(
                QCoreApplication.translate("Plans", "No member unit named %1 in the register."),
                text,
            ),
        )
    return found


def check_plan(session: Session, fields: PlanFields, plan_id: int | None) -> dict[str, object]:
    """The plan's cleaned values; every problem at once, refused by ``ValidationError``."""
    checker = FieldChecker()
    values: dict[str, object] = {
        "code": checker.text(
            "code",
            fields.code,
            CODE_LIMIT,
            QCoreApplication.translate("Plans", "Give the plan's code."),
        ),
        "title": checker.text(
            "title",
            fields.title,
            TITLE_LIMIT,
            QCoreApplication.translate("Plans", "Give the plan's title."),
        ),
        "plan_class": checker.code(
            "plan_class",
            fields.plan_class,
            PLAN_CLASSES,
            fill(
                QCoreApplication.translate("Plans", "Unknown class of plan: %1"), fields.plan_class
            ),
        ),
        "doc_number": checker.text("doc_number", fields.doc_number, DOC_NUMBER_LIMIT),
        "issued_on": fields.issued_on,
        "revision_due": fields.revision_due,
        "note": checker.text("note", fields.note, 2000),
        "owner_unit_id": unit_id(session, checker, "owner", fields.owner),
        "approver_unit_id": unit_id(session, checker, "approver", fields.approver),
    }
    values["category"] = (
        checker.code(
            "category",
            fields.category,
            CATEGORIES,
            fill(
                QCoreApplication.translate("Plans", "Unknown event category: %1"), fields.category
            ),
        )
        if (fields.category or "").strip()
        else None
    )
    values["event_type"] = (
        checker.code(
            "event_type",
            fields.event_type,
            EVENT_TYPES,
            fill(QCoreApplication.translate("Plans", "Unknown event type: %1"), fields.event_type),
        )
        if (fields.event_type or "").strip()
        else None
    )
    years = fields.evaluation_years
    if years is not None and not EVALUATION_YEARS[0] <= years <= EVALUATION_YEARS[1]:
        checker.add(
            "evaluation_years",
            fill(
                QCoreApplication.translate("Plans", "Years between evaluations: from %1 to %2."),
                *EVALUATION_YEARS,
            ),
        )
    values["evaluation_years"] = years
    parent_id = None
    parent_code = (fields.parent_code or "").strip()
    if parent_code:
        parent_id = session.scalar(select(Plan.id).where(Plan.code == parent_code))
        if parent_id is None:
            checker.add(
                "parent_code",
                fill(QCoreApplication.translate("Plans", "No plan with the code %1."), parent_code),
            )
        elif plan_id is not None and _descends_from(session, parent_id, plan_id):
            checker.add(
                "parent_code",
                QCoreApplication.translate(
                    "Plans", "A plan cannot be placed under itself or its own plans."
                ),
            )
    values["parent_id"] = parent_id
    code = values["code"]
    if code is not None:
        taken = session.scalar(select(Plan.id).where(Plan.code == code))
        if taken is not None and taken != plan_id:
            checker.add(
                "code",
                fill(
                    QCoreApplication.translate("Plans", "A plan with the code %1 is registered."),
                    code,
                ),
            )
    checker.done()
    return values


def _descends_from(session: Session, plan_id: int, ancestor_id: int) -> bool:
    seen: set[int] = set()
    current: int | None = plan_id
    while current is not None and current not in seen:
        if current == ancestor_id:
            return True
        seen.add(current)
        current = session.scalar(select(Plan.parent_id).where(Plan.id == current))
    return False


def save_plan(*, session: Session, fields: PlanFields, plan_id: int | None = None) -> PlanRow:
    """Register a plan (``plan_id`` None: its first step is recorded today) or change one.
    A plan's status changes through ``change_status``, never here."""
    actor = require(session, Permission.EDIT_PLANS)
    values = check_plan(session, fields, plan_id)
    if plan_id is None:
        status = fields.status or "drafting"
        if status not in STATUSES:
            raise Conflict(
                fill(QCoreApplication.translate("Plans", "Unknown status of a plan: %1"), status)
            )
        plan = Plan(status=status)
        session.add(plan)
    else:
        found = session.get(Plan, plan_id)
        if found is None:
            raise NotFound(QCoreApplication.translate("Plans", "This plan no longer exists."))
        plan = found
    for key, value in values.items():
        setattr(plan, key, value)
    session.flush()
    if plan_id is None:
        session.add(
            PlanStep(
                plan_id=plan.id,
                status=plan.status,
                on=fields.since
                or (plan.issued_on if plan.status in IN_FORCE else None)
                or utcnow().date(),
                person=None,
                note=None,
                recorded_by=actor.name,
                recorded_at=utcnow(),
            )
        )
        session.flush()
    return plan_row(session, plan.id)


def change_status(
    *,
    session: Session,
    code: str,
    status: str,
    on: date,
    person: str | None = None,
    note: str | None = None,
) -> PlanRow:
    """Move a plan to the next step of its life, kept with its date, person and note.

    Forward only (drafting, expert review, approval, publication, filing), except that a
    plan in force may be scheduled for revision again; superseded and abolished end it.
    Publication needs a document number; filing comes after publication."""
    actor = require(session, Permission.EDIT_PLANS)
    plan = plan_by_code(session, code)
    if status not in STATUSES:
        raise Conflict(
            fill(QCoreApplication.translate("Plans", "Unknown status of a plan: %1"), status)
        )
    checker = FieldChecker()
    who = checker.text("person", person, PERSON_LIMIT)
    why = checker.text("note", note, 2000)
    checker.done()
    current = plan.status
    if current in FINAL_STATUSES:
        raise Conflict(
            fill(
                QCoreApplication.translate("Plans", "The plan %1 is %2: its life has ended."),
                plan.code,
                _t(STATUSES[current]),
            )
        )
    rank, now_rank = STATUS_ORDER.index(status), STATUS_ORDER.index(current)
    backwards = status == "scheduled" and current in ("published", "filed")
    if status == current or (rank < now_rank and not backwards):
        raise Conflict(
            fill(
                QCoreApplication.translate("Plans", "The plan %1 cannot go from %2 to %3."),
                plan.code,
                _t(STATUSES[current]),
                _t(STATUSES[status]),
            )
        )
    if status == "published" and not plan.doc_number:
        raise Conflict(
            QCoreApplication.translate(
                "Plans", "A plan is published with a document number: enter it first."
            )
        )
    if status == "filed" and current != "published":
        raise Conflict(
            QCoreApplication.translate("Plans", "A plan is filed after it is published.")
        )
    latest = session.scalar(
        select(PlanStep.on).where(PlanStep.plan_id == plan.id).order_by(PlanStep.on.desc())
    )
    if latest is not None and on < latest:
        raise Conflict(
            QCoreApplication.translate("Plans", "A step cannot come before the plan's latest step.")
        )
    if on > utcnow().date():
        raise Conflict(
            QCoreApplication.translate("Plans", "A step cannot be recorded in the future.")
        )
    if status == "published" and plan.issued_on is None:
        plan.issued_on = on
    if status == "filed":
        plan.filed_on = on
    if backwards:
        plan.filed_on = None
    plan.status = status
    session.add(
        PlanStep(
            plan_id=plan.id,
            status=status,
            on=on,
            person=who,
            note=why,
            recorded_by=actor.name,
            recorded_at=utcnow(),
        )
    )
    session.flush()
    return plan_row(session, plan.id)


def record_evaluation(*, session: Session, code: str, on: date) -> PlanRow:
    """The plan was evaluated (评估) on ``on``: its next evaluation counts from then."""
    require(session, Permission.EDIT_PLANS)
    plan = plan_by_code(session, code)
    if on > utcnow().date():
        raise Conflict(
            QCoreApplication.translate("Plans", "An evaluation cannot be recorded in the future.")
        )
    plan.evaluated_on = on
    session.flush()
    return plan_row(session, plan.id)


def _select_rows() -> Select[Plan, str | None, str | None, str | None]:
    owner, approver, parent = aliased(MemberUnit), aliased(MemberUnit), aliased(Plan)
    return (
        select(Plan, owner.name, approver.name, parent.code)
        .outerjoin(owner, owner.id == Plan.owner_unit_id)
        .outerjoin(approver, approver.id == Plan.approver_unit_id)
        .outerjoin(parent, parent.id == Plan.parent_id)
    )


def _to_row(plan: Plan, owner: str | None, approver: str | None, parent: str | None) -> PlanRow:
    return PlanRow(
        plan.id,
        plan.code,
        plan.title,
        plan.plan_class,
        plan.category,
        plan.event_type,
        owner,
        approver,
        plan.doc_number,
        plan.issued_on,
        plan.filed_on,
        parent,
        plan.status,
        plan.revision_due,
        plan.evaluation_years,
        plan.evaluated_on,
        plan.note,
    )


def plan_row(session: Session, plan_id: int) -> PlanRow:
    found = session.execute(_select_rows().where(Plan.id == plan_id)).one()
    return _to_row(*found)


def list_plans(*, session: Session) -> list[PlanRow]:
    """Every plan by code."""
    require(session, Permission.READ_REGISTER)
    return [_to_row(*r) for r in session.execute(_select_rows().order_by(Plan.code))]


def get_plan(*, session: Session, code: str) -> PlanRow:
    require(session, Permission.READ_REGISTER)
    return plan_row(session, plan_by_code(session, code).id)


def plan_steps(*, session: Session, code: str) -> list[StepRow]:
    """The steps of the plan's life, oldest first."""
    require(session, Permission.READ_REGISTER)
    plan = plan_by_code(session, code)
    steps = session.scalars(
        select(PlanStep).where(PlanStep.plan_id == plan.id).order_by(PlanStep.on, PlanStep.id)
    )
    return [StepRow(s.status, s.on, s.person, s.note, s.recorded_by) for s in steps]


@dataclass(frozen=True, slots=True)
class TreeNode:
    plan: PlanRow
    depth: int


def plan_tree(*, session: Session) -> list[TreeNode]:
    """The plan system as a tree in reading order: each plan followed by its own plans."""
    rows = list_plans(session=session)
    children: dict[int | None, list[PlanRow]] = {}
    by_code = {row.code: row for row in rows}
    for row in rows:
        parent = by_code.get(row.parent_code) if row.parent_code else None
        children.setdefault(parent.id if parent else None, []).append(row)
    order = list(PLAN_CLASSES)
    out: list[TreeNode] = []

    def walk(parent: int | None, depth: int) -> None:
        for row in sorted(
            children.get(parent, []), key=lambda r: (order.index(r.plan_class), r.code)
        ):
            out.append(TreeNode(row, depth))
            walk(row.id, depth + 1)

    walk(None, 0)
    return out
