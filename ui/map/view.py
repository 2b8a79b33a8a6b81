"""The web view that shows a map page, and what it needs from Qt WebEngine.

- ``register_schemes()`` declares the ``tiles`` URL scheme. Qt only accepts that
  before the QApplication exists: ui.app calls it before creating the
  application, and the tests' configuration calls it at import time.
- ``TileSchemeHandler`` answers ``tiles://mbtiles/{z}/{x}/{y}`` from the MBTiles
  file of the settings (maps.tiles reads it).
- ``MapBridge`` is the QObject the page calls through QWebChannel.
- ``NetworkBlocker`` refuses every request that is not local (and records it), so
  a test can prove a page drew with no network.
- ``MapView`` loads a page from its file (``setHtml`` silently fails for pages of
  more than about 1.5 MB) and says when the page has drawn.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from maps.tiles import MBTiles, MBTilesError

log = logging.getLogger(__name__)

TILES_SCHEME = b"tiles"
LOCAL_SCHEMES = frozenset({"file", "qrc", "tiles", "data", "blob", "about"})
DRAW_TIMEOUT_MS = 20_000


def register_schemes() -> bool:
    """Declare the ``tiles`` scheme. Call once, before the QApplication is created.

    Returns whether the scheme is (now) registered; False when the application
    already exists, in which case MBTiles basemaps cannot be shown in this process.
    """
    if schemes_registered():
        return True
    if QCoreApplication.instance() is not None:
        log.warning("tiles:// registered too late (after the QApplication); no MBTiles basemap")
        return False
    scheme = QWebEngineUrlScheme(TILES_SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    # Without LocalScheme a file:// page silently sends no request at all.
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalAccessAllowed
        | QWebEngineUrlScheme.Flag.CorsEnabled
        | QWebEngineUrlScheme.Flag.LocalScheme
    )
    QWebEngineUrlScheme.registerScheme(scheme)
    return True


def schemes_registered() -> bool:
    return QWebEngineUrlScheme.schemeByName(QByteArray(TILES_SCHEME)).name() == QByteArray(
        TILES_SCHEME
    )


class TileSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves tiles of one MBTiles file (the settings' basemap) to map pages."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tiles: MBTiles | None = None
        self._path: str | None = None
        self.served = 0
        self.missed = 0

    def set_source(self, path: str | None) -> None:
        if path == self._path:
            return
        if self._tiles is not None:
            self._tiles.close()
            self._tiles = None
        self._path = path
        if path:
            try:
                self._tiles = MBTiles(path)
            except (MBTilesError, OSError) as exc:
                log.warning("MBTiles basemap not usable: %s", exc)

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        data = None
        tiles = self._tiles
        parts = url.path().strip("/").split("/")
        if tiles is not None and url.host() == "mbtiles" and len(parts) == 3:
            try:
                z, x, y = (int(p.split(".")[0]) for p in parts)
                data = tiles.tile(z, x, y)
            except (ValueError, OSError, sqlite3.Error) as exc:
                log.debug("tile request %s refused: %s", url.toString(), exc)
        if tiles is None or data is None:
            self.missed += 1
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        self.served += 1
        buffer = QBuffer(job)  # lives as long as the job
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(QByteArray(tiles.content_type(data).encode("ascii")), buffer)


_handler: TileSchemeHandler | None = None


def tile_handler() -> TileSchemeHandler:
    """The process's tiles:// handler, installed on the default web profile on first use."""
    global _handler
    if _handler is None:
        _handler = TileSchemeHandler(QCoreApplication.instance())
        if schemes_registered():
            QWebEngineProfile.defaultProfile().installUrlSchemeHandler(TILES_SCHEME, _handler)
    return _handler


