"""Long work off the UI thread, with a progress dialog and Cancel.

``run_task`` runs ``work(progress)`` on the thread pool; results come back to the GUI
thread through queued signals, in one place. The dialog appears only if the work takes
longer than a moment, so quick jobs do not flash a window.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from planner.progress import Cancelled, Progress

SHOW_AFTER_MS = 400


class _Signals(QObject):
    progressed = Signal(float, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], object], signals: _Signals, progress: Progress):
        super().__init__()
        self.work, self.signals, self.progress = work, signals, progress

    def run(self) -> None:
        try:
            result = self.work(self.progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as error:  # reported to the user, never a traceback
            self.signals.failed.emit(str(error))
        else:
            self.signals.finished.emit(result)


class Task(QObject):
    """A running piece of work; keep a reference until it ends."""

    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget, title: str, work: Callable[[Progress], object]):
        super().__init__(parent)
        self.abandoned = False
        self.signals = _Signals()
        self.progress = Progress(lambda fraction, text: self.signals.progressed.emit(fraction, text))
        self.dialog = QProgressDialog(title, self.tr("取消"), 0, 1000, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.progress.cancel)
        self.signals.progressed.connect(self._progressed)
        self.signals.finished.connect(lambda result: self._end(self.finished, result))
        self.signals.failed.connect(lambda message: self._end(self.failed, message))
        self.signals.cancelled.connect(lambda: self._end(self.cancelled))
        QThreadPool.globalInstance().start(_Job(work, self.signals, self.progress))

    def abandon(self) -> None:
        """Stop the work and drop whatever it ends with, unseen: what it was for (the
        window, the open plan) is gone. Unlike Cancel, not even a partial result comes back."""
        if self.abandoned:
            return
        self.abandoned = True
        self.progress.cancel()
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()

    def _progressed(self, fraction: float, text: str) -> None:
        if self.abandoned:
            return
        self.dialog.setValue(int(fraction * 1000))
        if text:
            self.dialog.setLabelText(text)

    def _end(self, signal, *args) -> None:
        if self.abandoned:  # checked first: the Qt side of the task may already be deleted
            return
        self.dialog.reset()
        self.dialog.hide()
        signal.emit(*args)
        self.deleteLater()


def run_task(parent: QWidget, title: str, work: Callable[[Progress], object]) -> Task:
    return Task(parent, title, work)
