"""Text broken into lines that fit a width, as Chinese and English text break: at word
boundaries, or anywhere inside a word (or a run of Chinese) too long for a line."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextLayout, QTextOption


def wrap_lines(text: str, font: QFont, width: float) -> tuple[str, ...]:
    """``text`` in lines no wider than ``width`` pixels in ``font`` (trailing spaces dropped)."""
    if not text:
        return ()
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1.0, float(int(width))))
        lines.append(text[line.textStart():line.textStart() + line.textLength()].rstrip())
    layout.endLayout()
    return tuple(lines)


class WrapCache:
    """``wrap_lines`` remembered per (text, font, width): shaping is the costly part of
    laying out Chinese text, and views ask again on every repaint."""

    LIMIT = 20000

    def __init__(self, fonts: tuple[QFont, ...]):
        self.fonts = fonts
        self._found: dict[tuple[str, int, int], tuple[str, ...]] = {}

    def __call__(self, text: str, which: int, width: float) -> tuple[str, ...]:
        key = (text, which, int(width))
        found = self._found.get(key)
        if found is None:
            if len(self._found) > self.LIMIT:
                self._found.clear()
            found = self._found[key] = wrap_lines(text, self.fonts[which], width)
        return found