class NetworkBlocker(QWebEngineUrlRequestInterceptor):
    """Refuses every request that leaves the machine; remembers all requests it saw."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.requested: list[str] = []
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        self.requested.append(url.toString())
        if url.scheme().lower() not in LOCAL_SCHEMES:
            self.blocked.append(url.toString())
            info.block(True)


class MapBridge(QObject):
    """What the page calls: ``window.bridge.onFeatureClick(JSON.stringify(props))``."""

    feature_clicked = Signal(dict)
    drawn = Signal(dict)
    tool_used = Signal(str, dict)  # "area" with its geometry, "nearest" with a point

    @Slot(str)
    def onFeatureClick(self, text: str) -> None:
        props = _parse(text)
        if isinstance(props, dict):
            self.feature_clicked.emit(props)

    @Slot(str)
    def onReady(self, text: str) -> None:
        summary = _parse(text)
        self.drawn.emit(summary if isinstance(summary, dict) else {})

    @Slot(str, str)
    def onTool(self, name: str, text: str) -> None:
        value = _parse(text)
        if name in ("area", "nearest") and isinstance(value, dict):
            self.tool_used.emit(name, value)


def _parse(text: str) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return None


class MapView(QWebEngineView):
    """A map page loaded from a file, with the bridge to the console.

    ``drawn(summary)`` comes once per load when the page has drawn its layers (the
    page's summary: features per layer, visible layers, notices); ``failed()``
    when the page did not load, or did not draw within DRAW_TIMEOUT_MS of being shown.
    A page loaded while the view is hidden draws (and says so) when it is shown.
    """

    drawn = Signal(dict)
    failed = Signal()
    feature_clicked = Signal(dict)
    tool_used = Signal(str, dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = MapBridge(self)
        self.channel = QWebChannel(self)
        self.channel.registerObject("bridge", self.bridge)
        self._page: QWebEnginePage | None = None  # made on first use: see web_page()
        self.bridge.feature_clicked.connect(self.feature_clicked)
        self.bridge.tool_used.connect(self.tool_used)
        self.bridge.drawn.connect(self._drawn)
        self.loadStarted.connect(self._load_started)
        self.loadFinished.connect(self._load_finished)
        self._waiting = False
        self._loading = False
        self._poll = QTimer(self)
        self._poll.setInterval(100)
        self._poll.timeout.connect(self._check_drawn)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._give_up)
        self.blocker: NetworkBlocker | None = None
        tile_handler()

    def web_page(self) -> QWebEnginePage:
        """The view's page, made and set up on first use: making it takes 20-40 ms of the UI
        thread, better spent when the page is loaded than when the view is built."""
        if self._page is None:
            self._page = self.page()
            self._page.setWebChannel(self.channel)
            self._page.settings().setAttribute(
                QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True
            )
        return self._page

    # -- loading -----------------------------------------------------------------------------

    def block_network(self) -> NetworkBlocker:
        """Refuse (and record) every non-local request of this view's page."""
        if self.blocker is None:
            self.blocker = NetworkBlocker(self)
            self.web_page().setUrlRequestInterceptor(self.blocker)
        return self.blocker

    def allow_remote_tiles(self, allowed: bool) -> None:
        """A file:// page may load tiles from a tile server (an XYZ basemap)."""
        self.web_page().settings().setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, allowed
        )

    def set_mbtiles(self, path: str | None) -> None:
        tile_handler().set_source(path)

    def show_page(self, path: Path) -> None:
        self._waiting = True
        self._deadline.stop()
        if self.isVisible():
            self._deadline.start(DRAW_TIMEOUT_MS)
        self.web_page().load(QUrl.fromLocalFile(str(Path(path).resolve())))

    # A hidden page loads and builds its layers but draws only when shown (the browser
    # runs no animation frames for it): the time allowed to draw counts while shown.
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._waiting and not self._deadline.isActive():
            self._deadline.start(DRAW_TIMEOUT_MS)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._deadline.stop()

    def _load_started(self) -> None:
        self._loading = True

    def _load_finished(self, ok: bool) -> None:
        self._loading = False
        if not self._waiting:
            return
        if not ok:
            # Also what a load interrupted by the next one says: fail only if none follows.
            QTimer.singleShot(1500, self._failed_unless_loading)
            return
        # The page tells through the bridge when it drew; poll as well, in case the
        # channel is not there (a page opened without the console's bridge).
        self._poll.start()

    def _failed_unless_loading(self) -> None:
        if self._waiting and not self._loading and not self._poll.isActive():
            self._give_up()

    def _check_drawn(self) -> None:
        self.run_json("window.ECC ? ECC.summary() : null", self._polled)

    def _polled(self, summary: Any) -> None:
        if isinstance(summary, dict) and summary.get("drawn"):
            self._drawn(summary)

    def _drawn(self, summary: dict) -> None:
        if not self._waiting:
            return
        self._waiting = False
        self._poll.stop()
        self._deadline.stop()
        self.drawn.emit(summary)

    def _give_up(self) -> None:
        if not self._waiting:
            return
        self._waiting = False
        self._poll.stop()
        self._deadline.stop()
        self.failed.emit()

    # -- asking the page -----------------------------------------------------------------------

    def run_json(self, expression: str, callback: Callable[[Any], None] | None = None) -> None:
        """Evaluate ``expression`` in the page; ``callback`` gets its value through JSON."""

        def done(text: Any) -> None:
            if callback is not None:
                callback(_parse(text) if isinstance(text, str) and text else None)

        self.web_page().runJavaScript(f"JSON.stringify({expression})", 0, done)

    def fly_to(
        self, layer: str, feature_id: int, callback: Callable[[Any], None] | None = None
    ) -> None:
        """Fly to a feature and highlight it; ``callback(found)``."""
        self.run_json(
            f"window.ECC ? ECC.flyTo({json.dumps(layer)}, {int(feature_id)}) : false", callback
        )

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        self.run_json(
            f"window.ECC ? ECC.setVisible({json.dumps(layer)}, {json.dumps(visible)}) : false"
        )

    def replace_layer(
        self, layer: str, collection: dict[str, Any], callback: Callable[[Any], None] | None = None
    ) -> None:
        """Draw ``collection`` (GeoJSON) as the layer's features; ``callback(count)``."""
        payload = json.dumps(collection, ensure_ascii=False)
        self.run_json(
            f"window.ECC ? ECC.replaceLayer({json.dumps(layer)}, {payload}) : false", callback
        )

    def mark(
        self, features: dict[str, list[int]], callback: Callable[[Any], None] | None = None
    ) -> None:
        """Outline these features (layer key -> ids) on the map; an empty dict clears."""
        self.run_json(f"window.ECC ? ECC.mark({json.dumps(features)}) : false", callback)

    def set_view(self, center: list[float], zoom: float) -> None:
        self.run_json(
            f"window.ECC ? ECC.setView({json.dumps({'center': center, 'zoom': zoom})}) : false"
        )
