"""What every command group shares: global options, the Context, login, and the one place
where an exception becomes an exit code.

Exit codes for every subcommand: 0 done; 1 refused; 2 usage; 3 unexpected error
(written to the log file, one line to the user, never a traceback); 4 written in part
(an import with ``--valid-only`` wrote its valid rows and refused others).

The user's own mistakes are told here once for every command: a malformed ``--db`` URL
(usage), a PostgreSQL server that cannot be reached, an output file (``-o``) that cannot be written
and any other file named on the command line that the system refuses (refused), and option
values no record or year can have (usage, through ``argument_type``).
"""

from __future__ import annotations

import argparse
import errno
import getpass
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias, TypeVar

from PySide6.QtCore import QCoreApplication

from models.database import Database, is_sqlite, resolve_url
from models.messages import QT_TRANSLATE_NOOP, fill
from models.refusals import InvalidValue, PermissionDenied, Refused
from models.settings import Settings
from models.users import Actor
from ui.i18n import LANGUAGES, install_translators

log = logging.getLogger(__name__)

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_ERROR = 0, 1, 2, 3  # 4: models.imports.report
# Where a command group adds its sub-parser (see ui.cli.groups).
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
Register: TypeAlias = Callable[[Commands], None]
# Subcommands that render widgets without a screen.
OFFSCREEN_COMMANDS = ("screenshot",)


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


class FileRefused(Refused):
    """A file named on the command line that cannot be written or read: exit code 1."""


T = TypeVar("T")


def argument_type(parse: Callable[[str], T]) -> Callable[[str], T]:
    """An argparse ``type`` from a parser that refuses with InvalidValue (``models.fields``
    ``year_number``, ``record_number``, an import option's ``parse``): its translated
    message becomes the usage error (exit 2) instead of argparse's "invalid value"."""

    def convert(text: str) -> T:
        try:
            return parse(text)
        except InvalidValue as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    convert.__name__ = getattr(parse, "__name__", "value")
    return convert


