"""Printed plan documents (A4 landscape lists through the shared layout): the plan register
with its revision timetable, the deadlines report, and an activated plan's checklist with
its ticks, times and notes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from models.base import utcnow
from models.clock import display_time
from models.exports.plans import deadline_columns, deadline_rows, register_columns, register_rows
from models.labels import RESPONSE_LEVELS
from models.messages import fill
from models.plans import activations, checklist
from models.plans.codes import ACTION_GROUPS
from models.refusals import NotFound
from models.users import actor_of
from ui.printing.layout import build_list_pdf


@dataclass(frozen=True)
class PlanPrintResult:
    path: Path
    pages: int
    rows: int


def _author(session: Session) -> str:
    actor = actor_of(session)
    return actor.name if actor else ""


def _printed() -> str:
    return fill(QCoreApplication.translate("Printing", "Printed %1"), display_time(utcnow()))


def print_plan_register(*, session: Session, path: str | Path) -> PlanPrintResult:
    rows = register_rows(session)
    pages = build_list_pdf(
        path,
        title=QCoreApplication.translate(
            "Export", "Contingency plan register and revision timetable"
        ),
        columns=register_columns(),
        widths_mm=[14, 70, 24, 30, 38, 18, 16, 18, 18],
        rows=rows,
        align=["left", "left", "center", "left", "left", "center", "center", "center", "center"],
        note=_printed(),
        author=_author(session),
    )
    return PlanPrintResult(Path(path), pages, len(rows))


def print_plan_deadlines(*, session: Session, path: str | Path) -> PlanPrintResult:
    rows = deadline_rows(session)
    pages = build_list_pdf(
        path,
        title=QCoreApplication.translate("Export", "Contingency plan deadlines"),
        columns=deadline_columns(),
        widths_mm=[14, 60, 20, 18, 36, 60],
        rows=rows,
        align=["left", "left", "center", "center", "left", "left"],
        note=_printed(),
        author=_author(session),
    )
    return PlanPrintResult(Path(path), pages, len(rows))


def print_plan_checklist(
    *, session: Session, path: str | Path, event: int, plan: str | None = None
) -> PlanPrintResult:
    """The checklist of the plan activated for the event (the latest one, or ``plan``)."""
    found = [a for a in activations(session=session, event_id=event) if plan in (None, a.plan_code)]
    if not found:
        raise NotFound(
            QCoreApplication.translate("Printing", "No plan was activated for this event.")
        )
    activation = found[-1]
    items = checklist(session=session, activation_id=activation.id)
    rows = [
        [
            QCoreApplication.translate("Label", RESPONSE_LEVELS[item.level]),
            QCoreApplication.translate("Plans", ACTION_GROUPS.get(item.group, item.group)),
            item.text,
            item.unit or "",
            display_time(item.due_at) if item.due_at else "",
            display_time(item.done_at) if item.done_at else "",
            item.done_by or "",
            item.note or "",
        ]
        for item in items
    ]
    done = sum(1 for item in items if item.done_at)
    pages = build_list_pdf(
        path,
        title=fill(
            QCoreApplication.translate("Printing", "%1: checklist of actions"),
            activation.plan_title,
        ),
        subtitle_left=fill(
            QCoreApplication.translate("Printing", "Activated %1; stage now: %2"),
            display_time(activation.activated_at),
            QCoreApplication.translate("Label", RESPONSE_LEVELS[activation.stage]),
        ),
        subtitle_right=fill(
            QCoreApplication.translate("Printing", "%1 of %2 actions done"),
            str(done),
            str(len(items)),
        ),
        columns=[
            QCoreApplication.translate("Printing", "Stage"),
            QCoreApplication.translate("Printing", "Group"),
            QCoreApplication.translate("Printing", "Action"),
            QCoreApplication.translate("Printing", "Responsible unit"),
            QCoreApplication.translate("Printing", "Due"),
            QCoreApplication.translate("Printing", "Done"),
            QCoreApplication.translate("Printing", "By"),
            QCoreApplication.translate("Printing", "Note"),
        ],
        widths_mm=[22, 22, 70, 30, 26, 28, 16, 30],
        rows=rows,
        align=["center", "center", "left", "left", "center", "center", "center", "left"],
        note=_printed(),
        author=_author(session),
    )
    return PlanPrintResult(Path(path), pages, len(rows))
