"""What the app needs around its QApplication: Chromium's flags and our URL schemes
before it exists, names and the shipped font once it does, the user's data folder and
their copy of the sample plan. Kept apart from ``ui.app`` (which opens the window) so
that printing and the window can use it without importing the app that imports them.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths
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


def sample_path() -> Path:
    """The user's own copy of the sample plan, written the first time it is needed."""
    path = data_dir() / f"示例-湖南2025{PLAN_SUFFIX}"
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
