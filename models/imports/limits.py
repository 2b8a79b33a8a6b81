"""How large a file of one kind may be: bytes, rows and columns, and the refusals naming them.

Every kind declares its limits in ``models.imports.registry`` (``ImportKind.limits``);
``models.imports.framework`` makes them the current ones while the kind's reader runs
(``reading_within``), and the readers below it (``spreadsheet``, the GIS readers through
``read_bytes``) ask ``current_limits()``: one mechanism for every kind. A file beyond a
limit is refused at once, naming the limit, before the rest of it is read.

Below ``problems``' users (``spreadsheet``, ``report``, ``registry``), above ``problems``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from models.imports.problems import ImportFileError, ImportProblem
from models.messages import fill

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The largest file of a kind: its bytes, the rows of a sheet (or features of a layer)
    and the columns of a sheet (or attributes of a feature)."""

    max_bytes: int
    max_rows: int
    max_columns: int


DEFAULT_LIMITS = Limits(max_bytes=256 * MIB, max_rows=1_048_576, max_columns=1_000)
"""For a file read outside an import (tests, tools): no kind's limit is larger."""

_current: ContextVar[Limits] = ContextVar("import_limits", default=DEFAULT_LIMITS)


def current_limits() -> Limits:
    """The limits of the import whose reader is running (``DEFAULT_LIMITS`` outside one)."""
    return _current.get()


@contextmanager
def reading_within(limits: Limits) -> Iterator[None]:
    """Makes ``limits`` the current ones while a kind's reader runs."""
    token = _current.set(limits)
    try:
        yield
    finally:
        _current.reset(token)


def _problem(file: str, reason: str, sheet: str | None = None) -> ImportFileError:
    return ImportFileError(
        ImportProblem(file=file, sheet=sheet, row=None, column=None, value="", reason=reason)
    )


def _mb(size: int) -> str:
    return f"{size / MIB:.3g}"


def too_many_bytes(file: str, size: int, limits: Limits) -> ImportFileError:
    return _problem(
        file,
        fill(
            QCoreApplication.translate(
                "Import",
                "The file is %1 MB, more than the %2 MB a file of this kind may have. "
                "Nothing was read.",
            ),
            _mb(size),
            _mb(limits.max_bytes),
        ),
    )


def not_a_file(file: str) -> ImportFileError:
    """A device, a pipe or a socket (``/dev/zero`` under a spreadsheet's name): never read."""
    return _problem(
        file,
        QCoreApplication.translate(
            "Import",
            "This is not an ordinary file (it is a device, a pipe or a socket) and is not read. "
            "Import a file saved on disk.",
        ),
    )


def too_many_rows(file: str, sheet: str | None, rows: int, limits: Limits) -> ImportFileError:
    """``rows``: how far the sheet reaches (its last row), or at least the limit plus one."""
    return _problem(
        file,
        fill(
            QCoreApplication.translate(
                "Import",
                "The sheet reaches row %1, beyond the %2 rows a file of this kind may have. "
                "Delete the rows below the list (or split the list) and import it again.",
            ),
            f"{rows:,}",
            f"{limits.max_rows:,}",
        ),
        sheet,
    )


def too_many_columns(file: str, sheet: str | None, column: str, limits: Limits) -> ImportFileError:
    """``column``: the letters of the farthest column holding something."""
    return _problem(
        file,
        fill(
            QCoreApplication.translate(
                "Import",
                "The sheet reaches column %1, beyond the %2 columns a file of this kind may have. "
                "Delete the columns right of the list and import it again.",
            ),
            column,
            f"{limits.max_columns:,}",
        ),
        sheet,
    )


def too_many_features(file: str, count: int, limits: Limits) -> ImportFileError:
    """For a reader whose rows are not a sheet's (a map layer's features)."""
    return _problem(
        file,
        fill(
            QCoreApplication.translate(
                "Import",
                "The file holds %1 rows or features, more than the %2 a file of this kind may "
                "have. Nothing was imported.",
            ),
            f"{count:,}",
            f"{limits.max_rows:,}",
        ),
    )
