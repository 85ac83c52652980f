"""The desktop app opens the last plan, or the sample the first time."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPlainTextEdit

from planner.store import PlanFile
from ui.app import LAST_PLAN_KEY, plan_to_open
from ui.main_window import MainWindow


def test_first_run_opens_a_private_copy_of_the_sample(qapp, _private_home):
    settings = QSettings(str(_private_home / "settings.ini"), QSettings.Format.IniFormat)
    path = plan_to_open([], settings)
    assert path.is_file() and str(_private_home) in str(path)
    with PlanFile.open(path, readonly=True) as plan_file:
        assert len(plan_file.load().sessions) == 49


def test_later_runs_open_the_last_plan(qapp, _private_home, sample_path):
    settings = QSettings(str(_private_home / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(LAST_PLAN_KEY, str(sample_path))
    assert plan_to_open([], settings) == sample_path
    sample_path.unlink()  # a last plan that has gone: fall back to the sample
    assert plan_to_open([], settings) != sample_path


def test_the_window_shows_the_plan(qtbot, sample_path):
    with PlanFile.open(sample_path) as plan_file:
        window = MainWindow(plan_file)
        qtbot.addWidget(window)
        window.show()
        assert "湖南县" in window.windowTitle()
        text = window.findChild(QPlainTextEdit).toPlainText()
        assert "第一组" in text and "49 场现场教学" in text
