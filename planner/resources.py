"""Where the app's bundled data lives.

One function finds resources for every way the app runs: from a source checkout, an
installed package, or a frozen bundle (PyInstaller sets ``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``, e.g. ``resource_path("gazetteer", "divisions.csv")``."""
    return resources_dir().joinpath(*parts)
