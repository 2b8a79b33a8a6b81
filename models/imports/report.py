"""What an import tells the user: the problems it found and what it wrote.

Every import in the product returns an :class:`ImportReport`. A problem names
the file, sheet, Excel row number, column letter, the value as read and the
reason it was refused; reasons are English source strings translated by the
Qt catalogue (context "Import").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

from models.imports.problems import ImportFileError, ImportProblem, merge_alike, together
from models.messages import fill

if TYPE_CHECKING:
    from models.imports.spreadsheet import Table


EXIT_WRITTEN_IN_PART = 4
"""The command line's exit code for an import written in part (``--valid-only``)."""


@dataclass
class ImportReport:
    """The outcome of one import of one file.

    ``rows_read`` counts the data rows examined (blank rows, total rows and notes
    not included; ``rows_skipped`` counts the latter two). ``inserted`` and
    ``updated`` are what the import found to do (also in a dry run);
    ``rows_written`` is what it actually wrote into the session: 0 in a dry run,
    when cancelled, or when rows were refused and ``valid_only`` was not chosen.
    """

    file: str
    checksum: str = ""
    sheet: str | None = None
    rows_read: int = 0
    rows_skipped: int = 0
    rows_written: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    dry_run: bool = False
    valid_only: bool = False
    cancelled: bool = False
    file_failed: bool = False  # the file could not be read as a table at all
    unused_columns: list[str] = field(default_factory=list)  # in the file, not read by the import
    notes: list[str] = field(default_factory=list)  # what the user should know, refused or not
    changes: list[ImportProblem] = field(
        default_factory=list
    )  # accepted with a change, such as a repaired outline

    @property
    def ok(self) -> bool:
        """Nothing refused and not cancelled (a clean dry run is ok too)."""
        return not self.problems and not self.cancelled

    @property
    def refused_rows(self) -> int:
        """How many distinct rows had at least one problem."""
        return len({(p.sheet, r) for p in self.problems if p.column is not None for r in p.rows})

    @property
    def written_in_part(self) -> bool:
        """``valid_only`` wrote the valid rows and left the refused ones out."""
        return (
            self.valid_only
            and bool(self.problems)
            and not (self.dry_run or self.cancelled or self.file_failed)
            and self.inserted + self.updated + self.unchanged > 0
        )

    @property
    def exit_code(self) -> int:
        """For the command line: 0 when everything was imported (or would be), 4 when
        ``valid_only`` wrote the valid rows of a file with refused ones, else 1."""
        if self.ok:
            return 0
        return EXIT_WRITTEN_IN_PART if self.written_in_part else 1

    def add(self, problem: ImportProblem) -> None:
        self.problems.append(problem)

    def add_together(self, problems: Iterable[ImportProblem]) -> None:
        """Problems that may share a cause, each cause once with the count of its rows
        (``models.imports.problems.together``)."""
        self.problems.extend(together(problems))

    def add_change(self, problem: ImportProblem) -> None:
        """Something accepted with a change the user should know of (not a refusal)."""
        self.changes.append(problem)

    def read_from(self, table: Table) -> None:
        """What the reader found: the file's checksum, the sheet and its row counts."""
        self.checksum = table.checksum
        self.sheet = table.sheet
        self.rows_read = len(table.rows)
        self.rows_skipped = table.skipped

    def fail(self, error: ImportFileError) -> None:
        """Record a file-level failure: nothing can be imported from this file."""
        self.problems.append(error.problem)
        self.file_failed = True
        if error.checksum:
            self.checksum = error.checksum

    def sort_problems(self) -> None:
        """One cause once, in the order the user reads the sheet: problems alike in all but
        their row (a wrong value filled down a column) become one naming its rows; then
        file-level first, then by row and column."""
        self.problems = merge_alike(self.problems)
        self.problems.sort(
            key=lambda p: (
                p.row is not None,
                p.row or 0,
                len(p.column or ""),
                p.column or "",
            )
        )


