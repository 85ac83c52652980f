"""Where the app's bundled data lives.

One function finds resources for every way the app runs, and nothing else in ``planner/``
or ``ui/`` locates files by other means (tests/test_bundle.py checks):

- a source checkout or an editable install: ``<checkout>/resources/``;
- the PyInstaller bundle (``python -m build_bundle``): PyInstaller sets ``sys._MEIPASS``
  to the bundle's ``_internal/`` folder, where the build puts ``resources/``.
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
