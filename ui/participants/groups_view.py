"""分组调整: the groups and their people in one tree; drag people onto another group
(or onto 未分组) to move them. Each move is one undoable edit that also locks the
person in their new group, so a later automatic assignment keeps them there."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from planner.edits import Batch
from planner.editing import move_people
from planner.labels import label
from planner.roles import role_name, role_order
from ui.document import PlanDocument
from ui.icons import icon
from ui.i18n import is_english

MIME = "application/x-study-tour-participants"
GROUP_ROLE = Qt.ItemDataRole.UserRole  # on a group row: its id (0 for 未分组)
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1  # on a person row: the participant id
UNASSIGNED = 0


class GroupTree(QTreeWidget):
    """The tree; a drop reports (participant ids, group id or None) and changes nothing."""

    moveRequested = Signal(list, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setColumnCount(6)
        self.setHeaderLabels([self.tr("姓名"), self.tr("性别"), self.tr("单位"), self.tr("职务"), self.tr("角色"),
                              self.tr("分组原因")])
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, items) -> QMimeData:
        data = QMimeData()
        ids = [item.data(0, PERSON_ROLE) for item in items if item.data(0, PERSON_ROLE) is not None]
        data.setData(MIME, json.dumps(ids).encode())
        return data

    def group_at(self, pos) -> int | None | bool:
        """The group id under ``pos`` (None for 未分组), or False when over nothing."""
        item = self.itemAt(pos)
        if item is None:
            return False
        if item.parent() is not None:
            item = item.parent()
        group_id = item.data(0, GROUP_ROLE)
        return None if group_id == UNASSIGNED else group_id

    def _accepts(self, event) -> bool:
        return event.mimeData().hasFormat(MIME) and self.group_at(event.position().toPoint()) is not False

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._accepts(event):
            event.setDropAction(Qt.DropAction.CopyAction)  # the tree is redrawn from the plan
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        if not self._accepts(event):
            event.ignore()
            return
        ids = json.loads(bytes(event.mimeData().data(MIME)).decode() or "[]")
        group_id = self.group_at(event.position().toPoint())
        # Copy, not move: Qt must not remove the rows; the edit redraws the tree.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if ids:
            QTimer.singleShot(0, lambda: self.moveRequested.emit(ids, group_id))


class ParticipantGroupsView(QWidget):
    """Groups with their seats taken, and their people; drag and drop to move."""

    def __init__(self, document: PlanDocument, parent=None):
        super().__init__(parent)
        self.document = document
        self.tree = GroupTree()
        self.tree.moveRequested.connect(self.move)
        self.tree.itemSelectionChanged.connect(self._selected)
        self.hint = QLabel(self.tr("拖动学员到另一组即可调整；调整后的学员自动锁定。"))
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree)
        document.changed.connect(self._changed)
        self.rebuild()

    def _changed(self, kinds) -> None:
        if kinds & {"participants", "groups"}:
            self.rebuild()

    def group_item(self, group_id: int | None) -> QTreeWidgetItem | None:
        key = UNASSIGNED if group_id is None else group_id
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item.data(0, GROUP_ROLE) == key:
                return item
        return None

    def person_item(self, participant_id: int) -> QTreeWidgetItem | None:
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            for child in range(group.childCount()):
                if group.child(child).data(0, PERSON_ROLE) == participant_id:
                    return group.child(child)
        return None

    def rebuild(self) -> None:
        plan = self.document.plan
        expanded = {self.tree.topLevelItem(i).data(0, GROUP_ROLE) for i in range(self.tree.topLevelItemCount())
                    if not self.tree.topLevelItem(i).isExpanded()}
        self.tree.clear()
        members: dict[int, list] = {}
        for person in plan.participants:
            key = person.group_id if person.group_id is not None and plan.group(person.group_id) else UNASSIGNED
            members.setdefault(key, []).append(person)
        order = role_order(plan)
        rows = [(g.id, g.name, g.capacity, g.colour) for g in plan.ordered_groups()]
        rows.append((UNASSIGNED, self.tr("未分组"), None, "#888888"))
        for key, name, capacity, colour in rows:
            people = sorted(members.get(key, []), key=lambda p: (order.get(p.role, len(order)), p.id))
            seats = f"{len(people)}/{capacity}" if capacity is not None else str(len(people))
            heading = self.tr("%1（%2 人）").replace("%1", name).replace("%2", seats)
            group_item = QTreeWidgetItem([heading])
            group_item.setData(0, GROUP_ROLE, key)
            group_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled)
            group_item.setForeground(0, QBrush(QColor(colour)))
            if capacity is not None and len(people) > capacity:
                group_item.setForeground(0, QBrush(QColor("#b00020")))
                group_item.setToolTip(0, self.tr("超员：缺 %1 个座位").replace("%1", str(len(people) - capacity)))
            font = group_item.font(0)
            font.setBold(True)
            group_item.setFont(0, font)
            self.tree.addTopLevelItem(group_item)
            for person in people:
                child = QTreeWidgetItem([person.name, label("gender", person.gender, is_english()), person.unit,
                                         person.title, role_name(plan, person.role, is_english()), person.group_reason])
                child.setData(0, PERSON_ROLE, person.id)
                if person.locked:  # an icon, not 🔒: that shows as a box without an emoji font
                    child.setIcon(0, icon("locked"))
                    child.setToolTip(0, self.tr("已锁定：自动编组不会移动此人"))
                child.setToolTip(5, person.group_reason)
                child.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
                group_item.addChild(child)
            group_item.setExpanded(key not in expanded)
        self.tree.resizeColumnToContents(0)

    def move(self, ids: list[int], group_id: int | None) -> None:
        """Move people to ``group_id`` (None: out of every group) as one undoable edit."""
        plan = self.document.plan
        outcome = move_people(plan, ids, group_id)
        moved = [e.id for e in outcome.edits] if isinstance(outcome, Batch) else []
        group = plan.group(group_id) if group_id is not None else None
        target = group.name if group else self.tr("未分组")
        if len(moved) == 1:
            who = plan.get("participants", moved[0]).name
            label = self.tr("将「%1」移到%2").replace("%1", who).replace("%2", target)
        else:
            label = self.tr("将 %1 人移到%2").replace("%1", str(len(moved))).replace("%2", target)
        self.document.perform(outcome, label)

    def _selected(self) -> None:
        ids = [item.data(0, PERSON_ROLE) for item in self.tree.selectedItems() if item.data(0, PERSON_ROLE)]
        if ids:
            self.document.select("participants", ids, source="participant-groups")
