"""The map's layers prepared in a process of their own (maps.prepare; read by maps.prepared).

Reading tens of thousands of features and writing their files holds the interpreter
for seconds at scale; in a thread of the console's process that made the UI thread wait
for the interpreter beside it. ``MapPreparer`` keeps one child process per map page
(``python -m ui.map.preparer``, started on the first build and kept for the next ones,
so its imports are paid once), asks it for a page by one line of JSON on its standard
input and reads the answers, lines on its standard output, through ``QProcess`` on the
event loop: the page's summary as soon as the page is written (the console shows it),
then a line once the features file is (the details and the search read it). The console
reads a small summary, never the layers.

The child opens the same database (URL) as the same actor, in the same language, and
runs at a lower priority, so the UI thread gets a processor first. A newer build, or
the page closing during a build, kills the child at once (a build is not worth finishing
once a newer one is asked); an idle child a closed page leaves is kept for the next map
page. A child that ends without answering, or cannot be started, is an error the page
shows.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import json
import logging
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QProcessEnvironment

from maps.prepared import FEATURES_NAME, PreparedMap
from models.messages import fill
from models.settings import TileSource
from models.users import Actor

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent.parent
NICENESS = 10  # the child yields the processors to the console's UI thread

Done = Callable[[PreparedMap | None, str | None], None]  # (prepared, or an error's text)


@dataclass
class _Build:
    """The build asked last: the page answers first, then the features file."""

    number: int
    folder: Path
    on_page: Done
    on_features: Done
    prepared: PreparedMap | None = None  # once the page is written


class MapPreparer(QObject):
    """The child process preparing one map page's pages, one build at a time."""

    def __init__(self, url: str, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.actor = actor
        self.process: QProcess | None = None
        self._buffer = b""
        self._asked = 0
        self._pending: _Build | None = None
        # The child still running when the page goes (the window closed): ended before
        # Qt deletes its QProcess, which would otherwise complain and wait for it.
        self._running: list[QProcess] = []
        self.destroyed.connect(lambda *_args, running=self._running: _end(running))

    @property
    def busy(self) -> bool:
        return self._pending is not None

    def prepare(
        self,
        folder: Path,
        on_page: Done,
        on_features: Done,
        *,
        tile_source: TileSource | None,
        tiles_available: bool,
    ) -> None:
        """Prepare a page in ``folder``: ``on_page(prepared, error)`` on the UI thread once
        the page is written, then ``on_features(prepared, error)`` once its features file
        is (properties and search). A build still running is abandoned: its child killed,
        its folder removed unless its page was already handed over."""
        from ui.i18n import installed_language

        if self._pending is not None:
            self.stop()
        if self.process is None:
            self._start()
        self._asked += 1
        self._pending = _Build(self._asked, Path(folder), on_page, on_features)
        # The URL may carry a password: given on standard input, never on the command line.
        request = {
            "url": self.url,
            "actor": [self.actor.name, self.actor.role],
            "language": installed_language(),
            "id": self._asked,
            "folder": str(folder),
            "tile_source": dataclasses.asdict(tile_source) if tile_source else None,
            "tiles_available": tiles_available,
        }
        self._send(request)

    def stop(self) -> None:
        """End the build under way (the page closed, or a newer build): its child killed,
        no answer follows. An idle child is kept for the next map page (as the spare)."""
        process, self.process = self.process, None
        pending, self._pending = self._pending, None
        self._buffer = b""
        self._running.clear()
        if process is not None:
            for signal in (
                process.readyReadStandardOutput,
                process.finished,
                process.errorOccurred,
            ):
                signal.disconnect()
            idle = pending is None and process.state() == QProcess.ProcessState.Running
            if idle and not _SPARE:
                process.setParent(None)
                _SPARE.append(process)
            else:
                process.kill()
                process.waitForFinished(3000)
                process.deleteLater()
        if pending is not None and pending.prepared is None:
            shutil.rmtree(pending.folder, ignore_errors=True)

    # -- the child ------------------------------------------------------------------------

    def _start(self) -> None:
        process = _SPARE.pop() if _SPARE else None
        if process is not None and process.state() == QProcess.ProcessState.Running:
            process.setParent(self)  # another map page's, idle: its imports are done
        else:
            process = QProcess(self)
            process.setProgram(sys.executable)
            process.setArguments(["-m", "ui.map.preparer"])
            process.setWorkingDirectory(str(ROOT))
            environment = QProcessEnvironment.systemEnvironment()
            path = environment.value("PYTHONPATH")
            environment.insert("PYTHONPATH", os.pathsep.join(p for p in (str(ROOT), path) if p))
            process.setProcessEnvironment(environment)
            process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
            process.start()
            process.write(json.dumps({"log": _log_file()}).encode("ascii") + b"\n")
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._ended)
        process.errorOccurred.connect(self._error)
        self.process = process
        self._running[:] = [process]
        self._buffer = b""

    def _send(self, message: dict[str, Any]) -> None:
        if self.process is not None:
            self.process.write(json.dumps(message).encode("ascii") + b"\n")

    def _read(self) -> None:
        if self.process is None:
            return
        self._buffer += bytes(self.process.readAllStandardOutput().data())
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            try:
                answer = json.loads(line)
            except ValueError:
                log.warning("map preparer said: %r", line[:200])
                continue
            self._answered(answer)

    def _answered(self, answer: dict[str, Any]) -> None:
        build = self._pending
        if build is None or answer.get("id") != build.number:
            return
        if not answer.get("ok"):
            self._pending = None
            self._failed(build, str(answer.get("error") or "?"))
        elif answer.get("stage") == "page":
            build.prepared = PreparedMap.from_summary(build.folder, answer["summary"])
            build.on_page(build.prepared, None)
        elif build.prepared is not None:
            self._pending = None
            build.prepared.features_ready = True
            build.on_features(build.prepared, None)

    @staticmethod
    def _failed(build: _Build, text: str) -> None:
        if build.prepared is None:
            shutil.rmtree(build.folder, ignore_errors=True)
            build.on_page(None, text)
        else:  # the page is shown: only its details and search are missing
            build.on_features(None, text)

    def _ended(self, code: int, _status: QProcess.ExitStatus) -> None:
        self._lost(
            fill(
                QCoreApplication.translate(
                    "MapPage", "the process preparing the map ended (exit code %1)"
                ),
                str(code),
            )
        )

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._lost(
                QCoreApplication.translate(
                    "MapPage", "the process preparing the map could not be started"
                )
            )

    def _lost(self, text: str) -> None:
        process, self.process = self.process, None
        self._running.clear()
        if process is not None:
            process.deleteLater()
        pending, self._pending = self._pending, None
        if pending is not None:
            log.error("map not prepared: %s", text)
            self._failed(pending, text)


