"""The app's own Chinese font, so text shows on machines with no CJK font installed."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from planner.resources import resource_path

FONT_FILES = ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf")
FAMILY = "Noto Sans SC"


def load_fonts() -> str:
    """Register the shipped fonts with Qt (once) and return the family name."""
    families: set[str] = set()
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    return FAMILY if FAMILY in families or not families else sorted(families)[0]


def ui_font(point_size: float = 10) -> QFont:
    font = QFont(FAMILY)
    font.setPointSizeF(point_size)
    return font
