"""``dutylog add | list | correct | close | handover``: the duty log from the command line.

Entries belong to the event in progress unless ``--event`` names another. A handover
takes the two officers' passwords from ECC_FROM_PASSWORD and ECC_TO_PASSWORD (else a
prompt, else one line each of standard input), never from ECC_PASSWORD, which holds the
acting user's.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from models.clock import display_time
from models.fields import record_number
from models.messages import fill
from ui.cli.core import EXIT_OK, Commands, Context, argument_type, read_secret, say

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from models.command import EntryFields, ResourceChoice


def _time(text: str) -> datetime:
    from models.typhoons.times import parse_time

    return parse_time(text)


TIME = argument_type(_time)
NUMBER = argument_type(record_number)


def _entry_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--content",
        required=required,
        metavar="TEXT",
        help=QCoreApplication.translate("CommandLine", "what was said or done"),
    )
    parser.add_argument(
        "--at",
        type=TIME,
        metavar="TIME",
        help=QCoreApplication.translate(
            "CommandLine", "when it happened (default: now; earlier needs --late-reason)"
        ),
    )
    parser.add_argument(
        "--late-reason",
        dest="late_reason",
        metavar="TEXT",
        help=QCoreApplication.translate("CommandLine", "why the entry is logged late"),
    )
    parser.add_argument(
        "--unit",
        metavar="TEXT",
        help=QCoreApplication.translate("CommandLine", "the caller's unit"),
    )
    parser.add_argument(
        "--unit-id",
        dest="unit_id",
        type=NUMBER,
        metavar="ID",
        help=QCoreApplication.translate("CommandLine", "the caller's member unit, by its id"),
    )
    parser.add_argument("--caller", metavar="NAME")
    parser.add_argument("--phone", metavar="NUMBER")
    parser.add_argument(
        "--instruction",
        metavar="TEXT",
        help=QCoreApplication.translate("CommandLine", "the leader's instruction and handling"),
    )
    parser.add_argument(
        "--division",
        metavar="CODE",
        help=QCoreApplication.translate("CommandLine", "the town or village code"),
    )
    _resource_options(parser)
    parser.add_argument(
        "--due",
        type=TIME,
        metavar="TIME",
        help=QCoreApplication.translate("CommandLine", "a follow-up falling due then"),
    )


def _resource_options(parser: argparse.ArgumentParser, *, listing: bool = False) -> None:
    concerned = parser.add_mutually_exclusive_group()
    concerned.add_argument(
        "--team",
        metavar="NAME",
        help=QCoreApplication.translate(
            "CommandLine", "the rescue team concerned, by its name or a part of it"
        ),
    )
    concerned.add_argument(
        "--warehouse",
        metavar="NAME",
        help=QCoreApplication.translate(
            "CommandLine", "the warehouse concerned, by its name or a part of it"
        ),
    )
    concerned.add_argument(
        "--resource",
        metavar="NAME",
        help=QCoreApplication.translate(
            "CommandLine", "entries whose team or warehouse (or older free text) holds it"
        )
        if listing
        else QCoreApplication.translate(
            "CommandLine", "the team or warehouse concerned, by its full name"
        ),
    )


def register(commands: Commands) -> None:
    """Adds ``dutylog`` and its actions to the command line."""
    from models.command import ENTRY_KINDS, LOG_KINDS

    dutylog = commands.add_parser(
        "dutylog",
        help=QCoreApplication.translate(
            "CommandLine", "the duty log: calls, instructions, follow-ups and handovers"
        ),
    )
    actions = dutylog.add_subparsers(dest="dutylog_action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help=QCoreApplication.translate("CommandLine", "log an entry"))
    add.add_argument("--kind", required=True, choices=tuple(ENTRY_KINDS))
    _entry_options(add, required=True)
    add.add_argument("--event", type=NUMBER, metavar="ID")

    listing = actions.add_parser(
        "list", help=QCoreApplication.translate("CommandLine", "list and search the log")
    )
    listing.add_argument("--event", type=NUMBER, metavar="ID")
    listing.add_argument(
        "--text",
        metavar="TEXT",
        help=QCoreApplication.translate("CommandLine", "entries whose content holds it"),
    )
    listing.add_argument("--kind", action="append", choices=tuple(LOG_KINDS))
    listing.add_argument("--division", metavar="CODE")
    _resource_options(listing, listing=True)
    listing.add_argument("--since", type=TIME, metavar="TIME")
    listing.add_argument("--until", type=TIME, metavar="TIME")
    listing.add_argument(
        "--open",
        action="store_true",
        help=QCoreApplication.translate("CommandLine", "only the follow-ups still open"),
    )
    listing.add_argument("--limit", type=NUMBER, default=200, metavar="N")

    correct = actions.add_parser(
        "correct",
        help=QCoreApplication.translate(
            "CommandLine", "correct an entry (a new entry; the facts not given are kept)"
        ),
    )
    correct.add_argument("entry", type=NUMBER, metavar="ID")
    _entry_options(correct, required=False)
    correct.add_argument(
        "--reason",
        metavar="TEXT",
        help=QCoreApplication.translate("CommandLine", "why it is corrected"),
    )

    close = actions.add_parser(
        "close", help=QCoreApplication.translate("CommandLine", "close a follow-up")
    )
    close.add_argument("entry", type=NUMBER, metavar="ID")
    close.add_argument(
        "--content",
        required=True,
        metavar="TEXT",
        help=QCoreApplication.translate("CommandLine", "how it was settled"),
    )

    handover = actions.add_parser(
        "handover",
        help=QCoreApplication.translate(
            "CommandLine",
            "hand the shift over (passwords from ECC_FROM_PASSWORD and ECC_TO_PASSWORD)",
        ),
    )
    handover.add_argument("--from", dest="from_user", required=True, metavar="USER")
    handover.add_argument("--to", dest="to_user", required=True, metavar="USER")
    handover.add_argument(
        "--open-items",
        dest="open_items",
        metavar="TEXT",
        help=QCoreApplication.translate("CommandLine", "the open items for the next shift"),
    )
    dutylog.set_defaults(handler=run)


def _concerned(session: Session, args: argparse.Namespace) -> ResourceChoice | None:
    """The team or warehouse ``--team`` or ``--warehouse`` names (refused when none or
    several match); None when neither is given."""
    from models.command import find_resource

    for kind in ("team", "warehouse"):
        name = getattr(args, kind)
        if name is not None:
            return find_resource(session=session, name=name, kind=kind)
    return None


def _fields(session: Session, args: argparse.Namespace, base: EntryFields) -> EntryFields:
    """The typed options over ``base`` (an EntryFields), those not given left as they are."""
    concerned = _concerned(session, args)
    if concerned is not None or args.resource is not None:
        base = replace(
            base,
            resource=args.resource,
            team_id=concerned.id if concerned and concerned.kind == "team" else None,
            warehouse_id=concerned.id if concerned and concerned.kind == "warehouse" else None,
        )
    changes = {
        "content": args.content,
        "at": args.at,
        "backdate_reason": args.late_reason,
        "caller_unit": args.unit,
        "caller_unit_id": args.unit_id,
        "caller_name": args.caller,
        "caller_phone": args.phone,
        "instruction": args.instruction,
        "division_code": args.division,
        "follow_up_due": args.due,
    }
    return replace(base, **{k: v for k, v in changes.items() if v is not None})


def run(ctx: Context) -> int:
    args = ctx.args
    action = args.dutylog_action
    if action == "list":
        return _list(ctx, args)
    if action == "handover":
        return _handover(ctx, args)
    from models.command import (
        EntryFields,
        add_entry,
        close_follow_up,
        correct_entry,
        fields_of,
        find_event,
    )

    with ctx.db.session(ctx.actor, write=True) as session:
        if action == "add":
            event_id = None
            if args.event is not None:
                event_id = find_event(session, args.event).id
            else:
                from models.events import active_event

                active = active_event(session=session)
                event_id = active.id if active is not None else None
            fields = _fields(
                session, args, EntryFields(kind=args.kind, content="", event_id=event_id)
            )
            entry_id = add_entry(session=session, fields=fields)
            message = fill(
                QCoreApplication.translate("CommandLine", "Entry %1 logged."), str(entry_id)
            )
        elif action == "correct":
            fields = _fields(session, args, fields_of(session=session, entry_id=args.entry))
            entry_id = correct_entry(
                session=session, entry_id=args.entry, fields=fields, reason=args.reason
            )
            message = fill(
                QCoreApplication.translate("CommandLine", "Entry %1 corrected by entry %2."),
                str(args.entry),
                str(entry_id),
            )
        else:
            entry_id = close_follow_up(session=session, entry_id=args.entry, content=args.content)
            message = fill(
                QCoreApplication.translate("CommandLine", "Follow-up closed by entry %1."),
                str(entry_id),
            )
    say(message)
    return EXIT_OK


def _list(ctx: Context, args: argparse.Namespace) -> int:
    from models.command import LogFilter, list_entries
    from models.command.dutylog_text import caller_text, kind_text, resource_text, state_text

    with ctx.db.session(ctx.actor) as session:
        concerned = _concerned(session, args)
        where = LogFilter(
            event_id=args.event,
            text=args.text,
            kinds=tuple(args.kind or ()),
            division_code=args.division,
            since=args.since,
            until=args.until,
            open_follow_ups=args.open,
            team_id=concerned.id if concerned and concerned.kind == "team" else None,
            warehouse_id=concerned.id if concerned and concerned.kind == "warehouse" else None,
            resource_text=args.resource,
        )
        rows = list_entries(session=session, where=where, limit=args.limit)
    now = datetime.now(UTC)
    lines = []
    for row in rows:
        parts = [f"#{row.id}", display_time(row.at), kind_text(row)]
        if caller := caller_text(row):
            parts.append(caller)
        if row.division_name:
            parts.append(row.division_name)
        if concerned_text := resource_text(row):
            parts.append(concerned_text)
        text = "  ".join(parts) + ": " + row.content
        if row.instruction:
            text += " → " + row.instruction
        if state := state_text(row, now):
            text += f"  [{state}]"
        lines.append(text)
    say(
        "\n".join(lines)
        if lines
        else QCoreApplication.translate("CommandLine", "No entry matches.")
    )
    return EXIT_OK


def _handover(ctx: Context, args: argparse.Namespace) -> int:
    from models.command import hand_over

    giving = read_secret(
        fill(QCoreApplication.translate("CommandLine", "Password of %1: "), args.from_user),
        variable="ECC_FROM_PASSWORD",
    )
    taking = read_secret(
        fill(QCoreApplication.translate("CommandLine", "Password of %1: "), args.to_user),
        variable="ECC_TO_PASSWORD",
    )
    with ctx.db.session(ctx.actor, write=True) as session:
        row = hand_over(
            session=session,
            from_user=args.from_user,
            from_password=giving,
            to_user=args.to_user,
            to_password=taking,
            open_items=args.open_items,
        )
    say(
        fill(
            QCoreApplication.translate(
                "CommandLine",
                "Shift handed over by %1 to %2 (handover %3): %4 entries, %5 follow-ups open.",
            ),
            row.from_user,
            row.to_user,
            str(row.id),
            str(row.entries),
            str(row.open_follow_ups),
        )
    )
    return EXIT_OK
