"""The board (日程总览): the organiser's home view, dates down, groups across.

Click a line to select it (the timeline, map and properties follow), drag a session to
another cell (another day or group) or within its cell (another order), double-click to
edit, right-click for what can be added there. The view only calls the operations of
``planner.editing`` and hands their answer to the document: one undo step each.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPoint, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QMenu, QTableView

from planner.editing import delete_items, move_session
from ui.board import texts
from ui.board.delegate import LEFT, BoardDelegate, mark_colour
from ui.board.layout import BOLD, MIN_COLUMN, PAD, REGULAR, SMALL, Block, BoardStyle, CellLayout, layout_row
from ui.board.model import BoardModel, CellRole
from ui.document import PlanDocument, Selection
from ui.i18n import translate
from ui.timeline_items import PLENARY_FILL

SOURCE = "board"


class DayHeader(QHeaderView):
    """The row headers: date, weekday, the day's number and its shared events."""

    def __init__(self, view: "BoardView"):
        super().__init__(Qt.Orientation.Vertical, view)
        self.view = view
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setSectionsClickable(True)
        self.setHighlightSections(False)

    def sizeHint(self) -> QSize:
        return QSize(round(self.view.header_width()), super().sizeHint().height())

    def lines(self, row: int) -> list[tuple[int, tuple[str, ...], str]]:
        """(font, wrapped lines, role) from the top of the header."""
        day = self.view.board_model.day(row)
        if day is None:
            return []
        style, width = self.view.style_, self.view.header_width() - 2 * PAD
        date_text, weekday, number, events = texts.day_header_lines(day)
        found = [(BOLD, style.wrap(date_text, BOLD, width), "date"),
                 (REGULAR, style.wrap(weekday, REGULAR, width), "weekday"),
                 (SMALL, style.wrap(number, SMALL, width), "number")]
        for event in events:
            found.append((SMALL, style.wrap(event, SMALL, width), "event"))
        return found

    def content_height(self, row: int) -> float:
        style = self.view.style_
        return 2 * PAD + sum(len(lines) * style.line[which] + (4 if role == "event" else 0)
                             for which, lines, role in self.lines(row))

    def paintSection(self, painter: QPainter, rect, logical_index: int) -> None:
        painter.save()
        view, style = self.view, self.view.style_
        selected = view.selection.kind == "days" and logical_index + 1 in view.selection.ids
        background = self.palette().window().color()
        if selected:
            background = view.palette().highlight().color().lighter(170)
        painter.fillRect(rect, background)
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        y = rect.top() + PAD
        for which, lines, role in self.lines(logical_index):
            painter.setFont(style.fonts[which])
            painter.setPen(PLENARY_FILL if role == "event" else self.palette().windowText().color())
            if role == "event":
                y += 4
            for line in lines:
                painter.drawText(QRectF(rect.left() + PAD, y, rect.width() - 2 * PAD, style.line[which]), LEFT, line)
                y += style.line[which]
        day = view.board_model.day(logical_index)
        if day is not None and day.findings:
            painter.setPen(QPen(mark_colour("error", view.group_colours()), 2.5))
            painter.drawRect(QRectF(rect).adjusted(1.25, 1.25, -1.25, -1.25))
        painter.restore()