_OS_REASONS = {
    errno.ENOENT: QT_TRANSLATE_NOOP("CommandLine", "no such file or folder"),
    errno.EACCES: QT_TRANSLATE_NOOP("CommandLine", "permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("CommandLine", "permission denied"),
    errno.EROFS: QT_TRANSLATE_NOOP("CommandLine", "the disk is read-only"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("CommandLine", "the disk is full"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("CommandLine", "the disk is full"),
    errno.EISDIR: QT_TRANSLATE_NOOP("CommandLine", "it is a folder"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("CommandLine", "a part of the path is not a folder"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("CommandLine", "the name is too long"),
}


_FULL_DISK = (errno.ENOSPC, errno.EDQUOT)
"""A write that finds no room fails without naming its file: the output named instead."""


def _os_reason(error: OSError) -> str:
    reason = _OS_REASONS.get(error.errno or 0)
    return QCoreApplication.translate("CommandLine", reason) if reason else str(error.strerror)


def cannot_write(path: Path | str, reason: str) -> FileRefused:
    return FileRefused(
        fill(QCoreApplication.translate("CommandLine", "Cannot write %1: %2."), str(path), reason)
    )


def check_output(path: Path) -> None:
    """Refuses an output file the command could not write, before any work is done: a
    folder, a path through a file, or a folder that takes no new file (the writers create
    missing folders, so the nearest existing one is tried)."""
    if path.is_dir():
        raise cannot_write(path, _os_reason(OSError(errno.EISDIR, "")))
    folder = path.absolute().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise cannot_write(path, _os_reason(OSError(errno.ENOTDIR, "")))
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise cannot_write(path, _os_reason(error)) from None


def _named_on_command_line(error: OSError, args: argparse.Namespace) -> bool:
    """The failing file is one the user named, a file inside a folder the user named, or
    one the command writes beside a named file (``backup.sqlite.part``)."""
    if not error.filename:
        return False
    failing = os.path.abspath(os.fsdecode(error.filename))
    too_wide = {os.path.abspath(os.curdir), os.path.abspath(os.sep)}
    for value in vars(args).values():
        if not isinstance(value, str) or not value or value.startswith("-"):
            continue
        given = os.path.abspath(os.path.expanduser(value))
        if given in too_wide:
            continue
        rest = failing.removeprefix(given)
        if rest != failing and (not rest or rest[0] in (".", os.sep)):
            return True
    return False


def check_database_url(url: str) -> None:
    """A usage error naming the URL (without its password) for one that cannot name a
    SQLite file or a PostgreSQL database."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    shown = _hide_password(url)
    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
        _ = parsed.port  # a port that is not a number fails here
    except (ArgumentError, ValueError):
        backend = None
    if backend not in ("sqlite", "postgresql"):
        raise UsageError(
            fill(
                QCoreApplication.translate(
                    "CommandLine",
                    "Not a database URL the console can use: %1. Give a SQLite file "
                    "(path/to/file.sqlite) or postgresql://user@host:5432/database.",
                ),
                shown,
            )
        )


def _hide_password(url: str) -> str:
    """The URL as typed, its password replaced: ``scheme://user:***@host``."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    credentials, _, host = rest.rpartition("@")
    user, colon, _password = credentials.partition(":")
    return f"{scheme}://{user}{':***' if colon else ''}@{host}"


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
            database = Database(self.url)
            try:
                backup = database.prepare()  # PostgreSQL: refused while a migration is pending
            except BaseException:
                database.dispose()
                raise
            self._db = database
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

    def database_as_it_is(self) -> Database:
        """The database without running a pending migration (``db check`` reports one,
        ``db restore`` replaces the database): what ``db`` then returns too."""
        if self._db is None:
            self._db = Database(self.url)
        return self._db

    @property
    def db_is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            self._actor = login_from_args(self)
        return self._actor

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()


def _unreachable(error: Exception, url: str) -> str | None:
    """The message for a PostgreSQL server that cannot be reached (wrong host or port, not
    running, refusing the user, gone away), naming it; None for any other error."""
    from sqlalchemy.exc import OperationalError

    if not isinstance(error, OperationalError) or is_sqlite(url):
        return None
    text = str(error.orig or error).strip()
    if not (error.connection_invalidated or text.startswith("connection")):
        return None
    lines = text.splitlines()
    return fill(
        QCoreApplication.translate("CommandLine", "Cannot connect to the database %1: %2"),
        _hide_password(url),
        lines[0][:200] if lines else type(error).__name__,
    )


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


def read_secret(prompt: str, *, confirm: bool = False, variable: str = "ECC_PASSWORD") -> str:
    """A password from the environment ``variable``, a prompt on a terminal, or one line of
    standard input (the acting user's from ECC_PASSWORD; a new one from ECC_NEW_PASSWORD)."""
    if os.environ.get(variable):
        return os.environ[variable]
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
            fill(
                QCoreApplication.translate(
                    "CommandLine", "No password given (set %1 or pipe it on standard input)."
                ),
                variable,
            )
        )
    return line.rstrip("\r\n")


def login_from_args(ctx: Context) -> Actor:
    """--user NAME with its password; without --user, the local operator (SQLite only)."""
    from models.audit import log_in

    name = ctx.args.user
    if not name:
        require_user_option(ctx)
        return Actor.local_operator()
    password = read_secret(
        fill(QCoreApplication.translate("CommandLine", "Password for %1: "), name)
    )
    with ctx.db.session(None, write=True) as session:  # failures and the audit row
        return log_in(session=session, name=name, password=password, where="command line")


def require_user_option(ctx: Context) -> None:
    """On PostgreSQL --user NAME is required: a usage error before the database is read."""
    if not ctx.args.user and not is_sqlite(ctx.url):
        raise UsageError(
            QCoreApplication.translate(
                "CommandLine", "On a PostgreSQL database --user NAME is required."
            )
        )


def require_admin(ctx: Context) -> None:
    """Database upkeep beyond upgrading is for administrators only."""
    from models.users import Permission

    if not ctx.actor.can(Permission.ADMINISTER_DATABASE):
        raise PermissionDenied(
            QCoreApplication.translate("CommandLine", "Only an administrator may do this.")
        )


def build_parser(groups: Sequence[Register]) -> argparse.ArgumentParser:
    """The global options, then each command group's sub-parser, in the order given."""
    argparse._ = _argparse_gettext  # type: ignore[attr-defined]
    parser = argparse.ArgumentParser(
        prog="main.py",
        description=QCoreApplication.translate(
            "CommandLine", "Emergency Command Console. With no subcommand the console window opens."
        ),
        epilog=QCoreApplication.translate(
            "CommandLine",
            "Exit codes: 0 done, 1 refused, 2 usage, 3 unexpected error, "
            "4 written in part (an import with --valid-only wrote its valid rows and refused others).",
        ),
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help=QCoreApplication.translate("CommandLine", "database URL or SQLite file"),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=QCoreApplication.translate("CommandLine", "language of messages"),
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help=QCoreApplication.translate(
            "CommandLine",
            "act as this user (password from ECC_PASSWORD or standard input); without it, on "
            "SQLite, the local operator: maintenance, imports, masked exports and printouts",
        ),
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help=QCoreApplication.translate(
            "CommandLine",
            "open the window, log --user in, close it once the first page is shown: "
            "a check that this desktop can run the console",
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")
    for register in groups:
        register(commands)
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


def run_command_line(
    argv: Sequence[str], *, groups: Sequence[Register], default: Callable[[Context], int]
) -> int:
    """Runs ``argv`` with these command groups (``default`` without a subcommand); whatever
    happens, an exit code and never a traceback. The groups come from the caller, so no
    module of the package imports this one back."""
    try:
        return _run(argv, groups, default)
    except Exception as exc:  # before logging or the parser exist
        complain(f"Unexpected error ({type(exc).__name__}): {exc}")
        return EXIT_ERROR


def _run(argv: Sequence[str], groups: Sequence[Register], default: Callable[[Context], int]) -> int:
    from ui.logs import setup_logging

    settings = Settings.load()
    lang, command = _prescan(argv)
    language = lang if lang in LANGUAGES else (settings.language or "zh_CN")
    offscreen = command in OFFSCREEN_COMMANDS
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    wants_help = any(a in ("-h", "--help") for a in argv)
    gui = not wants_help and (command is None or offscreen or "--open" in argv)
    if gui and not offscreen and not _has_display():
        complain(
            QCoreApplication.translate(
                "CommandLine", "No display found: the console window needs a desktop session."
            )
        )
        return EXIT_USAGE
    if gui and not offscreen and (missing := _missing_window_library()):
        complain(
            fill(
                QCoreApplication.translate(
                    "CommandLine",
                    "The console window cannot start: the system library %1 is missing "
                    "(on Debian the package %2; bash .ci/setup as root installs it).",
                ),
                missing[0],
                missing[1],
            )
        )
        return EXIT_USAGE
    app = _make_application(gui=gui)
    install_translators(language)
    settings.language = language
    try:
        args = build_parser(groups).parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2)
        return int(exc.code or 0)
    log_file = setup_logging()
    ctx = Context(args=args, settings=settings, url=resolve_url(args.db, settings))
    handler = getattr(args, "handler", default)
    try:
        check_database_url(ctx.url)
        if getattr(args, "output", None):
            check_output(Path(args.output))
        return handler(ctx)
    except UsageError as exc:
        complain(str(exc))
        return EXIT_USAGE
    except Refused as exc:  # the one place a refusal becomes exit 1
        complain(str(exc))
        return EXIT_REFUSED
    except KeyboardInterrupt:
        complain(QCoreApplication.translate("CommandLine", "Interrupted."))
        return EXIT_ERROR
    except Exception as exc:
        unreachable = _unreachable(exc, ctx.url)
        if unreachable is not None:
            log.warning("cannot connect to the database: %s", exc)
            complain(unreachable)
            return EXIT_REFUSED
        if isinstance(exc, OSError) and (
            _named_on_command_line(exc, args) or exc.errno in _FULL_DISK
        ):
            log.warning("file named on the command line: %s", exc)
            named = exc.filename or getattr(args, "output", None) or ""
            complain(
                fill(
                    QCoreApplication.translate("CommandLine", "Cannot use %1: %2."),
                    os.fsdecode(named),
                    _os_reason(exc),
                )
            )
            return EXIT_REFUSED
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


def _missing_window_library() -> tuple[str, str] | None:
    """A library the window's platform plugin needs and cannot find, with its Debian package."""
    from ui.app import debian_package, missing_window_library

    library = missing_window_library()
    return (library, debian_package(library)) if library else None


def _make_application(*, gui: bool) -> QCoreApplication:
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    if not gui:
        return QCoreApplication(["main.py"])
    from ui.app import make_gui_application

    return make_gui_application()
