"""What an import refuses: one value, row or file, and the error that carries a file's refusal.

Below both the readers (``spreadsheet``) and the report (``report``), so that both
can name a problem without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from models.messages import fill
from models.refusals import Refused


@dataclass(frozen=True)
class ImportProblem:
    """One refused value, row or file.

    ``row`` is the Excel row number (1-based, as the user sees it), ``column`` the
    column letter; both are None for a problem with the whole file or sheet.
    """

    file: str
    sheet: str | None
    row: int | None
    column: str | None
    value: str
    reason: str

    def describe(self) -> str:
        """One line for the user, without the file name."""
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


class ImportFileError(Refused):
    """The file as a whole cannot be imported (missing, not a spreadsheet, no header...).

    Carries the problem for the report; import functions catch it and return a
    report, so the user never sees a traceback for a bad file.
    """

    def __init__(self, problem: ImportProblem, *, checksum: str = "") -> None:
        super().__init__(problem.describe())
        self.problem = problem
        self.checksum = checksum  # of the file, when it could be read
