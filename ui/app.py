"""Start the desktop app: pick the plan to open, show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.store import PlanFile, PlanFileError
from ui import settings as app_settings
from ui.environment import APPLICATION, configure_app, prepare_qt, quiet_console, sample_path
from ui.i18n import choose_language, install_translator

__all__ = ["configure_app", "prepare_qt", "run_app", "sample_path", "start_app"]

LAST_PLAN_KEY = app_settings.LAST_PLAN.key


def plan_to_open(argv: list[str], settings: QSettings) -> Path:
    """The plan named on the command line, else the last one, else the sample."""
    if argv:
        return Path(argv[0])
    last = settings.value(LAST_PLAN_KEY, "")
    if last and Path(last).exists():
        return Path(last)
    return sample_path()


def start_app(argv: list[str]):
    """Create the application and show the main window on the plan to open.
    Returns (app, window), or (app, None) when the plan could not be opened."""
    prepare_qt()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    configure_app(app)
    settings = QSettings()
    install_translator(app, choose_language(settings))
    from ui.main_window import MainWindow

    path = plan_to_open(argv, settings)
    plan_file, problem = _open(path)
    if problem and not argv and path != sample_path():
        # The plan remembered from last time (moved, in use, from a newer version…): the
        # app still starts, on the sample, and says why.
        QMessageBox.warning(None, APPLICATION, problem + QCoreApplication.translate(
            "App", "\n\n已改为打开示例方案。\nThe sample plan is shown instead."))
        path = sample_path()
        plan_file, problem = _open(path)
    if problem:  # the file the user named (or the sample itself): say why, do not guess
        QMessageBox.critical(None, APPLICATION, problem)
        return app, None
    app_settings.remember_recent(str(path.resolve()), settings)
    window = MainWindow(plan_file, settings)
    window.show()
    return app, window


def _open(path: Path) -> tuple[PlanFile | None, str]:
    try:
        return PlanFile.open(path), ""
    except PlanFileError as error:
        return None, f"{error.message_zh}\n\n{error.message_en}"


def run_app(argv: list[str]) -> int:
    """The app as the organiser starts it (main.py, ./dev app, the bundle)."""
    quiet_console()
    app, window = start_app(argv)
    if window is None:
        return 1
    return app.exec()
