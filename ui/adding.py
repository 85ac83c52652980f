"""Adding groups, plenaries, lodging and hotels in the app: the actions (menus, tool bar,
shortcuts) and what they do — a dialog with defaults from what is selected, then the
named operation of ``planner.editing``, one undo step, and the new item selected.

The main window calls ``install_add_actions(window)`` once and places the actions; the
board asks for the same things from a cell (``set_lodging(group, night)``…).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from planner.editing import add_group, add_hotel, add_lodgings, add_plenary
from ui.add_dialogs import AddGroupDialog, AddHotelDialog, AddLodgingDialog, AddPlenaryDialog
from ui.icons import icon


class AddActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.add_group_action = self._action(self.tr("添加组(&G)…"), "Ctrl+Shift+G", "add-group", self.add_group,
                                             self.tr("添加一个组：名称、颜色、带队领导、车辆"))
        self.add_plenary_action = self._action(self.tr("添加全体活动(&L)…"), "Ctrl+Shift+L", "add-plenary",
                                               lambda: self.add_plenary(),
                                               self.tr("开班式、结业式等全体学员参加的活动"))
        self.add_lodging_action = self._action(self.tr("安排住宿(&H)…"), "Ctrl+Shift+H", "add-lodging",
                                               lambda: self.set_lodging(),
                                               self.tr("为一个组（或所有组）安排一晚或几晚的宾馆"))
        self.add_hotel_action = self._action(self.tr("添加宾馆(&B)…"), "Ctrl+Shift+B", "add-hotel", self.add_hotel,
                                             self.tr("添加一个宾馆（住宿地点）"))
        self.actions = [self.add_group_action, self.add_plenary_action, self.add_lodging_action,
                        self.add_hotel_action]
        window.addActions(self.actions)  # shortcuts work wherever the focus is in the window

    def _action(self, text: str, keys: str, icon_name: str, slot, tip: str) -> QAction:
        action = QAction(icon(icon_name), text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.setStatusTip(tip)
        action.setToolTip(f"{re.sub(r'[(（]&.[)）]|&', '', text)}（{keys}）")  # no access key in a tooltip
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @property
    def document(self):
        return self.window.document

    def _selected_day(self) -> tuple[int | None, int | None]:
        """(group, day) of what is selected, where it has them."""
        plan, selection = self.document.plan, self.document.selection
        item = plan.get(selection.kind, selection.first) if selection.first is not None and \
            selection.kind in ("sessions", "lodgings", "plenaries") else None
        if selection.kind == "sessions" and item is not None:
            return item.group_id, item.day
        if selection.kind == "lodgings" and item is not None:
            return item.group_id, item.night
        if selection.kind == "plenaries" and item is not None:
            return None, item.day
        if selection.kind == "days":
            return None, selection.first
        if selection.kind == "groups":
            return selection.first, None
        return None, None

    def _perform(self, outcome, label: str, kind: str) -> None:
        change = self.document.perform(outcome, label)
        if change is not None and change.new_ids:
            new = [i for k, ids in change.touched.items() if k == kind for i in ids if i in change.new_ids]
            if new:
                self.document.select(kind, new[:1])

    # --- the actions -------------------------------------------------------------------------

    def add_group(self) -> None:
        dialog = AddGroupDialog(self.document.plan, self.window)
        if self.window.run_dialog(dialog):
            values = dialog.values()
            self._perform(add_group(self.document.plan, **values),
                          self.tr("添加组「{name}」").format(name=values["name"]), "groups")

    def add_plenary(self, day: int | None = None) -> None:
        day = day if day is not None else self._selected_day()[1]
        dialog = AddPlenaryDialog(self.document.plan, day, self.window)
        if self.window.run_dialog(dialog):
            values = dialog.values()
            self._perform(add_plenary(self.document.plan, **values),
                          self.tr("添加全体活动「{title}」").format(title=values["title"]), "plenaries")

    def set_lodging(self, group_id: int | None = None, night: int | None = None) -> None:
        selected_group, selected_day = self._selected_day()
        group_id = group_id if group_id is not None else selected_group
        night = night if night is not None else selected_day
        dialog = AddLodgingDialog(self.document.plan, group_id, night, self.window.run_dialog, self.window)
        if self.window.run_dialog(dialog):
            values = dialog.values()
            nights = (str(values["first_night"]) if values["first_night"] == values["last_night"]
                      else f"{values['first_night']}–{values['last_night']}")
            label = self.tr("安排住宿（第 {nights} 天晚）").format(nights=nights)
            self._perform(add_lodgings(self.document.plan, **values), label, "lodgings")

    def add_hotel(self) -> None:
        selection = self.document.selection
        place_id = selection.first if selection.kind == "places" else None
        dialog = AddHotelDialog(self.document.plan, place_id, self.window)
        if self.window.run_dialog(dialog):
            values = dialog.values()
            self._perform(add_hotel(self.document.plan, **values),
                          self.tr("添加宾馆「{name}」").format(name=values["name"]), "sites")


def install_add_actions(window) -> AddActions:
    return AddActions(window)
