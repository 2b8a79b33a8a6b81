"""``export households | transfer-rollup``: Excel files for villages and for reporting upward."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models.messages import fill
from ui.cli.core import EXIT_OK, Commands, Context, UsageError, say


def register(commands: Commands) -> None:
    """Adds ``export`` to the command line."""
    exp = commands.add_parser(
        "export", help=QCoreApplication.translate("CommandLine", "export data to a file")
    )
    exp.add_argument(
        "kind",
        choices=("households", "transfer-rollup"),
        help=QCoreApplication.translate("CommandLine", "what to export"),
    )
    exp.add_argument("--village", metavar="CODE")
    exp.add_argument(
        "--event",
        type=int,
        metavar="ID",
        help=QCoreApplication.translate("CommandLine", "transfer-rollup: the event's id"),
    )
    exp.add_argument("--year", type=int, metavar="YYYY")
    exp.add_argument(
        "--template",
        action="store_true",
        help=QCoreApplication.translate("CommandLine", "an empty village transfer list to fill"),
    )
    exp.add_argument(
        "--unmasked",
        action="store_true",
        help=QCoreApplication.translate(
            "CommandLine", "full mobile numbers (if your role allows; recorded in the audit)"
        ),
    )
    exp.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    exp.set_defaults(handler=run)


def run(ctx: Context) -> int:
    """Writes the chosen workbook; options of the other kind are a usage error, not ignored."""
    from models.exports.households import export_households, export_template

    args = ctx.args
    if args.kind == "transfer-rollup":
        from models.exports.rollup import export_transfer_rollup

        if args.event is None:
            raise UsageError(QCoreApplication.translate("CommandLine", "Give --event ID."))
        if args.template or args.village or args.unmasked or args.year is not None:
            raise UsageError(
                QCoreApplication.translate(
                    "CommandLine",
                    "--village, --year, --template and --unmasked are for export households.",
                )
            )
        with ctx.db.session(ctx.actor) as session:
            export_transfer_rollup(session=session, event_id=args.event, path=Path(args.output))
    elif args.template:
        export_template(path=Path(args.output))
    elif not args.village:
        raise UsageError(
            QCoreApplication.translate(
                "CommandLine", "Give --village CODE, or --template for an empty list."
            )
        )
    else:
        with ctx.db.session(ctx.actor) as session:
            export_households(
                session=session,
                path=Path(args.output),
                village_code=args.village,
                year=args.year,
                unmasked=args.unmasked,
            )
    say(fill(QCoreApplication.translate("CommandLine", "Written to %1"), args.output))
    return EXIT_OK
