"""``map reach | export``: what a typhoon's winds reach, and the register's map as one offline page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models.messages import fill
from ui.cli.core import EXIT_OK, Commands, Context, argument_type, say
from ui.printing.registry import Format, document


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
    for option in document("typhoon-reach", Format.EXCEL).options:
        reach.add_argument(
            f"--{option.name}",
            type=argument_type(option.type),
            metavar=option.metavar,
            required=option.required,
            help=option.help_text,
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
    """The registry's ``export typhoon-reach`` under its older name, saying what the
    counts rest on when the track gives no radii at that time (or they are interpolated)."""
    from maps.reach import compute_reach
    from models.refusals import NotFound
    from models.typhoons import parse_time, typhoon_id_for

    spec = document("typhoon-reach", Format.EXCEL)
    at = ctx.args.at
    with ctx.db.session(ctx.actor) as session:
        typhoon_id = typhoon_id_for(session=session, key=str(ctx.args.typhoon))
        if typhoon_id is None:
            raise NotFound(
                fill(
                    QCoreApplication.translate("Documents", "No typhoon with the number or id %1."),
                    str(ctx.args.typhoon),
                )
            )
        table = compute_reach(
            session=session,
            typhoon_id=typhoon_id,
            at=parse_time(at) if isinstance(at, str) else at,
        )
        spec.make(
            session=session, path=ctx.args.output, typhoon=ctx.args.typhoon, at=at, table=table
        )
    if table.radii_text:
        say(table.radii_text)


def _export(ctx: Context) -> None:
    from maps.pages import export_map

    summary = export_map(ctx.db, ctx.actor, ctx.settings, Path(ctx.args.output))
    say(
        fill(
            QCoreApplication.translate("CommandLine", "%1 features on the map."),
            f"{sum(summary.features.values()):,}",
        )
    )