_SPARE: list[QProcess] = []
"""An idle child a closed map page left, taken by the next map page (each request names
its database, actor and language), ended when the console exits."""


def _end(running: list[QProcess]) -> None:
    for process in running:
        process.kill()
        process.waitForFinished(3000)
    running.clear()


def _log_file() -> str | None:
    """The console's log file, for the child's own failures (None: log to stderr only)."""
    for handler in logging.getLogger().handlers:
        name = getattr(handler, "baseFilename", None)
        if isinstance(name, str):
            return name
    return None


atexit.register(_end, _SPARE)

# -- the child process -----------------------------------------------------------------------


def _message(error: BaseException) -> str:
    message = getattr(error, "message", None)
    return message if isinstance(message, str) else (str(error) or type(error).__name__)


def _answer(answer: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()


def child_main() -> int:
    """Prepare pages as asked on standard input, one JSON line each, until it closes."""
    with contextlib.suppress(OSError, AttributeError):  # AttributeError: no nice() here
        os.nice(NICENESS)
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance() or QCoreApplication(["ecc-map-preparer"])
    first = sys.stdin.readline()
    if not first:
        return 0
    init = json.loads(first)  # the log file; defaults for the requests
    if init.get("log"):
        logging.basicConfig(filename=init["log"], level=logging.INFO)
    from maps.prepare import prepare_page, write_features
    from models.database import Database
    from ui.i18n import install_translators

    db: Database | None = None
    language: str | None = None
    try:
        for line in sys.stdin:
            request = {**init, **json.loads(line)}
            number, folder = request["id"], Path(request["folder"])
            if db is None or db.url != request["url"]:
                if db is not None:
                    db.dispose()
                db = Database(request["url"])
            if request.get("language") != language:
                language = request.get("language")
                install_translators(language or "en")
            actor = Actor(*request["actor"])
            source = request.get("tile_source")
            try:
                summary, layers = prepare_page(
                    db,
                    actor,
                    folder,
                    TileSource(**source) if source else None,
                    tiles_available=bool(request.get("tiles_available")),
                )
                _answer({"id": number, "ok": True, "stage": "page", "summary": summary})
                write_features(folder / FEATURES_NAME, layers)
                del layers
                _answer({"id": number, "ok": True, "stage": "features"})
            except Exception as error:  # told to the page, which shows it
                log.exception("map page not prepared")
                _answer({"id": number, "ok": False, "error": _message(error)})
    finally:
        if db is not None:
            db.dispose()
        del app
    return 0


if __name__ == "__main__":
    sys.exit(child_main())