def format_report(report: ImportReport, *, limit: int | None = None) -> str:
    """The report as text for the command line (Chinese through the catalogue).

    ``limit`` caps the number of problem lines printed; the rest is counted.
    """
    lines = [fill(QCoreApplication.translate("Import", "File: %1"), report.file)]
    if report.sheet:
        lines.append(fill(QCoreApplication.translate("Import", "Sheet: %1"), report.sheet))
    if report.checksum:
        lines.append(fill(QCoreApplication.translate("Import", "SHA-256: %1"), report.checksum))
    if not report.file_failed:
        line = fill(QCoreApplication.translate("Import", "Rows read: %1"), str(report.rows_read))
        if report.rows_skipped:
            line += fill(
                QCoreApplication.translate("Import", " (%1 total or note rows skipped)"),
                str(report.rows_skipped),
            )
        lines.append(line)
        if report.unused_columns:
            lines.append(
                fill(
                    QCoreApplication.translate("Import", "Columns not used: %1"),
                    "、".join(report.unused_columns),
                )
            )

    if report.file_failed:
        lines.append(QCoreApplication.translate("Import", "Nothing was imported from this file."))
    elif report.cancelled:
        lines.append(QCoreApplication.translate("Import", "Cancelled: nothing was written."))
    elif report.dry_run and report.problems and not report.valid_only:
        lines.append(
            fill(
                QCoreApplication.translate(
                    "Import",
                    "Dry run: nothing was written. With %1 problems, the import would write nothing either.",
                ),
                str(len(report.problems)),
            )
        )
    elif report.dry_run:
        lines.append(
            fill(
                QCoreApplication.translate(
                    "Import",
                    "Dry run: nothing was written. The import would write %1 new, %2 updated, %3 unchanged.",
                ),
                str(report.inserted),
                str(report.updated),
                str(report.unchanged),
            )
        )
    elif report.problems and report.rows_written == 0 and not report.valid_only:
        lines.append(
            fill(
                QCoreApplication.translate(
                    "Import",
                    "Nothing was written: %1 problems. Correct the file, or import only the valid rows.",
                ),
                str(len(report.problems)),
            )
        )
    else:
        lines.append(
            fill(
                QCoreApplication.translate(
                    "Import", "Written in part: %1 new, %2 updated, %3 unchanged."
                )
                if report.written_in_part
                else QCoreApplication.translate(
                    "Import", "Written: %1 new, %2 updated, %3 unchanged."
                ),
                str(report.inserted),
                str(report.updated),
                str(report.unchanged),
            )
        )
        if report.problems:
            lines.append(
                fill(
                    QCoreApplication.translate(
                        "Import", "Only the valid rows were imported; %1 rows were refused."
                    ),
                    str(report.refused_rows),
                )
            )

    lines.extend(report.notes)
    if report.changes:
        lines.append(
            fill(
                QCoreApplication.translate("Import", "Accepted with a change (%1):"),
                str(len(report.changes)),
            )
        )
        lines.extend("  " + change.describe() for change in report.changes)
    if report.problems:
        lines.append(
            fill(QCoreApplication.translate("Import", "Problems (%1):"), str(len(report.problems)))
        )
        shown = report.problems if limit is None else report.problems[:limit]
        lines.extend("  " + problem.describe() for problem in shown)
        if len(shown) < len(report.problems):
            lines.append(
                "  "
                + fill(
                    QCoreApplication.translate("Import", "... and %1 more."),
                    str(len(report.problems) - len(shown)),
                )
            )
    return "\n".join(lines)


class CancelToken(Protocol):
    """Anything with a ``cancelled`` flag (the UI worker's cancel button sets it)."""

    @property
    def cancelled(self) -> bool: ...


ProgressCallback = Callable[[int, int], None]


class ImportCancelled(Exception):
    """Raised between steps of an import whose cancel token was set."""


def check_cancel(cancel: CancelToken | None) -> None:
    if cancel is not None and cancel.cancelled:
        raise ImportCancelled
