"""What an import refuses: one value, row or file, and the error that carries a file's refusal.

Below both the readers (``spreadsheet``) and the report (``report``), so that both
can name a problem without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication

from models.messages import fill
from models.refusals import Refused


@dataclass(frozen=True)
class ImportProblem:
    """One refused value, row or file.

    ``row`` is the Excel row number (1-based, as the user sees it), ``column`` the
    column letter; both are None for a problem with the whole file or sheet.
    ``more_rows``: the other rows the same problem refuses (a repeated household, a
    value filled down a column, every town and village under a county missing), reported
    once with their count and the first of them.
    """

    file: str
    sheet: str | None
    row: int | None
    column: str | None
    value: str
    reason: str
    more_rows: tuple[int, ...] = ()

    @property
    def rows(self) -> tuple[int, ...]:
        """Every row the problem refuses, in order."""
        return (self.row, *self.more_rows) if self.row is not None else self.more_rows

    def describe(self) -> str:
        """One line for the user, without the file name."""
        if self.more_rows and self.row is not None:
            return self._describe_rows()
        if self.row is not None and self.column is not None:
            if self.value:
                return fill(
                    QCoreApplication.translate(
                        "Import", 'Sheet %1, row %2, column %3, value "%4": %5'
                    ),
                    self.sheet or "",
                    str(self.row),
                    self.column,
                    self.value,
                    self.reason,
                )
            return fill(
                QCoreApplication.translate("Import", "Sheet %1, row %2, column %3 (empty): %4"),
                self.sheet or "",
                str(self.row),
                self.column,
                self.reason,
            )
        if self.row is not None:
            return fill(
                QCoreApplication.translate("Import", "Sheet %1, row %2: %3"),
                self.sheet or "",
                str(self.row),
                self.reason,
            )
        if self.sheet:
            return fill(
                QCoreApplication.translate("Import", "Sheet %1: %2"), self.sheet, self.reason
            )
        return self.reason

    def _describe_rows(self) -> str:
        rows = rows_text(self.rows)
        if self.column is None:
            return fill(
                QCoreApplication.translate("Import", "Sheet %1, rows %2: %3"),
                self.sheet or "",
                rows,
                self.reason,
            )
        if not self.value:
            return fill(
                QCoreApplication.translate("Import", "Sheet %1, rows %2, column %3 (empty): %4"),
                self.sheet or "",
                rows,
                self.column,
                self.reason,
            )
        return fill(
            QCoreApplication.translate("Import", 'Sheet %1, rows %2, column %3, value "%4": %5'),
            self.sheet or "",
            rows,
            self.column,
            self.value,
            self.reason,
        )


SHOWN_ROWS = 5
"""How many of its rows a problem standing for many names; the rest are counted."""


def rows_text(rows: tuple[int, ...] | list[int]) -> str:
    """ "3, 4" or, for many, "3, 4, 5, 6, 7 … (8,000 rows in all)": short whatever the count."""
    shown = ", ".join(str(row) for row in rows[:SHOWN_ROWS])
    if len(rows) <= SHOWN_ROWS:
        return shown
    return fill(
        QCoreApplication.translate("Import", "%1 … (%2 rows in all)"), shown, f"{len(rows):,}"
    )


@dataclass(frozen=True, slots=True)
class _Group:
    key: Hashable


def merge_rows(
    problems: Iterable[ImportProblem], key: Callable[[ImportProblem], Hashable]
) -> list[ImportProblem]:
    """Problems of rows with the same ``key`` as one: the first of them, with all their rows
    (the others in ``more_rows``); problems of no row stay as they are. In linear time, so a
    column of thousands of equal wrong values costs no more than a problem a row, and prints
    as one line."""
    groups: dict[Hashable, list[ImportProblem]] = {}
    order: list[ImportProblem | _Group] = []
    for problem in problems:
        if problem.row is None:
            order.append(problem)
            continue
        k = key(problem)
        group = groups.get(k)
        if group is None:
            groups[k] = group = []
            order.append(_Group(k))
        group.append(problem)
    merged: list[ImportProblem] = []
    for item in order:
        if isinstance(item, _Group):
            group = groups[item.key]
            first = group[0]
            if len(group) == 1:
                merged.append(first)
                continue
            rows = sorted({row for p in group for row in p.rows})
            merged.append(replace(first, row=rows[0], more_rows=tuple(rows[1:])))
        else:
            merged.append(item)
    return merged


def merge_alike(problems: Iterable[ImportProblem]) -> list[ImportProblem]:
    """Problems alike in all but their row (a wrong value filled down a column) as one."""
    return merge_rows(problems, lambda p: (p.file, p.sheet, p.column, p.value, p.reason))


def together(problems: Iterable[ImportProblem]) -> list[ImportProblem]:
    """Problems of one cause as one: those with the same sheet, column and reason, whatever
    their values (a cascade reported once, with the count of rows it refuses)."""
    return merge_rows(problems, lambda p: (p.file, p.sheet, p.column, p.reason))


class ImportFileError(Refused):
    """The file as a whole cannot be imported (missing, not a spreadsheet, no header...).

    Carries the problem for the report; import functions catch it and return a
    report, so the user never sees a traceback for a bad file.
    """

    def __init__(self, problem: ImportProblem, *, checksum: str = "") -> None:
        super().__init__(problem.describe())
        self.problem = problem
        self.checksum = checksum  # of the file, when it could be read
