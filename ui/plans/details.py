"""The plans page's detail tab: the plan chosen in the tree, the steps of its life, its
versions with their files, a version beside the one before it (stages, triggers and
actions added, removed or changed, side by side; the latest version unless another is
chosen), and its drills with their follow-up actions."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtWidgets import QTextBrowser
from sqlalchemy.orm import Session

from models.labels import RESPONSE_LEVELS
from models.messages import fill
from models.plans import (
    ActionRow,
    DrillRow,
    PlanRow,
    StepRow,
    VersionDiff,
    VersionRow,
    compare_with_previous,
    file_content,
    get_plan,
    list_drills,
    list_versions,
    plan_steps,
)
from models.plans.codes import ACTION_GROUPS, DRILL_KINDS, PLAN_CLASSES, STATUSES
from ui.common.styles import ERROR_COLOUR, NOTE_COLOUR, OK_COLOUR


@dataclass(frozen=True)
class PlanDetails:
    plan: PlanRow
    steps: list[StepRow]
    versions: list[VersionRow]
    diff: VersionDiff | None
    drills: list[DrillRow]
    may_edit: bool = False


def load_details(
    *, session: Session, code: str, version_id: int | None = None, may_edit: bool = False
) -> PlanDetails:
    """The plan's details; ``version_id`` the version compared with the one before it
    (the latest when None or not the plan's)."""
    versions = list_versions(session=session, code=code)
    compared = next((v.id for v in versions if v.id == version_id), None)
    if compared is None and versions:
        compared = versions[-1].id
    return PlanDetails(
        get_plan(session=session, code=code),
        plan_steps(session=session, code=code),
        versions,
        compare_with_previous(session=session, version_id=compared) if compared else None,
        list_drills(session=session, code=code),
        may_edit,
    )


def _versions_title() -> str:
    return QCoreApplication.translate("PlanDetails", "Versions")


def _steps_title() -> str:
    return QCoreApplication.translate("PlanDetails", "Steps of its life")


def _changes_title(before: str, after: str) -> str:
    return fill(QCoreApplication.translate("PlanDetails", "%1 beside %2"), after, before)


def _no_change() -> str:
    return QCoreApplication.translate("PlanDetails", "No change from the version before.")


def _level(code: str) -> str:
    return QCoreApplication.translate("Label", RESPONSE_LEVELS.get(code, code))


def _evaluation_html(details: PlanDetails) -> str:
    """When the plan was last evaluated (评估), with a link to record one for a planner."""
    plan = details.plan
    text = (
        fill(
            QCoreApplication.translate("PlanDetails", "Last evaluated %1."),
            plan.evaluated_on.isoformat(),
        )
        if plan.evaluated_on
        else QCoreApplication.translate("PlanDetails", "No evaluation recorded.")
    )
    link = ""
    if details.may_edit:
        record = QCoreApplication.translate("PlanDetails", "record an evaluation")
        link = f' [<a href="evaluate:{plan.id}">{escape(record)}</a>]'
    return f"<p>{escape(text)}{link}</p>"


def details_html(details: PlanDetails) -> str:
    plan = details.plan
    parts = [
        f"<h3>{escape(plan.code)} {escape(plan.title)}</h3>",
        "<p>"
        + escape(
            fill(
                QCoreApplication.translate(
                    "PlanDetails", "%1; owned by %2; document %3 issued %4; filed %5."
                ),
                QCoreApplication.translate("Plans", PLAN_CLASSES[plan.plan_class]),
                plan.owner or "-",
                plan.doc_number or "-",
                plan.issued_on.isoformat() if plan.issued_on else "-",
                plan.filed_on.isoformat() if plan.filed_on else "-",
            )
        )
        + "</p>",
        _evaluation_html(details),
        f"<h4>{escape(_steps_title())}</h4><ul>",
    ]
    for step in details.steps:
        status = QCoreApplication.translate("Plans", STATUSES[step.status])
        who = f" {step.person}" if step.person else ""
        note = f": {step.note}" if step.note else ""
        parts.append(f"<li>{step.on.isoformat()} {escape(status + who + note)}</li>")
    parts.append(f"</ul><h4>{escape(_versions_title())}</h4><ul>")
    names = {v.id: v.name for v in details.versions}
    compare = QCoreApplication.translate("PlanDetails", "compare with the version before")
    content = QCoreApplication.translate("PlanDetails", "stages and actions")
    diff = details.diff
    for version in details.versions:
        files = "、".join(
            f'<a href="file:{f.id}">{escape(f.name)}</a> ({f.size // 1024} KB)'
            for f in version.files
        )
        links = []
        if version.number > 1 and (diff is None or diff.after != version.id):
            links.append(f'<a href="diff:{version.id}">{escape(compare)}</a>')
        if details.may_edit:
            links.append(f'<a href="content:{version.id}">{escape(content)}</a>')
        more = f" [{' | '.join(links)}]" if links else ""
        parts.append(f"<li>{version.number}. {escape(version.name)} {files}{more}</li>")
    parts.append("</ul>")
    if diff is not None and diff.before is not None:
        parts.append(comparison_html(diff, names.get(diff.before, ""), names.get(diff.after, "")))
    parts.append(drills_html(details))
    return "".join(parts)


def _action_text(action: ActionRow | None) -> str:
    if action is None:
        return ""
    group = QCoreApplication.translate("Plans", ACTION_GROUPS.get(action.group, action.group))
    limit = (
        fill(
            QCoreApplication.translate("PlanDetails", "within %1 min"),
            str(action.time_limit_minutes),
        )
        if action.time_limit_minutes
        else ""
    )
    facts = "; ".join(x for x in (group, action.unit or "", limit) if x)
    return f"{escape(action.text)}<br><small>{escape(facts)}</small>"


def comparison_html(diff: VersionDiff, before: str, after: str) -> str:
    """The version beside the one before it: one row per stage, trigger or action that was
    added, removed or changed, the earlier text on the left."""
    added, removed, changed = (
        QCoreApplication.translate("PlanDetails", "added"),
        QCoreApplication.translate("PlanDetails", "removed"),
        QCoreApplication.translate("PlanDetails", "changed"),
    )
    rows = []

    def row(what: str, mark: str, colour: str, old: str, new: str) -> None:
        rows.append(
            f"<tr><td>{escape(what)}</td>"
            f'<td style="color:{colour}">{escape(mark)}</td>'
            f"<td>{old}</td><td>{new}</td></tr>"
        )

    for level in diff.stages_added:
        row(
            _level(level),
            added,
            OK_COLOUR,
            "",
            escape(QCoreApplication.translate("PlanDetails", "stage added")),
        )
    for level in diff.stages_removed:
        row(
            _level(level),
            removed,
            ERROR_COLOUR,
            escape(QCoreApplication.translate("PlanDetails", "stage removed")),
            "",
        )
    for level, old, new in diff.triggers_changed:
        row(
            fill(QCoreApplication.translate("PlanDetails", "%1 trigger"), _level(level)),
            changed,
            NOTE_COLOUR,
            escape(old or ""),
            escape(new or ""),
        )
    for change in diff.actions:
        if change.before and change.after:
            mark, colour = changed, NOTE_COLOUR
        elif change.after:
            mark, colour = added, OK_COLOUR
        else:
            mark, colour = removed, ERROR_COLOUR
        row(
            _level(change.level),
            mark,
            colour,
            _action_text(change.before),
            _action_text(change.after),
        )
    stage = QCoreApplication.translate("PlanDetails", "Stage")
    head = (
        f"<h4>{escape(_changes_title(before, after))}</h4>"
        '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
        f"<tr><th>{escape(stage)}</th><th></th>"
        f"<th>{escape(before)}</th><th>{escape(after)}</th></tr>"
    )
    if diff.unchanged:
        return head + f'<tr><td colspan="4">{escape(_no_change())}</td></tr></table>'
    return head + "".join(rows) + "</table>"


def drills_html(details: PlanDetails) -> str:
    """The plan's drills, latest first, with their follow-up actions (open ones closable)."""
    title = escape(QCoreApplication.translate("PlanDetails", "Drills"))
    if not details.drills:
        none = QCoreApplication.translate("PlanDetails", "No drill recorded.")
        return f"<h4>{title}</h4><p>{escape(none)}</p>"
    parts = [f"<h4>{title}</h4><ul>"]
    close = escape(QCoreApplication.translate("PlanDetails", "close"))
    still_open = escape(QCoreApplication.translate("PlanDetails", "open"))
    for drill in details.drills:
        kind = QCoreApplication.translate("Plans", DRILL_KINDS.get(drill.kind, drill.kind))
        parts.append(
            f"<li>{drill.held_on.isoformat()} {escape(kind)}"
            + (f": {escape(drill.scenario)}" if drill.scenario else "")
        )
        if drill.follow_ups:
            parts.append("<ul>")
        for follow_up in drill.follow_ups:
            text = fill(
                QCoreApplication.translate("PlanDetails", "%1 (%2, due %3)"),
                follow_up.action,
                follow_up.owner,
                follow_up.due_on.isoformat(),
            )
            if follow_up.closed_on is not None:
                state = fill(
                    QCoreApplication.translate("PlanDetails", "closed %1"),
                    follow_up.closed_on.isoformat(),
                )
                parts.append(
                    f'<li>{escape(text)} <span style="color:{OK_COLOUR}">{escape(state)}</span></li>'
                )
            elif details.may_edit:
                parts.append(f'<li>{escape(text)} <a href="close:{follow_up.id}">{close}</a></li>')
            else:
                parts.append(f"<li>{escape(text)} {still_open}</li>")
        if drill.follow_ups:
            parts.append("</ul>")
        parts.append("</li>")
    parts.append("</ul>")
    return "".join(parts)


def file_to_open(*, session: Session, file_id: int, folder: str) -> Path:
    """A kept file written into ``folder`` under its own name, for the system viewer."""
    name, content = file_content(session=session, file_id=file_id)
    path = Path(folder) / f"{file_id}-{Path(name).name}"
    path.write_bytes(content)
    return path


class DetailsTab(QTextBrowser):
    """A plan's details; its links ask the page to open a kept file (``open_requested``),
    compare a version with the one before (``compare_requested``), edit a version's
    stages and actions (``content_requested``) or close a follow-up (``close_requested``)."""

    open_requested = Signal(int)
    compare_requested = Signal(int)
    content_requested = Signal(int)
    close_requested = Signal(int)
    evaluate_requested = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.setPlaceholderText(
            QCoreApplication.translate(
                "PlanDetails", "Choose a plan in the tree to see its life and versions."
            )
        )

    def show_details(self, details: PlanDetails) -> None:
        self.details: PlanDetails | None = details
        self.setHtml(details_html(details))

    def _clicked(self, url: QUrl) -> None:
        kind, _, number = url.toString().partition(":")
        signals = {
            "file": self.open_requested,
            "diff": self.compare_requested,
            "content": self.content_requested,
            "close": self.close_requested,
            "evaluate": self.evaluate_requested,
        }
        if kind in signals and number.isdigit():
            signals[kind].emit(int(number))
