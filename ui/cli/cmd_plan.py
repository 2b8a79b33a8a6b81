"""``plan deadlines | search | activate | stage | checklist | tick``: the plan library's
deadlines and search, and during an event the plan activated, its stage changed and its
actions ticked done."""

from __future__ import annotations

import argparse
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from models.clock import display_time, display_zone
from models.fields import record_number
from models.messages import fill
from models.refusals import InvalidValue
from ui.cli.cmd_event import level_code
from ui.cli.core import EXIT_OK, Commands, Context, UsageError, argument_type, say


def register(commands: Commands) -> None:
    """Adds ``plan`` and its actions to the command line."""
    plan = commands.add_parser(
        "plan",
        help=QCoreApplication.translate(
            "CommandLine", "contingency plans: deadlines, search, activation and checklist"
        ),
    )
    actions = plan.add_subparsers(dest="plan_action", metavar="ACTION", required=True)
    due = actions.add_parser(
        "deadlines",
        help=QCoreApplication.translate("CommandLine", "overdue and soon-due plan deadlines"),
    )
    due.add_argument("--all", action="store_true", dest="everything")
    search = actions.add_parser(
        "search", help=QCoreApplication.translate("CommandLine", "search the plans' texts")
    )
    search.add_argument("words", metavar="WORDS")
    activate = actions.add_parser(
        "activate",
        help=QCoreApplication.translate(
            "CommandLine", "activate a plan for the event in progress at a stage"
        ),
    )
    activate.add_argument("code", metavar="CODE")
    activate.add_argument("stage", metavar="STAGE")
    stage = actions.add_parser(
        "stage",
        help=QCoreApplication.translate("CommandLine", "raise or lower an activated plan"),
    )
    stage.add_argument("code", metavar="CODE")
    stage.add_argument("stage", metavar="STAGE")
    listed = actions.add_parser(
        "checklist",
        help=QCoreApplication.translate("CommandLine", "an activated plan's checklist"),
    )
    listed.add_argument("code", metavar="CODE")
    tick = actions.add_parser(
        "tick", help=QCoreApplication.translate("CommandLine", "mark an action done")
    )
    tick.add_argument("item", metavar="ITEM", type=argument_type(record_number))
    tick.add_argument("--note", metavar="TEXT")
    version = actions.add_parser(
        "version",
        help=QCoreApplication.translate(
            "CommandLine",
            "add a version of a plan (its content copied from the latest) with its files",
        ),
    )
    version.add_argument("code", metavar="CODE")
    version.add_argument("name", metavar="NAME")
    version.add_argument("--file", action="append", default=[], metavar="FILE", dest="files")
    compare = actions.add_parser(
        "compare",
        help=QCoreApplication.translate(
            "CommandLine", "what changed in a plan's latest version from the one before"
        ),
    )
    compare.add_argument("code", metavar="CODE")
    evaluated = actions.add_parser(
        "evaluated",
        help=QCoreApplication.translate(
            "CommandLine", "record that a plan was evaluated (its next evaluation counts from then)"
        ),
    )
    evaluated.add_argument("code", metavar="CODE")
    evaluated.add_argument(
        "--on",
        metavar="DATE",
        type=argument_type(_day),
        help=QCoreApplication.translate(
            "CommandLine", "the day of the evaluation (default: today)"
        ),
    )
    kept = actions.add_parser(
        "file", help=QCoreApplication.translate("CommandLine", "write a kept plan file out")
    )
    kept.add_argument("file_id", metavar="ID", type=argument_type(record_number))
    kept.add_argument("-o", "--output", required=True, metavar="FILE")
    plan.set_defaults(handler=run)


def _day(text: object) -> date:
    """A day as typed: 2026-12-07, 2026/12/7, 2026.12.7, 2026年12月7日 or 20261207."""
    from models.plans.imports import parse_date

    try:
        return parse_date(text, serials=None)
    except ValueError:
        raise InvalidValue(
            fill(
                QCoreApplication.translate(
                    "CommandLine", "Not a day: %1 (write it as 2026-12-07)."
                ),
                str(text),
            )
        ) from None


def _stage(word: str) -> str:
    try:
        code = level_code(word)
    except UsageError:
        code = None
    if code is None:
        raise UsageError(
            fill(
                QCoreApplication.translate(
                    "CommandLine", "Unknown stage %1: use sea, IV, III, II or I."
                ),
                word,
            )
        )
    return code


