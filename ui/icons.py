"""Action icons: SVG files shipped in resources/icons (sharp at any screen scale)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

from planner.resources import resource_path


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``; an empty icon when there is none."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()
