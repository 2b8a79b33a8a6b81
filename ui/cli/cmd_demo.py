"""``demo``: the deterministic demo county, for trying the console and for performance work."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models.database import display_url, sqlite_path
from models.messages import fill
from models.settings import data_dir
from ui.cli.core import EXIT_OK, Commands, Context, percent_printer, say


def register(commands: Commands) -> None:
    """Adds ``demo`` to the command line."""
    demo = commands.add_parser(
        "demo",
        help=QCoreApplication.translate("CommandLine", "build the demo county"),
        description=QCoreApplication.translate(
            "CommandLine",
            "Build the deterministic demo county. The demo accounts (published passwords) are "
            "added only to a database without users; a database with users keeps them and "
            "gets no demo account.",
        ),
    )
    demo.add_argument(
        "--scale",
        type=int,
        default=1,
        help=QCoreApplication.translate("CommandLine", "multiply the counts (performance work)"),
    )
    demo.add_argument(
        "--force",
        action="store_true",
        help=QCoreApplication.translate(
            "CommandLine",
            "replace the data of a demo database; any other database is backed up first "
            "(the command says where)",
        ),
    )
    demo.add_argument(
        "--scenario",
        choices=("typhoon",),
        help=QCoreApplication.translate(
            "CommandLine",
            "also build a situation: typhoon = the demo typhoon's event in progress, "
            "transfers part done",
        ),
    )
    demo.add_argument(
        "--open",
        action="store_true",
        help=QCoreApplication.translate(
            "CommandLine",
            "open the console afterwards (and skip building if the demo is already there)",
        ),
    )
    demo.set_defaults(handler=run)


def run(ctx: Context) -> int:
    """Builds the demo county (a refusal if the database holds other data), then maybe opens it."""
    from models.demo import DEMO_ACCOUNTS, build_demo, replaces_other_data
    from models.meta import DEMO_KEY, get_meta
    from ui.cli.cmd_gui import open_console

    args = ctx.args
    if args.open:
        with ctx.db.session(None) as session:
            existing = get_meta(session=session, key=DEMO_KEY)
        if existing is not None and not args.force:
            return open_console(ctx)
    backed_up = False
    if args.force:
        with ctx.db.session(ctx.actor) as session:
            backed_up = replaces_other_data(session=session)
        if backed_up:
            target = _backup_path(ctx)
            ctx.db.backup(target)
            say(
                fill(
                    QCoreApplication.translate(
                        "CommandLine",
                        "This is not a demo database. Its data were backed up to %1 "
                        "before being replaced; its users are kept and no demo account is added.",
                    ),
                    str(target),
                )
            )
    say(
        fill(
            QCoreApplication.translate(
                "CommandLine", "Building the demo county (scale %1) in %2 ..."
            ),
            str(args.scale),
            display_url(ctx.url),
        )
    )
    with ctx.db.session(ctx.actor, write=True) as session:
        summary = build_demo(
            session=session,
            scale=args.scale,
            force=args.force,
            backed_up=backed_up,
            scenario=args.scenario,
            progress=percent_printer(),
        )
    say(
        fill(
            QCoreApplication.translate(
                "CommandLine",
                "Demo county built: %1 towns, %2 villages, %3 grids, %4 danger zones, %5 shelters.",
            ),
            f"{summary.towns:,}",
            f"{summary.villages:,}",
            f"{summary.grids:,}",
            f"{summary.danger_zones:,}",
            f"{summary.shelters:,}",
        )
    )
    say(
        fill(
            QCoreApplication.translate(
                "CommandLine", "Transfer lists: %1 households, %2 other objects; a demo typhoon."
            ),
            f"{summary.households:,}",
            f"{summary.transfer_objects:,}",
        )
    )
    if summary.warehouses:
        say(
            fill(
                QCoreApplication.translate(
                    "CommandLine", "Supplies: %1 warehouses, %2 items, %3 movements."
                ),
                f"{summary.warehouses:,}",
                f"{summary.supply_items:,}",
                f"{summary.supply_movements:,}",
            )
        )
    if summary.event:
        say(
            fill(
                QCoreApplication.translate(
                    "CommandLine", "Event in progress: %1 (transfers part done)."
                ),
                summary.event,
            )
        )
    if summary.accounts:
        say(QCoreApplication.translate("CommandLine", "Demo accounts (user / password):"))
        for name in summary.accounts:
            say(f"  {name} / {DEMO_ACCOUNTS[name]}")
    if args.open:
        return open_console(ctx)
    return EXIT_OK


def _backup_path(ctx: Context) -> Path:
    """Beside a SQLite file's upgrade backups; for PostgreSQL in the user data directory."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = sqlite_path(ctx.url)
    if path is not None:
        return path.parent / "backups" / f"{path.stem}-before-demo-{stamp}.sqlite"
    return data_dir() / "backups" / f"before-demo-{stamp}.dump"
