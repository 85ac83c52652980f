"""The timeline's drawing: what a block shows (``BlockSpec``, a plain value) and how it
is painted (``BlockItem``), plus the shared fonts and colours (``TimelineStyle``).

Blocks are laid out in scene pixels with an identity view transform (zoom changes the
layout, not the transform), so edges sit on whole pixels and text is drawn at its real
size: crisp at any device pixel ratio.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from ui.marks import paint_mark
from ui.wrapping import WrapCache

SELECTABLE = {"session": "sessions", "plenary": "plenaries"}  # slot kind -> selection kind

PLENARY_FILL = QColor("#3f3a6b")
PLENARY_ACCENT = QColor("#e0b243")
MEAL_FILL = QColor("#ecebe6")
MEAL_TEXT = QColor("#6b6a64")
FLAG = QColor("#d0021b")
SELECTED = QColor("#111111")


def mix(colour: QColor, other: QColor, amount: float) -> QColor:
    """``colour`` moved ``amount`` (0..1) of the way towards ``other``."""
    return QColor.fromRgbF(
        colour.redF() + (other.redF() - colour.redF()) * amount,
        colour.greenF() + (other.greenF() - colour.greenF()) * amount,
        colour.blueF() + (other.blueF() - colour.blueF()) * amount,
    )


def text_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on ``fill``."""
    luminance = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF()
    return QColor("#1a1a1a") if luminance > 0.6 else QColor("#ffffff")


class TimelineStyle:
    """Fonts and metrics derived from the widget's font (the app's font)."""

    def __init__(self, font: QFont):
        self.font = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.small = QFont(font)
        self.small.setPointSizeF(max(6.0, font.pointSizeF() * 0.9))
        self.metrics = QFontMetricsF(self.font)
        self.bold_metrics = QFontMetricsF(self.bold)
        self.small_metrics = QFontMetricsF(self.small)
        self.line = self.metrics.height()  # one line of block text
        self.small_line = self.small_metrics.height()
        self._elided: dict[tuple[int, str, float], str] = {}
        self.wrap = WrapCache((self.bold, self.font, self.small))  # wrap(text, 0|1|2, width) -> lines

    def elided(self, which: int, text: str, width: float) -> str:
        """``text`` elided to ``width`` in font ``which`` (0 bold, 1 regular, 2 small); cached,
        since shaping Chinese text is the costly part of drawing a block."""
        key = (which, text, width)
        found = self._elided.get(key)
        if found is None:
            if len(self._elided) > 20000:
                self._elided.clear()
            metrics = (self.bold_metrics, self.metrics, self.small_metrics)[which]
            found = self._elided[key] = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        return found


@dataclass(frozen=True)
class BlockSpec:
    """What one block shows; equal specs draw the same (so unchanged rows are kept)."""

    kind: str  # the slot's kind: travel, session, plenary, lunch, dinner
    item_id: int | None
    group_id: int
    day: int
    start: int
    end: int
    lines: tuple[str, ...]  # first line bold for sessions and plenaries
    tooltip: str
    colour: str  # the group's colour
    pinned: bool = False
    flagged: bool = False  # late arrival or named in a finding: outlined, with a mark
    severity: str = ""  # the worst finding about it: "error" or "warning" (the mark drawn)
    mark: str = ""  # the marks' colour: one no group uses
    late_by: int = 0  # a leg: the lateness it causes (its last late_by minutes drawn as late)

    @property
    def selection_kind(self) -> str | None:
        return SELECTABLE.get(self.kind)


