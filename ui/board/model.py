"""The board's table model: one row per day, one column per group.

Each cell holds the group's day (``planner.board.BoardCell``, under ``CellRole``) and
reads it out in full as its display and accessible text, so screen readers, tests and
the delegate that draws it all see the same words. The model follows the document:
an edit rebuilds the board and announces only the cells and days that changed.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QPixmap

from planner.board import Board, BoardCell, BoardDay, build_board
from ui.board import texts
from ui.document import PlanDocument
from ui.i18n import translate

CellRole = Qt.ItemDataRole.UserRole + 1  # the BoardCell
DayRole = Qt.ItemDataRole.UserRole + 2  # the BoardDay (cells and headers)
GroupRole = Qt.ItemDataRole.UserRole + 3  # the Group (cells and column headers)

# Kinds of change that alter what the board shows.
SHOWN_KINDS = frozenset({"programme", "groups", "places", "sites", "sessions", "plenaries", "legs",
                         "lodgings", "day_settings", "participants"})


class BoardModel(QAbstractTableModel):
    def __init__(self, document: PlanDocument, parent=None):
        super().__init__(parent)
        self.document = document
        self.board: Board = self._build()
        document.changed.connect(self._document_changed)

    def _build(self) -> Board:
        document = self.document
        return build_board(document.plan, document.timetable, document.findings)

    # --- reading ------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.board.days)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.board.group_ids)

    def cell(self, index: QModelIndex) -> BoardCell | None:
        if not index.isValid() or index.row() >= len(self.board.days):
            return None
        cells = self.board.days[index.row()].cells
        return cells[index.column()] if index.column() < len(cells) else None

    def day(self, row: int) -> BoardDay | None:
        return self.board.days[row] if 0 <= row < len(self.board.days) else None

    def index_of(self, group_id: int, day: int) -> QModelIndex:
        if group_id not in self.board.group_ids or not 1 <= day <= len(self.board.days):
            return QModelIndex()
        return self.index(day - 1, self.board.group_ids.index(group_id))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        cell = self.cell(index)
        if cell is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return texts.cell_text(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            return texts.findings_text(cell.findings) or None
        if role == CellRole:
            return cell
        if role == DayRole:
            return self.board.days[index.row()]
        if role == GroupRole:
            return self.document.plan.group(cell.group_id)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.board.group_ids):
                return None
            group = self.document.plan.group(self.board.group_ids[section])
            if group is None:
                return None
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return group.name
            if role == Qt.ItemDataRole.DecorationRole:
                swatch = QPixmap(12, 12)
                swatch.fill(QColor(group.colour))
                return swatch
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._group_tooltip(group)
            if role == GroupRole:
                return group
            return None
        day = self.day(section)
        if day is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return texts.day_header_text(day)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (texts.day_header_text(day), texts.findings_text(day.findings)) if x)
        if role == DayRole:
            return day
        return None

    def _group_tooltip(self, group) -> str:
        plan = self.document.plan
        lines = [group.name]
        if group.leader:
            lines.append(translate("Board", "带队领导：{name}").format(name=group.leader))
        if group.vehicle or group.capacity:
            seats = translate("Board", "（{seats} 座）").format(seats=group.capacity) if group.capacity else ""
            lines.append(translate("Board", "车辆：{vehicle}{seats}").format(vehicle=group.vehicle, seats=seats))
        route = " → ".join(p.name for p in plan.route_places(group.id))
        if route:
            lines.append(route)
        return "\n".join(lines)

    # --- following the document -----------------------------------------------------------

    def _document_changed(self, kinds) -> None:
        if not kinds & SHOWN_KINDS:
            return
        board = self._build()
        old, self.board = self.board, board
        if (old.group_ids, len(old.days)) != (board.group_ids, len(board.days)):
            self.beginResetModel()
            self.endResetModel()
            return
        for row, (before, after) in enumerate(zip(old.days, board.days)):
            if (before.date, before.plenaries, before.findings) != (after.date, after.plenaries, after.findings):
                self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)
            changed = [column for column, (a, b) in enumerate(zip(before.cells, after.cells)) if a != b]
            if changed:
                self.dataChanged.emit(self.index(row, min(changed)), self.index(row, max(changed)))
        if "groups" in kinds:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(board.group_ids) - 1))
