"""``export plan-register`` and ``export plan-deadlines``: the plan register with its
revision timetable, and the overdue and soon-due items, as workbooks. The rows are made
here once, so the printed documents (``ui.printing.plans``) show the same columns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from models.exports.sheet import (
    body_row,
    column_widths,
    header_row,
    new_workbook,
    print_setup,
    save,
    title_row,
)
from models.messages import QT_TRANSLATE_NOOP, fill
from models.plans import DeadlineRow, deadlines, plan_tree
from models.plans.codes import PLAN_CLASSES, STATUSES

DEADLINE_KINDS = {
    "filing": QT_TRANSLATE_NOOP("PlansPage", "Filing"),
    "evaluation": QT_TRANSLATE_NOOP("PlansPage", "Evaluation"),
    "drill": QT_TRANSLATE_NOOP("PlansPage", "Drill"),
    "revision": QT_TRANSLATE_NOOP("PlansPage", "Revision"),
    "follow_up": QT_TRANSLATE_NOOP("PlansPage", "Drill follow-up"),
}


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _date(value: date | None) -> str:
    return value.isoformat() if value else ""


def register_columns() -> list[str]:
    return [
        QCoreApplication.translate("PlansPage", "Code"),
        QCoreApplication.translate("PlansPage", "Plan"),
        QCoreApplication.translate("PlansPage", "Class"),
        QCoreApplication.translate("Export", "Owning unit"),
        QCoreApplication.translate("Export", "Document number"),
        QCoreApplication.translate("Export", "Issued"),
        QCoreApplication.translate("PlansPage", "Status"),
        QCoreApplication.translate("Export", "Filed"),
        QCoreApplication.translate("Export", "Revision due"),
    ]


def register_rows(session: Session) -> list[list[str]]:
    """The plans in the tree's order, each title indented under its parent."""
    return [
        [
            node.plan.code,
            "　" * node.depth + node.plan.title,
            _tr("Plans", PLAN_CLASSES[node.plan.plan_class]),
            node.plan.owner or "",
            node.plan.doc_number or "",
            _date(node.plan.issued_on),
            _tr("Plans", STATUSES[node.plan.status]),
            _date(node.plan.filed_on),
            _date(node.plan.revision_due),
        ]
        for node in plan_tree(session=session)
    ]


def deadline_columns() -> list[str]:
    return [
        QCoreApplication.translate("PlansPage", "Code"),
        QCoreApplication.translate("PlansPage", "Plan"),
        QCoreApplication.translate("PlansPage", "Deadline"),
        QCoreApplication.translate("PlansPage", "Due"),
        QCoreApplication.translate("PlansPage", "State"),
        QCoreApplication.translate("PlansPage", "Detail"),
    ]


def deadline_state(row: DeadlineRow) -> str:
    if row.overdue:
        text = fill(QCoreApplication.translate("PlansPage", "%1 days overdue"), -row.days_left)
    else:
        text = fill(QCoreApplication.translate("PlansPage", "due in %1 days"), row.days_left)
    if row.estimated:
        text += QCoreApplication.translate("Export", " (estimated: past the official calendar)")
    return text


def deadline_rows(session: Session, everything: bool = False) -> list[list[str]]:
    return [
        [
            row.plan_code,
            row.title,
            _tr("PlansPage", DEADLINE_KINDS[row.kind]),
            row.due.isoformat(),
            deadline_state(row),
            row.detail,
        ]
        for row in deadlines(session=session, everything=everything)
    ]


@dataclass(frozen=True)
class PlanExportResult:
    path: Path
    rows: int


def _workbook(
    path: Path, title: str, columns: list[str], rows: list[list[str]], widths: list[float]
) -> PlanExportResult:
    workbook, sheet = new_workbook(title)
    title_row(sheet, title, span=len(columns))
    header = header_row(sheet, columns)
    for row in rows:
        body_row(sheet, row)
    column_widths(sheet, widths)
    print_setup(sheet, header=header)
    save(workbook, path)
    return PlanExportResult(path, len(rows))


def export_plan_register(*, session: Session, path: str | Path) -> PlanExportResult:
    """The plan register and revision timetable as an .xlsx file."""
    title = QCoreApplication.translate("Export", "Contingency plan register and revision timetable")
    return _workbook(
        Path(path),
        title,
        register_columns(),
        register_rows(session),
        [10, 44, 16, 20, 24, 12, 12, 12, 12],
    )


def export_plan_deadlines(
    *, session: Session, path: str | Path, everything: bool = False
) -> PlanExportResult:
    """The overdue and soon-due items (``everything``: every deadline) as an .xlsx file."""
    title = QCoreApplication.translate("Export", "Contingency plan deadlines")
    return _workbook(
        Path(path),
        title,
        deadline_columns(),
        deadline_rows(session, everything),
        [10, 40, 14, 12, 26, 40],
    )
