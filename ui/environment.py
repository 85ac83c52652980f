"""What the app needs around its QApplication: Chromium's flags and our URL schemes
before it exists, names and the shipped font once it does, the user's data folder and
their copy of the sample plan. Kept apart from ``ui.app`` (which opens the window) so
that printing and the window can use it without importing the app that imports them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from planner.resources import resource_path
from planner.sample import sample_plan
from planner.store import PLAN_SUFFIX, PlanFile
from ui.fonts import load_fonts

ORGANISATION = "StudyTourPlanner"
APPLICATION = "考察方案编排"


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
