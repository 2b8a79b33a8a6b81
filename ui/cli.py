"""The command line: ``python main.py [--db URL] [--lang zh_CN|en] [--user NAME] [SUBCOMMAND ...]``.

Exit codes for every subcommand: 0 done; 1 refused; 2 usage; 3 unexpected error
(written to the log file, one line to the user, never a traceback).
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from models.database import Database, display_url, is_sqlite, resolve_url
from models.messages import fill
from models.refusals import PermissionDenied, Refused
from models.settings import Settings
from models.users import Actor, LoginRefused

log = logging.getLogger(__name__)

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_ERROR = 0, 1, 2, 3
PAGES = (
    "dashboard",
    "map",
    "transfers",
    "teams",
    "supplies",
    "plans",
    "dispatch",
    "dutylog",
    "register",
    "settings",
)


# argparse's own messages, so usage errors and help read in the user's language.
_ARGPARSE_TEXTS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
)


def _argparse_gettext(text: str) -> str:
    return QCoreApplication.translate("argparse", text)


class UsageError(Exception):
    """Wrong use of the command line: exit code 2."""


@dataclass
class Context:
    """What every subcommand gets: the parsed arguments, the database and who acts."""

    args: argparse.Namespace
    settings: Settings
    url: str
    _db: Database | None = None
    _actor: Actor | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = Database(self.url)
            backup = self._db.upgrade()
            if backup is not None:
                say(
                    fill(
                        QCoreApplication.translate(
                            "CommandLine", "Database upgraded; backup written to %1"
                        ),
                        str(backup),
                    )
                )
        return self._db

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            self._actor = login_from_args(self)
        return self._actor

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()


def say(text: str) -> None:
    print(text, flush=True)


def complain(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def percent_printer(step: int = 10) -> Callable[[int, int], None]:
    """A progress callback that prints "40%" lines as long work passes each step."""
    last = [-step]

    def report(done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if percent >= last[0] + step:
            last[0] = percent - percent % step
            print(f"{last[0]}%", flush=True)

    return report


def read_secret(prompt: str, *, confirm: bool = False) -> str:
    """A password from ECC_PASSWORD, a prompt on a terminal, or one line of standard input."""
    if os.environ.get("ECC_PASSWORD"):
        return os.environ["ECC_PASSWORD"]
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if (
            confirm
            and getpass.getpass(QCoreApplication.translate("CommandLine", "Repeat the password: "))
            != first
        ):
            raise UsageError(QCoreApplication.translate("CommandLine", "The two passwords differ."))
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise UsageError(
            QCoreApplication.translate(
                "CommandLine", "No password given (set ECC_PASSWORD or pipe it on standard input)."
            )
        )
    return line.rstrip("\r\n")


def login_from_args(ctx: Context) -> Actor:
    """--user NAME with its password; without --user, the local operator (SQLite only)."""
    from models.audit import log_in

    name = ctx.args.user
    if not name:
        if not is_sqlite(ctx.url):
            raise UsageError(
                QCoreApplication.translate(
                    "CommandLine", "On a PostgreSQL database --user NAME is required."
                )
            )
        return Actor.local_operator()
    password = read_secret(
        fill(QCoreApplication.translate("CommandLine", "Password for %1: "), name)
    )
    try:
        with ctx.db.session(None) as session:
            return log_in(session=session, name=name, password=password, where="command line")
    except LoginRefused as exc:
        raise Refused(str(exc)) from exc


# -- subcommands ----------------------------------------------------------------


def cmd_demo(ctx: Context) -> int:
    from models.demo import DEMO_ACCOUNTS, DemoRefused, build_demo
    from models.meta import DEMO_KEY, get_meta

    args = ctx.args
    if args.open:
        with ctx.db.session(None) as session:
            existing = get_meta(session=session, key=DEMO_KEY)
        if existing is not None and not args.force:
            return cmd_gui(ctx)
    say(
        fill(
            QCoreApplication.translate(
                "CommandLine", "Building the demo county (scale %1) in %2 ..."
            ),
            str(args.scale),
            display_url(ctx.url),
        )
    )
    try:
        with ctx.db.session(ctx.actor) as session:
            summary = build_demo(
                session=session,
                scale=args.scale,
                force=args.force,
                scenario=args.scenario,
                progress=percent_printer(),
            )
    except DemoRefused as exc:
        raise Refused(str(exc)) from exc
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
        return cmd_gui(ctx)
    return EXIT_OK


def cmd_db(ctx: Context) -> int:
    action = ctx.args.db_action
    if action == "upgrade":
        db = Database(ctx.url)
        try:
            if not db.needs_upgrade():
                say(
                    fill(
                        QCoreApplication.translate(
                            "CommandLine", "The database is up to date (revision %1)."
                        ),
                        str(db.head_revision()),
                    )
                )
                return EXIT_OK
            backup = db.upgrade()
            if backup is not None:
                say(
                    fill(
                        QCoreApplication.translate("CommandLine", "Backup written to %1"),
                        str(backup),
                    )
                )
            say(
                fill(
                    QCoreApplication.translate("CommandLine", "Database upgraded to revision %1."),
                    str(db.head_revision()),
                )
            )
        finally:
            db.dispose()
        return EXIT_OK
    if action == "backup":
        _require_admin(ctx)
        ctx.db.backup(Path(ctx.args.path))
        say(fill(QCoreApplication.translate("CommandLine", "Backup written to %1"), ctx.args.path))
        return EXIT_OK
    # check
    from models.checks import check_database

    with ctx.db.session(ctx.actor) as session:
        problems = check_database(session=session)
    if problems:
        for problem in problems:
            say(problem)
        say(
            fill(
                QCoreApplication.translate("CommandLine", "%1 problems found."), str(len(problems))
            )
        )
        return EXIT_REFUSED
    say(QCoreApplication.translate("CommandLine", "The database passed every check."))
    return EXIT_OK


def _require_admin(ctx: Context) -> None:
    from models.users import Permission

    if not ctx.actor.can(Permission.ADMINISTER_DATABASE):
        raise PermissionDenied(
            QCoreApplication.translate("CommandLine", "Only an administrator may do this.")
        )


def cmd_user(ctx: Context) -> int:
    from models.users import create_user, has_users

    args = ctx.args
    with ctx.db.session(None) as session:
        first = not has_users(session=session)
    # The first administrator of a new database needs nobody's permission.
    actor = Actor.local_operator() if first and not args.user else ctx.actor
    password = read_secret(
        fill(QCoreApplication.translate("CommandLine", "Password for %1: "), args.name),
        confirm=True,
    )
    with ctx.db.session(actor) as session:
        create_user(session=session, name=args.name, role=args.role, password=password)
    say(
        fill(
            QCoreApplication.translate("CommandLine", "User %1 added with role %2."),
            args.name,
            args.role,
        )
    )
    return EXIT_OK


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


def cmd_import(ctx: Context) -> int:
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
        raise Refused(
            QCoreApplication.translate(
                "CommandLine",
                "Nothing was written: another user changed the same records at the same time. "
                "Run the import again.",
            )
        ) from exc
    say(format_report(report))
    return int(report.exit_code)


def cmd_export(ctx: Context) -> int:
    from models.exports.households import ExportRefused, export_households, export_template

    args = ctx.args
    if args.kind == "transfer-rollup":
        from models.exports.rollup import export_transfer_rollup

        if args.event is None:
            raise UsageError(QCoreApplication.translate("CommandLine", "Give --event ID."))
        if args.template or args.village or args.unmasked or args.year is not None:
            raise UsageError(
                QCoreApplication.translate(
                    "CommandLine",
                    "--village, --year, --template and --unmasked are for export households.",
                )
            )
        try:
            with ctx.db.session(ctx.actor) as session:
                export_transfer_rollup(session=session, event_id=args.event, path=Path(args.output))
        except ExportRefused as exc:
            raise Refused(str(exc)) from exc
    elif args.template:
        export_template(path=Path(args.output))
    elif not args.village:
        raise UsageError(
            QCoreApplication.translate(
                "CommandLine", "Give --village CODE, or --template for an empty list."
            )
        )
    else:
        try:
            with ctx.db.session(ctx.actor) as session:
                export_households(
                    session=session,
                    path=Path(args.output),
                    village_code=args.village,
                    year=args.year,
                    unmasked=args.unmasked,
                )
        except ExportRefused as exc:
            raise Refused(str(exc)) from exc
    say(fill(QCoreApplication.translate("CommandLine", "Written to %1"), args.output))
    return EXIT_OK


def cmd_map(ctx: Context) -> int:
    args = ctx.args
    if args.map_action == "reach":
        from maps.reach import TyphoonNotFound, compute_reach, export_reach_xlsx
        from models.clock import zone
        from models.typhoons import parse_time, typhoon_id_for

        try:
            at = parse_time(args.at) if args.at else None
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
        with ctx.db.session(ctx.actor) as session:
            typhoon_id = typhoon_id_for(session=session, key=args.typhoon)
            if typhoon_id is None:
                raise Refused(
                    fill(
                        QCoreApplication.translate(
                            "CommandLine", "No typhoon with the number or id %1."
                        ),
                        args.typhoon,
                    )
                )
            try:
                table = compute_reach(session=session, typhoon_id=typhoon_id, at=at)
            except TyphoonNotFound as exc:
                raise Refused(str(exc)) from exc
        export_reach_xlsx(table, Path(args.output), tz=zone(ctx.settings.timezone))

    else:
        from maps.pages import export_map

        summary = export_map(ctx.db, ctx.actor, ctx.settings, Path(args.output))
        say(
            fill(
                QCoreApplication.translate("CommandLine", "%1 features on the map."),
                f"{sum(summary.features.values()):,}",
            )
        )
    say(fill(QCoreApplication.translate("CommandLine", "Written to %1"), args.output))
    return EXIT_OK


def cmd_print(ctx: Context) -> int:
    from ui.printing.transfers import (
        PrintRefused,
        print_shelter_arrivals,
        print_transfer_cards,
        print_transfer_list,
        print_transfer_rollup,
    )

    args = ctx.args
    path = Path(args.output)
    try:
        with ctx.db.session(ctx.actor) as session:
            if args.document == "transfer-rollup":
                if args.event is None:
                    raise UsageError(QCoreApplication.translate("CommandLine", "Give --event ID."))
                result = print_transfer_rollup(session=session, event_id=args.event, path=path)
            elif args.document == "shelter-arrivals":
                if args.event is None or args.shelter is None:
                    raise UsageError(
                        QCoreApplication.translate(
                            "CommandLine", "Give --event ID and --shelter ID."
                        )
                    )
                result = print_shelter_arrivals(
                    session=session, event_id=args.event, shelter_id=args.shelter, path=path
                )
            elif args.document == "situation-map":
                if not args.village:
                    raise UsageError(
                        QCoreApplication.translate("CommandLine", "Give --village CODE.")
                    )
                from ui.printing.situation_map import print_situation_map

                result = print_situation_map(
                    session=session, village_code=args.village, path=path, paper=args.paper
                )
            else:
                if not args.village:
                    raise UsageError(
                        QCoreApplication.translate("CommandLine", "Give --village CODE.")
                    )
                printer = (
                    print_transfer_list
                    if args.document == "transfer-list"
                    else print_transfer_cards
                )
                result = printer(session=session, village_code=args.village, path=path)
    except PrintRefused as exc:
        raise Refused(str(exc)) from exc
    say(
        fill(
            QCoreApplication.translate("CommandLine", "%1 pages written to %2"),
            str(result.pages),
            args.output,
        )
    )
    return EXIT_OK


def cmd_screenshot(ctx: Context) -> int:
    from ui.screenshot import take_screenshot

    args = ctx.args
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError as exc:
        raise UsageError(
            QCoreApplication.translate("CommandLine", "--size must look like 1600x1000")
        ) from exc
    take_screenshot(ctx.db, ctx.actor, ctx.settings, args.page, Path(args.output), (width, height))
    say(fill(QCoreApplication.translate("CommandLine", "Screenshot written to %1"), args.output))
    return EXIT_OK


def cmd_gui(ctx: Context) -> int:
    from ui.app import run_console

    return run_console(ctx.db, ctx.settings, user=ctx.args.user)


# -- parser -----------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    from models.imports.kinds import IMPORT_KINDS

    argparse._ = _argparse_gettext  # type: ignore[attr-defined]
    parser = argparse.ArgumentParser(
        prog="main.py",
        description=QCoreApplication.translate(
            "CommandLine", "Emergency Command Console. With no subcommand the console window opens."
        ),
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help=QCoreApplication.translate("CommandLine", "database URL or SQLite file"),
    )
    parser.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        help=QCoreApplication.translate("CommandLine", "language of messages"),
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help=QCoreApplication.translate(
            "CommandLine", "act as this user (password from ECC_PASSWORD or standard input)"
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")

    demo = sub.add_parser(
        "demo",
        help=QCoreApplication.translate("CommandLine", "build the demo county"),
        description=QCoreApplication.translate(
            "CommandLine", "Build the deterministic demo county with its demo accounts."
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
        help=QCoreApplication.translate("CommandLine", "replace the data of a non-empty database"),
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
    demo.set_defaults(handler=cmd_demo)

    db = sub.add_parser(
        "db",
        help=QCoreApplication.translate("CommandLine", "upgrade, back up or check the database"),
    )
    db_sub = db.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    db_sub.add_parser(
        "upgrade",
        help=QCoreApplication.translate(
            "CommandLine", "apply pending migrations (backs up a SQLite file first)"
        ),
    )
    backup = db_sub.add_parser(
        "backup",
        help=QCoreApplication.translate("CommandLine", "write a consistent copy of the database"),
    )
    backup.add_argument("path", metavar="PATH")
    db_sub.add_parser(
        "check",
        help=QCoreApplication.translate(
            "CommandLine", "check integrity and invariants (exit 1 on problems)"
        ),
    )
    db.set_defaults(handler=cmd_db)

    user = sub.add_parser("user", help=QCoreApplication.translate("CommandLine", "manage users"))
    user_sub = user.add_subparsers(dest="user_action", metavar="ACTION", required=True)
    add = user_sub.add_parser(
        "add",
        help=QCoreApplication.translate(
            "CommandLine", "add a user (password from a prompt or standard input)"
        ),
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument(
        "--role", required=True, choices=("admin", "duty", "planner", "clerk", "viewer")
    )
    user.set_defaults(handler=cmd_user)

    imp = sub.add_parser(
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
    imp.set_defaults(handler=cmd_import)

    exp = sub.add_parser(
        "export", help=QCoreApplication.translate("CommandLine", "export data to a file")
    )
    exp.add_argument(
        "kind",
        choices=("households", "transfer-rollup"),
        help=QCoreApplication.translate("CommandLine", "what to export"),
    )
    exp.add_argument("--village", metavar="CODE")
    exp.add_argument(
        "--event",
        type=int,
        metavar="ID",
        help=QCoreApplication.translate("CommandLine", "transfer-rollup: the event's id"),
    )
    exp.add_argument("--year", type=int, metavar="YYYY")
    exp.add_argument(
        "--template",
        action="store_true",
        help=QCoreApplication.translate("CommandLine", "an empty village transfer list to fill"),
    )
    exp.add_argument(
        "--unmasked",
        action="store_true",
        help=QCoreApplication.translate(
            "CommandLine", "full mobile numbers (if your role allows; recorded in the audit)"
        ),
    )
    exp.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    exp.set_defaults(handler=cmd_export)

    prn = sub.add_parser(
        "print",
        help=QCoreApplication.translate(
            "CommandLine", "print a document to PDF (Chinese fonts embedded)"
        ),
    )
    prn.add_argument(
        "document",
        choices=(
            "transfer-list",
            "transfer-cards",
            "transfer-rollup",
            "shelter-arrivals",
            "situation-map",
        ),
    )
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
    prn.set_defaults(handler=cmd_print)

    map_parser = sub.add_parser(
        "map",
        help=QCoreApplication.translate("CommandLine", "typhoon reach and offline map export"),
    )
    map_sub = map_parser.add_subparsers(dest="map_action", metavar="ACTION", required=True)
    reach = map_sub.add_parser(
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
    export_map = map_sub.add_parser(
        "export",
        help=QCoreApplication.translate(
            "CommandLine", "a self-contained map page that opens offline in any browser"
        ),
    )
    export_map.add_argument("-o", "--output", required=True, metavar="FILE.html")
    map_parser.set_defaults(handler=cmd_map)

    shot = sub.add_parser(
        "screenshot",
        help=QCoreApplication.translate("CommandLine", "render a page offscreen to a PNG file"),
    )
    shot.add_argument("page", choices=PAGES, metavar="PAGE", help=" | ".join(PAGES))
    shot.add_argument("-o", "--output", required=True, metavar="FILE.png")
    shot.add_argument("--size", default="1600x1000", metavar="WxH")
    shot.set_defaults(handler=cmd_screenshot)
    return parser


def _prescan(argv: Sequence[str]) -> tuple[str | None, str | None]:
    """The --lang value and the subcommand, before the translators exist."""
    lang = command = None
    skip = False
    for i, arg in enumerate(argv):
        if skip:
            skip = False
            continue
        if arg in ("--db", "--user", "--lang"):
            if arg == "--lang" and i + 1 < len(argv):
                lang = argv[i + 1]
            skip = True
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
        elif not arg.startswith("-"):
            command = arg
            break
    return lang, command


def main(argv: Sequence[str]) -> int:
    """Run the command line; whatever happens, an exit code and never a traceback."""
    try:
        return _run(argv)
    except Exception as exc:  # before logging or the parser exist
        complain(f"Unexpected error ({type(exc).__name__}): {exc}")
        return EXIT_ERROR


def _run(argv: Sequence[str]) -> int:
    from ui.logs import setup_logging

    settings = Settings.load()
    lang, command = _prescan(argv)
    language = lang if lang in ("zh_CN", "en") else (settings.language or "zh_CN")
    if command == "screenshot":
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    wants_help = any(a in ("-h", "--help") for a in argv)
    gui = not wants_help and (command in (None, "screenshot") or "--open" in argv)
    if gui and command != "screenshot" and not _has_display():
        complain(
            QCoreApplication.translate(
                "CommandLine", "No display found: the console window needs a desktop session."
            )
        )
        return EXIT_USAGE
    app = _make_application(gui=gui)
    from ui.i18n import install_translators

    install_translators(language)
    settings.language = language
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2)
        return int(exc.code or 0)
    log_file = setup_logging()
    ctx = Context(args=args, settings=settings, url=resolve_url(args.db, settings))
    handler = getattr(args, "handler", cmd_gui)
    try:
        return handler(ctx)
    except UsageError as exc:
        complain(str(exc))
        return EXIT_USAGE
    except Refused as exc:
        complain(str(exc))
        return EXIT_REFUSED
    except KeyboardInterrupt:
        complain(QCoreApplication.translate("CommandLine", "Interrupted."))
        return EXIT_ERROR
    except Exception as exc:
        log.exception("command %s failed", getattr(args, "command", None))
        complain(
            fill(
                QCoreApplication.translate(
                    "CommandLine", "Unexpected error (%1); details are in %2"
                ),
                type(exc).__name__,
                str(log_file),
            )
        )
        return EXIT_ERROR
    finally:
        ctx.close()
        del app


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _make_application(*, gui: bool) -> QCoreApplication:
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    if not gui:
        return QCoreApplication(["main.py"])
    from ui.app import make_gui_application

    return make_gui_application()
