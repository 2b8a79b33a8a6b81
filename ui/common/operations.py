"""One way for the UI to run a unit of work: a write (or a read a dialog needs now) in its
own session, a refusal shown in place, a bug logged and shown as one line.

``run_operation`` runs it in a worker and calls back on the UI thread; ``run_operation_now``
runs it at once, for dialogs whose Save must answer before they close. Either way:

- the work is called as ``work(session=session, **arguments)``, like a domain function;
  a writing unit of work (``write=True``, the default) takes SQLite's write lock when it
  begins (``Database.session(actor, write=True)``);
- a ``Refused`` rolls everything back and its message is shown where ``show`` says;
- any other exception is a bug: rolled back, logged with its traceback, and shown as one
  generic line that carries none of its text (which may hold a name or a phone number).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel

from models.database import Database
from models.messages import QT_TRANSLATE_NOOP
from models.refusals import Refused
from models.users import Actor
from ui.common.widgets import Banner
from ui.common.worker import run_in_background

log = logging.getLogger(__name__)

T = TypeVar("T")

NOT_SAVED = QT_TRANSLATE_NOOP(
    "Operations", "The change could not be saved; the details are in the log file."
)
NOT_READ = QT_TRANSLATE_NOOP(
    "Operations", "The data could not be read; the details are in the log file."
)

# Where a problem is shown: a page's banner, a dialog's message label, or a function.
Target = Banner | QLabel | Callable[[str], None] | None


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """How one unit of work went: its ``value``, or the ``refusal``, or ``failed`` (a bug)."""

    value: T | None = None
    refusal: Refused | None = None
    failed: bool = False
    write: bool = True

    @property
    def ok(self) -> bool:
        return self.refusal is None and not self.failed

    @property
    def problem(self) -> str | None:
        """What to tell the user: the refusal's message, the generic line, or None."""
        if self.refusal is not None:
            return self.refusal.message
        if self.failed:
            return failure_text(write=self.write)
        return None


def failure_text(*, write: bool) -> str:
    """The one line shown for a bug: nothing of the exception, the log has it."""
    return QCoreApplication.translate("Operations", NOT_SAVED if write else NOT_READ)


def problem_text(error: BaseException | None, *, write: bool = False) -> str:
    """What to show for an error a worker handed back: a refusal's message, else the
    generic line (the worker has logged the bug)."""
    if isinstance(error, Refused):
        return error.message
    return failure_text(write=write)


def unit_of_work(
    db: Database,
    actor: Actor | None,
    work: Callable[..., T],
    *,
    write: bool = True,
    **arguments: Any,
) -> Outcome[T]:
    """Run ``work`` in one unit of work, on whichever thread calls it; never raises."""
    try:
        with db.session(actor, write=write) as session:
            value = work(session=session, **arguments)
    except Refused as refusal:  # rolled back: nothing was written
        log.info("refused: %s", type(refusal).__name__)
        return Outcome(refusal=refusal, write=write)
    except Exception:
        log.exception("%s failed", getattr(work, "__qualname__", "a unit of work"))
        return Outcome(failed=True, write=write)
    return Outcome(value, write=write)


def show_problem(target: Target, outcome: Outcome[Any]) -> None:
    """Show a refused or failed outcome's text in ``target``; a success shows nothing."""
    text = outcome.problem
    if text is None or target is None:
        return
    if isinstance(target, Banner):
        target.show_error(text)
    elif isinstance(target, QLabel):
        target.setText(text)
        target.show()
    else:
        target(text)


def run_operation(
    db: Database,
    actor: Actor | None,
    work: Callable[..., T],
    *,
    owner: QObject,
    on_done: Callable[[Outcome[T]], None] | None = None,
    show: Target = None,
    write: bool = True,
    **arguments: Any,
) -> None:
    """Run ``work(session=..., **arguments)`` in a worker; on the UI thread show its problem
    in ``show`` (if any), then call ``on_done(outcome)``. Skipped if ``owner`` was deleted."""

    def finished(outcome: Outcome[T] | None, error: BaseException | None) -> None:
        if outcome is None:  # unit_of_work never raises; this is only for the type checker
            outcome = Outcome(failed=True, write=write)
        show_problem(show, outcome)
        if on_done is not None:
            on_done(outcome)

    run_in_background(
        unit_of_work,
        finished,
        owner=owner,
        db=db,
        actor=actor,
        work=work,
        write=write,
        **arguments,
    )


def run_operation_now(
    db: Database,
    actor: Actor | None,
    work: Callable[..., T],
    *,
    show: Target = None,
    write: bool = True,
    **arguments: Any,
) -> Outcome[T]:
    """The same unit of work on the UI thread, for a dialog's Save that must answer before
    it closes (a short write: one record)."""
    outcome = unit_of_work(db, actor, work, write=write, **arguments)
    show_problem(show, outcome)
    return outcome
