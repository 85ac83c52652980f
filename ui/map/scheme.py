"""The ``planmap:`` URL scheme: serves the map page, its scripts, styles, font,
basemap and (optionally) raster tiles from an MBTiles file — no web server, no
``setHtml`` (which shows nothing above 2 MB), nothing from the network.

    planmap://map/index.html          the page skeleton (ui/map/page.py)
    planmap://map/web/…               resources/web/ (Leaflet, our script and style)
    planmap://map/web/qwebchannel.js  Qt's own qwebchannel.js, read from its qrc
    planmap://map/basemap/…           resources/map/ (boundaries, labels)
    planmap://map/fonts/…             resources/fonts/ (the shipped CJK font)
    planmap://map/tiles/{z}/{x}/{y}   a tile of the organiser's MBTiles file (TMS y flip)

``register_scheme()`` must run before the QApplication exists (``ui.environment.prepare_qt``).
"""

from __future__ import annotations

import atexit
import logging
import mimetypes
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QFile, QIODevice
from PySide6.QtWidgets import QApplication
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from planner.mbtiles import MBTiles
from planner.resources import resource_path

log = logging.getLogger(__name__)

SCHEME = "planmap"
HOST = "map"
BASE_URL = f"{SCHEME}://{HOST}/"
PAGE_URL = f"{BASE_URL}index.html"
# URL folder -> resources/ folder; nothing outside these is served.
FOLDERS = {"web": ("web",), "basemap": ("map",), "fonts": ("fonts",)}
MIME = {".js": b"text/javascript", ".css": b"text/css", ".json": b"application/json",
        ".html": b"text/html", ".png": b"image/png", ".ttf": b"font/ttf", ".jpg": b"image/jpeg",
        ".webp": b"image/webp", ".pbf": b"application/x-protobuf"}


def register_scheme() -> None:
    """Declare ``planmap:`` to Chromium. Call once, before the QApplication exists."""
    if QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name():
        return
    scheme = QWebEngineUrlScheme(SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.CorsEnabled
        | QWebEngineUrlScheme.Flag.FetchApiAllowed
    )
    QWebEngineUrlScheme.registerScheme(scheme)


def tile_layer(mbtiles: MBTiles) -> dict:
    """What the page needs to add the organiser's tiles (see planner-map.js ``tiles``)."""
    return {"url": f"{BASE_URL}tiles/{{z}}/{{x}}/{{y}}", "minZoom": mbtiles.min_zoom,
            "maxZoom": mbtiles.max_zoom, "attribution": mbtiles.attribution}


class MapSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers every ``planmap:`` request from memory or the app's resources."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pages: dict[str, bytes] = {}
        self.mbtiles: MBTiles | None = None
        self._cache: dict[str, bytes] = {}
        self.served: list[str] = []  # every path asked for (for tests and diagnosis)

    def content(self, path: str) -> tuple[bytes, bytes] | None:
        """(mime type, body) for a path like ``/web/leaflet/leaflet.js``, or None."""
        name = path.lstrip("/")
        if name in self.pages:
            return b"text/html; charset=utf-8", self.pages[name]
        if name == "web/qwebchannel.js":
            return b"text/javascript", self._qrc(":/qtwebchannel/qwebchannel.js")
        parts = name.split("/")
        if parts[0] == "tiles" and len(parts) == 4 and self.mbtiles is not None:
            try:
                z, x, y = (int(p.split(".")[0]) for p in parts[1:])
            except ValueError:
                return None
            body = self.mbtiles.tile(z, x, y)
            mime = MIME.get("." + self.mbtiles.format, b"application/octet-stream")
            return (mime, body) if body is not None else None
        if parts[0] not in FOLDERS or len(parts) < 2 or any(p in ("", ".", "..") for p in parts[1:]):
            return None
        if name not in self._cache:
            file = resource_path(*FOLDERS[parts[0]], *parts[1:])
            if not file.is_file():
                return None
            self._cache[name] = file.read_bytes()
        suffix = Path(name).suffix
        mime = MIME.get(suffix) or (mimetypes.guess_type(name)[0] or "application/octet-stream").encode()
        return mime, self._cache[name]

    def _qrc(self, path: str) -> bytes:
        if path not in self._cache:
            file = QFile(path)
            if not file.open(QIODevice.OpenModeFlag.ReadOnly):
                raise FileNotFoundError(path)
            self._cache[path] = bytes(file.readAll())
            file.close()
        return self._cache[path]

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt name)
        url = job.requestUrl()
        self.served.append(url.path())
        if url.host() != HOST or job.requestMethod() not in (b"GET", QByteArray(b"GET")):
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        found = self.content(url.path())
        if found is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        mime, body = found
        buffer = QBuffer(job)
        buffer.setData(QByteArray(body))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(mime, buffer)


_profile: QWebEngineProfile | None = None
_handler: MapSchemeHandler | None = None


def map_profile() -> QWebEngineProfile:
    """The one profile map pages use (off the record, with the scheme handler). Made on
    first use, once the QApplication exists; lives as long as the application."""
    global _profile, _handler
    if _profile is None:
        _profile = QWebEngineProfile(QCoreApplication.instance())
        _handler = MapSchemeHandler(_profile)  # referenced here for the profile's whole life
        _profile.installUrlSchemeHandler(SCHEME.encode(), _handler)
        atexit.register(_release_profile)
    return _profile


def _release_profile() -> None:
    """At exit, delete the pages still using the profile, then the profile: left to the
    interpreter's teardown, the profile can go first and QtWebEngine then crashes."""
    global _profile, _handler
    import shiboken6
    from PySide6.QtWebEngineCore import QWebEnginePage

    if _profile is None or not shiboken6.isValid(_profile):
        return
    app = QCoreApplication.instance()
    pages = app.findChildren(QWebEnginePage) if app is not None else []
    for widget in QApplication.allWidgets() if isinstance(app, QApplication) else ():
        page = getattr(widget, "page", None)
        if callable(page) and shiboken6.isValid(widget):
            found = page()
            if isinstance(found, QWebEnginePage):
                pages.append(found)
    for page in pages:
        if shiboken6.isValid(page) and page.profile() is _profile:
            shiboken6.delete(page)
    shiboken6.delete(_profile)
    _profile = _handler = None


def scheme_handler() -> MapSchemeHandler:
    map_profile()
    assert _handler is not None
    return _handler
