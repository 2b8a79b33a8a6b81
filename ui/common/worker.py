"""Run a function off the UI thread and get its result back on the UI thread.

Workers receive plain data (ids, URLs, paths) and open their own session; they
never touch a widget. ``on_done(result, error)`` runs on the main thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class CancelToken:
    """Checked by long work between steps; set from the UI thread."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class _Relay(QObject):
    finished = Signal(object, object)
    progress = Signal(int, int)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], relay: _Relay, kwargs: dict[str, Any]) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.kwargs = kwargs

    def run(self) -> None:
        try:
            result, error = self.fn(**self.kwargs), None
        except Exception as exc:  # handed to on_done; never raised into Qt
            log.exception("background task failed")
            result, error = None, exc
        with contextlib.suppress(RuntimeError):  # the application is closing: nobody to tell
            self.relay.finished.emit(result, error)


_live: set[_Relay] = set()


def run_in_background(
    fn: Callable[..., Any],
    on_done: Callable[[Any, BaseException | None], None],
    *,
    on_progress: Callable[[int, int], None] | None = None,
    owner: QObject | None = None,
    **kwargs: Any,
) -> None:
    """Run ``fn(**kwargs)`` in the global thread pool.

    With an ``owner`` (the widget that asked), ``on_done`` is skipped when the owner
    was deleted meanwhile, such as a page whose window closed during the load.

    If ``on_progress`` is given, ``fn`` receives ``progress=callable(done, total)``
    which it may call from its thread; the calls arrive on the UI thread.
    """
    relay = _Relay()  # created on the calling (UI) thread: its signals queue to it
    _live.add(relay)

    def finished(result: Any, error: BaseException | None) -> None:
        _live.discard(relay)
        if owner is None or shiboken6.isValid(owner):
            on_done(result, error)

    relay.finished.connect(finished)
    if on_progress is not None:
        relay.progress.connect(on_progress)
        kwargs["progress"] = relay.progress.emit
    QThreadPool.globalInstance().start(_Task(fn, relay, kwargs))