def run(ctx: Context) -> int:
    args = ctx.args
    action = args.plan_action
    from models.plans import (
        activate_plan,
        activations,
        change_stage,
        checklist,
        deadlines,
        search_plans,
        tick_action,
    )

    stage = _stage(args.stage) if action in ("activate", "stage") else None
    if action in ("version", "compare", "file"):
        return _versions(ctx, args)
    writes = ("activate", "stage", "tick", "evaluated")
    with ctx.db.session(ctx.actor, write=action in writes) as session:
        if action == "evaluated":
            from models.plans import record_evaluation

            on = args.on or datetime.now(display_zone()).date()
            plan = record_evaluation(session=session, code=args.code, on=on)
            say(
                fill(
                    QCoreApplication.translate("CommandLine", "Plan %1 evaluated on %2."),
                    plan.code,
                    on.isoformat(),
                )
            )
        elif action == "deadlines":
            from models.exports.plans import DEADLINE_KINDS, deadline_state

            rows = deadlines(session=session, everything=args.everything)
            for due in rows:
                say(
                    f"{due.plan_code}\t{due.title}\t"
                    f"{QCoreApplication.translate('PlansPage', DEADLINE_KINDS[due.kind])}\t"
                    f"{due.due.isoformat()}\t{deadline_state(due)}"
                )
            if any(due.estimated for due in rows):
                from models.plans import calendar_note

                say(calendar_note())
        elif action == "search":
            for hit in search_plans(session=session, query=args.words):
                say(f"{hit.plan_code}\t{hit.title}\t{hit.version_name}\t{hit.passage}")
        elif action == "activate":
            assert stage is not None
            started = activate_plan(session=session, code=args.code, stage=stage)
            say(
                fill(
                    QCoreApplication.translate("CommandLine", "Plan %1 activated: %2 actions."),
                    started.plan_code,
                    str(len(checklist(session=session, activation_id=started.id))),
                )
            )
        elif action == "tick":
            done = tick_action(session=session, item_id=args.item, note=args.note)
            say(
                fill(
                    QCoreApplication.translate("CommandLine", "Done at %1: %2"),
                    display_time(done.done_at) if done.done_at else "",
                    done.text,
                )
            )
        else:
            active = [a for a in activations(session=session) if a.plan_code == args.code.strip()]
            if not active:
                from models.refusals import NotFound

                raise NotFound(
                    fill(
                        QCoreApplication.translate("CommandLine", "The plan %1 was not activated."),
                        args.code,
                    )
                )
            if action == "stage":
                assert stage is not None
                change_stage(session=session, activation_id=active[-1].id, stage=stage)
            for item in checklist(session=session, activation_id=active[-1].id):
                say(
                    "\t".join(
                        (
                            str(item.id),
                            item.level,
                            item.text,
                            item.unit or "",
                            display_time(item.due_at) if item.due_at else "",
                            display_time(item.done_at) if item.done_at else "",
                            item.note or "",
                        )
                    )
                )
    return EXIT_OK


def _versions(ctx: Context, args: argparse.Namespace) -> int:
    from pathlib import Path

    from models.plans import (
        add_version,
        compare_with_previous,
        content_fields,
        file_content,
        list_versions,
        version_content,
    )
    from models.plans.documents import MAX_FILE_BYTES, read_documents, too_large
    from models.refusals import Conflict

    if args.plan_action == "version":
        paths = []
        for name in args.files:
            path = Path(name)
            if not path.is_file():
                raise UsageError(
                    fill(QCoreApplication.translate("CommandLine", "No file %1."), name)
                )
            if path.stat().st_size > MAX_FILE_BYTES:
                raise Conflict(too_large(path.name, path.stat().st_size))
            paths.append(path)
        read = read_documents(paths)  # their text too, before the write lock is taken
        if read.problems:
            raise Conflict("\n".join(read.problems))
        files = read.files
        with ctx.db.session(ctx.actor, write=True) as session:
            versions = list_versions(session=session, code=args.code)
            stages = (
                content_fields(version_content(session=session, version_id=versions[-1].id))
                if versions
                else []
            )
            made = add_version(
                session=session, code=args.code, name=args.name, stages=stages, files=files
            )
        say(
            fill(
                QCoreApplication.translate("CommandLine", "Version %1 of %2 added, %3 files."),
                str(made.number),
                made.plan_code,
                str(len(made.files)),
            )
        )
        for kept in made.files:
            say(f"{kept.id}\t{kept.name}\t{kept.size}\t{kept.sha256}")
        return EXIT_OK
    if args.plan_action == "file":
        with ctx.db.session(ctx.actor) as session:
            name, content = file_content(session=session, file_id=args.file_id)
        Path(args.output).write_bytes(content)
        say(fill(QCoreApplication.translate("CommandLine", "%1 written to %2"), name, args.output))
        return EXIT_OK
    with ctx.db.session(ctx.actor) as session:
        versions = list_versions(session=session, code=args.code)
        if not versions:
            say(QCoreApplication.translate("CommandLine", "The plan has no version."))
            return EXIT_OK
        diff = compare_with_previous(session=session, version_id=versions[-1].id)
    for level in diff.stages_added:
        say(f"+ {level}")
    for level in diff.stages_removed:
        say(f"- {level}")
    for level, before, after in diff.triggers_changed:
        say(f"~ {level}\t{before or ''}\t→\t{after or ''}")
    for change in diff.actions:
        mark = "~" if change.before and change.after else "+" if change.after else "-"
        shown = change.after or change.before
        assert shown is not None
        detail = (
            f"\t{change.before.unit or ''} {change.before.time_limit_minutes or ''}"
            f"\t→\t{change.after.unit or ''} {change.after.time_limit_minutes or ''}"
            if change.before and change.after
            else ""
        )
        say(f"{mark} {change.level}\t{shown.text}{detail}")
    if diff.unchanged:
        say(QCoreApplication.translate("CommandLine", "No change from the version before."))
    return EXIT_OK
