"""Drawing a board cell from its layout: the group's day in full words.

Sessions are the group's own (its colour at the edge), plenaries a dark band across the
groups, long legs hatched in the group's colour, the night's hotel boxed at the foot.
A cell with findings gets a border and a mark in a colour no group uses; hovering the
mark (or a line) says what is wrong.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QToolTip

from planner.checks import ERROR
from ui.board import texts
from ui.board.layout import BAR, MARK, PAD, SMALL, Block
from ui.board.model import CellRole
from ui.marks import mark_colour, paint_mark
from ui.timeline_items import MEAL_FILL, PLENARY_ACCENT, PLENARY_FILL, mix

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter  # made once: combining flags is slow
TEXT = QColor("#1f1f1f")
MUTED = QColor("#66645e")
LODGING_FILL = MEAL_FILL
SELECTED = QColor("#111111")
class BoardDelegate(QStyledItemDelegate):
    """Paints cells from the view's layouts (``view.cell_layout``)."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view

    def sizeHint(self, option, index) -> QSize:
        layout = self.view.cell_layout(index)
        width = self.view.columnWidth(index.column())
        return QSize(width, round(layout.height) if layout else 0)

    def paint(self, painter: QPainter, option, index) -> None:
        cell = index.data(CellRole)
        layout = self.view.cell_layout(index)
        if cell is None or layout is None:
            return
        view = self.view
        rect = QRectF(option.rect)
        group = view.group_colour(cell.group_id)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        background = QColor("#ffffff")
        if option.state & QStyle.StateFlag.State_Selected:
            background = mix(view.palette().highlight().color(), background, 0.88)
        elif view.is_highlighted_group(cell.group_id):
            background = mix(group, background, 0.9)
        painter.fillRect(rect, background)
        painter.fillRect(QRectF(rect.left(), rect.top(), BAR, rect.height()), group)
        painter.translate(rect.topLeft())
        width = rect.width()
        for block in layout.blocks:
            self._block(painter, block, width, group, cell)
        if view.drop_line is not None and view.drop_line[0] == (index.row(), index.column()):
            pen = QPen(view.palette().highlight().color(), 3)
            painter.setPen(pen)
            y = view.drop_line[1]
            painter.drawLine(QPointF(PAD + BAR, y), QPointF(width - PAD, y))
        if cell.findings:
            self._findings(painter, cell, width, rect.height())
        painter.restore()

    # --- blocks ---------------------------------------------------------------------------

    def _block(self, painter: QPainter, block: Block, width: float, group: QColor, cell) -> None:
        view, style = self.view, self.view.style_
        box = block.rect(width)
        entry = block.entry
        text_colour = TEXT
        if block.kind == "plenary":
            painter.fillRect(QRectF(BAR, box.top(), width - BAR, box.height()), PLENARY_FILL)
            painter.fillRect(QRectF(BAR, box.top(), 3, box.height()), PLENARY_ACCENT)
            text_colour = QColor("#ffffff")
        elif block.kind == "travel":
            fill = mix(group, QColor("#ffffff"), 0.86)
            band = QRectF(BAR + 2, box.top(), width - BAR - 4, box.height())
            painter.fillRect(band, fill)
            text_colour = mix(group, QColor("#000000"), 0.55)
            if entry is not None and entry.late_by > 0:  # the leg that makes the group late: hatched
                self._late(painter, band, mark_colour(ERROR, view.group_colours()))
        elif block.kind == "lodging":
            inner = QRectF(PAD + BAR, box.top(), width - 2 * PAD - BAR, box.height())
            missing = cell.needs_lodging and not cell.hotel
            painter.setPen(QPen(mark_colour(ERROR, view.group_colours()), 1.2, Qt.PenStyle.DashLine)
                           if missing else Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#ffffff") if missing else LODGING_FILL)
            painter.drawRoundedRect(inner, 3, 3)
        if view.is_selected(block, cell):
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(SELECTED if block.kind != "plenary" else PLENARY_ACCENT, 2))
            painter.drawRoundedRect(QRectF(BAR + 1.5, box.top() - 1, width - BAR - 3, box.height() + 2), 3, 3)
        if view.dragged is not None and entry is not None and entry.kind == "session" \
                and entry.item_id == view.dragged:
            painter.fillRect(QRectF(BAR, box.top(), width - BAR, box.height()), QColor(255, 255, 255, 150))
        flagged = self._flagged(entry, cell)
        for run in block.runs:
            colour = text_colour
            if run.role == "time" and flagged:  # the times the findings are about, in their colour
                colour = mark_colour(flagged, view.group_colours()) if block.kind != "plenary" else PLENARY_ACCENT
            elif run.role in ("time", "where", "total") and block.kind not in ("plenary",):
                colour = MUTED if block.kind != "travel" else text_colour
            elif run.role == "late":
                colour = mark_colour(ERROR, view.group_colours()) if block.kind != "plenary" else PLENARY_ACCENT
            elif run.role == "places":
                colour = mix(group, QColor("#000000"), 0.35)
            painter.setPen(colour)
            painter.setFont(style.fonts[run.which])
            line_height = style.line[run.which]
            y = box.top() + run.top
            for line in run.lines:
                painter.drawText(QRectF(run.x, y, width - run.x, line_height), LEFT, line)
                y += line_height
        if entry is not None and entry.pinned:  # at the right, clear of the times and the words
            self._pin(painter, QPointF(width - PAD - 4, box.top() + 5), MUTED)

    @staticmethod
    def _late(painter: QPainter, band: QRectF, colour: QColor) -> None:
        """A hatched border in the error colour around a leg that makes the group late."""
        painter.save()
        painter.setClipRect(band)
        painter.setPen(QPen(mix(colour, QColor("#ffffff"), 0.55), 1))
        x, height = band.left() - band.height(), band.height()
        while x < band.right():
            painter.drawLine(QPointF(x, band.bottom()), QPointF(x + height, band.top()))
            x += 7
        painter.restore()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, 1.5))
        painter.drawRect(band.adjusted(0.75, 0.75, -0.75, -0.75))

    @staticmethod
    def _flagged(entry, cell) -> str:
        """The worst severity of the findings about this line ('' when none); a leg
        that makes the group late is an error."""
        if entry is not None and entry.kind == "travel" and entry.late_by > 0:
            return ERROR
        ref = {"session": "sessions", "plenary": "plenaries"}.get(entry.kind) if entry is not None else None
        found = [f.severity for f in cell.findings if ref and (ref, entry.item_id) in f.refs]
        return (ERROR if ERROR in found else found[0]) if found else ""

    def _pin(self, painter: QPainter, at: QPointF, colour: QColor) -> None:
        """A drawing pin (a glyph would depend on the font)."""
        painter.save()
        painter.setPen(QPen(colour, 1.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(QPointF(at.x(), at.y() + 2), QPointF(at.x() - 2.5, at.y() + 7))
        painter.setBrush(colour)
        painter.drawEllipse(at, 3.0, 3.0)
        painter.restore()

    def _findings(self, painter: QPainter, cell, width: float, height: float) -> None:
        severity = ERROR if any(f.severity == ERROR for f in cell.findings) else "warning"
        colour = mark_colour(severity, self.view.group_colours())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, 2.5))
        painter.drawRect(QRectF(1.25, 1.25, width - 2.5, height - 2.5))
        paint_mark(painter, self.mark_rect(width), colour, severity)

    @staticmethod
    def mark_rect(width: float) -> QRectF:
        """Where the findings mark sits in a cell of ``width`` (cell coordinates)."""
        return QRectF(width - PAD - MARK + 2, PAD - 1, MARK - 2, MARK - 2)

    # --- tooltips -------------------------------------------------------------------------

    def helpEvent(self, event, view, option, index) -> bool:
        if event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        text = self.tooltip_at(index, event.pos() - option.rect.topLeft())
        if text:
            QToolTip.showText(event.globalPos(), text, view)
        else:
            QToolTip.hideText()
        return True

    def tooltip_at(self, index, pos) -> str:
        """The tooltip at ``pos`` (cell coordinates): the findings over the mark, an
        entry's details over its line, the hotel over the lodging."""
        cell = index.data(CellRole)
        layout = self.view.cell_layout(index)
        if cell is None or layout is None:
            return ""
        width = self.view.columnWidth(index.column())
        if cell.findings and self.mark_rect(width).adjusted(-3, -3, 3, 3).contains(QPointF(pos)):
            return texts.findings_text(cell.findings)
        block = layout.block_at(pos.y())
        if block is None:
            return texts.findings_text(cell.findings)
        if block.entry is not None:
            return texts.entry_tooltip(block.entry, cell.findings)
        if block.kind == "lodging":
            return self.view.lodging_tooltip(cell)
        return texts.cell_text(cell)


__all__ = ["BoardDelegate", "mark_colour", "SMALL"]