class BoardView(QTableView):
    editRequested = Signal(str, int)  # kind, id: show its properties to edit
    addSessionRequested = Signal(int, int)  # group, day
    lodgingRequested = Signal(int, int)  # group, night
    plenaryRequested = Signal(int)  # day

    def __init__(self, document: PlanDocument, parent=None):
        super().__init__(parent)
        self.setObjectName("board")
        self.document = document
        self.selection = document.selection
        self.style_ = BoardStyle(self.font())
        self.board_model = BoardModel(document, self)
        self._layouts: dict[int, tuple[tuple, list[CellLayout]]] = {}
        self._press: tuple[int, QPoint] | None = None  # a session pressed, and where
        self.dragged: int | None = None  # the session being dragged
        self.drop_line: tuple[tuple[int, int], float] | None = None  # ((row, column), y in the cell)
        self._drop: tuple[int, int, int | None] | None = None  # group, day, before
        self._relayout_pending = False
        self._header_width: float | None = None
        self._header_heights: dict[int, float] = {}

        self.setModel(self.board_model)
        self.setVerticalHeader(DayHeader(self))
        self.setItemDelegate(BoardDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(True)
        self.setCornerButtonEnabled(False)
        self.setShowGrid(True)
        self.setGridStyle(Qt.PenStyle.SolidLine)
        self.setStyleSheet("QTableView#board { gridline-color: #d8d6cf; }")
        header = self.horizontalHeader()
        header.setMinimumSectionSize(MIN_COLUMN)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        font = header.font()
        font.setBold(True)
        header.setFont(font)
        header.sectionResized.connect(self._schedule_relayout)
        header.sectionClicked.connect(self._group_clicked)
        self.verticalHeader().sectionClicked.connect(self._day_clicked)
        self.board_model.modelReset.connect(self._model_reset)
        self.board_model.dataChanged.connect(self._cells_changed)
        self.board_model.headerDataChanged.connect(self._headers_changed)
        document.selectionChanged.connect(self._selection_changed)
        # rows are laid out once shown, at the widths the window gives the columns

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._schedule_relayout()

    # --- layout ---------------------------------------------------------------------------

    def header_width(self) -> float:
        """Wide enough for the longest date and weekday (events wrap); worked out when
        the rows are laid out."""
        if self._header_width is None:
            self._header_width = self._measure_header()
        return self._header_width

    def _measure_header(self) -> float:
        style, model = self.style_, self.board_model
        widths = [88.0]
        for row in range(model.rowCount()):
            date_text, weekday, number, _ = texts.day_header_lines(model.day(row))
            widths += [style.metrics[BOLD].horizontalAdvance(date_text),
                       style.metrics[REGULAR].horizontalAdvance(weekday),
                       style.metrics[SMALL].horizontalAdvance(number)]
        return min(160.0, max(widths) + 2 * PAD + 2)

    def _widths(self) -> tuple[int, ...]:
        return tuple(self.columnWidth(c) for c in range(self.board_model.columnCount()))

    def cell_layout(self, index: QModelIndex) -> CellLayout | None:
        if not index.isValid():
            return None
        layouts = self._row_layouts(index.row())
        return layouts[index.column()] if index.column() < len(layouts) else None

    def _header_height(self, row: int) -> float:
        if row not in self._header_heights:
            self._header_heights[row] = self.verticalHeader().content_height(row)
        return self._header_heights[row]

    def _row_layouts(self, row: int) -> list[CellLayout]:
        widths = self._widths()
        key = (widths, self._header_height(row))
        found = self._layouts.get(row)
        if found is None or found[0] != key:
            day = self.board_model.day(row)
            if day is None:
                return []
            parts = max([day.parts] + [e.part + 1 for c in day.cells for e in c.entries])
            layouts = layout_row(self.style_, list(day.cells), [float(w) for w in widths], parts, key[1])
            self._layouts[row] = found = (key, layouts)
        return found[1]

    def row_content_height(self, row: int) -> int:
        """The height the day needs: its cells laid out together, or its header."""
        layouts = self._row_layouts(row)
        height = max([layout.height for layout in layouts] + [self._header_height(row)])
        return math.ceil(height) + 1

    def relayout(self) -> None:
        """Row heights from the content at the current column widths."""
        self._relayout_pending = False
        self._header_width, self._header_heights = None, {}
        header = self.verticalHeader()
        header.updateGeometry()
        for row in range(self.board_model.rowCount()):
            height = self.row_content_height(row)
            if header.sectionSize(row) != height:
                header.resizeSection(row, height)
        self.updateGeometries()
        self.viewport().update()

    def _schedule_relayout(self, *_args) -> None:
        if not self._relayout_pending:
            self._relayout_pending = True
            QTimer.singleShot(0, self._relayout_if_pending)

    def _relayout_if_pending(self) -> None:
        if self._relayout_pending:
            self.relayout()

    def _model_reset(self) -> None:
        self._layouts.clear()
        self._header_width, self._header_heights = None, {}
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.relayout()

    def _cells_changed(self, top_left, bottom_right, _roles=()) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            self._layouts.pop(row, None)
        self.relayout()

    def _headers_changed(self, orientation, first: int, last: int) -> None:
        if orientation == Qt.Orientation.Vertical:
            for row in range(first, last + 1):
                self._layouts.pop(row, None)
            self.relayout()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._schedule_relayout()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self.style_ = BoardStyle(self.font())
            self._layouts.clear()
            self._schedule_relayout()

    # --- what is where ----------------------------------------------------------------------

    def group_colours(self) -> list[str]:
        return [g.colour for g in self.document.plan.groups]

    def group_colour(self, group_id: int) -> QColor:
        group = self.document.plan.group(group_id)
        return QColor(group.colour if group else "#888888")

    def cell_rect(self, group_id: int, day: int) -> QRectF:
        """A cell's rectangle in viewport coordinates."""
        return QRectF(self.visualRect(self.board_model.index_of(group_id, day)))

    def block_at(self, pos: QPoint) -> tuple[QModelIndex, Block | None]:
        """The cell under ``pos`` (viewport coordinates) and the block of it there."""
        index = self.indexAt(pos)
        layout = self.cell_layout(index)
        if layout is None:
            return index, None
        return index, layout.block_at(pos.y() - self.visualRect(index).top())

    def entry_point(self, kind: str, item_id: int, group_id: int | None = None) -> QPoint:
        """The middle of an entry's line in viewport coordinates (tests, drops)."""
        for row in range(self.board_model.rowCount()):
            for column in range(self.board_model.columnCount()):
                index = self.board_model.index(row, column)
                cell = index.data(CellRole)
                if group_id is not None and cell.group_id != group_id:
                    continue
                for block in self.cell_layout(index).blocks:
                    if block.entry is not None and block.entry.kind == kind and block.entry.item_id == item_id:
                        rect = self.visualRect(index)
                        return QPoint(rect.left() + rect.width() // 2, round(rect.top() + block.top + block.height / 2))
        raise LookupError(f"no {kind} {item_id} on the board")

    def is_selected(self, block: Block, cell) -> bool:
        selection, entry = self.selection, block.entry
        if entry is not None:
            kind = {"session": "sessions", "plenary": "plenaries"}.get(entry.kind)
            if kind is not None and selection.kind == "sites":  # a site picked on the map: its visits
                return entry.site_id in selection.ids
            return kind is not None and selection.kind == kind and entry.item_id in selection.ids
        return block.kind == "lodging" and selection.kind == "lodgings" and cell.lodging_id in selection.ids

    def is_highlighted_group(self, group_id: int) -> bool:
        return self.selection.kind == "groups" and group_id in self.selection.ids

    def lodging_tooltip(self, cell) -> str:
        plan = self.document.plan
        lines = [texts.lodging_text(cell)]
        lodging = plan.get("lodgings", cell.lodging_id) if cell.lodging_id is not None else None
        site = plan.site(lodging.site_id) if lodging else None
        if site is not None:
            place = plan.place_of(site)
            lines += [x for x in (place.full_name or place.name if place else "", site.address, site.note,
                                  lodging.note) if x]
        lines.append(translate("Board", "双击或右键可更换宾馆"))
        return "\n".join(lines)

    # --- selecting ------------------------------------------------------------------------

    def _select_block(self, index: QModelIndex, block: Block | None) -> None:
        cell = index.data(CellRole)
        if cell is None:
            return
        entry = block.entry if block is not None else None
        if entry is not None and entry.kind in ("session", "plenary") and entry.item_id is not None:
            self._select("sessions" if entry.kind == "session" else "plenaries", [entry.item_id])
        elif block is not None and block.kind == "lodging" and cell.lodging_id is not None:
            self._select("lodgings", [cell.lodging_id])
        else:
            self._select("days", [cell.day])

    def _select(self, kind: str, ids) -> None:
        self.selection = Selection(kind, tuple(ids), SOURCE)
        self.document.select(kind, ids, source=SOURCE)
        self.viewport().update()
        self.verticalHeader().viewport().update()

    def _group_clicked(self, column: int) -> None:
        if 0 <= column < len(self.board_model.board.group_ids):
            self._select("groups", [self.board_model.board.group_ids[column]])

    def _day_clicked(self, row: int) -> None:
        self._select("days", [row + 1])

    def _selection_changed(self, selection: Selection) -> None:
        self.selection = selection
        self.viewport().update()
        self.verticalHeader().viewport().update()
        if selection.source == SOURCE or not selection.ids:
            return
        plan, index = self.document.plan, QModelIndex()
        if selection.kind == "sessions":
            session = plan.get("sessions", selection.first)
            if session is not None:
                index = self.board_model.index_of(session.group_id, session.day)
        elif selection.kind == "plenaries":
            plenary = plan.get("plenaries", selection.first)
            if plenary is not None and self.board_model.columnCount():
                index = self.board_model.index(plenary.day - 1, 0)
        elif selection.kind == "lodgings":
            lodging = plan.get("lodgings", selection.first)
            if lodging is not None:
                index = self.board_model.index_of(lodging.group_id, lodging.night)
        elif selection.kind == "days" and self.board_model.columnCount():
            index = self.board_model.index(selection.first - 1, 0)
        elif selection.kind == "groups" and selection.first in self.board_model.board.group_ids:
            index = self.board_model.index(0, self.board_model.board.group_ids.index(selection.first))
        elif selection.kind == "sites":
            visit = next((s for s in sorted(plan.sessions, key=lambda s: (s.day, s.id))
                          if s.site_id in selection.ids), None)
            if visit is not None:
                index = self.board_model.index_of(visit.group_id, visit.day)
        if not index.isValid():
            return
        self.selectionModel().setCurrentIndex(index, self.selectionModel().SelectionFlag.ClearAndSelect)
        self._ensure_selected_visible(index)

    def _ensure_selected_visible(self, index: QModelIndex) -> None:
        """Scroll so that the selected line (or the top of its cell) is in view."""
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        rect = self.visualRect(index)
        cell = index.data(CellRole)
        for block in self.cell_layout(index).blocks:
            if self.is_selected(block, cell):
                top, bottom = rect.top() + block.top, rect.top() + block.top + block.height
                bar = self.verticalScrollBar()
                if bottom > self.viewport().height():
                    bar.setValue(bar.value() + round(bottom - self.viewport().height()) + 12)
                elif top < 0:
                    bar.setValue(bar.value() + round(top) - 12)
                break

    # --- mouse ----------------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:
        super().mousePressEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position().toPoint()
        index, block = self.block_at(pos)
        if not index.isValid():
            return
        self._select_block(index, block)
        entry = block.entry if block is not None else None
        self._press = (entry.item_id, pos) if entry is not None and entry.kind == "session" else None

    def mouseMoveEvent(self, event) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return super().mouseMoveEvent(event)
        session_id, pressed = self._press
        pos = event.position().toPoint()
        if self.dragged is None:
            if (pos - pressed).manhattanLength() < QApplication.startDragDistance():
                return
            self.dragged = session_id
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        self._autoscroll(pos)
        self._set_drop(pos)

    def mouseReleaseEvent(self, event) -> None:
        dragged, drop = self.dragged, self._drop
        self._press = None
        if dragged is None:
            return super().mouseReleaseEvent(event)
        self.cancel_drag()
        if drop is not None and event.button() == Qt.MouseButton.LeftButton:
            self.move_session(dragged, *drop)

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mouseDoubleClickEvent(event)
        index, block = self.block_at(event.position().toPoint())
        cell = index.data(CellRole) if index.isValid() else None
        if cell is None:
            return
        entry = block.entry if block is not None else None
        if entry is not None and entry.kind in ("session", "plenary"):
            self.editRequested.emit("sessions" if entry.kind == "session" else "plenaries", entry.item_id)
        elif block is not None and block.kind == "lodging":
            self.lodgingRequested.emit(cell.group_id, cell.day)
        else:
            self.addSessionRequested.emit(cell.group_id, cell.day)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.dragged is not None:
            self.cancel_drag()
            return
        before = self.currentIndex()
        super().keyPressEvent(event)
        current = self.currentIndex()
        if current.isValid() and current != before:  # arrow keys move from day to day: the views follow
            self._select("days", [current.row() + 1])

    # --- dragging a session ---------------------------------------------------------------

    def _autoscroll(self, pos: QPoint) -> None:
        bar, margin = self.verticalScrollBar(), 28
        if pos.y() < margin:
            bar.setValue(bar.value() - 24)
        elif pos.y() > self.viewport().height() - margin:
            bar.setValue(bar.value() + 24)

    def drop_target(self, pos: QPoint) -> tuple[int, int, int | None, float] | None:
        """Where a session dropped at ``pos`` goes: (group, day, the session it goes
        before or None for last, the y of the drop line in the cell)."""
        index = self.indexAt(pos)
        cell = index.data(CellRole) if index.isValid() else None
        if cell is None:
            return None
        layout = self.cell_layout(index)
        y = pos.y() - self.visualRect(index).top()
        sessions = [b for b in layout.blocks if b.entry is not None and b.entry.kind == "session"
                    and b.entry.item_id != self.dragged]
        for block in sessions:
            if y < block.top + block.height / 2:
                return cell.group_id, cell.day, block.entry.item_id, block.top - 2
        if sessions:
            last = sessions[-1]
            return cell.group_id, cell.day, None, last.top + last.height + 1
        entries = [b for b in layout.blocks if b.entry is not None]
        top = entries[-1].top + entries[-1].height + 1 if entries else PAD + self.style_.line[BOLD] + 2
        return cell.group_id, cell.day, None, top

    def _set_drop(self, pos: QPoint) -> None:
        target = self.drop_target(pos)
        if target is None:
            self._drop, self.drop_line = None, None
        else:
            group_id, day, before, y = target
            self._drop = (group_id, day, before)
            index = self.board_model.index_of(group_id, day)
            self.drop_line = ((index.row(), index.column()), y)
        self.viewport().update()

    def cancel_drag(self) -> None:
        self._press, self.dragged, self._drop, self.drop_line = None, None, None, None
        self.viewport().unsetCursor()
        self.viewport().update()

    def move_session(self, session_id: int, group_id: int, day: int, before: int | None = None):
        """Move a session to (group, day), before the session ``before`` (None: last) —
        one undo step, re-timed at once; None when nothing changed or it was refused."""
        document = self.document
        plan = document.plan
        session = plan.get("sessions", session_id)
        outcome = move_session(plan, document.timetable, session_id, group_id, day, before=before)
        if session is None or outcome is None:
            return document.perform(outcome, "")
        site = plan.site(session.site_id)
        name = site.name if site else session.title
        group = plan.group(group_id)
        if (session.group_id, session.day) == (group_id, day):
            label = translate("Board", "调整「{name}」的顺序").format(name=name)
        else:
            label = translate("Board", "移动「{name}」到{group}第{day}天").format(
                name=name, group=group.name if group else "", day=day)
        change = document.perform(outcome, label)
        if change is not None:
            self._select("sessions", [session_id])
        return change

    # --- context menu ---------------------------------------------------------------------

    def context_menu(self, pos: QPoint) -> QMenu | None:
        """The menu for the cell at ``pos``: what is under the mouse, then what can be
        added to that group's day (tests trigger its actions without showing it)."""
        index, block = self.block_at(pos)
        cell = index.data(CellRole) if index.isValid() else None
        if cell is None:
            return None
        menu = QMenu(self)
        entry = block.entry if block is not None else None
        if entry is not None and entry.kind in ("session", "plenary"):
            kind = "sessions" if entry.kind == "session" else "plenaries"
            name = entry.site if entry.kind == "session" else entry.title
            self._select(kind, [entry.item_id])
            edit = menu.addAction(translate("Board", "编辑「{name}」…").format(name=name))
            edit.triggered.connect(lambda: self.editRequested.emit(kind, entry.item_id))
            delete = menu.addAction(translate("Board", "删除「{name}」").format(name=name))
            delete.setObjectName("deleteEntry")
            delete.triggered.connect(lambda: self.delete_item(kind, entry.item_id, name))
            menu.addSeparator()
        add = menu.addAction(translate("Board", "在此安排现场教学…"))
        add.setObjectName("addSession")
        add.triggered.connect(lambda: self.addSessionRequested.emit(cell.group_id, cell.day))
        lodging = menu.addAction(translate("Board", "设置当晚住宿…") if not cell.hotel
                                 else translate("Board", "更换当晚住宿…"))
        lodging.setObjectName("setLodging")
        lodging.triggered.connect(lambda: self.lodgingRequested.emit(cell.group_id, cell.day))
        plenary = menu.addAction(translate("Board", "在这一天添加全体活动…"))
        plenary.setObjectName("addPlenary")
        plenary.triggered.connect(lambda: self.plenaryRequested.emit(cell.day))
        return menu

    def contextMenuEvent(self, event) -> None:
        menu = self.context_menu(event.pos())  # viewport coordinates (the viewport's event)
        if menu is not None:
            menu.exec(event.globalPos())
            menu.deleteLater()

    def delete_item(self, kind: str, item_id: int, name: str):
        label = translate("Board", "删除「{name}」").format(name=name)
        return self.document.perform(delete_items(self.document.plan, kind, [item_id]), label)


__all__ = ["BoardView", "DayHeader", "SOURCE"]
