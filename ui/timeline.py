"""The timeline: each group's day as blocks to the minute, for one day (lanes = groups)
or the whole trip (rows = group × day). Click to select, drag a session to another
time, day or group; the scheduler re-flows the times.

It opens on a day, its zoom fits the width on every resize and change of day (until
the organiser zooms by hand), and a day's lanes share the height, their text wrapped.
The view never computes times itself: a drop becomes the ``move_session`` operation,
one ``document`` edit, and the blocks are redrawn from ``document.timetable`` when
``changed`` arrives. Rows whose blocks did not change keep their items, so an edit
redraws only what it touched.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.edits import Change
from planner.editing import move_session
from planner.checks import ERROR, INFO, SEVERITIES
from planner.labels import duration_text
from planner.lateness import late_legs
from planner.model import format_clock
from planner.schedule import day_rules
from ui.document import PlanDocument, Selection
from ui.i18n import day_name, is_english, journey_name, short_day_name, translate, travel_name
from ui.marks import mark_colour, severity_word
from ui.timeline_items import FLAG, PLENARY_FILL, BlockItem, BlockSpec, TimelineStyle, brush, mix

SNAP = 5  # minutes
ZOOM_MIN, ZOOM_MAX, ZOOM_DEFAULT = 0.4, 8.0, 1.6  # pixels per minute
ZOOM_STEP = 1.25
# Kinds of change that alter what the timeline shows.
SHOWN_KINDS = frozenset({"programme", "groups", "places", "sites", "sessions", "plenaries", "legs",
                         "lodgings", "day_settings"})


def worst(*severities: str) -> str:
    """The most serious of ``severities`` ('' for none)."""
    found = [s for s in severities if s in SEVERITIES]
    return min(found, key=SEVERITIES.index) if found else ""


def snap(minute: float) -> int:
    return int(round(minute / SNAP)) * SNAP


def day_label(document: PlanDocument, day: int) -> str:
    return short_day_name(day, document.plan.programme.date_of(day))


@dataclass(frozen=True)
class Row:
    """One row of the scene: a group's day."""

    group_id: int
    day: int
    top: float
    height: float
    label: str
    colour: str
    first_of_group: bool  # overview: the group's first row (group separator above)
    window: tuple[int, int]  # the day's programme window (day_start, day_end)

    @property
    def key(self) -> tuple[int, int]:
        return self.group_id, self.day

    @property
    def bottom(self) -> float:
        return self.top + self.height


class _Layout:
    """Minutes to scene x, rows to scene y."""

    LEFT_PAD = 24
    RIGHT_PAD = 16

    def __init__(self, first: int, last: int, ppm: float, rows: list[Row]):
        self.first, self.last, self.ppm, self.rows = first, last, ppm, rows
        self._tops = [row.top for row in rows]

    def x(self, minute: float) -> float:
        return float(round(self.LEFT_PAD + (minute - self.first) * self.ppm))

    def minute_at(self, x: float) -> float:
        return self.first + (x - self.LEFT_PAD) / self.ppm

    @property
    def width(self) -> float:
        return self.x(self.last) + self.RIGHT_PAD

    @property
    def height(self) -> float:
        return self.rows[-1].bottom + 8 if self.rows else 0.0

    def row_at(self, y: float) -> Row | None:
        index = bisect_right(self._tops, y) - 1
        if 0 <= index < len(self.rows) and y < self.rows[index].bottom:
            return self.rows[index]
        return None


class _Margin(QWidget):
    """A strip beside the view (ruler or row labels), painted on the window colour with
    a line along the edge that meets the view."""

    def __init__(self, timeline: "TimelineView", parent: QWidget):
        super().__init__(parent)
        self.timeline = timeline

    def _painter(self, edge_from: QPointF, edge_to: QPointF) -> QPainter:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.drawLine(edge_from, edge_to)
        return painter


class _Ruler(_Margin):
    """Hours and half hours along the top; follows horizontal scrolling only."""

    def paintEvent(self, event) -> None:
        timeline, view = self.timeline, self.timeline.view
        layout = timeline._layout
        painter = self._painter(QPointF(0, self.height() - 0.5), QPointF(self.width(), self.height() - 0.5))
        if layout is None:
            return
        left = view.mapToScene(QPoint(0, 0)).x()
        painter.setFont(timeline._style.small)
        metrics = timeline._style.small_metrics
        label_every = 60 if layout.ppm * 60 >= metrics.horizontalAdvance("00:00") + 12 else 120
        text_colour = self.palette().windowText().color()
        for minute in range(layout.first, layout.last + 1, 30):
            x = layout.x(minute) - left + 0.5
            if x < -40 or x > self.width() + 40:
                continue
            hour = minute % 60 == 0
            painter.setPen(QPen(self.palette().mid().color() if hour else self.palette().midlight().color(), 1))
            painter.drawLine(QPointF(x, self.height() - (8 if hour else 4)), QPointF(x, self.height()))
            if hour and minute % label_every == 0:
                painter.setPen(text_colour)
                text = format_clock(minute)
                width = metrics.horizontalAdvance(text)
                painter.drawText(QRectF(x - width / 2, 2, width + 1, self.height() - 10),
                                 Qt.AlignmentFlag.AlignCenter, text)


