"""``map reach | export``: what a typhoon's winds reach, and the register's map as one offline page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models.messages import fill
from models.refusals import NotFound
from ui.cli.core import EXIT_OK, Commands, Context, UsageError, say


def register(commands: Commands) -> None:
    """Adds ``map`` and its actions to the command line."""
    map_parser = commands.add_parser(
        "map",
        help=QCoreApplication.translate("CommandLine", "typhoon reach and offline map export"),
    )
    actions = map_parser.add_subparsers(dest="map_action", metavar="ACTION", required=True)
    reach = actions.add_parser(
        "reach",
        help=QCoreApplication.translate(
            "CommandLine", "what the typhoon's force-7 and force-10 winds reach, to Excel"
        ),
    )
    reach.add_argument(
        "--typhoon",
        required=True,
        metavar="ID",
        help=QCoreApplication.translate(
            "CommandLine", "the typhoon's number (such as 2606) or its id"
        ),
    )
    reach.add_argument(
        "--at",
        metavar="TIME",
        help=QCoreApplication.translate(
            "CommandLine",
            "ISO 8601 time (Beijing time without an offset); default: the latest observed point",
        ),
    )
    reach.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    export = actions.add_parser(
        "export",
        help=QCoreApplication.translate(
            "CommandLine", "a self-contained map page that opens offline in any browser"
        ),
    )
    export.add_argument("-o", "--output", required=True, metavar="FILE.html")
    map_parser.set_defaults(handler=run)


def run(ctx: Context) -> int:
    """Writes the reach workbook or the offline page."""
    if ctx.args.map_action == "reach":
        _reach(ctx)
    else:
        _export(ctx)
    say(fill(QCoreApplication.translate("CommandLine", "Written to %1"), ctx.args.output))
    return EXIT_OK


def _reach(ctx: Context) -> None:
    from maps.reach import compute_reach, export_reach_xlsx
    from models.clock import zone
    from models.typhoons import parse_time, typhoon_id_for

    args = ctx.args
    try:
        at = parse_time(args.at) if args.at else None
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    with ctx.db.session(ctx.actor) as session:
        typhoon_id = typhoon_id_for(session=session, key=args.typhoon)
        if typhoon_id is None:
            raise NotFound(
                fill(
                    QCoreApplication.translate(
                        "CommandLine", "No typhoon with the number or id %1."
                    ),
                    args.typhoon,
                )
            )
        table = compute_reach(session=session, typhoon_id=typhoon_id, at=at)
    export_reach_xlsx(table, Path(args.output), tz=zone(ctx.settings.timezone))


def _export(ctx: Context) -> None:
    from maps.pages import export_map

    summary = export_map(ctx.db, ctx.actor, ctx.settings, Path(ctx.args.output))
    say(
        fill(
            QCoreApplication.translate("CommandLine", "%1 features on the map."),
            f"{sum(summary.features.values()):,}",
        )
    )
