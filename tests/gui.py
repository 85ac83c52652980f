"""Helpers for GUI tests: what a user's hands do."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication


def make_window(qtbot, plan_file, tmp_path):
    """The main window on ``plan_file``, shown, with its settings in ``tmp_path``."""
    from ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(plan_file, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def answer_dialogs(window, qtbot, fill) -> None:
    """Instead of showing a modal dialog, let ``fill(dialog)`` type into its widgets
    (and accept it)."""

    def run(dialog) -> bool:
        qtbot.addWidget(dialog)
        fill(dialog)
        return True

    window.run_dialog = run


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
