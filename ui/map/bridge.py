"""The one door from the map page to the app: a QWebChannel object with one slot."""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

COMMANDS = ("ready", "select", "place", "applied", "basemap", "error")


class MapBridge(QObject):
    """Registered on the page's channel as ``bridge``; the page calls
    ``bridge.send(JSON.stringify({cmd: …, …}))``. Messages that are not JSON objects
    with a known ``cmd`` are dropped (and logged), so the page can never call more."""

    message = Signal(dict)

    @Slot(str)
    def send(self, text: str) -> None:
        try:
            message = json.loads(text)
        except (TypeError, ValueError):
            log.warning("map page sent something that is not JSON: %.200r", text)
            return
        if not isinstance(message, dict) or message.get("cmd") not in COMMANDS:
            log.warning("map page sent an unknown command: %.200r", text)
            return
        self.message.emit(message)
