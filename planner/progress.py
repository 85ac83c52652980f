"""Progress and cancelling for long work (route optimisation, exports), with no Qt.

The worker calls ``report`` now and then and stops early when ``cancelled`` is set;
the app shows the reports and sets the flag from its Cancel button.
"""

from __future__ import annotations

import threading
from typing import Callable


class Cancelled(Exception):
    """Raised by ``Progress.check`` when the user cancelled."""


class Progress:
    def __init__(self, on_report: Callable[[float, str], None] | None = None, cancel_flag=None):
        self._on_report = on_report
        # anything with set() and is_set(): a multiprocessing Event reaches another process
        self._cancel = cancel_flag if cancel_flag is not None else threading.Event()

    def report(self, fraction: float, text: str = "") -> None:
        """Tell how far the work is (0..1) and what it is doing; raise if cancelled."""
        self.show(fraction, text)
        self.check()

    def show(self, fraction: float, text: str = "") -> None:
        """Pass a report on without checking for cancel (relaying another worker's reports)."""
        if self._on_report is not None:
            self._on_report(max(0.0, min(1.0, fraction)), text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled()
