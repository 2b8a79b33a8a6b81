"""``print DOCUMENT -o FILE.pdf``: the transfer documents and the village situation map as PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models.messages import fill
from ui.cli.core import EXIT_OK, Commands, Context, UsageError, say

DOCUMENTS = (
    "transfer-list",
    "transfer-cards",
    "transfer-rollup",
    "shelter-arrivals",
    "situation-map",
)


def register(commands: Commands) -> None:
    """Adds ``print`` to the command line, one choice per document."""
    prn = commands.add_parser(
        "print",
        help=QCoreApplication.translate(
            "CommandLine", "print a document to PDF (Chinese fonts embedded)"
        ),
    )
    prn.add_argument("document", choices=DOCUMENTS)
    prn.add_argument("--village", metavar="CODE")
    prn.add_argument("--event", type=int, metavar="ID")
    prn.add_argument(
        "--shelter",
        type=int,
        metavar="ID",
        help=QCoreApplication.translate("CommandLine", "shelter-arrivals: the shelter's id"),
    )
    prn.add_argument(
        "--paper",
        type=str.upper,
        choices=("A4", "A3"),
        default="A4",
        help=QCoreApplication.translate(
            "CommandLine", "situation-map: A4 or A3 landscape (default A4)"
        ),
    )
    prn.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    prn.set_defaults(handler=run)


def _check_usage(args: argparse.Namespace) -> None:
    """Each document's own options, as a usage error before the database is opened."""
    if args.document == "transfer-rollup":
        if args.event is None:
            raise UsageError(QCoreApplication.translate("CommandLine", "Give --event ID."))
    elif args.document == "shelter-arrivals":
        if args.event is None or args.shelter is None:
            raise UsageError(
                QCoreApplication.translate("CommandLine", "Give --event ID and --shelter ID.")
            )
    elif not args.village:
        raise UsageError(QCoreApplication.translate("CommandLine", "Give --village CODE."))


def run(ctx: Context) -> int:
    """Prints the document and says how many pages it has."""
    from ui.printing.transfers import (
        print_shelter_arrivals,
        print_transfer_cards,
        print_transfer_list,
        print_transfer_rollup,
    )

    args = ctx.args
    _check_usage(args)
    path = Path(args.output)
    with ctx.db.session(ctx.actor) as session:
        if args.document == "transfer-rollup":
            result = print_transfer_rollup(session=session, event_id=args.event, path=path)
        elif args.document == "shelter-arrivals":
            result = print_shelter_arrivals(
                session=session, event_id=args.event, shelter_id=args.shelter, path=path
            )
        elif args.document == "situation-map":
            from ui.printing.situation_map import print_situation_map

            result = print_situation_map(
                session=session, village_code=args.village, path=path, paper=args.paper
            )
        else:
            printer = (
                print_transfer_list if args.document == "transfer-list" else print_transfer_cards
            )
            result = printer(session=session, village_code=args.village, path=path)
    say(
        fill(
            QCoreApplication.translate("CommandLine", "%1 pages written to %2"),
            str(result.pages),
            args.output,
        )
    )
    return EXIT_OK
