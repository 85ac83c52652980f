"""HTML → PDF through an offscreen QWebEnginePage (text PDF, shipped fonts embedded).

The page is written to a file in a temporary folder and loaded from there (``setHtml``
shows nothing above 2 MB). Printing waits for ``document.fonts.ready`` (the page logs
"planner:ready"), then ``printToPdf`` with CSS page sizes and margins preferred.
"""

from __future__ import annotations

import atexit
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QMarginsF, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings

READY_MESSAGE = "planner:ready"
TIMEOUT_MS = 60_000
TIMED_OUT = "timed out"


class PdfRenderError(RuntimeError):
    pass


class PrintTimedOut(PdfRenderError):
    """The page did not print within the time allowed (the watchdog fired)."""

    def __init__(self, message: str, seconds: float):
        super().__init__(message)
        self.seconds = seconds


class _PrintPage(QWebEnginePage):
    ready = Signal()

    def javaScriptConsoleMessage(self, level, message, line, source):  # noqa: N802 (Qt)
        if message == READY_MESSAGE:
            self.ready.emit()


class PdfRenderer(QObject):
    """Keeps one offscreen page (and its profile) to print documents with.

    Needs a QApplication. ``render(html)`` blocks in a local event loop until the PDF
    is ready and returns its bytes."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._profile = QWebEngineProfile(self)  # off the record: no cache on disk
        self._page = _PrintPage(self._profile, self)
        settings = self._page.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.PreferCSSMarginsForPrinting, True)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.PrintElementBackgrounds, True)
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, True)

    def close(self) -> None:
        """Delete the page before its profile (QtWebEngine warns otherwise)."""
        import shiboken6

        for name in ("_page", "_profile"):
            item = getattr(self, name)
            setattr(self, name, None)
            if item is not None and shiboken6.isValid(item):
                shiboken6.delete(item)

    def render(self, html: str, files: dict[str, bytes] | None = None, timeout_ms: int = TIMEOUT_MS) -> bytes:
        """The PDF of ``html``. ``files`` are written next to the page (images it
        refers to by relative name)."""
        with tempfile.TemporaryDirectory(prefix="planner-print-") as folder:
            page_path = Path(folder) / "document.html"
            page_path.write_text(html, encoding="utf-8")
            for name, data in (files or {}).items():
                (Path(folder) / name).write_bytes(data)
            return self._render_url(QUrl.fromLocalFile(str(page_path)), timeout_ms)

    def _render_url(self, url: QUrl, timeout_ms: int) -> bytes:
        page = self._page
        loop = QEventLoop()
        state: dict = {"loaded": None, "ready": False, "pdf": None, "error": ""}

        def finish(error: str = "") -> None:
            if error and not state["error"]:
                state["error"] = error
            loop.quit()

        def print_now() -> None:
            if state["pdf"] is not None or state["error"]:
                return
            layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                 QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
            state["pdf"] = b""

            def done(data) -> None:
                state["pdf"] = bytes(data)
                finish("" if state["pdf"] else "printToPdf returned nothing")

            page.printToPdf(done, layout)

        def on_loaded(ok: bool) -> None:
            state["loaded"] = ok
            if not ok:
                finish(f"could not load the page {url.toString()}")
            elif state["ready"]:
                print_now()

        def on_ready() -> None:
            state["ready"] = True
            if state["loaded"]:
                print_now()

        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: finish(TIMED_OUT))
        page.loadFinished.connect(on_loaded)
        page.ready.connect(on_ready)
        try:
            timer.start(timeout_ms)
            page.load(url)
            loop.exec()
        finally:
            timer.stop()
            page.loadFinished.disconnect(on_loaded)
            page.ready.disconnect(on_ready)
        if state["error"] == TIMED_OUT:
            raise PrintTimedOut(f"timed out after {timeout_ms / 1000:.0f} s", timeout_ms / 1000)
        if state["error"]:
            raise PdfRenderError(state["error"])
        return state["pdf"]


_shared: list[PdfRenderer] = []


def shared_renderer() -> PdfRenderer:
    """The application's renderer, made on first use and kept until it quits: only the
    first document of a session waits for Chromium to start and the fonts to load."""
    from PySide6.QtCore import QCoreApplication

    if not _shared or _shared[0]._page is None:  # none yet, or closed as the app quit
        app = QCoreApplication.instance()
        renderer = PdfRenderer(app)
        _shared[:] = [renderer]
        app.aboutToQuit.connect(renderer.close)
        atexit.register(renderer.close)  # page before profile, also where the app never quits (tests)
    return _shared[0]
