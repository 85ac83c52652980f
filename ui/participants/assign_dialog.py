"""自动分组: choose how to treat people of the same unit, see where everyone lands and
why, then confirm (one undoable step)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
    QVBoxLayout,
)

from planner.edits import Batch
from planner.model import Plan
from planner.roster.assign import UNIT_MODE_NAMES, UNIT_MODES, Assignment, assign_groups
from planner.roster.sources import RosterError
from ui.i18n import is_english


class AssignDialog(QDialog):
    def __init__(self, plan: Plan, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("自动分组"))
        self.resize(820, 600)
        self.plan = plan
        self.result: Assignment | None = None
        self.units = QComboBox()
        for mode in UNIT_MODES:
            zh, en = UNIT_MODE_NAMES[mode]
            self.units.addItem(en if is_english() else zh, mode)
        self.units.currentIndexChanged.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.people = QTableWidget(0, 4)
        self.people.setHorizontalHeaderLabels([self.tr("姓名"), self.tr("单位"), self.tr("分到"), self.tr("原因")])
        self.people.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("分组"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("同单位学员"), self.units)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("手动安排（已锁定）的学员保持不动；带队领导每组一位。")))
        layout.addWidget(self.summary)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.buttons)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.result = assign_groups(self.plan, self.units.currentData())
        except RosterError as error:
            self.result = None
            self.summary.setText(f"{error.message_zh}\n{error.message_en}")
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        result = self.result
        parts = []
        for group_id, name in result.names.items():
            capacity = result.capacities[group_id]
            parts.append(f"{name} {result.sizes[group_id]}" + (f"/{capacity}" if capacity is not None else ""))
        text = self.tr("各组人数：") + "，".join(parts)
        if result.unplaced:
            text += "\n" + self.tr("座位不足：%1 人未能分组").replace("%1", str(result.unplaced))
        self.summary.setText(text)
        self.people.setRowCount(len(result.placements))
        for row, placement in enumerate(result.placements):
            person = self.plan.get("participants", placement.participant_id)
            group = result.names.get(placement.group_id, self.tr("未分组"))
            for column, value in enumerate((person.name, person.unit, group, placement.reason)):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.people.setItem(row, column, item)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def edit(self) -> Batch | None:
        return self.result.edit(self.plan, self.tr("自动分组")) if self.result else None
