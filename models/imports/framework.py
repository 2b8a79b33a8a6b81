"""One import, whatever the kind: permission, report, read, validate, the gate, the write.

``import_file(kind, session=..., path=..., ...)`` runs a kind's steps (``ImportSteps``,
named in ``models.imports.registry``) in the order of ARCHITECTURE rule 8:

1. the kind's permission (``require``), its options resolved, the report made;
2. the file's size against the kind's limits (``ImportKind.limits``: bytes here, rows and
   columns by the readers as they read, and the rows read once more after), its ``reader``
   through ``read_source`` (spreadsheets are read in a process of their own, so that a
   crash reading a hostile file cannot take the console down); a file that cannot be read
   is a report with one problem;
3. ``validate``: problems into the report, a plan of what to write (None: nothing can be
   written whatever the options);
4. the gate: a dry run writes nothing; any problem writes nothing unless ``valid_only``,
   which writes the valid rows;
5. ``write`` inside a savepoint with one audit record for the import (``bulk_operation``),
   in batches (``Writer.batches``) that report progress and honour cancel; a cancel
   anywhere leaves nothing written;
6. ``after_write`` (an event in progress: the village's transfer records).

Progress runs from 0 to twice the rows: reading and validation the first half, the write
the second. ``run_import`` is the unit of work the command line and the dialog open.
"""

from __future__ import annotations

import stat
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping, Sequence, Sized
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar

from models.audit import bulk_operation
from models.imports.limits import (
    Limits,
    not_a_file,
    reading_within,
    too_many_bytes,
    too_many_features,
)
from models.imports.problems import ImportFileError
from models.imports.registry import ImportKind, Range, import_kind
from models.imports.report import (
    CancelToken,
    ImportCancelled,
    ImportReport,
    ProgressCallback,
    check_cancel,
)
from models.users import require

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from models.database import Database
    from models.users import Actor

T = TypeVar("T")


class Source(Protocol):
    """What a reader hands on: at least the file's checksum and the sheet or layer read."""

    @property
    def checksum(self) -> str: ...

    @property
    def sheet(self) -> str | None: ...


SourceT = TypeVar("SourceT", bound=Source)
PlanT = TypeVar("PlanT", bound=Sized)
Reader = Callable[[Path, Mapping[str, Any]], SourceT]


@dataclass
class Job:
    """What one import's steps see: the session, the report, the options and the clock."""

    kind: ImportKind
    session: Session
    report: ImportReport
    options: dict[str, Any]
    progress_callback: ProgressCallback | None = None
    cancel: CancelToken | None = None
    total: int = 2  # twice the rows read, once they are known

    @property
    def half(self) -> int:
        return self.total // 2

    def check_cancel(self) -> None:
        """Raises ImportCancelled when the user cancelled; the framework turns it into the report."""
        check_cancel(self.cancel)

    def progress(self, done: int, total: int | None = None) -> None:
        if self.progress_callback is not None:
            self.progress_callback(done, self.total if total is None else total)


