"""The documents registry: every PDF and workbook declared once, read by the command line."""

from __future__ import annotations

import argparse
import importlib

from ui.cli import cmd_export, cmd_print
from ui.printing.layout import MAP_PAPERS
from ui.printing.registry import PAPER, Format, documents


def test_every_document_is_declared_once_with_a_maker_and_translated_texts() -> None:
    keys = [(d.format, d.key) for d in documents()]
    assert len(keys) == len(set(keys))
    assert {d.key for d in documents(Format.PDF)} == {
        "transfer-list",
        "transfer-cards",
        "transfer-rollup",
        "shelter-arrivals",
        "situation-map",
        "event-report",
        "handover",
        "plan-register",
        "plan-deadlines",
        "plan-checklist",
        "supply-slip",
        "team-roster",
        "team-readiness",
        "experts",
        "area",
        "count-sheet",
        "supplies-stock-report",
        "kit-compliance",
    }
    assert {d.key for d in documents(Format.EXCEL)} == {
        "households",
        "transfer-rollup",
        "typhoon-reach",
        "dutylog",
        "plan-register",
        "plan-deadlines",
        "team-roster",
        "team-readiness",
        "supplies-stock",
    }
    for spec in documents():
        module, function = spec.maker.split(":")
        assert callable(getattr(importlib.import_module(module), function))
        assert spec.title_text and all(option.help_text for option in spec.options)
    assert tuple(MAP_PAPERS) == PAPER.choices


def test_print_and_export_take_their_subcommands_from_the_registry() -> None:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command")
    cmd_print.register(commands)
    cmd_export.register(commands)
    for spec in documents():
        args = parser.parse_args(
            [spec.format.command, spec.key, "-o", f"x{spec.suffix}"]
            + [
                token
                for option in spec.options
                if option.required
                for token in (f"--{option.name}", "1")
            ]
        )
        assert args.document == spec.key and args.document_format is spec.format