class _RowHeader(_Margin):
    """Row labels on the left; follows vertical scrolling only."""

    def paintEvent(self, event) -> None:
        timeline, view = self.timeline, self.timeline.view
        layout = timeline._layout
        painter = self._painter(QPointF(self.width() - 0.5, 0), QPointF(self.width() - 0.5, self.height()))
        if layout is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        top = view.mapToScene(QPoint(0, 0)).y()
        style = timeline._style
        highlighted = timeline._highlighted_groups
        for row in layout.rows:
            y = row.top - top
            if y + row.height < 0 or y > self.height():
                continue
            colour = QColor(row.colour)
            if row.group_id in highlighted:
                painter.fillRect(QRectF(0, y, self.width(), row.height), brush(colour, 40))
            stripe = QRectF(4, y + 2, 5, row.height - 4)
            painter.fillRect(stripe, colour if row.first_of_group or timeline.day is not None
                             else mix(colour, QColor("#ffffff"), 0.35))
            if timeline.day is None and not row.first_of_group:
                painter.fillRect(QRectF(4, y - 2, 5, 4), mix(colour, QColor("#ffffff"), 0.35))
            group, _, rest = row.label.partition(" · ")
            painter.setPen(self.palette().windowText().color())
            x = 16.0
            if rest:
                painter.setFont(style.bold if row.first_of_group else style.font)
                metrics = style.bold_metrics if row.first_of_group else style.metrics
                if row.first_of_group or row.group_id in highlighted:
                    painter.drawText(QRectF(x, y, self.width() - x, row.height),
                                     Qt.AlignmentFlag.AlignVCenter, group)
                x += metrics.horizontalAdvance(group + " · ")
                painter.setFont(style.font)
                painter.drawText(QRectF(x, y, self.width() - x - 4, row.height),
                                 Qt.AlignmentFlag.AlignVCenter, rest)
            else:
                painter.setFont(style.bold)
                painter.drawText(QRectF(x, y, self.width() - x - 4, row.height),
                                 Qt.AlignmentFlag.AlignVCenter, group)


