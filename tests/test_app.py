"""The desktop app opens the last plan, or the sample the first time."""

from __future__ import annotations

from PySide6.QtCore import QSettings

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
        root = window.outline.model().index(0, 0)
        assert "湖南县" in root.data()
        groups = [window.outline.model().index(row, 0, root).data() for row in range(3)]
        assert groups[0].startswith("第一组") and groups[2].startswith("第三组")
        tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert tabs[:2] == ["日程总览", "日程时间轴"] and "学员" in tabs
        assert window.tabs.currentWidget() is window.board  # the home view
        assert window.status.text() == "未发现问题"  # the sample is clean: no findings pane either
        assert not window.dock_named("findingsDock").isVisible()


def test_a_last_plan_that_cannot_be_opened_falls_back_to_the_sample(qtbot, _private_home, boxes):
    from ui.app import sample_path, start_app

    folder = _private_home / "一个文件夹.stplan"
    folder.mkdir()
    QSettings().setValue(LAST_PLAN_KEY, str(folder))
    _app, window = start_app([])
    qtbot.addWidget(window)
    assert window is not None and window.document.path.resolve() == sample_path().resolve()
    ((kind, text),) = boxes
    assert kind == "warning" and "文件夹" in text and "The sample plan is shown instead." in text
    assert QSettings().value(LAST_PLAN_KEY) != str(folder)
    window.close()


QUIET_RUN = """
import sys
from PySide6.QtCore import QTimer
import ui.app as app_module
start = app_module.start_app
def started(argv):
    app, window = start(argv)
    window.map.ready.connect(lambda: QTimer.singleShot(1500, app.quit))  # the map (Chromium) has drawn
    QTimer.singleShot(30000, app.quit)
    return app, window
app_module.start_app = started
sys.exit(app_module.run_app([]))
"""


def test_the_app_starts_with_a_quiet_console(tmp_path):
    """No Vulkan, GPU or dbus "ERROR" lines when the app starts (they are about the
    machine, not the app); PLANNER_DEBUG=1 would show them."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    env = {k: v for k, v in os.environ.items() if k not in ("PLANNER_DEBUG",)}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / ".config"),
               XDG_DATA_HOME=str(tmp_path / ".local"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", QUIET_RUN], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr
