"""``import KIND FILE``: one sub-parser per kind of ``models.imports.registry``, its options
and their help read from there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from models.refusals import Conflict
from ui.cli.core import Commands, Context, argument_type, percent_printer, say


def register(commands: Commands) -> None:
    """Adds ``import`` to the command line, one sub-command per import kind."""
    from models.imports.registry import GATE_OPTIONS, import_kinds

    imp = commands.add_parser(
        "import", help=QCoreApplication.translate("CommandLine", "import data from a file")
    )
    kinds = imp.add_subparsers(
        dest="import_kind",
        metavar="KIND",
        required=True,
        help=QCoreApplication.translate("CommandLine", "what the file holds"),
    )
    for kind in import_kinds():
        title = QCoreApplication.translate("ImportDialog", kind.title)
        sub = kinds.add_parser(kind.key, help=title, description=title)
        sub.add_argument("file", metavar="FILE")
        for option in (*kind.options, *GATE_OPTIONS):
            help_text = QCoreApplication.translate("CommandLine", option.help)
            if option.type == "flag":
                sub.add_argument(option.flag, dest=option.name, action="store_true", help=help_text)
            else:
                sub.add_argument(
                    option.flag,
                    dest=option.name,
                    metavar=option.metavar,
                    type=argument_type(option.parse),
                    help=help_text,
                )
        sub.set_defaults(handler=run)


def run(ctx: Context) -> int:
    """Imports the file and prints its report; the report's verdict is the exit code (0, 1,
    or 4 when ``--valid-only`` wrote the valid rows and refused others)."""
    from sqlalchemy.exc import IntegrityError

    from models.imports.framework import run_import
    from models.imports.registry import import_kind
    from models.imports.report import format_report

    args = ctx.args
    kind = import_kind(args.import_kind)
    options: dict[str, Any] = {option.name: getattr(args, option.name) for option in kind.options}
    try:
        report = run_import(
            db=ctx.db,
            actor=ctx.actor,
            kind=kind.key,
            path=Path(args.file),
            dry_run=args.dry_run,
            valid_only=args.valid_only,
            options=options,
            progress=percent_printer(),
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