class _GraphicsView(QGraphicsView):
    """The scrolling canvas: backgrounds and grid, clicks, drags, keys, Ctrl+wheel."""

    def __init__(self, timeline: "TimelineView"):
        super().__init__(timeline)
        self.timeline = timeline
        self.setObjectName("timelineCanvas")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.ruler = _Ruler(timeline, self)
        self.header = _RowHeader(timeline, self)
        self.corner = QWidget(self)
        self.corner.setAutoFillBackground(True)
        self._press: tuple[BlockItem, QPoint, float, float] | None = None  # item, pos, grab dx, grab dy
        self.ghost: BlockItem | None = None
        self.drop_target: tuple[Row, int] | None = None

    # --- margins: ruler on top, labels on the left --------------------------------------

    def set_margins(self, left: int, top: int) -> None:
        self.setViewportMargins(left, top, 0, 0)
        self._place_margins()

    def _place_margins(self) -> None:
        margins = self.viewportMargins()
        left, top = margins.left(), margins.top()
        viewport = self.viewport().geometry()
        self.ruler.setGeometry(viewport.x(), viewport.y() - top, viewport.width(), top)
        self.header.setGeometry(viewport.x() - left, viewport.y(), left, viewport.height())
        self.corner.setGeometry(viewport.x() - left, viewport.y() - top, left, top)

    def resizeEvent(self, event) -> None:  # the view's, and its viewport's (a scroll bar came or went)
        super().resizeEvent(event)
        self._place_margins()
        self.timeline._schedule_fit()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if dx:
            self.ruler.update()
        if dy:
            self.header.update()

    # --- background: rows, the day's window, the grid, plenary bands ---------------------

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        timeline = self.timeline
        layout = timeline._layout
        painter.fillRect(rect, QColor("#ffffff"))
        if layout is None:
            return
        outside = QColor("#f4f4f2")
        highlighted = timeline._highlighted_groups
        target = self.drop_target[0].key if self.drop_target else None
        for index, row in enumerate(layout.rows):
            if row.bottom < rect.top() or row.top > rect.bottom():
                continue
            band = QRectF(rect.left(), row.top, rect.width(), row.height)
            if index % 2 and timeline.day is not None:
                painter.fillRect(band, QColor("#fbfbfa"))
            start, end = layout.x(row.window[0]), layout.x(row.window[1])
            painter.fillRect(QRectF(rect.left(), row.top, max(0.0, start - rect.left()), row.height), outside)
            painter.fillRect(QRectF(end, row.top, max(0.0, rect.right() - end), row.height), outside)
            if row.group_id in highlighted:
                painter.fillRect(band, brush(QColor(row.colour), 34))
            if row.key == target:
                painter.fillRect(band, brush(self.palette().highlight().color(), 40))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        top, bottom = max(rect.top(), 0.0), min(rect.bottom(), layout.height)
        for minute in range(layout.first, layout.last + 1, 30):
            x = layout.x(minute)
            if rect.left() - 1 <= x <= rect.right() + 1:
                painter.setPen(QPen(QColor("#dedede" if minute % 60 == 0 else "#efefef"), 0))
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        line = QColor("#e4e4e4")
        for row in layout.rows:
            if rect.top() - 1 <= row.bottom <= rect.bottom() + 1:
                painter.setPen(QPen(line, 0))
                painter.drawLine(QPointF(rect.left(), row.bottom), QPointF(rect.right(), row.bottom))
            if row.first_of_group and timeline.day is None and row.top > 0:
                painter.setPen(QPen(QColor("#c8c8c8"), 0))
                y = row.top - 4
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        if timeline.day is not None and layout.rows:  # plenaries: one band across all lanes
            span_top, span_bottom = layout.rows[0].top, layout.rows[-1].bottom
            for start, end in timeline._plenary_spans:
                band = QRectF(layout.x(start), span_top, layout.x(end) - layout.x(start), span_bottom - span_top)
                painter.fillRect(band, brush(PLENARY_FILL, 28))

    # --- mouse: click selects, drag moves a session -----------------------------------

    def _block_at(self, pos: QPoint) -> BlockItem | None:
        for item in self.items(pos):
            if isinstance(item, BlockItem) and not item.ghost:
                return item
        return None

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        item = self._block_at(event.position().toPoint())
        if item is None or item.spec.selection_kind is None:
            self._press = None
            return
        self.timeline._select_block(item)
        if item.spec.kind == "session":
            scene = self.mapToScene(event.position().toPoint())
            self._press = (item, event.position().toPoint(), scene.x() - item.x(), scene.y() - item.y())
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        if self._press is None:
            return super().mouseMoveEvent(event)
        item, pressed, dx, dy = self._press
        pos = event.position().toPoint()
        if self.ghost is None and (pos - pressed).manhattanLength() < QApplication.startDragDistance():
            return
        if self.ghost is None:
            self.ghost = BlockItem(item.spec, item.width, item.height, item.style)
            self.ghost.ghost = True
            self.ghost.setZValue(10)
            self.ghost.setToolTip("")
            self.scene().addItem(self.ghost)
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        scene = self.mapToScene(pos)
        target = self.timeline._drop_target(scene.x() - dx, scene.y())
        if target != self.drop_target:
            self.drop_target = target
            self.viewport().update()
        if target is None:
            self.ghost.setVisible(False)
            return
        row, minute = target
        layout = self.timeline._layout
        self.ghost.setVisible(True)
        self.ghost.setPos(layout.x(minute), row.top + (row.height - item.height) / 2)
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        self.ghost.set_lines((item.spec.lines[0], (translate("Timeline", "固定于 {time}") if shift else "{time}").format(time=format_clock(minute))))
        self.ensureVisible(QRectF(scene.x() - 2, scene.y() - 2, 4, 4), 20, 20)

    def mouseReleaseEvent(self, event) -> None:
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        if self.ghost is None:  # a click, not a drag
            return
        item, _, dx, _ = press
        scene = self.mapToScene(event.position().toPoint())
        target = self.timeline._drop_target(scene.x() - dx, scene.y())
        self.cancel_drag()
        if target is not None:
            row, minute = target
            pin = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.timeline.move_session(item.spec.item_id, row.group_id, row.day, minute, pin=pin)

    def cancel_drag(self) -> None:
        self._press = None
        if self.ghost is not None:
            self.scene().removeItem(self.ghost)
            self.ghost = None
            self.viewport().unsetCursor()
        if self.drop_target is not None:
            self.drop_target = None
            self.viewport().update()

    # --- keys and wheel ---------------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and (self.ghost is not None or self._press is not None):
            self.cancel_drag()
            return
        moves = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in moves and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.timeline._step_selection(*moves[key])
            return
        super().keyPressEvent(event)  # Delete and the rest belong to the window

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.timeline.fitting = False
                self.timeline.set_zoom(self.timeline.zoom * ZOOM_STEP ** steps, anchor=event.position().x())
            event.accept()
            return
        super().wheelEvent(event)


