"""Versions of a plan: their document files and structured content (for each response
stage its trigger and actions), and what changed from the previous version."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QCoreApplication
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.command.units import MemberUnit
from models.fields import FieldChecker
from models.messages import QT_TRANSLATE_NOOP, fill
from models.plans.codes import ACTION_GROUPS, STAGE_ORDER, stage_rank
from models.plans.documents import (
    MAX_FILE_BYTES,
    ReadDocument,
    checksum,
    extract_text,
    too_large,
)
from models.plans.library import plan_by_code, unit_id
from models.plans.tables import (
    FILE_NAME_LIMIT,
    Plan,
    PlanAction,
    PlanFile,
    PlanStage,
    PlanVersion,
)
from models.refusals import Conflict, NotFound
from models.users import Permission, require

TIME_LIMIT_MINUTES = (1, 30 * 24 * 60)  # an action's plausible time limit


def _t(text: str) -> str:
    return QCoreApplication.translate("Plans", text)


@dataclass(frozen=True, slots=True)
class ActionFields:
    group: str
    text: str
    unit: str | None = None  # a member unit's name or abbreviation
    time_limit_minutes: int | None = None


@dataclass(frozen=True, slots=True)
class StageFields:
    level: str
    trigger: str | None = None
    actions: Sequence[ActionFields] = ()


@dataclass(frozen=True, slots=True)
class ActionRow:
    id: int
    group: str
    text: str
    unit: str | None
    time_limit_minutes: int | None


@dataclass(frozen=True, slots=True)
class StageRow:
    level: str
    trigger: str | None
    actions: tuple[ActionRow, ...]


@dataclass(frozen=True, slots=True)
class FileRow:
    id: int
    name: str
    size: int
    sha256: str
    has_text: bool


@dataclass(frozen=True, slots=True)
class VersionRow:
    id: int
    plan_code: str
    number: int
    name: str
    issued_on: date | None
    note: str | None
    files: tuple[FileRow, ...]


def add_version(
    *,
    session: Session,
    code: str,
    name: str,
    issued_on: date | None = None,
    note: str | None = None,
    stages: Sequence[StageFields] = (),
    files: Sequence[tuple[str, bytes] | ReadDocument] = (),
) -> VersionRow:
    """A new version of the plan, numbered after the latest, with its content and files:
    (name, bytes) whose text is read here, or files ``documents.read_documents`` read
    with their text before the unit of work."""
    actor = require(session, Permission.EDIT_PLANS)
    plan = plan_by_code(session, code)
    checker = FieldChecker()
    label = checker.text(
        "name",
        name,
        60,
        QCoreApplication.translate("Plans", "Name the version (such as 2024 edition)."),
    )
    remark = checker.text("note", note, 2000)
    checker.done()
    latest = session.scalar(
        select(func.max(PlanVersion.number)).where(PlanVersion.plan_id == plan.id)
    )
    version = PlanVersion(
        plan_id=plan.id,
        number=(latest or 0) + 1,
        name=label or "",
        issued_on=issued_on,
        note=remark,
        search_text="",
        created_by=actor.name,
        created_at=utcnow(),
    )
    session.add(version)
    session.flush()
    _write_stages(session, version, stages)
    for file in files:
        if isinstance(file, ReadDocument):
            _attach(session, version, file.name, file.content, (file.text,))
        else:
            _attach(session, version, *file)
    refresh_search_text(session, version)
    return version_row(session, version.id)


def in_use(session: Session, version_id: int) -> bool:
    """Whether an activation or a drill refers to the version's actions (its content is
    then kept as it is: a changed plan is a new version)."""
    from models.plans.tables import ChecklistItem, DrillExercise, PlanActivation

    if session.scalar(
        select(PlanActivation.id).where(PlanActivation.version_id == version_id).limit(1)
    ):
        return True
    actions = (
        select(PlanAction.id)
        .join(PlanStage, PlanStage.id == PlanAction.stage_id)
        .where(PlanStage.version_id == version_id)
    )
    return any(
        session.scalar(select(column).where(column.in_(actions)).limit(1)) is not None
        for column in (ChecklistItem.action_id, DrillExercise.action_id)
    )


IN_USE = QT_TRANSLATE_NOOP(
    "Plans",
    "This version was activated or drilled: its content stays as it was. Add a new version for the changes.",
)


def content_fields(stages: Sequence[StageRow]) -> list[StageFields]:
    """A version's content as fields again (a new version starts from the previous one's)."""
    return [
        StageFields(
            stage.level,
            stage.trigger,
            [ActionFields(a.group, a.text, a.unit, a.time_limit_minutes) for a in stage.actions],
        )
        for stage in stages
    ]


def set_content(
    *, session: Session, version_id: int, stages: Sequence[StageFields]
) -> list[StageRow]:
    """Replace the version's structured content (stages, triggers, actions); refused for
    a version an activation or a drill refers to."""
    require(session, Permission.EDIT_PLANS)
    version = _version(session, version_id)
    if in_use(session, version.id):
        raise Conflict(_t(IN_USE))
    for stage in session.scalars(select(PlanStage).where(PlanStage.version_id == version.id)):
        session.delete(stage)
    session.flush()
    _write_stages(session, version, stages)
    refresh_search_text(session, version)
    return version_content(session=session, version_id=version.id)


def add_actions(
    *,
    session: Session,
    version_id: int,
    level: str,
    trigger: str | None,
    actions: Sequence[ActionFields],
) -> None:
    """Add actions to one stage of a version (the stage made when missing; a trigger given
    replaces the stage's)."""
    require(session, Permission.EDIT_PLANS)
    version = _version(session, version_id)
    checker = FieldChecker()
    checked = check_stage(session, checker, StageFields(level, trigger, actions), 0)
    checker.done()
    stage = session.scalar(
        select(PlanStage).where(PlanStage.version_id == version.id, PlanStage.level == level)
    )
    if stage is None:
        stage = PlanStage(version_id=version.id, level=level, trigger=checked[1])
        session.add(stage)
        session.flush()
    elif checked[1]:
        stage.trigger = checked[1]
    start = session.scalar(
        select(func.max(PlanAction.position)).where(PlanAction.stage_id == stage.id)
    )
    _add_actions(session, stage, checked[2], (start or 0) + 1)
    refresh_search_text(session, version)


def check_stage(
    session: Session, checker: FieldChecker, stage: StageFields, index: int
) -> tuple[str, str | None, list[tuple[str, str, int | None, int | None]]]:
    where = f"stages[{index}]"
    if stage.level not in STAGE_ORDER:
        checker.add(
            where,
            fill(QCoreApplication.translate("Plans", "Unknown response stage: %1"), stage.level),
        )
    trigger = checker.text(where + ".trigger", stage.trigger, 4000)
    actions = []
    for n, action in enumerate(stage.actions):
        at = f"{where}.actions[{n}]"
        group = checker.code(
            at + ".group",
            action.group,
            ACTION_GROUPS,
            fill(QCoreApplication.translate("Plans", "Unknown group of actions: %1"), action.group),
        )
        text = checker.text(
            at + ".text",
            action.text,
            2000,
            QCoreApplication.translate("Plans", "Describe the action."),
        )
        unit = unit_id(session, checker, at + ".unit", action.unit)
        limit = action.time_limit_minutes
        if limit is not None and not TIME_LIMIT_MINUTES[0] <= limit <= TIME_LIMIT_MINUTES[1]:
            checker.add(
                at + ".time_limit",
                fill(
                    QCoreApplication.translate("Plans", "A time limit is from %1 to %2 minutes."),
                    *TIME_LIMIT_MINUTES,
                ),
            )
        actions.append((group or "", text or "", unit, limit))
    return stage.level, trigger, actions


def _write_stages(session: Session, version: PlanVersion, stages: Sequence[StageFields]) -> None:
    checker = FieldChecker()
    checked = [check_stage(session, checker, stage, n) for n, stage in enumerate(stages)]
    levels = [level for level, _, _ in checked]
    if len(set(levels)) != len(levels):
        checker.add(
            "stages",
            QCoreApplication.translate("Plans", "Each response stage appears once in a version."),
        )
    checker.done()
    for level, trigger, actions in checked:
        stage = PlanStage(version_id=version.id, level=level, trigger=trigger)
        session.add(stage)
        session.flush()
        _add_actions(session, stage, actions, 1)


def _add_actions(
    session: Session,
    stage: PlanStage,
    actions: list[tuple[str, str, int | None, int | None]],
    start: int,
) -> None:
    for position, (group, text, unit, limit) in enumerate(actions, start):
        session.add(
            PlanAction(
                stage_id=stage.id,
                position=position,
                group=group,
                text=text,
                unit_id=unit,
                time_limit_minutes=limit,
            )
        )
    session.flush()


def attach_file(*, session: Session, version_id: int, name: str, content: bytes) -> FileRow:
    """Keep a document file with the version (at most 50 MB), its text read for search."""
    require(session, Permission.EDIT_PLANS)
    version = _version(session, version_id)
    row = _attach(session, version, name, content)
    refresh_search_text(session, version)
    return row


def _attach(
    session: Session,
    version: PlanVersion,
    name: str,
    content: bytes,
    read: tuple[str | None] | None = None,
) -> FileRow:
    """Keep a file with the version; ``read``: its text as read already (else read now)."""
    checker = FieldChecker()
    file_name = checker.text(
        "name", name, FILE_NAME_LIMIT, QCoreApplication.translate("Plans", "Name the file.")
    )
    if len(content) > MAX_FILE_BYTES:
        checker.add("content", too_large(name, len(content)))
    if not content:
        checker.add(
            "content", fill(QCoreApplication.translate("Plans", "The file %1 is empty."), name)
        )
    checker.done()
    kept = PlanFile(
        version_id=version.id,
        name=file_name or "",
        size=len(content),
        sha256=checksum(content),
        content=content,
        extracted_text=read[0] if read is not None else extract_text(file_name or "", content),
    )
    session.add(kept)
    session.flush()
    return FileRow(kept.id, kept.name, kept.size, kept.sha256, kept.extracted_text is not None)


def file_content(*, session: Session, file_id: int) -> tuple[str, bytes]:
    """A kept file's name and bytes, checked against its checksum."""
    require(session, Permission.READ_REGISTER)
    kept = session.get(PlanFile, file_id)
    if kept is None:
        raise NotFound(QCoreApplication.translate("Plans", "This file no longer exists."))
    if checksum(kept.content) != kept.sha256:
        raise Conflict(
            fill(
                QCoreApplication.translate("Plans", "The file %1 does not match its checksum."),
                kept.name,
            )
        )
    return kept.name, kept.content


def _version(session: Session, version_id: int) -> PlanVersion:
    version = session.get(PlanVersion, version_id)
    if version is None:
        raise NotFound(QCoreApplication.translate("Plans", "This version no longer exists."))
    return version


def refresh_search_text(session: Session, version: PlanVersion) -> None:
    """The version's searchable text: title, triggers and actions, then its documents."""
    title = session.scalar(select(Plan.title).where(Plan.id == version.plan_id)) or ""
    parts = [title, version.name]
    for stage in version_content(session=session, version_id=version.id, check=False):
        if stage.trigger:
            parts.append(stage.trigger)
        parts.extend(action.text for action in stage.actions)
    parts.extend(
        text
        for text in session.scalars(
            select(PlanFile.extracted_text)
            .where(PlanFile.version_id == version.id)
            .order_by(PlanFile.id)
        )
        if text
    )
    version.search_text = "\n".join(parts)
    session.flush()


def version_row(session: Session, version_id: int) -> VersionRow:
    version = _version(session, version_id)
    code = session.scalar(select(Plan.code).where(Plan.id == version.plan_id)) or ""
    files = session.execute(
        select(
            PlanFile.id,
            PlanFile.name,
            PlanFile.size,
            PlanFile.sha256,
            PlanFile.extracted_text.is_not(None),
        )
        .where(PlanFile.version_id == version_id)
        .order_by(PlanFile.id)
    )
    return VersionRow(
        version.id,
        code,
        version.number,
        version.name,
        version.issued_on,
        version.note,
        tuple(FileRow(*row) for row in files),
    )


def list_versions(*, session: Session, code: str) -> list[VersionRow]:
    """The plan's versions, oldest first."""
    require(session, Permission.READ_REGISTER)
    plan = plan_by_code(session, code)
    ids = session.scalars(
        select(PlanVersion.id).where(PlanVersion.plan_id == plan.id).order_by(PlanVersion.number)
    )
    return [version_row(session, version_id) for version_id in ids]


def latest_version_id(session: Session, plan_id: int) -> int | None:
    return session.scalar(
        select(PlanVersion.id)
        .where(PlanVersion.plan_id == plan_id)
        .order_by(PlanVersion.number.desc())
        .limit(1)
    )


def version_content(*, session: Session, version_id: int, check: bool = True) -> list[StageRow]:
    """The version's stages from the lowest (sea-typhoon, Ⅳ … Ⅰ), actions in order."""
    if check:
        require(session, Permission.READ_REGISTER)
    stages = list(session.scalars(select(PlanStage).where(PlanStage.version_id == version_id)))
    stages.sort(key=lambda s: stage_rank(s.level))
    actions: dict[int, list[ActionRow]] = {}
    rows = session.execute(
        select(
            PlanAction.stage_id,
            PlanAction.id,
            PlanAction.group,
            PlanAction.text,
            MemberUnit.name,
            PlanAction.time_limit_minutes,
        )
        .join(PlanStage, PlanStage.id == PlanAction.stage_id)
        .outerjoin(MemberUnit, MemberUnit.id == PlanAction.unit_id)
        .where(PlanStage.version_id == version_id)
        .order_by(PlanAction.position, PlanAction.id)
    )
    for stage_id, action_id, group, text, unit, limit in rows:
        actions.setdefault(stage_id, []).append(ActionRow(action_id, group, text, unit, limit))
    return [StageRow(s.level, s.trigger, tuple(actions.get(s.id, ()))) for s in stages]


@dataclass(frozen=True, slots=True)
class ActionChange:
    level: str
    before: ActionRow | None  # None: added
    after: ActionRow | None  # None: removed


@dataclass(frozen=True, slots=True)
class VersionDiff:
    """What changed from ``before`` (None: the first version) to ``after``."""

    before: int | None
    after: int
    stages_added: tuple[str, ...] = ()
    stages_removed: tuple[str, ...] = ()
    triggers_changed: tuple[tuple[str, str | None, str | None], ...] = ()
    actions: tuple[ActionChange, ...] = field(default=())

    @property
    def unchanged(self) -> bool:
        return not (
            self.stages_added or self.stages_removed or self.triggers_changed or self.actions
        )


def compare_with_previous(*, session: Session, version_id: int) -> VersionDiff:
    """The version beside the one before it: stages, triggers and actions added, removed or
    changed. Actions are matched by their text within a stage; a matched action whose
    group, responsible unit or time limit differs is changed."""
    require(session, Permission.READ_REGISTER)
    version = _version(session, version_id)
    previous = session.scalar(
        select(PlanVersion.id)
        .where(PlanVersion.plan_id == version.plan_id, PlanVersion.number < version.number)
        .order_by(PlanVersion.number.desc())
        .limit(1)
    )
    after = {s.level: s for s in version_content(session=session, version_id=version.id)}
    before = (
        {s.level: s for s in version_content(session=session, version_id=previous)}
        if previous is not None
        else {}
    )
    triggers = []
    changes: list[ActionChange] = []
    for level in STAGE_ORDER:
        old, new = before.get(level), after.get(level)
        if old is not None and new is not None and (old.trigger or "") != (new.trigger or ""):
            triggers.append((level, old.trigger, new.trigger))
        old_actions = {a.text: a for a in (old.actions if old else ())}
        new_actions = {a.text: a for a in (new.actions if new else ())}
        for text, action in old_actions.items():
            match = new_actions.get(text)
            if match is None:
                changes.append(ActionChange(level, action, None))
            elif (action.group, action.unit, action.time_limit_minutes) != (
                match.group,
                match.unit,
                match.time_limit_minutes,
            ):
                changes.append(ActionChange(level, action, match))
        changes.extend(
            ActionChange(level, None, action)
            for text, action in new_actions.items()
            if text not in old_actions
        )
    return VersionDiff(
        previous,
        version.id,
        tuple(level for level in STAGE_ORDER if level in after and level not in before),
        tuple(level for level in STAGE_ORDER if level in before and level not in after),
        tuple(triggers),
        tuple(changes),
    )
