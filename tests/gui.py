"""Helpers for GUI tests: what a user's hands do."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication


def type_chinese(widget, text: str) -> None:
    """Type ``text`` the way a Chinese input method does: one committed string
    (QTest can only send keys for ASCII characters)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def drag(qtbot, timeline, block, to: QPoint, modifier=Qt.KeyboardModifier.NoModifier, grab_dx: float = 6):
    """Press inside ``block`` (``grab_dx`` from its left edge), move in steps, release at ``to``."""
    viewport = timeline.view.viewport()
    start = timeline.block_point(block, grab_dx)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 5):
        qtbot.mouseMove(viewport, start + (to - start) * step / 4)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, to)
