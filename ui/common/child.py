"""Work done in a process of its own, asked and answered by lines of JSON.

Work that holds the interpreter for seconds (reading, indexing or writing tens of
thousands of features) made the console's UI thread wait for the interpreter when a
thread of the console's process did it. A ``Child`` runs ``python -m MODULE`` (whose
``__main__`` calls ``serve``), writes each request as one line of JSON on its standard
input and hears the answers, lines of JSON on its standard output, through ``QProcess``
on the event loop. Each request names the database (its URL may carry a password: given
on standard input, never on the command line), the actor and the language; the child
runs at a lower priority, so the UI thread gets a processor first.

An idle child whose page closes is kept, one per module, for the next page of its kind
(each request names its database, actor and language; the imports are paid once), and
ended when the console exits.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QProcessEnvironment, QTimer

from models.messages import fill
from models.users import Actor

if TYPE_CHECKING:
    from models.database import Database

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent.parent
NICENESS = 10  # the child yields the processors to the console's UI thread

Answer = dict[str, Any]


class Child(QObject):
    """One child process of ``module``: ``ask`` a request, ``on_answer(answer)`` hears each
    answer line (with the request's ``id``), ``on_lost(text)`` that the process ended or
    could not start, and with it every request still unanswered; ``what`` names the
    process in that text ("the process preparing the map")."""

    def __init__(
        self,
        module: str,
        what: str,
        url: str,
        actor: Actor,
        on_answer: Callable[[Answer], None],
        on_lost: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.module, self.what, self.url, self.actor = module, what, url, actor
        self._on_answer, self._on_lost = on_answer, on_lost
        self.process: QProcess | None = None
        self._buffer = b""
        self._asked = 0
        # The child still running when the page goes (the window closed): ended before
        # Qt deletes its QProcess, which would otherwise complain and wait for it.
        self._running: list[QProcess] = []
        self.destroyed.connect(lambda *_args, running=self._running: _end(running))

    def ask(self, request: dict[str, Any]) -> int:
        """Send ``request`` (started if need be); returns its id, which its answers carry."""
        from ui.i18n import installed_language

        if self.process is None:
            self._start()
        self._asked += 1
        message = {
            "url": self.url,
            "actor": [self.actor.name, self.actor.role],
            "language": installed_language(),
            "id": self._asked,
            **request,
        }
        if self.process is not None and self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.write(json.dumps(message).encode("ascii") + b"\n")
        return self._asked

    def end(self, *, keep: bool) -> None:
        """No more answers from the running child: with ``keep`` (it is idle) it is kept
        for the next page of its kind, else killed (its work abandoned)."""
        process, self.process = self.process, None
        self._buffer = b""
        self._running.clear()
        if process is None:
            return
        for signal in (process.readyReadStandardOutput, process.finished, process.errorOccurred):
            signal.disconnect()
        spares = _SPARES.setdefault(self.module, [])
        if keep and not spares and process.state() == QProcess.ProcessState.Running:
            process.setParent(None)
            spares.append(process)
        else:
            process.kill()
            process.waitForFinished(3000)
            process.deleteLater()

    def _start(self) -> None:
        spares = _SPARES.get(self.module, [])
        process = spares.pop() if spares else None
        started = process is not None and process.state() == QProcess.ProcessState.Running
        if process is not None and started:
            process.setParent(self)  # another page's, idle: its imports are done
        else:
            process = QProcess(self)
            process.setProgram(sys.executable)
            process.setArguments(["-m", self.module])
            process.setWorkingDirectory(str(ROOT))
            environment = QProcessEnvironment.systemEnvironment()
            path = environment.value("PYTHONPATH")
            environment.insert("PYTHONPATH", os.pathsep.join(p for p in (str(ROOT), path) if p))
            process.setProcessEnvironment(environment)
            process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        # Heard before it starts: a start that fails at once is told like any other.
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._ended)
        process.errorOccurred.connect(self._error)
        self.process = process
        self._running[:] = [process]
        self._buffer = b""
        if not started:
            from ui.logs import console_log_file

            process.start()
            process.write(json.dumps({"log": console_log_file()}).encode("ascii") + b"\n")

    def _read(self) -> None:
        if self.process is None:
            return
        self._buffer += bytes(self.process.readAllStandardOutput().data())
        while b"\n" in self._buffer and self.process is not None:
            line, self._buffer = self._buffer.split(b"\n", 1)
            try:
                answer = json.loads(line)
            except ValueError:
                log.warning("%s said: %r", self.module, line[:200])
                continue
            self._on_answer(answer)

    def _ended(self, code: int, _status: QProcess.ExitStatus) -> None:
        self._lose(code)

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            # In the next turn of the event loop: the request being asked is waited for.
            failed = self.process
            QTimer.singleShot(0, self, lambda: self._lose(None) if self.process is failed else None)

    def _lose(self, code: int | None) -> None:
        process, self.process = self.process, None
        self._running.clear()
        if process is not None:
            process.deleteLater()
        self._on_lost(
            fill(QCoreApplication.translate("Child", "%1 could not be started"), self.what)
            if code is None
            else fill(
                QCoreApplication.translate("Child", "%1 ended (exit code %2)"), self.what, str(code)
            )
        )


_SPARES: dict[str, list[QProcess]] = {}
"""Per module, an idle child a closed page left, taken by the next page of its kind."""


def _end(running: list[QProcess]) -> None:
    for process in running:
        process.kill()
        process.waitForFinished(3000)
    running.clear()


def _end_spares() -> None:
    for spares in _SPARES.values():
        _end(spares)


atexit.register(_end_spares)

# -- the child process -----------------------------------------------------------------------

Handler = Callable[[dict[str, Any], "Database", Actor], Iterator[Answer]]
"""Answers one request (its database opened, its actor and language set): each answer it
yields is written at once, marked with the request's id and ``ok``."""


def failure_text(error: BaseException) -> str:
    """What a page shows of a request that failed, in the request's language: a refusal's
    message, else the console's one line for data that could not be read. Never the
    error's own text (a driver's message and its link are no sentence for a duty officer,
    and may hold a name): the log file has it whole."""
    from ui.common.operations import problem_text  # only when a request fails

    return problem_text(error, write=False)


def _answer(answer: Answer) -> None:
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()


def serve(handle: Handler, name: str) -> int:
    """The child's loop: a request a line on standard input, until it closes. A request
    that fails is logged, and answered ``ok: false`` with what the page may show of it
    (``failure_text``)."""
    with contextlib.suppress(OSError, AttributeError):  # AttributeError: no nice() here
        os.nice(NICENESS)
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance() or QCoreApplication([name])
    first = sys.stdin.readline()
    if not first:
        return 0
    init = json.loads(first)  # the log file; defaults for the requests
    if init.get("log"):
        from ui.logs import child_logging

        child_logging(init["log"])
    from models.database import Database
    from ui.i18n import install_translators

    db: Database | None = None
    language: str | None = None
    try:
        for line in sys.stdin:
            request = {**init, **json.loads(line)}
            if request.get("language") != language:
                language = request.get("language")
                install_translators(language or "en")
            number = request["id"]
            try:
                if db is None or db.url != request["url"]:
                    if db is not None:
                        db.dispose()
                    db = None
                    db = Database(request["url"])
                for answer in handle(request, db, Actor(*request["actor"])):
                    _answer({"id": number, "ok": True, **answer})
            except Exception as error:  # logged whole; the page is told what it may show
                log.exception("%s: request not answered", name)
                _answer({"id": number, "ok": False, "error": failure_text(error)})
    finally:
        if db is not None:
            db.dispose()
        del app
    return 0
