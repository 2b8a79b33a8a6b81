"""What an import refuses: one value, row or file, and the error that carries a file's refusal.

Below both the readers (``spreadsheet``) and the report (``report``), so that both
can name a problem without importing each other.
"""

from __future__ import annotations

from collections.abc import Iterable
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


def together(problems: Iterable[ImportProblem]) -> list[ImportProblem]:
    """Problems of one cause as one: those with the same sheet, column and reason become
    the first of them with the others' rows in ``more_rows`` (a cascade reported once, with the
    count of rows it refuses)."""
    groups: dict[tuple[str | None, str | None, str], list[ImportProblem]] = {}
    for problem in problems:
        groups.setdefault((problem.sheet, problem.column, problem.reason), []).append(problem)
    merged: list[ImportProblem] = []
    for group in groups.values():
        first = group[0]
        rows = [r for p in group[1:] for r in p.rows] + list(first.more_rows)
        merged.append(replace(first, more_rows=tuple(sorted(set(rows) - {first.row}))))
    return merged


class ImportFileError(Refused):
    """The file as a whole cannot be imported (missing, not a spreadsheet, no header...).

    Carries the problem for the report; import functions catch it and return a
    report, so the user never sees a traceback for a bad file.
    """

    def __init__(self, problem: ImportProblem, *, checksum: str = "") -> None:
        super().__init__(problem.describe())
        self.problem = problem
        self.checksum = checksum  # of the file, when it could be read
