"""Marks for what the checks find, shared by the board and the timeline.

A mark's colour is one no group uses (a red mark on 第一组's red blocks would not be
seen), and the mark itself is drawn, not a glyph: a symbol missing from the font would
show as an empty box.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from planner.checks import ERROR, INFO
from ui.i18n import translate

# Marks for findings, by preference; the first far enough from every group's colour is used.
ERROR_MARKS = ("#d0021b", "#c2185b", "#e65100", "#6a1b9a", "#000000")
WARNING_MARKS = ("#f5a623", "#ef6c00", "#8e24aa", "#5d4037", "#000000")


def _distance(a: QColor, b: QColor) -> float:
    return ((a.red() - b.red()) ** 2 + (a.green() - b.green()) ** 2 + (a.blue() - b.blue()) ** 2) ** 0.5


def mark_colour(severity: str, group_colours) -> QColor:
    """The colour marking findings of ``severity``: one no group uses (nor one close to it)."""
    used = [QColor(c) for c in group_colours]
    for name in ERROR_MARKS if severity == ERROR else WARNING_MARKS:
        colour = QColor(name)
        if all(_distance(colour, other) >= 90 for other in used):
            return colour
    return QColor("#000000")


def paint_mark(painter: QPainter, rect: QRectF, colour: QColor, severity: str = ERROR) -> None:
    """An error mark (a disc) or a warning mark (a triangle) with a white "!" in ``rect``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor("#ffffff"), 1.2))
    painter.setBrush(colour)
    size = min(rect.width(), rect.height())
    box = QRectF(rect.center().x() - size / 2, rect.center().y() - size / 2, size, size)
    if severity == ERROR:
        painter.drawEllipse(box)
        top, bottom = box.top() + size * 0.24, box.top() + size * 0.58
    else:
        path = QPainterPath(QPointF(box.center().x(), box.top()))
        path.lineTo(box.right(), box.bottom())
        path.lineTo(box.left(), box.bottom())
        path.closeSubpath()
        painter.drawPath(path)
        top, bottom = box.top() + size * 0.36, box.top() + size * 0.70
    x = box.center().x()
    stroke = max(1.4, size * 0.14)
    painter.setPen(QPen(QColor("#ffffff"), stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(x, top), QPointF(x, bottom))
    painter.drawPoint(QPointF(x, bottom + stroke * 1.4))
    painter.restore()


def severity_word(severity: str) -> str:
    """错误： / 警告： / 提示： before a finding (words, not symbols: a symbol the font
    lacks shows as a box)."""
    if severity == ERROR:
        return translate("Marks", "错误：")
    return translate("Marks", "提示：") if severity == INFO else translate("Marks", "警告：")
