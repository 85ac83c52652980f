"""Long work runs off the UI thread, reports progress, and can be cancelled."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from planner.progress import Progress
from ui.tasks import run_task


def test_work_runs_off_the_ui_thread_and_reports_back(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    threads = []

    def work(progress: Progress):
        threads.append(threading.get_ident())
        for step in range(5):
            progress.report(step / 5, f"第 {step} 步")
        return "完成"

    task = run_task(parent, "测试", work)
    with qtbot.waitSignal(task.finished, timeout=5000) as finished:
        pass
    assert finished.args == ["完成"]
    assert threads and threads[0] != threading.get_ident()


def test_cancel_stops_the_work(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    steps = []

    def work(progress: Progress):
        for step in range(1000):
            steps.append(step)
            progress.report(step / 1000)
            time.sleep(0.005)
        return "should not finish"

    task = run_task(parent, "测试", work)
    qtbot.waitUntil(task.dialog.isVisible, timeout=5000)  # shown once the work takes a while
    cancel_button = task.dialog.findChild(QPushButton)
    assert cancel_button.text() == "取消"
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert len(steps) < 1000


def test_a_failure_is_a_message_not_a_crash(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(progress: Progress):
        raise OSError("磁盘已满")

    task = run_task(parent, "测试", work)
    with qtbot.waitSignal(task.failed, timeout=5000) as failed:
        pass
    assert "磁盘已满" in failed.args[0]