class TimelineView(QWidget):
    """Groups' days as blocks to the minute; selecting and dragging edit the document."""

    dayChanged = Signal(object)  # int or None (the overview)

    DAY_LANE_LINES = 3  # the least a day's lane shows; lanes share the height beyond that
    OVERVIEW_LINES = 2

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.day: int | None = 1 if document.plan.programme.days else None  # a day, not the whole trip
        self.zoom = ZOOM_DEFAULT
        self._fitting = True  # the zoom follows the width (until zoomed by hand)
        self._fit_pending = False
        self.last_rebuild_ms = 0.0
        self._style = TimelineStyle(self.font())
        self._layout: _Layout | None = None
        self._row_specs: dict[tuple[int, int], tuple[BlockSpec, ...]] = {}
        self._row_items: dict[tuple[int, int], list[BlockItem]] = {}
        self._by_item: dict[tuple[str, int], list[BlockItem]] = {}
        self._highlighted: list[BlockItem] = []
        self._highlighted_groups: frozenset[int] = frozenset()
        self._plenary_spans: list[tuple[int, int]] = []
        self._current: BlockItem | None = None  # the block arrow keys move from
        self._shown_once = False

        self.day_box = QComboBox(self)
        self.day_box.setObjectName("timelineDay")
        self.day_box.setToolTip(translate("Timeline", "选择日期 / 全部日程"))
        self.zoom_out_button = self._tool_button("−", translate("Timeline", "缩小（Ctrl+滚轮）"), self.zoom_out)
        self.zoom_in_button = self._tool_button("+", translate("Timeline", "放大（Ctrl+滚轮）"), self.zoom_in)
        self.fit_button = self._tool_button(translate("Timeline", "适合宽度"), translate("Timeline", "按窗口宽度显示全天"),
                                            self.fit_width)
        self.zoom_label = QLabel(self)
        self.zoom_label.setMinimumWidth(QFontMetricsF(self.font()).horizontalAdvance("100%") + 8)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 4)
        bar.setSpacing(4)
        bar.addWidget(QLabel(translate("Timeline", "日程："), self))
        bar.addWidget(self.day_box)
        bar.addStretch(1)
        bar.addWidget(QLabel(translate("Timeline", "缩放："), self))
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)

        self.scene = QGraphicsScene(self)
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.view = _GraphicsView(self)
        self.view.setScene(self.scene)
        self.fitting = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        for keys, slot in ((QKeySequence.StandardKey.ZoomIn, self.zoom_in),
                           (QKeySequence.StandardKey.ZoomOut, self.zoom_out)):
            shortcut = QShortcut(keys, self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self._fill_day_box()
        self.day_box.currentIndexChanged.connect(self._day_box_changed)
        document.changed.connect(self._document_changed)
        document.selectionChanged.connect(self._selection_changed)
        self._rebuild(full=True)
        self._apply_highlight(document.selection)

    def _tool_button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._layout is not None:
            self._rebuild(full=True)

    def sizeHint(self) -> QSize:
        return QSize(900, 420)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:  # a day fills the width the window gives it at first
            self._shown_once = True
            self._schedule_fit()

    def _schedule_fit(self) -> None:
        """Fit the zoom and the lanes to the new size once the layout has settled."""
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self._fit_now)

    def _fit_now(self) -> None:
        self._fit_pending = False
        if self._layout is None:
            return
        if self.fitting:
            self.fit_width()
        rows = self._layout.rows
        if self.day is not None and rows and self._lane_height() != rows[0].height:  # lanes share the height
            self._rebuild(full=True)
            self._apply_highlight(self.document.selection)

    # --- public API -------------------------------------------------------------------

    def set_day(self, day: int | None) -> None:
        """Show one day (lanes = groups) or, with None, the whole trip (group × day)."""
        if day is not None and not 1 <= day <= self.document.plan.programme.days:
            raise ValueError(f"no day {day} in this plan")
        if day == self.day:
            return
        self.day = day
        index = self.day_box.findData(0 if day is None else day)
        if index >= 0 and index != self.day_box.currentIndex():
            self.day_box.blockSignals(True)
            self.day_box.setCurrentIndex(index)
            self.day_box.blockSignals(False)
        self._current = None
        self._rebuild(full=True)
        self._apply_highlight(self.document.selection)
        self.view.verticalScrollBar().setValue(0)
        self.fitting = True  # a new day is shown whole
        self.fit_width()
        self.dayChanged.emit(day)

    def set_zoom(self, pixels_per_minute: float, anchor: float | None = None) -> None:
        """Horizontal zoom; ``anchor`` is a viewport x that keeps its time of day."""
        zoom = min(ZOOM_MAX, max(ZOOM_MIN, pixels_per_minute))
        if abs(zoom - self.zoom) < 1e-6 or self._layout is None:
            return
        bar = self.view.horizontalScrollBar()
        anchor = self.view.viewport().width() / 2 if anchor is None else anchor
        minute = self._layout.minute_at(bar.value() + anchor)
        self.zoom = zoom
        self._rebuild(full=True)
        self._apply_highlight(self.document.selection, scroll=False)
        bar.setValue(round(self._layout.x(minute) - anchor))

    def zoom_in(self) -> None:
        self.fitting = False
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.fitting = False
        self.set_zoom(self.zoom / ZOOM_STEP)

    @property
    def fitting(self) -> bool:
        return self._fitting

    @fitting.setter
    def fitting(self, on: bool) -> None:
        """Fitted, the day is never wider than the view: no horizontal scroll bar (whose
        coming and going would change the height the lanes share)."""
        self._fitting = on
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on
                                               else Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def fit_width(self) -> None:
        """Show the whole span of the day in the view's width (and keep doing so)."""
        self.fitting = True
        if self._layout is not None:
            span = self._layout.last - self._layout.first
            self.set_zoom((self.view.viewport().width() - _Layout.LEFT_PAD - _Layout.RIGHT_PAD) / span)

    def blocks(self, kind: str | None = None, item_id: int | None = None) -> list[BlockItem]:
        """The blocks shown, in row then time order; ``kind`` is a slot kind ("session",
        "plenary", "travel", "lunch", "dinner"); with ``item_id``, one item's blocks."""
        found = []
        for row in self._layout.rows if self._layout else ():
            for item in self._row_items.get(row.key, ()):
                if (kind is None or item.spec.kind == kind) and (item_id is None or item.spec.item_id == item_id):
                    found.append(item)
        return found

    def rows(self) -> list[Row]:
        return list(self._layout.rows) if self._layout else []

    def viewport_point(self, group_id: int, day: int, minute: float) -> QPoint:
        """Where (group, day) at ``minute`` is in viewport coordinates (tests, drops)."""
        row = next(r for r in self._layout.rows if r.key == (group_id, day))
        return self.view.mapFromScene(QPointF(self._layout.x(minute), row.top + row.height / 2))

    def block_point(self, item: BlockItem, dx: float | None = None) -> QPoint:
        """A point inside ``item`` in viewport coordinates (its centre, or ``dx`` from its left)."""
        x = item.width / 2 if dx is None else dx
        return self.view.mapFromScene(item.mapToScene(QPointF(x, item.height / 2)))

    def move_session(self, session_id: int, group_id: int, day: int, minute: int,
                     pin: bool = False) -> Change | None:
        """Drop a session on (group, day) at ``minute`` (snapped to 5 minutes): the
        ``move_session`` operation (a pinned session, or any with ``pin``, is fixed at
        that time; a flowing one goes in among the sessions by time, and the times
        re-flow). One undo step; None when nothing changes or it was refused."""
        document = self.document
        plan = document.plan
        session = plan.get("sessions", session_id)
        outcome = move_session(plan, document.timetable, session_id, group_id, day, minute=minute, pin=pin)
        if session is None or outcome is None:
            return document.perform(outcome, "")
        minute = snap(minute)
        site = plan.site(session.site_id)
        name = site.name if site else session.title or f"#{session_id}"
        same_row = (session.group_id, session.day) == (group_id, day)
        group = plan.group(group_id)
        where = (translate("Timeline", "第{day}天") if session.group_id == group_id
                 else translate("Timeline", "{group}第{day}天")).format(day=day, group=group.name if group else "")
        if pin and not session.pinned:
            label = translate("Timeline", "固定「{name}」于{where} {time}").format(
                name=name, where=where, time=format_clock(minute))
        elif session.pinned or pin:
            target = format_clock(minute) if same_row else f"{where} {format_clock(minute)}"
            label = translate("Timeline", "移动「{name}」到{target}").format(name=name, target=target)
        else:
            label = (translate("Timeline", "调整「{name}」的顺序") if same_row
                     else translate("Timeline", "移动「{name}」到{target}")).format(name=name, target=where)
        return document.perform(outcome, label)

    # --- document signals -------------------------------------------------------------

    def _document_changed(self, kinds) -> None:
        if not kinds & SHOWN_KINDS:
            return
        if "programme" in kinds:
            self._fill_day_box()
            if self.day is not None and self.day > self.document.plan.programme.days:
                self.set_day(None)
                return
        span = self._time_span()
        before = (self._layout.first, self._layout.last) if self._layout else None
        self._rebuild(full="groups" in kinds or "programme" in kinds or "day_settings" in kinds)
        if self.fitting and span != before:  # the day grew or shrank: still shown whole
            self.fit_width()
        self._apply_highlight(self.document.selection, scroll=False)

    def _selection_changed(self, selection: Selection) -> None:
        if selection.source == "timeline":
            return
        if selection.kind == "days":
            if selection.ids:
                self.set_day(selection.first)
            return
        if selection.kind == "sessions" and self.day is not None and selection.ids:
            session = self.document.plan.get("sessions", selection.first)
            if session is not None and session.day != self.day:
                self.set_day(session.day)
        if selection.kind == "plenaries" and self.day is not None and selection.ids:
            plenary = self.document.plan.get("plenaries", selection.first)
            if plenary is not None and plenary.day != self.day:
                self.set_day(plenary.day)
        self._current = None
        self._apply_highlight(selection, scroll=True)

    def _select_block(self, item: BlockItem) -> None:
        kind = item.spec.selection_kind
        self._current = item
        selection = Selection(kind, (item.spec.item_id,), "timeline")
        self._apply_highlight(selection)
        self.document.select(kind, [item.spec.item_id], source="timeline")

    def _apply_highlight(self, selection: Selection, scroll: bool = False) -> None:
        for item in self._highlighted:
            item.set_highlighted(False)
        self._highlighted = []
        groups = frozenset(selection.ids) if selection.kind == "groups" else frozenset()
        if groups != self._highlighted_groups:
            self._highlighted_groups = groups
            self.view.viewport().update()
            self.view.header.update()
        slot_kind = {"sessions": "session", "plenaries": "plenary"}.get(selection.kind)
        if slot_kind is not None:
            for item_id in selection.ids:
                self._highlighted += self._by_item.get((slot_kind, item_id), [])
        for item in self._highlighted:
            item.set_highlighted(True)
        if not scroll:
            return
        if self._highlighted:
            self.view.ensureVisible(self._highlighted[0], 40, 24)
        elif groups and self._layout:
            row = next((r for r in self._layout.rows if r.group_id in groups), None)
            if row is not None:
                self.view.ensureVisible(QRectF(self.view.mapToScene(QPoint(0, 0)).x(), row.top, 1, row.height), 0, 24)

    # --- keyboard navigation ----------------------------------------------------------

    def _step_selection(self, dx: int, dy: int) -> None:
        selectable = [b for b in self.blocks() if b.spec.selection_kind]
        if not selectable:
            return
        current = self._current if self._current in selectable else (
            self._highlighted[0] if self._highlighted and self._highlighted[0] in selectable else None)
        if current is None:
            target = selectable[0]
        elif dx:
            row = [b for b in selectable if b.y() == current.y() or b.spec.group_id == current.spec.group_id
                   and b.spec.day == current.spec.day]
            row.sort(key=lambda b: b.x())
            index = row.index(current) + dx
            target = row[index] if 0 <= index < len(row) else current
        else:
            keys = [r.key for r in self._layout.rows]
            here = keys.index((current.spec.group_id, current.spec.day))
            target = current
            centre = current.x() + current.width / 2
            step = here + dy
            while 0 <= step < len(keys):
                candidates = [b for b in selectable if (b.spec.group_id, b.spec.day) == keys[step]]
                if candidates:
                    target = min(candidates, key=lambda b: abs(b.x() + b.width / 2 - centre))
                    break
                step += dy
        self._select_block(target)
        self.view.ensureVisible(target, 40, 24)

    # --- building the scene -----------------------------------------------------------

    def _fill_day_box(self) -> None:
        box = self.day_box
        box.blockSignals(True)
        box.clear()
        box.addItem(translate("Timeline", "全部日程"), 0)
        for day in range(1, self.document.plan.programme.days + 1):
            box.addItem(day_name(day, self.document.plan.programme.date_of(day)), day)
        box.setCurrentIndex(max(0, box.findData(0 if self.day is None else self.day)))
        box.blockSignals(False)

    def _day_box_changed(self, index: int) -> None:
        day = self.day_box.itemData(index)
        self.set_day(day or None)

    def _compute_rows(self) -> list[Row]:
        plan, style = self.document.plan, self._style
        groups = plan.ordered_groups()
        rows: list[Row] = []
        y = 4.0
        if self.day is not None:
            height = self._lane_height()
            rules = day_rules(plan, self.day)
            for group in groups:
                rows.append(Row(group.id, self.day, y, height, group.name, group.colour, True,
                                (rules.day_start, rules.day_end)))
                y += height
            return rows
        height = float(round(style.line * self.OVERVIEW_LINES + 10))
        windows = {}
        for day in range(1, plan.programme.days + 1):
            rules = day_rules(plan, day)
            windows[day] = (rules.day_start, rules.day_end)
        for number, group in enumerate(groups):
            if number:
                y += 10  # a gap between groups
            for day in range(1, plan.programme.days + 1):
                label = f"{group.name} · {day_label(self.document, day)}"
                rows.append(Row(group.id, day, y, height, label, group.colour, day == 1, windows[day]))
                y += height
        return rows

    def _lane_height(self) -> float:
        """A day's lanes share the view's height, each at least DAY_LANE_LINES lines."""
        least = float(round(self._style.line * self.DAY_LANE_LINES + 14))
        groups = max(1, len(self.document.plan.groups))
        return max(least, float((self.view.viewport().height() - 12) // groups))

    def _time_span(self) -> tuple[int, int]:
        """The hours shown: the day's (or, for the whole trip, every day's) window and
        every slot in it, to the hour."""
        plan = self.document.plan
        days = [d for d in self.document.timetable.days.values() if self.day is None or d.day == self.day]
        windows = [day_rules(plan, self.day)] if self.day is not None else [d.rules for d in days]
        earliest = min([plan.programme.day_start] + [rules.day_start for rules in windows])
        latest = max([plan.programme.day_end] + [rules.day_end for rules in windows])
        for day_plan in days:
            if day_plan.slots:
                earliest = min(earliest, day_plan.slots[0].start)
                latest = max(latest, max(s.end for s in day_plan.slots))
        first = max(0, (earliest - 15) // 60 * 60)
        last = -(-(latest + 15) // 60) * 60
        return first, last

    def _specs(self, row: Row, flagged: dict, flagged_plenaries: dict) -> tuple[BlockSpec, ...]:
        day_plan = self.document.timetable.day(row.group_id, row.day)
        if day_plan is None:
            return ()
        plan = self.document.plan
        group = plan.group(row.group_id)
        overview = self.day is None
        specs = []
        where = f"{group.name} · {day_label(self.document, row.day)}"
        late_legs_of_day = late_legs(day_plan)
        colours = [g.colour for g in plan.groups]
        for index, slot in enumerate(day_plan.slots):
            times = f"{format_clock(slot.start)}–\u200b{format_clock(slot.end)}"  # may break after the dash
            site = plan.site(slot.site_id) if slot.site_id is not None else None
            site_name = site.name if site else ""
            place = plan.place_of(site) if site else None
            late = translate("Timeline", "迟到 {duration}").format(
                duration=duration_text(slot.late_by, is_english())) if slot.late_by > 0 else ""
            pinned, is_flagged = False, slot.late_by > 0
            severity = ERROR if slot.late_by > 0 else ""
            leg_late_by = 0
            if slot.kind == "session":
                session = plan.get("sessions", slot.item_id)
                title = session.title if session and session.title else site_name
                pinned = bool(session and session.pinned)
                is_flagged = is_flagged or slot.item_id in flagged
                severity = worst(severity, flagged.get(slot.item_id, ""))
                # the site's full name first; the session's own title (if any) after the times
                lines = (site_name or title, f"{times}  {title}") if overview else \
                    (site_name or title, times, *((title,) if title != site_name else ()))
                details = [title, translate("Timeline", "现场教学点：{site}").format(site=site_name)
                           + (f"（{place.name}）" if place else ""),
                           translate("Timeline", "{where}  {times}（{duration}）").format(
                               where=where, times=times, duration=duration_text(slot.minutes, is_english()))]
                if session and session.theme:
                    details.append(translate("Timeline", "教学主题：{theme}").format(theme=session.theme))
                if session and session.host:
                    details.append(translate("Timeline", "主持/讲解：{host}").format(host=session.host))
                if pinned:
                    details.append(translate("Timeline", "已固定时间（拖动时按住 Shift 也会固定）"))
            elif slot.kind == "plenary":
                plenary = plan.get("plenaries", slot.item_id)
                title = plenary.title if plenary else translate("Timeline", "全体活动")
                is_flagged = is_flagged or (slot.item_id, row.group_id) in flagged_plenaries \
                    or (slot.item_id, None) in flagged_plenaries
                severity = worst(severity, flagged_plenaries.get((slot.item_id, row.group_id), ""),
                                 flagged_plenaries.get((slot.item_id, None), ""))
                heading = translate("Timeline", "全体 · {title}").format(title=title)
                lines = (heading, times) if overview else (heading, site_name, times)
                details = [translate("Timeline", "全体活动：{title}").format(title=title),
                           translate("Timeline", "地点：{site}").format(site=site_name) if site_name else "",
                           f"{where}  {times}"]
                if plenary and plenary.host:
                    details.append(translate("Timeline", "主持/讲解：{host}").format(host=plenary.host))
            elif slot.kind == "travel":
                origin = plan.site(slot.from_site_id) if slot.from_site_id is not None else None
                how = travel_name(slot.mode, slot.minutes)
                journey = journey_name(slot.journey)
                lines = (f"{journey} · {how}" if journey else how,)
                places = [p.name for p in (plan.place_of(origin) if origin else None, place) if p is not None]
                details = [translate("Timeline", "行车：{origin} → {site}").format(
                               origin=origin.name if origin else "?", site=site_name or "?"),
                           " → ".join(places), f"{journey} {how}".strip(), f"{where}  {times}"]
                fixed = late_legs_of_day.get(index)
                if fixed is not None:  # the leg that makes the group late: its late part drawn as such
                    leg_late_by, severity = fixed.late_by, ERROR
                    late_words = translate("Timeline", "迟到 {duration}").format(
                        duration=duration_text(fixed.late_by, is_english()))
                    lines = (*lines, late_words)
                    details.append(translate("Timeline", "来不及：{start} 开始的「{item}」要晚到 {duration}").format(
                        start=format_clock(fixed.start), item=self._slot_title(fixed),
                        duration=duration_text(fixed.late_by, is_english())))
            else:
                meal = translate("Timeline", "午餐") if slot.kind == "lunch" else translate("Timeline", "晚餐")
                lines = (meal,)
                details = [meal, translate("Timeline", "地点：{site}").format(site=site_name) if site_name else "",
                           f"{where}  {times}"]
            if late:
                details.append(late)
            if is_flagged:
                details += self._finding_lines(slot)
            specs.append(BlockSpec(slot.kind, slot.item_id, row.group_id, row.day, slot.start, slot.end,
                                   lines, "\n".join(d for d in details if d), group.colour, pinned, is_flagged,
                                   severity, mark_colour(severity, colours).name() if severity else "",
                                   leg_late_by))
        return tuple(specs)

    def _slot_title(self, slot) -> str:
        """A session's site or a plenary's title (what the group is late for)."""
        plan = self.document.plan
        if slot.kind == "plenary":
            plenary = plan.get("plenaries", slot.item_id)
            return plenary.title if plenary else ""
        site = plan.site(slot.site_id) if slot.site_id is not None else None
        return site.name if site else ""

    def _finding_lines(self, slot) -> list[str]:
        kind = {"session": "sessions", "plenary": "plenaries"}.get(slot.kind)
        if kind is None:
            return []
        english = is_english()
        return [severity_word(f.severity) + (f.message_en if english else f.message_zh) for f in self.document.findings
                if (kind, slot.item_id) in f.refs and (f.group_id in (None, slot.group_id))]

    def _rebuild(self, full: bool = False) -> None:
        """Build the scene from the timetable; unless ``full``, keep rows that did not change."""
        started = time.perf_counter()
        if self._style.font != self.font():
            self._style, full = TimelineStyle(self.font()), True
        rows = self._compute_rows()
        first, last = self._time_span()
        old = self._layout
        if old is None or (old.first, old.last, old.ppm) != (first, last, self.zoom) \
                or [(r.key, r.top, r.height, r.label, r.colour) for r in old.rows] \
                != [(r.key, r.top, r.height, r.label, r.colour) for r in rows]:
            full = True
        layout = _Layout(first, last, self.zoom, rows)
        self._layout = layout
        flagged, flagged_plenaries = {}, {}  # item -> the worst severity of the findings about it
        for finding in self.document.findings:
            if finding.severity == INFO:
                continue  # a note is no conflict: not marked on the blocks
            for kind, item_id in finding.refs:
                if kind == "sessions":
                    flagged[item_id] = worst(flagged.get(item_id, ""), finding.severity)
                elif kind == "plenaries":
                    key = (item_id, finding.group_id)
                    flagged_plenaries[key] = worst(flagged_plenaries.get(key, ""), finding.severity)
        if full:
            self.view.cancel_drag()
            self._highlighted, self._current = [], None
            self.scene.clear()
            self._row_items, self._row_specs = {}, {}
        keys = {row.key for row in rows}
        for key in [k for k in self._row_items if k not in keys]:
            for item in self._row_items.pop(key):
                self.scene.removeItem(item)
            self._row_specs.pop(key, None)
        for row in rows:
            specs = self._specs(row, flagged, flagged_plenaries)
            if self._row_specs.get(row.key) == specs:
                continue
            for item in self._row_items.get(row.key, ()):
                if item is self._current:
                    self._current = None
                self.scene.removeItem(item)
            self._row_specs[row.key] = specs
            self._row_items[row.key] = [self._block(layout, row, spec) for spec in specs]
        self._by_item = {}
        for items in self._row_items.values():
            for item in items:
                if item.spec.item_id is not None and item.spec.selection_kind:
                    self._by_item.setdefault((item.spec.kind, item.spec.item_id), []).append(item)
        self._highlighted = [i for i in self._highlighted if i.scene() is self.scene]
        spans = set()
        if self.day is not None:
            for row in rows:
                spans.update((s.start, s.end) for s in self._row_specs.get(row.key, ()) if s.kind == "plenary")
        if sorted(spans) != self._plenary_spans:
            self._plenary_spans, full = sorted(spans), True  # the background shows them
        self.scene.setSceneRect(QRectF(0, 0, layout.width, layout.height))
        header_width = 16 + max((self._label_width(r) for r in rows), default=60) + 12
        self.view.set_margins(round(header_width), round(self._style.small_line + 12))
        self.zoom_label.setText(f"{round(self.zoom / ZOOM_DEFAULT * 100)}%")
        if full:  # otherwise only items changed, and the scene repaints just where they were
            self.view.viewport().update()
            self.view.ruler.update()
            self.view.header.update()
        self.last_rebuild_ms = (time.perf_counter() - started) * 1000

    def _label_width(self, row: Row) -> float:
        group, _, rest = row.label.partition(" · ")
        style = self._style
        if rest:
            return style.bold_metrics.horizontalAdvance(group + " · ") + style.metrics.horizontalAdvance(rest)
        return style.bold_metrics.horizontalAdvance(group)

    def _block(self, layout: _Layout, row: Row, spec: BlockSpec) -> BlockItem:
        left, right = layout.x(spec.start), layout.x(spec.end)
        width = max(2.0, right - left - (1 if spec.kind != "travel" else 0))
        if spec.kind == "travel" and spec.late_by > 0:
            # A late leg runs into the item it makes late: drawn over that item's foot
            # (its words are at its top), so that it is not hidden under it.
            height = min(max(row.height * 0.36, self._style.line * 2 + 10), row.height * 0.55)
            item = BlockItem(spec, width, round(height), self._style)
            item.setPos(left, row.top + row.height - round(height) - 6)
            item.setZValue(3)
            self.scene.addItem(item)
            return item
        if spec.kind == "travel":
            inset = round(row.height * 0.28)
        elif spec.kind in ("lunch", "dinner"):
            inset = round(row.height * 0.16)
        else:
            inset = 4
        item = BlockItem(spec, width, row.height - 2 * inset, self._style)
        item.setPos(left, row.top + inset)
        item.setZValue(1 if spec.selection_kind else 0)
        self.scene.addItem(item)
        return item

    def _drop_target(self, scene_x: float, scene_y: float) -> tuple[Row, int] | None:
        """The row under ``scene_y`` and the (snapped) minute at ``scene_x``."""
        if self._layout is None:
            return None
        row = self._layout.row_at(scene_y)
        if row is None:
            return None
        minute = snap(self._layout.minute_at(scene_x))
        return row, min(max(minute, self._layout.first), self._layout.last)


__all__ = ["TimelineView", "BlockItem", "BlockSpec", "Row", "FLAG"]
