"""The map's layers prepared in a process of their own (maps.prepare; read by maps.prepared).

Reading tens of thousands of features and writing their files holds the interpreter
for seconds at scale. ``MapPreparer`` keeps one child process per map page
(ui.common.child: ``python -m ui.map.preparer``, started on the first build and kept
for the next ones, so its imports are paid once) and asks it for a page: the page's
summary comes back as soon as the page is written (the console shows it), then a line
once the features file is (the details and the search read it). The console reads a
small summary, never the layers.

A newer build, or the page closing during a build, kills the child at once (a build is
not worth finishing once a newer one is asked); an idle child a closed page leaves is
kept for the next map page. A child that ends without answering, or cannot be started,
is an error the page shows.
"""

from __future__ import annotations

import dataclasses
import logging
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from maps.prepared import FEATURES_NAME, PreparedMap
from models.settings import TileSource
from models.users import Actor
from ui.common.child import Answer, Child, serve

if TYPE_CHECKING:
    from models.database import Database

log = logging.getLogger(__name__)

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
        what = QCoreApplication.translate("MapPage", "the process preparing the map")
        self.child = Child("ui.map.preparer", what, url, actor, self._answered, self._lost, self)
        self._pending: _Build | None = None

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
        if self._pending is not None:
            self.stop()
        number = self.child.ask(
            {
                "folder": str(folder),
                "tile_source": dataclasses.asdict(tile_source) if tile_source else None,
                "tiles_available": tiles_available,
            }
        )
        self._pending = _Build(number, Path(folder), on_page, on_features)

    def stop(self) -> None:
        """End the build under way (the page closed, or a newer build): its child killed,
        no answer follows. An idle child is kept for the next map page."""
        pending, self._pending = self._pending, None
        self.child.end(keep=pending is None)
        if pending is not None and pending.prepared is None:
            shutil.rmtree(pending.folder, ignore_errors=True)

    def _answered(self, answer: Answer) -> None:
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

    def _lost(self, text: str) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            log.error("map not prepared: %s", text)
            self._failed(pending, text)


# -- the child process -----------------------------------------------------------------------


def prepare(request: dict[str, Any], db: Database, actor: Actor) -> Iterator[Answer]:
    """The page and its summary, then its features file."""
    from maps.prepare import prepare_page, write_features

    folder = Path(request["folder"])
    source = request.get("tile_source")
    summary, layers = prepare_page(
        db,
        actor,
        folder,
        TileSource(**source) if source else None,
        tiles_available=bool(request.get("tiles_available")),
    )
    yield {"stage": "page", "summary": summary}
    write_features(folder / FEATURES_NAME, layers)
    del layers
    yield {"stage": "features"}


if __name__ == "__main__":
    sys.exit(serve(prepare, "ecc-map-preparer"))