class Writer:
    """The write's batches: a cancel check before each, progress after each."""

    def __init__(self, job: Job, planned: int) -> None:
        self.job = job
        self.planned = max(1, planned)
        self.done = 0
        self.removed = 0  # rows deleted: counted in the audit record, not as written

    def batches(self, rows: Sequence[T], size: int) -> Iterator[Sequence[T]]:
        half = self.job.half
        for start in range(0, len(rows), size):
            self.job.check_cancel()
            batch = rows[start : start + size]
            yield batch
            self.done += len(batch)
            self.job.progress(half + self.done * half // self.planned)

    def check_cancel(self) -> None:
        self.job.check_cancel()


class ImportSteps(ABC, Generic[SourceT, PlanT]):
    """A kind's own steps; one instance per import. Problems go into ``job.report``."""

    report_type: ClassVar[type[ImportReport]] = ImportReport

    def __init__(self, job: Job) -> None:
        """Checks the options (a ValueError for one no user could give: a bug)."""
        self.job = job

    @property
    @abstractmethod
    def audit_table(self) -> str:
        """The table named in the import's audit record."""

    @staticmethod
    @abstractmethod
    def reader(path: Path, options: Mapping[str, Any]) -> SourceT:
        """The file read into plain values, or ImportFileError. No session, no shared state;
        it runs within the kind's limits (``read_source``), and a spreadsheet's native
        reader runs in a process of its own (``models.imports.spreadsheet``)."""

    def running(self) -> AbstractContextManager[Any]:
        """Held around the whole import (households: the cyclic collector paused)."""
        return nullcontext()

    @abstractmethod
    def rows(self, source: SourceT) -> int:
        """How many rows or features the progress counts."""

    @abstractmethod
    def validate(self, source: SourceT) -> PlanT | None:
        """What to write, counted in the report (inserted, updated, unchanged), problems in
        it; None when nothing can be written whatever the options. May raise ImportFileError
        (the file as a whole) and, through ``job.check_cancel``, ImportCancelled."""

    @abstractmethod
    def write(self, plan: PlanT, writer: Writer) -> int:
        """Write the plan into the session (in ``writer.batches``); returns the rows written."""

    def after_write(self, plan: PlanT) -> None:
        """After the savepoint was released: what the written rows bring about."""


def read_source(reader: Reader[SourceT], path: Path, options: Mapping[str, Any]) -> SourceT:
    """Runs a kind's reader; the caller has made the kind's limits the current ones
    (``models.imports.limits``: the readers refuse a file beyond them as soon as they see
    it). The native spreadsheet reader runs in a process of its own
    (``models.imports.spreadsheet.files``), so that its crash on a hostile file is a report
    saying the file could not be read, not the console gone."""
    return reader(path, options)


def too_large(path: Path, limits: Limits | int) -> ImportFileError | None:
    """The refusal for a file above the kind's limit of bytes, or for a device or pipe
    (``/dev/zero`` never ends), before a byte of it is read."""
    if isinstance(limits, int):
        limits = Limits(limits, 0, 0)
    try:
        status = path.stat()
    except OSError:
        return None  # the reader says why the file cannot be read
    if stat.S_ISDIR(status.st_mode):
        return None  # a folder: a Shapefile's, or the reader says it is not a file
    if not stat.S_ISREG(status.st_mode):
        return not_a_file(path.name)
    if status.st_size <= limits.max_bytes:
        return None
    return too_many_bytes(path.name, status.st_size, limits)


def out_of_range(values: Sequence[float | None], limits: Range) -> list[int]:
    """The positions of a column's values outside their plausible range (None: no value),
    for a kind to report, the whole column at once."""
    low, high = limits.low, limits.high
    return [i for i, v in enumerate(values) if v is not None and not low <= v <= high]


def repeated(keys: Sequence[Any]) -> dict[Any, list[int]]:
    """The values that occur more than once, each with the positions it occurs at, in order:
    for a kind that reports a repeated value once, naming all its rows."""
    seen: dict[Any, list[int]] = {}
    for position, key in enumerate(keys):
        seen.setdefault(key, []).append(position)
    return {key: positions for key, positions in seen.items() if len(positions) > 1}


def import_file(
    kind: str | ImportKind,
    *,
    session: Session,
    path: str | Path,
    dry_run: bool = False,
    valid_only: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    **options: Any,
) -> ImportReport:
    """Import ``path`` as ``kind`` into ``session``; never commits.

    Returns the report; writes only when nothing was refused (or ``valid_only``), not in a
    dry run and not when cancelled. Raises PermissionDenied without the kind's permission.
    """
    spec = import_kind(kind) if isinstance(kind, str) else kind
    require(session, spec.permission)
    steps_type: type[ImportSteps[Any, Any]] = spec.load_steps()
    path = Path(path)
    job = Job(
        kind=spec,
        session=session,
        report=steps_type.report_type(file=path.name, dry_run=dry_run, valid_only=valid_only),
        options=spec.resolve(options),
        progress_callback=progress,
        cancel=cancel,
    )
    steps = steps_type(job)
    with steps.running():
        _run(steps, job, path)
    return job.report


def _run(steps: ImportSteps[Any, Any], job: Job, path: Path) -> None:
    report = job.report
    try:
        job.check_cancel()
        limits = job.kind.limits
        refusal = too_large(path, limits)
        if refusal is not None:
            raise refusal
        with reading_within(limits):
            source = read_source(steps.reader, path, job.options)
        rows = steps.rows(source)
        if rows > limits.max_rows:  # a reader that does not count rows as it reads
            raise too_many_features(path.name, rows, limits)
    except ImportFileError as error:
        report.fail(error)
        return
    except ImportCancelled:
        report.cancelled = True
        return
    report.checksum = source.checksum
    report.sheet = source.sheet
    report.unused_columns = list(getattr(source, "unused_columns", ()))
    job.total = 2 * max(1, rows)
    job.progress(0)
    try:
        plan = steps.validate(source)
        report.sort_problems()
        job.progress(job.half)
        accepted = report.inserted + report.updated + report.unchanged
        if (
            plan is None
            or report.dry_run
            or (report.problems and not report.valid_only)
            or not accepted
        ):
            job.progress(job.total)
            return
        _write(steps, job, plan)
    except ImportFileError as error:
        report.problems.clear()
        report.inserted = report.updated = report.unchanged = 0
        report.fail(error)
        return
    except ImportCancelled:
        report.cancelled = True
        report.rows_written = 0
        return
    steps.after_write(plan)


def _write(steps: ImportSteps[Any, Any], job: Job, plan: Sized) -> None:
    """The plan written inside a savepoint, so a cancel leaves nothing behind; also an
    import that changes nothing is recorded: who imported which file, when."""
    job.check_cancel()
    session, report = job.session, job.report
    writer = Writer(job, len(plan))
    nested = session.begin_nested()
    try:
        with bulk_operation(
            session, table_name=steps.audit_table, source=report.file, checksum=report.checksum
        ) as counter:
            written = steps.write(plan, writer)
            counter["rows"] = written + writer.removed
        job.check_cancel()
    except BaseException:
        nested.rollback()
        raise
    nested.commit()
    report.rows_written = written
    job.progress(job.total)


def run_import(
    *,
    db: Database,
    actor: Actor,
    kind: str,
    path: str | Path,
    dry_run: bool = False,
    valid_only: bool = False,
    options: Mapping[str, Any] | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ImportReport:
    """One unit of work for one import, committed when it ends: a refused, cancelled or
    dry-run import has written nothing into it. A writing import takes SQLite's write lock
    when it starts, so another workstation's check-ins wait instead of failing it."""
    with db.session(actor, write=not dry_run) as session:
        return import_file(
            kind,
            session=session,
            path=path,
            dry_run=dry_run,
            valid_only=valid_only,
            progress=progress,
            cancel=cancel,
            **(options or {}),
        )
