"""``import KIND FILE``: divisions, households, typhoon tracks and GIS layers from files."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from models.refusals import Conflict
from ui.cli.core import Commands, Context, percent_printer, say


def register(commands: Commands) -> None:
    """Adds ``import`` to the command line, one choice per import kind."""
    from models.imports.kinds import IMPORT_KINDS

    imp = commands.add_parser(
        "import", help=QCoreApplication.translate("CommandLine", "import data from a file")
    )
    imp.add_argument(
        "kind",
        choices=IMPORT_KINDS,
        help=QCoreApplication.translate("CommandLine", "what the file holds"),
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help=QCoreApplication.translate("CommandLine", "only check and report; write nothing"),
    )
    imp.add_argument(
        "--valid-only",
        action="store_true",
        help=QCoreApplication.translate(
            "CommandLine", "import the valid rows and report the refused ones"
        ),
    )
    imp.add_argument(
        "--crs",
        metavar="CRS",
        help=QCoreApplication.translate(
            "CommandLine",
            "coordinate system of the file: wgs84, cgcs2000, gcj02, bd09 or EPSG:NNNN "
            "(default: a Shapefile's .prj, else wgs84)",
        ),
    )
    imp.add_argument(
        "--village",
        metavar="CODE",
        help=QCoreApplication.translate(
            "CommandLine", "households: the village, when the title row does not name it"
        ),
    )
    imp.add_argument(
        "--year",
        type=int,
        metavar="YYYY",
        help=QCoreApplication.translate("CommandLine", "households: the year of the list"),
    )
    imp.add_argument(
        "--code",
        help=QCoreApplication.translate("CommandLine", "typhoon: its number, such as 2609"),
    )
    imp.add_argument(
        "--name", help=QCoreApplication.translate("CommandLine", "typhoon: its name, such as 烟花")
    )
    imp.set_defaults(handler=run)


def _importer(args: argparse.Namespace) -> tuple[Callable[..., Any], dict[str, Any]]:
    """The import function for ``args.kind`` and the options that kind takes."""
    from models.imports.kinds import importer_for

    importer, options = importer_for(args.kind)
    if args.kind == "households":
        options |= {"village_code": args.village, "year": args.year, "crs": args.crs or "wgs84"}
    elif args.kind == "typhoon":
        options |= {"code": args.code, "name": args.name}
    elif args.kind != "divisions":
        options |= {"crs": args.crs}
    return importer, options


def run(ctx: Context) -> int:
    """Imports the file and prints its report; the report's verdict is the exit code."""
    from sqlalchemy.exc import IntegrityError

    from models.imports.report import format_report

    args = ctx.args
    importer, options = _importer(args)
    try:
        with ctx.db.session(ctx.actor) as session:
            report = importer(
                session=session,
                path=Path(args.file),
                dry_run=args.dry_run,
                valid_only=args.valid_only,
                progress=percent_printer(),
                **options,
            )
    except IntegrityError as exc:  # another workstation wrote the same rows meanwhile
        raise Conflict(
            QCoreApplication.translate(
                "CommandLine",
                "Nothing was written: another user changed the same records at the same time. "
                "Run the import again.",
            )
        ) from exc
    say(format_report(report))
    return int(report.exit_code)
