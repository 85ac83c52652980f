"""The map pane: the plan's sites and routes on an offline Leaflet map.

The page is a guest with one door each way (see STYLE.md): Python calls only
``window.planner.update(json)``; the page answers only through the ``bridge`` object's
``send(json)`` slot (ready, select, place, applied, basemap, error). Calls made before
the page says ``ready`` wait in a queue and go in order once it does; a new page
(``set_plan``) drops what was queued for the old one.
"""

from __future__ import annotations

import json
import logging
from typing import Iterable

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from planner.map_data import map_payload, selection
from planner.model import Plan
from ui.map.bridge import MapBridge
from ui.map.page import page_html
from ui.map.scheme import PAGE_URL, MBTiles, map_profile, scheme_handler

log = logging.getLogger(__name__)

_PAGE_HTML: bytes | None = None


def _page_bytes() -> bytes:
    global _PAGE_HTML
    if _PAGE_HTML is None:
        _PAGE_HTML = page_html().encode("utf-8")
    return _PAGE_HTML


class MapPage(QWebEnginePage):
    """A page that never shows a JavaScript dialog: alerts and console errors are logged
    (and alerts recorded: a plan's text must never get to run one)."""

    def __init__(self, profile: QWebEngineProfile, parent=None):
        super().__init__(profile, parent)
        self.alerts: list[str] = []

    def javaScriptAlert(self, origin, message):  # noqa: N802 (Qt name)
        self.alerts.append(message)
        log.warning("map page alert: %s", message)

    def javaScriptConfirm(self, origin, message):  # noqa: N802
        self.alerts.append(message)
        return False

    def javaScriptPrompt(self, origin, message, default):  # noqa: N802
        self.alerts.append(message)
        return False, ""

    def javaScriptConsoleMessage(self, level, message, line, source):  # noqa: N802
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            log.warning("map page: %s (%s:%s)", message, source, line)


class MapPane(QWidget):
    siteClicked = Signal(int)  # a marker was clicked: site id
    placePicked = Signal(float, float)  # lon, lat clicked while in pick mode
    ready = Signal()  # page loaded and bridge connected
    applied = Signal(int)  # an update with this sequence number is drawn
    basemapLoaded = Signal(int)  # the basemap is drawn (milliseconds it took in the page)

    def __init__(self, parent: QWidget | None = None, profile: QWebEngineProfile | None = None):
        super().__init__(parent)
        self.view = QWebEngineView(self)
        self.page = MapPage(profile or map_profile(), self.view)
        settings = self.page.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False)
        self.view.setPage(self.page)
        self.bridge = MapBridge(self)
        self.bridge.message.connect(self._on_message)
        self.channel = QWebChannel(self.page)
        self.channel.registerObject("bridge", self.bridge)
        self.page.setWebChannel(self.channel)
        self.page.loadStarted.connect(self._on_load_started)
        self.page.loadFinished.connect(self._on_load_finished)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self.plan: Plan | None = None
        self.is_ready = False
        self.load_count = 0
        self.basemap_ready = False
        self._queue: list[tuple[str, object]] = []
        self._seq = 0
        self._days: list[int] | None = None
        self._tiles: dict | None = None
        self._mbtiles: MBTiles | None = None

    # ---- the public API -------------------------------------------------------------
    def set_plan(self, plan: Plan) -> None:
        """First load or a different plan: (re)load the page, then send the plan."""
        self.plan = plan
        self.is_ready = False
        self.basemap_ready = False
        self._queue.clear()
        self._days = None
        scheme_handler().pages["index.html"] = _page_bytes()
        message: dict = {"data": map_payload(plan)}
        if self._tiles:
            message["tiles"] = self._tiles
        self._send(message)
        self.page.load(QUrl(PAGE_URL))

    def update_plan(self, plan: Plan) -> int:
        """After an edit: push the new data to the page, no reload. Returns the update's
        sequence number (``applied`` is emitted with it once the page has drawn it)."""
        if self.plan is None:
            self.set_plan(plan)
            return self._seq
        self.plan = plan
        return self._send({"data": map_payload(plan)})

    def select(self, kind, ids: Iterable[int] = ()) -> None:
        """Highlight and pan to sites, sessions, groups, places or plenaries, or a day:
        ``select("day", [n])`` (also ``select(("day", n))``)."""
        if isinstance(kind, tuple):
            kind, ids = kind[0], [kind[1]]
        if self.plan is None:
            return
        self._send({"select": selection(self.plan, kind, ids)})

    def show_day(self, day: int | None) -> None:
        """Show one day's routes and stops (None: all days)."""
        self._days = None if day is None else [int(day)]
        self._send({"days": self._days})

    def start_pick(self) -> None:
        """The next click on the map emits ``placePicked(lon, lat)``."""
        self._send({"pick": True})

    # ---- extras ------------------------------------------------------------------------
    def set_mbtiles(self, path: str | None) -> None:
        """Show the organiser's MBTiles file under the map's data (None: no tiles)."""
        handler = scheme_handler()
        if self._mbtiles is not None:
            self._mbtiles.close()
            self._mbtiles = None
        if path:
            self._mbtiles = MBTiles(path)
            handler.mbtiles = self._mbtiles
            self._tiles = self._mbtiles.layer_spec()
        else:
            handler.mbtiles = None
            self._tiles = None
        self._send({"tiles": self._tiles})

    def run_js(self, code: str, callback=None) -> None:
        """Run JavaScript once the page is ready (tests and tools; the app uses the API)."""
        self._enqueue(code, callback)

    # ---- plumbing ----------------------------------------------------------------------
    def _send(self, message: dict) -> int:
        self._seq += 1
        message["seq"] = self._seq
        self._enqueue(f"window.planner.update({json.dumps(message)})")
        return self._seq

    def _enqueue(self, code: str, callback=None) -> None:
        if self.is_ready:
            self._run(code, callback)
        else:
            self._queue.append((code, callback))

    def _run(self, code: str, callback=None) -> None:
        if callback is None:
            self.page.runJavaScript(code, 0)
        else:
            self.page.runJavaScript(code, 0, callback)

    def _on_load_started(self) -> None:
        self.load_count += 1  # page loads (a reload counts): set_plan makes one, edits none

    def _on_load_finished(self, ok: bool) -> None:
        if not ok:
            log.warning("the map page did not load")

    def _on_message(self, message: dict) -> None:
        cmd = message["cmd"]
        if cmd == "ready":
            self.is_ready = True
            queued, self._queue = self._queue, []
            for code, callback in queued:
                self._run(code, callback)
            self.ready.emit()
        elif cmd == "select" and message.get("kind") == "site" and isinstance(message.get("id"), int):
            self.siteClicked.emit(message["id"])
        elif cmd == "place":
            lon, lat = message.get("lon"), message.get("lat")
            if isinstance(lon, (int, float)) and isinstance(lat, (int, float)):
                self.placePicked.emit(float(lon), float(lat))
        elif cmd == "applied" and isinstance(message.get("seq"), int):
            self.applied.emit(message["seq"])
        elif cmd == "basemap":
            self.basemap_ready = True
            self.basemapLoaded.emit(int(message.get("ms") or 0))
        elif cmd == "error":
            log.warning("map page error: %s", message.get("message"))