class BlockItem(QGraphicsItem):
    """One slot of a group's day, drawn to the minute."""

    RADIUS = 3.0

    def __init__(self, spec: BlockSpec, width: float, height: float, style: TimelineStyle):
        super().__init__()
        self.spec = spec
        self.style = style
        self.width, self.height = width, height
        self.highlighted = False
        self.ghost = False
        self._elided: list[tuple[QFont, str]] | None = None
        self._hatching: list[QLineF] | None = None
        self.setToolTip(spec.tooltip)
        self.setAcceptHoverEvents(False)
        if spec.kind == "session":
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        elif spec.kind == "plenary":
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    # --- state ------------------------------------------------------------------------

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.setZValue(2 if on else 1 if self.spec.kind in SELECTABLE else 0)
            self.update()

    def set_lines(self, lines: tuple[str, ...]) -> None:
        """New text (the drag ghost shows its target time)."""
        from dataclasses import replace

        self.spec = replace(self.spec, lines=lines)
        self._elided = None
        self.update()

    # --- QGraphicsItem ----------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        margin = 3.0  # outlines are drawn outside the block
        return QRectF(-margin, -margin, self.width + 2 * margin, self.height + 2 * margin)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, self.width, self.height))
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        spec, rect = self.spec, QRectF(0, 0, self.width, self.height)
        colour = QColor(spec.colour)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.ghost:
            painter.setOpacity(0.8)
        kind = spec.kind
        if kind == "session":
            fill, text = colour, text_on(colour)
            self._fill(painter, rect, fill)
        elif kind == "plenary":
            fill, text = PLENARY_FILL, QColor("#ffffff")
            self._fill(painter, rect, fill)
            painter.fillRect(QRectF(0, 0, min(4.0, self.width), self.height), PLENARY_ACCENT)
        elif kind == "travel":
            fill = mix(colour, QColor("#ffffff"), 0.8)
            text = mix(colour, QColor("#000000"), 0.45)
            self._fill(painter, rect, fill)
            self._hatch(painter, rect, mix(colour, QColor("#ffffff"), 0.45))
            if spec.late_by > 0:
                text = self._late(painter, rect)
        else:  # lunch, dinner
            fill, text = MEAL_FILL, MEAL_TEXT
            self._fill(painter, rect, fill)
            painter.setPen(QPen(mix(MEAL_FILL, QColor("#000000"), 0.12), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), self.RADIUS, self.RADIUS)
        right = self.width - 4
        left = 6 if kind == "plenary" else 4
        mark = QColor(spec.mark) if spec.mark else FLAG
        if spec.flagged and spec.severity and kind != "travel" and self.width >= 3 * self.MARK:
            paint_mark(painter, self.mark_rect(), mark, spec.severity)
            right -= self.MARK + 2
        if spec.pinned:
            self._pin(painter, QPointF(right - 5, 8), text)
            right -= 13
        if kind == "travel" and spec.late_by > 0 and self.width >= 3 * self.MARK:
            paint_mark(painter, QRectF(5, (self.height - self.MARK) / 2, self.MARK, self.MARK), mark)
            left += self.MARK + 5
        self._text(painter, QRectF(left, 0, max(0.0, right - left), self.height), text)
        if spec.flagged and kind != "travel":
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#ffffff"), 1))
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), self.RADIUS, self.RADIUS)
            painter.setPen(QPen(mark, 2.5))
            painter.drawRoundedRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5), self.RADIUS + 1.5, self.RADIUS + 1.5)
        if self.highlighted or self.ghost:
            pen = QPen(SELECTED, 2.5)
            if self.ghost:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(pen)
            painter.drawRoundedRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5), self.RADIUS + 1.5, self.RADIUS + 1.5)

    # --- drawing helpers --------------------------------------------------------------

    MARK = 14.0  # the finding's mark

    def mark_rect(self) -> QRectF:
        """Where a flagged block's mark is (item coordinates): its top right corner."""
        return QRectF(self.width - self.MARK - 3, 3, self.MARK, self.MARK)

    def late_rect(self) -> QRectF:
        """A late leg's late part (item coordinates): its last ``late_by`` minutes."""
        spec = self.spec
        minutes = max(1, spec.end - spec.start)
        share = min(1.0, spec.late_by / minutes) if spec.late_by > 0 else 0.0
        return QRectF(self.width * (1 - share), 0, self.width * share, self.height)

    def _late(self, painter: QPainter, rect: QRectF) -> QColor:
        """The late part of a leg: hatched and outlined in the marks' colour. Returns the
        colour for the leg's words."""
        mark = QColor(self.spec.mark) if self.spec.mark else FLAG
        late = self.late_rect()
        painter.save()
        painter.setClipRect(late)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mix(mark, QColor("#ffffff"), 0.86))
        painter.drawRoundedRect(rect, self.RADIUS, self.RADIUS)
        painter.setPen(QPen(mix(mark, QColor("#ffffff"), 0.66), 1.2))
        x, height = late.left() - late.height(), late.height()
        lines = []
        while x < late.right():
            lines.append(QLineF(x, height, x + height, 0))
            x += 7.0
        painter.drawLines(lines)
        painter.restore()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(mark, 2))
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), self.RADIUS, self.RADIUS)
        painter.drawLine(QPointF(late.left(), 1), QPointF(late.left(), self.height - 1))
        return mix(mark, QColor("#000000"), 0.35)

    def _fill(self, painter: QPainter, rect: QRectF, fill: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, self.RADIUS, self.RADIUS)

    def _hatch(self, painter: QPainter, rect: QRectF, colour: QColor) -> None:
        """Diagonal lines drawn as vectors (a pattern brush would not follow the DPI)."""
        if self._hatching is None:
            lines, height, width, step = [], rect.height(), rect.width(), 6.0
            x = -height
            while x < width:  # clipped to the block by hand: no clip region to set and reset
                x0, y0, x1, y1 = x, height, x + height, 0.0
                if x0 < 0:
                    x0, y0 = 0.0, height + x
                if x1 > width:
                    x1, y1 = width, height - (width - x)
                if x1 > x0:
                    lines.append(QLineF(x0, y0, x1, y1))
                x += step
            self._hatching = lines
        painter.setPen(QPen(colour, 1))
        painter.drawLines(self._hatching)

    def _pin(self, painter: QPainter, at: QPointF, colour: QColor) -> None:
        """A drawing pin: round head, short needle (a glyph would depend on the font)."""
        painter.save()
        painter.setPen(QPen(colour, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(QPointF(at.x(), at.y() + 2), QPointF(at.x() - 3, at.y() + 8.5))
        painter.setBrush(colour)
        painter.drawEllipse(at, 3.8, 3.8)
        painter.restore()

    def _text(self, painter: QPainter, area: QRectF, colour: QColor) -> None:
        """The block's lines, each wrapped to the block's width, as many as its height
        holds; the last one shown ends in "…" when more would follow."""
        style = self.style
        if area.width() < style.metrics.horizontalAdvance("大巴约") or not self.spec.lines:
            return  # a sliver: text broken a character a line reads as noise (the tooltip tells)
        if self._elided is None:
            self._elided = self._wrapped(area)
        if not self._elided:
            return
        heights = [style.line if font is not style.small else style.small_line for font, _ in self._elided]
        total = sum(heights)
        y = area.top() + (area.height() - total) / 2 if len(self._elided) == 1 else area.top() + 3
        painter.setPen(colour)
        for (font, text), height in zip(self._elided, heights):
            painter.setFont(font)
            painter.drawText(QRectF(area.left(), y, area.width(), height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            y += height

    def _wrapped(self, area: QRectF) -> list[tuple[QFont, str]]:
        style = self.style
        fonts = (style.bold, style.font, style.small)
        room = area.height() - (6 if len(self.spec.lines) > 1 else 2)
        shown: list[tuple[int, str]] = []
        used, cut = 0.0, False
        for index, line in enumerate(self.spec.lines):
            which = (0 if self.spec.kind in SELECTABLE else 1) if index == 0 else 2
            height = style.line if which != 2 else style.small_line
            for piece in style.wrap(line, which, area.width()):
                if used + height > room and shown:
                    cut = True
                    break
                shown.append((which, piece))
                used += height
            if cut:
                break
        if cut:  # say that there is more
            which, last = shown[-1]
            shown[-1] = (which, style.elided(which, last + "…", area.width()))
        return [(fonts[which], text) for which, text in shown]


def brush(colour: QColor, alpha: int) -> QBrush:
    c = QColor(colour)
    c.setAlpha(alpha)
    return QBrush(c)
