"""``report draft | edit | sign | send | list | due | issuer | deadline | daily``: an
event's reports upward from draft to sent, the reports due, and the settings they use
(the issuer and its abbreviation, the deadlines, the daily report's hours)."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models.clock import display_time
from models.fields import record_number
from models.messages import fill
from ui.cli.core import EXIT_OK, Commands, Context, UsageError, argument_type, say

TEXT_FILE_LIMIT = 1_000_000  # bytes: a report's text is a few thousand characters


def register(commands: Commands) -> None:
    """Adds ``report`` and its actions to the command line."""
    from models.command.reports_due import DEADLINE_KINDS
    from models.command.reports_tables import ANY_GRADE, REPORT_KINDS
    from models.labels import EVENT_GRADES

    report = commands.add_parser(
        "report",
        help=QCoreApplication.translate(
            "CommandLine", "reports upward of an event: draft, edit, sign, send, list, due"
        ),
    )
    actions = report.add_subparsers(dest="report_action", metavar="ACTION", required=True)
    record = argument_type(record_number)

    draft = actions.add_parser(
        "draft",
        help=QCoreApplication.translate(
            "CommandLine", "draft a report from the event's facts (initial, followup, daily, final)"
        ),
    )
    draft.add_argument("kind", choices=tuple(REPORT_KINDS))
    draft.add_argument("--event", type=record, metavar="ID")

    edit = actions.add_parser(
        "edit",
        help=QCoreApplication.translate("CommandLine", "replace a draft's text with a file's"),
    )
    edit.add_argument("report", type=record, metavar="REPORT_ID")
    edit.add_argument(
        "--text-file",
        dest="text_file",
        required=True,
        metavar="FILE",
        help=QCoreApplication.translate("CommandLine", "UTF-8 text, one paragraph a line"),
    )
    edit.add_argument("--title", metavar="TEXT")

    sign = actions.add_parser(
        "sign",
        help=QCoreApplication.translate(
            "CommandLine", "record the leader's signature; the report is numbered"
        ),
    )
    sign.add_argument("report", type=record, metavar="REPORT_ID")
    sign.add_argument(
        "--signer",
        required=True,
        metavar="NAME",
        help=QCoreApplication.translate("CommandLine", "the leader who signed"),
    )

    send = actions.add_parser(
        "send",
        help=QCoreApplication.translate("CommandLine", "record a signed report as sent"),
    )
    send.add_argument("report", type=record, metavar="REPORT_ID")
    send.add_argument(
        "--to",
        required=True,
        nargs="+",
        metavar="UNIT",
        help=QCoreApplication.translate("CommandLine", "member units by name or abbreviation"),
    )

    listing = actions.add_parser(
        "list", help=QCoreApplication.translate("CommandLine", "the event's reports")
    )
    listing.add_argument("--event", type=record, metavar="ID")

    actions.add_parser(
        "due", help=QCoreApplication.translate("CommandLine", "the reports due, soonest first")
    )

    issuer = actions.add_parser(
        "issuer",
        help=QCoreApplication.translate(
            "CommandLine", "show or set the issuer and the abbreviation numbers start with"
        ),
    )
    issuer.add_argument("--name", metavar="TEXT")
    issuer.add_argument("--abbreviation", metavar="TEXT")

    deadline = actions.add_parser(
        "deadline",
        help=QCoreApplication.translate(
            "CommandLine", "show the deadlines, or set one by report kind and event grade"
        ),
    )
    deadline.add_argument("kind", nargs="?", choices=DEADLINE_KINDS)
    deadline.add_argument("grade", nargs="?", choices=(*EVENT_GRADES, ANY_GRADE))
    deadline.add_argument("--written", type=int, metavar="MINUTES")
    deadline.add_argument("--phone", type=int, metavar="MINUTES")

    daily = actions.add_parser(
        "daily",
        help=QCoreApplication.translate(
            "CommandLine", "when daily reports start and the hour they are due"
        ),
    )
    daily.add_argument("--after", type=int, required=True, metavar="HOURS")
    daily.add_argument("--hour", type=int, required=True, metavar="HOUR")
    report.set_defaults(handler=run)


def _read_text(path: str) -> str:
    from ui.cli.core import FileRefused

    file = Path(path)
    try:
        if file.stat().st_size > TEXT_FILE_LIMIT:
            raise FileRefused(
                fill(
                    QCoreApplication.translate(
                        "CommandLine", "%1 is too large for a report's text."
                    ),
                    path,
                )
            )
        data = file.read_bytes()
    except OSError as error:
        raise FileRefused(
            fill(
                QCoreApplication.translate("CommandLine", "%1 cannot be read: %2"),
                path,
                error.strerror or "",
            )
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRefused(
            fill(QCoreApplication.translate("CommandLine", "%1 is not UTF-8 text."), path)
        ) from None


def _when(at: datetime | None) -> str:
    return display_time(at) if at is not None else "—"


def run(ctx: Context) -> int:
    args = ctx.args
    action = args.report_action
    if action in ("list", "due"):
        return _read(ctx, args)
    if action == "deadline" and args.kind is None:
        return _deadlines(ctx)
    if action == "issuer" and args.name is None and args.abbreviation is None:
        return _issuer(ctx)
    from models.command import (
        draft_report,
        edit_report,
        find_event,
        send_report,
        set_daily_rule,
        set_deadline,
        set_issuer,
        sign_report,
    )

    text = _read_text(args.text_file) if action == "edit" else None
    if action == "deadline" and (args.grade is None or args.written is None):
        raise UsageError(
            QCoreApplication.translate(
                "CommandLine", "Give the kind, the grade and --written MINUTES."
            )
        )
    if action == "issuer" and (args.name is None or args.abbreviation is None):
        raise UsageError(
            QCoreApplication.translate("CommandLine", "Give both --name and --abbreviation.")
        )
    with ctx.db.session(ctx.actor, write=True) as session:
        if action == "draft":
            event_id = find_event(session, args.event).id
            row = draft_report(session=session, event_id=event_id, kind=args.kind)
            message = fill(
                QCoreApplication.translate("CommandLine", "%1 drafted (report ID %2): %3"),
                row.name,
                str(row.id),
                row.title,
            )
        elif action == "edit":
            row = edit_report(
                session=session, report_id=args.report, text=text or "", title=args.title
            )
            message = fill(
                QCoreApplication.translate("CommandLine", "The text of %1 was replaced."), row.name
            )
        elif action == "sign":
            row = sign_report(session=session, report_id=args.report, signer=args.signer)
            message = fill(
                QCoreApplication.translate("CommandLine", "%1 signed by %2, numbered %3."),
                row.name,
                row.signer or "",
                row.doc_number or "",
            )
        elif action == "send":
            row = send_report(session=session, report_id=args.report, to=args.to)
            message = fill(
                QCoreApplication.translate("CommandLine", "%1 (%2) sent at %3 to %4."),
                row.name,
                row.doc_number or "",
                _when(row.sent_at),
                "、".join(row.recipients),
            )
        elif action == "issuer":
            found = set_issuer(session=session, name=args.name, abbreviation=args.abbreviation)
            message = fill(
                QCoreApplication.translate("CommandLine", "Issuer: %1 (%2)"),
                found.name,
                found.abbreviation,
            )
        elif action == "deadline":
            set_deadline(
                session=session,
                kind=args.kind,
                grade=args.grade,
                written_minutes=args.written,
                phone_minutes=args.phone,
            )
            message = QCoreApplication.translate("CommandLine", "The deadline was set.")
        else:
            set_daily_rule(session=session, after_hours=args.after, hour=args.hour)
            message = QCoreApplication.translate(
                "CommandLine", "The daily report's hours were set."
            )
    say(message)
    return EXIT_OK


def _read(ctx: Context, args: argparse.Namespace) -> int:
    from models.base import utcnow
    from models.command import due_reports, find_event, list_reports

    with ctx.db.session(ctx.actor) as session:
        if args.report_action == "due":
            due = due_reports(session=session, now=utcnow())
            if not due:
                say(QCoreApplication.translate("CommandLine", "No report is due."))
            for item in due:
                minutes = int(item.seconds_left // 60)
                left = (
                    fill(QCoreApplication.translate("CommandLine", "%1 min overdue"), str(-minutes))
                    if item.overdue
                    else fill(
                        QCoreApplication.translate("CommandLine", "%1 min left"), str(minutes)
                    )
                )
                phone = (
                    fill(
                        QCoreApplication.translate("CommandLine", "by phone %1, "),
                        display_time(item.phone_due),
                    )
                    if item.phone_due
                    else ""
                )
                say(
                    fill(
                        QCoreApplication.translate("CommandLine", "%1 %2: %3in writing %4 (%5)"),
                        item.event_name,
                        item.name,
                        phone,
                        display_time(item.written_due),
                        left,
                    )
                )
            return EXIT_OK
        event = find_event(session, args.event)
        reports = list_reports(session=session, event_id=event.id)
    if not reports:
        say(QCoreApplication.translate("CommandLine", "The event has no report yet."))
    states = {
        "draft": QCoreApplication.translate("CommandLine", "draft"),
        "signed": QCoreApplication.translate("CommandLine", "signed"),
        "sent": QCoreApplication.translate("CommandLine", "sent"),
    }
    for row in reports:
        say(
            "  ".join(
                (
                    str(row.id),
                    row.name,
                    states[row.state],
                    row.doc_number or "—",
                    row.signer or "—",
                    _when(row.sent_at),
                    "、".join(row.recipients) or "—",
                )
            )
        )
    return EXIT_OK


def _deadlines(ctx: Context) -> int:
    from models.command import deadline_table

    with ctx.db.session(ctx.actor) as session:
        rows = deadline_table(session=session)
    for row in rows:
        phone = str(row.phone_minutes) if row.phone_minutes is not None else "—"
        say(
            fill(
                QCoreApplication.translate(
                    "CommandLine", "%1 %2: by phone %3 min, in writing %4 min"
                ),
                row.kind,
                row.grade,
                phone,
                str(row.written_minutes),
            )
        )
    return EXIT_OK


def _issuer(ctx: Context) -> int:
    from models.command import issuer

    with ctx.db.session(ctx.actor) as session:
        found = issuer(session=session)
    say(
        fill(
            QCoreApplication.translate("CommandLine", "Issuer: %1 (%2)"),
            found.name,
            found.abbreviation,
        )
    )
    return EXIT_OK
