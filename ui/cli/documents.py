"""``print`` and ``export``: one sub-parser per document of ``ui.printing.registry``, with
the document's own options, so an option of another document is a usage error."""

from __future__ import annotations

import argparse
from typing import Any

from PySide6.QtCore import QCoreApplication

from models.messages import fill
from ui.cli.core import EXIT_OK, Commands, Context, UsageError, argument_type, say
from ui.printing.registry import Document, Format, document, documents


def register_documents(commands: Commands, format: Format, help: str) -> None:
    """Adds ``print`` (PDF) or ``export`` (Excel) with a subcommand per document."""
    group = commands.add_parser(format.command, help=help)
    kinds = group.add_subparsers(dest="document", metavar="DOCUMENT", required=True)
    for spec in documents(format):
        sub = kinds.add_parser(spec.key, help=spec.title_text)
        for option in spec.options:
            flag = f"--{option.name}"
            if option.kind == "flag":
                sub.add_argument(flag, action="store_true", help=option.help_text)
                continue
            extra: dict[str, Any] = {"choices": option.choices} if option.choices else {}
            sub.add_argument(
                flag,
                type=argument_type(option.type),
                metavar=None if option.choices else option.metavar,
                default=option.default,
                required=option.required,
                help=option.help_text,
                **extra,
            )
        sub.add_argument("-o", "--output", required=True, metavar=f"FILE{spec.suffix}")
        sub.set_defaults(handler=run, document_format=format)


def options_of(spec: Document, args: argparse.Namespace) -> dict[str, Any]:
    return {option.name: getattr(args, option.name) for option in spec.options}


def run(ctx: Context) -> int:
    """Makes the document in one session; says how many pages a PDF has."""
    args = ctx.args
    spec = document(args.document, args.document_format)
    options = options_of(spec, args)
    problem = spec.check(options) if spec.check else None
    if problem:
        raise UsageError(problem)
    with ctx.db.session(ctx.actor, write=True) as session:  # an unmasked one is audited
        result = spec.make(session=session, path=args.output, **options)
    pages = getattr(result, "pages", None)
    if pages is not None:
        say(
            fill(
                QCoreApplication.translate("CommandLine", "%1 pages written to %2"),
                str(pages),
                args.output,
            )
        )
    else:
        say(fill(QCoreApplication.translate("CommandLine", "Written to %1"), args.output))
    return EXIT_OK
