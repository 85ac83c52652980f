"""自动分组: choose how to treat people of the same unit and whether to place only those
without a group (the default) or everyone again, see who moves and why, then confirm
(one undoable step)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QLabel, QTableWidget,
    QTableWidgetItem, QVBoxLayout,
)

from planner.edits import Batch
from planner.model import Plan
from planner.roster.assign import UNIT_MODE_NAMES, UNIT_MODES, Assignment, assign_groups
from planner.roster.sources import RosterError
from ui.i18n import is_english


class AssignDialog(QDialog):
    def __init__(self, plan: Plan, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("学员自动编组"))
        self.resize(900, 600)
        self.plan = plan
        self.result: Assignment | None = None
        self.units = QComboBox()
        for mode in UNIT_MODES:
            zh, en = UNIT_MODE_NAMES[mode]
            self.units.addItem(en if is_english() else zh, mode)
        self.units.currentIndexChanged.connect(self.refresh)
        self.reassign_all = QCheckBox(self.tr("全部重新分配（已在组中的人也可能换组；带队领导和手动安排的人不动）"))
        self.reassign_all.toggled.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.people = QTableWidget(0, 5)
        self.people.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("单位"), self.tr("原组"), self.tr("分到"), self.tr("原因")])
        self.people.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("分组"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("同单位学员"), self.units)
        form.addRow("", self.reassign_all)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("默认只安排未分组的学员，已在组中的人一个不动；带队领导每组一位，从不换组。")))
        layout.addWidget(self.summary)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.buttons)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.result = assign_groups(self.plan, self.units.currentData(),
                                        reassign_all=self.reassign_all.isChecked())
        except RosterError as error:
            self.result = None
            self.summary.setText(f"{error.message_zh}\n{error.message_en}")
            self.people.setRowCount(0)
            self.ok_button.setEnabled(False)
            return
        result = self.result
        english = is_english()
        parts = []
        for group_id, name in result.names.items():
            capacity = result.capacities[group_id]
            parts.append(f"{name} {result.sizes[group_id]}" + (f"/{capacity}" if capacity is not None else ""))
        moves = result.moves(self.plan)
        text = self.tr("各组人数：") + "，".join(parts)
        text += "\n" + (self.tr("变动 %1 人（下表）").replace("%1", str(len(moves))) if moves
                        else self.tr("无人变动：所有学员都已在组中"))
        if result.unplaced:
            text += "\n" + self.tr("座位不足：%1 人未能分组").replace("%1", str(result.unplaced))
        self.summary.setText(text)
        self.people.setRowCount(len(moves))
        for row, move in enumerate(moves):
            values = (move.participant.name, move.participant.unit, result.group_name(move.before, english),
                      result.group_name(move.after, english), move.reason_en if english else move.reason)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)  # long reasons are cut off in the column
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.people.setItem(row, column, item)
        self.ok_button.setEnabled(bool(result.edit(self.plan).edits))

    def edit(self) -> Batch | None:
        return self.result.edit(self.plan, self.tr("学员自动编组")) if self.result else None
