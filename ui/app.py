"""Start the desktop app: pick the plan to open, show the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.cli import sample_plan
from planner.resources import resource_path
from planner.store import PLAN_SUFFIX, PlanFile, PlanFileError
from ui import settings as app_settings
from ui.fonts import load_fonts
from ui.i18n import choose_language, install_translator

ORGANISATION = "StudyTourPlanner"
APPLICATION = "考察方案编排"
LAST_PLAN_KEY = app_settings.LAST_PLAN.key


def data_dir() -> Path:
    path = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    path.mkdir(parents=True, exist_ok=True)
    return path


SAMPLE_NAME = f"示例-湖南2025{PLAN_SUFFIX}"


def sample_path() -> Path:
    """The user's own copy of the sample plan, written the first time it is needed."""
    path = data_dir() / SAMPLE_NAME
    if not path.exists():
        PlanFile.create(path, sample_plan()).close()
    return path


def plan_to_open(argv: list[str], settings: QSettings) -> Path:
    """The plan named on the command line, else the last one, else the sample."""
    if argv:
        return Path(argv[0])
    last = settings.value(LAST_PLAN_KEY, "")
    if last and Path(last).exists():
        return Path(last)
    return sample_path()


# Lines Qt and Chromium print on machines without a GPU or Vulkan, though nothing is
# wrong (the map draws in software): an organiser starting the app sees none of them.
# PLANNER_DEBUG=1 shows everything.
CONSOLE_NOISE = ("vulkan", "Unable to detect GPU vendor", "GPUInfo not initialized", "QRhiGles2",
                 "Failed to create RHI", "propagateSizeHints", "Release of profile requested but WebEnginePage still not deleted")


def is_noise(message: str) -> bool:
    return any(part.lower() in message.lower() for part in CONSOLE_NOISE)


def _console(mode, context, message: str) -> None:
    """Qt's messages, less the noise (see CONSOLE_NOISE)."""
    if not is_noise(message):
        sys.stderr.write(message + "\n")


def quiet_console() -> None:
    """Keep the console for real problems: Chromium logs only fatal errors (its dbus and
    GPU "ERROR" lines are about the machine, not the app), Qt's noise is dropped."""
    if os.environ.get("PLANNER_DEBUG"):
        return
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    if not any(flag.startswith("--log-level") for flag in flags):
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join([*flags, "--log-level=3"])
    qInstallMessageHandler(_console)


def prepare_qt() -> None:
    """Everything that must happen before the QApplication exists (custom URL schemes
    for the map and printed pages register here)."""
    from ui.map.scheme import register_scheme

    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses to run as root with its sandbox on (office machines often
        # run the app as root under UOS/Kylin); the pages we show are all our own.
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
        if "--no-sandbox" not in flags:
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join([*flags, "--no-sandbox"])
    register_scheme()


def configure_app(app: QApplication) -> None:
    """Names (for settings paths), the shipped Chinese font as the default font."""
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName("study-tour-planner")  # matches the menu entry the .deb installs
    app.setWindowIcon(QIcon(str(resource_path("appicon", "study-tour-planner.svg"))))
    family = load_fonts()
    font = app.font()
    font.setFamilies([family, *font.families()])
    app.setFont(font)


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
