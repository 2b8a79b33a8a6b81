"""``screenshot PAGE -o FILE.png``: a page rendered offscreen, for documentation and checks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models.messages import fill
from ui.cli.core import EXIT_OK, Commands, Context, UsageError, say
from ui.common.pages import PAGE_KEYS

MIN_SIDE, MAX_SIDE = 320, 8000  # pixels: a window the console can lay out, an image Qt can hold


def register(commands: Commands) -> None:
    """Adds ``screenshot`` to the command line, one choice per page of the page registry."""
    shot = commands.add_parser(
        "screenshot",
        help=QCoreApplication.translate("CommandLine", "render a page offscreen to a PNG file"),
    )
    shot.add_argument("page", choices=PAGE_KEYS, metavar="PAGE", help=" | ".join(PAGE_KEYS))
    shot.add_argument("-o", "--output", required=True, metavar="FILE.png")
    shot.add_argument("--size", default="1600x1000", metavar="WxH")
    shot.set_defaults(handler=run)


def run(ctx: Context) -> int:
    """Renders the page at ``--size`` and writes the PNG."""
    from ui.screenshot import take_screenshot

    args = ctx.args
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        width = height = 0
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise UsageError(
            fill(
                QCoreApplication.translate(
                    "CommandLine", "--size must look like 1600x1000, each side from %1 to %2"
                ),
                str(MIN_SIDE),
                str(MAX_SIDE),
            )
        )
    take_screenshot(ctx.db, ctx.actor, ctx.settings, args.page, Path(args.output), (width, height))
    say(fill(QCoreApplication.translate("CommandLine", "Screenshot written to %1"), args.output))
    return EXIT_OK
