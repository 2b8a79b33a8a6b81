"""``supplies count | counts | nearest``: a stock count (盘点) of a warehouse recorded from the
command line, its differences posted as one count adjustment with the reason, and the counts
kept (one count's lines with book quantity, counted and difference); where the nearest
available stock of a quantity of an item lies from a village or a point, warehouse by
warehouse until the quantity is made up."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.fields import record_number
from models.messages import fill
from ui.cli.core import EXIT_OK, Commands, Context, UsageError, argument_type, say


def register(commands: Commands) -> None:
    """Adds ``supplies`` and its actions to the command line."""
    from models.supplies.nearby import parse_point, parse_quantity

    supplies = commands.add_parser(
        "supplies",
        help=QCoreApplication.translate("CommandLine", "supplies: stock counts, the nearest stock"),
    )
    actions = supplies.add_subparsers(dest="supplies_action", metavar="ACTION", required=True)
    count = actions.add_parser(
        "count",
        help=QCoreApplication.translate(
            "CommandLine",
            "record a stock count of a warehouse; differences are posted as a count adjustment",
        ),
    )
    count.add_argument(
        "--warehouse",
        required=True,
        metavar="NAME",
        help=QCoreApplication.translate("CommandLine", "the warehouse's name or code"),
    )
    count.add_argument(
        "--line",
        required=True,
        action="append",
        metavar="CODE[/LOT]=QUANTITY",
        help=QCoreApplication.translate(
            "CommandLine",
            "what was found of an item (and lot, when it is held in several), such as "
            "BZD=11950 or JSY/2026A=30 (repeat for more)",
        ),
    )
    count.add_argument(
        "--reason",
        metavar="TEXT",
        help=QCoreApplication.translate(
            "CommandLine", "why the count differs from the books (needed when it does)"
        ),
    )
    count.add_argument(
        "--counted-by",
        dest="counted_by",
        metavar="NAMES",
        help=QCoreApplication.translate("CommandLine", "who counted"),
    )
    counts = actions.add_parser(
        "counts",
        help=QCoreApplication.translate(
            "CommandLine", "the counts kept, or one count's lines with --count"
        ),
    )
    counts.add_argument(
        "--warehouse",
        metavar="NAME",
        help=QCoreApplication.translate("CommandLine", "only this warehouse's counts"),
    )
    counts.add_argument(
        "--count",
        type=argument_type(record_number),
        metavar="ID",
        help=QCoreApplication.translate("CommandLine", "one count's lines"),
    )
    nearest = actions.add_parser(
        "nearest",
        help=QCoreApplication.translate(
            "CommandLine", "the nearest available stock of an item from a village or a point"
        ),
    )
    nearest.add_argument(
        "--item",
        required=True,
        metavar="NAME",
        help=QCoreApplication.translate("CommandLine", "the item's name or code, such as 救生衣"),
    )
    nearest.add_argument(
        "--quantity",
        required=True,
        type=argument_type(parse_quantity),
        metavar="N",
        help=QCoreApplication.translate("CommandLine", "how many, in the item's unit"),
    )
    nearest.add_argument(
        "--level",
        action="append",
        choices=("county", "town", "village", "agreement"),
        help=QCoreApplication.translate(
            "CommandLine", "only warehouses of this level (repeat for more; default: every level)"
        ),
    )
    place = nearest.add_mutually_exclusive_group(required=True)
    place.add_argument(
        "--village",
        metavar="NAME",
        help=QCoreApplication.translate("CommandLine", "a village or town, by name or code"),
    )
    place.add_argument(
        "--at",
        type=argument_type(parse_point),
        metavar="LON,LAT",
        help=QCoreApplication.translate("CommandLine", "a point in WGS84 degrees"),
    )
    supplies.set_defaults(handler=run)


def _entries(texts: list[str]) -> list[tuple[str, str | None, str]]:
    """(item code, lot or None, quantity as typed) of each ``--line``."""
    entries = []
    for text in texts:
        key, equals, quantity = text.partition("=")
        code, slash, lot = key.strip().partition("/")
        if not equals or not code.strip() or not quantity.strip():
            raise UsageError(
                fill(
                    QCoreApplication.translate(
                        "CommandLine",
                        "--line %1: write CODE=QUANTITY or CODE/LOT=QUANTITY, such as BZD=11950.",
                    ),
                    text,
                )
            )
        entries.append((code.strip(), lot.strip() if slash else None, quantity))
    return entries


def run(ctx: Context) -> int:
    if ctx.args.supplies_action == "count":
        return _count(ctx)
    if ctx.args.supplies_action == "nearest":
        return _nearest(ctx)
    return _counts(ctx)


def _count(ctx: Context) -> int:
    from models.supplies import counted_quantity, find_warehouse, record_count, resolve_lines

    args = ctx.args
    entries = _entries(args.line)
    with ctx.db.session(ctx.actor, write=True) as session:
        warehouse = find_warehouse(session, args.warehouse)
        lines = resolve_lines(
            session,
            warehouse,
            [(code, lot, counted_quantity(quantity)) for code, lot, quantity in entries],
        )
        row = record_count(
            session=session,
            warehouse_id=warehouse,
            counted=lines,
            reason=args.reason,
            counted_by=args.counted_by,
        )
    if row.differences:
        say(
            fill(
                QCoreApplication.translate(
                    "CommandLine",
                    "Count %1 of %2: %3 lines counted, %4 differ; posted as count adjustment %5.",
                ),
                row.id,
                row.warehouse,
                row.lines,
                row.differences,
                row.slip,
            )
        )
    else:
        say(
            fill(
                QCoreApplication.translate(
                    "CommandLine", "Count %1 of %2: %3 lines counted, all as on the books."
                ),
                row.id,
                row.warehouse,
                row.lines,
            )
        )
    return EXIT_OK


def _counts(ctx: Context) -> int:
    from models.clock import display_time
    from models.supplies import count_lines, count_rows, find_warehouse

    args = ctx.args
    with ctx.db.session(ctx.actor) as session:
        warehouse = find_warehouse(session, args.warehouse) if args.warehouse else None
        rows = count_rows(session=session, warehouse_id=warehouse, count_id=args.count)
        lines = count_lines(session=session, count_id=args.count) if args.count else []
    if not rows:
        say(QCoreApplication.translate("CommandLine", "No count is kept yet."))
        return EXIT_OK
    out = []
    for row in rows:
        out.append(
            fill(
                QCoreApplication.translate(
                    "CommandLine",
                    "%1  %2  %3  counted by %4, recorded by %5: %6 lines, %7 differ %8",
                ),
                row.id,
                display_time(row.counted_at),
                row.warehouse,
                row.counted_by or "—",
                row.recorded_by,
                row.lines,
                row.differences,
                f"({row.slip}) {row.reason}" if row.slip else "",
            ).rstrip()
        )
    for line in lines:
        out.append(
            "  "
            + fill(
                QCoreApplication.translate(
                    "CommandLine", "%1 %2 %3: on the books %4, counted %5, difference %6 %7"
                ),
                line.item_code,
                line.item_name,
                line.lot or "—",
                f"{line.book:,}",
                f"{line.counted:,}",
                f"{line.difference:+,}" if line.difference else "0",
                line.unit,
            )
        )
    say("\n".join(out))
    return EXIT_OK


def _nearest(ctx: Context) -> int:
    from models.supplies.catalogue import WAREHOUSE_LEVEL_LABELS
    from models.supplies.nearby import find_item, nearest_stock, village_point

    args = ctx.args
    with ctx.db.session(ctx.actor) as session:
        item_id, _name, _unit = find_item(session, args.item)
        if args.village is not None:
            place, lon, lat = village_point(session, args.village)
        else:
            lon, lat = args.at
            place = f"{lon:.5f},{lat:.5f}"
        found = nearest_stock(
            session=session,
            item_id=item_id,
            quantity=args.quantity,
            lon=lon,
            lat=lat,
            place=place,
            levels=args.level,
        )
    lines = [
        fill(
            QCoreApplication.translate(
                "CommandLine", "Nearest available stock of %1 %2 %3 from %4 (straight line):"
            ),
            found.asked,
            found.unit,
            found.item,
            found.place,
        )
    ]
    for source in found.sources:
        lines.append(
            "  "
            + fill(
                QCoreApplication.translate(
                    "CommandLine", "%1 km  %2 (%3): %4 %5 available, take %6 %5  %7"
                ),
                f"{source.distance_km:.1f}",
                source.warehouse,
                QCoreApplication.translate(
                    "Supplies", WAREHOUSE_LEVEL_LABELS.get(source.level, source.level)
                ),
                source.available,
                found.unit,
                source.take,
                source.manager,
            ).rstrip()
        )
    if found.enough:
        used = sum(1 for s in found.sources if s.take > 0)
        lines.append(
            fill(QCoreApplication.translate("CommandLine", "Enough from %1 warehouse(s)."), used)
        )
    else:
        lines.append(
            fill(
                QCoreApplication.translate("CommandLine", "Not enough in the county: %1 %2 short."),
                found.short,
                found.unit,
            )
        )
    say("\n".join(lines))
    return EXIT_OK
