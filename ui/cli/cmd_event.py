"""``event start | level | grade | incident | end | show``: the event in progress, its
response level changes with signer and reason, its grade, incidents and history."""

from __future__ import annotations

import argparse
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from models.clock import display_time
from models.fields import record_number
from models.messages import fill
from ui.cli.core import EXIT_OK, Commands, Context, UsageError, argument_type, say

_LEVEL_WORDS = {"sea": "sea", "iv": "IV", "iii": "III", "ii": "II", "i": "I", "lifted": None}
_LEVEL_WORDS |= {"Ⅳ": "IV", "Ⅲ": "III", "Ⅱ": "II", "Ⅰ": "I", "4": "IV", "3": "III"}
_LEVEL_WORDS |= {"2": "II", "1": "I"}


def register(commands: Commands) -> None:
    """Adds ``event`` and its actions to the command line."""
    from models.command import INCIDENT_KINDS
    from models.events import EVENT_KINDS
    from models.labels import EVENT_GRADES

    event = commands.add_parser(
        "event",
        help=QCoreApplication.translate(
            "CommandLine", "the event in progress and its response level"
        ),
    )
    actions = event.add_subparsers(dest="event_action", metavar="ACTION", required=True)

    start = actions.add_parser(
        "start", help=QCoreApplication.translate("CommandLine", "start an event (one at a time)")
    )
    start.add_argument("name", metavar="NAME")
    start.add_argument("--kind", choices=tuple(EVENT_KINDS), default="typhoon")
    start.add_argument(
        "--number",
        metavar="N",
        help=QCoreApplication.translate("CommandLine", "the event's number, such as 2026-06"),
    )
    start.add_argument("--grade", choices=tuple(EVENT_GRADES))
    start.add_argument(
        "--typhoon",
        metavar="CODE",
        help=QCoreApplication.translate("CommandLine", "the typhoon it follows, such as 2606"),
    )
    start.add_argument(
        "--area",
        metavar="TEXT",
        help=QCoreApplication.translate("CommandLine", "the county, or the towns concerned"),
    )
    start.add_argument(
        "--drawn-area",
        metavar="NAME",
        help=QCoreApplication.translate("CommandLine", "an area drawn on the map and saved"),
    )
    start.add_argument(
        "--at",
        metavar="TIME",
        help=QCoreApplication.translate("CommandLine", "when it started (default: now)"),
    )

    level = actions.add_parser(
        "level",
        help=QCoreApplication.translate(
            "CommandLine", "change the response level (sea, IV, III, II, I or lifted)"
        ),
    )
    level.add_argument("level", metavar="LEVEL")
    level.add_argument(
        "--signer",
        metavar="NAME",
        help=QCoreApplication.translate(
            "CommandLine", "the leader who signed (default: the leader on shift by the roster)"
        ),
    )
    level.add_argument("--reason", required=True, metavar="TEXT")
    level.add_argument("--doc-number", dest="doc_number", metavar="N")
    level.add_argument(
        "--at",
        metavar="TIME",
        help=QCoreApplication.translate("CommandLine", "when it took effect (default: now)"),
    )
    level.add_argument("--event", type=argument_type(record_number), metavar="ID")

    grade = actions.add_parser(
        "grade", help=QCoreApplication.translate("CommandLine", "change the event's grade")
    )
    grade.add_argument("grade", choices=tuple(EVENT_GRADES))
    grade.add_argument("--reason", required=True, metavar="TEXT")
    grade.add_argument("--event", type=argument_type(record_number), metavar="ID")

    incident = actions.add_parser(
        "incident",
        help=QCoreApplication.translate("CommandLine", "log an incident under the event"),
    )
    incident.add_argument("kind", choices=tuple(INCIDENT_KINDS))
    incident.add_argument("--place", required=True, metavar="TEXT")
    incident.add_argument("--description", required=True, metavar="TEXT")
    incident.add_argument(
        "--division",
        metavar="CODE",
        help=QCoreApplication.translate("CommandLine", "the town or village code"),
    )
    incident.add_argument("--at", metavar="TIME")
    incident.add_argument("--event", type=argument_type(record_number), metavar="ID")

    end = actions.add_parser(
        "end", help=QCoreApplication.translate("CommandLine", "end the event in progress")
    )
    end.add_argument("--at", metavar="TIME")
    end.add_argument(
        "--signer",
        metavar="NAME",
        help=QCoreApplication.translate(
            "CommandLine",
            "the leader who signed the lifting of the response (default: the leader on shift)",
        ),
    )
    end.add_argument("--reason", metavar="TEXT")
    end.add_argument("--doc-number", dest="doc_number", metavar="N")
    end.add_argument("--event", type=argument_type(record_number), metavar="ID")

    show = actions.add_parser(
        "show",
        help=QCoreApplication.translate(
            "CommandLine", "the event, its level history and incidents"
        ),
    )
    show.add_argument("--event", type=argument_type(record_number), metavar="ID")
    event.set_defaults(handler=run)


def _time(text: str | None) -> datetime | None:
    from models.typhoons.times import parse_time

    return parse_time(text) if text else None


def level_code(word: str) -> str | None:
    """The stored code of a level as typed (sea, IV, Ⅳ, 4, lifted, or its label)."""
    from models.labels import RESPONSE_LEVELS, code_for

    key = word.strip()
    if key.lower() in _LEVEL_WORDS:
        return _LEVEL_WORDS[key.lower()]
    if key in _LEVEL_WORDS:
        return _LEVEL_WORDS[key]
    code = code_for(RESPONSE_LEVELS, key)
    if code is None:
        raise UsageError(
            fill(
                QCoreApplication.translate(
                    "CommandLine", "Unknown response level %1: give sea, IV, III, II, I or lifted."
                ),
                word,
            )
        )
    return code


