"""``roster set | show``: the duty roster of a day — per shift the officers on duty and the
leader on shift with a phone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.messages import fill
from ui.cli.core import EXIT_OK, Commands, Context, argument_type, say


def register(commands: Commands) -> None:
    """Adds ``roster`` and its actions to the command line."""
    from models.command import SHIFTS, parse_day

    roster = commands.add_parser(
        "roster",
        help=QCoreApplication.translate(
            "CommandLine", "the duty roster: officers and the leader on shift"
        ),
    )
    actions = roster.add_subparsers(dest="roster_action", metavar="ACTION", required=True)
    day_help = QCoreApplication.translate(
        "CommandLine", "the duty day, such as 2026-12-07 (default: today's, from 08:00)"
    )
    put = actions.add_parser(
        "set", help=QCoreApplication.translate("CommandLine", "set who is on duty for a shift")
    )
    put.add_argument("--day", type=argument_type(parse_day), metavar="DATE", help=day_help)
    put.add_argument("--shift", choices=tuple(SHIFTS), default="full")
    put.add_argument(
        "--officer",
        required=True,
        action="append",
        metavar="NAME",
        help=QCoreApplication.translate("CommandLine", "an officer on duty (repeat for more)"),
    )
    put.add_argument(
        "--leader",
        required=True,
        metavar="NAME",
        help=QCoreApplication.translate("CommandLine", "the leader on shift"),
    )
    put.add_argument("--leader-phone", dest="leader_phone", metavar="PHONE")
    show = actions.add_parser(
        "show", help=QCoreApplication.translate("CommandLine", "the roster of a day")
    )
    show.add_argument("--day", type=argument_type(parse_day), metavar="DATE", help=day_help)
    roster.set_defaults(handler=run)


def run(ctx: Context) -> int:
    from models.command import SHIFTS, day_roster, duty_day, set_roster
    from models.labels import label

    args = ctx.args
    day = args.day or duty_day()
    if args.roster_action == "set":
        with ctx.db.session(ctx.actor, write=True) as session:
            row = set_roster(
                session=session,
                day=day,
                shift=args.shift,
                officers="、".join(args.officer),
                leader=args.leader,
                leader_phone=args.leader_phone,
            )
        say(
            fill(
                QCoreApplication.translate(
                    "CommandLine", "Roster of %1, %2: officers %3, leader %4."
                ),
                day.isoformat(),
                label(SHIFTS, row.shift),
                row.officers,
                row.leader,
            )
        )
        return EXIT_OK
    with ctx.db.session(ctx.actor) as session:
        rows = day_roster(session=session, day=day)
    if not rows:
        say(
            fill(
                QCoreApplication.translate(
                    "CommandLine", "No roster for %1: set it with roster set."
                ),
                day.isoformat(),
            )
        )
        return EXIT_OK
    lines = [fill(QCoreApplication.translate("CommandLine", "Duty roster of %1"), day.isoformat())]
    for row in rows:
        lines.append(
            "  "
            + fill(
                QCoreApplication.translate(
                    "CommandLine", "%1: officers %2 · leader on shift %3 %4"
                ),
                label(SHIFTS, row.shift),
                row.officers,
                row.leader,
                row.leader_phone or "",
            ).rstrip()
        )
    say("\n".join(lines))
    return EXIT_OK
