"""The plans page's detail tab: the plan chosen in the tree, the steps of its life, its
versions with their files, and what its latest version changed from the one before."""

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
    PlanRow,
    StepRow,
    VersionDiff,
    VersionRow,
    compare_with_previous,
    file_content,
    get_plan,
    list_versions,
    plan_steps,
)
from models.plans.codes import PLAN_CLASSES, STATUSES


@dataclass(frozen=True)
class PlanDetails:
    plan: PlanRow
    steps: list[StepRow]
    versions: list[VersionRow]
    diff: VersionDiff | None


def load_details(*, session: Session, code: str) -> PlanDetails:
    versions = list_versions(session=session, code=code)
    return PlanDetails(
        get_plan(session=session, code=code),
        plan_steps(session=session, code=code),
        versions,
        compare_with_previous(session=session, version_id=versions[-1].id) if versions else None,
    )


def _versions_title() -> str:
    return QCoreApplication.translate("PlanDetails", "Versions")


def _steps_title() -> str:
    return QCoreApplication.translate("PlanDetails", "Steps of its life")


def _changes_title() -> str:
    return QCoreApplication.translate("PlanDetails", "What the latest version changed")


def _no_change() -> str:
    return QCoreApplication.translate("PlanDetails", "No change from the version before.")


def _level(code: str) -> str:
    return QCoreApplication.translate("Label", RESPONSE_LEVELS.get(code, code))


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
        f"<h4>{escape(_steps_title())}</h4><ul>",
    ]
    for step in details.steps:
        status = QCoreApplication.translate("Plans", STATUSES[step.status])
        who = f" {step.person}" if step.person else ""
        note = f": {step.note}" if step.note else ""
        parts.append(f"<li>{step.on.isoformat()} {escape(status + who + note)}</li>")
    parts.append(f"</ul><h4>{escape(_versions_title())}</h4><ul>")
    for version in details.versions:
        files = "、".join(
            f'<a href="file:{f.id}">{escape(f.name)}</a> ({f.size // 1024} KB)'
            for f in version.files
        )
        parts.append(f"<li>{version.number}. {escape(version.name)} {files}</li>")
    parts.append("</ul>")
    diff = details.diff
    if diff is not None and diff.before is not None:
        parts.append(f"<h4>{escape(_changes_title())}</h4><ul>")
        for level in diff.stages_added:
            parts.append(f"<li>+ {escape(_level(level))}</li>")
        for level in diff.stages_removed:
            parts.append(f"<li>− {escape(_level(level))}</li>")
        for level, before, after in diff.triggers_changed:
            parts.append(
                f"<li>~ {escape(_level(level))}: {escape(before or '')} → {escape(after or '')}</li>"
            )
        for change in diff.actions:
            shown = change.after or change.before
            assert shown is not None
            mark = "~" if change.before and change.after else "+" if change.after else "−"
            parts.append(f"<li>{mark} {escape(_level(change.level))}: {escape(shown.text)}</li>")
        if diff.unchanged:
            parts.append(f"<li>{escape(_no_change())}</li>")
        parts.append("</ul>")
    return "".join(parts)


def file_to_open(*, session: Session, file_id: int, folder: str) -> Path:
    """A kept file written into ``folder`` under its own name, for the system viewer."""
    name, content = file_content(session=session, file_id=file_id)
    path = Path(folder) / f"{file_id}-{Path(name).name}"
    path.write_bytes(content)
    return path


class DetailsTab(QTextBrowser):
    """A plan's details; a file's link asks the page to open it (``open_requested(id)``)."""

    open_requested = Signal(int)

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
        self.setHtml(details_html(details))

    def _clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("file:") and text[5:].isdigit():
            self.open_requested.emit(int(text[5:]))