def run(ctx: Context) -> int:
    args = ctx.args
    action = args.event_action
    if action == "show":
        return _show(ctx, args)
    level = level_code(args.level) if action == "level" else None
    from models.command import (
        change_grade,
        change_response_level,
        end_event_lifting,
        find_event,
        log_incident,
    )
    from models.events import start_event

    with ctx.db.session(ctx.actor, write=True) as session:
        if action == "start":
            event = start_event(
                session=session,
                name=args.name,
                kind=args.kind,
                number=args.number,
                grade=args.grade,
                typhoon_code=args.typhoon,
                area=args.area,
                drawn_area=args.drawn_area,
                started_at=_time(args.at),
            )
            message = fill(
                QCoreApplication.translate("CommandLine", "Event %1 started (ID %2)."),
                event.name,
                str(event.id),
            )
        else:
            event_id = find_event(session, args.event).id
            if action == "level":
                from models.command import leader_on_shift

                at = _time(args.at)
                change_response_level(
                    session=session,
                    event_id=event_id,
                    level=level,
                    signer=args.signer or leader_on_shift(session=session, at=at),
                    reason=args.reason,
                    doc_number=args.doc_number,
                    at=at,
                )
                from models.command import level_label

                message = fill(
                    QCoreApplication.translate("CommandLine", "Response level now: %1"),
                    level_label(level),
                )
            elif action == "grade":
                change_grade(
                    session=session, event_id=event_id, grade=args.grade, reason=args.reason
                )
                message = QCoreApplication.translate("CommandLine", "The grade was changed.")
            elif action == "incident":
                log_incident(
                    session=session,
                    event_id=event_id,
                    kind=args.kind,
                    place=args.place,
                    description=args.description,
                    division_code=args.division,
                    at=_time(args.at),
                )
                message = QCoreApplication.translate("CommandLine", "The incident was logged.")
            else:
                ended = end_event_lifting(
                    session=session,
                    event_id=event_id,
                    signer=args.signer,
                    reason=args.reason,
                    doc_number=args.doc_number,
                    at=_time(args.at),
                )
                message = fill(
                    QCoreApplication.translate("CommandLine", "Event %1 ended."), ended.name
                )
    say(message)
    return EXIT_OK


def _show(ctx: Context, args: argparse.Namespace) -> int:
    from models.command import (
        INCIDENT_KINDS,
        find_event,
        grade_history,
        level_history,
        level_label,
        list_incidents,
    )
    from models.events import EVENT_KINDS, get_event
    from models.labels import EVENT_GRADES, label

    with ctx.db.session(ctx.actor) as session:
        found = find_event(session, args.event)
        event = get_event(session=session, event_id=found.id)
        assert event is not None
        levels = level_history(session=session, event_id=event.id)
        grades = grade_history(session=session, event_id=event.id)
        incidents = list_incidents(session=session, event_id=event.id)
    lines = [
        fill(
            QCoreApplication.translate("CommandLine", "Event %1 (ID %2): %3"),
            event.name,
            str(event.id),
            label(EVENT_KINDS, event.kind),
        ),
        fill(
            QCoreApplication.translate(
                "CommandLine", "Number: %1 · grade: %2 · typhoon: %3 · area: %4"
            ),
            event.number or "-",
            label(EVENT_GRADES, event.grade) or "-",
            event.typhoon_code or "-",
            event.area or "-",
        ),
        *(
            [fill(QCoreApplication.translate("CommandLine", "Drawn area: %1"), event.drawn_area)]
            if event.drawn_area
            else []
        ),
        fill(
            QCoreApplication.translate("CommandLine", "Started %1 · ended %2"),
            display_time(event.started_at),
            display_time(event.ended_at)
            if event.ended_at
            else QCoreApplication.translate("CommandLine", "in progress"),
        ),
        fill(
            QCoreApplication.translate("CommandLine", "Response level now: %1"),
            level_label(event.response_level),
        ),
        QCoreApplication.translate("CommandLine", "Level changes:")
        if levels
        else QCoreApplication.translate("CommandLine", "No level change recorded."),
    ]
    for change in levels:
        lines.append(
            "  "
            + fill(
                QCoreApplication.translate(
                    "CommandLine", "%1  %2 → %3  signed by %4, recorded by %5, document %6: %7"
                ),
                display_time(change.at),
                level_label(change.old),
                level_label(change.new),
                change.signer or "-",
                change.recorded_by,
                change.doc_number or "-",
                change.reason or "-",
            )
        )
    for grade in grades:
        lines.append(
            "  "
            + fill(
                QCoreApplication.translate("CommandLine", "%1  grade %2 → %3 (%4): %5"),
                display_time(grade.at),
                label(EVENT_GRADES, grade.old) or "-",
                label(EVENT_GRADES, grade.new),
                grade.recorded_by,
                grade.reason,
            )
        )
    if incidents:
        lines.append(QCoreApplication.translate("CommandLine", "Incidents:"))
    for incident in incidents:
        lines.append(
            "  "
            + fill(
                "%1  %2  %3: %4",
                display_time(incident.at),
                label(INCIDENT_KINDS, incident.kind),
                incident.place + (f"（{incident.division}）" if incident.division else ""),
                incident.description,
            )
        )
    say("\n".join(lines))
    return EXIT_OK
